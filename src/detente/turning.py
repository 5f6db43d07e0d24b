"""Turning points: months where the relation between two camps changes level.

Method (docs/relations.md): every sentence about the pair counts with the weight and sign the
agreement map gives it (a stance cue +-1, or the events it reports between the camps, each
Goldstein/10 x confidence, or its tone words; partial statements count zero), whatever issue it
is about. Their sum per month, over the months that have any, is searched with `ruptures`' PELT
(least squares) for shifts in its mean. The penalty is `penalty` (TURNING_PENALTY) x the
series' variance x log(number of months), so a flat or short series yields no turning points.
Each point comes with the mean level before and after it and the events of the months around it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from detente.agreement import sentence_evidence
from detente.config import TURNING_PENALTY
from detente.relations import BETWEEN_CAMPS_SQL, EVENT_DATE_SQL
from detente.store import Store


@dataclass(frozen=True)
class TurningPoint:
    period: str  # first month of the new level, YYYY-MM-01
    before: float  # mean monthly weight of the sentences about the pair before the point
    after: float
    events: tuple[dict[str, Any], ...]  # events in the months around the point

    @property
    def direction(self) -> str:
        return "warmer" if self.after > self.before else "colder"

    def as_dict(self) -> dict[str, Any]:
        return {"period": self.period, "before": round(self.before, 3),
                "after": round(self.after, 3), "direction": self.direction,
                "events": list(self.events)}  # fmt: skip


def turning_points(
    store: Store,
    side: Sequence[str],
    other: Sequence[str],
    penalty: float = TURNING_PENALTY,
    min_size: int = 1,
    around: int = 2,
) -> list[TurningPoint]:
    """The turning points of the relation between two camps, oldest first."""
    import numpy as np
    import ruptures

    series = monthly_evidence(store, side, other)
    if len(series) < 2 * min_size + 1:
        return []
    values = [v for _, v in series]
    signal = np.array(values).reshape(-1, 1)
    variance = float(signal.var())
    if variance == 0:
        return []
    algo = ruptures.Pelt(model="l2", min_size=min_size, jump=1).fit(signal)
    breaks = [
        b for b in algo.predict(pen=penalty * variance * math.log(len(values))) if b < len(values)
    ]
    points = []
    bounds = [0, *breaks, len(values)]
    for i, b in enumerate(breaks):
        before = values[bounds[i] : b]
        after = values[b : bounds[i + 2]]
        start = series[max(0, b - around)][0]
        end = series[min(len(series) - 1, b + around)][0]
        points.append(
            TurningPoint(
                period=series[b][0],
                before=sum(before) / len(before),
                after=sum(after) / len(after),
                events=tuple(_events_between(store, side, other, start, end)),
            )
        )
    return points


def monthly_evidence(
    store: Store, side: Sequence[str], other: Sequence[str]
) -> list[tuple[str, float]]:
    """(first day of the month, summed weight of the sentences about the pair), for the months
    that have any, oldest first."""
    months: dict[str, float] = {}
    for e in sentence_evidence(store, side, other):
        if e.date is None:
            continue
        month = e.date[:7] + "-01"
        months[month] = months.get(month, 0.0) + (0.0 if e.polarity == "partial" else e.weight)
    return sorted(months.items())


def _events_between(store: Store, side: Sequence[str], other: Sequence[str], start: str, end: str):  # noqa: ANN202
    """Events between the camps from the month `start` to the end of the month `end`."""
    return store.query(
        f"""SELECT event_id, date, source, target, cameo, goldstein, negated, modality, sentence, doc_id
            FROM (SELECT *, {EVENT_DATE_SQL} AS d FROM {store.events_table})
            WHERE {BETWEEN_CAMPS_SQL} AND d >= CAST($start AS DATE)
              AND d < CAST($end AS DATE) + INTERVAL 1 MONTH
            ORDER BY d, event_id""",
        {"side": list(side), "other": list(other), "start": start, "end": end},
    )
