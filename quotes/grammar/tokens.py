"""What one token of the masked parse is: a predicate, passive, a quotation's placeholder.

Dependency labels are GiNZA's UD labels with the `_bunsetu` suffix stripped
(`quotes.pipeline.parse.plain_labels`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

import regex
from spacy.tokens import Doc, Token

from quotes.lexicon import Lexicon
from quotes.records import Span
from quotes.text.masking import Slot, Unit

#: subject relations: は-topics and が-subjects are both nsubj in GiNZA
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "dislocated"})
#: relations through which a clause hands its subject down to a dependent clause
CLAUSE_DEPS = frozenset({"advcl", "conj", "ccomp", "acl", "xcomp", "parataxis", "ROOT"})
#: brackets around a quotation's placeholder
BRACKETS = frozenset("「」『』｢｣")
#: a word written in katakana (ファルコンズ, ブルーオーシャンズ, ロイター・ワールド)
KATAKANA_WORD = regex.compile(r"[\p{Katakana}ー・]+")

#: the particles of a contrast between two statements (…と示したが、…と明かした)
CONTRASTS = ("が", "けど", "けれど", "けれども", "ものの")


#: the Token extension that marks a word the text writes elsewhere as a person's surname
NAME_EXTENSION = "quotes_name"
if not Token.has_extension(NAME_EXTENSION):
    Token.set_extension(NAME_EXTENSION, default=False)


def names_person(tok: Token) -> bool:
    """Whether a token is (part of) a person's name: tagged 人名 by the dictionary, or a
    surname the text writes elsewhere before a given name (岸辺 of 岸辺大吾, which the
    dictionary reads alone as "shore"; see `mark_surnames`)."""
    return "人名" in tok.tag_ or bool(tok._.get(NAME_EXTENSION))


def mark_surnames(docs: Iterable[Doc], aged: Iterable[list[Token]] = ()) -> None:
    """Mark, in every parse of one text, each word written elsewhere in it as a surname
    (人名-姓, or right before a given name, 人名-名): Sudachi tags a surname by its
    context, so 岸辺大吾 gives 人名 and a later bare 岸辺が gives a common noun. The words
    of `aged` (names written before an age, see `aged_names`) are names, and their
    first word a surname."""
    docs = list(docs)
    surnames = {
        tok.text
        for doc in docs
        for tok in doc
        if tok.pos_ in ("NOUN", "PROPN")
        and (
            "人名-姓" in tok.tag_
            or (tok.i + 1 < len(doc) and "人名-名" in doc[tok.i + 1].tag_ and _HAN.fullmatch(tok.text))
        )
    }
    for name in aged:
        for tok in name:
            tok._.set(NAME_EXTENSION, True)
        surnames.add(name[0].text)
    if not surnames:
        return
    for doc in docs:
        for tok in doc:
            # 真白 (形状詞, "pure white") as a surname: the tagger may make it a verb or adjective
            nominal = tok.pos_ in ("NOUN", "PROPN") or tok.tag_.startswith(("名詞", "形状詞"))
            if tok.text in surnames and nominal and "人名" not in tok.tag_:
                tok._.set(NAME_EXTENSION, True)


#: the most words a name before an age is read as (葉月|このみ, 結|城|り|り)
_AGED_WORDS = 4
#: an age in parentheses after a name, in the source: 真白エマ（24）
_AGE = regex.compile(r"[（(][0-9０-９]{1,3}[)）]")
#: parts of speech that end the words of a name, reading back from the age (送検され|た|真白エマ)
_NOT_IN_NAMES = ("ADP", "PUNCT", "SCONJ", "NUM", "AUX")
#: the first letter of a name (not a kana ending of some other word)
_NAME_START = regex.compile(r"[\p{Han}\p{Katakana}]")


def aged_names(source: str, unit: Unit, doc: Doc, lex: Lexicon) -> Iterator[list[Token]]:
    """The words of each name the source writes before an age in parentheses (真白エマ（24）,
    葉月このみ（24）): news gives ages to people only, so the words are a name whatever the
    dictionary made of them (真白 "pure white", このみ "liking"). A post before the name
    (モデル, 女優: a title or an unnamed source's word) is not part of it."""

    def is_post(word: str) -> bool:
        return lex.suffix(word, lex.titles) is not None or lex.suffix(word, lex.anonymous) is not None

    for tok in doc:
        start, end = unit.to_source(tok.idx, tok.idx + len(tok))
        # the masking folds a dropped aside into the word before it (エマ -> エマ（24）)
        if not (_AGE.match(source, end) or _AGE.match(source, start + len(tok.text))):
            continue
        words: list[Token] = []
        j = tok.i
        while (
            j >= 0 and len(words) < _AGED_WORDS and doc[j].pos_ not in ("ADP", "PUNCT", "SCONJ", "NUM", "AUX")
        ):
            words.insert(0, doc[j])
            j -= 1
        while len(words) > 2 and is_post(words[0].text):
            words.pop(0)  # モデル|真白|エマ: the post, then the name
        text = "".join(t.text for t in words)
        if words and 2 <= len(text) <= 8 and _NAME_START.match(text) and not is_post(text):
            yield words


#: a surname in kanji (石動 of 石動翔太, which the dictionary knows as a place)
_HAN = regex.compile(r"\p{Han}{1,3}")


def placeholder_token(doc: Doc, slot: Slot) -> Token | None:
    """The token that stands for the quotation, or None if the tokenizer lost it."""
    inside = [t for t in doc if t.idx < slot.masked_end and t.idx + len(t) > slot.masked_start]
    if not inside:
        return None
    outside_head = [t for t in inside if t.head not in inside or t.head == t]
    return outside_head[0] if outside_head else inside[0]


def slot_of(token: Token, slots: Sequence[Slot]) -> int | None:
    """Index of the slot whose placeholder `token` stands for, if any."""
    for k, slot in enumerate(slots):
        if token.idx < slot.masked_end and token.idx + len(token) > slot.masked_start:
            return k
    return None


def _before_to(tok: Token) -> bool:
    """Whether the word after `tok` is the quoting と."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.text in ("と", "との")


def is_predicate(tok: Token) -> bool:
    """Whether a token heads a clause: a verb, 明らか(に), or a verbal noun used as one."""
    if tok.pos_ == "VERB":
        return True
    if tok.pos_ == "NOUN" and tok.tag_.startswith("動詞") and _before_to(tok):
        return True  # 取りやめる|と発表した: a verb the tagger left as a noun before と
    # 明らかにした: 明らか (ADJ) heads に, but する is the predicate; accept the ADJ
    # only when a verb follows it directly
    if tok.pos_ == "ADJ" and tok.head.pos_ == "VERB" and tok.head.i > tok.i:
        return True
    # 前置きして, 非難・けん制している, and 体言止め (「…」と明言。): verbal nouns
    # that the tagger left as NOUN
    if "サ変" in tok.tag_:
        if any(c.lemma_ == "する" and c.dep_ in ("aux", "fixed") for c in tok.children):
            return True
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return tok.dep_ == "ROOT" and (nxt is None or nxt.pos_ == "PUNCT")
    return False


#: passive endings: the subject of a passive cue (と批判された) is not the speaker
PASSIVE = frozenset({"れる", "られる"})


def is_passive(pred: Token) -> bool:
    """Whether a predicate is in the passive (認められた, 報じられた)."""
    return any(c.lemma_ in PASSIVE and c.dep_ == "aux" for c in pred.children)


def lemma_of(tok: Token) -> str:
    """The dictionary form of a predicate, with する after verbal nouns (説明 -> 説明する)."""
    if "サ変" in tok.tag_ and tok.lemma_ != "する" and tok.pos_ != "ADJ":
        return tok.lemma_ + "する"
    return tok.lemma_


def adj_lemma(tok: Token) -> str:
    """The lemma of a cue written with an adjective (明らか -> 明らかにする)."""
    return tok.lemma_ + "にする" if tok.pos_ == "ADJ" else lemma_of(tok)


def case_of(tok: Token) -> str:
    """The case particle(s) attached to a noun, joined (に, によると, から)."""
    return "".join(c.text for c in tok.children if c.dep_ == "case" and c.i > tok.i)


def ends_in_to(tok: Token) -> bool:
    """Whether a dependent clause ends in the quotative と (it says something of its own)."""
    return any(c.text in ("と", "との") and c.dep_ in ("case", "mark") for c in tok.children)


def addressed(doc: Doc, noun: Token) -> bool:
    """Whether a noun is followed by に対し(て) (the words were addressed to it)."""
    for c in noun.children:
        if c.dep_ == "case" and c.text == "に" and c.i + 1 < len(doc) and doc[c.i + 1].lemma_ == "対する":
            return True
    return False


def nominalised_topic(clause: Token) -> bool:
    """A clause made a topic by のは (逮捕されたのは)."""
    kids = list(clause.children)
    return any(c.dep_ == "mark" and c.text == "の" for c in kids) and any(
        c.dep_ == "case" and c.text == "は" for c in kids
    )


def marked_subject(tok: Token) -> bool:
    """Whether a noun is a subject or topic (by its relation, or its は/が/も)."""
    return tok.dep_ in SUBJECT_DEPS or any(
        c.dep_ == "case" and c.lemma_ in ("は", "が", "も") for c in tok.children
    )


def child_of(tok: Token, verb: Token) -> Token | None:
    """The ancestor of `tok` (or `tok`) that hangs directly on `verb`, if any."""
    node = tok
    while node.head != node:
        if node.head == verb:
            return node
        node = node.head
    return None


def after_particles(doc: Doc, i: int) -> int:
    """The index after particles, fixed pieces and commas that follow token `i` (not past
    an opening bracket: 「 begins the words that follow)."""
    j = i + 1
    while (
        j < len(doc)
        and doc[j].text not in ("「", "『")
        and (doc[j].pos_ in ("ADP", "PUNCT", "SCONJ") or doc[j].dep_ == "fixed")
    ):
        j += 1
    return j


def aux_run(doc: Doc, pred: Token) -> int:
    """How many auxiliaries and endings follow a predicate before the next word (し|て|いる:
    いる hangs on て, which hangs on the predicate)."""
    run = {pred.i}
    i = pred.i + 1
    while i < len(doc) and doc[i].head.i in run and doc[i].dep_ in ("aux", "mark", "fixed", "cop"):
        run.add(i)
        i += 1
    return len(run) - 1


def contrasted(doc: Doc, verb: Token) -> bool:
    """Whether a predicate ends in a contrast and a comma (示したが、 / 述べたものの、)."""
    i = verb.i + aux_run(doc, verb)  # が may hang on the verb as its mark, or follow it
    if i + 1 < len(doc) and doc[i + 1].text in CONTRASTS:
        i += 1
    return i + 1 < len(doc) and doc[i].text in CONTRASTS and doc[i + 1].text in ("、", ",")


def in_quote(tok: Token) -> bool:
    """Whether `tok` stands for a masked quotation (the placeholder between brackets)."""
    doc = tok.doc
    return 0 < tok.i < len(doc) - 1 and doc[tok.i - 1].text in BRACKETS and doc[tok.i + 1].text in BRACKETS


def token_span(source: str, unit: Unit, doc: Doc, a: int, b: int) -> Span:
    """The source span of tokens `[a, b)` of a unit's parse."""
    start, end = unit.to_source(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
    return Span.of(source, start, end)
