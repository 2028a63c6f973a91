"""The one path every entry point runs: plan → select → parse → rules → records →
entities → canonical.

`Extractor`, the spaCy component, the `n_process` workers and the Dask workers all
call a `Pipeline`; they differ only in how they parse (`quotes.pipeline.parse`).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from spacy.language import Language
from spacy.tokens import Doc

from quotes.confidence.model import Scorer, shipped
from quotes.errors import QuotesError, Warnings
from quotes.grammar.predicates import clause_like
from quotes.grammar.tokens import aged_names, mark_surnames
from quotes.lexicon import Lexicon
from quotes.orgs.canonical import canonicalise
from quotes.orgs.table import OrganizationTable
from quotes.people.clubs import club_mentions, short_forms
from quotes.people.coref import agency, aside_mentions, person_mentions, predicated_mentions, resolve
from quotes.people.entities import link, same_person
from quotes.people.hosts import discourse_hosts
from quotes.people.issuers import issuers
from quotes.people.membership import group_bodies, group_heads, membership_mentions, shared_mentions
from quotes.people.mentions import Parts
from quotes.people.offices import text_state
from quotes.people.reader import MentionReader
from quotes.pipeline import build
from quotes.pipeline.parse import Parser, one_sentence
from quotes.records import Analysis, Problem, Quotation
from quotes.rules import discourse
from quotes.rules.direct import attribute
from quotes.rules.findings import Finding
from quotes.rules.pointing import standalone
from quotes.rules.reported import find_reported
from quotes.text.masking import Unit
from quotes.text.plan import Plan, plan
from quotes.text.selection import Selector
from quotes.text.sentences import DEFAULT_MAX_UNIT_BYTES


class Pipeline:
    """The stages of attribution for one configuration (model, lexicon, organisations).

    Args:
        nlp: the GiNZA `Language` whose tokenizer reads the masked sentences.
        parser: how selected sentences are parsed (`Parser` or `ComponentParser`).
        lexicon: the word lists, already knowing the organisation table's names.
        organizations: the organisation table.
        max_unit_bytes: the longest sentence, in UTF-8 bytes, parsed whole.
        parse: "selective" parses the sentences that can hold an attribution; "all" every one.
        confidence: what sets each record's confidence at the end (default: the shipped model).
    """

    def __init__(
        self,
        nlp: Language,
        parser: Parser,
        *,
        lexicon: Lexicon,
        organizations: OrganizationTable,
        max_unit_bytes: int = DEFAULT_MAX_UNIT_BYTES,
        parse: str = "selective",
        confidence: Scorer | None = None,
    ) -> None:
        self.nlp = nlp
        self.parser = parser
        self.lexicon = lexicon
        self.organizations = organizations
        self.max_unit_bytes = max_unit_bytes
        self.parse = parse
        self.confidence = confidence if confidence is not None else shipped()
        self._selector = Selector(lexicon)
        #: clubs' short forms (阪神 of 阪神タイガース), for 阪神・佐藤輝明 (people.clubs)
        self._clubs = frozenset(
            short_forms(n for o in organizations if o.category == "sports" for n in o.names)
        )

    def plan(self, text: str, doc_id: str | None = None) -> Plan:
        """Stage 1: brackets, sentences and masks (see `quotes.text.plan`)."""
        return plan(text, doc_id, max_unit_bytes=self.max_unit_bytes)

    def select(self, p: Plan) -> dict[int, Doc]:
        """Stage 2: the units to parse, tokenized once: all, or those the selector keeps,
        and the sentences around a quotation standing alone (they may attribute it)."""
        # (two before: a sentence of the speaker's acts may stand between them and their words)
        around = {j for k, unit in enumerate(p.units) if standalone(unit) for j in (k - 2, k - 1, k + 1)}
        tokenized = [one_sentence(self.nlp.make_doc(unit.text)) for unit in p.units]
        wanted = {
            k
            for k, (unit, tokens) in enumerate(zip(p.units, tokenized, strict=True))
            if self.parse == "all"
            or k in around
            or self._selector.needs_parse(unit, ((t.text, t.lemma_, t.tag_) for t in tokens))
        }
        if self._selector.refers_back(p.text):
            # 同社 points back to an organisation named as a topic in any sentence before
            wanted |= {
                k
                for k, tokens in enumerate(tokenized)
                if k not in wanted
                and self._selector.names_a_source((t.text, t.lemma_, t.tag_) for t in tokens)
            }
        # the sentence before one that is parsed may name the source it continues
        wanted |= {
            k - 1
            for k in wanted
            if k > 0
            and k - 1 not in wanted
            and (
                self._selector.names_a_source(prev := [(t.text, t.lemma_, t.tag_) for t in tokenized[k - 1]])
                or self._selector.tells_of_interview(prev)
            )
        }
        return {k: tokenized[k] for k in sorted(wanted)}

    def analyze(self, text: str, doc_id: str | None = None) -> Analysis:
        """Quotations and problems of one text."""
        p = self.plan(text, doc_id)
        wanted = self.select(p)
        items = ((doc, k) for k, doc in wanted.items())
        parsed = {k: doc for doc, k in self.parser.pipe(items, self.nlp.batch_size)}
        return self.assemble(p, parsed)

    def analyze_stream(
        self, items: Iterable[tuple[str, Any]], batch_size: int
    ) -> Iterator[tuple[Analysis, Any]]:
        """`(Analysis, context)` for each `(text, context)`, in order, streaming: the
        sentences of many texts are parsed in batches, and each text's analysis is
        yielded as soon as its last sentence is parsed. A `str` context is the doc id."""
        pending: deque[tuple[int, Plan, Any]] = deque()
        failed: list[Exception] = []

        def units() -> Iterator[tuple[Doc, tuple[int, int]]]:
            for index, (text, context) in enumerate(items):
                try:
                    p = self.plan(text, context if isinstance(context, str) else None)
                except QuotesError as exc:  # a bad input: every text before it is still given
                    failed.append(exc)
                    return
                pending.append((index, p, context))
                for k, tokens in self.select(p).items():
                    yield tokens, (index, k)

        parsed: dict[int, dict[int, Doc]] = {}

        def finish() -> tuple[Analysis, Any]:
            index, p, context = pending.popleft()
            return self.assemble(p, parsed.pop(index, {})), context

        for doc, (index, k) in self.parser.pipe(units(), batch_size):
            while pending and pending[0][0] < index:
                yield finish()
            parsed.setdefault(index, {})[k] = doc
        while pending:
            yield finish()
        if failed:
            raise failed[0]

    def assemble(self, p: Plan, docs: dict[int, Doc]) -> Analysis:
        """Stages 4 to 7 for a planned text: rules over each parse, records, the
        people and organisations behind them, canonical names."""
        aged = [name for k, doc in docs.items() for name in aged_names(p.text, p.units[k], doc, self.lexicon)]
        mark_surnames(docs.values(), aged)  # 岸辺が, after 岸辺大吾: a name the dictionary reads as "shore"
        assembly = _Assembly(p, docs, self.lexicon)
        for k, unit in enumerate(p.units):
            assembly.sentence(k, unit)
        records = assembly.finish()
        assembly.mentions.extend(club_mentions(assembly.mentions, p.text, self.lexicon, self._clubs))
        assembly.mentions.extend(predicated_mentions(assembly.mentions, p.text, self.lexicon))
        assembly.mentions.extend(membership_mentions(assembly.mentions, p.text, self.lexicon))
        assembly.mentions.extend(shared_mentions(assembly.mentions, p.text, self.lexicon))
        assembly.mentions.extend(group_heads(assembly.mentions, self.lexicon))
        entities = link(assembly.mentions, self.lexicon)
        resolved = resolve(records, assembly.mentions, p.text, self.lexicon, entities)
        resolved = agency(resolved, assembly.mentions, p.text, self.lexicon)
        if any(r.speaker is not None and r.affiliation is None for r in resolved):
            # 佐藤恒治社長 after トヨタ自動車は…: the organisation the text is about
            resolved = discourse_hosts(
                resolved, entities, p.text, self.lexicon, self.organizations, assembly.read.organisations
            )
        # 研究チームは…: the group named before with its body; 声明は…: the body that issued it
        resolved = issuers(group_bodies(resolved, p.text, self.lexicon), p.text, self.lexicon)
        # サルコジ大統領 in a report from フランス: the one state the text names
        resolved = text_state(resolved, p.text, self.lexicon)
        canonical = canonicalise(
            resolved, self.organizations, p.text, self.lexicon, written=assembly.read.organisations
        )
        return Analysis(
            quotations=self.confidence.apply(canonical, p.text, self.lexicon),  # docs/confidence.md
            problems=(*p.problems, *_unparsed_speakers(p, resolved)),
        )


class _Assembly:
    """The records of one text as its sentences are read in order, with the discourse
    state the rules between sentences need (the last speaker, the last topic)."""

    def __init__(self, p: Plan, docs: dict[int, Doc], lex: Lexicon) -> None:
        self.plan = p
        self.docs = docs
        self.lex = lex
        self.read = MentionReader(p.text, lex)
        self.records: list[Quotation] = []
        self.mentions: list[Parts] = []
        self.held: list[tuple[int, Parts]] = []  # who was taken in for questioning, and where
        self.groups: dict[Any, int] = {}
        self.previous: discourse.Previous | None = None  # last attributed record and its unit
        self.focus: discourse.Topic | None = None  # the source the discourse is about, and its unit

    def _group(self, key: Any) -> int:
        return self.groups.setdefault(key, len(self.groups) + 1)

    def sentence(self, k: int, unit: Unit) -> None:
        """Read one sentence: its reported speech, then its quotations."""
        p, doc = self.plan, self.docs.get(k)
        if doc is None:
            # not parsed: the selector saw no quotative, so its quotations are terms
            self.records.extend(build.term(p.text, p.doc_id, slot.pair) for slot in unit.slots)
            if self.focus is not None and discourse.subjectless(unit.text):
                self.focus = (k, self.focus[1])  # …獲得。1998年には…貢献した。: still about the same one
            return
        self.mentions.extend(person_mentions(unit, doc, self.lex, self.read))
        self.held.extend((k, parts) for parts in discourse.taken_in(unit, doc, self.lex, self.read))
        findings = attribute(unit, doc, self.lex)
        reporting = self._reported(k, unit, doc, findings)
        for finding in findings:
            self._direct(k, unit, doc, finding)
        if reporting is not None and (self.previous is None or self.previous[0] != k):
            self.previous = reporting  # …と述べた。さらに「…」と強調した: it continues too
        self._refocus(k, unit, doc)

    def _refocus(self, k: int, unit: Unit, doc: Doc) -> None:
        """The source the discourse is about after sentence `k`: the last speaker of its
        words, else the source it is about, else the one before."""
        spoken = self.previous if self.previous is not None and self.previous[0] == k else None
        if spoken is not None and spoken[1].speaker is not None:
            record = spoken[1]
            assert record.speaker is not None
            self.focus = (k, Parts(speaker=record.speaker, affiliation=record.affiliation))
            return
        spoke_lately = self.previous is not None and self.previous[0] >= k - 2
        # after words just said, a person merely present (Xがいた) does not take over
        topic_only = spoke_lately and not discourse.speaks_of_speaking(doc, self.lex)
        found = discourse.sentence_focus(
            k, unit, doc, self.lex, self.read, self.mentions, topic_only=topic_only
        )
        if (
            found is not None
            and found[1].speaker.anonymous
            and spoke_lately
            and not discourse.at_occasion(doc, self.lex)
        ):
            return  # 同高校によると…。3年生の生徒は…出場していた: a person the report is about, no new source
        self.focus = found or self.focus

    def _reported(self, k: int, unit: Unit, doc: Doc, findings: list[Finding]) -> discourse.Previous | None:
        """Records of the reported speech of a sentence; the last one with a speaker."""
        p = self.plan
        attributed = any(f.kind == "direct" and f.subject is not None for f in findings)
        built = [
            (r, build.indirect(p.text, p.doc_id, unit, doc, r, self.read, self.lex))
            for r in find_reported(unit, doc, self.lex)
        ]
        inner = attributed or any(
            rec is not None and not r.frame and r.subject is not None for r, rec in built
        )
        framed = any(r.frame for r, rec in built if rec is not None)
        reporting: discourse.Previous | None = None
        for reported, record in built:
            asked = record is not None and not reported.frame and record.speaker is None
            if asked and record is not None and discourse.to_questioning(record, unit, self.lex):
                record = self._questioned(k, unit, record)  # 調べに対し、…と供述した: the suspect
            # Xによると with someone else's words inside: X is their via, not a speaker
            if record is None or (reported.frame and inner) or (framed and record.speaker is None):
                continue  # within Xによると, a clause naming no source is the frame's
            if record.speaker is None:
                # また、…と強調した: the previous speaker or source continues, or no record
                record = discourse.carry(record, self.previous, k)
                record = discourse.from_focus(record, self.focus, k) if record.speaker is None else record
                if record.speaker is None:
                    continue
            # one utterance per speaker and sentence, bracketed or not (「A」とし、Bと述べた)
            key = (
                (k, "subject", reported.subject) if reported.subject is not None else (k, "cue", reported.cue)
            )
            self.records.append(attrs.evolve(record, group=self._group(key)))
            speaker = record.speaker
            if not (reported.frame and speaker is not None and self.lex.is_media(speaker.text)):
                reporting = (k, record)  # a medium that frames the sentence does not speak on
        return reporting

    def _direct(self, k: int, unit: Unit, doc: Doc, finding: Finding) -> None:
        """The record of one bracketed quotation, its speaker carried over where it has none."""
        p = self.plan
        record = built = build.direct(p.text, p.doc_id, unit, doc, finding, self.read)
        unsaid = record.speaker is None or record.rule == "frame"
        asked = record.kind == "direct" and not finding.passive and unsaid
        asked = asked and discourse.to_questioning(record, unit, self.lex)
        if asked:  # said by the one questioned, not by the police the text is about
            record = self._questioned(k, unit, record)
        carry = record.kind == "direct" and record.speaker is None and not finding.passive
        answer = carry and discourse.answers(self.previous, k, record, p.text)
        last = self.previous[1].speaker if self.previous is not None else None
        if carry and not answer and not discourse.reports_only(last, self.lex):
            record = discourse.carry(record, self.previous, k)
        speech = finding.cue_class is not None or clause_like(finding.slot, unit)  # words, not a name
        about = self.focus[1].speaker if self.focus is not None else None
        if carry and record.speaker is None and speech and not discourse.reports_only(about, self.lex):
            record = discourse.from_focus(record, self.focus, k)
        if answer and self.previous is not None and _same_speaker(record, self.previous[1], self.lex):
            record = built  # the one who asked is not the one who answers
        if record.kind != "term":
            record = attrs.evolve(record, group=self._group(_group_key(k, finding, record)))
            if record.speaker is not None:
                self.previous = (k, record)
        self.records.append(record)

    def _questioned(self, k: int, unit: Unit, record: Quotation) -> Quotation:
        """`discourse.questioned`, with the people taken in within the last sentences."""
        held = [parts for j, parts in self.held if j >= k - discourse.WINDOW]
        return discourse.questioned(record, unit, held, self.mentions, self.lex)

    def finish(self) -> list[Quotation]:
        """The records in source order, after the rules that read several sentences."""
        p = self.plan
        records = self._pointed(self.records)
        records = discourse.sign_off(p.text, p.units, records, self.lex)
        records = discourse.inside_reported(records, p.text, self.lex)
        records = discourse.reported_by_medium(records, self.mentions, self.lex)
        records = discourse.nested_reports(records)
        records = discourse.reasons_joined(records, p.text)
        records = discourse.past_opening_quotation(records, p.text)
        records.sort(key=lambda r: (r.start, r.end))
        self.mentions.extend(
            Parts(speaker=r.speaker, affiliation=r.affiliation) for r in records if r.speaker
        )
        self.mentions.extend(aside_mentions(p.text, self.lex))
        return records

    def _pointed(self, records: list[Quotation]) -> list[Quotation]:
        """Standalone quotations (still terms) attributed by the sentence pointing at them."""
        p = self.plan
        by_span = {(r.start, r.end): i for i, r in enumerate(records)}
        out = list(records)
        base = max((r.group or 0 for r in records), default=0)
        for found in discourse.pointed(p.units, self.docs, self.lex):
            pair = found.finding.slot.pair
            i = by_span.get((pair.content_start, pair.content_end))
            if i is None or out[i].kind != "term":
                continue
            unit, doc = p.units[found.neighbour], self.docs[found.neighbour]
            record = build.direct(p.text, p.doc_id, unit, doc, found.finding, self.read)
            out[i] = attrs.evolve(record, group=base + found.group)
        return out


def _same_speaker(a: Quotation, b: Quotation, lex: Lexicon) -> bool:
    """Whether two records name one speaker: the same words, or one name written in full
    and by surname (岸辺大吾(41), 岸辺)."""
    if a.speaker is None or b.speaker is None:
        return False
    if a.speaker.text == b.speaker.text:
        return True
    names = sorted((a.speaker.name or "", b.speaker.name or ""), key=len)
    return all(names) and same_person(names[0], names[1], lex)


def _group_key(k: int, finding: Finding, record: Quotation) -> Any:
    if finding.subject is not None:
        return (k, "subject", finding.subject)
    if finding.cue is not None:
        return (k, "cue", finding.cue)
    return (k, "slot", record.start)


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
