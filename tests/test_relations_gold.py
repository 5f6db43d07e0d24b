"""Relations analysis against the hand-written cases in tests/relations_gold/ (see its README).

Each case is a small corpus run through the real pipeline; the agreement map, the commitments'
statuses and the turning points are compared with what an analyst reading only that corpus would
answer. Floors sit a little below what the analysis reaches, so a regression fails the suite;
`make eval` prints the full table with every wrong answer.

Scoring all the cases cross-fitted (each read by readers trained without it) runs the pipeline on
every corpus and trains five pairs of readers: over a quarter of an hour, so those tests are
`slow` (`make test-all`, and `make eval` prints the same figures). The quick suite keeps a
regression check of the rules alone on the nine cases they were written against.
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
# Measured on the three hundred and fifteen cases, each map read by a sentence reader and each
# case's pledges by a fate reader trained without its case's labels (five folds, `make eval`): issue
# levels 3339/5004 (66.7%; 3417 with the learned level decision, `--learned-levels`,
# cross-fitted), commitment statuses 1443/2705 (53.3%), turning points 270 of 654 within two
# months (on the 309 before set 53: 3282/4896 levels, 3284 on the fiftieth round's machine,
# 1407/2646 statuses, 265 of 642;
# on the 303 before set 52: 3206/4796 levels, 1388/2587 statuses, 261 of 630;
# on the 297 before set 51: 3136/4698 levels, 1358/2528 statuses, 255 of 617;
# on the 291 before set 50: 3091/4606 levels, 1327/2469 statuses, 250 of 605;
# on the 285 before set 49: 3027/4510 levels, 1280/2410 statuses, 243 of 593;
# on the 279 before set 48: 2947/4414 levels, 1238/2351 statuses, 236 of 580;
# on the 273 before set 47: 2808/4320 levels, 1215/2293 statuses, 230 of 567;
# on the 267 before set 46: 2737/4220 levels, 1180/2235 statuses, 226 of 554;
# on the 261 before set 45: 2698/4118 levels, 1144/2176 statuses, 219 of 542;
# on the 255 before set 44: 2645/4018 levels, 1113/2117 statuses, 212 of 529;
# on the 249 before set 43: 2570/3914 levels, 1086/2057 statuses, 209 of 517;
# on the 243 before set 42: 2489/3814 levels, 1062/1999 statuses, 208 of 505;
# on the 237 before set 41: 2436/3718 levels, 1006/1940 statuses, 202 of 491,
# with a fate reading counting from 0.5, 0.3 since; on the 231 before set 40: 2370/3618 levels,
# 970/1882 statuses, 193 of 478; on the 225 before set 39: 2291/3516 levels, 948/1824 statuses, 189 of 466; on the 219
# before set 38: 2240/3418 levels, 929/1767 statuses, 186 of 453; on the 213 before set 37:
# 2170/3318 levels, 902/1711 statuses, 181 of 441; on the 207 before set 36: 2117/3210 levels,
# 868/1651 statuses, 177 of 428; on the 201 before set 35: 2055/3104 levels, 830/1595 statuses, 168
# of 413; on the 195 before set 34: 1955/3001 levels, 797/1537 statuses, 161 of 400; on the 189
# before set 33: 1912/2899 levels, 1895 before the reader read each document's tone, 777/1478
# statuses, 153 of 384; on the 183 before set 32: 1814/2797 levels, 758/1427 statuses, 149 of 370;
# on the 177 before set 31: 1754/2696 levels, statuses 723 -> 748/1375 in the twenty-eighth round,
# the rules alone 647 -> 663). Nine cases were read while writing the rules and three hundred
# joined after a single blind score; text the rules have not seen scores lower still
# (docs/relations.md, "How accurate it is"). The floors follow the cases: each blind set joins with
# no rule changed after its score, and the later sets are harder than the first. Levels: 0.60 to
# 0.59 with set 21, 0.58 with set 26, 0.57 with sets 27 and 28 (the rules alone: 1439/2496 = 57.7%
# with set 28), 0.63 with the learned reader (twenty-sixth round). Statuses: 0.48 since the
# twentieth round, 0.47 with sets 27 and 28 (609/1270 = 47.95%), 0.52 with the learned fate reader
# (twenty-seventh round), 0.51 with set 33 (20 of its 59 right when it joined). Turning points: 0.28
# to 0.27 with set 26; the twenty-fifth round's lower penalty raised them from 85 to 126 of 316,
# 0.38 with set 28.
FLOORS = {"issue_levels": 0.63, "commitment_statuses": 0.51}
TURNING_POINTS_MATCHED = 0.38  # 270 of 654 now (41.3%)
# Of the 600 sentences readers judged one by one (sentence_labels.jsonl), the 498 that speak for
# the pair on their issue: read the same way 395 times (79%) when they were labelled, 398 (80%)
# now (the rules' reading where they have one, else the cross-fitted reader's).
SENTENCES_READ_ALIKE = 0.75

# The nine cases read while the rules were written (the rows of the gold README without a set
# number), scored by the rules alone: 86/88 issue levels, 38/39 statuses, 6 of 9 turning points.
FIRST_CASES = ("reset_2009_2011", "rupture_2014", "inf_treaty", "contradictory_evidence",
               "pledges_mixed", "issue_moves", "osce_europe_2007_2015",
               "cooperation_then_cooling_2001_2008", "pledges_and_outcomes")  # fmt: skip
FIRST_FLOORS = {"issue_levels": 0.95, "commitment_statuses": 0.92}


@pytest.fixture(scope="module")
def results() -> list[CaseResult]:
    return evaluate_relations([CASES], Config(), folds=5)


@pytest.fixture(scope="module")
def rule_results() -> list[CaseResult]:
    return evaluate_relations([CASES / name for name in FIRST_CASES], Config(), use_reader=False)


@pytest.mark.parametrize(("measure", "floor"), list(FIRST_FLOORS.items()))
def test_the_rules_alone_on_the_first_cases(
    rule_results: list[CaseResult], measure: str, floor: float
) -> None:
    assert [c.name for c in rule_results] == list(FIRST_CASES)
    s = summary(rule_results)[measure]
    assert s["total"] and s["right"] / s["total"] >= floor, _wrong(rule_results)


def _wrong(results: list[CaseResult]) -> str:
    lines = []
    for c in results:
        lines += [f"{c.name} {p} {i}: want {w}, got {g}" for p, i, w, g in c.levels if w != g]
        lines += [f"{c.name} '{m}': want {w}, got {g}" for m, w, g in c.commitments if w != g]
    return "\n".join(lines)


@pytest.mark.slow
def test_every_case_is_scored(results: list[CaseResult]) -> None:
    folders = sorted(p.name for p in CASES.iterdir() if (p / "expected.yaml").exists())
    assert [c.name for c in results] == folders
    assert len(folders) >= 6
    assert all(c.levels for c in results)
    # every case's sentences are labelled, so every map was read by a reader trained without it
    assert all(c.cross_fitted for c in results)


@pytest.mark.slow
@pytest.mark.parametrize(("measure", "floor"), list(FLOORS.items()))
def test_relations_accuracy(results: list[CaseResult], measure: str, floor: float) -> None:
    s = summary(results)[measure]
    print(f"{measure}: {s['right']}/{s['total']}")
    assert s["total"] and s["right"] / s["total"] >= floor, _wrong(results)


@pytest.mark.slow
def test_turning_points_are_found_near_the_expected_months(results: list[CaseResult]) -> None:
    tp = summary(results)["turning_points"]
    assert tp["expected"] and tp["matched"] / tp["expected"] >= TURNING_POINTS_MATCHED, tp


@pytest.mark.slow
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


@pytest.mark.slow
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
