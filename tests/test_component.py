"""The spaCy component `ja_quotes`: registered, sets Doc extensions that survive DocBin."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc, DocBin

import quotes
from quotes.component import register_extensions

DATA = Path(__file__).parent / "data"

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


@pytest.mark.parametrize("name", ["seed", "dev", "dev2"])
def test_component_gives_the_extractors_records_on_every_gold_text(
    nlp: spacy.language.Language, extractor: quotes.Extractor, name: str
) -> None:
    paths = sorted((DATA / name).glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in paths]
    for path, text, doc in zip(paths, texts, nlp.pipe(texts), strict=True):
        assert doc._.quotes == extractor.extract(text), path.name


def test_component_reads_the_users_organisations(tmp_path: Path) -> None:
    table = tmp_path / "orgs.tsv"
    table.write_text(
        "canonical\tcategory\tcountry\tja\ten\nTest Lab\tthink_tank\tJP\t試験研究所\t\n", encoding="utf-8"
    )
    nlp = spacy.load("ja_ginza", exclude=["ner"])
    nlp.add_pipe("ja_quotes", config={"organizations": str(table)})
    (record,) = nlp("試験研究所の山田太郎主任は「慎重な対応が必要だ」と述べた。")._.quotes
    assert record.affiliation is not None and record.affiliation.canonical == "Test Lab"


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
