"""Bracket pairing on raw text: nesting, and malformed input that must not swallow the rest."""

from __future__ import annotations

import pytest

from quotes.text.brackets import pair_brackets


def contents(text: str) -> list[str]:
    pairs, _ = pair_brackets(text)
    return [text[p.content_start : p.content_end] for p in pairs]


def codes(text: str) -> list[str]:
    return [p.code for p in pair_brackets(text)[1]]


def test_top_level_pairs_in_order() -> None:
    assert contents("A「一」B『二』C") == ["一", "二"]


def test_nested_pair_is_part_of_outer_text() -> None:
    assert contents("「外『内』外」") == ["外『内』外"]


def test_same_kind_nesting() -> None:
    assert contents("「a「b」c」") == ["a「b」c"]


def test_unclosed_opener_does_not_swallow_later_pairs() -> None:
    text = "彼は「途中で終わる。後で「完全な引用」と述べた。"
    assert contents(text) == ["完全な引用"]
    assert codes(text) == ["W001"]


def test_stray_closer_is_reported_and_ignored() -> None:
    text = "説明」の後に「本物」が来る。"
    assert contents(text) == ["本物"]
    assert codes(text) == ["W002"]


def test_mismatched_family_closer_closes_and_is_reported() -> None:
    text = "「混ざった』括弧"
    assert contents(text) == ["混ざった"]
    assert codes(text) == ["W003"]


def test_half_width_brackets_pair() -> None:
    assert contents("｢半角｣と") == ["半角"]


def test_unclosed_inner_inside_closed_outer() -> None:
    text = "「外『内 外」"
    assert contents(text) == ["外『内 外"]
    assert "W001" in codes(text)


@pytest.mark.parametrize("text", ["", "括弧なし", "」」」", "「「「"])
def test_degenerate_inputs_give_no_pairs(text: str) -> None:
    assert contents(text) == []


def test_many_unclosed_openers_are_linear_enough() -> None:
    text = "「" * 20000 + "「a」"
    assert contents(text) == ["a"]
