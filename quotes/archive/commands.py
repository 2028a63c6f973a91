"""`quotes index`, `quotes search` and `quotes check`: argument handling over `quotes.archive`.

`quotes.cli` sets up the parsers and calls `run`; everything here is a few lines
over the library, so that the same things can be done from Python.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from quotes import Lexicon
from quotes.archive import output
from quotes.archive.ingest import analyzer, index_files
from quotes.archive.store import Index
from quotes.errors import ArchiveError

COMMANDS = ("index", "search", "check")
#: exit status of a run stopped by Ctrl-C (128 + SIGINT)
INTERRUPTED = 130
#: output format of `check -o FILE` by the file's suffix
CHECK_SUFFIXES = {".html": "html", ".htm": "html", ".jsonl": "jsonl", ".csv": "csv", ".txt": "table"}


def _options(args: argparse.Namespace) -> dict[str, object]:
    """The extractor's keyword arguments from the model options of `quotes.cli`."""
    return {
        "model": args.model,
        "lexicon": Lexicon.load(args.lexicon) if args.lexicon else None,
        "organizations": args.organizations,
        "parse": args.parse,
    }


def run_index(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Index the PATHs into --db; print what was added, skipped and failed."""
    analyze = analyzer(
        n_process=args.n_process, batch_size=args.batch_size, scheduler=args.scheduler, options=_options(args)
    )
    with Index.open(args.db, write=True) as index:
        try:
            summary = index_files(index, args.paths, analyze, stream=err, quiet=args.quiet)
        except KeyboardInterrupt:
            print(f"quotes: interrupted; {index.path} holds whole documents, run again to resume", file=err)
            return INTERRUPTED
        counts = index.counts()
    for failure in summary.failures:
        print(f"quotes: error: {failure}", file=err)
    if not args.quiet:
        print(
            f"{summary.added} added ({summary.records} records), {summary.skipped} already indexed; "
            f"{index.path}: {counts['documents']} documents, {counts['records']} records, "
            f"{counts['people']} people, {counts['orgs']} organisations",
            file=err,
        )
    return 1 if summary.failures else 0


def run_search(args: argparse.Namespace, out: TextIO) -> int:
    """Print the records of --db that match the words and filters."""
    with Index.open(args.db) as index:
        hits = index.search(
            args.words, speaker=args.speaker, org=args.org, kind=args.kind, doc=args.doc, limit=args.limit
        )
    out.write(output.hits_as(args.format, hits))
    return 0


def check_format(args: argparse.Namespace) -> str:
    """--format, else the format the suffix of -o names, else a table."""
    if args.format:
        return str(args.format)
    if not args.output:
        return "table"
    suffix = Path(args.output).suffix.lower()
    if suffix not in CHECK_SUFFIXES:
        raise ArchiveError("E052", path=args.output)
    return CHECK_SUFFIXES[suffix]


def run_check(args: argparse.Namespace, out: TextIO) -> int:
    """Print or write the cross-document findings of --db."""
    fmt = check_format(args)
    with Index.open(args.db) as index:
        findings = index.check()
    page = output.findings_as(fmt, findings)
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            handle.write(page)
    else:
        out.write(page)
    return 0


def run(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Run the archive subcommand `args.command`."""
    if args.command == "index":
        return run_index(args, out, err)
    if args.command == "search":
        return run_search(args, out)
    return run_check(args, out)
