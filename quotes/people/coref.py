"""Later mentions of a speaker: 同氏, 同教授, 彼, 車首席研究委員, 米田代表 -> the full name.

News introduces a person once in full (峨山政策研究院の車斗鉉首席研究委員) and then
writes 同氏, 車氏 or 車首席研究委員. A record whose speaker is such a short form takes
its name, title and affiliation from the fullest earlier mention of the same person,
keeps its own text and offsets, and records the mention it was resolved from. A
pronoun with no antecedent keeps the pronoun, no name, and a lower confidence:
the library never invents a name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs
import regex
from spacy.tokens import Doc, Token

from quotes.confidence import unresolved
from quotes.grammar.phrases import noun_phrase
from quotes.grammar.tokens import names_person
from quotes.lexicon import Lexicon
from quotes.people.entities import Entity, link, short_form
from quotes.people.mentions import DEMONSTRATIVES, Parts
from quotes.people.offices import is_officer, ministry
from quotes.people.sources import EQUALS_BOTH, EQUALS_ORG, is_place
from quotes.records import Affiliation, Mention, Quotation, Speaker
from quotes.text.masking import Unit


def person_mentions(
    unit: Unit, doc: Doc, lex: Lexicon, parts_of: Callable[[Unit, Token], Parts | None]
) -> list[Parts]:
    """Subjects of a sentence that name a person (a 人名 token, or a name with a title)."""
    found: list[Parts] = []
    chains: list[list[int]] = []
    for tok in doc:
        if tok.dep_ in ("nsubj", "dislocated", "nsubj:pass"):
            chains.append([tok.i])
        elif names_person(tok):
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


#: a person with their organisation between equals signs, as sports results write them:
#: 蓮見亮平（27）＝東和運輸＝, 山田花子＝東京＝, 白波瀬ひかり（19）＝北辰大＝ (a given name in kana)
_EQUALS_ORG = regex.compile(
    r"(?P<person>[\p{Han}\p{Katakana}ー・]{2,16}?|(?<!\p{Han})\p{Han}{1,4}\p{Hiragana}{2,4})"
    r"(?:[（(][0-9０-９]{1,3}[)）])?[＝=]"
    rf"{EQUALS_BOTH}(?P<org>{EQUALS_ORG})[＝=]"
)


def aside_mentions(source: str, lex: Lexicon) -> list[Parts]:
    """People named beside their organisation: X裁判所(Y裁判長), X社(Y社長), and
    蓮見亮平（27）＝東和運輸＝ (a place between equals signs is no organisation)."""
    found = _parenthesised(source, lex)
    for m in _EQUALS_ORG.finditer(source):
        org = m.group("org")
        if is_place(org, lex):
            continue
        p_start, p_end = m.span("person")
        person = m.group("person")
        title = lex.suffix(person, lex.titles)
        name = person[: -len(title)] if title and len(person) > len(title) else person
        speaker = Speaker(
            start=p_start, end=p_end, text=person, name=name, title=title if name != person else None
        )
        o_start, o_end = m.span("org")
        found.append(Parts(speaker=speaker, affiliation=Affiliation(start=o_start, end=o_end, text=org)))
    return found


#: the agency an entertainer belongs to, as the press names it: 所属事務所のアークライト・ミュージックが
_AGENCY = regex.compile(
    r"所属(?:事務所|先)の(?P<org>[^、。\s「」『』（）()]{2,30}?)(?:が|は|を|に|も|と|から|では|によると)"
)


def agency(
    records: Sequence[Quotation], mentions: Iterable[Parts], source: str, lex: Lexicon
) -> list[Quotation]:
    """`女優の花房美咲（31）が…。所属事務所のオフィス・ルミエールが…発表した`: the agency is the
    affiliation of the person named last before it (in its sentence or the one before), for
    that person's records that state none."""
    people = sorted(
        (m.speaker for m in mentions if m.speaker.name and not m.speaker.anonymous),
        key=lambda sp: sp.start,
    )
    owners: dict[str, Affiliation] = {}
    for found in _AGENCY.finditer(source):
        end_before = source.rfind("。", 0, found.start())  # the sentence before starts after
        sentence_start = source.rfind("。", 0, end_before) + 1 if end_before > 0 else 0
        before = [sp for sp in people if sentence_start <= sp.start < found.start()]
        name = before[-1].name if before else None
        org = found.group("org")
        if name and not lex.names_org(name) and not lex.is_media(name) and name not in owners:
            start = found.start("org")
            owners[name] = Affiliation(start=start, end=start + len(org), text=org)
    if not owners:
        return list(records)
    return [
        attrs.evolve(r, affiliation=owners[r.speaker.name])
        if r.speaker is not None and r.affiliation is None and r.speaker.name in owners
        else r
        for r in records
    ]


#: what a sentence says a person is, right after the person as its topic: は東北大学の教授で
_PREDICATED = regex.compile(
    r"は、?(?P<org>[^、。「」『』（）()\sのはがを]{2,24})の(?P<post>[^、。「」『』（）()\sのはがを]{1,10}?)"
    r"(?:で(?!は|あった|した)|であり|を務め(?:る|ており|、)|だ。|である)"  # not 務めた, ではない
)


def predicated_mentions(mentions: Iterable[Parts], source: str, lex: Lexicon) -> list[Parts]:
    """People whose organisation a sentence states as what they are (ジョブズ氏はアップル社の
    CEOで、…; 田中氏は東北大学の教授である): the mention with that organisation."""
    found: list[Parts] = []
    for m in mentions:
        speaker = m.speaker
        if m.affiliation is not None or not speaker.name or speaker.anonymous:
            continue
        hit = _PREDICATED.match(source, speaker.end)
        if hit is None or lex.suffix(hit.group("post"), lex.titles) is None:
            continue
        if hit.group("post").startswith(("元", "前")):
            continue  # 山田氏はソニーの元社長で: where the person was
        org = hit.group("org")
        if not lex.names_org(org):
            continue  # 山田氏は地元の顔で, チームの監督で: no organisation named
        if is_place(org, lex):
            continue
        start, end = hit.span("org")
        found.append(Parts(speaker=speaker, affiliation=Affiliation(start=start, end=end, text=org)))
    return found


def _parenthesised(source: str, lex: Lexicon) -> list[Parts]:
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
    if speaker.anonymous:
        return False
    if not name:
        # 院長は, 大統領は: a post standing for the person who holds it
        return speaker.title is not None and speaker.text.endswith(speaker.title)
    if name in lex.org_names or lex.is_media(name) or (lex.is_org(name) and not speaker.honorific):
        return False  # not 中村氏, which ends like a village's name but is a person's
    if speaker.title or speaker.honorific:
        # a name, not an event a titled person is said to have (鈴木新社長の就任会見)
        in_name = [t for t in tokens if t.text in name and t.pos_ != "ADP"]
        return not in_name or "サ変可能" not in in_name[-1].tag_ or names_person(in_name[-1])
    # a bare name: every word of it a name (not ブラウン監督解任, a dismissal)
    words = [t for t in tokens if t.pos_ not in ("ADP", "PUNCT", "DET")]
    return bool(words) and names_person(words[-1])


def resolve(
    records: Sequence[Quotation],
    mentions: Iterable[Parts],
    source: str,
    lex: Lexicon,
    entities: Mapping[tuple[int, int], Entity] | None = None,
) -> list[Quotation]:
    """Records whose speakers take name, title and affiliation from their entity.

    A speaker written short (同氏, 車首席研究委員, 大統領, アナン事務総長) takes the fullest
    earlier name of the person it names and records the mention it came from; any speaker
    without an affiliation of its own takes the one stated at an earlier mention.
    """
    mentions = list(mentions)
    entities = entities if entities is not None else link(mentions, lex)
    out: list[Quotation] = []
    for record in records:
        speaker = record.speaker
        entity = entities.get((speaker.start, speaker.end)) if speaker is not None else None
        if speaker is not None and entity is None and record.affiliation is None:
            record = _same_source(record, mentions, source, lex)
        if speaker is None or entity is None:
            if speaker is not None and short_form(speaker, lex):
                record = attrs.evolve(record, confidence=unresolved(record.confidence))
            out.append(record)
            continue
        full = entity.fullest(speaker.start, lex)
        if full is not None and _says_more(speaker, full.speaker):
            speaker = attrs.evolve(
                speaker,
                name=full.speaker.name,
                reading=speaker.reading or full.speaker.reading,
                title=_title(speaker, full.speaker),
                anonymous=False,
                resolved_from=Mention(start=full.speaker.start, end=full.speaker.end, text=full.speaker.text),
            )
        affiliation = record.affiliation or entity.affiliation(speaker.start)
        if is_officer(speaker, lex):
            # 総務相, with 総務省 in the text: the ministry the text names
            found = ministry(speaker, affiliation, source)
            if found is None and full is not None and full.speaker.title:
                # ベネット長官 after ローラ・ベネット米国務長官: the post as written in full
                found = ministry(attrs.evolve(speaker, title=full.speaker.title), affiliation, source)
            affiliation = found or affiliation
        out.append(attrs.evolve(record, speaker=speaker, affiliation=affiliation))
    return out


#: how far back (in characters) a bare word for an unnamed source (担当者) names the one
#: written before with its organisation: the sentence before or so
_SAME_SOURCE_REACH = 160
#: what a bare word for an unnamed source stands after when nothing describes it (not 別の関係者)
_STANDS_ALONE = ("", "。", "、", "」", "\n")


def _same_source(record: Quotation, mentions: Sequence[Parts], source: str, lex: Lexicon) -> Quotation:
    """同関係者, この当局者: the unnamed source mentioned last before with that word and an
    affiliation (大統領室関係者 … 同関係者 -> 大統領室)."""
    speaker = record.speaker
    if speaker is None or not speaker.anonymous:
        return record
    near = 0
    if speaker.text.startswith("同") and len(speaker.text) >= 3:
        word = speaker.text[1:]
    elif source[max(0, speaker.start - 2) : speaker.start] in DEMONSTRATIVES and len(speaker.text) >= 2:
        word = speaker.text  # この関係者: the words written before it
    elif (
        len(speaker.text) >= 2
        and speaker.text in lex.anonymous
        and source[speaker.start - 1 : speaker.start] in _STANDS_ALONE
    ):
        # JR東日本の広報担当者は…。担当者によると: the word alone, soon after, is the same source
        word = speaker.text
        near = max(0, speaker.start - _SAME_SOURCE_REACH)
    else:
        return record
    earlier = [
        m
        for m in mentions
        if near <= m.speaker.start
        and m.speaker.end <= speaker.start
        and m.speaker.anonymous
        and m.affiliation is not None
        and m.speaker.text.endswith(word)
        and not m.speaker.text.startswith("同")
    ]
    if not earlier:
        return record
    return attrs.evolve(record, affiliation=max(earlier, key=lambda m: m.speaker.start).affiliation)


def _says_more(speaker: Speaker, full: Speaker) -> bool:
    """Whether an earlier mention names the person more fully than this one."""
    return (full.start, full.end) != (speaker.start, speaker.end) and (
        speaker.name != full.name or full.text != speaker.text
    )


def _title(speaker: Speaker, full: Speaker) -> str | None:
    """The resolved mention's title: its own, unless it is 同 + a title (同監督), which
    the fuller mention's title replaces, or gives when that mention has none."""
    own = speaker.title
    if own and not own.startswith("同"):
        return own
    return full.title or (own.removeprefix("同") or None if own else None)
