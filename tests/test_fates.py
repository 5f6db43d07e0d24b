"""The learned fate reader: what ties a later sentence to a pledge, training on labelled pairs,
and how commitments take its readings where the rules leave a pledge pending."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from detente.cli import app
from detente.commitments import FATE_READER, commitments
from detente.config import Config
from detente.fates import (
    FATES,
    FateReader,
    features,
    load_fate_reader,
    pledge,
    rare_stems,
    save_fate_reader,
    sentence,
    train_fates,
)
from detente.issues import load_taxonomy
from detente.pipeline import run
from detente.report import render_report
from detente.store import Store

PLEDGE = "agreed to reopen the Kalema rail bridge to freight"


def view(text: str, actors: list[tuple[str, str]] = (), reports: tuple[str, ...] = ()):  # noqa: ANN201
    """A sentence row as `rule_commitments` gives it (text starting at offset 50)."""
    spans = [{"actor": code, "text": name, "start": 50 + text.index(name), "kind": "name"}
             for code, name in actors]  # fmt: skip
    return sentence({"doc_id": "d2", "sent_index": 3, "text": text, "char_start": 50,
                     "doc_date": None, "actors": spans,
                     "reports": [(r, r, set()) for r in reports]})  # fmt: skip


def test_features_tie_a_later_sentence_to_the_pledge() -> None:
    p = pledge("BDI", "RWA", PLEDGE, "Burundi " + PLEDGE + " by June.", [])
    told = view("Freight trains crossed the Kalema bridge on Monday, Burundi said.",
                [("BDI", "Burundi")])  # fmt: skip
    other = view("Rwanda suspended its football league.", [("RWA", "Rwanda")], ("suspended",))
    rare = rare_stems([told, other])
    found = features(p, told, rare, same_doc=False, doc_ov=3)
    # "kalem", "bridg", "freig" repeated, all rare; the pledger named and masked
    assert {"ov:3", "rov:3", "names:pl", "w:_pl_", "later_doc", "docov:3"} <= found
    assert "w:burundi" not in found and "sh:kalem" in found
    assert "v:reope>trains" in found  # the pledged act with the sentence's words
    unrelated = features(p, other, rare, same_doc=True)
    assert {"ov:0", "names:cp", "w:_cp_", "rs:suspended", "same_doc"} <= unrelated
    assert not any(f.startswith("neg:") for f in found)  # no pledge of restraint
    restraint = pledge("BDI", "RWA", "undertook not to close the bridge", "", [])
    assert "neg:w:crossed" in features(restraint, told, rare, same_doc=False)
    # how far after the pledge: sentences in its own story, days in a later one; and the
    # pledged act told again ("reopened")
    reopened = view("The Kalema bridge reopened to freight in May.")
    near = features(p, reopened, rare, same_doc=True, gap=2, days=0)
    assert {"gap:2", "vact"} <= near and not any(f.startswith("days:") for f in near)
    later = features(p, reopened, rare, same_doc=False, gap=40, days=200)
    assert "days:2" in later and not any(f.startswith("gap:") for f in later)


def test_training_reads_linked_sentences_and_repeats_byte_for_byte(tmp_path: Path) -> None:
    linked = [frozenset({"ov:3", "rov:2", "names:pl", "w:opened"}), "fulfilled"]
    kept_off = [frozenset({"ov:2", "rov:2", "names:pl", "w:suspended"}), "suspended"]
    unlinked = [frozenset({"ov:0", "rov:0", "names:", "w:opened"}), "none"]
    samples = [tuple(s) for s in [linked] * 12 + [kept_off] * 12 + [unlinked] * 40]
    reader = train_fates(samples)
    done = reader.read(set(linked[0]))
    assert done.p_about > 0.5 and done.best == "fulfilled"
    assert reader.read(set(kept_off[0])).best == "suspended"
    assert reader.read(set(unlinked[0])).p_about < 0.5
    # the words alone do not tie a sentence to a pledge: only what links the two does
    assert "w:opened" not in reader.about_weights
    save_fate_reader(reader, tmp_path / "a.json.gz")
    save_fate_reader(train_fates(samples), tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()
    again = load_fate_reader(tmp_path / "a.json.gz").read(set(linked[0]))
    assert again.best == "fulfilled" and abs(again.p_about - done.p_about) < 0.01


def test_shipped_fate_reader_is_complete() -> None:
    reader = load_fate_reader()
    assert reader is not None and len(reader.status_bias) == len(FATES)
    assert reader.about_weights and reader.status_weights


# A pledge the rules leave pending: the later story tells its fate in words they do not know.
DOCS = [
    ("2021-03-01", "Ghana and Togo signed a memorandum in Accra on Monday. Ghana pledged to "
     "reopen its consulate in Lomé within six months, and Togo agreed to hold monthly joint "
     "patrols with Ghana along the northern border."),
    ("2022-06-15", "The monthly joint patrols along the northern border have not taken place "
     "since March, when Lomé recalled its officers, and Ghanaian commanders say no date has been "
     "set to restart them."),
]  # fmt: skip


def stored(tmp: Path, docs: list[tuple[str, str]], prefix: str) -> Path:
    """The store of `docs` (date, text), one document each, ids `prefix`0, `prefix`1, ..."""
    corpus = tmp / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"{prefix}{i}", "date": d, "text": t}) + "\n"
                              for i, (d, t) in enumerate(docs)), encoding="utf-8")  # fmt: skip
    with Store(tmp / "c.duckdb") as store:
        run([corpus], store, Config())
    return tmp / "c.duckdb"


@pytest.fixture(scope="module")
def patrols_store(tmp_path_factory) -> Path:  # noqa: ANN001
    return stored(tmp_path_factory.mktemp("fates"), DOCS, "g")


def test_the_reader_tells_what_the_rules_leave_pending(patrols_store: Path) -> None:
    with Store(patrols_store, read_only=True) as store:
        rules = commitments(store, load_taxonomy(), use_fates=False)
        read = commitments(store, load_taxonomy())
    [before] = [c for c in rules if c.actor == "TGO" and "patrols" in c.commitment]
    [after] = [c for c in read if c.actor == "TGO" and "patrols" in c.commitment]
    assert before.status == "pending" and not before.history
    assert after.status == "suspended"
    [report] = after.history
    assert report.cue.startswith(FATE_READER + "suspended") and "have not taken place" in (
        report.sentence
    )
    assert after.commitment_id == before.commitment_id  # the same pledge, its id kept


def test_export_commitments_with_and_without_the_reader(patrols_store: Path) -> None:
    def statuses(*flags: str) -> dict[str, str]:
        result = CliRunner().invoke(
            app, ["export", "commitments", "--db", str(patrols_store), *flags]
        )
        assert result.exit_code == 0, result.output
        return {c["actor"]: c["status"] for c in json.loads(result.stdout)
                if "patrols" in c["commitment"]}  # fmt: skip

    assert statuses()["TGO"] == "suspended"
    assert statuses("--no-reader")["TGO"] == "pending"
    # a reader asked to be certain reads nothing; a threshold outside 0..1 is refused
    assert statuses("--fate-min-p", "1")["TGO"] == "pending"
    refused = CliRunner().invoke(
        app, ["export", "commitments", "--db", str(patrols_store), "--fate-min-p", "2"]
    )
    assert refused.exit_code == 2 and "fate-min-p" in refused.output


def test_the_report_reads_fates_as_surely_as_asked(patrols_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    for flags, read in (([], True), (["--fate-min-p", "1"], False)):
        result = CliRunner().invoke(app, ["report", "--db", str(patrols_store), "--out", str(out),
                                          "--side", "GHA", "--other", "TGO", *flags])  # fmt: skip
        assert result.exit_code == 0, result.output
        table = out.read_text(encoding="utf-8").split('id="commitments-table"')[1]
        assert ("reader <b>suspended" in table) is read


def test_report_marks_the_readers_reports(patrols_store: Path) -> None:
    with Store(patrols_store, read_only=True) as store:
        read = render_report(store, ["GHA"], ["TGO"])
        rules = render_report(store, ["GHA"], ["TGO"], reader=False)
    commitments_of = [html.split('id="commitments-table"')[1] for html in (read, rules)]
    assert "reader <b>suspended" in commitments_of[0]
    assert "reader <b>" not in commitments_of[1] and "no report yet" in commitments_of[1]


def test_a_sentence_tells_the_fate_of_the_pledge_it_is_most_about(patrols_store: Path) -> None:
    # a reader that finds every later story about every pledge, and more about one whose words
    # it repeats, and reads every fate as suspended: the patrols story is about the patrols,
    # not about Ghana's consulate
    reader = FateReader(0.0, {"later_doc": 1.0, "ov:4": 1.0}, [0.0, 0.0, 1.0, 0.0, 0.0], {})
    with Store(patrols_store, read_only=True) as store:
        read = commitments(store, load_taxonomy(), fates=reader)
    status = {(c.actor, c.commitment.split()[4]): c.status for c in read}
    # both parties' patrols (Togo's pledge "with Ghana" binds both)
    assert status == {
        ("GHA", "consulate"): "pending",
        ("GHA", "joint"): "suspended",
        ("TGO", "joint"): "suspended",
    }, status


# The consulate is reopened, then closed again; the patrols story tells their pause in words the
# rules do not know, and a later, vaguer story sounds like a kept pledge.
WEIGHED = [
    DOCS[0],
    ("2021-09-20", "Ghana reopened its consulate in Lomé on Monday. The monthly joint patrols "
     "along the northern border have not taken place since August, when Lomé recalled its "
     "officers."),
    ("2022-06-15", "Officials in Accra said the northern border had been calm this year. The "
     "consulate in Lomé closed its doors again in May, and its staff went home."),
]  # fmt: skip


def test_the_fate_weighed_most_sets_the_status(tmp_path: Path) -> None:
    # a reader that finds every later story half likely about every pledge, likelier about one
    # it shares the border's word with and far likelier with the patrols' or the consulate's,
    # and reads "recalled" as suspended, "calm" as fulfilled and "closed" as withdrawn
    reader = FateReader(
        -1.0, {"later_doc": 1.0, "sh:borde": 0.5, "sh:patro": 2.0, "sh:consu": 2.0}, [0.0] * 5,
        {"w:recalled": [0, 0, 5, 0, 0], "w:calm": [3, 0, 0, 0, 0], "w:closed": [0, 0, 0, 6, 0]},
    )  # fmt: skip
    with Store(stored(tmp_path, WEIGHED, "w"), read_only=True) as store:
        rules = {c.commitment.split()[4]: c for c in commitments(store, load_taxonomy(),
                                                                  use_fates=False)}  # fmt: skip
        read = {(c.actor, c.commitment.split()[4]): c
                for c in commitments(store, load_taxonomy(), fates=reader)}  # fmt: skip
    assert rules["consulate"].status == "fulfilled" and rules["joint"].status == "pending"
    # the pause, read surely about the patrols, outweighs the calm read after it less surely
    for party in ("GHA", "TGO"):
        patrols = read[(party, "joint")]
        assert patrols.status == "suspended", patrols.history
        assert [h.status for h in patrols.history] == ["suspended", "fulfilled"]
    # the rules read the consulate reopened, and that stands
    assert read[("GHA", "consulate")] == rules["consulate"]


# What became of a pledge on the Kandadji dam's water, and a later story on another instrument.
WATER_LATER = [
    ("2016-05-10", "Farms in northern Benin had water from the Kandadji dam through the whole dry "
                   "season, officials in Cotonou said."),
    ("2018-07-02", "Benin and Niger said the TSA accord on transit fees has been fully applied "
                   "since April."),
]  # fmt: skip


@pytest.mark.parametrize(
    ("docs", "pledge", "telling"),
    [
        pytest.param(
            [("2010-11-20", "Benin and Niger agreed on Saturday to explore a joint solar grid "
                            "along the river, their energy ministers said in Cotonou."),
             ("2013-11-20", "Three years ago today, Benin and Niger met in Cotonou and agreed to "
                            "explore a joint solar grid, a plan both capitals still praise."),
             ("2015-04-02", "Power from the solar grid between Benin and Niger has lit villages "
                            "on both banks since Tuesday.")],
            "explore a joint solar grid along",
            "has lit villages",
            id="the villages lit tell the fate; the anniversary only tells the pledge again",
        ),
        pytest.param(
            [("2012-03-01", "Benin and Niger signed the WRA agreement on Thursday, under which "
                            "Niger agreed to release water from the Kandadji dam to Benin every "
                            "dry season."),
             *WATER_LATER],
            "Kandadji",
            "had water",
            id="the farms' water tells the fate; a story on another instrument does not",
        ),
        pytest.param(
            [("2012-03-01", "Officials in Cotonou said on Thursday that the talks on the river "
                            "had gone well. Delegations from both sides met for three days. "
                            "Benin and Niger also signed the WRA agreement on water use. Under "
                            "it, Niger agreed to release water from the Kandadji dam to Benin "
                            "every dry season."),
             *WATER_LATER],
            "Kandadji",
            "had water",
            id="the pledge's instrument named in the sentence before it, not in its own",
        ),
    ],
)  # fmt: skip
def test_only_a_story_on_the_pledge_reports_its_fate(
    tmp_path: Path, docs: list[tuple[str, str]], pledge: str, telling: str
) -> None:
    # a reader that ties every later story to every pledge and reads each as kept
    reader = FateReader(0.0, {"later_doc": 1.0}, [1.0, 0.0, 0.0, 0.0, 0.0], {})
    with Store(stored(tmp_path, docs, "b"), read_only=True) as store:
        read = [
            c for c in commitments(store, load_taxonomy(), fates=reader) if pledge in c.commitment
        ]
    assert read and all(c.status == "fulfilled" for c in read)
    for c in read:
        told = [h.sentence for h in c.history if h.cue.startswith(FATE_READER)]
        assert told and all(telling in s for s in told), told
