"""Quotations without a reporting verb, as features and sports reports write them.

- `「本当に楽しかった」と田中花子さん(34)。`: と and the person, no verb;
- `東海林は「…」とドヤ顔。` / `「…」と苦笑い。`: と and a noun for how it was said (体言止め),
  said by that noun's subject, or the sentence's;
- `大貫監督も「…」と。` / `三枝選手は「…」。`: the speaker set off as topic, then the words;
- `田中さんのコメント「…」`: a speech noun written before the bracket, and its owner;
- `連盟の回答は「…」というものだった` / `監督のコメントは「…」だった`: the words are what
  a speech noun was, and its owner said them.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotes.grammar.arguments import owner_of_words, person_in
from quotes.grammar.phrases import can_be_source
from quotes.grammar.tokens import SUBJECT_DEPS
from quotes.lexicon import Lexicon
from quotes.rules.findings import Finding, owned_words
from quotes.text.masking import Slot

#: what may end a sentence after the words (。, !, ), 」 of an outer frame)
_ENDS = frozenset("。．｡！？!?")


def verbless(
    doc: Doc, q: Token, to: Token, form: str, slot: Slot, lex: Lexicon, *, clause: bool = False
) -> Finding | None:
    """A quotation and と that end the sentence on a person, a noun, an adverb or nothing;
    `clause` when the words read as a clause (a subjectless ending then is still speech)."""
    if form != "と":
        return None
    rest = [t for t in doc[to.i + 1 :] if t.pos_ != "PUNCT"]
    if not rest:
        # 大貫哲也監督も「よく頑張った」と。: the topic said it
        subject = _speaker_of(q, lex)
        return (
            Finding(slot=slot, kind="direct", subject=subject.i, rule="verbless")
            if subject is not None
            else None
        )
    head = q.head
    if (
        head.dep_ != "ROOT"
        or head.pos_ not in ("NOUN", "PROPN", "ADV")
        or head.i < to.i
        or any(t.pos_ in ("VERB", "ADJ") and t.dep_ != "case" for t in doc[head.i + 1 :])
    ):
        return None
    person = person_in(head, lex) or _bare_name(head, rest, lex)
    if person is not None and person.i > to.i:
        return Finding(slot=slot, kind="direct", subject=person.i, rule="verbless")  # …と田中花子さん(34)。
    subject = _speaker_of(head, lex)
    if subject is None and (head.pos_ != "NOUN" or not clause):
        return None
    # 東海林は「…」とドヤ顔。, 丸尾は「…」としみじみ。: the noun or adverb after と says how
    # it was said; with no topic (…については「…」と笑顔。) the discourse says who
    return Finding(
        slot=slot,
        kind="direct",
        cue=(to.i + 1, head.i + 1),
        cue_lemma=head.lemma_,
        subject=subject.i if subject is not None else None,
    )


def ending_on_speaker(doc: Doc, q: Token, after: Token, slot: Slot, lex: Lexicon) -> Finding | None:
    """`三枝選手は「…」。` and `田中さんのコメント「…」。`: the words end the sentence."""
    if after.text not in _ENDS or q.dep_ != "ROOT":
        return None
    for child in q.children:
        if child.i < q.i and (child.lemma_ in lex.speech_nouns or child.lemma_ in lex.relay_nouns):
            owners = [c for c in child.children if c.dep_ == "nmod" and c.i < child.i]
            if owners and can_be_source(owners[-1], lex):
                # 田中さんのコメント「…」: the owner of the comment
                return Finding(
                    slot=slot,
                    kind="direct",
                    cue=(child.i, child.i + 1),
                    cue_lemma=child.lemma_,
                    subject=owners[-1].i,
                    rule="verbless",
                )
    subject = _speaker_of(q, lex)
    return (
        Finding(slot=slot, kind="direct", subject=subject.i, rule="verbless") if subject is not None else None
    )


#: what may follow the words when they are a speech noun's content: (というもの) and a copula
_AS_CONTENT = ("と", "いう", "もの")
_COPULA_STARTS = frozenset({"だ", "だっ", "です", "でし", "で"})
_COPULAS = _COPULA_STARTS | {"た", "ある", "あっ"}


def what_words_were(
    doc: Doc, q: Token, after: Token, slot: Slot, clause: bool, lex: Lexicon
) -> Finding | None:
    """`連盟の回答は「…」というものだった`: a sentence that says what a speech noun's words
    were; their owner said them and the noun is the cue. Only a は/が-subject before the
    bracket, nothing after it but というもの and a copula, and words that read as a clause
    (`首相の発言は「失言」だった` labels a remark, it quotes none)."""
    if not clause:
        return None
    rest = [t for t in doc[after.i :] if not t.is_punct]
    words = [t.text for t in rest]
    lead = len(_AS_CONTENT) if tuple(words[: len(_AS_CONTENT)]) == _AS_CONTENT else 0
    copula = words[lead:]
    if not copula or copula[0] not in _COPULA_STARTS or not set(copula) <= _COPULAS:
        return None
    carrier = rest[lead - 1] if lead else q  # もの, or the words themselves
    for noun in {*carrier.children, *q.children}:  # the parser hangs the noun on either
        if (
            noun.i < q.i
            and noun.dep_ in SUBJECT_DEPS
            and any(c.dep_ == "case" and c.text in ("は", "が") for c in noun.children)
            and (owner := owner_of_words(noun, lex)) is not None
        ):
            return owned_words(slot, noun, owner, "verbless", lex)
    return None


def _bare_name(head: Token, rest: list[Token], lex: Lexicon) -> Token | None:
    """`「…」と久我山。`: a proper noun alone after と ends the sentence on who said it, even
    when the dictionary reads the surname as a place (久我山); not a known place or country."""
    if rest != [head] or head.pos_ != "PROPN" or head.text in lex.places or head.text in lex.countries:
        return None
    return head


def _speaker_of(head: Token, lex: Lexicon) -> Token | None:
    """The topic of `head` set off by は or も before it (三枝選手は, 大貫監督も), when it
    can speak; not a bare noun before a bracket, as headlines and citations write
    (ラジオ日経ホームページ「…」)."""
    for child in head.children:
        if (
            child.i < head.i
            and child.dep_ in SUBJECT_DEPS
            and any(c.dep_ == "case" and c.text in ("は", "も") for c in child.children)
            and can_be_source(child, lex)
        ):
            return child
    return None
