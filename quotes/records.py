"""Frozen `attrs` records returned by the library.

Every record that points into the source text carries `start`, `end` and `text`,
and `text` is always `source[start:end]`: records are built by slicing the
source (`Span.of`), never by copying strings from a parse.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Literal

import attrs

Kind = Literal["direct", "indirect", "term"]
KINDS: tuple[str, ...] = ("direct", "indirect", "term")


def _check_span(instance: Any, _attribute: Any, _value: Any) -> None:
    """Reject spans whose end precedes their start or whose text has the wrong length."""
    if instance.end < instance.start:
        raise ValueError(f"end ({instance.end}) must be >= start ({instance.start})")
    if len(instance.text) != instance.end - instance.start:
        raise ValueError(
            f"text of length {len(instance.text)} does not fit the span [{instance.start}, {instance.end})"
        )


def _offset() -> Any:
    """A source offset: a non-negative int."""
    return attrs.field(validator=attrs.validators.ge(0))


def _text() -> Any:
    """The text of a span, checked to fit its offsets."""
    return attrs.field(validator=_check_span)


@attrs.frozen(kw_only=True)
class Span:
    """A stretch of the source text: `source[start:end] == text`."""

    start: int = _offset()
    end: int = _offset()
    text: str = _text()

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """The span of `source` between `start` and `end`."""
        return cls(start=start, end=end, text=source[start:end])


@attrs.frozen(kw_only=True)
class Mention:
    """An earlier mention a speaker was resolved from (同氏 -> 車斗鉉)."""

    start: int = _offset()
    end: int = _offset()
    text: str = _text()


@attrs.frozen(kw_only=True)
class Speaker:
    """Who spoke, as the text names them.

    `text` is the mention in the attributing sentence; `name`, `reading`, `title`
    and `honorific` are its parts (車斗鉉, チャ・ドゥヒョン, 首席研究委員, 氏), and
    `anonymous` is true for unnamed sources (当局者, 関係者, 高官ら).
    """

    start: int = _offset()
    end: int = _offset()
    text: str = _text()
    name: str | None = None
    reading: str | None = None
    title: str | None = None
    honorific: str | None = None
    anonymous: bool = False
    resolved_from: Mention | None = None


@attrs.frozen(kw_only=True)
class Affiliation:
    """The organisation the speaker belongs to, as the text states it."""

    start: int = _offset()
    end: int = _offset()
    text: str = _text()
    canonical: str | None = None
    category: str | None = None
    country: str | None = None


@attrs.frozen(kw_only=True)
class Cue:
    """The reporting expression (強調した, 明らかにした, によると) and its lemma."""

    start: int = _offset()
    end: int = _offset()
    text: str = _text()
    lemma: str


@attrs.frozen(kw_only=True)
class Via:
    """The medium that relayed the words (WPに, AP通信によると)."""

    start: int = _offset()
    end: int = _offset()
    text: str = _text()
    canonical: str | None = None


@attrs.frozen(kw_only=True)
class Quotation:
    """One quotation: its content span, kind, and who said it through what.

    `start`/`end` delimit the content without the brackets. `group` is shared by
    the parts of one utterance (「A」とし「B」と述べた); `confidence` is in [0, 1].
    """

    doc: str | None = None
    kind: Kind = attrs.field(validator=attrs.validators.in_(KINDS))
    start: int = _offset()
    end: int = _offset()
    text: str = _text()
    group: int | None = None
    confidence: float = attrs.field(
        default=1.0, validator=[attrs.validators.ge(0.0), attrs.validators.le(1.0)]
    )
    speaker: Speaker | None = None
    affiliation: Affiliation | None = None
    cue: Cue | None = None
    via: Via | None = None
    #: the rule that found the speaker (or "term"); stable names, listed in docs/schema.md
    rule: str | None = None

    def spans(self) -> dict[str, Span | Speaker | Affiliation | Cue | Via | Mention]:
        """Every span this record carries, by field name (for offset checks)."""
        found: dict[str, Any] = {"quote": self}
        for name in ("speaker", "affiliation", "cue", "via"):
            value = getattr(self, name)
            if value is not None:
                found[name] = value
        if self.speaker is not None and self.speaker.resolved_from is not None:
            found["resolved_from"] = self.speaker.resolved_from
        return found


@attrs.frozen(kw_only=True)
class Problem:
    """Something in the input the library could not read as the author meant.

    `code` is one of the warning codes in `quotes.errors.Warnings` (W001 ...);
    `start`/`end` locate it in the source.
    """

    code: str
    message: str
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field(validator=attrs.validators.ge(0))
    doc: str | None = None


def _to_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


@attrs.frozen(kw_only=True)
class Analysis:
    """What `Extractor.analyze` returns: the quotations and the problems met."""

    quotations: tuple[Quotation, ...] = attrs.field(converter=_to_tuple)
    problems: tuple[Problem, ...] = attrs.field(converter=_to_tuple)


def misplaced_spans(record: Quotation, source: str) -> list[str]:
    """Names of the spans of `record` that do not slice back to their text."""
    return [name for name, span in record.spans().items() if source[span.start : span.end] != span.text]
