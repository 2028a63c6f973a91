"""Noun phrases of the masked parse: how far one runs, and whether it can be a source.

Japanese news names a source as `[affiliation の] [name][(reading)][title][honorific]`;
the phrase is found on the parse (`noun_phrase`) and taken apart in `quotes.people`.
"""

from __future__ import annotations

import regex
from spacy.tokens import Span, Token

from quotes.grammar.tokens import BRACKETS, KATAKANA_WORD, in_quote, names_person
from quotes.lexicon import Lexicon

#: dependency labels that keep a token inside the speaker's noun phrase (not punct:
#: a comma ends a name, 赤崎勇氏、天野浩氏 are two people)
NP_DEPS = frozenset({"compound", "nmod", "case", "flat", "fixed", "nummod", "appos", "det", "dep", "amod"})
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")


def noun_phrase(head: Token, lex: Lexicon, *, appositions: bool = True) -> tuple[int, int]:
    """Token range `[start, end)` of the noun phrase headed by `head`.

    The phrase runs leftwards over modifiers attached by `NP_DEPS` (not relative
    clauses: 退任を控えたバイデン大統領 gives バイデン大統領) and stops at a
    case particle that belongs to the head (は, が).
    """
    doc = head.doc
    members = {head.i}
    stack = [head]
    while True:
        _grow(head, stack, members, lex, appositions)
        start = head.i
        while start - 1 in members:
            start -= 1
        # a run of nouns is one phrase even where the parser hung a piece of it
        # elsewhere (朴仁フィ国際学部教授 with フィ attached to the verb)
        if (
            start > 0
            and _nominal(doc[start - 1])
            and start - 1 not in members
            and not in_quote(doc[start - 1])
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


def _grow(head: Token, stack: list[Token], members: set[int], lex: Lexicon, appositions: bool) -> None:
    """Add to `members` the modifiers of the tokens on `stack`, depth first."""
    while stack:
        tok = stack.pop()
        for child in tok.children:
            if child.i in members or child.i >= head.i + 3:
                continue
            named = name_bracket(tok) if tok.i != head.i else None
            if named is not None and child.i in named:
                members.update(named)  # シンクタンク「グリーン・ラボ」の研究者: the name's brackets
                continue
            kept = _clause_in_name(child, tok, head, appositions, lex)
            if kept:
                # 在日同胞の生活を考える会, スポークスマンであるジョン…: keep the clause
                members.update(kept)
                continue
            if child.dep_ not in NP_DEPS or not _in_name(child, head):
                continue
            members.add(child.i)
            if in_quote(child):
                members.update((child.i - 1, child.i + 1))
            stack.append(child)


def _in_name(child: Token, head: Token) -> bool:
    """Whether a modifier attached by `NP_DEPS` belongs to the head's phrase."""
    if child.text in BRACKETS or (in_quote(child) and not _quoted_name(child)):
        return False
    if child.dep_ == "nmod" and any(c.dep_ == "case" and c.text in _FRAME_CASES for c in child.children):
        return False  # ロイターによると: a frame, not part of the name
    if child.dep_ == "case" and child.head.i == head.i:
        return False  # the head's own particle (は/が) ends the phrase
    return not (child.dep_ == "punct" and child.i in (head.i - 1, head.i + 1))


#: particles that put a noun outside a name (ロイターによると), unlike の, など, や
_FRAME_CASES = frozenset({"に", "で", "を", "が", "は", "へ", "から", "まで", "より", "も"})


def _clause_in_name(child: Token, parent: Token, head: Token, appositions: bool, lex: Lexicon) -> list[int]:
    """Token indices of a clause that belongs to a name, or [].

    連体詞 (総連のある幹部), an organisation described by a short clause
    (在日同胞の生活を考える会), an unnamed source described by an adjective (首相に近い筋),
    and an apposition with である
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
    if parent.i != head.i and parent.text in lex.org_heads and len(subtree) <= 10:
        return subtree
    if (
        parent.i == head.i
        and child.pos_ == "ADJ"
        and len(subtree) <= 5
        and lex.suffix(head.text, lex.anonymous)
    ):
        return subtree  # 首相に近い筋, 事情に詳しい関係者: how the unnamed source is named
    cop = [c for c in child.children if c.dep_ == "cop" and c.text == "で"]
    if (
        appositions
        and parent.i == head.i
        and child.pos_ in ("NOUN", "PROPN")
        and cop
        and parent.i - child.i <= 8
    ):
        start, _ = noun_phrase(child, lex, appositions=False)
        return [*range(start, child.i + 1), *(t.i for t in cop[0].subtree), *(c.i for c in cop[0].children)]
    return []


def _quoted_name(tok: Token) -> bool:
    """A quoted name modifying the phrase (「OSIグループ」のラビンCEO)."""
    return tok.dep_ == "nmod" and any(c.text == "の" and c.dep_ == "case" for c in tok.children)


def bracket_after(tok: Token) -> range | None:
    """The token range of a short bracket written right after the noun `tok` (brackets
    included, nothing but words inside), or None."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "「":
        return None
    close = next((t.i for t in doc[tok.i + 2 : tok.i + 14] if t.text in ("」", "「", "、", "。")), None)
    if close is None or doc[close].text != "」" or close == tok.i + 2:
        return None
    return range(tok.i + 1, close + 1)


def name_bracket(tok: Token) -> range | None:
    """The token range of a name in brackets written right after `tok` and hung on it
    (シンクタンク「グリーン・ラボ」), brackets included, or None."""
    inside = bracket_after(tok)
    if inside is None or any(
        t.head.i != tok.i and t.head.i not in inside for t in tok.doc[inside[1] : inside[-1]]
    ):
        return None
    return inside


def named_in_brackets(head: Token) -> bool:
    """化学メーカー「グレンフォード・ケミカル」は: a common noun whose name follows it in
    brackets, the bracket's words hung on the noun (or the noun on them: お笑いコンビ
    「ピーナッツバター」は, where the parser made the name the subject)."""
    doc = head.doc
    inside = bracket_after(head)
    if inside is None or inside.stop >= len(doc):
        return False
    owner = head.head.i if head.head.i in inside else head.i  # the phrase's head
    particle = doc[inside.stop]
    if not (particle.dep_ == "case" and particle.head.i == owner and particle.text != "の"):
        return False
    words = doc[inside[1] : inside[-1]]
    return all(t.i == owner or t.head.i in (head.i, owner) or t.head.i in inside for t in words)


def _nominal(tok: Token) -> bool:
    """Whether a token can sit inside a run of nouns (名詞, 接尾辞, the ・ of names)."""
    if tok.text in ("・", "＝", "="):
        return True
    return tok.tag_.startswith(("名詞", "接尾辞")) and _WORDLIKE.search(tok.text) is not None


def is_pronoun(text: str, lex: Lexicon) -> bool:
    """Whether a mention is a pronoun or a bare 同 (同氏, 彼, 本人: `pronouns.txt`)."""
    return text == "同" or text.startswith(lex.pronouns)


#: plural endings of a noun for people (住民ら, 研究者たち)
PLURALS = ("ら", "たち", "達")


def _foreign_name(head: Token, tokens: Span) -> bool:
    """Whether a phrase reads as a name written in katakana that the tagger took for a common
    noun (東都ファルコンズ, ノースウィンズ): a long katakana word, or one after a word of the name."""
    if KATAKANA_WORD.fullmatch(head.text) is None or head.pos_ != "NOUN":
        return False
    prefixed = any(t.dep_ == "compound" and t.head == head and t.i == head.i - 1 for t in tokens)
    return len(head.text) >= 5 or (prefixed and len(head.text) >= 4)


def _a_name(tok: Token) -> bool:
    """Whether a token is part of a name: a proper noun in the dictionary, or one the entity
    recogniser found, unless the dictionary knows it as a verbal noun (投開票, 盗作, 爆発:
    an act, which the recogniser sometimes takes for a person)."""
    return "固有名詞" in tok.tag_ or (tok.pos_ == "PROPN" and "サ変可能" not in tok.tag_) or names_person(tok)


#: a number of people (2人, 3名), which with what it counts is an unnamed group (乗客の2人)
COUNT_OF_PEOPLE = regex.compile(r"[0-9０-９一二三四五六七八九十百千万数]+[人名]")


def can_be_source(head: Token, lex: Lexicon, *, documents: bool = False) -> bool:
    """Whether the phrase headed by `head` can be a source (not 可能性, 余地, 故意).

    A name (a proper noun), a person noun with a title, honorific or as an unnamed
    source (関係者), an organisation or medium, a pronoun; with `documents`, also a
    document (訴状によると). Common nouns are not.
    """
    start, end = noun_phrase(head, lex)
    tokens = head.doc[start:end]
    text = tokens.text
    if any(_a_name(t) for t in tokens) or named_in_brackets(head):
        return True
    if _foreign_name(head, tokens):
        return True
    if COUNT_OF_PEOPLE.fullmatch(head.text):
        return True  # ほかの2人, 乗客の3人: an unnamed group of people, counted
    if head.lemma_ in lex.quantifiers:
        # 住民の一人, 回答者の多く: a part of a group speaks when the group could
        return any(c.dep_ == "nmod" and c.i < head.i and can_be_source(c, lex) for c in head.children)
    words = (lex.titles, lex.honorifics, lex.anonymous) + ((lex.documents,) if documents else ())
    bare = next((text[: -len(p)] for p in PLURALS if text.endswith(p) and len(text) > len(p)), text)
    return (
        any(lex.suffix(t, w) is not None for w in words for t in {text, bare})  # 住民ら: 住民
        or lex.names_org(text)
        or is_pronoun(text, lex)
        or text.rsplit("の", 1)[-1].startswith("同")  # 同氏, 同社: not 同社の最終損益
    )
