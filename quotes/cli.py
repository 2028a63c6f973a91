"""The `quotes` command: thin argument handling over the library.

    quotes extract PATH... [--format jsonl|json|csv|markdown] [-o FILE] [--strict]

A PATH is a file, a folder (its *.txt files, sorted) or `-` for standard input.
A file that cannot be read is reported on stderr in one line and the others are
still processed; the exit status is 1 if any file failed.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from quotes import serialize
from quotes.errors import Errors, QuotesError
from quotes.extractor import Extractor
from quotes.lexicon import Lexicon
from quotes.parsing import DEFAULT_MODEL
from quotes.records import Analysis, Quotation

logger = logging.getLogger("quotes")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description="Who said what in Japanese news text.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="find quotations and their speakers")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder of *.txt, or - for stdin")
    ex.add_argument("--format", choices=serialize.FORMATS, default="jsonl")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    ex.add_argument("--strict", action="store_true", help="treat any input problem as an error")
    ex.add_argument("--quiet", action="store_true", help="do not print warnings")
    ex.add_argument("--model", default=DEFAULT_MODEL, help="GiNZA model to load (default: ja_ginza)")
    ex.add_argument("--lexicon", metavar="DIR", help="folder of extra lexicon files (see docs/lexicons.md)")
    ex.add_argument("--batch-size", type=int, default=64)
    ex.add_argument("--n-process", type=int, default=1)
    return parser


def iter_inputs(paths: Sequence[str], failures: list[str]) -> Iterator[tuple[str, str]]:
    """`(text, doc name)` for every readable input; unreadable ones go to `failures`."""
    for raw in paths:
        if raw == "-":
            yield sys.stdin.read(), "-"
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.glob("*.txt") if p.is_file())
            if not files:
                failures.append(Errors.E010.format(path=path))
            for file in files:
                text = _read(file, failures)
                if text is not None:
                    yield text, file.name
        elif path.is_file():
            text = _read(path, failures)
            if text is not None:
                yield text, path.name
        else:
            failures.append(Errors.E009.format(path=path))


def _read(path: Path, failures: list[str]) -> str | None:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        failures.append(Errors.E008.format(path=path, reason=f"byte {exc.start}: {exc.reason}"))
    except OSError as exc:
        failures.append(f"{path}: {exc.strerror or exc}")
    return None


def run_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    lexicon = Lexicon.load(args.lexicon) if args.lexicon else None
    extractor = Extractor(args.model, lexicon=lexicon)
    failures: list[str] = []
    collected: list[Quotation] = []
    first = True
    results = extractor.analyze_many(
        iter_inputs(args.paths, failures),
        as_tuples=True,
        batch_size=args.batch_size,
        n_process=args.n_process,
    )
    for analysis, name in results:
        if not _accept(analysis, name, args, failures, err):
            continue
        if args.format == "json":
            collected.extend(analysis.quotations)
        elif args.format == "jsonl":
            out.write(serialize.to_jsonl(analysis.quotations))
        elif args.format == "csv":
            out.write(serialize.to_csv(analysis.quotations, header=first))
        else:
            out.write(serialize.to_markdown(analysis.quotations, header=first))
        first = False
    if args.format == "json":
        out.write(serialize.to_json(collected))
    elif first and args.format in ("csv", "markdown"):
        out.write(serialize.to_csv([]) if args.format == "csv" else serialize.to_markdown([]))
    for failure in failures:
        print(f"quotes: error: {failure}", file=err)
    return 1 if failures else 0


def _accept(
    analysis: Analysis, name: str, args: argparse.Namespace, failures: list[str], err: TextIO
) -> bool:
    """Report a document's problems; False when --strict turns them into a failure."""
    if not analysis.problems:
        return True
    if args.strict:
        first = analysis.problems[0]
        failures.append(
            f"{name}: "
            + Errors.E011.format(count=len(analysis.problems), first=f"{first.code} {first.message}")
        )
        return False
    if not args.quiet:
        for p in analysis.problems:
            print(f"quotes: warning: {name}: {p.code} {p.message}", file=err)
    return True


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="quotes: %(levelname)s: %(message)s")
    try:
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                return run_extract(args, out, sys.stderr)
        return run_extract(args, sys.stdout, sys.stderr)
    except QuotesError as exc:
        print(f"quotes: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
