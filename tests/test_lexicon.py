"""The lexicon data files: shape, loading, extension and clear errors."""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import pytest

from quotes.errors import LexiconError
from quotes.lexicon import (
    BODY_CLASSES,
    CATEGORIES,
    COUNTRIES,
    CUE_CLASSES,
    LIST_FILES,
    MEMBERSHIP_CLASSES,
    NOUN_CLASSES,
    QUESTIONING_CLASSES,
    TABLE_FILES,
    Lexicon,
)

DATA = resources.files("quotes") / "data"


@pytest.mark.parametrize("name", sorted(LIST_FILES))
def test_list_files_have_one_word_a_line(name: str) -> None:
    lines = [
        line
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    assert lines, name
    for line in lines:
        assert line == line.strip() and "\t" not in line, (name, line)


@pytest.mark.parametrize("name", sorted(TABLE_FILES))
def test_table_files_have_two_columns_and_known_classes(name: str) -> None:
    rows = [
        line
        for line in (DATA / name).read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ]
    header, *body = rows
    _, classes = TABLE_FILES[name]
    assert header.split("\t")[1] in ("class", "category", "country")
    assert classes in (
        CUE_CLASSES,
        NOUN_CLASSES,
        CATEGORIES,
        COUNTRIES,
        MEMBERSHIP_CLASSES,
        BODY_CLASSES,
        QUESTIONING_CLASSES,
    )
    for row in body:
        key, value = row.split("\t")
        values = value.split("|") if classes in (CATEGORIES, COUNTRIES) else [value]
        if classes == COUNTRIES:
            assert key and all(re.fullmatch(r"[A-Z]{2}", v) for v in values), row
        else:
            assert key and all(v in classes for v in values), row


def test_default_lexicon_knows_common_cues() -> None:
    lex = Lexicon.default()
    assert lex.cue_class("述べる") == "speech"
    assert lex.cue_class("呼ぶ") == "naming"
    assert lex.cue_class("思う") == "cognition"


def test_suffix_matching_takes_the_longest() -> None:
    lex = Lexicon.default()
    assert lex.suffix("首席研究委員", lex.titles) == "首席研究委員"
    assert lex.is_org("峨山政策研究院")
    assert lex.is_media("AP通信")


def test_common_words_that_end_like_organisations_are_not_organisations() -> None:
    lex = Lexicon.default()
    assert not lex.is_org("近所") and not lex.is_org("幹部") and not lex.is_org("社会")
    assert lex.is_org("研究所") and lex.is_org("外交部") and lex.is_org("日本医師会")
    assert not lex.is_org("拡大") and not lex.is_org("最大")  # 大 as in 東大, but "large"
    assert lex.is_org("選挙区事務所")  # an organisation that ends in a look-alike's suffix


def test_user_folder_extends_the_shipped_lists(tmp_path: Path) -> None:
    (tmp_path / "titles.txt").write_text("# mine\n主任分析官\n", encoding="utf-8")
    (tmp_path / "cues.tsv").write_text("lemma\tclass\n吠える\tspeech\n", encoding="utf-8")
    lex = Lexicon.load(tmp_path)
    assert "主任分析官" in lex.titles and "教授" in lex.titles
    assert lex.cue_class("吠える") == "speech" and lex.cue_class("述べる") == "speech"


def test_user_folder_can_replace(tmp_path: Path) -> None:
    (tmp_path / "titles.txt").write_text("主任分析官\n", encoding="utf-8")
    assert Lexicon.load(tmp_path, replace=True).titles == ("主任分析官",)


def test_bad_class_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "cues.tsv").write_text("lemma\tclass\n吠える\tshouting\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="unknown class 'shouting'"):
        Lexicon.load(tmp_path)


def test_missing_column_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "cues.tsv").write_text("lemma\tclass\n吠える\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="expected 2 tab-separated columns"):
        Lexicon.load(tmp_path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError):
        Lexicon.load(tmp_path / "nope")


def test_extended_in_code() -> None:
    lex = Lexicon.default().extended(titles=["主任分析官"], cues={"吠える": "speech"})
    assert "主任分析官" in lex.titles and lex.cue_class("吠える") == "speech"
    with pytest.raises(LexiconError):
        Lexicon.default().extended(colours=["red"])


def test_user_lexicon_changes_attribution(extractor) -> None:
    import quotes

    text = "主任分析官の森氏は「上がる」と吠えた。"
    # the rule table, which gives a cue the lexicon knows more than one it does not (the
    # learned model weighs that by what the gold sets show)
    plain = quotes.Extractor(nlp=extractor.nlp, confidence_model="rules")
    custom = quotes.Extractor(
        nlp=extractor.nlp,
        lexicon=Lexicon.default().extended(cues={"吠える": "speech"}),
        confidence_model="rules",
    )
    (record,) = custom.extract(text)
    assert record.cue is not None and record.cue.lemma == "吠える"
    assert record.confidence > plain.extract(text)[0].confidence
