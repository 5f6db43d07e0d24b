"""The run: ingest -> parse -> actors -> coding -> store, streaming in bounded batches.

Memory stays flat with corpus size: documents are read lazily, parsed by `nlp.pipe` in chunks,
analysed one at a time and written every `batch_size` documents.
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from spacy.tokens import Doc, Token

from detente.actors import ActorMatcher, DocumentActors, load_actor_dictionary
from detente.codebook import load_codebook
from detente.coding import Coded, Coder
from detente.config import Config
from detente.dates import DateMention, EventDate, dateline_length, find_dates
from detente.ingest import read_inputs
from detente.issues import IssueTagger, load_taxonomy
from detente.lexicon import load_lexicon
from detente.parse import chunks, installed_model, load_pipeline
from detente.records import ActorMention, Document, Event, Failure, Sentence
from detente.store import Analysis, Store

log = logging.getLogger(__name__)

# Called after each input with (inputs so far, documents added, events so far).
Progress = Callable[[int, int, int], None]


@dataclass
class RunSummary:
    inputs: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0
    events: int = 0  # event mentions added by this run
    deduplicated: int | None = None  # events in the store after deduplication
    failures: list[Failure] = field(default_factory=list)

    @property
    def all_failed(self) -> bool:
        return self.inputs > 0 and self.failed == self.inputs

    def counts(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in ("inputs", "added", "skipped", "failed", "events")}


class Analyser:
    """Reads one parsed document: sentences, actor mentions and coded events."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self.model_name = installed_model(config.model)
        self.nlp = load_pipeline(self.model_name)
        self.dictionary = load_actor_dictionary(config.extra_actor_files)
        self.matcher = ActorMatcher(self.nlp, self.dictionary)
        self.coder = Coder(load_lexicon(config.extra_lexicon_files), self.dictionary.sectors)
        self.codebook = load_codebook()
        self.tagger = IssueTagger(self.nlp, load_taxonomy(config.extra_issue_files))

    def analyse(self, document: Document, parsed: Sequence[tuple[int, Doc]]) -> Analysis:
        resolver = DocumentActors(self.dictionary, document.date)
        found = [self.matcher.find(doc) for _, doc in parsed]
        for matches in found:
            resolver.observe(matches)
        pair = resolver.main_pair(m for matches in found for m in matches)
        sentences: list[Sentence] = []
        mentions: list[ActorMention] = []
        events: list[Event] = []
        anchor: EventDate | None = None
        for (offset, doc), matches in zip(parsed, found, strict=True):
            cues = self.tagger.find(doc)
            first = 0  # matches are sorted: walk them alongside the sentences
            for sent in doc.sents:
                last = first
                while last < len(matches) and matches[last][0].start < sent.end:
                    last += 1
                # Names in a leading dateline ("MOSCOW, March 24 —") are places, not actors.
                body = sent.start_char + dateline_length(sent.text)
                in_sent = [
                    (s, e)
                    for s, e in matches[first:last]
                    if s.end <= sent.end and s.start_char >= body
                ]
                first = last
                text = sent.text.strip()
                if not text:
                    continue
                index = len(sentences)
                # Offsets of the sentence without the whitespace spaCy leaves around it.
                start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                end = start + len(text)
                tags = self.tagger.tag(sent, cues)
                sentences.append(
                    Sentence(document.doc_id, index, start, end, text, tags.issues, tags.stances)
                )
                resolved = resolver.resolve(sent, in_sent)
                # Actor words that only modify a noun ("NATO enlargement") still show who a
                # sentence is about: stored too, as modifiers.
                placed = [(a, a.kind) for a in resolved.actors.values()]
                placed += [(a, "modifier") for a in resolved.modifiers.values()]
                for a, kind in placed:
                    mentions.append(
                        ActorMention(
                            document.doc_id,
                            index,
                            offset + a.char_start,
                            offset + a.char_end,
                            a.text,
                            a.actor,
                            kind,
                        )  # fmt: skip
                    )
                dates = find_dates(text, document.date, anchor)
                for coded in self.coder.code(sent, resolved.actors, resolved.modifiers, pair):
                    events.append(self._event(document, sentences[-1], offset, coded, dates))
                explicit = [d for d in dates if d.explicit]
                if explicit:  # "two years later" counts from the last date written out
                    anchor = max(explicit, key=lambda d: d.start).value
        return Analysis(document, sentences, mentions, events)

    def _event(
        self, document: Document, sentence: Sentence, offset: int, c: Coded,
        dates: Sequence[DateMention],
    ) -> Event:  # fmt: skip
        code = self.codebook[c.pattern.code]
        when = _event_date(c, offset - sentence.char_start, dates)
        if when is not None:
            date, precision = when.iso(), when.precision
        elif document.date is not None:
            date, precision = document.date.isoformat(), "day"
        else:
            date, precision = None, None
        trigger_at = offset + c.trigger.idx
        key = f"{document.content_hash}|{trigger_at}|{c.source.actor.code}|{c.target.actor.code}|{code.code}"
        return Event(
            event_id=hashlib.sha1(key.encode()).hexdigest()[:20],
            doc_id=document.doc_id,
            sent_index=sentence.index,
            sentence=sentence.text,
            char_start=sentence.char_start,
            char_end=sentence.char_end,
            date=date,
            date_precision=precision,
            source=c.source.actor.code,
            target=c.target.actor.code,
            source_country=c.source.actor.country,
            target_country=c.target.actor.country,
            source_text=c.source.text,
            target_text=c.target.text,
            event_text=c.event_text,
            cameo=code.code,
            cameo_root=code.root,
            quad_class=code.quad_class,
            goldstein=code.goldstein,
            plover_event=code.plover_event,
            plover_mode=code.plover_mode,
            plover_context=code.plover_context,
            negated=c.negated,
            modality=c.modality,
            issues=sentence.issues,
            confidence=confidence(c),
        )


def _event_date(c: Coded, shift: int, dates: Sequence[DateMention]) -> EventDate | None:
    """The date written inside the event's own phrase ("signed ... on 8 April 2010"), else the
    sentence's best date; never one from a clause describing something else inside it ("signed
    a replacement for the START agreement, which expired in December") nor one after "since".
    `shift` turns spaCy offsets into sentence offsets."""
    if not dates:
        return None

    def span(tok: Token) -> tuple[int, int]:
        return tok.left_edge.idx + shift, tok.right_edge.idx + shift + len(tok.right_edge.text)

    others = [span(t) for t in c.trigger.subtree if t.dep_ in ("relcl", "acl") and t != c.trigger]
    # "met for the first time since June 2014": the date of something earlier
    doc = c.trigger.doc
    others += [
        (d.start, d.end)
        for d in dates
        if (t := doc.char_span(d.start - shift, d.end - shift, alignment_mode="expand"))
        and t.start > 0
        and doc[t.start - 1].lower_ == "since"
    ]
    own = [d for d in dates if not any(a <= d.start and d.end <= b for a, b in others)]
    start, end = span(c.trigger)
    inside = [d for d in own if start <= d.start and d.end <= end]
    return (inside or own or dates)[0].value


def confidence(c: Coded) -> float:
    """A 0..1 score from the evidence: how specific the lexicon entry, how direct the arguments,
    how the actors were found (names beat pronouns), and the modality."""
    score = 0.45
    p = c.pattern
    score += 0.05 * sum(x is not None for x in (p.particle, p.prep)) + (0.08 if p.objects else 0)
    score += 0.2 if c.direct else 0.1
    referred = {"pronoun", "role", "contextual"}
    score += -0.1 if {c.source.kind, c.target.kind} & referred else 0.1
    if c.modality == "hypothetical":
        score -= 0.1
    if c.nominal:
        score -= 0.05
    return round(min(0.99, max(0.05, score)), 2)


def run(
    paths: Iterable[str | Path],
    store: Store,
    config: Config,
    progress: Progress | None = None,
    stdin: BinaryIO | None = None,
) -> RunSummary:
    """Read, analyse and store everything under `paths`. Safe to repeat: stored texts are skipped."""
    analyser = Analyser(config)
    paths = list(paths)
    summary = RunSummary()
    run_id = store.start_run(analyser.model_name, [str(p) for p in paths])
    failures: list[Failure] = []
    seen: set[str] = set()
    ids: set[str] = set()

    def report() -> None:
        if progress:
            progress(summary.inputs, summary.added, summary.events)

    def stream() -> Iterator[tuple[str, tuple[Document, int, int, int]]]:
        for item in read_inputs(paths, config, stdin):
            summary.inputs += 1
            if isinstance(item, Failure):
                failures.append(item)
                summary.failed += 1
                summary.failures.append(item)
                log.warning("%s: %s", item.origin, item.reason)
                report()
                continue
            if item.content_hash in seen or store.has_document(item.content_hash):
                summary.skipped += 1
                report()
                continue
            seen.add(item.content_hash)
            if item.doc_id in ids or store.doc_id_taken(item.doc_id):
                item = dataclasses.replace(item, doc_id=f"{item.doc_id}-{item.content_hash[:8]}")
            ids.add(item.doc_id)
            pieces = list(chunks(item.text, config.chunk_chars))
            for i, (offset, piece) in enumerate(pieces):
                yield piece, (item, i, len(pieces), offset)

    buffer: list[Analysis] = []
    parts: list[tuple[int, Doc]] = []

    def flush() -> None:
        store.write(buffer, failures, run_id, analyser.model_name)
        buffer.clear()
        failures.clear()

    for doc, (item, i, n, offset) in analyser.nlp.pipe(
        stream(), as_tuples=True, batch_size=32, n_process=max(1, config.workers)
    ):
        parts.append((offset, doc))
        if i < n - 1:
            continue
        try:
            analysis = analyser.analyse(item, parts)
        except Exception as exc:  # one bad document must not stop the run
            log.exception("analysis failed for %s", item.origin)
            failure = Failure(item.origin, f"analysis failed: {type(exc).__name__}: {exc}",
                              item.content_hash)  # fmt: skip
            failures.append(failure)
            summary.failures.append(failure)
            summary.failed += 1
        else:
            buffer.append(analysis)
            summary.added += 1
            summary.events += len(analysis.events)
        parts = []
        report()
        if len(buffer) >= config.batch_size:
            flush()
    flush()
    if summary.added:
        summary.deduplicated = store.deduplicate()
    store.finish_run(run_id, summary.counts())
    return summary
