"""What the confidence model reads of a record: a few categorical features.

Every feature is something the record already carries or can be read off it and its
source text, so that the model needs no parse: which rule found the speaker, the class
of the cue, the kind, how the speaker is mentioned, whether coreference resolved it,
how many sentences lie between the quotation and the speaker's mention, how long the
quotation is, whether a medium relayed it, whether an affiliation was found, and
whether the quoted words hold brackets of their own, where reported speech begins, and
the rule paired with the kind and with the cue class. Values are short strings, so that
the model file lists them as they are (docs/confidence.md).
"""

from __future__ import annotations

import math

from quotes.grammar.phrases import is_pronoun
from quotes.lexicon import Lexicon
from quotes.records import Quotation, Speaker

#: the features, in the order the model file lists them
FEATURES = (
    "rule",
    "cue",
    "kind",
    "mention",
    "resolved",
    "distance",
    "length",
    "via",
    "affiliation",
    "brackets",
    "opening",
    "rule_kind",
    "rule_cue",
)
#: what ends a sentence, for counting the sentences between a quotation and its speaker
STOPS = "。！？"
#: a gap of this many sentence ends or more is one value ("3+"): rarely seen, rarely right
MAX_DISTANCE = 3
#: upper bounds of the quotation-length bins, in characters
LENGTH_BINS = (5, 10, 20, 40, 80)
#: brackets inside the quoted words: in reported speech, someone else's words inside
#: the clause, the mark of a によると frame that swallowed another speaker's quotation
INNER_BRACKETS = "「」『』"
#: what may stand before reported speech that opens its sentence
SENTENCE_OPENERS = "。！？」\n"
#: what stands before reported speech that opens after a comma (…によると、…)
COMMAS = "、，,"

#: the rule table's confidence enters the model as its log-odds, clipped to these bounds
PRIOR_BOUNDS = (0.02, 0.98)

Features = dict[str, str]


def features(record: Quotation, source: str, lex: Lexicon) -> Features:
    """The feature values of one record (`source` is the text its offsets index)."""
    return {
        "rule": record.rule or "none",
        "cue": cue_class(record, lex),
        "kind": record.kind,
        "mention": mention_type(record.speaker, lex),
        "resolved": _yes(record.speaker is not None and record.speaker.resolved_from is not None),
        "distance": distance(record, source),
        "length": length_bin(len(record.text)),
        "via": _yes(record.via is not None),
        "affiliation": _yes(record.affiliation is not None),
        "brackets": _yes(any(b in record.text for b in INNER_BRACKETS)),
        "opening": opening(record, source),
        # the rules' reliability differs by kind and cue (a topic's indirect speech, a
        # frame's cognition verb): pairs the regression cannot form from single features
        "rule_kind": f"{record.rule or 'none'}/{record.kind}",
        "rule_cue": f"{record.rule or 'none'}/{cue_class(record, lex)}",
    }


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def cue_class(record: Quotation, lex: Lexicon) -> str:
    """The cue's class in the lexicon (speech, report, …), "unknown", or "none" without a cue."""
    if record.cue is None:
        return "none"
    return lex.cue_class(record.cue.lemma) or "unknown"


def mention_type(speaker: Speaker | None, lex: Lexicon) -> str:
    """How the speaker is named: name, title (a post alone), pronoun (同氏, 彼),
    anonymous (当局者), organisation, medium (a news outlet), other, or none."""
    if speaker is None:
        return "none"
    if speaker.anonymous:
        return "anonymous"
    if is_pronoun(speaker.text, lex):
        return "pronoun"
    name = speaker.name
    bare = not speaker.honorific and not speaker.title  # 中村氏 is a person even ending like a village
    if name and bare and lex.is_media(name):
        return "medium"
    if name and bare and lex.names_org(name):
        return "organisation"
    if name:
        return "name"
    return "title" if speaker.title else "other"


def distance(record: Quotation, source: str) -> str:
    """The sentence ends (。！？) between the quotation and its speaker's mention: "0",
    "1", "2", "3+", or "none" without a speaker."""
    speaker = record.speaker
    if speaker is None:
        return "none"
    if speaker.end <= record.start:
        gap = source[speaker.end : record.start]
    elif record.end <= speaker.start:
        gap = source[record.end : speaker.start]
    else:
        gap = ""  # overlapping spans: the speaker is named inside the words
    stops = sum(gap.count(stop) for stop in STOPS)
    return str(stops) if stops < MAX_DISTANCE else f"{MAX_DISTANCE}+"


def opening(record: Quotation, source: str) -> str:
    """Where reported speech begins: "start" of its sentence, after a "comma", or "mid"
    sentence (where the rules had to guess the clause's start); "bracket" for a quotation."""
    if record.kind != "indirect":
        return "bracket"
    before = source[record.start - 1] if record.start > 0 else "。"
    if before in SENTENCE_OPENERS:
        return "start"
    return "comma" if before in COMMAS else "mid"


def length_bin(length: int) -> str:
    """The quotation's length as a bin: 1-5, 6-10, 11-20, 21-40, 41-80, 81+."""
    low = 1
    for high in LENGTH_BINS:
        if length <= high:
            return f"{low}-{high}"
        low = high + 1
    return f"{low}+"


def prior(record: Quotation) -> float:
    """The log-odds of the confidence the rules gave the record (`quotes.confidence`): the
    prior knowledge the model starts from (an unresolved pronoun's is halved, …)."""
    low, high = PRIOR_BOUNDS
    p = min(high, max(low, record.confidence))
    return math.log(p / (1.0 - p))
