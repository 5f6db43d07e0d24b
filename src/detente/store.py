"""The store: one DuckDB file holding documents, sentences, actor mentions, event mentions and failures.

Writes happen in one transaction per batch of documents, and a document row is written together
with everything read from it, so a run killed half-way leaves only whole documents behind; the next
run skips those (by content hash) and completes the rest. Every query is parameterised.

Event mentions (one per sentence that reports an event) live in `mentions`; `event_id` groups the
mentions of one real event. The `events` view gives one row per event with `mentions`/`sources`.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from detente.errors import StoreError
from detente.records import ActorMention, Document, Event, Failure, Sentence

log = logging.getLogger(__name__)

SCHEMA_VERSION = 2

SCHEMA = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS runs (
        run_id INTEGER PRIMARY KEY, started TIMESTAMP, finished TIMESTAMP, model VARCHAR,
        inputs VARCHAR, n_inputs INTEGER, n_added INTEGER, n_skipped INTEGER, n_failed INTEGER,
        n_events INTEGER)""",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY, content_hash VARCHAR NOT NULL UNIQUE, origin VARCHAR,
        format VARCHAR, title VARCHAR, date DATE, date_source VARCHAR, url VARCHAR,
        source VARCHAR, metadata JSON, text VARCHAR, n_chars INTEGER, n_sentences INTEGER,
        n_events INTEGER, model VARCHAR, run_id INTEGER, added_at TIMESTAMP)""",
    """CREATE TABLE IF NOT EXISTS sentences (
        doc_id VARCHAR, sent_index INTEGER, char_start INTEGER, char_end INTEGER, text VARCHAR,
        issues VARCHAR[], stances VARCHAR[], PRIMARY KEY (doc_id, sent_index))""",
    """CREATE TABLE IF NOT EXISTS actor_mentions (
        doc_id VARCHAR, sent_index INTEGER, char_start INTEGER, char_end INTEGER, text VARCHAR,
        actor VARCHAR, country VARCHAR, sector VARCHAR, kind VARCHAR,
        PRIMARY KEY (doc_id, char_start, char_end))""",
    """CREATE TABLE IF NOT EXISTS mentions (
        mention_id VARCHAR PRIMARY KEY, event_id VARCHAR NOT NULL, doc_id VARCHAR,
        sent_index INTEGER, sentence VARCHAR, char_start INTEGER, char_end INTEGER,
        date VARCHAR, date_precision VARCHAR, source VARCHAR, target VARCHAR,
        source_country VARCHAR, target_country VARCHAR, source_text VARCHAR,
        target_text VARCHAR, event_text VARCHAR, cameo VARCHAR, cameo_root VARCHAR,
        quad_class INTEGER, goldstein DOUBLE, plover_event VARCHAR, plover_mode VARCHAR,
        plover_context VARCHAR, negated BOOLEAN, modality VARCHAR, issues VARCHAR[],
        confidence DOUBLE)""",
    """CREATE TABLE IF NOT EXISTS failures (
        origin VARCHAR PRIMARY KEY, reason VARCHAR, content_hash VARCHAR,
        first_seen TIMESTAMP, last_seen TIMESTAMP, run_id INTEGER)""",
    # One row per event: the earliest mention speaks for it; counts over all its mentions. More
    # reports are more evidence: confidence combines the mentions' as a noisy-OR (at most 0.99).
    """CREATE OR REPLACE VIEW events AS
        SELECT m.* EXCLUDE (mention_id, rn, confidence), c.confidence, c.mentions, c.sources
        FROM (SELECT *, row_number() OVER (PARTITION BY event_id
                                           ORDER BY date NULLS LAST, doc_id, char_start) AS rn
              FROM mentions) m
        JOIN (SELECT event_id, count(*) AS mentions, count(DISTINCT doc_id) AS sources,
                     round(least(0.99, 1 - product(1 - confidence)), 2) AS confidence
              FROM mentions GROUP BY event_id) c USING (event_id)
        WHERE m.rn = 1""",
]

# Statements that take a store from version N to N + 1, applied in order in one transaction.
MIGRATIONS: dict[int, list[str]] = {
    # 2: sentences carry their issues and stance cues (documents stored by version 1 keep
    # empty lists until they are read again).
    1: [
        "ALTER TABLE sentences ADD COLUMN issues VARCHAR[]",
        "ALTER TABLE sentences ADD COLUMN stances VARCHAR[]",
    ],
}

MENTION_COLUMNS = [
    "mention_id", "event_id", "doc_id", "sent_index", "sentence", "char_start", "char_end", "date",
    "date_precision", "source", "target", "source_country", "target_country", "source_text",
    "target_text", "event_text", "cameo", "cameo_root", "quad_class", "goldstein", "plover_event",
    "plover_mode", "plover_context", "negated", "modality", "issues", "confidence",
]  # fmt: skip


MODALITIES = ("asserted", "intended", "proposed", "hypothetical", "reported")


@dataclass(frozen=True)
class EventFilter:
    """Which events outputs show. Values are checked here because they end up in a view's SQL
    (views take no parameters): a float and names from MODALITIES, never free text."""

    min_confidence: float = 0.0
    modalities: tuple[str, ...] = MODALITIES
    include_negated: bool = True

    def __post_init__(self) -> None:
        if not 0.0 <= float(self.min_confidence) <= 1.0:
            raise ValueError(f"min confidence must be between 0 and 1, not {self.min_confidence}")
        unknown = set(self.modalities) - set(MODALITIES)
        if unknown or not self.modalities:
            raise ValueError(
                f"modalities must be among {', '.join(MODALITIES)}; got {sorted(unknown) or 'none'}"
            )

    @property
    def active(self) -> bool:
        return self != EventFilter()

    def condition(self) -> str:
        names = ", ".join(f"'{m}'" for m in MODALITIES if m in self.modalities)
        parts = [f"confidence >= {float(self.min_confidence)!r}", f"modality IN ({names})"]
        if not self.include_negated:
            parts.append("NOT negated")
        return " AND ".join(parts)


@dataclass(frozen=True)
class Analysis:
    """Everything read from one document, written together."""

    document: Document
    sentences: Sequence[Sentence]
    mentions: Sequence[ActorMention]
    events: Sequence[Event]


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Store:
    """A DuckDB store. Use as a context manager; read-only opens never write or migrate."""

    def __init__(self, path: str | Path, read_only: bool = False) -> None:
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path} (run `detente run ... --db {self.path}`)")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"cannot open store {self.path}: {exc}") from exc
        if read_only:
            self._check_version()
        else:
            self._migrate()
        # What outputs read; `select` narrows them to a filtered view.
        self.events_table = "events"
        self.mentions_table = "mentions"

    # -- lifecycle -------------------------------------------------------------------------------

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    def _version(self) -> int | None:
        try:
            found = self.scalar("SELECT value FROM meta WHERE key = 'schema_version'")
        except duckdb.CatalogException as exc:
            raise StoreError(f"{self.path} is not a detente store") from exc
        return int(found) if found is not None else None

    def _check_version(self) -> None:
        found = self._version()
        if found != SCHEMA_VERSION:
            hint = (
                " (run `detente run` on it once to upgrade it)"
                if (found or 0) < SCHEMA_VERSION
                else ""
            )
            raise StoreError(
                f"{self.path} has schema version {found}; this detente reads {SCHEMA_VERSION}{hint}"
            )

    def _migrate(self) -> None:
        tables = {r[0] for r in self.con.execute("SHOW TABLES").fetchall()}
        found = self._version() if "meta" in tables else None
        if found is not None and found > SCHEMA_VERSION:
            self._check_version()  # raises: written by a newer detente
        self.con.execute("BEGIN TRANSACTION")
        for version in range(found or SCHEMA_VERSION, SCHEMA_VERSION):
            for statement in MIGRATIONS[version]:
                self.con.execute(statement)
        for statement in SCHEMA:
            self.con.execute(statement)
        self.con.execute(
            "INSERT INTO meta VALUES ('schema_version', ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [str(SCHEMA_VERSION)],
        )
        self.con.execute("COMMIT")

    # -- reads used while running ----------------------------------------------------------------

    def has_document(self, content_hash: str) -> bool:
        return self.scalar("SELECT 1 FROM documents WHERE content_hash = ?", [content_hash]) == 1

    def doc_id_taken(self, doc_id: str) -> bool:
        return self.scalar("SELECT 1 FROM documents WHERE doc_id = ?", [doc_id]) == 1

    # -- runs ------------------------------------------------------------------------------------

    def start_run(self, model: str, inputs: Iterable[str]) -> int:
        run_id = int(self.scalar("SELECT coalesce(max(run_id), 0) + 1 FROM runs"))
        self.con.execute(
            "INSERT INTO runs (run_id, started, model, inputs) VALUES (?, ?, ?, ?)",
            [run_id, _now(), model, json.dumps([str(i) for i in inputs])],
        )
        return run_id

    def finish_run(self, run_id: int, counts: dict[str, int]) -> None:
        self.con.execute(
            """UPDATE runs SET finished = ?, n_inputs = ?, n_added = ?, n_skipped = ?,
               n_failed = ?, n_events = ? WHERE run_id = ?""",
            [
                _now(),
                counts.get("inputs", 0),
                counts.get("added", 0),
                counts.get("skipped", 0),
                counts.get("failed", 0),
                counts.get("events", 0),
                run_id,
            ],  # fmt: skip
        )

    # -- writes ----------------------------------------------------------------------------------

    def write(
        self, analyses: Sequence[Analysis], failures: Sequence[Failure], run_id: int, model: str
    ) -> None:
        """Write a batch in one transaction: all of it is stored, or none of it."""
        if not analyses and not failures:
            return
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            for a in analyses:
                self._write_analysis(a, run_id, model)
            now = _now()
            for f in failures:
                con.execute(
                    """INSERT INTO failures VALUES (?, ?, ?, ?, ?, ?)
                       ON CONFLICT (origin) DO UPDATE SET reason = excluded.reason,
                       content_hash = excluded.content_hash, last_seen = excluded.last_seen,
                       run_id = excluded.run_id""",
                    [f.origin, f.reason, f.content_hash, now, now, run_id],
                )
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise

    def _write_analysis(self, a: Analysis, run_id: int, model: str) -> None:
        d = a.document
        con = self.con
        inserted = con.execute(
            """INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT DO NOTHING RETURNING doc_id""",
            [
                d.doc_id,
                d.content_hash,
                d.origin,
                d.format,
                d.title,
                d.date,
                d.date_source,
                d.url,
                d.source,
                json.dumps(d.metadata, ensure_ascii=False),
                d.text,
                len(d.text),
                len(a.sentences),
                len(a.events),
                model,
                run_id,
                _now(),
            ],  # fmt: skip
        ).fetchall()
        if not inserted:  # stored meanwhile (same text twice in one batch): nothing more to add
            return
        # A document that was stored earlier as failed is readable now.
        con.execute("DELETE FROM failures WHERE origin = ?", [d.origin])
        if a.sentences:
            con.executemany(
                "INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                [
                    [
                        s.doc_id,
                        s.index,
                        s.char_start,
                        s.char_end,
                        s.text,
                        list(s.issues),
                        list(s.stances),
                    ]
                    for s in a.sentences
                ],  # fmt: skip
            )
        if a.mentions:
            con.executemany(
                "INSERT INTO actor_mentions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING",
                [
                    [
                        m.doc_id,
                        m.sent_index,
                        m.char_start,
                        m.char_end,
                        m.text,
                        m.actor.code,
                        m.actor.country,
                        m.actor.sector,
                        m.kind,
                    ]
                    for m in a.mentions
                ],  # fmt: skip
            )
        if a.events:
            placeholders = ", ".join("?" for _ in MENTION_COLUMNS)
            con.executemany(
                f"INSERT INTO mentions ({', '.join(MENTION_COLUMNS)}) VALUES ({placeholders}) "
                "ON CONFLICT DO NOTHING",
                [_mention_row(e) for e in a.events],
            )

    def deduplicate(self, window_days: int = 3) -> int:
        """Group the mentions of each real event under one event_id (see detente.dedup), in one
        transaction. Returns the number of events."""
        from detente.dedup import cluster, keys_from_rows

        rows = self.query(
            """SELECT mention_id, source_country, target_country, cameo, negated, modality,
                      date, date_precision FROM mentions"""
        )
        assignment = cluster(keys_from_rows(rows), window_days)
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(
                "CREATE OR REPLACE TEMP TABLE dedup_map (mention_id VARCHAR, event_id VARCHAR)"
            )
            if assignment:  # DuckDB refuses an empty executemany: a corpus may have no event
                self.con.executemany(
                    "INSERT INTO dedup_map VALUES (?, ?)", list(assignment.items())
                )
            self.con.execute(
                """UPDATE mentions SET event_id = dedup_map.event_id FROM dedup_map
                   WHERE mentions.mention_id = dedup_map.mention_id
                     AND mentions.event_id <> dedup_map.event_id"""
            )
            self.con.execute("DROP TABLE dedup_map")
            self.con.execute("COMMIT")
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        return len(set(assignment.values()))

    # -- reads for outputs -----------------------------------------------------------------------

    def select(self, chosen: EventFilter) -> None:
        """Make outputs (exports, report, stats) read only the events `chosen` lets through, and
        the mentions of those events. Temporary views: the store itself is not changed."""
        if not chosen.active:
            self.events_table, self.mentions_table = "events", "mentions"
            return
        self.con.execute(
            "CREATE OR REPLACE TEMP VIEW selected_events AS "
            f"SELECT * FROM events WHERE {chosen.condition()}"
        )
        self.con.execute(
            "CREATE OR REPLACE TEMP VIEW selected_mentions AS SELECT * FROM mentions "
            "WHERE event_id IN (SELECT event_id FROM selected_events)"
        )
        self.events_table, self.mentions_table = "selected_events", "selected_mentions"

    def query(
        self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()
    ) -> list[dict[str, Any]]:
        """Rows as dicts; `params` are positional (?) or named ($name) parameters."""
        cursor = self.con.execute(sql, params if isinstance(params, Mapping) else list(params))
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return _first(self.con.execute(sql, list(params)).fetchall())


def _first(rows: list[tuple[Any, ...]]) -> Any:
    return rows[0][0] if rows else None


def _mention_row(e: Event) -> list[Any]:
    # Until deduplication groups them, each mention is its own event: mention_id == event_id.
    return [
        e.event_id, e.event_id, e.doc_id, e.sent_index, e.sentence, e.char_start, e.char_end,
        e.date, e.date_precision, e.source, e.target, e.source_country, e.target_country,
        e.source_text, e.target_text, e.event_text, e.cameo, e.cameo_root, e.quad_class,
        e.goldstein, e.plover_event, e.plover_mode, e.plover_context, e.negated, e.modality,
        list(e.issues), e.confidence,
    ]  # fmt: skip
