"""Records to plain data and to the output formats (JSON Lines, JSON, CSV, Markdown).

The JSON schema lives here and only here (docs/schema.md describes it).
"""

from __future__ import annotations

import csv
import io
import json
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


def to_jsonl(records: Iterable[Quotation]) -> str:
    return "".join(json.dumps(to_dict(q), ensure_ascii=False) + "\n" for q in records)


def to_json(records: Iterable[Quotation]) -> str:
    return json.dumps([to_dict(q) for q in records], ensure_ascii=False, indent=2) + "\n"


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
    "affiliation",
    "affiliation_start",
    "affiliation_end",
    "affiliation_canonical",
    "cue",
    "cue_start",
    "cue_end",
    "cue_lemma",
    "via",
    "via_start",
    "via_end",
)


def _flat(q: Quotation) -> dict[str, Any]:
    d = to_dict(q)
    row = {k: d[k] for k in ("doc", "kind", "text", "start", "end", "group", "confidence")}
    for field in ("speaker", "affiliation", "cue", "via"):
        sub = d[field] or {}
        row[field] = sub.get("text")
        for key, value in sub.items():
            if key != "text":
                row[f"{field}_{key}"] = value
    return row


def to_csv(records: Iterable[Quotation], *, header: bool = True) -> str:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    if header:
        writer.writeheader()
    for q in records:
        writer.writerow(_flat(q))
    return buf.getvalue()


def _md(value: Any) -> str:
    if value is None:
        return ""
    return str(value).replace("|", "\\|").replace("\n", " ")


def to_markdown(records: Iterable[Quotation], *, header: bool = True) -> str:
    lines = []
    if header:
        lines.append("| doc | kind | quotation | speaker | affiliation | cue | via | offsets |")
        lines.append("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for q in records:
        who = q.speaker.name or q.speaker.text if q.speaker else None
        lines.append(
            "| "
            + " | ".join(
                _md(v)
                for v in (
                    q.doc,
                    q.kind,
                    q.text,
                    who,
                    q.affiliation.text if q.affiliation else None,
                    q.cue.text if q.cue else None,
                    q.via.text if q.via else None,
                    f"{q.start}-{q.end}",
                )
            )
            + " |"
        )
    return "\n".join(lines) + ("\n" if lines else "")


__all__ = ["FORMATS", "Mention", "to_csv", "to_dict", "to_json", "to_jsonl", "to_markdown"]
