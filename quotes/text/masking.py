"""The parser's view of a sentence: quotations and asides masked, offsets kept.

What is inside 「…」 says nothing about who said it, and a long quotation (with
its own 。 and clauses) misleads the parser into hanging the speaker on a verb
inside it. Each top-level quotation's content is therefore replaced by one
placeholder noun, and short parenthetical asides (readings, ages, dates:
車斗鉉(チャ・ドゥヒョン), 監督(47)) are dropped, before parsing. Every character
of the masked string remembers the source range it stands for, so token spans
map back to exact source offsets.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

import attrs
import regex

from quotes.text.brackets import BracketPair

#: the noun that stands in for a quotation's content
PLACEHOLDER = "発言"
_PAREN_PAIRS = {"(": ")", "（": "）"}
#: asides longer than this are kept: they are likely to be prose, not a gloss
MAX_ASIDE = 60


@attrs.frozen(kw_only=True)
class Slot:
    """A quotation inside a unit: its pair and the placeholder's masked range."""

    pair: BracketPair
    masked_start: int
    masked_end: int


@attrs.frozen(kw_only=True)
class Unit:
    """One sentence as the parser sees it.

    `text` is the masked string; `starts[i]`/`ends[i]` are the source offsets
    that masked character `i` begins and ends at.
    """

    start: int
    end: int
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    slots: tuple[Slot, ...]
    source: str = attrs.field(repr=False, eq=False)

    def to_source(self, masked_start: int, masked_end: int) -> tuple[int, int]:
        """Source `(start, end)` of the masked range `[masked_start, masked_end)`."""
        if masked_end <= masked_start:
            at = self.starts[masked_start] if masked_start < len(self.starts) else self.end
            return at, at
        return self.starts[masked_start], self.ends[masked_end - 1]

    def text_of(self, slot: Slot) -> str:
        """The quotation content a slot stands for, as a string of the source."""
        return self.source[slot.pair.content_start : slot.pair.content_end]

    def piece(self, a: int, b: int) -> Unit:
        """The unit for masked characters `[a, b)`, for sentences too long to parse whole."""
        slots = tuple(
            Slot(pair=s.pair, masked_start=s.masked_start - a, masked_end=s.masked_end - a)
            for s in self.slots
            if a <= s.masked_start and s.masked_end <= b
        )
        return Unit(
            start=self.starts[a],
            end=self.ends[b - 1],
            text=self.text[a:b],
            starts=self.starts[a:b],
            ends=self.ends[a:b],
            slots=slots,
            source=self.source,
        )


#: an age written after a name with a middle dot, as TV news writes it (山田太郎容疑者・42歳)
AGE_AFTER = regex.compile(r"(?<=[\p{Han}\p{Hiragana}\p{Katakana}ー])・[0-9０-９]{1,3}歳(?![0-9０-９\p{Han}])")


def _asides(text: str, start: int, end: int, protected: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """`(open, close)` of short parenthetical asides in `text[start:end]`, outside quotations."""
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        ch = text[i]
        if ch in _PAREN_PAIRS and not _within(i, protected):
            close = text.find(_PAREN_PAIRS[ch], i + 1, min(end, i + MAX_ASIDE + 2))
            inner = text[i + 1 : close] if close > 0 else ""
            if (
                close > 0
                and not any(c in inner for c in "「」『』()（）。\n")
                and not _crosses(i, close, protected)
            ):
                found.append((i, close))
                i = close + 1
                continue
        i += 1
    for age in AGE_AFTER.finditer(text, start, end):
        a, b = age.span()
        if not _within(a, protected) and not any(x <= a <= y for x, y in found):
            found.append((a, b - 1))  # 野田伊佐也容疑者・42歳: an age, as （42） is
    return sorted(found)


def _within(i: int, protected: Sequence[tuple[int, int]]) -> bool:
    return any(a <= i < b for a, b in protected)


def _crosses(a: int, b: int, protected: Sequence[tuple[int, int]]) -> bool:
    return any(a < pb and pa <= b for pa, pb in protected)


def build_unit(text: str, start: int, end: int, pairs: Sequence[BracketPair]) -> Unit:
    """The masked unit for the sentence `text[start:end]` and the pairs inside it."""
    inside = [p for p in pairs if start <= p.open_at and p.close_at < end]
    protected = [(p.open_at, p.close_at + 1) for p in inside]
    asides = _asides(text, start, end, protected)
    # events in source order: ("quote", pair) and ("aside", (open, close))
    events: list[tuple[int, int, object]] = [(p.content_start, p.content_end, p) for p in inside]
    events += [(a, b + 1, None) for a, b in asides]
    events.sort(key=lambda e: e[0])

    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    slots: list[Slot] = []
    pos = start
    for ev_start, ev_end, what in events:
        _copy(text, pos, ev_start, chars, starts, ends)
        if isinstance(what, BracketPair):
            masked_start = len(chars)
            for ch in PLACEHOLDER:
                chars.append(ch)
                starts.append(ev_start)
                ends.append(ev_end)
            slots.append(Slot(pair=what, masked_start=masked_start, masked_end=len(chars)))
        elif ends:
            # a dropped aside belongs to the character before it
            ends[-1] = ev_end
        pos = ev_end
    _copy(text, pos, end, chars, starts, ends)
    return Unit(
        start=start,
        end=end,
        text="".join(chars),
        starts=tuple(starts),
        ends=tuple(ends),
        slots=tuple(slots),
        source=text,
    )


def _copy(text: str, a: int, b: int, chars: list[str], starts: list[int], ends: list[int]) -> None:
    for i in range(a, b):
        ch = text[i]
        # control characters and odd spaces confuse the tokenizer: read them as spaces
        if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs", "Cn"):
            ch = " "
        else:
            # half-width and full-width variants (｢｣｡, ＡＢＣ) read as their usual
            # form, where that keeps one character for one character
            folded = unicodedata.normalize("NFKC", ch)
            if len(folded) == 1:
                ch = folded
        chars.append(ch)
        starts.append(i)
        ends.append(i + 1)
