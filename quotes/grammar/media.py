"""The medium that relayed the words (WPに, 読売新聞の取材に, AP通信によると) and the
source a relay names (Xの言葉を引用し, Xの話として)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from quotes.grammar.phrases import noun_phrase
from quotes.grammar.tokens import CLAUSE_DEPS, addressed, case_of, contrasted
from quotes.lexicon import Lexicon

#: media and relays: postpositions that introduce a source or medium
VIA_CASES = frozenset({"に", "へ", "で"})


def via_of(doc: Doc, pred: Token, subject: Token | None, lex: Lexicon) -> tuple[int, int] | None:
    """The medium that relayed the words: WPに, 読売新聞の取材に, AP通信によると."""
    return (
        _clause_via(doc, pred, subject, lex)
        or _loose_via(doc, pred, subject, lex)
        or _framer(doc, subject, lex)
    )


#: verbs of answering an interview, on a clause before the cue (取材に応じ、「…」と語った)
_ANSWERING = frozenset({"応じる", "応ずる", "応える"})


def _clause_via(doc: Doc, pred: Token, subject: Token | None, lex: Lexicon) -> tuple[int, int] | None:
    """A medium hung on the cue, on a clause above it or on an interview it answers."""
    chain = []
    v: Token = pred
    while True:
        chain.append(v)
        if v.head == v or v.dep_ not in CLAUSE_DEPS or contrasted(doc, v):
            break  # …と示したが、外交筋はAFP通信に…: the medium above is another's
        v = v.head
    # 共同通信の取材に応じ、「…」と語った: the interview is on a clause before the cue
    chain += [c for c in pred.children if c.dep_ == "advcl" and c.lemma_ in _ANSWERING and c.i < pred.i]
    for verb in chain:
        for child in verb.children:
            if child.dep_ in ("obl", "nmod", "iobj", "obj") and child != subject:
                found = _medium_at(doc, child, lex)
                if found is not None:
                    return found
    return None


def _medium_at(doc: Doc, child: Token, lex: Lexicon) -> tuple[int, int] | None:
    """The medium a dependent of the cue names: Xを通じて, Xの取材に, WPに, 警視庁に対して."""
    case = case_of(child)
    if _about(doc, child):
        return None  # このニュースについて語った: what was talked about, not who passed it on
    through = doc[child.i + 1 : child.i + 4].text.startswith(("を通じ", "を通し"))
    if child.dep_ == "obj" and not through:
        return None
    text = doc[slice(*noun_phrase(child, lex))].text
    if through and child.pos_ in ("NOUN", "PROPN") and lex.suffix(text, lex.documents) is None:
        return noun_phrase(child, lex)  # 所属事務所を通じて「…」とコメントした: it relayed the words
    if child.lemma_ in lex.interviews and (case.startswith("に") or case == "で"):
        interviewers = [c for c in child.children if c.dep_ == "nmod" and c.i < child.i]
        if interviewers and is_interviewer(doc, child, interviewers[-1], lex):
            return noun_phrase(interviewers[-1], lex)
        return None  # 取材に対し with no one named: no medium
    if (case in VIA_CASES or case.startswith("によ")) and lex.is_media(text):
        return noun_phrase(child, lex)
    if (
        case == "に"
        and addressed(doc, child)
        and child.pos_ in ("NOUN", "PROPN")
        and (lex.is_org(text) or child.pos_ == "PROPN")  # not 調べに対し, ことに対し
        and not text.endswith(("記者団", "記者"))  # reporters asked; no medium named
    ):
        return noun_phrase(child, lex)  # 警視庁に対して話している: the addressee passes it on
    return None


#: postpositions that make a noun what the words are about (このニュースについて)
_ABOUT = ("について", "につき", "に関し", "に関する", "をめぐ", "を巡")


def _about(doc: Doc, noun: Token) -> bool:
    """Whether the words after `noun` make it the subject matter (Xについて, Xに関して)."""
    return doc[noun.i + 1 : noun.i + 4].text.startswith(_ABOUT)


def _loose_via(doc: Doc, pred: Token, subject: Token | None, lex: Lexicon) -> tuple[int, int] | None:
    """Xの取材に対し「…」と語った, CNNに対し、…と述べた: wherever the parser hung them."""
    for tok in doc[: pred.i]:
        if tok.lemma_ in lex.interviews and case_of(tok)[:1] in ("に", "で"):
            interviewers = [c for c in tok.children if c.dep_ == "nmod" and c.i < tok.i]
            who = interviewers[-1] if interviewers else None
            if who is not None and who != subject and is_interviewer(doc, tok, who, lex):
                return noun_phrase(who, lex)
        if tok != subject and addressed(doc, tok) and lex.is_media(doc[slice(*noun_phrase(tok, lex))].text):
            return noun_phrase(tok, lex)
    return None


def _framer(doc: Doc, subject: Token | None, lex: Lexicon) -> tuple[int, int] | None:
    """Xによると / Xによれば framing the whole sentence (not Xによる体制: "by means of")."""
    for tok in doc:
        told = tok.text == "で" and tok.i + 2 < len(doc) and doc[tok.i + 1].text == "は"
        told = told and tok.i > 0 and doc[tok.i - 1].lemma_ == "ところ" and doc[tok.i + 2].text in ("、", ",")
        if told or (tok.text == "に" and tok.i + 2 < len(doc) and doc[tok.i + 1].lemma_ == "よる"):
            if not told and doc[tok.i + 2].text not in ("と", "ば"):
                continue  # (NHKが伝えたところでは、 frames the sentence too)
            framer = tok.head if tok.head.i < tok.i else None
            if framer is not None and framer.lemma_ in lex.not_speakers:
                # 時事通信が紹介したところによると: the teller of ところ
                tellers = [
                    c for a in framer.children if a.dep_ == "acl" for c in a.children if c.dep_ == "nsubj"
                ]
                framer = tellers[0] if tellers else None
            if framer is not None and framer != subject:
                return noun_phrase(framer, lex)
    return None


def is_interviewer(doc: Doc, interview: Token, who: Token, lex: Lexicon) -> bool:
    """Whether `who` conducted the interview: a medium or organisation (共同通信の取材に), not
    a time (試合後のインタビューで); a 質問 only a medium's (北朝鮮軍の参戦に関する質問 is
    a question about something)."""
    text = doc[slice(*noun_phrase(who, lex))].text
    if interview.lemma_ == "質問":
        return lex.is_media(text)
    return lex.is_media(text) or lex.names_org(text) or who.pos_ == "PROPN" or text in ("本紙", "本誌")


def relayed_source(doc: Doc, pred: Token, lex: Lexicon) -> Token | None:
    """X in `Xの言葉を引用し` / `Xの話として`, which makes X the speaker."""
    candidates = [pred, *[c for c in pred.children if c.dep_ in ("advcl", "obl", "obj")]]
    for verb in candidates:
        for child in verb.children if verb.pos_ in ("VERB", "ADJ", "AUX") else [verb]:
            if child.lemma_ not in lex.relay_nouns:
                continue
            following = doc[child.i + 1 : child.i + 3].text
            relays = (
                following.startswith("を") and verb.lemma_ in ("引用", "引く", "紹介")
            ) or following.startswith("とし")
            if not relays:
                continue
            if (source := _relay_owner(child)) is not None:
                return source
    # Xは、Yの話として、…が進み、…と伝えた: a relay set off with a comma that the parser
    # hung on a verb inside the long clause it introduces
    for child in pred.subtree:
        if child.i >= pred.i or child.lemma_ not in lex.relay_nouns:
            continue
        after = doc[child.i + 1 : child.i + 5]
        if not (after.text.startswith("とし") and any(t.text in ("、", ",") for t in after)):
            continue
        if (source := _relay_owner(child)) is not None:
            return source
    return None


def _relay_owner(noun: Token) -> Token | None:
    """Y in `Yの話`: whose words the relay noun names."""
    owners = [c for c in noun.children if c.dep_ == "nmod" and c.i < noun.i]
    return owners[-1] if owners else None
