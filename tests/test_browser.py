"""The report in a real browser (Debian's chromium via Playwright), fully offline.

Skipped when /usr/bin/chromium or the playwright package is missing (`make browser` installs the
former; the dev extra brings the latter). Playwright's own browser download is never used.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from detente.report import write_report
from detente.store import Store

from ._synthetic import (
    FAILURE_REASON,
    RELATIONS_PERIODS,
    RELATIONS_SCRIPT,
    SCRIPT_SENTENCE,
    build_relations_store,
    build_store,
)

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} not found: install Debian's chromium (`make browser`)", allow_module_level=True
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[dev]')"
)


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser")
    out = root / "report.html"
    with Store(build_store(root / "store.duckdb"), read_only=True) as store:
        write_report(store, out)
    return out


@pytest.fixture(scope="module")
def relations_report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("browser-relations")
    out = root / "report.html"
    with Store(build_relations_store(root / "store.duckdb"), read_only=True) as store:
        # the rules' readings alone: arms control is then named without a stance, the dashed
        # climate badge this test looks at (the learned reader reads the pledge as common)
        write_report(store, out, ["NATO", "USA"], ["RUS"], periods=RELATIONS_PERIODS, reader=False)
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


class Offline:
    """Opens pages with every non-file request aborted, and remembers what was asked for."""

    def __init__(self, browser, **context_options) -> None:  # noqa: ANN001
        self.context = browser.new_context(viewport={"width": 1280, "height": 1600},
                                           **context_options)  # fmt: skip
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.context.route("**/*", self._route)

    def _route(self, route) -> None:  # noqa: ANN001
        url = route.request.url
        self.requests.append(url)
        if url.startswith("file://"):
            route.continue_()
        else:
            route.abort()

    def open(self, path: Path):  # noqa: ANN201
        page = self.context.new_page()
        page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        page.goto(path.resolve().as_uri(), wait_until="load")
        return page

    def close(self) -> None:
        self.context.close()


def _visible_rows(page, table: str) -> int:  # noqa: ANN001
    return page.locator(f"#{table} tbody tr:visible").count()


def test_report_in_chromium(browser, report: Path, tmp_path: Path) -> None:  # noqa: ANN001
    offline = Offline(browser)
    try:
        page = offline.open(report)
        chart = page.locator("figure.chart svg")
        assert chart.count() == 1
        assert chart.is_visible()
        box = chart.bounding_box()
        assert box is not None and box["width"] > 300 and box["height"] > 100

        # The evidence table shows the synthetic sentences; the script one as plain text.
        assert _visible_rows(page, "dyad-events") == 9
        assert _visible_rows(page, "other-events") == 2
        dyad_text = page.locator("#dyad-events").inner_text()
        assert "NATO imposed sanctions on Russia." in dyad_text
        assert SCRIPT_SENTENCE in dyad_text
        assert offline.dialogs == []  # nothing from the corpus ran
        assert FAILURE_REASON in page.locator("#failures").inner_text()

        # Typing in the filter box hides the rows that do not match.
        box_el = page.locator("#filter")
        assert box_el.is_visible()
        box_el.fill("sanctions")
        assert _visible_rows(page, "dyad-events") == 1
        assert _visible_rows(page, "other-events") == 0
        assert page.locator("#filter-count").inner_text() == "1 of 11 rows"
        box_el.fill("georgia aid")
        assert _visible_rows(page, "dyad-events") == 0
        assert _visible_rows(page, "other-events") == 1
        box_el.fill("")
        assert _visible_rows(page, "dyad-events") == 9
        assert _visible_rows(page, "other-events") == 2

        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot))
        assert shot.stat().st_size > 10_000
    finally:
        offline.close()
    assert offline.requests, "the page itself should have been requested"
    assert all(u.startswith("file://") for u in offline.requests), offline.requests


def test_report_works_without_javascript(browser, report: Path) -> None:  # noqa: ANN001
    offline = Offline(browser, java_script_enabled=False)
    try:
        page = offline.open(report)
        assert page.locator("figure.chart svg").is_visible()
        assert not page.locator("#filter-box").is_visible()  # useless without scripts: hidden
        assert _visible_rows(page, "dyad-events") == 9
        assert _visible_rows(page, "other-events") == 2
    finally:
        offline.close()
    assert all(u.startswith("file://") for u in offline.requests), offline.requests


def test_relations_sections_in_chromium(browser, relations_report: Path, tmp_path: Path) -> None:  # noqa: ANN001
    offline = Offline(browser)
    try:
        page = offline.open(relations_report)
        # The agreement map: a cell's evidence is closed until its summary is clicked.
        row = page.locator("#issue-afghanistan")
        assert row.locator(".level").first.inner_text() == "common"
        evidence = row.locator("ol.evidence")
        assert not evidence.is_visible()
        row.locator("details > summary").click()
        assert evidence.is_visible()
        assert evidence.locator("li").count() == 3
        text = evidence.inner_text()
        assert RELATIONS_SCRIPT in text  # shown as text, never run
        assert "far apart on Afghanistan" in text
        assert offline.dialogs == []
        # A level from the period's climate is a dashed badge; whatever the level, its text
        # stays dark enough to read on the white page.
        assert page.locator("#issue-arms_control .level.climate").count() >= 1
        styles = page.evaluate(
            """() => ["common", "partial", "apart"].map(level => {
                const e = document.createElement("span");
                e.className = "level climate " + level;
                document.querySelector("#agreement").appendChild(e);
                const s = getComputedStyle(e);
                return [s.color, s.borderTopStyle];
            })"""
        )
        for color, border in styles:
            r, g, b = (int(v) for v in re.findall(r"\d+", color)[:3])
            assert border == "dashed" and 0.299 * r + 0.587 * g + 0.114 * b < 160, styles

        # Commitments: opening a row shows the commitment sentence and the reports on it.
        table = page.locator("#commitments-table")
        assert table.locator("tbody tr").count() == 2
        for summary in table.locator("details > summary").all():
            summary.click()
        reports = table.inner_text()
        assert "Russia suspended its participation in New START" in reports
        assert "Both sides met the limits of New START on time" in reports

        # Turning points: the table's month is the dashed rule drawn on the chart.
        month = page.locator("#turning-points tbody th").first.inner_text()
        rules = page.locator(f'figure.chart svg line[aria-label^="Turning point {month}"]')
        assert rules.count() == 2
        box = rules.first.bounding_box()  # a vertical line: no width, the panel's height
        chart = page.locator("figure.chart svg").bounding_box()
        assert box is not None and chart is not None and box["height"] > 100
        assert chart["x"] < box["x"] < chart["x"] + chart["width"]

        page.locator("#agreement").scroll_into_view_if_needed()
        shot = tmp_path / "relations.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
    finally:
        offline.close()
    assert all(u.startswith("file://") for u in offline.requests), offline.requests
