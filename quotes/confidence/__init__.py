"""A record's confidence: the rule table (the prior and the fallback) and the model.

The rules give each record a fixed value from this table while they build it: the
share of such records found right on the gold sets (rounded), so that a record carried
from an earlier sentence says it is less sure than one whose cue names its subject.
At the end of `Pipeline.assemble`, `quotes.confidence.model` replaces it with the
estimated probability that the record's speaker is right (docs/confidence.md), from
features the records carry (`features.py`) and a small model trained on gold
annotations (`train.py`). With `confidence_model="rules"` the table's values stay.

This module imports nothing but the rules' findings: the rules import it.
"""

from __future__ import annotations

from quotes.rules.findings import Finding, Reported

#: confidence of a bracketed quotation, by how it was attributed
DIRECT = {
    "subject": 0.9,
    "unknown_cue": 0.75,
    "cognition": 0.7,
    "relayed": 0.85,
    "carried": 0.6,
    "no_speaker": 0.4,
    "term": 0.8,
}
#: confidence of reported speech, by cue class; a によると frame is "source"
REPORTED = {"speech": 0.75, "report": 0.75, "reaction": 0.6, "cognition": 0.45, "source": 0.7}
#: how much confidence a pronoun keeps when nothing earlier resolves it
UNRESOLVED_FACTOR = 0.5
#: a speaker carried over from an earlier sentence (Japanese drops repeated subjects)
CARRIED = DIRECT["carried"]
TERM = DIRECT["term"]


def of_finding(finding: Finding, has_speaker: bool) -> float:
    """The confidence of a bracketed quotation's record."""
    if not has_speaker:
        return DIRECT["no_speaker"]
    if finding.relayed:
        return DIRECT["relayed"]
    if finding.cue_class == "cognition":
        return DIRECT["cognition"]
    if finding.cue_class is None:
        return DIRECT["unknown_cue"]
    return DIRECT["subject"]


def of_reported(reported: Reported) -> float:
    """The confidence of a piece of reported speech's record."""
    return REPORTED["source" if reported.frame else reported.cue_class]


def unresolved(confidence: float) -> float:
    """The confidence of a record whose pronoun speaker nothing earlier resolves."""
    return round(confidence * UNRESOLVED_FACTOR, 3)
