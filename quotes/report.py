"""Attribution reports: every quotation marked in its text, then who said what.

`render_html` writes one self-contained page (inline CSS, no scripts, no fetches,
readable on a phone and printable); `render_markdown` writes the same content as
Markdown. Both show, for each document, the text with each quotation highlighted
and labelled with its speaker and affiliation, then a table of speakers (merged
across documents by name; anonymous sources kept apart, per document, and flagged)
and a table of organisations. The HTML template escapes everything it prints, so
source text cannot inject markup; Markdown escapes the characters Markdown reads.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from typing import Any, Literal

import attrs
import jinja2

from quotes.errors import InputValueError
from quotes.records import Problem, Quotation, Speaker, misplaced_spans
from quotes.serialize import md_escape, md_line

#: closing brackets after which a Markdown label is placed (after 」, not inside it)
_CLOSERS = "」』"
#: kinds whose records say something and therefore carry a speaker label
_SPEECH = ("direct", "indirect")
#: the name shown for a document without one (records from `quotes.extract(text)`)
UNNAMED = "text"
#: records below this confidence are marked "check by hand" (docs/confidence.md)
CHECK_BELOW = 0.8

_UNKNOWN_DOC = (
    "A record's doc is {doc!r} but no text was given for it (texts has {known}). "
    "Pass texts={{doc name: source text}} for every document the records come from."
)
_MISPLACED = (
    "The record at {start}-{end} of {doc!r} does not fit the text given for it ({fields} do not slice "
    "back to their text). Pass the same text the records were extracted from."
)


@attrs.frozen(kw_only=True)
class Mark:
    """A quotation placed in its document: its record, anchor and label."""

    record: Quotation
    anchor: str
    label: str
    speaker_key: tuple[Any, ...] | None
    speaker_anchor: str | None
    start: int
    end: int
    check_below: float = CHECK_BELOW

    @property
    def kind(self) -> str:
        return self.record.kind

    @property
    def anonymous(self) -> bool:
        return bool(self.record.speaker and self.record.speaker.anonymous)

    @property
    def low_confidence(self) -> bool:
        """Whether the record is below the report's threshold: "check by hand"."""
        return self.record.confidence < self.check_below

    @property
    def title(self) -> str:
        """A one-line summary for the element's tooltip."""
        q = self.record
        parts: list[str] = [q.kind]
        if q.speaker is not None:
            parts.append(q.speaker.text)
        if q.affiliation is not None:
            parts.append(q.affiliation.text)
        if q.cue is not None:
            parts.append(q.cue.text)
        if q.via is not None:
            parts.append(f"via {q.via.text}")
        parts.append(f"confidence {q.confidence:.2f}")
        return " · ".join(parts)


@attrs.frozen
class Piece:
    """A step of a highlighted text: plain `text`, or the opening or closing of a mark."""

    kind: Literal["text", "open", "close"]
    text: str = ""
    mark: Mark | None = None


@attrs.frozen(kw_only=True)
class Document:
    """One document of the report: its highlighted text and what was found in it."""

    name: str
    anchor: str
    text: str
    pieces: tuple[Piece, ...]
    marks: tuple[Mark, ...]
    problems: tuple[Problem, ...]

    def count(self, kind: str) -> int:
        return sum(1 for m in self.marks if m.kind == kind)

    @property
    def unattributed(self) -> int:
        return sum(1 for m in self.marks if m.kind in _SPEECH and m.record.speaker is None)

    @property
    def summary(self) -> str:
        """`12 quotations: 7 direct, 0 indirect, 5 term`, and how many lack a speaker."""
        line = (
            f"{_plural(len(self.marks), 'quotation')}: {self.count('direct')} direct, "
            f"{self.count('indirect')} indirect, {self.count('term')} term"
        )
        return line + (f", {self.unattributed} without a speaker" if self.unattributed else "")


@attrs.frozen(kw_only=True)
class Said:
    """One quotation in a speaker's row: the record, where it is, and its document."""

    mark: Mark
    doc: str

    @property
    def record(self) -> Quotation:
        return self.mark.record


@attrs.frozen(kw_only=True)
class SpeakerRow:
    """A speaker of the report: the same person across documents, or one anonymous source."""

    anchor: str
    name: str
    anonymous: bool
    readings: tuple[str, ...]
    titles: tuple[str, ...]
    affiliations: tuple[str, ...]
    canonical: tuple[str, ...]  # canonical names of the affiliations
    docs: tuple[str, ...]
    said: tuple[Said, ...]


@attrs.frozen(kw_only=True)
class OrganisationRow:
    """An organisation speakers belong to, merged by canonical name where known."""

    name: str
    variants: tuple[str, ...]
    canonical: str | None
    category: str | None
    country: str | None
    speakers: tuple[str, ...]
    quotations: int
    docs: tuple[str, ...]


@attrs.frozen(kw_only=True)
class Report:
    """Everything the templates show."""

    title: str
    documents: tuple[Document, ...]
    speakers: tuple[SpeakerRow, ...]
    organisations: tuple[OrganisationRow, ...]
    check_below: float = CHECK_BELOW

    @property
    def named(self) -> tuple[SpeakerRow, ...]:
        return tuple(s for s in self.speakers if not s.anonymous)

    @property
    def anonymous(self) -> tuple[SpeakerRow, ...]:
        return tuple(s for s in self.speakers if s.anonymous)

    def count(self, kind: str) -> int:
        return sum(d.count(kind) for d in self.documents)

    @property
    def summary(self) -> str:
        """`1 document · 7 direct, 0 indirect, 5 term · 4 named speakers, 1 anonymous source`."""
        return (
            f"{_plural(len(self.documents), 'document')} · {self.count('direct')} direct, "
            f"{self.count('indirect')} indirect, {self.count('term')} term · "
            f"{_plural(len(self.named), 'named speaker')}, {_plural(len(self.anonymous), 'anonymous source')}"
        )


def _plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


# -- building the report -----------------------------------------------------


def build(
    records: Iterable[Quotation],
    texts: Mapping[str | None, str],
    *,
    problems: Iterable[Problem] = (),
    title: str = "Who said what",
    check_below: float = CHECK_BELOW,
) -> Report:
    """The report's content: documents in the order of `texts`, speakers, organisations;
    records of confidence below `check_below` are marked "check by hand".

    Raises:
        InputValueError: a record's doc has no text, or its offsets do not fit it.
    """
    by_doc = _by_doc(records, texts)
    issues: dict[str | None, list[Problem]] = {}
    for p in problems:
        issues.setdefault(p.doc, []).append(p)
    # who each record's speaker is, and one anchor per speaker, in order of appearance
    keys = {doc: [_speaker_key(q, doc) for q in qs] for doc, qs in by_doc.items()}
    anchors: dict[tuple[Any, ...], str] = {}
    for key in (k for ks in keys.values() for k in ks if k is not None):
        anchors.setdefault(key, f"speaker-{len(anchors) + 1}")

    documents = []
    for i, (doc, qs) in enumerate(by_doc.items(), start=1):
        marks = [
            Mark(
                record=q,
                anchor=f"doc-{i}-q-{j}",
                label=_label(q),
                speaker_key=key,
                speaker_anchor=anchors[key] if key is not None else None,
                start=q.start,
                end=q.end,
                check_below=check_below,
            )
            for j, (q, key) in enumerate(zip(qs, keys[doc], strict=True), start=1)
        ]
        pieces, placed = _pieces(texts[doc], marks)
        documents.append(
            Document(
                name=doc if doc is not None else UNNAMED,
                anchor=f"doc-{i}",
                text=texts[doc],
                pieces=tuple(pieces),
                marks=tuple(placed),
                problems=tuple(issues.get(doc, ())),
            )
        )
    return Report(
        title=title,
        documents=tuple(documents),
        speakers=_speakers(documents, anchors),
        organisations=_organisations(documents),
        check_below=check_below,
    )


def _by_doc(
    records: Iterable[Quotation], texts: Mapping[str | None, str]
) -> dict[str | None, list[Quotation]]:
    """Records by document, in text order (outer before inner); each checked against its text."""
    by_doc: dict[str | None, list[Quotation]] = {doc: [] for doc in texts}
    for q in records:
        if q.doc not in by_doc:
            raise InputValueError(_UNKNOWN_DOC.format(doc=q.doc, known=_names(texts)))
        wrong = misplaced_spans(q, texts[q.doc])
        if wrong:
            raise InputValueError(
                _MISPLACED.format(start=q.start, end=q.end, doc=q.doc, fields=", ".join(wrong))
            )
        by_doc[q.doc].append(q)
    for qs in by_doc.values():
        qs.sort(key=lambda q: (q.start, -q.end))
    return by_doc


def _names(texts: Mapping[str | None, str]) -> str:
    names = [repr(n) for n in list(texts)[:5]]
    return ", ".join(names) + (", ..." if len(texts) > 5 else "") if names else "no documents"


def display_name(speaker: Speaker) -> str:
    """How a speaker is called in the report: the canonical name, the name, or the mention."""
    return speaker.name or speaker.text


def _speaker_key(q: Quotation, doc: str | None) -> tuple[Any, ...] | None:
    """Who a record's speaker is, for merging rows; None without a speaker.

    A name identifies a person across documents. A mention without a name (同氏, an
    anonymous 当局者) identifies nobody beyond its document: two documents' 当局者
    are not known to be one person, so they stay apart, keyed by their affiliation.
    """
    sp = q.speaker
    if sp is None:
        return None
    if not sp.anonymous and sp.name:
        return ("named", display_name(sp))
    affiliation = q.affiliation.text if q.affiliation is not None else None
    return ("anonymous" if sp.anonymous else "unnamed", doc, affiliation, sp.text)


def _label(q: Quotation) -> str:
    """The small label beside a highlighted quotation: speaker · affiliation."""
    if q.speaker is None:
        return "speaker unknown" if q.kind in _SPEECH else ""
    who = display_name(q.speaker)
    if q.affiliation is not None and q.affiliation.text not in who:
        return f"{who} · {q.affiliation.text}"
    return who


def _pieces(text: str, marks: list[Mark]) -> tuple[list[Piece], list[Mark]]:
    """The text cut into plain runs and well-nested mark openings and closings.

    Marks arrive sorted by start, longest first, so a quotation inside reported
    speech nests in it. A mark that crosses the end of the one it starts in (which
    the library does not produce) is cut short there, so every record still gets
    exactly one element.
    """
    pieces: list[Piece] = []
    placed: list[Mark] = []
    stack: list[Mark] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            if top.end > pos:
                pieces.append(Piece("text", text[pos : top.end]))
                pos = top.end
            pieces.append(Piece("close", mark=top))

    for mark in marks:
        close_until(mark.start)
        if stack and mark.end > stack[-1].end:
            mark = attrs.evolve(mark, end=stack[-1].end)
        if mark.start > pos:
            pieces.append(Piece("text", text[pos : mark.start]))
            pos = mark.start
        pieces.append(Piece("open", mark=mark))
        stack.append(mark)
        placed.append(mark)
    close_until(len(text))
    if pos < len(text):
        pieces.append(Piece("text", text[pos:]))
    return pieces, placed


def _distinct(values: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v))


def _speakers(documents: list[Document], anchors: dict[tuple[Any, ...], str]) -> tuple[SpeakerRow, ...]:
    said: dict[tuple[Any, ...], list[Said]] = {key: [] for key in anchors}
    for d in documents:
        for m in d.marks:
            if m.speaker_key is not None:
                said[m.speaker_key].append(Said(mark=m, doc=d.name))
    rows = []
    for key, items in said.items():
        records = [s.record for s in items]
        speakers = [q.speaker for q in records if q.speaker is not None]
        affiliations = [q.affiliation for q in records if q.affiliation is not None]
        rows.append(
            SpeakerRow(
                anchor=anchors[key],
                name=display_name(speakers[0]),
                anonymous=key[0] == "anonymous",
                readings=_distinct(s.reading for s in speakers),
                titles=_distinct(s.title for s in speakers),
                affiliations=_distinct(a.text for a in affiliations),
                canonical=_distinct(a.canonical for a in affiliations),
                docs=_distinct(s.doc for s in items),
                said=tuple(items),
            )
        )
    # named speakers first, then anonymous sources together; each group by first appearance
    return tuple(sorted(rows, key=lambda r: r.anonymous))


def _organisations(documents: list[Document]) -> tuple[OrganisationRow, ...]:
    groups: dict[str, list[tuple[Quotation, str]]] = {}
    for d in documents:
        for m in d.marks:
            a = m.record.affiliation
            if a is not None:
                groups.setdefault(a.canonical or a.text, []).append((m.record, d.name))
    rows = []
    for key, items in groups.items():
        affiliations = [q.affiliation for q, _ in items if q.affiliation is not None]
        first = affiliations[0]
        rows.append(
            OrganisationRow(
                name=first.text if first.canonical is None else key,
                variants=_distinct(a.text for a in affiliations),
                canonical=first.canonical,
                category=getattr(first, "category", None),
                country=getattr(first, "country", None),
                speakers=_distinct(display_name(q.speaker) for q, _ in items if q.speaker is not None),
                quotations=len(items),
                docs=_distinct(doc for _, doc in items),
            )
        )
    return tuple(rows)


# -- rendering ----------------------------------------------------------------


class MarkdownText(str):
    """Markdown that is already escaped; the Markdown template prints it as it is."""


def md_cell(value: Any) -> MarkdownText:
    """`value` escaped as one line of Markdown (a table cell, a heading, a list item)."""
    return MarkdownText(md_line(value))


def markdown_text(document: Document) -> MarkdownText:
    """A document's text as Markdown paragraphs, speech in bold, terms in italics.

    Each quotation's label (〔speaker · affiliation〕) follows its closing bracket.
    A line break in the text starts a new paragraph; emphasis open across it is
    closed before and reopened after, as Markdown emphasis cannot span paragraphs.
    """
    out: list[str] = []
    open_markers: list[str] = []  # emphasis currently open, outermost first
    owned: dict[str, str] = {}  # mark anchor -> the marker it opened
    pending = ""  # a label waiting for the closing bracket after its quotation
    at_line_start = True

    def flush() -> None:
        nonlocal pending
        if pending:
            out.append(pending)
            pending = ""

    for piece in document.pieces:
        if piece.kind == "text":
            text = piece.text
            if pending and text[:1] in _CLOSERS:
                out.append(md_escape(text[0]))
                text = text[1:]
                at_line_start = False
            flush()
            lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
            for n, line in enumerate(lines):
                if n:
                    out.extend(reversed(open_markers))
                    out.append("\n\n")
                    out.extend(open_markers)
                    at_line_start = True
                if line:
                    out.append(md_escape(line, line_start=at_line_start))
                    at_line_start = False
            continue
        flush()
        mark = piece.mark
        assert mark is not None
        speech = mark.kind != "term"
        marker = "**" if speech else "*"
        if piece.kind == "open":
            if marker not in open_markers and mark.end > mark.start:  # 「」 gets no empty emphasis
                open_markers.append(marker)
                owned[mark.anchor] = marker
                out.append(marker)
            continue
        if owned.pop(mark.anchor, None) is not None:
            open_markers.remove(marker)
            out.append(marker)
        if mark.label:
            pending = f"〔{md_line(mark.label)}〕"
    flush()
    return MarkdownText("".join(out).strip())


def _finalize_html(value: Any) -> Any:
    return "" if value is None else value


def _finalize_markdown(value: Any) -> str:
    """Escape whatever the Markdown template prints unless it is `MarkdownText` already.

    Every value becomes one line: a line break in a file name or a title must not
    start a heading or a list of its own.
    """
    if isinstance(value, MarkdownText):
        return value
    return md_line(value)


@functools.cache
def _environment(kind: str) -> jinja2.Environment:
    loader = jinja2.PackageLoader("quotes", "templates")
    if kind == "html":
        env = jinja2.Environment(
            loader=loader,
            autoescape=True,
            finalize=_finalize_html,
            trim_blocks=True,
            lstrip_blocks=True,
            undefined=jinja2.StrictUndefined,
        )
    else:
        env = jinja2.Environment(
            loader=loader,
            autoescape=False,
            finalize=_finalize_markdown,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            undefined=jinja2.StrictUndefined,
        )
        env.filters["cell"] = md_cell
        env.filters["markdown_text"] = markdown_text
    env.filters["join_or"] = _join_or
    return env


def _join_or(values: Iterable[str], sep: str = " / ", empty: str = "") -> str:
    items = [v for v in values if v]
    return sep.join(items) if items else empty


def render_html(
    records: Iterable[Quotation],
    texts: Mapping[str | None, str],
    *,
    problems: Iterable[Problem] = (),
    title: str = "Who said what",
    check_below: float = CHECK_BELOW,
) -> str:
    """A self-contained HTML report of `records` over their source `texts`.

    Args:
        records: quotations whose `doc` names a key of `texts`.
        texts: source text by document name, in the order the report shows them.
        problems: input problems to list under their documents (optional).
        title: the page's title.
        check_below: records of lower confidence are marked "check by hand".

    Raises:
        InputValueError: a record's doc has no text, or its offsets do not fit it.
    """
    report = build(records, texts, problems=problems, title=title, check_below=check_below)
    return _environment("html").get_template("report.html").render(report=report)


def render_markdown(
    records: Iterable[Quotation],
    texts: Mapping[str | None, str],
    *,
    problems: Iterable[Problem] = (),
    title: str = "Who said what",
    check_below: float = CHECK_BELOW,
) -> str:
    """The same report as Markdown (see `render_html` for the arguments)."""
    report = build(records, texts, problems=problems, title=title, check_below=check_below)
    return _environment("markdown").get_template("report.md").render(report=report)


__all__ = ["Report", "build", "md_escape", "render_html", "render_markdown"]
