"""The organisation knowledge base: which body an affiliation such as 峨山研究院 or 米国務省 names.

`quotes/data/organizations.tsv` lists the organisations Japanese news quotes most, each
with a canonical English name, a category, a country and the surface forms the press
writes it in. `OrganizationTable.lookup` resolves an affiliation as written
(梨花女子大国際学部, ロシア下院(国家ドゥーマ)国際問題委員会, ＮＨＫ) to its row, with
offsets into the query and the department that follows the organisation's name.

Matching compares normalised forms (`normalize`): NFKC, lower case, no spaces or middle
dots, 大学 read as 大. Lookup is a longest-prefix search in a dict keyed by those forms,
so it costs a few dict probes per character of the query, not a scan of the rows.
The file format and the rules are described in docs/organizations.md.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from quotes.errors import Errors, InputTypeError, LexiconError
from quotes.lexicon import CATEGORIES, Lexicon

DATA_FILE = "organizations.tsv"
HEADER = ("canonical", "category", "country", "ja", "en")

#: Words that may stand between a country and a medium's name: 米紙ワシントン・ポスト, 英誌エコノミスト.
MEDIA_MARKERS = ("紙", "誌")
#: 国営 (state-run) before a medium or company: ロシア国営タス通信, 中国国営中央テレビ.
STATE_MARKER = "国営"
STATE_CATEGORIES = frozenset({"media", "company"})

_ASIDE_RE = re.compile(r"[(（][^()（）]*[)）]")

# Removed before comparison, so that ニューヨーク・タイムズ = ニューヨークタイムズ = ニューヨーク タイムズ.
_DROPPED = frozenset("・·‧")
# Marks that belong to the character before them (half-width ﾞﾟ, combining marks): NFKC
# must see the pair to compose ｶﾞ into ガ.
_JOINING = frozenset("\uff9e\uff9f")
# Stripped from the ends of a department: spaces and middle dots.
_STRIPPED = " \t\u3000・･·"
_COUNTRY_CODE = re.compile(r"[A-Z]{2}")
_KATAKANA = re.compile(r"[\u30a1-\u30fa\u30fc]")


# -- records ------------------------------------------------------------------


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    """A tuple of the values; a lone string is one value, not its characters."""
    return (values,) if isinstance(values, str) else tuple(values)


def _check_country(_instance: Any, _attribute: Any, value: str | None) -> None:
    if value is not None and not _COUNTRY_CODE.fullmatch(value):
        raise ValueError(f"'country' must be None or two capital letters such as 'JP' (got {value!r}).")


def _check_names(_instance: Any, _attribute: Any, value: tuple[str, ...]) -> None:
    if not value or not all(name.strip() for name in value):
        raise ValueError(f"'names' must hold at least one non-empty Japanese name (got {value!r}).")


@attrs.frozen(kw_only=True)
class Organization:
    """One organisation of the knowledge base.

    Attributes:
        canonical: The official English name, the stable key (`Sejong Institute`).
        category: One of `CATEGORIES`.
        country: ISO 3166-1 alpha-2 code, None for international bodies.
        names: Japanese surface forms, the full name first (世宗研究所, セジョン研究所).
        aliases: English forms, matched case-insensitively (Asan Institute, Asan).
    """

    canonical: str = attrs.field(validator=attrs.validators.min_len(1))
    category: str = attrs.field(validator=attrs.validators.in_(CATEGORIES))
    country: str | None = attrs.field(default=None, validator=_check_country)
    names: tuple[str, ...] = attrs.field(converter=_strings, validator=_check_names)
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form the matcher reads as this organisation: names, aliases, canonical name."""
        return (*self.names, *self.aliases, self.canonical)


@attrs.frozen(kw_only=True)
class OrgMatch:
    """An organisation found at the start of a query string.

    Attributes:
        organization: The row the query names.
        start: Offset of the organisation's name in the query (after leading spaces).
        end: Offset just past it, so that `query[start:end]` is the organisation as written
            (米国務省, ロシア下院(国家ドゥーマ), 梨花女子大).
        department: What follows the name (国際学部, 国際問題委員会), or None.
    """

    organization: Organization
    start: int = attrs.field(validator=attrs.validators.ge(0))
    end: int = attrs.field()
    department: str | None = None

    @end.validator
    def _end_after_start(self, _attribute: Any, value: int) -> None:
        if value < self.start:
            raise ValueError(f"end ({value}) must be >= start ({self.start})")


# -- normalisation ------------------------------------------------------------


@attrs.frozen
class _Normalized:
    """A normalised string and, per character, the span of the original it comes from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]

    @classmethod
    def of(cls, source: str) -> _Normalized:
        chars: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        i, size = 0, len(source)
        while i < size:
            j = i + 1
            while j < size and (source[j] in _JOINING or unicodedata.combining(source[j])):
                j += 1
            for char in unicodedata.normalize("NFKC", source[i:j]).lower():
                if char in _DROPPED or char.isspace():
                    continue
                if char == "学" and chars and chars[-1] == "大" and ends[-1] == i:
                    ends[-1] = j  # 大学 is read as 大: 梨花女子大学 = 梨花女子大
                    continue
                chars.append(char)
                starts.append(i)
                ends.append(j)
            i = j
        return cls("".join(chars), tuple(starts), tuple(ends))

    def is_boundary(self, stop: int) -> bool:
        """Whether a name may end before normalised position `stop`.

        A Latin name does not end inside a Latin word (LG in LGBT, Fed in FedEx) and a
        katakana name does not end inside a katakana word (タス in タスク, メタ in メタン);
        a space or a middle dot in the original ends the word.
        """
        if stop >= len(self.text):
            return True
        if self.ends[stop - 1] == self.ends[stop]:
            return False  # inside one original character (NFKC made several of it)
        if self.ends[stop - 1] != self.starts[stop]:
            return True  # a space or a middle dot was removed between them
        last, following = self.text[stop - 1], self.text[stop]
        if last.isascii() and last.isalnum() and following.isascii() and following.isalnum():
            return False
        return not (_KATAKANA.match(last) and _KATAKANA.match(following))


def normalize(text: str) -> str:
    """The form names are compared in: NFKC, lower case, no spaces or middle dots, 大学 as 大.

    Args:
        text: A name or a query.

    Returns:
        The normalised string (`ＮＨＫ` -> `nhk`, `梨花女子大学` -> `梨花女子大`).
    """
    return _Normalized.of(text).text


# -- country prefixes ---------------------------------------------------------


@attrs.frozen
class _Prefix:
    """A country marker before a name, limited to some categories (米紙 only before media)."""

    country: str
    categories: frozenset[str] | None = None

    def allows(self, category: str) -> bool:
        return self.categories is None or category in self.categories


def _prefixes(lex: Lexicon) -> dict[str, _Prefix]:
    """Country markers as normalised strings (米, 米紙, 米国営, 米国の), from `country_prefixes.tsv`."""
    table: dict[str, _Prefix] = {}
    for word, country in lex.country_prefixes.items():
        table[normalize(word)] = _Prefix(country)
        for marker in MEDIA_MARKERS:
            table[normalize(word + marker)] = _Prefix(country, frozenset({"media"}))
        table[normalize(word + STATE_MARKER)] = _Prefix(country, STATE_CATEGORIES)
        if len(word) > 1:  # 日本の国会, 韓国の国防部; not 中の, which is no country
            table[normalize(word + "の")] = _Prefix(country)
    return table


# -- the table ----------------------------------------------------------------


def _organizations(values: Iterable[Organization]) -> tuple[Organization, ...]:
    return tuple(values)


@attrs.frozen
class OrganizationTable:
    """The organisations, indexed by normalised surface form for fast lookup.

    Build it with `default()` (the shipped file), `load(path)` (a user file over the
    shipped one) or directly from `Organization` records.
    """

    organizations: tuple[Organization, ...] = attrs.field(converter=_organizations)
    #: the word lists read for country prefixes, department endings and generic words
    lexicon: Lexicon = attrs.field(factory=Lexicon.default, repr=False, eq=False, kw_only=True)
    _prefixes: dict[str, _Prefix] = attrs.field(init=False, repr=False, eq=False)
    _prefix_lengths: tuple[int, ...] = attrs.field(init=False, repr=False, eq=False)
    _index: dict[str, Organization] = attrs.field(init=False, repr=False, eq=False)
    _by_country: dict[str, dict[str, Organization]] = attrs.field(init=False, repr=False, eq=False)
    _longest: int = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        prefixes = _prefixes(self.lexicon)
        object.__setattr__(self, "_prefixes", prefixes)
        object.__setattr__(self, "_prefix_lengths", tuple(sorted({len(p) for p in prefixes}, reverse=True)))
        generic = frozenset(normalize(w) for w in self.lexicon.generic_org_words)
        index: dict[str, Organization] = {}
        direct: dict[str, dict[str, Organization]] = {}
        derived: dict[str, dict[str, Organization]] = {}
        for org in self.organizations:
            for form in org.forms:
                key = normalize(form)
                if not key:
                    continue
                index[key] = org  # a later row wins: a user file overrides the shipped one
                if org.country is None:
                    continue
                direct.setdefault(org.country, {})[key] = org
                # 韓国外交部 also makes 外交部 a name of that country, read after 韓 or 韓国の.
                for prefix in self._prefix_lengths:
                    rule = self._prefixes.get(key[:prefix])
                    if (
                        len(key) > prefix
                        and rule
                        and rule.country == org.country
                        and rule.allows(org.category)
                        and _distinctive(key[prefix:], generic)
                    ):
                        derived.setdefault(org.country, {}).setdefault(key[prefix:], org)
        by_country = {c: {**derived.get(c, {}), **direct.get(c, {})} for c in direct}
        object.__setattr__(self, "_index", index)
        object.__setattr__(self, "_by_country", by_country)
        object.__setattr__(self, "_longest", max((len(k) for k in index), default=0))

    # -- construction -------------------------------------------------------

    @classmethod
    def default(cls) -> OrganizationTable:
        """The organisations shipped in `quotes/data/organizations.tsv` (loaded once per process)."""
        return _default()

    @classmethod
    def load(cls, path: str | Path | None = None, *, replace: bool = False) -> OrganizationTable:
        """The shipped organisations, extended or overridden by a user file.

        Args:
            path: A TSV file of the shape of `quotes/data/organizations.tsv`, or a folder
                holding one under that name. None gives the shipped table.
            replace: Use only the user's rows instead of adding them to the shipped ones.

        Returns:
            The table. A user row whose canonical name, or any of whose Japanese names,
            equals a shipped row's (after normalisation) replaces that row.

        Raises:
            LexiconError: The file is missing, not UTF-8 or malformed; the message names
                the file, the line and what was expected.
        """
        base = cls.default()
        if path is None:
            return base
        file = Path(path)
        if file.is_dir():
            file = file / DATA_FILE
        if not file.is_file():
            raise LexiconError(Errors.E003.format(path=file, name=DATA_FILE))
        try:
            content = file.read_text(encoding="utf-8")
        except UnicodeDecodeError as err:
            raise LexiconError(Errors.E008.format(path=file, reason=err.reason)) from err
        rows = read_organizations(content, file)
        if replace:
            return cls(rows)
        return cls(_merged(base.organizations, rows))

    # -- queries ------------------------------------------------------------

    def __len__(self) -> int:
        return len(self.organizations)

    def __iter__(self) -> Iterator[Organization]:
        return iter(self.organizations)

    def lookup(self, text: str) -> OrgMatch | None:
        """The organisation `text` starts with, and the department that follows it.

        The longest known name at the start of `text` wins, read directly
        (梨花女子大国際学部 -> 梨花女子大 + 国際学部) or after a country prefix among
        that country's organisations (米国務省, 韓外交部, 米紙ワシントン・ポスト). A
        parenthesised gloss naming the same organisation is part of the name
        (ロシア下院(国家ドゥーマ)); when nothing matches at the start, a parenthesised
        name is tried (ロシア国会下院(国家ドゥーマ) -> 国家ドゥーマ).

        Args:
            text: An affiliation as written in the article.

        Returns:
            The match, whose offsets index `text`, or None when no organisation is known.
        """
        if not isinstance(text, str):
            raise InputTypeError(Errors.E001.format(value=text, type=type(text).__name__))
        norm = _Normalized.of(text)
        best = self._longest_name(norm, 0, self._index, None)
        for length in self._prefix_lengths:
            rule = self._prefixes.get(norm.text[:length])
            table = self._by_country.get(rule.country) if rule else None
            if rule is None or table is None or length >= len(norm.text):
                continue
            found = self._longest_name(norm, length, table, rule)
            if found and (best is None or found[0] > best[0]):
                best = found  # ties go to the direct reading
        if best is None:
            return self._gloss_only(text, norm)
        stop, org = best
        stop = self._past_gloss(norm, stop, org)
        match = self._match(text, norm, 0, stop, org)
        return match if match.department is None or is_department(match.department, self.lexicon) else None

    def starting_with(self, name: str, category: str) -> Organization | None:
        """The organisation of `category` with a name that starts with `name` (日本ハム ->
        北海道日本ハムファイターズ's 日本ハムファイターズ), if exactly one has such a name."""
        key = normalize(name)
        if not key:
            return None
        found = {
            org.canonical: org
            for form, org in self._index.items()
            if org.category == category and form.startswith(key)
        }
        return next(iter(found.values())) if len(found) == 1 else None

    def find_all(self, text: str) -> list[OrgMatch]:
        """Every organisation named in running text, left to right, longest first.

        A name is read where a word may start (not タス inside タスク), with or after a
        country prefix; a name taken is not read again inside itself (東京大学 holds no
        京大), and a bare name right after another country's prefix is no mention
        (ロシア外務省 is not Japan's 外務省). `department` is always None.
        """
        if not isinstance(text, str):
            raise InputTypeError(Errors.E001.format(value=text, type=type(text).__name__))
        norm = _Normalized.of(text)
        found: list[OrgMatch] = []
        pos, size = 0, len(norm.text)
        while pos < size:
            best = self._at(norm, pos) if pos == 0 or norm.is_boundary(pos) else None
            if best is None:
                pos += 1
                continue
            stop, org = best
            found.append(OrgMatch(organization=org, start=norm.starts[pos], end=norm.ends[stop - 1]))
            pos = stop
        return found

    def _at(self, norm: _Normalized, pos: int) -> tuple[int, Organization] | None:
        """The longest name starting at normalised position `pos`, direct or after a prefix."""
        best = self._longest_name(norm, pos, self._index, None)
        if best is not None and best[1].country is not None:
            for length in self._prefix_lengths:
                rule = self._prefixes.get(norm.text[max(0, pos - length) : pos]) if pos >= length else None
                if rule is not None and rule.country != best[1].country:
                    best = None  # 露外務省 read from 外務省: another country's ministry
                    break
        for length in self._prefix_lengths:
            rule = self._prefixes.get(norm.text[pos : pos + length])
            table = self._by_country.get(rule.country) if rule else None
            if rule is None or table is None:
                continue
            found = self._longest_name(norm, pos + length, table, rule)
            if found and (best is None or found[0] > best[0]):
                best = found
        return best

    # -- helpers ------------------------------------------------------------

    def _longest_name(
        self, norm: _Normalized, begin: int, table: dict[str, Organization], rule: _Prefix | None
    ) -> tuple[int, Organization] | None:
        """The longest key of `table` starting at `begin` and ending at a word boundary."""
        for stop in range(min(len(norm.text), begin + self._longest), begin, -1):
            org = table.get(norm.text[begin:stop])
            if org is not None and (rule is None or rule.allows(org.category)) and norm.is_boundary(stop):
                return stop, org
        return None

    def _exact(self, key: str) -> Organization | None:
        """The organisation named by exactly `key` (a normalised form), with or without a country."""
        if key in self._index:
            return self._index[key]
        for length in self._prefix_lengths:
            rule = self._prefixes.get(key[:length])
            if rule and len(key) > length:
                org = self._by_country.get(rule.country, {}).get(key[length:])
                if org is not None and rule.allows(org.category):
                    return org
        return None

    def _past_gloss(self, norm: _Normalized, stop: int, org: Organization) -> int:
        """Where the name ends once a gloss naming the same organisation, (国家ドゥーマ), is taken in."""
        text = norm.text
        if stop < len(text) and text[stop] == "(":
            close = text.find(")", stop + 1)
            inner = text[stop + 1 : close]
            if close > stop + 1 and "(" not in inner and self._exact(inner) == org:
                return close + 1
        return stop

    def _gloss_only(self, source: str, norm: _Normalized) -> OrgMatch | None:
        """A match for `X(Y)...` where only the parenthesised Y is a known name."""
        text = norm.text
        open_ = text.find("(")
        close = text.find(")", open_ + 1)
        if open_ <= 0 or close <= open_ + 1:
            return None
        org = self._exact(text[open_ + 1 : close])
        if org is None:
            return None
        return self._match(source, norm, open_ + 1, close, org, after=close + 1)

    @staticmethod
    def _match(
        source: str, norm: _Normalized, begin: int, stop: int, org: Organization, *, after: int | None = None
    ) -> OrgMatch:
        """The match of normalised positions [begin, stop); the department follows position `after`."""
        end = norm.ends[stop - 1]
        rest = source[norm.ends[(after or stop) - 1] :]
        department = rest.strip(_STRIPPED) or None
        return OrgMatch(organization=org, start=norm.starts[begin], end=end, department=department)


def _distinctive(bare: str, generic: frozenset[str]) -> bool:
    """Whether what is left of a name after its country (外交部 of 韓国外交部) names one body.

    Three characters or more (国防部, 国務省), or two ending like a state body (政府, 国会);
    not 大 of 日本大, 経 of 日経, 銀行 of 中国銀行, nor a common word (テレビ).
    """
    if bare in generic:
        return False
    return len(bare) >= 3 or (len(bare) == 2 and bare[-1] in "府省庁院部会軍党")


def is_department(text: str, lex: Lexicon) -> bool:
    """Whether what follows a name reads as a part of the organisation (国際学部,
    の東京本部(千代田区)), not as the rest of a longer word (使館 of 日本大使館)."""
    rest = _ASIDE_RE.sub("", text).strip(_STRIPPED).removeprefix("の").strip(_STRIPPED)
    return not rest or rest.endswith(lex.department_endings)


# -- reading files ------------------------------------------------------------


def read_organizations(content: str, path: str | Path = "<string>") -> list[Organization]:
    """Parse the text of an organisation file.

    Args:
        content: The file's text: `#` comment lines, the header, one row per organisation.
        path: Where it came from, for error messages.

    Returns:
        The organisations in file order.

    Raises:
        LexiconError: A line does not fit the format; the message says which and why.
    """
    rows = [
        (n, line.rstrip("\r"))
        for n, line in enumerate(content.splitlines(), 1)
        if line.strip() and not line.lstrip().startswith("#")
    ]
    expected = "\t".join(HEADER)
    if not rows:
        raise LexiconError(Errors.E102.format(path=path, expected=expected))
    line_no, header = rows[0]
    if tuple(col.strip().lower() for col in header.split("\t")) != HEADER:
        raise LexiconError(Errors.E101.format(path=path, line=line_no, expected=expected, content=header))
    seen_forms: dict[str, tuple[str, int]] = {}
    seen_canonical: dict[str, int] = {}
    organizations = []
    for n, line in rows[1:]:
        org = _read_row(line, path, n)
        key = normalize(org.canonical)
        if key in seen_canonical:
            raise LexiconError(
                Errors.E109.format(path=path, line=n, name=org.canonical, other_line=seen_canonical[key])
            )
        seen_canonical[key] = n
        for form in org.forms:
            form_key = normalize(form)
            if not form_key:
                raise LexiconError(Errors.E107.format(path=path, line=n, form=form))
            other = seen_forms.setdefault(form_key, (org.canonical, n))
            if other[0] != org.canonical:
                raise LexiconError(
                    Errors.E108.format(path=path, line=n, form=form, other=other[0], other_line=other[1])
                )
        organizations.append(org)
    return organizations


def _read_row(line: str, path: str | Path, n: int) -> Organization:
    """One organisation from one data line (the en column may be left off)."""
    cols = [col.strip() for col in line.split("\t")]
    if len(cols) == 4:
        cols.append("")
    if len(cols) != 5:
        raise LexiconError(
            Errors.E004.format(
                path=path,
                line=n,
                expected="5 (canonical, category, country, ja, en)",
                got=len(cols),
                content=line,
            )
        )
    canonical, category, country, ja, en = cols
    if not canonical:
        raise LexiconError(Errors.E103.format(path=path, line=n))
    if category not in CATEGORIES:
        raise LexiconError(
            Errors.E104.format(path=path, line=n, value=category, allowed=", ".join(CATEGORIES))
        )
    if country and not _COUNTRY_CODE.fullmatch(country):
        raise LexiconError(Errors.E105.format(path=path, line=n, value=country))
    names = tuple(dict.fromkeys(name.strip() for name in ja.split("|") if name.strip()))
    if not names:
        raise LexiconError(Errors.E106.format(path=path, line=n))
    aliases = tuple(dict.fromkeys(alias.strip() for alias in en.split("|") if alias.strip()))
    return Organization(
        canonical=canonical, category=category, country=country or None, names=names, aliases=aliases
    )


def _merged(shipped: Iterable[Organization], extra: list[Organization]) -> list[Organization]:
    """The shipped rows a user row does not override, then the user rows."""
    canonical = {normalize(org.canonical) for org in extra}
    names = {normalize(name) for org in extra for name in org.names}
    kept = [
        org
        for org in shipped
        if normalize(org.canonical) not in canonical and not any(normalize(n) in names for n in org.names)
    ]
    return [*kept, *extra]


@cache
def _default() -> OrganizationTable:
    content = (resources.files("quotes") / "data" / DATA_FILE).read_text(encoding="utf-8")
    return OrganizationTable(read_organizations(content, f"quotes/data/{DATA_FILE}"))
