"""Would a learned decision beat the agreement map's thresholds? A cross-validated check.

For every issue judgment of the development cases that the map answers with evidence, this takes
what the map knows of the issue (its score before and after the climate lean, the climate, the
weights of common, apart and partial evidence, how mixed they are, the score of cue, event and tone
evidence apart, of the later half of the period, ...) and fits a logistic regression from those
numbers to the analysts' level, scoring it on cases it was not fitted on (grouped K-fold, whole
cases held out, repeated with shuffled folds). It prints the thresholds' own score on the same
judgments next to it. `docs/relations.md` ("How accurate it is") reports the result.

This is the eighteenth round's study, kept as it ran (it reads the map without the sentence
reader's split from the rules' evidence); the level decision detente now ships is trained and
cross-fitted by `tools/train_levels.py` (docs/relations.md, "The learned level decision").

    pip install scikit-learn   # not a dependency of detente
    python tools/level_model_cv.py tests/relations_gold --stores /tmp/gold-stores

Stores missing from --stores are built from each case's corpus first (a few minutes).
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from dataclasses import replace
from datetime import date
from pathlib import Path

import numpy as np

from detente.agreement import IssueStance, Thresholds, agreement_map, climate_of
from detente.config import Config
from detente.datafiles import read_yaml
from detente.issues import load_taxonomy
from detente.pipeline import run
from detente.store import Store

FEATURES = (
    "score", "raw_score", "climate", "log_sentences", "log_common", "log_apart", "log_partial",
    "mixed", "cue_score", "event_score", "tone_score", "later_half_score", "event_share",
    "tone_share", "from_climate",
)  # fmt: skip


def _day(value: object) -> date | None:
    return (
        None
        if value is None
        else value
        if isinstance(value, date)
        else date.fromisoformat(str(value))
    )


def _balance_score(evidence: list) -> float:  # noqa: ANN001
    p = sum(abs(e.weight) for e in evidence if e.polarity == "common")
    n = sum(abs(e.weight) for e in evidence if e.polarity == "apart")
    q = sum(abs(e.weight) for e in evidence if e.polarity == "partial")
    return (p - n) / (p + n + 2 * q) if p + n + q else 0.0


def features(leaned: IssueStance, raw: IssueStance | None, climate: float) -> list[float]:
    evidence = list(raw.evidence) if raw else []
    b = raw.balance if raw else {"common": 0.0, "apart": 0.0, "partial": 0.0}
    p, n, q = b["common"], b["apart"], b["partial"]
    cue = [e for e in evidence if not e.basis.startswith(("tone", "events", "agenda"))]
    events = [e for e in evidence if e.basis.startswith("events")]
    tone = [e for e in evidence if e.by_tone]
    later = sorted(evidence, key=lambda e: e.date or "")[len(evidence) // 2 :]
    total = max(len(evidence), 1)
    return [
        leaned.score or 0.0, (raw.score if raw and raw.score is not None else 0.0), climate,
        math.log1p(len(evidence)), math.log1p(p), math.log1p(n), math.log1p(q),
        min(p, n) / max(p, n, 1e-9), _balance_score(cue), _balance_score(events),
        _balance_score(tone), _balance_score(later), len(events) / total, len(tone) / total,
        float(leaned.from_climate),
    ]  # fmt: skip


def judgments(root: Path, stores: Path) -> list[tuple[str, str, str, list[float]]]:
    """(case, expected level, the map's level, features) for every judgment with evidence."""
    taxonomy, rule = load_taxonomy(), Thresholds()
    out = []
    for case in sorted(p for p in root.iterdir() if (p / "expected.yaml").exists()):
        expected = read_yaml(case / "expected.yaml")
        db = stores / f"{case.name}.duckdb"
        if not db.exists():
            with Store(db) as store:
                run([case / "corpus.jsonl"], store, Config())
        with Store(db) as store:
            for period in expected.get("maps") or []:
                args = (store, taxonomy, list(expected["side"]), list(expected["other"]),
                        _day(period.get("since")), _day(period.get("until")))  # fmt: skip
                leaned = {s.issue: s for s in agreement_map(*args, rule)}
                raw = {s.issue: s for s in agreement_map(*args, replace(rule, climate=False))}
                climate = climate_of(s.evidence for s in raw.values())
                for issue, want in (period.get("levels") or {}).items():
                    got = leaned.get(issue)
                    if got is None or got.level == "unknown":
                        continue  # no evidence: nothing to decide from
                    row = features(got, raw.get(issue), climate.score if climate else 0.0)
                    out.append((case.name, want, got.level, row))
    return out


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", type=Path)
    parser.add_argument("--stores", type=Path, required=True)
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=8)
    parser.add_argument("--C", type=float, default=0.3, help="inverse regularisation strength")
    args = parser.parse_args()
    args.stores.mkdir(parents=True, exist_ok=True)
    rows = judgments(args.cases, args.stores)
    cases = np.array([r[0] for r in rows])
    want = np.array([r[1] for r in rows])
    rule = np.array([r[2] for r in rows])
    x = np.array([r[3] for r in rows])
    print(f"{len(rows)} judgments with evidence in {len(set(cases))} cases")
    print(f"thresholds (fitted on these same cases): {(rule == want).sum()} right")
    rng = np.random.default_rng(0)
    scores = []
    for _ in range(args.repeats):
        fold_of = {c: i % args.folds for i, c in enumerate(rng.permutation(sorted(set(cases))))}
        folds = np.array([fold_of[c] for c in cases])
        predicted = np.empty(len(want), dtype=object)
        for k in range(args.folds):
            test = folds == k
            model = make_pipeline(StandardScaler(), LogisticRegression(C=args.C, max_iter=2000))
            model.fit(x[~test], want[~test])
            predicted[test] = model.predict(x[test])
        scores.append(int((predicted == want).sum()))
        wrong = Counter(zip(want[predicted != want], predicted[predicted != want], strict=True))
    print(f"learned, on cases held out ({args.repeats} x {args.folds}-fold): {scores}, "
          f"mean {np.mean(scores):.1f}")  # fmt: skip
    print("last repeat's errors (expected, got):", wrong.most_common(5))


if __name__ == "__main__":
    main()
