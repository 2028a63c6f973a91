"""A state's officers belong to the state or the ministry the text names.

GUIDELINES: "for a state's officers the state or body the text names (英首相 → 英, 総務相 with
総務省 in the text → 総務省)". A country before an officer's post (イランの大統領, 米国の当局者)
or at the start of the post (英首相) is the affiliation, with the department the post names
(米国務 of 米国務長官: the State Department); a minister (X相, X大臣)
belongs to the ministry X省 when the text names it, its name written in full or the post
in short (文科相: 文部科学省, 国交相: 国土交通省, 外相: 外務省).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import attrs
import regex

from quotes.lexicon import Lexicon
from quotes.records import Affiliation, Quotation, Speaker

#: a ministry as written: its name (with a country, if written so) and 省
_MINISTRY = regex.compile(r"[\p{Han}\p{Katakana}ー・]{1,12}?省")
#: the endings of a minister's post (a US secretary is a 長官: 米国務長官, 国防長官)
_MINISTER = ("大臣", "相", "長官")
#: what comes before 相 or 大臣 in posts that are not a ministry's (首相, 総理大臣)
_NOT_MINISTERS = frozenset({"", "首", "副首", "総理", "副総理", "官房", "内閣官房"})
#: a department's name within a post (国務 of 米国務長官)
_KANJI = regex.compile(r"\p{Han}+")


def is_officer(speaker: Speaker, lex: Lexicon) -> bool:
    """Whether a speaker holds a state's post or is a state's unnamed source (当局者)."""
    word = speaker.title or (speaker.text if speaker.anonymous else None)
    return word is not None and lex.suffix(word, lex.state_titles) is not None


def country_in_title(title: str, lex: Lexicon) -> str | None:
    """The country written at the start of an officer's post (英 of 英首相, 米 of 米国務長官).

    What follows the country must be a post of its own, so that 米国務長官 is 米 + 国務長官
    and 中小企業庁長官 no Chinese post.
    """
    for country in lex.countries_at_start(title):
        rest = title[len(country) :]
        if rest and lex.suffix(rest, lex.state_titles) is not None and _a_post(rest, lex):
            return country
    return None


def state_body_in_title(title: str, lex: Lexicon) -> str | None:
    """The state an officer's post starts with, and the department it names if any: 米国務 of
    米国務長官 and 英国防 of 英国防相 (the State Department, the Defence ministry), 英 of 英首相.

    A department is a word of two or more kanji before the minister's ending (長官, 相,
    大臣), so that 英外相 (外 is the ministry in short) gives 英 alone.
    """
    country = country_in_title(title, lex)
    if country is None:
        return None
    rest = title[len(country) :]
    ending = next((e for e in _MINISTER if rest.endswith(e)), None)
    department = rest[: -len(ending)].removesuffix("副") if ending else ""  # 国務副長官
    if len(department) >= 2 and _KANJI.fullmatch(department) and department not in _NOT_MINISTERS:
        return country + department
    return country


def _a_post(text: str, lex: Lexicon) -> bool:
    """Whether `text` is a post of its own: a title of the lexicon, or one written after
    another title, an organisation or a title prefix (大統領|報道官, 外務省|報道官)."""
    if text in lex.titles or text in lex.state_titles:
        return True
    base = lex.suffix(text, lex.titles)
    before = text[: len(text) - len(base)] if base else ""
    return bool(before) and (before in lex.titles or before in lex.title_prefixes or lex.names_org(before))


def ministry(speaker: Speaker, affiliation: Affiliation | None, source: str) -> Affiliation | None:
    """The ministry the text names for a minister (X相, X大臣, X長官), nearest before the mention
    (else the first after it), preferring one written with the minister's own country."""
    post = speaker.title or ""
    ending = next((e for e in _MINISTER if post.endswith(e)), None)
    if ending is None:
        return None
    stem = post[: -len(ending)]
    if stem in _NOT_MINISTERS:
        return None  # 首相, 総理大臣: the head of a government, not of a ministry
    country = affiliation.text if affiliation is not None else ""
    if country and stem.removesuffix("副") == country:
        # 米国務長官, whose affiliation 米国務 holds the department: 米国務省 as the text writes it
        found = [m for m in _MINISTRY.finditer(source) if m.group().endswith(country + "省")]
        return _nearest(found, speaker)
    stem = stem.removeprefix(country) if country else stem
    found = [m for m in _MINISTRY.finditer(source) if stem and _names_post(m.group()[:-1], stem)]
    if not found:
        return None
    if country:
        # イギリスの外務大臣 is not the ロシア外務省 the text also names
        found = [m for m in found if m.group().startswith(country)]
        if not found:
            return None
    return _nearest(found, speaker)


def _nearest(found: Sequence[regex.Match[str]], speaker: Speaker) -> Affiliation | None:
    """The ministry written nearest before the mention, else the first after it."""
    if not found:
        return None
    before = [m for m in found if m.end() <= speaker.start]
    chosen = before[-1] if before else found[0]
    return Affiliation(start=chosen.start(), end=chosen.end(), text=chosen.group())


def _names_post(name: str, stem: str) -> bool:
    """Whether a ministry's name (国土交通, ウクライナ国防) is the one a post's stem (国交,
    国防) is short for: the stem's characters in order, the first at the start of a word."""
    for start in range(len(name)):
        if name[start] != stem[0]:
            continue
        rest = iter(name[start:])
        if all(ch in rest for ch in stem):
            return True
    return False


#: posts of a state's government, whose holder belongs to the state when the text names
#: only one (サルコジ大統領 in a report from フランス); not a member of its parliament or
#: an envoy, who may be any state's (駐日大使)
_GOVERNMENT_POSTS = (
    "大統領",
    "首相",
    "総理",
    "大臣",
    "政務官",
    "相",
    "長官",
    "次官",
    "報道官",
    "国王",
    "女王",
    "皇太子",
    "主席",
)
#: characters a country's name does not run on into (インド of インドネシア is no country)
_RUNS_ON = regex.compile(r"[\p{Katakana}ー]")


def text_state(records: Sequence[Quotation], source: str, lex: Lexicon) -> list[Quotation]:
    """Records of a state's officer with no affiliation, given the state when the text names
    one and no other (フランスで…。サルコジ大統領は「…」 -> フランス): the last time it is
    written before the speaker, else the first after."""
    waiting = [
        r
        for r in records
        if r.speaker is not None
        and r.affiliation is None
        and r.speaker.name
        and r.speaker.title
        and not r.speaker.title.startswith(("元", "前"))
        and r.speaker.title.endswith(_GOVERNMENT_POSTS)
    ]
    if not waiting:
        return list(records)
    written = _countries_written(source, lex)
    if len({lex.countries[name] for name, _ in written}) != 1:
        return list(records)
    ids = {id(r) for r in waiting}
    out: list[Quotation] = []
    for record in records:
        speaker = record.speaker
        if id(record) not in ids or speaker is None:
            out.append(record)
            continue
        before = [(name, at) for name, at in written if at < speaker.start]
        name, at = before[-1] if before else written[0]
        out.append(attrs.evolve(record, affiliation=Affiliation(start=at, end=at + len(name), text=name)))
    return out


def _countries_written(source: str, lex: Lexicon) -> list[tuple[str, int]]:
    """Each country's name the text writes (two characters or more, the longest at each
    place, not inside a longer katakana word or a person's name), with where, in order."""
    found: list[tuple[str, int]] = []
    for hit in _country_names(tuple(lex.countries)).finditer(source):
        name, (at, end) = hit.group(), hit.span()
        if _RUNS_ON.match(name[-1]) and _RUNS_ON.match(source[end : end + 1]):
            continue
        if _RUNS_ON.match(name[0]) and at > 0 and _RUNS_ON.match(source[at - 1]):
            continue
        if _RUNS_ON.match(name[-1]) and (source[end : end + 1] == "・" or source[at - 1 : at] == "・"):
            continue  # マルタ・ソレル報道官: part of a person's name
        found.append((name, at))
    return found


@cache
def _country_names(names: tuple[str, ...]) -> regex.Pattern[str]:
    """One pattern for the countries' names of two characters or more, longest first (so
    that インドネシア is read whole, not as インド)."""
    longest = sorted((n for n in names if len(n) >= 2), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(n) for n in longest) or "(?!)")  # (none: no match)
