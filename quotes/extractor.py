"""The `Extractor`: text in, `Quotation` records out, one model load for many texts.

A text is read in three steps: plan (pair brackets, cut sentences, mask them:
pure Python, cheap), parse (GiNZA, only the sentences that hold a quotation),
and assemble (attribution over each parse, records with source offsets).
`extract_many` streams: it parses sentences of many texts in batches through
`nlp.pipe` and yields each text's records, in input order, as soon as its last
sentence is parsed.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs
import regex
from spacy.language import Language
from spacy.tokens import Doc, Token

from quotes.attribution import Finding, attribute, pointed_finding, pointing_cue, standalone, topic_of
from quotes.brackets import BracketPair, pair_brackets
from quotes.canonical import canonicalise
from quotes.chunking import DEFAULT_MAX_UNIT_BYTES, SUDACHI_MAX_BYTES, cut_to_limit, sentence_ranges
from quotes.coref import aside_mentions, person_mentions, resolve
from quotes.errors import Errors, InputTypeError, InputValueError, Warnings
from quotes.lexicon import Lexicon
from quotes.masking import Unit, build_unit
from quotes.organizations import OrganizationTable
from quotes.parallel import analyze_parallel
from quotes.parsing import DEFAULT_MODEL, BlasThreads, load_model, one_sentence, plain_labels, use_numpy_ops
from quotes.records import Affiliation, Analysis, Cue, Problem, Quotation, Span, Speaker, Via
from quotes.reported import Reported, find_reported
from quotes.selection import Selector
from quotes.speakers import Parts, can_be_source, decompose, host_organization, noun_phrase, plausible_source

logger = logging.getLogger("quotes")

#: confidence of a record, by how it was attributed
CONFIDENCE = {
    "subject": 0.9,
    "unknown_cue": 0.75,
    "cognition": 0.7,
    "relayed": 0.85,
    "carried": 0.6,
    "no_speaker": 0.4,
    "term": 0.8,
}


@attrs.frozen(kw_only=True)
class Plan:
    """A text read up to the parse: its units and the problems met so far."""

    text: str
    doc_id: str | None
    units: tuple[Unit, ...]
    problems: tuple[Problem, ...]


def check_text(text: Any) -> str:
    """`text` itself if it is a str; a clear `InputTypeError` otherwise."""
    if not isinstance(text, str):
        raise InputTypeError(Errors.E001.format(value=_short(text), type=type(text).__name__))
    return text


def _short(value: Any) -> Any:
    return value[:40] if isinstance(value, (bytes, str)) else value


def plan(text: str, doc_id: str | None = None, *, max_unit_bytes: int = DEFAULT_MAX_UNIT_BYTES) -> Plan:
    """Pair brackets, cut sentences and mask them: everything before the parse."""
    check_text(text)
    if doc_id is not None and not isinstance(doc_id, str):
        raise InputTypeError(Errors.E012.format(value=doc_id, type=type(doc_id).__name__))
    pairs, problems = pair_brackets(text)
    units: list[Unit] = []
    notes = list(problems)
    for start, end in sentence_ranges(text, pairs):
        unit = build_unit(text, start, end, pairs)
        if len(unit.text.encode("utf-8")) <= max_unit_bytes:
            units.append(unit)
            continue
        keep = [(s.masked_start - 1, s.masked_end + 1) for s in unit.slots]
        pieces = cut_to_limit(unit.text, max_unit_bytes, keep)
        notes.append(
            Problem(
                code="W004",
                message=Warnings.W004.format(length=end - start, offset=start),
                start=start,
                end=end,
            )
        )
        units.extend(unit.piece(a, b) for a, b in pieces)
    problems_with_doc = tuple(attrs.evolve(p, doc=doc_id) for p in notes)
    return Plan(text=text, doc_id=doc_id, units=tuple(units), problems=problems_with_doc)


class Extractor:
    """Finds quotations and their speakers; load once, call many times.

    Args:
        model: the GiNZA package to load (ignored when `nlp` is given).
        nlp: an already loaded GiNZA `Language` to use instead.
        lexicon: the word lists to use (default: `Lexicon.default()`).
        max_unit_bytes: the longest sentence, in UTF-8 bytes, parsed whole.
        parse: "selective" (default) parses only the sentences that can hold an
            attribution or a name (see `quotes.selection`); "all" parses every one.
        ops: "numpy" runs the model's matrix products on numpy's BLAS (about twice
            as fast here), "blis" keeps thinc's default. The default is "numpy" for
            the model the extractor loads and "blis" (untouched) for an `nlp` you pass:
            the extractor never changes a pipeline it was given unless asked to.
        threads: BLAS threads per process while parsing (default 1, so that
            `n_process` processes use the cores; None leaves numpy's default).
        organizations: a TSV of organisations added to (and overriding) the shipped
            table, or a ready `OrganizationTable` (see docs/organizations.md).
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        *,
        nlp: Language | None = None,
        lexicon: Lexicon | None = None,
        max_unit_bytes: int = DEFAULT_MAX_UNIT_BYTES,
        parse: str = "selective",
        ops: str | None = None,
        threads: int | None = 1,
        organizations: str | Path | OrganizationTable | None = None,
    ) -> None:
        if parse not in ("selective", "all"):
            raise InputValueError(Errors.E013.format(value=parse))
        if ops not in (None, "numpy", "blis"):
            raise InputValueError(Errors.E014.format(value=ops))
        if not isinstance(max_unit_bytes, int) or not 16 <= max_unit_bytes <= SUDACHI_MAX_BYTES:
            raise InputValueError(Errors.E018.format(value=max_unit_bytes, limit=SUDACHI_MAX_BYTES))
        if threads is not None and (not isinstance(threads, int) or threads < 1):
            raise InputValueError(Errors.E015.format(value=threads))
        self._config = {
            "model": model,
            "lexicon": lexicon,
            "max_unit_bytes": max_unit_bytes,
            "parse": parse,
            "ops": ops,
            "threads": threads,
            "organizations": organizations,
        }
        self.organizations = (
            organizations
            if isinstance(organizations, OrganizationTable)
            else OrganizationTable.load(organizations)
        )
        self.nlp = nlp if nlp is not None else load_model(model)
        if ops == "numpy" or (ops is None and nlp is None):
            use_numpy_ops(self.nlp)
        self._threads = BlasThreads(threads)
        base = lexicon if lexicon is not None else Lexicon.default()
        self.lexicon = base.with_org_names(name for org in self.organizations for name in org.names)
        self.max_unit_bytes = max_unit_bytes
        self.parse = parse
        self._selector = Selector(self.lexicon)

    def config(self) -> dict[str, Any]:
        """The keyword arguments that rebuild this extractor in another process."""
        return dict(self._config)

    def _wanted(self, p: Plan) -> dict[int, Doc]:
        """The units of a plan to parse, tokenized: all, or those the selector keeps."""
        tokenizer = self.nlp.tokenizer
        tokenized = [one_sentence(tokenizer(unit.text)) for unit in p.units]
        # the sentences around a quotation standing alone may be what attributes it
        around = {j for k, unit in enumerate(p.units) if standalone(unit) for j in (k - 1, k + 1)}
        wanted: dict[int, Doc] = {}
        for k, (unit, tokens) in enumerate(zip(p.units, tokenized, strict=True)):
            if (
                self.parse == "all"
                or k in around
                or self._selector.needs_parse(unit, ((t.text, t.lemma_, t.tag_) for t in tokens))
            ):
                wanted[k] = tokens
        return wanted

    # -- one text ----------------------------------------------------------

    def analyze(self, text: str, *, doc_id: str | None = None) -> Analysis:
        """Quotations and problems of one text."""
        p = plan(text, doc_id, max_unit_bytes=self.max_unit_bytes)
        wanted = self._wanted(p)
        parsed = self._threads.pull(self.nlp.pipe(wanted.values()))
        docs = {k: plain_labels(doc) for k, doc in zip(wanted, parsed, strict=True)}
        return assemble(p, docs, self.lexicon, self.organizations)

    def extract(self, text: str, *, doc_id: str | None = None) -> list[Quotation]:
        """Quotations of one text; problems are logged on the `quotes` logger."""
        analysis = self.analyze(text, doc_id=doc_id)
        _log(analysis.problems)
        return list(analysis.quotations)

    # -- many texts --------------------------------------------------------

    def analyze_many(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        as_tuples: bool = False,
    ) -> Iterator[Any]:
        """Analyses of many texts, in input order, streaming.

        With `as_tuples`, `texts` holds `(text, context)` pairs and the results are
        `(Analysis, context)` pairs; a `str` context is used as the record's `doc`.
        """
        if not isinstance(batch_size, int) or batch_size < 1:
            raise InputValueError(Errors.E006.format(value=batch_size))
        if not isinstance(n_process, int) or n_process < 1:
            raise InputValueError(Errors.E007.format(value=n_process))
        if n_process > 1:
            pairs = texts if as_tuples else ((text, None) for text in texts)
            for analysis, context in analyze_parallel(
                self, pairs, n_process=n_process, chunk=batch_size * n_process
            ):
                yield (analysis, context) if as_tuples else analysis
            return
        pending: deque[tuple[int, Plan, Any]] = deque()

        def units() -> Iterator[tuple[Doc, tuple[int, int]]]:
            for index, item in enumerate(texts):
                text, context = item if as_tuples else (item, None)
                doc_id = context if isinstance(context, str) else None
                p = plan(text, doc_id, max_unit_bytes=self.max_unit_bytes)
                pending.append((index, p, context))
                for k, tokens in self._wanted(p).items():
                    yield tokens, (index, k)

        parsed: dict[int, dict[int, Doc]] = {}
        stream = self.nlp.pipe(units(), as_tuples=True, batch_size=batch_size)
        for doc, (index, k) in self._threads.pull(stream):
            while pending and pending[0][0] < index:
                yield self._finish(pending.popleft(), parsed, as_tuples)
            parsed.setdefault(index, {})[k] = plain_labels(doc)
        while pending:
            yield self._finish(pending.popleft(), parsed, as_tuples)

    def extract_many(
        self,
        texts: Iterable[Any],
        *,
        batch_size: int = 64,
        n_process: int = 1,
        as_tuples: bool = False,
    ) -> Iterator[Any]:
        """Quotation lists of many texts, in input order (see `analyze_many`)."""
        for result in self.analyze_many(
            texts, batch_size=batch_size, n_process=n_process, as_tuples=as_tuples
        ):
            analysis, context = result if as_tuples else (result, None)
            _log(analysis.problems)
            records = list(analysis.quotations)
            yield (records, context) if as_tuples else records

    def _finish(self, item: tuple[int, Plan, Any], parsed: dict[int, dict[int, Doc]], as_tuples: bool) -> Any:
        index, p, context = item
        analysis = assemble(p, parsed.pop(index, {}), self.lexicon, self.organizations)
        return (analysis, context) if as_tuples else analysis


def _log(problems: Iterable[Problem]) -> None:
    for problem in problems:
        logger.warning("%s%s: %s", f"{problem.doc}: " if problem.doc else "", problem.code, problem.message)


def assemble(
    p: Plan, docs: dict[int, Doc], lex: Lexicon, organizations: OrganizationTable | None = None
) -> Analysis:
    """Records for a planned text from the parses of its units."""
    records: list[Quotation] = []
    mentions: list[Parts] = []
    groups: dict[Any, int] = {}
    parts_of = _Decomposer(p.text, lex)
    previous: tuple[int, Quotation] | None = None  # last attributed record and its unit
    topic: tuple[int, Parts] | None = None  # the last sentence's person topic and its unit
    for k, unit in enumerate(p.units):
        doc = docs.get(k)
        if doc is None:
            # not parsed: the selector saw no quotative, so its quotations are terms
            records.extend(_term(p, slot.pair) for slot in unit.slots)
            continue
        mentions.extend(person_mentions(unit, doc, lex, parts_of))
        findings = attribute(unit, doc, lex)
        attributed = any(f.kind == "direct" and f.subject is not None for f in findings)
        built = [(r, _indirect_record(p, unit, doc, r, lex, parts_of)) for r in find_reported(unit, doc, lex)]
        inner = attributed or any(rec is not None and not r.frame for r, rec in built)
        reporting: tuple[int, Quotation] | None = None  # the last reported speech with a speaker
        for reported, record in built:
            # Xによると with someone else's words inside: X is their via, not a speaker
            if record is None or (reported.frame and inner):
                continue
            if record.speaker is None:
                # また、…と強調した: the previous sentence's speaker continues, or no record
                record = _carry(record, previous, k, p.units) if previous is not None else record
                if record.speaker is None:
                    continue
            # one utterance per speaker and sentence, bracketed or not (「A」とし、Bと述べた)
            key = (
                (k, "subject", reported.subject) if reported.subject is not None else (k, "cue", reported.cue)
            )
            records.append(attrs.evolve(record, group=groups.setdefault(key, len(groups) + 1)))
            reporting = (k, record)
        for finding in findings:
            record = _record(p, unit, doc, finding, parts_of)
            carry = record.kind == "direct" and record.speaker is None and not finding.passive
            if carry and previous is not None:
                record = _carry(record, previous, k, p.units)
            if carry and record.speaker is None and topic is not None and topic[0] == k - 1:
                # 森田教育長は会見で謝罪した。「…」と述べた: the last sentence's topic speaks
                record = attrs.evolve(
                    record,
                    speaker=topic[1].speaker,
                    affiliation=topic[1].affiliation,
                    confidence=CONFIDENCE["carried"],
                )
            if carry and record.speaker is None:
                record = _questioned(record, unit, mentions)
            if record.kind != "term":
                key = _group_key(k, finding, record)
                record = attrs.evolve(record, group=groups.setdefault(key, len(groups) + 1))
                if record.speaker is not None:
                    previous = (k, record)
            records.append(record)
        if reporting is not None and (previous is None or previous[0] != k):
            previous = reporting  # …と述べた。さらに「…」と強調した: it continues too
        topic = _sentence_topic(k, unit, doc, lex, parts_of) or topic
    records = _pointed(p, docs, records, lex, parts_of)
    records = _sign_off(p, records, lex)
    records.sort(key=lambda r: (r.start, r.end))
    mentions.extend(Parts(speaker=r.speaker, affiliation=r.affiliation) for r in records if r.speaker)
    mentions.extend(aside_mentions(p.text, lex))
    resolved = resolve(records, mentions, lex)
    table = organizations if organizations is not None else OrganizationTable.default()
    return Analysis(
        quotations=canonicalise(resolved, table, p.text, lex.org_kinds, lex.team_titles),
        problems=(*p.problems, *_unparsed_speakers(p, resolved)),
    )


def _unparsed_speakers(p: Plan, records: list[Quotation]) -> list[Problem]:
    """W006 for speech with no speaker inside a sentence that had to be parsed in pieces."""
    cut = [(q.start, q.end) for q in p.problems if q.code == "W004"]
    return [
        Problem(
            code="W006",
            message=Warnings.W006.format(offset=r.start),
            start=r.start,
            end=r.end,
            doc=p.doc_id,
        )
        for r in records
        if r.kind == "direct" and r.speaker is None and any(a <= r.start < b for a, b in cut)
    ]


class _Decomposer:
    """`speakers.decompose` with its results kept per sentence and token.

    The same subject is read for a quotation, for reported speech and as a mention
    for coreference; it is taken apart once.
    """

    def __init__(self, source: str, lex: Lexicon) -> None:
        self.source = source
        self.lex = lex
        self._done: dict[tuple[int, int], Parts | None] = {}

    def __call__(self, unit: Unit, head: Token) -> Parts | None:
        key = (unit.start, head.i)
        if key not in self._done:
            parts = self._apposed(unit, head, decompose(unit, head, self.source, self.lex))
            self._done[key] = self._whole_names(self._hosted(unit, head, parts))
        return self._done[key]

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
        if parts is None or parts.speaker.title is not None or parts.speaker.name is None:
            return parts
        doc = head.doc
        for post in head.children:
            if (
                post.dep_ == "nmod"
                and post.i + 1 < len(doc)
                and doc[post.i + 1].text in ("、", ",")
                and not any(c.dep_ == "case" for c in post.children)
                and self.lex.suffix(post.text, self.lex.titles) is not None
            ):
                described = decompose(unit, post, self.source, self.lex)
                if described is None or described.speaker.title is None:
                    return parts
                speaker = attrs.evolve(parts.speaker, title=described.speaker.title)
                return Parts(speaker=speaker, affiliation=parts.affiliation or described.affiliation)
        return parts

    def _hosted(self, unit: Unit, head: Token, parts: Parts | None) -> Parts | None:
        """An unnamed speaker's organisation written as the sentence's topic (同社は、担当者が)."""
        if parts is None or parts.affiliation is not None or parts.speaker.name is not None:
            return parts
        host = host_organization(head, self.lex)
        if host is None:
            return parts
        start, end = noun_phrase(host, appositions=False)
        doc = head.doc
        while start < end and doc[start].pos_ in ("DET", "PUNCT"):
            start += 1  # その朝鮮総連の東京本部: not その
        span = _token_span(self.source, unit, doc, start, end)
        return attrs.evolve(parts, affiliation=Affiliation(start=span.start, end=span.end, text=span.text))


def _pointed(
    p: Plan, docs: dict[int, Doc], records: list[Quotation], lex: Lexicon, parts_of: _Decomposer
) -> list[Quotation]:
    """Quotations standing as their own sentence, attributed by the sentence that points
    at them: 「…」。Xはこう述べた (after) or Xは次のように語った。「…」 (before)."""
    by_span = {(r.start, r.end): i for i, r in enumerate(records)}
    out = list(records)
    group = max((r.group or 0 for r in records), default=0)
    for k, unit in enumerate(p.units):
        if not standalone(unit):
            continue
        for neighbour, direction in ((k + 1, "back"), (k - 1, "forward")):
            doc = docs.get(neighbour)
            if doc is None:
                continue
            found = pointing_cue(doc, lex)
            if found is None or found[1] != direction:
                continue
            group += 1
            for slot in unit.slots:
                i = by_span.get((slot.pair.content_start, slot.pair.content_end))
                if i is None or out[i].kind != "term":
                    continue
                finding = pointed_finding(doc, found[0], slot, lex)
                record = _record(p, p.units[neighbour], doc, finding, parts_of)
                out[i] = attrs.evolve(record, group=group)
            break
    return out


#: a sentence that only names the medium: 聯合ニュースが伝えた。 AP通信が報じた。
_SIGN_OFF = regex.compile(
    r"\s*(?P<medium>[^、。，,\s「」]{2,30}?)(?:が|は)(?:伝えた|報じた|報道した|伝えている|報じている)[。．]?\s*"
)


def _sign_off(p: Plan, records: list[Quotation], lex: Lexicon) -> list[Quotation]:
    """The medium a sentence of its own names (…と述べた。聯合ニュースが伝えた。) is the
    via of the words in the sentence before it that have a speaker and no via."""
    out = list(records)
    for k in range(1, len(p.units)):
        unit = p.units[k]
        found = _SIGN_OFF.fullmatch(p.text, unit.start, unit.end)
        if found is None or not lex.is_media(found.group("medium")):
            continue
        before = p.units[k - 1]
        via = Via(start=found.start("medium"), end=found.end("medium"), text=found.group("medium"))
        for i, record in enumerate(out):
            if (
                before.start <= record.start < before.end
                and record.kind in ("direct", "indirect")
                and record.speaker is not None
                and record.via is None
            ):
                out[i] = attrs.evolve(record, via=via)
    return out


def _group_key(k: int, finding: Finding, record: Quotation) -> Any:
    if finding.subject is not None:
        return (k, "subject", finding.subject)
    if finding.cue is not None:
        return (k, "cue", finding.cue)
    return (k, "slot", record.start)


def _carry(record: Quotation, previous: tuple[int, Quotation], k: int, units: tuple[Unit, ...]) -> Quotation:
    """A cue with no subject continues the previous sentence's speaker (主語の省略)."""
    prev_k, prev = previous
    if prev_k != k - 1 or prev.speaker is None:
        return record
    return attrs.evolve(
        record,
        speaker=prev.speaker,
        affiliation=prev.affiliation,
        via=record.via or prev.via,
        confidence=CONFIDENCE["carried"],
    )


def _sentence_topic(
    k: int, unit: Unit, doc: Doc, lex: Lexicon, parts_of: _Decomposer
) -> tuple[int, Parts] | None:
    """The person a sentence is about: the は-topic of its main verb, named or titled."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if not roots:
        return None
    head = topic_of(doc, roots[0], unit.slots)
    if head is None or not can_be_source(head, lex):
        return None
    parts = parts_of(unit, head)
    if parts is None or parts.speaker.anonymous or not (parts.speaker.title or parts.speaker.honorific):
        return None
    return k, parts


#: words for a suspect or defendant, who answers 調べに対し (to questioning)
_QUESTIONED = ("容疑者", "被疑者", "被告", "被告人")


def _questioned(record: Quotation, unit: Unit, mentions: list[Parts]) -> Quotation:
    """`…容疑者を逮捕した。調べに対し「…」と容疑を認めている`: what is said to questioning
    is said by the suspect named last before it."""
    if "調べ" not in unit.source[unit.start : record.start]:
        return record
    suspects = [
        m
        for m in mentions
        if m.speaker.end <= record.start
        and m.speaker.title is not None
        and m.speaker.title.endswith(_QUESTIONED)
    ]
    if not suspects:
        return record
    last = max(suspects, key=lambda m: m.speaker.start)
    return attrs.evolve(record, speaker=last.speaker, confidence=CONFIDENCE["carried"])


def _token_span(source: str, unit: Unit, doc: Doc, a: int, b: int) -> Span:
    start, end = unit.to_source(doc[a].idx, doc[b - 1].idx + len(doc[b - 1]))
    return Span.of(source, start, end)


def _indirect_record(
    p: Plan, unit: Unit, doc: Doc, reported: Reported, lex: Lexicon, parts_of: _Decomposer
) -> Quotation | None:
    source = p.text
    clause = _token_span(source, unit, doc, *reported.clause)
    if not clause.text.strip():
        return None
    cue_span = _token_span(source, unit, doc, *reported.cue)
    cue = Cue(start=cue_span.start, end=cue_span.end, text=cue_span.text, lemma=reported.cue_lemma)
    if reported.subject is None:
        # no source in the sentence: a speaker may be carried over from the one before
        return Quotation(
            doc=p.doc_id,
            kind="indirect",
            start=clause.start,
            end=clause.end,
            text=clause.text,
            confidence=reported.confidence,
            cue=cue,
            via=_via_record(source, unit, doc, reported.via, None),
        )
    parts = parts_of(unit, doc[reported.subject])
    if parts is None or not plausible_source(
        parts.speaker, doc[reported.subject], lex, documents=reported.frame
    ):
        return None
    cue_span = _token_span(source, unit, doc, *reported.cue)
    via = _via_record(source, unit, doc, reported.via, parts.speaker)
    return Quotation(
        doc=p.doc_id,
        kind="indirect",
        start=clause.start,
        end=clause.end,
        text=clause.text,
        confidence=reported.confidence,
        speaker=parts.speaker,
        affiliation=parts.affiliation,
        cue=Cue(start=cue_span.start, end=cue_span.end, text=cue_span.text, lemma=reported.cue_lemma),
        via=via,
    )


def _via_record(
    source: str, unit: Unit, doc: Doc, tokens: tuple[int, int] | None, speaker: Speaker | None
) -> Via | None:
    """The medium's record, unless it is the speaker itself."""
    if tokens is None:
        return None
    span = _token_span(source, unit, doc, *tokens)
    if speaker is not None and span.text == speaker.text:
        return None
    return Via(start=span.start, end=span.end, text=span.text)


def _term(p: Plan, pair: BracketPair) -> Quotation:
    quote = Span.of(p.text, pair.content_start, pair.content_end)
    return Quotation(
        doc=p.doc_id,
        kind="term",
        start=quote.start,
        end=quote.end,
        text=quote.text,
        confidence=CONFIDENCE["term"],
    )


def _record(p: Plan, unit: Unit, doc: Doc, finding: Finding, parts_of: _Decomposer) -> Quotation:
    source = p.text
    pair = finding.slot.pair
    quote = Span.of(source, pair.content_start, pair.content_end)
    base: dict[str, Any] = {"doc": p.doc_id, "start": quote.start, "end": quote.end, "text": quote.text}
    if finding.kind != "direct":
        return _term(p, pair)
    cue = speaker = affiliation = None
    if finding.cue is not None:
        span = _token_span(source, unit, doc, *finding.cue)
        cue = Cue(start=span.start, end=span.end, text=span.text, lemma=finding.cue_lemma or span.text)
    if finding.subject is not None:
        parts = parts_of(unit, doc[finding.subject])
        if parts is not None:
            speaker, affiliation = parts.speaker, parts.affiliation
    via = _via_record(source, unit, doc, finding.via, speaker)
    if speaker is None:
        confidence = CONFIDENCE["no_speaker"]
    elif finding.relayed:
        confidence = CONFIDENCE["relayed"]
    elif finding.cue_class == "cognition":
        confidence = CONFIDENCE["cognition"]
    elif finding.cue_class is None:
        confidence = CONFIDENCE["unknown_cue"]
    else:
        confidence = CONFIDENCE["subject"]
    return Quotation(
        kind="direct",
        confidence=confidence,
        speaker=speaker,
        affiliation=affiliation,
        cue=cue,
        via=via,
        **base,
    )


__all__ = ["Extractor", "Plan", "Speaker", "assemble", "check_text", "plan"]
