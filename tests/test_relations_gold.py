"""Relations analysis against the hand-written cases in tests/relations_gold/ (see its README).

Each case is a small corpus run through the real pipeline; the agreement map, the commitments'
statuses and the turning points are compared with what an analyst reading only that corpus would
answer. Floors sit a little below what the analysis reaches, so a regression fails the suite;
`make eval` prints the full table with every wrong answer.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.config import Config
from detente.evaluate_relations import (
    CaseResult,
    _second_reader,
    _sentence_scores,
    evaluate_relations,
    summary,
)

CASES = Path(__file__).parent / "relations_gold"

# Share of right answers over all cases (issue 5 sets 85% for levels and statuses as goals).
# Measured on the hundred and fifty-three cases: issue levels 1345/2288, commitment statuses
# 568/1165, turning points 85 of 305 within two months. Nine cases were read while writing the
# rules and a hundred and forty-four were used to find faults after a single blind score;
# text the rules have not seen scores lower still (docs/relations.md, "How accurate it is"). The
# level floor went from 0.60 to 0.59 when set 21 joined (levels 1024/1701 = 60.2% before, 59.8%
# with it), and to 0.58 when set 26 joined (1300/2194 = 59.3% before, 1345/2288 = 58.8% with
# it); the turning-point floor went from 0.28 to 0.27 with set 26 (82 of 292 = 28.1% before, 85
# of 305 = 27.9% with it). With set 22 the statuses fell to 459/966 = 47.5% and rose back over
# the floor with the rules of the twentieth round; sets 23 to 26 joined at 487/1014, 515/1063,
# 548/1113 and 568/1165 (48.0%, 48.4%, 49.2%, 48.8%).
FLOORS = {"issue_levels": 0.58, "commitment_statuses": 0.48}
TURNING_POINTS_MATCHED = 0.27  # 85 of 305 now (27.9%)
# Of the 600 sentences readers judged one by one (sentence_labels.jsonl), the 498 that speak for
# the pair on their issue: read the same way 395 times (79%) when they were labelled, 399 (80%) now.
SENTENCES_READ_ALIKE = 0.75


@pytest.fixture(scope="module")
def results() -> list[CaseResult]:
    return evaluate_relations([CASES], Config())


def _wrong(results: list[CaseResult]) -> str:
    lines = []
    for c in results:
        lines += [f"{c.name} {p} {i}: want {w}, got {g}" for p, i, w, g in c.levels if w != g]
        lines += [f"{c.name} '{m}': want {w}, got {g}" for m, w, g in c.commitments if w != g]
    return "\n".join(lines)


def test_every_case_is_scored(results: list[CaseResult]) -> None:
    folders = sorted(p.name for p in CASES.iterdir() if (p / "expected.yaml").exists())
    assert [c.name for c in results] == folders
    assert len(folders) >= 6
    assert all(c.levels for c in results)


@pytest.mark.parametrize(("measure", "floor"), list(FLOORS.items()))
def test_relations_accuracy(results: list[CaseResult], measure: str, floor: float) -> None:
    s = summary(results)[measure]
    print(f"{measure}: {s['right']}/{s['total']}")
    assert s["total"] and s["right"] / s["total"] >= floor, _wrong(results)


def test_turning_points_are_found_near_the_expected_months(results: list[CaseResult]) -> None:
    tp = summary(results)["turning_points"]
    assert tp["expected"] and tp["matched"] / tp["expected"] >= TURNING_POINTS_MATCHED, tp


def test_second_readers_answer_the_same_questions(results: list[CaseResult]) -> None:
    """Twelve cases were answered again by a second analyst from the corpus alone; each answer
    lines up with a question of expected.yaml, and the agreement is computed from them."""
    read = [c for c in results if c.reader]
    assert len(read) == len(list(CASES.glob("*/second_reader.yaml"))) >= 12
    for c in read:
        assert len([r for r in c.reader if r[0] == "level"]) == len(c.levels)
        assert len([r for r in c.reader if r[0] == "status"]) == len(c.commitments)
        assert len([r for r in c.reader if r[0] == "turning point"]) == len(c.points_expected)
    sr = summary(results)["second_reader"]
    assert sr["issue_levels"]["total"] == sum(len(c.levels) for c in read)
    assert 0 < sr["issue_levels"]["reader"] <= sr["issue_levels"]["total"]


def test_sentences_judged_one_by_one(results: list[CaseResult]) -> None:
    """Every labelled sentence is scored once, in the period holding its date, and the tool
    reads most of those that speak for the pair as the reader did."""
    labelled = sum(
        len((p / "sentence_labels.jsonl").read_text(encoding="utf-8").splitlines())
        for p in CASES.iterdir()
        if (p / "sentence_labels.jsonl").exists()
    )
    st = summary(results)["sentences"]
    print(st)
    assert st["judged"] == labelled >= 600
    assert st["same"] / st["speaking"] >= SENTENCES_READ_ALIKE, st


def test_sentence_scores_count_each_kind() -> None:
    rows = [("trade", "common", "common"), ("trade", "apart", "common"),
            ("trade", "partial", "none"), ("energy", "none", "apart"), ("energy", "none", "none")]  # fmt: skip
    assert _sentence_scores(rows) == {"judged": 5, "speaking": 3, "same": 1, "opposite": 1,
                                      "missed": 1, "silent": 2, "counted_silent": 1}  # fmt: skip


def test_a_second_reader_out_of_order_is_an_error(tmp_path: Path) -> None:
    expected = {"maps": [], "commitments": [{"match": "to open a hotline", "status": "pledged"}]}
    (tmp_path / "second_reader.yaml").write_text(
        "maps: []\ncommitments:\n- match: to close the border\n  status: fulfilled\n"
    )
    with pytest.raises(ValueError, match="order"):
        _second_reader(expected, tmp_path / "second_reader.yaml")
    (tmp_path / "second_reader.yaml").write_text(
        "maps: []\ncommitments:\n- match: to open a hotline\n  status: fulfilled\n"
    )
    assert _second_reader(expected, tmp_path / "second_reader.yaml") == [
        ("status", "pending", "fulfilled")
    ]
