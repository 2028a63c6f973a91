"""Forms of quotation without a plain `Xは「…」と述べた`: no verb, whole idioms as cues, a
quotation pointed at from either side, a bracket inside reported speech."""

from __future__ import annotations

import pytest

import quotes


@pytest.mark.parametrize(
    "text,speaker,cue",
    [
        ("三枝佳代子選手は「若い選手の勢いに負けた」。", "三枝佳代子", None),
        ("大貫哲也監督も「よく頑張った」と。", "大貫哲也", None),
        ("東海林剛は「実は30年やってますから」とドヤ顔。", "東海林剛", "ドヤ顔"),
        ("田中一郎さんのコメント「感謝しかない」。", "田中一郎", "コメント"),
        ("「本当に楽しかった」と田中花子さん(34)。", "田中花子", None),
        ("水野花子は「最高でした」としみじみ。", "水野花子", "しみじみ"),
        ("田中花子が取材に応じた。今後については「また挑戦したい」と笑顔。", "田中花子", "笑顔"),
    ],
    ids=[
        "topic_then_words",
        "topic_then_to",
        "noun_after_to",
        "comment_noun",
        "person_after_to",
        "adverb_after_to",
        "noun_after_to_said_by_the_one_the_text_is_about",
    ],
)
def test_quotations_without_a_verb_are_said_by_the_one_named(
    extractor: quotes.Extractor, text: str, speaker: str, cue: str | None
) -> None:
    record = extractor.extract(text)[-1]
    assert record.kind == "direct" and record.speaker is not None and record.speaker.name == speaker
    assert (record.cue.text if record.cue else None) == cue


@pytest.mark.parametrize(
    "text",
    [
        "ラジオ日経ホームページ「全国競馬ダイヤリー」。",  # a citation: a bare noun before the bracket
        "条約は「不平等だ」。",  # a thing cannot speak
        "「がんばります」としみじみ。",  # an adverb ending with no one named
    ],
    ids=["citation", "thing", "adverb_and_no_one"],
)
def test_a_bracket_after_a_noun_that_cannot_speak_is_a_term(extractor: quotes.Extractor, text: str) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is None


@pytest.mark.parametrize(
    "text,speaker,cue",
    [
        ("連盟の回答は「規定に従って判断した」というものだった。", "連盟", "回答"),
        ("栗山英樹監督のコメントは「よく粘った」だった。", "栗山英樹", "コメント"),
        ("山田太郎首相の考えは「増税は避けられない」というものだ。", "山田太郎", "考え"),
        ("東都電力の説明は「原因は調査中です」でした。", "東都電力", "説明"),
        ("東都電力の見解は「安全性に問題はない」という。", "東都電力", "いう"),
    ],
    ids=["answer_was", "comment_was", "view_was", "explanation_polite", "view_with_iu"],
)
def test_a_speech_nouns_words_are_its_owners(
    extractor: quotes.Extractor, text: str, speaker: str, cue: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.kind == "direct" and record.speaker is not None and record.speaker.name == speaker
    assert record.cue is not None and record.cue.text == cue


@pytest.mark.parametrize(
    "text",
    [
        "大会のテーマは「未来へ」だった。",  # a theme is no one's words
        "山田太郎首相の発言は「失言」だった。",  # a label for the remark, not the remark
        "連盟の回答は「規定に従って判断した」と批判された。",  # the words are a verb's, not the copula's
    ],
    ids=["theme", "label", "passive_verb"],
)
def test_a_copula_after_words_quotes_no_owner_unless_a_speech_noun_holds_them(
    extractor: quotes.Extractor, text: str
) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is None or record.speaker.name != "連盟"
    assert record.cue is None or record.cue.text not in ("テーマ", "発言", "回答")


@pytest.mark.parametrize(
    "sentence,cue,lemma",
    [
        ("「まだやれる」と胸を張った。", "胸を張った", "張る"),
        ("「優勝を狙う」と意気込んだ。", "意気込んだ", "意気込む"),
        ("「慎重に」と口をそろえた。", "口をそろえた", "そろえる"),
        ("「甘い」と苦言を呈した。", "苦言を呈した", None),
        ("「わからない」と首をかしげた。", "首をかしげた", "かしげる"),
        ("「悔しい」と唇をかんだ。", "唇をかんだ", None),
        ("「やっと応えられた」と安堵の表情を浮かべた。", "安堵の表情を浮かべた", "浮かべる"),
        ("「ずっと待っていました」と感無量の表情を見せた。", "感無量の表情を見せた", "見せる"),
        ("「深くおわびする」とのコメントを発表した。", "コメントを発表した", "発表する"),
        ("「遺憾だ」との声明を発表した。", "声明を発表した", "発表する"),
        ("「苦渋の判断だ」との談話を発表した。", "談話を発表した", "発表する"),
    ],
    ids=[
        "chest",
        "compound_verb",
        "mouths",
        "complaint",
        "head",
        "lips",
        "relief_look",
        "moved_look",
        "comment_announced",
        "statement_announced",
        "remarks_announced",
    ],
)
def test_a_cue_is_the_whole_expression(
    extractor: quotes.Extractor, sentence: str, cue: str, lemma: str | None
) -> None:
    text = "佐藤一郎選手は" + sentence
    (record,) = extractor.extract(text)
    assert record.cue is not None and record.cue.text == cue
    assert text[record.cue.start : record.cue.end] == cue
    if lemma is not None:
        assert record.cue.lemma == lemma


@pytest.mark.parametrize(
    "text,cue",
    [
        # a name after the words is the speaker, no part of the cue
        ("「まだやれる」と佐藤一郎選手が話した。", "話した"),
        # a reported clause keeps its own bounds: the noun it fills is no part of the cue
        ("産経新聞は、報復ではないかとの観測を報じた。", "報じた"),
    ],
    ids=["speaker_after_the_words", "reported_clause"],
)
def test_a_cue_takes_no_speaker_or_filled_noun(extractor: quotes.Extractor, text: str, cue: str) -> None:
    record = next(r for r in extractor.extract(text) if r.cue is not None)
    assert record.cue is not None and record.cue.text == cue


def test_a_quotation_after_kou_katatta_is_the_speakers(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("鈴木一郎監督はこう語った。「選手はよくやった」。")
    assert record.speaker is not None and record.speaker.name == "鈴木一郎"


def test_a_phrase_in_brackets_inside_reported_speech_is_the_reporters(extractor: quotes.Extractor) -> None:
    text = "ミュラー氏は、南欧諸国が既に「巨大な負担」を抱えていると述べた。"
    bracket = next(r for r in extractor.extract(text) if r.text == "巨大な負担")
    assert bracket.kind == "direct" and bracket.speaker is not None and bracket.speaker.name == "ミュラー"
    assert bracket.cue is not None and bracket.cue.text == "述べた"


def test_a_name_in_brackets_inside_reported_speech_stays_a_term(extractor: quotes.Extractor) -> None:
    text = "米軍は、韓米合同演習「フリーダム・シールド」を実施すると発表した。"
    bracket = next(r for r in extractor.extract(text) if r.text == "フリーダム・シールド")
    assert bracket.kind == "term" and bracket.speaker is None


@pytest.mark.parametrize(
    "text,cue",
    [
        ("国土交通省は「併存が基本」としているという。", "としている"),  # not the hearsay いう
        ("警察は「物が盗まれた」として捜査を始めた。", "として"),  # not 始めた, which reports nothing
        ("山田氏は「遺憾だ」とし、「抗議する」と述べた。", "述べた"),  # とし joins two parts
    ],
    ids=["hearsay_iu", "as_a_reason", "connector"],
)
def test_toshite_is_the_cue_unless_a_reporting_verb_follows(
    extractor: quotes.Extractor, text: str, cue: str
) -> None:
    record = extractor.extract(text)[0]
    assert record.cue is not None and record.cue.text == cue


def test_a_conditional_to_is_no_quotative_but_a_source_after_the_comma_is(
    extractor: quotes.Extractor,
) -> None:
    asked = extractor.extract("記者が今の気持ちを聞くと、山田選手は「うれしい」と答えた。")
    assert [r.kind for r in asked] == ["direct"]
    (reported,) = extractor.extract("攻撃の可能性が懸念されると、米CNN放送は伝えた。")
    assert reported.speaker is not None and reported.speaker.text == "米CNN放送"


def test_a_list_of_sources_is_kept_whole(extractor: quotes.Extractor) -> None:
    text = "17日のニューヨークタイムズ(NYT)、ワシントンポスト(WP)などによると、北朝鮮軍は参戦した。"
    (record,) = extractor.extract(text)
    assert (
        record.speaker is not None
        and record.speaker.text == "ニューヨークタイムズ(NYT)、ワシントンポスト(WP)"
    )


def test_words_written_on_a_thing_are_a_term(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("「本日休業」と書かれた看板が出ていた。")
    assert record.kind == "term" and record.speaker is None


@pytest.mark.parametrize(
    "text",
    [
        "女子テニスの大坂なおみ選手は「うれしい」と話した。",
        "プロ3年目の村瀬拓真外野手は「うれしい」と話した。",
    ],
)
def test_a_sport_or_a_career_is_no_affiliation(extractor: quotes.Extractor, text: str) -> None:
    (record,) = extractor.extract(text)
    assert record.speaker is not None and record.affiliation is None


@pytest.mark.parametrize(
    "text,speaker",
    [
        ("村瀬は、インタビュアーから「どうでしたか」と聞かれた。", "インタビュアー"),
        ("首相から「頑張れ」と励まされた。", "首相"),
        ("山田氏は「無責任だ」と批判された。", None),
        ("毎日新聞によると、300系は『のぞみ』として東海道新幹線に投入された。", None),
        ("主演の花村大悟から「一度もNGを出さなかった」と振られた南條蒼は「ないです」と苦笑い。", "花村大悟"),
    ],
    ids=["interviewer_asks", "encouraged", "no_agent", "not_an_agent", "in_a_clause_on_the_one_told"],
)
def test_a_passive_cue_is_said_by_its_agent(
    extractor: quotes.Extractor, text: str, speaker: str | None
) -> None:
    record = next(r for r in extractor.extract(text) if r.kind != "indirect")
    assert (record.speaker.text if record.speaker else None) == speaker


@pytest.mark.parametrize(
    "text,name,title",
    [
        (
            "逮捕されたのは、東京都に住む自称ミュージシャンの野田伊佐也容疑者・42歳で、「やっていない」と話している。",
            "野田伊佐也",
            "容疑者",
        ),
        ("会社員の山田太郎さん・35歳は「驚いた」と話した。", "山田太郎", None),
    ],
)
def test_an_age_after_a_middle_dot_is_an_aside_of_the_name(
    extractor: quotes.Extractor, text: str, name: str, title: str | None
) -> None:
    record = next(r for r in extractor.extract(text) if r.speaker is not None)
    assert record.speaker is not None
    assert (record.speaker.name, record.speaker.title) == (name, title)
    assert text[record.speaker.start : record.speaker.end] == record.speaker.text
