"""Check that hand-written relations cases follow the conventions of tests/relations_gold/.

    python tools/check_case.py CASE_DIR [CASE_DIR ...]

For each case folder (corpus.jsonl + expected.yaml) it checks what a case writer can get wrong
without running the tool: documents with id, date, title, source and text, ids unique and dates in
order; side and other given; periods in order, not overlapping and covering the corpus from the
first document's date to the last's; the same issues in every period; issue ids, levels and
statuses from the taxonomy and the scorer's vocabulary; every commitment's `match` occurring
exactly once in the corpus; turning points as YYYY-MM months within the corpus. It prints one line
per problem and a count per case, never the answers, and exits 1 if any case has a problem.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date, timedelta
from pathlib import Path

from detente.datafiles import read_yaml
from detente.errors import DetenteError
from detente.evaluate_relations import _as_date
from detente.issues import load_taxonomy

LEVELS = {"common", "partial", "apart", "unknown"}
STATUSES = {"pending", "fulfilled", "breached", "suspended", "withdrawn"}
COMMITMENT_KEYS = {"actor", "counterpart", "match", "quantity", "unit", "deadline", "status"}


def check_case(folder: Path, issue_ids: set[str]) -> list[str]:
    problems: list[str] = []
    docs = [
        json.loads(line)
        for line in (folder / "corpus.jsonl").open(encoding="utf-8")
        if line.strip()
    ]
    for n, doc in enumerate(docs, 1):
        missing = {"id", "date", "title", "source", "text"} - doc.keys()
        if missing:
            problems.append(f"document {n}: missing {sorted(missing)}")
    if len({d.get("id") for d in docs}) != len(docs):
        problems.append("document ids are not unique")
    dates = [_as_date(d["date"]) for d in docs if "date" in d]
    if dates != sorted(dates):
        problems.append("documents are not in date order")
    text = "\n".join(str(d.get("text", "")) for d in docs)

    expected = read_yaml(folder / "expected.yaml")
    for key in ("side", "other", "maps", "commitments", "turning_points"):
        if key not in expected:
            problems.append(f"expected.yaml: no {key}")
    maps = expected.get("maps") or []
    previous_until: date | None = None
    issue_sets = []
    for n, period in enumerate(maps, 1):
        since, until = _as_date(period["since"]), _as_date(period["until"])
        if since > until:
            problems.append(f"period {n}: since after until")
        if previous_until is not None and since != previous_until + timedelta(days=1):
            problems.append(f"period {n}: does not start the day after period {n - 1} ends")
        previous_until = until
        levels = period.get("levels") or {}
        issue_sets.append(set(levels))
        for issue, level in levels.items():
            if issue not in issue_ids:
                problems.append(f"period {n}: unknown issue id {issue!r}")
            if level not in LEVELS:
                problems.append(f"period {n}: {issue}: level {level!r} not one of {sorted(LEVELS)}")
    if (
        dates
        and maps
        and (_as_date(maps[0]["since"]) > dates[0] or _as_date(maps[-1]["until"]) < dates[-1])
    ):
        problems.append("the periods do not cover every document")
    if any(s != issue_sets[0] for s in issue_sets):
        problems.append("the periods judge different issues")

    for n, c in enumerate(expected.get("commitments") or [], 1):
        missing = COMMITMENT_KEYS - c.keys()
        if missing:
            problems.append(f"commitment {n}: missing {sorted(missing)}")
        if c.get("status") not in STATUSES:
            problems.append(
                f"commitment {n}: status {c.get('status')!r} not one of {sorted(STATUSES)}"
            )
        found = text.count(str(c.get("match", "")))
        if found != 1:
            problems.append(f"commitment {n}: match occurs {found} times in the corpus, not once")

    months = {d.strftime("%Y-%m") for d in dates}
    first, last = (min(months), max(months)) if months else ("", "")
    for tp in expected.get("turning_points") or []:
        if not re.fullmatch(r"\d{4}-\d{2}", str(tp)):
            problems.append(f"turning point {tp!r} is not YYYY-MM")
        elif not first <= str(tp) <= last:
            problems.append(f"turning point {tp} is outside the corpus")
    return problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="+", type=Path)
    args = ap.parse_args(argv)
    issue_ids = set(load_taxonomy().issues)
    bad = 0
    for folder in args.cases:
        try:
            problems = check_case(folder, issue_ids)
        except (OSError, ValueError, KeyError, TypeError, DetenteError) as exc:
            problems = [f"cannot read: {exc}"]
        for p in problems:
            print(f"{folder.name}: {p}")
        print(f"{folder.name}: {len(problems)} problem(s)")
        bad += bool(problems)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
