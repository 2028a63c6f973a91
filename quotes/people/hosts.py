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

from quotes.lexicon import Lexicon
from quotes.people.entities import link
from quotes.people.mentions import Parts
from quotes.people.offices import is_officer
from quotes.records import Affiliation, Quotation

#: what follows an organisation written as a sentence's topic or subject
_TOPIC_MARKS = ("は", "が", "も")


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
            if source[end : end + 1] in _TOPIC_MARKS and not lex.is_media(source[start:end])
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


def _heads(title: str, lex: Lexicon) -> bool:
    """Whether a title is a post at the head of a company or a team (社長, 監督), not 同社長."""
    if title.startswith("同") or title.startswith(("元", "前")):
        return False
    return (
        lex.suffix(title, lex.executive_titles) is not None or lex.suffix(title, lex.team_titles) is not None
    )
