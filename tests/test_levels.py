"""The learned level decision: what it reads of an issue, how it learns, where the map uses it
and how the cross-fitted evaluation re-decides levels with it."""

from __future__ import annotations

import json
import math
import random
from pathlib import Path

import pytest

from detente.agreement import READER_BASIS, Evidence, IssueStance, Thresholds, agreement_map
from detente.config import APART_UPTO, COMMON_FROM, Config
from detente.evaluate_relations import CaseResult, _decide_levels, level_rows
from detente.issues import load_taxonomy
from detente.levels import (
    LEVELS,
    LevelModel,
    level_features,
    load_levels,
    save_levels,
    train_levels,
)
from detente.pipeline import run
from detente.store import Store

from .test_agreement import write_corpus

TAXONOMY = load_taxonomy()
# a model that finds every issue far apart, whatever it reads
ALWAYS_APART = LevelModel([0.0, 0.0, 9.0], {})


def _evidence(polarity: str, weight: float, basis: str = "cue: common interest") -> Evidence:
    return Evidence("d1", "2010-01-01", f"a {polarity} sentence", polarity, weight, basis)


def test_features_weigh_the_rules_and_the_reader_apart() -> None:
    stance = IssueStance(
        "afghanistan", "Afghanistan", "common", 0.25,
        {"common": 1.5, "apart": 0.6, "partial": 0.0},
        (_evidence("common", 1.0), _evidence("common", 0.5),
         _evidence("apart", -0.6, f"{READER_BASIS}apart 80%")),
        climate=-0.4,
    )  # fmt: skip
    f = level_features(stance)
    assert f["rules_common"] == pytest.approx(math.log1p(1.5))
    assert f["reader_apart"] == pytest.approx(math.log1p(0.6))
    assert f["rules_apart"] == f["reader_common"] == f["rules_partial"] == 0.0
    assert f["raw_score"] == pytest.approx((1.5 - 0.6) / 2.1)
    assert f["score"] == 0.25 and f["abs_score"] == 0.25 and f["climate"] == -0.4
    assert f["iss:afghanistan"] == 1.0 and f["tone_only"] == 0.0


def test_a_model_learns_what_the_score_alone_misses(tmp_path: Path) -> None:
    """Levels that follow the score, but with a wider partial band the more of the evidence the
    reader finds partial: the model learns the band, the thresholds cannot."""
    rng = random.Random(7)

    def row() -> tuple[dict[str, float], str]:
        score, partial = rng.uniform(-1, 1), rng.uniform(0, 2)
        band = 0.3 + 0.3 * partial
        level = "common" if score > band else "apart" if score < -band else "partial"
        return {"score": score, "reader_partial": partial}, level

    train, held = [row() for _ in range(600)], [row() for _ in range(300)]
    model = train_levels(train + [({"score": 0.0}, "unknown")])  # unknown rows are left out
    right = sum(model.decide(f) == level for f, level in held)
    thresholds = Thresholds()
    by_score = sum(thresholds.level(f["score"]) == level for f, level in held)
    assert right >= 0.9 * len(held) > by_score
    save_levels(model, tmp_path / "levels.json.gz")
    again = load_levels(tmp_path / "levels.json.gz")
    assert again is not None
    assert [again.probabilities(f) for f, _ in held] == [model.probabilities(f) for f, _ in held]
    assert sum(model.probabilities(held[0][0]).values()) == pytest.approx(1.0)
    with pytest.raises(ValueError):
        LevelModel.from_json({"levels": ["apart", "common"], "bias": [0, 0], "weights": {}})
    with pytest.raises(ValueError):
        train_levels([({"score": 0.0}, "unknown")])


def test_the_learned_decision_is_shipped() -> None:
    model = load_levels()
    assert model is not None and len(model.bias) == len(LEVELS)
    assert {"score", "climate", "reader_partial", "rules_common"} <= set(model.weights)


@pytest.fixture(scope="module")
def pair_store(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("levels")
    corpus = write_corpus(
        tmp / "c.jsonl",
        [
            (
                "2009-03-01",
                "Partners",
                "Kenya and Uganda share a common interest in fighting terrorism.",
            ),
            ("2009-05-01", "Islands", "Kenya and Uganda remain far apart on Migingo island."),
            ("2009-07-01", "Accord", "Kenya and Uganda agreed to cooperate against terrorism."),
        ],
    )
    db = tmp / "s.duckdb"
    with Store(db) as store:
        run([corpus], store, Config())
    return db


def test_the_map_decides_with_the_model_when_asked_under_default_settings(
    pair_store: Path,
) -> None:
    with Store(pair_store, read_only=True) as store:

        def levels(t: Thresholds) -> dict[str, IssueStance]:
            found = agreement_map(store, TAXONOMY, ["KEN"], ["UGA"], thresholds=t,
                                  levels=ALWAYS_APART)  # fmt: skip
            return {s.issue: s for s in found}

        learned = levels(Thresholds(learned=True))
        assert learned["counter_terrorism"].level == "apart"  # the model's word, not the score's
        assert learned["counter_terrorism"].score > COMMON_FROM
        assert all(s.level in ("apart", "unknown") for s in learned.values() if not s.from_climate)
        for s in learned.values():
            if s.from_climate:  # named without a stance: the climate's level, as before
                assert s.level == Thresholds().level(s.score)
        # by default, or with other thresholds, lean or the rules alone: the thresholds decide
        asked = {"learned": True}
        for t in (Thresholds(), Thresholds(0.2, APART_UPTO, **asked), Thresholds(prior=0, **asked),
                  Thresholds(reader=False, **asked), Thresholds(climate=False, **asked)):  # fmt: skip
            assert not t.learned_levels
            assert levels(t)["counter_terrorism"].level == "common"
        assert Thresholds(learned=True).learned_levels
        assert levels(Thresholds())["counter_terrorism"].climate is not None


def test_cross_fitted_levels_are_redecided_where_an_issue_has_evidence() -> None:
    inputs = {"score": 0.6}
    result = CaseResult(
        "case",
        levels=[("p", "terrorism", "common", "common"), ("p", "syria", "apart", "unknown")],
        level_inputs=[(inputs, "common"), None],
    )
    assert level_rows([result]) == [(inputs, "common")]
    _decide_levels(result, ALWAYS_APART, adopt=False)  # kept beside the thresholds' levels
    assert result.learned == ["apart", None]
    assert [got for *_, got in result.levels] == ["common", "unknown"]
    assert [got for *_, got in result.learned_levels()] == ["apart", "unknown"]
    _decide_levels(result, ALWAYS_APART, adopt=True)
    assert [got for *_, got in result.levels] == ["apart", "unknown"]
    assert [got for *_, got in result.thresholds_levels()] == ["common", "unknown"]


def test_the_cli_marks_levels_weighed_otherwise_than_the_score(
    pair_store: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    import detente.levels
    from detente.cli import app

    monkeypatch.setattr(detente.levels, "_shipped", lambda: ALWAYS_APART)

    args = ["--db", str(pair_store), "--side", "KEN", "--other", "UGA"]
    exported = {}
    for flag in ("--learned-levels", "--score-levels"):
        result = CliRunner().invoke(app, ["export", "issues", *args, flag])
        assert result.exit_code == 0, result.output
        exported[flag] = {s["issue"]: s for s in json.loads(result.output)}
    by_score = Thresholds()
    for s in exported["--score-levels"].values():
        if s["level"] != "unknown" and not s["from_climate"]:
            assert s["level"] == by_score.level(s["score"])
    differ = [i for i, s in exported["--learned-levels"].items()
              if s["level"] != exported["--score-levels"][i]["level"]]  # fmt: skip
    assert "counter_terrorism" in differ  # common by its score, apart by the model
    assert exported["--learned-levels"]["counter_terrorism"]["level"] == "apart"
    for flag in ("--learned-levels", "--score-levels"):
        result = CliRunner().invoke(app, ["map", *args, flag], env={"COLUMNS": "250"})
        assert result.exit_code == 0, result.output
        assert ("(weighed)" in result.output) == (flag == "--learned-levels")


def test_the_report_says_when_the_level_was_weighed_otherwise() -> None:
    from detente.report import _level_cell

    evidence = (_evidence("common", 1.0), _evidence("common", 0.5))
    balance = {"common": 1.5, "apart": 0.0, "partial": 0.0}
    by_score = IssueStance("arms_control", "Arms control", "common", 0.5, balance, evidence)
    weighed = IssueStance("arms_control", "Arms control", "partial", 0.5, balance, evidence)
    assert "learned level decision" not in _level_cell(by_score)["title"]
    title = _level_cell(weighed)["title"]
    assert title.startswith("partial: score +0.50, 1 sentence")
    assert "weighed its evidence as partial (by the score alone: common interest)" in title
