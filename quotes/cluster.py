"""Running extraction on a Dask cluster (`pip install 'quotes[dask]'`).

    import dask.bag as db
    from quotes.cluster import extract_bag

    texts = db.from_sequence([(text, "a.txt"), ...], npartitions=8)
    records = extract_bag(texts).compute()          # list of lists of Quotation

Each worker thread builds one `Pipeline` (the GiNZA model is loaded once per
thread, on first use) and reuses it for every partition it is given: SudachiPy's
tokenizer is not thread-safe (two threads in one raise "Already borrowed"), so
Dask's threaded scheduler and workers with several threads each get their own.
A dask DataFrame is handled the same way after `df[["text", "doc"]].to_bag()`.
"""

from __future__ import annotations

import pickle
import threading
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from quotes.errors import Errors, InputValueError, SchedulerError
from quotes.records import Analysis, Quotation
from quotes.text.plan import check_text

if TYPE_CHECKING:
    import dask.bag

    from quotes.pipeline.run import Pipeline

#: options the workers' extractors are built with, as a hashable key
Options = tuple[tuple[str, Any], ...]


def _require_dask() -> None:
    try:
        import dask.bag  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise InputValueError(Errors.E016) from exc


#: each thread's pipeline and the pickled options it was built with (a Lexicon is not hashable)
_LOCAL = threading.local()
#: how long to wait for a scheduler by default, in seconds
DEFAULT_TIMEOUT = 5.0
#: schemes whose addresses are host:port
_HOST_PORT_SCHEMES = ("tcp", "tls", "ws", "wss")


def worker_pipeline(options: Options) -> Pipeline:
    """The pipeline of this thread for `options`, built once.

    One per thread, not per process: Sudachi's tokenizer must not be used by two
    threads at once. A new configuration replaces the thread's old pipeline.
    """
    from quotes.pipeline.config import Config

    key = pickle.dumps(options)
    cached: tuple[bytes, Pipeline] | None = getattr(_LOCAL, "pipeline", None)
    if cached is None or cached[0] != key:
        cached = (key, Config(**dict(options)).build())
        _LOCAL.pipeline = cached
    return cached[1]


def _options(extractor_options: dict[str, Any]) -> Options:
    unknown = set(extractor_options) - {
        "model",
        "lexicon",
        "max_unit_bytes",
        "parse",
        "ops",
        "threads",
        "organizations",
        "confidence_model",
    }
    if unknown:
        raise InputValueError(Errors.E017.format(names=sorted(unknown)))
    return tuple(sorted(extractor_options.items()))


def _analyze_partition(items: Iterable[Any], options: Options) -> list[Analysis]:
    pipeline = worker_pipeline(options)
    pairs = (_pair(item) for item in items)
    return [analysis for analysis, _ in pipeline.analyze_stream(pairs, 64)]


def _pair(item: Any) -> tuple[Any, Any]:
    """`(text, doc_id)` of a bag item: a str, or a (text, doc_id) pair; anything else is the
    catalogue's InputTypeError (E001), not a bare TypeError."""
    if isinstance(item, str):
        return item, None
    if isinstance(item, (tuple, list)) and item:
        return (item[0], item[1] if len(item) > 1 else None)
    check_text(item)
    return item, None  # pragma: no cover - check_text raised


def analyze_bag(texts: dask.bag.Bag, **extractor_options: Any) -> dask.bag.Bag:
    """A bag of `Analysis`, one per text (a str, or a `(text, doc_id)` pair), in order."""
    _require_dask()
    options = _options(extractor_options)
    return texts.map_partitions(_analyze_partition, options)


def extract_bag(texts: dask.bag.Bag, **extractor_options: Any) -> dask.bag.Bag:
    """A bag of quotation lists, one per text, in order (see `analyze_bag`)."""
    return analyze_bag(texts, **extractor_options).map(lambda analysis: list(analysis.quotations))


def analyze_on_cluster(
    scheduler: str,
    items: Iterable[tuple[str, str]],
    *,
    partition_size: int = 16,
    timeout: float = DEFAULT_TIMEOUT,
    **extractor_options: Any,
) -> Iterator[tuple[Analysis, str]]:
    """`(Analysis, name)` for each `(text, name)`, computed on the cluster at `scheduler`.

    Texts are sent in partitions of `partition_size`; results come back in input
    order, one partition at a time, so the client's memory stays bounded by the
    partitions in flight. The arguments are checked now; the scheduler is reached
    when the first result is asked for.

    Raises:
        InputValueError: a bad address, `partition_size`, `timeout` or option.
        SchedulerError: (on the first result) no scheduler answered within `timeout` seconds.
    """
    _require_dask()
    if not isinstance(partition_size, int) or partition_size < 1:
        raise InputValueError(Errors.E026.format(name="partition_size", value=partition_size))
    if not isinstance(timeout, (int, float)) or not timeout > 0:
        raise InputValueError(Errors.E027.format(name="timeout", value=timeout))
    _check_address(scheduler)
    options = _options(extractor_options)
    return _on_cluster(scheduler, items, partition_size, float(timeout), options)


def _check_address(address: str) -> None:
    """Refuse an address distributed would wait on forever or fail on late (http://, no port)."""
    from distributed.comm import registry
    from distributed.comm.addressing import get_address_host_port, parse_address

    try:
        scheme, _ = parse_address(address)
        registry.get_backend(scheme)
        if scheme in _HOST_PORT_SCHEMES:
            get_address_host_port(address)
    except (ValueError, TypeError) as exc:
        raise InputValueError(Errors.E024.format(address=address, reason=exc)) from None


def _connect(scheduler: str, timeout: float) -> Any:
    from distributed import Client

    try:
        return Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        reason = str(exc) or type(exc).__name__
        raise SchedulerError(Errors.E023.format(address=scheduler, timeout=timeout, reason=reason)) from None


def _on_cluster(
    scheduler: str, items: Iterable[tuple[str, str]], partition_size: int, timeout: float, options: Options
) -> Iterator[tuple[Analysis, str]]:
    with _connect(scheduler, timeout) as client:
        block: list[tuple[str, str]] = []
        futures: list[Any] = []
        names: list[Sequence[str]] = []

        def submit() -> None:
            futures.append(client.submit(_analyze_partition, list(block), options, pure=False))
            names.append([name for _, name in block])
            block.clear()

        for item in items:
            block.append(item)
            if len(block) >= partition_size:
                submit()
            while len(futures) > 4:  # keep a few partitions in flight, not the archive
                yield from zip(futures.pop(0).result(), names.pop(0), strict=True)
        if block:
            submit()
        for future, batch in zip(futures, names, strict=True):
            yield from zip(future.result(), batch, strict=True)


__all__ = [
    "DEFAULT_TIMEOUT",
    "Quotation",
    "analyze_bag",
    "analyze_on_cluster",
    "extract_bag",
    "worker_pipeline",
]
