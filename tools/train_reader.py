"""Train the sentence reader (`detente.reader`) and the fate reader (`detente.fates`) on our
readers' labels.

    python tools/train_reader.py [--cases DIR] [--out FILE] [--fates-out FILE] [--stores DIR]

Reads every case of DIR (default tests/relations_gold) that has `reader_labels.jsonl` (one line
per sentence: doc_id, i = the sentence's index, labels = {issue: stance}), analyses its corpus with
the default pipeline (or opens DIR/<case>.duckdb from --stores), fits one L2 logistic regression per
issue and one multinomial regression for stances (scipy L-BFGS), and writes the weights as gzipped JSON
(default src/detente/data/relations/reader.json.gz). Deterministic: the same labels give the same file.

The fate reader learns from the cases' `fate_labels.jsonl` (for each expected commitment, the later
sentences that tell what became of it, and what): one L2 logistic regression for whether a sentence
after a pledge tells its fate, one multinomial regression for which (default output
src/detente/data/relations/fates.json.gz).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from detente.config import Config
from detente.evaluate_relations import READER_LABELS, case_fate_samples, case_samples
from detente.fates import save_fate_reader, train_fates
from detente.issues import load_taxonomy
from detente.pipeline import run
from detente.reader import save_reader, train
from detente.store import Store


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=Path, default=Path("tests/relations_gold"))
    ap.add_argument("--out", type=Path, default=Path("src/detente/data/relations/reader.json.gz"))
    ap.add_argument(
        "--fates-out", type=Path, default=Path("src/detente/data/relations/fates.json.gz")
    )
    ap.add_argument("--stores", type=Path, help="analysed stores DIR/<case>.duckdb to reuse")
    args = ap.parse_args(argv)
    taxonomy = load_taxonomy()
    cases = sorted(p for p in args.cases.iterdir() if (p / READER_LABELS).exists())
    samples, fate_samples = [], []
    with tempfile.TemporaryDirectory() as tmp:
        for case in cases:
            path = (args.stores or Path(tmp)) / f"{case.name}.duckdb"
            if not args.stores:
                with Store(path) as store:
                    run([case / "corpus.jsonl"], store, Config())
            with Store(path, read_only=True) as store:
                samples += case_samples(case, store, taxonomy)
                fate_samples += case_fate_samples(case, store, taxonomy)
    reader = train(samples, list(taxonomy.issues))
    save_reader(reader, args.out)
    n_pairs = sum(len(labels) for _, labels in samples)
    print(f"{len(cases)} cases, {len(samples)} sentences, {n_pairs} labelled issues -> {args.out}")
    save_fate_reader(train_fates(fate_samples), args.fates_out)
    told = sum(label != "none" for _, label in fate_samples)
    print(f"{len(fate_samples)} sentences after pledges, {told} telling a fate -> {args.fates_out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
