from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from detente.dates import EventDate, find_dates, find_text_date, parse_date, resolve_date

REF = date(2010, 4, 9)  # a Friday


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("The treaty was signed in Prague on 8 April 2010.", "2010-04-08", "day"),
        ("They met on April 8, 2010, in Prague.", "2010-04-08", "day"),
        ("Russia invaded Georgia in August 2008.", "2008-08", "month"),
        ("The Founding Act was signed in May 1997.", "1997-05", "month"),
        ("NATO expanded in 1999.", "1999", "year"),
        ("The ministers met on Tuesday.", "2010-04-06", "day"),
        ("The ministers met on Friday.", "2010-04-09", "day"),
        ("Talks resumed yesterday.", "2010-04-08", "day"),
        ("Moscow cut gas supplies last month.", "2010-03", "month"),
        ("Relations improved last year.", "2009", "year"),
        ("The summit was held two years ago.", "2008", "year"),
        ("The summit took place on 4 April.", "2010-04-04", "day"),
        ("The summit is due on 20 November.", "2009-11-20", "day"),
    ],
)
def test_resolve_date(text: str, expected: str, precision: str) -> None:
    found = resolve_date(text, REF)
    assert found is not None
    assert (found.iso(), found.precision) == (expected, precision)


@pytest.mark.parametrize(
    "text",
    [
        "Russia may sign the treaty.",
        "The 1997 act still matters.",
        "Moscow said nothing.",
        "March on.",
    ],
)
def test_no_date_in_text(text: str) -> None:
    assert resolve_date(text, REF) is None


def test_relative_dates_need_a_reference() -> None:
    assert resolve_date("They met on Tuesday.", None) is None
    assert resolve_date("They met on 8 April 2010.", None) == EventDate(date(2010, 4, 8), "day")


@given(st.dates(min_value=date(1950, 1, 1), max_value=date(2049, 12, 31)))
def test_written_dates_round_trip(d: date) -> None:
    for text in (f"on {d.day} {d:%B} {d.year}", f"on {d:%B} {d.day}, {d.year}", d.isoformat()):
        assert resolve_date(f"The talks took place {text}.", None) == EventDate(d, "day")
    assert parse_date(d.isoformat()) == d


@given(
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 1, 1)),
    st.sampled_from(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]),
)
def test_weekday_is_within_the_week_before_publication(ref: date, weekday: str) -> None:
    found = resolve_date(f"The ministers met on {weekday}.", ref)
    assert found is not None and found.precision == "day"
    assert ref - timedelta(days=6) <= found.value <= ref
    assert found.value.strftime("%A") == weekday


def test_publication_date_in_text() -> None:
    assert find_text_date("Title: x\nDate: 2009-02-07\n\nBody") == date(2009, 2, 7)
    assert find_text_date("MUNICH, February 7, 2009 — Vice President Biden") == date(2009, 2, 7)
    assert find_text_date("BRUSSELS, 27 May 1997 — NATO") == date(1997, 5, 27)
    assert find_text_date("No date here at all.") is None


@pytest.mark.parametrize(
    ("text", "expected", "precision"),
    [
        ("Two years later, the sides signed a treaty.", "2010", "year"),
        ("Three months later, talks resumed.", "2008-11", "month"),
        ("The next day, Moscow protested.", "2008-08-09", "day"),
        ("The following year, the council met again.", "2009", "year"),
        ("A week earlier, the ministers had met.", "2008-08", "month"),
    ],
)
def test_dates_relative_to_the_last_written_date(text: str, expected: str, precision: str) -> None:
    anchor = EventDate(date(2008, 8, 8), "day")
    found = resolve_date(text, date(2011, 3, 1), anchor)
    assert found is not None and (found.iso(), found.precision) == (expected, precision)


def test_find_dates_gives_every_expression_with_its_place() -> None:
    text = "Russia, which invaded Georgia in August 2008, signed the accord on 8 April 2010."
    found = find_dates(text, REF)
    assert [(text[d.start : d.end], d.value.iso(), d.explicit) for d in found] == [
        ("8 April 2010", "2010-04-08", True), ("August 2008", "2008-08", True),
    ]  # fmt: skip
