"""The HTML report: one self-contained file (inline CSS, inline SVG chart, no network) per store.

Everything from the store is untrusted text and goes through Jinja2 with autoescape on. The one
exception is the chart: SVG produced by vl-convert from our own Vega-Lite spec, marked safe here.
The output depends only on the store (and `generated`, when given), so rendering twice gives the
same bytes.

For the chosen pair of camps the report also shows the agreement map (agreement.py, optionally
per period), the commitments involving either camp (commitments.py) and the turning points of
the cooperation-conflict line (turning.py), each with the sentences behind it.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from detente import __version__
from detente.codebook import load_codebook
from detente.config import FATE_MIN_P
from detente.relations import BETWEEN_CAMPS_SQL, EVENT_DATE_SQL, busiest_dyad, time_series
from detente.stats import root_counts, top_dyads
from detente.store import Store

if TYPE_CHECKING:  # the relations modules load spaCy: imported when a report is rendered
    from detente.agreement import Evidence, IssueStance
    from detente.commitments import Commitment
    from detente.issues import Taxonomy
    from detente.turning import TurningPoint

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
GOLDSTEIN_PANEL_PX = 190

# Agreement levels and commitment statuses, in display order, with the words the page shows.
LEVELS = {"common": "common interest", "partial": "partial", "apart": "far apart",
          "unknown": "no evidence"}  # fmt: skip
SHORT_LEVELS = {"common": "common", "partial": "partial", "apart": "apart", "unknown": "–"}
STATUSES = ("pending", "fulfilled", "breached", "suspended", "withdrawn", "expired")
# Turning-point rules on the chart: colder in the conflict red, warmer in the cooperation green.
TURN_COLOURS = {"colder": "#c0392b", "warmer": "#23895a"}
TURN_LABEL_PX = 5.9  # approximate width of one label character at 10.5px
TURN_LABEL_ROWS = 4
OPEN_EVENTS_MAX = 6  # a turning point's events are shown open up to this many
CURRENCY_SIGNS = {"dollars": "$", "euros": "€", "pounds": "£"}

Camps = tuple[tuple[str, ...], tuple[str, ...]]
Period = tuple[date | str | None, date | str | None]


# -- public API ----------------------------------------------------------------------------------


def render_report(
    store: Store,
    side: Sequence[str] = (),
    other: Sequence[str] = (),
    generated: str | None = None,
    periods: Sequence[Period] = (),
    taxonomy: Taxonomy | None = None,
    reader: bool = True,
    fate_min_p: float = FATE_MIN_P,
    learned: bool = False,
) -> str:
    """The report as one HTML string.

    `side` and `other` choose the dyad for the chart, the agreement map, the commitments and the
    first events table; when both are empty the busiest country pair is used, and when only one
    is given its most frequent counterpart. `generated` (e.g. a timestamp) is printed in the
    footer when given; without it the output depends on the store alone.

    `periods`, pairs of (since, until) dates (either may be None; ISO strings are accepted), add
    one agreement-map column per period next to the map of the whole corpus. `taxonomy` is the
    issue taxonomy (default: the bundled one; pass `load_taxonomy([mine.yaml])` for the labels of
    one's own issues). `reader` False leaves out the learned readers' evidence; `fate_min_p` is
    how likely the fate reader must find a later sentence tells a pledge's fate; `learned` True
    decides the map's levels with the learned level decision (`detente.levels`).
    """
    from detente.issues import load_taxonomy

    camps = _choose_camps(store, _as_camp(side), _as_camp(other))
    taxonomy = taxonomy if taxonomy is not None else load_taxonomy()
    spans = [_as_period(p) for p in periods]
    context = {
        "version": __version__,
        "generated": generated,
        "header": _header(store),
        "overview": _overview(store),
        "dyads": _top_dyads(store, camps),
        "dyad": _dyad(store, camps),
        "agreement": _agreement(store, camps, taxonomy, spans, reader, learned),
        "commitments": _commitments(store, camps, taxonomy, reader, fate_min_p),
        "events": _events(store, camps),
        "failures": store.query("SELECT origin, reason FROM failures ORDER BY origin"),
        "quads": [{"n": q, "label": label, "cls": cls} for q, (label, cls) in QUADS.items()],
    }
    return _env().get_template("report.html.j2").render(**context)


def write_report(
    store: Store,
    out: Path,
    side: Sequence[str] = (),
    other: Sequence[str] = (),
    periods: Sequence[Period] = (),
    taxonomy: Taxonomy | None = None,
    reader: bool = True,
    fate_min_p: float = FATE_MIN_P,
    learned: bool = False,
) -> None:
    """Render the report and write it to `out` as UTF-8 (arguments as for `render_report`)."""
    out = Path(out)
    if out.parent != Path():
        out.parent.mkdir(parents=True, exist_ok=True)
    html = render_report(store, side, other, periods=periods, taxonomy=taxonomy, reader=reader,
                         fate_min_p=fate_min_p, learned=learned)  # fmt: skip
    out.write_text(html, encoding="utf-8")
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
    points = _turning_points(store, camps)
    # the chart reaches every turning point, even one in a month with statements but no event
    monthly = time_series(store, side, other, "month", fill=True, cover=[p.period for p in points])
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
    points = points if monthly else []
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
        "chart": _chart_svg(monthly, points) if monthly else None,
        "turning": _turning_rows(store, points),
        "months": [{**r, "label": r["period"][:7]} for r in monthly if r["n_events"]],
        "years": [{**r, "label": r["period"][:4]} for r in yearly],
    }


def _count_between(store: Store, camps: Camps) -> int:
    row = store.con.execute(
        f"SELECT count(*) FROM {store.events_table} WHERE {BETWEEN_CAMPS_SQL}",
        {"side": list(camps[0]), "other": list(camps[1])},
    ).fetchall()
    return int(row[0][0]) if row else 0


def _signed(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:+.{digits}f}".replace("-", "−")


def _tone(value: float | None) -> str:
    if value is None or abs(value) < 0.05:
        return "neutral"
    return "coop" if value > 0 else "conflict"


# -- the chart -----------------------------------------------------------------------------------


def _chart_svg(monthly: list[dict[str, Any]], points: Sequence[TurningPoint] = ()) -> Markup:
    """Goldstein sum per month (line) over quad-class counts per month (stacked bars), as SVG,
    with a dashed vertical rule at each turning point on both panels (labelled on the first)."""
    import altair as alt
    import vl_convert

    x = alt.X(
        "period:T",
        timeUnit="utcyearmonth",
        title=None,
        axis=alt.Axis(labelAngle=0, grid=False, labelOverlap=True, labelSeparation=8),
    )
    marks = _turn_marks(monthly, points)
    chart = (
        alt.vconcat(
            _goldstein_panel(alt, x, monthly, marks),
            _quad_panel(alt, x, monthly, marks),
            spacing=18,
        )
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
    return Markup(_with_titles(svg))


def _turn_marks(monthly: list[dict[str, Any]], points: Sequence[TurningPoint]) -> list[dict]:
    """One record per turning point for the chart: its month, direction, description, and where
    its label goes (left or right of the rule, on one of a few rows so labels do not overlap)."""
    index = {r["period"]: i for i, r in enumerate(monthly)}
    step = CHART_WIDTH / max(len(monthly) - 1, 1)
    ends: list[float] = []  # right end of the last label on each row
    marks = []
    for p in points:
        if p.period not in index:
            continue
        month = p.period[:7]
        text = f"{month} {p.direction}"
        at = index[p.period] * step
        width = len(text) * TURN_LABEL_PX
        align = "left" if at + 3 + width <= CHART_WIDTH else "right"
        start = at + 3 if align == "left" else at - 3 - width
        row = next((i for i, end in enumerate(ends) if end + 6 <= start), len(ends))
        row = min(row, TURN_LABEL_ROWS - 1)
        if row == len(ends):
            ends.append(start + width)
        else:
            ends[row] = max(ends[row], start + width)
        marks.append(
            {
                "period": p.period,
                "direction": p.direction,
                "text": text,
                "align": align,
                "ly": 8 + 12 * row,
                "desc": f"Turning point {month}: {p.direction}, mean monthly Goldstein sum "
                f"{_signed(p.before)} → {_signed(p.after)}",
            }
        )
    return marks


def _turn_layers(alt: Any, x: Any, marks: Sequence[dict], part: str) -> list[Any]:
    """The turning points' dashed rules (`part` "rules") or their labels ("labels")."""
    layers = []
    for direction, colour in TURN_COLOURS.items():
        rows = [m for m in marks if m["direction"] == direction]
        if rows and part == "rules":
            layers.append(
                alt.Chart(alt.Data(values=rows))
                .mark_rule(color=colour, strokeDash=[5, 3], strokeWidth=1.4)
                .encode(x=x, description=alt.Description("desc:N"))
            )
        for align in ("left", "right") if part == "labels" else ():
            placed = [m for m in rows if m["align"] == align]
            if placed:
                layers.append(
                    alt.Chart(alt.Data(values=placed))
                    .mark_text(
                        align=align,
                        dx=3 if align == "left" else -3,
                        baseline="middle",
                        fontSize=10.5,
                        fontWeight="bold",
                        color=colour,
                    )
                    .encode(
                        x=x,
                        y=alt.Y("ly:Q", scale=None, axis=None, title=None),
                        text="text:N",
                        description=alt.Description("desc:N"),
                    )
                )
    return layers


def _with_titles(svg: str) -> str:
    """Give each turning-point mark a <title> (the browser's tooltip) from its aria-label."""

    def add(m: re.Match[str]) -> str:
        tag, attrs, closing, label = m["tag"], m["attrs"], m["closing"], m["label"]
        if closing:
            return f"<{tag}{attrs}><title>{label}</title></{tag}>"
        return f"<{tag}{attrs}><title>{label}</title>"

    return re.sub(
        r'<(?P<tag>line|text)(?P<attrs>\s[^>]*?aria-label="(?P<label>Turning point [^"]*)"[^>]*?)'
        r"(?P<closing>/?)>",
        add,
        svg,
    )


def _goldstein_panel(
    alt: Any, x: Any, monthly: list[dict[str, Any]], marks: Sequence[dict] = ()
) -> Any:
    line = [
        {"period": r["period"], "goldstein": r["goldstein_sum"], "n": r["n_events"]}
        for r in monthly
    ]
    y = alt.Y("goldstein:Q", title="Goldstein sum")
    if marks:  # room above the line for the turning points' labels
        lo = min(0.0, *(r["goldstein"] for r in line))
        hi = max(0.0, *(r["goldstein"] for r in line))
        band = max(m["ly"] for m in marks) + 8
        top = hi + (hi - lo) * band / (GOLDSTEIN_PANEL_PX - band)
        y = alt.Y("goldstein:Q", title="Goldstein sum", scale=alt.Scale(domainMax=top))
    zero = alt.Chart(alt.Data(values=[{"y": 0}])).mark_rule(color="#8a8f98", strokeDash=[3, 3])
    sums = alt.Chart(alt.Data(values=line)).mark_line(color="#27313d", strokeWidth=1.6)
    points = alt.Chart(alt.Data(values=[r for r in line if r["n"]])).mark_point(
        filled=True, size=22, color="#27313d"
    )
    return alt.layer(
        zero.encode(y="y:Q"),
        *_turn_layers(alt, x, marks, "rules"),
        sums.encode(x=x, y=y),
        points.encode(x=x, y=y),
        *_turn_layers(alt, x, marks, "labels"),
    ).properties(
        width=CHART_WIDTH,
        height=GOLDSTEIN_PANEL_PX,
        title="Goldstein sum per month (cooperation > 0 > conflict)",
    )


def _quad_panel(alt: Any, x: Any, monthly: list[dict[str, Any]], marks: Sequence[dict] = ()) -> Any:
    labels = [label for label, _ in QUADS.values()]
    bars = [
        {"period": r["period"], "quad": QUADS[q][0], "order": q, "n": r[f"quad{q}"]}
        for r in monthly
        for q in QUADS
        if r[f"quad{q}"]
    ]
    # Over decades a month is narrower than a pixel or two: keep single events visible.
    thin = CHART_WIDTH / len(monthly) < MIN_BAR_PX
    chart = (
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
    )
    if marks:
        chart = alt.layer(chart, *_turn_layers(alt, x, marks, "rules"))
    return chart.properties(width=CHART_WIDTH, height=130, title="Events per month by quad class")


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
    code = r["cameo"] or ""
    quad = r["quad_class"] if r["quad_class"] in QUADS else None
    return {
        "date": r["date"] or "undated",
        "source": r["source"] or "",
        "target": r["target"] or "",
        "source_text": r["source_text"] or "",
        "target_text": r["target_text"] or "",
        "cameo": code,
        "cameo_name": _cameo_name(code),
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
        **_doc_link(r["doc_id"], r["doc_title"], r["doc_url"], r["doc_date"], r["doc_source"]),
        "doc_url_text": (r["doc_url"] or "").strip(),
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
    return _segments(sentence, spans)


def _segments(sentence: str, spans: Sequence[tuple[int, int, str]]) -> list[tuple[str, str]]:
    """`sentence` cut into (text, css class) pieces at the given non-overlapping spans."""
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


# -- relations: turning points, the agreement map, commitments ------------------------------------


def _turning_points(store: Store, camps: Camps) -> list[TurningPoint]:
    from detente.turning import turning_points

    return list(turning_points(store, camps[0], camps[1]))


def _turning_rows(store: Store, points: Sequence[TurningPoint]) -> list[dict[str, Any]]:
    cb = load_codebook()
    docs = _documents(store, {e.get("doc_id") for p in points for e in p.events})
    rows = []
    for p in points:
        events = []
        for e in p.events:
            code = e.get("cameo") or ""
            quad = cb[code].quad_class if code in cb else None
            events.append(
                {
                    "date": e.get("date") or "undated",
                    "source": e.get("source") or "",
                    "target": e.get("target") or "",
                    "cameo": code,
                    "cameo_name": _cameo_name(code),
                    "quad_cls": QUADS[quad][1] if quad in QUADS else "",
                    "quad_label": QUADS[quad][0] if quad in QUADS else "",
                    "goldstein": _signed(e.get("goldstein")),
                    "tone": _tone(e.get("goldstein")),
                    "negated": bool(e.get("negated")),
                    "modality": e.get("modality") or "",
                    "sentence": e.get("sentence") or "",
                    **_doc_fields(docs, e.get("doc_id")),
                }
            )
        rows.append(
            {
                "month": p.period[:7],
                "direction": p.direction,
                "before": _signed(p.before),
                "after": _signed(p.after),
                "before_tone": _tone(p.before),
                "after_tone": _tone(p.after),
                "events": events,
                "open": 0 < len(events) <= OPEN_EVENTS_MAX,
            }
        )
    return rows


def _cameo_name(code: str) -> str:
    cb = load_codebook()
    name = cb[code].name if code in cb else ""
    return name.capitalize() if name.isupper() else name  # root names are upper case


def _as_period(period: Period) -> tuple[date | None, date | None]:
    if len(period) != 2:
        raise ValueError(f"a period is (since, until), not {period!r}")
    since, until = (date.fromisoformat(d) if isinstance(d, str) else d for d in period)
    if since and until and since > until:
        raise ValueError(f"period starts after it ends: {since} > {until}")
    return since, until


def _period_label(since: date | None, until: date | None) -> str:
    """A period's column header: "2009–2011" for whole years, else the dates as given; "from …"
    or "to …" when one end is open."""
    a = str(since.year) if since and (since.month, since.day) == (1, 1) else since
    b = str(until.year) if until and (until.month, until.day) == (12, 31) else until
    if a and b:
        return str(a) if a == b else f"{a}–{b}"
    if a:
        return f"from {a}"
    return f"to {b}" if b else "all"


def _agreement(
    store: Store,
    camps: Camps | None,
    taxonomy: Taxonomy,
    periods: Sequence[tuple[date | None, date | None]],
    reader: bool = True,
    learned: bool = False,
) -> dict[str, Any] | None:
    """The agreement map of the pair over the whole corpus (issues with evidence only), and, per
    period, the level of each of those issues (`reader` False: the rules' evidence alone;
    `learned`: levels by the learned level decision)."""
    if camps is None:
        return None
    from detente.agreement import Thresholds, agreement_map

    side, other = camps
    t = Thresholds(reader=reader, learned=learned)
    overall = agreement_map(store, taxonomy, side, other, thresholds=t)
    known = [s for s in overall if s.level != "unknown"]
    columns = []
    for since, until in periods:
        stances = {s.issue: s for s in agreement_map(store, taxonomy, side, other, since, until, t)}
        columns.append({"label": _period_label(since, until), "stances": stances})
    docs = _documents(store, {e.doc_id for s in known for e in s.evidence})
    rows = []
    for s in known:
        rows.append(
            {
                **_level_cell(s),
                "issue": s.issue,
                "label": s.label,
                "balance": _balance(s.balance),
                "periods": [_level_cell(c["stances"].get(s.issue)) for c in columns],
                "evidence": [_issue_evidence(g, docs) for g in _merged(s.evidence)],
            }
        )
    counts = Counter(s.level for s in known)
    return {
        "rows": rows,
        "periods": [c["label"] for c in columns],
        "n_unknown": len(overall) - len(known),
        "n_issues": len(overall),
        "counts": [
            (level, LEVELS[level], counts[level]) for level in ("common", "partial", "apart")
        ],
        "prior": f"{t.lean:g}",
        "learned": t.learned_levels,
        "common": _signed(t.common, 2),
        "apart": _signed(t.apart, 2),
    }


def _level_cell(s: IssueStance | None) -> dict[str, Any]:
    from detente.agreement import Thresholds

    level = s.level if s is not None else "unknown"
    n = s.n_evidence if s is not None else 0
    score = _signed(s.score, 2) if s is not None and s.score is not None else "–"
    climate = s is not None and s.from_climate
    # a level the learned decision set otherwise than the score's thresholds would
    by_score = (
        Thresholds().level(s.score)
        if s is not None and s.score is not None and not climate and level != "unknown"
        else level
    )
    return {
        "climate": climate,
        "level": level,
        "level_label": LEVELS.get(level, level),
        "short": SHORT_LEVELS.get(level, level),
        "score": score,
        "n": n,
        "title": (
            f"{LEVELS.get(level, level)}: score {score}, {n} sentence{'' if n == 1 else 's'}"
            + (
                " naming the issue without a stance; the level is the period's climate"
                if climate
                else ""
            )
            + (
                f"; the learned level decision weighed its evidence as {LEVELS.get(level, level)}"
                f" (by the score alone: {LEVELS.get(by_score, by_score)})"
                if by_score != level
                else ""
            )
            if n
            else LEVELS["unknown"]
        ),
    }


def _balance(balance: dict[str, float]) -> dict[str, Any]:
    p, n, q = (float(balance.get(k) or 0) for k in ("common", "apart", "partial"))
    total = p + n + q or 1
    return {
        "p": f"{p:.1f}",
        "n": f"{n:.1f}",
        "q": f"{q:.1f}",
        "p_pct": round(100 * p / total, 1),
        "n_pct": round(100 * n / total, 1),
        "q_pct": round(100 * q / total, 1),
    }


def _merged(evidence: Sequence[Evidence]) -> list[list[Evidence]]:
    """The evidence grouped by sentence, in order: the rules' reading and the learned reader's
    of one sentence are shown as one entry."""
    groups: dict[tuple[str, str], list[Evidence]] = {}
    for e in evidence:
        groups.setdefault((e.doc_id, e.sentence), []).append(e)
    return list(groups.values())


def _issue_evidence(group: Sequence[Evidence], docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """One sentence's entry: the first reading's polarity, the weights summed, each basis."""
    from detente.agreement import READER_BASIS

    e = group[0]
    bases = []
    for g in group:
        kind = ("events" if g.basis.startswith("events") else "climate" if g.by_climate
                else "reader" if g.basis.startswith(READER_BASIS) else "cue")  # fmt: skip
        bases.append({"kind": kind, "text": g.basis})
    cues = [c.strip() for b in bases if b["kind"] == "cue" for c in b["text"].split(";")]
    return {
        "date": e.date or "undated",
        "polarity": e.polarity,
        "polarity_label": LEVELS.get(e.polarity, e.polarity),
        "weight": _signed(sum(g.weight for g in group), 2),
        "bases": bases,
        "by_climate": e.by_climate,
        "segments": _mark(e.sentence, cues, "cue"),
        **_doc_fields(docs, e.doc_id),
    }


def _commitments(
    store: Store, camps: Camps | None, taxonomy: Taxonomy, reader: bool = True,
    fate_min_p: float = FATE_MIN_P,
) -> dict[str, Any] | None:  # fmt: skip
    """The commitments whose actor or counterpart belongs to either camp, oldest first (`reader`
    False: the rules' statuses alone, without the fate reader's; `fate_min_p`: how sure the fate
    reader must be)."""
    if camps is None:
        return None
    from detente.commitments import commitments

    codes = {c.upper() for c in (*camps[0], *camps[1])}
    found = [
        c
        for c in commitments(store, taxonomy, use_fates=reader, fate_min_p=fate_min_p)
        if _involves(c.actor, codes) or _involves(c.counterpart, codes)
    ]
    docs = _documents(
        store, {c.doc_id for c in found} | {h.doc_id for c in found for h in c.history}
    )
    rows = [_commitment_row(c, docs) for c in found]
    counts = Counter(c.status for c in found)
    return {
        "rows": rows,
        "counts": [
            (s, counts[s]) for s in (*STATUSES, *sorted(set(counts) - set(STATUSES))) if counts[s]
        ],
    }


def _involves(code: str | None, codes: set[str]) -> bool:
    """Whether a commitment's party (a country or organisation code) is in a camp; a camp given
    by sector codes (RUSGOV) takes its country's commitments, which carry no sector."""
    if not code:
        return False
    code = code.upper()
    return code in codes or (len(code) == 3 and any(c[:3] == code for c in codes))


def _commitment_row(c: Commitment, docs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    from detente.commitments import FATE_READER

    evidence = [
        {
            "role": "commitment",
            "date": c.date or "undated",
            "cue": "",
            "by_reader": False,
            "segments": _mark(c.sentence, [], ""),
            **_doc_fields(docs, c.doc_id),
        }
    ]
    for h in c.history:
        # the fate reader's report names its probabilities, not words of the sentence
        by_reader = h.cue.startswith(FATE_READER)
        evidence.append(
            {
                "role": h.status,
                "date": h.date or "undated",
                "cue": h.cue.removeprefix(FATE_READER) if by_reader else h.cue,
                "by_reader": by_reader,
                "segments": _mark(h.sentence, [] if by_reader else [h.cue], "cue"),
                **_doc_fields(docs, h.doc_id),
            }
        )
    return {
        "date": c.date or "undated",
        "actor": c.actor,
        "counterpart": c.counterpart or "",
        "what": _whole_words(c.commitment, c.sentence),
        "amount": _amount(c.quantity, c.unit),
        "deadline": c.deadline or "",
        "status": c.status,
        "n_reports": len(c.history),
        "evidence": evidence,
    }


def _whole_words(what: str, sentence: str) -> str:
    """`what` as the page shows it: when it stops inside the sentence's clause (it is cut at a
    fixed length), up to its last whole word and an ellipsis."""
    at = sentence.find(what)
    end = at + len(what)
    if at < 0 or end >= len(sentence) or sentence[end] in ".;:!?)":
        return what
    cut = what if sentence[end].isspace() else what.rsplit(None, 1)[0]
    return cut.rstrip(" ,;:") + "…"


def _amount(value: float | None, unit: str | None) -> str:
    """1550, "warheads" -> "1,550 warheads"; 2e9, "dollars" -> "$2 billion"."""
    if value is None:
        return ""
    number = f"{value:,}" if isinstance(value, int) else f"{value:,g}"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= size:
            number = f"{value / size:,g} {word}"
            break
    if unit and unit in CURRENCY_SIGNS:
        return f"{CURRENCY_SIGNS[unit]}{number}"
    return f"{number} {unit}" if unit else number


def _documents(store: Store, ids: set[str | None]) -> dict[str, dict[str, Any]]:
    """Title, web address, date and publisher of the given documents."""
    wanted = sorted(i for i in ids if i)
    if not wanted:
        return {}
    rows = store.query(
        "SELECT doc_id, title, url, date, source FROM documents WHERE list_contains($ids, doc_id)",
        {"ids": wanted},
    )
    return {r["doc_id"]: r for r in rows}


def _doc_fields(docs: dict[str, dict[str, Any]], doc_id: str | None) -> dict[str, Any]:
    d = docs.get(doc_id or "") or {}
    return _doc_link(doc_id, d.get("title"), d.get("url"), d.get("date"), d.get("source"))


def _doc_link(
    doc_id: str | None, title: str | None, url: str | None, when: Any, source: str | None
) -> dict[str, Any]:
    """What the page shows of a document under its sentence: title (or id), date, publisher,
    and a link when the address is a web address."""
    url = (url or "").strip()
    return {
        "doc_id": doc_id or "",
        "doc_title": title or doc_id or "",
        "doc_date": when.isoformat() if when else "",
        "doc_source": source or "",
        # Only web addresses become links: no javascript:, data: or file: from the corpus.
        "doc_url": url if re.match(r"https?://", url, re.IGNORECASE) else None,
    }


def _mark(sentence: str, phrases: Sequence[str], cls: str) -> list[tuple[str, str]]:
    """(text, css class) segments of `sentence` with each phrase marked where it occurs whole
    (any case), as `highlight` does but without falling back to single words."""
    spans: list[tuple[int, int, str]] = []
    for phrase in phrases:
        phrase = phrase.strip()
        if not phrase:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", sentence, re.IGNORECASE):
            if all(m.end() <= s or m.start() >= e for s, e, _ in spans):
                spans.append((m.start(), m.end(), cls))
                break
    return _segments(sentence, spans)
