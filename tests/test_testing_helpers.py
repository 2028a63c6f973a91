"""`quotes.testing`: pinning attributions, and failure messages that show what was found."""

from __future__ import annotations

import pytest

import quotes
from quotes.records import Quotation
from quotes.testing import assert_attributed, describe, find_quotation

OFFICIAL = "韓国外交部の当局者は「注視している」と明らかにした。これは「核の傘」だ。"
TWO = "山田氏は「賛成だ」と述べた。川口氏は「反対だ」と語った。"


def test_attribution_as_expected_returns_the_record(extractor: quotes.Extractor) -> None:
    found = assert_attributed(
        OFFICIAL,
        quote="注視している",
        speaker="当局者",
        affiliation="韓国外交部",
        cue="明らかにした",
        kind="direct",
        extractor=extractor,
    )
    assert isinstance(found, Quotation) and found.text == "注視している"


@pytest.mark.parametrize(
    "expectations",
    [
        {"quote": "「賛成だ」", "speaker": "山田"},  # brackets around the quote, the name
        {"quote": "賛成だ", "speaker": "山田氏", "cue": "述べる"},  # the mention as written, the lemma
        {"quote": "反対", "speaker": "川口", "cue": "語った"},  # part of the quotation
        {"quote": "反対だ"},  # only that it is there
    ],
)
def test_expectations_match_name_or_mention_and_text_or_lemma(
    expectations: dict[str, str], extractor: quotes.Extractor
) -> None:
    assert_attributed(TWO, extractor=extractor, **expectations)


def test_term_is_pinned_by_kind(extractor: quotes.Extractor) -> None:
    found = assert_attributed(OFFICIAL, quote="核の傘", kind="term", extractor=extractor)
    assert found.speaker is None


def test_wrong_speaker_message_shows_what_was_found(extractor: quotes.Extractor) -> None:
    with pytest.raises(AssertionError) as info:
        assert_attributed(TWO, quote="賛成だ", speaker="川口", cue="語った", extractor=extractor)
    message = str(info.value)
    assert "Quotation 「賛成だ」 is not attributed as expected" in message
    assert "speaker: want '川口', got '山田氏' (name '山田')" in message
    assert "cue: want '語った', got '述べた' (lemma '述べる')" in message
    # every record found, with its speaker, affiliation and cue
    assert "The library found 2 quotation(s):" in message
    assert (
        "1. direct 「賛成だ」 at 5-8: speaker='山田氏' (name '山田'), affiliation=None, cue='述べた' (述べる)"
        in message
    )
    assert "2. direct 「反対だ」" in message and "speaker='川口氏' (name '川口')" in message


def test_wrong_affiliation_and_kind_are_reported(extractor: quotes.Extractor) -> None:
    with pytest.raises(AssertionError) as info:
        assert_attributed(
            OFFICIAL, quote="注視している", affiliation="外務省", kind="term", extractor=extractor
        )
    message = str(info.value)
    assert "kind: want 'term', got 'direct'" in message
    assert "affiliation: want '外務省', got '韓国外交部'" in message
    assert "speaker='当局者' (anonymous), affiliation='韓国外交部'" in message


def test_missing_quotation_lists_the_ones_found(extractor: quotes.Extractor) -> None:
    with pytest.raises(AssertionError) as info:
        assert_attributed(TWO, quote="棄権する", speaker="山田", extractor=extractor)
    message = str(info.value)
    assert message.startswith("No quotation 「棄権する」 in the text.")
    assert "「賛成だ」" in message and "「反対だ」" in message


def test_text_without_quotations_says_so(extractor: quotes.Extractor) -> None:
    with pytest.raises(AssertionError, match="The library found no quotation in the text"):
        assert_attributed("今日は晴れ。", quote="晴れ", extractor=extractor)


def test_find_quotation_prefers_the_exact_text() -> None:
    source = "「賛成だ」「賛成だと思う」"
    longer = Quotation(kind="term", start=6, end=12, text=source[6:12])
    exact = Quotation(kind="term", start=1, end=4, text=source[1:4])
    assert find_quotation([longer, exact], "賛成だ") is exact
    assert find_quotation([longer, exact], "思う") is longer
    assert find_quotation([longer, exact], "反対") is None
    assert find_quotation([], "") is None
    assert describe(exact) == "term 「賛成だ」 at 1-4: speaker=None, affiliation=None, cue=None"
