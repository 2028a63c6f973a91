"""Confidence: the shipped model, retraining on a user's gold folder, the model file's
errors, the features it reads, and the commands that use it (docs/confidence.md)."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import quotes
from quotes import cli
from quotes.confidence import calibration, features, model, train
from quotes.errors import ConfidenceError
from quotes.evaluate import by_rule, load_gold, predict_dir, read_predictions, score
from quotes.records import Cue, Quotation, Speaker
from quotes.report import render_html
from quotes.serialize import to_jsonl

DATA = Path(__file__).parent / "data"
SEED = DATA / "seed" / "000_79c1e7e875881228.txt"

#: one article of the small gold folder: two quotations whose speaker the gold names
#: otherwise (the library's subject is "wrong" there) and two によると frames it gets right
ARTICLE = (
    "山田太郎氏は「景気は回復している」と述べた。気象庁によると、明日は雨が降る見込みだ。"
    "佐藤花子氏は「支援を続けたい」と話した。共同通信によると、会談は来月開かれる予定だ。"
)
GOLD = [
    {"kind": "direct", "text": "景気は回復している", "speaker": "田中一郎", "cue": "述べた"},
    {"kind": "indirect", "text": "明日は雨が降る見込みだ", "speaker": "気象庁", "cue": "によると"},
    {"kind": "direct", "text": "支援を続けたい", "speaker": "鈴木次郎", "cue": "話した"},
    {"kind": "indirect", "text": "会談は来月開かれる予定だ", "speaker": "共同通信", "cue": "によると"},
]


def run(
    args: list[str], monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> tuple[int, str, str]:
    """`quotes ARGS` with the session's GiNZA model (each Extractor keeps its own options)."""
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    monkeypatch.setattr(sys, "stderr", err)

    def reuse(_model: str = "", **options: Any) -> quotes.Extractor:
        return quotes.Extractor(nlp=extractor.nlp, **options)

    monkeypatch.setattr(cli, "Extractor", reuse)
    return cli.main(args), out.getvalue(), err.getvalue()


@pytest.fixture
def gold_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    folder.mkdir()
    for k in range(6):
        (folder / f"article_{k}.txt").write_text(ARTICLE, encoding="utf-8")
        lines = "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in GOLD)
        (folder / f"article_{k}.jsonl").write_text(lines, encoding="utf-8")
    return folder


# -- the shipped model ---------------------------------------------------------------------


def test_shipped_model_loads_and_gives_probabilities(extractor: quotes.Extractor) -> None:
    shipped = model.shipped()
    assert set(shipped.weights) <= set(features.FEATURES)
    records = extractor.extract(SEED.read_text(encoding="utf-8"), doc_id=SEED.name)
    assert records and all(0.0 <= r.confidence <= 1.0 for r in records)
    assert len({r.confidence for r in records}) > 3  # not the rule table's few values


def test_model_round_trips_through_its_json_file(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    model.shipped().save(path)
    assert model.ConfidenceModel.load(path) == model.shipped()


def test_rules_keep_the_rule_tables_values(extractor: quotes.Extractor) -> None:
    rules = quotes.Extractor(nlp=extractor.nlp, confidence_model="rules")
    (pronoun,) = rules.extract("彼は「知らない」と述べた。")
    (named,) = rules.extract("山田氏は「知らない」と述べた。")
    assert (pronoun.confidence, named.confidence) == (0.45, 0.9)


def test_confidence_does_not_change_which_records_exist(extractor: quotes.Extractor) -> None:
    rules = quotes.Extractor(nlp=extractor.nlp, confidence_model="rules")
    text = SEED.read_text(encoding="utf-8")
    strip = [attrs.evolve(r, confidence=1.0) for r in extractor.extract(text)]
    assert strip == [attrs.evolve(r, confidence=1.0) for r in rules.extract(text)]


# -- retraining ----------------------------------------------------------------------------


def test_retraining_on_a_small_gold_folder_changes_a_confidence(
    gold_folder: Path, tmp_path: Path, extractor: quotes.Extractor
) -> None:
    rules = quotes.Extractor(nlp=extractor.nlp, confidence_model="rules")
    retrained = train.train([gold_folder], rules, folds=3, validate=False)
    path = tmp_path / "newsroom.json"
    retrained.save(path)
    before = {r.text: r.confidence for r in extractor.extract(ARTICLE)}
    after = {
        r.text: r.confidence
        for r in quotes.Extractor(nlp=extractor.nlp, confidence_model=path).extract(ARTICLE)
    }
    # this newsroom's gold names other speakers for the quotations: the model learns it
    assert before["景気は回復している"] > 0.8 and after["景気は回復している"] < 0.3
    assert after["明日は雨が降る見込みだ"] > 0.7
    assert retrained.about["records"] == 24 and retrained.about["right"] == 12


def test_training_is_deterministic(gold_folder: Path, extractor: quotes.Extractor) -> None:
    rules = quotes.Extractor(nlp=extractor.nlp, confidence_model="rules")
    data = train.examples([gold_folder], rules)
    assert train.fit(data, folds=3) == train.fit(data, folds=3)
    isotonic = train.fit(data, folds=3, method="isotonic")  # checked against scikit-learn inside
    assert isotonic.calibration.method == "isotonic"


def test_train_command_writes_a_model_and_its_figures(
    gold_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    target = tmp_path / "model.json"
    code, out, _ = run(["train", str(gold_folder), "-o", str(target), "--folds", "3"], monkeypatch, extractor)
    assert code == 0 and "cv_ece:" in out and "24 records of 6 documents" in out
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["format"] == model.FORMAT and data["about"]["cross_validation"]["folds"] == 3


def test_training_on_too_few_wrong_records_is_E065(tmp_path: Path, extractor: quotes.Extractor) -> None:
    folder = tmp_path / "all_right"
    folder.mkdir()
    (folder / "a.txt").write_text("山田氏は「賛成だ」と述べた。", encoding="utf-8")
    (folder / "a.jsonl").write_text(
        json.dumps({"kind": "direct", "text": "賛成だ", "speaker": "山田"}, ensure_ascii=False) + "\n",
        encoding="utf-8",
    )
    rules = quotes.Extractor(nlp=extractor.nlp, confidence_model="rules")
    with pytest.raises(ConfidenceError, match="E065"):
        train.train([folder], rules, validate=False)


def test_more_folds_than_articles_is_E068(gold_folder: Path, extractor: quotes.Extractor) -> None:
    rules = quotes.Extractor(nlp=extractor.nlp, confidence_model="rules")
    with pytest.raises(ConfidenceError, match="E068"):
        train.fit(train.examples([gold_folder], rules), folds=10)


def test_wrong_records_in_too_few_articles_is_E070() -> None:
    values = dict.fromkeys(features.FEATURES, "x")
    data = [
        train.Example(doc=f"d{k}", values=values, prior=0.0, right=k > 0 or i % 2 == 0, attributed=True)
        for k in range(6)
        for i in range(12)
    ]
    with pytest.raises(ConfidenceError, match="E070"):
        train.fit(data, folds=3)


# -- records saved before anyone read a folder's errors -------------------------------------


def _saved_run(
    gold_folder: Path, extractor: quotes.Extractor, records: list[Quotation] | None = None
) -> Path:
    """A manifest pairing `gold_folder` with the rule-table records saved of it."""
    if records is None:
        rules = quotes.Extractor(nlp=extractor.nlp, confidence_model="rules")
        records = predict_dir(gold_folder, rules)
    saved = gold_folder.parent / "runs" / "first.jsonl"
    saved.parent.mkdir(exist_ok=True)
    saved.write_text(to_jsonl(records), encoding="utf-8")
    manifest = saved.parent / "unseen.tsv"
    manifest.write_text(f"# gold\tpredictions\n../{gold_folder.name}\tfirst.jsonl\n", encoding="utf-8")
    return manifest


def test_saved_records_are_judged_as_the_libraries_own(
    gold_folder: Path, extractor: quotes.Extractor
) -> None:
    rules = quotes.Extractor(nlp=extractor.nlp, confidence_model="rules")
    saved = train.unseen_examples(_saved_run(gold_folder, extractor), rules.lexicon)
    fresh = train.examples([gold_folder], rules)
    assert all(e.unseen for e in saved) and not any(e.unseen for e in fresh)
    assert [(e.doc, e.values, e.prior, e.right) for e in saved] == [
        (e.doc, e.values, e.prior, e.right) for e in fresh
    ]


def test_unseen_records_change_the_model_and_have_figures_of_their_own(
    gold_folder: Path, extractor: quotes.Extractor
) -> None:
    rules = quotes.Extractor(nlp=extractor.nlp, confidence_model="rules")
    # the saved run knew no speaker for the quotations the gold gives to others: all its
    # attributions are right, so the model trained with it trusts named subjects more
    kept = [r for r in predict_dir(gold_folder, rules) if r.rule != "subject"]
    manifest = _saved_run(gold_folder, extractor, kept)
    alone = train.train([gold_folder], rules, folds=3)
    both = train.train([gold_folder], rules, unseen=[manifest], folds=3)
    assert both.about["unseen_records"] == len(kept) and both.about["records"] == 24 + len(kept)
    assert both.about["cross_validation"]["unseen"]["judged"] == len(kept)
    assert "unseen" not in alone.about["cross_validation"]
    assert both.weights != alone.weights


@pytest.mark.parametrize(
    ("manifest", "code"),
    [
        ("../gold\n", "E071"),  # one path, not two
        ("../gold\tfirst.jsonl\textra\n", "E071"),
        ("../gold\tother.jsonl\n", "E072"),  # a record of a document the folder does not hold
        ("../gold\tnot_records.jsonl\n", "E072"),
    ],
)
def test_a_bad_unseen_manifest_is_a_catalogue_error(
    gold_folder: Path, extractor: quotes.Extractor, manifest: str, code: str
) -> None:
    path = _saved_run(gold_folder, extractor, [])
    other = Quotation(doc="elsewhere.txt", kind="direct", text="賛成だ", start=0, end=3)
    (path.parent / "other.jsonl").write_text(to_jsonl([other]), encoding="utf-8")
    (path.parent / "not_records.jsonl").write_text(
        '{"doc": "article_0.txt", "colour": "red"}\n', encoding="utf-8"
    )
    path.write_text(manifest, encoding="utf-8")
    with pytest.raises(ConfidenceError, match=code):
        train.unseen_examples(path, extractor.lexicon)


def test_missing_unseen_manifest_is_E071(tmp_path: Path, extractor: quotes.Extractor) -> None:
    with pytest.raises(ConfidenceError, match="E071"):
        train.unseen_examples(tmp_path / "absent.tsv", extractor.lexicon)


def test_train_command_without_any_data_is_E073(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    code, _, err = run(["train", "-o", str(tmp_path / "m.json")], monkeypatch, extractor)
    assert code == 2 and "E073" in err and not (tmp_path / "m.json").exists()


def test_train_command_prints_the_unseen_figures(
    gold_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    manifest = _saved_run(gold_folder, extractor)
    target = tmp_path / "model.json"
    args = ["train", str(gold_folder), "--unseen", str(manifest), "-o", str(target), "--folds", "3"]
    code, out, _ = run(args, monkeypatch, extractor)
    # the same articles twice (run now and saved): still six documents, one fold each
    assert code == 0 and "48 records of 6 documents" in out and "cv_unseen_judged: 24" in out


# -- the model file's errors ---------------------------------------------------------------


def test_missing_model_file_is_E060(tmp_path: Path, extractor: quotes.Extractor) -> None:
    with pytest.raises(ConfidenceError, match="E060") as caught:
        quotes.Extractor(nlp=extractor.nlp, confidence_model=tmp_path / "nowhere.json")
    assert caught.value.code == "E060" and "nowhere.json" in str(caught.value)


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("{not json", "E061"),
        ("[1, 2]", "E062"),
        ('{"format": "something-else/1"}', "E062"),
        ('{"format": "quotes-confidence-model/1", "features": {}}', "E062"),
        (
            '{"format": "quotes-confidence-model/1", "intercept": 1, "features": '
            '{"rule": {"weights": {"subject": "high"}}}, '
            '"calibration": {"method": "sigmoid", "a": -1, "b": 0}}',
            "E062",
        ),
        (
            '{"format": "quotes-confidence-model/1", "intercept": 1, "features": '
            '{"rule": {"weights": {}}}, "calibration": {"method": "isotonic", "x": [2, 1], "y": [0, 1]}}',
            "E062",
        ),
        (
            '{"format": "quotes-confidence-model/1", "intercept": 1, "features": '
            '{"colour": {"weights": {}}}, "calibration": {"method": "sigmoid", "a": -1, "b": 0}}',
            "E063",
        ),
    ],
    ids=[
        "not_json",
        "not_an_object",
        "other_format",
        "no_features",
        "weight_not_number",
        "curve_descends",
        "unknown_feature",
    ],
)
def test_corrupt_model_file_is_a_catalogue_error(tmp_path: Path, content: str, code: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfidenceError, match=code):
        model.ConfidenceModel.load(path)


def test_confidence_model_of_another_type_is_E069() -> None:
    with pytest.raises(ConfidenceError, match="E069"):
        model.resolve(42)  # type: ignore[arg-type]


def test_corrupt_model_on_the_command_line_exits_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    code, _, err = run(["extract", str(SEED), "--confidence-model", str(bad)], monkeypatch, extractor)
    assert code == 2 and "E061" in err


# -- the features --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quote", "expected"),
    [
        (
            "山田氏は「賛成だ」と述べた。",
            "賛成だ",
            {"rule": "subject", "mention": "name", "distance": "0", "opening": "bracket"},
        ),
        ("彼は「知らない」と述べた。", "知らない", {"mention": "pronoun", "resolved": "no", "cue": "speech"}),
        ("政府当局者は「注視している」と語った。", "注視している", {"mention": "anonymous"}),
        (
            "毎日新聞によると、会談は来月開かれる。",
            "会談は来月開かれる",
            {"rule": "frame", "mention": "medium", "opening": "comma", "rule_kind": "frame/indirect"},
        ),
        (
            "首相は、増税は避けられないと述べた。",
            "増税は避けられない",
            {"opening": "comma", "rule_cue": "reported/speech"},
        ),
        ("首相は増税は避けられないと述べた。", "増税は避けられない", {"opening": "mid"}),
        (
            "山田太郎氏は会見を開いた。「残念だ」と述べた。",
            "残念だ",
            {"rule": "focus", "distance": "1", "length": "1-5"},
        ),
        ("「核の傘」が議論になった。", "核の傘", {"kind": "term", "mention": "none", "distance": "none"}),
    ],
    ids=[
        "subject",
        "pronoun",
        "anonymous",
        "medium_frame",
        "after_comma",
        "mid_sentence",
        "next_sentence",
        "term",
    ],
)
def test_features_of_a_record(
    extractor: quotes.Extractor, text: str, quote: str, expected: dict[str, str]
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.text == quote]
    values = features.features(record, text, extractor.lexicon)
    assert set(values) == set(features.FEATURES)
    assert {k: values[k] for k in expected} == expected


def test_length_bins() -> None:
    assert [features.length_bin(n) for n in (0, 5, 6, 20, 80, 81)] == [
        "1-5",
        "1-5",
        "6-10",
        "11-20",
        "41-80",
        "81+",
    ]


# -- evaluate --calibration and --by-rule ----------------------------------------------------


def test_calibration_bands_and_ece() -> None:
    pairs = [(0.95, True)] * 9 + [(0.95, False)] + [(0.55, True), (0.55, False)]
    table = calibration.bands(pairs)
    assert (table[9].count, table[9].right, table[5].count) == (10, 9, 2)
    assert calibration.ece(pairs) == pytest.approx((10 * 0.05 + 2 * 0.05) / 12)
    assert calibration.ece([]) is None


def test_evaluate_prints_calibration_and_by_rule(
    monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    pred = DATA / "golden" / "dev.jsonl"
    args = ["evaluate", str(DATA / "dev"), str(pred), "--calibration", "--by-rule"]
    code, out, _ = run(args, monkeypatch, extractor)
    assert code == 0
    lines = out.splitlines()
    assert "calibration: band count accuracy mean_confidence" in lines
    assert any(line.startswith("calibration_ece: ") for line in lines)
    assert any(line.startswith("calibration_at_0.9_share: ") for line in lines)
    assert "by_rule: rule attributed right precision gold recall" in lines
    assert any(line.startswith("  subject ") for line in lines)
    code, out, _ = run([*args, "--json"], monkeypatch, extractor)
    result = json.loads(out)
    assert len(result["calibration"]["bands"]) == 10 and "subject" in result["by_rule"]


def test_by_rule_adds_up_to_the_scorer() -> None:
    gold = load_gold(DATA / "dev")
    preds = read_predictions(DATA / "golden" / "dev.jsonl")
    table = by_rule(gold, preds)
    result = score(gold, preds)
    total = result["attribution_recall"]
    assert sum(r["recall"] for r in table.values()) == pytest.approx(total, abs=1e-3)
    attributed = sum(r["attributed"] for r in table.values())
    right = sum(r["right"] for r in table.values())
    assert right / attributed == pytest.approx(result["attribution_precision"], abs=1e-4)
    assert sum(r["gold"] for r in table.values()) == result["gold_speech_quotes"]


def test_calibration_judges_records_as_the_scorer_does() -> None:
    gold = load_gold(DATA / "dev")
    preds = read_predictions(DATA / "golden" / "dev.jsonl")
    verdicts = calibration.judge(gold, preds)
    attributed = [v for p, v in zip(preds, verdicts, strict=True) if p.get("speaker") and v is not None]
    assert sum(attributed) / len(attributed) == pytest.approx(
        score(gold, preds)["attribution_precision"], abs=1e-4
    )


# -- --min-confidence and the report's "check by hand" ---------------------------------------


def test_min_confidence_filters_extract_and_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    _, out, _ = run(["extract", str(SEED)], monkeypatch, extractor)
    everything = [json.loads(line) for line in out.splitlines()]
    _, out, _ = run(["extract", str(SEED), "--min-confidence", "0.9"], monkeypatch, extractor)
    kept = [json.loads(line) for line in out.splitlines()]
    assert kept == [r for r in everything if r["confidence"] >= 0.9]
    assert 0 < len(kept) < len(everything)
    page = tmp_path / "r.html"
    code, _, _ = run(["report", str(SEED), "-o", str(page), "--min-confidence", "1"], monkeypatch, extractor)
    assert code == 0 and page.read_text(encoding="utf-8").count('<mark class="q ') == 0


def test_min_confidence_outside_zero_to_one_is_refused(
    monkeypatch: pytest.MonkeyPatch, extractor: quotes.Extractor
) -> None:
    with pytest.raises(SystemExit):
        run(["extract", str(SEED), "--min-confidence", "1.5"], monkeypatch, extractor)
    assert "--min-confidence must be a number from 0 to 1" in sys.stderr.getvalue()


def test_report_marks_records_below_the_threshold_check_by_hand() -> None:
    text = "山田氏は「賛成だ」と述べた。彼は「反対だ」と述べた。"

    def said(start: int, words: str, who: str, at: int, confidence: float) -> Quotation:
        cue = text.index("述べた", start)
        return Quotation(
            doc="t",
            kind="direct",
            start=start,
            end=start + len(words),
            text=words,
            confidence=confidence,
            speaker=Speaker(start=at, end=at + len(who), text=who),
            cue=Cue(start=cue, end=cue + 3, text="述べた", lemma="述べる"),
        )

    records = [said(5, "賛成だ", "山田氏", 0, 0.95), said(17, "反対だ", "彼", 14, 0.6)]
    page = render_html(records, {"t": text})
    assert page.count('class="q-label check"') == 1 and 'title="confidence 0.60"' in page
    assert "confidence below 0.80" in page
    assert 'class="q-label check"' not in render_html(records, {"t": text}, check_below=0.5)
