"""Search hits and check findings as a terminal table, JSON Lines, CSV, or (findings) an HTML page.

JSON Lines of hits are the records of `quotes extract` (`quotes.serialize.to_dict`)
with four keys added: `record_id`, `date`, `person` (the index's person id) and
`organisation` (the index's name for it). The HTML page of findings is written by
the template `quotes/templates/check.html`, self-contained and escaped like the
attribution report.
"""

from __future__ import annotations

import csv
import functools
import io
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import jinja2
from rapidfuzz.distance import Levenshtein

from quotes.archive.check import Finding, Occurrence
from quotes.archive.search import Hit
from quotes.serialize import dumps, to_dict

FORMATS = ("table", "jsonl", "csv")
#: the kinds of finding, in the order they are shown
KINDS = ("different-speakers", "changed-wording")
#: the widest a quotation is shown in a table, in terminal columns
TEXT_WIDTH = 50


def width(text: str) -> int:
    """Terminal columns of `text` (wide and full-width characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` columns, with … where it was cut."""
    text = text.replace("\n", " ")
    if width(text) <= limit:
        return text
    out, used = [], 1
    for c in text:
        used += width(c)
        if used > limit:
            break
        out.append(c)
    return "".join(out) + "…"


def table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """Rows as aligned columns, separated by two spaces."""
    cells = [[("" if v is None else str(v)) for v in row] for row in [header, *rows]]
    widths = [max(width(row[k]) for row in cells) for k in range(len(header))]
    lines = ["  ".join(v + " " * (w - width(v)) for v, w in zip(row, widths, strict=True)) for row in cells]
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _who(hit: Hit) -> str | None:
    sp = hit.quotation.speaker
    return None if sp is None else sp.name or sp.text


def hits_table(hits: Sequence[Hit]) -> str:
    """Hits as a table for the terminal, one line each."""
    rows = [
        (
            h.doc,
            h.date,
            h.quotation.kind,
            f"{h.quotation.start}-{h.quotation.end}",
            _who(h),
            h.organisation,
            clip(h.quotation.text, TEXT_WIDTH),
        )
        for h in hits
    ]
    footer = f"{len(hits)} record{'s' if len(hits) != 1 else ''}\n"
    return table(("doc", "date", "kind", "offsets", "speaker", "organisation", "text"), rows) + footer


def hit_dict(hit: Hit) -> dict[str, Any]:
    """A hit as the record's JSON object and the index's four keys."""
    data = to_dict(hit.quotation)
    data.update(record_id=hit.id, date=hit.date, person=hit.person, organisation=hit.organisation)
    return data


def flat(data: dict[str, Any]) -> dict[str, Any]:
    """A nested JSON object as one row: `speaker.name` becomes `speaker_name`."""
    row: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            row.update({f"{key}_{k}": v for k, v in flat(value).items()})
        else:
            row[key] = value
    return row


def to_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """Rows under the given columns (missing values empty)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


HIT_COLUMNS = (
    *("record_id", "doc", "date", "kind", "text", "start", "end", "person", "organisation"),
    *("speaker_text", "speaker_name", "speaker_reading", "speaker_title", "speaker_anonymous"),
    *("affiliation_text", "affiliation_canonical", "cue_text", "cue_lemma", "via_text", "via_canonical"),
)


def hits_as(fmt: str, hits: Sequence[Hit]) -> str:
    """Hits in one of `FORMATS`."""
    if fmt == "jsonl":
        return "".join(dumps(hit_dict(h)) + "\n" for h in hits)
    if fmt == "csv":
        return to_csv([flat(hit_dict(h)) for h in hits], HIT_COLUMNS)
    return hits_table(hits)


# -- findings -------------------------------------------------------------------


def _place(o: Occurrence) -> str:
    return f"{o.doc} {o.start}-{o.end}" + (f" ({o.date})" if o.date else "")


def _side(o: Sequence[Occurrence]) -> str:
    first = o[0]
    who = first.name + (f" · {first.organisation}" if first.organisation else "")
    return f"{who}: 「{first.text}」 in " + ", ".join(_place(x) for x in o)


def findings_text(findings: Sequence[Finding]) -> str:
    """Findings as blocks of text for the terminal."""
    blocks = [
        f"{n}. {f.kind} (similarity {f.similarity:g})\n   A {_side(f.left)}\n   B {_side(f.right)}\n"
        for n, f in enumerate(findings, start=1)
    ]
    return "\n".join(blocks) + f"{len(findings)} finding{'s' if len(findings) != 1 else ''}\n"


def finding_dict(finding: Finding) -> dict[str, Any]:
    """A finding as one JSON object with both sides' records."""
    return {
        "kind": finding.kind,
        "similarity": finding.similarity,
        "left": [attrs.asdict(o) for o in finding.left],
        "right": [attrs.asdict(o) for o in finding.right],
    }


FINDING_COLUMNS = (
    *("finding", "kind", "similarity", "side", "record", "doc", "date", "start", "end"),
    *("speaker", "person", "name", "organisation", "text"),
)


def findings_as(fmt: str, findings: Sequence[Finding]) -> str:
    """Findings in one of `FORMATS`, or `html`; CSV has one row per record of a finding."""
    if fmt == "jsonl":
        return "".join(dumps(finding_dict(f)) + "\n" for f in findings)
    if fmt == "csv":
        rows = [
            {"finding": n, "kind": f.kind, "similarity": f.similarity, "side": side, **attrs.asdict(o)}
            for n, f in enumerate(findings, start=1)
            for side, group in (("A", f.left), ("B", f.right))
            for o in group
        ]
        return to_csv(rows, FINDING_COLUMNS)
    if fmt == "html":
        return findings_html(findings)
    return findings_text(findings)


@attrs.frozen
class Change:
    """A stretch of two texts compared: the same in both, or what A has and B has instead."""

    kind: str  # equal, replace, delete, insert
    a: str
    b: str


def changes(a: str, b: str) -> list[Change]:
    """How text `a` becomes text `b`, by Levenshtein edit operations."""
    return [
        Change(op.tag, a[op.src_start : op.src_end], b[op.dest_start : op.dest_end])
        for op in Levenshtein.opcodes(a, b)
    ]


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("quotes", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def findings_html(findings: Sequence[Finding], *, title: str = "Quotations across the archive") -> str:
    """A self-contained HTML page of findings, the changed words marked."""
    template = _environment().get_template("check.html")
    return template.render(
        title=title,
        findings=findings,
        changes=[changes(f.left[0].text, f.right[0].text) for f in findings],
        counts={k: sum(1 for f in findings if f.kind == k) for k in KINDS},
    )


__all__ = ["FORMATS", "findings_as", "findings_html", "hit_dict", "hits_as"]
