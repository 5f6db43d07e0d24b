"""Shared fixtures: one loaded pipeline per test session, and helpers to code single sentences."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from detente.config import Config
from detente.ingest import content_hash
from detente.records import Document, Event

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "examples" / "corpus"


@pytest.fixture(scope="session")
def analyser():
    from detente.pipeline import Analyser

    return Analyser(Config())


@pytest.fixture(scope="session")
def code(analyser) -> Callable[..., list[Event]]:
    """code("NATO condemned Russia.", "2014-03-20") -> the events of that text."""

    def _code(text: str, on: str | None = "2010-06-01") -> list[Event]:
        doc = Document(
            doc_id="t",
            content_hash=content_hash(text),
            text=text,
            origin="test",
            format="txt",
            date=date.fromisoformat(on) if on else None,
        )
        return list(analyser.analyse(doc, [(0, analyser.nlp(text))]).events)

    return _code


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store.duckdb"


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001
    """Print the gold-set accuracy whenever test_gold ran, even under -q."""
    d = getattr(config, "_detente_gold", None)
    if not d:
        return
    tr = terminalreporter
    tr.section("detente gold accuracy")
    det = d["detection"]
    tr.write_line(
        f"{d['sentences']} sentences, {d['gold_events']} gold events, "
        f"{d['predicted_events']} predicted"
    )
    tr.write_line(f"detection P {det['precision']:.3f} R {det['recall']:.3f} F1 {det['f1']:.3f}")
    for key in ("dyad", "root", "quad_class", "plover", "negated", "modality", "date_month",
                "no_event_false_positive_rate"):  # fmt: skip
        value = d[key]
        tr.write_line(f"{key:30} {'-' if value is None else f'{value:.3f}'}")
