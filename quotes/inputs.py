"""Where texts come from: files, folders and streams, read the one way the project reads text.

Files are decoded as UTF-8 with Python's universal newlines (`\\r\\n` -> `\\n`), the
way the gold scorer reads them, so offsets agree everywhere (docs/schema.md). Streams
and files the command line reads are read in bounded chunks up to a size limit, so
an endless input (`/dev/zero`, a runaway pipe) is refused instead of filling memory.
"""

from __future__ import annotations

import os
import select
import stat
import sys
from pathlib import Path
from typing import IO, Any, Protocol

from quotes.errors import Errors, InputValueError

#: the default limit on one input, in bytes (`--max-bytes`): about 3 million Japanese characters
DEFAULT_MAX_BYTES = 10_000_000
#: how much is read at a time
_CHUNK = 1 << 20

#: what a directory entry that is not a regular file is, by its `stat` test
_KINDS = (
    (stat.S_ISFIFO, "FIFO (named pipe)"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)


def text_files(folder: str | Path) -> list[Path]:
    """The `*.txt` files of a folder, sorted by name."""
    return sorted(p for p in Path(folder).glob("*.txt") if p.is_file())


def odd_entries(folder: str | Path) -> list[tuple[Path, str]]:
    """The `*.txt` entries of a folder that are neither files nor folders, with what each is.

    A FIFO, a socket, a device or a dangling link named `*.txt` is not read (reading a
    FIFO could wait forever), but it is reported rather than skipped silently.
    """
    found = []
    for path in sorted(Path(folder).glob("*.txt")):
        kind = entry_kind(path)
        if kind is not None:
            found.append((path, kind))
    return found


def entry_kind(path: Path) -> str | None:
    """What `path` is when it is not a regular file or a folder (None when it is one)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "dangling link" if path.is_symlink() else None
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "special file")


def read_text(path: str | Path, *, max_bytes: int | None = None) -> str:
    """A text file's content (UTF-8, universal newlines).

    Args:
        path: a regular file, or a FIFO or device named on purpose (`<(command)`).
        max_bytes: refuse inputs larger than this (None: no limit, for trusted files).

    Raises:
        UnicodeDecodeError: the file is not UTF-8.
        OSError: the file cannot be read.
        InputValueError: the file is larger than `max_bytes`.
    """
    if max_bytes is None:
        return Path(path).read_text(encoding="utf-8")
    with open(path, "rb") as handle:
        return read_stream(handle, max_bytes=max_bytes, name=str(path))


class Readable(Protocol):
    """What `read_stream` reads: a binary or text stream, or `Interruptible` standard input."""

    def read(self, size: int, /) -> Any: ...


def read_stream(stream: Readable, *, max_bytes: int, name: str) -> str:
    """A stream's content as text, read in chunks and never more than `max_bytes` + 1 bytes.

    `stream` yields bytes (a file opened "rb", `sys.stdin.buffer`), or str, which is
    counted by its UTF-8 length. Decoded as UTF-8 with universal newlines, as files are.

    Raises:
        InputValueError: the stream holds more than `max_bytes` bytes.
        UnicodeDecodeError: it is not UTF-8.
    """
    data = bytearray()
    while chunk := stream.read(min(_CHUNK, max_bytes + 1 - len(data))):
        data += chunk.encode("utf-8", "surrogatepass") if isinstance(chunk, str) else chunk
        if len(data) > max_bytes:
            raise InputValueError(Errors.E021.format(path=name, limit=max_bytes))
    return universal_newlines(data.decode("utf-8"))


#: how long a read of standard input waits before it looks for a pending Ctrl-C
_WAKE_SECONDS = 0.25


class Interruptible:
    """Standard input read in short waits, so that Ctrl-C stops a command blocked on it.

    A terminal's SIGINT may be taken by any thread of the process (the worker pool's, the
    BLAS library's); Python runs the handler in the main thread only when that thread
    runs again, and a read blocked on a pipe never returns to it. Waiting with `select`
    for at most `_WAKE_SECONDS` at a time lets the handler run.
    """

    def __init__(self, stream: IO[Any]) -> None:
        self._stream = stream
        try:
            self._fd: int | None = stream.fileno() if sys.platform != "win32" else None
        except (AttributeError, OSError, ValueError):
            self._fd = None  # not a real file (a test's StringIO): read it as it is

    def read(self, size: int) -> Any:
        if self._fd is None:
            return self._stream.read(size)
        while not select.select([self._fd], [], [], _WAKE_SECONDS)[0]:
            pass  # the main thread runs here, and a pending signal's handler with it
        return os.read(self._fd, size)


def universal_newlines(text: str) -> str:
    """`\\r\\n` and a lone `\\r` as `\\n`, as Python's text files read them."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
