"""The same person and the same organisation across documents.

Organisations are one row per canonical name (峨山政策研究院 and アサン政策研究院 are
both the Asan Institute for Policy Studies) or, without one, per normalised written
name; every written form becomes an alias that `--org` matches.

A named speaker is one person across documents when a name or reading agrees and
the affiliation agrees (車斗鉉 / チャ・ドゥヒョン at the Asan Institute). A
surname-like mention (車首席研究委員, a one-word katakana name such as キム) joins the
one person of that family name at the same organisation whose title is compatible,
and only when there is exactly one: two people who only share a surname are never
merged. A surname-like name with no affiliation stays within its document, as does
every anonymous source (当局者, 関係者), which gets no person at all. Identity is
decided when a document is added, so it depends on what the index held before.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata

import attrs

from quotes.records import Affiliation, Quotation

#: separators inside names (チャ・ドゥヒョン, ジョン＝スミス) and spaces, dropped when comparing
_NAME_SEPARATORS = re.compile(r"[\s・･·=＝‐\-]+")
#: a written name that is only katakana (and the long-vowel mark): a family name when one word
_KATAKANA = re.compile(r"[\u30a0-\u30ffー]+")
#: a written form that points back (同社, 同地検) names no organisation by itself
_ANAPHORIC = "同"
#: an aside in parentheses after an organisation's name (在日本大韓民国民団(民団))
_ASIDE = re.compile(r"[(（][^()（）]*[)）]")


def normalise_name(value: str) -> str:
    """A name or reading as compared: NFKC, no separators or spaces, hiragana as katakana."""
    text = _NAME_SEPARATORS.sub("", unicodedata.normalize("NFKC", value))
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in text)


def normalise_org(value: str) -> str:
    """An organisation's name as compared: NFKC, case-folded, no spaces."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", value)).casefold()


def is_full_name(name: str, reading: str | None) -> bool:
    """Whether a name identifies a person by itself, rather than being a surname.

    A name with a reading, or of several words (チャ・ドゥヒョン), or of three
    characters or more that are not one katakana word, is full; 林, 佐藤, キム and
    ブラウン are not (Japanese news calls people by their family name after the
    first mention, and foreigners by one katakana word).
    """
    if reading:
        return True
    if _NAME_SEPARATORS.search(name.strip()):
        return True
    return len(name) >= 3 and not _KATAKANA.fullmatch(name)


def family_forms(name: str, reading: str | None) -> set[str]:
    """The forms a surname-like mention of this person could take (車, チャ for 車斗鉉)."""
    forms = set()
    for written in (name, reading):
        if not written:
            continue
        words = [w for w in _NAME_SEPARATORS.split(unicodedata.normalize("NFKC", written)) if w]
        if len(words) > 1:
            forms.add(normalise_name(words[0]))
        elif not _KATAKANA.fullmatch(written) and len(written) > 1:
            forms.update(normalise_name(written[:n]) for n in range(1, len(written)))
    return forms


def titles_agree(a: str | None, b: str | None) -> bool:
    """Titles are compatible when either is unknown or one holds the other (研究委員, 首席研究委員)."""
    return a is None or b is None or a in b or b in a


@attrs.frozen(kw_only=True)
class Name:
    """What a record tells about who spoke, as compared across documents."""

    name: str
    reading: str | None
    title: str | None
    full: bool

    @property
    def forms(self) -> set[str]:
        return {normalise_name(v) for v in (self.name, self.reading) if v} - {""}

    @classmethod
    def of(cls, q: Quotation) -> Name | None:
        """The name of a record's speaker; None without one or for an anonymous source."""
        sp = q.speaker
        if sp is None or sp.anonymous:
            return None
        name = sp.name or sp.text
        return cls(name=name, reading=sp.reading, title=sp.title, full=is_full_name(name, sp.reading))


class Registry:
    """Finds or adds the organisation and person of records, inside the caller's transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    # -- organisations ---------------------------------------------------------

    def organisation(self, a: Affiliation | None) -> int | None:
        """The id of an affiliation's organisation, added when new; None for none or 同社."""
        if a is None or (a.canonical is None and a.text.startswith(_ANAPHORIC)):
            return None
        key = f"canonical:{a.canonical}" if a.canonical else f"written:{normalise_org(a.text)}"
        row = self.conn.execute("SELECT id FROM orgs WHERE key = ?", (key,)).fetchone()
        if row is not None:
            org_id = int(row[0])
        else:
            cur = self.conn.execute(
                "INSERT INTO orgs (key, name, canonical, category, country) VALUES (?, ?, ?, ?, ?)",
                (key, a.canonical or a.text, a.canonical, a.category, a.country),
            )
            org_id = int(cur.lastrowid or 0)
        aliases = {normalise_org(a.canonical)} if a.canonical else set()
        if not a.text.startswith(_ANAPHORIC):
            aliases |= {normalise_org(a.text), normalise_org(_ASIDE.sub("", a.text))}
        self.conn.executemany(
            "INSERT OR IGNORE INTO org_aliases (alias, org_id) VALUES (?, ?)",
            [(alias, org_id) for alias in aliases if alias],
        )
        return org_id

    # -- people ----------------------------------------------------------------

    def person(self, name: Name | None, org_id: int | None, doc_id: int) -> int | None:
        """The id of the person `name` is at `org_id`, found or added; None for no one."""
        if name is None or not name.forms:
            return None
        if not name.full and org_id is not None:
            found = self._by_family(name, org_id)
            if found is not None:  # a surname-like mention joins its person and teaches nothing
                return found
        # a surname-like name with no affiliation says nothing beyond its document
        scope = None if name.full or org_id is not None else doc_id
        found = self._same_name(name, org_id, scope)
        if found is None and name.full and org_id is not None:
            found = self._surname_only(name, org_id)
        if found is None:
            cur = self.conn.execute(
                "INSERT INTO people (name, reading, title, org_id, full, doc_id) VALUES (?, ?, ?, ?, ?, ?)",
                (name.name, name.reading, name.title, org_id, int(name.full), scope),
            )
            found = int(cur.lastrowid or 0)
        self._learn(found, name)
        return found

    def _same_name(self, name: Name, org_id: int | None, scope: int | None) -> int | None:
        """A person of the same kind of name, one of its forms, the same organisation and scope."""
        marks = ", ".join("?" * len(name.forms))
        row = self.conn.execute(
            f"SELECT min(p.id) FROM person_names n JOIN people p ON p.id = n.person_id "
            f"WHERE n.family = 0 AND n.form IN ({marks}) AND p.org_id IS ? AND p.doc_id IS ? AND p.full = ?",
            (*sorted(name.forms), org_id, scope, int(name.full)),
        ).fetchone()
        return None if row[0] is None else int(row[0])

    def _by_family(self, name: Name, org_id: int) -> int | None:
        """The one full-named person at `org_id` a surname-like mention can be (車 -> 車斗鉉)."""
        rows = self.conn.execute(
            "SELECT DISTINCT p.id, p.title FROM person_names n JOIN people p ON p.id = n.person_id "
            "WHERE n.family = 1 AND n.form = ? AND p.org_id = ? AND p.doc_id IS NULL",
            (normalise_name(name.name), org_id),
        ).fetchall()
        fits = [int(pid) for pid, title in rows if titles_agree(title, name.title)]
        return fits[0] if len(fits) == 1 else None

    def _surname_only(self, name: Name, org_id: int) -> int | None:
        """The one surname-only person at `org_id` a full name completes (車首席研究委員 <- 車斗鉉)."""
        forms = family_forms(name.name, name.reading)
        rows = self.conn.execute(
            "SELECT id, name, title FROM people WHERE org_id = ? AND full = 0 AND doc_id IS NULL", (org_id,)
        ).fetchall()
        fits = [
            int(pid)
            for pid, known, title in rows
            if normalise_name(known) in forms and titles_agree(title, name.title)
        ]
        if len(fits) != 1:
            return None
        self.conn.execute(
            "UPDATE people SET name = ?, reading = coalesce(reading, ?), full = 1 WHERE id = ?",
            (name.name, name.reading, fits[0]),
        )
        return fits[0]

    def _learn(self, person_id: int, name: Name) -> None:
        """Remember the forms a person was written in (a reading learned in a later document)."""
        rows = [(form, person_id, 0) for form in name.forms]
        if name.full:
            rows += [(form, person_id, 1) for form in family_forms(name.name, name.reading)]
        self.conn.executemany(
            "INSERT OR IGNORE INTO person_names (form, person_id, family) VALUES (?, ?, ?)", rows
        )
        if name.reading:
            self.conn.execute(
                "UPDATE people SET reading = coalesce(reading, ?) WHERE id = ?", (name.reading, person_id)
            )


__all__ = ["Name", "Registry", "family_forms", "is_full_name", "normalise_name", "normalise_org"]
