"""Pairing Japanese quotation brackets 「」『』 on raw text.

Only top-level pairs become quotations; a pair nested inside another is part of
its text. Malformed input never swallows the rest of a document: an opener that
is never closed is set aside (and reported), and the text after it is paired
again as if it were not there.
"""

from __future__ import annotations

import attrs

from quotes.errors import Warnings
from quotes.records import Problem

#: opening bracket -> its closing bracket; half-width ｢｣ are read as 「」.
PAIRS: dict[str, str] = {"「": "」", "『": "』", "｢": "｣"}
CLOSERS: dict[str, str] = {close: open_ for open_, close in PAIRS.items()}
#: brackets that are interchangeable when an author mixes them (「…』)
_SAME_FAMILY = {("「", "』"), ("『", "」"), ("｢", "』"), ("『", "｣"), ("「", "｣"), ("｢", "」")}


@attrs.frozen(kw_only=True)
class BracketPair:
    """A top-level bracket pair: `opener` at `open_at`, its closer at `close_at`."""

    open_at: int
    close_at: int
    opener: str

    @property
    def content_start(self) -> int:
        return self.open_at + 1

    @property
    def content_end(self) -> int:
        return self.close_at


def _scan(text: str, ignored: set[int]) -> tuple[list[BracketPair], list[int], list[Problem]]:
    """One left-to-right pass; returns top-level pairs, unclosed openers, problems."""
    pairs: list[BracketPair] = []
    problems: list[Problem] = []
    stack: list[int] = []
    for i, ch in enumerate(text):
        if ch in PAIRS:
            if i not in ignored:
                stack.append(i)
            continue
        if ch not in CLOSERS:
            continue
        # the innermost opener this closer can close: its own kind first, then a
        # mismatched one of the same family when it is the innermost open bracket
        match = next((k for k in range(len(stack) - 1, -1, -1) if PAIRS[text[stack[k]]] == ch), None)
        if match is None and stack and (text[stack[-1]], ch) in _SAME_FAMILY:
            match = len(stack) - 1
            problems.append(
                Problem(
                    code="W003",
                    message=Warnings.W003.format(
                        opener=text[stack[-1]], offset=stack[-1], closer=ch, close_offset=i
                    ),
                    start=stack[-1],
                    end=i + 1,
                )
            )
        if match is None:
            problems.append(
                Problem(
                    code="W002",
                    message=Warnings.W002.format(closer=ch, offset=i),
                    start=i,
                    end=i + 1,
                )
            )
            continue
        opener_at = stack[match]
        # openers above the match were never closed inside it
        unclosed_inside = stack[match + 1 :]
        del stack[match:]
        if unclosed_inside:
            for k in unclosed_inside:
                problems.append(_unclosed(text, k))
        if not stack:
            pairs.append(BracketPair(open_at=opener_at, close_at=i, opener=text[opener_at]))
    return pairs, stack, problems


def _unclosed(text: str, at: int) -> Problem:
    return Problem(
        code="W001",
        message=Warnings.W001.format(opener=text[at], offset=at, closer=PAIRS[text[at]]),
        start=at,
        end=at + 1,
    )


def pair_brackets(text: str) -> tuple[list[BracketPair], list[Problem]]:
    """Top-level bracket pairs of `text`, in order, and the problems met.

    An opener left unclosed at the end is ignored and the text re-paired, so
    one missing 」 costs one quotation, not every quotation after it.
    """
    ignored: set[int] = set()
    while True:
        pairs, unclosed, problems = _scan(text, ignored)
        if not unclosed:
            break
        # unclosed openers swallowed the pairs after them: drop them all (the
        # rest of the scan cannot close them either) and pair again
        ignored.update(unclosed)
    problems.extend(_unclosed(text, at) for at in sorted(ignored))
    # 「」: nothing was quoted; reported, and no record (a record's text is never empty)
    empty = [p for p in pairs if p.content_start == p.content_end]
    problems.extend(
        Problem(
            code="W007", message=Warnings.W007.format(offset=p.open_at), start=p.open_at, end=p.close_at + 1
        )
        for p in empty
    )
    problems.sort(key=lambda p: (p.start, p.code))
    return [p for p in pairs if p.content_start < p.content_end], _dedupe(problems)


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen: set[tuple[str, int]] = set()
    out = []
    for p in problems:
        if (p.code, p.start) not in seen:
            seen.add((p.code, p.start))
            out.append(p)
    return out
