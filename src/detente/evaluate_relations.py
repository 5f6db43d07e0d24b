"""Scoring relations analysis against test cases with known answers (tests/relations_gold/).

Each case is a folder with `corpus.jsonl` and `expected.yaml` (format in that folder's README):
the corpus is analysed into a temporary store, and the agreement map of each listed period, the
commitments and the turning points are compared with the expected ones.

- issue levels: right when the level equals the expected one;
- commitments: an expected commitment is found when a commitment of the same actor was read from
  a sentence containing its `match` text (of several pledges in that sentence, the one whose text
  holds the match); right when its status equals the expected one (`pledged` is read as
  `pending`);
- turning points: a predicted month within `tolerance` months of an expected one counts.

A case may also hold `second_reader.yaml`: the same questions answered by a second analyst who
read only the corpus. Its agreement with `expected.yaml`, scored the same way, shows how far two
careful readers agree, the ceiling the tool can be held to.

And `sentence_labels.jsonl`: sentences a reader judged one by one for an issue of the case
(`issue`, document `date`, `sentence`, `label`: common, partial, apart or none, `why`). The tool's
reading of a sentence is the polarity it gives it as evidence on that issue in the period of the
map holding the date, "none" when it does not count it there. The sentences were drawn from what
the tool counted at one time, so they measure what it counts, not what it misses.
"""

from __future__ import annotations

import hashlib
import json
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from detente.agreement import (
    READER_BASIS,
    IssueStance,
    Thresholds,
    agreement_map,
    labelled_sentences,
)
from detente.commitments import Commitment, commitments, fate_pairs, rule_commitments
from detente.config import Config
from detente.datafiles import read_yaml
from detente.fates import FateReader, FateSample, read_fate_labels, train_fates
from detente.issues import Taxonomy, load_taxonomy
from detente.levels import LevelModel, level_features, load_levels, train_levels
from detente.pipeline import run
from detente.reader import Reader, Sample, read_labels, train
from detente.store import Store
from detente.turning import turning_points


def _month_index(value: str) -> int:
    year, month = int(value[:4]), int(value[5:7])
    return year * 12 + month


@dataclass
class CaseResult:
    name: str
    levels: list[tuple[str, str, str, str]] = field(
        default_factory=list
    )  # period, issue, want, got
    commitments: list[tuple[str, str, str]] = field(default_factory=list)  # match, want, got
    points_expected: list[str] = field(default_factory=list)
    points_found: list[str] = field(default_factory=list)
    points_matched: int = 0
    # a second reader's answers against the expected ones: (what, want, theirs)
    reader: list[tuple[str, str, str]] = field(default_factory=list)
    # sentences judged one by one: (issue, the reader's label, the tool's)
    sentences: list[tuple[str, str, str]] = field(default_factory=list)
    # scored by a sentence reader trained without this case's labels (`folds`)
    cross_fitted: bool = False
    # beside each level row, for an issue with evidence of its own: what the learned level
    # decision reads of it (`detente.levels.level_features`) and the thresholds' level
    level_inputs: list[tuple[dict[str, float], str] | None] = field(default_factory=list)
    # beside each level row, the learned level decision's level where it makes one (with
    # `folds`, by the model fitted without this case's fold; else by the shipped one)
    learned: list[str | None] = field(default_factory=list)

    def right(self, rows: list[tuple]) -> int:
        return sum(1 for r in rows if r[-1] == r[-2])

    def thresholds_levels(self) -> list[tuple[str, str, str, str]]:
        """The level rows as the thresholds decide them."""
        return [
            (period, issue, want, inputs[1] if inputs else got)
            for (period, issue, want, got), inputs in zip(self.levels, self.level_inputs,
                                                           strict=True)
        ]  # fmt: skip

    def learned_levels(self) -> list[tuple[str, str, str, str]]:
        """The level rows as the learned level decision decides them, where it was asked."""
        learned = self.learned or [None] * len(self.levels)
        return [(period, issue, want, level or got)
                for (period, issue, want, got), level in zip(self.levels, learned, strict=True)]  # fmt: skip


# The map's default settings (the shipped reader, or the one `folds` trains, on top).
DEFAULT_THRESHOLDS = Thresholds()
# Words an answer file may use for a status: a pledge with no news is "pending".
STATUS_ALIASES = {"pledged": "pending"}


def _as_date(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _status(value: Any) -> str:
    return STATUS_ALIASES.get(str(value), str(value))


def _matched(expected: Iterable[str], found: Iterable[str], tolerance: int) -> int:
    """How many expected months have a found one within `tolerance` months, each found month
    used once."""
    used: set[str] = set()
    for want in expected:
        hit = next((g for g in found if g not in used
                    and abs(_month_index(g) - _month_index(want)) <= tolerance), None)  # fmt: skip
        if hit:
            used.add(hit)
    return len(used)


def _second_reader(
    expected: dict[str, Any], path: Path, tolerance: int = 2
) -> list[tuple[str, str, str]]:
    """A second reader's answers next to the expected ones, question by question; turning
    points as one row each, "matched" when the reader named a month within `tolerance`."""
    theirs = read_yaml(path) or {}
    rows = []
    for period, other in zip(expected.get("maps") or [], theirs.get("maps") or [], strict=True):
        for issue, want in (period.get("levels") or {}).items():
            rows.append(("level", want, str((other.get("levels") or {}).get(issue))))
    for want, other in zip(
        expected.get("commitments") or [], theirs.get("commitments") or [], strict=True
    ):
        if str(want["match"]) != str(other["match"]):
            raise ValueError(f"{path}: commitments not in the order of expected.yaml")
        rows.append(("status", _status(want["status"]), _status(other["status"])))
    theirs_points = [str(p)[:7] for p in theirs.get("turning_points") or []]
    for want in expected.get("turning_points") or []:
        hit = _matched([str(want)[:7]], theirs_points, tolerance)
        rows.append(("turning point", "matched", "matched" if hit else "missed"))
    return rows


def evaluate_case(
    folder: Path, config: Config, tolerance: int = 2, store: Store | None = None,
    reader: Reader | None = None, thresholds: Thresholds = DEFAULT_THRESHOLDS,
    fates: FateReader | None = None,
) -> CaseResult:  # fmt: skip
    """Score one case: on `store` when it holds the case's corpus already analysed, else on a
    temporary one; the map reads with `reader` and the commitments with `fates` (default: the
    shipped ones; neither when `thresholds.reader` is off)."""
    if store is None:
        with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "case.duckdb") as fresh:
            run([folder / "corpus.jsonl"], fresh, config)
            return evaluate_case(folder, config, tolerance, fresh, reader, thresholds, fates)
    expected = read_yaml(folder / "expected.yaml") or {}
    result = CaseResult(folder.name)
    if (folder / "second_reader.yaml").exists():
        result.reader = _second_reader(expected, folder / "second_reader.yaml", tolerance)
    taxonomy = load_taxonomy()
    side, other = list(expected["side"]), list(expected["other"])
    labels = _sentence_labels(folder / "sentence_labels.jsonl")
    for period in expected.get("maps") or []:
        since, until = _as_date(period.get("since")), _as_date(period.get("until"))
        got = {s.issue: s
               for s in agreement_map(store, taxonomy, side, other, since, until, thresholds, reader)}  # fmt: skip
        label = f"{since or ''}..{until or ''}"
        for issue, want in (period.get("levels") or {}).items():
            stance = got.get(issue)
            result.levels.append((label, issue, want, stance.level if stance else "unknown"))
            own = stance is not None and stance.level != "unknown" and not stance.from_climate
            result.level_inputs.append(
                (level_features(stance), thresholds.level(stance.score or 0.0)) if own else None
            )
        for row in labels:
            day = date.fromisoformat(row["date"])
            if (since and day < since) or (until and day > until):
                continue
            stance = got.get(row["issue"])
            read = _reading(stance, row["sentence"])
            result.sentences.append((row["issue"], row["label"], read))
    found = commitments(store, taxonomy, fates=fates, use_fates=thresholds.reader)
    for want in expected.get("commitments") or []:
        match = _match(found, want)
        status = _status(want["status"])
        result.commitments.append(
            (str(want["match"]), status, match.status if match else "not found")
        )
    result.points_expected = [str(p) for p in expected.get("turning_points") or []]
    result.points_found = [p.period[:7] for p in turning_points(store, side, other)]
    result.points_matched = _matched(result.points_expected, result.points_found, tolerance)
    return result


def _match(found: Iterable[Commitment], want: dict[str, Any]) -> Commitment | None:
    """The commitment found for an expected one: of the same actor, read from a sentence holding
    its match text (of several pledges in the sentence, the one whose words hold it)."""
    text = str(want["match"])
    match = [c for c in found if c.actor == want["actor"] and text in c.sentence]
    match.sort(key=lambda c: text not in c.commitment)
    return match[0] if match else None


def _reading(stance: IssueStance | None, sentence: str) -> str:
    """How the map counts a sentence for an issue: the polarity of its evidence there (the rules'
    reading before the learned reader's), "none" if not counted."""
    found = [
        e
        for e in (stance.evidence if stance else ())
        if e.sentence == sentence and not e.by_climate
    ]
    found.sort(key=lambda e: e.basis.startswith(READER_BASIS))
    return found[0].polarity if found else "none"


def _sentence_labels(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


READER_LABELS = "reader_labels.jsonl"  # a case's sentence labels, the reader's training data
FATE_LABELS = "fate_labels.jsonl"  # a case's pledge fates, the fate reader's training data


def evaluate_relations(
    folders: Iterable[Path], config: Config, folds: int = 0, use_reader: bool = True,
    learned: bool = False,
) -> list[CaseResult]:  # fmt: skip
    """Score every case of `folders`. With `folds` > 1, the cases whose sentences our readers
    labelled (`reader_labels.jsonl`) are scored cross-fitted: split into that many folds by
    name, each fold's map reads with a sentence reader, and its commitments with a fate reader,
    trained on the other folds' labels only (`reader_labels.jsonl`, `fate_labels.jsonl`), and
    a level model is fitted to the other folds' expected levels, on maps each read with its own
    fold's reader; so no case is scored by a model that saw its answers. The other cases read
    with the shipped models. Levels are the thresholds' unless `learned`; the learned level
    decision's are kept beside them either way (`CaseResult.learned`). `use_reader` False
    scores the rules alone."""
    cases = []
    for root in map(Path, folders):
        cases += (
            [root]
            if (root / "expected.yaml").exists()
            else sorted(p for p in root.iterdir() if (p / "expected.yaml").exists())
        )
    if not use_reader:
        return [evaluate_case(c, config, thresholds=Thresholds(reader=False)) for c in cases]
    labelled_cases = [c for c in cases if (c / READER_LABELS).exists()]
    if folds < 2 or not labelled_cases:
        return _by_shipped_levels([evaluate_case(c, config) for c in cases], learned)
    taxonomy = load_taxonomy()
    with tempfile.TemporaryDirectory() as tmp:
        stores = {c: Path(tmp) / f"{k}.duckdb" for k, c in enumerate(cases)}
        samples: dict[Path, list[Sample]] = {}
        fate_samples: dict[Path, list[FateSample]] = {}
        for c in cases:
            with Store(stores[c]) as store:
                run([c / "corpus.jsonl"], store, config)
                if c in labelled_cases:
                    samples[c] = case_samples(c, store, taxonomy)
                    fate_samples[c] = case_fate_samples(c, store, taxonomy)
        fold = {c: _fold(c.name, folds) for c in labelled_cases}
        readers = {
            k: train([s for c, found in samples.items() if fold[c] != k for s in found],
                     list(taxonomy.issues))
            for k in sorted(set(fold.values()))
        }  # fmt: skip
        fate_readers = {
            k: train_fates([s for c, found in fate_samples.items() if fold[c] != k for s in found])
            for k in sorted(set(fold.values()))
        }
        results = []
        for c in cases:
            with Store(stores[c], read_only=True) as store:
                reader = readers[fold[c]] if c in fold else None
                fates = fate_readers[fold[c]] if c in fold else None
                # the thresholds' levels first: the level models learn from these maps
                results.append(evaluate_case(c, config, store=store, reader=reader, fates=fates))
                results[-1].cross_fitted = c in fold
        folded = {r.name: fold[c] for r, c in zip(results, cases, strict=True) if c in fold}
        for k in sorted(set(fold.values())):
            rows = level_rows(r for r in results if folded.get(r.name, k) != k)
            if not rows:  # no other fold's answers to learn from: the thresholds decide
                continue
            model = train_levels(rows)
            for r in results:
                if folded.get(r.name) == k:
                    _decide_levels(r, model, learned)
        _by_shipped_levels([r for r in results if r.name not in folded], learned)
        return results


def level_rows(results: Iterable[CaseResult]) -> list[tuple[dict[str, float], str]]:
    """The learned level decision's training rows from scored cases: for each expected level of
    an issue with evidence of its own, what the decision reads of it and the expected level."""
    return [
        (inputs[0], want)
        for r in results
        for (_, _, want, _), inputs in zip(r.levels, r.level_inputs, strict=True)
        if inputs is not None
    ]


def _by_shipped_levels(results: list[CaseResult], adopt: bool) -> list[CaseResult]:
    """`results` with the shipped level model's levels beside theirs (see `_decide_levels`)."""
    if (model := load_levels()) is not None:
        for r in results:
            _decide_levels(r, model, adopt)
    return results


def _decide_levels(result: CaseResult, model: LevelModel, adopt: bool) -> None:
    """The levels `model` gives a case's issues with evidence of their own, kept beside the
    case's levels (`CaseResult.learned`), and made its levels when `adopt`."""
    result.learned = [model.decide(inputs[0]) if inputs else None for inputs in result.level_inputs]
    if adopt:
        result.levels = result.learned_levels()


def case_samples(folder: Path, store: Store, taxonomy: Taxonomy) -> list[Sample]:
    """The sentence reader's training samples of a case whose corpus `store` holds: its
    labelled sentences (`reader_labels.jsonl`), read for the case's pair."""
    expected = read_yaml(folder / "expected.yaml") or {}
    labels = read_labels(folder / READER_LABELS)
    return labelled_sentences(
        store, taxonomy, list(expected["side"]), list(expected["other"]), labels
    )


def case_fate_samples(folder: Path, store: Store, taxonomy: Taxonomy) -> list[FateSample]:
    """The fate reader's training samples of a case whose corpus `store` holds: for each
    expected commitment the rules found, every sentence after its pledge, labelled with the fate
    our readers read in it (`fate_labels.jsonl`) or "none". A sentence another model splits
    otherwise than the labelled one is left out."""
    if not (folder / FATE_LABELS).exists():
        return []
    expected = read_yaml(folder / "expected.yaml") or {}
    labels = read_fate_labels(folder / FATE_LABELS)
    found, rows = rule_commitments(store, taxonomy)
    wanted: dict[int, dict[tuple[str, int], tuple[str, str]]] = {}
    matched: list[Commitment] = []
    for k, want in enumerate(expected.get("commitments") or []):
        c = _match(found, want)
        if c is not None and k in labels and id(c) not in wanted:
            wanted[id(c)] = labels[k]
            matched.append(c)
    out: list[FateSample] = []
    for c, pairs in fate_pairs(matched, rows):
        told = wanted[id(c)]
        for v, f in pairs:
            text, fate = told.get((v.doc_id, v.sent_index), (v.text, "none"))
            if text == v.text:
                out.append((frozenset(f), fate))
    return out


def _fold(name: str, folds: int) -> int:
    """A case's fold: the same on every machine and run (not Python's salted hash)."""
    return int(hashlib.sha256(name.encode()).hexdigest(), 16) % folds


def summary(results: list[CaseResult]) -> dict[str, Any]:
    levels = [r for c in results for r in c.levels]
    promises = [r for c in results for r in c.commitments]
    expected = sum(len(c.points_expected) for c in results)
    found = sum(len(c.points_found) for c in results)
    matched = sum(c.points_matched for c in results)
    read = [c for c in results if c.reader]
    return {
        "issue_levels": {"right": sum(1 for r in levels if r[2] == r[3]), "total": len(levels)},
        "commitment_statuses": {
            "right": sum(1 for r in promises if r[1] == r[2]),
            "total": len(promises),
        },
        "turning_points": {"expected": expected, "found": found, "matched": matched},
        # on the cases a second analyst answered too: that analyst's score, and the tool's
        "second_reader": {
            "cases": len(read),
            **{
                what: {
                    "reader": sum(1 for c in read for w, a, b in c.reader if w == key and a == b),
                    "tool": sum(c.right(rows(c)) if rows else c.points_matched for c in read),
                    "total": sum(1 for c in read for w, _, _ in c.reader if w == key),
                }
                for what, key, rows in (
                    ("issue_levels", "level", lambda c: c.levels),
                    ("commitment_statuses", "status", lambda c: c.commitments),
                    ("turning_points", "turning point", None),
                )
            },
        },
        "sentences": _sentence_scores([r for c in results for r in c.sentences]),
    }


def _sentence_scores(rows: list[tuple[str, str, str]]) -> dict[str, int]:
    """How the tool reads the sentences a reader judged: of those the reader found to speak for
    the pair on the issue, how many it reads the same way ("partial" included); of those the
    reader found not to ("none"), how many it still counts."""
    speaking = [(want, got) for _, want, got in rows if want != "none"]
    silent = [got for _, want, got in rows if want == "none"]
    return {
        "judged": len(rows),
        "speaking": len(speaking),
        "same": sum(1 for want, got in speaking if want == got),
        "opposite": sum(1 for pair in speaking if set(pair) == {"common", "apart"}),
        "missed": sum(1 for _, got in speaking if got == "none"),
        "silent": len(silent),
        "counted_silent": sum(1 for got in silent if got != "none"),
    }


def render(results: list[CaseResult], console: Console) -> None:
    table = Table(title="detente relations evaluation")
    for col in (
        "case",
        "issue levels",
        "commitment statuses",
        "turning points (matched/expected/found)",
    ):
        table.add_column(col)
    for c in results:
        table.add_row(
            c.name,
            f"{c.right(c.levels)}/{len(c.levels)}",
            f"{c.right(c.commitments)}/{len(c.commitments)}",
            f"{c.points_matched}/{len(c.points_expected)}/{len(c.points_found)}",
        )
    s = summary(results)
    lv, cm, tp = s["issue_levels"], s["commitment_statuses"], s["turning_points"]

    def pct(a: int, b: int) -> str:
        return f"{a}/{b} = {a / b:.0%}" if b else "-"

    table.add_row("[bold]all[/]", pct(lv["right"], lv["total"]), pct(cm["right"], cm["total"]),
                  f"{tp['matched']}/{tp['expected']}/{tp['found']}")  # fmt: skip
    console.print(table)
    console.print("goals: issue levels >= 85%, commitment statuses >= 85%")
    crossed = [c for c in results if c.cross_fitted]
    if crossed:
        right = sum(c.right(c.levels) for c in crossed)
        total = sum(len(c.levels) for c in crossed)
        kept = sum(c.right(c.commitments) for c in crossed)
        pledges = sum(len(c.commitments) for c in crossed)
        by_thresholds = sum(c.right(c.thresholds_levels()) for c in crossed)
        by_model = sum(c.right(c.learned_levels()) for c in crossed)
        console.print(
            f"{len(crossed)} cases with sentence labels were scored cross-fitted, each map read by "
            f"a sentence reader and each pledge's fate by a fate reader trained without its "
            f"case's labels: issue levels {pct(right, total)}, commitment statuses "
            f"{pct(kept, pledges)} there; levels by the thresholds {pct(by_thresholds, total)}, by "
            f"the learned level decision fitted to the other folds' answers "
            f"{pct(by_model, total)}",
            highlight=False,
        )
    elif any(c.learned for c in results):
        total = sum(len(c.levels) for c in results)
        by_thresholds = sum(c.right(c.thresholds_levels()) for c in results)
        by_model = sum(c.right(c.learned_levels()) for c in results)
        console.print(
            f"issue levels by the thresholds {pct(by_thresholds, total)}, by the learned level "
            f"decision {pct(by_model, total)}",
            highlight=False,
        )
    sr = s["second_reader"]
    if sr["cases"]:
        lv, cm, tp = sr["issue_levels"], sr["commitment_statuses"], sr["turning_points"]
        console.print(
            f"on the {sr['cases']} cases a second analyst answered from the corpus alone, that "
            f"analyst agrees on {pct(lv['reader'], lv['total'])} of issue levels, "
            f"{pct(cm['reader'], cm['total'])} of statuses and {pct(tp['reader'], tp['total'])} "
            f"of turning points; the tool gets {pct(lv['tool'], lv['total'])}, "
            f"{pct(cm['tool'], cm['total'])} and {pct(tp['tool'], tp['total'])}",
            highlight=False,
        )
    st = s["sentences"]
    if st["judged"]:
        console.print(
            f"on {st['judged']} sentences a reader judged one by one: of the {st['speaking']} that "
            f"speak for the pair on their issue the tool reads {pct(st['same'], st['speaking'])} "
            f"the same way ({st['opposite']} the opposite way, {st['missed']} not at all); of the "
            f"{st['silent']} that do not, it counts {st['counted_silent']}",
            highlight=False,
        )
    for c in results:
        for period, issue, want, got in c.levels:
            if want != got:
                console.print(
                    f"  {c.name} {period} {issue}: expected {want}, got {got}", highlight=False
                )
        for match, want, got in c.commitments:
            if want != got:
                console.print(
                    f"  {c.name} commitment '{match}': expected {want}, got {got}", highlight=False
                )
