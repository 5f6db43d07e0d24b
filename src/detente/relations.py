"""Relations between two camps of actors: the cooperation-conflict time series and the busiest dyad.

A *camp* is a list of actor or country codes, e.g. ("USA", "NATO") against ("RUS",). An event is
between two camps when its source (actor or country code) is in one and its target in the other,
in either direction. Every query is parameterised: the camps travel as DuckDB list parameters.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from detente.store import Store

FREQS = ("month", "quarter", "year")
DEFAULT_MODALITIES = ("asserted", "intended")

# The `date` column holds day ("2010-04-08"), month ("2010-04") or year ("2010") precision strings;
# a coarser date stands for the first day of its month or year.
EVENT_DATE_SQL = (
    "coalesce(TRY_CAST(date AS DATE), TRY_CAST(date || '-01' AS DATE), "
    "TRY_CAST(date || '-01-01' AS DATE))"
)

# Named parameters $side and $other (lists of codes).
BETWEEN_CAMPS_SQL = """(
    (coalesce(list_contains($side, source_country) OR list_contains($side, source), false)
     AND coalesce(list_contains($other, target_country) OR list_contains($other, target), false))
    OR
    (coalesce(list_contains($other, source_country) OR list_contains($other, source), false)
     AND coalesce(list_contains($side, target_country) OR list_contains($side, target), false))
)"""


def _camp(codes: Sequence[str], name: str) -> list[str]:
    if isinstance(codes, str):  # a bare "RUS" would otherwise become ["R", "U", "S"]
        codes = [codes]
    camp = [c.strip() for c in codes if c and c.strip()]
    if not camp:
        raise ValueError(f"{name} must name at least one actor or country code")
    return camp


def _query(store: Store, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    cursor = store.con.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def time_series(
    store: Store,
    side: Sequence[str],
    other: Sequence[str],
    freq: str = "month",
    modalities: Sequence[str] = DEFAULT_MODALITIES,
    include_negated: bool = False,
    fill: bool = False,
    cover: Sequence[str] = (),
) -> list[dict[str, Any]]:
    """Events between two camps (either direction) per period, oldest first.

    Rows: `period` (ISO date of the period's first day), `n_events`, `goldstein_sum`,
    `goldstein_mean`, `quad1`..`quad4`. Events without a readable date are left out; a month- or
    year-precision date counts in the first month of its span. Negated events and modalities other
    than `modalities` are left out unless asked for. With `fill`, periods without events between
    the first and the last one appear with zero counts (and `goldstein_mean` None), which is what a
    chart of sums needs; `cover` (ISO dates) widens that span to reach those periods too (a
    turning point in a month with statements but no event).

    Raises ValueError when a camp is empty or `freq` is not month, quarter or year.
    """
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {', '.join(FREQS)}, not {freq!r}")
    params = {
        "side": _camp(side, "side"),
        "other": _camp(other, "other"),
        "freq": freq,
        "modalities": [str(m) for m in modalities],
        "include_negated": bool(include_negated),
    }
    rows = _query(
        store,
        f"""SELECT CAST(date_trunc($freq, d) AS DATE) AS period,
                   count(*) AS n_events,
                   coalesce(sum(goldstein), 0) AS goldstein_sum,
                   avg(goldstein) AS goldstein_mean,
                   count(*) FILTER (WHERE quad_class = 1) AS quad1,
                   count(*) FILTER (WHERE quad_class = 2) AS quad2,
                   count(*) FILTER (WHERE quad_class = 3) AS quad3,
                   count(*) FILTER (WHERE quad_class = 4) AS quad4
            FROM (SELECT *, {EVENT_DATE_SQL} AS d FROM {store.events_table})
            WHERE d IS NOT NULL
              AND {BETWEEN_CAMPS_SQL}
              AND list_contains($modalities, modality)
              AND ($include_negated OR NOT coalesce(negated, false))
            GROUP BY period ORDER BY period""",
        params,
    )
    series = [_row(r) for r in rows]
    return _filled(series, freq, cover) if fill else series


def _row(r: dict[str, Any]) -> dict[str, Any]:
    return {
        "period": r["period"].isoformat(),
        "n_events": int(r["n_events"]),
        "goldstein_sum": round(float(r["goldstein_sum"]), 6),
        "goldstein_mean": None if r["goldstein_mean"] is None else round(r["goldstein_mean"], 6),
        **{f"quad{q}": int(r[f"quad{q}"]) for q in range(1, 5)},
    }


_EMPTY_PERIOD = {"n_events": 0, "goldstein_sum": 0.0, "goldstein_mean": None,
                 "quad1": 0, "quad2": 0, "quad3": 0, "quad4": 0}  # fmt: skip


_MONTHS_IN = {"month": 1, "quarter": 3, "year": 12}


def _period_of(d: date, freq: str) -> date:
    """The first day of the period holding `d`."""
    months = _MONTHS_IN[freq]
    return date(d.year, (d.month - 1) // months * months + 1, 1)


def _next_period(d: date, freq: str) -> date:
    m = d.month - 1 + _MONTHS_IN[freq]
    return date(d.year + m // 12, m % 12 + 1, 1)


def _filled(
    series: list[dict[str, Any]], freq: str, cover: Sequence[str] = ()
) -> list[dict[str, Any]]:
    if not series:
        return []
    by_period = {r["period"]: r for r in series}
    out = []
    ends = [date.fromisoformat(series[0]["period"]), date.fromisoformat(series[-1]["period"])]
    ends += [_period_of(date.fromisoformat(c), freq) for c in cover]
    d, last = min(ends), max(ends)
    while d <= last:
        key = d.isoformat()
        out.append(by_period.get(key) or {**_EMPTY_PERIOD, "period": key})
        d = _next_period(d, freq)
    return out


def busiest_dyad(store: Store) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """The unordered pair of countries with most events between them, e.g. (("NATO",), ("RUS",)).

    Events inside one country (RUS -> RUS) and events without a target are not dyads. Ties go to
    the alphabetically first pair. None when the store has no dyadic event.
    """
    row = store.con.execute(
        f"""SELECT least(source_country, target_country) AS a,
                  greatest(source_country, target_country) AS b, count(*) AS n
           FROM {store.events_table}
           WHERE coalesce(source_country, '') <> '' AND coalesce(target_country, '') <> ''
             AND source_country <> target_country
           GROUP BY a, b ORDER BY n DESC, a, b LIMIT 1"""
    ).fetchall()
    if not row:
        return None
    return (row[0][0],), (row[0][1],)
