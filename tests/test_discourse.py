"""Speakers carried through the discourse: a cue with no subject of its own is said by the
source the text is about, never across a new named subject, and by no one when none is."""

from __future__ import annotations

import pytest

import quotes


def _last(records: list[quotes.Quotation]) -> quotes.Quotation:
    return [r for r in records if r.kind != "term" or r.cue is not None][-1]


@pytest.mark.parametrize(
    "text,speaker",
    [
        # the subject of a sentence that holds no speech
        ("佐藤健太選手が試合後、取材に応じた。「最高の気分です」と話した。", "佐藤健太"),
        # a sentence about something else between them
        ("山田太郎市長は会見を開いた。市の財政は厳しい。「改革を急ぐ」と強調した。", "山田太郎"),
        # a new named subject takes over
        ("佐藤健太選手が取材に応じた。一方、鈴木一郎監督は会見した。「課題が見えた」と話した。", "鈴木一郎"),
        # a medium framing a sentence does not speak on: the person the frame is about does
        (
            "毎日新聞によると、西平良将氏は1年前から運動を開始した。その後、立候補を表明した。"
            "「甘かった」と振り返った。",
            "西平良将",
        ),
        # reported speech with no source continues the source too
        ("トヨタ自動車は決算を発表した。来期も増益を見込むとしている。", "トヨタ自動車"),
        # an unnamed person the report is about is no new source
        (
            "同高校によると、3年生の生徒が1年生を殴ったという。3年生の生徒は今大会では正捕手として"
            "出場し続けていた。暴力の理由は喫煙だとしている。",
            "同高校",
        ),
        # unless the sentence gives them an occasion to speak
        (
            "警察によると、事故は午後3時ごろ起きた。近くに住む女性が取材に応じた。「大きな音がした」と話した。",
            "女性",
        ),
        # a person only present does not take over from the one who just spoke
        (
            "佐藤健太選手は取材に応じ「最高です」と話した。ベンチには鈴木一郎投手がいた。「次も打つ」と振り返った。",
            "佐藤健太",
        ),
        # one who answers back does
        (
            "佐藤健太選手は「勝った」と話した。これに対し鈴木一郎監督が反論した。「まだ甘い」と述べた。",
            "鈴木一郎",
        ),
        # the noun the words fill is no topic that speaks
        (
            "山田太郎監督は「よく打った」と話した。終盤の場面については「判断ミスだった」と反省も口にした。",
            "山田太郎",
        ),
        # nor is the noun the words fill when the parser makes it the cue's subject
        ("桐生颯真は「支えたい」と語った。「芝居に向き合っていきます」と決意ものぞかせた。", "桐生颯真"),
    ],
    ids=[
        "subject_without_speech",
        "across_a_sentence",
        "new_subject",
        "not_the_framing_medium",
        "reported",
        "unnamed_person_reported_on",
        "unnamed_person_interviewed",
        "one_only_present_does_not_take_over",
        "one_who_answers_back_does",
        "the_noun_the_words_fill_is_no_topic",
        "the_noun_the_words_fill_is_no_subject",
    ],
)
def test_a_cue_without_subject_is_said_by_the_source_the_text_is_about(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    record = _last(extractor.extract(text))
    assert record.speaker is not None
    assert (record.speaker.name or record.speaker.text) == speaker
    assert text[record.speaker.start : record.speaker.end] == record.speaker.text


@pytest.mark.parametrize(
    "text,speaker",
    [
        # 浜辺 alone is "beach" to the dictionary; written before a given name it is a surname
        (
            "千葉は前半に先制を許したが、後半に途中出場の浜辺大輝(22)が決勝点を奪った。"
            "浜辺は試合後、取材に応じた。「最高の気分です」と話した。",
            "浜辺大輝",
        ),
        ("MCの岸辺大吾(41)が質問した。岸辺から「決め手は？」と振られた。", "岸辺大吾"),
    ],
    ids=["topic_of_an_interview", "agent_of_a_passive_cue"],
)
def test_a_surname_the_dictionary_reads_as_a_word_is_the_person_named_before(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    record = _last(extractor.extract(text))
    assert record.speaker is not None and record.speaker.name == speaker


@pytest.mark.parametrize(
    "text,asker,answerer",
    [
        (
            "女優の田中花子がゲスト出演した。司会の岬大輝が「決め手は？」と聞くと、「料理です」と照れ笑いを浮かべた。",
            "岬大輝",
            "田中花子",
        ),
        (
            "女優の田中花子がゲスト出演した。司会の岬大輝から「決め手は？」と問われると、「料理です」と答えた。",
            "岬大輝",
            "田中花子",
        ),
        (
            "MCの岸辺大吾(41)が質問した。岸辺から「決め手は？」と振られると、「料理です」と答えた。",
            "岸辺大吾",
            None,  # no one else is named: the answer has no speaker, not the asker's
        ),
    ],
    ids=["ga_subject_asks", "kara_agent_asks", "asker_by_surname_does_not_answer"],
)
def test_who_asks_in_a_conditional_clause_is_not_who_answers(
    extractor: quotes.Extractor, text: str, asker: str, answerer: str | None
) -> None:
    question, answer = extractor.extract(text)
    assert question.speaker is not None and question.speaker.name == asker
    assert (answer.speaker.name if answer.speaker else None) == answerer


@pytest.mark.parametrize(
    "text",
    ["鈴木一郎さんが帰国し、「ほっとした」と語った。", "鈴木一郎さんは帰国すると、「ほっとした」と語った。"],
    ids=["te_form_clause", "topic_over_a_conditional"],
)
def test_a_clause_before_the_cue_shares_its_subject_unless_it_hands_over(
    extractor: quotes.Extractor, text: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.speaker.name == "鈴木一郎"


@pytest.mark.parametrize(
    "text",
    [
        "会場は熱気に包まれた。「最高だった」と話した。",  # a place is no source
        "山田太郎市長は会見を開いた。市の財政は厳しい。税収も減った。人口も減った。「改革を急ぐ」と強調した。",
    ],
    ids=["nothing_qualifies", "too_far_back"],
)
def test_no_speaker_where_no_source_qualifies(extractor: quotes.Extractor, text: str) -> None:
    record = _last(extractor.extract(text))
    assert record.speaker is None


def test_a_relay_names_the_inner_source_and_the_outlet_is_the_via(extractor: quotes.Extractor) -> None:
    text = "番組は、ドラマの関係者の話として、撮影スケジュールへの影響はないと伝えた。"
    (record,) = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert record.speaker is not None and record.speaker.text.endswith("関係者")
    assert record.via is not None and record.via.text == "番組"
    # the cue is the verb that reports, as for 「…」と伝えた
    assert record.cue is not None and record.cue.text == "伝えた"


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("朝鮮中央通信は13日、金明浩総書記が「代価を必ず払わせる」と述べたと報じた。", "金明浩総書記"),
        # the one the clause names, though the parser hung them on an earlier verb
        ("AP通信は、山田太郎氏が発射を視察し、「代価を払わせる」と述べたと報じた。", "山田太郎氏"),
    ],
    ids=["inner_subject", "inner_subject_of_an_earlier_verb"],
)
def test_words_inside_a_medium_s_report_are_the_inner_source_s_relayed_by_it(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.kind == "direct"]
    assert record.speaker is not None and record.speaker.text == speaker
    report = next(r for r in extractor.extract(text) if r.kind == "indirect").speaker
    assert report is not None
    assert record.via is not None and record.via.text == report.text
    assert record.affiliation is None  # the medium is not the speaker's organisation


@pytest.mark.parametrize(
    "text,clause,speaker",
    [
        (
            "橋下徹知事は空港の廃止を訴えた。また、対策室を戦略室に改めることも表明した。",
            "対策室を戦略室に改める",
            "橋下徹",
        ),
        (
            "JR東海の山田佳臣社長は会見で、記念イベントを計画していることを明らかにした。",
            "記念イベントを計画している",
            "山田佳臣",
        ),
        ("佐々木主浩投手は今季限りで引退する旨を球団に伝えた。", "今季限りで引退する", "佐々木主浩"),
    ],
    ids=["koto_mo_without_source", "te_iru_koto", "mune"],
)
def test_a_nominalised_clause_is_reported_speech(
    extractor: quotes.Extractor, text: str, clause: str, speaker: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert clause in record.text and record.speaker is not None
    assert (record.speaker.name or record.speaker.text) == speaker


@pytest.mark.parametrize(
    "text,speaker",
    [
        (
            "バイエルン州のクラウス・ハルトマン首相は、街並みを前に言葉を詰まらせた。「もう想定外とは言えない」。",
            "クラウス・ハルトマン首相",
        ),
        ("先制点を挙げた宇佐見は、しばらくピッチに座り込んでいた。「自分たちで苦しくした」。", "宇佐見"),
        ("試合は雨で中止になった。「残念だ」。", None),
        ("真壁玲子コーチは、リンクサイドで何度も涙をぬぐった。「自分たちで苦しくした」。", "真壁玲子コーチ"),
        ("緑風党は臨時大会を開いた。「残念だ」。", None),
        ("山田首相は被災地を視察した。「もう想定外とは言えない」。田中知事はこう語った。", "田中知事"),
        (
            "黒田投手は同日、引退を表明した。印象に残った試合を問われると、完封勝利を挙げた。「残念だ」。",
            "黒田投手",
        ),
        ("黒田投手は同日、引退を表明した。試合は雨で中止になった。「残念だ」。", None),
        ("診療所では、長女を連れた母親（31）が不安そうな表情を見せた。「残念だ」。", "母親（31）"),
        (
            "黒田投手は同日、引退を表明した。\n印象に残った試合を問われると、完封勝利を挙げた。「残念だ」。",
            None,
        ),
    ],
    ids=[
        "after_a_person",
        "after_a_bare_surname",
        "after_no_one",
        "topic_over_a_misread_subject",
        "after_an_organisation",
        "a_pointing_cue_wins",
        "past_a_sentence_of_their_acts_naming_no_one",
        "not_past_a_sentence_with_a_subject_of_its_own",
        "after_an_unnamed_person",
        "not_across_a_paragraph",
    ],
)
def test_words_standing_alone_after_the_sentence_about_their_speaker(
    extractor: quotes.Extractor, text: str, speaker: str | None
) -> None:
    record = next(
        r
        for r in extractor.extract(text)
        if r.text in ("もう想定外とは言えない", "自分たちで苦しくした", "残念だ")
    )
    assert (record.speaker.text if record.speaker else None) == speaker


def test_a_medium_the_text_is_about_does_not_say_a_later_quotation(extractor: quotes.Extractor) -> None:
    records = extractor.extract(
        "共同通信社は22日、ボールの持ち主が男子生徒であることを取材で確認した。"
        "ボールが見つかったことに対して「率直にいって驚いた」と述べている。"
    )
    (quotation,) = [r for r in records if r.text == "率直にいって驚いた"]
    assert quotation.speaker is None or "共同通信" not in quotation.speaker.text


def test_a_person_the_text_is_about_still_says_it(extractor: quotes.Extractor) -> None:
    records = extractor.extract("佐藤選手は試合後、取材に応じた。「悔しい」と話した。")
    (quotation,) = [r for r in records if r.text == "悔しい"]
    assert quotation.speaker is not None and quotation.speaker.text == "佐藤選手"


def test_a_relative_at_a_place_is_no_member_of_its_staff(extractor: quotes.Extractor) -> None:
    text = "診療所では、長女を連れた母親（31）が不安そうな表情を見せた。「残念だ」。"
    (record,) = [r for r in extractor.extract(text) if r.text == "残念だ"]
    assert record.speaker is not None and record.affiliation is None


@pytest.mark.parametrize(
    "text,title",
    [
        (
            "同社はホームページに「お詫びとお知らせ」と題する文書を掲載し、出荷を停止したとしている。",
            "お詫びとお知らせ",
        ),
        ("警察によると、少年らは「夜の鬼ごっこ」と称して偽の通報をしたという。", "夜の鬼ごっこ"),
        ("組合は「働き方を変える日」と銘打った集会を開き、賃上げを求めると述べた。", "働き方を変える日"),
    ],
    ids=["daisuru", "shousuru", "meiutsu"],
)
def test_a_bracket_named_by_a_naming_verb_is_a_title_even_inside_reported_speech(
    extractor: quotes.Extractor, text: str, title: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.text == title]
    assert record.kind == "term" and record.speaker is None


def test_words_a_naming_verb_only_begins_like_are_still_speech(extractor: quotes.Extractor) -> None:
    text = "市長は住民に「早めに避難を」と呼びかけたと述べた。"
    (record,) = [r for r in extractor.extract(text) if r.text == "早めに避難を"]
    assert record.kind == "direct" and record.speaker is not None and record.speaker.text == "市長"


def test_a_double_bracket_standing_alone_is_a_headline_not_the_last_speakers_words(
    extractor: quotes.Extractor,
) -> None:
    text = "木下社長は「判断したい」と語った。『菓子会社、期限偽装4年前から』。東西新聞、2007年10月22日。"
    headline = [r for r in extractor.extract(text) if r.text.startswith("菓子会社")]
    assert [(r.kind, r.speaker) for r in headline] == [("term", None)]
    alone = extractor.extract("木下社長は深く頭を下げた。「本当に申し訳ありません」。")
    assert alone[-1].speaker is not None and alone[-1].speaker.text == "木下社長"


@pytest.mark.parametrize(
    "text,speaker",
    [
        # 真白 ("pure white") is a surname: the text gives 真白エマ an age
        (
            "モデルの真白エマ（24）が「物置って？」と食いついた。大門修が「何してるの？」と聞いた。"
            "真白が「お弁当を作ってます」と明かした。",
            "真白",
        ),
        # after a verb's ending (送検された): the name starts after it
        (
            "大門修が「何してるの？」と聞いた。詐欺容疑で送検された真白エマ（24）が「知らない」と話した。"
            "真白が「本当です」と明かした。",
            "真白",
        ),
    ],
    ids=["surname_read_as_a_word", "after_a_verb_ending"],
)
def test_a_name_written_with_an_age_speaks_whatever_the_dictionary_reads(
    extractor: quotes.Extractor, text: str, speaker: str
) -> None:
    record = _last(extractor.extract(text))
    assert record.speaker is not None
    assert (record.speaker.name or record.speaker.text).startswith(speaker)
    assert text[record.speaker.start : record.speaker.end] == record.speaker.text


def test_sentences_with_no_subject_keep_the_source_the_discourse_is_about(
    extractor: quotes.Extractor,
) -> None:
    text = (
        "佐々木主浩投手は、引退することを明らかにしていた。東北の高校を出て、1989年に入団した。"
        "抑えのエースとして活躍し、タイトルを獲得した。2000年から米国でプレーした。"
        "その後、横浜に復帰した。右ひじを手術した。8月3日、球団社長と会談し、引退する旨を伝えた。"
    )
    (record,) = [r for r in extractor.extract(text) if r.cue is not None and r.cue.text == "伝えた"]
    assert record.speaker is not None and record.speaker.name == "佐々木主浩"


def test_a_sentence_with_a_subject_of_its_own_does_not_keep_the_source(extractor: quotes.Extractor) -> None:
    text = (
        "佐々木主浩投手は、引退することを明らかにしていた。雨が降った。球場は静かだった。"
        "観客も少なかった。照明も消えた。8月3日、球団社長と会談し、引退する旨を伝えた。"
    )
    told = [r for r in extractor.extract(text) if r.cue is not None and r.cue.text == "伝えた"]
    assert all(r.speaker is None for r in told)


@pytest.mark.parametrize(
    "text,clause",
    [
        (
            "同高校は、部員が暴力を振るっていたとして、大会への出場を辞退すると明らかにした。",
            "部員が暴力を振るっていたとして、大会への出場を辞退する",
        ),
        (
            "北星フーズは、金属片が混入した恐れがあるとして、約12万本を自主回収すると発表した。",
            "金属片が混入した恐れがあるとして、約12万本を自主回収する",
        ),
        (  # grounds with a topic of their own, which the parser hangs inside the report
            "倉持官房長官は、財源は責任を持って確保するとして、赤字国債の発行は考えていないと述べた。",
            "財源は責任を持って確保するとして、赤字国債の発行は考えていない",
        ),
    ],
    ids=["withdrawal_with_its_reason", "recall_with_its_reason", "grounds_with_a_topic_of_their_own"],
)
def test_a_reason_given_with_toshite_is_one_clause_with_the_report(
    extractor: quotes.Extractor, text: str, clause: str
) -> None:
    (record,) = [r for r in extractor.extract(text) if r.kind == "indirect"]
    assert record.text == clause and text[record.start : record.end] == clause


def test_two_things_said_in_a_row_with_toshi_stay_two(extractor: quotes.Extractor) -> None:
    text = "大統領は、対話は再開されるべきだとし、南アフリカなども参加するべきだと述べた。"
    clauses = [r.text for r in extractor.extract(text) if r.kind == "indirect"]
    assert clauses == ["対話は再開されるべきだ", "南アフリカなども参加するべきだ"]


def test_a_statement_that_speaks_is_the_body_that_issued_it(extractor: quotes.Extractor) -> None:
    text = "イスラエル首相府は2日声明を出し、「排除しない」と警告した。声明はまた、「挑戦だ」と非難した。"
    record = extractor.extract(text)[-1]
    assert record.speaker is not None and record.speaker.text == "声明"
    assert record.speaker.name == "イスラエル首相府"
    assert record.speaker.resolved_from is not None and record.speaker.resolved_from.start == 0


def test_a_statement_with_no_issuer_written_stays_the_statement(extractor: quotes.Extractor) -> None:
    record = extractor.extract("声明は「挑戦だ」と非難した。")[-1]
    assert record.speaker is not None and record.speaker.name in (None, "声明")
