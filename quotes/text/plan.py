"""A text read up to the parse: brackets paired, sentences cut and masked.

Pure Python and cheap: everything the pipeline knows of a text before the tokenizer.
"""

from __future__ import annotations

from typing import Any

import attrs

from quotes.errors import Errors, InputTypeError, Warnings
from quotes.records import Problem
from quotes.text.brackets import pair_brackets
from quotes.text.masking import Unit, build_unit
from quotes.text.sentences import DEFAULT_MAX_UNIT_BYTES, cut_to_limit, sentence_ranges


@attrs.frozen(kw_only=True)
class Plan:
    """A text read up to the parse: its units and the problems met so far."""

    text: str
    doc_id: str | None
    units: tuple[Unit, ...]
    problems: tuple[Problem, ...]


def check_text(text: Any) -> str:
    """`text` itself if it is a str; a clear `InputTypeError` otherwise."""
    if not isinstance(text, str):
        raise InputTypeError(Errors.E001.format(value=_short(text), type=type(text).__name__))
    return text


def _short(value: Any) -> Any:
    return value[:40] if isinstance(value, (bytes, str)) else value


def plan(text: str, doc_id: str | None = None, *, max_unit_bytes: int = DEFAULT_MAX_UNIT_BYTES) -> Plan:
    """Pair brackets, cut sentences and mask them: everything before the parse."""
    check_text(text)
    if doc_id is not None and not isinstance(doc_id, str):
        raise InputTypeError(Errors.E012.format(value=doc_id, type=type(doc_id).__name__))
    pairs, problems = pair_brackets(text)
    units: list[Unit] = []
    notes = list(problems)
    for start, end in sentence_ranges(text, pairs):
        unit = build_unit(text, start, end, pairs)
        if len(unit.text.encode("utf-8")) <= max_unit_bytes:
            units.append(unit)
            continue
        keep = [(s.masked_start - 1, s.masked_end + 1) for s in unit.slots]
        pieces = cut_to_limit(unit.text, max_unit_bytes, keep)
        notes.append(
            Problem(
                code="W004",
                message=Warnings.W004.format(length=end - start, offset=start),
                start=start,
                end=end,
            )
        )
        units.extend(unit.piece(a, b) for a, b in pieces)
    problems_with_doc = tuple(attrs.evolve(p, doc=doc_id) for p in notes)
    return Plan(text=text, doc_id=doc_id, units=tuple(units), problems=problems_with_doc)
