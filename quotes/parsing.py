"""Loading GiNZA and parsing masked sentences, one `Doc` per sentence.

GiNZA's parser may split a sentence at a parenthesis or a name; the library has
already cut the text into sentences, so a small component before the parser
marks each `Doc` as exactly one sentence (the parser respects preset boundaries).
"""

from __future__ import annotations

from collections.abc import Iterable

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from quotes.errors import Errors, ModelNotInstalledError

DEFAULT_MODEL = "ja_ginza"
#: components whose output attribution never reads: they cost time, not accuracy
#: (bunsetu_recognizer stays: it turns the parser's `nsubj_bunsetu` labels into `nsubj`)
UNUSED_COMPONENTS: tuple[str, ...] = ("ner", "compound_splitter")
ONE_SENTENCE = "quotes_one_sentence"


@Language.component(ONE_SENTENCE)
def one_sentence(doc: Doc) -> Doc:
    """Mark the whole `Doc` as one sentence, so that the parser keeps it whole."""
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0
    return doc


def load_model(name: str = DEFAULT_MODEL, *, keep_unused: bool = False) -> Language:
    """Load a GiNZA pipeline set up for attribution.

    Args:
        name: the spaCy package or path of a GiNZA model.
        keep_unused: keep components attribution does not read (`ner`, ...).
    """
    exclude = [] if keep_unused else list(UNUSED_COMPONENTS)
    try:
        nlp = spacy.load(name, exclude=exclude)
    except OSError as exc:
        raise ModelNotInstalledError(Errors.E002.format(model=name)) from exc
    return prepare(nlp)


def prepare(nlp: Language) -> Language:
    """Add the one-sentence marker before the parser of `nlp` (once)."""
    if ONE_SENTENCE not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(ONE_SENTENCE, before="parser")
    return nlp


def parse(nlp: Language, texts: Iterable[str], *, batch_size: int = 64, n_process: int = 1) -> Iterable[Doc]:
    """Parse masked sentences in order."""
    return nlp.pipe(texts, batch_size=batch_size, n_process=n_process)
