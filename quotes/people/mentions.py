"""Taking a speaker's noun phrase apart: name, reading, title, honorific, affiliation.

Japanese news names a source as `[affiliation の] [name][(reading)][title][honorific]`
(峨山政策研究院の車斗鉉(チャ・ドゥヒョン)首席研究委員), `[affiliation+title の] name 氏`
(国際問題委員会副委員長のザワロフ氏), or, for unnamed sources,
`[organisation] + anonymous noun` (米政府関係者, 韓国外交部の当局者). The phrase is
taken apart on the masked sentence, character by character, with the lexicons;
every part maps back to source offsets through the unit.
"""

from __future__ import annotations

import attrs
import regex
from spacy.tokens import Token

from quotes.grammar.phrases import COUNT_OF_PEOPLE, is_pronoun, noun_phrase
from quotes.grammar.tokens import BRACKETS, names_person
from quotes.lexicon import LOCAL_BODIES, Lexicon
from quotes.people.offices import state_body_in_title
from quotes.people.sources import ASIDE, is_affiliation
from quotes.people.titles import READING, org_prefix, reading_gap, title_start
from quotes.records import Affiliation, Span, Speaker
from quotes.text.masking import AGE_AFTER, Unit

#: plural markers written after a speaker (高官ら, 関係者たち)
PLURALS = ("たち", "ら", "等", "自身")  # and the emphatic 自身 (佐々木投手自身)
#: a katakana letter, then the rest (a word in katakana runs on across it)
_KATAKANA_END = regex.compile(r"\p{Katakana}\p{Katakana}")
#: a kanji, which a katakana name has none of
_HAN = regex.compile(r"\p{Han}")
#: a group named by the person at its head: 佐伯真理子教授らの研究グループ, 山田氏が率いるチーム
LED_GROUP = regex.compile(
    r"(?P<person>[^の、。「」]{2,20}?)ら(?:の|が率いる|による)(?:共同|国際)?(?:研究|調査)?(?:グループ|チーム|班)$"
)
#: a name in katakana that ends a phrase (BBC特派員|ジョナー・フィッシャー)
_KATAKANA_NAME = regex.compile(r"\p{Katakana}[\p{Katakana}ー]*(?:[・＝=]\p{Katakana}[\p{Katakana}ー]*)+$")
#: demonstratives before a mention (この院長, その男性), no part of a name
DEMONSTRATIVES = frozenset({"この", "その", "あの"})
#: the longest description of an unnamed source kept in its mention (元従業員の女性)
_DESCRIBED_MAX = 12
#: words before an unnamed source that say how many, not who (全ての回答者)
_HOW_MANY = frozenset(
    {"全て", "すべて", "全部", "各", "多く", "一部", "大半", "半数", "ほとんど", "別", "他"}
)
#: endings of an unnamed source that name it by a post or a part of a group, not a description
_POSTS = ("者", "一人", "ひとり")
#: brackets that open a quoted name
_OPENERS = "「『｢"


@attrs.frozen(kw_only=True)
class Parts:
    """A speaker phrase taken apart, before it becomes records."""

    speaker: Speaker
    affiliation: Affiliation | None


@attrs.frozen(kw_only=True)
class _Phrase:
    """A speaker's phrase as masked text: `text` from masked offset `base`, with the
    starts of its tokens and of the tokens tagged as names (人名), relative to `base`."""

    unit: Unit
    source: str
    base: int
    text: str
    offsets: list[int]
    names: frozenset[int]

    def src(self, a: int, b: int) -> Span:
        """The source span of the phrase's characters `[a, b)`."""
        s, e = self.unit.to_source(self.base + a, self.base + b)
        return Span.of(self.source, s, e)


@attrs.frozen(kw_only=True)
class _Head:
    """The phrase's head word taken apart: `[name][title][honorific][plural]`."""

    start: int  # where the head starts in the phrase's text
    core_end: int  # where name + title end within the head
    title_at: int | None
    honorific: str | None
    name_start: int
    title: str | None


def decompose(unit: Unit, head: Token, source: str, lex: Lexicon) -> Parts | None:
    """Take apart the speaker phrase headed by `head` into records."""
    start, end = noun_phrase(head, lex)
    if start >= end:
        return None
    doc = head.doc
    if end - start > 1 and doc[start].text in DEMONSTRATIVES:
        start += 1  # この院長: the post, not a name この
    tokens = list(doc[start:end])
    base = tokens[0].idx
    phrase = _Phrase(
        unit=unit,
        source=source,
        base=base,
        text=unit.text[base : tokens[-1].idx + len(tokens[-1])],
        offsets=[t.idx - base for t in tokens],
        names=frozenset(t.idx - base for t in tokens if names_person(t)),
    )
    mod, head_from = _modifier(phrase, tokens, head, lex)
    if head_from >= len(phrase.text):
        return None
    parts = _read_head(phrase, head_from, lex)
    proper = frozenset(t.idx - base for t in tokens if t.pos_ == "PROPN" or "固有名詞" in t.tag_)
    return _assemble(phrase, mod, parts, proper, lex)


def _modifier(phrase: _Phrase, tokens: list[Token], head: Token, lex: Lexicon) -> tuple[str, int]:
    """The modifier before the head (`X の` or `X である`) and where the head starts."""
    doc = head.doc
    base, text = phrase.base, phrase.text
    cut = next(
        (
            (t.idx - base, t.idx - base + len(t.text) + (len(doc[t.i + 1].text) if t.text == "で" else 0))
            for t in reversed(tokens)
            if t.i < head.i
            and (
                (t.pos_ == "ADP" and t.lemma_ == "の")
                or (
                    t.text == "で"
                    and t.dep_ == "cop"
                    and t.i + 1 < len(doc)
                    and doc[t.i + 1].lemma_ == "ある"
                )
            )
        ),
        None,
    )
    mod = text[: cut[0]] if cut is not None else ""
    head_from = cut[1] if cut is not None else 0
    whole = lex.suffix(text, lex.anonymous)
    if whole is not None and len(whole) > len(text) - head_from:
        # 近所の人: an unnamed-source word with の inside it is one word, not X の Y
        head_from = len(text) - len(whole)
        mod = text[:head_from].rstrip("の")
    return mod, head_from


def _read_head(phrase: _Phrase, head_from: int, lex: Lexicon) -> _Head:
    """The head's honorific, title and where its name starts."""
    head_text = phrase.text[head_from:]
    core_end = len(head_text)
    honorific = None
    for plural in PLURALS:
        if head_text[:core_end].endswith(plural) and core_end > len(plural):
            core_end -= len(plural)
            break
    hon = lex.suffix(head_text[:core_end], lex.honorifics)
    if hon and core_end > len(hon):
        honorific = hon
        core_end -= len(hon)
    core = head_text[:core_end]
    title_at = title_start(core, head_from, phrase.offsets, lex, phrase.names)
    gap = reading_gap(phrase.unit, phrase.base + head_from, len(core))
    if gap is not None and (
        lex.suffix(core[gap:], lex.titles) is not None or core[gap:].endswith(lex.post_endings)
    ):
        # 鄭奎澈(チョン・ギュチョル)経済見通し室長: the reading closes the name, whatever
        # the tokenizer made of the characters around it
        title_at = gap
    anon_word = lex.suffix(core, lex.anonymous)
    if title_at is not None and anon_word and len(anon_word) >= len(core) - title_at:
        title_at = None  # 選考委員: an unnamed source, not a name + 委員
    # names and titles are read from the source, where a quoted name is itself
    title = phrase.src(head_from + title_at, head_from + core_end).text if title_at is not None else None
    name_part = core[: title_at if title_at is not None else core_end]
    name_start, lead = _before_name(name_part, head_from, phrase.names, lex)
    if lead is not None:
        title = lead + (f"・{title}" if title else "")
    return _Head(
        start=head_from,
        core_end=core_end,
        title_at=title_at,
        honorific=honorific,
        name_start=name_start,
        title=title,
    )


def _before_name(
    name_part: str, head_from: int, names: frozenset[int], lex: Lexicon
) -> tuple[int, str | None]:
    """Where the name starts after a title or occupation written before it, and that title."""
    lead = next(
        (
            t
            for t in lex.titles
            if name_part.startswith(t)
            and len(name_part) > len(t) + 1
            and lex.suffix(name_part, lex.anonymous) is None  # 大統領室関係者: an unnamed source
        ),
        None,
    )
    if lead is not None:
        return len(lead), lead  # 司令官キーティング大将: a title written before the name
    # 無職田村誠被告, 会社員中村美咲容疑者: an occupation written straight before a name
    job = next((w for w in lex.anonymous if name_part.startswith(w) and len(w) < len(name_part)), None)
    if job is not None and len(job) > 1 and head_from + len(job) in names:
        return len(job), None
    # 民主党幹事長鳩山由紀夫氏: an organisation and a post written straight before the name
    starts = sorted(p - head_from for p in names if head_from < p < head_from + len(name_part))
    if starts and lex.suffix(name_part[: starts[0]], lex.titles) is not None:
        return starts[0], name_part[: starts[0]]
    # 勝島営業所スタッフ・高橋寿弥: a post or occupation set off from the name with ・
    dot = name_part.rfind("・")
    lead_part = name_part[:dot]
    if (
        dot > 1
        and head_from + dot + 1 in names
        # a lead in katakana only when it is the whole word (スタッフ・高橋寿弥), not the
        # first part of a foreign name
        and (_HAN.search(lead_part) is not None or lead_part in lex.titles or lead_part in lex.anonymous)
        and (lex.suffix(lead_part, lex.titles) or lex.suffix(lead_part, lex.anonymous))
    ):
        return dot + 1, lead_part
    # BBC特派員ジョナー・フィッシャー: the same with a name in katakana the dictionary does not tag
    kana = _KATAKANA_NAME.search(name_part)
    if kana is not None and kana.start() and lex.suffix(name_part[: kana.start()], lex.titles) is not None:
        return kana.start(), name_part[: kana.start()]
    return 0, None


def _org_before_name(
    phrase: _Phrase, head: _Head, name_end: int, proper: frozenset[int], lex: Lexicon
) -> tuple[str, Span | None]:
    """The name, and the organisation set off before it with ・ (菊川南陵高校・金沢大将校長,
    トヨタ自動車・豊田章男社長), when the words after ・ begin a name."""
    start, end = head.start + head.name_start, head.start + name_end
    text = phrase.text[start:end]
    dot = text.find("・")
    org = text[:dot]
    named = start + dot + 1 in phrase.names | proper
    if dot > 1 and named and _HAN.search(org) and lex.names_org(org):
        return phrase.src(start + dot + 1, end).text, phrase.src(start, start + dot)
    return phrase.src(start, end).text, None


def _assemble(phrase: _Phrase, mod: str, head: _Head, proper: frozenset[int], lex: Lexicon) -> Parts:
    """The speaker and affiliation records of a phrase whose head is read."""
    head_from = head.start
    name_end = head.title_at if head.title_at is not None else head.core_end
    name_part = phrase.text[head_from + head.name_start : head_from + name_end]
    title = head.title
    affiliation: Span | None = None
    generic = False  # the affiliation is a bare word for a body (球団関係者), no name
    name: str | None = name_part or None
    unnamed, title, name_end = _unnamed_or_job(phrase, head, name, title, name_end, lex)
    anonymous = bool(unnamed)  # the unnamed-source word of an anonymous speaker (当局者)
    if unnamed:
        assert name is not None
        affiliation, generic = _unnamed_body(
            phrase, head_from, name[: len(name) - len(unnamed)], unnamed, proper, lex
        )
        name = None
    if name is not None and not is_pronoun(name, lex):
        name, affiliation = _org_before_name(phrase, head, name_end, proper, lex)
    else:
        name = None
    officer = lex.suffix(title or unnamed, lex.state_titles) is not None
    mod, age = _without_age_or_grade(mod)  # 同校野球部の|3年生の部員, 診療所の|60歳代の院長
    if mod:
        found, title = _modifier_parts(phrase, mod, title, proper, officer, lex)
        # 浪速の球団関係者: the club named, not 球団 (エジプトの情報機関関係者: the body stays)
        own = generic and found is not None and found.text not in lex.countries
        affiliation = found if own else affiliation or found
    if title and affiliation is None:
        affiliation = _in_title(phrase, head, title, officer, lex)
    speaker_span = phrase.src(head_from, len(phrase.text))
    core = phrase.text[head_from : head_from + head.core_end]
    if mod and _a_part_or_count(core, lex) and affiliation is None:
        speaker_span, anonymous, name, title = _part_of_group(phrase, mod, head_from), True, None, None
    elif mod and not (title or head.honorific) and (part := _quantifier_before(phrase, mod, lex)):
        # 一部の人, 多くの市民: the part of the group is who speaks, no one person
        speaker_span, anonymous, name = phrase.src(len(mod) - len(part), len(phrase.text)), True, None
    if anonymous:
        speaker_span = _unnamed_span(phrase, mod, age, affiliation, speaker_span)
    elif name is None and title and mod and affiliation is not None and not head.honorific:
        speaker_span = _post_with_body(phrase, head_from, affiliation) or speaker_span  # 国連の報道官
    if mod and not (title or head.honorific or anonymous) and lex.is_org(core) and affiliation is not None:
        speaker_span = phrase.src(0, len(phrase.text))  # マクドナルドのアメリカ法人: the whole is its name
        name = speaker_span.text
    speaker = Speaker(
        start=speaker_span.start,
        end=speaker_span.end,
        text=speaker_span.text,
        name=_clean(name),
        reading=_reading(phrase.source[speaker_span.start : speaker_span.end]),
        title=_clean(title),
        honorific=head.honorific,
        anonymous=anonymous,
    )
    aff = (
        Affiliation(start=affiliation.start, end=affiliation.end, text=affiliation.text)
        if affiliation is not None and affiliation.text
        else None
    )
    return Parts(speaker=speaker, affiliation=aff)


def _a_part_or_count(core: str, lex: Lexicon) -> bool:
    """住民の一人, 乗客の2人: a word for a part of a group, or a number of people."""
    return core in lex.quantifiers or COUNT_OF_PEOPLE.fullmatch(core) is not None


def _post_with_body(phrase: _Phrase, head_from: int, affiliation: Span) -> Span | None:
    """中国国防省の報道官: a post with no name, identified with the body written right before it
    (not 同社の社長, which stands for a person named before)."""
    if affiliation.text.startswith("同"):
        return None
    at = phrase.text.rfind(affiliation.text + "の", 0, head_from)
    if at >= 0 and at + len(affiliation.text) + 1 == head_from:
        return phrase.src(at, len(phrase.text))
    return None


def _unnamed_span(phrase: _Phrase, mod: str, age: str, affiliation: Span | None, span: Span) -> Span:
    """How the text names an unnamed source: with its age or grade (3年生の生徒, 70代の男性)
    or, where it names no body, its description (元従業員の女性, 電話の男)."""
    if age:
        return phrase.src(len(mod), len(phrase.text))
    if (
        mod
        and affiliation is None
        and len(phrase.text) <= _DESCRIBED_MAX
        and mod.rstrip("の") not in _HOW_MANY
        and not phrase.text.endswith(_POSTS)  # 州の災害対策当局者, 住民の一人: the post names them
    ):
        return phrase.src(0, len(phrase.text))
    return span


def _without_age_or_grade(mod: str) -> tuple[str, str]:
    """A modifier without its last part, and that part, when it gives an age or a school
    grade (同校野球部の|3年生); the modifier and "" otherwise."""
    core = mod.rstrip("の")
    last = core.rsplit("の", 1)[-1]
    if _AGE_OR_GRADE.fullmatch(last) is None:
        return mod, ""
    cut = len(core) - len(last)
    return mod[:cut], mod[cut:]


#: an age or a school grade before an unnamed source (3年生の, 70代の, 高校2年の)
_AGE_OR_GRADE = regex.compile(r"(?:小学|中学|高校|大学)?[\p{N}一二三四五六七八九十]+(?:年生|歳代|歳|代|年)")


def _unnamed_or_job(
    phrase: _Phrase, head: _Head, name: str | None, title: str | None, name_end: int, lex: Lexicon
) -> tuple[str, str | None, int]:
    """The unnamed-source word a name part ends in (関係者), or "" with the title and the
    name's end: 彼女 is a pronoun, not an unnamed 女, and 桑原美咲シニアアナリスト a person's
    name, then what they do."""
    if not name or title or is_pronoun(name, lex):
        return "", title, name_end
    unnamed = _unnamed(phrase, head, name, lex) or ""
    start = head.start + head.name_start
    job_at = _named_job(phrase, start, head.start + name_end, unnamed) if unnamed else None
    if job_at is not None:
        return "", phrase.src(job_at, head.start + name_end).text, job_at - head.start
    return unnamed, title, name_end


def _named_job(phrase: _Phrase, start: int, end: int, unnamed: str) -> int | None:
    """Where the occupation after a person's name tagged in `[start, end)` of the phrase
    begins (シニアアナリスト of 桑原美咲シニアアナリスト): the end of the last 人名 word before
    the unnamed-source word; None when no word there is tagged so."""
    names = [p for p in phrase.names if start <= p < end - len(unnamed)]
    if not names:
        return None
    return min((o for o in phrase.offsets if o > max(names)), default=end - len(unnamed))


#: an organisation's initials (WSO, ＩＯＣ): a body when an unnamed source's word follows
_ACRONYM = regex.compile(r"[A-ZＡ-Ｚ]{2,6}")


def _unnamed_body(
    phrase: _Phrase, head_from: int, prefix: str, unnamed: str, proper: frozenset[int], lex: Lexicon
) -> tuple[Span | None, bool]:
    """The body written into an unnamed source's word (米政府|関係者, 米|当局者), and whether
    it is a bare word for a body (球団|関係者) rather than a name."""
    state = prefix in lex.countries and lex.suffix(unnamed, lex.state_titles) is not None
    acronym = _ACRONYM.fullmatch(prefix) is not None  # WSO関係者: initials name a body
    if not ((len(prefix) >= 2 and lex.names_org(prefix)) or state or acronym):
        return None, False
    generic = not state and prefix not in lex.org_names and head_from not in proper
    return phrase.src(head_from, head_from + len(prefix)), generic


def _quantifier_before(phrase: _Phrase, mod: str, lex: Lexicon) -> str | None:
    """The quantifier (一部, 多く) that ends a modifier written with の and starts a word of
    its own (not the end of 第一部), or None."""
    word = max((w for w in lex.quantifiers if mod.endswith(w)), key=len, default=None)
    return word if word is not None and len(mod) - len(word) in phrase.offsets else None


def _in_title(phrase: _Phrase, head: _Head, title: str, officer: bool, lex: Lexicon) -> Span | None:
    """The organisation or state written inside the post: 内閣官房|長官, 英|首相, and a post
    written before the name (民主党幹事長|鳩山由紀夫)."""
    if head.title_at is not None:
        at = head.start + head.title_at
    elif head.name_start and phrase.text.startswith(title, head.start):
        at = head.start
    else:
        return None
    while title.startswith("・") and phrase.text.startswith("・", at):
        at, title = at + 1, title[1:]  # 山田太郎・民主党代表: the dot sets the post off the name
    org_len = org_prefix(title, lex)
    if org_len:
        return phrase.src(at, at + org_len)
    body = state_body_in_title(title, lex) if officer and phrase.text.startswith(title, at) else None
    return phrase.src(at, at + len(body)) if body else None  # 英首相: the state; 米国務長官: 米国務


def _part_of_group(phrase: _Phrase, mod: str, head_from: int) -> Span:
    """住民の一人, 回答者の多く: the group and its part are the unnamed source."""
    return phrase.src(phrase.text.rfind(mod.split("の")[-1], 0, head_from), len(phrase.text))


def _unnamed(phrase: _Phrase, head: _Head, name: str, lex: Lexicon) -> str | None:
    """The unnamed-source word a name part ends in (関係者 of 米政府関係者), if it is one."""
    anon = lex.suffix(name, lex.anonymous)
    if anon is None or len(name) == len(anon):
        return anon
    at = head.start + head.name_start + len(name) - len(anon)
    if at not in phrase.offsets and _KATAKANA_END.match(name[-len(anon) - 1 :]):
        return None  # ステファン: a katakana name that ends like ファン, not a fan
    if head.honorific and head.start + len(name) - len(anon) not in phrase.names:
        return None  # 坂本義男さん: a given name that ends like 男, not an unnamed man
    return anon


def _modifier_parts(
    phrase: _Phrase, mod: str, title: str | None, proper: frozenset[int], officer: bool, lex: Lexicon
) -> tuple[Span | None, str | None]:
    """The affiliation a modifier names, and the title it holds (`[affiliation][title] の`)."""
    mod_title_at = title_start(mod, 0, phrase.offsets, lex, phrase.names)
    if mod_title_at is not None and title and lex.suffix(title, lex.team_titles):
        mod_title_at = None  # サッカー日本代表の…監督: a team's coach or player, the post word names the team
    org_end = len(mod)
    if mod_title_at is not None:
        # 国際問題委員会副委員長: the organisation inside the title joins the affiliation
        org_end = mod_title_at + org_prefix(mod[mod_title_at:], lex)
        title = title or phrase.src(org_end, len(mod)).text
        body = state_body_in_title(mod[mod_title_at:], lex) if org_end == mod_title_at else None
        if body is not None and lex.suffix(mod, lex.state_titles) is not None:
            # ロシア大統領報道官のペスコフ氏: the state the post is of (英国防相の…: 英国防)
            return phrase.src(mod_title_at, mod_title_at + len(body)), title
    own_title = title
    part = phrase.text[len(mod) :].lstrip("の") in lex.quantifiers  # 住民の|一人: a part of a group
    job = lex.suffix(mod, lex.anonymous) if mod_title_at is None and not part else None
    if job is not None and mod[: -len(job)].endswith("の") and len(mod) - len(job) in phrase.offsets:
        # 「中華そば灯」の店主の高畑誠さん: an unnamed source's word as the post, when an
        # organisation owns it (not 住民の男性の)
        org_end = len(mod) - len(job)
        title = title or job
    while org_end > 0 and mod[org_end - 1] in "の・、 ":
        org_end -= 1  # 太平洋艦隊の|スポークスマン
    org_start = 0
    quoted = False
    if mod[org_end - 1 : org_end] in BRACKETS:
        # 食品卸売り会社・「OSIグループ」の: the quoted name, not its description or brackets
        opener = max(mod.rfind(b, 0, org_end - 1) for b in _OPENERS)
        if opener >= 0:
            org_start, org_end = opener + 1, org_end - 1
        elif _opens_bracket(phrase):
            org_end, quoted = org_end - 1, True  # the phrase starts inside the bracket: 「|X」の
    org = mod[org_start:org_end]
    before, _, after = org.rpartition("・")
    named_before = before in lex.org_names or any(org_start <= at < org_start + len(before) for at in proper)
    if before and lex.names_org(after) and not named_before:
        org_start = org_end - len(after)  # 野党・国民の力の: the party, not "opposition"
        org = mod[org_start:org_end]
    if org[:1] in ("元", "前") and org_start + 1 in phrase.offsets and org_start in phrase.offsets:
        return None, title  # 元海軍将校の: the organisation the person was in, not is
    quoted = quoted or (org_start > 0 and mod[org_start - 1] in BRACKETS)  # 「OSIグループ」の
    is_proper = quoted or any(org_start <= at < org_end for at in proper)
    if org in LOCAL_BODIES and lex.suffix(phrase.text[len(mod) :].lstrip("の"), lex.outsiders):
        return None, title  # 県の男性: a man of the prefecture, no official of it
    if org and (
        is_affiliation(org, is_proper, lex)
        or (officer and org in lex.countries)
        or (org in lex.places and _team_post(title, lex))
    ):
        # イランの大統領: a state's officer; 東京のDF, 千葉の監督: a club named by its town
        return phrase.src(org_start, org_end), title
    return None, own_title if job is not None else title


def _team_post(title: str | None, lex: Lexicon) -> bool:
    """Whether a title is a post in a sports team (監督, 主将; DF, positions.txt) that a club written by its
    town's name holds; not 選手 alone (北海道の選手 may be a player from there)."""
    return (
        title is not None
        and title != "選手"
        and (lex.suffix(title, lex.team_titles) is not None or title in lex.positions)
    )


def _opens_bracket(phrase: _Phrase) -> bool:
    """Whether the masked text just before the phrase opens a bracket."""
    return phrase.base > 0 and phrase.unit.text[phrase.base - 1] in _OPENERS


def _reading(text: str) -> str | None:
    found = READING.search(text)
    return found.group(1).strip() if found else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = AGE_AFTER.sub("", ASIDE.sub("", value)).strip(" 　・、")
    return value or None
