"""Joining affiliations and media to the organisation table (canonical names).

A record's affiliation (峨山政策研究院, 梨花女子大国際学部) and via (WP, AP通信) keep
their spans as the text writes them; this adds the organisation's canonical
English name, category and country where the table knows it, and leaves them
null where it does not.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

import attrs
import regex

from quotes.grammar.tokens import KATAKANA_WORD
from quotes.lexicon import LOCAL_BODIES, Lexicon
from quotes.orgs.home import at_home, home_country
from quotes.orgs.table import OrganizationTable, OrgMatch
from quotes.people.clubs import clubs_before
from quotes.people.sources import NOT_PLACES
from quotes.records import Affiliation, Quotation, Via


def canonical_affiliation(
    affiliation: Affiliation,
    table: OrganizationTable,
    source: str = "",
    kinds: Mapping[str, str] | None = None,
    named: Sequence[OrgMatch] | None = None,
    *,
    team: bool = False,
) -> Affiliation:
    """The affiliation with canonical name, category and country, when known.

    `同地検`, `同社`, `同大`, and a bare kind word (球団 in 米田純球団代表) stand for an
    organisation named earlier in `source`: with a kind of `kinds`
    (`quotes/data/org_kinds.tsv`), the last one of that category; otherwise the last
    one whose name ends that way (奈良地方検察庁 … 同地検). `named` is
    `table.find_all(source)`, when the caller has it. With `team` (the speaker holds a
    team title: 監督, 選手), a company's name stands for its club (日本ハム -> Hokkaido
    Nippon-Ham Fighters) when exactly one sports club's name starts with it.
    """
    if affiliation.canonical is not None:
        return affiliation
    found = table.lookup(affiliation.text)  # 同志社 is a name before it is 同 + 志社
    if found is None and "の" in affiliation.text:
        # 自動車大手のトヨタ自動車: a description, then the name
        found = table.lookup(affiliation.text.rsplit("の", 1)[1])
    if found is None and affiliation.text and not affiliation.text.endswith("省"):
        # 米国務 of 米国務長官: the department a post names, known by its name with 省
        whole = table.lookup(affiliation.text + "省")
        found = whole if whole is not None and whole.end == len(affiliation.text) + 1 else None
    org = found.organization if found is not None else None
    if team and (org is None or org.category != "sports"):
        written = affiliation.text[found.start : found.end] if found is not None else affiliation.text
        org = table.starting_with(written, "sports") or org
    kinds = kinds or {}
    text = _as_same(affiliation.text)
    if org is None and source and ((text.startswith("同") and len(text) > 1) or text in kinds):
        kind = text[1:] if text.startswith("同") and text not in kinds else text
        before = [
            m for m in (named if named is not None else table.find_all(source)) if m.end <= affiliation.start
        ]
        match = earlier_organization(kind, before, kinds.get(kind), source, at=affiliation.start)
        if match is not None:
            # 同地検, 球団: the organisation as the text named it before
            org = match.organization
            affiliation = Affiliation(start=match.start, end=match.end, text=source[match.start : match.end])
    if org is None:
        return affiliation
    return attrs.evolve(affiliation, canonical=org.canonical, category=org.category, country=org.country)


#: demonstratives that point back to a body as 同 does (このチーム, その会社)
_POINTING = ("この", "その")


def _as_same(text: str) -> str:
    """このチーム, その会社 written as 同チーム, 同会社: a kind word pointing back."""
    if text.startswith(_POINTING) and 1 <= len(text) - 2 <= 6:
        return "同" + text[2:]
    return text


def earlier_organization(
    kind: str,
    before: Sequence[OrgMatch],
    categories: str | None = None,
    source: str = "",
    *,
    at: int | None = None,
) -> OrgMatch | None:
    """The mention of `before` of an organisation of one of `categories` (`company|media`), or,
    without categories, whose name ends in `kind` (地検, 社): the last one written as a
    topic or subject (トヨタ自動車は…デンソーとの提携…。同社 is Toyota), else the last.

    A medium in the sentence of the 同社 at `at` relays it and is not what it points back to
    (北海道新聞が同社の担当者の話として伝えた: 同社 is the company of the sentences before)."""
    wanted = frozenset(categories.split("|")) if categories else None
    fitting = [
        m
        for m in before
        if (
            m.organization.category in wanted
            if wanted is not None
            else any(n.endswith(kind) for n in m.organization.names)
        )
    ]
    if at is not None:
        fitting = [
            m for m in fitting if m.organization.category != "media" or _sentence_ends(source, m.end, at)
        ]
    topics = [m for m in fitting if source[m.end : m.end + 1] in ("は", "が")]
    # an outlet cited for the news (毎日新聞などによると) is not what 同社 points back to
    fitting = [m for m in fitting if m.organization.category != "media" or m in topics]
    chosen = topics or fitting
    return chosen[-1] if chosen else None


def _sentence_ends(source: str, start: int, end: int) -> bool:
    """Whether a sentence ends between `start` and `end` of `source`."""
    return any(stop in source[start:end] for stop in "。！？\n")


#: an organisation introduced by its kind and its name in brackets: ロックバンド「ミッドナイト・パレード」
_KIND_NAME = regex.compile(r"(?P<kind>[\p{Han}\p{Katakana}ー]{2,12})「(?P<name>[^「」。、\n]{1,30})」")


#: 同国外務省: the ministry of the country named before
_SAME_COUNTRY = "同国"


#: a parenthesis after an organisation's name: (TBL), （本社・大阪市）
_ASIDE_AFTER = regex.compile(r"[（(][^（）()]*[)）]$")


def _core(name: str) -> str:
    """An organisation's name without the parenthesis after it."""
    return _ASIDE_AFTER.sub("", name)


def same_as_written(
    affiliation: Affiliation,
    written: Mapping[tuple[int, int], str],
    source: str,
    departments: tuple[str, ...] = (),
    is_body: Callable[[str], bool] | None = None,
) -> Affiliation:
    """`同社` / `同党` for an organisation the table does not know: the last one named as a
    speaker before it (精密部品大手の千曲精工は…。同社の真柴社長は), preferring one whose name
    ends in the kind (同党: …党), or the last one introduced by that kind and its name in
    brackets, which a bare kind word stands for too (ロックバンド「ミッドナイト・パレード」…
    バンドのギタリスト); the affiliation as it was when there is none."""
    text = _as_same(affiliation.text)
    part_of = _part_of_same(affiliation, written, departments)
    if part_of is not None:
        start, end = part_of
        return attrs.evolve(affiliation, start=start, end=end, text=source[start:end])
    of_country = text.startswith(_SAME_COUNTRY) and len(text) > len(_SAME_COUNTRY)
    same = _same_kind(text) or of_country
    kind = text[len(_SAME_COUNTRY) :] if of_country else text[1:] if same else text
    local = kind in LOCAL_BODIES  # 市の担当者: the city named before
    if not (same or local or 2 <= len(kind) <= 6):
        return affiliation  # a name of its own, no kind word: nothing to point back to
    introduced = [
        (m.span("name"), m.group("name"))
        for m in _KIND_NAME.finditer(source, 0, affiliation.start)
        if m.group("kind").endswith(kind) and 2 <= len(kind) <= 6
    ]
    before = sorted(
        (span, name)
        for span, name in written.items()
        if span[1] <= affiliation.start and not name.startswith("同")  # not 同省 itself
    )
    endings = (kind, *_WRITTEN_IN_FULL.get(kind, ()))
    fitting = [
        item for item in before if _core(item[1]).endswith(endings) and len(_core(item[1])) > len(kind)
    ]

    if local:
        # 市の担当者: the city named before, as a speaker or in the narration
        chosen = (
            fitting[-1]
            if fitting
            else max(_narrated(kind, source, affiliation.start, is_body)[-1:], default=None)
        )
    elif not same:
        # 連盟 after 東北ベースボールリーグ連盟: the body named in full before, or introduced
        chosen = max(fitting[-1:] + introduced[-1:], default=None)
    elif fitting or introduced or of_country:
        # 同国外務省: only an earlier 外務省; 同党: an earlier party; 同グループ: one introduced
        chosen = max(fitting[-1:] + introduced[-1:], default=None)
    else:
        chosen = _narrated_or_last(kind, before, source, affiliation.start, is_body)
    if chosen is None:
        return affiliation
    (start, end), _ = chosen
    return attrs.evolve(affiliation, start=start, end=end, text=source[start:end])


def _narrated_or_last(
    kind: str,
    before: list[tuple[tuple[int, int], str]],
    source: str,
    at: int,
    is_body: Callable[[str], bool] | None,
) -> tuple[tuple[int, int], str] | None:
    """同館, 同校: a body of that kind named in the narration before `at`, else the last one
    named as a speaker (`before`); for 同社 the body must be nearer than the last organisation
    that spoke (_NAMES_END_OTHERWISE), and a kind written in short (同大, 同高, 同地裁) is a body
    of that kind or nothing."""
    bodies = _narrated(kind, source, at, is_body)
    if kind in _NAMES_END_OTHERWISE:
        bodies = [item for item in bodies if not before or item[0][0] >= before[-1][0][1]]
    if kind in _WRITTEN_IN_FULL:
        before = []  # not the group that spoke last
    return max((bodies or before)[-1:], default=None)


#: kinds after 同 that are short for what a body's name ends with (同大: 北陵大学)
_WRITTEN_IN_FULL = {
    "大": ("大学",),
    "高": ("高校", "高等学校"),
    "地裁": ("地方裁判所",),
    "高裁": ("高等裁判所",),
    "地検": ("地方検察庁",),
    "署": ("警察署",),
}

#: kinds after 同 whose bodies' names mostly end otherwise (トヨタ自動車 is 同社); for other
#: kinds (同校, 同館, 同署) a body whose name ends in the kind is what 同 points back to
_NAMES_END_OTHERWISE = frozenset({"社"})


def _narrated(
    kind: str, source: str, before: int, is_body: Callable[[str], bool] | None
) -> list[tuple[tuple[int, int], str]]:
    """Names of bodies ending in `kind` written in `source` before `before` (星嶺科学博物館 for
    館), by span: a run of kanji and katakana that `is_body` takes for an organisation (none
    without `is_body`)."""
    if is_body is None:
        return []
    found = []
    ending = r"(?![\p{Han}\p{Katakana}ー])"
    if kind in LOCAL_BODIES:
        ending = rf"(?:(?={_LOCAL_PARTS})|{ending})"  # 美濃川市議会: the city its assembly names
    elif kind in _PARTS_AFTER:
        ending = rf"(?:(?={_PARTS_AFTER[kind]})|{ending})"  # 北陵大学大学院: the university
    kinds = "|".join(regex.escape(k) for k in (*_WRITTEN_IN_FULL.get(kind, ()), kind))
    pattern = rf"[\p{{Han}}\p{{Katakana}}ー・]{{2,20}}?(?:{kinds}){ending}"
    for m in regex.finditer(pattern, source[:before]):
        start, name = m.start(), m.group(0)  # (not 水野社 of 水野社長, nor 本社)
        local = kind in LOCAL_BODIES and not name.endswith(NOT_PLACES)  # 世田谷区, not 選挙区
        if not name.startswith("同") and (is_body(name) or local):
            found.append(((start, m.end()), name))
    return found


#: what follows a city's (town's, …) name in the name of a body of its own: 市議会, 市役所, 市民
#: (not 長: 大野市長 may be a mayor named 大野)
_LOCAL_PARTS = "議会|役所|役場|民|内|立|当局|職員|営|政"
#: what follows a university's name in the name of a part of it (北陵大学大学院医学研究科)
_PARTS_AFTER = {"大": "大学院|病院|医学部|附属|付属"}


def _same_kind(text: str) -> bool:
    """Whether `text` is 同 and a kind word: 同党, 同研究所, 同消防本部, and kinds written in
    katakana, which run longer (同グループ, 同センター, 同プロダクション)."""
    kind = text[1:]
    return text.startswith("同") and (
        1 <= len(kind) <= 4 or (KATAKANA_WORD.fullmatch(kind) is not None and len(kind) <= 8)
    )


def _part_of_same(
    affiliation: Affiliation, written: Mapping[tuple[int, int], str], departments: tuple[str, ...]
) -> tuple[int, int] | None:
    """`同校硬式野球部`, `同大学医学部`: a part of the organisation named before stands for it
    (its span), when an earlier one's name ends in the kind word after 同 (校, 大学)."""
    text = affiliation.text
    if not text.startswith("同") or len(text) <= 4 or not text.endswith(departments) or "の" in text:
        return None  # (同町上村地区の自主防災会: a body of its own in the town)
    for n in (2, 1):
        kind, rest = text[1 : 1 + n], text[1 + n :]
        fitting = [
            span
            for span, name in sorted(written.items())
            if span[1] <= affiliation.start
            and not name.startswith("同")
            and _core(name).endswith(kind)
            and len(_core(name)) > len(kind)
        ]
        if fitting and len(rest) >= 2:
            return fitting[-1]
    return None


def _body_of(lex: Lexicon) -> Callable[[str], bool]:
    """Whether a name is an organisation's and no medium's (what 同館 may point back to)."""
    return lambda name: (
        lex.is_org(name)
        and not lex.is_media(name)
        and lex.suffix(name, lex.org_descriptions) is None  # 設備工事会社 describes, names none
        and "・" not in name  # 政府・与党: a list
    )


def _team_before(
    affiliation: Affiliation, teams: Mapping[tuple[int, int], str], kinds: Mapping[str, str], source: str
) -> Affiliation | None:
    """`球団`, `同チーム`: the club of the last speaker with a team's title before it, which the
    table may not know (東都ファルコンズ), as named in full, else the club named in full
    before it (a topic first), or None."""
    text = affiliation.text
    kind = text[1:] if text.startswith("同") else text
    if kinds.get(kind) != "sports":
        return None
    before = [span for span in sorted(teams) if span[1] <= affiliation.start]
    named = clubs_before(source, affiliation.start)  # 瀬戸内オーシャンズは…。球団の…GM
    if not before and not named:
        return None
    start, end = before[-1] if before else named[-1]
    for a, b in reversed(named):
        if source[a:b].startswith(source[start:end]):
            start, end = a, b  # 瀬戸内 of 瀬戸内オーシャンズ: the club as named in full
            break
    return Affiliation(start=start, end=end, text=source[start:end])


def _note_stated(
    stated: dict[tuple[int, int], str], record: Quotation, affiliation: Affiliation | None, lex: Lexicon
) -> None:
    """Keep the organisations a record names, its speaker's (同党 of 立憲新政党の…代表) or the
    speaker itself (厚生労働省は…と発表した。同省の担当者は), for a later 同X to point back to."""
    speaker = record.speaker  # (same_as_written passes over a 同X among them)
    if affiliation is not None:
        stated.setdefault((affiliation.start, affiliation.end), affiliation.text)
    cited = record.rule == "frame" and speaker is not None and lex.is_media(speaker.text)
    if speaker is not None and lex.names_org(speaker.text) and not cited:  # not 毎日新聞によると
        stated.setdefault((speaker.start, speaker.end), speaker.text)


def canonical_via(via: Via, table: OrganizationTable) -> Via:
    """The medium with its canonical name, when known."""
    if via.canonical is not None:
        return via
    found = table.lookup(via.text)
    return via if found is None else attrs.evolve(via, canonical=found.organization.canonical)


def canonicalise(
    records: Iterable[Quotation],
    table: OrganizationTable,
    source: str,
    lex: Lexicon,
    *,
    written: Mapping[tuple[int, int], str] | None = None,
) -> list[Quotation]:
    """Records with their affiliations and media joined to the table; `同社` the table cannot
    place points back to an organisation the text named as a speaker (`written`, by span)."""
    out = []
    named: list[OrgMatch] | None = None
    kinds = lex.org_kinds
    team_titles = lex.team_titles
    home = home_country(source, lex)
    #: organisations earlier records' speakers belong to, by span: 同党 may point back to one
    stated: dict[tuple[int, int], str] = dict(written or {})
    #: clubs of earlier speakers with a team's title (東都ファルコンズの秋葉投手): what 球団 is
    teams: dict[tuple[int, int], str] = {}
    is_body = _body_of(lex)
    for record in records:
        if named is None and record.affiliation is not None and source:
            text = record.affiliation.text
            if text.startswith("同") or text in (kinds or {}):
                named = table.find_all(source)  # once per text, only when something points back
        title = record.speaker.title if record.speaker is not None else None
        affiliation = record.affiliation and canonical_affiliation(
            record.affiliation,
            table,
            source,
            kinds,
            named,
            team=title is not None and title.endswith(tuple(team_titles)),
        )
        if affiliation is not None and record.affiliation is not None:
            # 同社: the organisation named as a speaker, unless the table's is nearer
            own = same_as_written(record.affiliation, stated, source, lex.department_endings, is_body)
            team = _team_before(record.affiliation, teams, kinds, source)  # a club, not its league
            if team is not None:
                affiliation = team
            elif own is not record.affiliation and (
                affiliation is record.affiliation or own.start > affiliation.start
            ):
                affiliation = own
        if affiliation is not None and home != "JP":
            affiliation = at_home(affiliation, table, home)
        if affiliation is not None and affiliation.country is None and affiliation.text in lex.countries:
            # イラン of イランの大統領: the state itself, known by its code
            affiliation = attrs.evolve(
                affiliation, category="government", country=lex.countries[affiliation.text]
            )
        _note_stated(stated, record, affiliation, lex)
        if affiliation is not None and title is not None and title.endswith(tuple(team_titles)):
            if affiliation.text not in kinds and not affiliation.text.startswith("同"):
                teams[(affiliation.start, affiliation.end)] = affiliation.text
        via = record.via and canonical_via(record.via, table)
        if affiliation is not record.affiliation or via is not record.via:
            record = attrs.evolve(record, affiliation=affiliation, via=via)
        out.append(record)
    return out
