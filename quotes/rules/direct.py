"""Bracketed quotations: the cue, speaker and medium of each 「…」 of a sentence.

For each quotation of a masked sentence (`quotes.text.masking.Unit`) parsed by GiNZA:
the word after 」 decides speech or term, the quotative と's predicate is the cue,
the cue's subject (or a clause's above it, the sentence's topic, a cleft's focus) is
the speaker, and a relay (WPは米高官らの言葉を引用し…) makes the relayed source the
speaker and the outlet the via. Rules read dependency labels and lexicon classes,
never sentence strings.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Doc, Token

from quotes.grammar.arguments import (
    can_speak,
    cleft_focus,
    de_wa_topic,
    earlier_clause_subject,
    from_source,
    owner_of_words,
    subject_of,
    topic_of,
)
from quotes.grammar.media import relayed_source, via_of
from quotes.grammar.phrases import can_be_source, noun_phrase
from quotes.grammar.predicates import (
    REPORTING,
    after_closer,
    clause_like,
    cue_span,
    predicate,
    prefer_cue,
    quotative,
)
from quotes.grammar.tokens import case_of, is_passive, lemma_of, names_person, placeholder_token, slot_of
from quotes.lexicon import Lexicon
from quotes.rules.findings import Finding, owned_words
from quotes.rules.verbless import ending_on_speaker, verbless, what_words_were
from quotes.rules.voices import voice
from quotes.text.masking import Slot, Unit


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
    """The reading of one quotation: term, deferred to a later one, or speech."""
    q = placeholder_token(doc, slot)
    term = Finding(slot=slot, kind="term")
    after = after_closer(doc, q, slot) if q is not None else None
    if q is None or after is None:
        return term
    # 「A」「B」と述べた, 「A」または「B」と答えた, 「A」と「B」と述べた: A reads as B does
    nxt_slot = _coordinated(doc, after, unit)
    if nxt_slot is not None:
        return Finding(slot=slot, kind="deferred", defer_to=nxt_slot)
    found = voice(doc, q, slot, lex) or what_words_were(doc, q, after, slot, clause_like(slot, unit), lex)
    if found is not None:  # ネット上では「…」といった声が上がった, 連盟の回答は「…」だった
        return found
    marker = quotative(doc, after)
    if marker is None:
        return (
            ending_on_speaker(doc, q, after, slot, lex)
            or _content_of_noun(doc, q, after, slot, unit, lex)
            or term
        )
    to, form = marker
    if form == "と" and to.i + 1 < len(doc) and doc[to.i + 1].text in ("「", "『"):
        nxt_slot = slot_of(doc[to.i + 2], unit.slots) if to.i + 2 < len(doc) else None
        if nxt_slot is not None:
            return Finding(slot=slot, kind="deferred", defer_to=nxt_slot)
    first = predicate(doc, q, to, form, unit.slots, lex)
    if isinstance(first, int):
        return Finding(slot=slot, kind="deferred", defer_to=first)
    if first is None:
        return verbless(doc, q, to, form, slot, lex, clause=clause_like(slot, unit)) or term
    return _speech(unit, doc, slot, q, to, form, first, lex) or term


#: words that join two quotations as alternatives or a list (「A」または「B」と答えた)
_COORDINATORS = frozenset(
    {"、", "・", "または", "あるいは", "もしくは", "ないし", "か", "や", "とか", "及び", "および"}
)


def _coordinated(doc: Doc, after: Token, unit: Unit) -> int | None:
    """The slot of the quotation written next to this one, straight after it or after a
    coordinator (または, や, 、), whose reading this one shares."""
    at = after.i
    joined = ""
    while at < len(doc) and doc[at].text not in ("「", "『") and len(joined) < 4:
        joined += doc[at].text
        at += 1
    if (joined and joined not in _COORDINATORS) or at + 1 >= len(doc) or doc[at].text not in ("「", "『"):
        return None
    return slot_of(doc[at + 1], unit.slots)


def _naming_after(doc: Doc, first: Token, to: Token, lex: Lexicon) -> str | None:
    """ "naming" when the quotative's own verb names (「お詫びとお知らせ」と題する文書を掲載し、
    …: a title, whatever cue follows)."""
    named = doc[to.i + 1] if to.i + 1 < len(doc) else first
    classes = (lex.cue_class(lemma_of(first)), lex.cue_class(lemma_of(named)))
    return "naming" if "naming" in classes else None


def _speech(
    unit: Unit, doc: Doc, slot: Slot, q: Token, to: Token, form: str, first: Token, lex: Lexicon
) -> Finding | None:
    """The cue, speaker and medium of a quotation whose quotative hangs from `first`; None
    when the cue names the quotation (「…」と名付けた) rather than reports it."""
    pred = prefer_cue(doc, first, to, unit.slots, lex)
    cue_start, cue_end, lemma = cue_span(doc, pred, to, lex)
    cue_class = lex.cue_class(lemma)
    if "naming" in (cue_class, _naming_after(doc, first, to, lex)):
        return None
    if cue_class not in REPORTING and not clause_like(slot, unit) and (form == "として" or cue_class is None):
        # 「フランチェスコ1世」として就任する: "as" a name; 「ジャパンカップ」とカチ合う: "with"
        # a name; a name before a verb that reports nothing is no speech
        return None
    if form == "として" and cue_class not in REPORTING:
        # 「物が盗まれた」として捜査を始めた: the words are the grounds, として their cue
        end = to.i + 1
        while end < len(doc) and doc[end].dep_ == "fixed" and doc[end].head == to:
            end += 1
        cue_start, cue_end, lemma, cue_class = to.i, end, "とする", lex.cue_class("とする")
    owner = _words_owner(q, form, lex)
    if owner is not None:
        # 三曹の「合意の上だった」との主張を退けた: the claim is 三曹's, whoever rejects it
        owner_subject, noun = owner
        return owned_words(slot, noun, owner_subject, "speech_noun", lex)
    subject, rule = _speaker(unit, doc, q, first, pred, lex)
    passive = is_passive(pred) and not _exalted(subject, lex)
    if (
        passive
        and pred.dep_ == "acl"
        and pred.head.lemma_ not in lex.speech_nouns
        and _agent(pred, lex) is None
    ):
        # 「本日休業」と書かれた看板: words on a thing, no one's speech (but 花村から「…」と
        # 振られた南條は: the one they were said by is named)
        return None
    if passive:
        # 「…」と批判された: the subject is who was spoken of; インタビュアーから「…」と聞かれ:
        # the one it was said by, named with から/に/によって, speaks
        subject, rule = _agent(pred, lex), "agent"
    via = via_of(doc, pred, subject, lex)
    relay = relayed_source(doc, pred, lex)
    if relay is not None:
        if subject is not None and via is None:
            via = noun_phrase(subject, lex)
        subject, rule = relay, "relay"
    return Finding(
        slot=slot,
        kind="direct",
        cue=(cue_start, cue_end),
        cue_lemma=lemma,
        cue_class=cue_class,
        subject=subject.i if subject is not None else None,
        via=via,
        relayed=relay is not None,
        passive=passive,
        rule=rule,
    )


def _words_owner(q: Token, form: str, lex: Lexicon) -> tuple[Token, Token] | None:
    """`Yの「…」との主張`: the person whose claim (remark, criticism) the words fill, and
    the speech noun; None unless the noun has such an owner written with の before the
    quotation (GiNZA hangs Yの on the quotation or on the noun)."""
    noun = q.head
    if form not in ("との", "という") or noun.i < q.i or noun.lemma_ not in lex.speech_nouns:
        return None
    for child in (*q.children, *noun.children):
        if (
            child.dep_ == "nmod"
            and child.i < q.i
            and any(c.dep_ == "case" and c.text == "の" for c in child.children)
            and can_be_source(child, lex)
        ):
            return child, noun
    return None


def _agent(pred: Token, lex: Lexicon) -> Token | None:
    """The agent of a passive cue: Xから, Xに, Xによって, when X can speak."""
    for child in pred.children:
        cases = "".join(c.text for c in child.children if c.dep_ == "case" and c.i > child.i)
        framed = any(c.lemma_ == "よる" for c in child.subtree if c.i > child.i)  # Xによると: a frame
        agentive = cases in ("から", "からは") or (
            cases == "に" and lex.cue_class(lemma_of(pred)) in REPORTING
        )
        if child.dep_ == "obl" and child.i < pred.i and agentive and not framed:  # not …に投入された
            if can_be_source(child, lex):
                return child
    return None


def _frame_source(pred: Token, q: Token, lex: Lexicon) -> Token | None:
    """X of `Xによれば、「…」と説明する`: the words are the frame's source's own, unless X is
    a medium (毎日新聞によると、「…」と述べた: the outlet relays someone it does not name);
    X of `Xのコメントでは「…」としている`, a statement of X's (コメント, 声明, 談話)."""
    for child in pred.children:
        if child.dep_ != "obl" or child.i > q.i:
            continue
        owner = _statement_owner(child, lex)
        if owner is not None:
            return owner
        if not can_be_source(child, lex):
            continue
        framed = any(c.text == "に" and any(f.lemma_ == "よる" for f in c.children) for c in child.children)
        start, end = noun_phrase(child, lex)
        if framed and not lex.is_media(child.doc[start:end].text):
            return child
    return None


def _statement_owner(noun: Token, lex: Lexicon) -> Token | None:
    """X in `Xのコメントでは` / `Xの声明でも`: the one whose statement the noun is, when the
    noun says it is speech (speech_nouns.tsv) and X is no medium."""
    if lex.speech_nouns.get(noun.lemma_) != "speech":
        return None
    if [c.text for c in noun.children if c.dep_ == "case" and c.i > noun.i][:2] not in (
        ["で", "は"],
        ["で", "も"],
    ):
        return None
    owners = [c for c in noun.children if c.dep_ == "nmod" and c.i < noun.i and c.pos_ in ("NOUN", "PROPN")]
    if not owners or not can_be_source(owners[-1], lex):
        return None
    start, end = noun_phrase(owners[-1], lex)
    return None if lex.is_media(noun.doc[start:end].text) else owners[-1]


#: subjects whose verbs take the honorific られる, which is no passive (陛下は…と述べられた)
_EXALTED = ("陛下", "殿下")


def _exalted(subject: Token | None, lex: Lexicon) -> bool:
    if subject is None:
        return False
    start, end = noun_phrase(subject, lex)
    return subject.doc[start:end].text.endswith(_EXALTED)


def _topic_over_ga(doc: Doc, subject: Token, cue: Token, lex: Lexicon) -> Token | None:
    """The は-topic of the cue before its が-subject, when both hang on the cue: in
    `XはYが…「…」と述べた` the parser gave the cue the quoted clause's own subject Y."""
    if subject.head != cue or not any(c.text == "が" and c.dep_ == "case" for c in subject.children):
        return None
    topics = [
        c
        for c in cue.children
        if c.i < subject.i
        and [k.text for k in c.children if k.dep_ == "case" and k.i > c.i] == ["は"]  # not 役員会では
        and _a_person(c, lex)  # not 同社は、広報担当者が「…」と話した: its spokesperson speaks
    ]
    return topics[-1] if topics else None


def _a_person(tok: Token, lex: Lexicon) -> bool:
    """Whether a noun phrase names a person: a name, or a post or honorific after one."""
    start, end = noun_phrase(tok, lex)
    words = tok.doc[start:end]
    return any(names_person(t) for t in words) or lex.suffix(words.text, lex.honorifics) is not None


def _speaker(
    unit: Unit, doc: Doc, q: Token, first: Token, pred: Token, lex: Lexicon
) -> tuple[Token | None, str]:
    """Who says a quotation whose cue is `pred`, and the rule that says so: its subject, or
    a clause's above it, the sentence's topic, a cleft's focus or the subject of a clause
    the cue continues."""
    subject = subject_of(doc, first, unit.slots, lex)
    if subject is None and pred != first:
        subject = subject_of(doc, pred, unit.slots, lex)
    rule = "subject"
    described = pred.dep_ == "acl" and pred.head == subject and pred.lemma_ not in ("いう", "言う")
    if subject is not None and q in subject.subtree and not described and not _named_after(subject, q, lex):
        # 「…」という声が聞かれた: the noun the quotation fills is no speaker;
        # 市民からは「…」との声が上がった: the source is 市民
        subject, rule = from_source(first), "source"
    if subject is None:
        topic = topic_of(doc, pred, unit.slots, lex)
        # a topic hands down its subject only when it can speak (not ニコチンは…、「…」と指摘)
        # and is not the noun the words fill (「…」と反省も口にした: the regret is what was said)
        speaks = topic is not None and can_be_source(topic, lex) and q not in topic.subtree
        subject, rule = (topic, "topic") if speaks else (None, rule)
    if subject is not None and not can_be_source(subject, lex):
        # ペスコフ報道官は、条約は「…」と強調した: 条約 is what the words are about
        topic = topic_of(doc, pred, unit.slots, lex)
        if topic is not None and topic.i < subject.i and can_be_source(topic, lex):
            subject, rule = topic, "topic"
        elif subject.i > q.i and not described:
            # 「…」と決意ものぞかせた: a noun after the words that cannot speak is what they are
            subject = None
    if subject is not None and (topic := _topic_over_ga(doc, subject, first, lex)) is not None:
        subject = topic  # ユスフ氏は、イスラエル側が条項を「…」と反発した: Y is what the words are about
    if subject is not None and subject.i < q.i and (owner := owner_of_words(subject, lex)) is not None:
        subject = owner  # 公社の見解は「…」という: a view (a comment, an answer) is its owner's words
    if subject is None and (found := de_wa_topic(doc, pred, lex)) is not None:
        subject, rule = found, "topic"  # 学研広報室では「…」としている
    if subject is None and (found := _frame_source(pred, q, lex)) is not None:
        subject, rule = found, "frame"  # 球団関係者によれば、「…」と説明する
    if subject is None and (found := _held_by_quotation(q, unit, lex)) is not None:
        subject, rule = found, "subject"
    if subject is None and (found := _name_before_words(q)) is not None:
        subject, rule = found, "subject"
    if subject is None:
        cleft = cleft_focus(pred, lex)
        subject, rule = (
            (cleft, "cleft")
            if cleft is not None
            else (
                earlier_clause_subject(pred, q, unit.slots, lex),
                "earlier_clause",
            )
        )
    return subject, rule


def _named_after(subject: Token, q: Token, lex: Lexicon) -> bool:
    """「…」と浜岡が笑うと: a source named with が/は after the quotation that the parser hung
    the quotation on speaks; a noun the quotation fills (「…」という声が) does not."""
    return (
        subject.i > q.i
        and case_of(subject) in ("が", "は")
        and subject.lemma_ not in lex.voice_nouns
        and subject.lemma_ not in lex.speech_nouns
        and can_be_source(subject, lex)
    )


def _name_before_words(q: Token) -> Token | None:
    """真白が「…」と明かすと: a name written with が or は straight before the quotation, which
    the parser read as something else (真白 as an adjective, が as a conjunction)."""
    doc = q.doc
    at = q.i - 1
    if at < 2 or doc[at].text != "「":
        return None
    at -= 1
    if doc[at].text in ("、", ","):
        at -= 1
    if at < 1 or doc[at].text not in ("が", "は") or not names_person(doc[at - 1]):
        return None
    return doc[at - 1]


def _held_by_quotation(q: Token, unit: Unit, lex: Lexicon) -> Token | None:
    """回答者が「韓国」と答えた: a subject the parser hung on the quotation itself."""
    held = [
        c
        for c in q.children
        if c.i < q.i
        and any(m.dep_ == "case" and m.text == "が" for m in c.children)
        and can_speak(c, unit.slots, lex)
        and can_be_source(c, lex)
    ]
    return held[-1] if held else None


def _content_of_noun(doc: Doc, q: Token, noun: Token, slot: Slot, unit: Unit, lex: Lexicon) -> Finding | None:
    """`「…」命令を出した`: a quotation written straight onto a speech noun (命令, 指示)
    that a light verb puts out says what was ordered, and `「…」ことを明かした` what a
    reporting verb tells; the verb's subject said it.

    Only a clause-like quotation, its noun the object of the light verb (「…」発言で辞任
    names a remark; that stays a term).
    """
    verb = noun.head
    ordered = verb.lemma_ in lex.light_verbs and lex.cue_class(noun.lemma_ + "する") in ("speech", "report")
    # 「…」ことを明かした: the fact a reporting verb tells is what was said
    # (not 喜んだ or みている: a feeling or a belief about a fact is no telling of it)
    told = noun.lemma_ in lex.nominalisers and lex.cue_class(lemma_of(verb)) in ("speech", "report")
    if (
        q.head != noun
        or noun.pos_ != "NOUN"
        or noun.dep_ != "obj"
        or not (ordered or told)
        or not clause_like(slot, unit)
        or is_passive(verb)
    ):
        return None
    cue_start, cue_end, lemma = cue_span(doc, verb, noun, lex)
    subject = subject_of(doc, verb, unit.slots, lex)
    if subject is None:
        topic = topic_of(doc, verb, unit.slots, lex)
        subject = topic if topic is not None and can_be_source(topic, lex) else None
    return Finding(
        slot=slot,
        kind="direct",
        cue=(cue_start, cue_end),
        cue_lemma=lemma,
        cue_class=lex.cue_class(lemma) or "speech",
        subject=subject.i if subject is not None else None,
        via=via_of(doc, verb, subject, lex),
        rule="koto" if told and not ordered else "speech_noun",
    )
