"""Throughput of `quotes` against bare GiNZA parsing, measured in the same run.

Not a test: run it by hand on a quiet machine.

    python benchmarks/throughput.py                 # compare: bare GiNZA vs quotes, n_process 1 and 2
    python benchmarks/throughput.py --mode scaling  # time and peak memory from 200 to 2,000 documents
    python benchmarks/throughput.py --mode accuracy # dev-set F1 of each speed option
    python benchmarks/throughput.py --mode component # what ja_quotes adds to the ja_ginza pipeline

Every measurement runs in a fresh subprocess, so that its peak resident memory
(ru_maxrss) is its own and no model is warm from an earlier measurement. The
corpus is built from `seeds/` and the Wikinews dev texts in `tests/data/dev/`,
repeated until it holds at least `--min-chars` characters.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = [ROOT / "seeds", ROOT / "tests" / "data" / "dev"]


def base_texts() -> list[tuple[str, str]]:
    """`(text, name)` of the seed article and the dev texts."""
    files = sorted(p for folder in SOURCES for p in folder.glob("*.txt"))
    return [(p.read_text(encoding="utf-8"), p.name) for p in files]


def corpus(min_chars: int = 0, docs: int = 0) -> list[tuple[str, str]]:
    """The base texts repeated until there are `min_chars` characters and `docs` documents."""
    base = base_texts()
    out: list[tuple[str, str]] = []
    while sum(len(t) for t, _ in out) < min_chars or len(out) < docs:
        text, name = base[len(out) % len(base)]
        out.append((text, f"{len(out):05d}_{name}"))
    return out


# -- measurements, each run in its own process ---------------------------------


def _run_bare(texts: list[tuple[str, str]]) -> float:
    import spacy

    nlp = spacy.load("ja_ginza")
    start = time.perf_counter()
    for _ in nlp.pipe(t for t, _ in texts):
        pass
    return time.perf_counter() - start


def _run_component(texts: list[tuple[str, str]], with_quotes: bool) -> float:
    """Seconds the ja_ginza pipeline takes over the texts, or, with `with_quotes`, the
    seconds ja_quotes then takes over the parsed docs (what it adds to the pipeline);
    the better of two rounds, after a warm-up."""
    import spacy

    nlp = spacy.load("ja_ginza")
    words = [t for t, _ in texts]
    list(nlp.pipe(words[:2]))
    component = nlp.add_pipe("ja_quotes") if with_quotes else None
    best = float("inf")
    for _ in range(2):
        if component is None:
            start = time.perf_counter()
            list(nlp.pipe(words))
        else:
            with nlp.select_pipes(disable=["ja_quotes"]):
                docs = list(nlp.pipe(words))
            start = time.perf_counter()
            list(component.pipe(iter(docs)))
        best = min(best, time.perf_counter() - start)
    return best


def _run_quotes(texts: list[tuple[str, str]], n_process: int, options: dict) -> float:
    import quotes

    extractor = quotes.Extractor(**options)
    start = time.perf_counter()
    for _ in extractor.extract_many(iter(texts), as_tuples=True, n_process=n_process):
        pass
    return time.perf_counter() - start


def _child(spec: dict) -> None:
    """Entry point of a measuring subprocess: prints one JSON line."""
    texts = corpus(spec.get("min_chars", 0), spec.get("docs", 0))
    if spec["what"] == "bare":
        seconds = _run_bare(texts)
    elif spec["what"] == "component":
        seconds = _run_component(texts, spec["with_quotes"])
    else:
        seconds = _run_quotes(texts, spec.get("n_process", 1), spec.get("options", {}))
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    chars = sum(len(t) for t, _ in texts)
    print(
        json.dumps(
            {
                "seconds": seconds,
                "chars": chars,
                "docs": len(texts),
                "peak_mib": max(peak_kib, children_kib) / 1024,
            }
        )
    )


def measure(spec: dict) -> dict:
    """Run one measurement in a fresh interpreter and return what it printed."""
    done = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(spec)], capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- modes ----------------------------------------------------------------------


def compare(min_chars: int) -> None:
    print(f"corpus: at least {min_chars:,} characters from seeds/ and tests/data/dev/")
    rows = [
        ("bare ja_ginza: spacy.load + nlp.pipe", {"what": "bare"}),
        ("quotes extract_many, n_process=1", {"what": "quotes", "n_process": 1}),
        ("quotes extract_many, n_process=2", {"what": "quotes", "n_process": 2}),
        ("quotes, parse='all' (no sentence selection)", {"what": "quotes", "options": {"parse": "all"}}),
        ("quotes, ops='blis' (thinc's default BLAS)", {"what": "quotes", "options": {"ops": "blis"}}),
    ]
    results = {}
    for label, spec in rows:
        spec["min_chars"] = min_chars
        results[label] = r = measure(spec)
        print(
            f"{label:48s} {r['chars']:>8,} chars {r['seconds']:7.2f} s "
            f"{r['chars'] / r['seconds']:9,.0f} chars/s  peak {r['peak_mib']:6.0f} MiB"
        )
    bare = results[rows[0][0]]["seconds"]
    one = results[rows[1][0]]["seconds"]
    two = results[rows[2][0]]["seconds"]
    print(f"ratio quotes (n_process=1) / bare: {bare / one:.2f}x faster")
    print(f"ratio quotes (n_process=2) / bare: {bare / two:.2f}x faster")
    print(f"ratio n_process=2 / n_process=1:   {one / two:.2f}x faster")


def component(min_chars: int) -> None:
    """The time `nlp.add_pipe("ja_quotes")` adds to the ja_ginza pipeline it joins."""
    print(f"corpus: at least {min_chars:,} characters from seeds/ and tests/data/dev/")
    bare = measure({"what": "component", "with_quotes": False, "min_chars": min_chars})
    both = measure({"what": "component", "with_quotes": True, "min_chars": min_chars})
    print(f"{'ja_ginza pipeline, nlp.pipe':48s} {bare['seconds']:7.2f} s")
    print(f"{'ja_quotes over the parsed docs':48s} {both['seconds']:7.2f} s")
    added = both["seconds"] / bare["seconds"]
    print(f"ja_quotes adds {added:.1%} to the pipeline's time (target: at most 25%)")


def scaling() -> None:
    print("documents  seconds  docs/s   peak MiB")
    first = None
    for docs in (200, 500, 1000, 2000):
        r = measure({"what": "quotes", "docs": docs})
        first = first or r
        print(f"{docs:9d} {r['seconds']:8.1f} {docs / r['seconds']:7.1f} {r['peak_mib']:9.0f}")
    print(f"peak memory at 2,000 documents vs 200: {r['peak_mib'] / first['peak_mib']:.2f}x")


def accuracy() -> None:
    """Dev-set attribution F1 of each speed option (choices that cost accuracy stay options)."""
    import quotes
    from quotes import evaluate

    gold = evaluate.load_gold(ROOT / "tests" / "data" / "dev")
    texts = [(t, n) for t, n in base_texts() if n in gold]
    configs = {
        "default (selective, ops=numpy, ner excluded)": {},
        "parse='all'": {"parse": "all"},
        "ops='blis'": {"ops": "blis"},
    }
    for label, options in configs.items():
        ex = quotes.Extractor(**options)
        records = [r for recs, _ in ex.extract_many(texts, as_tuples=True) for r in recs]
        print(f"{label:48s} attribution_f1 {evaluate.score(gold, records)['attribution_f1']}")
    import spacy

    full = quotes.Extractor(nlp=spacy.load("ja_ginza"))  # every GiNZA component, ner included
    records = [r for recs, _ in full.extract_many(texts, as_tuples=True) for r in recs]
    f1 = evaluate.score(gold, records)["attribution_f1"]
    print(f"{'full ja_ginza pipeline (ner kept)':48s} attribution_f1 {f1}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=("compare", "scaling", "accuracy", "component"), default="compare")
    parser.add_argument("--min-chars", type=int, default=100_000)
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(json.loads(args.child))
    elif args.mode == "compare":
        compare(args.min_chars)
    elif args.mode == "scaling":
        scaling()
    elif args.mode == "component":
        component(args.min_chars)
    else:
        accuracy()


if __name__ == "__main__":
    main()
