"""Reading a speaker's noun phrase: name, reading, title, honorific, affiliation.

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

from quotes.lexicon import Lexicon
from quotes.masking import Unit
from quotes.records import Affiliation, Span, Speaker

#: dependency labels that keep a token inside the speaker's noun phrase (not punct:
#: a comma ends a name, 赤崎勇氏、天野浩氏 are two people)
NP_DEPS = frozenset({"compound", "nmod", "case", "flat", "fixed", "nummod", "appos", "det", "dep", "amod"})
#: plural markers written after a speaker (高官ら, 関係者たち)
PLURALS = ("たち", "ら", "等")
_READING = regex.compile(r"[（(]\s*([\p{Katakana}\p{Hiragana}ー・=＝、,\s]+?)\s*[)）]")
_ASIDE = regex.compile(r"[（(][^（()）]*[)）]")
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")


@attrs.frozen(kw_only=True)
class Parts:
    """A speaker phrase taken apart, before it becomes records."""

    speaker: Speaker
    affiliation: Affiliation | None


def noun_phrase(head: Token, *, appositions: bool = True) -> tuple[int, int]:
    """Token range `[start, end)` of the noun phrase headed by `head`.

    The phrase runs leftwards over modifiers attached by `NP_DEPS` (not relative
    clauses: 退任を控えたバイデン大統領 gives バイデン大統領) and stops at a
    case particle that belongs to the head (は, が).
    """
    doc = head.doc
    members = {head.i}
    stack = [head]
    while True:
        while stack:
            tok = stack.pop()
            for child in tok.children:
                if child.i in members or child.i >= head.i + 3:
                    continue
                kept = _clause_in_name(child, tok, head, appositions)
                if kept:
                    # 在日同胞の生活を考える会, スポークスマンであるジョン…: keep the clause
                    members.update(kept)
                    continue
                if child.dep_ in NP_DEPS:
                    if child.text in _BRACKETS or (_in_quote(child) and not _quoted_name(child)):
                        continue
                    if child.dep_ == "nmod" and any(
                        c.dep_ == "case" and c.text in _FRAME_CASES for c in child.children
                    ):
                        continue  # ロイターによると: a frame, not part of the name
                    if child.dep_ == "case" and child.head.i == head.i:
                        continue  # the head's own particle (は/が) ends the phrase
                    if child.dep_ == "punct" and child.i in (head.i - 1, head.i + 1):
                        continue
                    members.add(child.i)
                    if _in_quote(child):
                        members.update((child.i - 1, child.i + 1))
                    stack.append(child)
        start = head.i
        while start - 1 in members:
            start -= 1
        # a run of nouns is one phrase even where the parser hung a piece of it
        # elsewhere (朴仁フィ国際学部教授 with フィ attached to the verb)
        if (
            start > 0
            and _nominal(doc[start - 1])
            and start - 1 not in members
            and not _in_quote(doc[start - 1])
            and not any(c.dep_ == "det" for c in doc[start - 1].children)  # その一方: its own phrase
        ):
            members.add(start - 1)
            stack.append(doc[start - 1])
            continue
        break
    end = head.i + 1
    # suffixes written after the head (氏, ら) that the parser hung elsewhere
    while end < len(doc) and end in members and doc[end].pos_ != "ADP":
        end += 1
    while start < end and (
        doc[start].pos_ in ("ADP", "PUNCT", "SYM", "AUX") or _WORDLIKE.search(doc[start].text) is None
    ):
        start += 1
    return start, end


_BRACKETS = frozenset("「」『』｢｣")
#: particles that put a noun outside a name (ロイターによると), unlike の, など, や
_FRAME_CASES = frozenset({"に", "で", "を", "が", "は", "へ", "から", "まで", "より", "も"})


def _clause_in_name(child: Token, parent: Token, head: Token, appositions: bool) -> list[int]:
    """Token indices of a clause that belongs to a name, or [].

    連体詞 (総連のある幹部), an organisation described by a short clause
    (在日同胞の生活を考える会), and an apposition with である
    (太平洋艦隊のスポークスマンであるジョン・ファイロストラト大尉).
    """
    if child.dep_ != "acl" or child.i > parent.i:
        return []
    subtree = [t.i for t in child.subtree]
    if child.tag_.startswith("連体詞") or (
        child.lemma_ in ("ある", "或る")
        and all(c.dep_ in ("nmod", "case") for c in child.subtree if c != child)
    ):
        return subtree
    if parent.i != head.i and parent.text in ORG_HEADS and len(subtree) <= 10:
        return subtree
    cop = [c for c in child.children if c.dep_ == "cop" and c.text == "で"]
    if (
        appositions
        and parent.i == head.i
        and child.pos_ in ("NOUN", "PROPN")
        and cop
        and parent.i - child.i <= 8
    ):
        start, _ = noun_phrase(child, appositions=False)
        return [*range(start, child.i + 1), *(t.i for t in cop[0].subtree), *(c.i for c in cop[0].children)]
    return []


#: nouns that end an organisation's name and may carry a describing clause
ORG_HEADS = frozenset({"会", "団", "党", "協会", "連盟", "組合", "連合", "同盟"})


def _quoted_name(tok: Token) -> bool:
    """A quoted name modifying the phrase (「OSIグループ」のラビンCEO)."""
    return tok.dep_ == "nmod" and any(c.text == "の" and c.dep_ == "case" for c in tok.children)


def _in_quote(tok: Token) -> bool:
    """Whether `tok` stands for a masked quotation (the placeholder between brackets)."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text in _BRACKETS and doc[tok.i + 1].text in _BRACKETS


def _nominal(tok: Token) -> bool:
    """Whether a token can sit inside a run of nouns (名詞, 接尾辞, the ・ of names)."""
    if tok.text in ("・", "＝", "="):
        return True
    return tok.tag_.startswith(("名詞", "接尾辞")) and _WORDLIKE.search(tok.text) is not None


def decompose(unit: Unit, head: Token, source: str, lex: Lexicon) -> Parts | None:
    """Take apart the speaker phrase headed by `head` into records."""
    start, end = noun_phrase(head)
    if start >= end:
        return None
    doc = head.doc
    tokens = list(doc[start:end])
    base = tokens[0].idx
    text = unit.text[base : tokens[-1].idx + len(tokens[-1])]
    offsets = [t.idx - base for t in tokens]  # token starts within `text`

    # [modifier の|である] head
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
    no_at = cut[0] if cut is not None else None
    mod = text[:no_at] if no_at is not None else ""
    head_from = cut[1] if cut is not None else 0
    head_text = text[head_from:]
    whole = lex.suffix(text, lex.anonymous)
    if whole is not None and len(whole) > len(head_text):
        # 近所の人: an unnamed-source word with の inside it is one word, not X の Y
        head_from = len(text) - len(whole)
        head_text = whole
        mod = text[:head_from].rstrip("の")
    if not head_text:
        return None

    def src(a: int, b: int) -> Span:
        s, e = unit.to_source(base + a, base + b)
        return Span.of(source, s, e)

    # the head: [name][title][honorific][plural]
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
    names = frozenset(t.idx - base for t in tokens if "人名" in t.tag_)
    title_at = _title_start(core, head_from, offsets, lex, names)
    gap = _reading_gap(unit, base + head_from, len(core))
    if gap is not None and (
        lex.suffix(core[gap:], lex.titles) is not None or core[gap:].endswith(_POST_ENDINGS)
    ):
        # 鄭奎澈(チョン・ギュチョル)経済見通し室長: the reading closes the name, whatever
        # the tokenizer made of the characters around it
        title_at = gap
    anon_word = lex.suffix(core, lex.anonymous)
    if title_at is not None and anon_word and len(anon_word) >= len(core) - title_at:
        title_at = None  # 選考委員: an unnamed source, not a name + 委員
    name_end = title_at if title_at is not None else core_end
    name_part = core[:name_end]
    # names and titles are read from the source, where a quoted name is itself
    title = src(head_from + title_at, head_from + core_end).text if title_at is not None else None
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
    name_start = 0
    if lead is not None:
        # 司令官キーティング大将: a title written before the name
        name_start = len(lead)
        name_part = name_part[name_start:]
        title = lead + (f"・{title}" if title else "")
    else:
        # 無職田村誠被告, 会社員中村美咲容疑者: an occupation written straight before a name
        job = next((w for w in lex.anonymous if name_part.startswith(w) and len(w) < len(name_part)), None)
        if job is not None and len(job) > 1 and head_from + len(job) in names:
            name_start = len(job)
            name_part = name_part[name_start:]

    affiliation: Span | None = None
    anonymous = False
    name: str | None = name_part or None
    if name is not None and not title:
        anon = lex.suffix(name, lex.anonymous)
        if anon and honorific and len(name) > len(anon) and head_from + len(name) - len(anon) not in names:
            anon = None  # 坂本義男さん: a given name that ends like 男, not an unnamed man
        if anon:
            anonymous = True
            prefix = name[: len(name) - len(anon)]
            if len(prefix) >= 2 and lex.names_org(prefix):
                affiliation = src(head_from, head_from + len(prefix))
            name = None
    if name is not None and is_pronoun(name):
        name = None
    if name is not None:
        name = src(head_from + name_start, head_from + name_end).text
    # the modifier: [affiliation][title]
    if mod:
        mod_title_at = _title_start(mod, 0, offsets, lex, names)
        org_end = len(mod)
        if mod_title_at is not None:
            # 国際問題委員会副委員長: the organisation inside the title joins the affiliation
            org_end = mod_title_at + _org_prefix(mod[mod_title_at:], lex)
            title = title or src(org_end, len(mod)).text
        while org_end > 0 and mod[org_end - 1] in "の・、 ":
            org_end -= 1  # 太平洋艦隊の|スポークスマン
        org_start = 0
        if mod[org_end - 1 : org_end] in _BRACKETS:
            # 食品卸売り会社・「OSIグループ」の: the quoted name, not its description or brackets
            opener = max(mod.rfind(b, 0, org_end - 1) for b in "「『｢")
            if opener >= 0:
                org_start, org_end = opener + 1, org_end - 1
        org = mod[org_start:org_end]
        proper = (org_start > 0 and mod[org_start - 1] in _BRACKETS) or any(  # 「OSIグループ」の
            t.pos_ == "PROPN" or "固有名詞" in t.tag_ for t in tokens if org_start <= t.idx - base < org_end
        )
        if org and affiliation is None and _is_affiliation(org, proper, lex):
            affiliation = src(org_start, org_end)
    if title and affiliation is None:
        org_len = _org_prefix(title, lex)
        if org_len:
            at = head_from + (title_at or 0)
            if title_at is not None:
                affiliation = src(at, at + org_len)

    speaker_span = src(head_from, len(text))
    if mod and not (title or honorific or anonymous) and lex.is_org(core) and affiliation is not None:
        # マクドナルドのアメリカ法人: a part of an organisation speaks; the whole is its name
        speaker_span = src(0, len(text))
        name = speaker_span.text
    reading = _reading(source[speaker_span.start : speaker_span.end])
    speaker = Speaker(
        start=speaker_span.start,
        end=speaker_span.end,
        text=speaker_span.text,
        name=_clean(name),
        reading=reading,
        title=_clean(title),
        honorific=honorific,
        anonymous=anonymous,
    )
    aff = (
        Affiliation(start=affiliation.start, end=affiliation.end, text=affiliation.text)
        if affiliation is not None and affiliation.text
        else None
    )
    return Parts(speaker=speaker, affiliation=aff)


#: pronouns and short forms that stand for a person named elsewhere (the one list:
#: coref and attribution read it too); 同 + a title (同教授) is handled by the title
PRONOUNS = ("同氏", "同人", "彼女ら", "彼女", "彼ら", "彼", "本人", "両氏")


def is_pronoun(text: str) -> bool:
    """Whether a mention is a pronoun or a bare 同 (同氏, 彼, 本人)."""
    return text in ("同", "自身") or text.startswith(PRONOUNS)


def can_be_source(head: Token, lex: Lexicon, *, documents: bool = False) -> bool:
    """Whether the phrase headed by `head` can be a source (not 可能性, 余地, 故意).

    A name (a proper noun), a person noun with a title, honorific or as an unnamed
    source (関係者), an organisation or medium, a pronoun; with `documents`, also a
    document (訴状によると). Common nouns are not.
    """
    start, end = noun_phrase(head)
    tokens = head.doc[start:end]
    text = tokens.text
    if any(t.pos_ == "PROPN" or "固有名詞" in t.tag_ for t in tokens):
        return True
    words = (lex.titles, lex.honorifics, lex.anonymous) + ((lex.documents,) if documents else ())
    return (
        any(lex.suffix(text, w) is not None for w in words)
        or lex.names_org(text)
        or is_pronoun(text)
        or text.startswith("同")
    )


def plausible_source(speaker: Speaker, head: Token, lex: Lexicon, *, documents: bool = False) -> bool:
    """Whether a decomposed speaker can be the source of reported words (see `can_be_source`)."""
    if speaker.title or speaker.honorific or speaker.anonymous:
        return True
    return can_be_source(head, lex, documents=documents)


def _title_start(
    text: str, shift: int, offsets: list[int], lex: Lexicon, names: frozenset[int] = frozenset()
) -> int | None:
    """Where the title at the end of `text` begins, or None.

    The longest base title (委員, 官房長官) is extended leftwards, one token at
    a time, over title prefixes (首席, 研究), organisation words (内閣, 国際学部)
    and countries, so that 内閣官房長官 and 首席研究委員 are whole titles.
    """
    base = lex.suffix(text, lex.titles)
    if base is None:
        return None
    at = len(text) - len(base)
    starts = sorted({o - shift for o in offsets if 0 <= o - shift < at})
    bound = base in BOUND_TITLES
    while starts:
        # a piece of one to three words: 東京都|知事 and 外交部|長官 are words of two tokens
        for k in range(1, min(3, len(starts)) + 1):
            prev = starts[-k]
            piece = text[prev:at]
            if any(p + shift in names for p in starts[-k:]):
                return at  # 岡部|裁判長: a person's name, even if it ends like 部
            if (
                piece in lex.title_prefixes
                or any(piece.endswith(p) for p in lex.title_prefixes if len(p) > 1)
                or (len(piece) >= (2 if k == 1 else 3) and lex.names_org(piece))
                or (bound and k == 1)  # こども政策|相: a minister's title is all it takes
            ):
                at = prev
                del starts[-k:]
                break
        else:
            break
    return at


#: titles written straight onto what the post is for (経済再生相, こども政策相)
BOUND_TITLES = frozenset({"相"})


def _org_prefix(title: str, lex: Lexicon) -> int:
    """Length of the organisation written inside a title (内閣官房|長官), or 0; none in
    a title of its own (官房長官 is one post, not 官房 + 長官)."""
    if title in lex.titles:
        return 0
    for cut in range(len(title) - 1, 1, -1):  # longest organisation first
        rest = title[cut:]
        if rest in lex.titles and lex.names_org(title[:cut]):
            return cut
    return 0


def _is_affiliation(org: str, proper: bool, lex: Lexicon) -> bool:
    """Whether a modifier names an organisation: one that ends like one (研究院, 党),
    a proper noun (東北楽天, サンデーレーシング), not a place, a person, a time or a
    common noun (被害者の母親: 被害者 is no affiliation)."""
    bare = _ASIDE.sub("", org)
    if len(bare) < 2 or lex.suffix(bare, lex.honorifics):
        return False
    role = lex.suffix(bare, lex.anonymous)
    if role is not None and not lex.names_org(bare[: len(bare) - len(role)]):
        return False  # (自称)アルバイトの佐藤さん: an occupation is no organisation
    if regex.fullmatch(r"[\p{N}\s年月日時分秒代期頃ごろ前後今同]+", bare):
        return False
    if bare in lex.places:
        return False
    return lex.names_org(bare) or proper or regex.search(r"[\p{Katakana}A-Za-zＡ-Ｚａ-ｚ]", bare) is not None


#: particles that make a noun the sentence's topic (は) or an added topic (も)
_TOPIC_CASES = frozenset({"は", "も"})
#: clause relations a topic is read across, from the speaker's verb upwards
_UP_DEPS = frozenset({"advcl", "conj", "ccomp", "xcomp", "parataxis"})


def host_organization(subject: Token, lex: Lexicon) -> Token | None:
    """The organisation an unnamed speaker speaks for, written as a topic of its own.

    `同社は、広報担当者が「…」と話した`, `総連の本部は、職員とみられる男性が…答えた`:
    Japanese puts the organisation first as a topic (は, も) and the person after it
    with が. The topic is looked for on the speaker's verb and the clauses above it,
    and on a misread `XもあるY` (ある read as a verb on Y); it must come before the
    speaker and read as an organisation, not a person.
    """
    candidates: list[Token] = []
    for child in subject.children:
        if child.dep_ in ("acl", "det") and child.lemma_ in ("ある", "或る"):
            candidates.extend(c for c in child.children if c.dep_ == "nsubj")
    v = subject.head
    seen: set[int] = set()
    while v.i not in seen and v != subject:
        seen.add(v.i)
        candidates.extend(c for c in v.children if c.dep_ in ("nsubj", "obl", "dislocated"))
        if v.dep_ not in _UP_DEPS or v.head == v:
            break
        v = v.head
    hosts = [
        c
        for c in candidates
        if c.i < subject.i
        and subject not in c.subtree
        and c.pos_ in ("NOUN", "PROPN")
        and any(p.dep_ == "case" and p.text in _TOPIC_CASES for p in c.children)
        and _organisation_phrase(c, lex)
    ]
    if not hosts or not _member(subject, lex):
        return None
    return max(hosts, key=lambda t: t.i)


def _member(subject: Token, lex: Lexicon) -> bool:
    """Whether the speaker's phrase says they speak for an organisation: a title or an
    unnamed-source word that is not an outsider's (容疑者, 乗客): 広報担当者, ある幹部,
    職員とみられる男性."""
    outsiders = set(lex.outsiders)
    for tok in subject.subtree:
        if tok.i > subject.i or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        word = lex.suffix(tok.text, lex.titles) or lex.suffix(tok.text, lex.anonymous)
        if word is not None and tok.text not in outsiders and word not in outsiders:
            return True
    return False


def _organisation_phrase(head: Token, lex: Lexicon) -> bool:
    """Whether the noun phrase of `head` names an organisation, not a person or a thing."""
    start, end = noun_phrase(head, appositions=False)
    tokens = [t for t in head.doc[start:end] if t.pos_ not in ("ADP", "DET", "PUNCT")]
    if not tokens or any("人名" in t.tag_ for t in tokens):
        return False
    text = "".join(t.text for t in tokens)
    if lex.suffix(text, lex.titles) or lex.suffix(text, lex.honorifics) or lex.suffix(text, lex.anonymous):
        return False
    proper = any(t.pos_ == "PROPN" or "固有名詞" in t.tag_ for t in tokens)
    return lex.is_org(text) or (proper and _is_affiliation(text, proper, lex))


#: how posts end (センター長, 部門長, 第1次長, 報道官): after a reading, what follows is a title
_POST_ENDINGS = ("長", "官", "員", "者", "役", "顧問", "理事", "主席", "代表")


def _reading_gap(unit: Unit, at: int, length: int) -> int | None:
    """Where, in the `length` masked characters from `at`, a dropped reading in
    parentheses stood (鄭奎澈|(チョン・ギュチョル)|経済見通し室長), or None."""
    for j in range(1, length):
        # a dropped aside belongs to the character before it, whose source range it widens
        start, end = unit.starts[at + j - 1], unit.ends[at + j - 1]
        after = unit.source[start + 1 : max(end, unit.starts[at + j])].strip()
        if after and _READING.fullmatch(after):
            return j
    return None


def _reading(text: str) -> str | None:
    found = _READING.search(text)
    return found.group(1).strip() if found else None


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = _ASIDE.sub("", value).strip(" 　・、")
    return value or None
