"""Where texts come from: the `*.txt` files of a folder, read the one way the project reads text.

Files are decoded as UTF-8 with Python's universal newlines (`\\r\\n` -> `\\n`), the
way the gold scorer reads them, so offsets agree everywhere (docs/schema.md).
"""

from __future__ import annotations

from pathlib import Path


def text_files(folder: str | Path) -> list[Path]:
    """The `*.txt` files of a folder, sorted by name."""
    return sorted(p for p in Path(folder).glob("*.txt") if p.is_file())


def read_text(path: str | Path) -> str:
    """A text file's content (UTF-8, universal newlines); raises UnicodeDecodeError/OSError."""
    return Path(path).read_text(encoding="utf-8")
