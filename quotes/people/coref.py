"""Later mentions of a speaker: 同氏, 同教授, 彼, 車首席研究委員, 米田代表 -> the full name.

News introduces a person once in full (峨山政策研究院の車斗鉉首席研究委員) and then
writes 同氏, 車氏 or 車首席研究委員. A record whose speaker is such a short form takes
its name, title and affiliation from the fullest earlier mention of the same person,
keeps its own text and offsets, and records the mention it was resolved from. A
pronoun with no antecedent keeps the pronoun, no name, and a lower confidence:
the library never invents a name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs
import regex
from spacy.tokens import Doc, Token

from quotes.confidence import unresolved
from quotes.grammar.phrases import is_pronoun, noun_phrase
from quotes.lexicon import Lexicon
from quotes.people.mentions import Parts
from quotes.records import Affiliation, Mention, Quotation, Speaker
from quotes.text.masking import Unit

#: a short name is a surname when it is at most this long and a longer name starts with it
MAX_SURNAME = 4


def person_mentions(
    unit: Unit, doc: Doc, lex: Lexicon, parts_of: Callable[[Unit, Token], Parts | None]
) -> list[Parts]:
    """Subjects of a sentence that name a person (a 人名 token, or a name with a title)."""
    found: list[Parts] = []
    chains: list[list[int]] = []
    for tok in doc:
        if tok.dep_ in ("nsubj", "dislocated", "nsubj:pass"):
            chains.append([tok.i])
        elif "人名" in tok.tag_:
            # the head noun of the name's phrase (山本 健太 教授 -> 教授), or a noun
            # nearer the name when the compound runs on (ブラウン監督|解任 -> 監督)
            chain = [tok.i]
            head = tok
            while (
                head.head.i > head.i
                and (
                    head.dep_ in ("compound", "flat", "fixed")
                    or (head.dep_ == "nmod" and not any(c.dep_ == "case" for c in head.children))
                )
                and not any(t.pos_ in ("ADP", "PUNCT") for t in doc[head.i + 1 : head.head.i])
            ):
                head = head.head
                chain.append(head.i)
            chains.append(chain[::-1])
    seen: set[int] = set()
    for chain in sorted(chains):
        for i in chain:
            parts = parts_of(unit, doc[i])
            if parts is not None and _is_person(parts.speaker, doc[slice(*noun_phrase(doc[i], lex))], lex):
                if i not in seen:
                    found.append(parts)
                    seen.add(i)
                break
    return found


#: an organisation followed by a person in parentheses: 最高裁第三小法廷(岡部喜代子裁判長)
_ASIDE_PERSON = regex.compile(
    r"(?P<org>[\p{Han}\p{Katakana}ー・A-Za-zＡ-Ｚａ-ｚ0-9０-９]{2,30})"
    r"[（(](?P<person>[\p{Han}\p{Hiragana}\p{Katakana}ー・]{3,20})[)）]"
)


def aside_mentions(source: str, lex: Lexicon) -> list[Parts]:
    """People named in a parenthesis after their organisation: X裁判所(Y裁判長), X社(Y社長)."""
    found: list[Parts] = []
    for m in _ASIDE_PERSON.finditer(source):
        person = m.group("person")
        title = lex.suffix(person, lex.titles)
        if title is None or len(person) - len(title) < 2:
            continue
        org_start, org_end = m.span("org")
        org = lex.suffix(source[org_start:org_end], lex.org_suffixes)
        if org is None:
            continue
        p_start, p_end = m.span("person")
        speaker = Speaker(start=p_start, end=p_end, text=person, name=person[: -len(title)], title=title)
        found.append(
            Parts(
                speaker=speaker,
                affiliation=Affiliation(start=org_start, end=org_end, text=source[org_start:org_end]),
            )
        )
    return found


def _is_person(speaker: Speaker, tokens: Iterable[Token], lex: Lexicon) -> bool:
    """A mention that names a person: a name with a title or honorific, or a 人名 word
    in the mention's own tokens; never an organisation or a medium."""
    name = speaker.name
    if speaker.anonymous or not name or lex.is_org(name) or lex.is_media(name):
        return False
    if speaker.title or speaker.honorific:
        # a name, not an event a titled person is said to have (鈴木新社長の就任会見)
        in_name = [t for t in tokens if t.text in name and t.pos_ != "ADP"]
        return not in_name or "サ変可能" not in in_name[-1].tag_ or "人名" in in_name[-1].tag_
    # a bare name: every word of it a name (not ブラウン監督解任, a dismissal)
    words = [t for t in tokens if t.pos_ not in ("ADP", "PUNCT", "DET")]
    return bool(words) and "人名" in words[-1].tag_


def _person_like(speaker: Speaker, lex: Lexicon) -> bool:
    """A record's speaker that can stand behind 同氏/彼: named, and not an organisation."""
    name = speaker.name
    return (
        bool(name) and not speaker.anonymous and not lex.is_org(name or "") and not lex.is_media(name or "")
    )


def is_short_form(speaker: Speaker, lex: Lexicon) -> bool:
    """Whether a speaker mention needs an antecedent (同氏, 彼, 同教授)."""
    return is_pronoun(speaker.text, lex) or (
        speaker.text.startswith("同") and speaker.name is None and speaker.title is not None
    )


def resolve(records: Sequence[Quotation], mentions: Iterable[Parts], lex: Lexicon) -> list[Quotation]:
    """Records with short-form speakers resolved against earlier mentions of people."""
    pool = sorted((m for m in mentions if _person_like(m.speaker, lex)), key=lambda m: m.speaker.start)
    out: list[Quotation] = []
    for record in records:
        speaker = record.speaker
        if speaker is None:
            out.append(record)
            continue
        earlier = [m for m in pool if m.speaker.end <= speaker.start and m.speaker.name]
        antecedent = _antecedent(speaker, earlier, lex)
        if antecedent is None:
            if is_short_form(speaker, lex):
                record = attrs.evolve(record, confidence=unresolved(record.confidence))
            out.append(record)
            continue
        full = antecedent.speaker
        resolved = attrs.evolve(
            speaker,
            name=full.name,
            reading=speaker.reading or full.reading,
            title=_title(speaker, full),
            anonymous=False,
            resolved_from=Mention(start=full.start, end=full.end, text=full.text),
        )
        carried = None if _former(full) else antecedent.affiliation
        out.append(attrs.evolve(record, speaker=resolved, affiliation=record.affiliation or carried))
    return out


def _title(speaker: Speaker, full: Speaker) -> str | None:
    """The resolved mention's title: its own, unless it is 同 + a title (同監督), which
    the fuller mention's title replaces, or gives when that mention has none."""
    own = speaker.title
    if own and not own.startswith("同"):
        return own
    return full.title or (own.removeprefix("同") or None if own else None)


#: title prefixes that make a post a past one (広島カープ前監督, 元大使)
FORMER = ("前", "元")


def _former(speaker: Speaker) -> bool:
    """Whether a mention names the person by a post they no longer hold."""
    return bool(speaker.title and speaker.title.startswith(FORMER))


_NAME = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー・=＝\p{Latin} ]+")


def _name_like(name: str, lex: Lexicon) -> bool:
    """Whether a string reads as one person's name (not 中村氏3名, not 赤崎氏、天野)."""
    return (
        _NAME.fullmatch(name) is not None
        and "、" not in name
        and not any(h in name[1:] for h in lex.honorifics)  # an honorific inside: two people or a count
        and _LISTED.search(name) is None  # 石破茂首相と尹錫悦: two people
    )


_LISTED = regex.compile(r"\p{Han}[とや]\p{Han}")


def _fullest(mention: Parts, earlier: list[Parts], lex: Lexicon) -> Parts:
    """The fullest earlier mention of the same person (趙長官 -> 趙兌烈外交部長官)."""
    name = mention.speaker.name
    if not name or len(name) > MAX_SURNAME:
        return mention
    longer = [
        m
        for m in earlier
        if m.speaker.name and len(m.speaker.name) > len(name) and m.speaker.name.startswith(name)
    ]
    longer = [m for m in longer if _name_like(m.speaker.name or "", lex)]
    return max(longer, key=lambda m: len(m.speaker.name or "")) if longer else mention


def _antecedent(speaker: Speaker, earlier: list[Parts], lex: Lexicon) -> Parts | None:
    """The fullest earlier mention this speaker refers to, if it is a short form."""
    if not earlier:
        return None
    if is_short_form(speaker, lex):
        title = speaker.title.removeprefix("同") if speaker.title else None
        if speaker.text.startswith("同") and title:
            # 同教授: the latest person with that title, else the latest person
            titled = [m for m in earlier if m.speaker.title and m.speaker.title.endswith(title)]
            return _fullest(titled[-1] if titled else earlier[-1], earlier, lex)
        return _fullest(earlier[-1], earlier, lex)
    name = speaker.name
    if not name:
        return None
    if len(name) <= MAX_SURNAME and (speaker.title or speaker.honorific):
        # 米田代表, 車氏: a surname that starts a longer earlier name
        longer = [
            m
            for m in earlier
            if m.speaker.name and len(m.speaker.name) > len(name) and _name_like(m.speaker.name, lex)
        ]
        same = [m for m in longer if m.speaker.name and m.speaker.name.startswith(name)]
        if same:
            return max(same, key=lambda m: (len(m.speaker.name or ""), m.affiliation is not None))
    # the same name again (キーティング大将): the earlier mention that says more
    fuller = [
        m
        for m in earlier
        if m.speaker.name == name and m.affiliation is not None and m.speaker.text != speaker.text
    ]
    return fuller[-1] if fuller else None
