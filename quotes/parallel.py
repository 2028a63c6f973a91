"""Running an `Extractor` over many texts in several processes.

Each worker process runs the whole job on whole texts (plan, select, parse,
assemble) and sends back only the records, which are small; parsed `Doc`s never
cross a process boundary. With the `fork` start method (Linux) the workers
inherit the parent's loaded model; elsewhere each loads its own once. Input is
read in bounded chunks, so memory stays flat however many texts there are, and
results come back in input order.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from threadpoolctl import threadpool_limits

from quotes.records import Analysis

if TYPE_CHECKING:
    from quotes.extractor import Extractor

#: the extractor of this worker process (set once, by the pool's initializer)
_WORKER: Extractor | None = None


def _init(extractor: Extractor | None, config: dict[str, Any] | None) -> None:
    """Worker start-up: one BLAS thread, and the parent's extractor (fork) or a new one."""
    global _WORKER
    threadpool_limits(limits=1, user_api="blas")
    if extractor is not None:
        _WORKER = extractor
    elif config is not None:
        from quotes.extractor import Extractor

        _WORKER = Extractor(**config)


def _work(item: tuple[Any, Any]) -> tuple[Analysis, Any]:
    text, context = item
    assert _WORKER is not None, "worker not initialised"
    doc_id = context if isinstance(context, str) else None
    return _WORKER.analyze(text, doc_id=doc_id), context


def analyze_parallel(
    extractor: Extractor, items: Iterable[tuple[Any, Any]], *, n_process: int, chunk: int
) -> Iterator[tuple[Analysis, Any]]:
    """`(Analysis, context)` for each `(text, context)`, in order, over `n_process` workers.

    With fork, each worker inherits `extractor` (its loaded model, copy-on-write);
    with spawn, each builds one from `extractor.config()` (a passed-in `nlp` is then
    replaced by the model of that name).
    """
    initargs: tuple[Extractor | None, dict[str, Any] | None]
    if "fork" in multiprocessing.get_all_start_methods():
        method, initargs = "fork", (extractor, None)  # inherited, never pickled
    else:  # pragma: no cover - not on Linux
        method, initargs = "spawn", (None, extractor.config())
    context = multiprocessing.get_context(method)
    iterator = iter(items)
    with context.Pool(n_process, initializer=_init, initargs=initargs) as pool:
        while True:
            block = list(islice(iterator, chunk))
            if not block:
                return
            yield from pool.imap(_work, block, chunksize=max(1, len(block) // (4 * n_process)))
