"""What the confidence model costs: loading its file, and its share of extraction time.

Not a test: run it by hand on a quiet machine.

    python benchmarks/confidence.py                  # load time and overhead on 100,000 characters
    python benchmarks/confidence.py --min-chars 300000

Load time is measured in fresh interpreters (the cold read of quotes/data/confidence.json,
after `quotes.confidence.model` is imported, as `Pipeline` does it once per process) and
warm in this one. The overhead is measured two ways on the corpus of
`benchmarks/throughput.py` (seeds/ and tests/data/dev/ repeated): the time spent in
`ConfidenceModel.apply` against the whole extraction time, and the extraction time with
the shipped model against that with the rule table alone (`confidence_model="rules"`),
runs alternated so that neither is warmer.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import corpus  # the same corpus as the throughput benchmark

_COLD = """
import time
from quotes.confidence import model
start = time.perf_counter()
model.shipped()
print(time.perf_counter() - start)
"""


def cold_load(runs: int) -> list[float]:
    """Seconds to read and check the shipped model in each of `runs` fresh interpreters."""
    return [
        float(
            subprocess.run([sys.executable, "-c", _COLD], capture_output=True, text=True, check=True).stdout
        )
        for _ in range(runs)
    ]


def warm_load(runs: int) -> list[float]:
    from quotes.confidence import model

    path = Path(model.__file__).resolve().parent.parent / "data" / model.SHIPPED
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        model.ConfidenceModel.load(path)
        times.append(time.perf_counter() - start)
    return times


class TimedScorer:
    """The shipped model, counting the seconds spent in its `apply`."""

    def __init__(self, scorer: Any) -> None:
        self.scorer = scorer
        self.seconds = 0.0

    def apply(self, records: Any, source: str, lex: Any) -> Any:
        start = time.perf_counter()
        out = self.scorer.apply(records, source, lex)
        self.seconds += time.perf_counter() - start
        return out


def overhead(min_chars: int, rounds: int) -> None:
    import quotes
    from quotes.confidence import model

    texts = corpus(min_chars)
    chars = sum(len(t) for t, _ in texts)
    shipped = quotes.Extractor()
    rules = quotes.Extractor(nlp=shipped.nlp, confidence_model="rules")  # the same loaded GiNZA
    timer = TimedScorer(model.shipped())
    shipped.pipeline.confidence = timer  # type: ignore[assignment]
    for ex in (shipped, rules):  # warm both up
        list(ex.extract_many(texts[:5], as_tuples=True))
    runs: dict[str, list[float]] = {"model": [], "rules": []}
    shares: list[float] = []
    records = 0
    for _ in range(rounds):
        for name, ex in (("model", shipped), ("rules", rules)):
            before = timer.seconds
            start = time.perf_counter()
            records = sum(len(r) for r, _ in ex.extract_many(texts, as_tuples=True))
            runs[name].append(time.perf_counter() - start)
            if name == "model":
                shares.append((timer.seconds - before) / runs[name][-1])
    with_model, without = statistics.median(runs["model"]), statistics.median(runs["rules"])
    print(f"corpus: {len(texts)} documents, {chars:,} characters, {records:,} records")
    print(f"extraction, shipped model   : median {with_model:6.2f} s over {rounds} runs")
    print(f"extraction, rule table only : median {without:6.2f} s over {rounds} runs")
    print(f"difference                  : {with_model / without - 1:+.1%} (run-to-run noise included)")
    print(
        f"time inside ConfidenceModel.apply: {statistics.median(shares):.2%} of extraction (target: under 5%)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-chars", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cold = cold_load(5)
    warm = warm_load(50)
    cold_ms, worst_ms = statistics.median(cold) * 1000, max(cold) * 1000
    print(f"load, fresh interpreter : median {cold_ms:.2f} ms (max {worst_ms:.2f} ms)")
    print(f"load, warm              : median {statistics.median(warm) * 1000:.2f} ms (target: under 50 ms)")
    overhead(args.min_chars, args.rounds)


if __name__ == "__main__":
    main()
