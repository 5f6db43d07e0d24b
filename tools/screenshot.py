"""Screenshot the top of a detente HTML report with Debian's chromium (no network, no downloads).

    .venv/bin/python tools/screenshot.py demo/report.html docs/report.png

Needs the `playwright` Python package (dev extra) and /usr/bin/chromium
(`apt-get install chromium`, or `make browser`). Playwright's own browser download is not used.
Every request other than file:// is aborted, so the picture shows what an offline reader sees.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def screenshot(
    report: Path, out: Path, width: int = 1280, height: int = 1600, full_page: bool = False
) -> list[str]:
    """Save a `width` x `height` picture of the top of `report` to `out`; return blocked URLs."""
    from playwright.sync_api import sync_playwright

    blocked: list[str] = []

    def route(r) -> None:  # noqa: ANN001 - playwright's Route
        if r.request.url.startswith("file://"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    out.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            page.route("**/*", route)
            page.goto(report.resolve().as_uri(), wait_until="load")
            page.screenshot(path=str(out), full_page=full_page)
        finally:
            browser.close()
    return blocked


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("report", type=Path, help="the report HTML file")
    parser.add_argument("out", type=Path, help="the PNG to write")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=1600)
    parser.add_argument("--full-page", action="store_true", help="the whole page, not its top")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        parser.error(f"no report at {args.report}")
    if not Path(CHROMIUM).exists():
        parser.error(f"{CHROMIUM} is missing: apt-get install chromium (or `make browser`)")
    blocked = screenshot(args.report, args.out, args.width, args.height, args.full_page)
    for url in blocked:
        print(f"warning: blocked a network request to {url}", file=sys.stderr)
    print(f"screenshot -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
