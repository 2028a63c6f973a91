"""Affiliations and media joined to the organisation table, and a user table overriding it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import quotes
from quotes import cli
from quotes.orgs.table import OrganizationTable

SEED_AFFILIATIONS = {
    "韓国外交部": ("Ministry of Foreign Affairs (South Korea)", "government", "KR"),
    "米政府": ("Federal Government of the United States", "government", "US"),
    "峨山政策研究院": ("Asan Institute for Policy Studies", "think_tank", "KR"),
    "ロシア下院(国家ドゥーマ)国際問題委員会": ("State Duma", "legislature", "RU"),
    "世宗研究所": ("Sejong Institute", "think_tank", "KR"),
    "梨花女子大": ("Ewha Womans University", "university", "KR"),
    "米": (None, "government", "US"),  # 米高官ら: a state's officers belong to the state
}


def test_every_seed_affiliation_has_canonical_category_country(
    extractor: quotes.Extractor, seed_text: str
) -> None:
    found = {
        r.affiliation.text: (r.affiliation.canonical, r.affiliation.category, r.affiliation.country)
        for r in extractor.extract(seed_text)
        if r.affiliation is not None
    }
    assert found == SEED_AFFILIATIONS


def test_media_via_gets_a_canonical_name(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("米政府関係者はWPに「制裁は続く」と語った。")
    assert record.via is not None and record.via.canonical == "Washington Post"


def test_department_suffix_keeps_the_span_and_finds_the_university(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("梨花女子大国際学部の金民秀教授は「慎重であるべきだ」と述べた。")
    assert record.affiliation is not None
    assert record.affiliation.text == "梨花女子大国際学部"
    assert record.affiliation.canonical == "Ewha Womans University"


def test_dou_sha_takes_the_company_named_before_whatever_its_name(extractor: quotes.Extractor) -> None:
    text = "ソフトバンクグループは決算を発表した。同社の孫正義会長は「投資は続ける」と述べた。"
    (record,) = extractor.extract(text)
    assert record.affiliation is not None and record.affiliation.text == "ソフトバンクグループ"
    assert record.affiliation.canonical == "SoftBank Group Corp."
    assert record.affiliation.category == "company"


@pytest.mark.parametrize(
    "text,canonical",
    [
        (
            "立憲民主党の野田佳彦代表は会見した。同党の幹部は「結束する」と述べた。",
            "Constitutional Democratic Party of Japan",
        ),
        (
            "ロシア外務省は声明を発表した。同省のザハロワ報道官は「容認できない」と述べた。",
            "Ministry of Foreign Affairs (Russia)",
        ),
        (
            "米政府は制裁を発表した。同政府高官は「効果がある」と述べた。",
            "Federal Government of the United States",
        ),
        (
            "東京大学の研究チームは成果を発表した。同大の佐藤健教授は「画期的だ」と話した。",
            "University of Tokyo",
        ),
        (
            "キヤノンは、靖国神社近くの土地を取得した。同社の担当者は「詳細は言えない」と話した。",
            "Canon Inc.",
        ),
        (
            "パナソニックは、リチウムイオン電池の工場を建設する。同社の担当者は「順調だ」と話した。",
            "Panasonic Holdings Corporation",
        ),
        (
            "大津地検は男を起訴した。同地検の次席検事は「適切に対応した」と述べた。",
            "Otsu District Public Prosecutors Office",
        ),
    ],
    ids=[
        "party_not_a_shorter_party_inside",
        "ministry_of_the_prefixed_country",
        "government_not_bare_seifu",
        "university_not_kyodai_inside",
        "company_not_a_shrine_ending_in_sha",
        "no_name_inside_a_word",
        "prosecutors_not_a_shorter_city_inside",
    ],
)
def test_dou_x_takes_the_whole_organisation_named_before(
    extractor: quotes.Extractor, text: str, canonical: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.affiliation is not None and record.affiliation.canonical == canonical
    # the affiliation is the organisation as the text named it before 同X
    assert record.affiliation.end <= text.index("同")
    assert text[record.affiliation.start : record.affiliation.end] == record.affiliation.text


def test_a_description_before_the_name_does_not_hide_it(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("自動車大手のトヨタ自動車は、広報担当者が「確認中だ」と話した。")
    assert record.affiliation is not None and record.affiliation.text == "自動車大手のトヨタ自動車"
    assert record.affiliation.canonical == "Toyota Motor Corporation"


@pytest.mark.parametrize(
    "text,canonical",
    [
        ("日本ハムの新庄剛志監督は「優勝を狙う」と話した。", "Hokkaido Nippon-Ham Fighters"),
        ("ソフトバンクの小久保裕紀監督は「勝ちにこだわる」と述べた。", "Fukuoka SoftBank Hawks"),
        ("日本ハムの井川伸久社長は「値上げを検討する」と述べた。", "NH Foods Ltd."),
    ],
    ids=["manager_of_the_club", "manager_of_the_club_too", "president_of_the_company"],
)
def test_a_team_title_reads_the_owners_name_as_its_club(
    extractor: quotes.Extractor, text: str, canonical: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.affiliation is not None and record.affiliation.canonical == canonical


def test_dou_sha_prefers_the_company_the_sentence_was_about(extractor: quotes.Extractor) -> None:
    text = "トヨタ自動車はデンソーとの提携を発表した。同社の佐藤社長は「自信がある」と述べた。"
    (record,) = extractor.extract(text)
    assert record.affiliation is not None and record.affiliation.canonical == "Toyota Motor Corporation"


def test_dou_sha_without_a_company_before_stays_unknown(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("同社の広報担当者は「確認中だ」と話した。")
    assert record.affiliation is not None and record.affiliation.canonical is None


def test_unknown_organisation_keeps_its_span_and_no_canonical(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("架空未来政策研究所の山田太郎研究員は「変化は遅い」と述べた。")
    assert record.affiliation is not None and record.affiliation.text == "架空未来政策研究所"
    assert record.affiliation.canonical is None and record.affiliation.category is None


def test_user_table_overrides_a_shipped_row(tmp_path: Path, extractor: quotes.Extractor) -> None:
    user = tmp_path / "orgs.tsv"
    user.write_text(
        "canonical\tcategory\tcountry\tja\ten\n"
        "Sejong Policy Institute (test)\tthink_tank\tKR\t世宗研究所\t\n",
        encoding="utf-8",
    )
    custom = quotes.Extractor(nlp=extractor.nlp, organizations=user)
    (record, *_) = custom.extract("世宗研究所のキム・ジョンソプ首席研究委員は「危険だ」と分析した。")
    assert record.affiliation is not None and record.affiliation.canonical == "Sejong Policy Institute (test)"
    assert OrganizationTable.default().lookup("世宗研究所").organization.canonical == "Sejong Institute"


def test_cli_organizations_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    user = tmp_path / "orgs.tsv"
    user.write_text(
        "canonical\tcategory\tcountry\tja\ten\nFictional Futures Lab\tthink_tank\tJP\t架空未来政策研究所\t\n",
        encoding="utf-8",
    )
    text = tmp_path / "a.txt"
    text.write_text("架空未来政策研究所の山田太郎研究員は「変化は遅い」と述べた。", encoding="utf-8")
    assert cli.main(["extract", str(text), "--organizations", str(user), "--quiet"]) == 0
    (row,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert row["affiliation"]["canonical"] == "Fictional Futures Lab"
    assert row["affiliation"]["country"] == "JP"


@pytest.mark.parametrize(
    "text,affiliation,canonical",
    [
        ("共に民主党の李在明代表は「反対だ」と述べた。", "共に民主党", "Democratic Party of Korea"),
        ("国民の力の韓東勲代表は「賛成だ」と述べた。", "国民の力", "People Power Party"),
    ],
    ids=["name_the_parse_cut_short", "name_with_no_inside"],
)
def test_known_names_the_parse_would_cut_stay_whole(
    extractor: quotes.Extractor, text: str, affiliation: str, canonical: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.affiliation is not None and record.affiliation.text == affiliation
    assert text[record.affiliation.start : record.affiliation.end] == affiliation
    assert record.affiliation.canonical == canonical


@pytest.mark.parametrize(
    "text,canonical",
    [
        ("韓米首脳会談が開かれた。政府関係者は「成果があった」と述べた。", "Government of South Korea"),
        ("日米首脳会談が開かれた。政府関係者は「成果があった」と述べた。", "Government of Japan"),
        ("中日新聞によると会談が開かれた。政府関係者は「成果があった」と述べた。", "Government of Japan"),
    ],
    ids=["korean_paper", "japanese_paper", "a_name_is_no_pair"],
)
def test_bare_seifu_is_the_government_of_the_country_the_text_is_written_from(
    extractor: quotes.Extractor, text: str, canonical: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.kind == "direct"]
    assert record.affiliation is not None and record.affiliation.canonical == canonical


@pytest.mark.parametrize(
    "text,written,canonical",
    [
        ("ゲーツ米国防長官は「撤退しない」と述べた。", "米国防", "United States Department of Defense"),
        ("ライス米国務長官は「対話を続ける」と述べた。", "米国務", "United States Department of State"),
        ("英国防相のリード氏は「増派する」と述べた。", "英国防", "Ministry of Defence (United Kingdom)"),
    ],
    ids=["us_defense", "us_state", "uk_defence"],
)
def test_a_department_a_post_names_is_known_by_its_ministry(
    extractor: quotes.Extractor, text: str, written: str, canonical: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.affiliation is not None and record.affiliation.text == written
    assert record.affiliation.canonical == canonical
