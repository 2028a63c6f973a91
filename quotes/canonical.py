"""Joining affiliations and media to the organisation table (canonical names).

A record's affiliation (峨山政策研究院, 梨花女子大国際学部) and via (WP, AP通信) keep
their spans as the text writes them; this adds the organisation's canonical
English name, category and country where the table knows it, and leaves them
null where it does not.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from quotes.organizations import OrganizationTable
from quotes.records import Affiliation, Quotation, Via


def canonical_affiliation(affiliation: Affiliation, table: OrganizationTable) -> Affiliation:
    """The affiliation with canonical name, category and country, when known."""
    if affiliation.canonical is not None:
        return affiliation
    found = table.lookup(affiliation.text)
    if found is None:
        return affiliation
    org = found.organization
    return attrs.evolve(affiliation, canonical=org.canonical, category=org.category, country=org.country)


def canonical_via(via: Via, table: OrganizationTable) -> Via:
    """The medium with its canonical name, when known."""
    if via.canonical is not None:
        return via
    found = table.lookup(via.text)
    return via if found is None else attrs.evolve(via, canonical=found.organization.canonical)


def canonicalise(records: Iterable[Quotation], table: OrganizationTable) -> list[Quotation]:
    """Records with their affiliations and media joined to the table."""
    out = []
    for record in records:
        affiliation = record.affiliation and canonical_affiliation(record.affiliation, table)
        via = record.via and canonical_via(record.via, table)
        if affiliation is not record.affiliation or via is not record.via:
            record = attrs.evolve(record, affiliation=affiliation, via=via)
        out.append(record)
    return out
