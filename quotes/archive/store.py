"""`Index`: an archive of who said what in one SQLite file, written one document at a time.

    with Index.open("archive.db", write=True) as index:
        index.add(Document.of("a.txt", text), records)   # one transaction: all of it or nothing
    with Index.open("archive.db") as index:              # read-only
        hits = index.search("クルスク", speaker="車斗鉉")

Each document is added in one transaction (its row, its records, their people,
organisations and search entries), so a run that is killed leaves whole documents
only, and a document whose hash is stored is skipped: running again resumes.
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from quotes import __version__
from quotes.archive import schema
from quotes.archive.people import Name, Registry
from quotes.archive.rows import load_record, search_text
from quotes.errors import ArchiveAccessError, ArchiveFormatError
from quotes.records import Problem, Quotation
from quotes.serialize import dumps, to_dict

if TYPE_CHECKING:
    from quotes.archive.check import Finding
    from quotes.archive.search import Hit

#: SQLite's primary result codes that mean the file cannot be written where it is
_READ_ONLY_CODES = {sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM}
#: how long a writer waits for another one before giving up (E046)
BUSY_TIMEOUT_S = 10.0


def text_hash(text: str) -> str:
    """The sha256 a document is known by: of its text as read, UTF-8 encoded."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@attrs.frozen(kw_only=True)
class Document:
    """A document as the index knows it: name, hash and size of its text, optional date."""

    name: str
    sha256: str
    size: int = attrs.field(validator=attrs.validators.ge(0))
    date: str | None = None

    @classmethod
    def of(cls, name: str, text: str, *, date: str | None = None) -> Document:
        """The document of `text`, under `name`."""
        return cls(name=name, sha256=text_hash(text), size=len(text.encode("utf-8")), date=date)


@attrs.frozen(kw_only=True)
class Stored:
    """A document in the index, with its id and how many records it holds."""

    id: int
    document: Document
    records: int
    added: str


class Index:
    """An archive index in one SQLite file; open it with `Index.open`.

    Args:
        conn: the connection (autocommit: transactions are explicit).
        path: the file.
        writable: whether `add` may write.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path, *, writable: bool) -> None:
        self.conn = conn
        self.path = path
        self.writable = writable

    # -- opening ----------------------------------------------------------------

    @classmethod
    def open(cls, path: str | Path, *, write: bool = False) -> Index:
        """Open the index at `path`: read-only, or with `write=True` for adding (created if new).

        Raises:
            ArchiveError: E040, SQLite lacks FTS5's trigram tokenizer.
            ArchiveFormatError: E041 not SQLite, E042 another application's database,
                E043 another schema version.
            ArchiveAccessError: E044 read-only location, E045 no such index, E046 locked,
                E047 a folder.
        """
        schema.require_trigram()
        path = Path(path)
        if path.is_dir():
            raise ArchiveAccessError("E047", path=path)
        exists = path.exists()
        if exists:
            schema.sniff(path)
        elif not write:
            raise ArchiveAccessError("E045", path=path)
        conn = _connect(path, write=write)
        try:
            with _errors(path):
                if write and schema.is_empty(conn):
                    schema.create(conn, created_by=f"quotes {__version__}")
                schema.verify(conn, path)
                if write:  # a real write now, so that a read-only place fails before any work
                    conn.execute(
                        "INSERT OR REPLACE INTO meta (key, value) VALUES ('opened_by', ?)",
                        (f"quotes {__version__}",),
                    )
        except BaseException:
            conn.close()
            if not exists and write:
                path.unlink(missing_ok=True)
            raise
        return cls(conn, path, writable=write)

    def close(self) -> None:
        """Close the file (whole documents are already committed)."""
        self.conn.close()

    def __enter__(self) -> Index:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One transaction: committed when the block ends, rolled back if it raises."""
        if not self.writable:
            raise ArchiveAccessError("E048", path=self.path)
        with _errors(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def has(self, sha256: str) -> bool:
        """Whether a document with this hash is stored."""
        row = self.conn.execute("SELECT 1 FROM documents WHERE sha256 = ?", (sha256,)).fetchone()
        return row is not None

    def add(
        self, document: Document, records: Iterable[Quotation], problems: Iterable[Problem] = ()
    ) -> int | None:
        """Store a document and its records in one transaction; its id, or None if already stored."""
        records = list(records)
        with self.transaction() as conn:
            if self.has(document.sha256):
                return None
            now = datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")
            cur = conn.execute(
                "INSERT INTO documents (name, sha256, size, date, records, added) VALUES (?, ?, ?, ?, ?, ?)",
                (document.name, document.sha256, document.size, document.date, len(records), now),
            )
            doc_id = int(cur.lastrowid or 0)
            registry = Registry(conn)
            for q in records:
                self._insert(registry, doc_id, q)
            conn.executemany(
                'INSERT INTO problems (doc_id, code, message, start, "end") VALUES (?, ?, ?, ?, ?)',
                [(doc_id, p.code, p.message, p.start, p.end) for p in problems],
            )
        return doc_id

    def _insert(self, registry: Registry, doc_id: int, q: Quotation) -> None:
        org_id = registry.organisation(q.affiliation)
        person_id = registry.person(Name.of(q), org_id, doc_id)
        via = None if q.via is None else q.via.canonical or q.via.text
        cur = self.conn.execute(
            'INSERT INTO records (doc_id, kind, start, "end", text, speaker, anonymous, person_id, org_id, '
            "cue, via, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                doc_id,
                q.kind,
                q.start,
                q.end,
                q.text,
                None if q.speaker is None else q.speaker.text,
                int(q.speaker is not None and q.speaker.anonymous),
                person_id,
                org_id,
                None if q.cue is None else q.cue.lemma,
                via,
                dumps(to_dict(q), separators=(",", ":")),
            ),
        )
        mention = None if q.speaker is None else search_text(q.speaker.text)
        self.conn.execute(
            "INSERT INTO records_fts (rowid, text, speaker) VALUES (?, ?, ?)",
            (cur.lastrowid, search_text(q.text), mention),
        )

    # -- reading ----------------------------------------------------------------

    def documents(self) -> list[Stored]:
        """Every stored document, in the order they were added."""
        rows = self.conn.execute(
            "SELECT id, name, sha256, size, date, records, added FROM documents ORDER BY id"
        ).fetchall()
        return [
            Stored(
                id=row[0],
                document=Document(name=row[1], sha256=row[2], size=row[3], date=row[4]),
                records=row[5],
                added=row[6],
            )
            for row in rows
        ]

    def records(self, doc: str | None = None) -> list[Quotation]:
        """The records of the document named `doc`, or of all, in document order."""
        sql = "SELECT r.json FROM records r JOIN documents d ON d.id = r.doc_id"
        args: tuple[Any, ...] = ()
        if doc is not None:
            sql += " WHERE d.name = ?"
            args = (doc,)
        rows = self.conn.execute(sql + " ORDER BY r.doc_id, r.id", args).fetchall()
        return [load_record(row[0]) for row in rows]

    def counts(self) -> dict[str, int]:
        """How many documents, records, people and organisations the index holds."""
        tables = ("documents", "records", "people", "orgs")
        return {t: int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

    def search(
        self,
        words: str | Sequence[str] = (),
        *,
        speaker: str | None = None,
        org: str | None = None,
        kind: str | None = None,
        doc: str | None = None,
        limit: int | None = None,
    ) -> list[Hit]:
        """Records matching every given filter (see `quotes.archive.search.search`)."""
        from quotes.archive.search import search

        return search(self.conn, words, speaker=speaker, org=org, kind=kind, doc=doc, limit=limit)

    def check(self, **thresholds: float) -> list[Finding]:
        """Cross-document findings (see `quotes.archive.check.check`)."""
        from quotes.archive.check import check

        return check(self.conn, **thresholds)


def _connect(path: Path, *, write: bool) -> sqlite3.Connection:
    uri = f"{path.resolve().as_uri()}?mode={'rwc' if write else 'ro'}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S)
    except sqlite3.OperationalError as exc:
        raise _mapped(exc, path) from exc
    if write:
        conn.execute("PRAGMA foreign_keys = ON")
    elif _hot_journal(conn, path):
        conn.close()
        _roll_back(path)
        return _connect(path, write=False)
    return conn


def _hot_journal(conn: sqlite3.Connection, path: Path) -> bool:
    """Whether a killed writer left a journal that must be rolled back before reading."""
    try:
        conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.OperationalError as exc:
        if getattr(exc, "sqlite_errorcode", 0) == sqlite3.SQLITE_READONLY_ROLLBACK:
            return True
        raise _mapped(exc, path) from exc
    except sqlite3.DatabaseError:
        return False  # not a database: verify() says so
    return False


def _roll_back(path: Path) -> None:
    """Roll back what a killed writer left half-done, as any SQLite connection that can write does."""
    try:
        with contextlib.closing(sqlite3.connect(f"{path.resolve().as_uri()}?mode=rw", uri=True)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_schema").fetchone()
    except sqlite3.OperationalError as exc:
        raise ArchiveAccessError(
            "E044", path=path, reason=f"an interrupted write must be rolled back first: {exc}"
        ) from exc


@contextmanager
def _errors(path: Path) -> Iterator[None]:
    """SQLite's errors about the file as the catalogue's."""
    try:
        yield
    except sqlite3.DatabaseError as exc:
        mapped = _mapped(exc, path)
        if mapped is exc:
            raise
        raise mapped from exc


def _mapped(exc: sqlite3.Error, path: Path) -> Exception:
    code = getattr(exc, "sqlite_errorcode", 0) & 0xFF
    if code in _READ_ONLY_CODES:
        return ArchiveAccessError("E044", path=path, reason=str(exc))
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return ArchiveAccessError("E046", path=path, reason=str(exc))
    if code == sqlite3.SQLITE_NOTADB:
        return ArchiveFormatError("E041", path=path, head=str(exc))
    return exc


__all__ = ["Document", "Index", "Stored", "load_record", "search_text", "text_hash"]
