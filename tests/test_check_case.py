"""tools/check_case.py: a hand-written case that follows the conventions passes, and each fault a
case writer can make is reported."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
import yaml

from detente.issues import load_taxonomy

ROOT = Path(__file__).parent.parent
CASE = ROOT / "tests" / "relations_gold" / "azerbaijan_turkey_2018_2023"


@pytest.fixture(scope="module")
def check_case():
    spec = importlib.util.spec_from_file_location("check_case", ROOT / "tools" / "check_case.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    ids = set(load_taxonomy().issues)
    return lambda folder: module.check_case(folder, ids)


@pytest.fixture
def case(tmp_path: Path) -> Path:
    folder = tmp_path / CASE.name
    folder.mkdir()
    for name in ("corpus.jsonl", "expected.yaml"):
        shutil.copy(CASE / name, folder / name)
    return folder


def _edit(folder: Path, change) -> None:
    path = folder / "expected.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")


def test_a_case_that_follows_the_conventions_passes(check_case, case: Path) -> None:
    assert check_case(case) == []


def test_documents_out_of_order_are_reported(check_case, case: Path) -> None:
    lines = (case / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    lines[0], lines[1] = lines[1], lines[0]
    (case / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert "documents are not in date order" in check_case(case)


def test_each_fault_in_the_answers_is_reported(check_case, case: Path) -> None:
    def spoil(data: dict) -> None:
        first, second = data["maps"]
        first["levels"]["no_such_issue"] = "common"
        second["levels"]["no_such_issue"] = "neutral"
        second["since"] = "2000-01-01"
        data["commitments"][0]["match"] = "words that occur nowhere in this corpus"
        data["commitments"][1]["match"] = " "  # a space occurs many times
        data["commitments"][2]["status"] = "kept"
        del data["commitments"][3]["counterpart"]
        data["turning_points"] = ["1999-01", "2020-13-01"]

    _edit(case, spoil)
    problems = "\n".join(check_case(case))
    for expected in (
        "unknown issue id 'no_such_issue'",
        "level 'neutral' not one of",
        "does not start the day after period 1 ends",
        "commitment 1: match occurs 0 times",
        "commitment 2: match occurs",
        "commitment 3: status 'kept'",
        "commitment 4: missing ['counterpart']",
        "turning point 1999-01 is outside the corpus",
        "turning point '2020-13-01' is not YYYY-MM",
    ):
        assert expected in problems, expected


def test_periods_judging_different_issues_are_reported(check_case, case: Path) -> None:
    _edit(case, lambda data: data["maps"][1]["levels"].popitem())
    assert "the periods judge different issues" in check_case(case)
