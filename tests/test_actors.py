from datetime import date

import pytest

from detente.actors import DocumentActors, load_actor_dictionary
from detente.errors import DataFileError


def actors_of(analyser, text: str, on: str = "2010-06-01") -> list[dict[str, str]]:
    """Every resolved actor phrase of every sentence, in order."""
    doc = analyser.nlp(text)
    resolver = DocumentActors(analyser.dictionary, date.fromisoformat(on))
    matches = analyser.matcher.find(doc)
    resolver.observe(matches)
    out = []
    for sent in doc.sents:
        in_sent = [(s, e) for s, e in matches if sent.start <= s.start < sent.end]
        for a in resolver.resolve(sent, in_sent).actors.values():
            out.append({"code": a.actor.code, "text": a.text, "kind": a.kind})
    return out


def codes(analyser, text: str, on: str = "2010-06-01") -> list[str]:
    return [a["code"] for a in actors_of(analyser, text, on)]


def test_dictionary_covers_un_members_and_people() -> None:
    d = load_actor_dictionary()
    countries = {e.actor.country for es in d.entries.values() for e in es if e.kind == "country"}
    assert len(countries) >= 195
    for iso3 in ("RUS", "USA", "UKR", "GEO", "AFG", "VAT", "PSE", "TUV"):
        assert iso3 in countries
    medvedev = next(e.person for e in d.entries["medvedev"] if e.person)
    assert medvedev.role_on(date(2010, 1, 1)).role == "president"
    assert medvedev.role_on(date(2013, 1, 1)).role == "prime minister"
    assert medvedev.role_on(date(2010, 1, 1)).actor.code == "RUSGOV"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia and the United States met.", ["RUS", "USA"]),
        ("Russian troops crossed the border.", ["RUSMIL"]),
        ("US lawmakers blocked the bill.", ["USALEG"]),
        ("Russian gas flows resumed.", []),
        ("The Kremlin rejected the offer.", ["RUSGOV"]),
        ("Washington and Moscow disagreed.", ["USAGOV", "RUSGOV"]),
        ("The Pentagon briefed reporters.", ["USAMIL"]),
        ("Russian President Dmitry Medvedev spoke.", ["RUSGOV"]),
        ("The Alliance suspended the meetings.", ["NATO"]),
        ("NATO foreign ministers met.", ["NATO"]),
        ("Let us talk about it.", []),
        ("The NATO-Russia Council met in Rome.", ["ITAGOV"]),  # the council is a venue
        ("The Russian defence ministry issued a statement.", ["RUSMIL"]),
        # abbreviations with full stops, tokenised as written ("u.s." alone splits in two)
        ("U.S. officials met British envoys.", ["USAGOV", "GBRGOV"]),
        ("The U.K. and St. Lucia signed a treaty.", ["GBR", "LCA"]),
        # companies, agencies and state media act for their country, in their sector
        ("Adani Power will supply Dhaka.", ["INDBUS", "BGDGOV"]),
        ("Cameco signed a contract with the Serum Institute.", ["CANBUS", "INDBUS"]),
        ("KCNA said Roscosmos would help JAXA.", ["PRKMED", "RUSGOV", "JPNGOV"]),
        # bare "Congo" is the Democratic Republic, as news writes it; Brazzaville's is named
        ("Uganda sent troops to Congo.", ["UGA", "COD"]),
        ("Congo-Brazzaville and the Republic of Congo signed.", ["COG", "COG"]),
    ],
)
def test_resolution(analyser, text: str, expected: list[str]) -> None:
    assert codes(analyser, text) == expected


def test_people_resolve_by_date(analyser) -> None:
    assert codes(analyser, "Medvedev met Obama.", "2010-04-08") == ["RUSGOV", "USAGOV"]
    assert codes(analyser, "Rasmussen met Lavrov.", "2010-11-20") == ["NATO", "RUSGOV"]
    # Before he led NATO, Rasmussen was Denmark's prime minister.
    assert codes(analyser, "Rasmussen met Lavrov.", "2005-06-01") == ["DNKGOV", "RUSGOV"]
    # office holders of the smaller and farther states too (parts E to K)
    assert codes(analyser, "Kagame met Tshisekedi.", "2022-07-06") == ["RWAGOV", "CODGOV"]
    assert codes(analyser, "Boric and Arce agreed.", "2022-03-12") == ["CHLGOV", "BOLGOV"]
    assert codes(analyser, "Ma Ying-jeou met Xi Jinping.", "2015-11-07") == ["TWNGOV", "CHNGOV"]


def test_a_last_name_alone_names_the_person_named_in_full_before(analyser) -> None:
    text = "Scott Morrison arrived in Jakarta. Morrison met Joko Widodo on Friday."
    found = actors_of(analyser, text, "2019-08-31")
    assert [(a["text"], a["code"]) for a in found if a["text"] == "Morrison"] == [
        ("Morrison", "AUSGOV")
    ]
    # not before the full name, nor a name of its own
    assert "Morrison" not in [
        a["text"] for a in actors_of(analyser, "Morrison arrived.", "2019-08-31")
    ]
    other = "Scott Morrison arrived. Van Morrison sang."
    assert [a["text"] for a in actors_of(analyser, other, "2019-08-31")] == ["Scott Morrison"]


def test_brussels_follows_the_document(analyser) -> None:
    nato = "NATO ministers met. Brussels rejected the plan. NATO said so again."
    eu = "The EU held a summit. Brussels rejected the plan."
    assert codes(analyser, nato)[1] == "NATO"
    assert codes(analyser, eu)[1] == "EU"


def test_pronouns_and_roles_refer_back(analyser) -> None:
    found = actors_of(
        analyser, "Medvedev arrived in Washington. He met senior officials. The president smiled."
    )
    assert [(a["code"], a["kind"]) for a in found] == [
        ("RUSGOV", "person"), ("USAGOV", "capital"), ("RUSGOV", "pronoun"), ("RUSGOV", "role"),
    ]  # fmt: skip


def test_coordinated_leaders_are_each_named_once(analyser) -> None:
    # the small model misparses "Presidents Barack Obama and Dmitry Medvedev met in London",
    # hanging "Obama" on "Medvedev": each name is still its own actor, and "Obama" of "Barack
    # Obama" is no second mention of him
    for text, place in [
        ("Presidents Barack Obama and Dmitry Medvedev met in London.", [("London", "GBRGOV")]),
        ("Presidents Barack Obama and Dmitry Medvedev met.", []),
        # a country still heads its leader's phrase: one actor each, as before
        ("US President Barack Obama said Russian President Dmitry Medvedev would come.", []),
    ]:
        found = actors_of(analyser, text, "2009-04-01")
        assert [(a["text"], a["code"]) for a in found] == [
            ("Barack Obama", "USAGOV"), ("Dmitry Medvedev", "RUSGOV"), *place,
        ]  # fmt: skip


def test_a_plural_role_is_not_the_last_one_named(analyser) -> None:
    text = (
        "Presidents Bill Clinton and Boris Yeltsin met in Helsinki. The presidents agreed to "
        "talk again. The president smiled."
    )
    found = actors_of(analyser, text, "1997-03-21")
    roles = [(a["text"], a["code"]) for a in found if a["kind"] == "role"]
    assert roles == [("president", "RUSGOV")]  # "the presidents" are both, not Yeltsin


def test_user_dictionary_file(tmp_path) -> None:
    extra = tmp_path / "mine.yaml"
    extra.write_text(
        "people:\n  - name: Ann Example\n    aliases: [Example]\n    roles:\n"
        "      - {role: envoy, actor: NORGOV, start: 2020-01-01}\n",
        encoding="utf-8",
    )
    d = load_actor_dictionary([extra])
    person = next(e.person for e in d.entries["example"] if e.person)
    assert person.role_on(date(2021, 1, 1)).actor.code == "NORGOV"
    bad = tmp_path / "bad.yaml"
    bad.write_text("people:\n  - name: No Roles\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="bad.yaml"):
        load_actor_dictionary([bad])


@pytest.mark.parametrize(
    ("text", "on", "expected"),
    [
        ("Bush met Gorbachev.", "1991-06-01", ["USAGOV", "RUSGOV"]),  # the father
        ("Bush met Putin.", "2002-05-24", ["USAGOV", "RUSGOV"]),  # the son
        ("Bush met Putin.", "2015-03-01", ["RUSGOV"]),  # no Bush in office: nobody
        ("Clinton criticised Moscow.", "2010-06-01", ["USAGOV", "RUSGOV"]),  # the secretary
        ("Ivanov criticised NATO.", "2002-05-24", ["NATO"]),  # two Ivanovs in office: nobody
    ],
)
def test_shared_surnames_name_whoever_is_in_office(analyser, text, on, expected) -> None:  # noqa: ANN001
    assert codes(analyser, text, on) == expected
