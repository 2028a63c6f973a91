"""The organisation a post holder heads when the text never says: the one it is about.

Business and sports news name the organisation first and its head after, with no
の between them: トヨタ自動車は12日、決算を発表した。…佐藤恒治社長は「…」と述べた, or
北都ブレイザーズは…勝った。岩倉修監督は「…」. The head (a title of
`executive_titles.txt` or `team_titles.txt`) belongs to the organisation last written
as a sentence's topic or subject before the person is first named.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
import regex

from quotes.lexicon import Lexicon
from quotes.people.entities import link
from quotes.people.mentions import Parts
from quotes.people.offices import is_officer
from quotes.people.sources import is_place
from quotes.records import Affiliation, Quotation

#: what follows an organisation written as a sentence's topic or subject
_TOPIC_MARKS = ("は", "が", "も")
#: a name written as a sentence's topic, after a boundary: 蒼和電機は, 遠州ソレイユが
_TOPIC = regex.compile(
    r"(?:^|(?<=[の、。\n」　 ]))(?P<name>[\p{Han}\p{Katakana}ー・]{2,16}?)(?=[はがも][^\p{Hiragana}]|は、)",
    regex.MULTILINE,
)
#: a club's name: a place's name and a nickname (遠州ソレイユ, 北都ブレイザーズ)
_CLUB = regex.compile(r"\p{Han}{2,4}[\p{Katakana}ー]{3,}")


def written_topics(source: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of names written as a topic that read as an organisation's or a club's
    (蒼和電機は, 遠州ソレイユは), for organisations neither the table nor the parse knows."""
    return [
        m.span("name")
        for m in _TOPIC.finditer(source)
        if lex.is_org(m.group("name")) or _CLUB.fullmatch(m.group("name"))
    ]


def discourse_hosts(
    records: Sequence[Quotation],
    mentions: Iterable[Parts],
    source: str,
    lex: Lexicon,
    organisations: Iterable[tuple[int, int]],
) -> list[Quotation]:
    """Records whose speaker heads an organisation the text does not name with them,
    with the organisation the discourse is about before the person's first mention."""
    topics = sorted(
        {
            (start, end)
            for start, end in organisations
            if source[end : end + 1] in _TOPIC_MARKS and _a_body(source[start:end], lex)
        }
    )
    if not topics:
        return list(records)
    entities = link(mentions, lex)
    out: list[Quotation] = []
    for record in records:
        speaker = record.speaker
        if speaker is None or record.affiliation is not None or speaker.anonymous or not speaker.name:
            out.append(record)
            continue
        entity = entities.get((speaker.start, speaker.end))
        mentioned = entity.mentions if entity is not None else [Parts(speaker=speaker, affiliation=None)]
        titles = [m.speaker.title for m in mentioned if m.speaker.title]
        if not titles or not all(_heads(t, lex) for t in titles) or is_officer(speaker, lex):
            out.append(record)
            continue
        first = min(m.speaker.start for m in mentioned)
        before = [t for t in topics if t[1] <= first]
        if not before:
            out.append(record)
            continue
        start, end = before[-1]
        out.append(
            attrs.evolve(record, affiliation=Affiliation(start=start, end=end, text=source[start:end]))
        )
    return out


def _a_body(text: str, lex: Lexicon) -> bool:
    """Whether a topic's words can be the body a person heads: not an outlet, a place or a
    post (GM in 大曽根GMは)."""
    return not (
        lex.is_media(text)
        or is_place(text, lex)
        or lex.suffix(text, lex.titles) is not None
        or lex.suffix(text, lex.anonymous) is not None
    )


def _heads(title: str, lex: Lexicon) -> bool:
    """Whether a title is a post at the head of a company or one in a team (社長, 監督, FW),
    not 同社長 or a former post."""
    if title.startswith("同") or title.startswith(("元", "前")):
        return False
    heads = (lex.executive_titles, lex.team_titles, lex.positions)
    return any(lex.suffix(title, words) is not None for words in heads)
