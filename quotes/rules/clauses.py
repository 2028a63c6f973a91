"""Where a reported clause starts: after its speaker, the frame phrases that say when,
where or to whom it was said, the connectives and the earlier parts of the same utterance."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from quotes.grammar.phrases import bracket_after, named_in_brackets, noun_phrase
from quotes.grammar.tokens import after_particles, aux_run, child_of, is_passive, is_predicate, lemma_of
from quotes.lexicon import Lexicon

#: the cue classes of an earlier part of the same utterance (…としつつも、 …とみているが、)
_EARLIER_PART_CLASSES = ("speech", "report", "reaction", "cognition")
#: the endings of a condition (…が膨らめば、): what follows it is said under it
_CONDITIONALS = ("ば", "たら", "なら")


def clause_start(
    doc: Doc,
    head: Token,
    end: Token,
    subject: Token | None,
    cue: Token,
    lex: Lexicon,
) -> int | None:
    """First token of the reported clause ending before `end`.

    Its subtree's left edge, widened leftwards over phrases the parser hung on the
    cue verb (疑いで, 9月15日に) up to the speaker, but not over a clause of its own
    (不満を表明し、); then past any によると frame and leading connectives.
    """
    start = head.left_edge.i
    sp_start, sp_end = noun_phrase(subject, lex) if subject is not None else (head.i, head.i)
    named = bracket_after(subject) if subject is not None and named_in_brackets(subject) else None
    if named is not None:
        sp_end = named.stop  # 化学メーカー「X」は: its name is the speaker's
    if subject is not None and sp_start < head.i:
        start = _widened(doc, start, after_particles(doc, sp_end - 1) if sp_end <= start else start, cue, lex)
        if sp_start <= start < sp_end or start <= sp_start < head.i:
            # the speaker is never part of what was said: the clause starts after it
            start = after_particles(doc, sp_end - 1)
    elif subject is None:
        # 原因は調査中としており、: with no source named, what the parser hung on the cue
        # before the clause (its topic) is part of what was said
        start = _widened(doc, start, 0, cue, lex)
    elif subject is not None and sp_start > end.i:
        # 生稲氏は…参拝したと共同通信が報じた: with the source after the clause, what the
        # parser hung on the cue before the clause is part of what was said
        while start > 0 and child_of(doc[start - 1], cue) is not None and doc[start - 1].pos_ != "PUNCT":
            start -= 1
    for tok in doc[start : head.i]:
        if (
            subject is not None
            and tok != cue
            and subject.head == tok
            and subject.dep_ == "nsubj"
            and is_predicate(tok)
            and not is_passive(tok)
            and not any(c.dep_ == "nsubj" and c != subject for c in tok.children)
            and not _quoted_inside(doc, tok, end.i)
            and _set_off(doc, tok)
            and not _first_part(doc, tok, lex)
        ):
            # Xは不満を表明し、…ことを明らかにした: X's own earlier act is not what X said
            start = after_particles(doc, tok.i + aux_run(doc, tok))
    start = _past_niyoru(doc, start, end.i)
    start = past_frame_phrases(doc, start, end.i, lex)
    start = _past_occasion_act(doc, start, end.i, lex)
    start = _past_earlier_parts(doc, start, end.i, lex)
    while (
        start < end.i
        and doc[start].text not in ("「", "『")
        and (doc[start].pos_ in ("PUNCT", "CCONJ", "SCONJ", "ADP") or doc[start].text in lex.connectives)
    ):
        start += 1  # not past an opening bracket: the words in it begin the clause
    return start


def _set_off(doc: Doc, verb: Token) -> bool:
    """Whether a verb's endings are followed by a comma (不満を表明し、): an act of its own;
    …を取り崩して…にあてる, with no comma, is one clause of what was said."""
    i = verb.i + aux_run(doc, verb) + 1
    return i < len(doc) and doc[i].text in ("、", ",")


def _joined_by_te(doc: Doc, verb: Token, lex: Lexicon) -> bool:
    """Whether a verb ends in て with no comma after it (取り崩して…にあてる): the first
    half of one clause, not an act of its own (会見を開き、) nor the occasion (取材に応じて)."""
    last = doc[verb.i + aux_run(doc, verb)]
    occasion = any(c.lemma_ in lex.occasions or c.lemma_ in lex.interviews for c in verb.children)
    return is_predicate(verb) and last.text == "て" and not _set_off(doc, verb) and not occasion


def _widened(doc: Doc, start: int, floor: int, cue: Token, lex: Lexicon) -> int:
    """`start` moved left over what the parser hung on the cue, down to `floor`, but not
    over a clause of its own (不満を表明し、), save one joined by the copula's で."""
    while start > floor:
        top = child_of(doc[start - 1], cue)
        if top is not None and _continues_with_de(doc, start) and top.left_edge.i >= floor:
            start = top.left_edge.i  # …のは8月下旬になってからで、…と説明した: one account
            continue
        if top is not None and _joined_by_te(doc, top, lex) and top.left_edge.i >= floor:
            start = top.left_edge.i  # 予備費を取り崩して…にあてると: one clause, however hung
            continue
        if (
            top is not None
            and max(top.left_edge.i, floor) < start
            and (_said_before(doc, top, floor) or _first_part(doc, top, lex))
        ):
            # Xは、カプセルは…運ばれ、…予定だと: the first part, though the parser may hang
            # the speaker on it (同氏は、費用が膨らめば、…)
            start = max(top.left_edge.i, floor)
            continue
        if top is None or (not _adverbial(top) and (is_predicate(top) or top.pos_ in ("ADJ", "AUX"))):
            break
        start -= 1
    return start


def _said_before(doc: Doc, verb: Token, floor: int) -> bool:
    """Whether a predicate after the speaker is a first part of what was said, not the
    speaker's own act (会見を開き、): it has a subject of its own (カプセルは…運ばれ、) or is
    a condition (費用が膨らめば、)."""
    if not is_predicate(verb):
        return False
    last = doc[verb.i + aux_run(doc, verb)]
    if last.text in _CONDITIONALS:
        return True
    if last.text == "と":
        return False  # 記者が質問すると、: when it was said, not what
    return any(c.dep_ == "nsubj" and c.i >= floor for c in verb.children)


def _first_part(doc: Doc, verb: Token, lex: Lexicon) -> bool:
    """Whether a predicate set off by a comma is, by its ending, a first part of what was
    said rather than the speaker's act before saying it: a setting of terms (月額1500円とし、).
    A reporting verb (不満を表明し、) or an occasion (会見を開き) is an act; so are a state
    (同行を拒否するようになっており、) and a contrast (米国を訪問したが、記者団に対し、…と述べた),
    though a contrast may begin the words (運転を見合わせたが、…再開したとしている)."""
    if not is_predicate(verb) or not _set_off(doc, verb) or lex.cue_class(lemma_of(verb)) is not None:
        return False
    if any(c.lemma_ in lex.occasions or c.lemma_ in lex.interviews for c in verb.children):
        return False
    if any(is_predicate(c) and any(m.text == "と" for m in c.children) for c in verb.children):
        return False  # …始めると明らかにしたが、: a report of its own
    terms = verb.lemma_ == "する" and any(
        c.dep_ == "obl" and any(k.text == "と" for k in c.children if k.dep_ == "case") for c in verb.children
    )
    return terms


def _continues_with_de(doc: Doc, start: int) -> bool:
    """Whether the words before `start` end in the copula's で and a comma (…からで、 /
    …が原因で、): a part of the same account, not the speaker's own act (会見を開き、)."""
    return (
        start >= 2
        and doc[start - 1].text in ("、", ",")
        and doc[start - 2].text == "で"
        and (doc[start - 2].lemma_ == "だ" and doc[start - 2].pos_ == "AUX")
    )


def _adverbial(tok: Token) -> bool:
    """少なくとも, 遅くとも: an adjective in its とも form is an adverb (at least, at the
    latest), however the parser hung it, not a clause of its own."""
    return tok.pos_ == "ADJ" and any(c.text == "とも" and c.i == tok.i + 1 for c in tok.children)


def _past_niyoru(doc: Doc, start: int, end: int) -> int:
    """The clause's start past a によると/によれば frame before the words; not past 第三者
    による調査, which is a part of them."""
    for tok in doc[start:end]:
        frame = (
            tok.i + 2 < len(doc) and doc[tok.i + 1].lemma_ == "よる" and doc[tok.i + 2].text in ("と", "ば")
        )
        if tok.text == "に" and frame:
            start = after_particles(doc, tok.i + 1)
    return start


def _past_occasion_act(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """`start` moved past the speaker's act that frames the words, set off by a comma at the
    clause's front (取材に応じ、 / 質問に答え、 / 記者会見を開き、), however the parser hung it:
    a verb on an interview or occasion noun, with no predicate or quotative before it."""
    for tok in doc[start:end]:
        if tok.dep_ == "fixed":
            continue  # について, に対して: compound particles, not predicates
        if is_predicate(tok) or tok.text == "と" or tok.text in ("「", "『"):
            if tok.pos_ != "VERB" or tok.text == "と":
                return start
            comma = tok.i + aux_run(doc, tok) + 1
            frames = any(
                c.dep_ in ("obl", "obj") and (c.lemma_ in lex.interviews or c.lemma_ in lex.occasions)
                for c in tok.children
            )
            if comma < end and doc[comma].text in ("、", ",") and frames:
                return comma + 1
            return start
    return start


def _quoted_inside(doc: Doc, tok: Token, end: int) -> bool:
    """Whether predicate `tok` ends in a quotative before `end` (…踏み切るべきだとの声が強まって
    いると打ち明けた): a clause inside what was said, which the parser gave the speaker."""
    after = tok.i + aux_run(doc, tok) + 1
    return after < end and doc[after].text == "と" and doc[after].dep_ == "case"


def _past_earlier_parts(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """`start` moved past an earlier part of the same utterance: …だとし、/ 「…」としつつも、
    / …としながらも、/ …が必要と述べており、 (that part is read on its own)."""
    for tok in doc[start:end]:
        if tok.text != "と" or tok.i + 1 >= end:
            continue
        verb = doc[tok.i + 1]
        noun = doc[tok.i + 2] if verb.text == "の" and tok.i + 2 < end else None
        if noun is not None and noun.lemma_ in lex.speech_nouns:
            verb = noun  # …との見通しを示したが、: the noun says what the verb does
        elif verb.lemma_ != "する" and lex.cue_class(lemma_of(verb)) not in _EARLIER_PART_CLASSES:
            continue  # …と批判し、…を求めると話した: the first part is read on its own
        elif lex.cue_class(lemma_of(verb)) == "cognition" and is_passive(verb):
            continue  # 原因は放火とみられ、…: what is believed is part of what was said
        elif (
            verb.lemma_ == "する"
            and doc[tok.i - 1].text not in ("」", "』")
            and (any(c.dep_ == "obj" for c in verb.children) or doc[verb.i + 1 : verb.i + 3].text == "て、")
        ):
            # ベアを月額1500円とし、…: terms set (XをYとする); 財源は確保するとして、…: the
            # grounds of what follows, one clause with it (not …だとし、 nor …としており、, a
            # part said before)
            continue
        comma = next((t.i for t in doc[verb.i : min(end, verb.i + 6)] if t.text in ("、", ",")), None)
        if comma is not None and all(
            t.pos_ in ("VERB", "AUX", "SCONJ", "ADP", "PART") for t in doc[verb.i + 1 : comma]
        ):
            start = comma + 1
    return start


def past_frame_phrases(doc: Doc, start: int, end: int, lex: Lexicon) -> int:
    """`start` moved past leading phrases set off by a comma that say when, where or to
    whom the words were said (15日、/ 同日、/ 記者団に対し、/ 会見で、), not what was
    said (…疑いで、 stays)."""
    while True:
        comma = next((t.i for t in doc[start:end] if t.text in ("、", ",")), None)
        if comma is not None and all(
            t.text in lex.connectives or t.pos_ == "CCONJ" for t in doc[start:comma]
        ):
            start = comma + 1  # また、25日の会見で、: past the connective, then the frame
            continue
        if comma is None or not _frames(doc[start:comma], lex):
            return start
        phrase = doc[start:comma]
        if comma - start > 6 and not (
            (phrase.text.endswith(_ADDRESSED) and len(phrase) <= 20)
            or _temporal(phrase)
            or _occasion(phrase, lex)
        ):
            return start
        start = comma + 1


#: endings of a phrase that says to whom the words answer (…案に対して、); what they are about
#: (…について、) is part of what was said
_ADDRESSED = ("に対して", "に対し", "に対しては")


#: the compound particle of a date from which something holds (9月9日をもって)
_AS_OF = "をもって"


#: the longest phrase (in tokens) read as the occasion words were said on
_OCCASION_TOKENS = 24


def _occasion(phrase: Span, lex: Lexicon) -> bool:
    """Whether a leading phrase, however long, names the occasion (…で開かれた首脳会議後の
    記者会見で、): it ends in で/では on an occasion noun and holds no quotative."""
    words = [t for t in phrase if t.pos_ != "PUNCT"]
    cases = [t for t in words[-2:] if t.pos_ == "ADP"]
    if not cases or cases[0].text != "で" or len(words) > _OCCASION_TOKENS:
        return False
    noun = next((t for t in reversed(words) if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None or not any(noun.text.endswith(o) or noun.lemma_ == o for o in lex.occasions):
        return False
    return not any(t.text == "と" and t.pos_ == "ADP" for t in words)


def _temporal(phrase: Span) -> bool:
    """Whether a leading phrase is a date or time (15日、/ 2007年3月31日までに、/ 9月9日をもって、)."""
    words = [t for t in phrase if t.pos_ not in ("PUNCT",)]
    if "".join(t.text for t in words).endswith(_AS_OF) and len(words) > 3:
        words = words[:-3]  # をもって: a compound particle, not a verb of its own
    content = [t for t in words if t.pos_ not in ("ADP", "SCONJ", "AUX")]
    return bool(content) and all(
        "副詞可能" in t.tag_ or t.pos_ == "NUM" or "助数詞" in t.tag_ for t in content
    )


def _frames(phrase: Span, lex: Lexicon) -> bool:
    """Whether a leading phrase says when, where or to whom words were said."""
    words = [t for t in phrase if t.pos_ not in ("PUNCT",)]
    if not words:
        return False
    texts = "".join(t.text for t in words)
    last = words[-1]
    return (
        _temporal(phrase)
        or (words[0].lemma_ in lex.relay_nouns and texts.endswith(("として", "では")))
        or words[0].text in ("こう", "そう", "このように")  # 「…」。Xはこう述べ、…と分析した
        or "に対し" in texts
        or texts.endswith(_ADDRESSED)
        or texts in ("記者団に", "記者団には")
        or (last.text == "で" and any(t.lemma_ in lex.occasions for t in words))
        or (
            last.text in ("に", "で") and any(t.text in lex.forums for t in words)
        )  # 自身のフェイスブックに、
        or (last.text == "では" and any(t.lemma_ in lex.occasions for t in words))
    )
