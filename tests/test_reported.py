"""Reported speech without brackets, によると sources and relays (real GiNZA parse).

Each row: a sentence, the reported clause that must be found (or None for
nothing), its speaker, cue and via.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import quotes

ROWS: list[tuple[str, str, dict[str, Any] | None]] = [
    (
        "report_inside_a_report_of_the_same_speaker_is_one",
        "ベック報道官は13日付の声明で、漁船員3人の健康状態に問題はないことを確認したとしている。",
        dict(text="漁船員3人の健康状態に問題はないことを確認した", speaker="ベック報道官", cue="としている"),
    ),
    (
        "verb_tagged_as_noun_before_to",
        "トヨタ自動車は16日、ポスターの掲示を順次取りやめると発表した。",
        dict(text="ポスターの掲示を順次取りやめる", speaker="トヨタ自動車", cue="発表した"),
    ),
    (
        "company_named_by_its_industry_word",
        "春風飲料は16日、新しい工場を建てると発表した。",
        dict(text="新しい工場を建てる", speaker="春風飲料", cue="発表した"),
    ),
    (
        "to_clause_under_speech_verb",
        "防衛省は北朝鮮が弾道ミサイル1発を発射したと発表した。",
        dict(text="北朝鮮が弾道ミサイル1発を発射した", speaker="防衛省", cue="発表した"),
    ),
    (
        "speaker_after_clause",
        "交渉は来週にも再開される見通しだと、AP通信は伝えた。",
        dict(text="交渉は来週にも再開される見通しだ", speaker="AP通信", cue="伝えた"),
    ),
    (
        "niyoruto_source_frames_the_sentence",
        "共同通信によると、政府は来年度から新制度を導入する方針を固めた。",
        dict(text="政府は来年度から新制度を導入する方針を固めた", speaker="共同通信", cue="によると"),
    ),
    (
        "niyoreba_source_frames_the_sentence",
        "気象庁によれば、台風は明日にも上陸する。",
        dict(text="台風は明日にも上陸する", speaker="気象庁", cue="によれば"),
    ),
    (
        "relay_by_hanashi_toshite",
        "NHKは政府関係者の話として、首相が近く訪米すると伝えた。",
        dict(speaker="政府関係者", via="NHK"),
    ),
    (
        "to_no_mikata_wo_shimeshita",
        "日銀の田中一郎総裁は景気は緩やかに回復しているとの見方を示した。",
        dict(text="景気は緩やかに回復している", speaker="田中一郎"),
    ),
    (
        "koto_wo_happyo",
        "トヨタ自動車は新工場の建設を中止したことを明らかにした。",
        dict(text="新工場の建設を中止した", speaker="トヨタ自動車"),
    ),
    (
        "to_shiteiru",
        "日本マクドナルドは中国産の鶏肉の輸入を止めたとしている。",
        dict(text="中国産の鶏肉の輸入を止めた", speaker="日本マクドナルド", cue="としている"),
    ),
    (
        "document_as_source",
        "訴状によると、学園は著作物を無断で引用した。",
        dict(text="学園は著作物を無断で引用した", speaker="訴状", cue="によると"),
    ),
    (
        "clause_on_a_noun_of_time_still_reports",
        "外務省の山田報道官は、交渉は続いていると前置きした後で、「結論はまだ出ていない」と結んだ。",
        dict(text="交渉は続いている", speaker="山田報道官", cue="前置きした"),
    ),
    (
        "speakers_own_earlier_act_is_not_what_was_said",
        "田中社長は取引先に対して不満を表明し、今後は値下げに応じるという回答があったことを明らかにした。",
        dict(text="今後は値下げに応じるという回答があった", speaker="田中社長"),
    ),
    (
        "topic_hung_on_an_inner_passive_still_speaks_for_the_whole_clause",
        "韓米は北朝鮮軍がすでにクルスクに配置され、戦闘に参加したとみている。",
        dict(text="北朝鮮軍がすでにクルスクに配置され、戦闘に参加した", speaker="韓米"),
    ),
    (
        "cue_on_a_noun_of_time_is_its_own_cue",
        "首相は、個人的な見解だと前置きした後で、派閥の解散を表明した。",
        dict(text="個人的な見解だ", speaker="首相", cue="前置きした"),
    ),
    (
        "the_clauses_own_topic_hung_on_the_cue_is_no_source",
        "首相は感染状況は依然厳しいと強調した上で、会見を終えた。",
        dict(text="感染状況は依然厳しい", speaker="首相", cue="強調した"),
    ),
    (
        "when_and_to_whom_are_not_what_was_said",
        "岸田首相は15日、記者団に対し、経済対策を年内にまとめると述べた。",
        dict(text="経済対策を年内にまとめる", speaker="岸田首相", cue="述べた"),
    ),
    (
        "same_day_is_not_what_was_said",
        "警視庁は同日、男が容疑を認めていると発表した。",
        dict(text="男が容疑を認めている", speaker="警視庁"),
    ),
    (
        "relay_frame_is_not_what_was_said",
        "共同通信は政府関係者の話として、首相が訪米すると報じた。",
        dict(text="首相が訪米する", speaker="政府関係者", via="共同通信"),
    ),
    (
        "relay_after_a_relative_clause_is_no_clause_of_its_own",
        # the parser makes the relay noun a clause of its own here (probes11 md_05)
        "地元紙ポルタ・タイムズは、流域の農家でつくるオレム川流域農民連合のイオン・ラザル代表の話として、"
        "一部の村ではすでに井戸が枯れ始めたと伝えた。",
        dict(speaker="イオン・ラザル", cue="伝えた", via="地元紙ポルタ・タイムズ"),
    ),
    (
        "a_reason_set_off_by_a_comma_is_what_was_said",
        "警視庁は、放火に関与した疑いで、男を逮捕したと発表した。",
        dict(text="放火に関与した疑いで、男を逮捕した", speaker="警視庁"),
    ),
    (
        "clause_on_an_intention_noun",
        "政府は、来年度から新制度を導入する方針を明らかにした。",
        dict(text="来年度から新制度を導入する", speaker="政府", cue="明らかにした"),
    ),
    (
        "intention_is_its_last_stretch",
        "同社は工場が閉鎖されたのち、別の工場から仕入れる方針を示した。",
        dict(text="別の工場から仕入れる", speaker="同社"),
    ),
    ("intention_decided_is_no_speech", "会社は来月から値上げする方針を固めた。", None),
    ("prefectural_police_as_source", "県警によると、男は容疑を認めている。", dict(speaker="県警")),
    ("fire_department_as_source", "消防によると、2人がけがをした。", dict(speaker="消防")),
    ("observatory_niyoreba", "気象台によれば、雨は夜まで続く見込みです。", dict(speaker="気象台")),
    ("unnamed_word_with_no_inside", "近所の人によると、男性は一人暮らしだった。", dict(speaker="近所の人")),
    (
        "belief_inside_a_statement_is_one_statement",
        "日本製鉄は買収計画について、米政府の承認を得られると確信していると改めて表明した。",
        dict(speaker="日本製鉄", cue="表明した"),
    ),
    (
        "source_known_only_by_name",
        "ポリティコは、政権が制裁を検討していると報じた。",
        dict(speaker="ポリティコ"),
    ),
    (
        "ministry_ending_like_ichibu",
        "統一部によると、北朝鮮は新型ミサイルを発射した。",
        dict(speaker="統一部"),
    ),
    (
        "source_named_between_to_and_the_cue",
        "生稲氏は靖国神社を参拝したと共同通信が報じた。",
        dict(text="生稲氏は靖国神社を参拝した", speaker="共同通信", cue="報じた"),
    ),
    (
        "medium_addressed_before_the_clause",
        "ペスコフ報道官はCNNに対し、条約は有効だと述べた。",
        dict(text="条約は有効だ", speaker="ペスコフ報道官", via="CNN"),
    ),
    (
        "source_set_off_by_mo_and_a_comma",
        "外相は「遺憾だ」と述べた。防衛相も、警戒を続けると述べた。",
        dict(text="警戒を続ける", speaker="防衛相"),
    ),
    (
        "inner_quotative_clause_stays_inside_what_was_said",
        "同党のある中堅議員は、党内で場外闘争に踏み切るべきだとの声が強まっていると打ち明けた。",
        dict(
            text="党内で場外闘争に踏み切るべきだとの声が強まっている",
            speaker="ある中堅議員",
            cue="打ち明けた",
        ),
    ),
    (
        "what_the_words_answer_is_no_part_of_them",
        "冬柴大臣は、橋下知事の大阪国際空港廃止案に対して、素人の発言であると批判した。",
        dict(text="素人の発言である", speaker="冬柴大臣", cue="批判した"),
    ),
    (
        # what the words are about is part of them, as the gold reads it (…の意図については、…)
        "what_the_words_are_about_is_part_of_them",
        "知事は、空港の廃止を視野に入れるという発言の意図については、議論が必要だと述べた。",
        dict(
            text="空港の廃止を視野に入れるという発言の意図については、議論が必要だ",
            speaker="知事",
            cue="述べた",
        ),
    ),
    (
        "whom_the_words_answer_is_no_part_of_them",
        "知事は、野党の質問に対し、議論が必要だと述べた。",
        dict(text="議論が必要だ", speaker="知事", cue="述べた"),
    ),
    (
        "the_speakers_act_at_the_clauses_front_is_not_what_was_said",
        "山田氏は取材に応じ、増税は避けられないと述べた。",
        dict(text="増税は避けられない", speaker="山田氏", cue="述べた"),
    ),
    (
        "an_answer_to_a_question_hung_inside_the_clause",
        "山田大臣は、委員会で野党議員の質問に答え、増税は避けられないと答えた。",
        dict(text="増税は避けられない", speaker="山田大臣", cue="答えた"),
    ),
    (
        "a_date_with_wo_motte_is_when",
        "川村氏は9月9日をもって、会長選へ立候補すると表明した。",
        dict(text="会長選へ立候補する", speaker="川村氏", cue="表明した"),
    ),
    (
        "a_ga_subject_set_off_by_a_comma_speaks",
        "川村氏が、来年2月26日に行われる会長選へ立候補することを表明した。",
        dict(text="来年2月26日に行われる会長選へ立候補する", speaker="川村氏"),
    ),
    (
        "a_plural_unnamed_group_set_off_by_a_comma_speaks",
        "住民らは、工事が遅れる間だけでも仮設の図書室を設けてほしいと訴えた。",
        dict(text="工事が遅れる間だけでも仮設の図書室を設けてほしい", speaker="住民ら", cue="訴えた"),
    ),
    (
        "a_phrase_with_wo_motte_that_says_how_stays",
        "同社は誠意をもって、対応すると述べた。",
        dict(text="誠意をもって、対応する", speaker="同社"),
    ),
    (
        "sukunakutomo_is_an_adverb_inside_the_clause",
        "同社は、部品の試験データを少なくとも10年にわたって改ざんしていたと発表した。",
        dict(text="部品の試験データを少なくとも10年にわたって改ざんしていた", speaker="同社", cue="発表した"),
    ),
    (
        "tsutaeta_tokoro_dewa_frames_the_sentence",
        "NHKが伝えたところでは、市には問い合わせが100件以上寄せられている。",
        dict(text="市には問い合わせが100件以上寄せられている", speaker="NHK", cue="伝えたところでは"),
    ),
    (
        "a_long_phrase_naming_the_occasion_is_not_what_was_said",
        "デュボワ仏大統領は8日、ブリュッセルで開かれた欧州連合(EU)首脳会議後の記者会見で、基金を倍増させるべきだと訴えた。",
        dict(text="基金を倍増させるべきだ", speaker="デュボワ仏大統領", cue="訴えた"),
    ),
    (
        "a_clause_the_parser_hung_on_its_speaker",
        "専門家たちは、増派は象徴的な意味合いが強いと指摘している。",
        dict(text="増派は象徴的な意味合いが強い", speaker="専門家たち"),
    ),
    (
        "a_clause_ending_in_a_quotation_with_a_copula",
        "山田議員は、政府の対応は「場当たり的」だと批判した。",
        dict(text="政府の対応は「場当たり的」だ", speaker="山田議員", cue="批判した"),
    ),
    (
        "the_page_written_on_is_where_not_what",
        "山田議員は自身のフェイスブックに、増税は避けられないと書き込んだ。",
        dict(text="増税は避けられない", speaker="山田議員", cue="書き込んだ"),
    ),
    (
        "a_part_joined_by_the_copulas_de_is_the_same_account",
        "森脇知事は会見で、説明を受けたのは8月下旬になってからで、負担が増えることは報道で初めて知ったと説明した。",
        dict(
            text="説明を受けたのは8月下旬になってからで、負担が増えることは報道で初めて知った",
            speaker="森脇知事",
        ),
    ),
    (
        "a_ga_subject_set_off_over_the_clauses_own_subject",
        "前田修一会長が、知事の判断は唐突で、議会への事前の相談もなかったと指摘した。",
        dict(text="知事の判断は唐突で、議会への事前の相談もなかった", speaker="前田修一会長"),
    ),
    (
        "a_first_part_with_its_own_subject_is_what_was_said",
        "山口所長は、新しい庁舎は来月にも完成し、4月から業務が始まる予定だと説明した。",
        dict(text="新しい庁舎は来月にも完成し、4月から業務が始まる予定だ", speaker="山口所長"),
    ),
    (
        "a_condition_is_what_was_said_though_the_speaker_hangs_on_it",
        "同氏は、原材料の価格が上がれば、同社の今期の利益は半減する可能性があるとの見方を示した。",
        dict(text="原材料の価格が上がれば、同社の今期の利益は半減する可能性がある", speaker="同氏"),
    ),
    (
        "a_phrase_opening_with_dou_and_no_is_no_source",
        "同社の今期の利益は半減する可能性が高いとの見方を示した。",
        None,
    ),
    (
        "a_passive_belief_stays_inside_what_was_said",
        "消防の担当者は、火災は放火とみられ、警察が捜査していると述べた。",
        dict(text="火災は放火とみられ、警察が捜査している", speaker="担当者"),
    ),
    ("a_place_with_dewa_frames_nothing", "東京では、桜が満開になっている。", None),
    ("tari_adjective_to_says_how_not_what", "宇佐美監督は「切り替えるしかない」と淡々と話した。", None),
    ("tari_adjective_without_quotation", "首相は堂々と反論した。", None),
    ("no_source_no_record", "明日は雨が降ると思う。", None),
    ("passive_report_names_no_source", "首相が辞任する意向だと報じられた。", None),
    ("common_noun_subject_is_no_source", "この可能性は低いとみる余地もある。", None),
]


@pytest.mark.parametrize("name,sentence,expected", ROWS, ids=[r[0] for r in ROWS])
def test_reported_pattern(
    extractor: quotes.Extractor, name: str, sentence: str, expected: dict | None
) -> None:
    indirect = [r for r in extractor.extract(sentence) if r.kind == "indirect"]
    if expected is None:
        assert indirect == [], indirect
        return
    assert len(indirect) == 1, indirect
    (record,) = indirect
    if "text" in expected:
        assert record.text == expected["text"]
    assert record.speaker is not None
    assert expected["speaker"] in (record.speaker.name, record.speaker.text), record.speaker
    if "cue" in expected:
        assert record.cue is not None and record.cue.text == expected["cue"]
    if "via" in expected:
        assert record.via is not None and record.via.text == expected["via"]
    assert sentence[record.start : record.end] == record.text


@pytest.mark.parametrize(
    "text,clause,speaker",
    [
        (
            "岸田首相は記者団に「全力を尽くす」と述べた。また、物価高には万全を期すと強調した。",
            "物価高には万全を期す",
            "岸田首相",
        ),
        ("気象庁によると、震源は沖合だった。津波の心配はないとしている。", "津波の心配はない", "気象庁"),
    ],
    ids=["mata_continues_the_speaker", "toshiteiru_continues_the_source"],
)
def test_a_sentence_naming_no_source_continues_the_previous_speaker(
    extractor: quotes.Extractor, text: str, clause: str, speaker: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.text == clause]
    assert record.kind == "indirect" and record.speaker is not None and record.speaker.text == speaker
    said = f"{speaker}は{clause}と述べた。"
    (read,) = [r for r in extractor.extract(said) if r.text == clause]
    assert (
        record.rule in ("carried", "focus") and read.rule == "reported"
    )  # carried, not read in the sentence


def test_direct_quote_after_reported_speech_continues_its_speaker(extractor: quotes.Extractor) -> None:
    records = extractor.extract("首相は経済対策を急ぐと述べた。さらに「万全を期す」と強調した。")
    (direct,) = [r for r in records if r.kind == "direct"]
    assert direct.speaker is not None and direct.speaker.text == "首相"


def test_a_sentence_naming_no_source_after_none_gives_nothing(extractor: quotes.Extractor) -> None:
    assert extractor.extract("ロシアは反発した。また、対抗措置を取ると警告した。") == []


@pytest.mark.parametrize(
    "text,parts",
    [
        ("林芳正官房長官は、遺憾だとし、厳重に抗議したと述べた。", ["遺憾だ", "厳重に抗議した"]),
        (
            "キム教授は、対話が必要だとし、「制裁だけでは解決しない」と助言した。",
            ["対話が必要だ", "制裁だけでは解決しない"],
        ),
        (
            "岩屋毅外相は、具体的な内容は決まっていないとしながらも、韓国との人的交流の拡大は重要だと述べた。",
            ["具体的な内容は決まっていない", "韓国との人的交流の拡大は重要だ"],
        ),
        (
            "合同参謀本部は「主張を確認することはできない」としつつも、挑発には断固として対応すると強調した。",
            ["主張を確認することはできない", "挑発には断固として対応する"],
        ),
    ],
    ids=["two_reported_parts", "reported_then_quoted", "toshinagaramo", "quoted_then_toshitsutsumo"],
)
def test_parts_joined_by_toshi_are_one_utterance_with_one_cue(
    extractor: quotes.Extractor, text: str, parts: list[str]
) -> None:
    records = extractor.extract(text)
    assert [r.text for r in records] == parts
    assert len({r.cue.text for r in records if r.cue is not None}) == 1
    assert len({r.group for r in records}) == 1


def test_cognition_gets_lower_confidence(extractor: quotes.Extractor) -> None:
    (seen,) = [
        r
        for r in extractor.extract("米政府は北朝鮮が発射の準備を進めているとみている。")
        if r.kind == "indirect"
    ]
    (said,) = [
        r
        for r in extractor.extract("米政府は北朝鮮が発射の準備を進めていると述べた。")
        if r.kind == "indirect"
    ]
    assert seen.confidence < said.confidence - 0.1


def test_niyoruto_with_inner_speaker_becomes_via(extractor: quotes.Extractor) -> None:
    text = "AP通信によると、米政府当局者は「制裁を強化する」と述べた。"
    records = extractor.extract(text)
    assert [r.kind for r in records] == ["direct"]
    (record,) = records
    assert record.speaker is not None and record.speaker.text == "米政府当局者"
    assert record.via is not None and record.via.text == "AP通信"


def test_direct_quotes_are_not_reported_twice(extractor: quotes.Extractor) -> None:
    records = extractor.extract("山田氏は「賛成だ」と述べた。")
    assert [r.kind for r in records] == ["direct"]


def test_passive_cue_of_a_quotation_is_said_by_its_agent_not_its_subject(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("首相は野党から「無責任だ」と批判された。")
    assert record.kind == "direct" and record.speaker is not None and record.speaker.text == "野党"
    (record,) = extractor.extract("首相は「無責任だ」と批判された。")
    assert record.speaker is None


def test_nested_frames_inner_source_speaks_outer_relays(extractor: quotes.Extractor) -> None:
    text = "毎日新聞の報道によると、大阪府警のコメントとして、容疑者は容疑を認めているという。"
    (record,) = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert record.speaker is not None and record.speaker.text == "大阪府警"
    assert record.via is not None and "毎日新聞" in record.via.text


def test_frame_stops_before_its_own_passive_report(extractor: quotes.Extractor) -> None:
    text = "共同通信によると、艦隊は警戒監視を行ったと報じられた。"
    (record,) = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert record.text == "艦隊は警戒監視を行った"
    assert record.speaker is not None and record.speaker.text == "共同通信"


def test_tokoro_ni_yoruto_takes_the_teller(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("ロイター通信が伝えたところによると、ロシア軍は東部で攻勢を強めている。")
    assert record.kind == "indirect" and record.speaker is not None and record.speaker.text == "ロイター通信"


@pytest.mark.parametrize(
    "text,clause",
    [
        ("民主党は組織戦で臨む予定としている。", "組織戦で臨む予定"),
        ("橋下徹知事は抜本的な議論が必要と述べた。", "抜本的な議論が必要"),
        ("中村知事は、名称の変更は職員の意識改革のためと説明した。", "名称の変更は職員の意識改革のため"),
        ("県警は、事故は運転手の居眠りによるものとしている。", "事故は運転手の居眠りによるもの"),
    ],
    ids=["plan", "need", "reason", "account"],
)
def test_a_noun_with_da_left_out_ends_a_reported_clause(
    extractor: quotes.Extractor, text: str, clause: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.kind == "indirect" and record.text == clause and record.speaker is not None


def test_to_tomo_ni_is_with_not_a_quotative(extractor: quotes.Extractor) -> None:
    assert extractor.extract("花房美咲は指輪をはめた写真とともに結婚を報告した。") == []


def test_a_part_said_with_a_verb_of_its_own_is_not_inside_the_next_part(extractor: quotes.Extractor) -> None:
    text = (
        "共同通信によると、橋下知事は、抜本的な議論が必要と述べており、"
        "9月には3空港に関する協議を開始するとしている。"
    )
    parts = [r.text for r in extractor.extract(text) if r.kind == "indirect"]
    assert parts == ["抜本的な議論が必要", "9月には3空港に関する協議を開始する"]


@pytest.mark.parametrize(
    "text,clause",
    [
        ("首相は「増税」は避けると述べた。", "「増税」は避ける"),
        (
            "毎日新聞によると、問題となっているのは『サテライト大阪』(大阪・ミナミ)。",
            "問題となっているのは『サテライト大阪』(大阪・ミナミ)",
        ),
    ],
    ids=["clause_opening_with_a_bracket", "frame_ending_with_a_bracket"],
)
def test_a_reported_clause_keeps_the_brackets_it_opens_or_closes_with(
    extractor: quotes.Extractor, text: str, clause: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert record.text == clause


def test_no_reported_clause_of_the_gold_texts_cuts_a_bracket_pair(extractor: quotes.Extractor) -> None:
    data = Path(__file__).parent / "data"
    texts = [p.read_text(encoding="utf-8") for d in ("dev", "dev2") for p in sorted((data / d).glob("*.txt"))]
    cut = [
        r.text
        for records in extractor.extract_many(texts)
        for r in records
        if r.kind == "indirect" and any(r.text.count(o) != r.text.count(c) for o, c in ("「」", "『』"))
    ]
    assert cut == []


def test_a_relay_set_off_before_a_long_clause_gives_the_inner_source(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract(
        "独DPA通信は、州の災害対策当局者の話として、決壊した堤防の一部は老朽化が進み、"
        "改修工事が予算不足で先送りされていたと伝えた。"
    )
    assert record.speaker is not None and record.speaker.text == "災害対策当局者"
    assert record.via is not None and record.via.text == "独DPA通信"
    # the medium relays the source; it does not employ it (州 is the state the source is of)
    assert record.affiliation is None or "DPA" not in record.affiliation.text


def test_an_attributive_niyoru_is_part_of_what_was_said(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract(
        "知事は記者団に対し、管理に問題がなかったか、第三者による調査で検証すると約束した。"
    )
    assert record.text == "管理に問題がなかったか、第三者による調査で検証する"


def test_a_clause_read_at_two_quotatives_is_one_statement(extractor: quotes.Extractor) -> None:
    text = "産経新聞は、首相と外相の発言は政府の方針転換の表れではないかとの観測を報じた。"
    records = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert len(records) == 1, records
    assert records[0].speaker is not None and records[0].speaker.text == "産経新聞"


def test_a_relayed_clause_inside_its_frame_still_speaks(extractor: quotes.Extractor) -> None:
    text = "朝日新聞は政府高官の話として、補償はあくまで「自発的なもの」との立場は変わらないと報じた。"
    indirect = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert [r.speaker.text for r in indirect if r.speaker is not None] == ["政府高官"]


def test_a_view_shown_with_no_subject_continues_the_previous_speaker(extractor: quotes.Extractor) -> None:
    text = "山根経済産業相は「支援は続ける」と述べた。さらに、今回の延長が最後になるとの認識を示した。"
    record = extractor.extract(text)[-1]
    assert record.kind == "indirect" and record.text == "今回の延長が最後になる"
    assert record.speaker is not None and record.speaker.text == "山根経済産業相"


def test_a_belief_with_no_subject_is_not_carried(extractor: quotes.Extractor) -> None:
    text = "山根経済産業相は「支援は続ける」と述べた。今回の延長が最後になるとの認識が広がっている。"
    assert [r.kind for r in extractor.extract(text)] == ["direct"]


def test_an_outlet_telling_tokoro_dewa_is_the_via_of_the_words_inside(extractor: quotes.Extractor) -> None:
    (record,) = [
        r
        for r in extractor.extract("NHKが伝えたところでは、首相は「辞めない」と述べた。")
        if r.kind == "direct"
    ]
    assert record.speaker is not None and record.speaker.text == "首相"
    assert record.via is not None and record.via.text == "NHK"


def test_the_quotation_ending_a_reported_clause_is_its_speakers_words(extractor: quotes.Extractor) -> None:
    text = "山田議員は、政府の対応は「場当たり的」だと批判した。"
    (record,) = [r for r in extractor.extract(text) if r.kind == "direct"]
    assert record.text == "場当たり的" and text[record.start : record.end] == "場当たり的"
    assert record.speaker is not None and record.speaker.text == "山田議員"


def test_a_criticism_before_a_later_part_is_read_on_its_own(extractor: quotes.Extractor) -> None:
    text = "片桐代表は、政府は膨張を押し付けていると批判し、国交相に説明を求めると話した。"
    found = {(r.text, r.cue.text if r.cue else None) for r in extractor.extract(text) if r.kind == "indirect"}
    assert found == {("政府は膨張を押し付けている", "批判し"), ("国交相に説明を求める", "話した")}


@pytest.mark.parametrize(
    "text",
    [
        "KNAが政府高官の話として伝えたところによると、議会は審議を来週にも始める予定だという。",
        "KNAが政府高官の話として伝えたところでは、議会は審議を来週にも始める予定だという。",
        "国営放送(KNA)が政府高官の話として伝えたところによると、議会は審議を始めるという。",
    ],
)
def test_an_outlet_telling_someones_account_relays_it(extractor: quotes.Extractor, text: str) -> None:
    (record,) = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert record.speaker is not None and record.speaker.text == "政府高官"
    assert record.via is not None and "KNA" in record.via.text
    assert text[record.via.start : record.via.end] == record.via.text


@pytest.mark.parametrize(
    "text,parts",
    [
        (
            "同社は、事故の原因は部品の不良によるものとしており、再発防止に努めるとしている。",
            ["事故の原因は部品の不良によるもの", "再発防止に努める"],
        ),
        (
            "同社が会見で明らかにした。事故の原因は部品の不良によるものとしており、再発防止に努めるとしている。",
            ["事故の原因は部品の不良によるもの", "再発防止に努める"],
        ),
        (
            "山田社長が会見した。品質に問題があったと述べ、再発防止に努めると語った。",
            ["品質に問題があった", "再発防止に努める"],
        ),
        (
            "北山高校が会見で明らかにした。理由は部員が喫煙したことによるものとしており、"
            "「反省が見られない」という理由で殴ったとしている。",
            ["理由は部員が喫煙したことによるもの", "「反省が見られない」という理由で殴った"],
        ),
        (
            "主将の森田健二さんもSNSを更新し、感謝の気持ちでいっぱいだと書き込んだうえで、"
            "来季も挑戦を続けたいとつづった。",
            ["感謝の気持ちでいっぱいだ", "来季も挑戦を続けたい"],
        ),
        (
            "市長も記者会見を開き、計画を見直す考えはないと述べ、予算案を提出すると語った。",
            ["計画を見直す考えはない", "予算案を提出する"],
        ),
    ],
    ids=[
        "toshiteori_with_a_subject",
        "toshiteori_carried",
        "noberu_then_kataru_carried",
        "second_part_holds_a_bracket",
        "uede_after_a_te_clause_the_parser_made_a_subject",
        "mo_topic_over_a_te_clause",
    ],
)
def test_each_part_of_a_chain_of_statements_is_reported(
    extractor: quotes.Extractor, text: str, parts: list[str]
) -> None:
    found = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert [r.text for r in found] == parts
    assert len({r.speaker.text for r in found if r.speaker is not None}) == 1 and all(
        r.speaker for r in found
    )


def test_grounds_given_with_toshite_are_not_a_statement_of_their_own(extractor: quotes.Extractor) -> None:
    assert extractor.extract("県警は、男が盗んだとして、窃盗の疑いで逮捕した。") == []


def test_a_connective_and_an_occasion_before_a_carried_clause_are_not_said(
    extractor: quotes.Extractor,
) -> None:
    (record,) = extractor.extract("同社が会見で明らかにした。また、25日の会見で、原因は調査中だと説明した。")
    assert record.text == "原因は調査中だ" and record.speaker is not None and record.speaker.text == "同社"


def test_a_verb_joined_by_te_is_part_of_the_clause_however_the_parser_hung_it(
    extractor: quotes.Extractor,
) -> None:
    text = (
        "北辰政府の山下健財務相は、国家予算の予備費から約2000万ドルを取り崩して"
        "トウモロコシの緊急輸入にあてると明らかにした。"
    )
    (record,) = extractor.extract(text)
    assert record.text == "国家予算の予備費から約2000万ドルを取り崩してトウモロコシの緊急輸入にあてる"


@pytest.mark.parametrize(
    "text,words",
    [
        ("山田社長は不満を表明し、契約を見直すことを明らかにした。", "契約を見直す"),
        ("首相は15日、米国を訪問したが、記者団に対し、日米同盟は揺るがないと述べた。",
         "日米同盟は揺るがない"),
        ("東西自動車は、ベースアップを月額2000円とし、2年連続でベアを実施すると回答した。",
         "ベースアップを月額2000円とし、2年連続でベアを実施する"),
        # a contrast after words of its own, and an act of reporting, are acts
        ("林報道官は、作戦を近く始めると明らかにしたが、外交筋は、作戦は難しいとの見方を示した。",
         "作戦は難しい"),
        ("援助団体は同行を拒否するようになっており、部隊がいるだけで危険だと述べた。",
         "部隊がいるだけで危険だ"),
        ("同社は、今回の事故を「人災」とし、責任者を処分すると発表した。", "責任者を処分する"),
    ],
    ids=["act_of_reporting", "a_contrast_is_an_act", "terms_set_are_a_first_part",
         "contrast_after_a_report_is_an_act", "a_state_is_an_act", "a_quotation_named_is_a_part_of_its_own"],
)  # fmt: skip
def test_what_a_clause_set_off_by_a_comma_is_to_the_words_after_it(
    extractor: quotes.Extractor, text: str, words: str
) -> None:
    reported = [r.text for r in extractor.extract(text) if r.kind == "indirect"]
    assert reported[-1] == words


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("同社の発表では「誠に遺憾だ」としている。", "同社"),
        ("振興公社のコメントでも「幅広い年代に来てもらえた」としている。", "振興公社"),
        ("県警の調べでは「金が欲しかった」と供述している。", None),
    ],
    ids=["happyou_dewa", "comment_demo", "an_inquiry_is_no_statement_of_its_owner"],
)
def test_a_quotation_framed_by_someones_statement_is_theirs(
    extractor: quotes.Extractor, text: str, speaker: str | None
) -> None:
    (record,) = extractor.extract(text)
    assert (record.speaker.text if record.speaker is not None else None) == speaker


@pytest.mark.parametrize(
    "text,records",
    [
        (  # the second speaker opens the clause after the contrast; the medium is his
            "山本報道官は、交渉は来月にも再開されるとの見通しを示したが、東京の外交筋は共同通信に対し、"
            "相手側は日程を示していないと明かした。",
            [
                ("交渉は来月にも再開される", "山本報道官", "見通しを示した", None),
                ("相手側は日程を示していない", "東京の外交筋", "明かした", "共同通信"),
            ],
        ),
        (  # a topic that is the words' only subject is what they are about: one speaker
            "首相は記者団に対し、法案の成立は難しいとの認識を示したが、野党は審議に応じる構えだと述べた。",
            [
                ("法案の成立は難しい", "首相", "認識を示した", None),
                ("野党は審議に応じる構えだ", "首相", "述べた", None),
            ],
        ),
        (  # a belief before a contrast is read on its own
            "小野教授は、確率は低いとみているが、警戒が必要だとしている。",
            [
                ("確率は低い", "小野教授", "みている", None),
                ("警戒が必要だ", "小野教授", "としている", None),
            ],
        ),
        (  # a view stated with し、 is a part with its own cue, not the later verb's
            "首相は、景気は回復しつつあるとの認識を示し、追加の経済対策は必要ないと述べた。",
            [
                ("景気は回復しつつある", "首相", "認識を示し", None),
                ("追加の経済対策は必要ない", "首相", "述べた", None),
            ],
        ),
    ],
    ids=[
        "second_speaker_after_contrast",
        "only_subject_is_no_speaker",
        "belief_before_contrast",
        "view_with_shi",
    ],
)
def test_statements_on_either_side_of_a_contrast_have_their_own_speaker_and_cue(
    extractor: quotes.Extractor, text: str, records: list[tuple[str, str, str, str | None]]
) -> None:
    got = [
        (r.text, r.speaker and r.speaker.text, r.cue and r.cue.text, r.via and r.via.text)
        for r in extractor.extract(text)
        if r.kind == "indirect"
    ]
    assert got == records


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("共同通信社によるとAP通信が4日に両政府が合意したと報じた。", "AP通信"),
        ("共同通信社によると、首相が4日に両政府が合意したと述べた。", "首相"),
    ],
    ids=["medium_inside_a_frame", "person_inside_a_frame"],
)
def test_the_first_of_two_ga_subjects_is_the_cues(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.kind == "indirect" and record.speaker is not None and record.speaker.text == speaker
    assert record.text == "4日に両政府が合意した"
    assert record.via is not None and record.via.text == "共同通信社"


@pytest.mark.parametrize(
    "text",
    [
        "東洋新聞によれば、来月21日に投開票が最有力と伝えている。",
        "東洋新聞によれば、来月21日に投開票が有力と報じている。",
    ],
    ids=["tells", "reports"],
)
def test_an_act_the_recogniser_took_for_a_name_is_no_source(extractor: quotes.Extractor, text: str) -> None:
    """投開票 (a verbal noun) tagged as a person by the entity recogniser says nothing: the
    frame's source does, and the clause runs from after the frame."""
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.text == "東洋新聞"
    assert record.text.startswith("来月21日に投開票が")


@pytest.mark.parametrize(
    "text,clause",
    [
        ("山田太郎氏は「もう限界だ」と、制度の見直しが必要だとの考えを強調した。", "制度の見直しが必要だ"),
        (
            "竹中雅彦氏は「なじまないだろう」と、投球制限の導入が難しいことを示唆している。",
            "投球制限の導入が難しい",
        ),
    ],
    ids=["view", "koto"],
)
def test_a_clause_after_a_quotation_its_cue_reports_starts_after_it(
    extractor: quotes.Extractor, text: str, clause: str
) -> None:
    records = extractor.extract(text)
    assert [r.kind for r in records] == ["direct", "indirect"]
    assert records[1].text == clause and text[records[1].start : records[1].end] == clause
    assert records[0].cue is not None and records[1].cue is not None
    assert records[0].cue.text == records[1].cue.text


@pytest.mark.parametrize(
    "text,clause",
    [
        ("山田太郎氏は「安全」と「安心」の両方が必要だと述べた。", "「安全」と「安心」の両方が必要だ"),
        ("少年は「態度が悪い」という理由で殴ったと供述した。", "「態度が悪い」という理由で殴った"),
    ],
    ids=["coordinated", "reason"],
)
def test_a_bracket_that_is_part_of_what_was_said_stays_in_the_clause(
    extractor: quotes.Extractor, text: str, clause: str
) -> None:
    (indirect,) = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert indirect.text == clause


def test_words_and_their_telling_stay_two_reports(extractor: quotes.Extractor) -> None:
    text = "山田氏は、増税が必要だと述べたと明らかにした。"
    indirect = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert sorted(r.text for r in indirect) == ["増税が必要だ", "増税が必要だと述べた"]


def test_two_reports_in_a_row_by_one_speaker_stay_two(extractor: quotes.Extractor) -> None:
    text = "大統領は、核を利用する権利をもっていると述べ、対話は再開されるべきだとした。"
    indirect = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert [r.cue.text for r in indirect if r.cue is not None] == ["述べ", "とした"]


@pytest.mark.parametrize(
    "text,clause",
    [
        (
            "川島氏は、選挙戦で掲げた公約について、就任後すぐに条例案を提出すると明らかにした。",
            "選挙戦で掲げた公約について、就任後すぐに条例案を提出する",
        ),
        ("社長は、工場の閉鎖をめぐり、雇用は守ると述べた。", "工場の閉鎖をめぐり、雇用は守る"),
    ],
    ids=["about_with_nitsuite", "about_with_meguri"],
)
def test_what_the_words_are_about_is_part_of_the_clause(
    extractor: quotes.Extractor, text: str, clause: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert record.text == clause


@pytest.mark.parametrize(
    "text,expected",
    [
        ("町長は、計画を続けるとも述べた。", [("計画を続ける", "町長")]),
        ("同社の社長は、値上げは避けたいとも語った。", [("値上げは避けたい", "社長")]),
        # とも that means "at least" or "even if" reports nothing
        ("事故では少なくとも3人が死亡した。", []),
        ("遅くとも来年には完成する見通しだ。", []),
    ],
    ids=["mo_after_to_one_token", "mo_after_to_with_subject", "at_least", "at_the_latest"],
)
def test_a_quotative_the_tokenizer_writes_with_mo_as_one_word_still_reports(
    extractor: quotes.Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    got = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert [r.text for r in got] == [words for words, _ in expected]
    for record, (_, speaker) in zip(got, expected, strict=True):
        assert record.speaker is not None and speaker in record.speaker.text


@pytest.mark.parametrize(
    "text,words,speaker",
    [
        # the parser gives the first cue the clause's own topic: the source set off before it speaks
        ("大橋教授は、運転手は明け方に眠気に襲われやすいと指摘し、「体制を見直すべきだ」と話している。",
         "運転手は明け方に眠気に襲われやすい", "大橋教授"),
        # the last cue keeps the rule it had
        ("大橋教授は、運転手は眠くなりやすいと指摘した。", "運転手は眠くなりやすい", "大橋教授"),
        # a subject of its own after a place or a time set off is the source
        ("東京では、山田市長は住民は安全だと述べ、「心配ない」と話した。", "住民は安全だ", "山田市長"),
    ],
    ids=["first_of_two_cues", "last_cue", "time_or_place_set_off"],
)  # fmt: skip
def test_a_topic_inside_the_words_is_not_their_source(
    extractor: quotes.Extractor, text: str, words: str, speaker: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert record.text == words and record.speaker is not None and record.speaker.text == speaker


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("東京商工データが中小企業約8千社を対象に実施した調査によると、賃上げを予定する企業は5割だった。",
         "東京商工データ"),
        ("内閣府が発表した調査によると、景気は回復している。", "内閣府"),
        ("東京商工データの調査によると、賃上げを予定する企業は5割だった。", "東京商工データ"),
    ],
    ids=["conducted_by", "published_by", "of_its_owner"],
)  # fmt: skip
def test_a_report_by_its_maker_is_the_makers_words(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.text == speaker and record.rule == "frame"
