"""quotes: who said what in Japanese news text.

>>> import quotes
>>> records = quotes.extract("山田氏は「賛成だ」と述べた。")
>>> records[0].speaker.name
'山田'
"""

from __future__ import annotations

from functools import cache

from quotes.errors import QuotesError
from quotes.extractor import Extractor
from quotes.lexicon import Lexicon
from quotes.orgs.table import OrganizationTable
from quotes.records import (
    Affiliation,
    Analysis,
    Cue,
    Mention,
    Problem,
    Quotation,
    Span,
    Speaker,
    Via,
)

__version__ = "0.1.0"


@cache
def _default_extractor() -> Extractor:
    return Extractor()


def extract(text: str, *, doc_id: str | None = None) -> list[Quotation]:
    """Quotations of one text, with the default GiNZA model (loaded once)."""
    return _default_extractor().extract(text, doc_id=doc_id)


__all__ = [
    "Affiliation",
    "Analysis",
    "Cue",
    "Extractor",
    "Lexicon",
    "Mention",
    "OrganizationTable",
    "Problem",
    "Quotation",
    "QuotesError",
    "Span",
    "Speaker",
    "Via",
    "extract",
]
