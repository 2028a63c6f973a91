"""Sources that frame a whole sentence: `Xによると、Y`, `Xによれば、Y`, `Xの話として、Y`.

X is the source of the rest of the sentence; of nested frames (Xの報道によると、Yの
コメントとして、Z) the inner one speaks and the outer one relays.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Token

from quotes.grammar.phrases import can_be_source, noun_phrase
from quotes.grammar.tokens import after_particles, is_passive, lemma_of, slot_of
from quotes.lexicon import Lexicon
from quotes.rules.clauses import past_frame_phrases
from quotes.rules.findings import Reported
from quotes.text.masking import Slot

#: case endings that frame a whole sentence as someone's report
_SOURCE_FORMS = ("によると", "によれば", "によりますと", "によりますれば")


_RELAY_FORMS = ("として", "では", "によると", "によれば")


_FRAME_STARTS = frozenset(f[0] for f in (*_SOURCE_FORMS, *_RELAY_FORMS))


def source_frames(doc: Doc, slots: Sequence[Slot], lex: Lexicon) -> list[Reported]:
    """`Xによると、Y` and `Xの話として、Y`: X is the source of the rest of the sentence."""
    out: list[Reported] = []
    end = len(doc)
    while end > 0 and doc[end - 1].pos_ in ("PUNCT", "SYM") and doc[end - 1].text not in ("」", "』"):
        end -= 1  # not a closing bracket: the words it closes end the clause
    for tok in doc:
        if tok.text[:1] not in _FRAME_STARTS:
            continue
        frame = _frame_at(doc, tok, lex.relay_nouns)
        if frame is None:
            continue
        cue_end = frame
        source = tok.head if tok.head.i < tok.i else None
        if source is None or slot_of(source, slots) is not None:
            continue
        relay_via = None
        teller = _teller(source) if source.lemma_ in ("ところ", "の") else None
        told = teller is not None
        told_at = next((c.i for c in source.children if c.dep_ == "acl" and c.i < source.i), tok.i)
        if teller is not None:
            source = teller  # ロイター通信が伝えたところによると / NHKが伝えたところでは: the teller
            inner = _relayed_in(doc, doc[told_at], lex)
            if inner is not None:  # KNAが政府高官の話として伝えたところによると: the official speaks
                relay_via, source = noun_phrase(teller, lex), inner
        if source.lemma_ in lex.relay_nouns:
            # Xの話として / Xの発表によると: X, not 話, is the source; so is X of Xが実施した調査
            owners = _owners(source) or [
                t for t in (_teller(source),) if t is not None and can_be_source(t, lex)
            ]
            if not owners:
                continue
            cue_start = source.i
            if doc[tok.i : cue_end].text not in _SOURCE_FORMS:
                relay_via = _relaying_subject(doc, source, lex)
            source = owners[-1]
        else:
            if doc[tok.i : cue_end].text.startswith(("として", "では")) and not told:
                continue
            # 伝えたところでは is the cue as a whole; によると alone says it
            cue_start = told_at if doc[tok.i : cue_end].text == "では" else tok.i
        start = past_frame_phrases(doc, after_particles(doc, cue_end - 1), end, lex)
        stop = _passive_report_end(doc, start, end, lex)
        if start >= stop or _bracketed_words(doc, start, slots):
            continue
        out.append(
            Reported(
                clause=(start, stop),
                cue=(cue_start, cue_end),
                cue_lemma=doc[cue_start:cue_end].text,
                cue_class="report",
                subject=source.i,
                sources=_listed(doc, source, lex),
                via=relay_via,
                frame=True,
                rule="frame",
            )
        )
    return _innermost(doc, out, lex)


def _bracketed_words(doc: Doc, start: int, slots: Sequence[Slot]) -> bool:
    """Whether the clause is one bracketed quotation and its cue (Xによると、「…」と話した):
    the words are the quotation's, not a reported clause that would end inside them."""
    if start + 2 >= len(doc) or doc[start].text not in ("「", "『"):
        return False
    q = doc[start + 1]
    closer = start + 2
    return (
        slot_of(q, slots) is not None
        and closer + 1 < len(doc)
        and doc[closer + 1].text in ("と", "って")
        and q.head.pos_ == "VERB"
    )


def _listed(doc: Doc, source: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The tokens of a list of sources joined by 、 or ・ that ends in `source`
    (ニューヨークタイムズ(NYT)、ワシントンポスト(WP)などによると), or None for one source."""
    start, end = noun_phrase(source, lex)
    first = start
    while first >= 2 and doc[first - 1].text in ("、", "・", ","):
        item = doc[first - 2]
        if item.head.i not in range(start, end) or not (
            item.pos_ == "PROPN" or lex.names_org(item.text) or lex.is_media(item.text)
        ):
            break
        first = item.i
        while first > 0 and doc[first - 1].head == doc[first] and doc[first - 1].dep_ in ("compound", "flat"):
            first -= 1  # the item's own name (ワシントン|ポスト), not what describes it (17日の)
    return (first, end) if first < start else None


def _innermost(doc: Doc, frames: list[Reported], lex: Lexicon) -> list[Reported]:
    """Of nested frames (Xの報道によると、Yのコメントとして、Z), Y speaks and X relays."""
    if len(frames) < 2:
        return frames
    outer, inner = frames[-2], frames[-1]
    if inner.clause[0] > outer.clause[0] and inner.clause[1] <= outer.clause[1]:
        via = inner.via or (noun_phrase(doc[outer.subject], lex) if outer.subject is not None else None)
        return [*frames[:-2], attrs.evolve(inner, via=via)]
    return frames


def _passive_report_end(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """Where a frame's clause stops: before `…と報じられた` (the frame's report itself)."""
    for tok in doc[start:end]:
        head = tok.head
        if (
            tok.text == "と"
            and tok.dep_ == "case"
            and head.i < tok.i
            and head.head.i > tok.i
            and is_passive(head.head)
            and lex.cue_class(lemma_of(head.head)) in ("report", "speech")
        ):
            return tok.i
    return end


def _teller(noun: Token) -> Token | None:
    """The subject of the clause describing a formal noun (Xが伝えたところ -> X)."""
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.i < noun.i:
            subjects = [c for c in clause.children if c.dep_ in ("nsubj", "dislocated")]
            if subjects:
                return subjects[0]
            # 国営X通信(KNA)が…伝えたところ: the parser hung the teller elsewhere; the
            # が-subject the clause begins with
            # (or inside it): the が-subject the clause begins with
            first = clause.left_edge.i
            for t in noun.doc[max(0, first - 12) : clause.i]:
                if t.pos_ in ("NOUN", "PROPN") and any(
                    c.text == "が" and c.dep_ == "case" for c in t.children
                ):
                    return t if t.left_edge.i >= max(0, first - 12) and t.i + 1 < clause.i else None
    return None


def _relayed_in(doc: Doc, verb: Token, lex: Lexicon) -> Token | None:
    """Y of `XがYの話として伝えた`: the owner of a relay noun with として on the teller's verb."""
    for child in verb.children:
        if child.lemma_ in lex.relay_nouns and doc[child.i + 1 : child.i + 4].text.startswith("として"):
            owners = _owners(child)
            if owners:
                return owners[-1]
    return None


def _owners(noun: Token) -> list[Token]:
    """Who a relay noun belongs to: 毎日の別の記事 -> 毎日 (through 別の)."""
    found: list[Token] = []
    for child in noun.children:
        if child.dep_ == "nmod" and child.i < noun.i:
            if child.pos_ in ("NOUN", "PROPN", "PRON"):
                found.append(child)
            else:
                found.extend(_owners(child))
    return found


def _frame_at(doc: Doc, tok: Token, relay_nouns: frozenset[str]) -> int | None:
    """End (exclusive) of a によると/の話として frame starting at `tok`, or None."""
    for form in (*_SOURCE_FORMS, *_RELAY_FORMS):
        end, text = tok.i, ""
        while end < len(doc) and len(text) < len(form):
            text += doc[end].text
            end += 1
        if text == form:
            told = form == "では" and tok.i > 0 and doc[tok.i - 1].lemma_ == "ところ"  # 伝えたところでは
            if (
                form in ("として", "では")
                and not (tok.i > 0 and doc[tok.i - 1].lemma_ in relay_nouns)
                and not told
            ):
                return None
            if form in ("として", "では"):
                nxt = doc[end] if end < len(doc) else None
                if nxt is None or nxt.text not in ("、", ","):
                    return None
            return end
    return None


def _relaying_subject(doc: Doc, relay_noun: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The outlet that relays (NHKは関係者の話として…): the main verb's subject."""
    v = relay_noun.head
    for child in v.children:
        if child.dep_ in ("nsubj", "dislocated") and child.i < relay_noun.i:
            return noun_phrase(child, lex)
    return None
