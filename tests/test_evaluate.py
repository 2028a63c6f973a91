"""`quotes.evaluate` and `quotes evaluate` agree with the reference scorer, figure for figure.

The reference is a verbatim copy of the project's score.py (tests/reference/score.py);
both are run on the library's own predictions for the seed and dev gold sets and on a
hand-made prediction file with wrong, spurious and missing records.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import quotes
from quotes import cli, evaluate
from quotes.errors import InputValueError
from quotes.serialize import to_dict

TESTS = Path(__file__).parent
DATA = TESTS / "data"
SETS = {"seed": DATA / "seed", "dev": DATA / "dev"}
HANDMADE = DATA / "handmade_predictions.jsonl"
MODES = ([], ["--errors"], ["--json"], ["--errors", "--json"])


@pytest.fixture(scope="module")
def reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("reference_score", TESTS / "reference" / "score.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def predicted(extractor: quotes.Extractor, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The library's predictions for each gold set, as `quotes extract` writes them."""
    folder = tmp_path_factory.mktemp("predictions")
    files = {}
    for name, gold_dir in SETS.items():
        records = evaluate.predict_dir(gold_dir, extractor)
        path = folder / f"{name}.jsonl"
        path.write_text(
            "".join(json.dumps(to_dict(q), ensure_ascii=False) + "\n" for q in records), encoding="utf-8"
        )
        files[name] = path
    return files


def reference_output(
    reference: ModuleType, capsys: pytest.CaptureFixture[str], gold_dir: Path, pred: Path, flags: list[str]
) -> str:
    capsys.readouterr()
    assert reference.main([str(gold_dir), str(pred), *flags]) == 0
    return capsys.readouterr().out


def our_output(capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    capsys.readouterr()
    assert cli.main(["evaluate", *args]) == 0
    return capsys.readouterr().out


def reference_score(reference: ModuleType, gold_dir: Path, pred: Path) -> dict[str, Any]:
    preds = [json.loads(line) for line in pred.read_text(encoding="utf-8").splitlines() if line.strip()]
    result: dict[str, Any] = reference.score(reference.load_gold(gold_dir), preds)
    return result


@pytest.mark.parametrize("name", sorted(SETS))
def test_score_equals_reference_on_library_predictions(
    name: str, reference: ModuleType, predicted: dict[str, Path]
) -> None:
    ours = evaluate.evaluate_dir(SETS[name], predicted[name])
    assert ours == reference_score(reference, SETS[name], predicted[name])


@pytest.mark.parametrize("flags", MODES, ids=lambda f: " ".join(f) or "plain")
@pytest.mark.parametrize("name", sorted(SETS))
def test_printed_lines_equal_reference(
    name: str,
    flags: list[str],
    reference: ModuleType,
    predicted: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    expected = reference_output(reference, capsys, SETS[name], predicted[name], flags)
    assert our_output(capsys, [str(SETS[name]), str(predicted[name]), *flags]) == expected


def test_without_predictions_the_library_is_run(
    extractor: quotes.Extractor,
    reference: ModuleType,
    predicted: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(cli, "Extractor", lambda *args, **kwargs: extractor)  # reuse the loaded model
    expected = reference_output(reference, capsys, SETS["seed"], predicted["seed"], ["--errors"])
    assert our_output(capsys, [str(SETS["seed"]), "--errors"]) == expected
    assert evaluate.evaluate_dir(SETS["seed"], extractor=extractor) == reference_score(
        reference, SETS["seed"], predicted["seed"]
    )


@pytest.mark.parametrize("flags", MODES, ids=lambda f: " ".join(f) or "plain")
def test_handmade_predictions_equal_reference(
    flags: list[str], reference: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    expected = reference_output(reference, capsys, SETS["seed"], HANDMADE, flags)
    assert our_output(capsys, [str(SETS["seed"]), str(HANDMADE), *flags]) == expected


def test_handmade_predictions_are_scored_as_annotated(reference: ModuleType) -> None:
    result = evaluate.evaluate_dir(SETS["seed"], HANDMADE)
    assert result == reference_score(reference, SETS["seed"], HANDMADE)
    assert result["unknown_docs_in_predictions"] == ["other.txt"]
    assert result["gold_speech_quotes"] == 13
    errors = "\n".join(result["errors"])
    for expected in (
        "term quote given a speaker: 'クルスク奪還' -> 'バイデン大統領'",
        "wrong speaker for '韓米間では",
        "want '米政府', got 'WP'",
        "want '説明した', got '述べた'",
        "missed direct: '新大統領が",
        "term quote not reported: '業績'",
        "spurious attribution: 'ロシアはすでに",
    ):
        assert expected in errors
    # the optional 長距離(long-range) given a speaker counts neither way
    assert "long-range" not in errors and "米メディア" not in errors
    # brackets included in the span, a later mention (同氏) named 車斗鉉 and plain-string fields all match
    assert "政府は、北と" not in errors and "こうしたクルスク" not in errors and "米国をはじめ" not in errors


def test_quotation_records_score_like_their_json(
    predicted: dict[str, Path], extractor: quotes.Extractor
) -> None:
    gold = evaluate.load_gold(SETS["seed"])
    records = evaluate.predict_dir(SETS["seed"], extractor)
    assert evaluate.score(gold, records) == evaluate.evaluate_dir(SETS["seed"], predicted["seed"])


def test_unresolvable_gold_line_names_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("山田氏は「賛成だ」と述べた。", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(
        '{"kind": "direct", "text": "賛成だ", "speaker": "山田"}\n{"kind": "direct", "text": "反対だ"}\n',
        encoding="utf-8",
    )
    with pytest.raises(InputValueError, match=r"a\.jsonl, line 2: the gold text '反対だ' does not occur"):
        evaluate.load_gold(tmp_path)


def test_bad_inputs_fail_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["evaluate", str(tmp_path / "nowhere"), str(HANDMADE)]) == 2
    assert "no such folder" in capsys.readouterr().err
    assert cli.main(["evaluate", str(SETS["seed"]), str(tmp_path / "missing.jsonl")]) == 2
    assert "cannot read the predictions" in capsys.readouterr().err
    broken = tmp_path / "broken.jsonl"
    broken.write_text('{"doc": "a.txt"\n', encoding="utf-8")
    assert cli.main(["evaluate", str(SETS["seed"]), str(broken)]) == 2
    assert "broken.jsonl, line 1: not valid JSON" in capsys.readouterr().err


@pytest.mark.parametrize(
    "metric",
    ["attribution_precision", "attribution_recall", "affiliation_accuracy", "cue_accuracy", "term_accuracy"],
)
def test_the_seed_article_scores_one_on_every_metric(extractor: quotes.Extractor, metric: str) -> None:
    result = evaluate.evaluate_dir(DATA / "seed", extractor=extractor)
    assert result[metric] == 1.0
