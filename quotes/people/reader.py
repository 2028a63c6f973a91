"""Reading each mention once: `decompose` with its results kept per sentence and token.

The same subject is read for a quotation, for reported speech and as a mention for
coreference; it is taken apart once, then completed with what the sentence around
it says (a title set before the name with a comma, the organisation an unnamed
speaker speaks for, an organisation's name the parse cut short).
"""

from __future__ import annotations

import attrs
import regex
from spacy.tokens import Doc, Token
from spacy.tokens import Span as Words

from quotes.grammar.phrases import named_in_brackets, noun_phrase
from quotes.grammar.tokens import KATAKANA_WORD, in_quote, names_person, token_span
from quotes.lexicon import Lexicon
from quotes.people.entities import former
from quotes.people.mentions import LED_GROUP, Parts, decompose
from quotes.people.offices import is_officer
from quotes.people.sources import EQUALS_BOTH, EQUALS_ORG, host_organization, is_place
from quotes.people.titles import org_prefix
from quotes.records import Affiliation, Span
from quotes.text.masking import Unit

#: the organisation a sports result writes after a name: 三枝佳代子（34）＝ユニバース食品＝
_EQUALS_END = regex.compile(rf"[＝=]{EQUALS_BOTH}(?P<org>{EQUALS_ORG})[＝=]$")


#: a parenthesis closing a speaker's mention: 山田太郎氏（東京大学教授）
_ASIDE_END = regex.compile(r"[（(](?P<aside>[^（）()「」]{2,40})[)）]$")

#: words after a body that say one belongs to it (所属) or stands for it (公認: 民政党公認の)
_BELONGS_TO = ("所属", "公認")

#: endings of a place a person is from, written alone in the parenthesis after the name
_HOME_ENDINGS = frozenset("都道府県市町村区")

#: a place in the batting order, written as a post (ライオネルズの4番、岩城大輝内野手)
_BATTING_ORDER = regex.compile(r"[0-9０-９一二三四五六七八九]番(?:打者)?")

#: an organisation's press office, written after the organisation: 同社広報部, 同省報道室
_PRESS_OFFICE = regex.compile(r"(?:広報|報道)(?:部|室|課|局|担当)$")

#: verbs that hold a post: 全柔連の強化委員長を務める氷室康介氏
_SERVE = frozenset({"務める", "兼ねる", "担う"})

#: verbs of working in an organisation, and the particle that marks it, in a clause on a
#: name: 本町自治会で会長を務める石田正さん, 市教育委員会で発掘を担当した野口主任,
#: 県警に勤務する山田巡査
_WORK_AT = {
    "務める": ("で",),
    "担当": ("で",),
    "担当する": ("で",),
    "担う": ("で",),
    "働く": ("で",),
    "率いる": ("を",),
    "研究": ("で",),
    "研究する": ("で",),
    "教える": ("で",),
    "勤める": ("に", "で"),
    "勤務": ("に", "で"),
    "勤務する": ("に", "で"),
    "所属": ("に",),
    "所属する": ("に",),
    "在籍": ("に",),
    "在籍する": ("に",),
}


def _name_start(head: Token) -> int:
    """The first token of the words a mention's head ends (田中|一郎|さん), not of what
    describes it."""
    doc, start = head.doc, head.i
    while start > 0 and doc[start - 1].dep_ in ("compound", "flat") and doc[start - 1].head.i >= start:
        start -= 1
    return start


#: verbs of membership, whose に-object is a body whatever its name (…に所属する)
_BELONG = frozenset({"所属", "所属する", "在籍", "在籍する"})


def _a_name(words: Words) -> bool:
    """Whether words read as a name: a proper noun, katakana, or a quotation standing for one."""
    return any(
        t.pos_ == "PROPN" or in_quote(t) or (len(t) >= 2 and KATAKANA_WORD.fullmatch(t.text)) for t in words
    )


def _before_aside(doc: Doc, i: int) -> Token:
    """Token `i`, or, when it closes a parenthesis (民主同盟(LDA)), the word before it opens."""
    if doc[i].text not in (")", "）"):
        return doc[i]
    for j in range(i - 1, max(i - 8, 0), -1):
        if doc[j].text in ("(", "（"):
            return doc[j - 1]
    return doc[i]


def _with_number(tok: Token) -> str:
    """A noun with the number counting it (4|番 -> 4番) or the words it is compounded of
    (気象学|者 -> 気象学者)."""
    return "".join(
        t.text for t in tok.subtree if t.i == tok.i or (t.dep_ in ("nummod", "compound") and t.head == tok)
    )


def _belonging(parts: Parts | None) -> Parts | None:
    """横浜FC所属の山田選手, 民政党公認の山田候補: the body, without the word that says one
    belongs to it or stands for it."""
    affiliation = parts.affiliation if parts is not None else None
    if parts is None or affiliation is None:
        return parts
    word = next((w for w in _BELONGS_TO if affiliation.text.endswith(w)), None)
    if word is None or len(affiliation.text) < len(word) + 2:
        return parts
    end = affiliation.end - len(word)
    text = affiliation.text[: -len(word)]
    return attrs.evolve(parts, affiliation=attrs.evolve(affiliation, end=end, text=text))


#: where a body sits, written after its name: 北星フーズ（本社・札幌市）, 蒼和電機(本社:大阪市)
_SEAT = regex.compile(r"[（(](?:本社|本部|本店|本拠地?|所在地)[・:：、]?[^（）()]*[)）]$")


def _without_seat(parts: Parts | None) -> Parts | None:
    """The organisation's name without the aside on where it sits, in the affiliation and in a
    speaker that is the organisation (北星フーズ（本社・札幌市）は…と発表した -> 北星フーズ)."""
    if parts is None:
        return None
    affiliation, speaker = parts.affiliation, parts.speaker
    if affiliation is not None and (seat := _SEAT.search(affiliation.text)) is not None and seat.start() > 0:
        end = affiliation.start + seat.start()
        affiliation = attrs.evolve(affiliation, end=end, text=affiliation.text[: seat.start()])
    seat = _SEAT.search(speaker.text) if speaker.name else None
    if seat is not None and speaker.name and speaker.text[: seat.start()].endswith(speaker.name):
        text = speaker.text[: seat.start()]
        speaker = attrs.evolve(speaker, end=speaker.start + seat.start(), text=text)
    return attrs.evolve(parts, speaker=speaker, affiliation=affiliation)


#: a related headline and its date run on before a name, as an archive's dump leaves them
#: (…の疑い2012年11月16日岐阜県美濃川市は): the name starts after the date
_DATELINE = regex.compile(
    r"^.*?[0-9０-９]{4}年[0-9０-９]{1,2}月[0-9０-９]{1,2}日(?=[\p{Han}\p{Katakana}A-Za-z]{2})"
)


def _past_dateline(parts: Parts | None) -> Parts | None:
    """The speaker and affiliation without the headline and date run on before the name."""
    if parts is None:
        return None
    speaker, affiliation = parts.speaker, parts.affiliation
    cut = _DATELINE.match(speaker.text)
    if cut is not None:
        text = speaker.text[cut.end() :]
        lead = speaker.text[: cut.end()]
        name = speaker.name.removeprefix(lead) if speaker.name else None  # its name, not the headline
        speaker = attrs.evolve(speaker, start=speaker.start + cut.end(), text=text, name=name)
    cut = _DATELINE.match(affiliation.text) if affiliation is not None else None
    if affiliation is not None and cut is not None:
        affiliation = attrs.evolve(
            affiliation, start=affiliation.start + cut.end(), text=affiliation.text[cut.end() :]
        )
    return attrs.evolve(parts, speaker=speaker, affiliation=affiliation)


#: what a person specialises in, written before the body they work at: 交通心理学が専門の
#: 中京文理大学の大橋隆教授 (the body starts after it)
_SPECIALITY = regex.compile(
    r"^(?:[^、。「」]{1,20}?(?:が|を)?)?専門(?:と)?(?:する|の)(?=[\p{Han}\p{Katakana}A-Za-z]{2})"
)


def _past_speciality(parts: Parts | None) -> Parts | None:
    """The affiliation without the speciality written before the body's name."""
    affiliation = parts.affiliation if parts is not None else None
    if parts is None or affiliation is None or (cut := _SPECIALITY.match(affiliation.text)) is None:
        return parts
    start = affiliation.start + cut.end()
    return attrs.evolve(
        parts, affiliation=attrs.evolve(affiliation, start=start, text=affiliation.text[cut.end() :])
    )


def _led_group(parts: Parts | None) -> Parts | None:
    """北陵大学の佐伯真理子教授らの研究グループ: the group's affiliation is the body named before
    the person at its head, not the person."""
    affiliation = parts.affiliation if parts is not None else None
    if parts is None or affiliation is None:
        return parts
    hit = LED_GROUP.search(parts.speaker.text)
    person_at = parts.speaker.start + hit.start("person") if hit is not None else None
    if person_at is None or affiliation.end <= person_at:
        return parts
    end = (
        person_at - 1
        if parts.speaker.text[hit.start("person") - 1 : hit.start("person")] == "の"
        else person_at
    )
    if end - affiliation.start < 2:
        return attrs.evolve(parts, affiliation=None)  # 佐伯教授らの研究グループ: no body
    text = affiliation.text[: end - affiliation.start]
    return attrs.evolve(parts, affiliation=attrs.evolve(affiliation, end=end, text=text))


class MentionReader:
    """`decompose` for one text, its results kept per sentence and token."""

    def __init__(self, source: str, lex: Lexicon) -> None:
        self.source = source
        self.lex = lex
        self._done: dict[tuple[int, int], Parts | None] = {}
        #: mentions that read as organisations (千曲精工は…と発表した), by source span: what
        #: 同社 points back to, among those that speak, when the table does not know the name
        self.organisations: dict[tuple[int, int], str] = {}

    def __call__(self, unit: Unit, head: Token) -> Parts | None:
        key = (unit.start, head.i)
        if key not in self._done:
            parts = self._apposed(unit, head, decompose(unit, head, self.source, self.lex))
            parts = self._aside_post(
                self._equals(self._working_at(unit, head, self._described(unit, head, parts)))
            )
            parts = self._bracketed_name(head, self._whole_names(self._hosted(unit, head, parts)))
            parts = _belonging(self._department(head, self._press_office(parts)))
            parts = _past_speciality(
                _past_dateline(_led_group(_without_seat(self._past_coordination(parts))))
            )
            self._done[key] = parts
            self._note_organisation(head, self._done[key])
        return self._done[key]

    def _past_coordination(self, parts: Parts | None) -> Parts | None:
        """民政党の山田一郎代表と自由党の鈴木次郎幹事長: the parser may hang the first person on
        the second's organisation; the affiliation is what follows the last person named in it."""
        affiliation = parts.affiliation if parts is not None else None
        if parts is None or affiliation is None:
            return parts
        cut = None
        for joiner in regex.finditer(r"[とや、]", affiliation.text):
            before = affiliation.text[: joiner.start()]
            if self.lex.suffix(before, self.lex.titles) or self.lex.suffix(before, self.lex.honorifics):
                cut = joiner.end()
        if cut is None or len(affiliation.text) - cut < 2:
            return parts
        start = affiliation.start + cut
        text = self.source[start : affiliation.end]
        return attrs.evolve(parts, affiliation=Affiliation(start=start, end=affiliation.end, text=text))

    def _note_organisation(self, head: Token, parts: Parts | None) -> None:
        """Keep a speaker that is an organisation by its words: a proper noun or a known
        organisation's name, no person's name (人名), no title or honorific."""
        speaker = parts.speaker if parts is not None else None
        if speaker is None or not speaker.name or speaker.anonymous or speaker.title or speaker.honorific:
            return
        a, b = noun_phrase(head, self.lex, appositions=False)
        if any(names_person(t) for t in head.doc[a:b]) or self.lex.is_media(speaker.name):
            return
        # the name's own words (千曲|精工), not what describes it (中国メーカーとの…の激化)
        words = [head, *(c for c in head.children if c.dep_ in ("compound", "flat") and c.i < head.i)]
        if (
            any(t.pos_ == "PROPN" for t in words)
            or self.lex.names_org(speaker.name)
            or self._described_org(head)
        ):
            self.organisations[(speaker.start, speaker.end)] = speaker.text

    def _described_org(self, head: Token) -> bool:
        """ゲーム大手のアステリア・エンターテインメント: a name described as an organisation
        (`org_descriptions.txt`) with の straight before it."""
        doc = head.doc
        start = _name_start(head)
        if start < 2 or doc[start - 1].text != "の":
            return False
        return self.lex.suffix(doc[start - 2].text, self.lex.org_descriptions) is not None

    def _bracketed_name(self, head: Token, parts: Parts | None) -> Parts | None:
        """`化学メーカー「グレンフォード・ケミカル」は`: a name in brackets right after the
        common noun that says what it is names the speaker; the span runs to the closing
        bracket, and the speaker is an organisation 同社 can point back to."""
        speaker = parts.speaker if parts is not None else None
        if parts is None or speaker is None or speaker.title or speaker.honorific:
            return parts
        if not named_in_brackets(head):
            return parts
        found = self._bracket_at(speaker.end)
        if found is None:
            return parts  # the bracket right after the noun (not past a dropped aside)
        name_start, end = found
        name = self.source[name_start:end]
        speaker = attrs.evolve(
            speaker, end=end + 1, text=self.source[speaker.start : end + 1], name=name, anonymous=False
        )
        self.organisations[(name_start, end)] = name
        return Parts(speaker=speaker, affiliation=parts.affiliation)

    def _aside_post(self, parts: Parts | None) -> Parts | None:
        """`山田太郎氏（東京大学教授）`, `（民政党、衆院東京1区）`: the organisation, and the post,
        written in a parenthesis after the name."""
        if parts is None or parts.affiliation is not None or parts.speaker.name is None:
            return parts
        speaker = parts.speaker
        if not (speaker.title or speaker.honorific) and self.lex.names_org(speaker.name or ""):
            return parts  # 世界保健機関（WHO）: an organisation and its short name, no member of it
        found = _ASIDE_END.search(speaker.text)
        if found is None:
            return parts
        at = speaker.start + found.start("aside")
        for piece in regex.finditer(r"[^、，,]+", found.group("aside")):
            text = piece.group().strip()
            # （アイリッシュアランRS所属）: what one belongs to is a body, whatever its name
            word = next((w for w in _BELONGS_TO if text.endswith(w) and len(text) > len(w) + 2), None)
            belongs = word is not None
            text = text[: -len(word)] if word else text  # 所属, 公認
            title = self.lex.suffix(text, self.lex.titles)
            org = text[: len(text) - len(title)] if title else text
            while (
                title
                and (prefix := self.lex.suffix(org, self.lex.title_prefixes))
                and len(org) > len(prefix) + 1
            ):
                org, title = org[: -len(prefix)], prefix + title  # 労働組合|中央執行委員長
            if len(org) < 2 or text.startswith(("元", "前")) or not (belongs or self.lex.names_org(org)):
                continue  # 元日本銀行理事: where the person was, not is
            if is_place(org, self.lex) or (title is None and org[-1] in _HOME_ENDINGS):
                continue  # 山田花子さん（東京都）: where the person lives
            start = at + piece.start() + piece.group().index(text)
            affiliation = Affiliation(start=start, end=start + len(org), text=org)
            if title and speaker.title is None:
                speaker = attrs.evolve(speaker, title=title)
            return Parts(speaker=speaker, affiliation=affiliation)
        return parts

    def _equals(self, parts: Parts | None) -> Parts | None:
        """`[名前]（34）＝[所属]＝`: the organisation between equals signs is the person's
        (a place there is where they are from) and no part of the speaker's span."""
        speaker = parts.speaker if parts is not None else None
        found = _EQUALS_END.search(speaker.text) if speaker is not None else None
        if parts is None or speaker is None or found is None or speaker.name is None:
            return parts
        end = speaker.start + found.start()
        name = _EQUALS_END.sub("", speaker.name) if speaker.name.endswith(("＝", "=")) else speaker.name
        speaker = attrs.evolve(speaker, end=end, text=self.source[speaker.start : end], name=name)
        affiliation = parts.affiliation
        org = found.group("org")
        if affiliation is None and not is_place(org, self.lex):
            start = speaker.end + found.start("org") - found.start()
            affiliation = Affiliation(start=start, end=start + len(org), text=org)
        return Parts(speaker=speaker, affiliation=affiliation)

    def _whole_names(self, parts: Parts | None) -> Parts | None:
        """An organisation's name the parse cut short (共に|民主党): the span grows to the
        known name written just before it."""
        if parts is None:
            return None
        affiliation = parts.affiliation
        if affiliation is not None:
            start = self._known_start(affiliation.start, affiliation.end)
            if start != affiliation.start:
                text = self.source[start : affiliation.end]
                affiliation = Affiliation(start=start, end=affiliation.end, text=text)
        speaker = parts.speaker
        if speaker.name == speaker.text:
            start = self._known_start(speaker.start, speaker.end)
            if start != speaker.start:
                text = self.source[start : speaker.end]
                speaker = attrs.evolve(speaker, start=start, text=text, name=text)
        if affiliation is parts.affiliation and speaker is parts.speaker:
            return parts
        return Parts(speaker=speaker, affiliation=affiliation)

    def _known_start(self, start: int, end: int) -> int:
        for k in range(4, 0, -1):
            if start - k >= 0 and self.source[start - k : end] in self.lex.org_names:
                return start - k
        return start

    def _apposed(self, unit: Unit, head: Token, parts: Parts | None) -> Parts | None:
        """A title and organisation set before the name with a comma (NPO法人の代表、
        石川健太さん; 同社の社長、山田一郎氏): the person's title and affiliation."""
        if parts is None or parts.speaker.name is None or parts.affiliation is not None:
            return parts
        doc = head.doc
        # the parser may hang the post on a word of the name (主将 on 円城寺 of 円城寺大地)
        start, _ = noun_phrase(head, self.lex)
        words = [head, *doc[start : head.i]]
        for post in (c for w in words for c in w.children if c.i < start):
            if (
                post.dep_ == "nmod"
                and post.i + 1 < len(doc)
                and doc[post.i + 1].text in ("、", ",")
                and not any(c.dep_ == "case" for c in post.children)
                and self._post_word(_with_number(post))
            ):
                described = decompose(unit, post, self.source, self.lex)
                if described is None:
                    return parts
                # NASAの広報担当者、ジョン・スミス氏: an unnamed source's word as the post
                title = described.speaker.title or (post.text if described.speaker.anonymous else None)
                title = parts.speaker.title or title  # ライオネルズの主将、岩城大輝内野手: its own post
                if title is None:
                    return parts
                speaker = attrs.evolve(parts.speaker, title=title)
                return Parts(speaker=speaker, affiliation=parts.affiliation or described.affiliation)
        return parts

    def _post_word(self, text: str) -> bool:
        """A title, or an unnamed source's word (広報担当者, 気候研究者): what the person is
        where the organisation before it says."""
        return (
            self.lex.suffix(text, self.lex.titles) is not None
            or self.lex.suffix(text, self.lex.anonymous) is not None
            or _BATTING_ORDER.fullmatch(text) is not None
        )

    def _hosted(self, unit: Unit, head: Token, parts: Parts | None) -> Parts | None:
        """A speaker's organisation written as the sentence's topic or setting, for an
        unnamed speaker (同社は、担当者が) or one holding a post there (自民党の役員会では、
        二階総務会長が); a state's officer belongs to the state instead."""
        if parts is None or parts.affiliation is not None:
            return parts
        speaker = parts.speaker
        if speaker.name is not None and (speaker.title is None or is_officer(speaker, self.lex)):
            return parts
        host = host_organization(head, self.lex)
        if host is None:
            return parts
        if host.lemma_ in self.lex.occasions or any(host.text.endswith(o) for o in self.lex.occasions):
            # 自民党の|役員会では: the organisation, not its meeting
            owners = [c for c in host.children if c.dep_ == "nmod" and c.i < host.i and self._names_org(c)]
            host = owners[-1] if owners else host
        start, end = noun_phrase(host, self.lex, appositions=False)
        doc = head.doc
        while start < end and doc[start].pos_ in ("DET", "PUNCT"):
            start += 1  # その朝鮮総連の東京本部: not その
        span = token_span(self.source, unit, doc, start, end)
        return attrs.evolve(parts, affiliation=Affiliation(start=span.start, end=span.end, text=span.text))

    def _names_org(self, tok: Token) -> bool:
        start, end = noun_phrase(tok, self.lex, appositions=False)
        return self.lex.names_org(tok.doc[start:end].text)

    def _press_office(self, parts: Parts | None) -> Parts | None:
        """An organisation's press office speaking (同社広報部, トヨタ自動車広報室): the
        organisation it is part of is the affiliation (同社 is resolved later)."""
        if parts is None or parts.affiliation is not None:
            return parts
        speaker = parts.speaker
        found = _PRESS_OFFICE.search(speaker.text)
        if found is None or found.start() < 2:
            return parts
        owner = speaker.text[: found.start()]
        if not (self.lex.names_org(owner) or (owner.startswith("同") and len(owner) <= 3)):
            return parts
        start = speaker.start
        affiliation = Affiliation(start=start, end=start + len(owner), text=owner)
        return Parts(speaker=speaker, affiliation=affiliation)

    def _post_owner(self, noun: Token) -> Token | None:
        """The organisation of `X の post` when `noun` is a post (学芸員 of 同館の学芸員で)."""
        if self.lex.suffix(noun.text, self.lex.titles) is None:
            return None
        owners = [
            c
            for c in noun.children
            if c.dep_ == "nmod"
            and c.i < noun.i
            and noun.doc[c.i + 1].text == "の"
            and c.pos_ in ("NOUN", "PROPN")
        ]
        if not owners:
            return None
        owner = owners[-1]
        a, b = noun_phrase(owner, self.lex, appositions=False)
        written = noun.doc[a:b].text
        return owner if self.lex.names_org(written) or written.startswith("同") else None

    def _department(self, head: Token, parts: Parts | None) -> Parts | None:
        """A department of an organisation speaking (岡山県警捜査2課, 厚生労働省医薬食品局
        安全対策課): the organisation it is part of, the shortest run of its words that names
        one, is the affiliation."""
        if parts is None or parts.affiliation is not None:
            return parts
        speaker = parts.speaker
        if (
            speaker.title
            or speaker.honorific
            or self.lex.suffix(speaker.text, self.lex.department_endings) is None
        ):
            return parts
        a, b = noun_phrase(head, self.lex, appositions=False)
        words = [t.text for t in head.doc[a:b]]
        if "".join(words) != speaker.text or any(names_person(t) for t in head.doc[a:b]):
            return parts  # a person, or a phrase not written as its words (an aside, a bracket)
        for k in range(1, len(words) - 1):
            if head.doc[a + k].tag_.startswith("接尾辞"):
                continue  # 岡山県|警: the name runs on
            owner, rest = "".join(words[:k]), "".join(words[k:])
            if len(owner) >= 3 and self.lex.is_org(owner) and len(rest) >= 2:
                end = speaker.start + len(owner)
                return Parts(
                    speaker=speaker, affiliation=Affiliation(start=speaker.start, end=end, text=owner)
                )
        return parts

    def _with_name(self, span: Span) -> Span:
        """The organisation's span with the name in brackets right after its kind word
        (英国の民間研究機関「ロンドン核不拡散研究所」で…務める): the name is the body's."""
        found = self._bracket_at(span.end)
        if (
            found is None
            or found[1] - found[0] > 30
            or any(c in self.source[found[0] : found[1]] for c in "。、")
        ):
            return span
        return Span.of(self.source, span.start, found[1] + 1)

    def _bracket_at(self, at: int) -> tuple[int, int] | None:
        """The inside of a name in brackets opening right at `at` (…機関「ロンドン研究所」),
        or None where no bracket opens there, it never closes, or it holds another."""
        src = self.source
        if src[at : at + 1] != "「":
            return None
        end = src.find("」", at)
        name = src[at + 1 : end]
        if end < 0 or not name.strip() or "「" in name:
            return None
        return at + 1, end

    def _past_occupation(self, doc: Doc, start: int, joiners: tuple[str, ...], least: int = 3) -> int:
        """Where the words before a name start once an occupation joined to it is passed
        (…で代表を務める演出家の三輪康介氏, PTAの会長を務める会社員、飯島健司さん)."""
        if start >= least and doc[start - 1].text in joiners and self._occupation(doc[start - 2].text):
            return start - 2
        if (
            start >= least + 1
            and doc[start - 1].text in joiners
            and doc[start - 2].text == "人"
            and doc[start - 3].text in self.lex.countries
        ):
            return start - 3  # …を率いるブラジル人のカルドーゾ監督: a nationality, passed the same way
        return start

    def _occupation(self, word: str) -> bool:
        """Whether a word says what a person does (演出家, 弁護士, 研究員)."""
        return (
            self.lex.suffix(word, self.lex.titles) is not None
            or self.lex.suffix(word, self.lex.anonymous) is not None
        )

    def _working_at(self, unit: Unit, head: Token, parts: Parts | None) -> Parts | None:
        """The organisation a clause on the name says the person works in (本町自治会で会長を
        務める石田正さん -> 本町自治会, 会長; 県警に勤務する山田巡査 -> 県警), however the parser
        hung the clause."""
        if parts is None or parts.affiliation is not None or parts.speaker.name is None:
            return parts
        doc = head.doc
        start = self._past_occupation(doc, _name_start(head), ("の",))
        verb = doc[start - 1] if start > 0 else None
        while verb is not None and verb.dep_ == "aux" and verb.head.i < verb.i:
            verb = verb.head  # 担当|し|た: the verb the endings hang on
        if verb is None or verb.pos_ not in ("VERB", "NOUN") or verb.lemma_ not in _WORK_AT:
            return parts
        opening = verb.left_edge  # 同社で安全性情報部長を務める: the parser hung 同社で inside the post
        # (…の選挙監視団を率いる: the body one leads is its object)
        deps = ("obl", "obj") if "を" in _WORK_AT[verb.lemma_] else ("obl",)
        candidates = [c for c in verb.children if c.dep_ in deps] + (
            [opening] if opening.dep_ == "nmod" else []
        )
        held = [c.text for c in verb.children if c.dep_ == "obj" and self.lex.suffix(c.text, self.lex.titles)]
        for org in candidates:
            cases = [c.text for c in org.children if c.dep_ == "case" and c.i > org.i]
            if cases[-1:] not in [[p] for p in _WORK_AT[verb.lemma_]]:
                continue
            posts = held
            owner = self._post_owner(org)
            if owner is not None:
                # 同館の学芸員で展示を担当する: the post is the で-phrase, its owner the body
                org, posts = owner, [*posts, doc[owner.i + 2 : org.i + 1].text]  # (past の)
            a, b = noun_phrase(org, self.lex, appositions=False)
            # 「アーク・プロモーション」に所属する: what one belongs to is a body; where one holds a
            # post (ブルー・ハーバーでボーカルを務める, 同バンドで…), a name or 同 and a kind is one too
            written = doc[a:b].text
            named = (_a_name(doc[a:b]) or doc[a].text.startswith("同")) and self.lex.suffix(
                written, self.lex.venues
            ) is None
            if not (self.lex.names_org(written) or (named and (verb.lemma_ in _BELONG or posts))):
                continue
            if (
                self.lex.suffix(written, self.lex.org_descriptions) == written
                and written not in self.lex.org_kinds
            ):
                continue  # 企業を率いる: a word for a kind of body names none (球団 points back to one)
            span = self._with_name(token_span(self.source, unit, doc, a, b))
            speaker = parts.speaker
            if speaker.title is None and posts:
                speaker = attrs.evolve(speaker, title=posts[0])
            return Parts(
                speaker=speaker, affiliation=Affiliation(start=span.start, end=span.end, text=span.text)
            )
        return parts

    def _body_in_post(
        self, unit: Unit, doc: Doc, first: int, end: int, parts: Parts, post: str
    ) -> Parts | None:
        """The person with the organisation a post written as one word starts with (北薩大学|
        教授) and that post, or None."""
        span = token_span(self.source, unit, doc, first, end)
        length = org_prefix(span.text, self.lex)
        if not length:
            return None
        body = Affiliation(start=span.start, end=span.start + length, text=span.text[:length])
        held = parts.speaker.title and not former(parts.speaker)
        title = parts.speaker.title if held else post[length:]
        return Parts(speaker=attrs.evolve(parts.speaker, title=title), affiliation=body)

    def _described(self, unit: Unit, head: Token, parts: Parts | None) -> Parts | None:
        """`[組織]の[職]で[説明]の[名前]`: an apposition before the name gives the person's
        organisation and post (東北大学の准教授で地震学が専門の田中一郎さん -> 東北大学, 准教授;
        …講師で中国政治に詳しい山本花子氏; 全柔連の強化委員長を務める氷室康介氏). Only a
        post from the titles lexicon opens it, so a place (会議で講演した山田氏) does not."""
        if parts is None or parts.affiliation is not None or parts.speaker.name is None:
            return parts
        doc = head.doc
        named_at = _name_start(head)  # the name's own words (田中|一郎|さん), not what describes it
        start = self._past_occupation(doc, named_at, ("、", ","), least=6)
        occupation = start != named_at
        before = doc[start - 1] if start >= 4 else None
        # …の監督を務める吉永氏: the parser may hang 務める on the main verb, right before the name
        serving = (
            before is not None
            and before.lemma_ in _SERVE
            and (before.dep_ == "advcl" or (occupation and before.dep_ == "acl"))
        )
        if before is None or not (
            before.text == "の" or (before.dep_ == "acl" and before.head.i == head.i) or serving
        ):
            return parts  # the description ends in の (専門の) or is a clause on the name (詳しい)
        for j in range(start - 2, max(start - 12, 0), -1):
            tok = doc[j]
            if tok.text in ("、", ",") and doc[j - 1].text == "で":
                continue  # …の党首で、元保健相のアグネス・ムタレ氏: the post set off by a comma
            if tok.text in ("、", "。", "「", "」"):
                return parts
            serves = tok.text == "を" and doc[j + 1].lemma_ in _SERVE  # 強化委員長を務める
            if not (tok.text == "で" or serves):
                continue
            first = j - 1
            while (
                first > 0
                and j - first < 6
                and doc[first - 1].pos_ in ("NOUN", "PROPN")
                and doc[first - 1].text != "の"
            ):
                first -= 1  # 強化|委員長, フィリピン|事務所|代表: the whole post, however the words were cut
            post = doc[first:j].text
            if self.lex.suffix(post, self.lex.titles) is None and not post.endswith(self.lex.team_titles):
                continue  # 野球部の監督を務める: a team's post is a post too
            if first < 2 or doc[first - 1].text != "の":
                # 北薩大学教授で火山地質学が専門の: the organisation written inside the post
                inside = self._body_in_post(unit, doc, first, j, parts, post)
                if inside is None:
                    continue
                return inside
            org = _before_aside(doc, first - 2)  # ルヴェンゴ民主同盟(LDA)の党首: the name, not its aside
            a, b = noun_phrase(org, self.lex, appositions=False)
            if not (self.lex.names_org(doc[a:b].text) or any(t.pos_ == "PROPN" for t in doc[a:b])):
                return parts
            span = self._with_name(token_span(self.source, unit, doc, a, b))
            # …の党首で、元保健相の: the post held in the organisation, not the former one
            held = parts.speaker.title and not former(parts.speaker)
            speaker = parts.speaker if held else attrs.evolve(parts.speaker, title=post)
            return Parts(
                speaker=speaker, affiliation=Affiliation(start=span.start, end=span.end, text=span.text)
            )
        return parts
