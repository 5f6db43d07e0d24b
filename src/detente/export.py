"""Exports of the store as JSONL, CSV or Parquet, with the fields fixed in the contract.

Codes stay strings ("057"), booleans stay booleans, `issues` is a list (joined by ";" in CSV).
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from detente.store import Store

EVENT_FIELDS = [
    "event_id", "doc_id", "doc_title", "doc_url", "sentence", "char_start", "char_end", "date",
    "date_precision", "source", "target", "source_country", "target_country", "source_text",
    "target_text", "event_text", "cameo", "cameo_root", "quad_class", "goldstein",
    "plover_event", "plover_mode", "plover_context", "negated", "modality", "issues",
    "confidence", "mentions", "sources",
]  # fmt: skip
FORMATS = ("jsonl", "csv", "parquet")

_EVENTS_SQL = """
    SELECT {columns} FROM {events} e LEFT JOIN documents d USING (doc_id)
    ORDER BY e.date NULLS LAST, e.doc_id, e.char_start, e.event_id"""
_MENTIONS_SQL = """
    SELECT {columns}, m.mention_id FROM {mentions} m
    JOIN (SELECT event_id, mentions, sources FROM {events}) e USING (event_id)
    LEFT JOIN documents d USING (doc_id)
    ORDER BY m.date NULLS LAST, m.doc_id, m.char_start, m.mention_id"""


def _select(prefix: str) -> str:
    columns = []
    for name in EVENT_FIELDS:
        if name == "doc_title":
            columns.append("d.title AS doc_title")
        elif name == "doc_url":
            columns.append("d.url AS doc_url")
        elif name in ("mentions", "sources"):
            columns.append(f"e.{name}")
        else:
            columns.append(f"{prefix}.{name}")
    return ", ".join(columns)


def export_sql(table: str, events: str = "events", mentions: str = "mentions") -> str:
    """The export query; `events` and `mentions` name the (possibly filtered) views to read."""
    if table == "events":
        return _EVENTS_SQL.format(columns=_select("e"), events=events)
    if table == "mentions":
        return _MENTIONS_SQL.format(columns=_select("m"), events=events, mentions=mentions)
    raise ValueError(f"unknown export {table!r}: choose events or mentions")


def iter_records(store: Store, table: str) -> Iterator[dict[str, Any]]:
    cursor = store.con.execute(export_sql(table, store.events_table, store.mentions_table))
    names = [c[0] for c in cursor.description]
    while rows := cursor.fetchmany(1000):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def export_records(store: Store, table: str, fmt: str, out: Path | None) -> int:
    """Write `table` (events or mentions) in `fmt` to `out` (standard output when None)."""
    fmt = fmt.lower()
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    sql = export_sql(table, store.events_table, store.mentions_table)
    if fmt == "parquet":
        return _parquet(store, sql, out)
    records = iter_records(store, table)
    if out is None:
        return _write_text(records, fmt, sys.stdout)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        return _write_text(records, fmt, fh)


def _write_text(records: Iterator[dict[str, Any]], fmt: str, fh: IO[str]) -> int:
    n = 0
    if fmt == "jsonl":
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
            n += 1
        return n
    writer: csv.DictWriter[str] | None = None
    for record in records:
        if writer is None:
            writer = csv.DictWriter(fh, fieldnames=list(record), lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: _csv_value(v) for k, v in record.items()})
        n += 1
    if writer is None:  # no rows: still a valid CSV with its header
        csv.writer(fh, lineterminator="\n").writerow(EVENT_FIELDS)
    return n


def _csv_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ";".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _parquet(store: Store, sql: str, out: Path | None) -> int:
    n = int(store.scalar(f"SELECT count(*) FROM ({sql})"))
    if out is not None:
        store.con.sql(sql).write_parquet(str(out))
        return n
    fd, tmp = tempfile.mkstemp(suffix=".parquet")
    os.close(fd)
    try:
        store.con.sql(sql).write_parquet(tmp)
        with open(tmp, "rb") as fh:
            shutil.copyfileobj(fh, sys.stdout.buffer)
        sys.stdout.buffer.flush()
    finally:
        os.unlink(tmp)
    return n
