"""Who a predicate's words belong to: its subject, the sentence's topic, a cleft's focus.

A は-topic's scope runs over the clauses after it, and Japanese drops a subject the
reader already knows; so the speaker of a cue is looked for on the cue, on the
clauses above it, and on the sentence's topic (`subject_of`, `topic_of`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.tokens import Doc, Token

from quotes.grammar.phrases import can_be_source, named_in_brackets, noun_phrase
from quotes.grammar.predicates import describes_person
from quotes.grammar.tokens import (
    CLAUSE_DEPS,
    SUBJECT_DEPS,
    case_of,
    is_predicate,
    marked_subject,
    names_person,
    nominalised_topic,
    slot_of,
)
from quotes.lexicon import Lexicon
from quotes.text.masking import Slot


def subject_of(
    doc: Doc, pred: Token, slots: Sequence[Slot], lex: Lexicon, *, first: bool = False
) -> Token | None:
    """The speaker's head token: the subject of the cue or of a clause above it.

    With `first`, the leftmost of several subjects before the cue is taken: in
    `XはYはZとの見方を示した` the parser hangs both topics on the cue, and the
    reported clause's own topic (Y) stands nearer.
    """
    v: Token = pred
    seen: set[int] = set()
    while v.i not in seen:
        seen.add(v.i)
        subjects = [c for c in v.children if can_speak(c, slots, lex)]
        subjects = sorted(
            [*subjects, *_named_kinds(v, slots), *_hung_on_quotation(v, slots, lex)], key=lambda t: t.i
        )
        if v != pred:
            # above the cue, a subject written after it belongs to a later clause
            subjects = [c for c in subjects if c.i < pred.i]
        if describes_person(v, slots, lex):
            # 警察は「…」と話した男性から: a は-topic is never inside a relative clause
            subjects = [
                c for c in subjects if not any(k.dep_ == "case" and k.text == "は" for k in c.children)
            ]
        if subjects:
            # the nearest subject before the cue; は-topics and が-subjects alike
            before = [c for c in subjects if c.i < pred.i]
            return (before or subjects)[0 if first else -1]
        head = v.head
        if v.dep_ == "acl" and head.pos_ in ("NOUN", "PROPN") and slot_of(head, slots) is None:
            # 「…」と語った男性は: the noun the clause describes, when it is a subject;
            # …と話す田中花子さん(34)。: a sentence that is the person; 「…」と答えた人の
            # 割合: a person the clause describes, whatever the noun's own role
            marked = marked_subject(head) or head.dep_ == "ROOT"
            if head.lemma_ not in lex.not_speakers and (marked or describes_person(v, slots, lex)):
                return head
        if head == v:
            break
        v = head
    return None


def _hung_on_quotation(v: Token, slots: Sequence[Slot], lex: Lexicon) -> list[Token]:
    """回答者が「韓国」または「コリア」と答えた: the parser hung the subject on a
    quotation of `v` (on 「韓国」); it is the subject of `v`."""
    found = []
    for c in v.children:
        if slot_of(c, slots) is None:
            continue
        for t in c.subtree:
            if t.i > c.i or t.head == v or not can_speak(t, slots, lex) or t.dep_ not in SUBJECT_DEPS:
                continue
            if slot_of(t.head, slots) is not None and marked_subject(t):
                found.append(t)
    return found


def _named_kinds(v: Token, slots: Sequence[Slot]) -> list[Token]:
    """お笑いコンビ「ピーナッツバター」は: the parser made the bracketed name the subject and
    the noun saying what it is its modifier; that noun heads the speaker's phrase."""
    doc = v.doc
    found = []
    for c in v.children:
        quoted = slot_of(c, slots) is not None and c.i >= 2 and doc[c.i - 1].text == "「"
        if c.dep_ in SUBJECT_DEPS and quoted:
            kind = doc[c.i - 2]
            if kind.head.i == c.i and named_in_brackets(kind):
                found.append(kind)
    return found


def from_source(pred: Token) -> Token | None:
    """X in `Xから(は)…の声が上がった`: where voices, criticism or questions came from."""
    for child in pred.children:
        if (
            child.dep_ == "obl"
            and child.i < pred.i
            and any(c.dep_ == "case" and c.text == "から" for c in child.children)
        ):
            return child
    return None


def cleft_focus(pred: Token, lex: Lexicon) -> Token | None:
    """The person a cleft puts in focus: `逮捕されたのは…野田容疑者で、「…」と話している`.

    A clause nominalised by のは, then a noun with で, on the cue or a clause above
    it: the noun is who the sentence is about, and who speaks after it.
    """
    if nominalised_topic(pred) and pred.head != pred and pred.head.i > pred.i:
        # 「…」と語るのは、会社員の田中花子さんだ: the cue is inside the のは clause
        person = person_in(pred.head, lex)
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
            if any(nominalised_topic(c) for c in clauses):
                person = person_in(focus, lex)
                if person is not None:
                    return person
        if v.head == v or v.dep_ not in CLAUSE_DEPS:
            break
        v = v.head
    return None


def earlier_clause_subject(pred: Token, q: Token, slots: Sequence[Slot], lex: Lexicon) -> Token | None:
    """The subject of a clause the cue continues: `田中さんが会見し、「…」と話した` (the
    parser hangs 田中さんが on 会見し, whose subject the cue shares), or of the clause that
    one continues in turn (小西さんもブログを更新し、「…」と書き込んだうえで、…とつづった,
    where the parser made 更新し a subject)."""
    for clause in pred.children:
        if clause.dep_ != "advcl" or clause.i > q.i or not is_predicate(clause):
            continue
        found = clause_subject(clause, slots, lex)
        if found is not None and not _turn_taker(clause, found):
            return found
    return None


#: the endings of a clause that sets up what happens next: …と聞くと、…と答えた, …と問われれば
_CONDITIONALS = frozenset({"と", "ば", "たら", "なら", "ところ"})


def _turn_taker(clause: Token, subject: Token) -> bool:
    """Whether `subject` is a が-subject of a conditional clause (丸尾が「…」と聞くと、「…」と
    答えた): someone else does what follows, so the cue does not share it (a shared
    subject is written with は: 田中さんは会見すると、…)."""
    ending = [c.text for c in clause.children if c.i > clause.i and c.dep_ in ("mark", "aux", "case")]
    conditional = any(e in _CONDITIONALS for e in ending)
    return conditional and case_of(subject) == "が"


def clause_subject(
    clause: Token, slots: Sequence[Slot], lex: Lexicon, deps: Iterable[str] = SUBJECT_DEPS
) -> Token | None:
    """The source written as the subject of a clause, or of a clause before it that the
    parser hung on it by one of `deps` (更新し as the subject of 書き込んだ in …を更新し、
    「…」と書き込んだ)."""
    inner = [c for c in clause.children if c.i < clause.i and c.dep_ in deps]
    for verb in (clause, *[c for c in inner if is_predicate(c)]):
        for c in verb.children:
            if can_speak(c, slots, lex) and c.i < verb.i and can_be_source(c, lex):
                return c
    return None


def person_in(focus: Token, lex: Lexicon) -> Token | None:
    """The focus itself or, right to left, the word in its phrase that names a person
    (容疑者 in 野田伊佐也容疑者・42歳)."""
    for tok in (focus, *reversed([t for t in focus.subtree if t.i < focus.i])):
        if names_person(tok) or any(tok.text == w for w in (*lex.titles, *lex.anonymous, *lex.honorifics)):
            return tok
    return None


def topic_of(doc: Doc, pred: Token, slots: Sequence[Slot], lex: Lexicon) -> Token | None:
    """The sentence's first topic (Xは, Xも) before the cue.

    A は- or も-topic's scope runs over the clauses after it, so it is the speaker of a
    cue the parser left without a subject (Xは…を開き、「…」と否定した).
    """
    for tok in doc[: pred.i]:
        if can_speak(tok, slots, lex) and any(
            c.lemma_ in ("は", "も") and c.dep_ == "case" for c in tok.children
        ):
            return tok
    return None


def can_speak(tok: Token, slots: Sequence[Slot], lex: Lexicon) -> bool:
    """Whether `tok` is a subject that can be a speaker (not a clause, a quote or こと)."""
    # 住民の一人は: a topic the parser read as obl; 蓮見亮平＝東和運輸＝が: a subject it read so;
    # ムワンギは通訳を介して: one it read as a conjunction (cc)
    marked = tok.dep_ in ("obl", "cc") and [c.text for c in tok.children if c.dep_ == "case"] in (
        ["は"],
        ["が"],
    )
    return (
        (tok.dep_ in SUBJECT_DEPS or marked)
        and (tok.pos_ in ("NOUN", "PROPN", "PRON", "NUM") or names_person(tok))
        and tok.lemma_ not in lex.not_speakers
        and slot_of(tok, slots) is None
    )


def set_off_topic(doc: Doc, clause_head: Token, lex: Lexicon) -> Token | None:
    """`防衛相も、警戒を続けると述べた` / `アリ氏が、来年行われる会長選へ…`: a source set off
    by は, も or が and a comma at the start of the clause, which the parser hung inside it."""
    first = clause_head.left_edge
    for tok in clause_head.subtree:
        if tok.i > first.i + 20 or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        case = [c for c in tok.children if c.dep_ in ("case", "fixed") and c.i > tok.i]
        if (
            len(case) != 1
            or case[0].text not in ("は", "も", "が")
            or case[0].i + 1 >= len(doc)
            or doc[case[0].i + 1].text not in ("、", ",")
        ):
            continue  # not 金子被告については、: a topic of its own
        if noun_phrase(tok, lex)[0] == first.i and can_be_source(tok, lex):
            return tok
        return None
    return None


def doubled_subject(clause_head: Token, lex: Lexicon) -> Token | None:
    """`AP通信が両政府が合意したと報じた`: of two が-subjects the parser hung on the reported
    clause, the first, a source, is the cue's (a clause has one が-subject)."""
    marked = [
        c
        for c in clause_head.children
        if c.dep_ in SUBJECT_DEPS
        and c.i < clause_head.i
        and [k.text for k in c.children if k.dep_ == "case" and k.i > c.i] == ["が"]
    ]
    if len(marked) >= 2 and can_be_source(marked[0], lex):
        return marked[0]
    return None


def owner_of_words(noun: Token, lex: Lexicon) -> Token | None:
    """The one whose words a speech noun is (道軽種馬振興公社の見解, 監督のコメント): its
    owner written with の before it, when the owner can speak; None for any other noun."""
    if noun.lemma_ not in lex.speech_nouns and noun.lemma_ not in lex.voice_nouns:
        return None
    owners = [
        c
        for c in noun.children
        if c.dep_ == "nmod" and c.i < noun.i and any(k.dep_ == "case" and k.text == "の" for k in c.children)
    ]
    return owners[-1] if owners and can_be_source(owners[-1], lex) else None


def de_wa_topic(doc: Doc, pred: Token, lex: Lexicon) -> Token | None:
    """An organisation written as `Xでは` before the cue, as a topic: 学研広報室では「…」と
    している, 世界食糧計画では…歓迎し、…としている (not a place or a time: 東京では, 当日では)."""
    for tok in doc[: pred.i]:
        if tok.dep_ != "obl" or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        cases = "".join(c.text for c in tok.children if c.dep_ == "case" and c.i > tok.i)
        if cases != "では":
            continue
        start, end = noun_phrase(tok, lex)
        text = doc[start:end].text
        if text in lex.places or "副詞可能" in tok.tag_:
            continue
        if lex.names_org(text) or lex.is_media(text):
            return tok
    return None
