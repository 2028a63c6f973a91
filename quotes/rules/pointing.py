"""A quotation standing as a sentence of its own and the sentence that points at it.

`「…」。Xはこう述べた` points back; `Xは次のように語った。「…」` points forward; a speech
verb that says nothing of its own (被害者の母親は涙ながらに語った) points back too.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotes.grammar.arguments import cleft_focus, subject_of, topic_of
from quotes.grammar.media import via_of
from quotes.grammar.predicates import REPORTING, cue_span
from quotes.grammar.tokens import ends_in_to, is_passive, is_predicate, lemma_of
from quotes.lexicon import Lexicon
from quotes.rules.findings import Finding
from quotes.text.masking import Slot, Unit

#: adverbs by which a reporting verb points back at the quotation before it (「…」。Xはこう語った)
_POINTING_BACK = frozenset({"こう", "そう"})


#: determiners of よう(に): この/その point back, 次の/以下の/下記の point forward
_BACK_DETERMINERS = frozenset({"この", "その", "こ", "そ"})


_FORWARD_NOUNS = frozenset({"次", "以下", "下記"})


def pointing_cue(doc: Doc, lex: Lexicon) -> tuple[Token, str] | None:
    """A reporting verb that points at a quotation standing as a sentence of its own.

    `Xはこのように語った` points back ("back"); `Xは次のように語った` points forward
    ("forward"); `Xはこう述べた` and a speech verb that says nothing of its own (no
    object, no と-clause: 被害者の母親は涙ながらに語った) point at the words on either side
    ("either": 「…」。Xはこう語った or Xはこう語った。「…」). Returns the verb and the
    direction, or None.
    """
    for verb in doc:
        if not is_predicate(verb) or lex.cue_class(lemma_of(verb)) not in REPORTING:
            continue
        if verb.i > 0 and doc[verb.i - 1].text in ("「", "『"):
            continue  # the mask word of a quotation (「発言」), read as a verb: no cue
        for child in verb.children:
            if child.text in _POINTING_BACK and child.pos_ == "ADV":
                return verb, "either"  # こう語った: the words before, or the words after
            if child.lemma_ == "よう" and child.i < verb.i:
                words = {c.text for c in child.children} | {c.lemma_ for c in child.children}
                if words & _FORWARD_NOUNS:
                    return verb, "forward"
                if words & _BACK_DETERMINERS:
                    return verb, "back"
        says_own = any(
            c.dep_ in ("obj", "ccomp") or (c.dep_ in ("advcl", "obl") and ends_in_to(c))
            for c in verb.children
        )
        if verb.dep_ == "ROOT" and lex.cue_class(lemma_of(verb)) in ("speech", "reaction") and not says_own:
            return verb, "either"
    return None


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
    start, end, lemma = cue_span(doc, verb, verb, lex)
    subject = subject_of(doc, verb, (), lex) or topic_of(doc, verb, (), lex) or cleft_focus(verb, lex)
    return Finding(
        slot=slot,
        kind="direct",
        cue=(start, end),
        cue_lemma=lemma,
        cue_class=lex.cue_class(lemma),
        subject=subject.i if subject is not None else None,
        via=via_of(doc, verb, subject, lex),
        passive=is_passive(verb),
        rule="pointed",
    )
