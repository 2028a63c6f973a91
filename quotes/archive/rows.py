"""How records are held in the index: as JSON, and their text as search compares it."""

from __future__ import annotations

import json
import unicodedata

from quotes.records import Quotation
from quotes.serialize import from_data


def search_text(text: str) -> str:
    """Quotation text as the search index holds it and queries are compared: NFKC, case-folded.

    NFKC keeps the length of Japanese text but not of every character; the index
    only answers which records match, offsets always come from the record.
    """
    return unicodedata.normalize("NFKC", text).casefold()


def load_record(data: str) -> Quotation:
    """The record stored as JSON (`quotes.serialize.to_dict`)."""
    return from_data(json.loads(data))
