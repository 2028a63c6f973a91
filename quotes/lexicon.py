"""Loading the word lists under `quotes/data/` that the rules read.

The rules in `attribution.py` and `speakers.py` read the parse; what counts as a
reporting verb, a title or an anonymous source is data. Users extend the lists
with a folder of files of the same names (`Lexicon.load(extra=PATH)`), or in
code (`lexicon.extended(titles=[...])`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path

import attrs

from quotes.errors import Errors, LexiconError

_KANJI = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf々]")

#: the one-character words for a local government (市の担当者, 県によると): an affiliation
#: that stands for the city, prefecture, town, village, ward or federal state the text named before
LOCAL_BODIES = frozenset("市県町村区州")

#: how a sentence with a membership verb writes the person and the body (membership_verbs.tsv)
MEMBERSHIP_CLASSES = ("join", "appoint", "lead", "run")
#: the kinds of body a post is held in (body_posts.tsv)
BODY_CLASSES = ("party", "prefecture", "city", "town", "village", "ward", "government", "court")
#: the roles of the words of police and court questioning (questioning.tsv)
QUESTIONING_CLASSES = ("custody", "setting", "answer")
CUE_CLASSES = ("speech", "report", "reaction", "cognition", "naming")
NOUN_CLASSES = ("speech", "cognition")
#: categories of organisations (organizations.tsv, org_kinds.tsv)
CATEGORIES = (
    "think_tank",
    "government",
    "legislature",
    "university",
    "media",
    "party",
    "company",
    "international_organization",
    "military",
    "ngo",
    "court",
    "police",
    "sports",
    "religious",
    "other",
)
#: the values of a table whose second column is a country (ISO 3166-1 alpha-2)
COUNTRIES = "country"
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")

#: file name -> field of `Lexicon` it fills
LIST_FILES = {
    "titles.txt": "titles",
    "honorifics.txt": "honorifics",
    "anonymous.txt": "anonymous",
    "org_suffixes.txt": "org_suffixes",
    "media.txt": "media",
    "relay_nouns.txt": "relay_nouns",
    "documents.txt": "documents",
    "title_prefixes.txt": "title_prefixes",
    "places.txt": "places",
    "org_lookalikes.txt": "org_lookalikes",
    "org_prefixes.txt": "org_prefixes",
    "venues.txt": "venues",
    "outsiders.txt": "outsiders",
    "team_titles.txt": "team_titles",
    "executive_titles.txt": "executive_titles",
    "events.txt": "events",
    "display_verbs.txt": "display_verbs",
    "positions.txt": "positions",
    "intention_nouns.txt": "intention_nouns",
    "not_speakers.txt": "not_speakers",
    "interviews.txt": "interviews",
    "adverbial_nouns.txt": "adverbial_nouns",
    "light_verbs.txt": "light_verbs",
    "occasions.txt": "occasions",
    "works.txt": "works",
    "org_descriptions.txt": "org_descriptions",
    "connectives.txt": "connectives",
    "suspects.txt": "suspects",
    "sign_off_verbs.txt": "sign_off_verbs",
    "org_heads.txt": "org_heads",
    "pronouns.txt": "pronouns",
    "department_endings.txt": "department_endings",
    "generic_org_words.txt": "generic_org_words",
    "post_endings.txt": "post_endings",
    "post_qualifiers.txt": "post_qualifiers",
    "bound_titles.txt": "bound_titles",
    "state_titles.txt": "state_titles",
    "voice_nouns.txt": "voice_nouns",
    "forums.txt": "forums",
    "nominalisers.txt": "nominalisers",
    "disciplines.txt": "disciplines",
    "quantifiers.txt": "quantifiers",
    "group_words.txt": "group_words",
}
TABLE_FILES: dict[str, tuple[str, tuple[str, ...] | str]] = {
    "cues.tsv": ("cues", CUE_CLASSES),
    "speech_nouns.tsv": ("speech_nouns", NOUN_CLASSES),
    "org_kinds.tsv": ("org_kinds", CATEGORIES),
    "country_prefixes.tsv": ("country_prefixes", COUNTRIES),
    "country_pairs.tsv": ("country_pairs", COUNTRIES),
    "countries.tsv": ("countries", COUNTRIES),
    "membership_verbs.tsv": ("membership_verbs", MEMBERSHIP_CLASSES),
    "body_posts.tsv": ("body_posts", BODY_CLASSES),
    "questioning.tsv": ("questioning", QUESTIONING_CLASSES),
}


def _word_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(words)


def _titles(words: Iterable[str]) -> tuple[str, ...]:
    """`_by_length`, with each katakana word that ends in a long vowel also written without it,
    as technical and official Japanese writes it (プロジェクトマネージャー and …マネージャ)."""
    words = tuple(words)
    # not a short word, whose form without ー may be another word (ドラマー, ドラマ)
    short = (w[:-1] for w in words if len(w) >= 6 and w.endswith("ー") and _KATAKANA_END.match(w[-2]))
    return _by_length((*words, *short))


#: a katakana character (before a long-vowel mark)
_KATAKANA_END = re.compile(r"[\u30a1-\u30fa]")


def _by_role(table: Mapping[str, str]) -> dict[str, tuple[str, ...]]:
    """A table's words grouped by their class, each group longest first."""
    roles: dict[str, list[str]] = {}
    for word, role in table.items():
        roles.setdefault(role, []).append(word)
    return {role: _by_length(words) for role, words in roles.items()}


def _by_length(words: Iterable[str]) -> tuple[str, ...]:
    """Distinct words, longest first, so that suffix matching takes the longest."""
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@attrs.frozen(kw_only=True)
class Lexicon:
    """The word lists the attribution rules consult."""

    cues: Mapping[str, str] = attrs.field(factory=dict)
    speech_nouns: Mapping[str, str] = attrs.field(factory=dict)
    #: a verb of joining a body or being given a post in it -> `join` or `appoint`
    membership_verbs: Mapping[str, str] = attrs.field(factory=dict)
    #: a post held in one kind of body (幹事長, 知事) -> the kind (`party`, `prefecture`, …)
    body_posts: Mapping[str, str] = attrs.field(factory=dict)
    #: words of questioning -> their role: custody (逮捕), setting (調べ), answer (供述)
    questioning: Mapping[str, str] = attrs.field(factory=dict)
    #: a word naming an organisation by its kind (球団, 党) -> the category it points back to
    org_kinds: Mapping[str, str] = attrs.field(factory=dict)
    relay_nouns: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    titles: tuple[str, ...] = attrs.field(factory=tuple, converter=_titles)
    honorifics: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    anonymous: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    org_suffixes: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    media: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    documents: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    title_prefixes: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    places: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    org_lookalikes: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    org_prefixes: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    venues: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    outsiders: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    team_titles: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: posts at the head of a body (社長, 頭取), whose holder belongs to the body the text is about
    executive_titles: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: endings of events' and illnesses' names written as a club's is (東京オリンピック)
    events: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: verbs that show a feeling or a look, whose nouns are part of the cue (表情を浮かべる)
    display_verbs: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: positions in a football team written before a name (DF, GK)
    positions: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    intention_nouns: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: nouns that head a clause but never name a speaker (こと, ところ, 場合)
    not_speakers: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: what a medium conducts with a speaker (取材, インタビュー)
    interviews: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: nouns of time a reporting clause may modify and still report (後, 際)
    adverbial_nouns: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: verbs that make a speech noun a cue (出す, 示す)
    light_verbs: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: where words were said (会見, 番組)
    occasions: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    works: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: what an organisation is, written before its name with の (ゲーム大手の, 化学メーカーの)
    org_descriptions: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: sentence connectives (また, さらに)
    connectives: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: titles of suspects and defendants (容疑者, 被告)
    suspects: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: verbs of a sentence that only names the medium (伝えた, 報じた)
    sign_off_verbs: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: nouns that end an organisation's name and may carry a clause (会, 党)
    org_heads: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: pronouns and short forms for a person named elsewhere (同氏, 彼)
    pronouns: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: how a part of an organisation ends (部, 本部)
    department_endings: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: words too common to name one country's body (テレビ, 銀行)
    generic_org_words: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: how posts end (長, 官): after a reading, a word ending so is a title
    post_endings: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: words after a post that make another post of it (首相候補, 社長代行)
    post_qualifiers: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: titles written straight onto what the post is for (相 of 経済再生相)
    bound_titles: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: posts and unnamed sources that belong to a state (大統領, 相, 当局者)
    state_titles: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: nouns for voices from a crowd or a place (声, 批判, コメント)
    voice_nouns: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: words for a group that speaks as one (研究チーム, 代表団): alone, the one named before
    group_words: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: words for a part of a group (一人, 多く): 住民の一人 is an unnamed source
    quantifiers: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: sports and disciplines, no organisation (テニス, 陸上)
    disciplines: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: nouns that make a clause a reporting verb's object (こと, 旨)
    nominalisers: frozenset[str] = attrs.field(factory=frozenset, converter=frozenset)
    #: places on the net voices are written in (ネット上, SNS, コメント欄)
    forums: tuple[str, ...] = attrs.field(factory=tuple, converter=_by_length)
    #: a country as written (イラン, 英) -> its ISO code
    countries: Mapping[str, str] = attrs.field(factory=dict)
    #: `suffix`'s index of each list it was asked about, by the list's id
    _suffixes: dict[int, tuple[tuple[str, ...], dict[str, tuple[str, ...]]]] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )
    _country_names: tuple[str, ...] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(lambda self: _by_length(self.countries), takes_self=True),
    )
    _body_post_words: tuple[str, ...] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(lambda self: _by_length(self.body_posts), takes_self=True),
    )
    _questioning_roles: Mapping[str, tuple[str, ...]] = attrs.field(
        init=False,
        repr=False,
        eq=False,
        default=attrs.Factory(lambda self: _by_role(self.questioning), takes_self=True),
    )
    #: a country word before an organisation's name -> the country (米 -> US)
    country_prefixes: Mapping[str, str] = attrs.field(factory=dict)
    #: a country pair as written (韓米) -> the countries whose press writes it so (KR)
    country_pairs: Mapping[str, str] = attrs.field(factory=dict)
    #: names of known organisations (日銀, 経団連), from the organisation table the
    #: extractor uses: a title may start with one (植田和男日銀総裁)
    org_names: frozenset[str] = attrs.field(factory=frozenset, converter=_word_set, repr=False)

    @classmethod
    def default(cls) -> Lexicon:
        """The lists shipped in `quotes/data/` (loaded once per process)."""
        return _default()

    @classmethod
    def load(cls, extra: str | Path | None = None, *, replace: bool = False) -> Lexicon:
        """The shipped lists, extended (or, with `replace`, replaced) by a folder.

        The folder may hold any of the files in `quotes/data/` under the same
        names; files it does not hold keep the shipped lists.
        """
        base = cls.default()
        if extra is None:
            return base
        folder = Path(extra)
        if not folder.is_dir():
            raise LexiconError(Errors.E003.format(path=folder, name="*"))
        changes: dict[str, object] = {}
        for name, field in LIST_FILES.items():
            path = folder / name
            if path.exists():
                words = _read_list(path.read_text(encoding="utf-8"))
                changes[field] = words if replace else (*getattr(base, field), *words)
        for name, (field, classes) in TABLE_FILES.items():
            path = folder / name
            if path.exists():
                table = _read_table(path.read_text(encoding="utf-8"), path, classes)
                changes[field] = table if replace else {**getattr(base, field), **table}
        return attrs.evolve(base, **changes)  # type: ignore[arg-type]

    def extended(
        self,
        *,
        cues: Mapping[str, str] | None = None,
        speech_nouns: Mapping[str, str] | None = None,
        org_kinds: Mapping[str, str] | None = None,
        **lists: Iterable[str],
    ) -> Lexicon:
        """A copy with more entries: `lex.extended(titles=["主任研究官"], cues={"吠える": "speech"})`."""
        changes: dict[str, object] = {}
        tables: tuple[tuple[str, Mapping[str, str] | None, tuple[str, ...] | str], ...] = (
            ("cues", cues, CUE_CLASSES),
            ("speech_nouns", speech_nouns, NOUN_CLASSES),
            ("org_kinds", org_kinds, CATEGORIES),
        )
        for field, table, classes in tables:
            if table:
                for key, value in table.items():
                    if not _valid(value, classes):
                        raise LexiconError(
                            Errors.E005.format(path="<code>", line=key, value=value, allowed=classes)
                        )
                changes[field] = {**getattr(self, field), **table}
        for field, words in lists.items():
            if field not in LIST_FILES.values():
                raise LexiconError(
                    f"Lexicon has no list {field!r}; use one of {sorted(LIST_FILES.values())}."
                )
            changes[field] = (*getattr(self, field), *words)
        return attrs.evolve(self, **changes)  # type: ignore[arg-type]

    # -- queries -------------------------------------------------------------

    def cue_class(self, lemma: str) -> str | None:
        """The class of a reporting cue (speech, report, cognition, naming) or None."""
        return self.cues.get(lemma)

    def suffix(self, text: str, words: tuple[str, ...]) -> str | None:
        """The longest word of `words` that `text` ends with (words are looked up by their
        last character, so a long list costs no more than a short one)."""
        if not text:
            return None
        index = self._suffixes.get(id(words))
        if index is None or index[0] is not words:
            index = (words, _by_last(words))
            self._suffixes[id(words)] = index
        return next((w for w in index[1].get(text[-1], ()) if text.endswith(w)), None)

    def questioning_words(self, role: str) -> tuple[str, ...]:
        """The words of questioning of one role (`QUESTIONING_CLASSES`), longest first."""
        return self._questioning_roles.get(role, ())

    def body_post(self, title: str) -> str | None:
        """The kind of body the post `title` ends in is held in (幹事長: party), or None."""
        word = self.suffix(title, self._body_post_words)
        return self.body_posts[word] if word is not None else None

    def countries_at_start(self, text: str) -> list[str]:
        """The country names `text` starts with, longest first (米国, 米 of 米国務長官)."""
        return [c for c in self._country_names if text.startswith(c)]

    def is_media(self, text: str) -> bool:
        """Whether `text` names a news medium (朝日新聞, WP, AP通信, NHK)."""
        return self.suffix(text, self.media) is not None

    def with_org_names(self, names: Iterable[str]) -> Lexicon:
        """A copy that knows these organisation names (see `org_names`)."""
        return attrs.evolve(self, org_names=frozenset(names))

    def names_org(self, text: str) -> bool:
        """Whether `text` is exactly a known organisation's name, or ends like one."""
        return text in self.org_names or self.is_org(text)

    def is_org(self, text: str) -> bool:
        """Whether `text` ends like an organisation's name (研究院, 外交部, 民進党).

        Not when it ends in a common word that only looks like one (近所, 幹部).
        """
        if self.is_media(text):
            return True
        if any(text.startswith(p) and len(text) > len(p) + 1 for p in self.org_prefixes):
            return True  # 劇団北斗座, 株式会社くいだおれ: a word that opens the name
        ending = self.suffix(text, self.org_suffixes)
        if ending is None:
            return False
        lookalike = self.suffix(text, self.org_lookalikes)
        if lookalike is None or len(lookalike) <= len(ending):
            return True
        # 近所, 会社の幹部: the look-alike is the word; 統一部 is 統一 + 部, not 統 + 一部
        before = text[-len(lookalike) - 1 : -len(lookalike)]
        return bool(before) and _KANJI.fullmatch(before) is not None


def _by_last(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words by their last character, longest first as in `words`."""
    index: dict[str, list[str]] = {}
    for word in words:
        if word:
            index.setdefault(word[-1], []).append(word)
    return {last: tuple(found) for last, found in index.items()}


def _valid(value: str, classes: tuple[str, ...] | str) -> bool:
    """Whether a table value is one of `classes` (or a country code, for `COUNTRIES`);
    org_kinds.tsv and country_pairs.tsv may give several, `company|media`."""
    if classes == COUNTRIES:
        return all(_COUNTRY_CODE.fullmatch(part) for part in value.split("|"))
    if classes == CATEGORIES:
        return all(part in classes for part in value.split("|"))
    return value in classes


def _read_list(content: str) -> list[str]:
    return [
        line.strip() for line in content.splitlines() if line.strip() and not line.lstrip().startswith("#")
    ]


def _read_table(content: str, path: Path | str, classes: tuple[str, ...] | str) -> dict[str, str]:
    table: dict[str, str] = {}
    rows = [
        (n, line)
        for n, line in enumerate(content.splitlines(), 1)
        if line.strip() and not line.startswith("#")
    ]
    for n, line in rows[1:]:  # the first row is the header
        cols = line.rstrip("\n").split("\t")
        if len(cols) != 2:
            raise LexiconError(Errors.E004.format(path=path, line=n, expected=2, got=len(cols), content=line))
        key, value = cols[0].strip(), cols[1].strip()
        if not _valid(value, classes):
            raise LexiconError(Errors.E005.format(path=path, line=n, value=value, allowed=classes))
        table[key] = value
    return table


@cache
def _default() -> Lexicon:
    data = resources.files("quotes") / "data"
    fields: dict[str, object] = {}
    for name, field in LIST_FILES.items():
        fields[field] = _read_list((data / name).read_text(encoding="utf-8"))
    for name, (field, classes) in TABLE_FILES.items():
        fields[field] = _read_table((data / name).read_text(encoding="utf-8"), name, classes)
    return Lexicon(**fields)  # type: ignore[arg-type]
