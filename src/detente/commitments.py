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

import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from detente.dates import MONTHS, NUMBER_WORDS, WEEKDAYS, find_dates
from detente.issues import NEGATORS, Taxonomy
from detente.store import Store

_NUMBER = r"(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_QUANTITY = re.compile(
    rf"(?P<cur>[$€£])?\s?{_NUMBER}\s*(?P<mult>million|billion|thousand|trillion)?\s*"
    r"(?P<unit>[a-z][a-z-]*(?: (?!(?:in|of|to|for|by|within|and|or|a|the)\b)[a-z][a-z-]*){0,2})?",
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


# Generic heads left out of acronyms: "Intermediate-Range Nuclear Forces Treaty" -> "INF".
_GENERIC_HEADS = {"Treaty", "Agreement", "Convention", "Act", "Accord", "Pact", "Council",
                  "Commission", "Plan", "Programme", "Program", "Initiative"}  # fmt: skip


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
    # "Intermediate-Range Nuclear Forces Treaty" is later "the INF Treaty": add acronyms.
    for n in list(names):
        words = [w for w in n.split() if w not in _GENERIC_HEADS]
        if len(words) >= 2:
            names.add("".join(w[0] for w in words).upper())
    return {n for n in names if len(n) > 2}


_EACH_SIDE = re.compile(
    r"\b(?:each|either|both) (?:side|party|parties|sides|country|countries)\b", re.I
)
_KEY_STOP = {"with", "that", "this", "their", "which", "would", "will", "from", "under", "after",
             "said", "says", "told", "have", "been", "were", "also", "into", "than", "more",
             "each", "side", "sides", "party", "year", "years", "treaty", "agreement", "pledged",
             "agreed", "promised", "during", "while", "other", "they", "there", "about", "against"}  # fmt: skip


def _cue_pattern(verbs: Sequence[str]) -> re.Pattern[str]:
    forms = sorted(
        {
            f
            for v in verbs
            for f in (
                v,
                v + "s",
                v + "d",
                v + "ed",
                v + "es",
                v.rstrip("e") + "ed",
                v + "ing",
                v.rstrip("e") + "ing",
                "undertook" if v == "undertake" else v,
            )
        },  # fmt: skip
        key=len,
        reverse=True,
    )
    return re.compile(
        r"\b(?P<verb>" + "|".join(map(re.escape, forms)) + r")\b(?P<rest>\s+(?:never |not )?to\b"
        r"|\s+(?:each|both|either|the)\b[^.;]{0,30}?\bto\b|\s+(?:up to )?[$€£]?\d)"
        r"|\b(?:each|either) (?:side|party)\b (?:may|must|shall|will)\b",
        re.I,
    )


def _keys(sentence: str, actor_texts: Sequence[str]) -> set[str]:
    """Content words of a commitment sentence that a later report on it would repeat."""
    actor_words = {w.lower() for t in actor_texts for w in t.split()}
    words = {w for w in re.findall(r"[a-z][a-z-]{3,}", sentence.lower())}
    return words - _KEY_STOP - actor_words


def commitments(store: Store, taxonomy: Taxonomy, actors: Sequence[str] = ()) -> list[Commitment]:
    """Every commitment in the store (of `actors`, when given), with its status history.

    Candidates are sentences with a commitment verb ("pledged to", "undertook never to",
    "obliges each side to", "each side may have no more than"): the committer is the actor named
    before the cue, or every party named in the document when the sentence binds "each side".
    One commitment per amount in the sentence (or one without an amount)."""
    cue = _cue_pattern(taxonomy.commitment_verbs)
    sentences = store.query(
        """SELECT s.doc_id, s.sent_index, s.text, s.char_start, d.date AS doc_date,
                  coalesce(s.issues, []) AS issues,
                  coalesce(list({'actor': am.country, 'text': am.text, 'start': am.char_start,
                                 'kind': am.kind} ORDER BY am.char_start)
                           FILTER (WHERE am.country IS NOT NULL), []) AS actors
           FROM sentences s JOIN documents d USING (doc_id)
           LEFT JOIN actor_mentions am USING (doc_id, sent_index)
           GROUP BY ALL ORDER BY d.date NULLS LAST, s.doc_id, s.sent_index"""
    )
    # The parties a document is about: the actors it names most ("in Prague" is named once).
    counts: dict[str, Counter[str]] = {}
    for r in sentences:
        for a in r["actors"]:
            if a["kind"] != "modifier":
                counts.setdefault(r["doc_id"], Counter())[a["actor"]] += 1
    parties_of_doc = {doc: [a for a, _ in c.most_common()] for doc, c in counts.items()}
    status_cues = [
        (status, c, re.compile(rf"\b{re.escape(c)}\b", re.I))
        for status, cues in taxonomy.status_cues.items()
        for c in cues
    ]
    wanted = {a.upper() for a in actors}
    # Names each document uses, and each sentence with its neighbours: "Under the treaty, each
    # side may have..." takes "New START" from the sentence before it.
    by_place = {(r["doc_id"], r["sent_index"]): r for r in sentences}
    doc_names: dict[str, set[str]] = {}
    for r in sentences:
        doc_names.setdefault(r["doc_id"], set()).update(
            _names(r["text"], [a["text"] for a in r["actors"]])
        )
    out: list[Commitment] = []
    for r in sentences:
        m = cue.search(r["text"])
        if not m:
            continue
        cue_at = r["char_start"] + m.start()
        named = [a for a in r["actors"] if a["kind"] != "modifier"]
        before = [a["actor"] for a in named if a["start"] < cue_at]
        if _EACH_SIDE.search(r["text"]) or len(set(before)) > 1:
            committers = (
                list(dict.fromkeys(before))
                if len(set(before)) > 1
                else parties_of_doc.get(r["doc_id"], [])[:2]
            )
        else:
            committers = before[-1:] or [a["actor"] for a in named[:1]]
        if not committers:
            continue
        keys = _keys(r["text"], [a["text"] for a in r["actors"]])
        names = set()
        for i in (r["sent_index"] - 1, r["sent_index"], r["sent_index"] + 1):
            near = by_place.get((r["doc_id"], i))
            if near:
                names |= _names(near["text"], [a["text"] for a in near["actors"]])
        reports = _history(r, sentences, names, keys, status_cues, doc_names)
        amounts = _amounts(r["text"]) or [(None, None)]
        made = r["doc_date"]
        for committer in committers:
            if wanted and committer not in wanted:
                continue
            others = [a["actor"] for a in named if a["actor"] != committer]
            counterpart = (
                others[0] if others else next((p for p in committers if p != committer), None)
            )
            history = [
                h
                for h, about, by_issue in reports
                if committer in about or (not about and not by_issue)
            ]
            for amount, unit in amounts:
                key = f"{r['doc_id']}|{r['sent_index']}|{committer}|{amount}|{unit}"
                out.append(
                    Commitment(
                        commitment_id=hashlib.sha1(key.encode()).hexdigest()[:16],
                        actor=committer,
                        counterpart=counterpart,
                        commitment=r["text"][m.start() : m.start() + 120].split(".")[0],
                        quantity=amount,
                        unit=unit,
                        deadline=deadline(r["text"], made),
                        status=_current(history),
                        date=made.isoformat() if made else None,
                        doc_id=r["doc_id"],
                        sentence=r["text"],
                        history=tuple(history),
                    )
                )
    return out


def _amounts(text: str) -> list[tuple[float | None, str | None]]:
    """Every amount with a unit in the sentence, in order."""
    found = []
    rest = text
    while rest:
        amount, unit = quantity(rest)
        if amount is None:
            break
        found.append((amount, unit))
        m = re.search(re.escape(f"{amount:,}" if isinstance(amount, int) else str(amount)), rest)
        cut = m.end() if m else len(rest)
        rest = rest[cut:]
    return found


def _history(
    r, store_sentences, names, keys, cues, doc_names
) -> list[tuple[StatusReport, set[str], bool]]:  # noqa: ANN001
    """Later reports on the commitment of sentence `r`, each with the actors it is about (see
    `_about`) and whether it is linked only by its issue. A report is a status cue in a sentence
    of a later document that shares a distinctive name or two key words with the commitment, or
    one key word when its document names what the commitment's passage names ("New START"), or
    else the commitment's issue (then it counts only for the actor it names)."""
    history = []
    made = r["doc_date"]
    for s in store_sentences:
        if made is None or s["doc_date"] is None or s["doc_date"] <= made:
            continue
        text = s["text"]
        shared_name = any(re.search(rf"\b{re.escape(n)}\b", text) for n in names)
        shared_keys = len(keys & _keys(text, [a["text"] for a in s["actors"]]))
        same_subject = bool(names & doc_names.get(s["doc_id"], set())) and shared_keys >= 1
        linked = shared_name or shared_keys >= 2 or same_subject
        by_issue = not linked and bool(set(r["issues"]) & set(s["issues"]))
        if not linked and not by_issue:
            continue
        for status, cue, at in _statuses(text, cues):
            report = StatusReport(status, s["doc_date"].isoformat(), s["doc_id"], text, cue)
            history.append((report, _about(s, at), by_issue))
    return history


def _about(s, at: int) -> set[str]:  # noqa: ANN001
    """The actors a status cue at `at` is about: the one named nearest before it, with those
    coordinated with it ("The United States and Russia have met the limits"); else the first one
    named; an empty set, meaning every party, for "both sides" or when no one is named."""
    if _EACH_SIDE.search(s["text"][:at]):
        return set()  # "Both sides met the limits": every party
    named = [a for a in s["actors"] if a["kind"] != "modifier"]
    before = [a for a in named if a["start"] - s["char_start"] < at]
    if not before:
        return {named[0]["actor"]} if named else set()
    about = {before[-1]["actor"]}
    for left, right in zip(reversed(before[:-1]), reversed(before[1:]), strict=True):
        gap_start = left["start"] - s["char_start"] + len(left["text"])
        gap = s["text"][gap_start : right["start"] - s["char_start"]]
        if gap.strip(" ,") not in ("and", ""):
            break
        about.add(left["actor"])
    return about


def _statuses(
    text: str, cues: list[tuple[str, str, re.Pattern[str]]]
) -> list[tuple[str, str, int]]:
    """Every status cue of a sentence that is not negated, as (status, cue, position), in text
    order; of overlapping cues the longer one."""
    found: list[tuple[int, int, str, str]] = []
    for status, cue, pattern in cues:
        for m in pattern.finditer(text):
            before = text[max(0, m.start() - 25) : m.start()].lower().split()[-3:]
            if not any(w.strip(",.") in NEGATORS for w in before):
                found.append((m.start(), m.end(), status, cue))
    found.sort(key=lambda f: (f[0], -(f[1] - f[0])))
    kept: list[tuple[int, int, str, str]] = []
    for f in found:
        if not kept or f[0] >= kept[-1][1]:
            kept.append(f)
    return [(status, cue, start) for start, _, status, cue in kept]


def _current(history: Sequence[StatusReport]) -> str:
    status = "pending"
    for report in history:
        if report.status != "expired":
            status = report.status
    return status
