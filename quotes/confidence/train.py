"""Training the confidence model on gold annotations (needs scikit-learn: `quotes[train]`).

    python -m quotes.confidence.train tests/data/seed tests/data/dev tests/data/dev2 \\
        --unseen tests/data/first_runs/unseen.tsv \\
        -o quotes/data/confidence.json        # the shipped model, deterministically
    quotes train my_gold/ -o my_model.json    # the same, on a newsroom's own annotations

The library is run over each gold folder's texts; each record it returns is judged
right or wrong as the scorer judges it (`quotes.confidence.calibration.judge`) and
described by its features (`quotes.confidence.features`) and by the log-odds of the
confidence the rule table gave it (the prior). A logistic regression over the one-hot
features and the prior (its strength chosen by grouped cross-validation on log loss,
feature values seen fewer than `MIN_FREQUENCY` times pooled) is calibrated by
`CalibratedClassifierCV` (isotonic or Platt) on folds that keep each article whole.
Grouped cross-validation of the whole procedure gives the figures written into the
model's `about` block. Nothing here is random: the same data give the same file.

Records of folders the rules were developed on are right more often than records of
new text, so a model trained on them alone is over-confident where it matters. An
`--unseen` manifest adds records a version of the library made of gold folders *before*
anyone read their errors (saved with `quotes extract --confidence-model rules`): they
show how the rules fare on text nobody tuned them on (`unseen_examples`).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from quotes.confidence.calibration import figures, judge
from quotes.confidence.features import FEATURES, Features, features, prior
from quotes.confidence.model import METHODS, Calibration, ConfidenceModel
from quotes.errors import ConfidenceError
from quotes.evaluate import load_gold, predict_dir, read_predictions
from quotes.extractor import Extractor
from quotes.inputs import read_text
from quotes.lexicon import Lexicon
from quotes.records import Quotation
from quotes.serialize import from_data

logger = logging.getLogger("quotes")

#: the regression's inverse regularisation strengths tried (chosen on grouped log loss)
CS = (0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
#: a feature value seen in fewer training records shares the weight of unseen values
MIN_FREQUENCY = 5
#: folds of the grouped cross-validation (by article)
FOLDS = 5
#: the fewest right and wrong records a model is trained on
LEAST = 5
#: the default calibration: Platt scaling had the lower grouped-CV log loss and ECE on the gold
#: sets (0.200 vs 0.218, 0.009 vs 0.020; isotonic steps overfit some fifty wrong records)
METHOD = "sigmoid"
#: decimals of the weights and curve points in the model file
DECIMALS = 6


@attrs.frozen(kw_only=True)
class Example:
    """One judged record: its article, its features and whether it is right."""

    doc: str
    values: Features
    prior: float
    right: bool
    attributed: bool
    #: made before anyone read the errors of its gold folder (`unseen_examples`)
    unseen: bool = False


def examples(gold_dirs: Iterable[str | Path], extractor: Extractor) -> list[Example]:
    """The judged records of the library on every gold folder, in folder and file order."""
    found: list[Example] = []
    for folder in map(Path, gold_dirs):
        gold = load_gold(folder)
        records = predict_dir(folder, extractor)
        texts = {doc: read_text(folder / doc) for doc in gold}
        for record, right in zip(records, judge(gold, records), strict=True):
            if right is None or record.doc not in texts:
                continue
            found.append(
                Example(
                    doc=f"{folder.as_posix()}/{record.doc}",
                    values=features(record, texts[record.doc], extractor.lexicon),
                    prior=prior(record),
                    right=right,
                    attributed=record.speaker is not None,
                )
            )
    return found


def unseen_examples(manifest: str | Path, lexicon: Lexicon) -> list[Example]:
    """The judged records of saved predictions, each file paired with its gold folder.

    `manifest` is a tab-separated file of `GOLD_DIR<TAB>PREDICTIONS.jsonl` lines (paths
    relative to the manifest; `#` starts a comment). Each predictions file holds what
    `quotes extract GOLD_DIR --confidence-model rules` wrote, so that `confidence` is the
    rule table's prior.

    Raises:
        ConfidenceError: E071 for a manifest that cannot be read or a line that is not
            two paths, E072 for a prediction that is no record or names a document the
            gold folder does not hold.
    """
    path = Path(manifest)
    found: list[Example] = []
    for gold_dir, predictions in _manifest_lines(path):
        gold = load_gold(gold_dir)
        records = [_record(data, predictions, gold_dir, gold) for data in read_predictions(predictions)]
        texts = {doc: read_text(gold_dir / doc) for doc in gold}
        for record, right in zip(records, judge(gold, records), strict=True):
            if right is None:
                continue
            found.append(
                Example(
                    doc=f"{gold_dir.as_posix()}/{record.doc}",
                    values=features(record, texts[str(record.doc)], lexicon),
                    prior=prior(record),
                    right=right,
                    attributed=record.speaker is not None,
                    unseen=True,
                )
            )
    return found


def _manifest_lines(path: Path) -> list[tuple[Path, Path]]:
    """The (gold folder, predictions file) pairs of a manifest, resolved against its folder."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfidenceError("E071", path=path, line=0, problem=str(exc)) from None
    pairs = []
    for number, line in enumerate(lines, start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise ConfidenceError("E071", path=path, line=number, problem=f"{len(parts)} fields, not 2")
        gold_dir, predictions = (Path(os.path.normpath(path.parent / part.strip())) for part in parts)
        pairs.append((gold_dir, predictions))
    return pairs


def _record(data: Any, predictions: Path, gold_dir: Path, gold: Any) -> Quotation:
    """One saved prediction as a record of a document the gold folder holds (E072)."""
    try:
        record = from_data(data)
    except (TypeError, AttributeError, KeyError) as exc:
        raise ConfidenceError(
            "E072", path=predictions, problem=f"not a record of quotes extract ({exc})"
        ) from None
    if record.doc is None or record.doc not in gold:
        raise ConfidenceError(
            "E072", path=predictions, problem=f"document {record.doc!r} is not in the gold folder {gold_dir}"
        )
    return record


def _require_sklearn() -> None:
    try:
        import sklearn  # noqa: F401
    except ImportError:
        raise ConfidenceError("E064") from None


def _check(data: Sequence[Example], folds: int, method: str) -> None:
    if method not in METHODS:
        raise ConfidenceError("E067", value=method)
    right = sum(e.right for e in data)
    if min(right, len(data) - right) < LEAST:
        raise ConfidenceError("E065", count=len(data), right=right, wrong=len(data) - right, least=LEAST)
    docs = len({e.doc for e in data})
    if docs < folds:
        raise ConfidenceError("E068", folds=folds, count=docs)


def _splits(data: Sequence[Example], folds: int) -> list[tuple[Any, Any]]:
    """Grouped folds (an article never on both sides); each trains on both classes (E070)."""
    from sklearn.model_selection import GroupKFold

    groups = [e.doc for e in data]
    splits = list(GroupKFold(n_splits=folds).split(groups, groups=groups))
    for k, (train_index, _) in enumerate(splits, start=1):
        right = sum(data[i].right for i in train_index)
        if right in (0, len(train_index)):
            raise ConfidenceError("E070", fold=k, right=right, wrong=len(train_index) - right)
    return splits


def _pipeline(c: float) -> Any:
    """One-hot features and the prior's log-odds into a logistic regression."""
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import OneHotEncoder

    encoder = OneHotEncoder(handle_unknown="infrequent_if_exist", min_frequency=MIN_FREQUENCY)
    columns = ColumnTransformer(
        [("onehot", encoder, list(range(len(FEATURES)))), ("prior", "passthrough", [len(FEATURES)])]
    )
    return make_pipeline(columns, LogisticRegression(C=c, max_iter=5000))


def _matrix(data: Sequence[Example]) -> tuple[Any, Any]:
    import numpy as np

    x = np.array([[*(e.values[name] for name in FEATURES), e.prior] for e in data], dtype=object)
    y = np.array([int(e.right) for e in data])
    return x, y


def _strength(x: Any, y: Any, splits: list[tuple[Any, Any]]) -> float:
    """The C of `CS` with the lowest log loss of the held-out predictions of the grouped
    folds, pooled (a fold may hold no wrong record)."""
    from sklearn.metrics import log_loss
    from sklearn.model_selection import cross_val_predict

    losses = []
    for c in CS:
        held_out = cross_val_predict(_pipeline(c), x, y, cv=splits, method="predict_proba")[:, 1]
        losses.append((float(log_loss(y, held_out, labels=[0, 1])), c))
    return min(losses)[1]


def fit(data: Sequence[Example], *, method: str = METHOD, folds: int = FOLDS) -> ConfidenceModel:
    """The calibrated model of `data` (grouped by article for every fold).

    Raises:
        ConfidenceError: E064 without scikit-learn, E065 too few right or wrong records,
            E067 an unknown method, E068 fewer articles than folds.
    """
    _require_sklearn()
    from sklearn.calibration import CalibratedClassifierCV

    _check(data, folds, method)
    x, y = _matrix(data)
    splits = _splits(data, folds)
    c = _strength(x, y, splits)
    calibrated = CalibratedClassifierCV(_pipeline(c), method=method, cv=splits, ensemble=False).fit(x, y)
    model = _export(calibrated, c, method)
    _same_as_sklearn(model, calibrated, data, x)
    return model


def _export(calibrated: Any, c: float, method: str) -> ConfidenceModel:
    """The fitted scikit-learn objects as the weights and curve of a `ConfidenceModel`."""
    inner = calibrated.calibrated_classifiers_[0]
    encoder, regression = inner.estimator[0].named_transformers_["onehot"], inner.estimator[-1]
    columns = list(encoder.get_feature_names_out(list(FEATURES)))
    coefficients = dict(zip(columns, regression.coef_[0][: len(columns)], strict=True))
    weights: dict[str, dict[str, float]] = {}
    other: dict[str, float] = {}
    for k, name in enumerate(FEATURES):
        rare = set(encoder.infrequent_categories_[k] if encoder.infrequent_categories_[k] is not None else ())
        weights[name] = {
            str(v): _r(coefficients[f"{name}_{v}"]) for v in encoder.categories_[k] if v not in rare
        }
        other[name] = _r(coefficients.get(f"{name}_infrequent_sklearn", 0.0))
    curve = inner.calibrators[0]
    if method == "sigmoid":
        calibration = Calibration(method="sigmoid", a=_r(curve.a_), b=_r(curve.b_))
    else:
        calibration = Calibration(
            method="isotonic", x=[_r(v) for v in curve.X_thresholds_], y=[_r(v) for v in curve.y_thresholds_]
        )
    return ConfidenceModel(
        weights=weights,
        other=other,
        intercept=_r(regression.intercept_[0]),
        prior=_r(regression.coef_[0][len(columns)]),
        calibration=calibration,
        about={"method": method, "C": c, "min_frequency": MIN_FREQUENCY},
    )


def _r(value: Any) -> float:
    return round(float(value), DECIMALS) + 0.0  # + 0.0: no -0.0 in the file


def _same_as_sklearn(model: ConfidenceModel, calibrated: Any, data: Sequence[Example], x: Any) -> None:
    """The exported model gives scikit-learn's probabilities (up to the file's rounding)."""
    expected = calibrated.predict_proba(x)[:, 1]
    for example, want in zip(data, expected, strict=True):
        got = model.probability(example.values, example.prior)
        assert abs(got - float(want)) < 1e-4, (example, got, want)


def cross_validate(data: Sequence[Example], *, method: str = METHOD, folds: int = FOLDS) -> dict[str, Any]:
    """Figures of the whole training procedure on held-out articles (grouped k-fold).

    Each fold's model is trained (with its own inner folds) on the other articles and
    predicts this fold's records; the figures are those of `calibration.figures`.
    """
    _require_sklearn()
    _check(data, folds, method)
    predicted: list[float] = [0.0] * len(data)
    for train_index, test_index in _splits(data, folds):
        train = [data[i] for i in train_index]
        model = fit(train, method=method, folds=min(folds, len({e.doc for e in train})))
        for i in test_index:
            predicted[i] = round(model.probability(data[i].values, data[i].prior), 3)
    result = {"folds": folds, **_figures(predicted, data)}
    unseen = [(p, e) for p, e in zip(predicted, data, strict=True) if e.unseen]
    if unseen:  # the figures that say how the model holds on new text
        result["unseen"] = _figures([p for p, _ in unseen], [e for _, e in unseen])
    return result


def _figures(predicted: Sequence[float], data: Sequence[Example]) -> dict[str, Any]:
    pairs = [(p, e.right) for p, e in zip(predicted, data, strict=True)]
    attributed = [(p, e.right) for p, e in zip(predicted, data, strict=True) if e.attributed]
    return figures(pairs, attributed)


def train(
    gold_dirs: Sequence[str | Path],
    extractor: Extractor,
    *,
    unseen: Sequence[str | Path] = (),
    method: str = METHOD,
    folds: int = FOLDS,
    validate: bool = True,
) -> ConfidenceModel:
    """A model trained on the library's records over `gold_dirs` and on the saved records
    the `unseen` manifests list (`unseen_examples`), with its figures in `about`."""
    _require_sklearn()
    import sklearn

    data = examples(gold_dirs, extractor)
    for manifest in unseen:
        data += unseen_examples(manifest, extractor.lexicon)
    model = fit(data, method=method, folds=folds)
    about: dict[str, Any] = {
        "trained_on": [Path(d).as_posix() for d in gold_dirs],
        "unseen": [Path(m).as_posix() for m in unseen],
        "documents": len({e.doc for e in data}),
        "records": len(data),
        "unseen_records": sum(e.unseen for e in data),
        "right": sum(e.right for e in data),
        "attributed": sum(e.attributed for e in data),
        **model.about,
        "scikit-learn": sklearn.__version__,
    }
    if validate:
        try:
            about["cross_validation"] = cross_validate(data, method=method, folds=folds)
        except ConfidenceError as exc:  # too little data to hold articles out: the model still stands
            logger.warning("cross-validation skipped: %s", exc)
            about["cross_validation"] = {"skipped": str(exc)}
    return attrs.evolve(model, about=about)


# -- the command: quotes train GOLD_DIR... -o MODEL ----------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `quotes train` (the extraction options are added by `quotes.cli`)."""
    parser.add_argument("gold_dirs", nargs="*", metavar="GOLD_DIR", help="folders of NAME.txt + NAME.jsonl")
    parser.add_argument(
        "--unseen",
        action="append",
        default=[],
        metavar="MANIFEST",
        help="a TSV of GOLD_DIR<TAB>PREDICTIONS.jsonl: records saved before anyone read those folders' "
        "errors (docs/confidence.md); may be repeated",
    )
    parser.add_argument("-o", "--output", required=True, metavar="MODEL", help="the model file to write")
    parser.add_argument("--method", choices=METHODS, default=METHOD, help=f"calibration (default {METHOD})")
    parser.add_argument("--folds", type=int, default=FOLDS, help=f"grouped folds (default {FOLDS})")
    parser.add_argument("--no-validate", action="store_true", help="skip the cross-validated figures")


def run(args: argparse.Namespace, extractor: Extractor, out: TextIO) -> int:
    """Train, write the model, print its cross-validated figures."""
    if not args.gold_dirs and not args.unseen:
        raise ConfidenceError("E073")
    model = train(
        args.gold_dirs,
        extractor,
        unseen=args.unseen,
        method=args.method,
        folds=args.folds,
        validate=not args.no_validate,
    )
    model.save(args.output)
    about = model.about
    out.write(f"wrote {args.output}: {about['records']} records of {about['documents']} documents\n")
    for key, value in dict(about.get("cross_validation", {})).items():
        if isinstance(value, dict):  # the figures of the unseen records alone
            out.writelines(f"cv_{key}_{k}: {v}\n" for k, v in value.items())
        else:
            out.write(f"cv_{key}: {value}\n")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """`python -m quotes.confidence.train ...`: the same as `quotes train ...`."""
    from quotes.cli import main as cli_main

    return cli_main(["train", *(sys.argv[1:] if argv is None else argv)])


__all__ = ["Example", "cross_validate", "examples", "fit", "train", "unseen_examples"]

if __name__ == "__main__":
    raise SystemExit(main())
