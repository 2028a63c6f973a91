"""People as document-wide entities: later mentions take the name and affiliation of the
person they name; a state's officers belong to the state or ministry the text names."""

from __future__ import annotations

import pytest

import quotes


def _speech(records: list[quotes.Quotation]) -> quotes.Quotation:
    return [r for r in records if r.speaker is not None][-1]


@pytest.mark.parametrize(
    "text,name,affiliation",
    [
        # a bare surname, as sports reports write it
        (
            "浦和レッズの小野伸二選手は途中出場した。試合後、小野は「勝ててよかった」と話した。",
            "小野伸二",
            "浦和レッズ",
        ),
        # surname + title, the affiliation stated at the first mention
        ("民政党の山田太郎幹事長は会見を開いた。山田幹事長は「解散はない」と述べた。", "山田太郎", "民政党"),
        # the last part of a name in katakana
        (
            "国際連合のコフィ・アナン事務総長は声明を出した。「停戦を守れ」とアナン事務総長は述べた。",
            "コフィ・アナン",
            "国際連合",
        ),
        # the post alone stands for the person who holds it
        (
            "マラウイのビング・ワ・ムタリカ大統領は非常事態を宣言した。大統領は「支援が必要だ」と語った。",
            "ビング・ワ・ムタリカ",
            "マラウイ",
        ),
        # この + the post
        (
            "宝塚市の小児科診療所の院長が孫に接種した。この院長は「心配だった」と話した。",
            None,
            "小児科診療所",
        ),
        # a club's short form before the name, in a headline (北都 of 北都ブレイザーズ)
        (
            "北都・森が決勝打\nプロ野球の北都ブレイザーズは12日、勝った。森大和外野手が打った。"
            "森は「最高です」と話した。",
            "森大和",
            "北都",
        ),
        # the parser reads club and name as one word: 阪神・佐藤輝明
        (
            "阪神・佐藤輝明は12日、2本塁打を放った。試合後、佐藤輝は「最高の気分です」と話した。",
            "佐藤輝明",
            "阪神",
        ),
        # the short form, a post in the club and the name after a comma
        (
            "湾岸シーガルズは12日、敗れた。湾岸の守護神、港健吾が九回に打たれた。"
            "港は「甘く入った」と話した。",
            "港健吾",
            "湾岸",
        ),
        # a company's head, with the company the text is about written before him
        (
            "精密部品大手の千曲精工は12日、新工場の建設を発表した。記者会見で、真柴一郎社長は"
            "「攻めの投資を続ける」と述べた。",
            "真柴一郎",
            "千曲精工",
        ),
        # another company written with も becomes the one the text is about
        (
            "トヨタ自動車は新型車を発表した。一方、日産自動車も新型車を発表。内田誠社長は「自信がある」と述べた。",
            "内田誠",
            "日産自動車",
        ),
        # a team's manager after the club as the sentence's topic
        (
            "北都ブレイザーズは12日、5連勝した。試合後、岩倉修監督は「よく打った」と目を細めた。",
            "岩倉修",
            "北都ブレイザーズ",
        ),
        # the headline's short form, then the full name in the body with another club
        (
            "瀬戸内・鳴海が入団会見\n北関東サンダースから瀬戸内オーシャンズに移籍した鳴海隼人外野手が会見した。"
            "鳴海は「感謝しかない」と話した。",
            "鳴海隼人",
            "瀬戸内",
        ),
        # the organisation between equals signs after a name with a given name in kana
        (
            "全日本選手権で優勝した白波瀬ひかり（19）＝北辰大＝が23日、会見を開いた。"
            "白波瀬は「眠れませんでした」とはにかんだ。",
            "白波瀬ひかり",
            "北辰大",
        ),
        # the organisation a sentence says the person is in: XはYの教授で
        (
            "田中一郎氏は東北大学の教授で、地震学が専門だ。田中氏は「警戒が必要だ」と話した。",
            "田中一郎",
            "東北大学",
        ),
        ("ジョブズ氏はアップル社のCEOで、「革命だ」と述べた。", None, "アップル社"),
        # a public body's 総裁 (a head no company-only post is)
        (
            "日本銀行は22日、追加の金融緩和を発表した。白石雅彦総裁は「できることは何でもやる」と語った。",
            "白石雅彦",
            "日本銀行",
        ),
        # a company written as the topic with its seat in an aside before は
        (
            "日邦電機（本社・大阪府門真市）は14日、赤字を発表した。記者会見した高村英明社長は"
            "「責任は経営陣にある」と述べた。",
            "高村英明",
            "日邦電機",
        ),
        # a bare surname that ends like a village's name (野村, 中村) is the person named before
        (
            "東和ホークスの中村健太投手が完投した。中村は「最後まで投げたかった」と話した。",
            "中村健太",
            "東和ホークス",
        ),
        (
            "初マラソンの野々村沙織（24）＝三星電工＝が優勝した。野々村は「声援に押された」と振り返った。",
            "野々村沙織",
            "三星電工",
        ),
    ],
    ids=[
        "surname",
        "surname_and_title",
        "katakana_last_part",
        "post_alone",
        "this_post",
        "club_short_form_headline",
        "club_and_name_one_word",
        "club_short_form_post",
        "company_head_after_topic",
        "another_company_with_mo",
        "manager_after_club_topic",
        "club_short_form_then_full_name",
        "equals_org_kana_given_name",
        "predicated_post",
        "predicated_post_same_sentence",
        "public_bodys_governor",
        "company_topic_with_its_seat",
        "surname_ending_like_a_village",
        "surname_ending_like_a_village_equals_org",
    ],
)
def test_a_later_mention_takes_its_entitys_name_and_affiliation(
    extractor: quotes.Extractor, text: str, name: str | None, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None
    if name is not None:
        assert record.speaker.name == name
    assert record.affiliation is not None and record.affiliation.text.endswith(affiliation)
    assert text[record.affiliation.start : record.affiliation.end] == record.affiliation.text


@pytest.mark.parametrize(
    "text",
    [
        # another surname: another person
        "民政党の山田太郎幹事長は会見を開いた。山本幹事長は「解散はない」と述べた。",
        # a post that was the person's before is not their organisation now
        "広島カープ前監督のブラウン氏が新監督に就任した。ブラウン監督は「勝ちたい」と話した。",
        # a short form of no organisation the text names: 湾岸 is a place here
        "湾岸の守護神、港健吾が九回に打たれた。港は「甘く入った」と話した。",
        # a title that heads no body (教授) takes no organisation from the topic
        "精密部品大手の千曲精工は12日、新工場の建設を発表した。山田一郎教授は「意義は大きい」と述べた。",
        # a head named before the organisation became the topic
        "真柴一郎社長は「攻めの投資を続ける」と述べた。千曲精工は12日、新工場の建設を発表した。",
        # a post the person held (を務めた) is not their organisation now
        "金議員は放送通信委員会の常任委員を務めた経歴を持つ。金議員は「反対だ」と述べた。",
        # a state's body is no company a head belongs to
        "環境省は7日、消灯を呼びかけた。福地茂雄会長は「短縮を検討したい」と述べた。",
        # a class is no team a player belongs to
        "会場ではアフタヌーンティー教室は盛況だった。福島千里選手は「結果を出したい」と語った。",
        # an event written as a club's name is (東京オリンピック) is no team
        "東京オリンピックは来年開幕する。森保一監督は「勝ちたい」と話した。",
        # nor is an illness a company
        "新型コロナウイルスは各地で感染が拡大している。佐藤一郎社長は「影響は大きい」と述べた。",
        # what a person is not (ではない) is not their organisation
        "佐藤一郎氏はソニーの社長ではないが、「驚いた」と述べた。",
        # a post written as a topic (大曽根GMは) is no body another player belongs to
        "球団の大曽根剛GMは取材に応じた。大曽根GMは補強に満足している。いまも残る尾崎翔太投手は「寂しい」と話した。",
    ],
    ids=[
        "other_surname",
        "former_post",
        "unknown_short_form",
        "no_head_title",
        "head_named_before_topic",
        "predicated_past_post",
        "head_after_a_state_body",
        "player_after_no_team",
        "event_is_no_team",
        "illness_is_no_company",
        "predicated_negation",
        "post_as_topic",
    ],
)
def test_no_affiliation_is_carried_to_another_person_or_from_a_former_post(
    extractor: quotes.Extractor, text: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.affiliation is None


def test_the_post_alone_names_the_latest_holder(extractor: quotes.Extractor) -> None:
    text = (
        "A国のアリ・ハサン大統領とB国のジョン・スミス大統領が会談した。"
        "その後、B国のジョン・スミス大統領は演説した。大統領は「協力する」と述べた。"
    )
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.name == "ジョン・スミス"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("ブラウン英首相は「遺憾だ」と述べた。", "英"),
        ("ブリンケン米国務長官は「同盟は強固だ」と述べた。", "米国務"),
        ("ゲーツ・米国防長官は「撤退しない」と述べた。", "米国防"),
        ("アーミテージ米国務副長官は「強固だ」と述べた。", "米国務"),
        ("英国防相のジョン・リード氏は「増派する」と述べた。", "英国防"),
        ("ストロー英外相は「懸念している」と述べた。", "英"),
        ("イランのアフマディネジャド大統領は「権利だ」と述べた。", "イラン"),
        ("米国の当局者は「注視している」と述べた。", "米国"),
        ("ロシア大統領報道官のペスコフ氏は「根拠がない」と述べた。", "ロシア"),
        ("総務省は会見した。山田一郎総務相は「検討する」と述べた。", "総務省"),
        ("文部科学省が発表した。伊吹文明文科相は「改める」と答えた。", "文部科学省"),
        ("ウクライナ国防省は声明を出した。ボイコ国防相は「攻撃した」と述べた。", "ウクライナ国防省"),
        ("ロシア外務省は反発した。イギリスのミリバンド外務大臣は「追放する」と述べた。", "イギリス"),
        (
            "ローラ・ベネット米国務長官は「重要だ」と述べた。米国務省が発表した。ベネット長官は「詰める」と述べた。",
            "米国務省",
        ),
        ("ロシア外務省は声明を出した。同国外務省のイワノフ報道官は「遺憾だ」と述べた。", "ロシア外務省"),
    ],
    ids=[
        "country_in_title",
        "department_in_title",
        "department_after_a_dot",
        "deputy_of_a_department",
        "department_in_a_modifier",
        "ministry_in_one_kanji_is_the_state",
        "country_before",
        "unnamed_officer",
        "country_of_a_post",
        "ministry_named",
        "ministry_in_short",
        "ministry_with_country",
        "other_countrys_ministry",
        "surname_and_short_post_after_the_full_post",
        "dou_koku_ministry",
    ],
)
def test_a_states_officer_belongs_to_the_state_or_ministry_the_text_names(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.affiliation is not None and record.affiliation.text == affiliation
    assert text[record.affiliation.start : record.affiliation.end] == affiliation


@pytest.mark.parametrize(
    "text",
    [
        "米国の専門家は「難しい」と述べた。",  # an expert in a country is not its officer
        "山田中小企業庁長官は「支援する」と述べた。",  # 中 of 中小企業庁 is no China
    ],
    ids=["not_an_officer", "country_inside_a_word"],
)
def test_a_country_is_no_affiliation_of_others(extractor: quotes.Extractor, text: str) -> None:
    record = _speech(extractor.extract(text))
    assert record.affiliation is None or record.affiliation.text not in ("米国", "中")


@pytest.mark.parametrize(
    "text,affiliation",
    [
        # the organisation of the meeting the words were said at
        ("11月10日に行った民政党の役員会では、山田太郎幹事長が「解散はない」と述べた。", "民政党"),
        # the organisation the sentence is about, which announces the person
        (
            "湊川ユナイテッドは20日、コーチの早瀬隆之氏が監督に就任すると発表した。早瀬監督は「全部勝つ」と話した。",
            "湊川ユナイテッド",
        ),
        # a sports result's name＝organisation＝
        ("男子は蓮見亮平（27）＝東和運輸＝が連覇した。蓮見は「うれしい」と話した。", "東和運輸"),
    ],
    ids=["meeting", "announcing_organisation", "equals_signs"],
)
def test_a_post_holders_organisation_from_the_sentence_around_them(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.affiliation is not None and record.affiliation.text == affiliation
    assert text[record.affiliation.start : record.affiliation.end] == affiliation


@pytest.mark.parametrize(
    "text,affiliation",
    [
        # the winner of a sports result, written as its subject, is the team of its posts
        ("青葉台学院（宮城）が鳴門工業（徳島）を2－1で破り、初優勝を果たした。主将のDF森田悠真（3年）は"
         "「悔しさを忘れなかった」と胸を張った。", "青葉台学院"),
        ("北辰大が南陵大を破って優勝した。大友義弘監督は「選手が成長した」と話した。", "北辰大"),
        # the team beaten is no subject; a company's subject is any clause's, so no host
        ("北辰大が南陵大を破って優勝した。敗れた南陵大の坂上監督は「完敗だ」と話した。", "南陵大"),
        ("蒼和電機が新型の蓄電池を発売した。佐藤一郎社長は「自信がある」と話した。", None),
    ],
    ids=["school_with_home", "university", "loser_named_with_its_coach", "company_subject_is_no_host"],
)  # fmt: skip
def test_a_team_written_as_a_results_subject_is_its_posts_team(
    extractor: quotes.Extractor, text: str, affiliation: str | None
) -> None:
    record = _speech(extractor.extract(text))
    assert (record.affiliation.text if record.affiliation is not None else None) == affiliation


def test_a_place_between_equals_signs_is_no_organisation(extractor: quotes.Extractor) -> None:
    record = _speech(
        extractor.extract("女子は山田花子（30）＝東京＝が優勝した。山田は「うれしい」と話した。")
    )
    assert record.affiliation is None


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("ハンユニスの住民の一人は「もう信じない」と話した。", "住民の一人"),
        ("回答者の多くは「不安だ」と答えた。", "回答者の多く"),
    ],
)
def test_a_part_of_a_group_is_an_unnamed_source(extractor: quotes.Extractor, text: str, speaker: str) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.text == speaker and record.speaker.anonymous


def test_a_description_before_a_party_name_is_no_part_of_it(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("野党・国民の力の金英洙議員は「試みだ」と批判した。")
    assert record.affiliation is not None and record.affiliation.text == "国民の力"


@pytest.mark.parametrize(
    "text,name,affiliation",
    [
        ("民主党幹事長鳩山由紀夫氏は「協力する」と述べた。", "鳩山由紀夫", "民主党"),
        (
            "11日に行われた民政党の役員連絡会で、山田太郎幹事長は「解散はない」と述べた。",
            "山田太郎",
            "民政党",
        ),
        ("横浜の佐々木主浩投手は引退した。佐々木投手自身も「投げたい」と話した。", "佐々木主浩", "横浜"),
        (
            "東北大学の准教授で地震学が専門の田中一郎さんは「余震に注意が必要だ」と話した。",
            "田中一郎",
            "東北大学",
        ),
        (
            "京都府立大学の講師で中国政治に詳しい山本花子氏は「対話が鍵だ」と指摘した。",
            "山本花子",
            "京都府立大学",
        ),
        ("全柔連の強化委員長を務める氷室康介氏は「実力の世界だ」と話した。", "氷室康介", "全柔連"),
        ("CNN特派員マイク・ロビンソンによれば、停戦は破られた。", "マイク・ロビンソン", "CNN"),
        (
            "日本スケート連盟の強化部長を務める伊達誠一氏は「狙える位置だ」と述べた。",
            "伊達誠一",
            "日本スケート連盟",
        ),
        ("市立美術館の学芸員で版画が専門の川口里美さんは「貴重だ」と話した。", "川口里美", "市立美術館"),
        ("駅前商店会で会長を務める大野茂さんは「困る」と話した。", "大野茂", "駅前商店会"),
        ("県教育委員会で調査を担当した森本和也主任は「驚いた」と話した。", "森本和也", "県教育委員会"),
        ("大阪府警に勤務する石井亮巡査は「怖かった」と話した。", "石井亮", "大阪府警"),
    ],
    ids=[
        "org_post_name",
        "meeting_with_de",
        "jishin",
        "post_de_description",
        "post_de_clause",
        "post_wo_tsutomeru",
        "org_post_katakana_name",
        "post_cut_by_the_tokenizer",
        "museum",
        "post_held_de_an_organisation",
        "task_done_de_an_organisation",
        "working_ni_an_organisation",
    ],
)
def test_more_ways_a_post_holders_organisation_is_written(
    extractor: quotes.Extractor, text: str, name: str, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.name == name
    assert record.affiliation is not None and record.affiliation.text == affiliation


@pytest.mark.parametrize(
    "text",
    [
        "元海軍将校の山田太郎氏は「戦争は避けるべきだ」と述べた。",
        "前陸軍元帥の佐藤次郎氏は「備えが要る」と語った。",
    ],
    ids=["former_officer", "former_marshal"],
)
def test_a_former_service_is_no_affiliation(extractor: quotes.Extractor, text: str) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.affiliation is None


@pytest.mark.parametrize(
    "text,name,affiliation",
    [
        # the organisation between equals signs at the speaker's own mention
        (
            "ベテランの三枝佳代子（34）＝ユニバース食品＝は「まだ走れる」と話した。",
            "三枝佳代子",
            "ユニバース食品",
        ),
        # が-subject after a は-topic (the parser labels it obl)
        ("男子は蓮見亮平（27）＝東和運輸＝が「うれしい」と話した。", "蓮見亮平", "東和運輸"),
        # a standing in a group is no organisation
        ("リーダーの椎名かれん（23）も「最後まで走ります」と記した。", "椎名かれん", None),
        ("女子は山田花子（30）＝東京＝が「うれしい」と話した。", "山田花子", None),
        (
            "シンガー・ソングライターの朝比奈かのん（27）は「申し訳ない」とコメントした。",
            "朝比奈かのん",
            None,
        ),
        (
            "4人組ロックバンド「ミッドナイト・パレード」のボーカル、七海リオ（25）が「配信する」と語った。",
            "七海リオ",
            "ミッドナイト・パレード",
        ),
    ],
    ids=[
        "equals_at_first_mention",
        "ga_subject_after_topic",
        "standing_in_group",
        "equals_place",
        "occupation",
        "band_role",
    ],
)
def test_a_sports_results_person_and_organisation(
    extractor: quotes.Extractor, text: str, name: str, affiliation: str | None
) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.name == name
    assert "＝" not in record.speaker.text
    got = record.affiliation.text if record.affiliation else None
    assert got == affiliation


def test_a_quotation_after_a_pointing_sentence_is_not_given_to_the_next_speaker(
    extractor: quotes.Extractor,
) -> None:
    text = (
        "ゴール後、日向野は涙をぬぐいながら、こう語った。\n「まだ実感がありません」\n"
        "2位の三枝佳代子は「負けた」。"
    )
    first = extractor.extract(text)[0]
    assert first.speaker is not None and first.speaker.text == "日向野"
    assert first.cue is not None and first.cue.text == "語った"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("浪速の球団関係者は「下を向いていない」と語った。", "浪速"),  # the club, not 球団
        ("エジプトの情報機関関係者は「来週になる」と語った。", "情報機関"),  # a country's body
        ("韓国外交部の当局者は「注視している」と述べた。", "韓国外交部"),
    ],
    ids=["club_named_before_bare_word", "country_before_body", "named_body"],
)
def test_an_unnamed_sources_body_is_the_one_the_text_names(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.anonymous
    assert record.affiliation is not None and record.affiliation.text == affiliation


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("一部の住民は「不安だ」と話した。", "一部の住民"),
        ("出席した一部の人からは、「必要があるのか」と慎重な意見も出ている。", "一部の人"),
        ("住民の一人は「不安だ」と話した。", "住民の一人"),
        ("第一部の山田氏は「賛成だ」と話した。", "山田氏"),  # 一部 inside another word
    ],
    ids=["part_before_group", "part_before_person_noun", "part_after_group", "not_a_part"],
)
def test_a_part_of_a_group_written_before_it_speaks_as_one_source(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.text == speaker


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "精密部品大手の千曲精工は20日、工場を閉鎖すると発表した。同社の真柴俊彦社長は会見で「苦渋の決断だ」と述べた。",
            "千曲精工",
        ),
        (
            "新党みらい党は結党を発表した。同党の北川一郎代表は「政権を目指す」と述べた。",
            "新党みらい党",
        ),
        # a subject that only describes (…との価格競争の激化が) is no organisation to point to
        (
            "真柴社長は、中国メーカーとの価格競争の激化が主因だと説明した。同社の石動由香里副社長は「見直す」と述べた。",
            "同社",
        ),
        # a person named before is nothing 同社 can point to
        ("山田は「勝つ」と話した。同社の田中一郎社長は「喜ばしい」と述べた。", "同社"),
    ],
    ids=[
        "company_unknown_to_the_table",
        "party_unknown_to_the_table",
        "description_is_no_organisation",
        "no_organisation_before",
    ],
)
def test_dou_sha_points_back_to_an_organisation_the_text_named(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.affiliation is not None and record.affiliation.text == affiliation
    assert text[record.affiliation.start : record.affiliation.end] == affiliation


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "歌手の朝比奈かのん（27）が、活動を休止することが分かった。"
            "所属事務所のアークライト・ミュージックが発表した。朝比奈は「申し訳ない」とコメントした。",
            "アークライト・ミュージック",
        ),
        # no one named before the agency: it is no one's
        ("所属事務所のアークライト・ミュージックが発表した。山田は「驚いた」と話した。", None),
    ],
    ids=["agency_of_the_person_named_before", "no_one_named_before"],
)
def test_the_agency_the_press_names_is_its_entertainers_affiliation(
    extractor: quotes.Extractor, text: str, affiliation: str | None
) -> None:
    record = _speech(extractor.extract(text))
    got = record.affiliation.text if record.affiliation else None
    assert got == affiliation
    if record.affiliation is not None:
        assert text[record.affiliation.start : record.affiliation.end] == affiliation


def test_a_meeting_written_as_the_topic_hosts_every_speaker_of_the_sentence(
    extractor: quotes.Extractor,
) -> None:
    records = extractor.extract(
        "3日に開いた緑風党の総会では、森本政調会長が「説明が要る」と求めたのに対し、"
        "川村幹事長は「時期は首相が決める」と述べた。"
    )
    by_speaker = {r.speaker.text: r for r in records if r.speaker is not None}
    assert set(by_speaker) == {"森本政調会長", "川村幹事長"}
    assert all(r.affiliation is not None and r.affiliation.text == "緑風党" for r in by_speaker.values())


def test_a_place_written_as_the_topic_is_no_ones_organisation(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("東京では、川村幹事長が「時期は首相が決める」と述べた。")
    assert record.affiliation is None


@pytest.mark.parametrize("surname", ["高市", "川村", "阿部", "氷室"])
def test_a_surname_that_ends_like_an_organisation_is_no_affiliation(
    extractor: quotes.Extractor, surname: str
) -> None:
    (record,) = extractor.extract(f"東京では、{surname}幹事長が「時期は首相が決める」と述べた。")
    assert record.speaker is not None and record.speaker.text == f"{surname}幹事長"
    assert record.affiliation is None


def test_a_village_still_names_its_head(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("白川村の村長は「観光客が戻った」と述べた。")
    assert record.affiliation is not None and record.affiliation.text == "白川村"


@pytest.mark.parametrize(
    "text,name",
    [
        ("ゲーム会社「ルミナス」は、新作の発売を延期すると明らかにした。", "ルミナス"),
        ("化学メーカー「北辰ケミカル」は声明で、工場の操業を停止すると発表した。", "北辰ケミカル"),
        ("お笑いコンビ「ピーナッツバター」は「解散はしない」と発表した。", "ピーナッツバター"),
    ],
    ids=["company_ga_reported", "company_wa_statement", "duo_wa_direct"],
)
def test_a_name_in_brackets_after_what_it_is_names_the_speaker(
    extractor: quotes.Extractor, text: str, name: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.name == name
    assert record.speaker.text.endswith(f"「{name}」")
    assert name not in record.text  # the speaker's name is no part of what was said


def test_dousha_points_back_to_a_company_named_in_brackets_after_a_known_medium(
    extractor: quotes.Extractor,
) -> None:
    records = extractor.extract(
        "AP通信によると、工場で爆発が起きたという。化学メーカー「北辰ケミカル」は、操業を停止すると発表した。"
        "同社の広報担当者は「お悔やみを申し上げる」と述べた。"
    )
    record = _speech(records)
    assert record.speaker is not None and record.speaker.text == "広報担当者"
    assert record.affiliation is not None and record.affiliation.text == "北辰ケミカル"


def test_a_bracket_that_is_an_object_names_no_speaker(extractor: quotes.Extractor) -> None:
    record = _speech(extractor.extract("政府は声明「撤退はしない」を出し、交渉を続けると述べた。"))
    assert record.speaker is not None and record.speaker.text == "政府"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("緑風党代表の川口一郎氏は「連携はない」と述べた。", "緑風党"),
        ("川口一郎緑風党代表は「連携はない」と述べた。", "緑風党"),
        ("川口一郎党代表は「連携はない」と述べた。", None),
        ("宇宙機関JSAの広報担当者、ジョン・スミス氏は「打ち上げは延期する」と述べた。", "宇宙機関JSA"),
        ("事故機の乗客、山田花子さんは「怖かった」と話した。", None),
    ],
    ids=[
        "party_post_no",
        "name_party_post",
        "post_without_party",
        "unnamed_word_as_post",
        "outsider_no_post",
    ],
)
def test_an_organisation_before_a_shorter_post(
    extractor: quotes.Extractor, text: str, affiliation: str | None
) -> None:
    record = _speech(extractor.extract(text))
    assert (record.affiliation.text if record.affiliation else None) == affiliation


def test_a_post_set_off_with_a_dot_before_the_name_keeps_the_surname_linkable(
    extractor: quotes.Extractor,
) -> None:
    records = extractor.extract(
        "県警は、運送会社「東和ロジ」の品川営業所スタッフ・高橋寿弥容疑者を逮捕した。"
        "高橋容疑者は「会社のためだった」と認めている。"
    )
    record = _speech(records)
    assert record.speaker is not None and record.speaker.name == "高橋寿弥"
    assert record.affiliation is not None and record.affiliation.text == "東和ロジ"


def test_a_suspect_is_no_member_of_the_body_that_arrested_him(extractor: quotes.Extractor) -> None:
    records = extractor.extract(
        "県警捜査1課は2日、品川営業所スタッフ・高橋寿弥容疑者を逮捕した。高橋容疑者は「会社のためだった」と認めている。"
    )
    record = _speech(records)
    assert record.speaker is not None and record.speaker.name == "高橋寿弥"
    assert record.affiliation is None or "県警" not in record.affiliation.text


@pytest.mark.parametrize(
    "mention,affiliation",
    [
        ("山田太郎氏（東京大学教授）", "東京大学"),
        ("山田太郎氏（民政党、衆院東京1区）", "民政党"),
        ("山田太郎氏（東京都知事）", "東京都"),
        ("山田太郎さん（45）", None),
        ("山田太郎さん（東京都）", None),
        ("山田太郎氏（元日本銀行理事）", None),
    ],
    ids=["org_post", "party_then_seat", "governor", "age", "home", "former_post"],
)
def test_an_organisation_in_the_parenthesis_after_the_name(
    extractor: quotes.Extractor, mention: str, affiliation: str | None
) -> None:
    record = _speech(extractor.extract(f"{mention}は「対策が遅れている」と述べた。"))
    assert record.speaker is not None and record.speaker.name == "山田太郎"
    assert (record.affiliation.text if record.affiliation else None) == affiliation


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "4人組ロックバンド「ミッドナイト・パレード」が新曲を出す。バンドのギタリスト、真田ケイは「行ける」と振り返った。",
            "ミッドナイト・パレード",
        ),
        (
            "お笑いコンビ「ピーナッツバター」が番組に出演した。同コンビの小林誠は「楽しかった」と話した。",
            "ピーナッツバター",
        ),
        ("新曲「群青」が配信される。バンドのギタリスト、真田ケイは「行ける」と振り返った。", "バンド"),
    ],
    ids=["bare_kind", "same_kind", "no_band_named"],
)
def test_a_kind_word_stands_for_the_organisation_introduced_by_it(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.affiliation is not None and record.affiliation.text == affiliation


def test_dousha_finds_a_company_named_in_a_sentence_without_speech(extractor: quotes.Extractor) -> None:
    records = extractor.extract(
        "ゲーム大手のアステリア・エンターテインメントは7日、中間決算を発表した。"
        "売上高は前年同期比18％増の3420億円だった。"
        "同社の鳴沢拓真社長は「ようやく形になった」と胸を張った。"
    )
    record = _speech(records)
    assert record.affiliation is not None
    assert record.affiliation.text.endswith("アステリア・エンターテインメント")


def test_kanojo_is_a_pronoun_that_takes_its_antecedent(extractor: quotes.Extractor) -> None:
    records = extractor.extract(
        "東西大学の山田花子氏は「前提が崩れた」と指摘した。彼女は、各国が基準を見直すべきだと訴えた。"
    )
    record = _speech(records)
    assert record.speaker is not None and record.speaker.text == "彼女"
    assert record.speaker.name == "山田花子"
    assert record.affiliation is not None and record.affiliation.text == "東西大学"


def test_a_bracketed_organisation_before_an_apposed_occupation(extractor: quotes.Extractor) -> None:
    record = _speech(
        extractor.extract(
            "欧州のシンクタンク「グリーン・ラボ」の気候研究者、ソフィー・ランベール氏は「前提が崩れた」と指摘した。"
        )
    )
    assert record.speaker is not None and record.speaker.name == "ソフィー・ランベール"
    assert record.affiliation is not None and record.affiliation.text == "グリーン・ラボ"


def test_a_ministers_post_written_with_the_ministrys_stem_after_a_name(extractor: quotes.Extractor) -> None:
    record = _speech(
        extractor.extract(
            "国土交通省は空港の在り方を検討している。冬柴鐵三国土交通大臣は、素人の発言であると批判した。"
        )
    )
    assert record.speaker is not None and record.speaker.name == "冬柴鐵三"
    assert record.affiliation is not None and record.affiliation.text == "国土交通省"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("米国務省は声明を出した。ライス米国務長官は「懸念している」と述べた。", "米国務省"),
        ("ライス米国務長官は「懸念している」と述べた。", "米国務"),
        ("官房省という省はない。菅義偉官房長官は「懸念している」と述べた。", None),
    ],
    ids=["secretary_and_department", "secretary_alone", "chief_cabinet_secretary"],
)
def test_a_secretary_belongs_to_the_department_the_text_names(
    extractor: quotes.Extractor, text: str, affiliation: str | None
) -> None:
    record = _speech(extractor.extract(text))
    assert (record.affiliation.text if record.affiliation else None) == affiliation


def test_a_name_before_an_occupation_word_is_a_person_not_an_unnamed_source(
    extractor: quotes.Extractor,
) -> None:
    records = extractor.extract(
        "東光証券の桑原美咲シニアアナリストは「価格は安い」と分析した。一方で同氏は、為替の影響を受けやすいと指摘した。"
    )
    first, second = (r for r in records if r.speaker is not None)
    assert first.speaker is not None and first.speaker.name == "桑原美咲" and not first.speaker.anonymous
    assert first.speaker.title == "シニアアナリスト"
    assert second.affiliation is not None and second.affiliation.text == "東光証券"


def test_an_organisation_and_its_short_name_in_parentheses_is_no_member_of_it(
    extractor: quotes.Extractor,
) -> None:
    record = _speech(extractor.extract("世界保健機関（WHO）は「警戒を続ける」と発表した。"))
    assert record.speaker is not None and record.speaker.name == "世界保健機関"
    assert record.affiliation is None


@pytest.mark.parametrize(
    "text,name,affiliation",
    [
        ("西武の4番、中村剛志内野手は「打てて良かった」と話した。", "中村剛志", "西武"),
        ("湘南ベルマーレの主将、山本大輔選手は「勝ててほっとした」と話した。", "山本大輔", "湘南ベルマーレ"),
        ("「麺屋いろは」の店主の佐藤健一さんは「悔しい」と話した。", "佐藤健一", "麺屋いろは"),
        ("三菱商事の社員の田中花子さんは「驚いた」と話した。", "田中花子", "三菱商事"),
    ],
    ids=["batting_order", "post_and_title", "bracketed_shop_owner", "company_employee"],
)
def test_an_organisations_post_before_the_name_gives_the_affiliation(
    extractor: quotes.Extractor, text: str, name: str, affiliation: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.kind == "direct" and r.speaker is not None]
    assert record.speaker is not None and record.speaker.name == name
    assert record.affiliation is not None and record.affiliation.text == affiliation


@pytest.mark.parametrize(
    "text",
    ["近所の男性の山田さんは「怖い」と話した。", "ハンユニスの住民の一人は「怖い」と話した。"],
    ids=["gender_word", "part_of_a_group"],
)
def test_an_unnamed_word_owned_by_no_organisation_is_no_post(extractor: quotes.Extractor, text: str) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.title is None
    assert record.speaker.text != "一人"


def test_people_listed_together_share_the_organisation_between_equals_signs(
    extractor: quotes.Extractor,
) -> None:
    text = (
        "3位の山口大樹（28）と4位の岡田誠（25）＝ともに旭化成＝は健闘をたたえ合った。"
        "2人は「次は代表を狙う」と口をそろえた。"
    )
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.text == "2人"
    assert record.speaker.name in ("山口大樹", "岡田誠")
    assert record.affiliation is not None and record.affiliation.text == "旭化成"


def test_a_topic_the_parser_read_as_a_conjunction_still_speaks(extractor: quotes.Extractor) -> None:
    text = (
        "2位にはケニアのエリック・ムワンギ（27）＝三光運輸＝が入った。"
        "ムワンギは通訳を介して「想像以上だった」と話した。"
    )
    quote = next(r for r in extractor.extract(text) if r.kind == "direct")
    assert quote.speaker is not None and quote.speaker.name == "エリック・ムワンギ"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "民和党の山岸一郎代表は「反対だ」と述べた。「選挙目当てだ」と、同党の中堅議員は語った。",
            "民和党",
        ),
        (
            "環境省は10日、猛暑日が最多を更新したと発表した。同省の担当者は「対策を徹底してほしい」と話した。",
            "環境省",
        ),
        (
            "人気ロックバンド「ブルー・ハーバー」の所属事務所「青空エンタテインメント」は、同バンドが"
            "活動を休止すると発表した。同バンドでボーカルを務める松井蓮は「少し休みます」とつづった。",
            "ブルー・ハーバー",
        ),
        (
            "研究開発センター「みらい技術センター」は新素材を発表した。同センターの所長は「自信作だ」と話した。",
            "みらい技術センター",
        ),
    ],
    ids=[
        "party_of_an_earlier_speaker",
        "ministry_that_spoke",
        "katakana_kind_introduced_by_name_not_the_agency_that_spoke",
        "katakana_kind_introduced_and_speaking",
    ],
)
def test_dou_kind_points_back_to_an_organisation_an_earlier_record_names(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_last_quotation_affiliation(extractor, text, affiliation)


@pytest.mark.parametrize(
    "second,affiliation",
    [
        ("この関係者は、提案を撤回する考えはないと付け加えた。", "大統領室"),
        ("別の関係者は「驚いた」と話した。", None),
    ],
    ids=["kono", "betsu_no"],
)
def test_this_source_is_the_unnamed_source_named_before(
    extractor: quotes.Extractor, second: str, affiliation: str | None
) -> None:
    text = "大統領室関係者は同日、記者団に対し「予想の範囲内だ」と明らかにした。" + second
    record = extractor.extract(text)[-1]
    assert record.speaker is not None and record.speaker.text == "関係者"
    assert (record.affiliation.text if record.affiliation else None) == affiliation


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("岡山県吉井川市は8日、発表した。市の担当者は「驚いた」と話した。", "岡山県吉井川市"),
        ("高知県は会見を開いた。県によると、被害はないという。県の職員は「安心した」と話した。", "高知県"),
        ("市の担当者は「驚いた」と話した。", "市"),
    ],
    ids=["city_named_before", "prefecture_named_before", "no_city_named"],
)
def test_a_local_governments_staff_belong_to_the_one_the_text_named(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.affiliation is not None and record.affiliation.text == affiliation
    assert text[record.affiliation.start : record.affiliation.end] == affiliation


@pytest.mark.parametrize(
    "text", ["県の男性は「驚いた」と話した。", "高知県は会見を開いた。市の住民は「困る」と話した。"]
)
def test_a_resident_is_no_official_of_the_local_government(extractor: quotes.Extractor, text: str) -> None:
    record = _speech(extractor.extract(text))
    assert record.affiliation is None


@pytest.mark.parametrize(
    "text,affiliation",
    [("WSO関係者は「議論は長引いた」と話した。", "WSO"), ("ＩＯＣ幹部は「検討する」と述べた。", "ＩＯＣ")],
)
def test_an_organisations_initials_before_an_unnamed_sources_word_are_its_body(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.anonymous
    assert record.affiliation is not None and record.affiliation.text == affiliation


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "朝霧化学工業は5日、発表した。毎日新聞などが報じたところによると、不正は続いていたという。"
            "同社の水野博之社長は「おわびします」と述べた。",
            "朝霧化学工業",
        ),
        ("朝霧化学工業は発表した。同社広報部は「調査中だ」としている。", "朝霧化学工業"),
        ("トヨタ自動車広報部は「調査中だ」としている。", "トヨタ自動車"),
        (
            "東北ベースボールリーグ連盟（TBL）は8日、発表した。連盟の担当者は「狙い撃ちではない」と話した。",
            "東北ベースボールリーグ連盟（TBL）",
        ),
    ],
    ids=[
        "dou_sha_not_the_outlet_cited",
        "press_office_of_dou_sha",
        "press_office",
        "kind_word_after_the_full_name",
    ],
)
def test_a_company_speaking_through_its_people_and_offices(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.affiliation is not None and record.affiliation.text == affiliation
    assert text[record.affiliation.start : record.affiliation.end] == affiliation


@pytest.mark.parametrize(
    "text",
    [
        "化学メーカー中堅の朝霧化学工業は「遺憾だ」とコメントした。",
        "ゲーム大手のアステリアは「遺憾だ」とコメントした。",
    ],
)
def test_what_an_organisation_is_is_no_affiliation(extractor: quotes.Extractor, text: str) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.affiliation is None


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "北山高校の田村校長は「残念だ」と述べた。同校硬式野球部の監督を務める吉永克也氏は「私の責任だ」と話した。",
            "北山高校",
        ),
        ("北山高校の監督を務める吉永克也氏は「私の責任だ」と話した。", "北山高校"),
        (
            "北辰民主同盟(HDA)の党首で、元保健相の田村和子氏らが集会を開いた。田村氏は「政府は無策だ」と述べた。",
            "北辰民主同盟(HDA)",
        ),
        ("原告弁護団の井川俊介弁護士は「画期的な判決だ」と評価した。", "原告弁護団"),
        (
            "英国の研究機関「北海核問題研究所」で上級研究員を務めるサラ・ミルズ氏は、「危険だ」と指摘した。",
            "英国の研究機関「北海核問題研究所」",
        ),
        ("北山南高校・金沢大将校長は「申し訳ありません」と謝罪した。", "北山南高校"),
    ],
    ids=[
        "a_part_of_the_same_school",
        "a_teams_post_held",
        "a_party_post_beside_a_former_one",
        "a_lawyers_team_is_a_body",
        "the_name_in_brackets_after_the_kind",
        "the_organisation_set_off_with_a_dot",
    ],
)
def test_the_organisation_of_a_post_held_is_the_speakers(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    record = extractor.extract(text)[-1]
    assert record.affiliation is not None and record.affiliation.text == affiliation
    assert text[record.affiliation.start : record.affiliation.end] == affiliation


@pytest.mark.parametrize(
    "text",
    [
        "会議の議長を務め、吉永克也氏は「私の責任だ」と話した。",
        "北山高校の田村校長は「残念だ」と述べた。同市教育委員会の吉永克也教育長は「私の責任だ」と話した。",
    ],
    ids=["a_post_in_another_clause", "same_city_is_no_school"],
)
def test_no_organisation_where_the_post_is_not_the_speakers(extractor: quotes.Extractor, text: str) -> None:
    record = extractor.extract(text)[-1]
    assert record.affiliation is None or "北山高校" not in record.affiliation.text


def test_a_team_name_in_katakana_speaks(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("北山ブルーウィンズは同日、移籍の申請を了承したと発表した。")
    assert record.speaker is not None and record.speaker.text == "北山ブルーウィンズ"
    assert record.text == "移籍の申請を了承した"


def test_a_common_word_in_katakana_is_no_source(extractor: quotes.Extractor) -> None:
    assert extractor.extract("システムは異常があったと表示した。") == []


def test_the_club_is_the_club_of_the_players_named_before(extractor: quotes.Extractor) -> None:
    text = (
        "北山ブルーウィンズの秋山健投手は「夢だった」と述べた。秋山は米大リーグへの移籍を目指す。"
        "球団で社長を務める大村正氏は、本人の希望を尊重したと説明した。"
    )
    record = extractor.extract(text)[-1]
    assert record.affiliation is not None and record.affiliation.text == "北山ブルーウィンズ"


@pytest.mark.parametrize(
    "text,speaker,affiliation",
    [
        ("3年生の生徒は「悔しい」と述べた。", "3年生の生徒", None),
        ("70代の男性は「怖かった」と話した。", "70代の男性", None),
        ("北山高校野球部の3年生の部員は「悔しい」と話した。", "3年生の部員", "北山高校野球部"),
        ("住民の男性は「怖かった」と話した。", "住民の男性", None),
        ("元従業員の女性は「誰も言えなかった」と証言した。", "元従業員の女性", None),
        ("電話の男は「誰にも言わないで」と繰り返した。", "電話の男", None),
        ("政権に近い筋は「近く決まる」と話した。", "政権に近い筋", None),
        ("事情に詳しい関係者は「まだ難しい」と話した。", "事情に詳しい関係者", None),
        ("トヨタの関係者は「残念だ」と話した。", "関係者", "トヨタ"),
    ],
    ids=[
        "grade",
        "age",
        "grade_after_the_body",
        "a_description",
        "a_former_job",
        "where_he_was_heard",
        "an_adjective_clause",
        "an_adjective_clause_on_kankeisha",
        "a_body_is_the_affiliation_not_the_mention",
    ],
)
def test_an_age_grade_or_description_names_the_unnamed_source_with_it(
    extractor: quotes.Extractor, text: str, speaker: str, affiliation: str | None
) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.text == speaker and record.speaker.anonymous
    assert (record.affiliation.text if record.affiliation else None) == affiliation


def test_a_post_in_katakana_is_a_title(extractor: quotes.Extractor) -> None:
    text = "NPBの根岸達郎コミッショナーは「残念だ」と語った。根岸コミッショナーによると、協議は始まるという。"
    last = extractor.extract(text)[-1]
    assert (
        last.speaker is not None
        and last.speaker.name == "根岸達郎"
        and last.speaker.title == "コミッショナー"
    )
    assert last.affiliation is not None and last.affiliation.text == "NPB"


def test_a_katakana_name_with_a_dot_is_one_name(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("アグネス・ムタレ氏は「驚いた」と話した。")
    assert (
        record.speaker is not None
        and record.speaker.name == "アグネス・ムタレ"
        and record.affiliation is None
    )


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("劇団北斗座で代表を務める演出家の三輪康介氏は「劇団の父だった」と声を詰まらせた。", "劇団北斗座"),
        ("アーク・プロモーションに所属する榊ゆかりさんは「感謝したい」と話した。", "アーク・プロモーション"),
        ("株式会社くいだおれの山田昌平社長は「残念だ」と述べた。", "株式会社くいだおれ"),
        ("ブルー・ハーバーでボーカルを務める松井蓮は「少し休みます」とつづった。", "ブルー・ハーバー"),
    ],
    ids=[
        "work_place_before_an_occupation",
        "a_body_one_belongs_to",
        "a_word_opening_a_name",
        "a_name_one_holds_a_post_in",
    ],
)
def test_where_a_person_works_or_belongs_is_the_affiliation(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.affiliation is not None and record.affiliation.text == affiliation


@pytest.mark.parametrize(
    "text",
    [
        "東京ドームで司会を務める松井蓮は「少し休みます」とつづった。",
        "横浜アリーナで司会を務める松井蓮は「少し休みます」とつづった。",
    ],
    ids=["dome", "arena"],
)
def test_a_venue_one_serves_at_is_no_affiliation(extractor: quotes.Extractor, text: str) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "松井蓮"
    assert record.affiliation is None


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "サッカー日本代表のフランコ・ロッシ監督は「若い選手に機会を与えたい」と述べた。",
            "サッカー日本代表",
        ),
        ("ラグビー日本代表の田中一郎選手は「勝ちたい」と話した。", "ラグビー日本代表"),
        ("民政党代表の山田太郎氏は「勝ちたい」と述べた。", "民政党"),
    ],
    ids=["coach_of_a_national_team", "player_of_a_national_team", "a_party_leader_holds_the_post"],
)
def test_a_post_word_before_a_team_title_names_the_team(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.affiliation is not None and record.affiliation.text == affiliation


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("岡山県警捜査2課は、男を逮捕したと発表した。", "岡山県警"),
        ("厚生労働省医薬食品局安全対策課は、製品を回収すると発表した。", "厚生労働省"),
        ("静岡県警浜松東署は、男を逮捕したと発表した。", "静岡県警"),
        ("気象庁は、地震が起きたと発表した。", None),
        ("国土交通省は、調査すると発表した。", None),
    ],
    ids=["police_division", "ministry_section", "police_station", "body_alone", "ministry_alone"],
)
def test_a_department_speaking_belongs_to_its_organisation(
    extractor: quotes.Extractor, text: str, affiliation: str | None
) -> None:
    (record,) = extractor.extract(text)
    assert (record.affiliation.text if record.affiliation is not None else None) == affiliation


def test_a_post_held_at_dou_sha_the_parser_hung_inside_the_post_is_at_the_company(
    extractor: quotes.Extractor,
) -> None:
    text = (
        "光陵製薬は「深くおわびします」と発表した。"
        "同社で安全性情報部長を務める北村裕二氏は「因果関係の解明を急ぎたい」と話した。"
    )
    record = extractor.extract(text)[-1]
    assert record.speaker is not None and record.speaker.name == "北村裕二"
    assert record.affiliation is not None and record.affiliation.text == "光陵製薬"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "試料は東京都の星嶺科学博物館で公開される。同館の学芸員で展示を担当する小野寺真理さんは、"
            "「何かを感じ取ってほしい」と話している。",
            "星嶺科学博物館",
        ),
        (
            "川岸市消防本部によると、火は約2時間後に消し止められた。同消防本部の担当者は"
            "「警報器が付けられていなかった」と話した。",
            "川岸市消防本部",
        ),
        (
            "朝霧化学工業は「深くおわびします」と発表した。工事は設備工事会社が請け負った。"
            "同社の水野社長は「責任を痛感している」と述べた。",
            "朝霧化学工業",
        ),
        ("東北大学の准教授で地震学を研究する田中一郎さんは「注意が必要だ」と話した。", "東北大学"),
        ("交通心理学が専門の中京文理大学の大橋隆教授は「体制を見直すべきだ」と話している。", "中京文理大学"),
        (
            "英国のノースフィールド大学で惑星地質学を研究するサラ・ウィルキンス教授は、「驚くべき成果だ」と述べた。",
            "英国のノースフィールド大学",
        ),
    ],
    ids=[
        "dou_kan_named_in_the_narration",
        "a_four_kanji_kind_named_in_the_narration",
        "a_description_in_the_narration_is_no_body",
        "post_of_a_body_then_work",
        "speciality_before_the_body",
        "research_at_a_university",
    ],
)
def test_a_body_named_in_the_narration_or_a_clause_of_work_is_the_affiliation(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_last_quotation_affiliation(extractor, text, affiliation)


def test_a_place_one_researches_in_is_no_affiliation(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("東京で研究する田中一郎さんは「注意が必要だ」と話した。")
    assert record.affiliation is None


def test_a_body_of_its_own_in_the_town_named_before_is_not_the_town(extractor: quotes.Extractor) -> None:
    text = (
        "霞ヶ関町の町長は「被害は大きい」と述べた。"
        "同町上村地区の自主防災会で会長を務める小池武雄さんは、全員の無事を確認したと話した。"
    )
    record = extractor.extract(text)[-1]
    assert record.affiliation is not None and record.affiliation.text.endswith("自主防災会")


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "ルソン海洋大学の気象学者、田中一郎准教授は、「例外ではなくなる」と指摘している。",
            "ルソン海洋大学",
        ),
        (
            "欧州安全保障協力機構の選挙監視団を率いるクラウス・エーベルハルト団長は「秩序立っていた」と述べた。",
            "欧州安全保障協力機構の選挙監視団",
        ),
        (
            "国際赤十字・赤新月社連盟のフィリピン事務所代表を務めるヘレナ・ストランド氏は「水が足りない」と警告した。",
            "国際赤十字・赤新月社連盟",
        ),
    ],
    ids=["post_of_compound_words_set_off_by_a_comma", "the_body_one_leads", "post_with_a_place_in_it"],
)
def test_an_organisation_before_a_post_gives_the_affiliation_however_the_post_is_cut(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.affiliation is not None and record.affiliation.text == affiliation


def test_a_kind_of_body_one_leads_names_no_body(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("大企業の経営者として組織を率いる田中一郎氏は「厳しい」と述べた。")
    assert record.affiliation is None


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "長野県穂高野市の市立穂高野東小学校の近くで事件があり、長野県警穂高野署は男を逮捕したと発表した。"
            "同校の宮坂恵子校長は「逃げてください」と呼びかけた。",
            "市立穂高野東小学校",
        ),
        (
            "長野県穂高野市で事件があり、県警は男を逮捕したと発表した。市の担当者は「検討している」と話した。",
            "長野県穂高野市",
        ),
        ("トヨタ自動車は新型車を発表した。同社の山田社長は「自信作だ」と述べた。", "トヨタ自動車"),
    ],
    ids=[
        "dou_kou_is_the_school_not_the_police_that_spoke",
        "the_city_named_in_the_narration",
        "dou_sha_spoke",
    ],
)
def test_dou_and_a_kind_points_to_the_body_of_that_kind(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    _assert_last_quotation_affiliation(extractor, text, affiliation)


def test_a_player_named_by_his_role_belongs_to_the_club(extractor: quotes.Extractor) -> None:
    text = "北陸サンダーバーズは勝った。サンダーバーズの左腕、戸田誠也投手は、「信じていた」と話した。"
    record = extractor.extract(text)[-1]
    assert record.speaker is not None and record.speaker.name == "戸田誠也"
    assert record.affiliation is not None and record.affiliation.text == "サンダーバーズ"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        (
            "穂高野東小学校PTAの会長を務める会社員、飯島健司さんは「不安が広がっている」と話した。",
            "穂高野東小学校PTA",
        ),
        ("近くに住む会社員、田中一郎さんは「怖い」と話した。", None),
    ],
    ids=["post_held_then_occupation_and_comma", "occupation_and_comma_alone"],
)
def test_a_post_held_before_an_occupation_set_off_by_a_comma(
    extractor: quotes.Extractor, text: str, affiliation: str | None
) -> None:
    (record,) = extractor.extract(text)
    assert (record.affiliation.text if record.affiliation is not None else None) == affiliation


def _assert_last_quotation_affiliation(extractor: quotes.Extractor, text: str, affiliation: str) -> None:
    """The last direct quotation's affiliation is `affiliation`, at offsets that hold."""
    record = [r for r in extractor.extract(text) if r.kind == "direct"][-1]
    assert record.affiliation is not None and record.affiliation.text == affiliation
    assert text[record.affiliation.start : record.affiliation.end] == affiliation


@pytest.mark.parametrize(
    "text,speaker,affiliation",
    [
        # a long surname in katakana, the given name in kanji
        (
            "北海道日本ハムファイターズのダルビッシュ有投手は「感謝している」と語った。"
            "ダルビッシュは「挑戦したい」と続けた。",
            "ダルビッシュ",
            "北海道日本ハムファイターズ",
        ),
        # the bare word for an unnamed source, right after it was written with its organisation
        (
            "JR東日本の広報担当者は「原因を調べている」とコメントした。担当者によると、復旧のめどは立っていない。",
            "担当者",
            "JR東日本",
        ),
    ],
)
def test_a_shorter_mention_is_the_person_or_source_written_before(
    extractor: quotes.Extractor, text: str, speaker: str, affiliation: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.text == speaker
    assert record.affiliation is not None and record.affiliation.text == affiliation


def test_a_katakana_surname_is_no_other_persons_given_name(extractor: quotes.Extractor) -> None:
    text = (
        "北九州の岩田大輔選手は欠場した。ロッシ監督は「焦らずに治してほしい」と伝えた。"
        "サッカー日本代表のフランコ・ロッシ監督は「勝つ」と語った。"
    )
    first = next(r for r in extractor.extract(text) if r.speaker is not None)
    assert first.speaker is not None and first.speaker.name != "岩田大輔"


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            "新華社通信によると、中国国防省の報道官も同日、「必要な措置を取る」と強調した。",
            "中国国防省の報道官",
        ),
        ("小児科診療所の院長は「妻に接種した」と話した。", "小児科診療所の院長"),
    ],
    ids=["spokesman_of_a_ministry", "head_of_a_clinic"],
)
def test_a_post_with_no_name_is_named_with_its_body(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    record = _speech(extractor.extract(text))
    assert record.speaker is not None and record.speaker.text == speaker and record.speaker.name is None
    assert text[record.speaker.start : record.speaker.end] == speaker


def test_a_post_of_another_body_is_not_the_person_named_before_with_it(extractor: quotes.Extractor) -> None:
    text = (
        "中国外務省の劉建明報道官は「断固反対する」と述べた。"
        "中国国防省の報道官も同日、「必要な措置を取る」と強調した。劉報道官は「責任を負う」と警告した。"
    )
    records = [r for r in extractor.extract(text) if r.speaker is not None]
    assert [r.affiliation.text if r.affiliation else None for r in records] == [
        "中国外務省",
        "中国国防省",
        "中国外務省",
    ]
    assert records[1].speaker is not None and records[1].speaker.name is None  # not 劉建明
