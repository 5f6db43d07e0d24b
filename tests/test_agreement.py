"""The agreement map's rules: reversed and negated cues, concessions, which sentences count for
a pair, issues taken from context, cues split between issues, and how partial evidence weighs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from detente.agreement import (
    READER_BASIS,
    Evidence,
    IssueStance,
    Thresholds,
    _decide,
    _evidence,
    _from_tone,
    _IssueFinder,
    agreement_map,
    sentence_evidence,
)
from detente.config import Config
from detente.issues import load_taxonomy
from detente.pipeline import run
from detente.store import Store

TAXONOMY = load_taxonomy()
RULES = Thresholds(reader=False)  # the rules alone, without the learned reader's evidence


def stances_of(analyser, text: str) -> list[tuple[str, ...]]:  # noqa: ANN001
    doc = analyser.nlp(text)
    cues = analyser.tagger.find(doc)
    return [analyser.tagger.tag(s, cues).stances for s in doc.sents]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The two sides failed to agree on a framework for missile defence.", "reversed"),
        ("Since April practical cooperation on Afghanistan has been suspended.", "reversed"),
        ("The war leaves no room for a thaw on arms control.", "reversed"),
        ("Taipei said such drills damaged goodwill across the strait.", "reversed"),
        ("The missile battery remains a thorn in relations.", "apart"),
        ("They agreed to cut warheads under a landmark agreement.", "common"),
        # a stand two sides take together against a third thing, not against each other
        ("India and Pakistan condemned terrorism in all its forms.", "common"),
        ("Both governments condemned the nuclear test.", "common"),
        ("Both sides condemned each other over the shelling.", "apart"),
        ("Britain and the Netherlands condemned Russia over the attack.", "apart"),
        ("Poroshenko and Putin clashed over Debaltseve.", "apart"),
        ("Both capitals see terrorism as a common threat.", "common"),
        ("Despite the dispute, the negotiators met again on Iran.", "partial"),
        ("Moscow castigates Washington over arms control.", "apart"),  # only "castigated" listed
        ("They support the plan, although Moscow disagreed on Iran.", "partial"),
    ],
)
def test_cue_kind_follows_the_syntax(analyser, text: str, kind: str) -> None:  # noqa: ANN001
    [tags] = stances_of(analyser, text)
    assert tags and all(t.split(":", 1)[0] == kind for t in tags), tags


def test_negated_division_is_left_out_and_a_kept_dispute_is_not(analyser) -> None:  # noqa: ANN001
    [tags] = stances_of(analyser, "On piracy the quarrel has not touched their navies.")
    assert not any(t.startswith("apart") for t in tags)
    [tags] = stances_of(analyser, "They failed to settle their dispute over the treaty.")
    assert tags == ("apart:dispute",)  # failing to settle a dispute does not end it


def test_the_state_they_moved_out_of_does_not_count(analyser) -> None:  # noqa: ANN001
    [tags] = stances_of(analyser, "Relations slid from close cooperation to confrontation.")
    assert tags == ("apart:confrontation",)
    [tags] = stances_of(analyser, "They travelled from confrontation to a common enemy.")
    assert tags == ("common:common enemy",)
    # ... nor the one they chose against, nor one they have left behind
    [tags] = stances_of(analyser, "The line was settled by law rather than by confrontation.")
    assert not any(t.startswith("apart") for t in tags), tags
    [tags] = stances_of(analyser, "They chose dialogue instead of confrontation on the Arctic.")
    assert not any(t.startswith("apart") for t in tags), tags
    [tags] = stances_of(analyser, "Survey ships began mapping the formerly disputed waters.")
    assert not any(t.startswith("apart") for t in tags), tags
    [tags] = stances_of(analyser, "Survey ships stayed out of the disputed waters.")
    assert tags == ("apart:disputed",)


def _ev(polarity: str, weight: float) -> Evidence:
    return Evidence("d", "2010-01-01", f"{polarity} {weight}", polarity, weight, "cue")


def test_partial_statement_counts_one_unit_each_way() -> None:
    t = Thresholds()
    partial = _decide(TAXONOMY, "missile_defence", [_ev("partial", 1.0), _ev("apart", -0.7)], t)
    assert partial.level == "partial"
    assert partial.balance == {"common": 0.0, "apart": 0.7, "partial": 1.0}
    one_sided = _decide(TAXONOMY, "missile_defence", [_ev("apart", -0.7)], t)
    assert one_sided.level == "apart"
    mixed = [_ev("common", 1.0)] * 3 + [_ev("apart", -1.0)] * 2
    assert _decide(TAXONOMY, "missile_defence", mixed, t).level == "partial"
    assert isinstance(partial, IssueStance) and partial.n_evidence == 2


def write_corpus(path: Path, docs: list[tuple[str, str, str]]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for i, (day, title, text) in enumerate(docs):
            record = {"id": f"a{i:03d}", "date": day, "title": title, "text": text}
            fh.write(json.dumps(record) + "\n")
    return path


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:  # noqa: ANN001
    tmp = tmp_path_factory.mktemp("agreement")
    docs = [
        # a stance with no issue cue of its own takes the issue from the title, then context
        (
            "2010-03-01",
            "Missile defence talks",
            "The United States and Russia agree on the goal but differ on the means, officials "
            "said. Washington offered transparency on missile defence to Moscow. Moscow disagreed.",
        ),
        # a sentence naming one camp only, in a document naming both
        (
            "2010-05-01",
            "Afghan transit",
            "NATO and Russia signed a transit deal for Afghanistan. Moscow praised the "
            "cooperation on Afghanistan.",
        ),
        # cues of different signs go to the issue named nearest to them
        (
            "2015-07-15",
            "After the deal",
            "Obama said Russia had been a constructive partner on Iran, while the two countries "
            "remain deeply divided over Ukraine.",
        ),
        # an issue named only to date something else does not take the sentence's evidence
        (
            "2010-11-20",
            "Lisbon",
            "NATO and Russia agreed to work together on counter-piracy, the first such step "
            "since the Georgia war.",
        ),
        # a document naming only one camp: its stances say nothing about the pair
        ("2010-06-01", "Kabul", "NATO praised the Afghan army for its progress in Helmand."),
        # a sentence that turns: each part's cues go to the issue that part names
        (
            "2003-05-01",
            "Charter anniversary",
            "The Russian president praised the charter as the end of old divisions, but Moscow's "
            "objection to NATO enlargement stayed unchanged.",
        ),
        # the agenda of a body just agreed on, in a sentence naming no actor
        (
            "2003-06-01",
            "New council",
            "NATO and Russia signed a declaration setting up a new council in Rome. Its first "
            "subjects will be counter-narcotics and the fight against piracy.",
        ),
        # a cue in a relative clause belongs to the phrase the clause hangs on
        (
            "2012-05-01",
            "Ministers meet",
            "NATO and Russia discussed Afghanistan and NATO's missile defence plans for Europe, "
            "which Moscow continues to oppose.",
        ),
        # ... but a quarrel has no agenda
        (
            "2003-08-01",
            "Iraq",
            "NATO and Russia quarrelled bitterly over Iraq at the council. Counter-narcotics "
            "training goes on all the same.",
        ),
    ]
    db = tmp / "a.duckdb"
    with Store(db) as store:
        run([write_corpus(tmp / "a.jsonl", docs)], store, Config())
    return db


ON_OWN_EVIDENCE = Thresholds(prior=0)
# ... and the rules' reading alone: the learned reader retrained on 207 cases (thirty-third round)
# reads "discussed Afghanistan and NATO's missile defence plans, which Moscow continues to oppose"
# as Afghanistan apart too (62%, on the issue 53%), a misreading docs/relations.md names
OWN_RULES = Thresholds(prior=0, reader=False)


def levels(
    db: Path, since: str, until: str, thresholds: Thresholds = ON_OWN_EVIDENCE
) -> dict[str, IssueStance]:
    """The map of a period; by default each issue on its own evidence alone (no leaning toward
    the period's climate), as these tests check how sentences are read."""
    with Store(db, read_only=True) as store:
        found = agreement_map(
            store, TAXONOMY, ["USA", "NATO"], ["RUS"],
            date.fromisoformat(since), date.fromisoformat(until), thresholds,
        )  # fmt: skip
    return {s.issue: s for s in found}


def test_context_title_and_one_camp_sentences_count(store_path: Path) -> None:
    m = levels(store_path, "2010-01-01", "2010-12-31")
    # the rules' reading: the learned reader, at its weight since the forty-fifth round, tips
    # missile defence to apart, reading "Washington offered transparency on missile defence to
    # Moscow" as apart (66%)
    md = levels(store_path, "2010-01-01", "2010-12-31", OWN_RULES)["missile_defence"]
    assert md.level == "partial"
    assert any("differ on the means" in e.basis for e in md.evidence)  # issue from the title
    assert any(e.sentence == "Moscow disagreed." and e.polarity == "apart" for e in md.evidence)
    afg = m["afghanistan"]
    assert afg.level == "common"
    one_camp = [e for e in afg.evidence if e.sentence.startswith("Moscow praised")]
    assert one_camp and 0 < one_camp[0].weight < 1  # counted, at reduced weight
    assert not any("Helmand" in e.sentence for e in afg.evidence)  # no pair in that document


def test_cues_go_to_the_nearest_issue_and_dates_are_not_topics(store_path: Path) -> None:
    later = levels(store_path, "2015-01-01", "2015-12-31")
    assert later["iran_nuclear"].level == "common"
    assert later["ukraine"].level == "apart"
    early = levels(store_path, "2010-01-01", "2010-12-31")
    assert early["counter_piracy"].level == "common"
    assert early["georgia"].level == "unknown"


def test_a_cue_in_a_relative_clause_goes_to_its_antecedent(store_path: Path) -> None:
    m = levels(store_path, "2012-01-01", "2012-12-31", OWN_RULES)
    assert m["missile_defence"].level == "apart"
    # Afghanistan gets no evidence of its own: only the period's climate (see below)
    assert m["afghanistan"].from_climate


def test_an_issue_named_without_a_stance_takes_the_periods_climate(store_path: Path) -> None:
    # 2003: Moscow objects to enlargement, NATO and Russia quarrel over Iraq, set up a council
    # for counter-narcotics and piracy; "counter-narcotics training goes on" states no stance
    m = levels(store_path, "2003-01-01", "2003-12-31")
    own = [s for s in m.values() if s.evidence and not s.from_climate]
    assert {s.issue for s in own} >= {"nato_enlargement", "counter_narcotics"}
    # the 2012 story names Afghanistan beside a quarrel over missile defence, nothing more
    m = levels(store_path, "2012-01-01", "2012-12-31", OWN_RULES)
    afg = m["afghanistan"]
    assert afg.level == "apart" and afg.score == m["missile_defence"].score
    [e] = afg.evidence
    assert e.by_climate and e.weight == 0 and "discussed Afghanistan" in e.sentence
    assert afg.as_dict()["from_climate"] and not m["missile_defence"].from_climate
    # switched off, it stays unknown; an issue named only to date something stays unknown too
    with Store(store_path, read_only=True) as store:
        off = {s.issue: s for s in agreement_map(
            store, TAXONOMY, ["USA", "NATO"], ["RUS"], date(2012, 1, 1), date(2012, 12, 31),
            Thresholds(climate=False, reader=False))}  # fmt: skip
    assert off["afghanistan"].level == "unknown" and not off["afghanistan"].evidence
    assert levels(store_path, "2010-01-01", "2010-12-31")["georgia"].level == "unknown"


def test_a_story_not_naming_both_camps_gives_no_climate(tmp_path: Path) -> None:
    docs = [
        ("2019-02-01", "Treaty", "Russia and the United States quarrelled over the INF Treaty."),
        ("2019-03-01", "Kabul", "The United States discussed Afghanistan with Pakistan."),
    ]
    db = tmp_path / "a.duckdb"
    with Store(db) as store:
        run([write_corpus(tmp_path / "a.jsonl", docs)], store, Config())
        got = {s.issue: s for s in agreement_map(store, TAXONOMY, ["USA"], ["RUS"])}
    assert got["arms_control"].level == "apart"
    assert got["afghanistan"].level == "unknown"


def test_a_verb_joined_to_a_reverser_keeps_its_own_cue(analyser) -> None:  # noqa: ANN001
    # "accuses" is coordinated with "breaks", not governed by it
    [tags] = stances_of(
        analyser, "Moscow denies that its missile breaks the rules and accuses Washington of lying."
    )
    assert "apart:accuses" in tags


def test_a_turning_sentence_and_an_agenda(store_path: Path) -> None:
    m = levels(store_path, "2003-01-01", "2003-12-31")
    enlargement = m["nato_enlargement"]
    assert enlargement.level == "apart"  # "praised the charter" is not about enlargement
    # the rules' cues (the learned reader may add its own reading of the whole sentence)
    rules = [e.basis for e in enlargement.evidence if not e.basis.startswith(READER_BASIS)]
    assert rules == ["objection"]
    for issue in ("counter_narcotics", "counter_piracy"):
        [agenda] = m[issue].evidence  # not "training goes on" after the quarrel over Iraq
        assert m[issue].level == "common" and agenda.basis.startswith("agenda of: events")
        assert 0 < agenda.weight < 1


@pytest.mark.parametrize(
    ("text", "sanctions"),
    [
        ("Washington and Moscow agreed on lifting the sanctions on Iran.", False),
        ("Both voted for new North Korea sanctions at the United Nations.", False),
        ("Moscow refused the oil embargo on Russia that Washington proposed.", True),
        ("The sanctions over Ukraine remain in force, Washington told Moscow.", True),
    ],
)
def test_sanctions_on_a_third_party_belong_to_its_file(text: str, sanctions: bool) -> None:
    finder = _IssueFinder(TAXONOMY)
    issues = finder.issues(text)
    assert "sanctions" in issues
    assert ("sanctions" in finder.topical(issues, text)) is sanctions


def test_a_recalled_occasion_is_no_stance(analyser) -> None:  # noqa: ANN001
    [tags] = stances_of(
        analyser,
        "The freeze comes three years after the Lisbon summit, at which NATO and Russia agreed "
        "to explore joint work on missile defence.",
    )
    assert not any(t.startswith("common") for t in tags), tags
    [tags] = stances_of(
        analyser, "At the Lisbon summit NATO and Russia agreed to explore joint work."
    )
    assert any(t.startswith("common") for t in tags), tags


def test_naming_a_camp_is_not_naming_its_file(tmp_path: Path) -> None:
    docs = [
        (
            "2023-03-10",
            "Pilgrims",
            "Saudi Arabia and Iran agreed on Friday to restore diplomatic relations. Saudi Arabia "
            "praised Iran for settling the arrangements for Iranian pilgrims.",
        ),
        ("2023-06-10", "Enrichment", "Saudi Arabia condemned Iran's uranium enrichment."),
    ]
    db = tmp_path / "a.duckdb"
    with Store(db) as store:
        run([write_corpus(tmp_path / "a.jsonl", docs)], store, Config())
        early = {s.issue: s for s in agreement_map(
            store, TAXONOMY, ["SAU"], ["IRN"], date(2023, 3, 1), date(2023, 3, 31))}  # fmt: skip
        late = {s.issue: s for s in agreement_map(
            store, TAXONOMY, ["SAU"], ["IRN"], date(2023, 6, 1), date(2023, 6, 30))}  # fmt: skip
    # "Iran" and "Iranian pilgrims" name a party, not Iran's nuclear file ...
    assert early["iran_nuclear"].level == "unknown"
    assert early["diplomatic_relations"].level == "common"
    # ... which a cue of its own still names
    assert late["iran_nuclear"].level == "apart"


@pytest.mark.parametrize(
    ("text", "tones"),
    [
        ("The border between the two countries has stayed closed since 1998.", ["tone_down"]),
        ("Flights between the two capitals are to be restored next month.", ["tone_up"]),
        # a negated word counts the other way; a word governed by another leaves it the sign
        ("The neighbours did not reopen their embassies.", ["tone_down"]),
        ("Both governments lifted the sanctions on Monday.", ["tone_up"]),
        # where a stance cue speaks, tone is not read
        ("They called the closed border an obstacle.", ["apart"]),
        # "according to" names a source, not an accord
        ("No soldiers were hurt, according to officials on both sides.", []),
    ],
)
def test_tone_words_where_no_cue_speaks(analyser, text: str, tones: list[str]) -> None:  # noqa: ANN001
    [tags] = stances_of(analyser, text)
    assert [t.split(":", 1)[0] for t in tags] == tones, tags


def test_events_name_their_issue_and_tone_fills_silent_issues(tmp_path: Path) -> None:
    docs = [
        (
            "2015-11-25",
            "Jet downed",
            "Turkey shot down a Russian bomber near the Syrian border on Tuesday. Foreign "
            "Minister Sergei Lavrov called off a visit to Turkey planned for Wednesday.",
        ),
        (
            "2015-12-10",
            "Border trade",
            "Russia and Turkey have closed a border crossing used for trade. Trade at the crossing "
            "fell by half in a week.",
        ),
    ]
    db = tmp_path / "a.duckdb"
    with Store(db) as store:
        run([write_corpus(tmp_path / "a.jsonl", docs)], store, Config())
        got = {
            s.issue: s for s in agreement_map(store, TAXONOMY, ["TUR"], ["RUS"], thresholds=RULES)
        }
    # a cancelled visit names no issue, but its event (CAMEO 16x) is about diplomatic relations
    [visit] = got["diplomatic_relations"].evidence
    assert "called off a visit" in visit.sentence and visit.basis.startswith("events 16")
    assert got["diplomatic_relations"].level == "apart"
    # no cue, no event between the camps: the tone of "closed" says which way trade went
    assert got["trade"].level == "apart"
    assert all(e.by_tone for e in got["trade"].evidence)


def test_a_request_between_the_camps_counts_toward_division(tmp_path: Path) -> None:
    docs = [
        ("2019-08-10", "Trade steps", "India urged Pakistan to review its trade steps on Friday."),
    ]
    db = tmp_path / "a.duckdb"
    with Store(db) as store:
        run([write_corpus(tmp_path / "a.jsonl", docs)], store, Config())
        got = {
            s.issue: s for s in agreement_map(store, TAXONOMY, ["IND"], ["PAK"], thresholds=RULES)
        }
    # an appeal (CAMEO 02) asks of the other what it has not got: not a sign of common ground
    [urged] = got["trade"].evidence
    assert urged.basis.startswith("events 02") and urged.polarity == "apart", urged


def test_a_ruling_welcomed_by_one_camp_is_a_win_over_the_other(tmp_path: Path) -> None:
    docs = [
        (
            "2016-07-12",
            "Tribunal",
            "Vietnam welcomed the award of the tribunal on the Paracel Islands, which rejected "
            "China's claims.",
        ),
        ("2016-08-01", "Rig", "Vietnam welcomed the decision by China to move its oil rig."),
        ("2016-09-01", "Court", "Vietnam and China welcomed the ruling on their fishing zone."),
    ]
    db = tmp_path / "a.duckdb"
    with Store(db) as store:
        run([write_corpus(tmp_path / "a.jsonl", docs)], store, Config())
        evidence = sentence_evidence(store, ["VNM"], ["CHN"])
    polarity = {e.doc_id: e.polarity for e in evidence}
    assert polarity == {"a000": "apart", "a001": "common", "a002": "common"}, evidence


def test_tone_gives_way_to_any_other_evidence() -> None:
    toned = Evidence("d", None, "The crossing stayed closed.", "apart", -0.5, "tone: closed")
    stated = Evidence(
        "d", None, "They share an interest in trade.", "common", 1.0, "shared interest"
    )
    assert _decide(TAXONOMY, "trade", [toned], Thresholds()).level == "apart"
    decided = _decide(TAXONOMY, "trade", [toned, stated], Thresholds())
    assert decided.level == "common" and decided.evidence == (stated,)


def test_qualified_praise_is_partial() -> None:
    from detente.agreement import _from_cues, _qualified

    def polarity(text: str, cues: list[tuple[str, str]]) -> str:
        r = {"doc_id": "d", "doc_date": None, "text": text}
        return _from_cues(r, cues, 1.0, _qualified(text, cues)).polarity

    welcomed = [("common", "welcomed")]
    assert polarity("Havana welcomed the decision.", welcomed) == "common"
    assert polarity("Havana welcomed the decision but said the embargo was still in force.",
                    welcomed) == "partial"  # fmt: skip
    # a turn that praises again is no reservation
    assert polarity("Havana welcomed the decision, and Washington welcomed the reply.",
                    welcomed) == "common"  # fmt: skip


def test_tone_of_a_turning_sentence_is_the_part_naming_the_issue() -> None:
    from detente.agreement import _from_tone

    text = ("The leaders wanted a sea of cooperation and friendship, but there was no agreement "
            "to resume the stalled gas field talks.")  # fmt: skip
    tones = [("tone_up", "cooperation"), ("tone_up", "friendship"),
             ("tone_down", "agreement"), ("tone_down", "stalled")]  # fmt: skip
    r = {"doc_id": "d", "doc_date": None, "text": text}
    assert _from_tone(r, ["energy"], tones, 1.0) == {}  # even, read whole
    [energy] = _from_tone(r, ["energy"], tones, 1.0, _IssueFinder(TAXONOMY)).values()
    assert energy.polarity == "apart" and "cooperation" not in energy.basis


def test_tone_that_dates_the_present_or_ends_the_past_does_not_count() -> None:
    def row(text: str) -> dict:
        return {"doc_id": "d", "doc_date": "2018-03-06", "text": text}

    # "the best mood since the allegations", "closes a chapter": no division now
    mood = "Diplomats described the mood as the best since the espionage allegations surfaced."
    assert not _from_tone(row(mood), ["diplomatic_relations"], [("tone_down", "allegations")], 1)
    chapter = "The treaty closes a chapter in relations between the two countries."
    assert not _from_tone(row(chapter), ["diplomatic_relations"], [("tone_down", "closes")], 1)
    # the same words about the present still count
    charged = "Prosecutors charged the officer behind the espionage allegations."
    found = _from_tone(row(charged), ["diplomatic_relations"], [("tone_down", "allegations")], 1)
    assert found["diplomatic_relations"].polarity == "apart"


def test_a_division_ended_and_a_hostile_act_denied_are_no_division(analyser) -> None:  # noqa: ANN001
    # a boycott abolished, an objection dropped: the cue of division is reversed, left out
    [tags] = stances_of(analyser, "The president abolished the 1972 law boycotting Israel.")
    assert not any(t.startswith("apart") for t in tags), tags
    [tags] = stances_of(analyser, "Israel dropped its objection to the sale of the jets.")
    assert not any(t.startswith("apart") for t in tags), tags

    def row(negated: bool, goldstein: float) -> dict:
        event = {"cameo": "192", "goldstein": goldstein, "confidence": 0.8, "negated": negated,
                 "modality": "asserted"}  # fmt: skip
        return {"doc_id": "d", "doc_date": "2023-06-01", "text": "s", "stances": [],
                "has_side": True, "has_other": True, "doc_pair": True, "n_actors": 2,
                "events": [event]}  # fmt: skip

    # "has not annexed West Bank land": a hostile act denied is no sign of division
    assert _evidence(row(True, -9.5), ("frozen_conflicts",), None) == {}
    assert _evidence(row(False, -9.5), ("frozen_conflicts",), None)[
        "frozen_conflicts"
    ].polarity == ("apart")
    # a friendly act denied ("did not sign") still counts against, at half weight
    denied = _evidence(row(True, 5.0), ("trade",), None)["trade"]
    assert denied.polarity == "apart" and denied.weight == -0.5 * 0.5 * 0.8


def test_a_stand_counts_by_what_it_is_aimed_at(tmp_path: Path) -> None:
    docs = [
        (
            "2022-01-20",
            "Houthi strikes",
            "Israel condemned the Houthi attacks and offered help to the Emirates.",
        ),
        (
            "2022-05-10",
            "Mosque",
            "The Emirates condemned the storming of the mosque by Israeli police.",
        ),
        ("2022-06-10", "Rockets", "The Emirates condemned the rocket attacks on Israel."),
    ]
    db = tmp_path / "a.duckdb"
    with Store(db) as store:
        run([write_corpus(tmp_path / "a.jsonl", docs)], store, Config())
        evidence = {e.sentence: e for e in sentence_evidence(store, ["ISR"], ["ARE"])}
    # aimed at a third party: no division between the pair (events or tone may still speak)
    houthi = evidence.get("Israel condemned the Houthi attacks and offered help to the Emirates.")
    assert houthi is None or "condemned" not in houthi.basis, houthi
    # aimed at one camp's doing: division
    mosque = evidence["The Emirates condemned the storming of the mosque by Israeli police."]
    assert (mosque.polarity, mosque.basis) == ("apart", "condemned")
    # aimed at what was done to the other camp: solidarity
    rockets = evidence["The Emirates condemned the rocket attacks on Israel."]
    assert (rockets.polarity, rockets.basis) == ("common", "condemned")
