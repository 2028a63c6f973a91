"""An archive of who said what: many documents in one SQLite index, for fact-checking.

    from quotes.archive import Index, index_files

    with Index.open("archive.db", write=True) as index:
        index_files(index, ["articles/"])                 # extracts only what is new
    with Index.open("archive.db") as index:
        index.search(speaker="車斗鉉")                     # what has he said, and where
        index.search("クルスク", org="Sejong Institute")
        index.check()                                     # one quotation, two speakers; rewordings

See docs/archive.md.
"""

from __future__ import annotations

from quotes.archive.check import Finding, Occurrence, Thresholds
from quotes.archive.ingest import Summary, analyzer, index_files
from quotes.archive.schema import SCHEMA_VERSION
from quotes.archive.search import Hit
from quotes.archive.store import Document, Index, Stored

__all__ = [
    "SCHEMA_VERSION",
    "Document",
    "Finding",
    "Hit",
    "Index",
    "Occurrence",
    "Stored",
    "Summary",
    "Thresholds",
    "analyzer",
    "index_files",
]
