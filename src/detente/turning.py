"""Turning points: months where a dyad's cooperation-conflict line changes level.

Method (docs/relations.md): the monthly Goldstein sum between the two camps (asserted and
intended events, negated ones left out, months without events at zero) is smoothed with a
centred moving average of `window` months, and `ruptures`' PELT search with a least-squares cost
finds the points where its mean shifts. The penalty is `penalty` x the series' variance x
log(number of months), so a flat or short series yields no turning points. Each point comes with
the mean level before and after it and the events of the months around it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from detente.relations import BETWEEN_CAMPS_SQL, EVENT_DATE_SQL, time_series
from detente.store import Store


@dataclass(frozen=True)
class TurningPoint:
    period: str  # first month of the new level, YYYY-MM-01
    before: float  # mean smoothed monthly Goldstein sum before the point
    after: float
    events: tuple[dict[str, Any], ...]  # events in the months around the point

    @property
    def direction(self) -> str:
        return "warmer" if self.after > self.before else "colder"

    def as_dict(self) -> dict[str, Any]:
        return {"period": self.period, "before": round(self.before, 3),
                "after": round(self.after, 3), "direction": self.direction,
                "events": list(self.events)}  # fmt: skip


def _smooth(values: list[float], window: int) -> list[float]:
    half = window // 2
    return [
        sum(values[max(0, i - half) : i + half + 1]) / len(values[max(0, i - half) : i + half + 1])
        for i in range(len(values))
    ]


def turning_points(
    store: Store,
    side: Sequence[str],
    other: Sequence[str],
    window: int = 5,
    penalty: float = 3.0,
    min_size: int = 3,
    around: int = 2,
) -> list[TurningPoint]:
    """The turning points of the relation between two camps, oldest first."""
    import numpy as np
    import ruptures

    series = time_series(store, side, other, "month", fill=True)
    if len(series) < 2 * min_size + 1:
        return []
    values = _smooth([float(r["goldstein_sum"]) for r in series], window)
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
        start = series[max(0, b - around)]["period"]
        end = series[min(len(series) - 1, b + around)]["period"]
        points.append(
            TurningPoint(
                period=series[b]["period"],
                before=sum(before) / len(before),
                after=sum(after) / len(after),
                events=tuple(_events_between(store, side, other, start, end)),
            )
        )
    return points


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
