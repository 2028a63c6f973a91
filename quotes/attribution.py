"""Linking a quotation to its cue, speaker and medium over the dependency parse.

Works on one masked sentence (`masking.Unit`) parsed by GiNZA, where each
quotation's content is a single placeholder noun. For each quotation:

1. the word after the closing bracket decides whether it is quoted speech
   (`と`, `って`, `との`, `とし`) or a term (anything else);
2. the quotative と's governing predicate is the cue (述べた, 明らかにした);
3. the cue's subject, or the subject of the clause the cue hangs from, is the
   speaker; a relay (WPは米高官らの言葉を引用し…) makes the relayed source the
   speaker and the relaying outlet the `via`.

Rules read dependency labels and lexicon classes, never sentence strings.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Token

from quotes.lexicon import Lexicon
from quotes.masking import Slot, Unit
from quotes.speakers import can_be_source, noun_phrase

#: words after 」 that make the bracket a quotation of speech or thought
QUOTATIVES = frozenset({"と", "って", "とか", "とも", "との", "として", "とし"})
#: words allowed between 」 and the quotative (「…」などと述べた)
BETWEEN = frozenset({"など", "なんて", "等"})
#: subject relations: は-topics and が-subjects are both nsubj in GiNZA
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "dislocated"})
#: relations through which a clause hands its subject down to a dependent clause
CLAUSE_DEPS = frozenset({"advcl", "conj", "ccomp", "acl", "xcomp", "parataxis", "ROOT"})
#: verbs that turn a speech noun into a cue (コメントを出した, 声明を発表した)
LIGHT_VERBS = frozenset(
    {"する", "出す", "行う", "寄せる", "発する", "示す", "出る", "述べる", "残す", "送る"}
)
#: auxiliaries and endings that belong to the cue (した, している, しました)
CUE_ENDINGS_POS = frozenset({"AUX"})
CUE_ENDINGS = frozenset({"て", "で", "いる", "おる", "いく", "くる", "しまう", "ある", "みる"})
#: media and relays: postpositions that introduce a source or medium
VIA_CASES = frozenset({"に", "へ", "で"})


@attrs.frozen(kw_only=True)
class Finding:
    """What the parse says about one quotation of a unit (token indices)."""

    slot: Slot
    kind: str
    cue: tuple[int, int] | None = None
    cue_lemma: str | None = None
    cue_class: str | None = None
    subject: int | None = None
    via: tuple[int, int] | None = None
    relayed: bool = False
    defer_to: int | None = None
    passive: bool = False  # the cue is passive: no speaker, and none carried over


def placeholder_token(doc: Doc, slot: Slot) -> Token | None:
    """The token that stands for the quotation, or None if the tokenizer lost it."""
    inside = [t for t in doc if t.idx < slot.masked_end and t.idx + len(t) > slot.masked_start]
    if not inside:
        return None
    outside_head = [t for t in inside if t.head not in inside or t.head == t]
    return outside_head[0] if outside_head else inside[0]


def slot_of(token: Token, slots: Sequence[Slot]) -> int | None:
    """Index of the slot whose placeholder `token` stands for, if any."""
    for k, slot in enumerate(slots):
        if token.idx < slot.masked_end and token.idx + len(token) > slot.masked_start:
            return k
    return None


def attribute(unit: Unit, doc: Doc, lex: Lexicon) -> list[Finding]:
    """One `Finding` per quotation slot of `unit`, in order."""
    findings: list[Finding] = []
    for k, slot in enumerate(unit.slots):
        findings.append(_attribute_slot(unit, doc, k, slot, lex))
    return _resolve_deferred(findings)


def _resolve_deferred(findings: list[Finding]) -> list[Finding]:
    """Give a quotation that hangs on a later one (「A」とし「B」と述べた) B's reading."""
    resolved = list(findings)
    for k, finding in enumerate(findings):
        if finding.kind != "deferred":
            continue
        seen, target = {k}, finding.defer_to
        while target is not None and target not in seen and findings[target].kind == "deferred":
            seen.add(target)
            target = findings[target].defer_to
        if target is None or target in seen:
            resolved[k] = Finding(slot=finding.slot, kind="term")
        else:
            resolved[k] = attrs.evolve(findings[target], slot=finding.slot, defer_to=target)
    return resolved


def _attribute_slot(unit: Unit, doc: Doc, k: int, slot: Slot, lex: Lexicon) -> Finding:
    q = placeholder_token(doc, slot)
    term = Finding(slot=slot, kind="term")
    if q is None:
        return term
    after = _after_closer(doc, q, slot)
    if after is None:
        return term
    # 「A」「B」と述べた, 「A」と「B」と述べた: A reads as B does
    nxt_slot = slot_of(doc[after.i + 1], unit.slots) if after.i + 1 < len(doc) else None
    if after.text in ("「", "『") and nxt_slot is not None:
        return Finding(slot=slot, kind="deferred", defer_to=nxt_slot)
    marker = _quotative(doc, after)
    if marker is None:
        return _content_of_noun(doc, q, after, slot, unit, lex) or term
    quotative, form = marker
    if form == "と" and quotative.i + 1 < len(doc) and doc[quotative.i + 1].text in ("「", "『"):
        nxt_slot = slot_of(doc[quotative.i + 2], unit.slots) if quotative.i + 2 < len(doc) else None
        if nxt_slot is not None:
            return Finding(slot=slot, kind="deferred", defer_to=nxt_slot)

    first = _predicate(doc, q, quotative, form, unit.slots, lex)
    if isinstance(first, int):
        return Finding(slot=slot, kind="deferred", defer_to=first)
    if first is None:
        return _verbless(doc, q, quotative, form, slot, lex) or term
    pred = _prefer_cue(doc, first, quotative, unit.slots, lex)
    cue_start, cue_end, lemma = _cue_span(doc, pred, quotative, lex)
    cue_class = lex.cue_class(lemma)
    if cue_class == "naming":
        return term
    if form == "として" and cue_class not in REPORTING and not _clause_like(slot, unit):
        return term  # 「フランチェスコ1世」として就任する: "as" a name, not speech
    subject = _subject(doc, first, unit.slots)
    if subject is None and pred != first:
        subject = _subject(doc, pred, unit.slots)
    described = pred.dep_ == "acl" and pred.head == subject and pred.lemma_ not in ("いう", "言う")
    if subject is not None and q in subject.subtree and not described:
        subject = None  # 「…」という声が聞かれた: the noun the quotation fills is no speaker
        subject = _from_source(first)  # 市民からは「…」との声が上がった: the source is 市民
    if subject is None:
        topic = _topic(doc, pred, unit.slots)
        # a topic hands down its subject only when it can speak (not ニコチンは…、「…」と指摘)
        subject = topic if topic is not None and can_be_source(topic, lex) else None
    if subject is not None and not can_be_source(subject, lex):
        # ペスコフ報道官は、条約は「…」と強調した: 条約 is what the words are about
        topic = _topic(doc, pred, unit.slots)
        if topic is not None and topic.i < subject.i and can_be_source(topic, lex):
            subject = topic
    if subject is None:
        subject = _cleft_focus(pred, lex) or _earlier_clause_subject(pred, q, unit.slots, lex)
    passive = is_passive(pred)
    if passive:
        subject = None  # 「…」と批判された: the subject is who was spoken of
    via = _via(doc, pred, subject, lex)
    relay = _relayed_source(doc, pred, lex)
    relayed = False
    if relay is not None:
        relayed = True
        if subject is not None and via is None:
            via = _np_range(subject)
        subject = relay
    return Finding(
        slot=slot,
        kind="direct",
        cue=(cue_start, cue_end),
        cue_lemma=lemma,
        cue_class=cue_class,
        subject=subject.i if subject is not None else None,
        via=via,
        relayed=relayed,
        passive=passive,
    )


def _verbless(doc: Doc, q: Token, quotative: Token, form: str, slot: Slot, lex: Lexicon) -> Finding | None:
    """`「本当に楽しかった」と田中花子さん(34)。`: a quotation, と and the person, no verb
    (the feature writer's way of ending on the speaker)."""
    person = q.head
    if (
        form != "と"
        or person.dep_ != "ROOT"
        or person.pos_ not in ("NOUN", "PROPN")
        or person.i < quotative.i
        or any(t.pos_ in ("VERB", "ADJ") for t in doc[quotative.i + 1 :])
    ):
        return None
    speaker = _person_in(person, lex)
    if speaker is None:
        return None
    return Finding(slot=slot, kind="direct", subject=speaker.i)


def _content_of_noun(doc: Doc, q: Token, noun: Token, slot: Slot, unit: Unit, lex: Lexicon) -> Finding | None:
    """`「…」命令を出した`: a quotation written straight onto a speech noun (命令, 指示)
    that a light verb puts out says what was ordered; the verb's subject said it.

    Only a clause-like quotation, its noun the object of the light verb (「…」発言で辞任
    names a remark; that stays a term).
    """
    verb = noun.head
    if (
        q.head != noun
        or noun.pos_ != "NOUN"
        or noun.dep_ != "obj"
        or verb.lemma_ not in LIGHT_VERBS
        or lex.cue_class(noun.lemma_ + "する") not in ("speech", "report")
        or not _clause_like(slot, unit)
        or is_passive(verb)
    ):
        return None
    cue_start, cue_end, lemma = _cue_span(doc, verb, noun, lex)
    subject = _subject(doc, verb, unit.slots)
    if subject is None:
        topic = _topic(doc, verb, unit.slots)
        subject = topic if topic is not None and can_be_source(topic, lex) else None
    return Finding(
        slot=slot,
        kind="direct",
        cue=(cue_start, cue_end),
        cue_lemma=lemma,
        cue_class=lex.cue_class(lemma) or "speech",
        subject=subject.i if subject is not None else None,
        via=_via(doc, verb, subject, lex),
    )


def _clause_like(slot: Slot, unit: Unit) -> bool:
    """Whether the quotation reads as a clause (ends in kana or 。), not a bare name.

    「…行なっていない」として無罪とした cites reasoning; 「フランチェスコ1世」として
    names a title. The masked parse cannot tell them apart; the content's ending can.
    """
    return unit.text_of(slot)[-1:] in _CLAUSE_ENDINGS if unit.text_of(slot) else False


_CLAUSE_ENDINGS = frozenset(
    "ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわをん。！？!?"
)


#: adverbs by which a reporting verb points back at the quotation before it (「…」。Xはこう語った)
_POINTING_BACK = frozenset({"こう", "そう"})
#: determiners of よう(に): この/その point back, 次の/以下の/下記の point forward
_BACK_DETERMINERS = frozenset({"この", "その", "こ", "そ"})
_FORWARD_NOUNS = frozenset({"次", "以下", "下記"})


def pointing_cue(doc: Doc, lex: Lexicon) -> tuple[Token, str] | None:
    """A reporting verb that points at a quotation standing as a sentence of its own.

    `Xはこう述べた` / `Xはこのように語った` point back ("back"); `Xは次のように語った`
    points forward ("forward"); a speech verb that says nothing of its own (no object,
    no と-clause: 被害者の母親は涙ながらに語った) points back too. Returns the verb and
    the direction, or None.
    """
    for verb in doc:
        if not _is_predicate(verb) or lex.cue_class(lemma_of(verb)) not in REPORTING:
            continue
        for child in verb.children:
            if child.text in _POINTING_BACK and child.pos_ == "ADV":
                return verb, "back"
            if child.lemma_ == "よう" and child.i < verb.i:
                words = {c.text for c in child.children} | {c.lemma_ for c in child.children}
                if words & _FORWARD_NOUNS:
                    return verb, "forward"
                if words & _BACK_DETERMINERS:
                    return verb, "back"
        says_own = any(
            c.dep_ in ("obj", "ccomp") or (c.dep_ in ("advcl", "obl") and _ends_in_to(c))
            for c in verb.children
        )
        if verb.dep_ == "ROOT" and lex.cue_class(lemma_of(verb)) in ("speech", "reaction") and not says_own:
            return verb, "back"
    return None


def _ends_in_to(tok: Token) -> bool:
    """Whether a dependent clause ends in the quotative と (it says something of its own)."""
    return any(c.text in ("と", "との") and c.dep_ in ("case", "mark") for c in tok.children)


def standalone(unit: Unit) -> bool:
    """Whether a sentence is nothing but quotations (「…」。), waiting for a pointing cue."""
    if not unit.slots:
        return False
    rest = unit.text
    for slot in reversed(unit.slots):
        rest = rest[: slot.masked_start] + rest[slot.masked_end :]
    return all(not ch.isalnum() for ch in rest)


def pointed_finding(doc: Doc, verb: Token, slot: Slot, lex: Lexicon) -> Finding:
    """The reading of a standalone quotation attributed through a pointing verb."""
    start, end, lemma = _cue_span(doc, verb, verb, lex)
    subject = _subject(doc, verb, ()) or _topic(doc, verb, ()) or _cleft_focus(verb, lex)
    return Finding(
        slot=slot,
        kind="direct",
        cue=(start, end),
        cue_lemma=lemma,
        cue_class=lex.cue_class(lemma),
        subject=subject.i if subject is not None else None,
        via=_via(doc, verb, subject, lex),
        passive=is_passive(verb),
    )


def _after_closer(doc: Doc, q: Token, slot: Slot) -> Token | None:
    """The first token after the quotation's closing bracket."""
    i = q.i
    while i < len(doc) and doc[i].idx < slot.masked_end:
        i += 1
    # i is now the closing bracket (or what the tokenizer made of it)
    if i < len(doc) and doc[i].pos_ == "PUNCT" and doc[i].text in ("」", "』", "｣"):
        i += 1
    while i < len(doc) and doc[i].text in BETWEEN:
        i += 1
    return doc[i] if i < len(doc) else None


def _quotative(doc: Doc, tok: Token) -> tuple[Token, str] | None:
    """The quotative particle at `tok` and its form (と, との, という, とし), if any."""
    if tok.text not in QUOTATIVES and tok.lemma_ not in ("と", "って"):
        return None
    if tok.pos_ not in ("ADP", "SCONJ", "PART", "CCONJ"):
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.text == "との" or (nxt is not None and nxt.text == "の" and tok.text == "と"):
        return tok, "との"
    if nxt is not None and tok.text == "と" and nxt.text == "は":
        return None  # 「控除期間」とは…: a definition, the quotation is a term
    if tok.text == "として" or (
        nxt is not None
        and nxt.lemma_ == "する"
        and nxt.dep_ == "fixed"
        and nxt.i + 1 < len(doc)
        and doc[nxt.i + 1].text == "て"
    ):
        return tok, "として"
    if (
        nxt is not None
        and nxt.lemma_ in ("いう", "言う")
        and nxt.i + 1 < len(doc)
        and doc[nxt.i + 1].pos_ in ("NOUN", "PROPN")
    ):
        return tok, "という"
    return tok, "と"


def _is_predicate(tok: Token) -> bool:
    """Whether a token heads a clause: a verb, 明らか(に), or a verbal noun used as one."""
    if tok.pos_ == "VERB":
        return True
    # 明らかにした: 明らか (ADJ) heads に, but する is the predicate; accept the ADJ
    # only when a verb follows it directly
    if tok.pos_ == "ADJ" and tok.head.pos_ == "VERB" and tok.head.i > tok.i:
        return True
    # 前置きして, 非難・けん制している, and 体言止め (「…」と明言。): verbal nouns
    # that the tagger left as NOUN
    if "サ変" in tok.tag_:
        if any(c.lemma_ == "する" and c.dep_ in ("aux", "fixed") for c in tok.children):
            return True
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return tok.dep_ == "ROOT" and (nxt is None or nxt.pos_ == "PUNCT")
    return False


#: passive endings: the subject of a passive cue (と批判された) is not the speaker
PASSIVE = frozenset({"れる", "られる"})


def is_passive(pred: Token) -> bool:
    """Whether a predicate is in the passive (認められた, 報じられた)."""
    return any(c.lemma_ in PASSIVE and c.dep_ == "aux" for c in pred.children)


def lemma_of(tok: Token) -> str:
    """The dictionary form of a predicate, with する after verbal nouns (説明 -> 説明する)."""
    if "サ変" in tok.tag_ and tok.lemma_ != "する" and tok.pos_ != "ADJ":
        return tok.lemma_ + "する"
    return tok.lemma_


def _predicate(
    doc: Doc, q: Token, quotative: Token, form: str, slots: Sequence[Slot], lex: Lexicon
) -> Token | int | None:
    """The predicate the quotative と hangs from, a slot index to defer to, or None."""
    h = q.head
    seen = {q.i}
    while h.i not in seen:
        seen.add(h.i)
        other = slot_of(h, slots)
        if other is not None and h.i != q.i:
            return other
        if _is_predicate(h):
            if h.pos_ == "ADJ":
                h = h.head
            # とし / として: a connector, unless it ends the sentence (「…」とした)
            if h.lemma_ == "する" and h.i == quotative.i + 1 and h.dep_ != "ROOT":
                up = h.head
                if up.i not in seen and (_is_predicate(up) or slot_of(up, slots) is not None):
                    seen.add(h.i)
                    h = up
                    other = slot_of(h, slots)
                    if other is not None:
                        return other
                    # 遺憾だとし、厳重に抗議したと述べた: the next part's verb is itself
                    # reported; the cue is the verb that reports both
                    while h.head != h and h.head.i not in seen and _ends_in_quotative(doc, h):
                        seen.add(h.i)
                        h = h.head
                    continue
            return h
        if h.pos_ in ("NOUN", "PROPN", "PRON") and form in ("との", "という"):
            if h.lemma_ not in lex.speech_nouns and h.lemma_ not in lex.relay_nouns:
                return None  # 「…」との規定: the quotation names a rule, a term
        if h.dep_ == "ROOT" or h.head == h:
            return None
        h = h.head
    return None


def _ends_in_quotative(doc: Doc, pred: Token) -> bool:
    """Whether a predicate closes a と-clause (…抗議したと), so that it is reported."""
    i = pred.i + 1
    while i < len(doc) and doc[i].head == pred and doc[i].dep_ in ("aux", "mark", "fixed", "cop"):
        i += 1
    return i < len(doc) and doc[i].text == "と" and doc[i].head == pred and _is_predicate(pred.head)


#: cue classes that make a predicate a reporting cue
REPORTING = ("speech", "report", "reaction", "cognition")


def _prefer_cue(doc: Doc, pred: Token, quotative: Token, slots: Sequence[Slot], lex: Lexicon) -> Token:
    """The reporting verb the quotation belongs to, when the parser hung it elsewhere.

    「…」と歩んできた蹄跡を振り返った: と belongs to 振り返った, not to the relative
    clause 歩んできた; 「…」といらだちながら答える: to 答える. When the parser's
    predicate is not a known cue, or is a relative clause on an object, the first
    known cue after the quotative (before the next quotation) is taken instead.
    """
    if lex.cue_class(lemma_of(pred)) in REPORTING and not _object_clause(pred):
        return pred
    for tok in doc[quotative.i + 1 :]:
        if tok.text in ("「", "『") or slot_of(tok, slots) is not None:
            break
        if _is_predicate(tok) and not _object_clause(tok):
            head = tok.head if tok.pos_ == "ADJ" else tok
            if lex.cue_class(lemma_of(tok)) in REPORTING or lex.cue_class(_adj_lemma(tok)) in REPORTING:
                return head
    return pred


#: nouns a clause modifies to say when, not what: …と前置きした後で is an adverbial clause
ADVERBIAL_NOUNS = frozenset({"後", "あと", "上", "うえ", "際", "前", "直後", "途中", "最中", "一方"})


def _object_clause(tok: Token) -> bool:
    """A relative clause on an object (来期の契約を結ばないことを伝え: 結ば), not a clause
    on a noun of time (…と前置きした後で)."""
    return (
        tok.dep_ == "acl"
        and tok.head.dep_ in ("obj", "obl", "iobj", "nmod")
        and tok.head.lemma_ not in ADVERBIAL_NOUNS
    )


def _adj_lemma(tok: Token) -> str:
    return tok.lemma_ + "にする" if tok.pos_ == "ADJ" else lemma_of(tok)


def _cue_span(doc: Doc, pred: Token, quotative: Token, lex: Lexicon) -> tuple[int, int, str]:
    """Token range and lemma of the cue whose head is `pred` (明らかにした, 説明した)."""
    start, end = pred.i, pred.i + 1
    lemma = lemma_of(pred)
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.text == "に" and start >= 2 and doc[start - 2].pos_ == "ADJ":
        start -= 2
        lemma = doc[start].lemma_ + "にする" if pred.lemma_ == "する" else doc[start].lemma_ + "に" + lemma
    elif prev is not None and prev.text == "を" and start >= 2 and pred.lemma_ in LIGHT_VERBS:
        noun = doc[start - 2]
        if (
            noun.lemma_ in lex.speech_nouns
            or noun.lemma_ in lex.relay_nouns
            or noun.lemma_ in ("命令", "指示")
        ):
            start -= 2
            lemma = noun.lemma_ + "を" + pred.lemma_
            if lex.cue_class(lemma) is None and lex.cue_class(noun.lemma_ + "する"):
                lemma = noun.lemma_ + "する"
    elif pred.lemma_ == "する" and prev is not None and prev.i == quotative.i:
        start = quotative.i
        lemma = "とする"
    elif (
        prev is not None
        and prev.head == pred
        and prev.pos_ == "NOUN"
        and not any(c.dep_ == "case" for c in prev.children)
    ):
        # 結論+付けた, 明言+した: a noun written straight onto the verb is part of it
        start -= 1
        lemma = prev.lemma_ + pred.lemma_
    while end < len(doc):
        tok = doc[end]
        if tok.pos_ in CUE_ENDINGS_POS or (
            tok.lemma_ in CUE_ENDINGS and tok.dep_ in ("aux", "mark", "fixed")
        ):
            end += 1
            continue
        break
    return start, end, lemma


#: nouns that head a clause grammatically but never name a speaker (形式名詞 and the like)
NOT_SPEAKERS = frozenset(
    "こと もの の ところ ため わけ はず 点 方 中 上 際 後 前 場合 結果 今回 これ それ あれ "
    "ここ そこ 同日 当日 今日 昨日 本日 一方 他 ほか 以上 以下 内容 考え 見方 話 発言".split()
)


def _subject(doc: Doc, pred: Token, slots: Sequence[Slot], *, first: bool = False) -> Token | None:
    """The speaker's head token: the subject of the cue or of a clause above it.

    With `first`, the leftmost of several subjects before the cue is taken: in
    `XはYはZとの見方を示した` the parser hangs both topics on the cue, and the
    reported clause's own topic (Y) stands nearer.
    """
    v: Token = pred
    seen: set[int] = set()
    while v.i not in seen:
        seen.add(v.i)
        subjects = [c for c in v.children if _can_speak(c, slots)]
        if v != pred:
            # above the cue, a subject written after it belongs to a later clause
            subjects = [c for c in subjects if c.i < pred.i]
        if subjects:
            # the nearest subject before the cue; は-topics and が-subjects alike
            before = [c for c in subjects if c.i < pred.i]
            return (before or subjects)[0 if first else -1]
        head = v.head
        if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and slot_of(head, slots) is None:
            # 「…」と語った男性は: the noun the clause describes, when it is a subject
            if head.lemma_ not in NOT_SPEAKERS and (_marked_subject(head) or head.dep_ == "ROOT"):
                return head  # …と話す田中花子さん(34)。: a sentence that is the person
        if head == v:
            break
        v = head
    return None


def _from_source(pred: Token) -> Token | None:
    """X in `Xから(は)…の声が上がった`: where voices, criticism or questions came from."""
    for child in pred.children:
        if (
            child.dep_ == "obl"
            and child.i < pred.i
            and any(c.dep_ == "case" and c.text == "から" for c in child.children)
        ):
            return child
    return None


def _cleft_focus(pred: Token, lex: Lexicon) -> Token | None:
    """The person a cleft puts in focus: `逮捕されたのは…野田容疑者で、「…」と話している`.

    A clause nominalised by のは, then a noun with で, on the cue or a clause above
    it: the noun is who the sentence is about, and who speaks after it.
    """
    if _nominalised_topic(pred) and pred.head != pred and pred.head.i > pred.i:
        # 「…」と語るのは、会社員の田中花子さんだ: the cue is inside the のは clause
        person = _person_in(pred.head, lex)
        if person is not None:
            return person
    v = pred
    seen: set[int] = set()
    while v.i not in seen:
        seen.add(v.i)
        before = [c for c in v.children if c.i < pred.i]
        for focus in before:
            if focus.pos_ not in ("NOUN", "PROPN", "NUM") or not any(
                c.i > focus.i and c.text == "で" for c in focus.children
            ):
                continue
            clauses = [c for c in before if c.i < focus.i] + [c for c in focus.children if c.i < focus.i]
            if any(_nominalised_topic(c) for c in clauses):
                person = _person_in(focus, lex)
                if person is not None:
                    return person
        if v.head == v or v.dep_ not in CLAUSE_DEPS:
            break
        v = v.head
    return None


def _earlier_clause_subject(pred: Token, q: Token, slots: Sequence[Slot], lex: Lexicon) -> Token | None:
    """The subject of a clause the cue continues: `田中さんが会見し、「…」と話した` (the
    parser hangs 田中さんが on 会見し, whose subject the cue shares)."""
    for clause in pred.children:
        if clause.dep_ != "advcl" or clause.i > q.i or not _is_predicate(clause):
            continue
        for c in clause.children:
            if _can_speak(c, slots) and c.i < clause.i and can_be_source(c, lex):
                return c
    return None


def _nominalised_topic(clause: Token) -> bool:
    """A clause made a topic by のは (逮捕されたのは)."""
    kids = list(clause.children)
    return any(c.dep_ == "mark" and c.text == "の" for c in kids) and any(
        c.dep_ == "case" and c.text == "は" for c in kids
    )


def _person_in(focus: Token, lex: Lexicon) -> Token | None:
    """The focus itself or, right to left, the word in its phrase that names a person
    (容疑者 in 野田伊佐也容疑者・42歳)."""
    for tok in (focus, *reversed([t for t in focus.subtree if t.i < focus.i])):
        if "人名" in tok.tag_ or any(tok.text == w for w in (*lex.titles, *lex.anonymous, *lex.honorifics)):
            return tok
    return None


def _marked_subject(tok: Token) -> bool:
    return tok.dep_ in SUBJECT_DEPS or any(
        c.dep_ == "case" and c.lemma_ in ("は", "が", "も") for c in tok.children
    )


def topic_of(doc: Doc, pred: Token, slots: Sequence[Slot]) -> Token | None:
    """The sentence's first は-topic before `pred` that can be a subject (see `_topic`)."""
    return _topic(doc, pred, slots)


def _topic(doc: Doc, pred: Token, slots: Sequence[Slot]) -> Token | None:
    """The sentence's first topic (Xは) before the cue.

    A は-topic's scope runs over the clauses after it, so it is the speaker of a
    cue the parser left without a subject (Xは…を開き、「…」と否定した).
    """
    for tok in doc[: pred.i]:
        if _can_speak(tok, slots) and any(c.lemma_ == "は" and c.dep_ == "case" for c in tok.children):
            return tok
    return None


def _can_speak(tok: Token, slots: Sequence[Slot]) -> bool:
    """Whether `tok` is a subject that can be a speaker (not a clause, a quote or こと)."""
    return (
        tok.dep_ in SUBJECT_DEPS
        and tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM")
        and tok.lemma_ not in NOT_SPEAKERS
        and slot_of(tok, slots) is None
    )


def _np_range(head: Token) -> tuple[int, int]:
    return noun_phrase(head)


def _case_of(tok: Token) -> str:
    """The case particle(s) attached to a noun, joined (に, によると, から)."""
    return "".join(c.text for c in tok.children if c.dep_ == "case" and c.i > tok.i)


def _via(doc: Doc, pred: Token, subject: Token | None, lex: Lexicon) -> tuple[int, int] | None:
    """The medium that relayed the words: WPに, 読売新聞の取材に, AP通信によると."""
    chain = []
    v: Token = pred
    while True:
        chain.append(v)
        if v.head == v or v.dep_ not in CLAUSE_DEPS:
            break
        v = v.head
    # 共同通信の取材に応じ、「…」と語った: the interview is on a clause before the cue
    chain += [
        c
        for c in pred.children
        if c.dep_ == "advcl" and c.lemma_ in ("応じる", "応ずる", "応える") and c.i < pred.i
    ]
    for verb in chain:
        for child in verb.children:
            if child.dep_ not in ("obl", "nmod", "iobj", "obj") or child == subject:
                continue
            case = _case_of(child)
            through = doc[child.i + 1 : child.i + 4].text.startswith(("を通じ", "を通し"))
            if child.dep_ == "obj" and not through:
                continue
            text = doc[slice(*_np_range(child))].text
            if through and child.pos_ in ("NOUN", "PROPN") and lex.suffix(text, lex.documents) is None:
                return _np_range(child)  # 所属事務所を通じて「…」とコメントした: it relayed the words
            if child.lemma_ in INTERVIEWS and (case.startswith("に") or case == "で"):
                interviewers = [c for c in child.children if c.dep_ == "nmod" and c.i < child.i]
                if interviewers and _interviewer(doc, child, interviewers[-1], lex):
                    return _np_range(interviewers[-1])
                continue  # 取材に対し with no one named: no medium
            if (case in VIA_CASES or case.startswith("によ")) and lex.is_media(text):
                return _np_range(child)
            if (
                case == "に"
                and _addressed(doc, child)
                and child.pos_ in ("NOUN", "PROPN")
                and (lex.is_org(text) or child.pos_ == "PROPN")  # not 調べに対し, ことに対し
                and not text.endswith(("記者団", "記者"))  # reporters asked; no medium named
            ):
                return _np_range(child)  # 警視庁に対して話している: the addressee passes it on
    # Xの取材に対し「…」と語った, CNNに対し、…と述べた: wherever the parser hung them
    for tok in doc[: pred.i]:
        if tok.lemma_ in INTERVIEWS and _case_of(tok)[:1] in ("に", "で"):
            interviewers = [c for c in tok.children if c.dep_ == "nmod" and c.i < tok.i]
            if interviewers and interviewers[-1] != subject and _interviewer(doc, tok, interviewers[-1], lex):
                return _np_range(interviewers[-1])
        if tok != subject and _addressed(doc, tok) and lex.is_media(doc[slice(*_np_range(tok))].text):
            return _np_range(tok)
    # Xによると / Xによれば framing the whole sentence (not Xによる体制: "by means of")
    for tok in doc:
        if tok.text == "に" and tok.i + 2 < len(doc) and doc[tok.i + 1].lemma_ == "よる":
            if doc[tok.i + 2].text not in ("と", "ば"):
                continue
            framer = tok.head if tok.head.i < tok.i else None
            if framer is not None and framer.lemma_ in NOT_SPEAKERS:
                # 時事通信が紹介したところによると: the teller of ところ
                tellers = [
                    c for a in framer.children if a.dep_ == "acl" for c in a.children if c.dep_ == "nsubj"
                ]
                framer = tellers[0] if tellers else None
            if framer is not None and framer != subject:
                return _np_range(framer)
    return None


#: what a medium conducts with a speaker: Xの取材に, Xのインタビューで
INTERVIEWS = frozenset({"取材", "インタビュー", "単独インタビュー", "電話取材", "書面インタビュー", "質問"})


def _interviewer(doc: Doc, interview: Token, who: Token, lex: Lexicon) -> bool:
    """Whether `who` conducted the interview: a medium or organisation (共同通信の取材に), not
    a time (試合後のインタビューで); a 質問 only a medium's (北朝鮮軍の参戦に関する質問 is
    a question about something)."""
    text = doc[slice(*_np_range(who))].text
    if interview.lemma_ == "質問":
        return lex.is_media(text)
    return lex.is_media(text) or lex.names_org(text) or who.pos_ == "PROPN" or text in ("本紙", "本誌")


def _addressed(doc: Doc, noun: Token) -> bool:
    """Whether a noun is followed by に対し(て) (the words were addressed to it)."""
    for c in noun.children:
        if c.dep_ == "case" and c.text == "に" and c.i + 1 < len(doc) and doc[c.i + 1].lemma_ == "対する":
            return True
    return False


def _relayed_source(doc: Doc, pred: Token, lex: Lexicon) -> Token | None:
    """X in `Xの言葉を引用し` / `Xの話として`, which makes X the speaker."""
    candidates = [pred, *[c for c in pred.children if c.dep_ in ("advcl", "obl", "obj")]]
    for verb in candidates:
        for child in verb.children if verb.pos_ == "VERB" else [verb]:
            if child.lemma_ not in lex.relay_nouns:
                continue
            following = doc[child.i + 1 : child.i + 3].text
            relays = (
                following.startswith("を") and verb.lemma_ in ("引用", "引く", "紹介")
            ) or following.startswith("とし")
            if not relays:
                continue
            source = [c for c in child.children if c.dep_ == "nmod" and c.i < child.i]
            if source:
                return source[-1]
    return None
