"""Records to plain data and to the output formats (JSON Lines, JSON, CSV, Markdown).

The JSON schema lives here and only here (docs/schema.md describes it).
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable
from typing import Any

import attrs

from quotes.records import Affiliation, Cue, Mention, Problem, Quotation, Speaker, Via

FORMATS = ("jsonl", "json", "csv", "markdown")


def speaker_dict(s: Speaker | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "text": s.text,
        "start": s.start,
        "end": s.end,
        "name": s.name,
        "reading": s.reading,
        "title": s.title,
        "honorific": s.honorific,
        "anonymous": s.anonymous,
        "resolved_from": None
        if s.resolved_from is None
        else {"text": s.resolved_from.text, "start": s.resolved_from.start, "end": s.resolved_from.end},
    }


def affiliation_dict(a: Affiliation | None) -> dict[str, Any] | None:
    if a is None:
        return None
    return {
        "text": a.text,
        "start": a.start,
        "end": a.end,
        "canonical": a.canonical,
        "category": a.category,
        "country": a.country,
    }


def cue_dict(c: Cue | None) -> dict[str, Any] | None:
    if c is None:
        return None
    return {"text": c.text, "start": c.start, "end": c.end, "lemma": c.lemma}


def via_dict(v: Via | None) -> dict[str, Any] | None:
    if v is None:
        return None
    return {"text": v.text, "start": v.start, "end": v.end, "canonical": v.canonical}


def to_dict(q: Quotation) -> dict[str, Any]:
    """One record as the JSON object of the documented schema (exactly these keys)."""
    return {
        "doc": q.doc,
        "kind": q.kind,
        "text": q.text,
        "start": q.start,
        "end": q.end,
        "group": q.group,
        "confidence": round(q.confidence, 3),
        "speaker": speaker_dict(q.speaker),
        "affiliation": affiliation_dict(q.affiliation),
        "cue": cue_dict(q.cue),
        "via": via_dict(q.via),
        "rule": q.rule,
    }


def to_data(q: Quotation) -> dict[str, Any]:
    """Every field of a record as plain data (for `Doc` extensions and round trips)."""
    return attrs.asdict(q, recurse=True)


def from_data(data: dict[str, Any]) -> Quotation:
    """The record `to_data` was made from."""
    fields = dict(data)
    speaker = fields.get("speaker")
    if speaker is not None:
        speaker = dict(speaker)
        if speaker.get("resolved_from") is not None:
            speaker["resolved_from"] = Mention(**speaker["resolved_from"])
        fields["speaker"] = Speaker(**speaker)
    for key, cls in (("affiliation", Affiliation), ("cue", Cue), ("via", Via)):
        if fields.get(key) is not None:
            fields[key] = cls(**fields[key])
    return Quotation(**fields)


def problem_dict(p: Problem) -> dict[str, Any]:
    return {"doc": p.doc, "code": p.code, "message": p.message, "start": p.start, "end": p.end}


#: a lone surrogate (a str may hold one; UTF-8 cannot)
_SURROGATE = re.compile("[\ud800-\udfff]")


def dumps(value: Any, **options: Any) -> str:
    """JSON text with Japanese as written and a lone surrogate escaped (\\ud800): the
    record's text keeps its offsets, and the output is always valid UTF-8."""
    text = json.dumps(value, ensure_ascii=False, **options)
    return _SURROGATE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def to_jsonl(records: Iterable[Quotation]) -> str:
    return "".join(dumps(to_dict(q)) + "\n" for q in records)


def to_json(records: Iterable[Quotation]) -> str:
    return dumps([to_dict(q) for q in records], indent=2) + "\n"


#: one column per value of the JSON object (`to_dict`), nested keys joined by `_`;
#: a nested object's `text` is the column of the object's name (`speaker`, `via`)
CSV_COLUMNS = (
    "doc",
    "kind",
    "text",
    "start",
    "end",
    "group",
    "confidence",
    "speaker",
    "speaker_start",
    "speaker_end",
    "speaker_name",
    "speaker_reading",
    "speaker_title",
    "speaker_honorific",
    "speaker_anonymous",
    "speaker_resolved_from",
    "speaker_resolved_from_start",
    "speaker_resolved_from_end",
    "affiliation",
    "affiliation_start",
    "affiliation_end",
    "affiliation_canonical",
    "affiliation_category",
    "affiliation_country",
    "cue",
    "cue_start",
    "cue_end",
    "cue_lemma",
    "via",
    "via_start",
    "via_end",
    "via_canonical",
    "rule",
)
#: first characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def flatten(data: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """A nested JSON object as one flat row: `{"speaker": {"name": ...}}` -> `speaker_name`."""
    row: dict[str, Any] = {}
    for key, value in data.items():
        name = prefix if key == "text" and prefix else f"{prefix}_{key}" if prefix else key
        if isinstance(value, dict):
            row.update(flatten(value, name))
        else:
            row[name] = value
    return row


def defuse(value: Any) -> Any:
    """A cell a spreadsheet shows as text: a leading `= + - @`, tab or CR gets a `'` before it.

    The OWASP rule for CSV injection: `=HYPERLINK(...)` in a quotation must not become a
    live formula in Excel or LibreOffice. Numbers are left alone.
    """
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def to_csv(records: Iterable[Quotation], *, header: bool = True, defused: bool = True) -> str:
    """Records as CSV rows of `CSV_COLUMNS` (every field of the JSON object).

    Rows end in CRLF (RFC 4180). With `defused` (the default), text cells that a
    spreadsheet would run as a formula start with a `'` (see `defuse`); JSON keeps
    the text exactly.
    """
    buf = io.StringIO()
    # RFC 4180's CRLF: with it, the csv module also quotes a field holding a lone \r
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    if header:
        writer.writeheader()
    for q in records:
        row = flatten(to_dict(q))
        writer.writerow({k: defuse(v) for k, v in row.items()} if defused else row)
    return buf.getvalue()


#: ASCII characters Markdown reads as syntax in a line (`#` closes a heading); < > & as entities: no HTML
_MD_INLINE = str.maketrans(
    {
        "\\": "\\\\",
        "`": "\\`",
        "*": "\\*",
        "_": "\\_",
        "[": "\\[",
        "]": "\\]",
        "|": "\\|",
        "~": "\\~",
        "#": "\\#",
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
    }
)
#: characters that start a block (heading, list, rule) at the beginning of a line
_MD_LINE_START = "#+-=0123456789"


def md_escape(value: Any, *, line_start: bool = False) -> str:
    """`value` as Markdown text that renders as itself (no emphasis, links or HTML).

    With `line_start`, a leading character that would open a heading, a list or a
    rule is escaped as well.
    """
    if value is None:
        return ""
    s = str(value).translate(_MD_INLINE)
    if line_start:
        s = s.lstrip(" \t")
        if s[:1] in _MD_LINE_START:
            s = "\\" + s if not s[:1].isdigit() else _escape_ordered(s)
    return s


def _escape_ordered(s: str) -> str:
    """`1. text` and `1) text` read as list items; escape the stop after the digits."""
    digits = len(s) - len(s.lstrip("0123456789"))
    if s[digits : digits + 1] in (".", ")"):
        return s[:digits] + "\\" + s[digits:]
    return s


def md_line(value: Any) -> str:
    """`value` escaped as one line of Markdown (a table cell, a heading): line breaks become spaces."""
    return " ".join(md_escape(value).splitlines())


def to_markdown(records: Iterable[Quotation], *, header: bool = True) -> str:
    """Records as the rows of a Markdown table; every piece of text is escaped (`md_line`)."""
    lines = []
    if header:
        lines.append("| doc | kind | quotation | speaker | affiliation | cue | via | offsets |")
        lines.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for q in records:
        who = q.speaker.name or q.speaker.text if q.speaker else None
        cells = (
            q.doc,
            q.kind,
            q.text,
            who,
            q.affiliation.text if q.affiliation else None,
            q.cue.text if q.cue else None,
            q.via.text if q.via else None,
            f"{q.start}-{q.end}",
        )
        lines.append("| " + " | ".join(md_line(v) for v in cells) + " |")
    return "\n".join(lines) + ("\n" if lines else "")


__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "Mention",
    "defuse",
    "flatten",
    "md_escape",
    "md_line",
    "to_csv",
    "to_dict",
    "to_json",
    "to_jsonl",
    "to_markdown",
]
