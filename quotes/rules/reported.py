"""Reported speech without brackets: と-clauses and こと-clauses under a reporting verb.

- `XはYと述べた`: a clause ending in the quotative と (or との/という + a speech noun:
  `Yとの見方を示した`) under a reporting verb whose subject X is the source;
- `Xは…ことを発表した` / `Xは…する考えを示した`: a clause nominalised by こと or on an
  intention noun, object of a speech verb.
A record needs a source in the sentence, or none at all (the previous sentence's
speaker may continue, `quotes.rules.discourse`), and a known reporting cue
(`quotes/data/cues.tsv`); belief and cognition (とみている) are reported with their class.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from spacy.tokens import Doc, Token

from quotes.grammar.arguments import (
    clause_subject,
    de_wa_topic,
    doubled_subject,
    set_off_topic,
    subject_of,
    topic_of,
)
from quotes.grammar.media import relayed_source, via_of
from quotes.grammar.phrases import can_be_source, noun_phrase
from quotes.grammar.predicates import (
    REPORTING,
    after_closer,
    cue_span,
    ends_in_quotative,
    predicate,
    prefer_cue,
    quotative,
)
from quotes.grammar.tokens import (
    CONTRASTS,
    SUBJECT_DEPS,
    aux_run,
    is_passive,
    is_predicate,
    lemma_of,
    placeholder_token,
    slot_of,
)
from quotes.lexicon import Lexicon
from quotes.rules.clauses import clause_start
from quotes.rules.findings import Reported
from quotes.rules.frames import source_frames
from quotes.text.masking import Slot, Unit


def find_reported(unit: Unit, doc: Doc, lex: Lexicon) -> list[Reported]:
    """Every reported-speech clause of a sentence, in order of their start."""
    found: list[Reported] = []
    found.extend(source_frames(doc, unit.slots, lex))
    found.extend(_quotative_clauses(doc, unit.slots, lex))
    found.extend(_koto_clauses(doc, unit.slots, lex))
    return sorted(_outermost(found), key=lambda r: r.clause)


def _outermost(found: list[Reported]) -> list[Reported]:
    """Without a belief reported inside what the same source said: `…と確信していると
    表明した` is one statement (表明した), not also a belief (確信している); and without a
    clause inside a longer one of the same source and cue (…表明ではないかとの観測を報じた
    read at two と's): one statement, the longer reading."""
    return [r for r in found if not any(o is not r and _inside(r, o) for o in found)]


def _inside(r: Reported, o: Reported) -> bool:
    """Whether `r` is part of what `o` reports: a belief within a statement of its source,
    or a shorter clause of the same source and cue."""
    if o.subject != r.subject:
        return False
    if r.cue_class == "cognition" and o.cue_class in ("speech", "report"):
        return o.clause[0] <= r.cue[0] < o.clause[1]
    return (
        o.cue == r.cue
        and not o.frame  # a frame's span is the whole sentence; the clause inside it speaks
        and o.clause[0] <= r.clause[0]
        and r.clause[1] <= o.clause[1]
        and o.clause != r.clause
    )


def _koto_clauses(doc: Doc, slots: Sequence[Slot], lex: Lexicon) -> list[Reported]:
    """`Xは…ことを発表した`: a clause nominalised by こと (事, 旨), object of a speech verb;
    and `Xは…する考えを示した`: a clause on an intention noun (`intention_nouns.txt`). With
    no source in the sentence (また、…ことも明らかにした), the discourse may give one."""
    out: list[Reported] = []
    for koto in doc:
        found = _koto_clause(doc, koto, slots, lex)
        if found is not None:
            out.append(found)
    return out


def _koto_clause(doc: Doc, koto: Token, slots: Sequence[Slot], lex: Lexicon) -> Reported | None:
    intention = koto.lemma_ in lex.intention_nouns
    if (
        (koto.lemma_ not in lex.nominalisers and not intention)
        or koto.i + 1 >= len(doc)
        or (doc[koto.i + 1].text, koto.dep_) not in (("を", "obj"), ("も", "obj"), ("も", "nsubj"))
    ):  # …ことを発表した; …ことも表明した, which the parser may read as a subject
        return None
    clauses = [c for c in koto.children if c.dep_ == "acl" and c.i == koto.i - 1 - aux_run(doc, c)]
    verb = koto.head
    if not clauses or not is_predicate(verb) or slot_of(clauses[0], slots) is not None:
        return None
    cue_start, cue_end, cue_lemma = cue_span(doc, verb, doc[koto.i + 1], lex)
    cue_class = lex.cue_class(cue_lemma) or lex.cue_class(lemma_of(verb))
    if intention and cue_class is None and verb.lemma_ in lex.light_verbs:
        cue_class = lex.speech_nouns.get(koto.lemma_, "speech")  # 考えを示した: the noun says what
    allowed = REPORTING if intention else ("speech", "report")
    if cue_class is None or cue_class not in allowed or is_passive(verb) or _relative(verb, lex):
        return None
    subject = (
        subject_of(doc, verb, slots, lex)
        or topic_of(doc, verb, slots, lex)
        or set_off_topic(doc, clauses[0], lex)
    )
    if subject is None and not (
        cue_class in ("speech", "report") and _no_subject(doc, clauses[0], verb, slots, lex)
    ):
        return None
    start = clause_start(doc, clauses[0], koto, subject, verb, lex)
    if start is not None and intention:
        # …を閉鎖したのち、別の工場から仕入れる方針: what is meant is the last stretch
        commas = [t.i for t in doc[start : koto.i] if t.text in ("、", ",")]
        start = commas[-1] + 1 if commas else start
    if start is None or start >= koto.i or (subject is not None and subject.i in range(start, koto.i)):
        return None
    return Reported(
        clause=(start, koto.i),
        cue=(cue_start, cue_end),
        cue_lemma=cue_lemma,
        cue_class=cue_class,
        subject=subject.i if subject is not None else None,
        via=via_of(doc, verb, subject, lex),
        rule="koto",
    )


def _relative(pred: Token, lex: Lexicon) -> bool:
    """Whether a cue describes a noun (…と認識している場合), which attributes nothing.

    A clause on a noun of time (…と前置きした後で) is adverbial: it still reports.
    """
    return pred.dep_ == "acl" and pred.head.lemma_ not in lex.adverbial_nouns


#: what after と makes it "with", not a quotative (写真とともに報告した)
_TOGETHER = frozenset({"ともに", "とも", "共に", "同時に"})


def _quotative_clauses(doc: Doc, slots: Sequence[Slot], lex: Lexicon) -> list[Reported]:
    """`XはYと述べた`, `Yとの見方を示した`: every clause ending in a quotative と."""
    out: list[Reported] = []
    for tok in doc:
        conditional = (  # …と聞くと、Bは「…」と返した: と after a verb's plain present, a comma,
            (tok.pos_ == "SCONJ" or tok.tag_ == "助詞-接続助詞")  # and the words reported after
            # it; not …懸念されると、CNNは伝えた
            and tok.i + 1 < len(doc)
            and doc[tok.i + 1].text in ("、", ",")
            and doc[tok.i - 1].pos_ in ("VERB", "AUX")
            and doc[tok.i - 1].text not in ("た", "だ", "です", "ます")
            and any(t.text in ("と", "との") and t.pos_ == "ADP" for t in doc[tok.i + 2 :])
        )
        together = tok.i + 1 < len(doc) and doc[tok.i + 1].text in _TOGETHER  # 写真とともに
        # …続けるとも述べた: the tokenizer may write と+も as one ending (とも, "even if")
        also = (
            tok.text == "とも"
            and tok.i + 1 < len(doc)
            and lex.cue_class(lemma_of(doc[tok.i + 1])) is not None
        )
        if (
            (tok.text == "と" or also)
            and tok.pos_ in ("ADP", "SCONJ")
            and tok.i > 0
            and not (conditional or together)
        ):
            out.extend(_quotative_clause(doc, tok, slots, lex))
    return out


@attrs.frozen(kw_only=True)
class _Cue:
    """The reporting cue of a clause: the predicate と hangs from, the preferred
    reporting verb, its token span, lemma and class."""

    first: Token
    pred: Token
    span: tuple[int, int]
    lemma: str
    cue_class: str


def _quotative_clause(doc: Doc, tok: Token, slots: Sequence[Slot], lex: Lexicon) -> list[Reported]:
    """The reported clause that ends at the quotative `tok`, or none."""
    clause_head = tok.head
    # …の反応は「人道をないがしろにする行為」だと書き込んだ: a clause whose predicate is a
    # quotation with a copula is reported speech (the bracket is its speaker's words too)
    copula = tok.i >= 2 and doc[tok.i - 1].lemma_ == "だ" and doc[tok.i - 2].text in ("」", "』")
    if clause_head.i >= tok.i or (slot_of(clause_head, slots) is not None and not copula):
        return []  # a bracketed quotation: handled as direct speech
    if not _clause_predicate(clause_head) or doc[tok.i - 1].i not in {t.i for t in clause_head.subtree}:
        return []
    if clause_head.tag_.startswith("形状詞-タリ"):
        return []  # 「…」と淡々と話した: a タリ adjective's と says how, it reports nothing
    as_particle = tok.i + 1 < len(doc) and doc[tok.i + 1].dep_ == "fixed" and doc[tok.i + 1].head == tok
    if clause_head.lemma_ in lex.relay_nouns and as_particle and slot_of(clause_head, slots) is None:
        return []  # Yの話として、…と伝えた: the relay names the source, the clause comes after it
    cue = _reporting_cue(doc, clause_head, tok, slots, lex)
    if cue is None:
        return []
    subject = _clause_source(doc, tok, clause_head, cue, slots, lex)
    relay = relayed_source(doc, cue.pred, lex)
    if relay is not None:
        # NHKは政府関係者の話として…と伝えた: the relayed source speaks, NHK relays, and
        # the cue is the verb that reports (伝えた; 話として is the cue only with no such verb)
        teller = subject or topic_of(doc, cue.pred, slots, lex) or subject_of(doc, cue.pred, slots, lex)
        via = via_of(doc, cue.pred, teller, lex) or (noun_phrase(teller, lex) if teller is not None else None)
        subject = relay
    else:
        via = None
    orphan = _orphan(doc, clause_head, tok, cue, slots, lex)
    if subject is None:
        return orphan
    if tok in subject.subtree and subject.i > tok.i:
        return []  # …という返答があった: the noun the clause fills is no source
    via = via or via_of(doc, cue.pred, subject, lex)
    start = clause_start(doc, clause_head, tok, subject, cue.pred, lex)
    second = _source_after_contrast(doc, start, tok, lex) if start is not None else None
    if second is not None:  # Aは…と示したが、Bは…と明かした: the second part is B's
        subject, via = second, via_of(doc, cue.pred, second, lex)
        start = clause_start(doc, clause_head, tok, subject, cue.pred, lex)
    if start is None or start >= tok.i:
        return []
    if subject.i in range(start, tok.i):
        return orphan  # the "source" is the clause's own subject: no source named
    return [
        Reported(
            clause=(start, tok.i),
            cue=cue.span,
            cue_lemma=cue.lemma,
            cue_class=cue.cue_class,
            subject=subject.i,
            via=via,
            rule="relay" if relay is not None else "reported",
        )
    ]


def _source_after_contrast(doc: Doc, start: int, end: Token, lex: Lexicon) -> Token | None:
    """A source that opens a clause after an earlier statement and a contrast (…と見通しを
    示したが、外交筋は…と明かした), which the parser took for part of what was said."""
    if start < 2 or doc[start - 1].text not in ("、", ",") or doc[start - 2].text not in CONTRASTS:
        return None
    topics = [
        t
        for t in doc[start : end.i]
        if t.pos_ in ("NOUN", "PROPN")
        and any(c.dep_ == "case" and c.text in ("は", "が") and c.i > t.i for c in t.children)
    ]
    # …示したが、野党は審議に応じる構えだと述べた: a topic the words have no other
    # subject than is what they are about, not who said them
    if len(topics) < 2 or noun_phrase(topics[0], lex)[0] != start or not can_be_source(topics[0], lex):
        return None
    return topics[0]


def _reporting_cue(
    doc: Doc, clause_head: Token, tok: Token, slots: Sequence[Slot], lex: Lexicon
) -> _Cue | None:
    """The reporting verb a と-clause hangs from, if it is a known, active, main cue."""
    form = _form(doc, tok)
    first = predicate(doc, clause_head, tok, form, slots, lex, bracketed=False)
    if isinstance(first, int):
        # 対話が必要だとし、「…」と助言した: the quotation's cue reports this part too
        first = _slot_predicate(doc, slots, first, lex)
    if first is None:
        return None
    carrier = clause_head.head if form in ("との", "という") else None
    if carrier is not None and carrier.head == first and _states(carrier, first, lex):
        pred = first  # …との認識を示し、…と述べた: the noun and its verb are this part's cue
    else:
        pred = prefer_cue(doc, first, tok, slots, lex)
    cue_start, cue_end, cue_lemma = cue_span(doc, pred, tok, lex)
    cue_class = lex.cue_class(cue_lemma) or lex.cue_class(lemma_of(pred))
    if cue_class is None and carrier is not None and _states(carrier, pred, lex):
        cue_class = lex.speech_nouns[carrier.lemma_]  # …との見方を示した: the noun says what
    if cue_class not in REPORTING or is_passive(pred) or _relative(pred, lex):
        return None  # a relative clause (…と認識している場合) attributes nothing
    assert cue_class is not None
    return _Cue(first=first, pred=pred, span=(cue_start, cue_end), lemma=cue_lemma, cue_class=cue_class)


def _states(noun: Token, verb: Token, lex: Lexicon) -> bool:
    """Whether a speech noun and a light verb state what the と-clause holds (見方を示す)."""
    return noun.lemma_ in lex.speech_nouns and verb.lemma_ in lex.light_verbs


def _clause_source(
    doc: Doc, tok: Token, clause_head: Token, cue: _Cue, slots: Sequence[Slot], lex: Lexicon
) -> Token | None:
    """Who the clause ending at `tok` is reported from: named between と and the cue, the
    subject of the cue or a clause above it, the sentence's topic, a set-off source."""
    pred = cue.pred
    # …参拝したと共同通信が報じた: a source named between と and the cue is the source
    named_after = [c for c in pred.children if tok.i < c.i < pred.i and c.dep_ in SUBJECT_DEPS]
    subject = (
        (named_after[-1] if named_after and can_be_source(named_after[-1], lex) else None)
        or subject_of(doc, cue.first, slots, lex, first=True)
        or subject_of(doc, pred, slots, lex, first=True)
        or topic_of(doc, pred, slots, lex)
        or _earlier_statement(pred, clause_head, slots, lex)
        or set_off_topic(doc, clause_head, lex)
        or doubled_subject(clause_head, lex)
        or de_wa_topic(doc, pred, lex)
    )
    if subject is not None and tok not in subject.subtree and not can_be_source(subject, lex):
        # 首相は感染状況は厳しいと強調した: the parser gave the cue the clause's own
        # topic; the sentence's topic before it is the source
        topic = topic_of(doc, pred, slots, lex)
        if topic is not None and topic.i < subject.i and can_be_source(topic, lex):
            return topic
        set_off = set_off_topic(doc, clause_head, lex)  # 前田会長が、知事の判断は…と指摘した
        if set_off is not None and set_off.i < subject.i:
            return set_off
        # 津波の心配はないとしている, 来期も…としている: the clause's own subject or a time,
        # no source named (the discourse may give one)
        return None
    outer = _outer_topic(doc, subject, pred, tok, lex) if subject is not None else None
    return outer or subject


def _outer_topic(doc: Doc, subject: Token, pred: Token, tok: Token, lex: Lexicon) -> Token | None:
    """`大橋教授は、運転手は…襲われやすいと指摘し、「…」と話している`: the parser gave a cue
    that is not the sentence's last the reported clause's own topic; a source set off by は
    and a comma before it, hung on a verb above the cue, is who said both."""
    if not subject.i < tok.i or pred.dep_ == "ROOT":
        return None
    for cand in doc[: subject.i]:
        case = [c for c in cand.children if c.dep_ == "case" and c.i > cand.i]
        if (
            cand.pos_ in ("NOUN", "PROPN")
            and len(case) == 1
            and case[0].text in ("は", "も")
            and case[0].i + 1 < subject.i
            and doc[case[0].i + 1].text in ("、", ",")
            and cand.head != pred
            and pred in cand.head.subtree
            and can_be_source(cand, lex)
        ):
            return cand
    return None


def _earlier_statement(pred: Token, clause_head: Token, slots: Sequence[Slot], lex: Lexicon) -> Token | None:
    """The subject of a statement the cue goes on from (小西さんもブログを更新し、「…」と
    書き込んだうえで、…とつづった): one who said the first part says the second."""
    said = [
        c
        for c in pred.children
        if c.dep_ == "advcl" and c.i < clause_head.i and lex.cue_class(lemma_of(c)) in REPORTING
    ]
    # (the clause before the statement, however the parser hung it, has the same subject)
    return clause_subject(said[-1], slots, lex, ("advcl", *SUBJECT_DEPS)) if said else None


def _orphan(
    doc: Doc, clause_head: Token, tok: Token, cue: _Cue, slots: Sequence[Slot], lex: Lexicon
) -> list[Reported]:
    """`また、物価高には万全を期すと強調した`: a clause reported in a sentence that names
    no source at all; the previous sentence's speaker may continue (`subject` None)."""
    # …との認識を示した: a view shown is said, though the noun is one of thought
    shown = cue.cue_class == "cognition" and cue.pred.lemma_ == "示す"
    if (cue.cue_class not in ("speech", "report") and not shown) or not _no_subject(
        doc, clause_head, cue.pred, slots, lex
    ):
        return []
    start = clause_start(doc, clause_head, tok, None, cue.pred, lex)
    if start is None or start >= tok.i:
        return []
    return [
        Reported(
            clause=(start, tok.i),
            cue=cue.span,
            cue_lemma=cue.lemma,
            cue_class=cue.cue_class,
            subject=None,
            via=via_of(doc, cue.pred, None, lex),
        )
    ]


def _slot_predicate(doc: Doc, slots: Sequence[Slot], k: int, lex: Lexicon) -> Token | None:
    """The predicate the quotation in slot `k` is reported by, if it has one."""
    q = placeholder_token(doc, slots[k])
    after = after_closer(doc, q, slots[k]) if q is not None else None
    marker = quotative(doc, after) if after is not None else None
    if q is None or marker is None:
        return None
    found = predicate(doc, q, marker[0], marker[1], slots, lex)
    return found if not isinstance(found, int) else None


def _no_subject(doc: Doc, clause_head: Token, pred: Token, slots: Sequence[Slot], lex: Lexicon) -> bool:
    """Whether a sentence names no one outside the reported clause: nothing before the
    cue that could speak is its subject or topic, and it is the sentence's main verb or the
    first part of a statement that ends it (…によるものとしており、…としている)."""
    first_part = pred.dep_ == "advcl" and _goes_on_to_say(doc, pred)
    if pred.dep_ != "ROOT" and not first_part:
        return False
    inside = {t.i for t in clause_head.subtree} | (set(range(pred.i, len(doc))) if first_part else set())
    for part in pred.children:  # …によるものとしており、…としている: the first part is said too
        if (
            part.dep_ == "advcl"
            and part.i < clause_head.i
            and any(ends_in_quotative(doc, g) for g in part.children)
        ):
            inside |= {t.i for t in part.subtree}
    return not any(
        t.i not in inside and t.dep_ in SUBJECT_DEPS and can_be_source(t, lex) for t in doc[: pred.i]
    ) and not any(slot_of(t, slots) is not None and t.i not in inside for t in doc)


def _goes_on_to_say(doc: Doc, pred: Token) -> bool:
    """Whether the verb `pred` of a first part leads to a second part that ends the sentence:
    its head is a と-clause of the main verb, or the main verb with a と-clause of its own."""
    head = pred.head
    if head.dep_ != "ROOT":
        return ends_in_quotative(doc, head) and head.head.dep_ == "ROOT"
    return any(
        c.i > pred.i and c.dep_ in ("advcl", "ccomp", "obl") and ends_in_quotative(doc, c)
        for c in head.children
    )


def _form(doc: Doc, tok: Token) -> str:
    """The quotative's form: と, との (…との見方) or という (…という話)."""
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "の":
        return "との"
    if nxt is not None and nxt.lemma_ in ("いう", "言う"):
        return "という"
    return "と"


def _clause_predicate(tok: Token) -> bool:
    """Whether a token ends a clause that can be reported (a predicate, or N+だ)."""
    if is_predicate(tok) or tok.pos_ in ("ADJ", "AUX"):
        return True
    # N+だ, N+ではない (the parser may call that で a case marker, but tags it AUX)
    if any(c.dep_ in ("cop", "aux") or (c.pos_ == "AUX" and c.i > tok.i) for c in tok.children):
        return True
    # …が必要と述べた, …臨む予定としている: a noun that is a predicate with だ left out, when it
    # describes a state (形状詞可能) or has a subject or a clause of its own
    # (…のためと説明した, …によるものとしている: a reason or an account, だ left out)
    if tok.pos_ != "NOUN":
        return False
    reason = "副詞可能" in tok.tag_ or tok.lemma_ in ("もの", "物")
    modifiers = ("acl", "nsubj", "nmod") if reason else ("acl", "nsubj")
    return "形状詞可能" in tok.tag_ or any(c.dep_ in modifiers and c.i < tok.i for c in tok.children)
