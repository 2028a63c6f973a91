"""The spaCy pipeline component `ja_quotes` and its `Doc` extensions.

    nlp = spacy.load("ja_ginza")
    nlp.add_pipe("ja_quotes")
    doc = nlp(text)
    doc._.quotes        # list[Quotation]

The component finds quotations on the `Doc`'s text with the same rules as
`Extractor`: it masks each sentence's quotations and parses the masked
sentences that can hold an attribution (`quotes.selection`) with the components
that stand before it in the same pipeline, so the attribution never depends on
how the full text happened to be parsed. For archives, `Extractor` is faster: it
does not parse the full text first.
`doc._.quotes_data` holds the records as plain dicts (msgpack-serialisable, kept
by `DocBin` and `nlp.pipe(..., n_process=2)`); `doc._.quotes` rebuilds records.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from quotes.extractor import assemble, plan
from quotes.lexicon import Lexicon
from quotes.parsing import one_sentence, plain_labels
from quotes.records import Quotation
from quotes.selection import Selector
from quotes.serialize import from_data, to_data

FACTORY = "ja_quotes"


def _records(doc: Doc) -> list[Quotation]:
    return [from_data(d) for d in doc._.quotes_data or []]


def register_extensions() -> None:
    """Register `Doc._.quotes_data` and `Doc._.quotes`, leaving existing ones alone."""
    if not Doc.has_extension("quotes_data"):
        Doc.set_extension("quotes_data", default=None)
    if not Doc.has_extension("quotes"):
        Doc.set_extension("quotes", getter=_records)


class QuoteComponent:
    """Finds quotations in a `Doc` and stores them on `doc._.quotes_data`."""

    def __init__(self, nlp: Language, name: str = FACTORY, *, lexicon_dir: str | None = None) -> None:
        self.nlp = nlp
        self.name = name
        self.lexicon = Lexicon.load(lexicon_dir) if lexicon_dir else Lexicon.default()
        self._selector = Selector(self.lexicon)
        register_extensions()

    def __call__(self, doc: Doc) -> Doc:
        found = self.find(doc)
        self.set_annotations(doc, found)
        return doc

    def find(self, doc: Doc) -> list[Quotation]:
        """The quotations of `doc.text` (pure: does not touch `doc`)."""
        p = plan(doc.text)
        docs: dict[int, Doc] = {}
        for k, unit in enumerate(p.units):
            tokens = self.nlp.make_doc(unit.text)
            if self._selector.needs_parse(unit, ((t.text, t.lemma_, t.tag_) for t in tokens)):
                docs[k] = self._parse(tokens)
        return list(assemble(p, docs, self.lexicon).quotations)

    def _parse(self, sentence: Doc) -> Doc:
        """Run the components before this one over a tokenized masked sentence."""
        for name, proc in self.nlp.pipeline:
            if name == self.name:
                break
            if name == "parser":
                sentence = one_sentence(sentence)
            sentence = proc(sentence)
        return plain_labels(sentence)

    def set_annotations(self, doc: Doc, found: list[Quotation]) -> None:
        doc._.quotes_data = [to_data(q) for q in found]


@Language.factory(
    FACTORY,
    assigns=["doc._.quotes_data"],
    default_config={"lexicon_dir": None},
)
def make_component(nlp: Language, name: str, lexicon_dir: str | None) -> QuoteComponent:
    return QuoteComponent(nlp, name, lexicon_dir=lexicon_dir)


__all__ = ["FACTORY", "QuoteComponent", "make_component", "register_extensions"]
