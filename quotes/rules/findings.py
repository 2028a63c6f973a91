"""What the rules find in one sentence's parse, as token indices of the masked parse.

A finding is not a record: `quotes.pipeline.build` turns it into a `Quotation` with
source offsets. `rule` names the rule that found the speaker, for confidence and for
users who want to see why.
"""

from __future__ import annotations

import attrs
from spacy.tokens import Token

from quotes.lexicon import Lexicon
from quotes.text.masking import Slot


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
    #: the rule that found the speaker (see `quotes.confidence.RULES`)
    rule: str = "subject"


def owned_words(slot: Slot, noun: Token, owner: Token, rule: str, lex: Lexicon) -> Finding:
    """Direct words a speech noun holds (三曹の「…」との主張, 連盟の回答は「…」だった): the noun
    is the cue, its class from `speech_nouns.tsv`, and its owner the speaker."""
    return Finding(
        slot=slot,
        kind="direct",
        cue=(noun.i, noun.i + 1),
        cue_lemma=noun.lemma_,
        cue_class=lex.speech_nouns.get(noun.lemma_) or "speech",
        subject=owner.i,
        rule=rule,
    )


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
    #: the tokens of a list of sources the subject ends (A、Bなどによると), if it is one
    sources: tuple[int, int] | None = None
    via: tuple[int, int] | None = None
    frame: bool = False  # Xによると / Xの話として: the source frames the whole rest
    #: the rule that found the source (see `quotes.confidence.RULES`)
    rule: str = "reported"
