"""Files into the index: find them, date them, skip the known ones, extract the rest, add each whole.

A PATH is a text file, a folder (its `*.txt`, sorted, as `quotes extract` reads
it) or a Parquet dataset written by `quotes.archive.parquet`. A document's date
comes from a sidecar `NAME.meta.json` beside `NAME.txt` (`{"date": "2024-11-18"}`),
else from a first line `date: 2024-11-18`; the line stays in the text, so offsets
still slice the file. Files are read twice: once to hash them and skip the ones
the index holds (before any model is loaded), once to extract the new ones.
"""

from __future__ import annotations

import datetime
import json
import logging
import re
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

import attrs

from quotes import Extractor
from quotes.archive.store import Document, Index, text_hash
from quotes.errors import Errors, Warnings
from quotes.inputs import read_text, text_files
from quotes.progress import Progress, wanted
from quotes.records import Analysis

logger = logging.getLogger("quotes")

#: a front-matter line giving the document's date, first in the file
_FRONT_MATTER = re.compile(r"\A\ufeff?date:[ \t]*(.*?)[ \t]*$", re.MULTILINE)
#: the suffix of a document's sidecar, which replaces `.txt`
SIDECAR = ".meta.json"


@attrs.frozen(kw_only=True)
class Summary:
    """What a run of `index_files` did."""

    added: int = 0
    skipped: int = 0
    records: int = 0
    failures: tuple[str, ...] = ()


def iso_date(value: Any, path: Path, warn: Callable[[str], None]) -> str | None:
    """`value` as an ISO 8601 date or date-time, or None with a warning (W010)."""
    text = str(value).strip()
    for parse in (datetime.date.fromisoformat, datetime.datetime.fromisoformat):
        try:
            return parse(text).isoformat()
        except ValueError:
            continue
    warn("W010 " + Warnings.W010.format(path=path, value=value))
    return None


def document_date(path: Path, text: str, warn: Callable[[str], None]) -> str | None:
    """The date of the document at `path`: from its sidecar, else its front-matter line."""
    sidecar = path.with_name(path.stem + SIDECAR)
    if sidecar.is_file():
        try:
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
            if not isinstance(meta, dict):
                raise ValueError(f"a JSON {type(meta).__name__}")
        except (ValueError, OSError) as exc:
            warn("W011 " + Warnings.W011.format(path=sidecar, reason=exc))
        else:
            if meta.get("date") is not None:
                return iso_date(meta["date"], sidecar, warn)
    match = _FRONT_MATTER.match(text)
    return iso_date(match.group(1), path, warn) if match else None


def read_document(path: Path, warn: Callable[[str], None]) -> tuple[str, Document]:
    """A file's text and the document it is (raises OSError, UnicodeDecodeError)."""
    text = read_text(path)
    return text, Document.of(path.name, text, date=document_date(path, text, warn))


def expand(paths: Sequence[str | Path], failures: list[str]) -> tuple[list[Path], list[Path]]:
    """The text files and Parquet datasets the PATHs name; the rest goes to `failures`."""
    from quotes.archive import parquet

    files: list[Path] = []
    datasets: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir() and parquet.is_dataset(path):
            datasets.append(path)
        elif path.is_dir():
            found = text_files(path)
            if not found:
                failures.append(Errors.E010.format(path=path))
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            failures.append(Errors.E009.format(path=path))
    return files, datasets


def _hash(path: Path, failures: list[str]) -> str | None:
    try:
        return text_hash(read_text(path))
    except UnicodeDecodeError as exc:
        failures.append(Errors.E008.format(path=path, reason=f"byte {exc.start}: {exc.reason}"))
    except OSError as exc:
        failures.append(f"{path}: {exc.strerror or exc}")
    return None


def new_files(index: Index, files: Iterable[Path], failures: list[str]) -> tuple[list[Path], int]:
    """The files whose text the index does not hold (each text once), and how many were skipped."""
    todo: list[Path] = []
    seen: set[str] = set()
    skipped = 0
    for path in files:
        digest = _hash(path, failures)
        if digest is None:
            continue
        if digest in seen or index.has(digest):
            skipped += 1
            continue
        seen.add(digest)
        todo.append(path)
    return todo, skipped


Analyze = Callable[[Iterator[tuple[str, str]]], Iterable[tuple[Analysis, str]]]


def analyzer(
    extractor: Extractor | None = None,
    *,
    n_process: int = 1,
    batch_size: int = 64,
    scheduler: str | None = None,
    options: dict[str, Any] | None = None,
) -> Analyze:
    """How texts are analysed: here (an `Extractor`, built on first use) or on the Dask cluster."""
    options = dict(options or {})

    def analyze(items: Iterator[tuple[str, str]]) -> Iterable[tuple[Analysis, str]]:
        if scheduler:
            from quotes.cluster import analyze_on_cluster

            return analyze_on_cluster(scheduler, items, partition_size=batch_size, **options)
        ex = extractor if extractor is not None else Extractor(**options)
        return ex.analyze_many(items, as_tuples=True, batch_size=batch_size, n_process=n_process)

    return analyze


def _warner(progress: Progress, stream: TextIO | None, quiet: bool) -> Callable[[str], None]:
    """Where warnings go: nowhere, the `quotes` logger, or the stream above the bar."""
    if quiet:
        return lambda line: None
    if stream is None:
        return logger.warning
    return lambda line: progress.say(f"quotes: warning: {line}")


def _add_files(
    index: Index, todo: list[Path], analyze: Analyze, progress: Progress, warn: Callable[[str], None]
) -> tuple[Summary, list[str]]:
    """Extract the files and add each document in its own transaction, in input order."""
    failures: list[str] = []
    pending: deque[Document] = deque()

    def inputs() -> Iterator[tuple[str, str]]:
        for path in todo:
            try:
                text, document = read_document(path, warn)
            except (OSError, UnicodeDecodeError) as exc:  # changed since it was hashed
                failures.append(f"{path}: {exc}")
                continue
            pending.append(document)
            yield text, document.name

    added = skipped = records = 0
    for analysis, _name in progress.track(analyze(inputs())):
        if index.add(pending.popleft(), analysis.quotations, analysis.problems) is None:
            skipped += 1  # the same text twice in this run
        else:
            added += 1
            records += len(analysis.quotations)
    return Summary(added=added, skipped=skipped, records=records), failures


def index_files(
    index: Index,
    paths: Sequence[str | Path],
    analyze: Analyze | None = None,
    *,
    stream: TextIO | None = None,
    quiet: bool = False,
) -> Summary:
    """Add the documents the PATHs name that the index does not hold, one transaction each.

    Args:
        index: an index open for writing.
        paths: text files, folders of `*.txt`, Parquet datasets (`quotes.archive.parquet`).
        analyze: how to analyse texts (default: `analyzer()`, the GiNZA model here, loaded
            only when there is something new).
        stream: where the progress bar and warnings go (default: no bar, warnings on the
            `quotes` logger).
        quiet: no bar, no warnings.
    """
    from quotes.archive import parquet

    failures: list[str] = []
    files, datasets = expand(paths, failures)
    todo, skipped = new_files(index, files, failures)
    enabled = stream is not None and wanted(stream, total=len(todo), quiet=quiet)
    progress = Progress(stream or sys.stderr, total=len(todo), enabled=enabled, desc="indexing")
    parts = [Summary(skipped=skipped)]
    if todo:
        done, late = _add_files(
            index, todo, analyze or analyzer(), progress, _warner(progress, stream, quiet)
        )
        parts.append(done)
        failures += late
    parts += [parquet.add_dataset(index, dataset) for dataset in datasets]
    return Summary(
        added=sum(p.added for p in parts),
        skipped=sum(p.skipped for p in parts),
        records=sum(p.records for p in parts),
        failures=tuple(failures),
    )


__all__ = ["SIDECAR", "Summary", "analyzer", "document_date", "index_files", "read_document"]
