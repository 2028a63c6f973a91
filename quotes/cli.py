"""The `quotes` command: thin argument handling over the library.

    quotes extract PATH... [--format jsonl|json|csv|markdown] [-o FILE] [--strict]
    quotes report PATH... [-o report.html|report.md] [--format html|markdown]
    quotes evaluate GOLD_DIR [PRED.jsonl] [--errors] [--json] [--calibration] [--by-rule]
    quotes train GOLD_DIR... -o MODEL

A PATH is a file, a folder (its *.txt files, sorted) or `-` for standard input.
A file that cannot be read is reported on stderr in one line and the others are
still processed; the exit status is 1 if any file failed. Runs over several files
show a progress bar on stderr when it is a terminal (not with `--quiet`).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from quotes import evaluate, report, serialize
from quotes.errors import Errors, QuotesError
from quotes.extractor import Extractor
from quotes.inputs import read_text, text_files
from quotes.lexicon import Lexicon
from quotes.orgs.table import OrganizationTable
from quotes.pipeline.parse import DEFAULT_MODEL
from quotes.progress import Progress, wanted
from quotes.records import Analysis, Problem, Quotation

logger = logging.getLogger("quotes")

REPORT_FORMATS = ("html", "markdown")
#: report format by output suffix
REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown"}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="quotes", description="Who said what in Japanese news text.")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="find quotations and their speakers")
    ex.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder of *.txt, or - for stdin")
    ex.add_argument("--format", choices=serialize.FORMATS, default="jsonl")
    ex.add_argument("-o", "--output", metavar="FILE", help="write here instead of standard output")
    ex.add_argument("--strict", action="store_true", help="treat any input problem as an error")
    ex.add_argument("--quiet", action="store_true", help="no warnings, no progress bar")
    _model_options(ex)
    ex.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on the Dask cluster at ADDRESS (tcp://host:8786); needs quotes[dask]",
    )

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
    _confidence_options(ex, rep, ev)
    _train_parser(sub)
    _archive_parsers(sub)
    return parser


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
    parser.add_argument("--model", default=DEFAULT_MODEL, help="GiNZA model to load (default: ja_ginza)")
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
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--n-process", type=int, default=1, help="worker processes (default 1)")


def count_inputs(paths: Sequence[str]) -> int:
    """How many documents `iter_inputs` will yield at most (for the progress bar)."""
    total = 0
    for raw in paths:
        path = Path(raw)
        if raw == "-" or path.is_file():
            total += 1
        elif path.is_dir():
            total += len(text_files(path))
    return total


def iter_inputs(paths: Sequence[str], failures: list[str]) -> Iterator[tuple[str, str]]:
    """`(text, doc name)` for every readable input; unreadable ones go to `failures`."""
    for raw in paths:
        if raw == "-":
            yield sys.stdin.read(), "-"
            continue
        path = Path(raw)
        if path.is_dir():
            files = text_files(path)
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
        return read_text(path)
    except UnicodeDecodeError as exc:
        failures.append(Errors.E008.format(path=path, reason=f"byte {exc.start}: {exc.reason}"))
    except OSError as exc:
        failures.append(f"{path}: {exc.strerror or exc}")
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
    inputs = iter_inputs(args.paths, failures)
    if getattr(args, "scheduler", None):
        from quotes.cluster import analyze_on_cluster

        lexicon = Lexicon.load(args.lexicon) if args.lexicon else None
        return analyze_on_cluster(
            args.scheduler,
            inputs,
            partition_size=args.batch_size,
            model=args.model,
            lexicon=lexicon,
            organizations=args.organizations,
            parse=args.parse,
            confidence_model=args.confidence_model,
        )
    return _extractor(args).analyze_many(
        inputs, as_tuples=True, batch_size=args.batch_size, n_process=args.n_process
    )


def run_extract(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    failures: list[str] = []
    collected: list[Quotation] = []
    first = True
    progress = _progress(args, err)
    results = _confident(_analyses(args, failures), args.min_confidence)
    for analysis, name in progress.track(results):
        if not _accept(analysis, name, args, failures, progress.say):
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
            say(f"quotes: warning: {name}: {p.code} {p.message}")
    return True


def report_format(args: argparse.Namespace) -> str:
    """`--format`, else the format the output's suffix names, else html."""
    if args.format:
        return str(args.format)
    if not args.output:
        return "html"
    suffix = Path(args.output).suffix.lower()
    if suffix not in REPORT_SUFFIXES:
        raise QuotesError(
            f"cannot tell the report format from {args.output!r}: name it .html or .md, "
            "or pass --format html|markdown."
        )
    return REPORT_SUFFIXES[suffix]


def _unique_names(inputs: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    """Inputs with distinct names: a second `a.txt` (from another folder) becomes `a.txt (2)`."""
    seen: dict[str, int] = {}
    for text, name in inputs:
        seen[name] = seen.get(name, 0) + 1
        yield text, name if seen[name] == 1 else f"{name} ({seen[name]})"


def run_report(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """Read every PATH, then write one report of all of them (to `args.output` or `out`)."""
    fmt = report_format(args)
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
        remember(_unique_names(iter_inputs(args.paths, failures))),
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
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="") as handle:
            handle.write(page)
    else:
        out.write(page)
    for failure in failures:
        print(f"quotes: error: {failure}", file=err)
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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.ERROR, format="quotes: %(levelname)s: %(message)s")
    try:
        if args.command in ("index", "search", "check"):
            from quotes.archive import commands

            return commands.run(args, sys.stdout, sys.stderr)
        if args.command == "report":
            return run_report(args, sys.stdout, sys.stderr)
        if args.command == "evaluate":
            return run_evaluate(args, sys.stdout)
        if args.command == "train":
            return run_train(args, sys.stdout)
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                return run_extract(args, out, sys.stderr)
        return run_extract(args, sys.stdout, sys.stderr)
    except QuotesError as exc:
        print(f"quotes: error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
