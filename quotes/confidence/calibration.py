"""Whether each record is right by the gold annotations, and how well confidence says so.

A record is judged as the scorer (`quotes.evaluate`) judges it, with the same matching
of predictions to gold lines: a record with a speaker is right when it matches a gold
speech line whose speaker it names (`speaker_ok`), and wrong when it matches a term or
no line at all (a spurious attribution); a record without a speaker is right when it
matches a term line and wrong when it matches speech. Records the scorer does not judge
(matched to an `optional` line, or without a speaker and matching no line) are left out.

`summary` gives, per confidence band, the count, accuracy and mean confidence, and the
expected calibration error: the bands' |accuracy - mean confidence|, weighted by count.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from quotes.evaluate import Gold, Prediction, _as_dicts, _match, span_match, speaker_ok
from quotes.records import Quotation

#: equal-width confidence bands of the calibration table and the ECE
BANDS = 10
#: the confidence above which a fact-checker may skip checking by hand (docs/confidence.md)
HIGH = 0.9


def judge(gold: Gold, predictions: Sequence[Prediction | Quotation]) -> list[bool | None]:
    """For each prediction, in order: True (right), False (wrong) or None (not judged)."""
    dicts = list(_as_dicts(predictions))
    by_doc: dict[Any, list[int]] = {}
    for index, p in enumerate(dicts):
        by_doc.setdefault(p.get("doc", ""), []).append(index)
    verdicts: list[bool | None] = [None] * len(dicts)
    for doc, indices in by_doc.items():
        items = gold.get(doc)
        if items is None:
            continue
        ps = [dicts[i] for i in indices]
        owner = {k: gi for gi, k in _match(items, ps).items()}
        for k, p in enumerate(ps):
            verdicts[indices[k]] = _verdict(items, p, items[owner[k]] if k in owner else None)
    return verdicts


def _verdict(items: list[dict[str, Any]], p: Prediction, g: Mapping[str, Any] | None) -> bool | None:
    if g is not None and g.get("optional"):
        return None
    if g is None:
        if not p.get("speaker") or any(span_match(o, p) for o in items if o.get("optional")):
            return None
        return False  # a spurious attribution
    if p.get("speaker"):
        return g["kind"] != "term" and speaker_ok(g, p)
    return g["kind"] == "term"


@attrs.frozen(kw_only=True)
class Band:
    """One confidence band: [low, high), the last one closed."""

    low: float
    high: float
    count: int
    right: int
    mean_confidence: float | None

    @property
    def accuracy(self) -> float | None:
        return self.right / self.count if self.count else None


def bands(pairs: Sequence[tuple[float, bool]], n: int = BANDS) -> list[Band]:
    """`(confidence, right)` pairs counted in `n` equal-width bands."""
    groups: list[list[tuple[float, bool]]] = [[] for _ in range(n)]
    for confidence, right in pairs:
        groups[min(int(confidence * n), n - 1)].append((confidence, right))
    return [
        Band(
            low=k / n,
            high=(k + 1) / n,
            count=len(group),
            right=sum(right for _, right in group),
            mean_confidence=sum(c for c, _ in group) / len(group) if group else None,
        )
        for k, group in enumerate(groups)
    ]


def ece(pairs: Sequence[tuple[float, bool]], n: int = BANDS) -> float | None:
    """The expected calibration error of `(confidence, right)` pairs (None without pairs)."""
    if not pairs:
        return None
    total = 0.0
    for band in bands(pairs, n):
        if band.count and band.accuracy is not None and band.mean_confidence is not None:
            total += band.count * abs(band.accuracy - band.mean_confidence)
    return total / len(pairs)


def summary(
    gold: Gold, predictions: Sequence[Prediction | Quotation], *, high: float = HIGH
) -> dict[str, Any]:
    """The calibration of the predictions' confidence against gold, as printable figures.

    `attributed` counts the judged records with a speaker; `high_share` is the share of
    them with confidence >= `high`, and `high_accuracy` how many of those are right.
    """
    dicts = list(_as_dicts(predictions))
    verdicts = judge(gold, dicts)
    pairs = [(float(p["confidence"]), v) for p, v in zip(dicts, verdicts, strict=True) if v is not None]
    attributed = [
        (float(p["confidence"]), v)
        for p, v in zip(dicts, verdicts, strict=True)
        if v is not None and p.get("speaker")
    ]
    table = [{**attrs.asdict(b), "accuracy": _round(b.accuracy)} for b in bands(pairs)]
    return {**figures(pairs, attributed, high=high), "bands": table}


def figures(
    pairs: Sequence[tuple[float, bool]], attributed: Sequence[tuple[float, bool]], *, high: float = HIGH
) -> dict[str, Any]:
    """ECE of all judged records and of the attributed ones, and the share of attributed
    records at or above `high` with their accuracy."""
    top = [right for confidence, right in attributed if confidence >= high]
    return {
        "judged": len(pairs),
        "accuracy": _round(sum(v for _, v in pairs) / len(pairs)) if pairs else None,
        "ece": _round(ece(pairs)),
        "attributed": len(attributed),
        "attributed_accuracy": _round(sum(v for _, v in attributed) / len(attributed))
        if attributed
        else None,
        "ece_attributed": _round(ece(attributed)),
        "high": high,
        "high_share": _round(len(top) / len(attributed)) if attributed else None,
        "high_accuracy": _round(sum(top) / len(top)) if top else None,
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def format_summary(result: Mapping[str, Any]) -> str:
    """The calibration table and figures as `quotes evaluate --calibration` prints them."""
    lines = ["calibration: band count accuracy mean_confidence"]
    for band in result["bands"]:
        accuracy = "-" if band["accuracy"] is None else f"{band['accuracy']:.3f}"
        mean = "-" if band["mean_confidence"] is None else f"{band['mean_confidence']:.3f}"
        lines.append(f"  {band['low']:.1f}-{band['high']:.1f} {band['count']:5d} {accuracy:>6} {mean:>6}")
    for key in (
        "judged",
        "accuracy",
        "ece",
        "attributed",
        "attributed_accuracy",
        "ece_attributed",
        "high_share",
        "high_accuracy",
    ):
        name = key.replace("high", f"at_{result['high']}") if key.startswith("high") else key
        lines.append(f"calibration_{name}: {result[key]}")
    return "".join(line + "\n" for line in lines)
