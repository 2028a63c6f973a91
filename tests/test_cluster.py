"""Dask: a LocalCluster of 2 worker processes gives the same records as one process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotes
from quotes.errors import InputValueError

dask_bag = pytest.importorskip("dask.bag", reason="the dask extra is part of the test dependencies")
distributed = pytest.importorskip("distributed")

from quotes.cluster import analyze_on_cluster, extract_bag  # noqa: E402

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


def test_unknown_options_are_refused() -> None:
    with pytest.raises(InputValueError, match="Unknown extractor options"):
        extract_bag(dask_bag.from_sequence(["a"]), colour="red")
