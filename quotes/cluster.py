"""Running extraction on a Dask cluster (`pip install 'quotes[dask]'`).

    import dask.bag as db
    from quotes.cluster import extract_bag

    texts = db.from_sequence([(text, "a.txt"), ...], npartitions=8)
    records = extract_bag(texts).compute()          # list of lists of Quotation

Each worker process builds one `Pipeline` (the GiNZA model is loaded once per
worker, on first use) and reuses it for every partition it is given. A dask
DataFrame is handled the same way after `df[["text", "doc"]].to_bag()`.
"""

from __future__ import annotations

import pickle
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

from quotes.errors import Errors, InputValueError
from quotes.records import Analysis, Quotation

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


#: this process's pipelines, by their pickled options (a Lexicon is not hashable)
_PIPELINES: dict[bytes, Pipeline] = {}


def worker_pipeline(options: Options) -> Pipeline:
    """The pipeline of this process for `options`, built once."""
    from quotes.pipeline.config import Config

    key = pickle.dumps(options)
    if key not in _PIPELINES:
        _PIPELINES.clear()  # one model per worker: a new configuration replaces the old
        _PIPELINES[key] = Config(**dict(options)).build()
    return _PIPELINES[key]


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
    pairs = ((item, None) if isinstance(item, str) else tuple(item) for item in items)
    return [analysis for analysis, _ in pipeline.analyze_stream(pairs, 64)]


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
    **extractor_options: Any,
) -> Iterator[tuple[Analysis, str]]:
    """`(Analysis, name)` for each `(text, name)`, computed on the cluster at `scheduler`.

    Texts are sent in partitions of `partition_size`; results come back in input
    order, one partition at a time, so the client's memory stays bounded by the
    partitions in flight.
    """
    _require_dask()
    from distributed import Client

    options = _options(extractor_options)
    with Client(scheduler) as client:
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


__all__ = ["Quotation", "analyze_bag", "analyze_on_cluster", "extract_bag", "worker_pipeline"]
