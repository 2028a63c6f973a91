"""Behaviours pinned after a code review found them broken (one test per finding)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

import quotes
from quotes.errors import InputValueError
from quotes.lexicon import Lexicon
from quotes.text.sentences import cut_to_limit


def test_reaction_cue_in_reported_speech_does_not_crash(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("山田氏は当時は楽しかったと振り返った。")
    assert record.kind == "indirect" and record.speaker is not None and record.speaker.name == "山田"


@pytest.mark.parametrize("value", [0, 2, 10, 100_000, "big"])
def test_max_unit_bytes_outside_sudachi_range_is_refused(extractor: quotes.Extractor, value: object) -> None:
    with pytest.raises(InputValueError, match="max_unit_bytes"):
        quotes.Extractor(nlp=extractor.nlp, max_unit_bytes=value)  # type: ignore[arg-type]


def test_cut_to_limit_below_one_character_still_ends() -> None:
    assert cut_to_limit("あい", 2) == [(0, 1), (1, 2)]


def test_a_pipeline_passed_in_is_left_as_it_was() -> None:
    nlp = spacy.load("ja_ginza", exclude=["ner"])
    names = list(nlp.pipe_names)
    before = [s.text for s in nlp("彼は来た。山田(30)は帰った。").sents]
    quotes.Extractor(nlp=nlp).extract("山田氏は「賛成だ」と述べた。")
    assert nlp.pipe_names == names
    assert [s.text for s in nlp("彼は来た。山田(30)は帰った。").sents] == before


def test_passive_cue_does_not_inherit_the_previous_speaker(extractor: quotes.Extractor) -> None:
    text = "山田太郎首相は「改革を進める」と述べた。「無責任だ」と批判された。"
    first, second = extractor.extract(text)
    assert first.speaker is not None
    assert second.speaker is None


def test_pronoun_never_resolves_to_an_organisation(extractor: quotes.Extractor) -> None:
    text = "山田太郎教授は会見した。外務省は「遺憾だ」と発表した。同氏は「残念だ」と述べた。"
    records = extractor.extract(text)
    last = records[-1]
    assert last.speaker is not None and last.speaker.name == "山田太郎"


def test_naru_after_adjective_is_not_a_speech_cue(extractor: quotes.Extractor) -> None:
    records = extractor.extract("政府は増税が必要だと明らかになった。")
    assert [r for r in records if r.kind == "indirect"] == []


def test_documents_are_sources_only_in_niyoruto_frames(extractor: quotes.Extractor) -> None:
    records = extractor.extract("今回の決定は核使用のハードルを下げるのではという懸念につながる。")
    assert [r for r in records if r.kind == "indirect"] == []


def test_doushisha_is_a_name_not_dou_plus_organisation(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("同志社大学の山田太郎教授は「慎重であるべきだ」と述べた。")
    assert record.affiliation is not None and record.affiliation.canonical == "Doshisha University"


def test_cluster_worker_accepts_a_lexicon() -> None:
    from quotes.cluster import _options, worker_pipeline

    options = _options({"lexicon": Lexicon.default()})
    assert worker_pipeline(options) is worker_pipeline(options)


def test_evaluate_reads_crlf_files_as_the_gold_does(tmp_path: Path) -> None:
    from quotes import evaluate

    (tmp_path / "a.txt").write_bytes("前文。\r\n鈴木氏は「賛成だ」と述べた。\r\n".encode())
    (tmp_path / "a.jsonl").write_text(
        '{"kind": "direct", "text": "賛成だ", "speaker": "鈴木"}\n', encoding="utf-8"
    )
    result = evaluate.evaluate_dir(tmp_path)
    assert result["attribution_f1"] == 1.0


@pytest.mark.parametrize("nth", [5, -1])
def test_gold_nth_out_of_range_is_named(tmp_path: Path, nth: int) -> None:
    from quotes import evaluate

    (tmp_path / "a.txt").write_text("「語」と「語」", encoding="utf-8")
    (tmp_path / "a.jsonl").write_text(f'{{"kind": "term", "text": "語", "nth": {nth}}}\n', encoding="utf-8")
    with pytest.raises(InputValueError, match="nth"):
        evaluate.load_gold(tmp_path)
