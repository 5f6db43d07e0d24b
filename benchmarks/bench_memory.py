"""Memory while streaming a large corpus: resident size should level off, not grow with the corpus.

Builds a JSONL corpus of N documents from the sample corpus (each copy made unique so none is
skipped as already stored), runs the pipeline on it into a temporary store, and prints the
process's resident memory after each tenth of the documents.

    .venv/bin/python benchmarks/bench_memory.py [--docs 600]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from detente.config import Config
from detente.ingest import read_inputs
from detente.pipeline import run
from detente.records import Document
from detente.store import Store

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=600)
    args = ap.parse_args()
    base = [d for d in read_inputs([CORPUS], Config()) if isinstance(d, Document)]
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "big.jsonl"
        with corpus.open("w", encoding="utf-8") as fh:
            for i in range(args.docs):
                d = base[i % len(base)]
                text = f"{d.text}\n\nCopy {i} of this dispatch was filed for the benchmark."
                fh.write(json.dumps({"id": f"b{i}", "date": str(d.date), "text": text}) + "\n")
        samples: list[tuple[int, float]] = []
        step = max(1, args.docs // 10)

        def progress(inputs: int, added: int, events: int) -> None:
            if added and added % step == 0 and (not samples or samples[-1][0] != added):
                samples.append((added, rss_mb()))

        with Store(Path(tmp) / "s.duckdb") as store:
            summary = run([corpus], store, Config(), progress=progress)
        chars = corpus.stat().st_size
    print(f"{summary.added} documents ({chars / 1e6:.1f} MB of JSONL), {summary.events} events")
    for added, mb in samples:
        print(f"  after {added:6d} documents: RSS {mb:7.1f} MB")
    if len(samples) >= 2:
        first, last = samples[0][1], samples[-1][1]
        print(f"RSS growth from first to last tenth: {last - first:+.1f} MB ({last / first:.2f}x)")


if __name__ == "__main__":
    main()
