"""Dates: publication dates of documents and the dates of events named in sentences.

Our own small resolver, not a general parser: it knows the forms news writing uses ("on 8 April
2010", "April 8, 2010", "in August 2008", "in 1997", "on Tuesday", "last year", "two years ago") and
resolves relative ones against a reference date (the document's publication date).
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MONTHS = {
    name.lower(): i
    for i in range(1, 13)
    for name in (calendar.month_name[i], calendar.month_abbr[i])
}
MONTHS["sept"] = 9
WEEKDAYS = {calendar.day_name[i].lower(): i for i in range(7)}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}  # fmt: skip

_MONTH = r"(?P<month>(?i:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r"))\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"

# Ordered: the more precise forms first.
_ABSOLUTE = [
    ("day", re.compile(rf"\b{_DAY} {_MONTH},? {_YEAR}\b", re.I)),
    ("day", re.compile(rf"\b{_MONTH} {_DAY},? {_YEAR}\b", re.I)),
    ("day", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")),
    ("day", re.compile(rf"\b(?:on|by|from|until|since) {_DAY} {_MONTH}(?!,? \d)", re.I)),
    ("day", re.compile(rf"\b(?:on|by|from|until|since) {_MONTH} {_DAY}\b(?!,? \d)", re.I)),
    ("month", re.compile(rf"\b{_MONTH},? {_YEAR}\b", re.I)),
    (
        "month",
        re.compile(
            rf"\b(?:in|since|by|from|until|during|early|late|mid-) ?{_MONTH}\b(?![ ,]*\d)", re.I
        ),
    ),
    (
        "year",
        re.compile(rf"\b(?:in|since|by|from|until|during|of|early|late|mid-) ?{_YEAR}\b", re.I),
    ),
]
_WEEKDAY = re.compile(r"\b(?:on |last |this )?(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.I)
_RELATIVE = re.compile(
    r"\b(?P<word>yesterday|today|last week|last month|last year|this year|this month|"
    r"earlier this (?:year|month|week)|next (?:week|month|year))\b",
    re.I,
)
_AGO = re.compile(
    r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r") (?P<unit>day|week|month|year)s? ago\b", re.I
)


@dataclass(frozen=True)
class EventDate:
    value: date
    precision: str  # day, month, year

    def iso(self) -> str:
        if self.precision == "year":
            return f"{self.value.year:04d}"
        if self.precision == "month":
            return f"{self.value.year:04d}-{self.value.month:02d}"
        return self.value.isoformat()


def parse_date(text: str | None) -> date | None:
    """A single date written alone: ISO 8601 (with or without time) or "April 8, 2010" forms."""
    if not text:
        return None
    text = str(text).strip()
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for precision, pattern in _ABSOLUTE[:2]:
        m = pattern.fullmatch(text) or pattern.match(text)
        if m and precision == "day":
            return _build(m, None)
    return None


def _month_of(value: str) -> int:
    return int(value) if value.isdigit() else MONTHS[value.lower().rstrip(".")]


def _build(m: re.Match[str], ref: date | None) -> date | None:
    groups = m.groupdict()
    year = int(groups["year"]) if groups.get("year") else (ref.year if ref else None)
    if year is None:
        return None
    month = _month_of(groups["month"]) if groups.get("month") else 1
    day = int(groups["day"]) if groups.get("day") else 1
    try:
        result = date(year, month, day)
    except ValueError:
        return None
    # "on 5 May" in a text published in January means last May.
    if not groups.get("year") and ref and result > ref + timedelta(days=7):
        try:
            result = result.replace(year=result.year - 1)
        except ValueError:  # 29 February
            return None
    return result


def _shift_months(d: date, months: int) -> date:
    index = d.year * 12 + (d.month - 1) + months
    return date(index // 12, index % 12 + 1, 1)


def _relative(word: str, ref: date) -> EventDate:
    word = word.lower()
    if word == "yesterday":
        return EventDate(ref - timedelta(days=1), "day")
    if word == "today":
        return EventDate(ref, "day")
    if word == "last week":
        return EventDate(ref - timedelta(days=7), "month")
    if word == "next week":
        return EventDate(ref + timedelta(days=7), "month")
    if word in ("last month",):
        return EventDate(_shift_months(ref, -1), "month")
    if word == "next month":
        return EventDate(_shift_months(ref, 1), "month")
    if word in ("this month", "earlier this month", "earlier this week"):
        return EventDate(ref.replace(day=1), "month")
    if word == "last year":
        return EventDate(date(ref.year - 1, 1, 1), "year")
    if word == "next year":
        return EventDate(date(ref.year + 1, 1, 1), "year")
    return EventDate(date(ref.year, 1, 1), "year")  # this year, earlier this year


_LATER = re.compile(
    r"\b(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r") (?P<unit>day|week|month|year)s? "
    r"(?P<dir>later|afterwards|after that|earlier|before that)\b",
    re.I,
)
_FOLLOWING = re.compile(
    r"\bthe (?P<dir>following|next|previous|preceding) (?P<unit>day|week|month|year)\b", re.I
)


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text: where it is and what it resolves to."""

    start: int
    end: int
    value: EventDate
    explicit: bool  # written out ("8 April 2010", "in 2008"), not relative to something else


def _shift(base: EventDate, n: int, unit: str) -> EventDate:
    """`base` moved by n units; the result is no more precise than the base or the unit."""
    if unit == "year":
        return EventDate(date(base.value.year + n, 1, 1), "year")
    if unit == "month":
        precision = "year" if base.precision == "year" else "month"
        return EventDate(_shift_months(base.value, n), precision)
    days = n * (7 if unit == "week" else 1)
    moved = base.value + timedelta(days=days)
    if base.precision == "day" and unit == "day":
        return EventDate(moved, "day")
    precision = "year" if base.precision == "year" else "month"
    return EventDate(
        moved.replace(day=1) if precision == "month" else date(moved.year, 1, 1), precision
    )


def find_dates(text: str, ref: date | None, anchor: EventDate | None = None) -> list[DateMention]:
    """Every date expression in `text`, best first: explicit dates, then dates relative to the
    publication date `ref` ("on Tuesday", "last year", "two years ago"), then dates relative to
    `anchor`, the last explicit date before this text in the document ("two years later")."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(m: re.Match[str], value: EventDate | None, explicit: bool) -> None:
        if value is None or any(m.start() < e and s < m.end() for s, e in taken):
            return
        taken.append((m.start(), m.end()))
        found.append(DateMention(m.start(), m.end(), value, explicit))

    for precision, pattern in _ABSOLUTE:
        for m in pattern.finditer(text):
            value = _build(m, ref)
            add(m, EventDate(value, precision) if value else None, True)
    if ref is not None:
        for m in _RELATIVE.finditer(text):
            add(m, _relative(m["word"], ref), False)
        for m in _AGO.finditer(text):
            add(m, _shift(EventDate(ref, "day"), -_number(m["n"]), m["unit"].lower()), False)
    base = anchor or (EventDate(ref, "day") if ref else None)
    if base is not None:
        for m in _LATER.finditer(text):
            sign = 1 if m["dir"].lower() in ("later", "afterwards", "after that") else -1
            add(m, _shift(base, sign * _number(m["n"]), m["unit"].lower()), False)
        for m in _FOLLOWING.finditer(text):
            sign = 1 if m["dir"].lower() in ("following", "next") else -1
            add(m, _shift(base, sign, m["unit"].lower()), False)
    if ref is not None:
        for m in _WEEKDAY.finditer(text):
            # News usage: "on Tuesday" is the most recent Tuesday on or before publication.
            back = (ref.weekday() - WEEKDAYS[m["weekday"].lower()]) % 7
            if m.group(0).lower().startswith("last ") and back == 0:
                back = 7
            add(m, EventDate(ref - timedelta(days=back), "day"), False)
    return found


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBER_WORDS[word.lower()]


def resolve_date(text: str, ref: date | None, anchor: EventDate | None = None) -> EventDate | None:
    """The best date expression in `text` (see find_dates), or None when it names no date (the
    caller falls back to the document date)."""
    found = find_dates(text, ref, anchor)
    return found[0].value if found else None


_HEADER_DATE = re.compile(r"^\s*(?:date|published|dated)\s*:\s*(?P<value>.+?)\s*$", re.I | re.M)
_DATELINES = [
    re.compile(rf"^[A-Z][A-Z .'-]+,\s+{_MONTH} {_DAY},? {_YEAR}", re.M),
    re.compile(rf"^[A-Z][A-Z .'-]+,\s+{_DAY} {_MONTH},? {_YEAR}", re.M),
]


def find_text_date(text: str) -> date | None:
    """A publication date written in the text itself: a "Date:" line or a full dateline."""
    head = text[:2000]
    if m := _HEADER_DATE.search(head):
        if found := parse_date(m["value"]):
            return found
        if found := resolve_date(m["value"], None):
            return found.value if found.precision == "day" else None
    for pattern in _DATELINES:
        if m := pattern.search(head):
            return _build(m, None)
    return None


_CAPS = "A-ZÀ-ÖØ-Þ"  # capitals, accented ones too ("MALÉ", "BOGOTÁ", "TECÚN UMÁN")
_DATELINE_PREFIX = re.compile(
    rf"^(?:[{_CAPS}][{_CAPS} .'/-]{{2,}}(?:, [{_CAPS}][\w .'-]+)?"
    # dated ("BERLIN, June 7 — ", "ISTANBUL, Oct 26, 2019 - ") or not ("GUATEMALA CITY — ",
    # "SOCHI, Russia — "), when a dash set off by spaces ends it; a label may come first
    # ("ANALYSIS — MADRID — ")
    r"(?:, [A-Z][a-z]{2,}\.? \d{1,2}(?:, \d{4})?\s*[—–-]+|\s+[—–])\s*)+"
)


def dateline_length(sentence: str) -> int:
    """How many characters of `sentence` are a leading wire dateline ("HEILIGENDAMM, Germany,
    June 7 — ", "GUATEMALA CITY — "): place names there say where the story was filed, not who
    acted. 0 if none."""
    m = _DATELINE_PREFIX.match(sentence)
    return m.end() if m else 0
