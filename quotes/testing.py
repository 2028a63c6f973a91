"""Helpers for pinning attributions in your own tests (pytest or any runner).

    from quotes.testing import assert_attributed

    def test_ministry_official():
        assert_attributed(
            "韓国外交部の当局者は「注視している」と明らかにした。",
            quote="注視している", speaker="当局者", affiliation="韓国外交部", cue="明らかにした",
        )

A failed check raises `AssertionError` with what was expected and, for every
quotation the library found in the text, what it found instead, so a failing test
says how the attribution differs without a debugger.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import quotes
from quotes.extractor import Extractor
from quotes.records import Quotation

#: brackets a caller may leave around `quote` (「注視している」 is read as 注視している)
_BRACKETS = (("「", "」"), ("『", "』"), ("｢", "｣"))


def _bare(quote: str) -> str:
    for opener, closer in _BRACKETS:
        if len(quote) >= 2 and quote.startswith(opener) and quote.endswith(closer):
            return quote[1:-1]
    return quote


def find_quotation(records: Iterable[Quotation], quote: str) -> Quotation | None:
    """The record whose text is `quote`, else the first whose text contains it, else None.

    Brackets around `quote` are ignored, so 「賛成だ」 finds the record of 賛成だ.
    """
    wanted = _bare(quote)
    items = list(records)
    for q in items:
        if q.text == wanted:
            return q
    if not wanted:
        return None
    return next((q for q in items if wanted in q.text), None)


def describe(q: Quotation) -> str:
    """One line: kind, quotation, speaker (name), affiliation, cue (lemma), via."""
    sp = q.speaker
    if sp is None:
        who = "None"
    else:
        who = repr(sp.text)
        if sp.name and sp.name != sp.text:
            who += f" (name {sp.name!r})"
        if sp.anonymous:
            who += " (anonymous)"
    aff = repr(q.affiliation.text) if q.affiliation is not None else "None"
    cue = "None" if q.cue is None else f"{q.cue.text!r} ({q.cue.lemma})"
    via = f", via={q.via.text!r}" if q.via is not None else ""
    where = f"{q.kind} 「{_short(q.text)}」 at {q.start}-{q.end}"
    return f"{where}: speaker={who}, affiliation={aff}, cue={cue}{via}"


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _found(records: Sequence[Quotation]) -> str:
    if not records:
        return "The library found no quotation in the text."
    lines = [f"The library found {len(records)} quotation(s):"]
    lines.extend(f"  {i}. {describe(q)}" for i, q in enumerate(records, start=1))
    return "\n".join(lines)


def _speaker_matches(q: Quotation, speaker: str) -> bool:
    sp = q.speaker
    return sp is not None and speaker in (sp.name, sp.text)


def _mismatches(
    q: Quotation, *, speaker: str | None, affiliation: str | None, cue: str | None, kind: str | None
) -> list[str]:
    """`field: want X, got Y` for every expectation `q` does not meet."""
    wrong = []
    if kind is not None and q.kind != kind:
        wrong.append(f"kind: want {kind!r}, got {q.kind!r}")
    if speaker is not None and not _speaker_matches(q, speaker):
        got = "no speaker" if q.speaker is None else f"{q.speaker.text!r} (name {q.speaker.name!r})"
        wrong.append(f"speaker: want {speaker!r}, got {got}")
    if affiliation is not None:
        a = q.affiliation
        if a is None or affiliation not in (a.text, a.canonical):
            wrong.append(f"affiliation: want {affiliation!r}, got {a.text if a else None!r}")
    if cue is not None:
        c = q.cue
        if c is None or cue not in (c.text, c.lemma):
            got = "no cue" if c is None else f"{c.text!r} (lemma {c.lemma!r})"
            wrong.append(f"cue: want {cue!r}, got {got}")
    return wrong


def assert_attributed(
    text: str,
    *,
    quote: str,
    speaker: str | None = None,
    affiliation: str | None = None,
    cue: str | None = None,
    kind: str | None = None,
    extractor: Extractor | None = None,
) -> Quotation:
    """Check that `text` yields a quotation `quote` attributed as expected.

    Only the expectations given are checked. `speaker` matches the speaker's name or
    its mention as written (山田 or 山田氏, 当局者); `affiliation` its text or canonical
    name; `cue` the cue as written or its lemma (明らかにした or 明らかにする); `kind`
    is "direct", "indirect" or "term" (a term has no speaker).

    Args:
        text: the source text.
        quote: the quotation's content (brackets optional), or a part of it.
        speaker, affiliation, cue, kind: what the record must carry.
        extractor: the `Extractor` to use (default: the shared one of `quotes.extract`).

    Returns:
        The matching record, for further checks.

    Raises:
        AssertionError: the quotation is missing or attributed otherwise; the message
            lists what the library found.
    """
    __tracebackhide__ = True  # pytest shows the caller's line, not this helper's
    records = extractor.extract(text) if extractor is not None else quotes.extract(text)
    found = find_quotation(records, quote)
    if found is None:
        raise AssertionError(f"No quotation 「{_bare(quote)}」 in the text.\n{_found(records)}")
    wrong = _mismatches(found, speaker=speaker, affiliation=affiliation, cue=cue, kind=kind)
    if wrong:
        raise AssertionError(
            f"Quotation 「{_short(found.text)}」 is not attributed as expected:\n"
            + "\n".join(f"  {w}" for w in wrong)
            + f"\n{_found(records)}"
        )
    return found


__all__ = ["assert_attributed", "describe", "find_quotation"]
