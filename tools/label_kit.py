"""Labelling kits for relations cases about to join the development cases, and a check of the labels.

    python tools/label_kit.py make CASE... --out DIR
    python tools/label_kit.py check CASE... --kits DIR

`make` writes, for each case folder, DIR/<case>/ with:
- `sentences.jsonl`: every sentence of the corpus as the default pipeline splits it, in document
  and sentence order (`doc_id`, `i`, `sentence`), the units `reader_labels.jsonl` labels;
- `pledges.jsonl`: each expected commitment in the order of `expected.yaml` (`k`, `actor`,
  `match`, `status`, `made` = [doc_id, i] of the sentence holding its match);
- `prompt.md`: the task for one labeller who sees the kit and nothing of the tool
  (`tools/label_prompt.md` with the case's pair, folders and the issue list filled in).

The labeller writes `reader_labels.jsonl` and `fate_labels.jsonl` into the kit, in the formats
`tests/relations_gold/README.md` describes. `check` validates them against the kit (every sentence
once and as split, known issue ids and stances, one fate line per pledge in order, fate sentences
after the pledge and as split, known statuses) and prints the counts; copy the two files into the
case folder once it passes.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

from detente.config import Config
from detente.datafiles import read_yaml
from detente.issues import load_taxonomy
from detente.pipeline import run
from detente.store import Store

STANCES = ("common", "partial", "apart", "none")
FATES = ("fulfilled", "breached", "suspended", "withdrawn", "open")
PROMPT = Path(__file__).with_name("label_prompt.md")


def _read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _write_jsonl(path: Path, rows: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


def make(case: Path, out: Path) -> str:
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "case.duckdb") as store:
        run([case / "corpus.jsonl"], store, Config())
        order = {d["id"]: k for k, d in enumerate(_read_jsonl(case / "corpus.jsonl"))}
        rows = store.query("SELECT doc_id, sent_index AS i, text AS sentence FROM sentences")
    rows.sort(key=lambda r: (order.get(r["doc_id"], len(order)), r["i"]))
    expected = read_yaml(case / "expected.yaml") or {}
    pledges = []
    for k, want in enumerate(expected.get("commitments") or []):
        made = [[r["doc_id"], r["i"]] for r in rows if str(want["match"]) in r["sentence"]]
        if len(made) != 1:
            raise ValueError(f"{case.name}: match {want['match']!r} is in {len(made)} sentences")
        pledges.append({"k": k, "actor": want["actor"], "match": str(want["match"]),
                        "status": str(want["status"]), "made": made[0]})  # fmt: skip
    kit = out / case.name
    kit.mkdir(parents=True, exist_ok=True)
    _write_jsonl(kit / "sentences.jsonl", rows)
    _write_jsonl(kit / "pledges.jsonl", pledges)
    taxonomy = load_taxonomy()
    issues = "\n".join(
        f"- `{i.id}`: {i.label}. {i.description}".rstrip() for i in taxonomy.issues.values()
    )
    prompt = PROMPT.read_text(encoding="utf-8")
    for key, value in (("{DIR}", str(kit)), ("{CASE}", case.name), ("{ISSUES}", issues),
                       ("{SIDE}", ", ".join(expected["side"])),
                       ("{OTHER}", ", ".join(expected["other"]))):  # fmt: skip
        prompt = prompt.replace(key, value)
    (kit / "prompt.md").write_text(prompt, encoding="utf-8")
    return f"{case.name}: {len(rows)} sentences, {len(pledges)} pledges -> {kit}"


def check(case: Path, kit: Path) -> list[str]:
    """What is wrong with the labels in `kit` (empty: nothing), and the counts."""
    issues = set(load_taxonomy().issues)
    sentences = {(r["doc_id"], r["i"]): r["sentence"] for r in _read_jsonl(kit / "sentences.jsonl")}
    position = {key: k for k, key in enumerate(sentences)}
    errors, seen = [], set()
    labels = _read_jsonl(kit / "reader_labels.jsonl")
    for row in labels:
        key = (row.get("doc_id"), row.get("i"))
        if sentences.get(key) != row.get("sentence"):
            errors.append(f"reader label for {key} is not a sentence of the kit as split")
        if key in seen:
            errors.append(f"sentence {key} labelled twice")
        seen.add(key)
        for issue, stance in (row.get("labels") or {}).items():
            if issue not in issues or stance not in STANCES:
                errors.append(f"{key}: {issue}: {stance} is not an issue id and stance")
    if len(seen) != len(sentences):
        errors.append(f"{len(sentences) - len(seen & set(sentences))} sentences without a line")
    pledges = _read_jsonl(kit / "pledges.jsonl")
    fates = _read_jsonl(kit / "fate_labels.jsonl") if pledges else []
    if [f.get("k") for f in fates] != [p["k"] for p in pledges]:
        errors.append("fate_labels.jsonl needs one line per pledge, in the order of k")
    for want, got in zip(pledges, fates, strict=False):
        if [got.get("actor"), got.get("match"), got.get("made")] != [
            want["actor"], want["match"], want["made"]
        ]:  # fmt: skip
            errors.append(f"fate line {want['k']}: actor, match or made differ from the kit")
        for f in got.get("fate") or []:
            key = (f.get("doc_id"), f.get("i"))
            if sentences.get(key) != f.get("sentence"):
                errors.append(f"fate line {want['k']}: {key} is not a sentence of the kit")
            elif position[key] <= position[tuple(want["made"])]:
                errors.append(f"fate line {want['k']}: {key} is not after the pledge")
            if f.get("status") not in FATES:
                errors.append(f"fate line {want['k']}: status {f.get('status')!r}")
    n_labels = sum(len(r.get("labels") or {}) for r in labels)
    n_fates = sum(len(f.get("fate") or []) for f in fates)
    print(f"{case.name}: {len(labels)} sentences, {n_labels} issue labels, "
          f"{len(fates)} pledges, {n_fates} fate sentences; {len(errors)} errors")  # fmt: skip
    return errors


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("action", choices=("make", "check"))
    ap.add_argument("cases", nargs="+", type=Path)
    ap.add_argument("--out", "--kits", dest="kits", type=Path, required=True)
    args = ap.parse_args(argv)
    failed = False
    for case in args.cases:
        if args.action == "make":
            print(make(case, args.kits))
        else:
            errors = check(case, args.kits / case.name)
            for e in errors[:20]:
                print("  " + e)
            failed |= bool(errors)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
