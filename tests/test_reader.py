"""The learned sentence reader: its features, training on labelled sentences, the shipped
weights, and how the agreement map counts its readings beside the rules'."""

from __future__ import annotations

from pathlib import Path

import pytest

from detente.agreement import (
    READER_BASIS,
    Thresholds,
    _IssueFinder,
    _rows,
    agreement_map,
    labelled_sentences,
)
from detente.config import READER_WEIGHT, Config
from detente.issues import load_taxonomy
from detente.pipeline import run
from detente.reader import (
    document_tone,
    features,
    load_reader,
    read_labels,
    save_reader,
    train,
    with_context,
)
from detente.store import Store

from .test_agreement import write_corpus

TAXONOMY = load_taxonomy()


def row(text: str, **extra) -> dict:  # noqa: ANN003
    return {"text": text, "char_start": 100, "issues": [], "stances": [], "events": [],
            "camp_spans": [], "has_side": False, "has_other": False, **extra}  # fmt: skip


def test_features_mask_the_camps_and_carry_the_pipeline_tags() -> None:
    found = features(
        row(
            "Kenya accused Ugandan police of seizing 20 boats.",
            camp_spans=[
                {"start": 100, "end": 105, "text": "Kenya", "kind": "name", "side": True},
                {
                    "start": 114,
                    "end": 121,
                    "text": "Ugandan police",
                    "kind": "adjective",
                    "side": False,
                },
            ],  # fmt: skip
            issues=["crisis_management"],
            stances=["apart:accused"],
            events=[{"cameo": "112", "goldstein": -2.0, "negated": False}],
            has_side=True,
            has_other=True,
        ),
        around={"trade"},
        title={"frozen_conflicts"},
    )
    assert {"w:_side_", "w:_other_adj_", "w:police", "w:0", "b:_side_ accused"} <= found
    assert "w:kenya" not in found and "w:ugandan" not in found  # names are the camps' tokens
    assert {"tag:crisis_management", "st:apart", "cue:apart:accused", "ev:11", "ev:conf"} <= found
    assert {"camps:sideother", "near:trade", "title:frozen_conflicts"} <= found


def test_every_sentence_carries_its_documents_tone() -> None:
    quarrel = [
        row("Ankara recalled its envoy.", doc_id="d1", sent_index=0, title="",
            stances=["apart:recalled"]),
        row("Officials traded accusations.", doc_id="d1", sent_index=1, title="",
            stances=["apart:accusations"], events=[{"cameo": "112", "goldstein": -2.0,
                                                    "negated": False}]),
        row("Talks resume next week.", doc_id="d1", sent_index=2, title="",
            stances=["common:talks"]),
    ]  # fmt: skip
    calm = [row("The two signed a deal.", doc_id="d2", sent_index=0, title="",
                stances=["common:signed"])]  # fmt: skip
    tone = document_tone(quarrel + calm)
    assert tone["d1"] == {"doc:apart:2", "doc:common:1", "doc:conflict:1", "doc:apart"}
    assert tone["d2"] == {"doc:common:1", "doc:common"}
    read = {r["text"]: found for r, found in with_context(quarrel + calm, lambda _: ())}
    # every sentence reads in its own story's drift, whatever its own cues, and only its story's
    assert tone["d1"] <= read["Talks resume next week."]
    assert "doc:apart" in read["Ankara recalled its envoy."]
    assert "doc:common" not in read["Ankara recalled its envoy."]
    assert tone["d2"] <= read["The two signed a deal."]


# Sentences of our own, labelled as the readers label them: the words that tell each stance
# and issue recur with other words around them.
TRAINING = [
    ("The two sides signed a trade deal and cut tariffs.", {"trade": "common"}),
    ("They agreed to expand trade and welcomed the new deal.", {"trade": "common"}),
    ("Ministers signed a deal to open markets to each other's goods.", {"trade": "common"}),
    ("Exporters welcomed the trade deal the two signed.", {"trade": "common"}),
    ("The two accused each other of dumping and raised tariffs.", {"trade": "apart"}),
    ("Each side banned the other's goods and protested the tariffs.", {"trade": "apart"}),
    ("Traders protested as the ban on imports was tightened.", {"trade": "apart"}),
    ("Border guards clashed and each side accused the other.", {"crisis_management": "apart"}),
    ("Troops clashed at the border and protests followed.", {"crisis_management": "apart"}),
    ("The two agreed a ceasefire and signed a hotline deal.", {"crisis_management": "common"}),
    ("A ceasefire was agreed and both welcomed the calm.", {"crisis_management": "common"}),
    ("The weather was mild and the markets were quiet.", {}),
    ("The minister spoke at a university on Tuesday.", {}),
    ("The festival drew large crowds to the capital.", {}),
]


def samples_of(pairs):  # noqa: ANN001, ANN201
    return [(frozenset(features(row(text))), labels) for text, labels in pairs]


def test_a_reader_learns_issues_and_stances_from_labels() -> None:
    reader = train(samples_of(TRAINING), ["trade", "crisis_management", "energy"])
    assert "energy" not in reader.issue_bias  # fewer than three labelled sentences: no model
    [trade] = reader.read(
        features(row("Both welcomed the deal they signed on tariffs.")), ["trade"]
    )
    assert trade.p_issue > 0.5 and trade.best == "common"
    [trade] = reader.read(features(row("Each side protested the other's ban on goods.")), ["trade"])
    assert trade.best == "apart"
    first = reader.read(features(row("Troops clashed again at the border ceasefire line.")))[0]
    assert first.issue == "crisis_management" and first.p_issue > 0.5
    quiet = reader.read(features(row("The crowds were large at the festival.")))
    assert all(r.p_issue < 0.5 for r in quiet)


def test_a_saved_reader_reads_the_same_and_training_repeats(tmp_path: Path) -> None:
    issues = ["trade", "crisis_management"]
    reader = train(samples_of(TRAINING), issues)
    save_reader(reader, tmp_path / "a.json.gz")
    save_reader(train(samples_of(TRAINING), issues), tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
    again = load_reader(tmp_path / "a.json.gz")
    found = features(row("They signed a deal on tariffs."))
    assert again.read(found) == reader.read(found)


def test_the_shipped_reader_reads_plain_stances(tmp_path: Path) -> None:
    reader = load_reader()
    assert reader is not None and len(reader.issue_bias) >= 30
    told = {
        "Kenya and Uganda signed an agreement to cut tariffs on milk and sugar.": ("trade", "common"),
        # (its words are not the rules': "Kenya and Uganda traded accusations after ..." it
        # reads as common, the two camps as one subject weighing more than the accusations)
        "Kenya accused Uganda of provoking the clash after their border guards exchanged fire.": (
            "crisis_management", "apart"),
        "Kenya and Uganda recalled their ambassadors and closed their embassies.": (
            "diplomatic_relations", "apart"),
    }  # fmt: skip
    docs = [(f"2020-0{k + 1}-01", "News", text) for k, text in enumerate(told)]
    with Store(tmp_path / "s.duckdb") as store:
        run([write_corpus(tmp_path / "a.jsonl", docs)], store, Config())
        rows = _rows(store, ["KEN"], ["UGA"], None, None, every=True)
        read = {r["text"]: reader.read(found)[0]
                for r, found in with_context(rows, _IssueFinder(TAXONOMY).issues)}  # fmt: skip
    for text, (issue, stance) in told.items():
        assert (read[text].issue, read[text].best) == (issue, stance), (text, read[text])


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:  # noqa: ANN001
    tmp = tmp_path_factory.mktemp("reader")
    docs = [
        ("2019-03-01", "Dairy row",
         "Kenya and Uganda quarrelled over milk. Uganda's dairy exporters say their tankers "
         "have been turned back at Busia for weeks, and the Kenyan side has given no reason."),
        ("2021-06-01", "Dairy deal",
         "Kenya and Uganda settled the milk row. The tankers now cross at Busia every day and "
         "traders on both sides say business is good again."),
    ]  # fmt: skip
    db = tmp / "r.duckdb"
    with Store(db) as store:
        run([write_corpus(tmp / "a.jsonl", docs)], store, Config())
    return db


def test_the_map_counts_the_readers_readings_beside_the_rules(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        on = {s.issue: s for s in agreement_map(store, TAXONOMY, ["KEN"], ["UGA"])}
        off = {s.issue: s for s in agreement_map(
            store, TAXONOMY, ["KEN"], ["UGA"], thresholds=Thresholds(reader=False))}  # fmt: skip
    read = [e for s in on.values() for e in s.evidence if e.basis.startswith(READER_BASIS)]
    assert read, "the reader counts sentences"
    assert not [e for s in off.values() for e in s.evidence if e.basis.startswith(READER_BASIS)]
    for e in read:  # a second vote: the stance's probability at READER_WEIGHT
        assert 0 < abs(e.weight) <= READER_WEIGHT and e.polarity in ("common", "partial", "apart")
        assert (e.weight < 0) == (e.polarity == "apart")
    # the rules' evidence is all still there
    rules = {(e.sentence, e.polarity) for s in off.values() for e in s.evidence}
    assert rules <= {(e.sentence, e.polarity) for s in on.values() for e in s.evidence}


def test_labels_are_matched_to_the_sentences_they_were_written_for(
    store_path: Path, tmp_path: Path
) -> None:
    with Store(store_path, read_only=True) as store:
        [first] = store.query(
            "SELECT doc_id, text FROM sentences WHERE sent_index = 0 AND text LIKE '%settled%'"
        )
        doc_id, text = first["doc_id"], first["text"]
        path = tmp_path / "labels.jsonl"
        path.write_text(
            f'{{"doc_id": "{doc_id}", "i": 0, "sentence": "{text}", "labels": {{"trade": "common"}}}}\n'
            f'{{"doc_id": "{doc_id}", "i": 1, "sentence": "Another text.", "labels": {{}}}}\n'
        )
        samples = labelled_sentences(store, TAXONOMY, ["KEN"], ["UGA"], read_labels(path))
    assert len(samples) == 1  # the second label's text is not the store's sentence
    found, labels = samples[0]
    assert labels == {"trade": "common"} and "w:settled" in found
