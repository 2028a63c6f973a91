"""Applying a trained confidence model: a JSON file read into a few weights and a curve.

The model is a logistic regression over one-hot features (`quotes.confidence.features`)
and the log-odds of the rule table's confidence (the prior), followed by a calibration
curve (isotonic or Platt), as scikit-learn fitted it at training time
(`quotes.confidence.train`). The file lists, for each feature, the weight of each value
it knows and the weight of any other value, the prior's weight, then the curve;
inference is a sum and a curve in pure Python, so that scikit-learn is needed only to
train.

    {"format": "quotes-confidence-model/1", "intercept": 1.9, "prior": 0.8,
     "features": {"rule": {"weights": {"subject": 0.8, "focus": -1.1}, "other": -0.4}, ...},
     "calibration": {"method": "isotonic", "x": [-1.2, 0.3, ...], "y": [0.41, 0.77, ...]},
     "about": {"trained_on": [...], "records": 805, ...}}
"""

from __future__ import annotations

import bisect
import functools
import itertools
import json
import math
from collections.abc import Iterable, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from quotes.confidence.features import FEATURES, features, prior
from quotes.errors import ConfidenceError
from quotes.lexicon import Lexicon
from quotes.records import Quotation

FORMAT = "quotes-confidence-model/1"
#: the model shipped with quotes (regenerate: docs/confidence.md)
SHIPPED = "confidence.json"
#: the `confidence_model` that keeps the rule table's values (no model)
RULES = "rules"
METHODS = ("isotonic", "sigmoid")
#: decimals of a record's confidence (as the JSON output writes it)
DECIMALS = 3


def _floats(values: Iterable[float]) -> tuple[float, ...]:
    return tuple(float(v) for v in values)


@attrs.frozen(kw_only=True)
class Calibration:
    """The curve from the regression's score to a probability.

    `isotonic`: piecewise linear through the points (`x`, `y`), flat beyond the ends
    (scikit-learn's `IsotonicRegression`, `out_of_bounds="clip"`); `sigmoid`: Platt's
    `1 / (1 + exp(a * score + b))`.
    """

    method: str
    x: tuple[float, ...] = attrs.field(default=(), converter=_floats)
    y: tuple[float, ...] = attrs.field(default=(), converter=_floats)
    a: float = 0.0
    b: float = 0.0

    def __call__(self, score: float) -> float:
        if self.method == "sigmoid":
            z = self.a * score + self.b
            return math.exp(-z) / (1.0 + math.exp(-z)) if z >= 0 else 1.0 / (1.0 + math.exp(z))
        x, y = self.x, self.y
        if score <= x[0]:
            return y[0]
        if score >= x[-1]:
            return y[-1]
        i = bisect.bisect_right(x, score) - 1
        span = x[i + 1] - x[i]
        return y[i] if span <= 0 else y[i] + (y[i + 1] - y[i]) * (score - x[i]) / span

    def to_json(self) -> dict[str, Any]:
        if self.method == "sigmoid":
            return {"method": "sigmoid", "a": self.a, "b": self.b}
        return {"method": "isotonic", "x": list(self.x), "y": list(self.y)}


@attrs.frozen(kw_only=True)
class ConfidenceModel:
    """A fitted model: the weight of each feature value, an intercept, a calibration curve.

    Args:
        weights: feature -> value -> weight; a feature's values not listed weigh `other`.
        other: feature -> the weight of a value the training data saw rarely or never.
        intercept: the regression's intercept.
        prior: the weight of the log-odds of the rule table's confidence (`features.prior`).
        calibration: the curve from score to probability.
        about: what the model was trained on and how well it did (written, never read).
    """

    weights: Mapping[str, Mapping[str, float]]
    other: Mapping[str, float]
    intercept: float
    prior: float = 0.0
    calibration: Calibration
    about: Mapping[str, Any] = attrs.field(factory=dict)

    def score(self, values: Mapping[str, str], prior: float = 0.0) -> float:
        """The regression's score (log-odds before calibration) of one record's features
        and the log-odds of its rule-table confidence."""
        total = self.intercept + self.prior * prior
        for name, weights in self.weights.items():
            total += weights.get(values[name], self.other[name])
        return total

    def probability(self, values: Mapping[str, str], prior: float = 0.0) -> float:
        """The estimated probability that a record with these features is right."""
        return min(1.0, max(0.0, self.calibration(self.score(values, prior))))

    def apply(self, records: Iterable[Quotation], source: str, lex: Lexicon) -> tuple[Quotation, ...]:
        """The records with their confidence replaced by the model's (`source`: their text).

        A record's incoming confidence is the rule table's, the model's prior: apply once.
        A pronoun nothing resolves (彼 with no one named before) keeps the rule table's
        lowered value when that is lower: the gold sets hold no such record to learn from.
        """
        out = []
        for r in records:
            values = features(r, source, lex)
            p = self.probability(values, prior(r))
            if values["mention"] == "pronoun" and values["resolved"] == "no":
                p = min(p, r.confidence)
            out.append(attrs.evolve(r, confidence=round(p, DECIMALS)))
        return tuple(out)

    def to_json(self) -> dict[str, Any]:
        """The model as the JSON object `load` reads."""
        return {
            "format": FORMAT,
            "about": dict(self.about),
            "intercept": self.intercept,
            "prior": self.prior,
            "features": {
                name: {"weights": dict(weights), "other": self.other[name]}
                for name, weights in self.weights.items()
            },
            "calibration": self.calibration.to_json(),
        }

    def save(self, path: str | Path) -> None:
        """Write the model as JSON, one feature a block, keys in a stable order."""
        text = json.dumps(self.to_json(), ensure_ascii=False, indent=1)
        Path(path).write_text(text + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> ConfidenceModel:
        """Read a model file written by `save` (or `quotes train`).

        Raises:
            ConfidenceError: E060 the file is missing, E061 it is not JSON, E062 it is
                not a model, E063 it reads a feature this version does not compute.
        """
        file = Path(path)
        try:
            text = file.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise ConfidenceError("E060", path=file) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfidenceError("E061", path=file, reason=exc) from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConfidenceError("E061", path=file, reason=f"line {exc.lineno}: {exc.msg}") from None
        return from_json(data, str(file))


class RuleTable:
    """The `confidence_model` that keeps the values the rules gave (`quotes.confidence`)."""

    def apply(self, records: Iterable[Quotation], source: str, lex: Lexicon) -> tuple[Quotation, ...]:
        return tuple(records)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, RuleTable)

    def __hash__(self) -> int:
        return hash(RuleTable)


#: what a pipeline calls at the end of `assemble`
Scorer = ConfidenceModel | RuleTable


def from_json(data: Any, path: str = "<model>") -> ConfidenceModel:
    """A model from the JSON object `ConfidenceModel.to_json` writes, checked field by field."""

    def bad(problem: str) -> ConfidenceError:
        return ConfidenceError("E062", path=path, problem=problem, format=FORMAT)

    if not isinstance(data, dict):
        raise bad(f"the file holds a {type(data).__name__}, not an object")
    if data.get("format") != FORMAT:
        raise bad(f"its format is {data.get('format')!r}")
    blocks = data.get("features")
    if not isinstance(blocks, dict) or not blocks:
        raise bad("'features' is missing or empty")
    weights: dict[str, dict[str, float]] = {}
    other: dict[str, float] = {}
    for name, block in blocks.items():
        if name not in FEATURES:
            raise ConfidenceError("E063", path=path, name=name, known=", ".join(FEATURES))
        if not isinstance(block, dict) or not isinstance(block.get("weights"), dict):
            raise bad(f"feature {name!r} has no 'weights' object")
        weights[name] = {
            str(v): _number(w, f"features.{name}.weights.{v}", bad) for v, w in block["weights"].items()
        }
        other[name] = _number(block.get("other", 0.0), f"features.{name}.other", bad)
    return ConfidenceModel(
        weights=weights,
        other=other,
        intercept=_number(data.get("intercept"), "intercept", bad),
        prior=_number(data.get("prior", 0.0), "prior", bad),
        calibration=_calibration(data.get("calibration"), bad),
        about=about if isinstance(about := data.get("about"), dict) else {},
    )


def _number(value: Any, where: str, bad: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise bad(f"{where} is {value!r}, not a finite number")
    return float(value)


def _calibration(data: Any, bad: Any) -> Calibration:
    if not isinstance(data, dict) or data.get("method") not in METHODS:
        raise bad(f"'calibration' must be an object whose method is one of {METHODS}")
    if data["method"] == "sigmoid":
        return Calibration(
            method="sigmoid",
            a=_number(data.get("a"), "calibration.a", bad),
            b=_number(data.get("b"), "calibration.b", bad),
        )
    x, y = data.get("x"), data.get("y")
    if not isinstance(x, list) or not isinstance(y, list) or not x or len(x) != len(y):
        raise bad("an isotonic calibration needs lists 'x' and 'y' of one length")
    xs = [_number(v, "calibration.x", bad) for v in x]
    if any(b < a for a, b in itertools.pairwise(xs)):
        raise bad("calibration.x must be ascending")
    return Calibration(method="isotonic", x=xs, y=[_number(v, "calibration.y", bad) for v in y])


@functools.cache
def shipped() -> ConfidenceModel:
    """The model shipped in `quotes/data/confidence.json`, read once per process."""
    file = resources.files("quotes") / "data" / SHIPPED
    return ConfidenceModel.load(str(file))


def resolve(spec: str | Path | ConfidenceModel | RuleTable | None) -> Scorer:
    """The scorer a `confidence_model` option names: None for the shipped model, a path
    to a model file, `"rules"` for the rule table alone, or a ready model.

    Raises:
        ConfidenceError: E069 for anything else, or as `ConfidenceModel.load`.
    """
    if spec is None:
        return shipped()
    if isinstance(spec, (ConfidenceModel, RuleTable)):
        return spec
    if spec == RULES:
        return RuleTable()
    if isinstance(spec, (str, Path)):
        return ConfidenceModel.load(spec)
    raise ConfidenceError("E069", value=spec, type=type(spec).__name__)
