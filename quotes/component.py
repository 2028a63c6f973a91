"""The spaCy pipeline component `ja_quotes` and its `Doc` extensions.

    nlp = spacy.load("ja_ginza")
    nlp.add_pipe("ja_quotes")
    doc = nlp(text)
    doc._.quotes        # list[Quotation]

The component runs the same `Pipeline` as `Extractor` on the `Doc`'s text: it masks
each sentence's quotations and parses the masked sentences that can hold an
attribution with the components that stand before it in the same pipeline (less
those whose output attribution never reads), so the records equal the extractor's
whatever the full text's parse was. `doc._.quotes_data` holds the records as plain
dicts (msgpack-serialisable, kept by `DocBin` and `nlp.pipe(..., n_process=2)`);
`doc._.quotes` rebuilds records.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Iterator
from typing import Any

import regex
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from quotes.lexicon import Lexicon
from quotes.orgs.table import OrganizationTable
from quotes.pipeline.config import with_table
from quotes.pipeline.parse import ComponentParser
from quotes.pipeline.run import Pipeline
from quotes.records import Quotation
from quotes.serialize import from_data, to_data
from quotes.text.sentences import SUDACHI_MAX_BYTES, cut_to_limit

FACTORY = "ja_quotes"


def _records(doc: Doc) -> list[Quotation]:
    return [from_data(d) for d in doc._.quotes_data or []]


#: where the records' dicts are kept on a Doc (user_data travels with DocBin and nlp.pipe)
_STORE = "quotes_data"


def _get_data(doc: Doc) -> list[dict[str, Any]] | None:
    data = doc.user_data.get(_STORE)
    return None if data is None else [dict(d) for d in data]  # a list, whatever msgpack made of it


def _set_data(doc: Doc, value: list[dict[str, Any]] | None) -> None:
    doc.user_data[_STORE] = value


def register_extensions() -> None:
    """Register `Doc._.quotes_data` and `Doc._.quotes`, leaving existing ones alone."""
    if not Doc.has_extension("quotes_data"):
        Doc.set_extension("quotes_data", getter=_get_data, setter=_set_data)
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", getter=_records)


#: a lone surrogate, which Sudachi cannot encode
_SURROGATE = regex.compile("[\ud800-\udfff]")
#: what the tokenizer is given at once, well under Sudachi's limit
_PIECE_BYTES = SUDACHI_MAX_BYTES - 1024


class SafeTokenizer:
    """The pipeline's tokenizer, made to read what Sudachi refuses, as `Extractor` does: a
    text over Sudachi's 49,149 bytes is tokenized in pieces (joined into one `Doc` with the
    same text), and a lone surrogate is read as U+FFFD (one character for one, so every
    offset still holds). Any other text goes to the tokenizer as it is."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text: str) -> Doc:
        safe = _SURROGATE.sub("\ufffd", text)
        if len(safe.encode("utf-8")) <= _PIECE_BYTES:
            return self.tokenizer(safe)
        docs = [self.tokenizer(safe[a:b]) for a, b in cut_to_limit(safe, _PIECE_BYTES)]
        with warnings.catch_warnings():
            # GiNZA's per-token user data (sub_tokens) is not carried across pieces: W102
            warnings.filterwarnings("ignore", message=r"\[W102\]")
            return Doc.from_docs(docs, ensure_whitespace=False)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tokenizer, name)  # to_disk, from_bytes, ...


class QuoteComponent:
    """Finds quotations in a `Doc` and stores them on `doc._.quotes_data`.

    Args:
        nlp: the pipeline the component is added to.
        name: the component's name in it.
        lexicon_dir: a folder of extra lexicon files (see docs/lexicons.md).
        organizations: a TSV of organisations added to the shipped table.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = FACTORY,
        *,
        lexicon_dir: str | None = None,
        organizations: str | None = None,
    ) -> None:
        self.nlp = nlp
        self.name = name
        if not isinstance(nlp.tokenizer, SafeTokenizer):
            nlp.tokenizer = SafeTokenizer(nlp.tokenizer)  # type: ignore[assignment]
        table = OrganizationTable.load(organizations)
        base = Lexicon.load(lexicon_dir) if lexicon_dir else Lexicon.default()
        self.pipeline = Pipeline(
            nlp, ComponentParser(nlp, name), lexicon=with_table(base, table), organizations=table
        )
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc)
        self.set_annotations(doc, found)
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        """The docs of `stream` with their quotations, the masked sentences of a batch
        of docs parsed together (what `nlp.pipe` calls)."""
        for batch in minibatch(stream, size=batch_size):
            docs = list(batch)
            items = ((doc.text, k) for k, doc in enumerate(docs))
            for analysis, k in self.pipeline.analyze_stream(items, batch_size):
                self.set_annotations(docs[k], list(analysis.quotations))
            yield from docs

    def find(self, doc: Doc) -> list[Quotation]:
        """The quotations of `doc.text` (pure: does not touch `doc`)."""
        return list(self.pipeline.analyze(doc.text).quotations)

    def set_annotations(self, doc: Doc, found: list[Quotation]) -> None:
        """Store the records on the `Doc` as plain dicts."""
        doc._.quotes_data = [to_data(q) for q in found]


@Language.factory(
    FACTORY,
    assigns=["doc._.quotes_data"],
    default_config={"lexicon_dir": None, "organizations": None},
)
def make_component(
    nlp: Language, name: str, lexicon_dir: str | None, organizations: str | None
) -> QuoteComponent:
    """The `ja_quotes` factory: `nlp.add_pipe("ja_quotes", config={...})`."""
    return QuoteComponent(nlp, name, lexicon_dir=lexicon_dir, organizations=organizations)


__all__ = ["FACTORY", "QuoteComponent", "make_component", "register_extensions"]
