"""Time and size of an archive index of 10,000 documents, and search latency on it.

Not a test: run it by hand on a quiet machine.

    python benchmarks/archive.py                    # 10,000 documents in a temporary folder
    python benchmarks/archive.py --docs 2000 --db /tmp/archive.db --keep

The documents are the seed article and the Wikinews dev texts, repeated under
distinct names, each with a line `（記事番号 N）` appended so that every text (and
so its sha256) is distinct. The 21 texts are extracted once and their records
reused for every copy (the appended line holds no quotation and moves no
offset): the figures are those of the index, not of the parser, whose speed
`benchmarks/throughput.py` measures. Each document is added in its own
transaction, as `quotes index` does.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import attrs

import quotes
from quotes.archive import Document, Index
from quotes.records import Quotation

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "tests" / "data" / "dev"]


def base_documents() -> list[tuple[str, str, list[Quotation]]]:
    """`(name, text, records)` of the seed and dev texts, extracted once."""
    files = sorted(p for folder in SOURCES for p in folder.glob("*.txt"))
    extractor = quotes.Extractor()
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        out.append((path.name, text, extractor.extract(text, doc_id=path.name)))
    return out


def build(db: Path, docs: int) -> tuple[float, int]:
    """Index `docs` documents into `db`; seconds taken and records stored."""
    base = base_documents()
    records = 0
    started = time.perf_counter()
    with Index.open(db, write=True) as index:
        for n in range(docs):
            name, text, found = base[n % len(base)]
            doc_name = f"{n:05d}_{name}"
            copy = f"{text}\n（記事番号 {n:05d}）"
            index.add(Document.of(doc_name, copy), [attrs.evolve(q, doc=doc_name) for q in found])
            records += len(found)
    return time.perf_counter() - started, records


def latency(run: Callable[[], list], repeat: int) -> tuple[float, float, int]:
    """Median and 95th percentile in milliseconds of `repeat` warm runs, and the hits."""
    hits = len(run())
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))], hits


QUERIES: list[tuple[str, dict]] = [
    ("speaker 車斗鉉", {"speaker": "車斗鉉"}),
    ("speaker 車斗鉉, limit 20", {"speaker": "車斗鉉", "limit": 20}),
    ("word 宣戦布告", {"words": "宣戦布告"}),
    ("word クルスク", {"words": "クルスク"}),
    ("word クルスク, limit 20", {"words": "クルスク", "limit": 20}),
    ("word 核 (1 char: scanned)", {"words": "核"}),
    ("org 世宗研究所 + word ロシア", {"org": "世宗研究所", "words": "ロシア"}),
    ("doc 00042_*", {"doc": "00042_*"}),
]


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--db", type=Path, help="where to build the index (default: a temporary folder)")
    parser.add_argument("--repeat", type=int, default=50, help="runs of each query")
    parser.add_argument("--keep", action="store_true", help="keep the index afterwards")
    args = parser.parse_args()
    folder = None if args.db else tempfile.TemporaryDirectory()
    db = args.db or Path(folder.name) / "archive.db"  # type: ignore[union-attr]
    db.unlink(missing_ok=True)
    seconds, records = build(db, args.docs)
    size = db.stat().st_size
    print(f"built      {args.docs:,} documents, {records:,} records in {seconds:.1f} s")
    print(f"           {args.docs / seconds:,.0f} documents/s; database {size / 2**20:.1f} MiB")
    print(f"           ({size / args.docs / 1024:.1f} KiB a document, {size / records:,.0f} bytes a record)")
    with Index.open(db) as index:
        counts = index.counts()
        print(f"holds      {counts['people']:,} people, {counts['orgs']:,} organisations")
        for label, query in QUERIES:
            median, p95, hits = latency(lambda q=query: index.search(**q), args.repeat)
            print(f"search     {label:<32} {hits:>6,} hits  median {median:7.1f} ms  p95 {p95:7.1f} ms")
        started = time.perf_counter()
        findings = index.check()
        print(f"check      {len(findings)} findings in {time.perf_counter() - started:.1f} s")
    if folder is not None and not args.keep:
        folder.cleanup()
    elif args.keep:
        print(f"kept       {db}")


if __name__ == "__main__":
    main()
