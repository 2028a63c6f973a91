"""The SQL schema of the archive index, its version, and the checks made on opening a file.

One SQLite file holds documents, records, people and organisations. Its header
carries `PRAGMA application_id` (the bytes "QUOT", so another application's
database is told apart from an index) and `PRAGMA user_version` (the schema
version, bumped on any change to the tables below). Quotation text and
speaker mentions are indexed for search by an FTS5 table with the `trigram`
tokenizer, which finds any substring of three characters or more: Japanese has
no spaces to split words on.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path

from quotes.errors import ArchiveError, ArchiveFormatError

#: the schema this code reads and writes (PRAGMA user_version)
SCHEMA_VERSION = 1
#: PRAGMA application_id of an index: "QUOT" as a big-endian integer
APPLICATION_ID = 0x51554F54
#: the first 16 bytes of every SQLite 3 database file
SQLITE_HEADER = b"SQLite format 3\x00"
#: the oldest SQLite whose FTS5 has the trigram tokenizer
TRIGRAM_SINCE = (3, 34, 0)

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,             -- the file name, as `quotes extract` names a record's doc
    sha256 TEXT NOT NULL UNIQUE,    -- of the text as read (UTF-8, universal newlines)
    size INTEGER NOT NULL,          -- bytes of that text
    date TEXT,                      -- ISO 8601, from a sidecar or a front-matter line
    records INTEGER NOT NULL,       -- how many records the document has (a completeness check)
    added TEXT NOT NULL             -- when it was indexed (UTC, ISO 8601)
);
CREATE INDEX documents_name ON documents (name);
CREATE TABLE problems (
    doc_id INTEGER NOT NULL REFERENCES documents (id),
    code TEXT NOT NULL,
    message TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL
);
CREATE INDEX problems_doc ON problems (doc_id);
CREATE TABLE orgs (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,       -- canonical:NAME, or written:NORMALISED WRITTEN NAME
    name TEXT NOT NULL,             -- the canonical name, else the first written name
    canonical TEXT,
    category TEXT,
    country TEXT
);
CREATE TABLE org_aliases (
    alias TEXT NOT NULL,            -- normalised (NFKC, case-folded, no spaces)
    org_id INTEGER NOT NULL REFERENCES orgs (id),
    PRIMARY KEY (alias, org_id)
) WITHOUT ROWID;
CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,             -- the fullest name seen
    reading TEXT,
    title TEXT,
    org_id INTEGER REFERENCES orgs (id),
    full INTEGER NOT NULL,          -- 1 for a full name, 0 for a surname-like one
    doc_id INTEGER REFERENCES documents (id)  -- set when the person is known in one document only
);
CREATE INDEX people_org ON people (org_id);
CREATE TABLE person_names (
    form TEXT NOT NULL,             -- a normalised name or reading, or a family-name form of one
    person_id INTEGER NOT NULL REFERENCES people (id),
    family INTEGER NOT NULL,        -- 1 for a family-name form (車 of 車斗鉉, チャ of チャ・ドゥヒョン)
    PRIMARY KEY (form, family, person_id)
) WITHOUT ROWID;
CREATE TABLE records (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER NOT NULL REFERENCES documents (id),
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    speaker TEXT,                   -- the mention as written
    anonymous INTEGER NOT NULL,
    person_id INTEGER REFERENCES people (id),
    org_id INTEGER REFERENCES orgs (id),
    cue TEXT,                       -- the cue's lemma
    via TEXT,                       -- the medium's canonical name, else as written
    json TEXT NOT NULL              -- the record, quotes.serialize.to_dict
);
CREATE INDEX records_doc ON records (doc_id);
CREATE INDEX records_person ON records (person_id);
CREATE INDEX records_org ON records (org_id);
-- quotation text and speaker mention, normalised (NFKC, case-folded); rowid = records.id
CREATE VIRTUAL TABLE records_fts USING fts5 (text, speaker, tokenize = 'trigram');
"""


@cache
def trigram_available() -> bool:
    """Whether this Python's SQLite has FTS5 with the trigram tokenizer."""
    if sqlite3.sqlite_version_info < TRIGRAM_SINCE:
        return False
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5 (x, tokenize = 'trigram')")
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()
    return True


def require_trigram() -> None:
    """Fail with E040 when the index cannot be built with this SQLite."""
    if not trigram_available():
        raise ArchiveError("E040", version=sqlite3.sqlite_version)


def sniff(path: Path) -> None:
    """Refuse an existing file that is not SQLite, before SQLite touches it (E041).

    An empty file is an empty database to SQLite, and is accepted.
    """
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    if head and head != SQLITE_HEADER:
        raise ArchiveFormatError("E041", path=path, head=head)


def is_empty(conn: sqlite3.Connection) -> bool:
    """Whether the database holds no table at all (a new file)."""
    return conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()[0] == 0


def verify(conn: sqlite3.Connection, path: Path) -> None:
    """Check that `conn` is a quotes index of this schema version (E041, E042, E043)."""
    try:
        found_app = conn.execute("PRAGMA application_id").fetchone()[0]
        found = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.DatabaseError as exc:  # a header that looked right, a body that is not
        raise ArchiveFormatError("E041", path=path, head=str(exc)) from exc
    if found_app != APPLICATION_ID:
        raise ArchiveFormatError("E042", path=path, found=found_app, expected=APPLICATION_ID)
    if found != SCHEMA_VERSION:
        advice = (
            "Upgrade quotes to read it."
            if found > SCHEMA_VERSION
            else "Build a new index with `quotes index` (the old one can be deleted afterwards)."
        )
        raise ArchiveFormatError("E043", path=path, found=found, expected=SCHEMA_VERSION, advice=advice)


def create(conn: sqlite3.Connection, *, created_by: str) -> None:
    """Create the tables and stamp the header, in one transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        for statement in DDL.split(";\n"):
            if statement.strip():
                conn.execute(statement)
        conn.execute("INSERT INTO meta (key, value) VALUES ('created_by', ?)", (created_by,))
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


__all__ = ["APPLICATION_ID", "DDL", "SCHEMA_VERSION", "create", "require_trigram", "sniff", "verify"]
