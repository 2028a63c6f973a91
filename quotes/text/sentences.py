"""Splitting text into sentences for the parser, under Sudachi's input limit.

Sudachi refuses more than 49,149 UTF-8 bytes at once, and spaCy hands it a whole
text. The library never parses a whole text: it parses sentences, cut at 。！？
and line breaks but never inside a 「…」 pair, and cuts a sentence that is still
too long at its last comma or space before the limit. Offsets are kept as
`(start, end)` ranges of the original string.
"""

from __future__ import annotations

from collections.abc import Sequence

from quotes.text.brackets import BracketPair

#: what Sudachi accepts at once (SudachiPy: "Input is too long")
SUDACHI_MAX_BYTES = 49149
#: a parse unit's limit; well under Sudachi's, since long units parse badly anyway
DEFAULT_MAX_UNIT_BYTES = 12000

SENTENCE_ENDS = frozenset("。．｡！？!?")
LINE_BREAKS = frozenset("\n\r\u2028\u2029\x0b\x0c\x1c\x1d\x1e\x85")
#: characters that stay with the sentence they follow (」 after 。 belongs to it)
_TRAILERS = frozenset("」』）)］]】〉》”’")
_SOFT_CUTS = "、，,　 ・"


def sentence_ranges(text: str, pairs: Sequence[BracketPair]) -> list[tuple[int, int]]:
    """`(start, end)` of each sentence of `text`, whitespace-only stretches left out.

    A sentence ends after a run of 。！？ (and any closing brackets that follow)
    or at a line break; a top-level 「…」 pair is never cut, whatever it holds.
    """
    inside = _protected(len(text), pairs)
    ranges: list[tuple[int, int]] = []
    start = 0
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if inside[i]:
            i += 1
            continue
        if ch in LINE_BREAKS:
            _add(text, ranges, start, i)
            start = i + 1
        elif ch in SENTENCE_ENDS:
            j = i + 1
            while j < n and not inside[j] and (text[j] in SENTENCE_ENDS or text[j] in _TRAILERS):
                j += 1
            _add(text, ranges, start, j)
            start = j
            i = j
            continue
        i += 1
    _add(text, ranges, start, n)
    return ranges


def _protected(n: int, pairs: Sequence[BracketPair]) -> bytearray:
    """1 for every index strictly inside a top-level pair (brackets excluded)."""
    inside = bytearray(n)
    for p in pairs:
        inside[p.content_start : p.content_end] = b"\x01" * (p.content_end - p.content_start)
    return inside


def _add(text: str, ranges: list[tuple[int, int]], start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        ranges.append((start, end))


def cut_to_limit(
    masked: str,
    max_bytes: int = DEFAULT_MAX_UNIT_BYTES,
    keep_whole: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, int]]:
    """Cut `masked` into `(start, end)` pieces of at most `max_bytes` UTF-8 bytes.

    Cuts fall after the last comma or space before the limit, else at the limit
    itself, and never inside a range of `keep_whole` (a masked quotation).
    """
    pieces: list[tuple[int, int]] = []
    start, n = 0, len(masked)
    while start < n:
        end, size = start, 0
        while end < n and size + len(masked[end].encode("utf-8")) <= max_bytes:
            size += len(masked[end].encode("utf-8"))
            end += 1
        if end == start:
            end = start + 1  # a limit below one character: one character a piece
        if end < n:
            soft = max(masked.rfind(c, start, end) for c in _SOFT_CUTS)
            if soft > start:
                end = soft + 1
            for a, b in keep_whole:
                if a < end < b and a > start:
                    end = a
        pieces.append((start, end))
        start = end
    return pieces
