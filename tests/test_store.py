"""The store end to end: runs are idempotent, failures are recorded, kills leave whole documents."""

import json
import multiprocessing as mp
import os
import shutil
import signal
import time
from pathlib import Path

import duckdb
import pytest

from detente.config import Config
from detente.errors import StoreError
from detente.pipeline import run
from detente.store import SCHEMA_VERSION, Store

from .conftest import CORPUS

SAMPLE = sorted(p for p in CORPUS.glob("*.txt"))[:4]


def counts(db: Path) -> dict[str, int]:
    with Store(db, read_only=True) as s:
        return {
            t: s.scalar(f"SELECT count(*) FROM {t}")  # noqa: S608 - fixed table names
            for t in ("documents", "sentences", "actor_mentions", "mentions", "failures")
        }


def test_run_stores_documents_events_and_offsets(db_path: Path) -> None:
    with Store(db_path) as store:
        summary = run(SAMPLE, store, Config())
        assert summary.added == len(SAMPLE) and summary.failed == 0 and summary.events > 0
        rows = store.query(
            "SELECT m.sentence, m.char_start, m.char_end, d.text FROM mentions m "
            "JOIN documents d USING (doc_id)"
        )
    assert rows
    for r in rows:  # offsets locate the sentence in the stored document text
        assert r["text"][r["char_start"] : r["char_end"]] == r["sentence"]


def test_second_run_adds_nothing(db_path: Path) -> None:
    with Store(db_path) as store:
        run(SAMPLE, store, Config())
        first_ids = {r["event_id"] for r in store.query("SELECT event_id FROM events")}
    before = counts(db_path)
    with Store(db_path) as store:
        summary = run(SAMPLE, store, Config())
        assert summary.added == 0 and summary.skipped == len(SAMPLE)
        again = {r["event_id"] for r in store.query("SELECT event_id FROM events")}
    assert counts(db_path) == before
    assert again == first_ids


def test_event_ids_are_stable_across_stores(tmp_path: Path) -> None:
    ids = []
    for name in ("a.duckdb", "b.duckdb"):
        with Store(tmp_path / name) as store:
            run(SAMPLE[:2], store, Config())
            ids.append(sorted(r["event_id"] for r in store.query("SELECT event_id FROM mentions")))
    assert ids[0] and ids[0] == ids[1]


def test_bad_file_is_recorded_and_the_rest_stored(tmp_path: Path, db_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    for p in SAMPLE[:2]:
        shutil.copy(p, corpus / p.name)
    (corpus / "zz-corrupt.pdf").write_bytes(b"%PDF-1.7\n garbage")
    (corpus / "zz-empty.txt").write_bytes(b"")
    with Store(db_path) as store:
        summary = run([corpus], store, Config())
        failures = {Path(r["origin"]).name: r["reason"]
                    for r in store.query("SELECT * FROM failures")}  # fmt: skip
    assert summary.added == 2 and summary.failed == 2 and not summary.all_failed
    assert "unreadable PDF" in failures["zz-corrupt.pdf"]
    assert failures["zz-empty.txt"] == "empty file"
    before = counts(db_path)
    with Store(db_path) as store:  # the failures are not added twice either
        run([corpus], store, Config())
    assert counts(db_path) == before


def test_every_input_failing_is_reported(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "e.txt").write_bytes(b"")
    with Store(db_path) as store:
        assert run([tmp_path / "e.txt"], store, Config()).all_failed


def test_schema_version_is_checked(db_path: Path) -> None:
    Store(db_path).close()
    con = duckdb.connect(str(db_path))
    con.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", [str(SCHEMA_VERSION + 1)])
    con.close()
    with pytest.raises(StoreError, match="schema version"):
        Store(db_path)


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "none.duckdb", read_only=True)


def _slow_run(db: str, paths: list[str], ready: str) -> None:
    """A run that signals after its first batch is written, then keeps going slowly."""
    from detente import pipeline

    original = Store.write

    def write(self, analyses, failures, run_id, model):  # noqa: ANN001
        original(self, analyses, failures, run_id, model)
        Path(ready).touch()
        time.sleep(30)

    Store.write = write  # type: ignore[method-assign]
    with Store(db) as store:
        pipeline.run(paths, store, Config(batch_size=2))


@pytest.mark.skipif(not hasattr(os, "kill"), reason="needs POSIX signals")
def test_killed_run_is_completed_by_the_next(tmp_path: Path, db_path: Path) -> None:
    paths = [str(p) for p in sorted(CORPUS.glob("*.txt"))[:6]]
    ready = tmp_path / "ready"
    proc = mp.get_context("spawn").Process(target=_slow_run, args=(str(db_path), paths, str(ready)))
    proc.start()
    deadline = time.monotonic() + 120
    while not ready.exists() and time.monotonic() < deadline and proc.is_alive():
        time.sleep(0.1)
    assert ready.exists(), "the run never wrote its first batch"
    os.kill(proc.pid, signal.SIGKILL)
    proc.join()
    partial = counts(db_path)
    assert 0 < partial["documents"] < len(paths)
    with Store(db_path) as store:
        summary = run(paths, store, Config())
        assert summary.skipped == partial["documents"]
        assert summary.added == len(paths) - partial["documents"]
        dupes = store.scalar(
            "SELECT count(*) FROM (SELECT content_hash FROM documents GROUP BY 1 HAVING count(*) > 1)"
        )
    assert dupes == 0
    with Store(tmp_path / "clean.duckdb") as clean:
        run(paths, clean, Config())
    assert counts(db_path) == counts(tmp_path / "clean.duckdb")


def test_metadata_round_trips(tmp_path: Path, db_path: Path) -> None:
    f = tmp_path / "c.jsonl"
    f.write_text(json.dumps({"id": "x1", "text": "NATO met Russia in Brussels.", "section": "Europe",
                             "date": "2016-04-20"}) + "\n", encoding="utf-8")  # fmt: skip
    with Store(db_path) as store:
        run([f], store, Config())
        [doc] = store.query("SELECT doc_id, metadata, date FROM documents")
    assert doc["doc_id"] == "x1" and json.loads(doc["metadata"]) == {"section": "Europe"}
    assert str(doc["date"]) == "2016-04-20"


def test_long_documents_are_parsed_in_chunks_with_true_offsets(
    tmp_path: Path, db_path: Path
) -> None:
    paragraphs = [
        f"On day {i}, NATO condemned Russia over the exercises near the border." for i in range(40)
    ]
    f = tmp_path / "long.txt"
    f.write_text("\n\n".join(paragraphs), encoding="utf-8")
    with Store(db_path) as store:
        summary = run([f], store, Config(chunk_chars=300))
        rows = store.query(
            "SELECT s.text AS sentence, s.char_start, s.char_end, d.text FROM sentences s "
            "JOIN documents d USING (doc_id) ORDER BY s.sent_index"
        )
    assert summary.events == 40  # one NATO -> RUS event per paragraph, none lost at the cuts
    assert [r["sentence"] for r in rows] == paragraphs
    for r in rows:
        assert r["text"][r["char_start"] : r["char_end"]] == r["sentence"]


def test_corpus_without_any_event_is_stored(tmp_path: Path, db_path: Path) -> None:
    # A commentary that states positions but reports no dyadic act: nothing to deduplicate.
    doc = {"id": "calm-1", "date": "2015-03-02", "title": "A quiet week", "source": "Test",
           "text": "The weather in the capital stayed mild all week. Markets were closed on Monday."}  # fmt: skip
    path = tmp_path / "calm.jsonl"
    path.write_text(json.dumps(doc) + "\n", encoding="utf-8")
    with Store(db_path) as store:
        summary = run([path], store, Config())
        assert summary.failed == 0
        assert store.query("SELECT count(*) AS n FROM documents")[0]["n"] == 1
        assert store.query("SELECT count(*) AS n FROM mentions")[0]["n"] == 0
