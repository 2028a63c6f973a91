"""The output formats: the JSON Lines schema has exactly the documented keys."""

from __future__ import annotations

import csv
import io
import json

from quotes import serialize
from quotes.records import Affiliation, Cue, Quotation, Speaker, Via

RECORD = Quotation(
    doc="a.txt",
    kind="direct",
    start=5,
    end=7,
    text="はい",
    group=1,
    confidence=0.9,
    speaker=Speaker(start=0, end=3, text="山田氏", name="山田", honorific="氏"),
    affiliation=Affiliation(start=0, end=1, text="山", canonical=None),
    cue=Cue(start=9, end=12, text="述べた", lemma="述べる"),
    via=Via(start=0, end=1, text="山"),
)


def test_jsonl_has_exactly_the_documented_keys() -> None:
    (line,) = serialize.to_jsonl([RECORD]).splitlines()
    obj = json.loads(line)
    assert list(obj) == [
        "doc",
        "kind",
        "text",
        "start",
        "end",
        "group",
        "confidence",
        "speaker",
        "affiliation",
        "cue",
        "via",
        "rule",
    ]
    assert list(obj["speaker"]) == [
        "text",
        "start",
        "end",
        "name",
        "reading",
        "title",
        "honorific",
        "anonymous",
        "resolved_from",
    ]
    assert list(obj["affiliation"]) == ["text", "start", "end", "canonical", "category", "country"]
    assert list(obj["cue"]) == ["text", "start", "end", "lemma"]
    assert list(obj["via"]) == ["text", "start", "end", "canonical"]


def test_jsonl_keeps_japanese_readable() -> None:
    assert "山田" in serialize.to_jsonl([RECORD])


def test_data_round_trip() -> None:
    assert serialize.from_data(serialize.to_data(RECORD)) == RECORD


def test_csv_has_header_and_flat_columns() -> None:
    rows = list(csv.DictReader(io.StringIO(serialize.to_csv([RECORD]))))
    assert rows[0]["speaker_name"] == "山田" and rows[0]["cue_lemma"] == "述べる"


def test_markdown_escapes_pipes() -> None:
    record = Quotation(kind="term", start=0, end=3, text="a|b")
    assert "a\\|b" in serialize.to_markdown([record])


def test_json_is_an_array() -> None:
    assert json.loads(serialize.to_json([RECORD, RECORD]))[1]["kind"] == "direct"
