"""Dask: a LocalCluster of 2 worker processes gives the same records as one process."""

from __future__ import annotations

import json
import socket
import threading
import time
from pathlib import Path

import pytest

import quotes
from quotes.errors import InputValueError, SchedulerError

dask_bag = pytest.importorskip("dask.bag", reason="the dask extra is part of the test dependencies")
distributed = pytest.importorskip("distributed")

from quotes.cluster import _options, analyze_on_cluster, extract_bag, worker_pipeline  # noqa: E402

DEV = Path(__file__).parent / "data" / "dev"


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield local


@pytest.fixture(scope="module")
def texts() -> list[tuple[str, str]]:
    return [(p.read_text(encoding="utf-8"), p.name) for p in sorted(DEV.glob("*.txt"))[:6]]


def test_bag_on_two_workers_matches_one_process(cluster, texts, extractor: quotes.Extractor) -> None:
    with distributed.Client(cluster):
        bag = dask_bag.from_sequence(texts, npartitions=3)
        on_cluster = extract_bag(bag).compute()
    here = [records for records, _ in extractor.extract_many(texts, as_tuples=True)]
    assert on_cluster == here
    assert sum(map(len, here)) > 0


def test_scheduler_address_streams_in_order(cluster, texts, extractor: quotes.Extractor) -> None:
    results = list(analyze_on_cluster(cluster.scheduler_address, iter(texts), partition_size=2))
    assert [name for _, name in results] == [name for _, name in texts]
    assert [a.quotations for a, _ in results] == [extractor.analyze(t, doc_id=n).quotations for t, n in texts]


def test_cli_scheduler_option(cluster, texts, capsys: pytest.CaptureFixture[str]) -> None:
    from quotes import cli

    code = cli.main(["extract", str(DEV / texts[0][1]), "--scheduler", cluster.scheduler_address, "--quiet"])
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 0 and rows and {r["doc"] for r in rows} == {texts[0][1]}


def test_threaded_scheduler_gives_the_records_of_one_process(texts, extractor: quotes.Extractor) -> None:
    """Sudachi is not thread-safe: each thread gets its own extractor, so threads agree with one process."""
    many = texts * 3
    bag = dask_bag.from_sequence(many, npartitions=len(many))
    threaded = extract_bag(bag).compute(scheduler="threads", num_workers=2)
    assert threaded == [records for records, _ in extractor.extract_many(many, as_tuples=True)]


def test_each_thread_has_its_own_extractor() -> None:
    options = _options({})
    here = worker_pipeline(options)
    elsewhere: list[quotes.Extractor] = []
    thread = threading.Thread(target=lambda: elsewhere.append(worker_pipeline(options)))
    thread.start()
    thread.join()
    assert worker_pipeline(options) is here and elsewhere[0] is not here


@pytest.mark.parametrize(
    "address,options",
    [
        ("http://127.0.0.1:8786", {}),
        ("localhost", {}),
        ("tcp://127.0.0.1:8786", {"partition_size": 0}),
        ("tcp://127.0.0.1:8786", {"timeout": 0}),
    ],
)
def test_bad_cluster_arguments_are_refused_at_call_time(address: str, options: dict[str, object]) -> None:
    with pytest.raises(InputValueError):
        analyze_on_cluster(address, iter([]), **options)  # type: ignore[arg-type]


def test_no_scheduler_is_a_scheduler_error_after_the_timeout() -> None:
    started = time.monotonic()
    with pytest.raises(SchedulerError, match="cannot reach the Dask scheduler at tcp://"):
        list(analyze_on_cluster(f"tcp://127.0.0.1:{free_port()}", iter([("x", "a.txt")]), timeout=1))
    assert time.monotonic() - started < 15


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_unknown_options_are_refused() -> None:
    with pytest.raises(InputValueError, match="Unknown extractor options"):
        extract_bag(dask_bag.from_sequence(["a"]), colour="red")
