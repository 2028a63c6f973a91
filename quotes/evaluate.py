"""Scoring attributions against gold annotations (the project's score.py, as a library).

A gold set is a folder of `NAME.txt` (the text) and `NAME.jsonl` (one annotation a
line: `kind`, `text`, `nth`, `speaker`, `affiliation`, `cue`, `via`, `optional`; see
the annotation guidelines). `score` reproduces the reference scorer exactly: the
same matching order (exact bracket spans first, then indirect lines that agree on
the speaker, then the rest by kind and overlap), the same metrics, rounded to four
places, and the same error lines in the same order, so figures quoted from either
agree. `format_result` prints what `score.py` prints.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from quotes.errors import InputValueError
from quotes.extractor import Extractor
from quotes.inputs import read_text, text_files
from quotes.orgs.table import OrganizationTable
from quotes.records import Quotation
from quotes.serialize import dumps, to_dict

#: brackets around a quotation; a gold `direct`/`term` text is looked for between them first
OPEN = "「『“\"'（("
CLOSE = "」』”\"'）)"

#: how much longer than the gold string a predicted speaker/affiliation/cue may be
SLACK = 30
#: how short a predicted string inside the gold one may be, as a share of its length
MIN_PART = 0.6
#: the share of its span an indirect prediction must share with gold (intersection over union)
MIN_OVERLAP = 0.5

Gold = dict[str, list[dict[str, Any]]]
Prediction = Mapping[str, Any]

_NOT_FOUND = (
    "{path}, line {line}: the gold text {text!r} does not occur in {txt}. "
    "Fix the annotation's `text` so that it is an exact substring of the text."
)
_NTH = (
    "{path}, line {line}: `nth` is {nth} but {text!r} occurs {count} time(s) in {txt}. "
    "Count occurrences from 0."
)
_NO_TEXT = "{path}: no text file {txt} beside it. Every NAME.jsonl needs its NAME.txt."
_NO_FOLDER = "{path}: no such folder. Pass a gold folder of NAME.txt + NAME.jsonl."
_NO_PRED = "{path}: cannot read the predictions ({reason}). Pass a JSON Lines file from `quotes extract`."
_NO_GOLD = "{path}: no *.jsonl gold annotations in this folder. Pass a folder of NAME.txt + NAME.jsonl."
_BAD_JSON = "{path}, line {line}: not valid JSON ({reason}). Write one JSON object a line."
_BAD_PRED = (
    "prediction {index} ({doc!r}): {problem}. Predictions need at least doc, kind, text, start "
    "and end, as written by `quotes extract --format jsonl`."
)


def norm(s: str | None) -> str:
    """NFKC, without whitespace: how gold and predicted strings are compared."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s)
    return "".join(ch for ch in s if not ch.isspace())


def resolve(text: str, ann: Mapping[str, Any]) -> tuple[int, int]:
    """The character span of an annotated quotation in its text.

    A `direct` or `term` line prefers occurrences between brackets, so that a
    quotation whose words also occur unbracketed resolves to the quotation.

    Raises:
        LookupError: the text does not occur, or `nth` is beyond its occurrences.
    """
    needle = ann["text"]
    spans: list[tuple[int, int]] = []
    i = text.find(needle)
    while i >= 0:
        spans.append((i, i + len(needle)))
        i = text.find(needle, i + 1)
    if not spans:
        raise LookupError("not found")
    if ann["kind"] in ("direct", "term"):
        bracketed = [
            (s, e) for s, e in spans if s > 0 and e < len(text) and text[s - 1] in OPEN and text[e] in CLOSE
        ]
        spans = bracketed or spans
    return spans[ann.get("nth", 0)]


def load_gold(gold_dir: str | Path) -> Gold:
    """Gold annotations by text file name, each with its resolved `start` and `end`.

    Texts are read as `score.py` reads them (universal newlines), so offsets agree
    with the reference scorer.

    Raises:
        InputValueError: the folder holds no annotations, a text file is missing,
            a line is not JSON, or an annotation's text cannot be found.
    """
    folder = Path(gold_dir)
    if not folder.is_dir():
        raise InputValueError(_NO_FOLDER.format(path=folder))
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise InputValueError(_NO_GOLD.format(path=folder))
    gold: Gold = {}
    for ann_file in files:
        txt = ann_file.with_suffix(".txt")
        if not txt.is_file():
            raise InputValueError(_NO_TEXT.format(path=ann_file, txt=txt.name))
        text = txt.read_text(encoding="utf-8")
        items = []
        for number, line in enumerate(ann_file.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip():
                continue
            ann = _json_line(line, ann_file, number)
            nth = ann.get("nth", 0)
            if (
                ann.get("text")
                and ann["text"] in text
                and (not isinstance(nth, int) or not 0 <= nth < _occurrences(text, ann))
            ):
                raise InputValueError(
                    _NTH.format(
                        path=ann_file,
                        line=number,
                        nth=ann.get("nth"),
                        text=ann["text"][:40],
                        count=text.count(ann["text"]),
                        txt=txt.name,
                    )
                )
            try:
                ann["start"], ann["end"] = resolve(text, ann)
            except LookupError:
                raise InputValueError(
                    _NOT_FOUND.format(path=ann_file, line=number, text=ann["text"][:40], txt=txt.name)
                ) from None
            items.append(ann)
        gold[txt.name] = items
    return gold


def _occurrences(text: str, ann: Mapping[str, Any]) -> int:
    """How many spans `resolve` can choose from for an annotation (for its `nth`)."""
    needle, spans, i = ann["text"], 0, text.find(ann["text"])
    bracketed = 0
    while i >= 0:
        spans += 1
        end = i + len(needle)
        if i > 0 and end < len(text) and text[i - 1] in OPEN and text[end] in CLOSE:
            bracketed += 1
        i = text.find(needle, i + 1)
    if ann.get("kind") in ("direct", "term") and bracketed:
        return bracketed
    return spans


def read_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Predictions from a JSON Lines file (`quotes extract --format jsonl`)."""
    file = Path(path)
    try:
        content = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise InputValueError(_NO_PRED.format(path=file, reason=reason)) from None
    return [
        _json_line(line, file, number)
        for number, line in enumerate(content.splitlines(), start=1)
        if line.strip()
    ]


def _json_line(line: str, path: Path, number: int) -> Any:
    try:
        return json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputValueError(_BAD_JSON.format(path=path, line=number, reason=exc.msg)) from None


def overlap(a: tuple[int, int], b: tuple[int, int]) -> float:
    """Intersection over union of two spans."""
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = max(a[1], b[1]) - min(a[0], b[0])
    return inter / union if union else 0.0


def span_match(g: Mapping[str, Any], p: Prediction) -> bool:
    """Whether a prediction covers a gold line: exact for brackets, by overlap for indirect."""
    gs, ps = (g["start"], g["end"]), (p["start"], p["end"])
    if g["kind"] in ("direct", "term"):
        # exact content span; the brackets themselves included is tolerated
        return ps == gs or ps == (gs[0] - 1, gs[1] + 1)
    return overlap(gs, ps) >= MIN_OVERLAP


def field_text(p: Prediction, key: str) -> str:
    """The `text` of a predicted span field (speaker, affiliation, cue), or ""."""
    v = p.get(key)
    if isinstance(v, dict):
        return v.get("text") or ""
    return v or ""


def close_enough(gold: str, pred: str) -> bool:
    """Gold contained in prediction, and the prediction is not a whole clause."""
    g, p = norm(gold), norm(pred)
    if not g or not p:
        return False
    if g == p:
        return True
    if g in p and len(p) <= len(g) + SLACK:
        return True
    return p in g and len(p) >= MIN_PART * len(g)


def speaker_ok(g: Mapping[str, Any], p: Prediction) -> bool:
    """Whether the predicted speaker's name or mention is close to one of the gold strings."""
    want = g.get("speaker")
    wants = want if isinstance(want, list) else [want]
    sp = p.get("speaker") or {}
    cands = [sp.get("name") or "", sp.get("text") or ""] if isinstance(sp, dict) else [str(sp)]
    return any(close_enough(w, c) for w in wants if w for c in cands if c)


def _match(items: list[dict[str, Any]], ps: list[Prediction]) -> dict[int, int]:
    """Gold line index -> prediction index, each prediction used at most once."""
    used: set[int] = set()
    matched: dict[int, int] = {}
    # exact bracket spans first, so that an overlapping indirect line cannot take the
    # prediction that belongs to a direct one; then reported speech, where spans nest:
    # first the pairings that agree on the speaker, then the rest by kind and overlap
    exact = [i for i, g in enumerate(items) if g["kind"] != "indirect"]
    fuzzy = [i for i, g in enumerate(items) if g["kind"] == "indirect"]
    for gis, need_speaker in ((exact, False), (fuzzy, True), (fuzzy, False)):
        for gi in gis:
            if gi in matched:
                continue
            g = items[gi]
            cands = [
                k
                for k, p in enumerate(ps)
                if k not in used
                and span_match(g, p)
                and (not need_speaker or (p.get("speaker") and speaker_ok(g, p)))
            ]
            cands.sort(key=functools.partial(_rank, g, ps))
            if cands:
                used.add(cands[0])
                matched[gi] = cands[0]
    return matched


def _rank(g: Mapping[str, Any], ps: list[Prediction], k: int) -> tuple[bool, float]:
    """Candidates of the gold line's kind first, then by decreasing overlap."""
    return (ps[k].get("kind") != g["kind"], -overlap((g["start"], g["end"]), (ps[k]["start"], ps[k]["end"])))


_COUNTS = (
    "gold_speech",
    "gold_direct",
    "gold_indirect",
    "gold_term",
    "pred_attributed",
    "tp_attr",
    "tp_direct",
    "tp_indirect",
    "found_direct",
    "found_indirect",
    "gold_aff",
    "aff_ok",
    "gold_cue",
    "cue_ok",
    "term_ok",
    "term_wrongly_attributed",
)


def _score_doc(doc: str, items: list[dict[str, Any]], ps: list[Prediction], c: dict[str, int]) -> list[str]:
    """Add one document's counts to `c`; its error lines, in the reference's order."""
    errors: list[str] = []
    matched = _match(items, ps)
    for gi, g in enumerate(items):
        match = matched.get(gi)
        p = ps[match] if match is not None else None
        if g.get("optional"):
            continue
        if g["kind"] == "term":
            errors.extend(_score_term(doc, g, p, c))
        else:
            errors.extend(_score_speech(doc, g, p, c))
    errors.extend(_spurious(doc, items, ps, matched, c))
    return errors


def _score_term(doc: str, g: Mapping[str, Any], p: Prediction | None, c: dict[str, int]) -> list[str]:
    """Count a term line: right when its prediction exists and has no speaker."""
    c["gold_term"] += 1
    if p is None:
        return [f"{doc}: term quote not reported: {g['text'][:30]!r}"]
    if not p.get("speaker"):
        c["term_ok"] += 1
        return []
    c["term_wrongly_attributed"] += 1
    return [f"{doc}: term quote given a speaker: {g['text'][:30]!r} -> {field_text(p, 'speaker')!r}"]


def _score_speech(doc: str, g: Mapping[str, Any], p: Prediction | None, c: dict[str, int]) -> list[str]:
    """Count a speech line: found, speaker right, affiliation and cue right."""
    c["gold_speech"] += 1
    c[f"gold_{g['kind']}"] += 1
    if p is None:
        return [f"{doc}: missed {g['kind']}: {g['text'][:30]!r} ({g.get('speaker')})"]
    errors: list[str] = []
    c[f"found_{g['kind']}"] += 1
    if p.get("speaker") and speaker_ok(g, p):
        c["tp_attr"] += 1
        c[f"tp_{g['kind']}"] += 1
    else:
        errors.append(
            f"{doc}: wrong speaker for {g['text'][:30]!r}: "
            f"want {g.get('speaker')!r}, got {field_text(p, 'speaker')!r}"
        )
    if g.get("affiliation"):
        c["gold_aff"] += 1
        if close_enough(g["affiliation"], field_text(p, "affiliation")):
            c["aff_ok"] += 1
        else:
            errors.append(
                f"{doc}: wrong affiliation for {g['text'][:30]!r}: "
                f"want {g['affiliation']!r}, got {field_text(p, 'affiliation')!r}"
            )
    if g.get("cue"):
        c["gold_cue"] += 1
        got = field_text(p, "cue")
        if close_enough(g["cue"], got) or norm(got).startswith(norm(g["cue"])[:2]):
            c["cue_ok"] += 1
        else:
            errors.append(f"{doc}: wrong cue for {g['text'][:30]!r}: want {g['cue']!r}, got {got!r}")
    return errors


def _spurious(
    doc: str, items: list[dict[str, Any]], ps: list[Prediction], matched: dict[int, int], c: dict[str, int]
) -> list[str]:
    """Count the predictions that claim a speaker; those matching no gold line are errors."""
    errors: list[str] = []
    owner = {k: gi for gi, k in matched.items()}
    for k, p in enumerate(ps):
        if not p.get("speaker"):
            continue
        if k in owner:
            if items[owner[k]].get("optional"):
                continue
        elif any(span_match(g, p) for g in items if g.get("optional")):
            continue
        c["pred_attributed"] += 1
        if k not in owner:
            errors.append(
                f"{doc}: spurious attribution: {p.get('text', '')[:30]!r} -> {field_text(p, 'speaker')!r}"
            )
    return errors


def _ratio(a: int, b: int) -> float | None:
    """a/b, or None where nothing was there to count."""
    return round(a / b, 4) if b else None


def score(gold: Gold, predictions: Iterable[Prediction | Quotation]) -> dict[str, Any]:
    """Attribution metrics of `predictions` against `gold` (from `load_gold`).

    Args:
        gold: annotations by document name, with resolved offsets.
        predictions: records as `quotes extract --format jsonl` writes them (dicts),
            or `Quotation`s; their `doc` must be the text file's name.

    Returns:
        The reference scorer's result: `docs`, `gold_speech_quotes`, attribution
        precision/recall/F1, direct and indirect recall, direct/indirect found,
        affiliation, cue and term accuracy (None where gold has nothing to count),
        `unknown_docs_in_predictions` and `errors` (one line per mismatch).
    """
    by_doc: dict[Any, list[Prediction]] = {}
    for p in _as_dicts(predictions):
        by_doc.setdefault(p.get("doc", ""), []).append(p)
    unknown = sorted(set(by_doc) - set(gold), key=lambda d: (d is not None, str(d)))
    c = dict.fromkeys(_COUNTS, 0)
    errors: list[str] = []
    for doc, items in gold.items():
        errors.extend(_score_doc(doc, items, by_doc.get(doc, []), c))
    prec = _ratio(c["tp_attr"], c["pred_attributed"]) if c["gold_speech"] else None
    if prec is None and c["gold_speech"]:
        prec = 0.0  # gold has speech quotations but nothing was attributed
    rec = _ratio(c["tp_attr"], c["gold_speech"])
    f1 = round(2 * prec * rec / (prec + rec), 4) if prec and rec else (0.0 if rec is not None else None)
    return {
        "docs": len(gold),
        "gold_speech_quotes": c["gold_speech"],
        "attribution_precision": prec,
        "attribution_recall": rec,
        "attribution_f1": f1,
        "direct_recall": _ratio(c["tp_direct"], c["gold_direct"]),
        "indirect_recall": _ratio(c["tp_indirect"], c["gold_indirect"]),
        "direct_found": _ratio(c["found_direct"], c["gold_direct"]),
        "indirect_found": _ratio(c["found_indirect"], c["gold_indirect"]),
        "affiliation_accuracy": _ratio(c["aff_ok"], c["gold_aff"]),
        "cue_accuracy": _ratio(c["cue_ok"], c["gold_cue"]),
        "term_accuracy": _ratio(c["term_ok"], c["gold_term"]),
        "unknown_docs_in_predictions": unknown,
        "errors": errors,
    }


def canonical_accuracy(
    gold: Gold, predictions: Iterable[Prediction | Quotation], table: OrganizationTable | None = None
) -> dict[str, Any]:
    """How many gold affiliations got the right canonical organisation.

    A gold line's affiliation counts when it is not optional; it is right when the
    matched prediction (matched as `score` matches) has a non-null
    `affiliation.canonical` equal to the canonical name the table gives the gold
    string. Gold strings the table does not know count as misses too.
    """
    table = table if table is not None else OrganizationTable.default()
    by_doc: dict[Any, list[Prediction]] = {}
    for p in _as_dicts(predictions):
        by_doc.setdefault(p.get("doc", ""), []).append(p)
    total = right = 0
    misses: list[str] = []
    for doc, items in gold.items():
        ps = by_doc.get(doc, [])
        matched = _match(items, ps)
        for gi, g in enumerate(items):
            if not g.get("affiliation") or g.get("optional"):
                continue
            total += 1
            want = table.lookup(g["affiliation"])
            got = (ps[matched[gi]].get("affiliation") or {}) if gi in matched else {}
            canonical = got.get("canonical") if isinstance(got, dict) else None
            if want is not None and canonical == want.organization.canonical:
                right += 1
                continue
            expected = want.organization.canonical if want is not None else "not in the table"
            misses.append(
                f"{doc}: {g['affiliation']!r} ({expected}) -> "
                f"{got.get('text') if isinstance(got, dict) else None!r} ({canonical})"
            )
    return {
        "gold_affiliations": total,
        "canonical_ok": right,
        "canonical_accuracy": _ratio(right, total),
        "misses": misses,
    }


def _as_dicts(predictions: Iterable[Prediction | Quotation]) -> Iterator[Prediction]:
    """Predictions as schema dicts, checked for the fields scoring reads."""
    for index, p in enumerate(predictions):
        d = to_dict(p) if isinstance(p, Quotation) else p
        if not isinstance(d, Mapping):
            raise InputValueError(
                _BAD_PRED.format(index=index, doc=None, problem=f"a {type(d).__name__}, not an object")
            )
        for key in ("start", "end"):
            if key not in d:
                raise InputValueError(_BAD_PRED.format(index=index, doc=d.get("doc"), problem=f"no {key!r}"))
        yield d


def predict_dir(
    gold_dir: str | Path, extractor: Extractor | None = None, *, batch_size: int = 64, n_process: int = 1
) -> list[Quotation]:
    """The library's records for every `*.txt` of a folder, `doc` = the file name.

    Files are read as `quotes extract` and `load_gold` read them (UTF-8, universal
    newlines), so the records equal those of `quotes extract GOLD_DIR` and their
    offsets index the same text as the gold's.
    """
    ex = extractor if extractor is not None else Extractor()
    texts = ((read_text(f), f.name) for f in text_files(gold_dir))
    records: list[Quotation] = []
    results = ex.analyze_many(texts, as_tuples=True, batch_size=batch_size, n_process=n_process)
    for analysis, _name in results:
        records.extend(analysis.quotations)
    return records


def evaluate_dir(
    gold_dir: str | Path,
    predictions: str | Path | Iterable[Prediction | Quotation] | None = None,
    extractor: Extractor | None = None,
) -> dict[str, Any]:
    """Score a gold folder against predictions, or against the library itself.

    Args:
        gold_dir: a folder of `NAME.txt` + `NAME.jsonl`.
        predictions: a JSON Lines file, records (dicts or `Quotation`s), or None to
            run the library over the folder's texts.
        extractor: the `Extractor` to run when `predictions` is None (default: a new one).

    Returns:
        What `score` returns.
    """
    gold = load_gold(gold_dir)
    if predictions is None:
        preds: Iterable[Prediction | Quotation] = predict_dir(gold_dir, extractor)
    elif isinstance(predictions, (str, Path)):
        preds = read_predictions(predictions)
    else:
        preds = predictions
    return score(gold, preds)


def format_result(result: Mapping[str, Any], *, errors: bool = False, as_json: bool = False) -> str:
    """The result as `score.py` prints it: `key: value` lines, error lines first with `errors`."""
    if as_json:
        return dumps(result, indent=2) + "\n"
    lines = list(result["errors"]) if errors else []
    lines.extend(f"{k}: {v}" for k, v in result.items() if k != "errors")
    return "".join(line + "\n" for line in lines)


# -- precision and recall by rule (quotes evaluate --by-rule) ---------------------

#: the row of the gold speech lines no record matched
MISSED = "(no record)"


def by_rule(gold: Gold, predictions: Iterable[Prediction | Quotation]) -> dict[str, dict[str, Any]]:
    """Attribution precision and recall broken down by the rule that found the speaker.

    Counts exactly as `score` does. For each rule: `attributed`, the records with a
    speaker it counts against precision; `right`, those whose speaker is right;
    `precision`; `gold`, the gold speech lines matched to a record of the rule (with a
    speaker or not); `recall`, `right` over all gold speech lines, so that the rules'
    recalls add up to the attribution recall. `(no record)` holds the gold speech lines
    that no record matched. Rules in order of `attributed`, then of name.
    """
    by_doc: dict[Any, list[Prediction]] = {}
    for p in _as_dicts(predictions):
        by_doc.setdefault(p.get("doc", ""), []).append(p)
    rows: dict[str, dict[str, int]] = {}
    speech = 0

    def row(rule: str) -> dict[str, int]:
        return rows.setdefault(rule, {"attributed": 0, "right": 0, "gold": 0})

    for doc, items in gold.items():
        ps = by_doc.get(doc, [])
        matched = _match(items, ps)
        owner = {k: gi for gi, k in matched.items()}
        for gi, g in enumerate(items):
            if g.get("optional") or g["kind"] == "term":
                continue
            speech += 1
            found = ps[matched[gi]] if gi in matched else None
            row(MISSED if found is None else str(found.get("rule")))["gold"] += 1
            if found is not None and found.get("speaker") and speaker_ok(g, found):
                row(str(found.get("rule")))["right"] += 1
        for k, p in enumerate(ps):
            if not p.get("speaker"):
                continue
            if k in owner and items[owner[k]].get("optional"):
                continue
            if k not in owner and any(span_match(g, p) for g in items if g.get("optional")):
                continue
            row(str(p.get("rule")))["attributed"] += 1
    order = sorted(rows, key=lambda r: (r == MISSED, -rows[r]["attributed"], r))
    return {
        rule: {
            **rows[rule],
            "precision": _ratio(rows[rule]["right"], rows[rule]["attributed"]),
            "recall": _ratio(rows[rule]["right"], speech),
        }
        for rule in order
    }


def format_by_rule(table: Mapping[str, Mapping[str, Any]]) -> str:
    """The table of `by_rule` as `quotes evaluate --by-rule` prints it."""
    lines = ["by_rule: rule attributed right precision gold recall"]
    for rule, r in table.items():
        counts = f"{r['attributed']} {r['right']} {_dash(r['precision'])} {r['gold']}"
        lines.append(f"  {rule} {counts} {_dash(r['recall'])}")
    return "".join(line + "\n" for line in lines)


def _dash(value: float | None) -> str:
    return "-" if value is None else str(value)


__all__ = [
    "by_rule",
    "close_enough",
    "evaluate_dir",
    "format_by_rule",
    "format_result",
    "load_gold",
    "predict_dir",
    "read_predictions",
    "resolve",
    "score",
    "span_match",
    "speaker_ok",
]
