"""Extractor behaviour on whole texts: edge inputs, long texts, batches, errors."""

from __future__ import annotations

import logging

import pytest

import quotes
from quotes.errors import InputTypeError, InputValueError
from quotes.records import misplaced_spans


def assert_offsets(records: list[quotes.Quotation], text: str) -> None:
    for record in records:
        assert misplaced_spans(record, text) == [], record


@pytest.mark.parametrize(
    "text",
    ["", "   \n\t  ", "He said hello and left.", "그는 안녕이라고 말했다.", "\x00\x01\x02", "。。。、、、"],
    ids=["empty", "whitespace", "english", "korean", "control", "punctuation"],
)
def test_texts_without_quotations_give_no_records(extractor: quotes.Extractor, text: str) -> None:
    analysis = extractor.analyze(text)
    assert analysis.quotations == ()
    assert analysis.problems == ()


def test_brackets_in_non_japanese_text_are_still_reported(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("그는 「안녕」이라고 말했다.")
    assert record.text == "안녕"


@pytest.mark.parametrize("value", [None, b"\xe5\xb1\xb1", 42, ["text"]])
def test_non_string_input_is_a_type_error(extractor: quotes.Extractor, value: object) -> None:
    with pytest.raises(InputTypeError, match="expects text as str"):
        extractor.extract(value)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        extractor.extract(value)  # type: ignore[arg-type]


def test_doc_id_must_be_a_string(extractor: quotes.Extractor) -> None:
    with pytest.raises(InputTypeError):
        extractor.extract("本文", doc_id=3)  # type: ignore[arg-type]


def test_control_characters_do_not_break_attribution(extractor: quotes.Extractor) -> None:
    text = "山田氏は\x00「賛成\x07だ」と\x1b述べた。"
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "山田"
    assert_offsets([record], text)


def test_crlf_offsets_index_the_original_string(extractor: quotes.Extractor) -> None:
    text = "山田氏は「賛成だ」と述べた。\r\n川口氏は「反対だ」と語った。\r\n"
    records = extractor.extract(text)
    assert [r.text for r in records] == ["賛成だ", "反対だ"]
    assert_offsets(records, text)


def test_characters_outside_the_bmp_count_as_one(extractor: quotes.Extractor) -> None:
    text = "😀山田氏は「🎉賛成だ𠮷」と述べた。"
    (record,) = extractor.extract(text)
    assert (record.start, record.end) == (6, 11)
    assert record.speaker is not None and record.speaker.text == "山田氏"
    assert_offsets([record], text)


def test_half_width_brackets_and_stops(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("山田氏は｢賛成だ｣と述べた｡")
    assert record.kind == "direct" and record.text == "賛成だ"


def test_very_long_quotation(extractor: quotes.Extractor) -> None:
    text = "山田氏は「" + "あ" * 10_000 + "」と述べた。"
    (record,) = extractor.extract(text)
    assert len(record.text) == 10_000 and record.speaker is not None


def test_deeply_nested_quotation_is_one_record(extractor: quotes.Extractor) -> None:
    text = "山田氏は" + "「" * 50 + "深い" + "」" * 50 + "と述べた。"
    (record,) = extractor.extract(text)
    assert record.text == "「" * 49 + "深い" + "」" * 49


def test_quotation_spanning_paragraphs(extractor: quotes.Extractor) -> None:
    text = "山田氏は「一段落目。\n\n二段落目」と述べた。"
    (record,) = extractor.extract(text)
    assert record.text == "一段落目。\n\n二段落目" and record.speaker is not None


def test_unclosed_bracket_is_reported_and_later_quotes_kept(
    extractor: quotes.Extractor, caplog: pytest.LogCaptureFixture
) -> None:
    text = "彼は「途中で終わる。川口氏は「反対だ」と語った。"
    analysis = extractor.analyze(text)
    assert [q.text for q in analysis.quotations] == ["反対だ"]
    assert [p.code for p in analysis.problems] == ["W001"]
    assert analysis.problems[0].start == 2
    with caplog.at_level(logging.WARNING, logger="quotes"):
        extractor.extract(text)
    assert "W001" in caplog.text


def test_text_without_sentence_ends_longer_than_sudachi_accepts(extractor: quotes.Extractor) -> None:
    text = "山田氏は「賛成だ」と述べた" + "あ" * 20_000 + "「終わり」"
    analysis = extractor.analyze(text)
    assert [q.text for q in analysis.quotations] == ["賛成だ", "終わり"]
    assert "W004" in [p.code for p in analysis.problems]
    assert_offsets(list(analysis.quotations), text)


def test_long_text_is_split_and_offsets_shift_per_copy(extractor: quotes.Extractor, seed_text: str) -> None:
    one = extractor.extract(seed_text)
    copies = 60
    text = "\n".join([seed_text] * copies)
    assert len(text.encode("utf-8")) > 3 * 49149
    many = extractor.extract(text)
    assert len(many) == copies * len(one)
    step = len(seed_text) + 1
    for k, record in enumerate(many):
        copy, base = divmod(k, len(one))
        expected = one[base]
        assert (record.start, record.end) == (expected.start + copy * step, expected.end + copy * step)
        assert record.kind == expected.kind
        assert (record.speaker and record.speaker.text) == (expected.speaker and expected.speaker.text)
    assert_offsets(many, text)


def test_extract_many_keeps_input_order_and_context(extractor: quotes.Extractor) -> None:
    texts = ["山田氏は「賛成だ」と述べた。", "", "本文のみ。", "川口氏は「反対だ」と語った。"]
    results = list(
        extractor.extract_many(((t, f"d{i}") for i, t in enumerate(texts)), as_tuples=True, batch_size=2)
    )
    assert [ctx for _, ctx in results] == ["d0", "d1", "d2", "d3"]
    assert [len(r) for r, _ in results] == [1, 0, 0, 1]
    assert results[3][0][0].doc == "d3"


def test_extract_many_matches_extract(extractor: quotes.Extractor, seed_text: str) -> None:
    assert next(iter(extractor.extract_many([seed_text]))) == extractor.extract(seed_text)


@pytest.mark.parametrize("kwargs", [{"batch_size": 0}, {"n_process": 0}, {"batch_size": "8"}])
def test_bad_batch_options_are_value_errors(extractor: quotes.Extractor, kwargs: dict) -> None:
    with pytest.raises(InputValueError):
        list(extractor.extract_many(["a"], **kwargs))


def test_module_level_extract_uses_a_cached_extractor() -> None:
    (record,) = quotes.extract("山田氏は「賛成だ」と述べた。", doc_id="x.txt")
    assert record.doc == "x.txt"
    assert quotes._default_extractor() is quotes._default_extractor()


def test_every_span_of_the_seed_slices_back(extractor: quotes.Extractor, seed_text: str) -> None:
    records = extractor.extract(seed_text)
    assert records
    assert_offsets(records, seed_text)


def test_speech_with_no_speaker_in_a_cut_sentence_is_warned(extractor: quotes.Extractor) -> None:
    text = "あ" * 13_000 + "、「続きます」と述べた。"
    analysis = extractor.analyze(text)
    (record,) = analysis.quotations
    assert record.kind == "direct" and record.speaker is None
    assert [p.code for p in analysis.problems] == ["W004", "W006"]
