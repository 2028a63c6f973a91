"""People as document-wide entities: every mention of one person, pooled.

News introduces a person once in full (峨山政策研究院の車斗鉉(チャ・ドゥヒョン)首席研究委員,
国際連合のコフィ・アナン事務総長) and then writes a surname with a title (車首席研究委員,
アナン事務総長), a bare surname (小野は), the title alone (大統領は), 同 + a title (同教授)
or a pronoun (同氏, 彼). Mentions are linked, in text order, to the entity they name;
an entity pools the names, readings, titles and affiliations of its mentions, so a
record's speaker takes the fullest name and the latest affiliation stated before it.
A pronoun or short form with nothing to link to keeps what it is: the library never
invents a name.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import attrs
import regex

from quotes.grammar.phrases import is_pronoun
from quotes.lexicon import Lexicon
from quotes.people.mentions import Parts
from quotes.records import Affiliation, Speaker

#: a short name is a surname when it is at most this long and a longer name starts with it
MAX_SURNAME = 4
#: title prefixes that make a post a past one (広島カープ前監督, 元大使)
FORMER = ("前", "元")
#: what separates the parts of a name written in katakana (コフィ・アナン)
_NAME_PARTS = regex.compile(r"[・＝=]")
#: a surname in katakana and the given name in kanji after it (ダルビッシュ|有)
_KATAKANA_SURNAME = regex.compile(r"\p{Katakana}[\p{Katakana}ー]{1,9}")
_KANJI_GIVEN = regex.compile(r"\p{Han}{1,3}")
_NAME = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー・=＝\p{Latin} ]+")
_LISTED = regex.compile(r"\p{Han}[とや]\p{Han}")


@attrs.define(eq=False)
class Entity:
    """One person: the mentions that name them, in text order."""

    mentions: list[Parts] = attrs.field(factory=list)

    @property
    def named(self) -> bool:
        return any(m.speaker.name for m in self.mentions)

    def titles(self) -> Iterator[str]:
        return (m.speaker.title for m in self.mentions if m.speaker.title)

    def names(self) -> Iterator[str]:
        return (m.speaker.name for m in self.mentions if m.speaker.name)

    def fullest(self, before: int, lex: Lexicon) -> Parts | None:
        """The mention with the fullest name written before `before` (a name, not a count)."""
        earlier = [m for m in self.mentions if m.speaker.end <= before and m.speaker.name]
        earlier = [m for m in earlier if name_like(m.speaker.name or "", lex)]
        if not earlier:
            return None
        return max(earlier, key=lambda m: (len(m.speaker.name or ""), m.affiliation is not None))

    def affiliation(self, before: int) -> Affiliation | None:
        """The affiliation stated at the latest mention before `before`, unless it came with
        a post the person no longer holds (広島カープ前監督のブラウン氏)."""
        stated = [m for m in self.mentions if m.speaker.start <= before and m.affiliation is not None]
        stated = [m for m in stated if not former(m.speaker)]
        return stated[-1].affiliation if stated else None


def former(speaker: Speaker) -> bool:
    """Whether a mention names the person by a post they no longer hold."""
    return bool(speaker.title and speaker.title.startswith(FORMER))


def name_like(name: str, lex: Lexicon) -> bool:
    """Whether a string reads as one person's name (not 中村氏3名, not 赤崎氏、天野)."""
    return (
        _NAME.fullmatch(name) is not None
        and "、" not in name
        and not any(h in name[1:] for h in lex.honorifics)  # an honorific inside: two people or a count
        and _LISTED.search(name) is None  # 石破茂首相と尹錫悦: two people
    )


def short_form(speaker: Speaker, lex: Lexicon) -> bool:
    """Whether a mention needs an antecedent to name anyone (同氏, 彼, 同教授)."""
    return is_pronoun(speaker.text, lex) or (
        speaker.text.startswith("同") and speaker.name is None and speaker.title is not None
    )


def _kind(speaker: Speaker, lex: Lexicon) -> str | None:
    """How a mention names a person: pronoun, same (同 + title), name, title, or not at all;
    "maybe" for a bare name that ends like a place (野々村, 中村: a village's ending), a
    person only if one named before it has that name."""
    if speaker.anonymous:
        return None
    if is_pronoun(speaker.text, lex):
        return "pronoun"
    if speaker.name is None and speaker.title is not None:
        return "same" if speaker.text.startswith("同") else "title"
    name = speaker.name
    if not name or name in lex.org_names or lex.is_media(name):
        return None
    # 中村氏: a name with an honorific or a title is a person's, even ending like a village's
    if speaker.honorific or speaker.title or not lex.is_org(name):
        return "name"
    return "maybe" if name_like(name, lex) and len(name) <= MAX_SURNAME else None


def link(mentions: Iterable[Parts], lex: Lexicon) -> dict[tuple[int, int], Entity]:
    """The entity of each person mention, by the mention's span, linked in text order."""
    entities: list[Entity] = []
    by_span: dict[tuple[int, int], Entity] = {}
    unique = {(m.speaker.start, m.speaker.end): m for m in mentions}
    for span, mention in sorted(unique.items()):
        kind = _kind(mention.speaker, lex)
        if kind is None:
            continue
        entity = _antecedent(mention, kind, entities, lex)
        if entity is None:
            if kind in ("pronoun", "same", "maybe"):
                continue  # nothing to stand for: the mention stays as written
            entity = Entity()
            entities.append(entity)
        else:
            entities.remove(entity)
            entities.append(entity)  # the latest mentioned last
        entity.mentions.append(mention)
        by_span[span] = entity
    return by_span


def _antecedent(mention: Parts, kind: str, entities: list[Entity], lex: Lexicon) -> Entity | None:
    """The entity, most recently mentioned first, that a mention of `kind` names."""
    speaker = mention.speaker
    latest = list(reversed(entities))
    named = [e for e in latest if e.named]
    if kind == "pronoun":
        return named[0] if named else None
    if kind in ("same", "title"):
        title = (speaker.title or "").removeprefix("同")
        titled = [e for e in latest if any(t.endswith(title) for t in e.titles())] if title else []
        # 中国国防省の報道官 is not the 報道官 of 中国外務省 named before
        titled = [e for e in titled if not _another_body(mention.affiliation, e.affiliation(speaker.start))]
        if titled:
            return titled[0]
        return named[0] if kind == "same" and named else None
    name = speaker.name or ""
    for entity in latest:
        if any(same_person(name, other, lex) for other in entity.names()):
            return entity
    return None


def _another_body(one: Affiliation | None, other: Affiliation | None) -> bool:
    """Whether two affiliations name different bodies (neither written inside the other;
    同省 and the like may be either)."""
    if one is None or other is None or one.text.startswith("同") or other.text.startswith("同"):
        return False
    return one.text not in other.text and other.text not in one.text


def same_person(name: str, other: str, lex: Lexicon) -> bool:
    """Whether `name` names the person `other` names: the same name, a surname that starts
    it (車 of 車斗鉉), or the last part of a name in katakana (アナン of コフィ・アナン)."""
    if name == other:
        return True
    if len(other) <= len(name) or not name_like(other, lex):
        return False
    if _NAME_PARTS.search(other):
        return _NAME_PARTS.split(other)[-1] == name or other.startswith(name + "・")
    if (
        other.startswith(name)
        and _KATAKANA_SURNAME.fullmatch(name)
        and _KANJI_GIVEN.fullmatch(other, len(name))
    ):
        return True  # ダルビッシュ of ダルビッシュ有, ラモス of ラモス瑠偉: a long surname in katakana
    return len(name) <= MAX_SURNAME and other.startswith(name)
