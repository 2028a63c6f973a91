"""What a pipeline is built from, checked once: the model, the word lists, the
organisations and the parse settings. A config rebuilds the same pipeline in another
process (the `n_process` workers under spawn, the Dask workers)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
from spacy.language import Language

from quotes.confidence.model import ConfidenceModel, RuleTable, resolve
from quotes.errors import Errors, InputValueError
from quotes.lexicon import Lexicon
from quotes.orgs.table import OrganizationTable
from quotes.pipeline.parse import DEFAULT_MODEL, BlasThreads, Parser, load_model, use_numpy_ops
from quotes.pipeline.run import Pipeline
from quotes.text.sentences import DEFAULT_MAX_UNIT_BYTES, SUDACHI_MAX_BYTES


def _check_parse(_instance: Any, _attribute: Any, value: str) -> None:
    if value not in ("selective", "all"):
        raise InputValueError(Errors.E013.format(value=value))


def _check_ops(_instance: Any, _attribute: Any, value: str | None) -> None:
    if value not in (None, "numpy", "blis"):
        raise InputValueError(Errors.E014.format(value=value))


def _check_unit_bytes(_instance: Any, _attribute: Any, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 16 <= value <= SUDACHI_MAX_BYTES:
        raise InputValueError(Errors.E018.format(value=value, limit=SUDACHI_MAX_BYTES))


def _check_threads(_instance: Any, _attribute: Any, value: int | None) -> None:
    if value is not None and (not isinstance(value, int) or isinstance(value, bool) or value < 1):
        raise InputValueError(Errors.E015.format(value=value))


@attrs.frozen(kw_only=True)
class Config:
    """The settings of a pipeline (see `quotes.Extractor` for what each means)."""

    model: str = DEFAULT_MODEL
    lexicon: Lexicon | None = None
    max_unit_bytes: int = attrs.field(default=DEFAULT_MAX_UNIT_BYTES, validator=_check_unit_bytes)
    parse: str = attrs.field(default="selective", validator=_check_parse)
    ops: str | None = attrs.field(default=None, validator=_check_ops)
    threads: int | None = attrs.field(default=1, validator=_check_threads)
    organizations: str | Path | OrganizationTable | None = None
    confidence_model: str | Path | ConfidenceModel | RuleTable | None = None

    def build(self, nlp: Language | None = None) -> Pipeline:
        """The pipeline these settings describe, on `nlp` if given (else the model loaded)."""
        table = (
            self.organizations
            if isinstance(self.organizations, OrganizationTable)
            else OrganizationTable.load(self.organizations)
        )
        model = nlp if nlp is not None else load_model(self.model)
        if self.ops == "numpy" or (self.ops is None and nlp is None):
            use_numpy_ops(model)
        base = self.lexicon if self.lexicon is not None else Lexicon.default()
        return Pipeline(
            model,
            Parser(model, BlasThreads(self.threads)),
            lexicon=with_table(base, table),
            organizations=table,
            max_unit_bytes=self.max_unit_bytes,
            parse=self.parse,
            confidence=resolve(self.confidence_model),
        )


def with_table(lexicon: Lexicon, table: OrganizationTable) -> Lexicon:
    """The lexicon knowing the table's organisation names (a title may start with one)."""
    return lexicon.with_org_names(name for org in table for name in org.names)
