"""Voices from a crowd or a place: the named source speaks, or no one; never the last person."""

from __future__ import annotations

import pytest

import quotes

INTRO = "俳優の山田太郎さんが番組で発言した。"


@pytest.mark.parametrize(
    "sentence,speaker,cue",
    [
        ("ネット上では「おかしい」といった声が上がった。", "ネット上", "声が上がった"),
        ("住民からは「不安だ」との声が寄せられた。", "住民", "声が寄せられた"),
        ("SNSでは「泣いた」「最高」などの声が相次いだ。", "SNS", "声が相次いだ"),
        ("ネット上では「言い過ぎだ」と批判する意見も出ている。", "ネット上", "批判する"),
        ("「やりすぎだ」と批判が殺到した。", None, "批判が殺到した"),
        ("会見場の外では「誰が払うのか」との声も聞かれた。", None, "声も聞かれた"),
        ("SNSでは「慣れた」と擁護する投稿も相次ぎ、新しいタグも生まれた。", "SNS", "擁護する"),
        ("番組の公式Xには「最高」「泣いた」など、視聴者からの感想が相次いだ。", "視聴者", "感想が相次いだ"),
        ("SNS上では「泣いた」などと、ファンからの声が相次いだ。", "ファン", "声が相次いだ"),
        (
            "一方で、SNSでは「悪くない」「言い方の問題では」などと擁護する意見も少なくない。",
            "SNS",
            "擁護する",
        ),
        ("出席した一部の人からは、「必要があるのか」と慎重な意見も出ている。", "一部の人", "意見も出ている"),
    ],
    ids=[
        "net",
        "viewers",
        "sns_two_quotes",
        "clause_on_the_noun",
        "no_one_named",
        "a_place_is_no_one",
        "source_on_the_next_verb",
        "crowd_over_forum",
        "quotation_hung_on_the_verb",
        "source_on_the_clause",
        "adjective_on_the_noun",
    ],
)
def test_voices_are_said_by_the_source_named_or_by_no_one(
    extractor: quotes.Extractor, sentence: str, speaker: str | None, cue: str
) -> None:
    text = INTRO + sentence
    records = [r for r in extractor.extract(text) if r.start > len(INTRO)]
    assert records
    for record in records:
        assert record.cue is not None and record.cue.text.startswith(cue[:2])
        if speaker is None:
            assert record.speaker is None  # not 山田太郎, the person named before
        else:
            assert record.speaker is not None and record.speaker.text.endswith(speaker)


def test_an_opinion_stated_by_someone_is_theirs(extractor: quotes.Extractor) -> None:
    (record,) = extractor.extract("首相は「慎重に判断する」との意見を述べた。")
    assert record.speaker is not None and record.speaker.text == "首相"
