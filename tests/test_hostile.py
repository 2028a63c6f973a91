"""Hostile and faulty input the library itself meets (issue 14, items 13-16): a result or
the catalogue's error, never a crash, an empty span or a lost result."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import DocBin

import quotes
from quotes import serialize
from quotes.errors import InputTypeError, InputValueError

SPEECH = "山田太郎氏は「賛成だ」と述べた。"


@pytest.mark.parametrize(
    "text",
    ["『」。「『」", "「」と述べた。", "「」「」", "N\u0301YTによると、山田太郎氏は「辞任する」と語った。"],
)
def test_no_span_is_ever_empty_and_the_mask_word_is_never_a_cue(
    extractor: quotes.Extractor, text: str
) -> None:
    analysis = extractor.analyze(text)
    for record in analysis.quotations:
        for name, span in record.spans().items():
            assert span.end > span.start and text[span.start : span.end] == span.text, (name, span)
        assert record.cue is None or "発言" not in record.cue.text or "発言" in text


def test_empty_brackets_are_reported_not_lost(extractor: quotes.Extractor) -> None:
    analysis = extractor.analyze("山田氏は「」と述べた。")
    assert [p.code for p in analysis.problems] == ["W007"]
    assert analysis.quotations == ()


def test_a_bad_input_comes_after_every_result_before_it(extractor: quotes.Extractor) -> None:
    texts = [SPEECH] * 39 + [None] + [SPEECH] * 10
    got = []
    with pytest.raises(InputTypeError, match="expects text as str"):
        for records in extractor.extract_many(iter(texts), batch_size=8):
            got.append(records)
    assert len(got) == 39 and all(len(r) == 1 for r in got)


@pytest.mark.parametrize("options", [{"batch_size": 0}, {"n_process": 0}, {"batch_size": True}])
def test_bad_options_are_refused_at_the_call(extractor: quotes.Extractor, options: dict[str, object]) -> None:
    with pytest.raises(InputValueError):
        extractor.extract_many([SPEECH], **options)  # type: ignore[arg-type]


def test_a_lone_surrogate_gives_records_and_valid_json(extractor: quotes.Extractor) -> None:
    text = "山田太郎氏は「\ud800だ」と述べた。"
    (record,) = extractor.extract(text)
    line = serialize.to_jsonl([record])
    line.encode("utf-8")  # no UnicodeEncodeError
    assert json.loads(line)["text"] == "\ud800だ"


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    nlp = spacy.load("ja_ginza", exclude=["ner"])
    nlp.add_pipe("ja_quotes")
    return nlp


@pytest.mark.parametrize(
    "text",
    ["山田太郎氏は「\ud800だ」と述べた。", "。" * 30000 + SPEECH],
    ids=["surrogate", "over_sudachis_limit"],
)
def test_the_component_reads_what_sudachi_refuses(nlp: spacy.language.Language, text: str) -> None:
    doc = nlp(text)
    assert len(doc.text) == len(text)
    (record,) = doc._.quotes
    assert record.speaker is not None and record.speaker.name == "山田太郎"


def test_docbin_keeps_the_records_as_a_list(nlp: spacy.language.Language) -> None:
    doc = nlp(SPEECH)
    data = DocBin(store_user_data=True, docs=[doc]).to_bytes()
    (restored,) = DocBin().from_bytes(data).get_docs(nlp.vocab)
    assert isinstance(restored._.quotes_data, list) and restored._.quotes == doc._.quotes
