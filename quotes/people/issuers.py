"""A document that speaks is its issuer: 首相府は声明を出し、「…」と警告した。声明はまた「…」と
非難した -> 首相府.

News lets a statement or a report stand for the body that issued it (声明は…と非難した,
報告書は…と指摘している). Where the sentence names no issuer with it (国連の報告書 does),
the speaker is the body written just before as issuing that document (Xは声明を出し,
Xが報告書を公表した); the record keeps the document's span and gives the body as its name.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import regex

from quotes.lexicon import Lexicon
from quotes.records import Mention, Quotation

#: the characters a body's name is written in
_NAME_CHARS = r"\p{Han}\p{Katakana}ー・A-Za-zＡ-Ｚａ-ｚ"  # no digits: not the date before it (25日|首相府)
#: how far back (in characters) the issuing of a document is looked for: the sentence before
_REACH = 200


def issuers(records: Sequence[Quotation], source: str, lex: Lexicon) -> list[Quotation]:
    """Records whose speaker is a document alone, with the body that issued it as the name."""
    out: list[Quotation] = []
    for record in records:
        speaker = record.speaker
        if speaker is None or speaker.text not in lex.documents or record.affiliation is not None:
            out.append(record)
            continue
        issuer = _issuer(speaker.text, source, speaker.start, lex)
        if issuer is None:
            out.append(record)
            continue
        start, end = issuer
        named = attrs.evolve(
            speaker,
            name=source[start:end],
            resolved_from=Mention(start=start, end=end, text=source[start:end]),
        )
        out.append(attrs.evolve(record, speaker=named))
    return out


def _issuer(document: str, source: str, at: int, lex: Lexicon) -> tuple[int, int] | None:
    """The span of the body last written before `at` as issuing `document` (Xは2日声明を出し)."""
    body = rf"(?<![{_NAME_CHARS}])(?P<body>[{_NAME_CHARS}]{{2,24}})"
    pattern = rf"{body}(?:は|が)[^。「」]{{0,16}}?{regex.escape(document)}を"
    found = list(regex.finditer(pattern, source, pos=max(0, at - _REACH), endpos=at))
    for hit in reversed(found):
        body = hit.group("body")
        if lex.names_org(body) and not lex.is_media(body):
            return hit.span("body")
    return None
