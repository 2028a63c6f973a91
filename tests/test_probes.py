"""The hand-annotated probe articles (tests/data/probes*): every one is read without an
error, and every span of every record holds the text at its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest

import quotes

PROBES = sorted(Path(__file__).parent.glob("data/probes*/*/*.txt"))


def test_the_probe_sets_are_there() -> None:
    assert len(PROBES) >= 20


@pytest.mark.parametrize("path", PROBES, ids=[f"{p.parent.parent.name}/{p.stem}" for p in PROBES])
def test_a_probe_article_is_read_with_every_offset_holding(extractor: quotes.Extractor, path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    records = extractor.extract(source)
    assert records
    for record in records:
        assert source[record.start : record.end] == record.text
        for span in (record.speaker, record.affiliation, record.cue, record.via):
            if span is not None:
                assert source[span.start : span.end] == span.text
