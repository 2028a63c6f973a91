"""The parser's view of a sentence: masked quotations, dropped asides, exact offsets back."""

from __future__ import annotations

from quotes.text.brackets import pair_brackets
from quotes.text.masking import PLACEHOLDER, build_unit


def unit_of(text: str):
    pairs, _ = pair_brackets(text)
    return build_unit(text, 0, len(text), pairs)


def test_quotation_content_becomes_one_placeholder() -> None:
    unit = unit_of("彼は「長い。長い引用。」と述べた。")
    assert unit.text == f"彼は「{PLACEHOLDER}」と述べた。"
    (slot,) = unit.slots
    assert unit.to_source(slot.masked_start, slot.masked_end) == (3, 11)


def test_reading_aside_is_dropped_but_covered_by_offsets() -> None:
    text = "車斗鉉(チャ・ドゥヒョン)委員は"
    unit = unit_of(text)
    assert unit.text == "車斗鉉委員は"
    start, end = unit.to_source(0, 5)
    assert text[start:end] == "車斗鉉(チャ・ドゥヒョン)委員"


def test_control_characters_read_as_spaces_with_same_offsets() -> None:
    text = "a\x00b\x07c"
    unit = unit_of(text)
    assert unit.text == "a b c"
    assert unit.to_source(2, 3) == (2, 3)


def test_long_parenthetical_is_kept() -> None:
    text = "本文(" + "あ" * 100 + ")続き"
    assert unit_of(text).text == text
