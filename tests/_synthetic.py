"""A small synthetic store for the report tests: a NATO-RUS dyad over several months and a few others.

Written through `Store.write` with the pipeline's own records, so the report reads exactly what a
run would have stored. Expected numbers for the NATO-RUS series are in `EXPECTED_MONTHLY`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from detente.codebook import load_codebook
from detente.records import Actor, ActorMention, Document, Event, Failure, Sentence
from detente.store import Analysis, Store

SCRIPT_SENTENCE = 'Moscow said <script>alert(1)</script> & accused NATO of "lying".'
FAILURE_REASON = "unreadable PDF: no text layer (scanned image?)"
FAILURE_ORIGIN = "corpus/scanned-note.pdf"


@dataclass(frozen=True)
class E:
    """One synthetic event in one sentence: the words must occur in the sentence."""

    sentence: str
    date: str
    precision: str
    source: str
    target: str
    source_text: str
    target_text: str
    event_text: str
    cameo: str
    negated: bool = False
    modality: str = "asserted"


def _country(code: str) -> str:
    return code if code in ("NATO", "EU", "UN") else code[:3]


# fmt: off
# NATO-RUS, both directions. Counted by default: the asserted/intended, non-negated ones.
NATO_RUS = [
    E("NATO and Russia signed a transit agreement in Moscow.", "2009-07-07", "day",
      "NATO", "RUS", "NATO", "Russia", "signed", "057"),  # +8
    E("Russia will meet NATO envoys to negotiate next week.", "2009-07-20", "day",
      "RUS", "NATO", "Russia", "NATO", "meet", "036", modality="intended"),  # +4
    E("NATO cooperated economically with Russian firms in July.", "2009-07", "month",
      "NATO", "RUSBUS", "NATO", "Russian firms", "cooperated", "061"),  # +6.4
    E("The Kremlin accused the Alliance of provocation.", "2009-09-15", "day",
      "RUSGOV", "NATO", "The Kremlin", "the Alliance", "accused", "112"),  # -2
    E("NATO imposed sanctions on Russia.", "2009-09-20", "day",
      "NATO", "RUS", "NATO", "Russia", "imposed sanctions", "163"),  # -8
    E("Russia did not sign the NATO protocol.", "2009-09-25", "day",
      "RUS", "NATO", "Russia", "NATO", "sign", "057", negated=True),  # left out: negated
    E("NATO should meet Russia soon.", "2009-09-26", "day",
      "NATO", "RUS", "NATO", "Russia", "meet", "036", modality="proposed"),  # left out: proposed
    E("In 2010 NATO made a statement on Russia.", "2010", "year",
      "NATO", "RUS", "NATO", "Russia", "made a statement", "010"),  # 0, counts in January
    E(SCRIPT_SENTENCE, "2010-03-02", "day",
      "RUSGOV", "NATO", "Moscow", "NATO", "accused", "112"),  # -2
]
OTHERS = [
    E("The United States provided aid to Georgia.", "2010-04-01", "day",
      "USA", "GEO", "The United States", "Georgia", "provided aid", "070"),
    E("Washington criticised Moscow over Georgia.", "2008-08-20", "day",
      "USAGOV", "RUSGOV", "Washington", "Moscow", "criticised", "111"),
]

EXPECTED_MONTHLY = [
    {"period": "2009-07-01", "n_events": 3, "goldstein_sum": 18.4, "goldstein_mean": 18.4 / 3,
     "quad1": 2, "quad2": 1, "quad3": 0, "quad4": 0},
    {"period": "2009-09-01", "n_events": 2, "goldstein_sum": -10.0, "goldstein_mean": -5.0,
     "quad1": 0, "quad2": 0, "quad3": 1, "quad4": 1},
    {"period": "2010-01-01", "n_events": 1, "goldstein_sum": 0.0, "goldstein_mean": 0.0,
     "quad1": 1, "quad2": 0, "quad3": 0, "quad4": 0},
    {"period": "2010-03-01", "n_events": 1, "goldstein_sum": -2.0, "goldstein_mean": -2.0,
     "quad1": 0, "quad2": 0, "quad3": 1, "quad4": 0},
]
# fmt: on


def _document(doc_id: str, items: list[E], title: str, url: str | None, on: str) -> Analysis:
    cb = load_codebook()
    text = " ".join(e.sentence for e in items)
    sentences, mentions, events = [], [], []
    pos = 0
    for i, e in enumerate(items):
        start = text.index(e.sentence, pos)
        end = start + len(e.sentence)
        pos = end
        sentences.append(Sentence(doc_id, i, start, end, e.sentence))
        for words, code in ((e.source_text, e.source), (e.target_text, e.target)):
            at = start + e.sentence.index(words)
            country = _country(code)
            actor = Actor(code, country, code[len(country) :])
            mentions.append(ActorMention(doc_id, i, at, at + len(words), words, actor, "country"))
        c = cb[e.cameo]
        events.append(
            Event(
                event_id=hashlib.sha256(f"{doc_id}:{i}".encode()).hexdigest()[:16],
                doc_id=doc_id,
                sent_index=i,
                sentence=e.sentence,
                char_start=start,
                char_end=end,
                date=e.date,
                date_precision=e.precision,
                source=e.source,
                target=e.target,
                source_country=_country(e.source),
                target_country=_country(e.target),
                source_text=e.source_text,
                target_text=e.target_text,
                event_text=e.event_text,
                cameo=e.cameo,
                cameo_root=c.root,
                quad_class=c.quad_class,
                goldstein=c.goldstein,
                plover_event=c.plover_event,
                plover_mode=c.plover_mode,
                plover_context=c.plover_context,
                negated=e.negated,
                modality=e.modality,
                issues=("arms_control",) if e.cameo == "057" else (),
                confidence=0.8,
            )  # fmt: skip
        )
    doc = Document(
        doc_id=doc_id, content_hash=hashlib.sha256(text.encode()).hexdigest(), text=text,
        origin=f"corpus/{doc_id}.txt", format="txt", title=title, date=date.fromisoformat(on),
        date_source="record", url=url, source="Synthetic Wire",
    )  # fmt: skip
    return Analysis(doc, sentences, mentions, events)


def build_store(path: Path) -> Path:
    """Write the synthetic store at `path` and return the path."""
    analyses = [
        _document("nato-2009", NATO_RUS[:7], "NATO & Russia, summer 2009",
                  "https://example.org/nato-2009", "2009-09-30"),
        _document("nato-2010", NATO_RUS[7:], "Moscow <b>answers</b>",
                  "javascript:alert(1)", "2010-03-05"),
        _document("others", OTHERS, "Georgia notes", None, "2010-04-02"),
    ]  # fmt: skip
    with Store(path) as store:
        run_id = store.start_run("synthetic", ["corpus"])
        store.write(analyses, [Failure(FAILURE_ORIGIN, FAILURE_REASON)], run_id, "synthetic")
    return path


# -- relations: issues with stances, a commitment and its fate, a turning point --------------------

RELATIONS_SCRIPT = "<script>alert(2)</script>"
RELATIONS_TITLE = "Envoys <b>meet</b> & talk"
RELATIONS_PERIODS = (("2009-01-01", "2012-12-31"), ("2014-01-01", "2019-12-31"))


def _month_days(first: int, n: int) -> list[str]:
    """n mid-month days from month index `first` (0 = January 2010)."""
    return [f"{2010 + m // 12}-{m % 12 + 1:02d}-15" for m in range(first, first + n)]


# fmt: off
RELATIONS_DOCS: list[dict[str, str]] = [
    {"date": "2009-03-01", "title": RELATIONS_TITLE, "url": "https://example.org/afghanistan",
     "text": "NATO and Russia share a common interest in stabilising Afghanistan, said the envoy "
             f"{RELATIONS_SCRIPT} & others."},
    {"date": "2009-09-01",
     "text": "On missile defence, NATO and Russia agree on the goal but differ on the means."},
    {"date": "2009-11-01", "text": "For Russia, NATO enlargement remains a red line."},
    {"date": "2010-04-08", "title": "Prague treaty",
     "text": "The United States and Russia pledged to reduce their deployed strategic warheads "
             "to 1,550 under New START within seven years."},
    {"date": "2015-03-01",
     "text": "NATO and Russia are far apart on Afghanistan after the transit deal collapsed."},
    {"date": "2015-04-01", "text": "NATO accused Russia of blocking cooperation on Afghanistan."},
    {"date": "2018-02-05", "title": "Limits met",
     "text": "Both sides met the limits of New START on time, officials in Washington and "
             "Moscow said of the United States and Russia."},
    {"date": "2023-02-21",
     "text": "Russia suspended its participation in New START, and the United States condemned "
             "the move."},
]
# Eighteen months of agreements, then eighteen of condemnation: the line turns colder in 2011.
for first, act in ((0, "NATO and Russia signed an agreement"), (18, "NATO condemned Russia")):
    RELATIONS_DOCS += [{"date": d, "text": f"On {d}, {act}."} for d in _month_days(first, 18)]
# fmt: on


def build_relations_store(path: Path) -> Path:
    """Run the real pipeline over RELATIONS_DOCS (a JSONL corpus next to `path`); return `path`."""
    import json

    from detente.config import Config
    from detente.pipeline import run

    corpus = path.with_suffix(".jsonl")
    with corpus.open("w", encoding="utf-8") as fh:
        for i, doc in enumerate(RELATIONS_DOCS):
            fh.write(json.dumps({"id": f"r{i:03d}", "source": "Relations Wire", **doc}) + "\n")
    with Store(path) as store:
        run([corpus], store, Config())
    return path
