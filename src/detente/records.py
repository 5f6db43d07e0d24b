"""The records that flow through the pipeline. All frozen: stages make new records, never mutate."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class Document:
    """One readable input text with its metadata."""

    doc_id: str  # the record's own id, else a prefix of content_hash
    content_hash: str  # sha256 of the text: re-runs skip documents already stored
    text: str
    origin: str  # path, "path#record-n" or "-" for stdin
    format: str  # txt, md, html, pdf, jsonl, json, csv
    title: str | None = None
    date: date | None = None  # publication date
    date_source: str | None = None  # record, meta, header, text, option
    url: str | None = None
    source: str | None = None  # publisher
    metadata: dict[str, Any] = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Failure:
    """An input that could not be read, with the reason shown to the user."""

    origin: str
    reason: str
    content_hash: str | None = None


@dataclass(frozen=True)
class Sentence:
    doc_id: str
    index: int
    char_start: int
    char_end: int
    text: str
    issues: tuple[str, ...] = ()  # issue ids the sentence is about
    stances: tuple[str, ...] = ()  # stance cues it contains, "apart:red line"


@dataclass(frozen=True)
class Actor:
    """An actor code split into its parts: RUSGOV -> country RUS, sector GOV."""

    code: str
    country: str
    sector: str = ""

    @classmethod
    def of(cls, country: str, sector: str = "") -> Actor:
        return cls(code=f"{country}{sector}", country=country, sector=sector)


@dataclass(frozen=True)
class ActorMention:
    """A stretch of text that names an actor, resolved on the document's date."""

    doc_id: str
    sent_index: int
    char_start: int
    char_end: int
    text: str
    actor: Actor
    kind: str  # country, adjective, capital, seat, organisation, person, pronoun, role


@dataclass(frozen=True)
class Event:
    """One coded event mention: source -- action -- target, from one sentence."""

    event_id: str
    doc_id: str
    sent_index: int
    sentence: str
    char_start: int
    char_end: int
    date: str | None  # ISO, at date_precision
    date_precision: str | None  # day, month, year
    source: str
    target: str
    source_country: str
    target_country: str
    source_text: str
    target_text: str
    event_text: str
    cameo: str
    cameo_root: str
    quad_class: int
    goldstein: float
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None
    negated: bool
    modality: str
    issues: tuple[str, ...]
    confidence: float
