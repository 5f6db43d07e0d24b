"""Relations analysis on small texts whose answers are known: issues, the map, commitments,
turning points, and the store upgrade that made room for them."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from detente.agreement import IssueStance, Thresholds, agreement_map
from detente.commitments import commitments, deadline, quantity
from detente.config import Config
from detente.issues import load_taxonomy
from detente.pipeline import run
from detente.store import SCHEMA_VERSION, Store
from detente.turning import turning_points

TAXONOMY = load_taxonomy()


def tags(analyser, text: str):  # noqa: ANN001, ANN201
    doc = analyser.nlp(text)
    cues = analyser.tagger.find(doc)
    return [analyser.tagger.tag(s, cues) for s in doc.sents]


def test_issue_and_stance_tags(analyser) -> None:  # noqa: ANN001
    [t] = tags(analyser, "Missile defence remains the main obstacle between NATO and Russia.")
    assert t.issues == ("missile_defence",) and t.stances == ("apart:main obstacle",)
    [t] = tags(analyser, "Missile defence is no longer an obstacle for NATO and Russia.")
    assert t.stances == ()  # negated
    # a negated copula over "a source of": the friction is denied
    [t] = tags(analyser, "The gas contract, signed in 2011, has never been a source of friction.")
    assert not any(s.startswith("apart") for s in t.stances), t.stances
    [t] = tags(analyser, "The gas contract has been a constant source of friction.")
    assert any(s.startswith("apart") for s in t.stances), t.stances
    [t] = tags(analyser, "NATO suspended all practical cooperation with Russia.")
    assert not any(s.startswith("common") for s in t.stances)  # reversed by "suspended"
    [t] = tags(analyser, "They agree on the goal but differ on the means in Afghanistan.")
    assert "afghanistan" in t.issues and t.stances == (
        "partial:agree on the goal but differ on the means",
    )
    # a division worked on is partial agreement; one they failed to settle keeps them apart
    [t] = tags(analyser, "Hanoi and Beijing agreed to manage their fishing disputes calmly.")
    assert "partial:disputes" in t.stances
    [t] = tags(analyser, "Hanoi and Beijing failed to settle their fishing dispute.")
    assert t.stances == ("apart:dispute",)


def test_agreements_reached_doubts_cast_and_divisions_ended(analyser) -> None:  # noqa: ANN001
    # an agreement reached, whatever words describe it; not one they failed to reach
    [t] = tags(
        analyser, "Oslo and Copenhagen reached a ten-year agreement on sharing fishing quotas."
    )
    assert "common:reached a ten-year agreement" in t.stances, t.stances
    [t] = tags(analyser, "Oslo and Copenhagen failed to reach a lasting trade deal in June.")
    assert not any(s.startswith("common") for s in t.stances), t.stances
    # a strain told in a clause on a dispute that is ended, ends with it
    [t] = tags(
        analyser,
        "The deal on the quotas ended a quarrel that had lasted two years and soured relations.",
    )
    assert not any(s.startswith("apart") for s in t.stances), t.stances
    [t] = tags(analyser, "The quarrel that had lasted two years soured relations again.")
    assert any(s.startswith("apart") for s in t.stances), t.stances
    # doubts cast, and a course said to be unthinkable, divide
    [t] = tags(analyser, "The Danish minister cast doubt on the trade talks with Norway.")
    assert "apart:cast doubt on" in t.stances, t.stances
    [t] = tags(analyser, "It was unthinkable, he said, to go on with the trade talks.")
    assert "apart:unthinkable" in t.stances, t.stances
    # a division the words before it put an end to
    [t] = tags(
        analyser, "Envoys expect the two leaders to meet soon to draw a line under the quarrel."
    )
    assert not any(s.startswith("apart") for s in t.stances), t.stances
    [t] = tags(analyser, "Oslo and Copenhagen agreed to put an end to the border dispute.")
    assert not any(s.startswith("apart") for s in t.stances), t.stances
    # a support two sides reaffirm together
    [t] = tags(analyser, "Both ministers reaffirmed their support for the Paris climate agreement.")
    assert "common:reaffirmed their support" in t.stances, t.stances


def test_weapons_sold_or_delivered_are_arms_sales(analyser) -> None:  # noqa: ANN001
    [t] = tags(analyser, "Yerevan said Moscow had not delivered weapons it paid for in 2021.")
    assert "arms_sales" in t.issues, t.issues
    [t] = tags(analyser, "Brasilia chose the Gripen in its long fighter tender.")
    assert "arms_sales" in t.issues, t.issues


@pytest.mark.parametrize(
    ("text", "drill"),
    [
        ("The two armies held their annual Sampriti exercise near Jessore.", True),
        ("The Pomor exercise was held in the Barents Sea as planned.", True),
        ("Both sides should exercise restraint along the border.", False),
        ("The summit was an exercise in futility, a diplomat said.", False),
        ("The talks were a useful exercise, the minister said.", False),
    ],
)
def test_an_exercise_is_a_drill_only_as_one(analyser, text: str, drill: bool) -> None:  # noqa: ANN001
    [t] = tags(analyser, text)
    assert ("military_exercises" in t.issues) == drill, t.issues


def test_a_threat_to_both_and_positions_close(analyser) -> None:  # noqa: ANN001
    [t] = tags(analyser, "Terrorism is a threat to both our countries, the Indian envoy said.")
    assert t.stances == ("common:threat to both",)
    [t] = tags(analyser, "Moscow called the missile shield a threat to its security.")
    assert t.stances == ("apart:threat to",)
    [t] = tags(analyser, "The war put Britain and France firmly on the same side on Ukraine.")
    assert t.stances == ("common:on the same side",), t.stances
    [t] = tags(analyser, "On Afghanistan their positions had rarely been so close.")
    assert not [s for s in t.stances if s.startswith("tone_down")], t.stances
    [t] = tags(analyser, "Pakistan said it would close the border crossing at Taftan.")
    assert "tone_down:close" in t.stances


def test_both_alone_as_the_subject_of_a_stand(analyser) -> None:  # noqa: ANN001
    [t] = tags(
        analyser,
        "Berlin and Moscow want the pipeline finished, and both reject American sanctions on it.",
    )
    assert "common:reject" in t.stances and not any(s.startswith("apart") for s in t.stances)
    [t] = tags(analyser, "Both reject each other's claims to the gas field.")
    assert "apart:reject" in t.stances


def test_a_word_of_another_sense_is_no_issue(analyser) -> None:  # noqa: ANN001
    [t] = tags(analyser, "Israeli officials denied there had been any trade-off over the guard.")
    assert "trade" not in t.issues
    [t] = tags(analyser, "Jordan's trade-dependent economy needs Israeli water.")
    assert "trade" in t.issues


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # a division kept away from what the sides still share is partial agreement
        ("Exporters urged Hanoi and Beijing to keep trade out of the fishing dispute.", "partial"),
        ("Yet both governments have kept the quarrel in the courtroom.", "partial"),
        ("Away from the river, the quarrel has yet to touch commerce.", "partial"),
        (
            "Traders in Athens and Tirana called for the dispute to be kept apart from trade.",
            "partial",
        ),
        (
            "The minister said crude sales to Canada would not be affected by the dispute.",
            "partial",
        ),
        # ... not a division kept alive, nor leaving a place or talks named after it
        ("Russia kept the dispute alive at the border talks.", "apart"),
        ("Moscow pulled out of the dispute settlement talks on trade.", "apart"),
        ("Crude sales to Canada were affected by the dispute, the minister said.", "apart"),
        ("Both sides agreed to stay out of the disputed wetland.", "common"),
    ],
)
def test_a_division_kept_apart(analyser, text: str, stance: str) -> None:  # noqa: ANN001
    [t] = tags(analyser, text)
    kinds = {s.split(":")[0] for s in t.stances}
    assert stance in kinds and (stance == "partial" or "partial" not in kinds), t.stances


@pytest.mark.parametrize(
    ("text", "issue"),
    [
        # an unsettled claim to land or sea, or marking the line, is the territorial question
        ("Chile and Peru restated their rival claims to the fishing grounds.", "frozen_conflicts"),
        ("The delimitation of the Kyrgyz-Tajik line has stalled again.", "frozen_conflicts"),
        # named protracted disputes are the territorial question too
        (
            "Athens and Ankara urged the Cypriots to keep talking on the Annan plan.",
            "frozen_conflicts",
        ),
        ("Rabat and Algiers traded accusations over Western Sahara.", "frozen_conflicts"),
        # mock dogfights are training flights; a pipeline is energy
        ("Greek and Turkish jets staged mock dogfights over the Aegean.", "military_exercises"),
        ("Kabul and Islamabad discussed the pipeline across the border.", "energy"),
        # the relationship as such is the diplomatic one; lorries at a crossing are trade
        ("Ties between Hanoi and Beijing remained cold all year.", "diplomatic_relations"),
        ("Lorries queued for days at the crossing into Belarus.", "trade"),
        # killings and firefights at the border are incidents to manage
        ("Dhaka protested again at the border killings by Indian guards.", "crisis_management"),
        (
            "A firefight broke out between Afghan and Pakistani posts at Torkham.",
            "crisis_management",
        ),
        # border closures, disasters and emergencies handled between the sides are crises too
        ("Santiago and La Paz reopened the border after the pandemic.", "crisis_management"),
        ("Algiers offered rescue teams after the earthquake in Morocco.", "crisis_management"),
    ],
)
def test_issue_of_a_sentence(analyser, text: str, issue: str) -> None:  # noqa: ANN001
    [t] = tags(analyser, text)
    assert issue in t.issues, t.issues


def write_corpus(path: Path, docs: list[tuple[str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, (day, text) in enumerate(docs):
            fh.write(json.dumps({"id": f"d{i:03d}", "date": day, "text": text}) + "\n")
    return path


@pytest.fixture(scope="module")
def relations_store(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("relations")
    corpus = write_corpus(
        tmp / "c.jsonl",
        [
            ("2009-03-01", "NATO and Russia share a common interest in stabilising Afghanistan."),
            (
                "2009-06-01",
                "Russia agreed to let NATO move supplies to Afghanistan across its territory.",
            ),
            (
                "2009-09-01",
                "On missile defence, NATO and Russia agree on the goal but differ on the means.",
            ),
            ("2009-10-01", "NATO and Russia said missile defence cooperation was worth exploring."),
            ("2009-11-01", "For Russia, NATO enlargement remains a red line."),
            (
                "2010-04-08",
                "The United States and Russia agreed to reduce their deployed strategic "
                "warheads to 1,550 under New START within seven years.",
            ),
            ("2010-05-01", "Washington and Moscow pledged to hold talks on Open Skies by 2011."),
            (
                "2015-03-01",
                "NATO and Russia are far apart on Afghanistan after the transit deal collapsed.",
            ),
            ("2015-04-01", "NATO accused Russia of blocking cooperation on Afghanistan."),
            (
                "2018-02-05",
                "Both sides met the limits of New START on time, officials in Washington "
                "and Moscow said of the United States and Russia.",
            ),
            (
                "2023-02-21",
                "Russia suspended its participation in New START, and the United States "
                "condemned the move.",
            ),
        ],
    )
    db = tmp / "r.duckdb"
    with Store(db) as store:
        run([corpus], store, Config())
    return db


def stances(
    db: Path, since: str | None = None, until: str | None = None, prior: float | None = None
) -> dict[str, IssueStance]:
    t = Thresholds() if prior is None else Thresholds(prior=prior)
    with Store(db, read_only=True) as store:
        found = agreement_map(
            store, TAXONOMY, ["USA", "NATO"], ["RUS"],
            date.fromisoformat(since) if since else None,
            date.fromisoformat(until) if until else None, t,
        )  # fmt: skip
    return {s.issue: s for s in found}


def levels(db: Path, since: str | None = None, until: str | None = None) -> dict[str, str]:
    """Each issue's level on its own evidence alone (no leaning toward the period's climate)."""
    return {i: s.level for i, s in stances(db, since, until, prior=0).items()}


def test_thin_evidence_leans_toward_the_period(relations_store: Path) -> None:
    raw = stances(relations_store, "2009-01-01", "2011-12-31", prior=0)
    lean = stances(relations_store, "2009-01-01", "2011-12-31")
    # one red line, told by one camp (at reduced weight), in a period of cooperation
    assert raw["nato_enlargement"].level == "apart"
    assert lean["nato_enlargement"].level == "partial"
    assert raw["nato_enlargement"].score < lean["nato_enlargement"].score < 0
    assert lean["nato_enlargement"].balance == raw["nato_enlargement"].balance
    # common interest stated in a warm period stays common
    assert lean["afghanistan"].level == raw["afghanistan"].level == "common"
    with pytest.raises(ValueError):
        Thresholds(prior=-1)


def test_agreement_map_levels_and_periods(relations_store: Path) -> None:
    early = levels(relations_store, "2009-01-01", "2011-12-31")
    assert early["afghanistan"] == "common"
    assert early["missile_defence"] == "partial"
    assert early["nato_enlargement"] == "apart"
    assert early["syria"] == "unknown"
    late = levels(relations_store, "2014-01-01", "2019-12-31")
    assert late["afghanistan"] == "apart"  # the issue moved
    assert late["missile_defence"] == "unknown"


def test_map_lists_evidence_and_thresholds_matter(relations_store: Path) -> None:
    with Store(relations_store, read_only=True) as store:
        stances = {s.issue: s for s in agreement_map(store, TAXONOMY, ["NATO"], ["RUS"])}
        strict = {s.issue: s for s in agreement_map(store, TAXONOMY, ["NATO"], ["RUS"],
                                                    thresholds=Thresholds(0.99, -0.99))}  # fmt: skip
    afghanistan = stances["afghanistan"]
    assert afghanistan.n_evidence >= 3 and afghanistan.balance["apart"] > 0
    assert {e.polarity for e in afghanistan.evidence} >= {"common", "apart"}
    assert all(e.sentence and e.doc_id for e in afghanistan.evidence)
    assert strict["afghanistan"].level == "partial"  # mixed evidence under strict thresholds
    with pytest.raises(ValueError):
        Thresholds(0.1, 0.2)


def test_one_side_joining_the_other_in_an_act_is_common_ground(tmp_path: Path) -> None:
    corpus = write_corpus(
        tmp_path / "c.jsonl",
        [
            ("2022-03-01", "Japan has joined the United States in sanctions on Russia over "
                           "its invasion of Ukraine."),
            ("2022-05-01", "Finland joined NATO in April, officials in Washington said."),
        ],
    )  # fmt: skip
    with Store(tmp_path / "s.duckdb") as store:
        run([corpus], store, Config())
        # the one joined is a partner, not the target of the sanctions
        dyads = store.query("SELECT source_country, target_country, cameo FROM events")
        found = agreement_map(store, TAXONOMY, ["JPN"], ["USA"], thresholds=Thresholds(prior=0))
    assert {"source_country": "JPN", "target_country": "USA", "cameo": "163"} not in dyads
    assert {"source_country": "JPN", "target_country": "RUS", "cameo": "163"} in dyads
    sanctions = {s.issue: s for s in found}["sanctions"]
    assert sanctions.level == "common", sanctions.evidence
    assert "joined the United States in" in sanctions.evidence[0].basis
    # joining in a month is no act done together
    assert {"source_country": "FIN", "target_country": "NATO", "cameo": "057"} in dyads


def one_story_map(
    tmp_path: Path, day: str, text: str, side: str, other: str, reader: bool = True
) -> dict:
    """The agreement map of one story, by issue (no prior toward the period's climate; with
    `reader=False` the rules alone)."""
    corpus = write_corpus(tmp_path / "c.jsonl", [(day, text)])
    with Store(tmp_path / "s.duckdb") as store:
        run([corpus], store, Config())
        t = Thresholds(prior=0, reader=reader)
        found = agreement_map(store, TAXONOMY, [side], [other], thresholds=t)
    return {s.issue: s for s in found}


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("The two leaders agreed that Pyongyang's missile programme was a grave threat to the "
         "region.", "common"),
        ("Seoul and Tokyo agreed that Pyongyang's missile programme was a grave threat.", "common"),
        # no agreement between them, and a dispute of their own
        ("Seoul said Pyongyang's missile programme was a grave threat, and Tokyo's stance on "
         "the missile programme fuelled a dispute with Seoul.", "apart"),
    ],
)  # fmt: skip
def test_what_the_two_agree_is_so_is_shared(tmp_path: Path, text: str, level: str) -> None:
    lead = "The South Korean president met the Japanese prime minister in Tokyo on Friday. "
    north_korea = one_story_map(tmp_path, "2017-09-01", lead + text, "KOR", "JPN")["north_korea"]
    assert north_korea.level == level, north_korea.evidence


def test_commitments_and_their_status(relations_store: Path) -> None:
    with Store(relations_store, read_only=True) as store:
        found = commitments(store, TAXONOMY)
    start = {c.actor: c for c in found if "1,550" in c.sentence}
    assert set(start) == {"USA", "RUS"}
    for c in start.values():
        assert (c.quantity, c.deadline) == (1550, "2017-04-08") and "warheads" in c.unit
    # both met the limits; then Russia, not the United States, suspended its participation
    assert [h.status for h in start["RUS"].history] == ["fulfilled", "suspended"]
    assert start["RUS"].status == "suspended"
    assert [h.status for h in start["USA"].history] == ["fulfilled"]
    assert start["USA"].status == "fulfilled"
    talks = [c for c in found if "Open Skies" in c.sentence]
    assert talks and talks[0].status == "pending" and talks[0].deadline == "2011"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("cut to between 1,700 and 2,200 warheads", (2200, "warheads")),
        ("pledged $2 billion in loans", (2_000_000_000, "dollars")),
        ("800 million euros in military aid", (800_000_000, "euros")),
        ("signed in 2010 on 5 February", (None, None)),
    ],
)
def test_quantities(text: str, expected: tuple) -> None:
    assert quantity(text) == expected


def test_deadlines() -> None:
    assert deadline("to comply within seven years", date(2010, 4, 8)) == "2017-04-08"
    assert deadline("by 31 December 2012", date(2002, 5, 24)) == "2012-12-31"
    assert deadline("by December 31, 2012, both sides", date(2002, 5, 24)) == "2012-12-31"
    assert deadline("before the end of March", date(2002, 5, 24)) == "2003-03"  # the next March
    assert deadline("no deadline here", date(2002, 5, 24)) is None
    # an act set for a later year or month is due then; a year already past is no deadline
    assert deadline("the first train would run to Turkistan in 2021", date(2019, 5, 10)) == "2021"
    assert deadline("to open the crossing in May 2020", date(2019, 5, 10)) == "2020-05"
    assert deadline("In 2015 Kazakhstan pledged to build it", date(2019, 5, 10)) is None


def _months(first: int, n: int) -> list[str]:
    """n month-days from month index `first` (0 = January 2010)."""
    return [f"{2010 + (m // 12)}-{m % 12 + 1:02d}-15" for m in range(first, first + n)]


def test_turning_point_where_the_line_changes(tmp_path: Path) -> None:
    docs = [(d, f"On {d}, NATO and Russia signed an agreement.") for d in _months(0, 18)]
    docs += [(d, f"On {d}, NATO condemned Russia.") for d in _months(18, 18)]  # from July 2011
    with Store(tmp_path / "t.duckdb") as store:
        run([write_corpus(tmp_path / "t.jsonl", docs)], store, Config())
        points = turning_points(store, ["NATO"], ["RUS"])
    assert len(points) == 1
    assert "2011-05" <= points[0].period[:7] <= "2011-09" and points[0].direction == "colder"
    assert points[0].events


def test_flat_relations_have_no_turning_point(tmp_path: Path) -> None:
    docs = [(d, f"On {d}, NATO and Russia signed an agreement.") for d in _months(0, 24)]
    with Store(tmp_path / "f.duckdb") as store:
        run([write_corpus(tmp_path / "f.jsonl", docs)], store, Config())
        assert turning_points(store, ["NATO"], ["RUS"]) == []


def test_version_1_store_is_upgraded_in_place(tmp_path: Path) -> None:
    db = tmp_path / "old.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))  # make it look like a version-1 store
    con.execute("ALTER TABLE sentences DROP COLUMN issues")
    con.execute("ALTER TABLE sentences DROP COLUMN stances")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(Exception, match="run `detente run` on it once"):
        Store(db, read_only=True)
    with Store(db) as store:
        assert store.scalar("SELECT value FROM meta WHERE key = 'schema_version'") == str(
            SCHEMA_VERSION
        )
        columns = {r["column_name"] for r in store.query("DESCRIBE sentences")}
    assert {"issues", "stances"} <= columns


def test_stances_alone_make_a_turning_point(tmp_path: Path) -> None:
    # no coded event: what the sentences say about the pair is the line that turns
    docs = [(d, f"On {d}, officials said NATO and Russia share a common interest in arms "
                "control.") for d in _months(0, 6)]  # fmt: skip
    docs += [(d, f"On {d}, officials said NATO and Russia remain far apart on arms control.")
             for d in _months(6, 6)]  # fmt: skip
    with Store(tmp_path / "s.duckdb") as store:
        run([write_corpus(tmp_path / "s.jsonl", docs)], store, Config())
        assert not store.query("SELECT * FROM mentions")
        points = turning_points(store, ["NATO"], ["RUS"])
    assert [(p.period[:7], p.direction) for p in points] == [("2010-07", "colder")]


@pytest.mark.parametrize(
    ("text", "shared"),
    [
        # the allies' own decision, Russia only what it is aimed at: no ground shared with Russia
        ("Allied ambassadors met in Brussels on Friday and agreed to move more forces to the "
         "eastern members, where Russian troops have massed near the border.", False),
        # the two sides agreeing
        ("NATO and Russia agreed to restore military contacts on force deployments along the "
         "border.", True),
    ],
)  # fmt: skip
def test_what_allies_agree_among_themselves_is_not_shared(
    tmp_path: Path, text: str, shared: bool
) -> None:
    # the rules' reading (the learned reader's guess on the lead varies as it is retrained)
    lead = "NATO and Russia have argued for months over troops on the eastern flank. "
    story = one_story_map(tmp_path, "2022-02-25", lead + text, "NATO", "RUS", reader=False)
    deployments = story["deployments"]
    common = [e for e in deployments.evidence if e.polarity == "common" and e.sentence == text]
    assert bool(common) == shared, deployments.evidence
    assert (deployments.level == "common") == shared, deployments.evidence
