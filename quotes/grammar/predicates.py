"""The predicate a quotative hangs from, and the cue it makes.

For `「…」と述べた`: the word after 」 decides whether the bracket is quoted speech
(と, って, との, として) or a term; the quotative と's governing predicate is the cue
(述べた, 明らかにした), preferring a known reporting verb when the parser hung と on a
relative clause; the cue's span takes in its auxiliaries and the noun written onto it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from quotes.grammar.tokens import (
    adj_lemma,
    contrasted,
    is_passive,
    is_predicate,
    lemma_of,
    names_person,
    slot_of,
)
from quotes.lexicon import Lexicon
from quotes.text.masking import Slot, Unit

#: words after 」 that make the bracket a quotation of speech or thought
QUOTATIVES = frozenset({"と", "って", "とか", "とも", "との", "として", "とし"})


#: words allowed between 」 and the quotative (「…」などと述べた)
BETWEEN = frozenset({"など", "なんて", "等"})


#: auxiliaries and endings that belong to the cue (した, している, しました)
CUE_ENDINGS_POS = frozenset({"AUX"})


CUE_ENDINGS = frozenset({"て", "で", "いる", "おる", "いく", "くる", "しまう", "ある", "みる"})


#: cue classes that make a predicate a reporting cue
REPORTING = ("speech", "report", "reaction", "cognition")


def after_closer(doc: Doc, q: Token, slot: Slot) -> Token | None:
    """The first token after the quotation's closing bracket."""
    i = q.i
    while i < len(doc) and doc[i].idx < slot.masked_end:
        i += 1
    # i is now the closing bracket (or what the tokenizer made of it)
    if i < len(doc) and doc[i].pos_ == "PUNCT" and doc[i].text in ("」", "』", "｣"):
        i += 1
    while i < len(doc) and doc[i].text in BETWEEN:
        i += 1
    return doc[i] if i < len(doc) else None


def quotative(doc: Doc, tok: Token) -> tuple[Token, str] | None:
    """The quotative particle at `tok` and its form (と, との, という, とし), if any."""
    if tok.text not in QUOTATIVES and tok.lemma_ not in ("と", "って"):
        return None
    if tok.pos_ not in ("ADP", "SCONJ", "PART", "CCONJ"):
        return None
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if tok.text == "との" or (nxt is not None and nxt.text == "の" and tok.text == "と"):
        return tok, "との"
    if nxt is not None and tok.text == "と" and nxt.text == "は":
        return None  # 「控除期間」とは…: a definition, the quotation is a term
    if tok.text == "として" or (
        nxt is not None
        and nxt.lemma_ == "する"
        and nxt.dep_ == "fixed"
        and nxt.i + 1 < len(doc)
        and doc[nxt.i + 1].text == "て"
    ):
        return tok, "として"
    if (
        nxt is not None
        and nxt.lemma_ in ("いう", "言う")
        and nxt.i + 1 < len(doc)
        and doc[nxt.i + 1].pos_ in ("NOUN", "PROPN")
    ):
        return tok, "という"
    return tok, "と"


def predicate(
    doc: Doc,
    q: Token,
    quotative: Token,
    form: str,
    slots: Sequence[Slot],
    lex: Lexicon,
    *,
    bracketed: bool = True,
) -> Token | int | None:
    """The predicate the quotative と hangs from, a slot index to defer to, or None.

    After a bracket, とし/として is a connector only before a verb that reports too;
    after a reported clause (…だとして、…を逮捕した) it always is: the grounds given
    are part of what the next verb reports.
    """
    h = q.head
    seen = {q.i}
    while h.i not in seen:
        seen.add(h.i)
        other = slot_of(h, slots)
        if other is not None and h.i != q.i:
            return other
        if is_predicate(h):
            if h.pos_ == "ADJ":
                h = h.head
            # とし / として: a connector, unless it ends the sentence (「…」とした) or goes on
            # as a statement of its own (…によるものとしており、…としている: a chain)
            if h.lemma_ == "する" and h.i == quotative.i + 1 and h.dep_ != "ROOT" and not _ongoing(doc, h):
                up = h.head
                connects = _reports(up, lex) if bracketed else is_predicate(up)
                if up.i not in seen and (connects or slot_of(up, slots) is not None):
                    seen.add(h.i)
                    h = up
                    other = slot_of(h, slots)
                    if other is not None:
                        return other
                    # 遺憾だとし、厳重に抗議したと述べた: the next part's verb is itself
                    # reported; the cue is the verb that reports both
                    while h.head != h and h.head.i not in seen and ends_in_quotative(doc, h):
                        seen.add(h.i)
                        h = h.head
                    continue
            return h
        if h.pos_ in ("NOUN", "PROPN", "PRON") and form in ("との", "という"):
            if _owner_of_speech_noun(h, lex):
                h = h.head  # 「…」という自らの見解を示した: the parser hung the words on 自ら
                continue
            if h.lemma_ not in lex.speech_nouns and h.lemma_ not in lex.relay_nouns:
                return None  # 「…」との規定: the quotation names a rule, a term
        if h.dep_ == "ROOT" or h.head == h:
            return None
        h = h.head
    return None


def _ongoing(doc: Doc, verb: Token) -> bool:
    """Whether `verb` is followed by the progressive ておる/ている (としており, としていて)."""
    nxt = doc[verb.i + 1 : verb.i + 3]
    return len(nxt) == 2 and nxt[0].text == "て" and nxt[1].lemma_ in ("おる", "いる")


def _owner_of_speech_noun(noun: Token, lex: Lexicon) -> bool:
    """Whether `noun` only modifies a speech noun after it (自らの見解, 同氏の考え), so that
    the quotation the parser hung on it fills that speech noun."""
    head = noun.head
    return (
        noun.lemma_ not in lex.speech_nouns
        and noun.dep_ == "nmod"
        and head.i > noun.i
        and head.lemma_ in lex.speech_nouns
        and any(c.text == "の" and c.dep_ == "case" for c in noun.children)
    )


def _reports(up: Token, lex: Lexicon) -> bool:
    """Whether the predicate after とし/として reports the words too (「A」とし、「B」と述べた;
    …だとし、抗議したと述べた), so that とし is a connector; otherwise とし/とした is the cue
    itself (「…」として逃走した, 「…」としているという: not the hearsay いう)."""
    if not is_predicate(up) or up.lemma_ in ("いう", "言う"):
        return False
    lemmas = (lemma_of(up), adj_lemma(up), cue_span(up.doc, up, up, lex)[2])  # 明らかに|した
    return any(lex.cue_class(lemma) in REPORTING for lemma in lemmas) or ends_in_quotative(up.doc, up)


def ends_in_quotative(doc: Doc, pred: Token) -> bool:
    """Whether a predicate closes a と-clause (…抗議したと), so that it is reported."""
    i = pred.i + 1
    while i < len(doc) and doc[i].head == pred and doc[i].dep_ in ("aux", "mark", "fixed", "cop"):
        i += 1
    return i < len(doc) and doc[i].text == "と" and doc[i].head == pred and is_predicate(pred.head)


def prefer_cue(doc: Doc, pred: Token, quotative: Token, slots: Sequence[Slot], lex: Lexicon) -> Token:
    """The reporting verb the quotation belongs to, when the parser hung it elsewhere.

    「…」と歩んできた蹄跡を振り返った: と belongs to 振り返った, not to the relative
    clause 歩んできた; 「…」といらだちながら答える: to 答える. When the parser's
    predicate is not a known cue, or is a relative clause on an object, the first
    known cue after the quotative (before the next quotation) is taken instead.
    """
    nxt = doc[quotative.i + 1] if quotative.i + 1 < len(doc) else None
    if (
        nxt is not None
        and quotative.i < nxt.i < pred.i
        and (is_predicate(nxt) or nxt.tag_.startswith("動詞"))  # つづり, which GiNZA calls ADV
        and lex.cue_class(lemma_of(nxt)) in REPORTING
        and not object_clause(nxt, lex)
    ):
        return nxt  # 「…」とつづり、…が寄せられた: the reporting verb right after と, not a later one
    if lex.cue_class(lemma_of(pred)) in REPORTING and not object_clause(pred, lex):
        return pred
    if pred.lemma_ == "する" and pred.i == quotative.i + 1 and lex.cue_class("とする") in REPORTING:
        return pred  # 「…」としているという: とする is the cue, the hearsay という after it is not
    for tok in doc[quotative.i + 1 :]:
        if tok.text in ("「", "『") or slot_of(tok, slots) is not None:
            break
        if is_predicate(tok) and not object_clause(tok, lex):
            head = tok.head if tok.pos_ == "ADJ" else tok
            if lex.cue_class(lemma_of(tok)) in REPORTING or lex.cue_class(adj_lemma(tok)) in REPORTING:
                return head
            if contrasted(doc, tok):
                break  # …との見通しを示したが、外交筋は…と明かした: the next cue is another's
    return pred


def object_clause(tok: Token, lex: Lexicon) -> bool:
    """A relative clause on an object (来期の契約を結ばないことを伝え: 結ば), not a clause
    on a noun of time (…と前置きした後で) or on the person who spoke (…と語った首相を)."""
    return (
        tok.dep_ == "acl"
        and tok.head.dep_ in ("obj", "obl", "iobj", "nmod")
        and tok.head.lemma_ not in lex.adverbial_nouns
        and not describes_person(tok, (), lex)
    )


def describes_person(v: Token, slots: Sequence[Slot], lex: Lexicon) -> bool:
    """Whether `v` is an active relative clause on a noun for people (人, 回答者, 首相)
    or a name: 「…」と答えた人, not 「…」と言われた選手."""
    head = v.head
    return (
        v.dep_ == "acl"
        and head.i > v.i
        and slot_of(head, slots) is None
        and not is_passive(v)
        and (
            head.text in _PEOPLE
            or names_person(head)
            or lex.suffix(head.text, lex.anonymous) is not None
            or lex.suffix(head.text, lex.titles) is not None
        )
    )


#: nouns for people that are no unnamed-source word of their own
_PEOPLE = ("人", "人々", "方")


#: nouns of an order, given out with a light verb like words (「…」と指示を出した)
_ORDERS = ("命令", "指示")


def _noun_object(doc: Doc, pred: Token, lex: Lexicon) -> tuple[int, str] | None:
    """The start and lemma of a cue whose verb takes a speech noun with を before it: a light
    verb's (コメントを出した, 指示を出した) or a reporting verb's (「…」との声明を発表した, the
    lemma the verb's); None for another object."""
    noun = doc[pred.i - 2]
    lemma = lemma_of(pred)
    if pred.lemma_ in lex.light_verbs:
        if (
            noun.lemma_ in lex.speech_nouns
            or noun.lemma_ in lex.relay_nouns
            or noun.lemma_ in ("命令", "指示")
        ):
            lemma = noun.lemma_ + "を" + pred.lemma_
            if lex.cue_class(lemma) is None and lex.cue_class(noun.lemma_ + "する"):
                lemma = noun.lemma_ + "する"
            return noun.i, lemma
        return None
    compound = any(c.dep_ == "compound" for c in noun.children)  # 起訴内容, 緊急声明: not cut
    if lex.speech_nouns.get(noun.lemma_) == "speech" and lex.cue_class(lemma) is not None and not compound:
        return noun.i, lemma
    return None


def cue_span(doc: Doc, pred: Token, quotative: Token, lex: Lexicon) -> tuple[int, int, str]:
    """Token range and lemma of the cue whose head is `pred` (明らかにした, 説明した)."""
    start, end = pred.i, pred.i + 1
    lemma = lemma_of(pred)
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and prev.text == "に" and start >= 2 and doc[start - 2].pos_ == "ADJ":
        start -= 2
        lemma = doc[start].lemma_ + "にする" if pred.lemma_ == "する" else doc[start].lemma_ + "に" + lemma
    elif (
        prev is not None
        and prev.text == "に"
        and start >= 2
        and pred.lemma_ == "する"
        and lex.cue_class(doc[start - 2].lemma_ + "にする") is not None
    ):
        start -= 2  # 口にした: a noun with に and する that the lexicon knows as one cue
        lemma = doc[start].lemma_ + "にする"
    elif prev is not None and prev.text == "を" and start >= 2 and (held := _noun_object(doc, pred, lex)):
        start, lemma = held
    elif pred.lemma_ == "する" and prev is not None and prev.i == quotative.i:
        start = quotative.i
        lemma = "とする"
    elif (
        prev is not None
        and prev.head == pred
        and prev.pos_ == "NOUN"
        and not any(c.dep_ == "case" for c in prev.children)
    ):
        # 結論+付けた, 明言+した: a noun written straight onto the verb is part of it
        start -= 1
        lemma = prev.lemma_ + pred.lemma_
    if start == pred.i and _idiom_object(doc, pred, quotative):
        start -= 2  # 「…」と胸を張った, 苦言を呈した: the whole expression, its lemma the verb's
    elif start == pred.i and (opening := _idiom_phrase(doc, pred, quotative, lex)) is not None:
        start = opening  # 「…」と安堵の表情を浮かべた, とどよめきが起きた
    if end < len(doc) and doc[end].head == pred and "非自立可能" in doc[end].tag_ and doc[end].pos_ == "VERB":
        lemma = pred.text + doc[end].lemma_ if lemma == pred.lemma_ else lemma  # 意気|込んだ, 語り|始めた
        end += 1
    while end < len(doc):
        tok = doc[end]
        if tok.pos_ in CUE_ENDINGS_POS or (
            tok.lemma_ in CUE_ENDINGS and tok.dep_ in ("aux", "mark", "fixed")
        ):
            end += 1
            continue
        break
    return start, end, lemma


def _idiom_object(doc: Doc, pred: Token, quotative: Token) -> bool:
    """Whether the cue is `N を V` written right after the quotative (と胸を張った, と首を
    かしげた, と笑顔を見せた): the noun is part of the expression."""
    i = pred.i
    return (
        i >= 2
        and doc[i - 1].text == "を"
        and doc[i - 2].pos_ == "NOUN"
        and doc[i - 2].head == pred
        and doc[i - 2].i - 1 == quotative.i
    )


def _idiom_phrase(doc: Doc, pred: Token, quotative: Token, lex: Lexicon) -> int | None:
    """Where the cue starts when a bracket's cue is `N の N を V` with a verb that shows a
    feeling (と安堵の表情を浮かべた, と感無量の表情を見せた; `display_verbs.txt`) or a crowd's
    `N が V` (と歓声が上がった), written right after the quotative: the nouns are part of
    the expression. Only after a bracket, so a reported clause (…との観測を…報じた) keeps
    its own bounds; never a name."""
    i = pred.i
    if quotative.i < 1 or doc[quotative.i - 1].text not in ("」", "』") or i < 3:
        return None
    if pred.lemma_ not in lex.display_verbs:
        return None  # と中国政府を非難した: what is criticised is no part of the cue
    if doc[i - 1].text not in ("を", "が") or doc[i - 2].pos_ != "NOUN" or doc[i - 2].head != pred:
        return None
    if doc[i - 1].text == "が" and doc[i - 2].lemma_ not in lex.voice_nouns:
        return None  # と山田氏が述べた: the speaker, no part of the cue
    words = doc[quotative.i + 1 : i - 1]
    # 感無量|の|表情: a noun the tagger calls adjectival counts (名詞-普通名詞-形状詞可能)
    joined = all(
        (t.tag_.startswith("名詞") and "固有名詞" not in t.tag_) or (t.pos_ == "ADP" and t.text == "の")
        for t in words
    )
    if not 1 <= len(words) <= _IDIOM_WORDS or not joined or any(names_person(t) for t in words):
        return None
    return quotative.i + 1


#: the most words the nouns of an idiomatic cue run to (安堵|の|表情)
_IDIOM_WORDS = 4


def clause_like(slot: Slot, unit: Unit) -> bool:
    """Whether the quotation reads as a clause (ends in kana or 。), not a bare name.

    「…行なっていない」として無罪とした cites reasoning; 「フランチェスコ1世」として
    names a title. The masked parse cannot tell them apart; the content's ending can.
    """
    return unit.text_of(slot)[-1:] in _CLAUSE_ENDINGS if unit.text_of(slot) else False


_CLAUSE_ENDINGS = frozenset(
    "ぁあぃいぅうぇえぉおかがきぎくぐけげこごさざしじすずせぜそぞただちぢっつづてでとどなにぬねのはばぱひびぴふぶぷへべぺほぼぽまみむめもゃやゅゆょよらりるれろゎわをん。！？!?"
)
