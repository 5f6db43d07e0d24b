"""The relations time series, the busiest dyad and the HTML report, on a small synthetic store."""

from __future__ import annotations

import html as htmllib
import re
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.agreement import agreement_map
from detente.issues import load_taxonomy
from detente.relations import busiest_dyad, time_series
from detente.report import highlight, render_report, write_report
from detente.store import Store

from ._synthetic import (
    EXPECTED_MONTHLY,
    FAILURE_ORIGIN,
    FAILURE_REASON,
    RELATIONS_PERIODS,
    build_relations_store,
    build_store,
)

DOC_URL = "https://example.org/nato-2009"


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("report") / "store.duckdb")


@pytest.fixture
def store(store_path: Path):
    with Store(store_path, read_only=True) as s:
        yield s


@pytest.fixture(scope="module")
def html(store_path: Path) -> str:
    with Store(store_path, read_only=True) as s:
        return render_report(s)


def _approx(rows: list[dict]) -> list[dict]:
    return [
        {k: pytest.approx(v) if isinstance(v, float) else v for k, v in r.items()} for r in rows
    ]


# -- time series ---------------------------------------------------------------------------------


def test_monthly_series_counts_both_directions_and_leaves_out_negated_and_proposed(store) -> None:
    assert time_series(store, ["NATO"], ["RUS"]) == _approx(EXPECTED_MONTHLY)


def test_series_is_symmetric_in_the_camps(store) -> None:
    assert time_series(store, ["RUS"], ["NATO"]) == time_series(store, ["NATO"], ["RUS"])


def test_camps_match_actor_codes_as_well_as_countries(store) -> None:
    rows = time_series(store, ["RUSGOV"], ["NATO"])
    assert [(r["period"], r["n_events"], r["goldstein_sum"], r["quad3"]) for r in rows] == [
        ("2009-09-01", 1, -2.0, 1),
        ("2010-03-01", 1, -2.0, 1),
    ]
    # A camp of several codes: NATO against Russia's business sector only.
    rows = time_series(store, ["NATO", "USA"], ["RUSBUS"])
    assert [(r["period"], r["quad2"]) for r in rows] == [("2009-07-01", 1)]


def test_negated_and_other_modalities_only_when_asked(store) -> None:
    september = {
        r["period"]: r for r in time_series(store, ["NATO"], ["RUS"], include_negated=True)
    }
    assert september["2009-09-01"]["n_events"] == 3
    assert september["2009-09-01"]["goldstein_sum"] == pytest.approx(-2.0)  # -2 - 8 + 8
    assert september["2009-09-01"]["quad1"] == 1
    wider = {
        r["period"]: r
        for r in time_series(
            store, ["NATO"], ["RUS"], modalities=("asserted", "intended", "proposed")
        )
    }
    assert wider["2009-09-01"]["n_events"] == 3
    assert wider["2009-09-01"]["goldstein_sum"] == pytest.approx(-6.0)  # -2 - 8 + 4
    only_asserted = time_series(store, ["NATO"], ["RUS"], modalities=("asserted",))
    assert only_asserted[0]["n_events"] == 2  # the intended meeting is gone
    assert only_asserted[0]["goldstein_sum"] == pytest.approx(14.4)


def test_quarter_and_year(store) -> None:
    quarters = time_series(store, ["NATO"], ["RUS"], freq="quarter")
    assert [(r["period"], r["n_events"], r["quad1"], r["quad2"], r["quad3"], r["quad4"])
            for r in quarters] == [("2009-07-01", 5, 2, 1, 1, 1), ("2010-01-01", 2, 1, 0, 1, 0)]  # fmt: skip
    assert [r["goldstein_sum"] for r in quarters] == pytest.approx([8.4, -2.0])
    assert [r["goldstein_mean"] for r in quarters] == pytest.approx([1.68, -1.0])
    years = time_series(store, ["NATO"], ["RUS"], freq="year")
    assert [(r["period"], r["n_events"]) for r in years] == [("2009-01-01", 5), ("2010-01-01", 2)]
    assert [r["goldstein_sum"] for r in years] == pytest.approx([8.4, -2.0])


def test_year_precision_counts_in_january(store) -> None:
    january = [r for r in time_series(store, ["NATO"], ["RUS"]) if r["period"] == "2010-01-01"]
    assert january and january[0]["n_events"] == 1 and january[0]["quad1"] == 1


def test_fill_adds_empty_periods(store) -> None:
    rows = time_series(store, ["NATO"], ["RUS"], fill=True)
    assert [r["period"] for r in rows] == [
        "2009-07-01", "2009-08-01", "2009-09-01", "2009-10-01", "2009-11-01", "2009-12-01",
        "2010-01-01", "2010-02-01", "2010-03-01",
    ]  # fmt: skip
    august = rows[1]
    assert (
        august["n_events"] == 0
        and august["goldstein_sum"] == 0
        and august["goldstein_mean"] is None
    )


def test_fill_can_cover_months_without_events(store) -> None:
    # a turning point in a month with statements but no event: the chart's span reaches it
    rows = time_series(store, ["NATO"], ["RUS"], fill=True, cover=["2009-05-01", "2010-04-15"])
    periods = [r["period"] for r in rows]
    assert periods[0] == "2009-05-01" and periods[-1] == "2010-04-01" and len(periods) == 12
    assert rows[0]["n_events"] == 0


def test_unknown_dyad_gives_an_empty_series(store) -> None:
    assert time_series(store, ["USA"], ["CHN"]) == []
    assert time_series(store, "NATO", "RUS") == time_series(store, ["NATO"], ["RUS"])


@pytest.mark.parametrize(("side", "other", "freq"), [
    ([], ["RUS"], "month"), (["NATO"], [], "month"), ([""], ["RUS"], "month"),
    (["NATO"], ["RUS"], "week"),
])  # fmt: skip
def test_bad_arguments_raise(store, side, other, freq) -> None:
    with pytest.raises(ValueError):
        time_series(store, side, other, freq=freq)


def test_camp_values_are_parameters_not_sql(store) -> None:
    assert time_series(store, ["NATO') OR 1=1 --"], ["RUS"]) == []


def test_busiest_dyad(store, tmp_path: Path) -> None:
    assert busiest_dyad(store) == (("NATO",), ("RUS",))
    with Store(tmp_path / "empty.duckdb") as empty:
        assert busiest_dyad(empty) is None


# -- highlighting --------------------------------------------------------------------------------


def test_highlight_keeps_the_text_and_marks_the_words() -> None:
    sentence = 'Moscow said <script>x</script> & accused NATO of "lying".'
    segments = highlight(sentence, [("Moscow", "src"), ("NATO", "tgt"), ("accused", "evt")])
    assert "".join(text for text, _ in segments) == sentence
    assert [(t, c) for t, c in segments if c] == [
        ("Moscow", "src"), ("accused", "evt"), ("NATO", "tgt"),
    ]  # fmt: skip


def test_highlight_same_words_twice_and_missing_words() -> None:
    segments = highlight("Russia and Russia met.", [("Russia", "src"), ("Russia", "tgt"),
                                                    ("never there", "evt")])  # fmt: skip
    assert [c for _, c in segments if c] == ["src", "tgt"]
    assert highlight("", [("x", "src")]) == []
    # Words of a phrase that is not found as a whole are found one by one, in any case.
    segments = highlight("They Imposed new sanctions.", [("imposed sanctions", "evt")])
    assert [t for t, c in segments if c] == ["Imposed", "sanctions"]


# -- the report ----------------------------------------------------------------------------------


class _Attrs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Attrs()
    parser.feed(html)
    return parser.tags


def _visible(fragment: str) -> str:
    """The text a reader sees: tags dropped, entities decoded, spaces collapsed."""
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def test_report_has_every_section(html: str) -> None:
    assert html.startswith("<!DOCTYPE html>")
    assert "detente report" in html
    for section in ("relations", "agreement", "commitments", "dyads", "overview", "events",
                    "failures"):  # fmt: skip
        assert f'<section id="{section}">' in html
    assert "Corpus 2009-09-30 to 2010-04-02" in html
    assert "<svg" in html and "</svg>" in html  # the chart, inline
    assert "NATO ↔ RUS" in html
    assert "Synthetic Wire" in html
    assert "CAMEO 1.1b3" in html and "CC BY-SA 4.0" in html


def test_report_escapes_untrusted_text(html: str) -> None:
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "Moscow &lt;b&gt;answers&lt;/b&gt;" in html  # a document title
    assert "<b>answers</b>" not in html
    assert (
        'Moscow</mark> said &lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark class="evt">' in html
    )
    assert 'Moscow said <script>alert(1)</script> & accused NATO of "lying".' in _visible(html)
    assert "NATO &amp; Russia, summer 2009" in html


def test_only_web_urls_become_links(html: str) -> None:
    hrefs = [a.get("href") or "" for tag, a in _tags(html) if "href" in a]
    assert DOC_URL in hrefs
    assert not any(h.lower().startswith("javascript:") for h in hrefs)
    assert "javascript:alert(1)" not in html


def test_report_needs_no_network(html: str) -> None:
    tags = _tags(html)
    assert not [t for t, a in tags if t == "link"]
    assert not [a for t, a in tags if t == "script" and "src" in a]
    assert not [a for t, a in tags if "src" in a]
    for tag, attrs in tags:
        for name in ("href", "xlink:href"):
            value = attrs.get(name)
            if value is not None:
                assert value.startswith("#") or value == DOC_URL, (tag, name, value)
    assert "<script src=" not in html and "<link href=" not in html
    assert "@import" not in html and "url(" not in html


def test_events_table_has_the_dyad_first_with_badges(html: str) -> None:
    dyad_table = html[html.index('id="dyad-events"') : html.index('id="other-events"')]
    assert dyad_table.count("<tr>") == 1 + 9  # header and every NATO-RUS event, even negated
    assert "Russia did not sign the NATO protocol." in _visible(dyad_table)
    assert 'class="badge negated"' in dyad_table
    assert 'class="badge modality">proposed<' in dyad_table
    assert 'class="badge modality">intended<' in dyad_table
    assert "Sign formal agreement" in dyad_table and "057" in dyad_table
    assert '<mark class="evt">imposed sanctions</mark>' in dyad_table
    assert '<mark class="src">The Kremlin</mark>' in dyad_table
    other_table = _visible(html[html.index('id="other-events"') :])
    assert "The United States provided aid to Georgia." in other_table
    # Most recent first: 2010-04-01 before 2008-08-20.
    assert other_table.index("provided aid to Georgia") < other_table.index("criticised Moscow")


def test_failures_are_listed(html: str) -> None:
    assert FAILURE_ORIGIN in html
    assert FAILURE_REASON in html


def test_rendering_is_deterministic(store) -> None:
    first = render_report(store)
    assert render_report(store) == first
    assert "Generated" not in first
    assert "Generated 2026-01-01T00:00Z." in render_report(store, generated="2026-01-01T00:00Z")


def test_chosen_dyad_without_events(store) -> None:
    html = render_report(store, side=["USA"], other=["CHN"])
    assert "No events for this dyad (USA ↔ CHN)" in html
    assert "<svg" not in html
    # The other events are all still listed.
    assert "NATO and Russia signed a transit agreement in Moscow." in _visible(html)


def test_one_camp_pairs_with_its_busiest_partner(store) -> None:
    html = render_report(store, side=["USA"])
    # USA has one event with GEO and one with RUS: the tie goes to the first code.
    assert "Cooperation and conflict: USA ↔ GEO" in html
    assert "<svg" in html


def test_empty_store_report(tmp_path: Path) -> None:
    with Store(tmp_path / "empty.duckdb") as empty:
        html = render_report(empty)
    assert "No events for this dyad" in html
    assert "No input failed." in html
    assert "<svg" not in html


def test_write_report_and_cli(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "sub" / "report.html"
    with Store(store_path, read_only=True) as s:
        write_report(s, out)
        expected = render_report(s)
    assert out.read_text(encoding="utf-8") == expected

    from detente.cli import app

    cli_out = tmp_path / "cli.html"
    args = ["report", "--db", str(store_path), "--out", str(cli_out), "--side", "rus"]
    result = CliRunner().invoke(app, [*args, "--other", "nato"])
    assert result.exit_code == 0, result.output
    text = cli_out.read_text(encoding="utf-8")
    assert "Cooperation and conflict: RUS ↔ NATO" in text and "<svg" in text


def test_highlight_prefers_whole_words() -> None:
    segments = highlight("Russian Minister Kozyrev left Russia.", [("Russia", "tgt")])
    assert [(t, c) for t, c in segments if c] == [("Russia", "tgt")]
    assert "".join(t for t, _ in segments[:1]) == "Russian Minister Kozyrev left "


# -- relations: the agreement map, commitments, turning points -----------------------------------


@pytest.fixture(scope="module")
def relations_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_relations_store(tmp_path_factory.mktemp("relations") / "store.duckdb")


@pytest.fixture(scope="module")
def relations_html(relations_path: Path) -> str:
    with Store(relations_path, read_only=True) as s:
        return render_report(s, ["NATO", "USA"], ["RUS"], periods=RELATIONS_PERIODS)


def _between(html: str, start: str, end: str) -> str:
    at = html.index(start)
    return html[at : html.index(end, at)]


def _badges(fragment: str, kind: str) -> list[str]:
    """The levels or statuses of the badges in a fragment, in order."""
    return re.findall(rf'<span class="{kind} (\w+)[^"]*"', fragment)


def test_agreement_map_has_a_column_per_period_and_evidence(
    relations_html: str, relations_path: Path
) -> None:
    table = _between(relations_html, 'id="agreement-map"', "</table>")
    headers = [_visible(h) for h in re.findall(r"<th scope=\"col\"[^>]*>(.*?)</th>", table)]
    assert headers[:3] == ["Issue", "2009–2012", "2014–2019"]
    # Afghanistan: common interest in 2009, far apart in 2015 (a changed level).
    row = _between(table, 'id="issue-afghanistan"', "</tr>")
    assert _badges(row, "level")[:2] == ["common", "apart"]
    evidence = _visible(row)
    assert "share a common interest in stabilising Afghanistan" in evidence
    assert "far apart on Afghanistan" in evidence
    assert "accused Russia of blocking cooperation" in evidence
    assert '<mark class="cue">share a common interest</mark>' in row  # stance words marked
    row = _between(table, 'id="issue-missile_defence"', "</tr>")
    assert _badges(row, "level")[:2] == ["partial", "unknown"]  # nothing about it after 2013
    # NATO enlargement: one red line in a period of cooperation, its score on the apart side
    # and leaning toward the climate (tests/test_relations.py); the cell shows the map's level
    row = _between(table, 'id="issue-nato_enlargement"', "</tr>")
    with Store(relations_path, read_only=True) as s:
        stance = next(
            st for st in agreement_map(s, load_taxonomy(), ["NATO", "USA"], ["RUS"],
                                       date(2009, 1, 1), date(2012, 12, 31))
            if st.issue == "nato_enlargement"
        )  # fmt: skip
    assert stance.score is not None and stance.score < 0
    assert _badges(row, "level")[0] == stance.level in ("apart", "partial")
    assert "remains a red line" in _visible(row)
    assert not re.search(
        r'class="level \w+ short climate"', _between(table, "issue-afghan", "</tr>")
    )


def test_an_issue_named_without_a_stance_takes_the_climate(relations_path: Path) -> None:
    # to the rules, arms control is named in 2009-2012 without a stance (the New START pledge):
    # the period's climate, dashed (the learned reader reads the pledge as common ground)
    with Store(relations_path, read_only=True) as s:
        html = render_report(s, ["NATO", "USA"], ["RUS"], periods=RELATIONS_PERIODS, reader=False)
    row = _between(
        _between(html, 'id="agreement-map"', "</table>"), 'id="issue-arms_control"', "</tr>"
    )
    assert re.search(r'<span class="level partial short climate" title="[^"]*climate', row)


def test_agreement_evidence_is_escaped_and_linked(relations_html: str) -> None:
    section = _between(relations_html, '<section id="agreement">', "</section>")
    assert "&lt;script&gt;alert(2)&lt;/script&gt; &amp; others" in section
    assert "<script>alert(2)" not in relations_html
    assert "Envoys &lt;b&gt;meet&lt;/b&gt; &amp; talk" in section
    hrefs = [a.get("href") for t, a in _tags(section) if t == "a"]
    assert hrefs == ["https://example.org/afghanistan"]


def test_commitments_table_shows_amount_deadline_and_fate(relations_html: str) -> None:
    table = _between(relations_html, 'id="commitments-table"', "</table>")
    rows = {}
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)[1:]:
        party = re.findall(r"<code>(\w+)</code>", row)[0]
        rows[party] = row
    assert set(rows) == {"USA", "RUS"}  # New START binds both
    for row in rows.values():
        text = _visible(row)
        assert "1,550 warheads" in text and "2017-04-08" in text
        assert "pledged to reduce their deployed strategic warheads" in text
    assert _badges(rows["USA"], "status")[0] == "fulfilled"  # met the limits in 2018
    assert _badges(rows["RUS"], "status")[0] == "suspended"  # suspended in 2023
    assert '<mark class="cue">suspended</mark>' in rows["RUS"]
    assert "Russia suspended its participation in New START" in _visible(rows["RUS"])


def test_turning_point_is_marked_on_the_chart_and_listed(relations_html: str) -> None:
    table = _between(relations_html, 'id="turning-points"', "</table>")
    months = re.findall(r'<th scope="row" class="c-month">(\d{4}-\d{2})</th>', table)
    turns = dict(zip(months, _badges(table, "dir"), strict=True))
    # agreements until 2011-06, condemnation after: one colder point (and perhaps a warmer one
    # where the mixed stories of 2009 give way to the monthly agreements)
    colder = [m for m, way in turns.items() if way == "colder"]
    assert len(colder) == 1 and "2011-05" <= colder[0] <= "2011-08", turns
    assert all(m < "2011" for m, way in turns.items() if way == "warmer"), turns
    assert "NATO condemned Russia." in _visible(table)
    chart = _between(relations_html, "<svg", "</svg>")
    rules = re.findall(r'<line aria-label="Turning point ([\d-]+): colder', chart)
    assert rules == colder * 2  # on both panels
    assert f"<title>Turning point {colder[0]}: colder" in chart


def test_report_without_periods_has_one_level_column(relations_path: Path) -> None:
    with Store(relations_path, read_only=True) as s:
        html = render_report(s, ["NATO", "USA"], ["RUS"])
    table = _between(html, 'id="agreement-map"', "</table>")
    assert "2009–2012" not in table and ">Level</th>" in table


def test_report_cli_periods(relations_path: Path, tmp_path: Path) -> None:
    from detente.cli import app

    out = tmp_path / "r.html"
    base = ["report", "--db", str(relations_path), "--out", str(out), "--side", "NATO,USA"]
    result = CliRunner().invoke(
        app, [*base, "--other", "RUS", "--period", "2009..2012", "--period", "2014-01-01.."]
    )
    assert result.exit_code == 0, result.output
    table = _between(out.read_text(encoding="utf-8"), 'id="agreement-map"', "</table>")
    assert ">2009–2012</th>" in table and ">from 2014</th>" in table
    for bad in ("2012..2009", "2009", "2009..soon"):
        result = CliRunner().invoke(app, [*base, "--other", "RUS", "--period", bad])
        assert result.exit_code == 2 and "--period" in result.output, (bad, result.output)


def test_map_and_report_read_with_the_rules_alone_on_request(
    relations_path: Path, tmp_path: Path
) -> None:
    from detente.cli import app

    args = ["--db", str(relations_path), "--side", "NATO,USA", "--other", "RUS"]
    outputs = {}
    for flag in ("--reader", "--no-reader"):
        out = tmp_path / f"{flag}.html"
        result = CliRunner().invoke(app, ["report", *args, "--out", str(out), flag])
        assert result.exit_code == 0, result.output
        outputs[flag] = _between(
            out.read_text(encoding="utf-8"), '<section id="agreement">', "</section>"
        )
        result = CliRunner().invoke(app, ["map", *args, flag], env={"COLUMNS": "250"})
        assert result.exit_code == 0, result.output
    assert (
        "reader: " in outputs["--reader"]
    )  # the learned reader's readings, shown beside the rules'
    assert "reader: " not in outputs["--no-reader"]
    # the learned level decision is off unless asked for, and said to weigh in only then
    assert "learned level decision" not in outputs["--reader"] + outputs["--no-reader"]
    out = tmp_path / "learned.html"
    result = CliRunner().invoke(app, ["report", *args, "--out", str(out), "--learned-levels"])
    assert result.exit_code == 0, result.output
    assert "A learned level decision then weighs" in out.read_text(encoding="utf-8")
