"""The `Extractor`: text in, `Quotation` records out, one model load for many texts.

A thin shell over `quotes.pipeline.run.Pipeline`, the path every entry point takes
(plan → select → parse → rules → records → entities → canonical). `extract_many`
streams: it parses sentences of many texts in batches through `nlp.pipe` and yields
each text's records, in input order, as soon as its last sentence is parsed.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
from spacy.language import Language

from quotes.confidence.model import ConfidenceModel, RuleTable
from quotes.errors import Errors, InputValueError
from quotes.lexicon import Lexicon
from quotes.orgs.table import OrganizationTable
from quotes.pipeline.config import Config
from quotes.pipeline.parallel import analyze_parallel
from quotes.pipeline.parse import DEFAULT_MODEL
from quotes.records import Analysis, Problem, Quotation
from quotes.text.plan import Plan, check_text, plan
from quotes.text.sentences import DEFAULT_MAX_UNIT_BYTES

logger = logging.getLogger("quotes")


class Extractor:
    """Finds quotations and their speakers; load once, call many times.

    Args:
        model: the GiNZA package to load (ignored when `nlp` is given).
        nlp: an already loaded GiNZA `Language` to use instead.
        lexicon: the word lists to use (default: `Lexicon.default()`).
        max_unit_bytes: the longest sentence, in UTF-8 bytes, parsed whole.
        parse: "selective" (default) parses only the sentences that can hold an
            attribution or a name (see `quotes.text.selection`); "all" parses every one.
        ops: "numpy" runs the model's matrix products on numpy's BLAS (about twice
            as fast here), "blis" keeps thinc's default. The default is "numpy" for
            the model the extractor loads and "blis" (untouched) for an `nlp` you pass:
            the extractor never changes a pipeline it was given unless asked to.
        threads: BLAS threads per process while parsing (default 1, so that
            `n_process` processes use the cores; None leaves numpy's default).
        organizations: a TSV of organisations added to (and overriding) the shipped
            table, or a ready `OrganizationTable` (see docs/organizations.md).
        confidence_model: what sets each record's `confidence` (docs/confidence.md): None
            for the model shipped with quotes, the path of a model file written by
            `quotes train`, a loaded `ConfidenceModel`, or "rules" for the fixed values
            of the rule table. (`model` is the GiNZA model; this one has its own name.)
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        nlp: Language | None = None,
        lexicon: Lexicon | None = None,
        max_unit_bytes: int = DEFAULT_MAX_UNIT_BYTES,
        parse: str = "selective",
        ops: str | None = None,
        threads: int | None = 1,
        organizations: str | Path | OrganizationTable | None = None,
        confidence_model: str | Path | ConfidenceModel | RuleTable | None = None,
    ) -> None:
        self._settings = Config(
            model=model,
            lexicon=lexicon,
            max_unit_bytes=max_unit_bytes,
            parse=parse,
            ops=ops,
            threads=threads,
            organizations=organizations,
            confidence_model=confidence_model,
        )
        self.pipeline = self._settings.build(nlp)
        self.nlp = self.pipeline.nlp
        self.lexicon = self.pipeline.lexicon
        self.organizations = self.pipeline.organizations
        self.max_unit_bytes = max_unit_bytes
        self.parse = parse

    def config(self) -> dict[str, Any]:
        """The keyword arguments that rebuild this extractor in another process."""
        return attrs.asdict(self._settings, recurse=False)

    # -- one text ----------------------------------------------------------

    def analyze(self, text: str, *, doc_id: str | None = None) -> Analysis:
        """Quotations and problems of one text."""
        return self.pipeline.analyze(text, doc_id)

    def extract(self, text: str, *, doc_id: str | None = None) -> list[Quotation]:
        """Quotations of one text; problems are logged on the `quotes` logger."""
        analysis = self.analyze(text, doc_id=doc_id)
        _log(analysis.problems)
        return list(analysis.quotations)

    # -- many texts --------------------------------------------------------

    def analyze_many(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        as_tuples: bool = False,
    ) -> Iterator[Any]:
        """Analyses of many texts, in input order, streaming.

        With `as_tuples`, `texts` holds `(text, context)` pairs and the results are
        `(Analysis, context)` pairs; a `str` context is used as the record's `doc`. Bad
        options are refused at the call; a text that is not a `str` raises the catalogue's
        `InputTypeError` once every text before it has been given.
        """
        if not isinstance(batch_size, int) or isinstance(batch_size, bool) or batch_size < 1:
            raise InputValueError(Errors.E006.format(value=batch_size))
        if not isinstance(n_process, int) or isinstance(n_process, bool) or n_process < 1:
            raise InputValueError(Errors.E007.format(value=n_process))
        return self._analyses(texts, batch_size, n_process, as_tuples)

    def _analyses(
        self, texts: Iterable[Any], batch_size: int, n_process: int, as_tuples: bool
    ) -> Iterator[Any]:
        pairs = texts if as_tuples else ((text, None) for text in texts)
        if n_process > 1:
            results = analyze_parallel(
                self.pipeline, self._settings, pairs, n_process=n_process, chunk=batch_size * n_process
            )
        else:
            results = self.pipeline.analyze_stream(pairs, batch_size)
        for analysis, context in results:
            yield (analysis, context) if as_tuples else analysis

    def extract_many(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        as_tuples: bool = False,
    ) -> Iterator[Any]:
        """Quotation lists of many texts, in input order (see `analyze_many`)."""
        results = self.analyze_many(texts, batch_size=batch_size, n_process=n_process, as_tuples=as_tuples)
        return self._records(results, as_tuples)

    @staticmethod
    def _records(results: Iterator[Any], as_tuples: bool) -> Iterator[Any]:
        for result in results:
            analysis, context = result if as_tuples else (result, None)
            _log(analysis.problems)
            records = list(analysis.quotations)
            yield (records, context) if as_tuples else records


def _log(problems: Iterable[Problem]) -> None:
    for problem in problems:
        logger.warning("%s%s: %s", f"{problem.doc}: " if problem.doc else "", problem.code, problem.message)


__all__ = ["Extractor", "Plan", "check_text", "plan"]
