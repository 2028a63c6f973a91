"""The body a person belongs to by what a sentence says happened or where it writes them:
they joined it, it gave them a post, they lead it or act for it, or they are named in a row
after it with another of its people.

News states an affiliation as an event as often as with の: 山田選手は今季、横浜FCに
移籍した (joined), 鈴木氏は民政党の代表に就任した (the body of the post), 民政党は山田太郎氏
を党首に選出した (the body appointed them). The verbs are data (`membership_verbs.tsv`);
the body must read as one (a known name, a name ending like an organisation's, a club's
name, a name in brackets), never a place, a post or an outlet's report of it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache

import attrs
import regex

from quotes.lexicon import MEMBERSHIP_CLASSES, Lexicon
from quotes.people.clubs import CLUB_FORM
from quotes.people.mentions import LED_GROUP, Parts
from quotes.people.sources import is_place
from quotes.records import Affiliation, Quotation, Speaker

#: the characters an organisation's name is written in (横浜FC, 日本サッカー協会)
_NAME_CHARS = r"\p{Han}\p{Katakana}ー・A-Za-zＡ-Ｚａ-ｚ0-9０-９"
#: a body's name, starting at a word boundary, or a name in brackets (「法と正義」)
_BODY = rf"(?:「(?P<quoted>[^「」、。]{{2,20}})」|(?<![{_NAME_CHARS}])(?P<org>[{_NAME_CHARS}]{{2,24}}))"
#: a name in katakana (アストロリンク), which a body one sets up may have
_KATAKANA_NAME = regex.compile(r"\p{Katakana}[\p{Katakana}ー・]{2,}")
#: what turns the event round: 移籍しない, 入団を拒否した, 就任せず
_DENIED = regex.compile(r"^[^。、]{0,4}?(?:ない|なかった|せず|ず[、。に]|を拒|を断|を見送)")
#: how far a sentence may run between the person and the event (今季、2010年に)
_GAP = 40


def membership_mentions(mentions: Iterable[Parts], source: str, lex: Lexicon) -> list[Parts]:
    """Mentions of people with the body a sentence about them says they joined or were
    given a post in: each mention with no affiliation of its own, again with that body."""
    verbs = tuple(_verbs(lex, kind) for kind in MEMBERSHIP_CLASSES)
    if None in verbs:
        return []
    joined, opened, appointed, led, run = _patterns(*verbs)
    people = sorted(
        (m for m in mentions if m.speaker.name and not m.speaker.anonymous), key=lambda m: m.speaker.start
    )
    starts = [m.speaker.start for m in people]
    found: list[Parts] = []
    for m in people:
        if m.affiliation is not None:
            continue
        speaker = m.speaker
        after = source[speaker.end : speaker.end + 1]
        body = _on_behalf(source, speaker.start, lex) if after in ("は", "が", "も", "ら") else None
        if (
            body is None
            and (hit := run.search(source, max(0, speaker.start - 40), speaker.start)) is not None
        ):
            body = _body(hit, source, lex)  # 「坂本屋」を営む坂本ふみ子さん
        if body is None and (hit := led.match(source, speaker.end)) is not None:
            body = _body(hit, source, lex, named=True)  # 山田一郎氏が率いる民政党
        elif body is None and after in ("は", "が", "も"):
            body = _joined(joined, source, speaker.end + 1, starts, lex)
        elif body is None and after == "を":
            body = _appointed(opened, appointed, source, speaker.start, speaker.end + 1, lex)
        if body is not None:
            found.append(Parts(speaker=speaker, affiliation=body))
    return found


@cache
def _patterns(joins: str, appoints: str, leads: str, runs: str) -> tuple[regex.Pattern[str], ...]:
    """The patterns for the table's verbs, compiled once: joined, the appointing topic, the
    appointment after を, led, run (the body before the person)."""
    joined = regex.compile(rf"{_BODY}(?:の(?P<post>[^、。「」のはがを]{{1,10}}?))?に(?P<verb>{joins})")
    # (一方、) (野党の) 日本共創党は: a connective and a description may come first
    opened = regex.compile(
        rf"\s*(?:[^。、「」]{{1,10}}、)?(?:[^。、「」のはが]{{1,10}}の)?{_BODY}(?:は|も)、?"
    )
    appointed = regex.compile(rf"(?P<post>[^、。「」はが]{{0,16}}?)(?P<verb>{appoints})")
    # 藤堂氏（45）が2016年に設立したアストロリンク: an aside and a time may come between
    led = regex.compile(
        rf"(?:[（(][^（）()]{{1,20}}[)）])?が(?:[^、。「」はがを]{{1,12}}に)?(?:{leads})"
        rf"(?:[^、。「」のはがを]{{1,8}}の)?{_BODY}"
    )
    run = regex.compile(rf"{_BODY}を(?:{runs})$")
    return joined, opened, appointed, led, run


#: a body written right before a person, who speaks or acts for it: 民政党から山田代表が
#: (出席した), 民政党を代表して山田氏が
_FOR_BODY = regex.compile(rf"{_BODY}(?:からは|からも|から|を代表して|を代表し)、?$")


def _on_behalf(source: str, start: int, lex: Lexicon) -> Affiliation | None:
    """The body the words just before a person say they come from or act for."""
    hit = _FOR_BODY.search(source, max(0, start - 30), start)
    return _body(hit, source, lex) if hit is not None else None


def _verbs(lex: Lexicon, kind: str) -> str | None:
    """An alternation of the table's verbs of one kind, longest first."""
    verbs = sorted((v for v, k in lex.membership_verbs.items() if k == kind), key=len, reverse=True)
    return "|".join(regex.escape(v) for v in verbs) if verbs else None


def _joined(
    pattern: regex.Pattern[str], source: str, at: int, starts: Sequence[int], lex: Lexicon
) -> Affiliation | None:
    """The body the person at `at` (past their は/が) joined, in the sentence's next words,
    before another person is named or a quotation opens."""
    end = _clause_end(source, at)
    for hit in pattern.finditer(source, at, end):
        if any(at <= s < hit.start() for s in starts):
            return None  # 山田氏は、鈴木氏が民政党に入党したと: another person joined
        if _DENIED.match(source, hit.end()):
            return None
        return _body(hit, source, lex)
    return None


def _appointed(
    opened: regex.Pattern[str],
    pattern: regex.Pattern[str],
    source: str,
    start: int,
    at: int,
    lex: Lexicon,
) -> Affiliation | None:
    """The body that gave the person between `start` and `at` (past their を) a post: the
    sentence's topic (民政党は、…山田氏を党首に選出した), when the verb follows."""
    begin = max(source.rfind("。", 0, start), source.rfind("\n", 0, start)) + 1
    head = opened.match(source, begin, start)
    if head is None or "「" in source[head.end() : start] or "。" in source[head.end() : start]:
        return None
    hit = pattern.match(source, at, min(_clause_end(source, at), at + 24))
    if hit is None or _DENIED.match(source, hit.end()):
        return None
    post = hit.group("post").removesuffix("に").removesuffix("として")
    title = lex.suffix(post, lex.titles)
    if title is not None and len(post) > len(title) and lex.names_org(post[: -len(title)]):
        return None  # 政府は山田氏を日銀総裁に任命した: the post is in another body
    return _body(head, source, lex)


def _clause_end(source: str, at: int) -> int:
    """Where the words after `at` stop being about the same event: the sentence's end or
    a quotation, at most `_GAP` characters on."""
    stops = [k for k in (source.find(c, at) for c in "。「\n") if k >= 0]
    return min([*stops, at + _GAP, len(source)])


def _body(hit: regex.Match[str], source: str, lex: Lexicon, *, named: bool = False) -> Affiliation | None:
    """The body a match names, when it reads as one: not a place, a post or a medium's
    word for a kind of body; a name in brackets is one, and with `named` (what one sets up
    or leads is a body) a name in katakana too."""
    group = "quoted" if hit.group("quoted") else "org"
    text = hit.group(group)
    if group == "org":
        if is_place(text, lex) or lex.suffix(text, lex.titles) is not None:
            return None
        katakana = named and _KATAKANA_NAME.fullmatch(text) is not None
        if not (
            katakana
            or lex.names_org(text)
            or CLUB_FORM.fullmatch(text)
            or regex.search(r"[A-ZＡ-Ｚ]{2}", text)
        ):
            return None
        if text in lex.org_kinds or lex.suffix(text, lex.org_descriptions) == text:
            return None  # チームに加入した, 球団に入団した: a word for a kind of body names none
    start, end = hit.span(group)
    bracket = regex.match(r"「[^「」、。]{1,28}」", source[end : end + 30])
    if group == "org" and bracket is not None:
        end += bracket.end()  # NPO法人「緑の会」: the kind of body with its name
    return Affiliation(start=start, end=end, text=source[start:end])


#: what joins people named in a row (民政党の山田代表と鈴木幹事長, 山田代表や鈴木幹事長ら)
_JOINERS = ("と", "や", "、")


#: two people with posts in a row after one organisation, which the parser may read as one
#: mention: 民政党の山田一郎代表と鈴木次郎幹事長が
_PAIR = regex.compile(
    rf"{_BODY}の(?P<first>[\p{{Han}}\p{{Katakana}}ー・]{{2,14}}?)[{''.join(_JOINERS)}]"
    r"(?P<second>[\p{Han}\p{Katakana}ー・]{3,16}?)(?=[がはもら、])"
)


def shared_mentions(mentions: Iterable[Parts], source: str, lex: Lexicon) -> list[Parts]:
    """People named in a row after one organisation and の, each with a post: the second
    and later ones with that organisation too (民政党の山田一郎代表と鈴木次郎幹事長)."""
    people = {m.speaker.end: m for m in mentions if m.speaker.name and not m.speaker.anonymous}
    found = _pairs(source, lex)
    for m in sorted(people.values(), key=lambda m: m.speaker.start):
        speaker = m.speaker
        if m.affiliation is not None or not speaker.title:
            continue
        before = people.get(speaker.start - 1)
        if before is None or source[speaker.start - 1] not in _JOINERS or not before.speaker.title:
            continue
        body = before.affiliation
        if body is None or source[body.end : before.speaker.start] != "の":
            continue  # 山田代表と鈴木幹事長: no body written before the first
        shared = Parts(speaker=speaker, affiliation=body)
        found.append(shared)
        people[speaker.end] = shared  # a third one after
    return found


def _pairs(source: str, lex: Lexicon) -> list[Parts]:
    """The second person of each pair `_PAIR` finds, as a mention of its own with the
    organisation, when both are a name and a post and the organisation reads as one."""
    found: list[Parts] = []
    for hit in _PAIR.finditer(source):
        body = _body(hit, source, lex)
        first, second = hit.group("first"), hit.group("second")
        posts = [lex.suffix(first, lex.titles), lex.suffix(second, lex.titles)]
        if body is None or posts[0] is None or posts[1] is None:
            continue
        name = second[: -len(posts[1])]
        if len(first) - len(posts[0]) < 2 or len(name) < 2 or lex.names_org(name):
            continue  # 民政党の代表と幹事長: posts, no names
        start, end = hit.span("second")
        speaker = Speaker(start=start, end=end, text=second, name=name, title=posts[1])
        found.append(Parts(speaker=speaker, affiliation=body))
    return found


def group_heads(mentions: Iterable[Parts], lex: Lexicon) -> list[Parts]:
    """The person at the head of a group that speaks, as a mention of their own with the
    group's organisation: 北陵大学の佐伯真理子教授らの研究グループは…と発表した。…佐伯教授は
    「…」 -> 北陵大学, as it would be with 北陵大学の佐伯真理子教授は."""
    found: list[Parts] = []
    for m in mentions:
        speaker = m.speaker
        hit = LED_GROUP.search(speaker.text)
        if hit is None:
            continue
        person = hit.group("person")
        title = lex.suffix(person, lex.titles) or lex.suffix(person, lex.honorifics)
        name = person[: -len(title)] if title else ""
        if title is None or len(name) < 2 or lex.names_org(name):
            continue  # 研究所長らのグループ: a post, no name
        body = speaker.text[: hit.start("person")].removesuffix("の")
        if len(body) < 2 or not (lex.names_org(body) or lex.suffix(body, lex.department_endings)):
            continue  # 佐伯教授らの研究グループ: no body written before the person
        start = speaker.start + hit.start("person")
        post = title if lex.suffix(person, lex.titles) else None
        honorific = None if post else title
        head = Speaker(
            start=start, end=start + len(person), text=person, name=name, title=post, honorific=honorific
        )
        found.append(
            Parts(
                speaker=head,
                affiliation=Affiliation(start=speaker.start, end=speaker.start + len(body), text=body),
            )
        )
    return found


def group_bodies(records: Sequence[Quotation], source: str, lex: Lexicon) -> list[Quotation]:
    """A group written with its word alone (研究チームは…としている), with the body it was named
    with before (英エクセター大学の研究チームが…): the same group, whose body is its affiliation."""
    out: list[Quotation] = []
    for record in records:
        speaker = record.speaker
        if speaker is None or record.affiliation is not None or speaker.text not in lex.group_words:
            out.append(record)
            continue
        named = _named_with_body(speaker.text, source, speaker.start, lex)
        out.append(record if named is None else attrs.evolve(record, affiliation=named))
    return out


def _named_with_body(word: str, source: str, before: int, lex: Lexicon) -> Affiliation | None:
    """The body last written with の before the group's word ahead of `before` (北陵大学の|研究
    チーム, 北浜自然史博物館などの国際|研究チーム)."""
    for hit in reversed(list(_group_named(word).finditer(source, 0, before))):
        body = hit.group("body")
        if lex.names_org(body) or lex.suffix(body, lex.department_endings):
            return Affiliation(start=hit.start("body"), end=hit.end("body"), text=body)
    return None


@cache
def _group_named(word: str) -> regex.Pattern[str]:
    """A body and の before a group's word, compiled once per word."""
    return regex.compile(
        rf"(?<![{_NAME_CHARS}])(?P<body>[{_NAME_CHARS}]{{2,24}})(?:など)?の(?:国際|共同)?{regex.escape(word)}"
    )
