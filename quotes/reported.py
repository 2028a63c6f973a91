"""Reported speech without brackets: と-clauses, によると sources, の話として relays.

Three shapes carry most of what Japanese news attributes without quotation marks:

- `XはYと述べた`: a clause ending in the quotative と (or との/という + a speech
  noun: `Yとの見方を示した`) under a reporting verb whose subject X is the source;
- `Xによると、Y` / `Xによれば、Y`: X is the source of the rest of the sentence;
- `Xの話として、Y` / `Xの話では、Y`: X is the source, relayed by the sentence's subject.

A record needs an explicit source in the sentence and a known reporting cue
(`quotes/data/cues.tsv`); belief and cognition (とみている) get a lower confidence.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Span, Token

from quotes.attribution import (
    ADVERBIAL_NOUNS,
    LIGHT_VERBS,
    REPORTING,
    SUBJECT_DEPS,
    _after_closer,
    _cue_span,
    _is_predicate,
    _predicate,
    _prefer_cue,
    _quotative,
    _relayed_source,
    _subject,
    _topic,
    _via,
    is_passive,
    lemma_of,
    placeholder_token,
    slot_of,
)
from quotes.lexicon import Lexicon
from quotes.masking import Slot, Unit
from quotes.speakers import can_be_source, noun_phrase

#: confidence by cue class; cognition (とみている) is belief, not speech
CONFIDENCE = {"speech": 0.75, "report": 0.75, "reaction": 0.6, "cognition": 0.45, "source": 0.7}
#: case endings that frame a whole sentence as someone's report
_SOURCE_FORMS = ("によると", "によれば", "によりますと", "によりますれば")
_RELAY_FORMS = ("として", "では", "によると", "によれば")
_FRAME_STARTS = frozenset(f[0] for f in (*_SOURCE_FORMS, *_RELAY_FORMS))


@attrs.frozen(kw_only=True)
class Reported:
    """One piece of reported speech in a unit (token ranges of the masked parse)."""

    clause: tuple[int, int]
    cue: tuple[int, int]
    cue_lemma: str
    cue_class: str
    #: the source's head token; None when the sentence names none (また、…と強調した),
    #: and the previous sentence's speaker may continue
    subject: int | None
    via: tuple[int, int] | None = None
    confidence: float = 0.75
    frame: bool = False  # Xによると / Xの話として: the source frames the whole rest


def find_reported(unit: Unit, doc: Doc, lex: Lexicon) -> list[Reported]:
    """Every reported-speech clause of a sentence, in order of their start."""
    found: list[Reported] = []
    found.extend(_source_frames(doc, unit.slots, lex))
    found.extend(_quotative_clauses(doc, unit.slots, lex))
    found.extend(_koto_clauses(doc, unit.slots, lex))
    return sorted(_outermost(found), key=lambda r: r.clause)


def _outermost(found: list[Reported]) -> list[Reported]:
    """Without a belief reported inside what the same source said: `…と確信していると
    表明した` is one statement (表明した), not also a belief (確信している)."""
    return [
        r
        for r in found
        if not (
            r.cue_class == "cognition"
            and any(
                o is not r
                and o.subject == r.subject
                and o.cue_class in ("speech", "report")
                and o.clause[0] <= r.cue[0] < o.clause[1]
                for o in found
            )
        )
    ]


def _koto_clauses(doc: Doc, slots: Sequence[Slot], lex: Lexicon) -> list[Reported]:
    """`Xは…ことを発表した`: a clause nominalised by こと, object of a speech verb; and
    `Xは…する考えを示した`: a clause on an intention noun (`intention_nouns.txt`)."""
    out: list[Reported] = []
    for koto in doc:
        intention = koto.lemma_ in lex.intention_nouns
        if (
            (koto.lemma_ != "こと" and not intention)
            or koto.dep_ != "obj"
            or koto.i + 1 >= len(doc)
            or doc[koto.i + 1].text != "を"
        ):
            continue
        clauses = [c for c in koto.children if c.dep_ == "acl" and c.i == koto.i - 1 - _aux_run(doc, c)]
        verb = koto.head
        if not clauses or not _is_predicate(verb) or slot_of(clauses[0], slots) is not None:
            continue
        cue_start, cue_end, cue_lemma = _cue_span(doc, verb, doc[koto.i + 1], lex)
        cue_class = lex.cue_class(cue_lemma) or lex.cue_class(lemma_of(verb))
        if intention and cue_class is None and verb.lemma_ in LIGHT_VERBS:
            cue_class = lex.speech_nouns.get(koto.lemma_, "speech")  # 考えを示した: the noun says what
        allowed = REPORTING if intention else ("speech", "report")
        if cue_class is None or cue_class not in allowed or is_passive(verb) or _relative(verb):
            continue
        subject = _subject(doc, verb, slots) or _topic(doc, verb, slots)
        if subject is None:
            continue
        start = _clause_start(doc, clauses[0], koto, subject, verb, lex.relay_nouns)
        if start is not None and intention:
            # …を閉鎖したのち、別の工場から仕入れる方針: what is meant is the last stretch
            commas = [t.i for t in doc[start : koto.i] if t.text in ("、", ",")]
            start = commas[-1] + 1 if commas else start
        if start is None or start >= koto.i or subject.i in range(start, koto.i):
            continue
        out.append(
            Reported(
                clause=(start, koto.i),
                cue=(cue_start, cue_end),
                cue_lemma=cue_lemma,
                cue_class=cue_class,
                subject=subject.i,
                via=_via(doc, verb, subject, lex),
                confidence=CONFIDENCE[cue_class],
            )
        )
    return out


def _relative(pred: Token) -> bool:
    """Whether a cue describes a noun (…と認識している場合), which attributes nothing.

    A clause on a noun of time (…と前置きした後で) is adverbial: it still reports.
    """
    return pred.dep_ == "acl" and pred.head.lemma_ not in ADVERBIAL_NOUNS


def _aux_run(doc: Doc, pred: Token) -> int:
    """How many auxiliaries and endings follow a predicate before the next word."""
    n, i = 0, pred.i + 1
    while i < len(doc) and doc[i].head == pred and doc[i].dep_ in ("aux", "mark", "fixed", "cop"):
        n += 1
        i += 1
    return n


def _quotative_clauses(doc: Doc, slots: Sequence[Slot], lex: Lexicon) -> list[Reported]:
    out: list[Reported] = []
    for tok in doc:
        if tok.text != "と" or tok.pos_ not in ("ADP", "SCONJ") or tok.i == 0:
            continue
        clause_head = tok.head
        if clause_head.i >= tok.i or slot_of(clause_head, slots) is not None:
            continue  # a bracketed quotation: handled as direct speech
        if not _clause_predicate(clause_head):
            continue
        if doc[tok.i - 1].i not in {t.i for t in clause_head.subtree}:
            continue
        form = _form(doc, tok)
        first = _predicate(doc, clause_head, tok, form, slots, lex)
        if isinstance(first, int):
            # 対話が必要だとし、「…」と助言した: the quotation's cue reports this part too
            first = _slot_predicate(doc, slots, first, lex)
        if first is None:
            continue
        pred = _prefer_cue(doc, first, tok, slots, lex)
        cue_start, cue_end, cue_lemma = _cue_span(doc, pred, tok, lex)
        cue_class = lex.cue_class(cue_lemma) or lex.cue_class(lemma_of(pred))
        carrier = clause_head.head if form in ("との", "という") else None
        if (
            cue_class is None
            and carrier is not None
            and carrier.lemma_ in lex.speech_nouns
            and pred.lemma_ in LIGHT_VERBS
        ):
            cue_class = lex.speech_nouns[carrier.lemma_]  # …との見方を示した: the noun says what
        if cue_class not in REPORTING or is_passive(pred) or _relative(pred):
            continue  # a relative clause (…と認識している場合) attributes nothing
        # …参拝したと共同通信が報じた: a source named between と and the cue is the source
        named_after = [c for c in pred.children if tok.i < c.i < pred.i and c.dep_ in SUBJECT_DEPS]
        subject = (
            (named_after[-1] if named_after and can_be_source(named_after[-1], lex) else None)
            or _subject(doc, first, slots, first=True)
            or _subject(doc, pred, slots, first=True)
            or _topic(doc, pred, slots)
            or _set_off_topic(doc, clause_head, lex)
        )
        if subject is not None and tok not in subject.subtree and not can_be_source(subject, lex):
            # 首相は感染状況は厳しいと強調した: the parser gave the cue the clause's own
            # topic; the sentence's topic before it is the source
            topic = _topic(doc, pred, slots)
            if topic is not None and topic.i < subject.i and can_be_source(topic, lex):
                subject = topic
            elif subject in clause_head.subtree:
                subject = None  # 津波の心配はないとしている: the clause's own subject, no source
        orphan = _orphan(doc, clause_head, tok, pred, (cue_start, cue_end), cue_lemma, cue_class, slots, lex)
        if subject is None:
            out.extend(orphan)
            continue
        if subject is None or tok in subject.subtree:
            continue  # …という返答があった: the noun the clause fills is no source
        via = _via(doc, pred, subject, lex)
        relay = _relayed_source(doc, pred, lex)
        if relay is not None:
            # NHKは政府関係者の話として…と伝えた: the relayed source speaks, NHK relays
            via, subject = via or noun_phrase(subject), relay
        start = _clause_start(doc, clause_head, tok, subject, pred, lex.relay_nouns)
        if start is None or start >= tok.i:
            continue
        if subject.i in range(start, tok.i):
            out.extend(orphan)  # the "source" is the clause's own subject: no source named
            continue
        out.append(
            Reported(
                clause=(start, tok.i),
                cue=(cue_start, cue_end),
                cue_lemma=cue_lemma,
                cue_class=cue_class,
                subject=subject.i,
                via=via,
                confidence=CONFIDENCE[cue_class],
            )
        )
    return out


def _orphan(
    doc: Doc,
    clause_head: Token,
    tok: Token,
    pred: Token,
    cue: tuple[int, int],
    cue_lemma: str,
    cue_class: str,
    slots: Sequence[Slot],
    lex: Lexicon,
) -> list[Reported]:
    """`また、物価高には万全を期すと強調した`: a clause reported in a sentence that names
    no source at all; the previous sentence's speaker may continue (`subject` None)."""
    if cue_class not in ("speech", "report") or not _no_subject(doc, clause_head, pred, slots):
        return []
    start = _clause_start(doc, clause_head, tok, None, pred, lex.relay_nouns)
    if start is None or start >= tok.i:
        return []
    return [
        Reported(
            clause=(start, tok.i),
            cue=cue,
            cue_lemma=cue_lemma,
            cue_class=cue_class,
            subject=None,
            via=_via(doc, pred, None, lex),
            confidence=CONFIDENCE[cue_class],
        )
    ]


def _set_off_topic(doc: Doc, clause_head: Token, lex: Lexicon) -> Token | None:
    """`防衛相も、警戒を続けると述べた`: a source set off by は/も and a comma at the start
    of the clause, which the parser hung inside it."""
    first = clause_head.left_edge
    for tok in clause_head.subtree:
        if tok.i > first.i + 20 or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        case = [c for c in tok.children if c.dep_ in ("case", "fixed") and c.i > tok.i]
        if (
            len(case) != 1
            or case[0].text not in ("は", "も")
            or case[0].i + 1 >= len(doc)
            or doc[case[0].i + 1].text not in ("、", ",")
        ):
            continue  # not 金子被告については、: a topic of its own
        if noun_phrase(tok)[0] == first.i and can_be_source(tok, lex):
            return tok
        return None
    return None


def _slot_predicate(doc: Doc, slots: Sequence[Slot], k: int, lex: Lexicon) -> Token | None:
    """The predicate the quotation in slot `k` is reported by, if it has one."""
    q = placeholder_token(doc, slots[k])
    after = _after_closer(doc, q, slots[k]) if q is not None else None
    marker = _quotative(doc, after) if after is not None else None
    if q is None or marker is None:
        return None
    found = _predicate(doc, q, marker[0], marker[1], slots, lex)
    return found if not isinstance(found, int) else None


def _no_subject(doc: Doc, clause_head: Token, pred: Token, slots: Sequence[Slot]) -> bool:
    """Whether a sentence names no one outside the reported clause: nothing before the
    cue could be its subject or topic, and it is the sentence's main verb."""
    if pred.dep_ != "ROOT":
        return False
    inside = {t.i for t in clause_head.subtree}
    return not any(t.i not in inside and t.dep_ in SUBJECT_DEPS for t in doc[: pred.i]) and not any(
        slot_of(t, slots) is not None for t in doc
    )


def _form(doc: Doc, tok: Token) -> str:
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "の":
        return "との"
    if nxt is not None and nxt.lemma_ in ("いう", "言う"):
        return "という"
    return "と"


def _clause_predicate(tok: Token) -> bool:
    """Whether a token ends a clause that can be reported (a predicate, or N+だ)."""
    if _is_predicate(tok) or tok.pos_ in ("ADJ", "AUX"):
        return True
    # N+だ, N+ではない (the parser may call that で a case marker, but tags it AUX)
    return any(c.dep_ in ("cop", "aux") or (c.pos_ == "AUX" and c.i > tok.i) for c in tok.children)


def _clause_start(
    doc: Doc,
    head: Token,
    end: Token,
    subject: Token | None,
    cue: Token,
    relay_nouns: frozenset[str] = frozenset(),
) -> int | None:
    """First token of the reported clause ending before `end`.

    Its subtree's left edge, widened leftwards over phrases the parser hung on the
    cue verb (疑いで, 9月15日に) up to the speaker, but not over a clause of its own
    (不満を表明し、); then past any によると frame and leading connectives.
    """
    start = head.left_edge.i
    sp_start, sp_end = noun_phrase(subject) if subject is not None else (head.i, head.i)
    if subject is not None and sp_start < head.i:
        floor = _after_particles(doc, sp_end - 1) if sp_end <= start else start
        while start > floor:
            top = _child_of(doc[start - 1], cue)
            if top is None or _is_predicate(top) or top.pos_ in ("ADJ", "AUX"):
                break
            start -= 1
        if sp_start <= start < sp_end or start <= sp_start < head.i:
            # the speaker is never part of what was said: the clause starts after it
            start = _after_particles(doc, sp_end - 1)
    elif subject is not None and sp_start > end.i:
        # 生稲氏は…参拝したと共同通信が報じた: with the source after the clause, what the
        # parser hung on the cue before the clause is part of what was said
        while start > 0 and _child_of(doc[start - 1], cue) is not None and doc[start - 1].pos_ != "PUNCT":
            start -= 1
    for tok in doc[start : head.i]:
        if (
            subject is not None
            and tok != cue
            and subject.head == tok
            and subject.dep_ == "nsubj"
            and _is_predicate(tok)
            and not is_passive(tok)
            and not any(c.dep_ == "nsubj" and c != subject for c in tok.children)
        ):
            # Xは不満を表明し、…ことを明らかにした: X's own earlier act is not what X said
            start = _after_particles(doc, tok.i + _aux_run(doc, tok))
    for tok in doc[start : end.i]:
        if tok.text == "に" and tok.i + 1 < len(doc) and doc[tok.i + 1].lemma_ == "よる":
            start = _after_particles(doc, tok.i + 1)
    start = _past_frame_phrases(doc, start, end.i, relay_nouns)
    start = _past_earlier_parts(doc, start, end.i)
    while start < end.i and (
        doc[start].pos_ in ("PUNCT", "CCONJ", "SCONJ", "ADP") or doc[start].text in _CONNECTIVES
    ):
        start += 1
    return start


#: words that join a sentence to the one before (また、さらに、), never part of what was said
_CONNECTIVES = frozenset({"また", "さらに", "更に", "なお", "一方", "その上", "そのうえ", "加えて"})


#: where words were said (会見で、), which frames the cue rather than what was said
_OCCASIONS = frozenset(
    {"会見", "記者会見", "取材", "インタビュー", "番組", "演説", "会合", "集会", "声明", "談話"}
)


def _past_earlier_parts(doc: Doc, start: int, end: int) -> int:
    """`start` moved past an earlier part of the same utterance: …だとし、/ 「…」としつつも、
    / …としながらも、 (that part is read on its own)."""
    for tok in doc[start:end]:
        if tok.text != "と" or tok.i + 1 >= end or doc[tok.i + 1].lemma_ != "する":
            continue
        comma = next((t.i for t in doc[tok.i + 1 : min(end, tok.i + 6)] if t.text in ("、", ",")), None)
        if comma is not None and all(
            t.pos_ in ("VERB", "AUX", "SCONJ", "ADP", "PART") for t in doc[tok.i + 1 : comma]
        ):
            start = comma + 1
    return start


def _past_frame_phrases(doc: Doc, start: int, end: int, relay_nouns: frozenset[str]) -> int:
    """`start` moved past leading phrases set off by a comma that say when, where or to
    whom the words were said (15日、/ 同日、/ 記者団に対し、/ 会見で、), not what was
    said (…疑いで、 stays)."""
    while True:
        comma = next((t.i for t in doc[start:end] if t.text in ("、", ",")), None)
        if comma is None or comma - start > 6 or not _frames(doc[start:comma], relay_nouns):
            return start
        start = comma + 1


def _frames(phrase: Span, relay_nouns: frozenset[str]) -> bool:
    words = [t for t in phrase if t.pos_ not in ("PUNCT",)]
    if not words:
        return False
    texts = "".join(t.text for t in words)
    last = words[-1]
    content = [t for t in words if t.pos_ not in ("ADP", "SCONJ", "AUX")]
    temporal = bool(content) and all(
        "副詞可能" in t.tag_ or t.pos_ == "NUM" or "助数詞" in t.tag_ for t in content
    )
    return (
        temporal
        or (words[0].lemma_ in relay_nouns and texts.endswith(("として", "では")))
        or words[0].text in ("こう", "そう", "このように")  # 「…」。Xはこう述べ、…と分析した
        or "に対し" in texts
        or texts in ("記者団に", "記者団には")
        or (last.text == "で" and any(t.lemma_ in _OCCASIONS for t in words))
        or (last.text == "では" and any(t.lemma_ in _OCCASIONS for t in words))
    )


def _child_of(tok: Token, verb: Token) -> Token | None:
    """The ancestor of `tok` (or `tok`) that hangs directly on `verb`, if any."""
    node = tok
    while node.head != node:
        if node.head == verb:
            return node
        node = node.head
    return None


def _after_particles(doc: Doc, i: int) -> int:
    """The index after particles, fixed pieces and commas that follow token `i`."""
    j = i + 1
    while j < len(doc) and (doc[j].pos_ in ("ADP", "PUNCT", "SCONJ") or doc[j].dep_ == "fixed"):
        j += 1
    return j


def _source_frames(doc: Doc, slots: Sequence[Slot], lex: Lexicon) -> list[Reported]:
    """`Xによると、Y` and `Xの話として、Y`: X is the source of the rest of the sentence."""
    out: list[Reported] = []
    end = len(doc)
    while end > 0 and doc[end - 1].pos_ in ("PUNCT", "SYM"):
        end -= 1
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
        if source.lemma_ in ("ところ", "の") and (teller := _teller(source)) is not None:
            source = teller  # ロイター通信が伝えたところによると: ロイター通信
        if source.lemma_ in lex.relay_nouns:
            # Xの話として / Xの発表によると: X, not 話, is the source
            owners = _owners(source)
            if not owners:
                continue
            cue_start = source.i
            if doc[tok.i : cue_end].text not in _SOURCE_FORMS:
                relay_via = _relaying_subject(doc, source)
            source = owners[-1]
        else:
            if doc[tok.i : cue_end].text.startswith(("として", "では")):
                continue
            cue_start = tok.i
        start = _after_particles(doc, cue_end - 1)
        stop = _passive_report_end(doc, start, end, lex)
        if start >= stop:
            continue
        out.append(
            Reported(
                clause=(start, stop),
                cue=(cue_start, cue_end),
                cue_lemma=doc[cue_start:cue_end].text,
                cue_class="report",
                subject=source.i,
                via=relay_via,
                confidence=CONFIDENCE["source"],
                frame=True,
            )
        )
    return _innermost(doc, out)


def _innermost(doc: Doc, frames: list[Reported]) -> list[Reported]:
    """Of nested frames (Xの報道によると、Yのコメントとして、Z), Y speaks and X relays."""
    if len(frames) < 2:
        return frames
    outer, inner = frames[-2], frames[-1]
    if inner.clause[0] > outer.clause[0] and inner.clause[1] <= outer.clause[1]:
        via = inner.via or (noun_phrase(doc[outer.subject]) if outer.subject is not None else None)
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
            if form in ("として", "では") and not (tok.i > 0 and doc[tok.i - 1].lemma_ in relay_nouns):
                return None
            if form in ("として", "では"):
                nxt = doc[end] if end < len(doc) else None
                if nxt is None or nxt.text not in ("、", ","):
                    return None
            return end
    return None


def _relaying_subject(doc: Doc, relay_noun: Token) -> tuple[int, int] | None:
    """The outlet that relays (NHKは関係者の話として…): the main verb's subject."""
    v = relay_noun.head
    for child in v.children:
        if child.dep_ in ("nsubj", "dislocated") and child.i < relay_noun.i:
            return noun_phrase(child)
    return None
