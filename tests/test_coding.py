"""Coder behaviours, one construction at a time (sentences written for these tests)."""

import pytest


def triples(events) -> set[tuple[str, str, str]]:  # noqa: ANN001
    return {(e.source_country, e.target_country, e.cameo_root) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # active voice, direct object
        ("NATO condemned Russia on Tuesday.", {("NATO", "RUS", "11")}),
        # passive voice keeps the real direction
        ("Russia was condemned by the European Union.", {("EU", "RUS", "11")}),
        # coordination of subjects on a reciprocal action: both directions
        (
            "The United States and Russia signed the treaty in Prague.",
            {("USA", "RUS", "05"), ("RUS", "USA", "05")},
        ),
        # coordination of subjects on a directed action
        ("France and Germany criticised Russia.", {("FRA", "RUS", "11"), ("DEU", "RUS", "11")}),
        # prepositional target
        ("Poland signed an agreement with the United States.", {("POL", "USA", "05")}),
        # metonyms and people
        ("The Kremlin accused Washington of meddling.", {("RUS", "USA", "11")}),
        # agreeing on a goal is a shared view (019); agreeing on a plan is a deal (057)
        (
            "On missile defence, NATO and Russia agree on the goal but differ on the means.",
            {("NATO", "RUS", "01"), ("RUS", "NATO", "01")},
        ),
        (
            "NATO and Russia agreed on a plan to share radar data.",
            {("NATO", "RUS", "05"), ("RUS", "NATO", "05")},
        ),
        # institutions and state companies stand for their country, with or without "the"
        ("Pentagon officials criticised China.", {("USA", "CHN", "11")}),
        ("Gazprom cut off gas supplies to Ukraine.", {("RUS", "UKR", "16")}),
        # a deed condemned: its author is the target, not whom it hit
        (
            "NATO condemned the shelling of Ukrainian towns by Russian forces.",
            {("NATO", "RUS", "11")},
        ),
        # a group noun stands for its actors, also among coordinated subjects
        (
            "Yeltsin and the leaders of NATO signed the Founding Act in Paris.",
            {("RUS", "NATO", "05"), ("NATO", "RUS", "05")},
        ),
        (
            "The leaders of Russia and the US met in Helsinki.",
            {("RUS", "USA", "04"), ("USA", "RUS", "04")},
        ),
        # no second actor: no event
        ("Russia tested a new missile.", set()),
        # two countries, no interaction
        ("Russia and Ukraine share a long border.", set()),
    ],
)
def test_arguments_and_directions(code, text: str, expected: set) -> None:  # noqa: ANN001
    assert triples(code(text)) == expected


def test_negation_is_flagged(code) -> None:  # noqa: ANN001
    [e] = code("Russia did not sign the agreement with NATO.")
    assert e.negated and e.cameo_root == "05"
    [e] = code("Moscow refused to sign the agreement with NATO.")
    assert e.negated and e.source == "RUSGOV"
    # "have yet to": not done
    assert {
        e.negated for e in code("Ankara and Yerevan have yet to establish diplomatic relations.")
    } == {True}


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("NATO will meet Russia next month.", "intended"),
        ("Russia pledged to cooperate with NATO.", "intended"),
        ("NATO should meet Russia.", "proposed"),
        ("If NATO admitted Georgia, Russia would condemn the Alliance.", "hypothetical"),
        ("According to officials, Russia criticised NATO.", "reported"),
        ("NATO met Russia in Brussels.", "asserted"),
    ],
)
def test_modality(code, text: str, modality: str) -> None:  # noqa: ANN001
    events = code(text)
    assert events, text
    assert {e.modality for e in events} == {modality}


def test_clausal_complement_speaker_is_the_source(code) -> None:  # noqa: ANN001
    events = code("Moscow said it would cut off gas supplies to Ukraine.")
    assert {(e.source, e.target_country, e.modality) for e in events} == {
        ("RUSGOV", "UKR", "hypothetical")
    }


def test_nominal_event(code) -> None:  # noqa: ANN001
    events = code("Russia's invasion of Georgia shocked Europe.", "2008-08-12")
    assert ("RUS", "GEO", "19") in triples(events) or ("RUS", "GEO", "17") in triples(events)


def test_event_fields_from_the_codebook(code) -> None:  # noqa: ANN001
    [e] = code(
        "NATO suspended all practical cooperation with Russia on 1 April 2014.", "2014-04-02"
    )
    assert e.cameo_root == "16" and e.quad_class == 4 and e.goldstein < 0
    assert (e.date, e.date_precision) == ("2014-04-01", "day")
    assert 0 < e.confidence <= 1
    assert e.sentence.startswith("NATO suspended") and e.event_text.startswith("suspended")


def test_each_event_takes_the_date_in_its_own_phrase(code) -> None:  # noqa: ANN001
    events = code(
        "Finland applied to join NATO in May 2022, three months after Russia attacked Ukraine "
        "on 24 February 2022.",
        "2023-04-04",
    )
    attack = next(e for e in events if e.source_country == "RUS")
    assert (attack.date, attack.date_precision) == ("2022-02-24", "day")


def test_dateline_places_are_not_actors(code) -> None:  # noqa: ANN001
    events = code(
        "HEILIGENDAMM, Germany, June 7 — President Vladimir Putin proposed that the United "
        "States use a radar in Azerbaijan.",
        "2007-06-07",
    )
    assert "DEU" not in {e.source_country for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia and Belarus released 16 prisoners.", set()),  # released to others, not each other
        ("Estonia and Latvia joined NATO in 2004.", {("EST", "NATO", "05"), ("LVA", "NATO", "05")}),
        ("Russia and Ukraine exchanged prisoners.", {("RUS", "UKR", "08"), ("UKR", "RUS", "08")}),
        ("Russia and China held joint exercises.", {("RUS", "CHN", "06"), ("CHN", "RUS", "06")}),
        # an exercise two sides hold together is cooperation, "joint" or not
        (
            "The Norwegian and Russian navies held their annual exercise in the Barents Sea.",
            {("NOR", "RUS", "06"), ("RUS", "NOR", "06")},
        ),
        ("Finland applied together with Sweden.", set()),
    ],
)
def test_only_mutual_acts_are_reciprocal(code, text: str, expected: set) -> None:  # noqa: ANN001
    assert triples(code(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dateline city parsed as subject, the actor as its apposition
        (
            "PRAGUE, April 8 — President Barack Obama and President Dmitry Medvedev signed a new "
            "arms reduction treaty on Thursday.",
            {("USA", "RUS", "05"), ("RUS", "USA", "05")},
        ),
        # what two sides agree to do, they do to each other
        (
            "The United States and Russia agreed to reduce their deployed warheads.",
            {("USA", "RUS", "08"), ("RUS", "USA", "08")},
        ),
        # an adjective controls the verb: "ready to settle", intended
        (
            "Armenia and Azerbaijan said they were ready to settle the conflict.",
            {("ARM", "AZE", "03"), ("AZE", "ARM", "03")},
        ),
        # the author inside the object phrase
        (
            "Alleged abuses by Russian troops were investigated by the UN Human Rights Council.",
            {("UN", "RUS", "09")},
        ),
        # calling off joint exercises cuts cooperation; calling off an offensive de-escalates
        ("Turkey called off three joint military exercises with Israel.", {("TUR", "ISR", "16")}),
        ("Russia called off its offensive against Ukraine.", {("RUS", "UKR", "08")}),
        # Tel Aviv stands for Israel
        ("Turkey recalled its ambassador from Tel Aviv.", {("TUR", "ISR", "16")}),
        # diplomats "sent home" are expelled (161), not sent on a visit (042)
        ("Moscow sent two Ukrainian diplomats home in return.", {("RUS", "UKR", "16")}),
        # whom a side joins in an act is a partner; a month it joins in is no act
        ("Japan has joined the United States in sanctions on Russia.", {("JPN", "RUS", "16")}),
        ("Finland joined NATO in April.", {("FIN", "NATO", "05")}),
        ("Finland joined NATO in a ceremony in Brussels.", {("FIN", "NATO", "05")}),
        # what an earthquake or flood does is not done by the sentence's subject
        (
            "Greek rescue teams searched the rubble alongside Albanian firefighters after the "
            "strongest earthquake to hit Albania in decades.",
            set(),
        ),
        ("Greek jets struck Albania after the talks.", {("GRC", "ALB", "19")}),
        # pressing the reset button with a country mends ties (05); pressing it is no demand (10)
        (
            "Biden said Washington wanted to press the reset button in its relations with Moscow.",
            {("USA", "RUS", "05")},
        ),
        (
            "The two leaders hit the reset button on relations between Russia and Georgia.",
            {("RUS", "GEO", "05"), ("GEO", "RUS", "05")},
        ),
    ],
)
def test_more_constructions(code, text: str, expected: set) -> None:  # noqa: ANN001
    assert triples(code(text, "2010-04-09")) == expected


def test_ready_to_is_intended(code) -> None:  # noqa: ANN001
    events = code("Armenia and Azerbaijan said they were ready to settle the conflict.")
    assert events and {e.modality for e in events} == {"intended"}


def test_hyphenated_pair_on_an_event_noun(code) -> None:  # noqa: ANN001
    events = code("US-Russian talks on missile defence resumed in Geneva.")
    assert triples(events) == {("USA", "RUS", "04"), ("RUS", "USA", "04")}
    assert triples(code("The NATO summit opened in Lisbon.")) == set()  # one side: no event


def test_event_date_is_not_taken_from_a_relative_clause(code) -> None:  # noqa: ANN001
    events = code(
        "Obama and Medvedev signed a new arms treaty in Prague on Thursday, replacing the START "
        "agreement, which expired in December.",
        "2010-04-08",
    )
    assert events and {e.date for e in events} == {"2010-04-08"}


def test_event_date_is_not_the_date_after_since(code) -> None:  # noqa: ANN001
    events = code(
        "NATO and Russian ambassadors met on Wednesday for the first time since June 2014.",
        "2016-04-20",
    )
    assert events and {e.date for e in events} == {"2016-04-20"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the two sides", "both governments": the story's two main parties, to each other
        (
            "India and Pakistan exchanged fire in Kashmir. The two governments later signed a "
            "ceasefire accord.",
            {
                ("IND", "PAK", "19"),
                ("PAK", "IND", "19"),
                ("IND", "PAK", "05"),
                ("PAK", "IND", "05"),
            },
        ),
        (
            "Greek and Turkish diplomats met in Athens. Both sides agreed to resume talks.",
            {("GRC", "TUR", "04"), ("TUR", "GRC", "04")},
        ),
        # not "the two men"; and no pair when a third party is named as often as the second
        (
            "Japan and China met. The two men agreed to meet again.",
            {("JPN", "CHN", "04"), ("CHN", "JPN", "04")},
        ),
        (
            "Japan, China and India sent envoys. The two governments signed a trade deal.",
            set(),
        ),
    ],
)
def test_the_two_sides_are_the_storys_two_parties(code, text: str, expected: set) -> None:  # noqa: ANN001
    assert triples(code(text)) == expected


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        # office holders beyond the NATO-Russia field, on the document's date
        ("Nicolás Maduro and Juan Manuel Santos met in Quito on Monday.", "2015-09-21",
         {("VEN", "COL", "04"), ("COL", "VEN", "04")}),
        ("Maduro accused Duque of plotting a coup.", "2019-02-23", {("VEN", "COL", "11")}),
        ("Narendra Modi met Nawaz Sharif in Lahore on Friday.", "2015-12-25",
         {("IND", "PAK", "04")}),
    ],
)  # fmt: skip
def test_leaders_of_more_countries(code, text: str, on: str, expected: set) -> None:  # noqa: ANN001
    assert triples(code(text, on)) == expected
