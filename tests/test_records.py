"""Records validate their spans and refuse inconsistent values."""

from __future__ import annotations

import attrs
import pytest

from quotes.records import Cue, Quotation, Span, Speaker, misplaced_spans


def test_span_of_slices_the_source() -> None:
    assert Span.of("abcdef", 1, 4).text == "bcd"


def test_text_must_fit_the_offsets() -> None:
    with pytest.raises(ValueError, match="does not fit"):
        Span(start=0, end=3, text="ab")


def test_end_before_start_is_rejected() -> None:
    with pytest.raises(ValueError, match="must be >="):
        Span(start=3, end=1, text="")


def test_negative_offsets_are_rejected() -> None:
    with pytest.raises(ValueError):
        Span(start=-1, end=0, text="a")


def test_confidence_must_be_a_probability() -> None:
    with pytest.raises(ValueError):
        Quotation(kind="term", start=0, end=1, text="a", confidence=1.5)


def test_unknown_kind_is_rejected() -> None:
    with pytest.raises(ValueError):
        Quotation(kind="rumour", start=0, end=1, text="a")  # type: ignore[arg-type]


def test_records_are_frozen() -> None:
    q = Quotation(kind="term", start=0, end=1, text="a")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        q.start = 2  # type: ignore[misc]


def test_misplaced_spans_names_the_wrong_field() -> None:
    source = "山田氏は「はい」と述べた"
    q = Quotation(
        kind="direct",
        start=5,
        end=7,
        text="はい",
        speaker=Speaker(start=0, end=3, text="山田氏", name="山田"),
        cue=Cue(start=0, end=2, text="山田", lemma="述べる"),
    )
    assert misplaced_spans(q, source) == []
    assert misplaced_spans(q, "x" + source) == ["quote", "speaker", "cue"]
