"""A table of sentence patterns and what must be read from them (real GiNZA parse).

Each row: a sentence, then for each quotation in order the expected kind,
speaker (matched against `speaker.name` or `speaker.text`), affiliation, cue
text and via. `None` means the field must be empty; `...` means not checked.
"""

from __future__ import annotations

from typing import Any

import pytest

import quotes

E = ...  # not checked

ROWS: list[tuple[str, str, list[dict[str, Any]]]] = [
    (
        "speaker_before_quote",
        "田中一郎外相は9日の記者会見で「対話の扉は閉ざさない」と述べた。",
        [dict(kind="direct", speaker="田中一郎", title="外相", cue="述べた")],
    ),
    (
        "speaker_after_quote",
        "「状況は極めて深刻だ」と、佐藤花子教授は語った。",
        [dict(kind="direct", speaker="佐藤花子", title="教授", cue="語った")],
    ),
    (
        "multi_part_toshi_chain_shares_group",
        "東京大学の山本健太准教授は「財政の余地は小さい」とし「増税の議論は避けられない」と強調した。",
        [
            dict(kind="direct", speaker="山本健太", affiliation="東京大学", cue="強調した", group="g"),
            dict(kind="direct", speaker="山本健太", affiliation="東京大学", cue="強調した", group="g"),
        ],
    ),
    (
        "anonymous_source_with_affiliation",
        "防衛省の当局者は「警戒監視を続けている」と明らかにした。",
        [dict(kind="direct", speaker="当局者", anonymous=True, affiliation="防衛省", cue="明らかにした")],
    ),
    (
        "anonymous_compound_source_relayed_by_medium",
        "英政府関係者はロイター通信に「交渉は最終段階にある」と語った。",
        [
            dict(
                kind="direct",
                speaker="英政府関係者",
                anonymous=True,
                affiliation="英政府",
                via="ロイター通信",
            )
        ],
    ),
    (
        "organisation_as_speaker",
        "気象庁は「今後も大雨に警戒が必要だ」と発表した。",
        [dict(kind="direct", speaker="気象庁", anonymous=False, cue="発表した")],
    ),
    (
        "title_before_name_with_no",
        "外交委員会副委員長のイワノフ氏は「これは挑発だ」と非難した。",
        [dict(kind="direct", speaker="イワノフ", honorific="氏", title="副委員長", affiliation="外交委員会")],
    ),
    (
        "reading_in_parentheses",
        "統一研究院の李明博(イ・ミョンバク)研究委員は「変化の兆しがある」と分析した。",
        [
            dict(
                kind="direct",
                speaker="李明博",
                reading="イ・ミョンバク",
                affiliation="統一研究院",
                cue="分析した",
            )
        ],
    ),
    (
        "to_no_speech_noun",
        "鈴木太郎議員は「制度の見直しが必要だ」との認識を示した。",
        [dict(kind="direct", speaker="鈴木太郎", cue=E)],
    ),
    (
        "term_quote_in_noun_phrase",
        "政府は「骨太の方針」を閣議決定した。",
        [dict(kind="term")],
    ),
    (
        "term_quote_named_by_naming_verb",
        "地元ではこの橋を「希望の橋」と呼んでいる。",
        [dict(kind="term")],
    ),
    (
        "term_and_speech_in_one_sentence",
        "新作「春の海」について、作者の高橋涼子さんは「海辺の町で育った記憶を書いた」と話した。",
        [dict(kind="term"), dict(kind="direct", speaker="高橋涼子", honorific="さん", cue="話した")],
    ),
    (
        "nested_double_brackets_stay_inside",
        "委員長は「報告書の『重大な懸念』という表現は適切だ」と述べた。",
        [dict(kind="direct", speaker="委員長", text="報告書の『重大な懸念』という表現は適切だ")],
    ),
    (
        "quote_containing_sentence_ends_is_one_record",
        "市長は「予算は足りない。だが工夫はできる。」と語った。",
        [dict(kind="direct", speaker="市長", text="予算は足りない。だが工夫はできる。")],
    ),
    (
        "medium_relays_another_source",
        "NHKは政府高官の話として「首脳会談は来月になる」と伝えた。",
        [dict(kind="direct", speaker="政府高官", anonymous=True, via="NHK")],
    ),
    (
        "title_as_name_as_term",
        "ベルゴリオ氏は「フランチェスコ1世」として就任する。",
        [dict(kind="term")],
    ),
    (
        "claim_belongs_to_its_owner_not_to_who_rejects_it",
        "判決は、三曹の「合意の上だった」との主張を退けた。",
        [dict(kind="direct", speaker="三曹", cue="主張")],
    ),
    (
        "criticism_belongs_to_its_owner_not_to_who_answers_it",
        "首相は野党の「説明が足りない」との批判に反論した。",
        [dict(kind="direct", speaker="野党", cue="批判")],
    ),
    (
        "a_view_put_out_by_the_subject_stays_the_subjects",
        "山田氏は「合意する」との考えを示した。",
        [dict(kind="direct", speaker="山田氏", cue="考えを示した")],
    ),
    (
        "niyoreba_frame_source_says_the_bracketed_words",
        "球団関係者によれば、「引退を決断した」と説明する。",
        [dict(kind="direct", speaker="球団関係者", anonymous=True, cue="説明する")],
    ),
    (
        "medium_frame_around_bracketed_words_names_no_speaker_and_no_broken_clause",
        "毎日新聞によると、「準備はできている」と話しているという。",
        [dict(kind="direct", speaker=None, cue="話している")],
    ),
    (
        "frame_clause_that_opens_with_a_bracket_keeps_it",
        "共同通信によると、「停戦」は実現しなかった。",
        [dict(kind="indirect", speaker="共同通信", text="「停戦」は実現しなかった"), dict(kind="term")],
    ),
    (
        "the_answer_to_a_question_is_not_the_askers",
        "一ノ瀬廉はトーク番組に出演した。有馬が「なぜ辞めなかった？」と重ねて聞くと、「自分を許せないと思った」と答えた。",
        [dict(kind="direct", speaker="有馬"), dict(kind="direct", speaker="一ノ瀬廉", cue="答えた")],
    ),
    (
        "a_question_with_a_conditional_to_is_no_reported_clause",
        "蒔田陽平が「その自転車、まだ持ってるの？」と突っ込むと、一ノ瀬は「実家で眠ってます」と返した。",
        [dict(kind="direct", speaker="蒔田陽平"), dict(kind="direct", speaker="一ノ瀬", cue="返した")],
    ),
    (
        "a_works_title_inside_reported_speech_stays_a_term",
        "一ノ瀬は、舞台「月を拾う人」のオーディション会場に自転車で駆けつけたと明かした。",
        [dict(kind="indirect", speaker="一ノ瀬", cue="明かした"), dict(kind="term")],
    ),
    (
        "a_name_after_the_noun_it_names_inside_reported_speech_stays_a_term",
        "機構は5日、探査機「はくよう」が採取した試料が回収されたと発表した。",
        [dict(kind="indirect", speaker="機構", cue="発表した"), dict(kind="term")],
    ),
    (
        "a_surname_the_dictionary_reads_as_a_place_after_to_ends_on_the_speaker",
        "最後は「明日も勝って、金沢をもっと盛り上げます」と久我山。",
        [dict(kind="direct", speaker="久我山")],
    ),
    (
        "noun_ni_suru_cue_is_one_expression",
        "山田氏は「勝つ」と決意を口にした。",
        [dict(kind="direct", speaker="山田氏", cue="口にした")],
    ),
    (
        "the_reporting_verb_right_after_to_is_the_cue",
        "朝比奈は同日夜、SNSで報告した。「少しだけ待っていてください」とつづり、投稿には5万件の「いいね」が寄せられた。",
        [dict(kind="direct", speaker="朝比奈", cue="つづり"), dict(kind="term")],
    ),
    (
        "an_events_title_in_a_koto_clause_stays_a_term",
        "事務所は「判断です」と説明し、全国ツアー「ひかりの轍」の残り5公演を中止することも明らかにした。",
        [dict(kind="direct", speaker="事務所"), dict(kind="indirect", speaker="事務所"), dict(kind="term")],
    ),
    (
        "a_subject_the_parser_hangs_on_the_quotation_speaks",
        "全ての回答者が「韓国」と答えた。",
        [dict(kind="direct", speaker="回答者", cue="答えた")],
    ),
    ("a_place_after_to_is_no_speaker", "「行きたい」と大阪。", [dict(kind="term")]),
    (
        "definition_with_towa_is_term",
        "「控除期間」とは初日から末日までを指す。",
        [dict(kind="term")],
    ),
]


@pytest.mark.parametrize("name,sentence,expected", ROWS, ids=[r[0] for r in ROWS])
def test_sentence_pattern(
    extractor: quotes.Extractor, name: str, sentence: str, expected: list[dict[str, Any]]
) -> None:
    records = extractor.extract(sentence)
    assert len(records) == len(expected), [(r.kind, r.text) for r in records]
    groups: dict[str, set[int | None]] = {}
    for record, want in zip(records, expected, strict=True):
        assert record.kind == want["kind"], record
        if "text" in want:
            assert record.text == want["text"]
        if want["kind"] == "term":
            assert record.speaker is None
            continue
        if want["speaker"] is None:
            assert record.speaker is None, record
            continue
        assert record.speaker is not None, record
        assert want["speaker"] in (record.speaker.name, record.speaker.text), record.speaker
        for field in ("title", "honorific", "reading", "anonymous"):
            if field in want:
                assert getattr(record.speaker, field) == want[field], (field, record.speaker)
        if "affiliation" in want:
            got = record.affiliation.text if record.affiliation else None
            assert got == want["affiliation"], record.affiliation
        if want.get("cue", E) is not E:
            assert record.cue is not None and record.cue.text == want["cue"], record.cue
        if "via" in want:
            got = record.via.text if record.via else None
            assert got == want["via"], record.via
        if "group" in want:
            groups.setdefault(want["group"], set()).add(record.group)
    for label, ids in groups.items():
        assert len(ids) == 1 and None not in ids, (label, ids)


def test_separate_utterances_get_separate_groups(extractor: quotes.Extractor) -> None:
    text = "山田氏は「賛成だ」と述べた。一方、川口氏は「反対だ」と語った。"
    first, second = extractor.extract(text)
    assert first.group != second.group


def test_sentence_without_quotation_yields_nothing(extractor: quotes.Extractor) -> None:
    assert extractor.extract("政府は来年度予算案を閣議決定した。") == []


def test_cue_lemma_is_dictionary_form(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("担当者は「調査中だ」と説明した。")
    assert record.cue is not None and record.cue.lemma == "説明する"


def test_speaker_offsets_point_at_the_mention(extractor: quotes.Extractor) -> None:
    text = "国連の報道官は「深く憂慮している」と述べた。"
    (record,) = extractor.extract(text)
    assert record.speaker is not None
    # a post with no name is named with the body it is of
    assert text[record.speaker.start : record.speaker.end] == record.speaker.text == "国連の報道官"
    assert record.affiliation is not None and record.affiliation.text == "国連"


def test_quote_with_no_speaker_is_speech_without_a_speaker(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("「早く帰りたい」という声が避難所で聞かれた。")
    assert record.kind == "direct"
    assert record.speaker is None
    (said,) = extractor.extract("山田氏は「早く帰りたい」と述べた。")
    assert record.confidence < said.confidence


def test_topic_that_cannot_speak_is_not_the_speaker(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("ニコチンは医薬品以外では使用が禁じられており、「問題がある」と指摘。")
    assert record.kind == "direct" and record.speaker is None


def test_topic_that_can_speak_is_the_speaker(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("キーティング大将は記者会見を開き、報道について「事実無根だ」と否定した。")
    assert record.speaker is not None and record.speaker.name == "キーティング"


def test_standalone_quote_then_kou_nobeta(extractor: quotes.Extractor) -> None:
    text = "「景気は回復基調にある」。日銀の植田和男総裁は記者会見でこう述べた。"
    (record,) = extractor.extract(text)
    assert record.kind == "direct" and record.cue is not None and record.cue.text == "述べた"
    assert record.speaker is not None and record.speaker.name == "植田和男"
    assert record.affiliation is not None and record.affiliation.text == "日銀"


def test_tsugi_no_youni_then_standalone_quote(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("植田総裁は次のように語った。「物価の安定が最優先だ。」")
    assert record.kind == "direct" and record.speaker is not None and record.speaker.name == "植田"


def test_standalone_quote_without_pointing_cue_stays_a_term(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("「景気は回復基調にある」。天気は晴れだった。")
    assert record.kind == "term" and record.speaker is None


def test_standalone_quote_then_speech_verb_with_nothing_of_its_own(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("「絶対に許さない」。被害者の母親は涙ながらに語った。")
    assert (
        record.kind == "direct" and record.speaker is not None and record.speaker.text == "被害者の母親"
    )  # its description kept
    assert record.affiliation is None  # 被害者 is no organisation


def test_voices_from_a_group_are_attributed_to_it(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("市民からは「早く元の生活に戻りたい」との声が上がった。")
    assert record.speaker is not None and record.speaker.text == "市民"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        ("同社は、広報担当者が「事実関係を確認中だ」と話した。", "同社"),
        ("トヨタ自動車の本社は、社員とみられる男性が「答えられない」と話した。", "トヨタ自動車の本社"),
        ("日本医師会もある幹部が「驚いている」と述べた。", "日本医師会"),
    ],
    ids=["topic_then_spokesperson", "topic_across_a_clause", "mo_aru_misread_as_a_verb"],
)
def test_unnamed_speakers_organisation_written_as_the_topic(
    extractor: quotes.Extractor, text: str, affiliation: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name is None
    assert record.affiliation is not None and record.affiliation.text == affiliation
    assert text[record.affiliation.start : record.affiliation.end] == affiliation


@pytest.mark.parametrize(
    "text",
    [
        "田中氏は、秘書が「本人は不在だ」と話した。",  # a person is no organisation
        "事件の現場では、近所の男性が「怖い」と話した。",  # a place, and 近所 only ends like 研究所
        "日本航空は、乗客の男性が「機内で異臭がした」と証言した。",  # a passenger is no staff
        "警察もある男性が「不審な車を見た」と話した。",  # nor is a man
    ],
)
def test_topic_that_is_no_organisation_gives_no_affiliation(extractor: quotes.Extractor, text: str) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.affiliation is None


@pytest.mark.parametrize(
    "text,via",
    [
        ("首相は新体制による改革について「必ず実現する」と述べた。", None),  # による: by means of
        ("増税することに対し、野党は「反対だ」と反論した。", None),  # ことに対し: no addressee
        ("時事通信が紹介したところによると、首相は「辞任しない」と述べた。", "時事通信"),
    ],
    ids=["niyoru_by_means_of", "koto_ni_taishi", "tokoro_ni_yoruto_teller"],
)
def test_via_is_a_medium_or_teller_never_a_formal_noun(
    extractor: quotes.Extractor, text: str, via: str | None
) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None
    assert (record.via.text if record.via is not None else None) == via


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "逮捕されたのは、東京都に住む会社員の山田太郎容疑者(42)で、「やっていない」と容疑を否認している。",
            "山田太郎",
        ),
        ("優勝したのは鈴木選手で、「最高の気分です」と笑顔で語った。", "鈴木"),
    ],
    ids=["arrested_suspect", "winner"],
)
def test_the_person_a_cleft_puts_in_focus_speaks(extractor: quotes.Extractor, text: str, name: str) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == name


def test_a_place_with_de_is_no_cleft_focus(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("記者会見で、「必ず勝つ」と語った。")
    assert record.speaker is None


@pytest.mark.parametrize(
    "text,speaker,cue",
    [
        ("青瓦台は、全ての軍に対し、「非常体制を取るように」命令を出した。", "青瓦台", "命令を出した"),
        ("政府は関係省庁に「万全の対策を取るように」指示を出した。", "政府", "指示を出した"),
    ],
)
def test_quotation_written_onto_a_speech_noun_is_what_was_said(
    extractor: quotes.Extractor, text: str, speaker: str, cue: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.kind == "direct"
    assert record.speaker is not None and record.speaker.text == speaker
    assert record.cue is not None and record.cue.text == cue


def test_quotation_naming_a_remark_stays_a_term(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("「辞任すべき」発言で批判を浴びた。")
    assert record.kind == "term"


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("木村会長は「制度を見直すべきだ」という自らの見解を明らかにした。", "木村会長"),
        ("山本教授は「規制は早すぎる」との従来の主張を繰り返した。", "山本教授"),
        ("田村議員は「説明が足りない」という党の見解を示した。", "田村議員"),
    ],
    ids=["jibun_no_kenkai", "juurai_no_shuchou", "tou_no_kenkai"],
)
def test_quotation_filling_a_speech_noun_behind_a_modifier_is_said(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.kind == "direct"
    assert record.speaker is not None and record.speaker.text == speaker


def test_quotation_before_a_modified_noun_that_is_no_speech_stays_a_term(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("「春の訪れ」という町の名物を紹介した。")
    assert record.kind == "term"


@pytest.mark.parametrize(
    "text,name,title,affiliation",
    [
        ("植田和男日銀総裁は「物価は上がる」と述べた。", "植田和男", "日銀総裁", "日銀"),
        ("小池百合子東京都知事は「対策を急ぐ」と述べた。", "小池百合子", "東京都知事", "東京都"),
        ("ブリンケン米国務長官は「同盟は強固だ」と述べた。", "ブリンケン", "米国務長官", "米国務"),
        ("山田太郎・民主党代表は「政権を取る」と述べた。", "山田太郎", "民主党代表", "民主党"),
        ("林芳正官房長官は「遺憾だ」と述べた。", "林芳正", "官房長官", None),
        ("加藤鮎子こども政策相は「支援する」と述べた。", "加藤鮎子", "こども政策相", None),
    ],
    ids=[
        "known_org_before_title",
        "two_word_org",
        "country_and_department_before_title",
        "post_set_off_with_a_dot",
        "title_of_its_own",
        "minister",
    ],
)
def test_name_organisation_and_title_written_together_come_apart(
    extractor: quotes.Extractor, text: str, name: str, title: str, affiliation: str | None
) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None
    assert (record.speaker.name, record.speaker.title) == (name, title)
    assert (record.affiliation.text if record.affiliation else None) == affiliation


@pytest.mark.parametrize(
    "text,via",
    [
        ("元選手の男性は共同通信の取材に応じ、「怖かった」と証言した。", "共同通信"),
        ("三部敏宏社長は読売新聞の取材に対し「挑戦を続ける」と語った。", "読売新聞"),
        ("山田太郎氏は朝日新聞のインタビューで「反省している」と語った。", "朝日新聞"),
        ("警察によると、男は調べに対し「金に困っていた」と供述しているという。", "警察"),
        ("田中容疑者は調べに対し「覚えていない」と供述している。", None),
        ("男性は取材に対し「驚いた」と話した。", None),
        ("尹大統領は「断固対応する」と述べた。聯合ニュースが伝えた。", "聯合ニュース"),
    ],
    ids=["interview_accepted", "interview_on_the_quote", "interview_in", "questioning_is_no_medium",
         "questioning_alone", "interview_by_no_one_named", "sign_off_sentence"],
)  # fmt: skip
def test_the_medium_that_relayed_the_words(extractor: quotes.Extractor, text: str, via: str | None) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None
    assert (record.via.text if record.via is not None else None) == via
    if record.via is not None:
        assert text[record.via.start : record.via.end] == via


@pytest.mark.parametrize(
    "text,name,anonymous,affiliation",
    [
        ("坂本義男さん(68)は「怖い」と話した。", "坂本義男", False, None),
        ("近くに住む主婦(45)は「驚いた」と話した。", None, True, None),
        ("アルバイトの佐藤大輔さんは「疲れた」と話した。", "佐藤大輔", False, None),
        (
            "無職田村誠被告(52)の初公判が開かれた。田村被告は「間違いありません」と述べた。",
            "田村誠",
            False,
            None,
        ),
    ],
    ids=["given_name_ending_in_otoko", "role_word", "occupation_is_no_affiliation", "occupation_before_name"],
)
def test_people_named_by_role_or_occupation(
    extractor: quotes.Extractor, text: str, name: str | None, anonymous: bool, affiliation: str | None
) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None
    assert (record.speaker.name, record.speaker.anonymous) == (name, anonymous)
    assert (record.affiliation.text if record.affiliation else None) == affiliation


@pytest.mark.parametrize(
    "text,name",
    [
        ("田中花子さんが会見し、「悔しい」と話した。", "田中花子"),
        ("「最初は不安しかなかった」と語るのは、元会社員の藤井大地さん(33)。", "藤井大地"),
        ("「楽しかった」。そう話すのは、会社員の田中花子さん(34)だ。", "田中花子"),
        ("「本当に楽しかった」と話す田中花子さん(34)。", "田中花子"),
        ("「本当に楽しかった」と田中花子さん(34)。", "田中花子"),
    ],
    ids=[
        "subject_of_the_clause_before",
        "cue_inside_noha",
        "pointing_cue_inside_noha",
        "sentence_is_the_person",
        "no_verb_at_all",
    ],
)
def test_speaker_written_after_or_around_the_quotation(
    extractor: quotes.Extractor, text: str, name: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.kind == "direct" and record.speaker is not None and record.speaker.name == name


def test_a_noun_the_quotation_fills_is_still_no_speaker(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("会場では「素晴らしい」という声が聞かれた。")
    assert record.speaker is None


def test_a_title_set_before_the_name_with_a_comma_is_the_persons(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("NPO法人の代表、石川健太さんは「頑張る」と話した。")
    assert record.speaker is not None and record.speaker.name == "石川健太"
    assert record.speaker.title == "代表"
    assert record.affiliation is not None and record.affiliation.text == "NPO法人"


@pytest.mark.parametrize(
    "text,affiliation",
    [
        # the parser hangs 主将 on the surname, not on the head of the name
        ("浦和の主将、MF円城寺大地(31)は「勝った」と話した。", "浦和"),
        ("決勝点を許した東京のDF柏木隼人(27)は「悔しい」とうなだれた。", "東京"),
        ("仙台の監督は「よく粘った」と話した。", "仙台"),
        ("東京の会社員の男性は「驚いた」と話した。", None),  # no post in a team: where he is from
    ],
    ids=["apposed_post_on_a_name_part", "town_and_position", "town_and_team_title", "town_and_no_post"],
)
def test_a_club_written_by_its_town_is_the_affiliation_of_its_posts(
    extractor: quotes.Extractor, text: str, affiliation: str | None
) -> None:
    (record,) = extractor.extract(text)
    assert (record.affiliation.text if record.affiliation else None) == affiliation


@pytest.mark.parametrize(
    "text,words,speaker",
    [
        ("県警は、無職、山本健一容疑者(45)を逮捕した。調べに対し「金に困っていた」と容疑を認めている。",
         "金に困っていた", "山本健一容疑者"),
        ("警視庁は、自称会社員の男（34）を殺人未遂の疑いで逮捕した。調べに対し「殺すつもりはなかった」と容疑を一部否認しているという。",
         "殺すつもりはなかった", "男"),
        ("県警は、同市の会社員の男（52）を酒気帯び運転の疑いで現行犯逮捕した。「酒は抜けていると思った」と供述しているという。",
         "酒は抜けていると思った", "男"),
        ("大阪府警は10日、無職の田村一郎容疑者を窃盗の疑いで逮捕した。府警によると、調べに対し「生活費に困っていた」と話している。",
         "生活費に困っていた", "田村一郎容疑者"),
        ("北署は、元社員の女を業務上横領の疑いで書類送検した。同署によると、女は容疑を認めており、借金の返済に充てたと供述している。",
         "借金の返済に充てた", "女"),
        ("2日、窃盗の疑いで男子高校生が補導された。同署の調べに対し「友達に誘われた」と話しているという。",
         "友達に誘われた", "男子高校生"),
        # the words of others, or nobody questioned: the rules before keep them
        ("警視庁は、会社員の男を逮捕した。同署の副署長は「再発防止に努める」と述べた。",
         "再発防止に努める", "副署長"),
        ("警視庁は、会社員の男を逮捕した。調べに対し、男の妻は「何も知らなかった」と話している。",
         "何も知らなかった", "妻"),
        ("県警は、会社員の男を逮捕した。県警によると、「現場に凶器が残されていた」という。",
         "現場に凶器が残されていた", "県警"),
        ("県警は15日、市内の無職の男（45）を逮捕した。逮捕容疑は店で商品を盗んだ疑い。"
         "調べに対し「金がなかった」と容疑を認めている。", "金がなかった", "男"),
        ("警視庁は男の身柄を拘束した。調べに対し「覚えていない」と話している。", "覚えていない", "男"),
        ("防衛省は報道について会見を開いた。「そのような事実はない」と否認した。",
         "そのような事実はない", "防衛省"),
    ],
    ids=["titled_suspect", "arrested_man", "arrested_parse_hangs_him_on_a_noun", "inside_the_police_frame",
         "reported_speech", "passive_custody", "officer_named", "someone_else_questioned",
         "no_questioning_in_the_words", "arrest_two_sentences_before", "the_person_in_custody",
         "a_denial_is_no_answer_to_questioning"],
)  # fmt: skip
def test_what_is_said_to_questioning_is_said_by_the_one_taken_in(
    extractor: quotes.Extractor, text: str, words: str, speaker: str | None
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.text == words]
    got = record.speaker.text if record.speaker is not None else None
    assert got == speaker or (speaker is not None and got is not None and speaker in got)
    if record.speaker is not None:
        assert text[record.speaker.start : record.speaker.end] == record.speaker.text


@pytest.mark.parametrize(
    "text,name,title,affiliation",
    [
        (
            "韓国開発研究院の鄭奎澈(チョン・ギュチョル)経済見通し室長は「厳しい」と述べた。",
            "鄭奎澈",
            "経済見通し室長",
            "韓国開発研究院",
        ),
        ("李昌鏞(イ・チャンヨン)韓銀総裁は「注視する」と述べた。", "李昌鏞", "韓銀総裁", "韓銀"),
        (
            "世宗研究所のキム・ハンナ責任研究委員は「懸念がある」と述べた。",
            "キム・ハンナ",
            "責任研究委員",
            "世宗研究所",
        ),
        (
            "キム・ウヒョン最高財務責任者(CFO)は「回復する」と述べた。",
            "キム・ウヒョン",
            "最高財務責任者",
            None,
        ),
        ("大統領室関係者は「検討中だ」と述べた。", None, None, "大統領室"),
        ("サムスン電子関係者は「検討中だ」と述べた。", None, None, "サムスン電子"),
    ],
    ids=[
        "reading_closes_the_name",
        "reading_then_org_title",
        "korean_think_tank_title",
        "executive_title",
        "office_then_unnamed_source",
        "company_then_unnamed_source",
    ],
)
def test_korean_edition_speakers_come_apart(
    extractor: quotes.Extractor, text: str, name: str | None, title: str | None, affiliation: str | None
) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None
    assert (record.speaker.name, record.speaker.title) == (name, title)
    assert (record.affiliation.text if record.affiliation else None) == affiliation


@pytest.mark.parametrize(
    "text,name,title",
    [
        (
            "世宗研究所の陳昌洙(チン・チャンス)日本研究センター長は「遺憾だ」と話した。",
            "陳昌洙",
            "日本研究センター長",
        ),
        (
            "サムスン電子の全永鉉(チョン・ヨンヒョン)DS部門長は「心配をおかけした」と述べた。",
            "全永鉉",
            "DS部門長",
        ),
    ],
    ids=["post_after_a_reading", "division_head_after_a_reading"],
)
def test_posts_the_title_list_does_not_hold(
    extractor: quotes.Extractor, text: str, name: str, title: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and (record.speaker.name, record.speaker.title) == (name, title)


def test_a_question_about_something_is_no_medium(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract(
        "ペスコフ報道官は北朝鮮軍の参戦に関する質問に対し「コメントはない」と答えた。"
    )
    assert record.speaker is not None and record.via is None


def test_a_quotation_after_a_sentence_about_someone_is_theirs(extractor: quotes.Extractor) -> None:
    text = (
        "市教育委員会の森田浩二教育長は会見で、いじめの事実を認めて謝罪した。「対応は不十分だった」と述べた。"
    )
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "森田浩二"
    (read,) = extractor.extract("市教育委員会の森田浩二教育長は会見で「対応は不十分だった」と述べた。")
    assert record.confidence < read.confidence  # carried over, not read in the sentence


def test_no_one_to_continue_from_leaves_no_speaker(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("天気は晴れだった。「楽しかった」と話した。")
    assert record.speaker is None


@pytest.mark.parametrize(
    "text,via",
    [
        ("高橋さんは所属事務所を通じて「申し訳ありません」とコメントした。", "所属事務所"),
        ("大谷翔平選手は、試合後のインタビューで「うれしい」と話した。", None),
    ],
    ids=["through_the_agency", "an_interview_after_the_game_names_no_medium"],
)
def test_who_relayed_the_words(extractor: quotes.Extractor, text: str, via: str | None) -> None:
    (record,) = extractor.extract(text)
    assert (record.via.text if record.via is not None else None) == via


@pytest.mark.parametrize(
    "text,speaker,via",
    [
        (
            "ペスコフ報道官は記者団に対し、条約は「第三国を狙ったものではない」と強調した。",
            "ペスコフ報道官",
            None,
        ),
        ("外交部は報道資料を通じて「参加しないことにした」と明らかにした。", "外交部", None),
        ("一審は「有罪だ」とし、二審は「無罪だ」とした。", "二審", None),
    ],
    ids=["what_the_words_are_about_is_no_speaker", "a_press_release_is_no_medium", "court_instance_speaks"],
)
def test_topics_and_documents_around_a_quotation(
    extractor: quotes.Extractor, text: str, speaker: str, via: str | None
) -> None:
    record = extractor.extract(text)[-1]
    assert record.speaker is not None and record.speaker.text == speaker
    assert (record.via.text if record.via is not None else None) == via


def test_a_source_named_after_the_quotation_that_the_parser_hung_it_on_speaks(
    extractor: quotes.Extractor,
) -> None:
    records = extractor.extract(
        "「もう18年続いてる」と浜岡が笑うと、小松原は「契約書を作ればよかった」とぼやいた。"
    )
    speakers = {r.text: r.speaker.text if r.speaker else None for r in records}
    assert speakers == {"もう18年続いてる": "浜岡", "契約書を作ればよかった": "小松原"}


def test_a_voice_noun_after_the_quotation_is_no_speaker(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("「危ない」という声が上がった。")
    assert record.speaker is None


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("ユスフ氏は、首相が「辞めるべきだ」と述べた。", "ユスフ氏"),
        ("自民党の役員会では、二階総務会長が「説明してほしい」と求めた。", "二階総務会長"),
    ],
    ids=["topic_over_the_words_own_subject", "not_a_setting_with_dewa"],
)
def test_a_topic_speaks_words_about_a_ga_subject_hung_on_the_cue(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.kind == "direct"]
    assert record.speaker is not None and record.speaker.text == speaker


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("調査では「わからない」と答えた人の割合は13%だった。", "人"),
        ("警察は「金が欲しかった」と話した男性から事情を聴いている。", "男性"),
        ("野党は「改革を進める」と語った首相を批判した。", "首相"),
        ("市は「もう限界だ」と訴える住民の声に耳を傾けた。", "住民"),
    ],
    ids=["person_in_a_share", "topic_outside_the_relative_clause", "person_as_object", "person_before_no"],
)
def test_the_person_a_speech_clause_describes_speaks(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.kind == "direct" and record.speaker is not None and record.speaker.text == speaker


def test_a_thing_a_speech_clause_describes_leaves_the_main_verb_the_cue(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("佐藤選手は「日本一になる」と誓った日々を振り返った。")
    assert record.speaker is not None and record.speaker.name == "佐藤"
    assert record.cue is not None and record.cue.text == "振り返った"


def test_the_person_a_passive_clause_describes_does_not_speak(extractor: quotes.Extractor) -> None:
    records = extractor.extract("監督は「辞めろ」と言われた選手をかばった。")
    assert all(r.speaker is None or r.speaker.text != "選手" for r in records)


@pytest.mark.parametrize(
    "text",
    [
        "全ての回答者が「韓国」または「コリア」と答えた。",
        "多くの人が「賛成」あるいは「反対」と答えた。",
        "ファンは「最高」や「泣いた」と絶賛した。",
        "田中さんは「嬉しい」、「楽しい」と話した。",
    ],
    ids=["mataha", "aruiha", "ya", "comma"],
)
def test_quotations_joined_as_alternatives_share_speaker_and_cue(
    extractor: quotes.Extractor, text: str
) -> None:
    first, second = extractor.extract(text)
    assert first.kind == second.kind == "direct"
    assert first.speaker is not None and second.speaker is not None
    assert first.speaker.text == second.speaker.text
    assert first.cue is not None and second.cue is not None and first.cue.text == second.cue.text


def test_quotations_joined_by_a_word_that_is_no_coordinator_stay_apart(extractor: quotes.Extractor) -> None:
    first, _ = extractor.extract("映画「七人の侍」を見た田中さんは「感動した」と話した。")
    assert first.kind == "term"


@pytest.mark.parametrize(
    "text,cue",
    [
        ("田中氏は「オファーもあった」ことを明かした。", "明かした"),
        ("監督は「練習が足りなかった」ことを認めた。", "認めた"),
    ],
    ids=["akashita", "mitometa"],
)
def test_a_quotation_told_as_a_fact_is_said_by_the_teller(
    extractor: quotes.Extractor, text: str, cue: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.kind == "direct" and record.speaker is not None and record.rule == "koto"
    assert record.cue is not None and record.cue.text == cue


def test_a_quotation_felt_as_a_fact_stays_a_term(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("田中氏は「オファーもあった」ことを喜んだ。")
    assert record.kind == "term"
