"""Checks across documents: one quotation under two speakers, one speaker's quotation reworded.

Two quotations are compared after normalisation (NFKC, case folding, no spaces
or punctuation) with rapidfuzz: their similarity is `fuzz.ratio`, or
`fuzz.partial_ratio` when that is higher and the shorter text has at least
`PARTIAL_MIN_CHARS` characters (one outlet quoting part of what another quotes).

- **different-speakers**: similarity >= `SAME` (90): the same words, attributed
  in different documents to two speakers whose names do not agree.
- **changed-wording**: similarity >= `CHANGED` (80) but the texts differ and
  neither holds the other: the same speaker's words, worded differently in
  different documents.

Only speech (direct and indirect) with a named speaker is compared, and only
quotations of at least `MIN_CHARS` (8) characters: an anonymous source
(当局者) could be anyone, and short phrases (事実無根だ) recur by chance. Speakers
agree when they are one person of the index or share a name or reading, or one
is a surname of the other (車 and 車斗鉉), so a speaker the index could not
merge is never reported as someone else. Candidate pairs are those that share
character trigrams, so the check never compares every pair of quotations.
"""

from __future__ import annotations

import itertools
import sqlite3
import unicodedata
from collections.abc import Iterable, Sequence
from typing import Any, Literal

import attrs
from rapidfuzz import fuzz

from quotes.errors import Errors, InputValueError

#: similarity from which two quotations are the same words
SAME = 90.0
#: similarity from which one speaker's two quotations are one statement reworded
CHANGED = 80.0
#: the shortest quotation compared, in normalised characters
MIN_CHARS = 8
#: the shortest text for which a part of a longer one counts as the same (partial_ratio)
PARTIAL_MIN_CHARS = 10
#: a trigram in more distinct quotations than this says nothing about which are alike
COMMON_TRIGRAM = 200
#: the share of the shorter text's trigrams two candidates must have in common
SHARED_TRIGRAMS = 0.3

Kind = Literal["different-speakers", "changed-wording"]


@attrs.frozen(kw_only=True)
class Occurrence:
    """One record of a finding: where it is and who said it there."""

    record: int
    doc: str
    date: str | None
    start: int
    end: int
    text: str
    speaker: str | None
    person: int
    name: str
    organisation: str | None


@attrs.frozen(kw_only=True)
class Finding:
    """Two groups of records that are one quotation under different speakers, or reworded."""

    kind: Kind
    similarity: float
    left: tuple[Occurrence, ...]
    right: tuple[Occurrence, ...]

    @property
    def docs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(o.doc for o in (*self.left, *self.right)))


def comparable(text: str) -> str:
    """A quotation as compared: NFKC, case-folded, without spaces, punctuation or symbols."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in folded if unicodedata.category(c)[0] in "LN")


def similarity(a: str, b: str) -> float:
    """How alike two comparable texts are, 0-100 (see the module's docstring)."""
    score = fuzz.ratio(a, b)
    if min(len(a), len(b)) >= PARTIAL_MIN_CHARS:
        score = max(score, fuzz.partial_ratio(a, b))
    return float(score)


def _trigrams(text: str) -> set[str]:
    return {text[i : i + 3] for i in range(len(text) - 2)} or {text}


def candidate_pairs(texts: Sequence[str]) -> set[tuple[int, int]]:
    """Pairs `(i, j)`, `i < j`, of texts that share enough uncommon trigrams to be compared."""
    grams = [_trigrams(t) for t in texts]
    postings: dict[str, list[int]] = {}
    for i, gs in enumerate(grams):
        for g in gs:
            postings.setdefault(g, []).append(i)
    shared: dict[tuple[int, int], int] = {}
    for ids in postings.values():
        if len(ids) <= COMMON_TRIGRAM:
            for pair in itertools.combinations(ids, 2):
                shared[pair] = shared.get(pair, 0) + 1
    return {
        (i, j)
        for (i, j), n in shared.items()
        if n >= max(1.0, SHARED_TRIGRAMS * min(len(grams[i]), len(grams[j])))
    }


class _Speakers:
    """Whether two people of the index can be one speaker (see the module's docstring)."""

    def __init__(self, conn: sqlite3.Connection, people: Iterable[int]) -> None:
        wanted = sorted(set(people))
        self.names: dict[int, set[str]] = {p: set() for p in wanted}
        self.family: dict[int, set[str]] = {p: set() for p in wanted}
        for form, person, family in conn.execute("SELECT form, person_id, family FROM person_names"):
            if person in self.names:
                (self.family if family else self.names)[person].add(form)

    def agree(self, p: int, q: int) -> bool:
        if p == q:
            return True
        np, nq = self.names[p], self.names[q]
        return bool(np & nq or np & self.family[q] or nq & self.family[p])


_RECORDS = """
SELECT r.id, d.name, d.date, r.start, r."end", r.text, r.speaker, r.person_id, p.name, o.name, r.doc_id
FROM records r JOIN documents d ON d.id = r.doc_id JOIN people p ON p.id = r.person_id
LEFT JOIN orgs o ON o.id = r.org_id
WHERE r.kind IN ('direct', 'indirect') AND r.person_id IS NOT NULL
ORDER BY d.date IS NULL, d.date, d.name, r.start
"""


def _load(conn: sqlite3.Connection) -> dict[str, list[tuple[int, Occurrence]]]:
    """Comparable records by their comparable text: (document id, occurrence)."""
    groups: dict[str, list[tuple[int, Occurrence]]] = {}
    for rid, doc, date, start, end, text, speaker, person, name, org, doc_id in conn.execute(_RECORDS):
        key = comparable(text)
        if len(key) >= MIN_CHARS:
            occurrence = Occurrence(
                record=rid, doc=doc, date=date, start=start, end=end, text=text,
                speaker=speaker, person=person, name=name, organisation=org,
            )  # fmt: skip
            groups.setdefault(key, []).append((doc_id, occurrence))
    return groups


def _sides(members: list[tuple[int, Occurrence]]) -> dict[int, list[tuple[int, Occurrence]]]:
    by_person: dict[int, list[tuple[int, Occurrence]]] = {}
    for member in members:
        by_person.setdefault(member[1].person, []).append(member)
    return by_person


def _apart(a: list[tuple[int, Occurrence]], b: list[tuple[int, Occurrence]]) -> bool:
    """Whether some record of `a` and some record of `b` are in different documents."""
    docs_a, docs_b = {d for d, _ in a}, {d for d, _ in b}
    return len(docs_a | docs_b) > 1


def _percent(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if not isinstance(value, int | float) or not 0 <= value <= 100:
        raise InputValueError(Errors.E051.format(name=attribute.name, value=value))


@attrs.frozen(kw_only=True)
class Thresholds:
    """The similarities (0-100) from which quotations are the same words, or one statement."""

    same: float = attrs.field(default=SAME, validator=_percent)
    changed: float = attrs.field(default=CHANGED, validator=_percent)


def _findings(
    a: str,
    b: str,
    groups: dict[str, list[tuple[int, Occurrence]]],
    speakers: _Speakers,
    score: float,
    limits: Thresholds,
) -> list[Finding]:
    """The findings between the records of comparable text `a` and those of `b` (maybe `a`)."""
    found = []
    reworded = a != b and a not in b and b not in a
    sides_a, sides_b = _sides(groups[a]), _sides(groups[b])
    for p, q in itertools.product(sides_a, sides_b):
        if a == b and p >= q:  # each pair of people once
            continue
        left, right = sides_a[p], sides_b[q]
        if not _apart(left, right):
            continue
        same = speakers.agree(p, q)
        kind: Kind | None = None
        if not same and score >= limits.same:
            kind = "different-speakers"
        elif same and reworded and score >= limits.changed:
            kind = "changed-wording"
        if kind is not None:
            first, second = sorted((tuple(o for _, o in left), tuple(o for _, o in right)), key=_earliest)
            found.append(Finding(kind=kind, similarity=round(score, 1), left=first, right=second))
    return found


def _earliest(side: tuple[Occurrence, ...]) -> tuple[bool, str, str, int]:
    """Sides in order of their first record: dated before undated, then by date, document, offset."""
    o = side[0]
    return (o.date is None, o.date or "", o.doc, o.start)


def check(conn: sqlite3.Connection, *, same: float = SAME, changed: float = CHANGED) -> list[Finding]:
    """Every finding of the index, different speakers first, most alike first.

    Args:
        conn: an open index's connection.
        same: the similarity (0-100) from which two quotations are the same words.
        changed: the similarity from which one speaker's quotations are one statement.
    """
    limits = Thresholds(same=same, changed=changed)
    groups = _load(conn)
    texts = sorted(groups)
    speakers = _Speakers(conn, (o.person for members in groups.values() for _, o in members))
    found = [f for t in texts for f in _findings(t, t, groups, speakers, 100.0, limits)]
    for i, j in sorted(candidate_pairs(texts)):
        score = similarity(texts[i], texts[j])
        if score >= min(limits.same, limits.changed):
            found += _findings(texts[i], texts[j], groups, speakers, score, limits)
    order = {"different-speakers": 0, "changed-wording": 1}
    return sorted(found, key=lambda f: (order[f.kind], -f.similarity, f.left[0].doc, f.left[0].start))


__all__ = [
    "CHANGED",
    "MIN_CHARS",
    "SAME",
    "Finding",
    "Occurrence",
    "Thresholds",
    "check",
    "comparable",
    "similarity",
]
