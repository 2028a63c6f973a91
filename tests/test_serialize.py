"""The output formats: the JSON Lines schema has exactly the documented keys."""

from __future__ import annotations

import csv
import io
import json

import pytest

from quotes import serialize
from quotes.records import Affiliation, Cue, Mention, Quotation, Speaker, Via

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


FULL = Quotation(
    doc="a.txt",
    kind="direct",
    start=20,
    end=22,
    text="はい",
    group=1,
    confidence=0.5,
    speaker=Speaker(
        start=14,
        end=17,
        text="同教授",
        name="山田",
        reading="やまだ",
        title="教授",
        honorific=None,
        anonymous=False,
        resolved_from=Mention(start=0, end=4, text="山田教授"),
    ),
    affiliation=Affiliation(
        start=5,
        end=9,
        text="米国務省",
        canonical="U.S. Department of State",
        category="government",
        country="US",
    ),
    cue=Cue(start=24, end=27, text="述べた", lemma="述べる"),
    via=Via(start=10, end=12, text="WP", canonical="The Washington Post"),
)


def leaves(data: dict[str, object], prefix: str = "") -> dict[str, object]:
    """Every value of a nested JSON object by its path (`speaker.resolved_from.start`)."""
    found: dict[str, object] = {}
    for key, value in data.items():
        path = f"{prefix}.{key}" if prefix else key
        found.update(leaves(value, path) if isinstance(value, dict) else {path: value})
    return found


def test_csv_has_a_column_for_every_json_value() -> None:
    (row,) = csv.DictReader(io.StringIO(serialize.to_csv([FULL])))
    json_values = leaves(serialize.to_dict(FULL))
    assert len(row) == len(json_values) == len(serialize.CSV_COLUMNS)
    for path, value in json_values.items():
        column = path.removesuffix(".text").replace(".", "_")
        assert row[column] == ("" if value is None else str(value)), column
    assert row["via_canonical"] == "The Washington Post" and row["affiliation_country"] == "US"
    assert row["speaker_resolved_from"] == "山田教授" and row["speaker_resolved_from_start"] == "0"


def test_csv_leaves_missing_objects_empty() -> None:
    (row,) = csv.DictReader(io.StringIO(serialize.to_csv([Quotation(kind="term", start=0, end=1, text="x")])))
    assert list(row) == list(serialize.CSV_COLUMNS)
    assert row["speaker"] == row["via_canonical"] == row["speaker_resolved_from_start"] == ""


@pytest.mark.parametrize(
    "text,cell",
    [
        ('=HYPERLINK("http://example.invalid","x")', '\'=HYPERLINK("http://example.invalid","x")'),
        ("+1-2", "'+1-2"),
        ("-5%の見通し", "'-5%の見通し"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tタブ", "'\tタブ"),
        ("\r改行", "'\r改行"),
        ("賛成だ", "賛成だ"),
        ("a=b", "a=b"),
        ("'=x", "'=x"),
    ],
)
def test_csv_cells_never_start_a_formula(text: str, cell: str) -> None:
    record = Quotation(kind="term", start=0, end=len(text), text=text)
    (row,) = csv.DictReader(io.StringIO(serialize.to_csv([record]), newline=""))
    assert row["text"] == cell and row["start"] == "0"
    (raw,) = csv.DictReader(io.StringIO(serialize.to_csv([record], defused=False), newline=""))
    assert raw["text"] == text


@pytest.mark.parametrize(
    "text,must_not_hold,must_hold",
    [
        ("<img src=x onerror=alert(1)>", "<img", "&lt;img src=x onerror=alert(1)&gt;"),
        ("<script>alert(1)</script>", "<script>", "&lt;script&gt;"),
        ("a|b", "a|b", "a\\|b"),
        ("**太字** _斜体_ `code`", "**太字**", "\\*\\*太字\\*\\* \\_斜体\\_ \\`code\\`"),
        ("[link](http://example.invalid)", "[link]", "\\[link\\](http://example.invalid)"),
        ("一行目\n# 見出し\n- 項目", "\n#", "一行目 \\# 見出し - 項目"),
        ("A&amp;B", "A&amp;B", "A&amp;amp;B"),
    ],
)
def test_markdown_table_escapes_every_piece_of_source_text(
    text: str, must_not_hold: str, must_hold: str
) -> None:
    record = Quotation(doc=text, kind="term", start=0, end=len(text), text=text)
    table = serialize.to_markdown([record])
    row = table.splitlines()[2]
    assert len(table.splitlines()) == 3  # header, rule, one row: no line break got through
    assert must_not_hold not in row and row.count(must_hold) == 2  # the doc cell and the quotation cell
    assert row.count(" | ") == 7  # eight cells: no pipe got through
