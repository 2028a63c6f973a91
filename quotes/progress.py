"""A progress bar for runs over many files, on stderr, only where someone watches it.

The bar is drawn by `tqdm` when the stream is a terminal, more than one file is read
and the user did not ask for quiet; otherwise the iterable passes through untouched,
so piped or logged runs get no control characters.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

from tqdm import tqdm

T = TypeVar("T")


def wanted(stream: TextIO, *, total: int, quiet: bool = False) -> bool:
    """Whether to draw a bar: a terminal, more than one file, not `--quiet`."""
    isatty = getattr(stream, "isatty", None)
    return not quiet and total > 1 and callable(isatty) and bool(isatty())


class Progress:
    """Counts documents on `stream`; `say` prints a line without breaking the bar.

    Args:
        stream: where the bar and the lines go (stderr).
        total: how many documents are expected.
        enabled: draw the bar (see `wanted`); when False, `track` passes items through.
        desc: the bar's label.
    """

    def __init__(self, stream: TextIO, *, total: int, enabled: bool, desc: str = "documents") -> None:
        self.stream = stream
        self.total = total
        self.enabled = enabled
        self.desc = desc
        self._bar: tqdm[object] | None = None

    def track(self, items: Iterable[T]) -> Iterator[T]:
        """Yield `items`, advancing the bar by one for each."""
        if not self.enabled:
            yield from items
            return
        with tqdm(total=self.total, desc=self.desc, unit="doc", file=self.stream, leave=False) as bar:
            self._bar = bar
            try:
                for item in items:
                    yield item
                    bar.update(1)
            finally:
                self._bar = None

    def say(self, line: str) -> None:
        """Print one line on the stream, above the bar when one is drawn."""
        if self._bar is not None:
            tqdm.write(line, file=self.stream)
        else:
            print(line, file=self.stream)
