"""The organisation a post holder heads when the text never says: the one it is about.

Business and sports news name the organisation first and its head after, with no
の between them: トヨタ自動車は12日、決算を発表した。…佐藤恒治社長は「…」と述べた, or
北都ブレイザーズは…勝った。岩倉修監督は「…」. The head (a title of
`executive_titles.txt`, `team_titles.txt` or `positions.txt`), or the holder of a post
held in one kind of body (`body_posts.tsv`: a party's 幹事長, a prefecture's 知事, a
government's 官房長官, a court's 裁判長, the court named anywhere before), belongs to the
organisation last written as a sentence's topic (は, or も for another one) before the
person is first named, of the kind of body the post is held in: however far back, as
an article is about one club or company until it names another so.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import attrs
import regex

from quotes.lexicon import Lexicon
from quotes.orgs.table import OrganizationTable
from quotes.people.clubs import CLUB_FORM
from quotes.people.entities import Entity
from quotes.people.mentions import Parts
from quotes.people.offices import is_officer
from quotes.people.sources import NOT_PLACES, is_place
from quotes.records import Affiliation, Quotation

#: what follows an organisation written as the topic of a sentence (日産自動車も: another one)
_TOPIC_MARKS = ("は", "も")
#: a name written as a sentence's topic, after a boundary: 蒼和電機は, 日産自動車も, 遠州ソレイユはこの日
#: (also after a date, as the run-on headlines of an archive leave it: …2012年11月16日美濃川市は)
_NAME_AT_BOUNDARY = (
    r"(?:^|(?<=[の、。\n」　 ])|(?<=[0-9０-９]日))(?P<name>[\p{Han}\p{Katakana}ー・A-ZＡ-Ｚ]{2,16}?)"
)
#: an aside between a name and its topic mark: 日邦電機（本社・大阪府門真市）は
_ASIDE_PATTERN = r"[（(][^（）()]{1,24}[)）]"
_ASIDE = regex.compile(_ASIDE_PATTERN)
_TOPIC = regex.compile(
    rf"{_NAME_AT_BOUNDARY}(?=(?:{_ASIDE_PATTERN})?(?:[はも][^\p{{Hiragana}}]|はこの|はその))",
    regex.MULTILINE,
)


def _marked_as_topic(source: str, end: int) -> bool:
    """Whether the name ending at `end` is followed by a topic mark (は, も), past an aside."""
    aside = _ASIDE.match(source, end)
    at = aside.end() if aside is not None else end
    return source[at : at + 1] in _TOPIC_MARKS


#: a team written as the subject of a sports result, its home in parentheses after it:
#: 青葉台学院（宮城）が鳴門工業を破り, 北辰大が初優勝 (a team's posts only: a subject with が
#: is what a result is about, where a company's or a party's would be any clause's)
_TEAM_SUBJECT = regex.compile(
    rf"{_NAME_AT_BOUNDARY}(?:[（(][^）)]{{1,8}}[)）])?が(?!\p{{Hiragana}})",
    regex.MULTILINE,
)


def _team_subjects(source: str, table: OrganizationTable, lex: Lexicon) -> list[tuple[int, int, str | None]]:
    """Spans of teams written as a sentence's subject (`_TEAM_SUBJECT`), with their category."""
    found = []
    for m in _TEAM_SUBJECT.finditer(source):
        start, end = m.span("name")
        category = _category(table, m.group("name"))
        if _fits("team", m.group("name"), category, lex) and not m.group("name").endswith("部"):
            found.append((start, end, category))
    return found


def _written_topics(source: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Spans of names written as a topic that read as an organisation's or a club's: known
    to the table (トヨタ自動車は), ending like one (蒼和電機は) or a club's (遠州ソレイユは), or a
    place with posts of its own (カリフォルニア州は)."""
    return [
        m.span("name")
        for m in _TOPIC.finditer(source)
        if lex.names_org(m.group("name"))
        or _a_club(m.group("name"), lex)
        or (len(m.group("name")) > 2 and _local(m.group("name")))  # カリフォルニア州は (not 都市は)
    ]


def discourse_hosts(
    records: Sequence[Quotation],
    entities: Mapping[tuple[int, int], Entity],
    source: str,
    lex: Lexicon,
    table: OrganizationTable,
    organisations: Iterable[tuple[int, int]] = (),
) -> list[Quotation]:
    """Records whose speaker heads an organisation the text does not name with them,
    with the organisation the discourse is about before the person's first mention.

    Candidates are `organisations` (spans the parse read as organisations) and the names
    written as a topic that read as one; the table gives their category where it knows
    them. The host is the last one written as a topic (は, も) before the first mention,
    when it is a body the post is held in: a team for a team's post (監督, FW), not a
    state's body for a company's (社長)."""
    spans = {*organisations, *_written_topics(source, lex)}
    topics = sorted(
        (start, end, _category(table, source[start:end]))
        for start, end in spans
        if _marked_as_topic(source, end) and (_a_body(source[start:end], lex) or _local(source[start:end]))
    )
    # a court is named as where a ruling was given as often as as a topic
    courts = (
        (*m.span(), "court") for m in _COURT.finditer(source) if source[m.end() : m.end() + 1] in _COURT_AFTER
    )
    topics = sorted({*topics, *courts}, key=lambda t: (t[0], t[1], t[2] or ""))
    teams = sorted({*topics, *_team_subjects(source, table, lex)}, key=lambda t: (t[0], t[1], t[2] or ""))
    if not teams:
        return list(records)
    out: list[Quotation] = []
    for record in records:
        speaker = record.speaker
        if speaker is None or record.affiliation is not None or speaker.anonymous or not speaker.name:
            out.append(record)
            continue
        entity = entities.get((speaker.start, speaker.end))
        mentioned = entity.mentions if entity is not None else [Parts(speaker=speaker, affiliation=None)]
        titles = [m.speaker.title for m in mentioned if m.speaker.title]
        kinds = {_post_kind(t, lex) for t in titles}
        kind = kinds.pop() if len(kinds) == 1 else None
        if kind is None or (kind == "head" and is_officer(speaker, lex)):
            out.append(record)
            continue
        first = min(m.speaker.start for m in mentioned)
        candidates = teams if kind == "team" else topics
        before = [
            t for t in candidates if t[1] <= first and _fits(kind, source[t[0] : t[1]], t[2], lex, titles)
        ]
        if not before:
            out.append(record)
            continue
        host = before[-1]
        start, end, _ = host
        out.append(
            attrs.evolve(record, affiliation=Affiliation(start=start, end=end, text=source[start:end]))
        )
    return out


#: what a team's name ends with, when the table does not know it (北辰大, 中京高校, FC東京)
_TEAM_ENDINGS = ("クラブ", "チーム", "高校", "高", "学院", "学園", "大学", "大", "部", "FC")
#: heads of a company that a public body has too (日本銀行の総裁, 国際協力機構の理事長)
_PUBLIC_HEADS = ("総裁", "理事長")
#: bodies of a state, whose heads are no company's (環境省, 県, 市)
_STATE_ENDINGS = ("省", "庁", "府", "政府", "県", "市", "町", "村", "区", "局")


def _category(table: OrganizationTable, name: str) -> str | None:
    """The table's category of an organisation's name, or None."""
    found = table.lookup(name)
    return found.organization.category if found is not None else None


def _a_club(text: str, lex: Lexicon) -> bool:
    """Whether a name reads as a club's (遠州ソレイユ), not an event's or an illness's that
    is written the same way (東京オリンピック, 日本シリーズ, 新型コロナウイルス: `events.txt`)."""
    return CLUB_FORM.fullmatch(text) is not None and lex.suffix(text, lex.events) is None


#: what the name of a body of each kind of `body_posts.tsv` ends with (民主党, 東京都, 横浜市)
_BODY_ENDINGS = {
    "party": ("党",),
    "prefecture": ("都", "道", "府", "県", "州"),
    "city": ("市",),
    "town": ("町",),
    "village": ("村",),
    "ward": ("区",),
    "government": ("政府", "政権", "内閣"),
    "court": ("裁判所", "地裁", "高裁", "家裁", "簡裁", "最高裁"),
}
#: what follows a court named as the one that rules (は, が), where it rules (で) or with its
#: judge (（岡部喜代子裁判長）), not one named in passing (二審・大阪高裁判決)
_COURT_AFTER = ("は", "が", "で", "(", "（", "、")
#: a court named anywhere in the text (静岡地裁であった), for its judges
_COURT = regex.compile(
    rf"(?<![\p{{Han}}])(?!同)\p{{Han}}{{0,8}}?(?:{'|'.join(_BODY_ENDINGS['court'])})"
    r"(?:第[一二三四五六七八九十0-9０-９]+(?:小法廷|民事部|刑事部)|大法廷|\p{Han}{1,4}支部)?"
)


#: the kinds of `_BODY_ENDINGS` that are places too, and what their names end with
_LOCAL_KINDS = ("prefecture", "city", "town", "village", "ward")
_LOCAL_ENDINGS = tuple(e for kind in _LOCAL_KINDS for e in _BODY_ENDINGS[kind])


def _fits(kind: str, text: str, category: str | None, lex: Lexicon, posts: Sequence[str] = ()) -> bool:
    """Whether a topic can be the body a post of `kind` (written as `posts`) is held in."""
    if kind in _BODY_ENDINGS:
        # 幹事長 of a party, 知事 of a prefecture (not of 政府, which ends like 府)
        if kind == "party":
            return (category == "party" or text.endswith(_BODY_ENDINGS[kind])) and _a_body(text, lex)
        if kind == "court":
            return _COURT.fullmatch(text) is not None
        if kind == "government":
            return text.endswith(_BODY_ENDINGS[kind]) and _of_that_government(text, posts, lex)
        return _local(text) and text.endswith(_BODY_ENDINGS[kind]) and category != "sports"
    if kind == "team":
        team = category == "sports" or _a_club(text, lex) or text.endswith(_TEAM_ENDINGS)
        return team and _a_body(text, lex)
    state = category in ("government", "legislature", "court", "police", "military")
    # a state's bank or agency has a 総裁 or 理事長 (日本銀行は…。白石総裁は), never a 社長
    public = (
        bool(posts) and all(p.endswith(_PUBLIC_HEADS) for p in posts) and not text.endswith(_STATE_ENDINGS)
    )
    return (
        _a_body(text, lex)
        and (public or not (state or text.endswith(_STATE_ENDINGS)))
        and lex.suffix(text, lex.events) is None
    )


#: posts a foreign government's officer is named by after it (米政府は…。ライス国務長官は)
_SECRETARIES = ("長官", "報道官")


def _of_that_government(text: str, posts: Sequence[str], lex: Lexicon) -> bool:
    """Whether officers with these posts belong to the government `text` names: any, for the
    government of the text (政府は); for another state's (米政府は), only its secretaries and
    spokespeople, not a 首相 or a 官房長官 of the text's own."""
    if not lex.countries_at_start(text):
        return True
    return bool(posts) and all(p.endswith(_SECRETARIES) and not p.endswith("官房長官") for p in posts)


def _local(text: str) -> bool:
    """Whether a topic's words name a place that is also a body with posts of its own (東京都,
    カリフォルニア州, 北見市), which `_a_body` does not take; not a common word ending the same
    way (地元報道, 選挙区, 都市)."""
    return text.endswith(_LOCAL_ENDINGS) and not text.endswith(NOT_PLACES)


def _a_body(text: str, lex: Lexicon) -> bool:
    """Whether a topic's words can be the body a person heads: not an outlet, a place or a
    post (GM in 大曽根GMは)."""
    return not (
        lex.is_media(text)
        or is_place(text, lex)
        or lex.suffix(text, lex.titles) is not None
        or lex.suffix(text, lex.anonymous) is not None
    )


def _post_kind(title: str, lex: Lexicon) -> str | None:
    """ "team" for a post in a team (監督, FW), the kind of body of `body_posts.tsv` (幹事長:
    "party", 知事: "prefecture"), "head" for one at the head of a body (社長), None for any
    other post, 同社長 or a former one."""
    if title.startswith("同") or title.startswith(("元", "前")):
        return None
    if lex.suffix(title, lex.team_titles) is not None or lex.suffix(title, lex.positions) is not None:
        return "team"
    if (body := lex.body_post(title)) is not None:
        return body  # 幹事長: a party's; 知事: a prefecture's
    return "head" if lex.suffix(title, lex.executive_titles) is not None else None
