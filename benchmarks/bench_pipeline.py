"""Throughput of detente's analysis relative to a bare spaCy parse of the same texts.

Both are measured in this one run, on this machine, over the same documents (the sample corpus,
repeated to make the timing stable), so the ratio means something even on a noisy shared machine.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat 5]
"""

from __future__ import annotations

import argparse
import time
import tracemalloc
from pathlib import Path

from detente.config import Config
from detente.ingest import read_inputs
from detente.pipeline import Analyser
from detente.records import Document

CORPUS = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    docs = [d for d in read_inputs([CORPUS], Config()) if isinstance(d, Document)]
    import spacy

    analyser = Analyser(Config())
    nlp = analyser.nlp
    bare_nlp = spacy.load(analyser.model_name)  # the model exactly as shipped, nothing of ours
    texts = [d.text for d in docs]
    list(nlp.pipe(texts[:4]))  # warm up
    list(bare_nlp.pipe(texts[:4]))

    def bare() -> float:
        t = time.perf_counter()
        for _ in range(args.repeat):
            for _doc in bare_nlp.pipe(texts, batch_size=32):
                pass
        return time.perf_counter() - t

    def ours() -> tuple[float, float, int]:
        t = time.perf_counter()
        events = 0
        coding = 0.0
        for _ in range(args.repeat):
            for d, parsed in zip(docs, nlp.pipe(texts, batch_size=32), strict=True):
                c = time.perf_counter()
                events += len(analyser.analyse(d, [(0, parsed)]).events)
                coding += time.perf_counter() - c
        return time.perf_counter() - t, coding, events

    # Interleave to share the machine's noise between both measurements.
    b1 = bare()
    o1, c1, n = ours()
    b2 = bare()
    o2, c2, _ = ours()
    bare_s, ours_s, coding_s = (b1 + b2) / 2, (o1 + o2) / 2, (c1 + c2) / 2
    chars = sum(map(len, texts)) * args.repeat
    print(f"documents: {len(docs)} x {args.repeat}, {chars:,} characters, {n // 2} events")
    print(f"bare spaCy parse:      {bare_s:7.2f} s  ({chars / bare_s / 1000:,.0f} k chars/s)")
    print(f"parse + detente:       {ours_s:7.2f} s  ({chars / ours_s / 1000:,.0f} k chars/s)")
    print(f"detente analysis only: {coding_s:7.2f} s")
    print(f"overhead ratio (parse+detente / bare parse): {ours_s / bare_s:.3f}")
    tracemalloc.start()
    for d, parsed in zip(docs, nlp.pipe(texts, batch_size=32), strict=True):
        analyser.analyse(d, [(0, parsed)])
    _, peak = tracemalloc.get_traced_memory()
    print(f"peak Python allocation during one analysis pass: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
