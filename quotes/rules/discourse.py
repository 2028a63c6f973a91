"""Rules between sentences: who speaks where a sentence names no one.

Japanese drops a subject the reader already knows, so a cue with no subject of its
own continues the speaker of the sentence before (`carry`), or the person the
sentence before was about (`sentence_topic`); what is said to questioning is said by
the suspect named last (`questioned`); a quotation standing alone is attributed by
the sentence that points at it (`pointed`); a sentence that only names a medium
(聯合ニュースが伝えた。) is the via of the words before it (`sign_off`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache

import attrs
import regex
from spacy.tokens import Doc, Token

from quotes import confidence
from quotes.grammar.arguments import topic_of
from quotes.grammar.phrases import can_be_source
from quotes.lexicon import Lexicon
from quotes.people.mentions import Parts
from quotes.records import Quotation, Via
from quotes.rules.findings import Finding
from quotes.rules.pointing import pointed_finding, pointing_cue, standalone
from quotes.text.masking import Unit

#: a unit index and the record or person it holds
Previous = tuple[int, Quotation]
Topic = tuple[int, Parts]


def carry(record: Quotation, previous: Previous | None, k: int) -> Quotation:
    """A cue with no subject continues the previous sentence's speaker (主語の省略)."""
    if previous is None:
        return record
    prev_k, prev = previous
    if prev_k != k - 1 or prev.speaker is None:
        return record
    return attrs.evolve(
        record,
        speaker=prev.speaker,
        affiliation=prev.affiliation,
        via=record.via or prev.via,
        confidence=confidence.CARRIED,
    )


def from_topic(record: Quotation, topic: Topic | None, k: int) -> Quotation:
    """森田教育長は会見で謝罪した。「…」と述べた: the last sentence's topic speaks."""
    if topic is None or topic[0] != k - 1:
        return record
    parts = topic[1]
    return attrs.evolve(
        record, speaker=parts.speaker, affiliation=parts.affiliation, confidence=confidence.CARRIED
    )


def sentence_topic(
    k: int, unit: Unit, doc: Doc, lex: Lexicon, read: Callable[[Unit, Token], Parts | None]
) -> Topic | None:
    """The person a sentence is about: the は-topic of its main verb, named or titled."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return None
    head = topic_of(doc, roots[0], unit.slots, lex)
    if head is None or not can_be_source(head, lex):
        return None
    parts = read(unit, head)
    if parts is None or parts.speaker.anonymous or not (parts.speaker.title or parts.speaker.honorific):
        return None
    return k, parts


def questioned(record: Quotation, unit: Unit, mentions: Sequence[Parts], lex: Lexicon) -> Quotation:
    """`…容疑者を逮捕した。調べに対し「…」と容疑を認めている`: what is said to questioning
    is said by the suspect named last before it (`suspects.txt`)."""
    if "調べ" not in unit.source[unit.start : record.start]:
        return record
    suspects = [
        m
        for m in mentions
        if m.speaker.end <= record.start
        and m.speaker.title is not None
        and m.speaker.title.endswith(lex.suspects)
    ]
    if not suspects:
        return record
    last = max(suspects, key=lambda m: m.speaker.start)
    return attrs.evolve(record, speaker=last.speaker, confidence=confidence.CARRIED)


@attrs.frozen(kw_only=True)
class Pointed:
    """A standalone quotation's finding, read on the neighbouring sentence that points at it."""

    neighbour: int  # the unit that points
    finding: Finding
    group: int  # shared by the quotations one pointing sentence attributes


def pointed(units: Sequence[Unit], docs: Mapping[int, Doc], lex: Lexicon) -> list[Pointed]:
    """Quotations standing as their own sentence, attributed by the sentence that points
    at them: 「…」。Xはこう述べた (after) or Xは次のように語った。「…」 (before)."""
    found: list[Pointed] = []
    group = 0
    for k, unit in enumerate(units):
        if not standalone(unit):
            continue
        for neighbour, direction in ((k + 1, "back"), (k - 1, "forward")):
            doc = docs.get(neighbour)
            cue = pointing_cue(doc, lex) if doc is not None else None
            if doc is None or cue is None or cue[1] != direction:
                continue
            group += 1
            found.extend(
                Pointed(neighbour=neighbour, finding=pointed_finding(doc, cue[0], slot, lex), group=group)
                for slot in unit.slots
            )
            break
    return found


def sign_off(source: str, units: Sequence[Unit], records: list[Quotation], lex: Lexicon) -> list[Quotation]:
    """The medium a sentence of its own names (…と述べた。聯合ニュースが伝えた。) is the
    via of the words in the sentence before it that have a speaker and no via."""
    pattern = _sign_off_pattern(lex.sign_off_verbs)
    out = list(records)
    for k in range(1, len(units)):
        unit = units[k]
        found = pattern.fullmatch(source, unit.start, unit.end)
        if found is None or not lex.is_media(found.group("medium")):
            continue
        before = units[k - 1]
        via = Via(start=found.start("medium"), end=found.end("medium"), text=found.group("medium"))
        for i, record in enumerate(out):
            if (
                before.start <= record.start < before.end
                and record.kind in ("direct", "indirect")
                and record.speaker is not None
                and record.via is None
            ):
                out[i] = attrs.evolve(record, via=via)
    return out


@cache
def _sign_off_pattern(verbs: tuple[str, ...]) -> regex.Pattern[str]:
    """A sentence that only names the medium: 聯合ニュースが伝えた。 AP通信が報じた。"""
    alternatives = "|".join(map(regex.escape, verbs))
    return regex.compile(rf"\s*(?P<medium>[^、。，,\s「」]{{2,30}}?)(?:が|は)(?:{alternatives})[。．]?\s*")
