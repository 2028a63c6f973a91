"""Running a `Pipeline` over many texts in several processes.

Each worker process runs the whole pipeline on whole texts (plan, select, parse,
assemble) and sends back only the records, which are small; parsed `Doc`s never
cross a process boundary. With the `fork` start method (Linux) the workers inherit
the parent's pipeline and its loaded model; elsewhere each builds its own once from
the config. Input is read in bounded chunks, so memory stays flat however many texts
there are, and results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from threadpoolctl import threadpool_limits

from quotes.pipeline.config import Config
from quotes.pipeline.run import Pipeline
from quotes.records import Analysis

#: the pipeline of this worker process (set once, by the pool's initializer)
_WORKER: Pipeline | None = None


def _init(pipeline: Pipeline | None, config: Config | None) -> None:
    """Worker start-up: one BLAS thread, and the parent's pipeline (fork) or a new one."""
    global _WORKER
    threadpool_limits(limits=1, user_api="blas")
    _WORKER = pipeline if pipeline is not None else config.build() if config is not None else None


def _work(item: tuple[Any, Any]) -> tuple[Analysis, Any]:
    text, context = item
    assert _WORKER is not None, "worker not initialised"
    doc_id = context if isinstance(context, str) else None
    return _WORKER.analyze(text, doc_id), context


def analyze_parallel(
    pipeline: Pipeline, config: Config, items: Iterable[tuple[Any, Any]], *, n_process: int, chunk: int
) -> Iterator[tuple[Analysis, Any]]:
    """`(Analysis, context)` for each `(text, context)`, in order, over `n_process` workers.

    With fork, each worker inherits `pipeline` (its loaded model, copy-on-write); with
    spawn, each builds one from `config` (a passed-in `nlp` is then replaced by the
    model of that name).
    """
    initargs: tuple[Pipeline | None, Config | None]
    if "fork" in multiprocessing.get_all_start_methods():
        method, initargs = "fork", (pipeline, None)  # inherited, never pickled
    else:  # pragma: no cover - not on Linux
        method, initargs = "spawn", (None, config)
    context = multiprocessing.get_context(method)
    iterator = iter(items)
    with context.Pool(n_process, initializer=_init, initargs=initargs) as pool:
        while True:
            block = list(islice(iterator, chunk))
            if not block:
                return
            yield from pool.imap(_work, block, chunksize=max(1, len(block) // (4 * n_process)))
