"""Voices from a crowd or a place: ネット上では「…」といった声が上がった, 視聴者からは「…」
との声も聞かれた, 「…」と批判が殺到した, ネット上では「…」と擁護する意見も出ている.

The quotation fills a voice noun (`voice_nouns.txt`) that is the subject of its verb;
the cue is the noun and its verb (声が上がった), or the reporting verb of a clause on the
noun (擁護する); the speaker is the source named with から, では, には or でも on that verb
(ネット上, 視聴者, SNS), or no one: the voices are never handed to the last person named.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotes.grammar.phrases import can_be_source, noun_phrase
from quotes.grammar.predicates import REPORTING, cue_span
from quotes.grammar.tokens import case_of, ends_in_to, is_predicate, lemma_of
from quotes.lexicon import Lexicon
from quotes.rules.findings import Finding
from quotes.text.masking import Slot

#: what marks the place or crowd voices come from (ネット上では, 視聴者から, ファンの間でも)
_SOURCE_CASES = ("から", "からは", "からも", "からの", "では", "で", "には", "でも")


def voice(doc: Doc, q: Token, slot: Slot, lex: Lexicon) -> Finding | None:
    """The reading of a quotation that is a crowd's voices, or None if it is not one."""
    # 「…」と擁護する意見, 「…」と厳しい意見: a clause or an adjective on the voice noun
    clause = q.head if (is_predicate(q.head) or q.head.pos_ == "ADJ") and q.head.dep_ == "acl" else None
    noun = clause.head if clause is not None else q.head
    if clause is None and noun.lemma_ not in lex.voice_nouns and ends_in_to(q):
        # 「…」などと、ファンからの声が相次いだ: the parser hung the quotation on the verb
        # whose subject is the voice noun
        noun = next(
            (c for c in q.head.children if c.i > q.i and c.dep_ == "nsubj" and c.lemma_ in lex.voice_nouns),
            noun,
        )
    if noun.lemma_ not in lex.voice_nouns or noun.dep_ not in ("nsubj", "nsubj:pass"):
        return None
    verb = noun.head
    if not (is_predicate(verb) or verb.pos_ == "ADJ") or verb.i < noun.i:
        return None  # 声が上がった, 擁護する意見も少なくない
    if clause is not None and lex.cue_class(lemma_of(clause)) in REPORTING:
        start, end, lemma = cue_span(doc, clause, clause, lex)  # …と擁護する意見: 擁護する
    else:
        _, end, verb_lemma = cue_span(doc, verb, verb, lex)
        start, lemma = noun.i, noun.lemma_ + "が" + verb_lemma  # 声が上がった
    source = _source(verb, noun, lex, clause)
    return Finding(
        slot=slot,
        kind="direct",
        cue=(start, end),
        cue_lemma=lemma,
        cue_class="speech",
        subject=source.i if source is not None else None,
        passive=source is None,  # no one named: the voices are no one's in particular
        rule="voice",
    )


def _forum(tok: Token, lex: Lexicon) -> bool:
    start, end = noun_phrase(tok, lex)
    return lex.suffix(tok.doc[start:end].text, lex.forums) is not None


def _on(tok: Token) -> bool:
    """X上 (ネット上, SNS上): a place on a medium, not a time, although 上 can be one."""
    return tok.lemma_ == "上" and any(c.dep_ == "compound" for c in tok.children)


def _source(verb: Token, noun: Token, lex: Lexicon, clause: Token | None = None) -> Token | None:
    """Where the voices came from: a noun with から/では/には on the verb or the voice noun
    that can speak (視聴者, ファン, 野党) or is a place on the net (ネット上, SNS), not
    another place or a time (会見場の外では, 試合後には); also on the clause on the noun (SNSでは
    「…」「…」などと擁護する意見も, where the parser hung SNSでは on 擁護する)."""
    # SNSで拡散されると、「…」と称賛の声が相次いだ: also where the clause before it happened
    clauses = [c for c in verb.children if c.dep_ == "advcl" and c.i < noun.i]
    # SNSでは「…」と擁護する投稿も相次ぎ、…も生まれた: the parser hung SNSでは on the verb the
    # voices' clause leads into
    above = [verb.head] if verb.dep_ == "advcl" and verb.head.i > verb.i else []
    found = [
        child
        for head in (verb, noun, *clauses, *above, *([clause] if clause is not None else []))
        for child in head.children
        if child.i < noun.i
        and child.pos_ in ("NOUN", "PROPN", "PRON")
        and child.dep_ in ("obl", "nmod")
        and case_of(child) in _SOURCE_CASES
        and (_on(child) or "副詞可能" not in child.tag_)
        # from whom, with から, as the source rule reads it (一部の人からは); elsewhere one who
        # can speak or a forum (SNSでは), not another place (会見場の外では)
        and ((case_of(child) or "").startswith("から") or can_be_source(child, lex) or _forum(child, lex))
    ]
    # 公式Xには「…」など、視聴者からの感想が相次いだ: who the voices came from, not where
    crowd = [c for c in found if (case_of(c) or "").startswith("から") and not _forum(c, lex)]
    return crowd[0] if crowd else (found[0] if found else None)
