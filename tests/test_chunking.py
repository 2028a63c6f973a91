"""Sentence cutting: never inside a quotation, always under the byte limit."""

from __future__ import annotations

from quotes.text.brackets import pair_brackets
from quotes.text.sentences import SUDACHI_MAX_BYTES, cut_to_limit, sentence_ranges


def sentences(text: str) -> list[str]:
    pairs, _ = pair_brackets(text)
    return [text[a:b] for a, b in sentence_ranges(text, pairs)]


def test_cut_at_sentence_ends_and_line_breaks() -> None:
    assert sentences("一つ目。二つ目！\n三つ目") == ["一つ目。", "二つ目！", "三つ目"]


def test_never_cut_inside_a_quotation() -> None:
    assert sentences("彼は「一文目。二文目。」と述べた。次。") == [
        "彼は「一文目。二文目。」と述べた。",
        "次。",
    ]


def test_whitespace_only_stretches_are_dropped() -> None:
    assert sentences("  \n\n 本文。 \r\n") == ["本文。"]


def test_cut_to_limit_respects_bytes_and_prefers_commas() -> None:
    text = "あ" * 10 + "、" + "い" * 10
    pieces = cut_to_limit(text, max_bytes=45)
    assert all(len(text[a:b].encode()) <= 45 for a, b in pieces)
    assert text[pieces[0][0] : pieces[0][1]].endswith("、")
    assert "".join(text[a:b] for a, b in pieces) == text


def test_cut_to_limit_keeps_ranges_whole() -> None:
    text = "あ" * 20
    pieces = cut_to_limit(text, max_bytes=30, keep_whole=[(8, 12)])
    assert all(not (8 < a < 12) for a, _ in pieces)
    assert "".join(text[a:b] for a, b in pieces) == text


def test_default_limit_is_under_sudachi() -> None:
    from quotes.text.sentences import DEFAULT_MAX_UNIT_BYTES

    assert DEFAULT_MAX_UNIT_BYTES < SUDACHI_MAX_BYTES
