"""Pin the records the library gives on the gold texts, to see every change a move makes.

    python -m tests.golden_pin          # rewrite tests/data/golden/*.jsonl from the current code

`tests/test_golden.py` compares the library's records with these files; a refactor
must leave them identical, and a deliberate change to the rules rewrites them (the
diff of the files is the list of what changed, reviewed in the commit).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import quotes
from quotes.serialize import to_dict

DATA = Path(__file__).resolve().parent / "data"
GOLDEN = DATA / "golden"
#: the gold sets whose texts are pinned (never the holdout, which stays unread)
SETS = ("seed", "dev", "dev2")


def records_of(extractor: quotes.Extractor, folder: Path) -> list[str]:
    """One JSON line per record of every text in `folder`, in file and offset order."""
    lines: list[str] = []
    for path in sorted(folder.glob("*.txt")):
        for record in extractor.extract(path.read_text(encoding="utf-8"), doc_id=path.name):
            lines.append(json.dumps(to_dict(record), ensure_ascii=False, sort_keys=True))
    return lines


def main() -> int:
    extractor = quotes.Extractor()
    GOLDEN.mkdir(exist_ok=True)
    for name in SETS:
        lines = records_of(extractor, DATA / name)
        (GOLDEN / f"{name}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{name}: {len(lines)} records", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
