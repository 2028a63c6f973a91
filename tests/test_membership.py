"""The body a person belongs to by what the text says happened or where they stand: they
joined it, it appointed them, they lead it or come from it; the one state a text names
for its officers; asides that say 所属; the body of a kind a post is held in (a party, a
prefecture, a city) the text is about; 同市 and 同社 pointing back past a medium or into a
longer name."""

from __future__ import annotations

import pytest

import quotes


def _last_speech(records: list[quotes.Quotation]) -> quotes.Quotation:
    return [r for r in records if r.speaker is not None][-1]


def _assert_affiliation(extractor: quotes.Extractor, text: str, affiliation: str) -> None:
    """The last record with a speaker has this affiliation, at its place in the text."""
    record = _last_speech(extractor.extract(text))
    assert record.affiliation is not None and record.affiliation.text == affiliation
    assert text[record.affiliation.start : record.affiliation.end] == affiliation


@pytest.mark.parametrize(
    "text,affiliation",
    [
        # joined: the に-phrase of a verb of joining
        ("山田選手は今季、横浜FCに移籍した。山田選手は「チームに貢献したい」と語った。", "横浜FC"),
        ("佐藤氏は2010年にソニーに入社した。佐藤氏は「夢がかなった」と話した。", "ソニー"),
        ("鈴木氏は昨年、民政党の代表に就任した。鈴木代表は「党を立て直す」と述べた。", "民政党"),
        # appointed: the body is the topic, the person its を-phrase
        ("民政党は山田太郎氏を党首に選出した。山田氏は「全力を尽くす」と語った。", "民政党"),
        (
            "「法と正義」はすでにカジミーツ・マーチンキウィッツ氏を首相候補として指名している。"
            "マーチンキウィッツ首相候補は、連立内閣を作ると語っていた。",
            "法と正義",
        ),
        # a description before the body, and a post given as the new one
        ("野党の民政党は、山田太郎衆院議員（52）を新代表に選出した。山田氏は「尽くす」と語った。", "民政党"),
        # leads: the person is the subject of a clause on the body
        (
            "山田一郎氏が率いる民政党は12日、公約を発表した。山田氏は「政権交代を実現する」と述べた。",
            "民政党",
        ),
        (
            "佐藤氏が設立したNPO法人「緑の会」は12日、声明を出した。佐藤氏は「撤回を求める」と述べた。",
            "NPO法人「緑の会」",
        ),
        # a time between the founder and the verb; a name in katakana is a body one set up
        (
            "技術者の藤堂真一氏（45）が2016年に設立したアストロリンクは10日、新事業を発表した。"
            "藤堂社長は「道具にしたい」と語った。",
            "アストロリンク",
        ),
        # comes from, acts for
        ("式典には民政党から山田一郎代表が出席した。山田代表は「感慨深い」と述べた。", "民政党"),
        ("民政党を代表して山田一郎氏が「遺憾だ」と述べた。", "民政党"),
        # an aside or a description that says 所属
        ("林伸伍選手（アイリッシュアランRS所属）は「とても嬉しいです」と語った。", "アイリッシュアランRS"),
        ("横浜FC所属の山田選手は「点が取れてよかった」と語った。", "横浜FC"),
        ("民政党のトップである山田一郎氏は「政権交代を実現する」と述べた。", "民政党"),
        # the head of an international body, after the body as the topic
        ("WHOは声明を出した。テドロス事務局長は「各国は協力すべきだ」と述べた。", "WHO"),
        ("東北大学は12日、研究成果を発表した。大野英男学長は「誇りに思う」と述べた。", "東北大学"),
    ],
)
def test_the_body_a_sentence_says_a_person_joined_or_stands_for(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


@pytest.mark.parametrize(
    "text",
    [
        # another person joined
        "田中氏は、鈴木氏が民政党に入党したと明かした。田中氏は「驚いた」と語った。",
        # the move was denied, not made
        "山田選手は横浜FCへの移籍を否定した。山田選手は「今のチームで頑張る」と語った。",
        # a post with no body named
        "山田選手は監督に就任した。山田監督は「勝ちたい」と語った。",
        # the post named is another body's (日銀), not the appointer's
        "政府は山田一郎氏を日銀総裁に任命した。山田氏は「物価の安定に努める」と述べた。",
        # a place one comes from is no body
        "東京から山田さんが駆けつけた。山田さんは「うれしい」と話した。",
        # a state's local post is no company's head
        "環境省は12日、指針を発表した。山田局長は「徹底する」と述べた。",
    ],
)
def test_no_body_where_the_sentence_names_none_of_the_persons(extractor: quotes.Extractor, text: str) -> None:
    assert _last_speech(extractor.extract(text)).affiliation is None


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("フランスで13日、大規模なデモが行われた。サルコジ大統領は「改革は続ける」と述べた。", "フランス"),
        ("ドイツでは12日、新たな支援策が決まった。メルケル首相は「必要な措置だ」と述べた。", "ドイツ"),
        # マルタ of マルタ・ソレル is a name, not a second state
        (
            "マラウイでコレラが流行している。IDCOのマルタ・ソレル報道官は「制限は不要だ」と述べた。"
            "保健相のグレース・ムワレ氏は「薬が足りない」と訴えた。",
            "マラウイ",
        ),
        # インドネシア, not the インド written inside it
        ("インドネシアで地震があった。ユドヨノ大統領は「全力で救助する」と述べた。", "インドネシア"),
    ],
)
def test_a_states_officer_belongs_to_the_one_state_the_text_names(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


def test_no_state_is_given_when_the_text_names_two(extractor: quotes.Extractor) -> None:
    text = (
        "米国のブッシュ大統領と会談した。ロシアのメドベージェフ大統領は「協力する」と述べた。"
        "プーチン首相は「満足だ」と語った。"
    )
    assert _last_speech(extractor.extract(text)).affiliation is None


def test_a_post_a_candidate_is_for_is_part_of_the_title(extractor: quotes.Extractor) -> None:
    record = _last_speech(extractor.extract("マーチンキウィッツ首相候補は「連立を組む」と語った。"))
    assert record.speaker is not None
    assert (record.speaker.name, record.speaker.title) == ("マーチンキウィッツ", "首相候補")


def test_what_the_words_are_about_is_no_medium(extractor: quotes.Extractor) -> None:
    record = _last_speech(extractor.extract("このニュースについて、山本一郎さんは「前例がない」と話した。"))
    assert record.via is None


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("横浜FCは12日、新監督を発表した。このチームを率いる山田監督は「誇りに思う」と語った。", "横浜FC"),
        ("トヨタ自動車は12日、決算を発表した。この会社の山田社長は「厳しい」と語った。", "トヨタ自動車"),
        # nothing named before: the words as written
        ("このチームを率いる山田監督は「誇りに思う」と語った。", "このチーム"),
    ],
)
def test_this_and_a_kind_word_point_back_as_dou_does(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


@pytest.mark.parametrize(
    "text,affiliation",
    [
        # people named in a row after one organisation share it
        (
            "会談には、民政党の山田一郎代表、鈴木次郎幹事長らが出席した。鈴木氏は「協力していく」と述べた。",
            "民政党",
        ),
        # the parser reads the two as one mention: the second is a person of the organisation too
        ("民政党の山田一郎代表と鈴木次郎幹事長が会談した。鈴木幹事長は「協力する」と述べた。", "民政党"),
        # each their own: the first person is no part of the second's organisation
        (
            "民政党の山田一郎代表と自由党の鈴木次郎幹事長が会談した。鈴木幹事長は「協力していく」と述べた。",
            "自由党",
        ),
    ],
)
def test_people_named_in_a_row_after_one_organisation(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("民政党は両院議員総会を開いた。鈴木一郎幹事長は「一致結束する」と述べた。", "民政党"),
        ("民政党は18日、新体制を決めた。佐藤花子政調会長は「政策を磨く」と語った。", "民政党"),
        ("東京都は五輪の招致計画を発表した。石田太郎知事は「必ず招致する」と述べた。", "東京都"),
        ("北見市は予算案を公表した。川村健市長は「財政再建を急ぐ」と述べた。", "北見市"),
        ("カリフォルニア州は非常事態を宣言した。スミス知事は「対応する」と述べた。", "カリフォルニア州"),
        ("政府は3日、新制度の方針を固めた。高野義明官房長官は「国の責任だ」と述べた。", "政府"),
        ("米政府は声明を出した。ライス国務長官は「懸念している」と述べた。", "米政府"),
        # a head of government after another state's government: the state the text names
        ("ドイツ政府は12日、支援策を決めた。メルケル首相は「必要な措置だ」と述べた。", "ドイツ"),
        ("訴訟の判決が27日、静岡地裁であった。松岡恭子裁判長は「予見できた」と指摘した。", "静岡地裁"),
        ("最高裁第三小法廷は上告を棄却した。田原睦夫裁判長は「相当だ」と述べた。", "最高裁第三小法廷"),
        (
            "最高裁第三小法廷（岡部喜代子裁判長）は上告を棄却し、二審・大阪高裁判決が確定する。"
            "大谷剛彦裁判官は「幇助罪が成立する」と反対意見を述べた。",
            "最高裁第三小法廷",
        ),
    ],
    ids=[
        "party_secretary",
        "party_policy_chief",
        "governor",
        "mayor",
        "state_governor",
        "chief_cabinet_secretary",
        "secretary_of_a_government",
        "head_of_a_government",
        "judge_of_the_court_where_the_ruling_was",
        "judge_of_a_petty_bench",
        "judge_of_the_ruling_court_not_of_one_named_in_passing",
    ],
)
def test_a_post_held_in_one_kind_of_body_belongs_to_the_body_the_text_is_about(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


@pytest.mark.parametrize(
    "text",
    [
        "政府は方針を決めた。石田太郎知事は「反対だ」と述べた。",  # 政府 ends like 府, no prefecture
        "トヨタ自動車は決算を発表した。鈴木一郎幹事長は「遺憾だ」と述べた。",  # no party
        "北見市は予算案を公表した。石田太郎知事は「支援する」と述べた。",  # a city has no governor
        "市内で居酒屋を経営する山田一郎さんは「うれしい」と話した。",  # a kind of shop, no name
        "文部科学省は調査を公表した。高野義明官房長官は「注視する」と述べた。",  # a ministry, not the cabinet
        "政府は方針を固めた。ブッシュ大統領は「歓迎する」と述べた。",  # a president of no government named
        "米政府は制裁を発表した。安倍晋三首相は3日、「遺憾だ」と述べた。",  # not the US government's
    ],
    ids=[
        "government_is_no_prefecture",
        "company_is_no_party",
        "city_has_no_governor",
        "runs_a_shop_with_no_name",
        "ministry_is_not_the_government",
        "president_of_another_state",
        "prime_minister_after_another_government",
    ],
)
def test_no_body_of_another_kind_is_given_to_the_post(extractor: quotes.Extractor, text: str) -> None:
    assert _last_speech(extractor.extract(text)).affiliation is None


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "岐阜県美濃川市議会は15日、同市の大野晴彦市長の不信任案を可決した。大野市長は「変わらない」と述べた。",
            "岐阜県美濃川市",
        ),
        ("静岡県浜名市の市民病院が閉鎖された。同市の担当者は「残念だ」と話した。", "静岡県浜名市"),
        (
            "米カリフォルニア州で山火事が起きた。同州のスミス知事は「全力で対応する」と述べた。",
            "米カリフォルニア州",
        ),
    ],
    ids=["city_of_its_assembly", "city_of_its_hospital", "federal_state"],
)
def test_dou_shi_is_the_city_named_before_inside_a_longer_name(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


def test_dou_shi_is_no_surname_before_a_mayors_post(extractor: quotes.Extractor) -> None:
    # 大野市長: a mayor named 大野 (or the mayor of 大野市); 同市 does not point back to 大野市
    record = _last_speech(extractor.extract("大野市長が辞任した。同市の担当者は「残念だ」と話した。"))
    assert record.affiliation is None or record.affiliation.text != "大野市"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "北星フーズは、商品を回収すると発表した。北海道新聞が同社の担当者の話として伝えたところでは、工場は操業を停止する。",
            "北星フーズ",
        ),
        ("朝日新聞は記事を取り消した。同社の広報部は「おわびする」としている。", "朝日新聞"),
    ],
    ids=["medium_relaying_in_the_sentence", "medium_of_the_sentence_before"],
)
def test_dou_sha_is_not_the_medium_that_relays_its_sentence(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


def test_where_a_body_sits_is_no_part_of_its_name(extractor: quotes.Extractor) -> None:
    text = "食品メーカーの北星フーズ（本社・札幌市）は、商品を回収すると発表した。"
    text += "同社の佐々木社長は「謝る」と述べた。"
    speaking = [r for r in extractor.extract(text) if r.speaker is not None]
    first, last = speaking[0], speaking[-1]
    assert first.speaker is not None and first.speaker.text == "北星フーズ"
    assert last.affiliation is not None and last.affiliation.text == "北星フーズ"


@pytest.mark.parametrize(
    "text,affiliation,name",
    [
        (
            "東京大学の山田太郎教授らの研究チームは、新種を発見したと発表した。山田教授は「驚いた」と話した。",
            "東京大学",
            "山田太郎",
        ),
        (
            "北陵大学大学院医学研究科の佐伯真理子教授らの研究グループは、遺伝子を特定したと発表した。"
            "佐伯教授は「一端が見えた」と述べた。",
            "北陵大学大学院医学研究科",
            "佐伯真理子",
        ),
    ],
    ids=["team", "group_of_a_graduate_school"],
)
def test_the_head_of_a_group_that_speaks_belongs_to_the_groups_body(
    extractor: quotes.Extractor, text: str, affiliation: str, name: str
) -> None:
    records = [r for r in extractor.extract(text) if r.speaker is not None]
    group, head = records[0], records[-1]
    assert group.affiliation is not None and group.affiliation.text == affiliation  # not the person
    _assert_affiliation(extractor, text, affiliation)
    assert head.speaker is not None and head.speaker.name == name  # linked to the name in the group


def test_a_group_with_no_body_gives_its_head_none(extractor: quotes.Extractor) -> None:
    text = (
        "佐伯真理子教授らの研究グループは、遺伝子を特定したと発表した。佐伯教授は「一端が見えた」と述べた。"
    )
    assert all(r.affiliation is None for r in extractor.extract(text))


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "北陵大学大学院の研究グループは、成果を発表した。同大の大学院生、三宅悠斗さんは「実を結んだ」と話した。",
            "北陵大学",
        ),
        (
            "静岡地方裁判所は判決を言い渡した。同地裁の山田一郎裁判長は「予見できた」と述べた。",
            "静岡地方裁判所",
        ),
    ],
    ids=["university_before_its_graduate_school", "court_written_in_full"],
)
def test_dou_x_is_the_body_whose_name_it_shortens(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("日本改新党公認の川島隆之氏（52）は「全力で取り組む」と述べた。", "日本改新党"),
        ("自民党の新人、山田太郎氏は「全力で取り組む」と述べた。", "自民党"),
        (
            "日本改新党公認の新人で元市議の川島隆之氏（52）が当選した。川島氏は「取り組む」と述べた。",
            "日本改新党",
        ),
        ("大橋和子・国民協和党選挙対策委員長は「埋められなかった」と述べた。", "国民協和党"),
        ("自民党の大島理森国会対策委員長は「応じない」と述べた。", "自民党"),
    ],
    ids=[
        "endorsed_by",
        "newcomer_of",
        "endorsed_newcomer",
        "party_and_its_work_after_a_dot",
        "committee_work",
    ],
)
def test_the_party_a_candidate_stands_for_or_a_post_is_held_in(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


@pytest.mark.parametrize(
    "text",
    [
        "東京都内の主婦（34）は「頭が真っ白になった」と話した。",
        "大阪府在住の会社員の男性（45）は「驚いた」と話した。",
        "プロジェクトマネージャの宮坂修一氏は「完璧だ」と語った。",
    ],
    ids=["somewhere_in_a_prefecture", "living_in_a_prefecture", "post_written_without_its_long_vowel"],
)
def test_where_someone_is_or_a_post_is_no_body(extractor: quotes.Extractor, text: str) -> None:
    assert _last_speech(extractor.extract(text)).affiliation is None


def test_a_katakana_post_may_drop_its_long_vowel(extractor: quotes.Extractor) -> None:
    record = _last_speech(extractor.extract("プロジェクトマネージャの宮坂修一氏は「完璧だ」と語った。"))
    assert record.speaker is not None and record.speaker.title == "プロジェクトマネージャ"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "方言があることが、英エクセター大学の研究チームの調査で分かった。研究チームは、違いが失われるおそれがあるとしている。",
            "英エクセター大学",
        ),
        ("政府は東北大学の調査団を派遣した。調査団は「被害は想定を超える」と報告した。", "東北大学"),
    ],
    ids=["research_team", "survey_team"],
)
def test_a_group_written_alone_is_the_one_named_before_with_its_body(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


def test_a_group_never_named_with_a_body_has_none(extractor: quotes.Extractor) -> None:
    text = "研究チームは新種を発見した。研究チームは「驚いた」と話している。"
    assert all(r.affiliation is None for r in extractor.extract(text))


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("市教委の藤井和夫教育長は「早く動いていれば」と謝罪した。", "市教委"),
        ("石田隆氏（札北電機労働組合中央執行委員長）は「努力をしていない」と訴えた。", "札北電機労働組合"),
        ("札北電機労働組合中央執行委員長の石田隆氏は「努力をしていない」と訴えた。", "札北電機労働組合"),
        ("北薩大学教授で火山地質学が専門の森田浩二氏は「続いている」と述べた。", "北薩大学"),
        ("東北大学准教授で地震学が専門の田中一郎さんは「注意が必要だ」と話した。", "東北大学"),
        (
            "熊本県の北浜自然史博物館などの国際研究チームは、化石を発見したと発表した。"
            "研究チームによると、翼の長さは約4メートルに達する。",
            "北浜自然史博物館",
        ),
        (
            "入札で漏洩の疑い2012年11月16日岐阜県美濃川市は21日、小池達也副市長の辞職を発表した。"
            "小池副市長は「法に触れることはしていない」と述べた。",
            "岐阜県美濃川市",
        ),
        ("商店街で和菓子店「坂本屋」を営む坂本ふみ子さん（67）は「うれしい」と話した。", "坂本屋"),
        ("札幌市でIT企業の北星システムを経営する山田一郎さんは「楽しみだ」と話した。", "北星システム"),
    ],
    ids=[
        "education_board_in_short",
        "union_post_in_an_aside",
        "union_post_before_the_name",
        "body_inside_the_post_of_an_apposition",
        "body_inside_a_post_of_four_words",
        "group_named_with_others",
        "topic_right_after_a_headlines_date",
        "shop_the_person_runs",
        "company_the_person_runs",
    ],
)
def test_more_ways_a_body_is_written_with_a_person(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_affiliation(extractor, text, affiliation)


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            "上田容疑者は「困ってやった」と認めているが、ほかの2人は「知らなかった」と否認している。",
            "ほかの2人",
        ),
        ("乗客の2人は「怖かった」と話した。", "乗客の2人"),
        (
            "入札で漏洩の疑い2012年11月16日岐阜県美濃川市は21日、副市長の辞職を受理したと発表した。",
            "岐阜県美濃川市",
        ),
    ],
    ids=["the_other_two", "two_of_the_passengers", "organisation_after_a_headlines_date"],
)
def test_who_speaks_is_written_as_the_text_names_them(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    record = _last_speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.text == speaker
    assert text[record.speaker.start : record.speaker.end] == speaker


@pytest.mark.parametrize(
    "text",
    [
        "地元報道は大きく伝えた。鈴木一郎知事は「残念だ」と述べた。",  # 報道 ends like 北海道
        "激戦の選挙区は混乱した。山田太郎区長は「調査中だ」と述べた。",  # 選挙区 ends like 世田谷区
    ],
    ids=["news_report_is_no_prefecture", "constituency_is_no_ward"],
)
def test_a_common_word_ending_like_a_place_is_no_body(extractor: quotes.Extractor, text: str) -> None:
    assert _last_speech(extractor.extract(text)).affiliation is None


def test_dou_ku_is_no_common_word_ending_like_a_ward(extractor: quotes.Extractor) -> None:
    text = "世田谷区で集会があった。激戦の選挙区内で混乱した。同区の担当者は「調査中だ」と述べた。"
    _assert_affiliation(extractor, text, "世田谷区")


def test_a_post_after_dou_stands_for_a_person_not_the_body(extractor: quotes.Extractor) -> None:
    text = "トヨタ自動車の山田太郎会長は「続ける」と述べた。同社の社長は「慎重だ」と話した。"
    record = _last_speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.name != "山田太郎"
