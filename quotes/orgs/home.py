"""The country a Japanese-language text is written from, and what its bare 政府 / 国会 name.

The Japanese editions of Korean and Chinese papers put their own country first in
pairs (韓米, 中日) where the Japanese press writes 米韓, 日中 (`country_pairs.tsv`).
"""

from __future__ import annotations

import re
from functools import cache

import attrs

from quotes.lexicon import Lexicon
from quotes.orgs.table import OrganizationTable
from quotes.records import Affiliation

#: bodies Japanese writes bare for the writer's own country (政府, 国会)
_BARE_HOME = {"政府": "政府", "国会": "国会"}


def home_country(text: str, lex: Lexicon) -> str:
    """The country a Japanese-language text is written from: JP, or KR / CN for the
    Japanese editions of Korean and Chinese papers, which put their own country first
    in pairs (韓米, 中日) where the Japanese press writes 米韓, 日中."""
    by_country: dict[str, list[str]] = {"KR": [], "CN": [], "JP": []}
    for pair, countries in lex.country_pairs.items():
        for country in countries.split("|"):
            by_country.setdefault(country, []).append(pair)
    counts = {
        country: len(_pairs(tuple(pairs)).findall(text)) if pairs else 0
        for country, pairs in by_country.items()
    }
    best = max(("KR", "CN"), key=lambda c: counts[c])
    return best if counts[best] > counts["JP"] else "JP"


_HOME_PREFIX = {"KR": "韓国", "CN": "中国"}
#: names that merely start like a pair: 中日新聞, 中日ドラゴンズ, 中日本高速道路
_NOT_PAIRS = "(?!新聞|ドラゴンズ|スポーツ|本|新報)"


@cache
def _pairs(pairs: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, pairs)) + ")" + _NOT_PAIRS)


def at_home(affiliation: Affiliation, table: OrganizationTable, home: str) -> Affiliation:
    """Bare 政府 / 国会 in a text written from Korea or China is that country's."""
    bare = next((b for b in _BARE_HOME if affiliation.text.startswith(b)), None)
    if bare is None or affiliation.country != "JP" or home not in _HOME_PREFIX:
        return affiliation
    found = table.lookup(_HOME_PREFIX[home] + _BARE_HOME[bare])
    if found is None:
        return attrs.evolve(affiliation, canonical=None, category=None, country=None)
    org = found.organization
    return attrs.evolve(affiliation, canonical=org.canonical, category=org.category, country=org.country)
