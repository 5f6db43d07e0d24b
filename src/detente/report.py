"""The HTML report: one self-contained file (inline CSS, inline SVG chart, no network) per store.

Everything from the store is untrusted text and goes through Jinja2 with autoescape on. The one
exception is the chart: SVG produced by vl-convert from our own Vega-Lite spec, marked safe here.
The output depends only on the store (and `generated`, when given), so rendering twice gives the
same bytes.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from detente import __version__
from detente.codebook import load_codebook
from detente.relations import BETWEEN_CAMPS_SQL, EVENT_DATE_SQL, busiest_dyad, time_series
from detente.stats import root_counts, top_dyads
from detente.store import Store

log = logging.getLogger(__name__)

OTHER_EVENTS_LIMIT = 300
QUADS = {
    1: ("Verbal cooperation", "q1"),
    2: ("Material cooperation", "q2"),
    3: ("Verbal conflict", "q3"),
    4: ("Material conflict", "q4"),
}
# Cooperation in blue/green, conflict in orange/red; the same colours as the CSS classes q1..q4.
QUAD_COLOURS = {1: "#4a90c8", 2: "#2e9e6a", 3: "#f0a03c", 4: "#d1432b"}
CHART_WIDTH = 1040  # plot area in px; the SVG scales to the page width
MIN_BAR_PX = 3

Camps = tuple[tuple[str, ...], tuple[str, ...]]


# -- public API ----------------------------------------------------------------------------------


def render_report(
    store: Store,
    side: Sequence[str] = (),
    other: Sequence[str] = (),
    generated: str | None = None,
) -> str:
    """The report as one HTML string.

    `side` and `other` choose the dyad for the chart and the first events table; when both are
    empty the busiest country pair is used, and when only one is given its most frequent
    counterpart. `generated` (e.g. a timestamp) is printed in the footer when given; without it
    the output depends on the store alone.
    """
    camps = _choose_camps(store, _as_camp(side), _as_camp(other))
    context = {
        "version": __version__,
        "generated": generated,
        "header": _header(store),
        "overview": _overview(store),
        "dyads": _top_dyads(store, camps),
        "dyad": _dyad(store, camps),
        "events": _events(store, camps),
        "failures": store.query("SELECT origin, reason FROM failures ORDER BY origin"),
        "quads": [{"n": q, "label": label, "cls": cls} for q, (label, cls) in QUADS.items()],
    }
    return _env().get_template("report.html.j2").render(**context)


def write_report(
    store: Store, out: Path, side: Sequence[str] = (), other: Sequence[str] = ()
) -> None:
    """Render the report and write it to `out` as UTF-8."""
    out = Path(out)
    if out.parent != Path():
        out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_report(store, side, other), encoding="utf-8")
    log.info("report written to %s", out)


# -- template environment ------------------------------------------------------------------------


@cache
def _env() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("detente", "templates"),
        autoescape=True,  # every value is escaped unless it is Markup (only the chart SVG is)
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


# -- choosing the dyad ---------------------------------------------------------------------------


def _as_camp(codes: Sequence[str]) -> tuple[str, ...]:
    if isinstance(codes, str):  # "RUS", not ("R", "U", "S")
        codes = [codes]
    return tuple(c.strip() for c in codes if c and c.strip())


def _choose_camps(store: Store, side: tuple[str, ...], other: tuple[str, ...]) -> Camps | None:
    if side and other:
        return side, other
    if not side and not other:
        return busiest_dyad(store)
    given = side or other
    partner = _busiest_partner(store, given)
    if partner is None:
        return None
    return (given, (partner,)) if side else ((partner,), given)


def _busiest_partner(store: Store, camp: tuple[str, ...]) -> str | None:
    """The country most often on the other end of events with `camp`."""
    row = store.con.execute(
        f"""SELECT partner, count(*) AS n FROM (
               SELECT CASE WHEN list_contains($camp, source_country) OR list_contains($camp, source)
                           THEN target_country ELSE source_country END AS partner
               FROM {store.events_table}
               WHERE coalesce(list_contains($camp, source_country)
                              OR list_contains($camp, source), false)
                  <> coalesce(list_contains($camp, target_country)
                              OR list_contains($camp, target), false))
           WHERE coalesce(partner, '') <> ''
           GROUP BY partner ORDER BY n DESC, partner LIMIT 1""",
        {"camp": list(camp)},
    ).fetchall()  # fetch all: DuckDB refuses new work on a half-read result
    return row[0][0] if row else None


def _camp_label(camp: Sequence[str]) -> str:
    return " + ".join(camp)


# -- sections ------------------------------------------------------------------------------------


def _header(store: Store) -> dict[str, Any]:
    q = store.scalar
    first, last = q("SELECT min(date) FROM documents"), q("SELECT max(date) FROM documents")
    return {
        "counts": [
            ("documents", q("SELECT count(*) FROM documents")),
            ("sentences", q("SELECT count(*) FROM sentences")),
            ("events", q(f"SELECT count(*) FROM {store.events_table}")),
            ("event mentions", q(f"SELECT count(*) FROM {store.mentions_table}")),
            ("failed inputs", q("SELECT count(*) FROM failures")),
        ],
        "first": first.isoformat() if first else None,
        "last": last.isoformat() if last else None,
        "undated": q("SELECT count(*) FROM documents WHERE date IS NULL"),
    }


def _overview(store: Store) -> dict[str, Any]:
    years = store.query(
        """SELECT CAST(year(date) AS VARCHAR) AS label, count(*) AS n FROM documents
           GROUP BY ALL ORDER BY label NULLS LAST"""
    )
    for y in years:
        y["label"] = y["label"] or "undated"
    formats = store.query(
        "SELECT coalesce(format, '?') AS label, count(*) AS n FROM documents "
        "GROUP BY ALL ORDER BY n DESC, label"
    )
    sources = store.query(
        """SELECT coalesce(nullif(trim(source), ''), '(not given)') AS label, count(*) AS n
           FROM documents GROUP BY ALL ORDER BY n DESC, label LIMIT 12"""
    )
    n_sources = store.scalar(
        "SELECT count(DISTINCT source) FROM documents WHERE nullif(trim(source), '') IS NOT NULL"
    )
    roots = root_counts(store)
    cb = load_codebook()
    for r in roots:
        root = r["cameo_root"]
        r["cls"] = QUADS[cb[root].quad_class][1] if root in cb else ""
        r["label"] = f"{root} {r['name']}".strip()
    return {
        "years": _with_bars(years),
        "formats": _with_bars(formats),
        "sources": _with_bars(sources),
        "n_sources": n_sources,
        "roots": _with_bars(roots),
    }


def _with_bars(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Add `pct` (share of the largest `n`) for the inline CSS bars."""
    top = max((r["n"] for r in rows), default=0) or 1
    for r in rows:
        r["pct"] = round(100 * r["n"] / top, 1)
    return rows


def _top_dyads(store: Store, camps: Camps | None) -> list[dict[str, Any]]:
    rows = top_dyads(store, limit=15)
    chosen = set(camps[0]) | set(camps[1]) if camps else set()
    for r in rows:
        n = r["n"] or 1
        r["coop_pct"] = round(100 * r["coop"] / n, 1)
        r["conflict_pct"] = round(100 * r["conflict"] / n, 1)
        r["goldstein"] = _signed(r["goldstein_mean"])
        r["tone"] = _tone(r["goldstein_mean"])
        r["chosen"] = bool(chosen) and {r["source_country"], r["target_country"]} <= chosen
    return rows


def _dyad(store: Store, camps: Camps | None) -> dict[str, Any] | None:
    if camps is None:
        return None
    side, other = camps
    monthly = time_series(store, side, other, "month", fill=True)
    yearly = time_series(store, side, other, "year")
    for r in (*monthly, *yearly):
        r["coop"] = r["quad1"] + r["quad2"]
        r["conflict"] = r["quad3"] + r["quad4"]
        r["sum"] = _signed(r["goldstein_sum"])
        r["mean"] = _signed(r["goldstein_mean"])
        r["tone"] = _tone(r["goldstein_mean"])
    n = sum(r["n_events"] for r in yearly)
    total = sum(r["goldstein_sum"] for r in yearly)
    mean = total / n if n else None
    return {
        "side": _camp_label(side),
        "other": _camp_label(other),
        "n_counted": n,
        "coop": sum(r["coop"] for r in yearly),
        "conflict": sum(r["conflict"] for r in yearly),
        "mean": _signed(mean),
        "tone": _tone(mean),
        "first": monthly[0]["period"][:7] if monthly else None,
        "last": monthly[-1]["period"][:7] if monthly else None,
        "n_all": _count_between(store, camps),
        "chart": _chart_svg(monthly) if monthly else None,
        "months": [{**r, "label": r["period"][:7]} for r in monthly if r["n_events"]],
        "years": [{**r, "label": r["period"][:4]} for r in yearly],
    }


def _count_between(store: Store, camps: Camps) -> int:
    row = store.con.execute(
        f"SELECT count(*) FROM {store.events_table} WHERE {BETWEEN_CAMPS_SQL}",
        {"side": list(camps[0]), "other": list(camps[1])},
    ).fetchall()
    return int(row[0][0]) if row else 0


def _signed(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:+.1f}".replace("-", "−")


def _tone(value: float | None) -> str:
    if value is None or abs(value) < 0.05:
        return "neutral"
    return "coop" if value > 0 else "conflict"


# -- the chart -----------------------------------------------------------------------------------


def _chart_svg(monthly: list[dict[str, Any]]) -> Markup:
    """Goldstein sum per month (line) over quad-class counts per month (stacked bars), as SVG."""
    import altair as alt
    import vl_convert

    x = alt.X(
        "period:T",
        timeUnit="utcyearmonth",
        title=None,
        axis=alt.Axis(labelAngle=0, grid=False, labelOverlap=True),
    )
    chart = (
        alt.vconcat(_goldstein_panel(alt, x, monthly), _quad_panel(alt, x, monthly), spacing=18)
        .resolve_scale(x="shared")
        .configure(font="Helvetica, Arial, sans-serif", background="#ffffff")
        .configure_view(stroke=None)
        .configure_title(anchor="start", fontSize=13, fontWeight="normal", color="#3b4450")
        .configure_axis(
            labelColor="#4b5563",
            titleColor="#4b5563",
            gridColor="#eceff3",
            domainColor="#9aa3ad",
            tickColor="#9aa3ad",
            labelFontSize=11,
            titleFontSize=11,
        )
        .configure_legend(labelFontSize=11, symbolType="square", labelColor="#374151")
    )
    svg = vl_convert.vegalite_to_svg(chart.to_dict())
    # vl-convert's own output from our spec (store texts never enter it): the one trusted value.
    return Markup(svg)


def _goldstein_panel(alt: Any, x: Any, monthly: list[dict[str, Any]]) -> Any:
    line = [
        {"period": r["period"], "goldstein": r["goldstein_sum"], "n": r["n_events"]}
        for r in monthly
    ]
    y = alt.Y("goldstein:Q", title="Goldstein sum")
    zero = alt.Chart(alt.Data(values=[{"y": 0}])).mark_rule(color="#8a8f98", strokeDash=[3, 3])
    sums = alt.Chart(alt.Data(values=line)).mark_line(color="#27313d", strokeWidth=1.6)
    points = alt.Chart(alt.Data(values=[r for r in line if r["n"]])).mark_point(
        filled=True, size=22, color="#27313d"
    )
    return alt.layer(
        zero.encode(y="y:Q"), sums.encode(x=x, y=y), points.encode(x=x, y=y)
    ).properties(
        width=CHART_WIDTH,
        height=190,
        title="Goldstein sum per month (cooperation > 0 > conflict)",
    )


def _quad_panel(alt: Any, x: Any, monthly: list[dict[str, Any]]) -> Any:
    labels = [label for label, _ in QUADS.values()]
    bars = [
        {"period": r["period"], "quad": QUADS[q][0], "order": q, "n": r[f"quad{q}"]}
        for r in monthly
        for q in QUADS
        if r[f"quad{q}"]
    ]
    # Over decades a month is narrower than a pixel or two: keep single events visible.
    thin = CHART_WIDTH / len(monthly) < MIN_BAR_PX
    return (
        alt.Chart(alt.Data(values=bars))
        .mark_bar(**({"width": MIN_BAR_PX} if thin else {}))
        .encode(
            x=x,
            y=alt.Y("sum(n):Q", title="events", axis=alt.Axis(tickMinStep=1)),
            color=alt.Color(
                "quad:N",
                title=None,
                scale=alt.Scale(domain=labels, range=list(QUAD_COLOURS.values())),
                legend=alt.Legend(orient="bottom", direction="horizontal"),
            ),
            order=alt.Order("order:Q"),
        )
        .properties(width=CHART_WIDTH, height=130, title="Events per month by quad class")
    )


# -- events with evidence ------------------------------------------------------------------------

_EVENT_SQL = f"""
    SELECT e.*, d.doc_title, d.doc_url, d.doc_date, d.doc_source
    FROM (SELECT *, {EVENT_DATE_SQL} AS ev_date FROM {{table}} WHERE {{where}}) e
    LEFT JOIN (SELECT doc_id, title AS doc_title, url AS doc_url, date AS doc_date,
                      source AS doc_source FROM documents) d USING (doc_id)
    ORDER BY {{order}} LIMIT $limit"""


def _events(store: Store, camps: Camps | None) -> dict[str, Any]:
    params = {
        "side": list(camps[0]) if camps else [],
        "other": list(camps[1]) if camps else [],
    }
    dyad_rows = _query(
        store,
        _EVENT_SQL.format(
            table=store.events_table,
            where=BETWEEN_CAMPS_SQL,
            order="ev_date NULLS LAST, doc_id, char_start, event_id",
        ),
        {**params, "limit": 2**62},
    )
    other_rows = _query(
        store,
        _EVENT_SQL.format(
            table=store.events_table,
            where=f"NOT {BETWEEN_CAMPS_SQL}",
            order="ev_date DESC NULLS LAST, doc_id, char_start, event_id",
        ),
        {**params, "limit": OTHER_EVENTS_LIMIT},
    )
    n_other = store.con.execute(
        f"SELECT count(*) FROM {store.events_table} WHERE NOT {BETWEEN_CAMPS_SQL}", params
    ).fetchall()
    return {
        "dyad": [_event_row(r) for r in dyad_rows],
        "other": [_event_row(r) for r in other_rows],
        "n_other": int(n_other[0][0]) if n_other else 0,
        "limit": OTHER_EVENTS_LIMIT,
    }


def _query(store: Store, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    cursor = store.con.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _event_row(r: dict[str, Any]) -> dict[str, Any]:
    cb = load_codebook()
    code = r["cameo"] or ""
    name = cb[code].name if code in cb else ""
    if name.isupper():  # root names are upper case in the codebook
        name = name.capitalize()
    quad = r["quad_class"] if r["quad_class"] in QUADS else None
    url = (r["doc_url"] or "").strip()
    return {
        "date": r["date"] or "undated",
        "source": r["source"] or "",
        "target": r["target"] or "",
        "source_text": r["source_text"] or "",
        "target_text": r["target_text"] or "",
        "cameo": code,
        "cameo_name": name,
        "quad": quad,
        "quad_label": QUADS[quad][0] if quad else "",
        "quad_cls": QUADS[quad][1] if quad else "",
        "goldstein": _signed(r["goldstein"]),
        "tone": _tone(r["goldstein"]),
        "negated": bool(r["negated"]),
        "modality": r["modality"] or "",
        "confidence": f"{r['confidence']:.2f}" if r["confidence"] is not None else "–",
        "issues": [i.replace("_", " ") for i in (r["issues"] or [])],
        "mentions": r["mentions"],
        "sources": r["sources"],
        "segments": highlight(
            r["sentence"] or "",
            [(r["source_text"], "src"), (r["target_text"], "tgt"), (r["event_text"], "evt")],
        ),
        "doc_id": r["doc_id"],
        "doc_title": r["doc_title"] or r["doc_id"],
        "doc_date": r["doc_date"].isoformat() if r["doc_date"] else "",
        "doc_source": r["doc_source"] or "",
        # Only web addresses become links: no javascript:, data: or file: from the corpus.
        "doc_url": url if re.match(r"https?://", url, re.IGNORECASE) else None,
        "doc_url_text": url,
    }


def highlight(sentence: str, words: Sequence[tuple[str | None, str]]) -> list[tuple[str, str]]:
    """Split `sentence` into (text, css class) segments; the class is "" outside highlighted words.

    Each phrase is looked up as a whole (exact case first, then any case), else word by word, and
    never over a stretch already taken. The segments are plain text: the template escapes each
    one, so no markup from the sentence can reach the page.
    """
    spans: list[tuple[int, int, str]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e, _ in spans)

    def find(phrase: str) -> tuple[int, int] | None:
        # Whole words first ("Russia" not inside "Russian"), exact case before any case.
        escaped = re.escape(phrase)
        for pattern in (rf"(?<!\w){escaped}(?!\w)", escaped):
            for flags in (0, re.IGNORECASE):
                for m in re.finditer(pattern, sentence, flags):
                    if free(m.start(), m.end()):
                        return m.start(), m.end()
        return None

    for phrase, cls in words:
        phrase = (phrase or "").strip()
        if not phrase:
            continue
        found = find(phrase)
        if found:
            spans.append((*found, cls))
            continue
        for word in re.findall(r"\w[\w'-]*", phrase):
            if len(word) > 2 and (found := find(word)):
                spans.append((*found, cls))
    segments: list[tuple[str, str]] = []
    pos = 0
    for start, end, cls in sorted(spans):
        if start > pos:
            segments.append((sentence[pos:start], ""))
        segments.append((sentence[start:end], cls))
        pos = end
    if pos < len(sentence):
        segments.append((sentence[pos:], ""))
    return segments
