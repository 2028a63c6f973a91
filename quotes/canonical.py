"""Joining affiliations and media to the organisation table (canonical names).

A record's affiliation (峨山政策研究院, 梨花女子大国際学部) and via (WP, AP通信) keep
their spans as the text writes them; this adds the organisation's canonical
English name, category and country where the table knows it, and leaves them
null where it does not.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from quotes.organizations import Organization, OrganizationTable
from quotes.records import Affiliation, Quotation, Via


def canonical_affiliation(
    affiliation: Affiliation,
    table: OrganizationTable,
    source: str = "",
    kinds: Mapping[str, str] | None = None,
) -> Affiliation:
    """The affiliation with canonical name, category and country, when known.

    `同地検`, `同社`, `同大`: 同 + an organisation word is the organisation of that
    kind named last before it in `source` (奈良地方検察庁 … 同地検). So is a bare
    kind word of `kinds` (球団 in 米田純球団代表: the club the article is about),
    by the category it names (`quotes/data/org_kinds.tsv`).
    """
    if affiliation.canonical is not None:
        return affiliation
    found = table.lookup(affiliation.text)  # 同志社 is a name before it is 同 + 志社
    org = found.organization if found is not None else None
    kinds = kinds or {}
    text = affiliation.text
    if org is None and source and ((text.startswith("同") and len(text) > 1) or text in kinds):
        kind = text[1:] if text.startswith("同") and text not in kinds else text
        before = source[: affiliation.start]
        org = earlier_organization(kind, before, table)
        if org is None and kind in kinds:
            org = earlier_organization(kind, before, table, category=kinds[kind])
    if org is None:
        return affiliation
    return attrs.evolve(affiliation, canonical=org.canonical, category=org.category, country=org.country)


def earlier_organization(
    kind: str, before: str, table: OrganizationTable, *, category: str | None = None
) -> Organization | None:
    """The organisation written last in `before` with a name ending in `kind` (地検, 社),
    or, given a `category`, of that category whatever its name."""
    best: tuple[int, Organization] | None = None
    for org in table:
        if category is not None:
            if org.category != category:
                continue
        elif not any(name.endswith(kind) for name in org.names):
            continue
        at = max(before.rfind(name) for name in org.names)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, org)
    return best[1] if best is not None else None


def canonical_via(via: Via, table: OrganizationTable) -> Via:
    """The medium with its canonical name, when known."""
    if via.canonical is not None:
        return via
    found = table.lookup(via.text)
    return via if found is None else attrs.evolve(via, canonical=found.organization.canonical)


def canonicalise(
    records: Iterable[Quotation],
    table: OrganizationTable,
    source: str = "",
    kinds: Mapping[str, str] | None = None,
) -> list[Quotation]:
    """Records with their affiliations and media joined to the table."""
    out = []
    for record in records:
        affiliation = record.affiliation and canonical_affiliation(record.affiliation, table, source, kinds)
        via = record.via and canonical_via(record.via, table)
        if affiliation is not record.affiliation or via is not record.via:
            record = attrs.evolve(record, affiliation=affiliation, via=via)
        out.append(record)
    return out
