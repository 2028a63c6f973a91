"""Later mentions of a speaker resolve to the fullest earlier mention; pronouns never invent."""

from __future__ import annotations

import pytest

import quotes

INTRO = "峨山政策研究院の車斗鉉(チャ・ドゥヒョン)首席研究委員は19日、記者会見を開いた。"


def test_doushi_takes_the_earlier_full_name(extractor: quotes.Extractor) -> None:
    text = INTRO + "同氏は「状況は深刻だ」と語った。"
    (record,) = extractor.extract(text)
    speaker = record.speaker
    assert speaker is not None
    assert speaker.text == "同氏" and text[speaker.start : speaker.end] == "同氏"
    assert speaker.name == "車斗鉉" and speaker.title == "首席研究委員"
    assert speaker.resolved_from is not None
    assert text[speaker.resolved_from.start : speaker.resolved_from.end] == speaker.resolved_from.text
    assert record.affiliation is not None and record.affiliation.text == "峨山政策研究院"


def test_surname_with_title_takes_the_full_name(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract(INTRO + "車首席研究委員は「対話が必要だ」と述べた。")
    assert record.speaker is not None
    assert record.speaker.text == "車首席研究委員" and record.speaker.name == "車斗鉉"


def test_dou_plus_title_prefers_the_person_with_that_title(extractor: quotes.Extractor) -> None:
    text = "東京大学の山本健太教授と外務省の佐藤次郎局長が出席した。同教授は「慎重であるべきだ」と述べた。"
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "山本健太"


def test_pronoun_without_antecedent_keeps_pronoun_and_low_confidence(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("彼は「知らない」と述べた。")
    assert record.speaker is not None
    assert record.speaker.text == "彼" and record.speaker.name is None
    assert record.speaker.resolved_from is None
    (named,) = extractor.extract("山田氏は「知らない」と述べた。")
    assert record.confidence < named.confidence - 0.2


def test_unrelated_surname_is_not_resolved(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract(INTRO + "金氏は「反対だ」と述べた。")
    assert record.speaker is not None and record.speaker.name == "金"
    assert record.speaker.resolved_from is None


def test_person_in_parentheses_after_an_organisation_is_a_mention(extractor: quotes.Extractor) -> None:
    text = "東京地裁(山田花子裁判長)は判決を言い渡した。山田裁判長は「責任は重い」と述べた。"
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "山田花子"
    assert record.affiliation is not None and record.affiliation.text == "東京地裁"


def test_dou_plus_organisation_word_takes_the_organisation_named_before(extractor: quotes.Extractor) -> None:
    text = "奈良地方検察庁は遅刻を認めた。佐藤一郎・同地検次席検事は「指導していく」とコメントを出した。"
    (record,) = extractor.extract(text)
    assert record.affiliation is not None and record.affiliation.text == "奈良地方検察庁"
    assert text[record.affiliation.start : record.affiliation.end] == "奈良地方検察庁"
    assert record.affiliation.canonical == "Nara District Public Prosecutors Office"


def test_kind_word_inside_a_title_points_to_the_club_named_before(extractor: quotes.Extractor) -> None:
    text = "中日ドラゴンズは10日、佐藤健球団代表が会見した。佐藤代表は「結果が全てだ」と述べた。"
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "佐藤健"
    assert record.affiliation is not None and record.affiliation.text == "中日ドラゴンズ"
    assert text[record.affiliation.start : record.affiliation.end] == "中日ドラゴンズ"
    assert record.affiliation.canonical == "Chunichi Dragons"


def test_a_former_posts_organisation_is_not_carried_to_later_mentions(extractor: quotes.Extractor) -> None:
    text = "広島カープ前監督のブラウン氏が新監督に就任した。ブラウン監督は「勝ちたい」と話した。"
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "ブラウン"
    assert record.affiliation is None


def test_a_name_running_into_a_common_noun_is_no_longer_name(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("ブラウン監督解任の声も上がった。ブラウン監督は「残念だ」と話した。")
    assert record.speaker is not None and record.speaker.name == "ブラウン"


def test_a_thing_a_titled_person_has_is_no_mention_of_them(extractor: quotes.Extractor) -> None:
    text = "鈴木一郎新社長の就任会見が開かれた。同氏は「改革を進める」と述べた。"
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "鈴木一郎"
    assert record.speaker.title == "新社長"


def test_dou_title_keeps_its_title_when_the_earlier_mention_had_none(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("ブラウン監督解任の声も上がった。同監督は「残念だ」と話した。")
    assert record.speaker is not None and record.speaker.name == "ブラウン"
    assert record.speaker.title == "監督"


def test_dou_title_takes_the_fullest_mention_of_the_person_it_points_at(extractor: quotes.Extractor) -> None:
    text = (
        "趙兌烈(チョ・テヨル)外交部長官は訪中した。趙長官は王毅外相と会談した。"
        "同長官は「協力を求めた」と説明した。"
    )
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "趙兌烈"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "聯合ニュースによると、大統領室関係者は「負担を下げる」と強調した。"
            "同関係者は、住宅を供給する案が盛り込まれる見通しだと説明した。",
            "大統領室",
        ),
        # no earlier unnamed source with that word: nothing to take
        ("山田太郎氏は「負担を下げる」と強調した。同関係者は、案が盛り込まれると説明した。", None),
    ],
    ids=["dou_kankeisha_takes_the_earlier_sources_body", "no_earlier_source"],
)
def test_dou_and_an_unnamed_source_word_points_back_to_that_source(
    extractor: quotes.Extractor, text: str, affiliation: str | None
) -> None:
    record = [r for r in extractor.extract(text) if r.speaker is not None][-1]
    assert record.speaker is not None and record.speaker.text == "同関係者"
    got = record.affiliation.text if record.affiliation else None
    assert got == affiliation


def test_a_relative_named_after_a_titled_person_is_no_name_for_them(extractor: quotes.Extractor) -> None:
    text = "診療所の院長が孫に接種していた。院長の孫は受験を控えていたが、院長は「喘息が理由だ」と釈明した。"
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.text == "院長"
    assert record.speaker.name is None and record.speaker.resolved_from is None
    assert record.affiliation is not None and record.affiliation.text == "診療所"


def test_an_age_between_the_organisation_and_the_post_is_not_the_organisation(
    extractor: quotes.Extractor,
) -> None:
    (record,) = extractor.extract("兵庫県の診療所の60歳代の院長は「妻に接種した」と報告した。")
    assert record.affiliation is not None and record.affiliation.text == "兵庫県の診療所"


def test_a_katakana_occupation_set_off_with_a_dot_is_no_part_of_the_name(extractor: quotes.Extractor) -> None:
    text = (
        "警視庁は、派遣会社「パワーステーション」のスタッフ・高橋寿弥容疑者を逮捕した。"
        "高橋容疑者は「会社のためだった」と供述した。"
    )
    record = extractor.extract(text)[-1]
    assert record.speaker is not None and record.speaker.name == "高橋寿弥"
    assert record.affiliation is not None and record.affiliation.text == "パワーステーション"


def test_a_private_citizen_is_no_officer_of_the_topic_organisation(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract(
        "警察は会社員・山田花子さん(32)から話を聞いた。山田さんは「怖かった」と話した。"
    )
    assert record.speaker is not None and record.speaker.name == "山田花子"
    assert record.affiliation is None


@pytest.mark.parametrize(
    "text",
    [
        "イタリア人のアルベルト・スギ氏は「盗作だ」と答えた。",
        "ブラジル人のルイス・カルドーゾ監督は「残留できた」と話した。",
    ],
    ids=["italian", "brazilian"],
)
def test_a_nationality_is_no_affiliation(extractor: quotes.Extractor, text: str) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.affiliation is None


def test_an_artist_is_no_officer_of_the_topic_organisation(extractor: quotes.Extractor) -> None:
    text = "文部科学省は5日、洋画家の和田義彦氏への賞を取り消した。和田氏は「盗作ではない」と述べた。"
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "和田義彦"
    assert record.affiliation is None


def test_a_medium_s_report_is_no_organisation_the_speaker_belongs_to(extractor: quotes.Extractor) -> None:
    text = "スポーツニッポンの報道では、ルイス・カルドーゾ監督は「残留できた」と話した。"
    (record,) = extractor.extract(text)
    assert record.affiliation is None or "報道" not in record.affiliation.text


def test_the_body_a_person_leads_is_found_past_their_nationality(extractor: quotes.Extractor) -> None:
    text = "ヴェルデ松山は会見を開いた。同クラブを率いるブラジル人のカルドーゾ監督は「残留できた」と話した。"
    record = extractor.extract(text)[-1]
    assert record.affiliation is not None
    assert text[record.affiliation.start : record.affiliation.end] == record.affiliation.text
    assert record.affiliation.text in ("同クラブ", "ヴェルデ松山")


@pytest.mark.parametrize(
    "text,title,affiliation",
    [
        ("ヴェルデ松山強化部長の西岡修は「残念だ」と述べた。", "強化部長", "ヴェルデ松山"),
        (
            "トヨタ自動車は会見を開いた。同社経理部長の山田太郎氏は「残念だ」と述べた。",
            "経理部長",
            "トヨタ自動車",
        ),
        ("トヨタ自動車の開発部長、山田太郎氏は「残念だ」と述べた。", "開発部長", "トヨタ自動車"),
    ],
    ids=["club_strengthening", "same_company_accounts", "company_development"],
)
def test_the_work_of_a_department_belongs_to_the_post(
    extractor: quotes.Extractor, text: str, title: str, affiliation: str
) -> None:
    record = extractor.extract(text)[-1]
    assert record.speaker is not None and record.speaker.title == title
    assert record.affiliation is not None and record.affiliation.text == affiliation
