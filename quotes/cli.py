"""The `quotes` command: thin argument handling over the library.

    quotes extract PATH... [--format jsonl|json|csv|markdown] [-o FILE] [--encoding utf-8-sig]
                   [--strict] [--max-bytes N] [--scheduler ADDRESS]
    quotes report PATH... [-o report.html|report.md] [--format html|markdown]
    quotes evaluate GOLD_DIR [PRED.jsonl] [--errors] [--json] [--calibration] [--by-rule]
    quotes train GOLD_DIR... -o MODEL
    quotes --version

A PATH is a file, a folder (its *.txt files, sorted) or `-` for standard input.
A file that cannot be read is reported on stderr in one line and the others are
still processed; the exit status is 1 if any file failed, 2 when the command cannot
run (a bad option, an output that cannot be written) and 130 on Ctrl-C, which keeps
the documents already written whole. Runs over several files show a progress bar on
stderr when it is a terminal (not with `--quiet`).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import importlib.metadata
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, Protocol, TextIO

from quotes import evaluate, report, serialize
from quotes.errors import Errors, InputValueError, QuotesError
from quotes.extractor import Extractor
from quotes.inputs import DEFAULT_MAX_BYTES, Interruptible, odd_entries, read_stream, read_text, text_files
from quotes.lexicon import Lexicon
from quotes.orgs.table import OrganizationTable
from quotes.outputs import ENCODINGS, check_writable, open_sink
from quotes.pipeline.parse import DEFAULT_MODEL
from quotes.progress import Progress, wanted
from quotes.records import Analysis, Problem, Quotation

logger = logging.getLogger("quotes")

REPORT_FORMATS = ("html", "markdown")
#: report format by output suffix
REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}
#: the exit status after Ctrl-C (128 + SIGINT), as shells report it
INTERRUPTED = 130


class Writer(Protocol):
    """Where `run_extract` writes: an `outputs.Sink`, or any text stream."""

    def write(self, text: str, /) -> Any: ...


def _version() -> str:
    try:
        return importlib.metadata.version("quotes")
    except importlib.metadata.PackageNotFoundError:  # pragma: no cover - run from a bare checkout
        from quotes import __version__

        return __version__


def _positive(name: str, kind: type[int] | type[float] = int) -> Callable[[str], Any]:
    """An argparse type: a positive int (or float), else the catalogue's message."""

    def parse(value: str) -> Any:
        try:
            number = kind(value)
        except ValueError:
            number = 0
        if not number > 0:
            code = Errors.E026 if kind is int else Errors.E027
            raise argparse.ArgumentTypeError(code.format(name=name, value=value))
        return number

    return parse


def build_parser() -> argparse.ArgumentParser:
    """The `quotes` command's arguments: extract, report, evaluate."""
    parser = argparse.ArgumentParser(prog="quotes", description="Who said what in Japanese news text.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = _extract_parser(sub)
    rep = _report_parser(sub)
    ev = _evaluate_parser(sub)
    _confidence_options(ex, rep, ev)
    _train_parser(sub)
    _archive_parsers(sub)
    return parser


def _extract_parser(sub: Any) -> argparse.ArgumentParser:
    ex = sub.add_parser("extract", help="find quotations and their speakers")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder of *.txt, or - for stdin")
    ex.add_argument(
        "--format",
        choices=serialize.FORMATS,
        default="jsonl",
        help="output format: one JSON object a line, one JSON array, CSV, or a Markdown table "
        "(default: %(default)s)",
    )
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    ex.add_argument(
        "--encoding",
        choices=ENCODINGS,
        default="utf-8",
        help="utf-8-sig writes a byte-order mark first, so that Excel opens a CSV as UTF-8 "
        "(default: %(default)s)",
    )
    ex.add_argument("--strict", action="store_true", help="treat any input problem as an error")
    ex.add_argument("--quiet", action="store_true", help="no warnings, no progress bar")
    _model_options(ex)
    _max_bytes(ex)
    ex.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask cluster at ADDRESS (tcp://host:8786); needs quotes[dask]",
    )
    ex.add_argument(
        "--scheduler-timeout",
        metavar="SECONDS",
        type=_positive("--scheduler-timeout", float),
        default=5.0,
        help="give up when the scheduler does not answer within this time (default: %(default)s)",
    )
    return ex


def _report_parser(sub: Any) -> argparse.ArgumentParser:
    rep = sub.add_parser("report", help="an HTML or Markdown report: quotations marked in the text, speakers")
    rep.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder of *.txt, or - for stdin")
    rep.add_argument("-o", "--output", metavar="FILE", help="report.html or report.md (default: stdout)")
    rep.add_argument(
        "--format",
        choices=REPORT_FORMATS,
        help="html or markdown (default: from the suffix of -o, else html)",
    )
    rep.add_argument("--title", default="Who said what", help="the report's title")
    rep.add_argument("--strict", action="store_true", help="treat any input problem as an error")
    rep.add_argument("--quiet", action="store_true", help="no warnings, no progress bar")
    _model_options(rep)
    _max_bytes(rep)
    return rep


def _evaluate_parser(sub: Any) -> argparse.ArgumentParser:
    ev = sub.add_parser("evaluate", help="score attributions against a gold folder (NAME.txt + NAME.jsonl)")
    ev.add_argument("gold_dir", metavar="GOLD_DIR", help="a folder of NAME.txt and NAME.jsonl")
    ev.add_argument("pred", nargs="?", metavar="PRED.jsonl", help="predictions (default: run the library)")
    ev.add_argument("--errors", action="store_true", help="list every mismatch")
    ev.add_argument("--json", action="store_true", help="print the whole result as JSON")
    ev.add_argument(
        "--canonical",
        action="store_true",
        help="also report how many gold affiliations got the right canonical organisation",
    )
    _model_options(ev)
    return ev


def _max_bytes(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--max-bytes",
        metavar="N",
        type=_positive("--max-bytes"),
        default=DEFAULT_MAX_BYTES,
        help="refuse an input (a file or standard input) of more than N bytes (default: %(default)s)",
    )


def _archive_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`quotes index`, `quotes search`, `quotes check`: the archive index (quotes.archive)."""
    formats = ("table", "jsonl", "csv")  # quotes.archive.output.FORMATS, not imported for other commands
    ix = sub.add_parser("index", help="extract into an SQLite archive index; known documents are skipped")
    ix.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder of *.txt, a Parquet dataset")
    ix.add_argument("--db", required=True, metavar="FILE", help="the index file (created if new)")
    ix.add_argument("--quiet", action="store_true", help="no warnings, no progress bar, no summary")
    ix.add_argument("--scheduler", metavar="ADDRESS", help="extract on the Dask cluster at ADDRESS")
    _model_options(ix)
    se = sub.add_parser("search", help="records of an index: words in the quotation, speaker, organisation")
    se.add_argument("words", nargs="*", metavar="WORDS", help="words the quotation must all hold")
    se.add_argument("--db", required=True, metavar="FILE", help="the index file")
    se.add_argument("--speaker", help="a name or reading of the speaker, or part of the mention")
    se.add_argument("--org", help="any written name of the speaker's organisation, or its canonical name")
    se.add_argument("--kind", choices=("direct", "indirect", "term"))
    se.add_argument("--doc", help="a document name or a glob pattern of names")
    se.add_argument("--limit", type=int, metavar="N", help="at most N records")
    se.add_argument("--format", choices=formats, default="table")
    ch = sub.add_parser("check", help="quotations under different speakers, or reworded, across documents")
    ch.add_argument("--db", required=True, metavar="FILE", help="the index file")
    ch.add_argument("--format", choices=(*formats, "html"), help="default: from -o, else table")
    ch.add_argument(
        "-o", "--output", metavar="FILE", help="report.html, .jsonl, .csv, .txt (default: stdout)"
    )


def _model_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", default=DEFAULT_MODEL, help="GiNZA model to load (default: %(default)s)")
    parser.add_argument(
        "--lexicon", metavar="DIR", help="folder of extra lexicon files (see docs/lexicons.md)"
    )
    parser.add_argument(
        "--organizations",
        metavar="FILE",
        help="TSV of organisations added to the shipped table (see docs/organizations.md)",
    )
    parser.add_argument(
        "--parse",
        choices=("selective", "all"),
        default="selective",
        help="parse only sentences that can hold an attribution (default) or all",
    )
    parser.add_argument(
        "--batch-size",
        metavar="N",
        type=_positive("--batch-size"),
        default=64,
        help="sentences parsed together; with --scheduler, texts per partition (default: %(default)s)",
    )
    parser.add_argument(
        "--n-process",
        metavar="N",
        type=_positive("--n-process"),
        default=1,
        help="worker processes (default: %(default)s)",
    )


def count_inputs(paths: Sequence[str]) -> int:
    """How many documents `iter_inputs` will yield at most (for the progress bar)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            total += len(text_files(path))
        elif raw == "-" or path.exists():
            total += 1
    return total


def iter_inputs(
    paths: Sequence[str], failures: list[str], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[tuple[str, str]]:
    """`(text, doc name)` for every readable input; unreadable ones go to `failures`.

    A PATH that exists and is not a folder is read, a FIFO or a device too (`<(command)`);
    a folder's `*.txt` entries that are not regular files are reported, not read.
    """
    for raw in paths:
        path = Path(raw)
        if raw == "-":
            stdin = Interruptible(getattr(sys.stdin, "buffer", sys.stdin))
            text = _read("-", failures, functools.partial(read_stream, stdin, max_bytes=max_bytes, name="-"))
            if text is not None:
                yield text, "-"
        elif path.is_dir():
            yield from _folder(path, failures, max_bytes)
        elif path.exists():
            text = _read(str(path), failures, functools.partial(read_text, path, max_bytes=max_bytes))
            if text is not None:
                yield text, path.name
        else:
            failures.append(Errors.E009.format(path=path))


def _folder(folder: Path, failures: list[str], max_bytes: int) -> Iterator[tuple[str, str]]:
    files = text_files(folder)
    odd = odd_entries(folder)
    failures.extend(Errors.E022.format(path=entry, kind=kind) for entry, kind in odd)
    if not files and not odd:
        failures.append(Errors.E010.format(path=folder))
    for file in files:
        text = _read(str(file), failures, functools.partial(read_text, file, max_bytes=max_bytes))
        if text is not None:
            yield text, file.name


def _read(name: str, failures: list[str], read: Callable[[], str]) -> str | None:
    """`read()`, or None with its failure in `failures` (not UTF-8, too large, unreadable)."""
    try:
        return read()
    except UnicodeDecodeError as exc:
        failures.append(Errors.E008.format(path=name, reason=f"byte {exc.start}: {exc.reason}"))
    except InputValueError as exc:
        failures.append(str(exc))
    except OSError as exc:
        failures.append(f"{name}: {exc.strerror or exc}")
    return None


def _extractor(args: argparse.Namespace) -> Extractor:
    lexicon = Lexicon.load(args.lexicon) if args.lexicon else None
    return Extractor(
        args.model,
        lexicon=lexicon,
        organizations=args.organizations,
        parse=args.parse,
        confidence_model=getattr(args, "confidence_model", None),
    )


def _progress(args: argparse.Namespace, err: TextIO) -> Progress:
    total = count_inputs(args.paths)
    return Progress(err, total=total, enabled=wanted(err, total=total, quiet=args.quiet))


def _analyses(args: argparse.Namespace, failures: list[str]) -> Iterator[tuple[Analysis, str]]:
    """Analyses of the inputs: here, or on the Dask cluster at --scheduler."""
    inputs = iter_inputs(args.paths, failures, max_bytes=args.max_bytes)
    if getattr(args, "scheduler", None):
        from quotes.cluster import analyze_on_cluster

        lexicon = Lexicon.load(args.lexicon) if args.lexicon else None
        return analyze_on_cluster(
            args.scheduler,
            inputs,
            partition_size=args.batch_size,
            timeout=args.scheduler_timeout,
            model=args.model,
            lexicon=lexicon,
            organizations=args.organizations,
            parse=args.parse,
            confidence_model=args.confidence_model,
        )
    return _extractor(args).analyze_many(
        inputs, as_tuples=True, batch_size=args.batch_size, n_process=args.n_process
    )


def _rows(fmt: str, records: Sequence[Quotation], *, header: bool) -> str:
    """One document's records in a streamed format (jsonl, csv, markdown)."""
    if fmt == "jsonl":
        return serialize.to_jsonl(records)
    if fmt == "csv":
        return serialize.to_csv(records, header=header)
    return serialize.to_markdown(records, header=header)


def _last(fmt: str, collected: list[Quotation], *, empty: bool) -> str:
    """What ends the output: the JSON array, or a table's header when no document came."""
    if fmt == "json":
        return serialize.to_json(collected)
    if empty and fmt in ("csv", "markdown"):
        return _rows(fmt, [], header=True)
    return ""


def run_extract(args: argparse.Namespace, out: Writer, err: TextIO) -> int:
    """Write the records of every PATH to `out`, document by document.

    Each document is written whole in one write; on Ctrl-C the documents done so far
    are written (the JSON array of them, for --format json) and KeyboardInterrupt goes on.
    """
    failures: list[str] = []
    collected: list[Quotation] = []
    empty = True
    progress = _progress(args, err)
    results = _confident(_analyses(args, failures), args.min_confidence)
    try:
        for analysis, name in progress.track(results):
            if not _accept(analysis, name, args, failures, progress.say):
                continue
            if args.format == "json":
                collected.extend(analysis.quotations)
            else:
                out.write(_rows(args.format, analysis.quotations, header=empty))
            empty = False
    except KeyboardInterrupt:
        _close(results)
        out.write(_last(args.format, collected, empty=empty))
        _print_failures(failures, err)
        raise
    out.write(_last(args.format, collected, empty=empty))
    _print_failures(failures, err)
    return 1 if failures else 0


def _close(results: Iterator[Any]) -> None:
    """Stop a stream of results now (its worker processes or cluster connection)."""
    close = getattr(results, "close", None)
    if close is not None:
        with contextlib.suppress(Exception):
            close()


def one_line(message: str) -> str:
    """A message as one line of stderr: line breaks (in a file name) shown as \\n."""
    return message.replace("\r", "\\r").replace("\n", "\\n")


def _print_failures(failures: Iterable[str], err: TextIO) -> None:
    for failure in failures:
        print(f"quotes: error: {one_line(failure)}", file=err)


def _accept(
    analysis: Analysis, name: str, args: argparse.Namespace, failures: list[str], say: Callable[[str], None]
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
            say(one_line(f"quotes: warning: {name}: {p.code} {p.message}"))
    return True


def report_format(args: argparse.Namespace) -> str:
    """`--format`, else the format the output's suffix names, else html."""
    if args.format:
        return str(args.format)
    if not args.output:
        return "html"
    suffix = Path(args.output).suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise InputValueError(Errors.E028.format(path=args.output))
    return REPORT_SUFFIXES[suffix]


def _unique_names(inputs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Inputs with distinct names: a second `a.txt` (from another folder) becomes `a.txt (2)`."""
    seen: dict[str, int] = {}
    for text, name in inputs:
        seen[name] = seen.get(name, 0) + 1
        yield text, name if seen[name] == 1 else f"{name} ({seen[name]})"


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Read every PATH, then write one report of all of them (to `args.output` or `out`).

    The output is checked before any work and written at the end; Ctrl-C writes nothing.
    """
    fmt = report_format(args)
    if args.output:
        check_writable(args.output)
    extractor = _extractor(args)
    failures: list[str] = []
    texts: dict[str | None, str] = {}
    records: list[Quotation] = []
    problems: list[Problem] = []

    def remember(inputs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
        for text, name in inputs:
            texts[name] = text
            yield text, name

    progress = _progress(args, err)
    results = extractor.analyze_many(
        remember(_unique_names(iter_inputs(args.paths, failures, max_bytes=args.max_bytes))),
        as_tuples=True,
        batch_size=args.batch_size,
        n_process=args.n_process,
    )
    results = _confident(results, args.min_confidence)
    for analysis, name in progress.track(results):
        if not _accept(analysis, name, args, failures, progress.say):
            del texts[name]
            continue
        records.extend(analysis.quotations)
        problems.extend(analysis.problems)
    render = report.render_html if fmt == "html" else report.render_markdown
    page = render(records, texts, problems=problems, title=args.title, check_below=args.check_below)
    sink = open_sink(args.output, out)
    try:
        sink.write(page)
    finally:
        sink.close()
    _print_failures(failures, err)
    return 1 if failures else 0


def run_evaluate(args: argparse.Namespace, out: TextIO) -> int:
    """Score GOLD_DIR against PRED.jsonl, or against the library run over its texts."""
    if args.pred is not None:
        result = evaluate.evaluate_dir(args.gold_dir, args.pred)
    else:
        gold = evaluate.load_gold(args.gold_dir)  # fail on a bad gold folder before loading the model
        records = evaluate.predict_dir(
            args.gold_dir, _extractor(args), batch_size=args.batch_size, n_process=args.n_process
        )
        result = evaluate.score(gold, records)
        args.pred_records = records
    extra = _confidence_figures(args)
    if args.json:
        result = {**result, **extra}
    out.write(evaluate.format_result(result, errors=args.errors, as_json=args.json))
    if not args.json:
        out.write(_format_confidence_figures(extra))
    if args.canonical:
        gold = evaluate.load_gold(args.gold_dir)
        preds = evaluate.read_predictions(args.pred) if args.pred is not None else args.pred_records
        table = OrganizationTable.load(args.organizations)
        extra = evaluate.canonical_accuracy(gold, preds, table)
        if args.errors:
            for miss in extra["misses"]:
                out.write(f"canonical miss: {miss}\n")
        for key in ("gold_affiliations", "canonical_ok", "canonical_accuracy"):
            out.write(f"{key}: {extra[key]}\n")
    return 0


# -- confidence (docs/confidence.md): --confidence-model, --min-confidence, --check-below,
# -- evaluate --calibration and --by-rule, quotes train ---------------------------------


def _fraction(name: str) -> Callable[[str], float]:
    """An argparse type: a number from 0 to 1 (E066 otherwise)."""

    def parse(raw: str) -> float:
        try:
            value = float(raw)
        except ValueError:
            value = -1.0
        if not 0.0 <= value <= 1.0:
            raise argparse.ArgumentTypeError(Errors.E066.format(name=name, value=raw))
        return value

    return parse


def _confidence_options(
    ex: argparse.ArgumentParser, rep: argparse.ArgumentParser, ev: argparse.ArgumentParser
) -> None:
    """The confidence options of extract, report and evaluate."""
    for parser in (ex, rep, ev):
        parser.add_argument(
            "--confidence-model",
            metavar="PATH",
            help='confidence model from `quotes train` (default: the shipped one; "rules": the rule '
            "table); not the GiNZA --model",
        )
    for parser in (ex, rep):
        parser.add_argument(
            "--min-confidence",
            type=_fraction("--min-confidence"),
            metavar="X",
            help="leave out records whose confidence is below X (0 to 1)",
        )
    rep.add_argument(
        "--check-below",
        type=_fraction("--check-below"),
        default=report.CHECK_BELOW,
        metavar="X",
        help=f"mark records below confidence X 'check by hand' (default {report.CHECK_BELOW})",
    )
    ev.add_argument(
        "--calibration",
        action="store_true",
        help="count, accuracy and mean confidence per confidence band, and the ECE",
    )
    ev.add_argument("--by-rule", action="store_true", help="precision and recall by the rule of each record")


def _train_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from quotes.confidence import train

    tr = sub.add_parser("train", help="train the confidence model on gold folders (needs quotes[train])")
    train.add_arguments(tr)
    _model_options(tr)


def _confident(
    results: Iterable[tuple[Analysis, str]], least: float | None
) -> Iterator[tuple[Analysis, str]]:
    """The analyses with only the records of confidence `least` or more (all with None)."""
    for analysis, name in results:
        if least is not None:
            kept = [q for q in analysis.quotations if q.confidence >= least]
            analysis = Analysis(quotations=kept, problems=analysis.problems)
        yield analysis, name


def _confidence_figures(args: argparse.Namespace) -> dict[str, Any]:
    """The --calibration and --by-rule figures of an evaluation (empty without them)."""
    if not (args.calibration or args.by_rule):
        return {}
    from quotes.confidence import calibration

    gold = evaluate.load_gold(args.gold_dir)
    preds = evaluate.read_predictions(args.pred) if args.pred is not None else args.pred_records
    extra: dict[str, Any] = {}
    if args.calibration:
        extra["calibration"] = calibration.summary(gold, preds)
    if args.by_rule:
        extra["by_rule"] = evaluate.by_rule(gold, preds)
    return extra


def _format_confidence_figures(extra: dict[str, Any]) -> str:
    from quotes.confidence import calibration

    text = ""
    if "calibration" in extra:
        text += calibration.format_summary(extra["calibration"])
    if "by_rule" in extra:
        text += evaluate.format_by_rule(extra["by_rule"])
    return text


def run_train(args: argparse.Namespace, out: TextIO) -> int:
    """`quotes train GOLD_DIR... -o MODEL`: the records are those of the rule table."""
    from quotes.confidence import train

    lexicon = Lexicon.load(args.lexicon) if args.lexicon else None
    extractor = Extractor(
        args.model,
        lexicon=lexicon,
        organizations=args.organizations,
        parse=args.parse,
        confidence_model="rules",
    )
    return train.run(args, extractor, out)


def _dispatch(args: argparse.Namespace) -> int:
    if args.command in ("index", "search", "check"):
        from quotes.archive import commands

        return commands.run(args, sys.stdout, sys.stderr)
    if args.command == "report":
        return run_report(args, sys.stdout, sys.stderr)
    if args.command == "evaluate":
        return run_evaluate(args, sys.stdout)
    if args.command == "train":
        return run_train(args, sys.stdout)
    sink = open_sink(args.output, sys.stdout, encoding=args.encoding)  # checked before any work
    try:
        return run_extract(args, sink, sys.stderr)
    finally:
        sink.close()


@contextlib.contextmanager
def _interrupt_here_only() -> Iterator[None]:
    """Ctrl-C interrupts this process; worker processes forked from it let it stop them.

    A terminal sends SIGINT to the whole process group: without this, every worker of
    `--n-process` would print its own traceback while the command shuts them down.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    pid = os.getpid()

    def handler(_signum: int, _frame: Any) -> None:
        if os.getpid() == pid:
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the `quotes` command; every error is one line on stderr and an exit status."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="quotes: %(levelname)s: %(message)s")
    try:
        with _interrupt_here_only():
            return _dispatch(args)
    except KeyboardInterrupt:
        print(f"quotes: {Errors.E025}", file=sys.stderr)
        return INTERRUPTED
    except QuotesError as exc:
        print(f"quotes: error: {one_line(str(exc))}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
