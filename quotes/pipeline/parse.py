"""Loading GiNZA and preparing masked sentences for its parser, one `Doc` each.

GiNZA's parser may split a sentence at a parenthesis or a name; the library has
already cut the text into sentences, so each tokenized `Doc` is marked as exactly
one sentence before it is parsed (the parser respects preset boundaries). Nothing
is added to the pipeline: a pipeline passed in by the caller keeps working as before.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any, TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import ThreadpoolController

from quotes.errors import Errors, ModelNotInstalledError

T = TypeVar("T")
DEFAULT_MODEL = "ja_ginza"
#: components whose output attribution never reads: they cost time, not accuracy
#: (measured in benchmarks/throughput.py and docs/performance.md). GiNZA's
#: bunsetu_recognizer is replaced by `plain_labels`, which does the one thing
#: attribution needs from it: `nsubj_bunsetu` -> `nsubj`.
UNUSED_COMPONENTS: tuple[str, ...] = ("ner", "compound_splitter", "bunsetu_recognizer")
_BUNSETU_SUFFIX = "_bunsetu"


def one_sentence(doc: Doc) -> Doc:
    """Mark the whole `Doc` as one sentence, so that the parser keeps it whole."""
    for i, token in enumerate(doc):
        token.is_sent_start = i == 0
    return doc


def plain_labels(doc: Doc) -> Doc:
    """Strip GiNZA's bunsetu-head suffix from dependency labels (obl_bunsetu -> obl)."""
    for token in doc:
        dep = token.dep_
        if dep.endswith(_BUNSETU_SUFFIX):
            token.dep_ = dep[: -len(_BUNSETU_SUFFIX)]
    return doc


def use_numpy_ops(nlp: Language) -> None:
    """Run the pipeline's matrix products on numpy's BLAS instead of thinc's blis.

    numpy's OpenBLAS has kernels for the CPU it runs on; the generic blis build
    does not, and on this project's benchmark machine parsing runs about 1.5 times
    faster on one thread (docs/performance.md). Only this pipeline's layers change.
    """
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


class BlasThreads:
    """Limits numpy's BLAS to `threads` threads while parsing (None: no limit).

    One thread per process keeps `n_process` processes from fighting over cores;
    the limit is set only around each pull from the parser, so it does not leak
    into the caller's own numpy work between results.
    """

    def __init__(self, threads: int | None) -> None:
        self.threads = threads
        self._controller = ThreadpoolController() if threads is not None else None

    def limit(self) -> contextlib.AbstractContextManager[object]:
        if self._controller is None:
            return contextlib.nullcontext()
        return self._controller.limit(limits=self.threads, user_api="blas")

    def pull(self, stream: Iterable[T]) -> Iterator[T]:
        """Items of `stream`, each computed under the thread limit."""
        iterator = iter(stream)
        while True:
            with self.limit():
                try:
                    item = next(iterator)
                except StopIteration:
                    return
            yield item


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
    return nlp


class Parser:
    """Parses tokenized masked sentences with a loaded GiNZA pipeline, in batches.

    `nlp.pipe` runs every component the pipeline holds (the extractor loads it
    without `UNUSED_COMPONENTS`), under the BLAS thread limit.
    """

    def __init__(self, nlp: Language, threads: BlasThreads) -> None:
        self.nlp = nlp
        self.threads = threads

    def pipe(self, items: Iterable[tuple[Doc, T]], batch_size: int) -> Iterator[tuple[Doc, T]]:
        """`(parsed Doc, context)` for each `(tokenized Doc, context)`, in order."""
        stream = self.nlp.pipe(items, as_tuples=True, batch_size=batch_size)
        for doc, context in self.threads.pull(stream):
            yield plain_labels(doc), context


class ComponentParser(Parser):
    """Parses masked sentences with the components that stand before `name` in a
    pipeline the caller built (the spaCy component's case), leaving out those whose
    output attribution never reads, so the records equal the extractor's.

    While it parses, the components' matrix products run on numpy's BLAS (as the
    extractor's do); the caller's own ops are put back before it returns, so the
    pipeline's parse of the full text is untouched.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        super().__init__(nlp, BlasThreads(1))
        self.name = name
        self._ops = NumpyOps(use_blis=False)

    def pipe(self, items: Iterable[tuple[Doc, T]], batch_size: int) -> Iterator[tuple[Doc, T]]:
        procs = [
            proc
            for name, proc in self.nlp.pipeline[: self.nlp.pipe_names.index(self.name)]
            if name not in UNUSED_COMPONENTS
        ]
        iterator = iter(items)
        while batch := list(islice(iterator, batch_size)):
            with self.threads.limit(), _ops(procs, self._ops):
                docs: Iterable[Doc] = (doc for doc, _ in batch)
                for proc in procs:
                    piped = getattr(proc, "pipe", None)
                    docs = piped(docs, batch_size=batch_size) if piped is not None else map(proc, docs)
                parsed = list(docs)
            for doc, (_, context) in zip(parsed, batch, strict=True):
                yield plain_labels(doc), context


@contextlib.contextmanager
def _ops(procs: Iterable[object], ops: NumpyOps) -> Iterator[None]:
    """Run the models of `procs` on `ops` inside the block, then put their own back."""
    nodes = [node for proc in procs for node in _nodes(proc)]
    saved = [node.ops for node in nodes]
    for node in nodes:
        node.ops = ops
    try:
        yield
    finally:
        for node, own in zip(nodes, saved, strict=True):
            node.ops = own


def _nodes(component: object) -> list[Any]:
    model = getattr(component, "model", None)
    return list(model.walk()) if model is not None and hasattr(model, "walk") else []
