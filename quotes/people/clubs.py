"""People written beside their club's short form, as sports news writes them.

A sports paper introduces a club once in full (北都ブレイザーズ, 阪神タイガース) and then
ties its players to it by the club's short form: 阪神・佐藤輝明 in a headline or a
results line, 湾岸の守護神、港健吾 in the body. The short form is the part of a
full name written in one script before a nickname in another (北都 of 北都ブレイザーズ),
or a name the organisation table knows. Such a mention states the person's
affiliation, which every later mention of the same entity then takes.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs
import regex

from quotes.lexicon import Lexicon
from quotes.people.entities import name_like, same_person
from quotes.people.mentions import Parts
from quotes.records import Affiliation, Speaker

#: a club's short form and the person after it: 北都・森, 阪神・佐藤輝明
_DOT = regex.compile(r"(?<![\p{Han}\p{Katakana}ー・])(?P<org>[\p{Han}\p{Katakana}ー]{2,12})・")
#: a club's short form, a post in it and the person after a comma: 湾岸の守護神、港健吾
_POST = regex.compile(
    r"(?<![\p{Han}\p{Katakana}ー])(?P<org>[\p{Han}\p{Katakana}ー]{2,12})の(?P<post>[^、。「」『』\s]{1,8})、"
)
#: a full name's leading part in kanji before a nickname in katakana: 北都|ブレイザーズ
CLUB_FORM = regex.compile(r"(?P<short>\p{Han}{2,4})[\p{Katakana}ー]{3,}")


def short_forms(names: Iterable[str]) -> set[str]:
    """The short forms of organisations' full names (北都 of 北都ブレイザーズ)."""
    found: set[str] = set()
    for name in names:
        m = CLUB_FORM.fullmatch(name)
        if m is not None:
            found.add(m.group("short"))
    return found


def club_mentions(
    mentions: Iterable[Parts], source: str, lex: Lexicon, known: frozenset[str] = frozenset()
) -> list[Parts]:
    """Mentions of people written after their club's short form (北都・森,
    湾岸の守護神、港健吾), each with the short form as its affiliation.

    Only names the text already gives a person count, and the short form must be a
    known organisation's name, one of `known` (the table's clubs' short forms), or the
    leading part of an affiliation stated in the text.
    """
    mentions = list(mentions)
    people = [
        m.speaker
        for m in mentions
        if m.speaker.name and not m.speaker.anonymous and name_like(m.speaker.name, lex)
    ]
    if not people:
        return []
    stated = {m.affiliation.text for m in mentions if m.affiliation is not None}
    clubs = stated | short_forms(stated) | known | _written_clubs(source)
    split = list(_split_at_dot(mentions, source, clubs, lex))
    written_whole = {m.speaker.name for m in mentions} & {sp.text for sp in (p.speaker for p in split)}
    # 瀬戸内・鳴海 names 鳴海, not a person called so
    names = sorted(
        {sp.name for sp in people if sp.name and sp.name not in written_whole}, key=len, reverse=True
    )
    found = [
        attrs.evolve(p, speaker=attrs.evolve(p.speaker, name=_fullest(p.speaker.name or "", names, lex)))
        for p in split
    ]
    by_span = {(m.speaker.start, m.speaker.end): m for m in mentions}
    for org_start, org_end, person_at in _written_beside(source, lex):
        org = source[org_start:org_end]
        if org not in clubs and not lex.names_org(org):
            continue
        name = next((n for n in names if source.startswith(n, person_at)), None)
        if name is None:
            continue
        end = person_at + len(name)
        if regex.match(r"[\p{Han}\p{Katakana}ー]", source[end : end + 1]) and not _title_at(source, end, lex):
            continue  # 阪神・佐藤輝明 read as 佐藤: the name runs on
        existing = by_span.get((person_at, end))
        if existing is not None and existing.affiliation is not None:
            continue
        speaker = (
            existing.speaker
            if existing is not None
            else Speaker(start=person_at, end=end, text=name, name=_fullest(name, names, lex))
        )
        found.append(Parts(speaker=speaker, affiliation=Affiliation(start=org_start, end=org_end, text=org)))
    return found


#: a club's full name in running text: a place's name and a nickname (湾岸シーガルズは)
CLUB_NAME = regex.compile(
    r"(?<![\p{Han}\p{Katakana}ー])" + CLUB_FORM.pattern + r"(?=[はがのもとにでをへ、。])"
)


def clubs_before(source: str, at: int) -> list[tuple[int, int]]:
    """Spans of the clubs named in full before `at`, those written as a topic (は) last."""
    found = [m.span() for m in CLUB_NAME.finditer(source, 0, at)]
    return sorted(found, key=lambda span: (source[span[1] : span[1] + 1] == "は", span[0]))


def _written_clubs(source: str) -> set[str]:
    """Short forms of the clubs the text names in full (湾岸 of 湾岸シーガルズは)."""
    return {m.group("short") for m in CLUB_NAME.finditer(source)}


def _split_at_dot(mentions: list[Parts], source: str, clubs: set[str], lex: Lexicon) -> Iterator[Parts]:
    """A mention the parser read whole (阪神・佐藤輝明): the same span, the name after ・
    and the club before it as the affiliation."""
    for m in mentions:
        speaker = m.speaker
        if m.affiliation is not None or not speaker.name or "・" not in speaker.name:
            continue
        org, name = speaker.name.split("・", 1)
        at = source.find(org + "・", speaker.start, speaker.end)
        if (
            (org in clubs or lex.names_org(org))
            and at >= 0
            and regex.match(r"\p{Han}", name)
            and name_like(name, lex)
        ):
            affiliation = Affiliation(start=at, end=at + len(org), text=org)
            yield Parts(speaker=attrs.evolve(speaker, name=name), affiliation=affiliation)


def _written_beside(source: str, lex: Lexicon) -> Iterator[tuple[int, int, int]]:
    """(start, end) of a club's short form and where the person's name after it starts."""
    for m in _DOT.finditer(source):
        yield m.start("org"), m.end("org"), m.end()
    for m in _POST.finditer(source):
        post = m.group("post")
        if lex.suffix(post, lex.titles) is None and lex.suffix(post, lex.anonymous) is None:
            continue  # 湾岸の夜、: no post in the club
        yield m.start("org"), m.end("org"), m.end()


def _title_at(source: str, at: int, lex: Lexicon) -> bool:
    """Whether a title starts at `at` (港健吾投手): the name ends there."""
    return any(source.startswith(t, at) for t in lex.titles)


def _fullest(name: str, names: list[str], lex: Lexicon) -> str:
    """The one fuller name the text gives the person (森大和 for 森), else the name."""
    fuller = {n for n in names if n != name and same_person(name, n, lex)}
    return fuller.pop() if len(fuller) == 1 else name
