"""The organisation knowledge base: the shipped rows, lookup, user files and clear errors."""

from __future__ import annotations

import re
import time
from importlib import resources
from pathlib import Path

import pytest

from quotes.errors import InputTypeError, LexiconError
from quotes.orgs.table import (
    CATEGORIES,
    HEADER,
    Organization,
    OrganizationTable,
    OrgMatch,
    normalize,
)

ROOT = Path(__file__).parent.parent
SHIPPED = (resources.files("quotes") / "data" / "organizations.tsv").read_text(encoding="utf-8")
EXAMPLE = ROOT / "docs" / "examples" / "organizations.tsv"
USER_HEADER = "\t".join(HEADER) + "\n"


def _shipped_rows() -> list[list[str]]:
    """The data rows of the shipped file, read without the library's parser."""
    lines = [line for line in SHIPPED.splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0].split("\t") == list(HEADER)
    return [line.split("\t") for line in lines[1:]]


ROWS = _shipped_rows()


@pytest.fixture(scope="module")
def table() -> OrganizationTable:
    return OrganizationTable.default()


def _write(tmp_path: Path, body: str, name: str = "orgs.tsv") -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


# -- the shipped file ---------------------------------------------------------


def test_shipped_file_lists_at_least_450_organisations() -> None:
    assert len(ROWS) >= 450


@pytest.mark.parametrize("row", ROWS, ids=[row[0] for row in ROWS])
def test_shipped_row_has_the_documented_shape(row: list[str]) -> None:
    assert len(row) == 5, row
    canonical, category, country, ja, en = row
    assert canonical and canonical == canonical.strip()
    assert category in CATEGORIES
    assert country == "" or re.fullmatch(r"[A-Z]{2}", country)
    names = ja.split("|")
    assert names and all(name and name == name.strip() and normalize(name) for name in names)
    assert all(alias and alias == alias.strip() for alias in en.split("|")) or en == ""


def test_no_surface_form_names_two_shipped_rows() -> None:
    owner: dict[str, str] = {}
    clashes = []
    for canonical, _category, _country, ja, en in ROWS:
        forms = {normalize(form) for form in (*ja.split("|"), *en.split("|"), canonical) if form}
        for form in forms:
            if owner.setdefault(form, canonical) != canonical:
                clashes.append((form, owner[form], canonical))
    assert clashes == []


def test_canonical_names_are_unique() -> None:
    canonicals = [row[0] for row in ROWS]
    assert len(canonicals) == len(set(canonicals))


def test_default_table_holds_every_shipped_row(table: OrganizationTable) -> None:
    assert len(table) == len(ROWS)
    assert [org.canonical for org in table] == [row[0] for row in ROWS]
    assert OrganizationTable.default() is table  # cached


def test_every_shipped_form_finds_its_own_row(table: OrganizationTable) -> None:
    wrong = []
    for org in table:
        for form in org.forms:
            match = table.lookup(form)
            if match is None or match.organization != org or (match.start, match.end) != (0, len(form)):
                wrong.append((form, org.canonical, match))
    assert wrong == []


# -- lookup -------------------------------------------------------------------

#: query, canonical name, organisation part as written, department
CASES = [
    # aliases
    ("峨山研究院", "Asan Institute for Policy Studies", "峨山研究院", None),
    ("アサン政策研究院", "Asan Institute for Policy Studies", "アサン政策研究院", None),
    ("Asan Institute", "Asan Institute for Policy Studies", "Asan Institute", None),
    ("asan institute", "Asan Institute for Policy Studies", "asan institute", None),
    ("世宗研究所", "Sejong Institute", "世宗研究所", None),
    ("聨合ニュース", "Yonhap News Agency", "聨合ニュース", None),
    ("最高裁", "Supreme Court of Japan", "最高裁", None),
    ("東京慈恵医大", "Jikei University School of Medicine", "東京慈恵医大", None),
    # full and half width
    ("ＮＨＫ", "Japan Broadcasting Corporation", "ＮＨＫ", None),
    ("nhk", "Japan Broadcasting Corporation", "nhk", None),
    ("ｶﾞｽﾌﾟﾛﾑ", "Gazprom", "ｶﾞｽﾌﾟﾛﾑ", None),
    # 大学 and 大
    ("梨花女子大", "Ewha Womans University", "梨花女子大", None),
    ("梨花女子大学", "Ewha Womans University", "梨花女子大学", None),
    ("東京大", "University of Tokyo", "東京大", None),
    ("名城大", "Meijo University", "名城大", None),
    # middle dots and spaces
    ("ニューヨークタイムズ", "New York Times", "ニューヨークタイムズ", None),
    ("ニューヨーク タイムズ", "New York Times", "ニューヨーク タイムズ", None),
    ("ワシントン･ポスト", "Washington Post", "ワシントン･ポスト", None),
    ("  世宗研究所 ", "Sejong Institute", "世宗研究所", None),
    # country prefixes
    ("米国務省", "United States Department of State", "米国務省", None),
    ("米政府", "Federal Government of the United States", "米政府", None),
    ("アメリカ合衆国政府", "Federal Government of the United States", "アメリカ合衆国政府", None),
    ("米国防総省", "United States Department of Defense", "米国防総省", None),
    ("韓国外交部", "Ministry of Foreign Affairs (South Korea)", "韓国外交部", None),
    ("韓外交部", "Ministry of Foreign Affairs (South Korea)", "韓外交部", None),
    ("中国外交部", "Ministry of Foreign Affairs (China)", "中国外交部", None),
    ("露外務省", "Ministry of Foreign Affairs (Russia)", "露外務省", None),
    ("外務省", "Ministry of Foreign Affairs (Japan)", "外務省", None),
    ("英国防省", "Ministry of Defence (United Kingdom)", "英国防省", None),
    ("日本の国会", "National Diet", "日本の国会", None),
    ("米CNN放送", "CNN", "米CNN放送", None),
    ("米紙ワシントン・ポスト", "Washington Post", "米紙ワシントン・ポスト", None),
    ("ロシア国営タス通信", "TASS", "ロシア国営タス通信", None),
    # parentheses
    ("ロシア下院(国家ドゥーマ)", "State Duma", "ロシア下院(国家ドゥーマ)", None),
    ("ロシア下院（国家ドゥーマ）", "State Duma", "ロシア下院（国家ドゥーマ）", None),
    ("ニューヨークタイムズ(NYT)", "New York Times", "ニューヨークタイムズ(NYT)", None),
    ("ロシア国会下院(国家ドゥーマ)", "State Duma", "国家ドゥーマ", None),
    # departments: the longest known name wins, the rest is the department
    ("梨花女子大国際学部", "Ewha Womans University", "梨花女子大", "国際学部"),
    ("ロシア下院(国家ドゥーマ)国際問題委員会", "State Duma", "ロシア下院(国家ドゥーマ)", "国際問題委員会"),
    ("東京地検特捜部", "Tokyo District Public Prosecutors Office", "東京地検", "特捜部"),
    ("国連安保理", "United Nations Security Council", "国連安保理", None),
    (
        "カリフォルニア大学サンタバーバラ校",
        "University of California, Santa Barbara",
        "カリフォルニア大学サンタバーバラ校",
        None,
    ),
    (
        "カリフォルニア大学アーバイン校",
        "University of California, Irvine",
        "カリフォルニア大学アーバイン校",
        None,
    ),
    ("カリフォルニア大学マーセド校", "University of California", "カリフォルニア大学", "マーセド校"),
    ("梨花女子大(ソウル)国際学部", "Ewha Womans University", "梨花女子大", "(ソウル)国際学部"),
]


@pytest.mark.parametrize(("query", "canonical", "written", "department"), CASES)
def test_lookup_finds_the_organisation(
    table: OrganizationTable, query: str, canonical: str, written: str, department: str | None
) -> None:
    match = table.lookup(query)
    assert match is not None
    assert match.organization.canonical == canonical
    assert query[match.start : match.end] == written
    assert match.department == department


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "山田商店",
        "バイデン政権",
        "米高官",
        "外交部",
        "下院",
        "タスク",
        "メタンガス",
        "LGBT団体",
        "Fedco",
    ],
)
def test_unknown_text_is_none(table: OrganizationTable, query: str) -> None:
    assert table.lookup(query) is None


def test_bare_japanese_forms_name_japanese_bodies_as_the_japanese_press_writes(
    table: OrganizationTable,
) -> None:
    assert table.lookup("政府").organization.canonical == "Government of Japan"  # type: ignore[union-attr]
    assert table.lookup("外務省").organization.country == "JP"  # type: ignore[union-attr]
    # another country's government is never read as Japan's, known or not
    assert table.lookup("韓国政府").organization.country == "KR"  # type: ignore[union-attr]
    assert table.lookup("ツバル政府") is None


@pytest.mark.parametrize(
    "query", ["日本大使館", "東大阪市", "日立市", "日産化学", "日経連", "政府軍", "北大西洋", "日本産牛肉"]
)
def test_a_name_that_only_starts_a_longer_word_is_no_match(table: OrganizationTable, query: str) -> None:
    assert table.lookup(query) is None


@pytest.mark.parametrize("query", ["日本の大学", "韓国の銀行", "日本のテレビ局", "日本経済研究所"])
def test_a_country_before_a_common_word_names_no_body(table: OrganizationTable, query: str) -> None:
    assert table.lookup(query) is None


def test_find_all_reads_running_text_left_to_right_longest_first(table: OrganizationTable) -> None:
    text = "東京大学とロシア外務省によると、立憲民主党はタスクフォースを作った。"
    found = [(text[m.start : m.end], m.organization.canonical) for m in table.find_all(text)]
    assert found == [
        ("東京大学", "University of Tokyo"),
        ("ロシア外務省", "Ministry of Foreign Affairs (Russia)"),
        ("立憲民主党", "Constitutional Democratic Party of Japan"),
    ]


def test_country_prefix_only_reads_that_countrys_organisations(table: OrganizationTable) -> None:
    assert table.lookup("韓国国防部").organization.country == "KR"  # type: ignore[union-attr]
    assert table.lookup("中国国防部").organization.country == "CN"  # type: ignore[union-attr]
    assert table.lookup("米外交部") is None  # 外交部 is not a US body
    assert table.lookup("米紙国務省") is None  # 米紙 is only read before a medium


def test_lookup_rejects_non_text(table: OrganizationTable) -> None:
    with pytest.raises(InputTypeError):
        table.lookup(b"NHK")  # type: ignore[arg-type]


def test_lookup_takes_microseconds(table: OrganizationTable) -> None:
    queries = [case[0] for case in CASES] * 50
    began = time.perf_counter()
    for query in queries:
        table.lookup(query)
    per_lookup = (time.perf_counter() - began) / len(queries)
    assert per_lookup < 200e-6


def test_normalize_reads_width_case_dots_spaces_and_daigaku_alike() -> None:
    assert normalize("ＮＨＫ") == normalize("nhk") == "nhk"
    assert normalize("ニューヨーク・タイムズ") == normalize("ニューヨーク タイムズ") == "ニューヨークタイムズ"
    assert normalize("梨花女子大学") == normalize("梨花女子大")
    assert normalize("ﾊﾞｲﾃﾞﾝ") == "バイデン"


# -- records ------------------------------------------------------------------


def test_records_validate_their_fields() -> None:
    org = Organization(canonical="Test Body", category="ngo", country="JP", names=["テスト団体"])
    assert org.names == ("テスト団体",) and org.aliases == ()
    with pytest.raises(ValueError):
        Organization(canonical="Test Body", category="club", names=["テスト団体"])
    with pytest.raises(ValueError):
        Organization(canonical="Test Body", category="ngo", country="Japan", names=["テスト団体"])
    with pytest.raises(ValueError):
        Organization(canonical="Test Body", category="ngo", names=[])
    with pytest.raises(ValueError):
        OrgMatch(organization=org, start=3, end=1)


def test_a_table_can_be_built_from_records() -> None:
    org = Organization(canonical="Test Body", category="ngo", names=["テスト団体"], aliases=["TB"])
    table = OrganizationTable([org])
    assert len(table) == 1 and list(table) == [org]
    assert table.lookup("tb").organization == org  # type: ignore[union-attr]
    assert table.lookup("NHK") is None


# -- user files ---------------------------------------------------------------


def test_user_row_overrides_a_shipped_row_by_japanese_name(tmp_path: Path) -> None:
    path = _write(tmp_path, USER_HEADER + "Sejong Think Tank\tthink_tank\tKR\t世宗研究所|世宗研\tSejong\n")
    table = OrganizationTable.load(path)
    match = table.lookup("世宗研究所安保戦略研究室")
    assert match is not None
    assert match.organization.canonical == "Sejong Think Tank"
    assert match.department == "安保戦略研究室"
    assert table.lookup("世宗研").organization.canonical == "Sejong Think Tank"  # type: ignore[union-attr]
    assert "Sejong Institute" not in {org.canonical for org in table}
    assert len(table) == len(OrganizationTable.default())
    assert table.lookup("峨山研究院").organization.canonical == "Asan Institute for Policy Studies"  # type: ignore[union-attr]


def test_user_row_overrides_a_shipped_row_by_canonical_name(tmp_path: Path) -> None:
    path = _write(tmp_path, USER_HEADER + "Sejong Institute\tthink_tank\tKR\t世宗シンクタンク\t\n")
    table = OrganizationTable.load(path)
    assert table.lookup("世宗シンクタンク").organization.canonical == "Sejong Institute"  # type: ignore[union-attr]
    assert table.lookup("世宗研究所") is None  # the shipped row and its names are gone
    assert table.lookup("セジョン研究所") is None


def test_user_rows_add_to_the_shipped_ones(tmp_path: Path) -> None:
    body = "# mine\n" + USER_HEADER + "Example Research Group\tthink_tank\tJP\t例示総研|例示総合研究所\n"
    table = OrganizationTable.load(_write(tmp_path, body))
    assert len(table) == len(OrganizationTable.default()) + 1
    match = table.lookup("例示総研経済調査部")
    assert match is not None and match.organization.canonical == "Example Research Group"
    assert match.organization.aliases == () and match.department == "経済調査部"


def test_replace_keeps_only_the_user_rows(tmp_path: Path) -> None:
    path = _write(tmp_path, USER_HEADER + "Example Research Group\tthink_tank\tJP\t例示総研\t\n")
    table = OrganizationTable.load(path, replace=True)
    assert len(table) == 1
    assert table.lookup("NHK") is None


def test_load_accepts_a_folder_and_none(tmp_path: Path) -> None:
    _write(
        tmp_path, USER_HEADER + "Example Research Group\tthink_tank\tJP\t例示総研\t\n", "organizations.tsv"
    )
    assert OrganizationTable.load(tmp_path).lookup("例示総研") is not None
    assert OrganizationTable.load(None) is OrganizationTable.default()


def test_example_file_in_the_docs_is_valid() -> None:
    table = OrganizationTable.load(EXAMPLE)
    assert len(table) > len(OrganizationTable.default()) - 5
    user_rows = OrganizationTable.load(EXAMPLE, replace=True)
    assert len(user_rows) >= 2
    for org in user_rows:
        assert table.lookup(org.names[0]).organization == org  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("body", "line", "says"),
    [
        ("name\tcategory\n", 1, "expected the header"),
        ("# only comments\n", None, "holds no header line"),
        (USER_HEADER + "Only Three\tngo\tJP\n", 2, "expected 5"),
        (USER_HEADER + "\tngo\tJP\t団体\t\n", 2, "canonical name"),
        (USER_HEADER + "A Club\tclub\tJP\t某クラブ\t\n", 2, "unknown category 'club'"),
        (USER_HEADER + "A Body\tngo\tJapan\t某団体\t\n", 2, "ISO 3166-1"),
        (USER_HEADER + "A Body\tngo\tJP\t|\t\n", 2, "no Japanese name"),
        (USER_HEADER + "A Body\tngo\tJP\t某団体|・\t\n", 2, "empty once spaces"),
        (
            USER_HEADER + "A Body\tngo\tJP\t某団体\t\nB Body\tngo\tJP\t某 団体\t\n",
            3,
            "already names 'A Body'",
        ),
        (USER_HEADER + "A Body\tngo\tJP\t某団体\t\nA Body\tngo\tJP\t別団体\t\n", 3, "already used on line 2"),
    ],
)
def test_malformed_user_file_raises_lexicon_error(
    tmp_path: Path, body: str, line: int | None, says: str
) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(LexiconError) as err:
        OrganizationTable.load(path)
    message = str(err.value)
    assert str(path) in message and says in message
    if line is not None:
        assert f"line {line}" in message


def test_missing_or_undecodable_file_raises_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="missing"):
        OrganizationTable.load(tmp_path / "nope.tsv")
    bad = tmp_path / "latin1.tsv"
    bad.write_bytes(USER_HEADER.encode() + "Café\tngo\tFR\tcafé\t\n".encode("latin-1"))
    with pytest.raises(LexiconError, match="UTF-8"):
        OrganizationTable.load(bad)
