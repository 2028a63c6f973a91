"""The spaCy component `ja_quotes`: registered, sets Doc extensions that survive DocBin."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import quotes
from quotes.component import register_extensions

TEXT = "峨山研究院の山田太郎研究委員は「慎重な対応が必要だ」と強調した。"


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.load("ja_ginza", exclude=["ner"])
    nlp.add_pipe("ja_quotes")
    return nlp


def test_component_sets_quotes_on_the_doc(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    (record,) = doc._.quotes
    assert isinstance(record, quotes.Quotation)
    assert record.speaker is not None and record.speaker.name == "山田太郎"
    assert record.affiliation is not None and record.affiliation.text == "峨山研究院"


def test_component_agrees_with_extractor(
    nlp: spacy.language.Language, extractor: quotes.Extractor, seed_text: str
) -> None:
    assert nlp(seed_text)._.quotes == extractor.extract(seed_text)


def test_extension_data_survives_docbin(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    bin_ = DocBin(store_user_data=True, docs=[doc])
    (restored,) = DocBin().from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert restored._.quotes == doc._.quotes


def test_nlp_pipe_with_batches(nlp: spacy.language.Language) -> None:
    docs = list(nlp.pipe([TEXT, "本文のみ。"], batch_size=1))
    assert [len(d._.quotes) for d in docs] == [1, 0]


def test_extensions_are_not_overwritten() -> None:
    register_extensions()
    getter = Doc.get_extension("quotes")
    register_extensions()
    assert Doc.get_extension("quotes") == getter
