"""Invariants under random input (hypothesis): nothing raises, every span slices back."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import quotes
from quotes.orgs.table import _Normalized, normalize
from quotes.records import misplaced_spans
from quotes.text.brackets import pair_brackets
from quotes.text.sentences import sentence_ranges

PIECES = [
    "山田氏は",
    "当局者は",
    "政府の",
    "関係者",
    "「",
    "」",
    "『",
    "』",
    "｢",
    "｣",
    "と述べた",
    "と語った",
    "とし",
    "との見方を示した",
    "によると",
    "。",
    "、",
    "\n",
    "\r\n",
    "(",
    ")",
    "（チャ・ドゥヒョン）",
    "教授",
    "首席研究委員",
    "WPに",
    "と発表した",
    "発言",
    "😀",
    "𠮷",
    "\x00",
    "\u200b",
    " ",
    "abc",
    "한국",
]
texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(max_size=4)),
    max_size=40,
).map("".join)

EXAMPLES = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@EXAMPLES
@given(text=texts)
def test_every_span_slices_back(extractor: quotes.Extractor, text: str) -> None:
    analysis = extractor.analyze(text)
    for record in analysis.quotations:
        assert misplaced_spans(record, text) == []
    for problem in analysis.problems:
        assert 0 <= problem.start <= problem.end <= len(text)


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_sentences_cover_every_quotation(text: str) -> None:
    pairs, _ = pair_brackets(text)
    ranges = sentence_ranges(text, pairs)
    for pair in pairs:
        assert any(a <= pair.open_at and pair.close_at < b for a, b in ranges), (pair, ranges)
    assert all(a < b for a, b in ranges)
    assert all(b1 <= a2 for (_, b1), (a2, _) in pairwise(ranges))


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_pairs_do_not_overlap_and_are_real_brackets(text: str) -> None:
    pairs, _ = pair_brackets(text)
    for p in pairs:
        assert text[p.open_at] in "「『｢" and text[p.close_at] in "」』｣"
    assert all(a.close_at < b.open_at for a, b in pairwise(pairs))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("大学 ・･ＡａAa１1ｶﾞｶﾞかﾞ\u3099学院の　Ⅱ㈱")), max_size=12))
def test_fast_normalize_reads_names_as_the_offset_keeping_one(text: str) -> None:
    assert normalize(text) == _Normalized.of(text).text
