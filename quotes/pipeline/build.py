"""Stage 6: records from findings — `Quotation`s with source offsets.

A finding holds token indices of a masked sentence; every span of a record is cut
from the source through the unit (`token_span`), so `source[start:end] == text`
holds for each of them by construction.
"""

from __future__ import annotations

from spacy.tokens import Doc

from quotes import confidence
from quotes.grammar.tokens import token_span
from quotes.lexicon import Lexicon
from quotes.people.reader import MentionReader
from quotes.people.sources import plausible_source
from quotes.records import Cue, Quotation, Span, Speaker, Via
from quotes.rules.findings import Finding, Reported
from quotes.text.brackets import BracketPair
from quotes.text.masking import Unit


def term(source: str, doc_id: str | None, pair: BracketPair) -> Quotation:
    """The record of a bracket pair that is a term (a name, a title, a scare quote)."""
    quote = Span.of(source, pair.content_start, pair.content_end)
    return Quotation(
        doc=doc_id,
        kind="term",
        start=quote.start,
        end=quote.end,
        text=quote.text,
        confidence=confidence.TERM,
        rule="term",
    )


def direct(
    source: str, doc_id: str | None, unit: Unit, doc: Doc, finding: Finding, read: MentionReader
) -> Quotation:
    """The record of a bracketed quotation's finding (a term unless it is speech)."""
    pair = finding.slot.pair
    if finding.kind != "direct":
        return term(source, doc_id, pair)
    quote = Span.of(source, pair.content_start, pair.content_end)
    cue = speaker = affiliation = None
    if finding.cue is not None:
        span = token_span(source, unit, doc, *finding.cue)
        if span.text.strip() and not _placeholder(unit, finding.cue, doc):  # never the mask word
            cue = Cue(start=span.start, end=span.end, text=span.text, lemma=finding.cue_lemma or span.text)
    if finding.subject is not None:
        parts = read(unit, doc[finding.subject])
        if parts is not None:
            speaker, affiliation = parts.speaker, parts.affiliation
    return Quotation(
        doc=doc_id,
        kind="direct",
        start=quote.start,
        end=quote.end,
        text=quote.text,
        confidence=confidence.of_finding(finding, speaker is not None),
        rule=finding.rule if speaker is not None else "none",
        speaker=speaker,
        affiliation=affiliation,
        cue=cue,
        via=via(source, unit, doc, finding.via, speaker),
    )


def indirect(
    source: str,
    doc_id: str | None,
    unit: Unit,
    doc: Doc,
    reported: Reported,
    read: MentionReader,
    lex: Lexicon,
) -> Quotation | None:
    """The record of a piece of reported speech, or None when its source cannot speak."""
    clause = token_span(source, unit, doc, *reported.clause)
    if not clause.text.strip():
        return None
    span = token_span(source, unit, doc, *reported.cue)
    cue = Cue(start=span.start, end=span.end, text=span.text, lemma=reported.cue_lemma)
    speaker = affiliation = None
    if reported.subject is not None:
        # no source in the sentence: a speaker may be carried over from the one before
        parts = read(unit, doc[reported.subject])
        if parts is None or not plausible_source(
            parts.speaker, doc[reported.subject], lex, documents=reported.frame
        ):
            return None
        speaker, affiliation = parts.speaker, parts.affiliation
        if reported.sources is not None:
            # ニューヨークタイムズ(NYT)、ワシントンポスト(WP)などによると: every source of the list
            listed = token_span(source, unit, doc, *reported.sources)
            speaker = Speaker(start=listed.start, end=listed.end, text=listed.text, name=listed.text)
            affiliation = None
    return Quotation(
        doc=doc_id,
        kind="indirect",
        start=clause.start,
        end=clause.end,
        text=clause.text,
        confidence=confidence.of_reported(reported),
        rule=reported.rule if speaker is not None else "none",
        speaker=speaker,
        affiliation=affiliation,
        cue=cue,
        via=via(source, unit, doc, reported.via, speaker),
    )


def via(
    source: str, unit: Unit, doc: Doc, tokens: tuple[int, int] | None, speaker: Speaker | None
) -> Via | None:
    """The medium's record, unless it is the speaker itself."""
    if tokens is None:
        return None
    span = token_span(source, unit, doc, *tokens)
    if not span.text.strip() or (speaker is not None and span.text == speaker.text):
        return None  # nothing written there (a combining mark), or the speaker itself
    return Via(start=span.start, end=span.end, text=span.text)


def _placeholder(unit: Unit, tokens: tuple[int, int], doc: Doc) -> bool:
    """Whether a token range lies inside a quotation's placeholder (発言), which never speaks."""
    a, b = doc[tokens[0]].idx, doc[tokens[1] - 1].idx + len(doc[tokens[1] - 1])
    return any(slot.masked_start < b and a < slot.masked_end for slot in unit.slots)
