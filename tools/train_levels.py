"""Train the agreement map's learned level decision (`detente.levels`) on the development cases.

    python tools/train_levels.py [--cases DIR] [--folds 5] [--out FILE] [--dump FILE]

Scores every case of DIR (default tests/relations_gold) as `detente evaluate-relations --folds`
does: each case's map is read by a sentence reader trained without that case's labels, and each
level is also decided by a level model fitted to the other folds' answers (printed beside the
thresholds' levels). Then fits one model to every case's issues
with evidence of their own, on those same cross-fitted maps, so that it learns from maps read as a
new text is read, and writes its weights as gzipped JSON (default
src/detente/data/relations/levels.json.gz). Deterministic: the same cases give the same file.
Retrain it after retraining the readers (`tools/train_reader.py`). `--dump` also writes every
level row of the cross-fitted maps as JSON lines (case, period, issue, expected level, the
thresholds' level, and the features where the issue has evidence of its own), so that other
decisions can be compared on the same maps in seconds.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from rich.console import Console

from detente.config import Config
from detente.evaluate_relations import evaluate_relations, level_rows, render
from detente.levels import save_levels, train_levels


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=Path("tests/relations_gold"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--out", type=Path, default=Path("src/detente/data/relations/levels.json.gz"))
    ap.add_argument("--dump", type=Path, help="also write the cross-fitted level rows here")
    args = ap.parse_args(argv)
    if args.folds < 2:
        ap.error("--folds must be at least 2: the model learns from cross-fitted maps")
    results = evaluate_relations([args.cases], Config(), args.folds)
    render(results, Console(width=200))
    rows = level_rows(r for r in results if r.cross_fitted)
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as out:
            for r in results:
                rows_by = zip(r.thresholds_levels(), r.level_inputs, strict=True)
                for (period, issue, want, got), inputs in rows_by:
                    line = {"case": r.name, "period": period, "issue": issue, "want": want,
                            "got": got, "features": inputs[0] if inputs else None}  # fmt: skip
                    out.write(json.dumps(line) + "\n")
    save_levels(train_levels(rows), args.out)
    print(f"{sum(r.cross_fitted for r in results)} cases, {len(rows)} issue levels -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
