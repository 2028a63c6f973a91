"""Searching the index: words in the quotation text, combined with speaker, organisation, kind, document.

Words are found by SQLite FTS5's trigram tokenizer, which matches any substring
of three characters or more (Japanese is written without spaces); a shorter word
(核, 戦争) is looked up by scanning the indexed text, which is slower on a large
index. Text and words are compared after NFKC and case folding, so ＡＴＡＣＭＳ finds
ATACMS. Every filter given must hold.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

import attrs

from quotes.archive.people import normalise_name, normalise_org
from quotes.archive.rows import load_record, search_text
from quotes.errors import Errors, InputValueError
from quotes.records import KINDS, Quotation

#: the shortest word the trigram index can look up (shorter ones are scanned for)
TRIGRAM = 3
#: the highest code point, closing a range of names that start with a prefix
_LAST = "\U0010ffff"


@attrs.frozen(kw_only=True)
class Hit:
    """A record found by a search, with what the index knows around it.

    `person` is the person id shared by the speaker's records across documents
    (None for an anonymous source or no speaker); `organisation` is the name the
    index gives the speaker's organisation (canonical where known).
    """

    id: int
    quotation: Quotation
    doc: str
    date: str | None
    person: int | None
    organisation: str | None


def _phrase(word: str) -> str:
    """A word as an FTS5 string (double quotes doubled)."""
    return '"' + word.replace('"', '""') + '"'


def _where(
    words: Sequence[str], speaker: str | None, org: str | None, kind: str | None, doc: str | None
) -> tuple[list[str], list[Any]]:
    """SQL conditions on `records r JOIN documents d` for the filters given, and their arguments."""
    where: list[str] = []
    args: list[Any] = []
    terms = [search_text(w) for w in words if w.strip()]
    long_terms = [t for t in terms if len(t) >= TRIGRAM]
    if long_terms:
        where.append("r.id IN (SELECT rowid FROM records_fts WHERE records_fts MATCH ?)")
        args.append("text : (" + " ".join(_phrase(t) for t in long_terms) + ")")
    for term in (t for t in terms if len(t) < TRIGRAM):
        where.append("r.id IN (SELECT rowid FROM records_fts WHERE instr(text, ?) > 0)")
        args.append(term)
    if speaker and speaker.strip():
        form, mention = normalise_name(speaker), search_text(speaker.strip())
        by_mention = (
            "SELECT rowid FROM records_fts WHERE records_fts MATCH ?"
            if len(mention) >= TRIGRAM
            else "SELECT rowid FROM records_fts WHERE instr(speaker, ?) > 0"
        )
        where.append(
            "r.id IN (SELECT r2.id FROM person_names n JOIN records r2 ON r2.person_id = n.person_id"
            f" WHERE n.family = 0 AND n.form >= ? AND n.form < ? UNION {by_mention})"
        )
        args += [form, form + _LAST, f"speaker : {_phrase(mention)}" if len(mention) >= TRIGRAM else mention]
    if org:
        # any written name, the canonical name, or a name the organisation table gives it
        names = {normalise_org(org), *(normalise_org(n) for n in _table_names(org))}
        marks = ", ".join("?" * len(names))
        where.append(f"r.org_id IN (SELECT org_id FROM org_aliases WHERE alias IN ({marks}))")
        args.extend(sorted(names))
    if kind:
        if kind not in KINDS:
            raise InputValueError(Errors.E053.format(value=kind, allowed=", ".join(KINDS)))
        where.append("r.kind = ?")
        args.append(kind)
    if doc:
        where.append("d.name GLOB ?" if any(c in doc for c in "*?[") else "d.name = ?")
        args.append(doc)
    return where, args


def _table_names(org: str) -> list[str]:
    """The canonical name and every name of the organisation the table knows `org` by."""
    from quotes.orgs.table import OrganizationTable

    table = OrganizationTable.default()
    found = table.lookup(org)
    by_canonical = [o for o in table if o.canonical.casefold() == org.strip().casefold()]
    orgs = ([found.organization] if found is not None and found.department is None else []) + by_canonical
    return [name for o in orgs for name in (o.canonical, *o.names, *o.aliases)]


def search(
    conn: sqlite3.Connection,
    words: str | Sequence[str] = (),
    *,
    speaker: str | None = None,
    org: str | None = None,
    kind: str | None = None,
    doc: str | None = None,
    limit: int | None = None,
) -> list[Hit]:
    """Records matching every filter given, by document (date, then name) and offset.

    Args:
        conn: an open index's connection.
        words: words that must all occur in the quotation text (a str is one word).
        speaker: a name or reading the speaker's person starts with (車斗鉉, チャ・ドゥヒョン,
            車), or a part of the speaker's mention as written (当局者).
        org: any written name of the speaker's organisation, or its canonical name
            (峨山政策研究院, アサン政策研究院, Asan Institute for Policy Studies).
        kind: direct, indirect or term.
        doc: a document name, or a glob pattern of names (wikinews_*).
        limit: at most this many hits.
    """
    if isinstance(words, str):
        words = [words]
    where, args = _where(words, speaker, org, kind, doc)
    sql = (
        "SELECT r.id, r.json, d.name, d.date, r.person_id, o.name FROM records r "
        "JOIN documents d ON d.id = r.doc_id LEFT JOIN orgs o ON o.id = r.org_id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + " ORDER BY d.date IS NULL, d.date, d.name, d.id, r.start, r.id"
    )
    if limit is not None:
        sql += " LIMIT ?"
        args.append(int(limit))
    return [
        Hit(id=rid, quotation=load_record(data), doc=name, date=date, person=person, organisation=org_name)
        for rid, data, name, date, person, org_name in conn.execute(sql, args)
    ]


__all__ = ["Hit", "search"]
