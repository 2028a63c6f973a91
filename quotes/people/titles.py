"""Where a title starts in a speaker's phrase (首席研究委員, 内閣官房長官, 経済再生相), the
organisation written inside a title (内閣官房|長官), and a reading that closes a name."""

from __future__ import annotations

import regex

from quotes.lexicon import Lexicon
from quotes.text.masking import Unit

#: what a name in katakana or Latin letters is written with
_KANA_NAME = regex.compile(r"[\p{Katakana}・＝=A-Za-zＡ-Ｚａ-ｚ]")
READING = regex.compile(r"[（(]\s*([\p{Katakana}\p{Hiragana}ー・=＝、,\s]+?)\s*[)）]")


def title_start(
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
    # 小沢一郎民主党代表: a shorter title (代表) after an organisation's name, not 民主 + 党代表
    cut = next((c for c in range(at + 1, len(text) - 1) if text[c:] in lex.titles), None)
    if cut is not None and not lex.names_org(text[:at]):
        org = next(
            (
                s
                for s in starts
                if cut - s >= 2
                and not any(s <= p - shift < cut for p in names)  # no person's name in it
                and lex.names_org(text[s:cut])
            ),
            None,
        )
        if org is not None:
            at = org
            starts = [s for s in starts if s < at]
    bound = base in lex.bound_titles
    first = True
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
                # こども政策|相, デジタル|相: what a minister's post is for is all it takes;
                # past that word, a katakana one is a name (ステパン・ボイコ|国防|相)
                or (bound and k == 1 and (first or _KANA_NAME.search(piece) is None))
                # 国土交通|大臣, 金融|担当大臣: the ministry's stem before a minister's post
                or (first and base in lex.state_titles and f"{piece}省" in lex.org_names)
                # 首相|候補, 社長|代行: a post that another is a stand-in or a candidate for
                or (first and base in lex.post_qualifiers and piece in lex.titles)
            ):
                end, at = at, prev
                first = False
                del starts[-k:]
                at = _whole_name_start(text, at, end, starts, names, shift, lex)
                break
        else:
            break
    return at


def _whole_name_start(
    text: str, at: int, end: int, starts: list[int], names: frozenset[int], shift: int, lex: Lexicon
) -> int:
    """Where an organisation's name read as the piece `text[at:end]` starts once the words
    before it that make it longer are taken in (国民|協和党: the whole name, not its last
    words); `starts` loses the words taken."""
    while (
        starts
        and lex.names_org(text[at:end])
        and lex.names_org(text[starts[-1] : end])
        and starts[-1] + shift not in names
    ):
        at = starts.pop()
    return at


def org_prefix(title: str, lex: Lexicon) -> int:
    """Length of the organisation written inside a title (内閣官房|長官), or 0; none in
    a title of its own (官房長官 is one post, not 官房 + 長官)."""
    if title in lex.titles:
        return 0
    cuts = [cut for cut in range(len(title) - 1, 1, -1) if _a_post(title[cut:], lex)]
    for cut in cuts:  # longest organisation first
        if lex.names_org(title[:cut]):
            return cut
    # 同 and a kind word, the shortest (同社|経理部長, not 同社経理|部長)
    return next((cut for cut in reversed(cuts) if _SAME_KIND.fullmatch(title[:cut]) is not None), 0)


def _a_post(text: str, lex: Lexicon) -> bool:
    """A post of its own, or one with the work of its department before it (強化|部長)."""
    base = lex.suffix(text, lex.titles)
    return text in lex.titles or (base is not None and text[: len(text) - len(base)] in lex.title_prefixes)


#: 同 and a kind word written inside a post (同クラブ|強化部長, 同社|経理部長)
_SAME_KIND = regex.compile(r"同(?:\p{Han}{1,3}|\p{Katakana}[\p{Katakana}ー]{1,7})")


def reading_gap(unit: Unit, at: int, length: int) -> int | None:
    """Where, in the `length` masked characters from `at`, a dropped reading in
    parentheses stood (鄭奎澈|(チョン・ギュチョル)|経済見通し室長), or None."""
    for j in range(1, length):
        # a dropped aside belongs to the character before it, whose source range it widens
        start, end = unit.starts[at + j - 1], unit.ends[at + j - 1]
        after = unit.source[start + 1 : max(end, unit.starts[at + j])].strip()
        if after and READING.fullmatch(after):
            return j
    return None
