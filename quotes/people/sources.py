"""Whether a speaker can be a source, and the organisation an unnamed speaker speaks for."""

from __future__ import annotations

import regex
from spacy.tokens import Token

from quotes.grammar.phrases import can_be_source, noun_phrase
from quotes.grammar.tokens import names_person
from quotes.lexicon import LOCAL_BODIES, Lexicon
from quotes.records import Speaker

#: a description of a person's career or age, no organisation (プロ3年目, 入団2年目, 3年生)
_DESCRIPTION = regex.compile(r"\p{N}+(?:年目|年生|歳|回目|期目|シーズン目)")
ASIDE = regex.compile(r"[（(][^（()）]*[)）]")


def plausible_source(speaker: Speaker, head: Token, lex: Lexicon, *, documents: bool = False) -> bool:
    """Whether a decomposed speaker can be the source of reported words (see `can_be_source`)."""
    if speaker.title or speaker.honorific or speaker.anonymous:
        return True
    return can_be_source(head, lex, documents=documents)


#: words that end a description of what an organisation is, never a name of one
_WHAT_IT_IS = ("大手", "中堅", "中小", "老舗", "新興", "メーカー", "事業者", "スタートアップ", "ベンチャー")


def is_affiliation(org: str, proper: bool, lex: Lexicon) -> bool:
    """Whether a modifier names an organisation: one that ends like one (研究院, 党),
    a proper noun (東北楽天, サンデーレーシング), not a place, a person, a time or a
    common noun (被害者の母親: 被害者 is no affiliation)."""
    bare = ASIDE.sub("", org)
    if bare in LOCAL_BODIES or (bare[:1] == "同" and bare[1:] in LOCAL_BODIES):
        return True  # 市の担当者, 同州の知事: the city or state the text named (orgs.canonical points back)
    if len(bare) < 2 or lex.suffix(bare, lex.honorifics):
        return False
    role = lex.suffix(bare, lex.anonymous)
    if role is not None and not role.endswith("団") and not lex.names_org(bare[: len(bare) - len(role)]):
        return False  # (自称)アルバイトの佐藤さん: an occupation is no organisation (弁護団 is a body)
    if regex.fullmatch(r"[\p{N}\s年月日時分秒代期頃ごろ前後今同]+", bare):
        return False
    if lex.suffix(bare, lex.disciplines) is not None:
        return False  # 女子テニスの: what the person plays, no body
    described = _DESCRIPTION.search(bare)
    if described is not None and not lex.names_org(bare[: described.start()].rstrip("の")):
        return False  # プロ3年目の: how long, no body (not 小児科診療所の60歳代の)
    if bare.endswith(_WHAT_IT_IS) and not proper:
        return False  # 化学メーカー中堅の朝霧化学工業: what the body is, not a body it belongs to
    if bare in lex.places or in_a_place(bare, lex):
        return False  # 東京都内の主婦, 大阪府在住の男性
    if bare.endswith("人") and (bare[:-1] in lex.countries or bare[:-1] in lex.places):
        return False  # イタリア人の画家, ブラジル人の監督: a nationality, no body
    return lex.names_org(bare) or proper or regex.search(r"[\p{Katakana}A-Za-zＡ-Ｚａ-ｚ]", bare) is not None


#: what may stand between equals signs as a person's organisation (蓮見亮平（27）＝東和運輸＝)
EQUALS_ORG = r"[^＝=、。，,\s「」（）()]{2,30}"
#: what may open the organisation of people listed together: ＝ともに北辰化学＝
EQUALS_BOTH = r"(?:ともに|共に)?"


def is_place(text: str, lex: Lexicon) -> bool:
    """Whether a name is a place or country (山田花子＝東京＝: where she is from, no body), or
    somewhere in or near one (東京都内の主婦, 大阪府在住の男性, 県内の)."""
    if text in lex.places or lex.suffix(text, lex.places) == text or text in lex.countries:
        return True
    return in_a_place(text, lex)


def in_a_place(text: str, lex: Lexicon) -> bool:
    """Whether a phrase says somewhere in or near a place (東京都内, 大阪府在住, 県内), which is
    where someone is, not a body they belong to (東京都 itself may be one)."""
    where = next((w for w in _IN_A_PLACE if text.endswith(w) and len(text) > len(w)), None)
    if where is None:
        return False
    stem = text[: -len(where)]
    local = stem[-1] in _LOCAL_ENDINGS and not stem.endswith(NOT_PLACES)  # not 政府内
    return local or stem in lex.places or stem in lex.countries


#: common words that end like a place's name (報道 like 北海道, 選挙区 like 世田谷区, 政府 like
#: 大阪府): no place and no local body
NOT_PLACES = (
    "報道",
    "鉄道",
    "水道",
    "街道",
    "歩道",
    "沿道",
    "柔道",
    "剣道",
    "茶道",
    "書道",
    "地区",
    "選挙区",
    "学区",
    "都市",
    "政府",
    "幕府",
    "都道府県",
    "市区町村",
    "各県",
    "各市",
)
#: what the name of a prefecture, a city or a smaller place ends with (東京都, 大阪府, 北見市)
_LOCAL_ENDINGS = frozenset("都道府県市町村区")
#: words after a place that say where in or near it someone is (東京都内, 大阪府在住, 京都出身)
_IN_A_PLACE = ("内", "在住", "出身", "近郊", "郊外", "周辺")


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
    # a は-topic opening the sentence has it all in its scope, wherever the parser hung it,
    # and so has a setting written as a topic (自民党の役員会では、A が…、B は…)
    candidates.extend(
        t
        for t in subject.doc[: subject.i]
        if t.dep_ in ("nsubj", "dislocated", "obl")
        and any(c.dep_ == "case" and c.text == "は" for c in t.children)
        and (t.dep_ != "obl" or _meeting(t, lex))
    )
    hosts = [
        c
        for c in candidates
        if c.i < subject.i
        and subject not in c.subtree
        and c.pos_ in ("NOUN", "PROPN")
        and c.lemma_ not in lex.relay_nouns  # スポーツニッポンの報道では: a report, no body
        and (any(p.dep_ == "case" and p.text in _TOPIC_CASES for p in c.children) or _meeting(c, lex))
        and _organisation_phrase(c, lex)
    ]
    if subject.head.lemma_ in lex.relay_nouns:
        # 独DPA通信は、州当局者の話として: the medium relays the source, it does not employ it
        hosts = [h for h in hosts if not lex.is_media(h.doc[slice(*noun_phrase(h, lex))].text)]
    if not hosts or not _member(subject, lex):
        return None
    return max(hosts, key=lambda t: t.i)


def _meeting(tok: Token, lex: Lexicon) -> bool:
    """自民党の役員連絡会で: a meeting the words were said at (`occasions.txt`), with で."""
    cases = [c.text for c in tok.children if c.dep_ == "case"]
    occasion = tok.lemma_ in lex.occasions or any(tok.text.endswith(o) for o in lex.occasions)
    return occasion and cases[:1] == ["で"]


def _member(subject: Token, lex: Lexicon) -> bool:
    """Whether the speaker's phrase says they speak for an organisation: a title or an
    unnamed-source word that is not an outsider's (容疑者, 乗客): 広報担当者, ある幹部,
    職員とみられる男性."""
    outsiders = set(lex.outsiders)
    if lex.suffix(subject.text, lex.suspects) is not None:
        return False  # 会社員の高橋容疑者: the suspect, whatever else he is
    doc = subject.doc
    top = subject
    while (
        top.i + 1 < len(doc)
        and doc[top.i + 1].pos_ == "NOUN"
        and not any(c.dep_ == "case" for c in top.children)
    ):
        top = doc[top.i + 1]  # 高橋|寿弥|容疑者: the words the name runs into, however hung
        if lex.suffix(top.text, lex.suspects) is not None:
            return False  # a suspect is no member of the body that arrested him
    for tok in subject.subtree:
        if tok.i > subject.i or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        word = lex.suffix(tok.text, lex.titles) or lex.suffix(tok.text, lex.anonymous)
        if word is not None and tok.text not in outsiders and word not in outsiders:
            return True
    return False


def _organisation_phrase(head: Token, lex: Lexicon) -> bool:
    """Whether the noun phrase of `head` names an organisation, not a person or a thing."""
    start, end = noun_phrase(head, lex, appositions=False)
    tokens = [t for t in head.doc[start:end] if t.pos_ not in ("ADP", "DET", "PUNCT")]
    if not tokens or any(names_person(t) for t in tokens):
        return False
    text = "".join(t.text for t in tokens)
    if lex.suffix(text, lex.titles) or lex.suffix(text, lex.honorifics) or lex.suffix(text, lex.anonymous):
        return False
    proper = any(t.pos_ == "PROPN" or "固有名詞" in t.tag_ for t in tokens)
    return lex.is_org(text) or (proper and is_affiliation(text, proper, lex))
