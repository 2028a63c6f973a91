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
from quotes.grammar.arguments import subject_of, topic_of
from quotes.grammar.phrases import can_be_source, noun_phrase
from quotes.grammar.tokens import is_passive, is_predicate, lemma_of, names_person
from quotes.lexicon import Lexicon
from quotes.people.entities import same_person
from quotes.people.mentions import Parts
from quotes.records import Quotation, Speaker, Via
from quotes.rules.findings import Finding
from quotes.rules.pointing import pointed_finding, pointing_cue, standalone
from quotes.text.masking import Unit

#: a unit index and the record or person it holds
Previous = tuple[int, Quotation]
Topic = tuple[int, Parts]


#: what a phrase is written with and a name mostly is not (巨大な負担, 核のアパルトヘイト)
_HIRAGANA = regex.compile(r"\p{Hiragana}")
#: how many sentences a source stays the one the discourse is about, with no new one named
WINDOW = 3


#: what stands between a question and its answer in one sentence: 「…」と重ねて聞くと、「…」
_TURN = regex.compile(r"[」』]と[^。、「」『』]{1,12}[^たで]と[、,]\s*[「『]?")


def answers(previous: Previous | None, k: int, record: Quotation, source: str) -> bool:
    """Whether `record` answers the words before it in the same sentence (Xが「…」と聞くと、
    「…」と答えた): the one who asked does not go on speaking."""
    if previous is None or previous[0] != k:
        return False
    prev = previous[1]
    return prev.end <= record.start and _TURN.fullmatch(source, prev.end, record.start) is not None


def carry(record: Quotation, previous: Previous | None, k: int) -> Quotation:
    """A cue with no subject continues the speaker of the words just before it, in the
    same sentence or the one before (主語の省略: 「A」と述べた。「B」とも語った)."""
    if previous is None:
        return record
    prev_k, prev = previous
    if prev_k not in (k - 1, k) or prev.speaker is None:
        return record
    return attrs.evolve(
        record,
        speaker=prev.speaker,
        affiliation=prev.affiliation,
        via=record.via or prev.via,
        confidence=confidence.CARRIED,
        rule="carried",
    )


#: a noun marked as a sentence's topic or subject (佐々木投手は, 税収も, 雨が)
_MARKED = regex.compile(r"[\p{Han}\p{Katakana}ーA-Za-z0-9０-９）)」][はがも]")


def subjectless(text: str) -> bool:
    """Whether a sentence names no topic or subject of its own (抑えのエースとして活躍し、
    タイトルを獲得した。): it goes on about the source the discourse is about. Read from the
    words, for a sentence that is not parsed."""
    return _MARKED.search(text) is None


def from_focus(record: Quotation, focus: Topic | None, k: int) -> Quotation:
    """佐藤選手が試合後、取材に応じた。「…」と話した: a cue with no subject of its own is
    said by the source the discourse is about, named in one of the `WINDOW` sentences
    before (and not replaced by another since)."""
    if focus is None or not k - WINDOW <= focus[0] < k:
        return record
    parts = focus[1]
    return attrs.evolve(
        record,
        speaker=parts.speaker,
        affiliation=parts.affiliation,
        confidence=confidence.CARRIED,
        rule="focus",
    )


def reports_only(speaker: Speaker | None, lex: Lexicon) -> bool:
    """Whether the source the discourse is about, or the last speaker, is a medium (共同通信社
    は…確認した。): it reports what others say, and a later quotation with no subject is not
    its words."""
    return speaker is not None and lex.is_media(speaker.name or speaker.text)


def sentence_focus(
    k: int,
    unit: Unit,
    doc: Doc,
    lex: Lexicon,
    read: Callable[[Unit, Token], Parts | None],
    known: Sequence[Parts] = (),
    *,
    topic_only: bool = False,
) -> Topic | None:
    """The source a sentence is about: the は-topic, else the が-subject, of its main verb,
    when it can speak: a person (named, titled, with an honorific or unnamed, or the
    surname of a person in `known`, 早瀬 of FW早瀬陸斗) or an organisation; not a place,
    a thing or a time (会場は, 試合は, 12日は). With `topic_only`, a が-subject does not
    count unless the sentence tells of speaking (see `sets_topic`)."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return None
    root = roots[0]
    head = topic_of(doc, root, unit.slots, lex)
    if head is None and topic_only:
        return None
    head = head or subject_of(doc, root, unit.slots, lex) or _loose_subject(doc, root, lex)
    if head is None or not can_be_source(head, lex):
        return None
    parts = read(unit, head)
    if parts is None:
        return None
    speaker = parts.speaker
    person = bool(speaker.title or speaker.honorific or speaker.anonymous)
    named = speaker.name is not None and (
        lex.names_org(speaker.name)
        or any(names_person(t) for t in doc[head.i : head.i + 1])
        or any(m.speaker.name and same_person(speaker.name, m.speaker.name, lex) for m in known)
    )
    if not (person or named) or (speaker.name or "") in lex.places:
        return None
    return k, parts


def speaks_of_speaking(doc: Doc, lex: Lexicon) -> bool:
    """Whether a sentence tells of an occasion for speaking or of an act of speech (田中氏が
    反論した): its が-subject may be who speaks next; in マウンドには港健吾がいた a person is
    only present, and the one who spoke before goes on speaking."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    return at_occasion(doc, lex) or any(lex.cue_class(lemma_of(t)) is not None for t in roots)


def at_occasion(doc: Doc, lex: Lexicon) -> bool:
    """Whether a sentence tells of an occasion for speaking: an interview (取材に応じた,
    インタビューで) or an occasion held (会見し, 演説した; not 今大会では, a setting)."""
    return any(t.lemma_ in lex.interviews or (t.lemma_ in lex.occasions and t.pos_ == "VERB") for t in doc)


def _loose_subject(doc: Doc, root: Token, lex: Lexicon) -> Token | None:
    """A が/は subject before the main verb that the parser hung on a word of the main
    clause (佐藤選手が|試合後、取材に応じた), not one inside a relative clause."""
    for tok in doc[: root.i]:
        if tok.dep_ not in ("nsubj", "dislocated") or not can_be_source(tok, lex):
            continue
        ancestors = list(tok.ancestors)
        if root in ancestors and not any(a.dep_ == "acl" for a in ancestors):
            return tok
    return None


def taken_in(unit: Unit, doc: Doc, lex: Lexicon, read: Callable[[Unit, Token], Parts | None]) -> list[Parts]:
    """The people a sentence says were taken in for questioning (`questioning.tsv`,
    custody): the object of …の男を逮捕した, the subject of …容疑者が送検された. What the
    police (the sentence's subject) are is no affiliation of theirs."""
    found: list[Parts] = []
    for tok in doc:
        passive = tok.dep_ in ("nsubj", "nsubj:pass")
        if tok.dep_ != "obj" and not passive:
            continue
        verb = _custody_verb(tok, lex)
        if verb is None or (passive and not is_passive(verb)):
            continue
        if tok.lemma_ == "身柄":  # 男の身柄を拘束した: the one whose person it is
            tok = next((c for c in tok.children if c.dep_ == "nmod"), tok)
        parts = read(unit, tok)
        if parts is None or tok.lemma_ == "身柄" or lex.names_org(parts.speaker.name or parts.speaker.text):
            continue
        who = parts.speaker
        if not (who.name or who.title or who.anonymous):
            continue  # 事情を聴取した, 身柄を拘束した: no person
        start = unit.start + doc[noun_phrase(tok, lex)[0]].idx
        affiliation = parts.affiliation
        if affiliation is not None and affiliation.start < start:
            parts = attrs.evolve(parts, affiliation=None)  # 兵庫県警は…元社員の男を: not his
        found.append(parts)
    return found


def _custody_verb(tok: Token, lex: Lexicon) -> Token | None:
    """The custody verb (逮捕) `tok` is an argument of, through the nouns the parser may
    hang it on first (男を酒気帯び運転の疑いで逮捕: 男 on 酒気); None past another verb."""
    custody = lex.questioning_words("custody")
    for up in tok.ancestors:
        if lemma_of(up) in custody or up.lemma_ in custody:
            return up
        if up.pos_ in ("VERB", "ADJ") or up.dep_ == "ROOT":
            return None
    return None


def to_questioning(record: Quotation, unit: Unit, lex: Lexicon) -> bool:
    """Whether the words answer questioning: 調べに対し before them, or a cue only the
    questioned use (と供述している, と容疑を否認している)."""
    before = unit.source[unit.start : record.start]
    cue = record.cue.text if record.cue is not None else ""
    return any(w in before for w in lex.questioning_words("setting")) or any(
        w in cue for w in lex.questioning_words("answer")
    )


def questioned(
    record: Quotation, unit: Unit, held: Sequence[Parts], mentions: Sequence[Parts], lex: Lexicon
) -> Quotation:
    """`…の男を逮捕した。調べに対し「…」と容疑を認めている`: what is said to questioning, or
    with a cue only the questioned use (供述, 容疑を否認), is said by the one last taken in
    (`held`, `taken_in`) or named a suspect (`suspects.txt`) before it, not by the police;
    the record as it is when no one was, for the rules after (`to_questioning` says whether
    it answers)."""
    suspects = [m for m in mentions if m.speaker.title is not None and m.speaker.title.endswith(lex.suspects)]
    candidates = [p for p in (*held, *suspects) if p.speaker.end <= record.start]
    if not candidates:
        return record
    last = max(candidates, key=lambda p: p.speaker.start)
    return attrs.evolve(
        record,
        speaker=last.speaker,
        affiliation=last.affiliation,
        confidence=confidence.CARRIED,
        rule="questioned",
    )


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
            if doc is None or cue is None or cue[1] not in (direction, "either"):
                continue
            group += 1
            found.extend(
                Pointed(neighbour=neighbour, finding=pointed_finding(doc, cue[0], slot, lex), group=group)
                for slot in unit.slots
            )
            break
        else:
            introduced = _introduced_before(units, docs, k, lex)
            if introduced is not None:
                group += 1
                found.extend(
                    Pointed(
                        neighbour=introduced[0],
                        finding=Finding(slot=slot, kind="direct", subject=introduced[1].i, rule="introduced"),
                        group=group,
                    )
                    for slot in unit.slots
                )
    return found


#: how many sentences naming no one may stand between the person and their words
_INTRODUCED_REACH = 2


def _introduced_before(
    units: Sequence[Unit], docs: Mapping[int, Doc], k: int, lex: Lexicon
) -> tuple[int, Token] | None:
    """The sentence before quotation-only unit `k` that introduces its speaker, and the
    speaker's token: the sentence just before, or, past sentences of that person's acts
    that name no one (…を問われると、…を挙げた。), the one before them in the paragraph."""
    if not k or not _utterance(units[k - 1], units[k]):
        return None
    for j in range(k - 1, max(-1, k - 1 - _INTRODUCED_REACH), -1):
        doc = docs.get(j)
        introduced = _introduced(doc, lex)
        if introduced is not None:
            return j, introduced
        if doc is None or j == 0 or not _names_no_one(doc) or not _utterance(units[j - 1], units[k]):
            return None
    return None


def _names_no_one(doc: Doc) -> bool:
    """Whether a sentence has no subject or topic of its own (its subject is the person the
    paragraph is about: …を問われると、…を挙げた), and no quotation."""
    return "「" not in doc.text and not any(t.dep_ in ("nsubj", "dislocated") for t in doc)


#: how spoken words end (a verb, an adjective or an ending in kana, or a mark), unlike a
#: headline cited after an article, which ends on a noun (米親会社CEOが謝罪)
_SPOKEN_END = regex.compile(r"[\p{Hiragana}ー…！？!?。、）)]$")


def _utterance(before: Unit, unit: Unit) -> bool:
    """Whether a sentence of quotations alone reads as someone's words after `before`: in
    the same paragraph, each ending as speech does."""
    if "\n" in unit.source[before.end : unit.start]:
        return False
    return all(
        # 『…』。 alone is a title cited (a headline after the article), not words
        slot.pair.opener == "「" and _SPOKEN_END.search(unit.text_of(slot).strip()) is not None
        for slot in unit.slots
    )


def _introduced(doc: Doc | None, lex: Lexicon) -> Token | None:
    """The person a sentence is about, for the words standing alone after it with no cue
    on either side (…首相は、言葉を詰まらせた。「…」。): the subject or topic of its main verb,
    when it names someone who can speak."""
    if doc is None:
        return None
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or not is_predicate(root):
        return None
    # the は-topic first (真壁コーチは、…何度も涙をぬぐった: not 何度, which the parser made a subject)
    found = (topic_of(doc, root, (), lex), subject_of(doc, root, (), lex, first=True))
    subject = next((t for t in found if t is not None and can_be_source(t, lex)), None)
    if subject is None:
        return None
    # a person, by a name or a title: an organisation's words are not written so
    start, end = noun_phrase(subject, lex)
    text = doc[start:end].text
    named = any(names_person(t) for t in doc[start:end])
    # or an unnamed person (長女を連れた母親（31）が…表情を見せた。「…」。)
    unnamed = lex.suffix(subject.text, lex.anonymous) is not None and not lex.names_org(text)
    person = named or unnamed or lex.suffix(text, lex.titles) or lex.suffix(text, lex.honorifics)
    return subject if person else None


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


#: a noun's last character right before a bracket (探査機「…」), no particle between
_NOUN_END = regex.compile(r"[\p{Han}\p{Katakana}ー][「『]")


def _titled(source: str, at: int, lex: Lexicon) -> bool:
    """Whether `source` at `at` reads と and a naming verb (と題する, と銘打った, と称して),
    not another cue that begins alike (と呼びかけた is not と呼ぶ)."""
    if not source.startswith("と", at):
        return False
    rest = source[at + 1 : at + 8]
    for lemma, cue_class in lex.cues.items():
        stem = lemma[:-2] if lemma.endswith("する") else lemma[:-1]
        if cue_class != "naming" or not stem or not rest.startswith(stem):
            continue
        ahead = rest[: len(stem) + 1]
        if not any(o.startswith(ahead) and c != "naming" for o, c in lex.cues.items()):
            return True
    return False


def inside_reported(records: list[Quotation], source: str, lex: Lexicon) -> list[Quotation]:
    """XはYが「巨大な負担」を抱えていると述べた: a bracket inside a reported clause whose
    speaker is known is that speaker's words, with the clause's cue, medium and group
    (not the title of a work: 舞台「月を拾う人」のオーディション)."""
    clauses = [
        r
        for r in records
        if r.kind == "indirect" and r.speaker is not None and not (r.cue and "によ" in r.cue.text)
    ]  # not a によると frame: the names a report quotes stay names
    out = list(records)
    for i, record in enumerate(records):
        if record.kind != "term" or _HIRAGANA.search(record.text) is None:
            continue  # a name (フリーダム・シールド, 港湾入札不正事件) stays a term
        if _titled(source, record.end + 1, lex):
            continue  # 「お詫びとお知らせ」と題する文書: a title
        if lex.suffix(source[max(0, record.start - 8) : max(0, record.start - 1)], lex.works):
            continue  # 舞台「月を拾う人」: a work's title
        if _NOUN_END.match(source, max(0, record.start - 2)) is not None:
            continue  # 探査機「はくよう」: a name right after the noun saying what it names
        around = [c for c in clauses if c.start <= record.start and record.end <= c.end]
        if around:
            clause = min(around, key=lambda c: c.end - c.start)
            out[i] = attrs.evolve(
                record,
                kind="direct",
                speaker=clause.speaker,
                affiliation=clause.affiliation,
                cue=clause.cue,
                via=clause.via,
                group=clause.group,
                confidence=confidence.CARRIED,
                rule="inside_reported",
            )
    return out


def reported_by_medium(records: list[Quotation], mentions: Sequence[Parts], lex: Lexicon) -> list[Quotation]:
    """朝鮮中央通信は、金総書記が…し、「…」と述べたと報じた: words inside a clause a medium
    reports are the words of the one the clause names, relayed by the medium (`via`); the
    medium is neither their speaker nor the speaker's organisation."""
    reports = [
        r
        for r in records
        if r.kind == "indirect" and r.speaker is not None and r.via is None and lex.is_media(r.speaker.text)
    ]
    if not reports:
        return records
    out = []
    for r in records:
        around = [
            c for c in reports if c is not r and c.start <= r.start and r.end <= c.end and r.kind != "term"
        ]
        if not around or r.speaker is None or r.via is not None:
            out.append(r)
            continue
        report = min(around, key=lambda c: c.end - c.start)
        medium = report.speaker
        assert medium is not None
        speaker, affiliation = r.speaker, r.affiliation
        if (speaker.start, speaker.end) == (medium.start, medium.end):
            named = sorted(
                (
                    m.speaker
                    for m in mentions
                    if report.start <= m.speaker.start < r.start
                    and m.speaker.name
                    and not m.speaker.anonymous
                ),
                key=lambda sp: sp.start,
            )
            if not named:
                out.append(r)
                continue
            speaker = named[-1]  # the one named last before the words
            affiliation = None
        if affiliation is not None and affiliation.text == medium.text:
            affiliation = None  # 朝鮮中央通信は、…総書記が: the medium is no host of the one it reports
        via = Via(start=medium.start, end=medium.end, text=medium.text)
        out.append(attrs.evolve(r, speaker=speaker, affiliation=affiliation, via=via, rule=r.rule))
    return out


def nested_reports(records: list[Quotation]) -> list[Quotation]:
    """XはYことを確認したとしている: a clause reported as a thing (…こと, …旨; rule `koto`) whose
    cue ends another reported clause of the same speaker is part of it, not a second report
    (not …と述べ、…とした, two in a row, nor …と述べたと明らかにした, words and their telling)."""
    ends: set[tuple[int, int, int]] = set()  # (speaker start, speaker end, end) of the clauses
    for r in records:
        if r.kind == "indirect" and r.speaker is not None:
            ends.add((r.speaker.start, r.speaker.end, r.end))

    def nested(r: Quotation) -> bool:
        return (
            r.kind == "indirect"
            and r.rule == "koto"
            and r.speaker is not None
            and r.cue is not None
            and r.cue.end != r.end
            and (r.speaker.start, r.speaker.end, r.cue.end) in ends
        )

    return [r for r in records if not nested(r)]


def past_opening_quotation(records: list[Quotation], source: str) -> list[Quotation]:
    """山田氏は「…」と、見直しが必要だとの考えを強調した: a reported clause the parser opened
    on a quotation its own cue reports (「…」と、 and the same cue) starts after it; the
    quotation is its own record. Not 「A」という理由で殴った or 「A」と「B」が必要だと述べた,
    where the bracket is part of what was said."""
    quoted = {
        (r.start, r.cue.start)
        for r in records
        if r.kind == "direct" and r.cue is not None and r.rule != "inside_reported"
    }
    out = []
    for r in records:
        opener = source[r.start : r.start + 1]
        if r.kind == "indirect" and r.cue is not None and opener in ("「", "『"):
            end = source.find("」" if opener == "「" else "』", r.start)
            start = end + 3  # past 」と、
            opened = end >= 0 and source.startswith("と、", end + 1)  # (an unclosed bracket opens none)
            if opened and (r.start + 1, r.cue.start) in quoted and start < r.end:
                r = attrs.evolve(r, start=start, text=source[start : r.end])
        out.append(r)
    return out


#: what joins a reason reported with として to the report it gives the reason for
_REASON_JOINS = ("として、", "として")


def reasons_joined(records: list[Quotation], source: str) -> list[Quotation]:
    """XはAとして、Bと発表した: the reason and the report are one clause of one speaker, as the
    gold reads them (同高校は…暴力行為があったとして、大会への参加を辞退すると明らかにした), not
    two: parts of one utterance (one group, one cue) joined by として. Not …だとし、…と述べた,
    two things said in a row. The records come back in source order."""
    out: list[Quotation] = []
    for r in sorted(records, key=lambda r: (r.start, r.end)):
        last = out[-1] if out else None
        if (
            last is not None
            and last.kind == r.kind == "indirect"
            and last.group is not None
            and last.group == r.group
            and last.cue is not None
            and r.cue is not None
            and last.cue.start == r.cue.start
            and last.speaker is not None
            and r.speaker is not None
            and (last.speaker.start, last.speaker.end) == (r.speaker.start, r.speaker.end)
            and source[last.end : r.start] in _REASON_JOINS
        ):
            out[-1] = attrs.evolve(r, start=last.start, text=source[last.start : r.end])
            continue
        out.append(r)
    return out
