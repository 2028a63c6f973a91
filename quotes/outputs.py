"""Where the command line's results go: a file checked before the work, or standard output.

Every way writing can fail (a missing or read-only folder, a folder given as the
file, a full disk, a closed pipe) ends as one `OutputError` naming the target, and
Ctrl-C during a write waits for the write to end, so what is written is whole.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from quotes.errors import Errors, OutputError

ENCODINGS = ("utf-8", "utf-8-sig")
STDOUT = "standard output"


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def check_writable(path: str | Path) -> None:
    """Raise `OutputError` unless `path` can be written, without creating or changing it."""
    target = Path(path)
    try:
        _check(target)
    except OSError as exc:  # a folder on the way that cannot be entered
        raise OutputError(Errors.E019.format(path=target, reason=exc.strerror or exc)) from exc


def _check(target: Path) -> None:
    if target.is_dir():
        raise OutputError(Errors.E019.format(path=target, reason="it is a folder"))
    if target.exists():
        if not os.access(target, os.W_OK):
            raise OutputError(Errors.E019.format(path=target, reason="permission denied"))
        return
    folder = target.parent
    if not folder.is_dir():
        what = "is not a folder" if folder.exists() else "does not exist"
        raise OutputError(Errors.E019.format(path=target, reason=f"the folder {folder} {what}"))
    if not os.access(folder, os.W_OK | os.X_OK):
        raise OutputError(Errors.E019.format(path=target, reason=f"the folder {folder} is not writable"))


@contextlib.contextmanager
def held_interrupt() -> Iterator[None]:
    """Hold Ctrl-C until the block is done, then raise it: a document is written whole or not at all."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda signum, _frame: received.append(signum))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if received:
        raise KeyboardInterrupt


class Sink:
    """A text stream whose write errors are one `OutputError`.

    Args:
        stream: the stream written to.
        name: the target as the user named it (a path, or standard output).
        owned: close `stream` at the end (a file this module opened), else only flush it.
    """

    def __init__(self, stream: TextIO, name: str, *, owned: bool) -> None:
        self.stream = stream
        self.name = name
        self.owned = owned

    def write(self, text: str) -> None:
        """Write `text` whole (Ctrl-C waits for it)."""
        with held_interrupt(), self._errors():
            self.stream.write(text)

    def close(self) -> None:
        """Flush, and close a file this module opened."""
        with self._errors():
            if self.owned:
                self.stream.close()
            else:
                self.stream.flush()

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except OSError as exc:
            if not self.owned:
                _silence(self.stream)
            raise OutputError(Errors.E020.format(path=self.name, reason=_reason(exc))) from None


def _silence(stream: TextIO) -> None:
    """Point a broken standard stream at /dev/null, so the interpreter's last flush is quiet.

    What Python's documentation advises for a closed pipe (signal.html, "Note on SIGPIPE").
    """
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)


def open_sink(path: str | None, stdout: TextIO, *, encoding: str = "utf-8") -> Sink:
    """A sink for `path` (checked and opened now, before any work), or for `stdout`.

    `encoding` is utf-8 or utf-8-sig (a byte-order mark first, which Excel needs to
    read a CSV as UTF-8). Standard output is written as UTF-8 whatever the locale.
    """
    if path is None:
        _utf8(stdout)
        sink = Sink(stdout, STDOUT, owned=False)
        if encoding == "utf-8-sig":
            sink.write("\ufeff")
        return sink
    check_writable(path)
    try:
        handle = open(path, "w", encoding=encoding, newline="")  # the Sink closes it
    except OSError as exc:
        raise OutputError(Errors.E019.format(path=path, reason=_reason(exc))) from None
    return Sink(handle, str(path), owned=True)


def _utf8(stream: Any) -> None:
    """Switch a standard stream with another encoding (a legacy locale) to UTF-8."""
    encoding = (getattr(stream, "encoding", None) or "utf-8").lower().replace("_", "-")
    if encoding not in ("utf-8", "utf8") and isinstance(stream, io.TextIOWrapper):
        stream.reconfigure(encoding="utf-8")


__all__ = ["ENCODINGS", "STDOUT", "Sink", "check_writable", "held_interrupt", "open_sink"]
