"""Past one machine: extraction on Dask into a partitioned Parquet dataset, and the index built from it.

    import dask.bag as db
    from quotes.archive import Index, parquet

    texts = db.from_sequence([(text, "a.txt"), (text2, "b.txt", "2024-11-18")], npartitions=64)
    parquet.write_dataset(texts, "archive.parquet")         # on the cluster's workers
    with Index.open("archive.db", write=True) as index:     # then, on one machine
        parquet.add_dataset(index, "archive.parquet")

The dataset is a folder of two tables, each one Parquet file per Dask partition
(`part-00000.parquet`, ...), which pandas, DuckDB or pyarrow read as they are:

    ROOT/documents/part-N.parquet   name, sha256, size, date, records, problems (JSON)
    ROOT/records/part-N.parquet     doc, doc_sha256, ordinal, the record's fields flat, record (JSON)

`record` is `quotes.serialize.to_dict` as JSON, the same object `quotes extract` writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quotes.archive.ingest import Summary
from quotes.archive.store import Document, Index, text_hash
from quotes.errors import ArchiveError, ArchiveFormatError
from quotes.records import Analysis, Problem
from quotes.serialize import dumps, from_data, problem_dict, to_dict

if TYPE_CHECKING:
    import dask.bag
    import pyarrow

TABLES = ("documents", "records")


def _pyarrow() -> Any:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise ArchiveError("E050") from exc
    return pyarrow


def schemas() -> dict[str, pyarrow.Schema]:
    """The column types of both tables (so that an empty partition still has them)."""
    pa = _pyarrow()
    text, integer = pa.string(), pa.int64()
    documents = pa.schema(
        [
            ("name", text),
            ("sha256", text),
            ("size", integer),
            ("date", text),
            ("records", integer),
            ("problems", text),
        ]
    )
    columns = [("doc", text), ("doc_sha256", text), ("ordinal", integer), ("kind", text), ("text", text)]
    columns += [("start", integer), ("end", integer), ("group", integer), ("confidence", pa.float64())]
    columns += [(f"speaker_{f}", text) for f in ("text", "name", "reading", "title")]
    columns += [("speaker_anonymous", pa.bool_())]
    columns += [("affiliation_text", text), ("affiliation_canonical", text)]
    columns += [("cue_text", text), ("cue_lemma", text), ("via_text", text), ("via_canonical", text)]
    columns += [("record", text)]
    return {"documents": documents, "records": pa.schema(columns)}


def _record_row(doc: Document, ordinal: int, data: dict[str, Any]) -> dict[str, Any]:
    row = {k: data[k] for k in ("kind", "text", "start", "end", "group", "confidence")}
    row.update(doc=doc.name, doc_sha256=doc.sha256, ordinal=ordinal)
    for part, fields in (
        ("speaker", ("text", "name", "reading", "title", "anonymous")),
        ("affiliation", ("text", "canonical")),
        ("cue", ("text", "lemma")),
        ("via", ("text", "canonical")),
    ):
        for f in fields:
            row[f"{part}_{f}"] = (data[part] or {}).get(f)
    row["record"] = dumps(data, separators=(",", ":"))
    return row


def _rows(items: Iterable[tuple[Any, Analysis]]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    documents, records = [], []
    for item, analysis in items:
        text, name, date = (*item, None)[:3]
        doc = Document(name=name, sha256=text_hash(text), size=len(text.encode("utf-8")), date=date)
        documents.append(
            {
                "name": doc.name,
                "sha256": doc.sha256,
                "size": doc.size,
                "date": doc.date,
                "records": len(analysis.quotations),
                "problems": dumps([problem_dict(p) for p in analysis.problems]),
            }
        )
        records += [_record_row(doc, k, to_dict(q)) for k, q in enumerate(analysis.quotations)]
    return documents, records


def write_partition(items: Iterable[tuple[Any, Analysis]], root: str, number: int) -> int:
    """Write one partition's documents and records as `part-NUMBER.parquet`; how many documents."""
    pa = _pyarrow()
    documents, records = _rows(items)
    for table, rows in zip(TABLES, (documents, records), strict=True):
        folder = Path(root) / table
        folder.mkdir(parents=True, exist_ok=True)
        data = pa.Table.from_pylist(rows, schema=schemas()[table])
        pa.parquet.write_table(data, folder / f"part-{number:05d}.parquet")
    return len(documents)


def write_dataset(texts: dask.bag.Bag, root: str | Path, **extractor_options: Any) -> int:
    """Extract a bag of `(text, name)` or `(text, name, date)` into a Parquet dataset at `root`.

    Runs where the bag's scheduler runs (a `distributed.Client` in use, or dask's
    default); each partition becomes one file of each table. Returns how many
    documents were written.
    """
    import dask
    import dask.bag as db

    from quotes.cluster import analyze_bag

    _pyarrow()
    items = texts.map(tuple)
    analyses = analyze_bag(items.map(lambda item: (item[0], item[1])), **extractor_options)
    parts = db.zip(items, analyses).to_delayed()
    writes = [dask.delayed(write_partition)(part, str(root), n) for n, part in enumerate(parts)]
    return int(sum(dask.compute(*writes)))


def is_dataset(path: Path) -> bool:
    """Whether a folder is a dataset `write_dataset` wrote (it has documents/*.parquet)."""
    return (path / "documents").is_dir() and any((path / "documents").glob("*.parquet"))


def documents(root: str | Path) -> Iterator[tuple[Document, list[Any], list[Problem]]]:
    """Each document of a dataset with its records and problems, one partition file at a time."""
    pa = _pyarrow()
    root = Path(root)
    parts = sorted((root / "documents").glob("*.parquet"))
    if not parts:
        raise ArchiveFormatError("E049", path=root, expected="documents/*.parquet", reason="none found")
    for part in parts:
        twin = root / "records" / part.name
        try:
            docs = pa.parquet.read_table(part).to_pylist()
            rows = pa.parquet.read_table(twin, columns=["doc_sha256", "ordinal", "record"]).to_pylist()
        except (OSError, pa.ArrowException) as exc:
            raise ArchiveFormatError("E049", path=root, expected=f"records/{part.name}", reason=exc) from exc
        by_doc: dict[str, list[tuple[int, str]]] = {}
        for row in rows:
            by_doc.setdefault(row["doc_sha256"], []).append((row["ordinal"], row["record"]))
        for d in docs:
            doc = Document(name=d["name"], sha256=d["sha256"], size=d["size"], date=d["date"])
            records = [from_data(json.loads(r)) for _, r in sorted(by_doc.get(doc.sha256, []))]
            problems = [Problem(**p) for p in json.loads(d["problems"] or "[]")]
            yield doc, records, problems


def add_dataset(index: Index, root: str | Path) -> Summary:
    """Add a dataset's documents the index does not hold, one transaction each."""
    added = skipped = records = 0
    for doc, found, problems in documents(root):
        if index.has(doc.sha256) or index.add(doc, found, problems) is None:
            skipped += 1
        else:
            added += 1
            records += len(found)
    return Summary(added=added, skipped=skipped, records=records)


__all__ = ["add_dataset", "documents", "is_dataset", "schemas", "write_dataset", "write_partition"]
