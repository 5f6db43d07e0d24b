"""A learned level decision for the agreement map: common, partial or apart from all the map knows
of an issue, not from its score alone.

The score (P - N) / (P + N + 2Q) against two thresholds throws away how much evidence there is and
where it came from: ten sentences the rules read as common and three the sentence reader reads as
partial are not the same as two and one. This model weighs the issue's score, before and after it
leans toward the period's climate, and how far it is from zero, the climate itself, the weight of
common, partial and apart evidence from the rules and from the sentence reader (each as
log(1 + weight)), whether tone words alone speak, and the issue, in one multinomial logistic
regression. It is trained (`tools/train_levels.py`) on the development cases' expected levels,
from maps read with sentence readers that did not see those cases' labels, and shipped as a data
file of weights; applying it needs only the standard library.

It is off by default (`detente map --learned-levels` turns it on): cross-fitted on the
development cases it gets more levels right than the thresholds, but on the blind sets, text the
rules were never tuned on, it does not (docs/relations.md). When on, it decides the level of an
issue with evidence of its own; an issue without evidence stays unknown, one named without a
stance keeps the climate's level, and a map with other thresholds, another climate weight or the
rules alone decides by the thresholds (`Thresholds.learned_levels`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.reader import READING, read_weights, shipped_weights, write_weights

if TYPE_CHECKING:
    from detente.agreement import IssueStance

LEVELS = ("common", "partial", "apart")
SHIPPED = "levels.json.gz"
L2 = 1.0  # the penalty on squared weights


def level_features(stance: IssueStance) -> dict[str, float]:
    """What the model reads of an issue's stance on the map: its evidence, balance and score,
    and the period's climate."""
    sums = {f"{source}_{polarity}": 0.0 for source in ("rules", "reader") for polarity in LEVELS}
    for e in stance.evidence:
        if e.polarity in LEVELS:
            source = "reader" if e.basis.startswith(READING) else "rules"
            sums[f"{source}_{e.polarity}"] += abs(e.weight)
    b = stance.balance
    units = b["common"] + b["apart"] + 2 * b["partial"]
    out = {name: math.log1p(total) for name, total in sums.items()}
    out["score"] = stance.score or 0.0
    out["abs_score"] = abs(out["score"])  # so that partial can hold the middle of the scale
    out["raw_score"] = (b["common"] - b["apart"]) / units if units else 0.0
    out["climate"] = stance.climate or 0.0
    out["tone_only"] = float(bool(stance.evidence) and all(e.by_tone for e in stance.evidence))
    out[f"iss:{stance.issue}"] = 1.0
    return out


@dataclass(frozen=True)
class LevelModel:
    """A bias per level and, per feature, a weight per level (in the order of `LEVELS`)."""

    bias: Sequence[float]
    weights: Mapping[str, Sequence[float]]

    def probabilities(self, features: Mapping[str, float]) -> dict[str, float]:
        z = list(self.bias)
        for name, value in features.items():
            for k, w in enumerate(self.weights.get(name, ())):
                z[k] += w * value
        top = max(z)
        e = [math.exp(x - top) for x in z]
        total = sum(e)
        return {level: x / total for level, x in zip(LEVELS, e, strict=True)}

    def decide(self, features: Mapping[str, float]) -> str:
        p = self.probabilities(features)
        return max(LEVELS, key=p.__getitem__)

    def relevel(self, stance: IssueStance) -> IssueStance:
        """`stance` at the level the model gives it, if it has evidence of its own."""
        if stance.level == "unknown" or stance.from_climate:
            return stance
        return replace(stance, level=self.decide(level_features(stance)))

    def to_json(self) -> dict[str, Any]:
        return {"levels": list(LEVELS), "bias": list(self.bias),
                "weights": {f: list(w) for f, w in self.weights.items()}}  # fmt: skip

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LevelModel:
        if list(data["levels"]) != list(LEVELS):
            raise ValueError(f"a level model for {data['levels']}, not {list(LEVELS)}")
        return cls(data["bias"], data["weights"])


def train_levels(rows: Sequence[tuple[Mapping[str, float], str]]) -> LevelModel:
    """A multinomial L2 logistic regression from issue features to the expected level, over
    `rows` of (features, level); rows with a level outside `LEVELS` are left out."""
    import numpy as np

    from detente.reader import _fit

    rows = [(f, level) for f, level in rows if level in LEVELS]
    if not rows:
        raise ValueError("no rows with a level to learn from")
    names = sorted({name for f, _ in rows for name in f})
    x = np.array([[f.get(name, 0.0) for name in names] for f, _ in rows])
    y = np.zeros((len(rows), len(LEVELS)))
    y[np.arange(len(rows)), [LEVELS.index(level) for _, level in rows]] = 1
    theta = _fit(x, y, binary=False, l2=L2)
    return LevelModel(
        [round(float(v), 4) for v in theta[0]],
        {name: [round(float(v), 4) for v in theta[1 + j]] for j, name in enumerate(names)},
    )


def load_levels(path: Path | None = None) -> LevelModel | None:
    """The level model in `path`, or the one shipped with detente; None when none is shipped."""
    if path is not None:
        return LevelModel.from_json(read_weights(path))
    return _shipped()


def save_levels(model: LevelModel, path: Path) -> None:
    """`model` as JSON in `path` (see `detente.reader.write_weights`)."""
    write_weights(model.to_json(), path)


@cache
def _shipped() -> LevelModel | None:
    data = shipped_weights(SHIPPED)
    return LevelModel.from_json(data) if data is not None else None
