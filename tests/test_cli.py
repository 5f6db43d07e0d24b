"""The command line, as a user types it."""

import csv
import io
import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.export import EVENT_FIELDS

from .conftest import CORPUS

runner = CliRunner()


def walk(group, prefix=()):  # noqa: ANN001
    import typer.main

    click_group = typer.main.get_command(group)
    for name, cmd in click_group.commands.items():
        if hasattr(cmd, "commands"):
            for sub_name, sub in cmd.commands.items():
                yield (*prefix, name, sub_name), sub
        else:
            yield (*prefix, name), cmd


def test_every_command_is_documented_with_an_example() -> None:
    commands = list(walk(app))
    assert {" ".join(n) for n, _ in commands} >= {
        "run", "export events", "export mentions", "report", "stats", "evaluate",
        "map", "turning", "export issues", "export commitments", "export relations",
        "evaluate-relations",
    }  # fmt: skip
    for name, cmd in commands:
        assert cmd.help and "Example:" in cmd.help, f"{' '.join(name)} lacks an example"
        result = runner.invoke(app, [*name, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "s.duckdb"
    files = [str(p) for p in sorted(CORPUS.glob("2010-*.txt"))[:3]]
    result = runner.invoke(app, ["run", *files, "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "3 added" in result.output
    return db


def test_export_events_jsonl_has_every_contract_field(store: Path) -> None:
    result = runner.invoke(app, ["export", "events", "--db", str(store), "--format", "jsonl"])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records
    for r in records:
        assert list(r) == EVENT_FIELDS
        assert isinstance(r["cameo"], str) and r["cameo"][:2] == r["cameo_root"]
        assert r["quad_class"] in (1, 2, 3, 4) and isinstance(r["negated"], bool)
        assert r["modality"] in ("asserted", "intended", "proposed", "hypothetical", "reported")
        assert r["mentions"] >= 1 and r["sources"] >= 1 and isinstance(r["issues"], list)
        assert r["source"] and r["target"] and r["doc_title"]


def test_export_csv_is_comma_separated_with_string_codes(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.csv"
    result = runner.invoke(
        app, ["export", "mentions", "--db", str(store), "-f", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows and set(EVENT_FIELDS) <= set(rows[0])
    assert all(len(r["cameo"]) >= 2 and r["cameo"].isdigit() for r in rows)
    assert any(r["cameo"].startswith("0") for r in rows) or all(r["cameo"][0] != "0" for r in rows)


def test_export_parquet_keeps_codes_as_strings(store: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.parquet"
    result = runner.invoke(
        app, ["export", "events", "--db", str(store), "-f", "parquet", "-o", str(out)]
    )
    assert result.exit_code == 0
    con = duckdb.connect()
    types = dict(
        con.execute(
            "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet(?))",
            [str(out)],
        ).fetchall()
    )
    assert types["cameo"] == "VARCHAR" and types["cameo_root"] == "VARCHAR"
    assert types["issues"] == "VARCHAR[]" and types["negated"] == "BOOLEAN"


def test_stats_and_report(store: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--db", str(store)])
    assert result.exit_code == 0 and "Top dyads" in result.stdout and "documents" in result.stdout
    out = tmp_path / "r.html"
    result = runner.invoke(app, ["report", "--db", str(store), "--out", str(out)])
    assert result.exit_code == 0 and out.stat().st_size > 1000


def test_bad_format_and_missing_store_are_clear_errors(store: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "events", "--db", str(store), "--format", "xml"])
    assert result.exit_code == 2 and "unknown format" in result.output
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "nope.duckdb")])
    assert result.exit_code == 2 and "no store" in result.output


def test_run_exits_nonzero_only_when_every_input_failed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    good = tmp_path / "good.txt"
    good.write_text("NATO condemned Russia on Tuesday.", encoding="utf-8")
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["run", str(empty), "--db", db])
    assert result.exit_code == 1 and "empty file" in result.output
    result = runner.invoke(app, ["run", str(empty), str(good), "--db", db, "--date", "2014-03-20"])
    assert result.exit_code == 0 and "1 added" in result.output


def test_stdin_input(tmp_path: Path) -> None:
    db = str(tmp_path / "s.duckdb")
    result = runner.invoke(app, ["run", "-", "--db", db, "--date", "2014-04-02"],
                           input="NATO suspended all practical cooperation with Russia.")  # fmt: skip
    assert result.exit_code == 0 and "1 added" in result.output


def test_unknown_model_is_a_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("NATO met Russia.", encoding="utf-8")
    result = runner.invoke(app, ["run", str(f), "--db", str(tmp_path / "s.duckdb"),
                                 "--model", "no_such_pipeline"])  # fmt: skip
    assert result.exit_code == 2 and "not installed" in result.output


def _jsonl(result) -> list[dict]:  # noqa: ANN001
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_export_filters(store: Path) -> None:
    base = ["export", "events", "--db", str(store)]
    everything = _jsonl(runner.invoke(app, base))
    threshold = sorted(r["confidence"] for r in everything)[len(everything) // 2]
    confident = _jsonl(runner.invoke(app, [*base, "--min-confidence", str(threshold)]))
    assert 0 < len(confident) < len(everything) or threshold == min(
        r["confidence"] for r in everything
    )
    assert all(r["confidence"] >= threshold for r in confident)
    assert {r["event_id"] for r in confident} <= {r["event_id"] for r in everything}
    factual = _jsonl(runner.invoke(app, [*base, "--modality", "asserted", "--exclude-negated"]))
    assert factual and all(r["modality"] == "asserted" and not r["negated"] for r in factual)
    mentions = _jsonl(runner.invoke(app, ["export", "mentions", "--db", str(store),
                                          "--modality", "asserted", "--exclude-negated"]))  # fmt: skip
    assert {m["event_id"] for m in mentions} == {r["event_id"] for r in factual}


@pytest.mark.parametrize("bad", ["bogus", "asserted') OR 1=1 --"])
def test_bad_modality_filter_is_refused(store: Path, bad: str) -> None:
    result = runner.invoke(app, ["export", "events", "--db", str(store), "--modality", bad])
    assert result.exit_code == 2 and "modalities must be among" in result.output
