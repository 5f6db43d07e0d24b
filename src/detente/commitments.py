"""Commitments: what actors pledged or agreed to do, and what later texts say became of it.

A commitment is an event the coder read as `intended` and not negated ("agreed to reduce their
warheads to 1,550 within seven years", "pledged to keep transit routes open", "will withdraw by
2014"), one per deduplicated event. Its quantity and unit ("1,550 warheads", "$2 billion") and
deadline ("by 2012", "within seven years", "by 5 February 2018") come from its sentence.

Later sentences report on it when they share one of its distinctive names (capitalised terms
that are not actors: "New START", "INF", "Ulyanovsk") and contain a status cue from
data/relations/stance.yaml ("met the limits" fulfilled, "violated" breached, "suspended",
"withdrew from", "expired"), not negated. The status is the latest such report (expiry is kept
in the history but does not undo the status before it); without any, `pending`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from detente.dates import MONTHS, NUMBER_WORDS, WEEKDAYS, find_dates, parse_date
from detente.issues import NEGATORS, Taxonomy
from detente.store import Store

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_QUANTITY = re.compile(
    rf"(?P<cur>[$€£])?\s?{_NUMBER}\s*(?P<mult>million|billion|thousand|trillion)?\s*"
    r"(?P<unit>[a-z][a-z-]*(?: (?!(?:in|of|to|for|by|within|and|or|a|the)\b)[a-z][a-z-]*)?)?",
    re.I,
)
_RANGE_WORDS = {"and", "or", "to"}
_FUNCTION_WORDS = {"within", "by", "in", "of", "for", "than", "per", "a", "the", "from", "at",
                   "on", "over", "under", "before", "after", "each", "its", "their", "this", "was",
                   "were", "is", "are", "has", "have", "as"}  # fmt: skip
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CURRENCY = {"$": "dollars", "€": "euros", "£": "pounds"}
_DEADLINE = re.compile(
    r"\b(?:by|before|no later than|not later than|until|within|over the next|in the next)\s+"
    r"(?:the end of\s+)?(?P<what>[^,.;]{3,40})",
    re.I,
)
_WITHIN = re.compile(
    r"^(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\s+(?P<unit>day|week|month|year)s?\b", re.I
)
_NAME = re.compile(r"\b[A-Z][A-Za-z0-9-]*(?:\s+[A-Z][A-Za-z0-9-]*)*")
_NOT_NAMES = (
    {m.capitalize() for m in MONTHS}
    | {d.capitalize() for d in WEEKDAYS}
    | {"The", "A", "An", "In", "On", "By", "Under", "But", "And", "It", "This", "That", "Both"}
)


@dataclass(frozen=True)
class StatusReport:
    status: str
    date: str | None
    doc_id: str
    sentence: str
    cue: str

    def as_dict(self) -> dict[str, Any]:
        return {"status": self.status, "date": self.date, "doc_id": self.doc_id,
                "sentence": self.sentence, "cue": self.cue}  # fmt: skip


@dataclass(frozen=True)
class Commitment:
    commitment_id: str
    actor: str
    counterpart: str | None
    commitment: str
    quantity: float | None
    unit: str | None
    deadline: str | None
    status: str
    date: str | None
    doc_id: str
    sentence: str
    history: tuple[StatusReport, ...]

    def as_dict(self) -> dict[str, Any]:
        return {
            "commitment_id": self.commitment_id,
            "actor": self.actor,
            "counterpart": self.counterpart,
            "commitment": self.commitment,
            "quantity": self.quantity,
            "unit": self.unit,
            "deadline": self.deadline,
            "status": self.status,
            "date": self.date,
            "evidence": [
                {
                    "doc_id": self.doc_id,
                    "date": self.date,
                    "sentence": self.sentence,
                    "role": "commitment",
                }
            ]
            + [{**h.as_dict(), "role": h.status} for h in self.history],  # fmt: skip
        }


def quantity(text: str) -> tuple[float | None, str | None]:
    """The first amount with a unit in `text`: "1,550 deployed warheads" -> (1550, "deployed
    warheads"), "$2 billion" -> (2e9, "dollars"). Years and days of months are not amounts."""
    for m in _QUANTITY.finditer(text):
        raw = m["num"].replace(",", "")
        value = float(raw)
        unit = (m["unit"] or "").strip().lower() or None
        if unit and unit.split()[0] in _RANGE_WORDS:
            continue  # "between 1,700 and 2,200 warheads": the later number has the unit
        if unit and unit.split()[0] in _FUNCTION_WORDS:
            # "warheads to no more than 1,550 within seven years": the unit came first
            before = re.findall(r"[a-z][a-z-]+", text[: m.start()].lower())[-6:]
            unit = next((w for w in reversed(before) if w.endswith("s") and w not in _FUNCTION_WORDS
                         and len(w) > 3), None)  # fmt: skip
        if m["cur"]:
            unit = _CURRENCY[m["cur"]]
        if not m["cur"] and not m["mult"] and "," not in m["num"] and 1900 <= value <= 2100:
            continue  # a year
        if unit and unit.split()[0] in MONTHS:
            continue  # "5 February"
        if unit is None and not m["mult"]:
            continue
        if m["mult"]:
            value *= _MULTIPLIERS[m["mult"].lower()]
            if unit and unit.split()[0] in ("in", "of", "to", "for", "worth"):
                unit = _CURRENCY.get(m["cur"] or "")
        if unit:
            unit = re.sub(r"^(?:of|in)\s+", "", unit)
        return (int(value) if value.is_integer() else value), unit
    return None, None


def deadline(text: str, when: date | None) -> str | None:
    """The deadline a sentence sets, as an ISO date at the precision written, or None."""
    for m in _DEADLINE.finditer(text):
        what = m["what"]
        if within := _WITHIN.match(what):
            if when is None:
                continue
            n = int(within["n"]) if within["n"].isdigit() else NUMBER_WORDS[within["n"].lower()]
            unit = within["unit"].lower()
            if unit == "year":
                return date(when.year + n, when.month, min(when.day, 28)).isoformat()
            days = {"day": 1, "week": 7, "month": 30}[unit] * n
            return (when + timedelta(days=days)).isoformat()
        found = find_dates(f"in {what}" if what[:1].isdigit() else what, when)
        explicit = [d for d in found if d.explicit]
        if explicit:
            return explicit[0].value.iso()
    return None


def _names(sentence: str, actor_texts: Sequence[str]) -> set[str]:
    """Distinctive capitalised terms of a sentence that are not actors: "New START", "INF"."""
    actor_words = {w for t in actor_texts for w in t.split()}
    names = set()
    for m in _NAME.finditer(sentence):
        words = [w for w in m.group(0).split() if w not in _NOT_NAMES and w not in actor_words]
        if words and m.start() > 0:
            names.add(" ".join(words))
    return {n for n in names if len(n) > 2}


def commitments(store: Store, taxonomy: Taxonomy, actors: Sequence[str] = ()) -> list[Commitment]:
    """Every commitment in the store (of `actors`, when given), with its status history."""
    rows = store.query(
        f"""SELECT e.event_id, e.source_country, e.target_country, e.event_text, e.date,
                   e.doc_id, e.sentence, e.sent_index, d.date AS doc_date
            FROM {store.events_table} e JOIN documents d USING (doc_id)
            WHERE e.modality = 'intended' AND NOT e.negated
            ORDER BY e.date NULLS LAST, e.event_id"""
    )
    if actors:
        wanted = {a.upper() for a in actors}
        rows = [r for r in rows if r["source_country"] in wanted or r["target_country"] in wanted]
    later = store.query(
        """SELECT s.doc_id, s.text, d.date, list(am.text) AS actor_texts
           FROM sentences s JOIN documents d USING (doc_id)
           LEFT JOIN actor_mentions am USING (doc_id, sent_index)
           GROUP BY ALL ORDER BY d.date NULLS LAST, s.doc_id"""
    )
    status_cues = [
        (status, cue, re.compile(rf"\b{re.escape(cue)}\b", re.I))
        for status, cues in taxonomy.status_cues.items()
        for cue in cues
    ]
    mention_texts = {
        (r["doc_id"], r["sent_index"]): r["texts"]
        for r in store.query(
            "SELECT doc_id, sent_index, list(text) AS texts FROM actor_mentions GROUP BY ALL"
        )
    }
    out = []
    for r in rows:
        made = parse_date(r["date"]) or r["doc_date"]
        names = _names(r["sentence"], mention_texts.get((r["doc_id"], r["sent_index"]), []))
        history = []
        for s in later:
            if s["date"] is None or made is None or s["date"] <= made or s["text"] == r["sentence"]:
                continue
            if not names or not any(re.search(rf"\b{re.escape(n)}\b", s["text"]) for n in names):
                continue
            report = _status(s["text"], status_cues)
            if report:
                history.append(StatusReport(report[0], s["date"].isoformat(), s["doc_id"],
                                            s["text"], report[1]))  # fmt: skip
        amount, unit = quantity(r["sentence"])
        out.append(
            Commitment(
                commitment_id=r["event_id"],
                actor=r["source_country"],
                counterpart=r["target_country"] or None,
                commitment=r["event_text"],
                quantity=amount,
                unit=unit,
                deadline=deadline(r["sentence"], made),
                status=_current(history),
                date=r["date"],
                doc_id=r["doc_id"],
                sentence=r["sentence"],
                history=tuple(history),
            )
        )
    return out


def _status(text: str, cues: list[tuple[str, str, re.Pattern[str]]]) -> tuple[str, str] | None:
    for status, cue, pattern in cues:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 25) : m.start()].lower().split()[-3:]
            if not any(w.strip(",.") in NEGATORS for w in before):
                return status, cue
    return None


def _current(history: Sequence[StatusReport]) -> str:
    status = "pending"
    for report in history:
        if report.status != "expired":
            status = report.status
    return status
