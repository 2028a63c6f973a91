"""Choosing the sentences the dependency parser must see.

Parsing is nearly all of the cost; tokenizing is about 2% of it. Most sentences of
a news article hold no quotation, no reporting cue and no name, and nothing is
read from their parse. A sentence is parsed when its tokens (from the tokenizer
alone) show one of:

- a quotation followed by a quotative (「…」と, って, との), by another quotation
  (「A」「B」と) or by a speech noun (「…」命令を出した), or written right after a speech
  noun's は/が (同社の説明は「…」だった); any other is a term, read without a parse,
- a reporting cue from the lexicon (述べる, 発表する, 伝える …) after と, こと or an
  intention noun (考え, 方針), a によると/によれば frame or a relay noun (話として),
- a person's name (a 人名 token) or a title, which later mentions (同氏, 車氏) may need,
- before a sentence that is parsed, a subject or topic that can speak, or an
  interview (佐藤選手は試合後、取材に応じた。),
- in a text that writes 同社 or the like, a subject or topic that can speak (トヨタ自動車は).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from quotes.lexicon import Lexicon
from quotes.text.masking import Unit

#: Sudachi tags that mark a person's name
_NAME_TAG = "人名"


#: what may follow a closing bracket when the quotation is speech or thought
_QUOTATIVE_STARTS = ("と", "って", "など", "なんて", "等と", "「", "『")


def quotative_follows(unit: Unit, k: int) -> bool:
    """Whether slot `k` of `unit` is followed by a quotative or another quotation."""
    after = unit.slots[k].masked_end + 1  # past the closing bracket
    return unit.text.startswith(_QUOTATIVE_STARTS, after)


#: particles that close a reported clause (…と述べた, …との見方, …という)
_QUOTATIVES = frozenset({"と", "との", "って", "とは", "とも"})
#: words that make a later cue report something: …ことを発表した, こう述べた, 次のように語った
_POINTERS = frozenset({"こと", "こう", "そう", "よう"})


def _to_suru_cue(seq: list[tuple[str, str, str]], i: int) -> bool:
    """Whether と+する at `i` reports (としている, とした), not "as" (として).

    として followed by anything but いる/おる is the particle "as".
    """
    after = [t for t, _, _ in seq[i + 1 : i + 3]]
    return not after or after[0] != "て" or (len(after) > 1 and after[1] in ("いる", "い", "おり", "おる"))


class Selector:
    """Decides from a sentence's tokens whether it needs the parser."""

    def __init__(self, lex: Lexicon) -> None:
        self._lex = lex
        self.cues = frozenset(k for k, v in lex.cues.items() if v != "naming")
        self.nouns = frozenset(lex.relay_nouns) | frozenset(lex.speech_nouns)
        self.titles = frozenset(lex.titles) | frozenset(lex.honorifics)
        self.intentions = frozenset(lex.intention_nouns)
        self.light_verbs = lex.light_verbs
        # …の男を逮捕した: who is taken in answers the questioning after (questioning.tsv)
        self.custody = frozenset(lex.questioning_words("custody"))
        # Xの話として、/ Xの話では、: a relayed source with no quotative
        relay = "|".join(sorted(map(regex.escape, lex.relay_nouns), key=len, reverse=True))
        self._relay = regex.compile(f"(?:{relay})(?:として|では)|たところでは")  # NHKが伝えたところでは
        # 同社, 同グループ: a later mention that points back to an organisation named before
        kinds = sorted({*lex.org_kinds, *lex.org_descriptions}, key=len, reverse=True)
        self._same = regex.compile("同(?:" + "|".join(map(regex.escape, kinds)) + ")") if kinds else None

    def refers_back(self, text: str) -> bool:
        """Whether a text points back to an organisation (同社, 同球団): its sentences that
        open on an organisation (トヨタ自動車は…) are parsed too, for 同社 to find it."""
        return self._same is not None and self._same.search(text) is not None

    def names_a_source(self, tokens: Iterable[tuple[str, str, str]]) -> bool:
        """Whether a sentence starts with a topic or subject that can speak: a proper noun,
        an organisation or an unnamed source before its first は/が/も (トヨタ自動車は,
        気象庁は, 関係者が). Such a sentence is parsed when the next one is, which may
        continue its source without naming it."""
        words: list[tuple[str, str]] = []
        for text, _lemma, tag in tokens:
            if text in ("は", "が", "も") and tag.startswith("助詞"):
                phrase = "".join(w for w, _ in words)
                proper = any("固有名詞" in t and "地名" not in t for _, t in words)
                return bool(words) and (
                    proper
                    or self._lex.is_org(phrase)
                    or self._lex.suffix(phrase, self._lex.anonymous) is not None
                )
            if tag.startswith(("助詞", "補助記号", "動詞")):
                words = []  # only the phrase right before the particle
                continue
            words.append((text, tag))
        return False

    def tells_of_interview(self, tokens: Iterable[tuple[str, str, str]]) -> bool:
        """Whether a sentence tells of an interview (早瀬は試合後、取材に応じた。): parsed
        when the next one is, it names who the words after it are by."""
        return any(lemma in self._lex.interviews for _text, lemma, _tag in tokens)

    def needs_parse(self, unit: Unit, tokens: Iterable[tuple[str, str, str]]) -> bool:
        """Whether `unit`, tokenized as `(text, lemma, tag)` triples, must be parsed."""
        if "によ" in unit.text or any(quotative_follows(unit, k) for k in range(len(unit.slots))):
            return True
        quotative = intention = False
        seq = list(tokens)
        for i, (text, lemma, tag) in enumerate(seq):
            if i and seq[i - 1][0] == "と" and lemma == "する" and _to_suru_cue(seq, i):
                return True  # …としている, …とした: と + する is itself a cue
            if _NAME_TAG in tag or text in self.titles or lemma in self.custody:
                return True
            if i and seq[i - 1][0] in ("」", "』") and lemma + "する" in self.cues:
                return True  # 「…」命令を出した: the quotation is what was ordered
            if 0 < i < len(seq) - 1 and text in ("は", "が") and seq[i + 1][0] in ("「", "『"):
                if seq[i - 1][1] in self.nouns:
                    return True  # 同社の説明は「…」だった: the words are what was said
            if (text in _QUOTATIVES and tag.startswith("助詞")) or text == "こと" or lemma in self.intentions:
                quotative = True  # a reported clause needs と, との, こと or 考え/方針 before its cue
                intention = lemma in self.intentions
            elif quotative and (
                (intention and lemma in self.light_verbs)
                or lemma in self.cues
                or lemma + "する" in self.cues
                or lemma + "にする" in self.cues
                or lemma in self.nouns
            ):
                return True
        return self._relay.search(unit.text) is not None
