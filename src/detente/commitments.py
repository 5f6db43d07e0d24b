"""Commitments: what actors pledged or agreed to do, and what later texts say became of it.

A commitment is a sentence with a commitment cue: a verb from data/relations/stance.yaml
(`commitment_verbs`) followed by an act ("agreed to reduce their warheads to 1,550 within seven
years", "pledged to keep transit routes open", "undertook never to", but not "his promise to
Moscow"), or a thing promised ("promised first deliveries by 2015", "pledged Kyiv a new loan";
not by a document "that promises"); an obligation of "each side/party/country/state party
may|must|shall"; what a treaty "bars" or "prohibits"; an assurance of restraint ("see no reason
to station", "no plans to"); a conditional pledge of restraint ("would not deploy them unless
..."); an invitation accepted to visit or attend, the guest's pledge ("Xi accepted an invitation
to visit Pyongyang"); whatever is promised in a that-clause ("Russia assured the United States
that the troops would return to their bases", "the delegations agreed that their experts would
meet" and "agreed that neither government will" bind the story's two parties; "North Korea said
it would stop testing", "Kim told him he would destroy the site", "Putin said Moscow would invite
...": a speaker's own side's act; "Riyadh said Qatari pilgrims would be allowed through": what the
speaker's side grants; "Colombia and Venezuela announced that the border will reopen" binds
both speakers; "Putin, Poroshenko, Merkel and Hollande agreed that ..." binds all
four); or a pledge in the future tense of an act done for another side or with it ("the United
States will send 200 ventilators to Russia", "China will bear the cost of a feasibility study",
"Russia is also to train", "Russian and Turkish forces are to begin joint patrols" binds both,
"the two armies are to set up a hotline" the
story's two parties; after "Under the accord," or "an agreement under which" any act: "Russia
will build two lines"; "It is to remove the core" is the pledge of the actor the sentence
before names first), not in a conditional clause (or followed by one: ", provided the funds are
approved") or a threat ("warned that", but not "missile warning data"), and not a notice of
leaving an instrument ("would withdraw from the ABM Treaty"). When the pledge was made may stand
between the verb and the act ("agreed on Monday to", "promised in February to"), and so may an
aside ("had agreed, after talks in Quito, to"); an adverb may stand between "would" and the act
("would fully restore"). A pledge named as an old one in a report on
it ("made good on its promise to ...") or talked about ("the promises to clear the way ...
remained on paper") is not a new commitment.
A sentence can hold several pledges, each with its own pledgers, amounts and deadline ("Iran
will stop ...; in return the six agreed that they would impose no new sanctions on Iran").
Its quantity and unit ("1,550 warheads", "$2 billion") and deadline ("by 2012", "within seven
years", "by 5 February 2018") come from its sentence.

Who is bound: those a verb of obligation names ("the treaty obliges Washington and Moscow each
to", "the Court ordered Nicaragua to pay": "order" only after a court, tribunal or ruling); else
the actors named before the cue that can be its subject (not possessors, objects of prepositions
or speakers: "Obama said the United States ... pledged" binds the United States; when the
dictionary knows no actor there, the first named, unless the pledge is aimed at it or it is the
side met or visited before the subject, "After a meeting with Vietnam's ambassador, Sar Kheng
agreed to": then the story's other main party); for obligations of "each side", a treaty's
prohibitions, or "Both/They pledged", the document's two main parties (not the one the pledge
is made to: "no new sanctions on Iran"; also for a plural
subject that names no one, "the transport ministries agreed to", "envoys X and Y agreed to",
when no actor stands before the cue, or "the two presidents" right before it however many actors
come earlier; a place in passing, "Meeting in Vienna, ...", never binds),
plus any actor a
later report naming the obligation shows suspending, leaving or fulfilling it on its own ("the
United States will no longer provide the data the treaty requires").

Which later sentences report on it (sentences of later documents; for a rule in force told in
the present, "the treaty bars both countries from ...", also the other sentences of its own
story and what its own sentence says outside the rule's clause): directly, those repeating
a distinctive name of its passage ("New START", "INF", "Ulyanovsk"; not titles or bare "Treaty"),
two of its key words (a pledge's own words, up to the next pledge of its sentence; inflections
alike, "convoys"/"convoy", "lift"/"lifted"; the parties' names are no key words, but what they
pledge to set up is), or one key word and one of its amounts ("the promised 200"); through
their document, sentences of a document whose lead (first two sentences) links to it directly,
when they raise no issue foreign to its passage ("Russia had kept its word on transit"); through
their issue, sentences on an issue of its passage sharing a key word that is not a cue of that
issue. Indirect links count only for the actors the sentence is about, or for every party when
it says "both sides". A sentence about another instrument (by acronym or full name, its own or
its story lead's: "the INF Treaty" against "New START") is no report on this one.
A report linked by the instrument's name or its document alone counts only when its cue bears
on this obligation: the name, a key word or "the treaty" next to the cue as what it acts on
("suspending its participation in New START"), not in a phrase about something else
("inspections under New START were paused" says nothing of the warhead limits).

A report is the pledged act told as done ("opened NATO's information office" for "will open an
information office", "created the board" or "..., creating the board" for "to set up a board";
done by every party of a joint pledge when the sentence names them all) — a breach when the pledge
was one of restraint ("undertook never to close the terminal" ... "closed the terminal"); for a
pledge to let another side act, that side's act ("agreed to let NATO move supplies" ... "the
trains carried NATO supplies"; a start as the first one carried out, "carried out their first
joint patrol" for "to begin joint patrols") —,
"as promised" / "as Berlin had promised" / "the promised 200" (fulfilled), a limit passed
("no more than 3.67 percent" ... "beyond the 3.67 percent limit": breached),
or a status cue from stance.yaml (`commitment_status`: "met the limits", "as promised", "as
agreed", "entered into force", "delivered in full" fulfilled; "violated", "failed to return to compliance" breached; "suspended",
"will no longer provide" suspended; "withdrew from", "revoked the arrangement", "ceased to be a
party", "no longer considers itself bound by" withdrawn, but not a withdrawal of troops from a
place, "completed their withdrawal from the buffer zones"; "expired"). A negated cue does not
count, except that denied compliance ("no longer complies with", "had never come back into
compliance") is a breach; nor do hypothetical ones ("threatened to suspend", "urged Russia to
return to compliance", "protests if the bridge was completed", "would suspend ... unless";
not "suspended ... and said it would leave ... unless") or breaches in a denied accusation
("dismissed the allegation of a breach").
An act named in a relative clause ("the duties it lifted in May") is no report of it; an act that
brings something back (reopen, resume, restore, lift) is also told by its state ("on sale there
since June", "gas flowing to Ukraine again"), and a body set up by the body at work ("the
steering committee held its first meeting"), and people sent by their arrival ("the delegation
arrived in Vilnius"); the act of a that-clause is read from its modal ("said in a radio address
on Sunday that he would send"). Told as done, the act links a sentence by one key
word near it when the sentence names a pledger ("American beef, shut out of China, has been on
sale there since June"); linked so, the sentence reports that act alone. A status cue opening a
relative clause about a noun that is no key word of the pledge is not about it ("the plan, which
began operating in May"). The act refused ("refused to let the team in") by a pledger the
sentence names, or told as never done ("was never opened"), is a breach, and so is the pledged
thing named as promised and told undone in one clause ("the commission announced in 2022 has
never met"), whatever else that sentence tells done.
A report is about the actor the cue names as its own ("Russian violations", "Moscow's
suspension", "violations by Russia"); the sentence's subject when a pronoun is the cue's subject
("told Russia that it will withdraw") or the cue opens a participle ("..., fulfilling his
promise"); for "the suspension", whoever the document last reported suspending; else the actor
named nearest before it with those coordinated with it, not a speaker ("Pompeo said the
breaches ..."), else a possessor before it ("Russia's company TVEL said it was stopping");
nobody when only actors after it are named; "both sides" means every party.

The status is the latest report about the committer (expiry is kept in the history but does not
undo the status before it; an act done once, such as extending a treaty or setting up a body,
stays fulfilled when the instrument is later suspended; a party's suspension of a rule it is
already breaching leaves the breach); without any, `pending`.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache
from typing import Any

from detente.actors import load_actor_dictionary
from detente.config import FATE_MIN_P
from detente.dates import MONTHS, NUMBER_WORDS, WEEKDAYS, find_dates
from detente.errors import ModelNotFound
from detente.fates import (
    Fate,
    FateReader,
    features,
    load_fate_reader,
    overlap,
    pledge,
    rare_stems,
    sentence,
)
from detente.issues import NEGATORS, Taxonomy
from detente.parse import load_pipeline
from detente.reader import READING
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
    r"(?:the end of\s+)?(?P<what>[^,.;]{3,40}(?:, \d{4}\b)?)",  # "December 31, 2012"
    re.I,
)
_IN_YEAR = re.compile(
    r"\bin\s+(?:(?:January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s+)?(?:19|20)\d\d\b"
)
_WITHIN = re.compile(
    r"^(?:the\s+(?:next|coming)\s+)?(?P<n>\d+|" + "|".join(NUMBER_WORDS) + r")\s+"
    r"(?P<unit>day|week|month|year)s?\b",
    re.I,
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
# Titles and offices: a name made only of these and generic heads ("Secretary General", "State
# Department", "Treaty") names nothing in particular.
_TITLES = {"President", "Presidents", "Vice", "Prime", "Minister", "Ministers", "Ministry",
           "Foreign", "Defence", "Defense", "Deputy", "Secretary", "General", "Under", "Acting",
           "State", "Department", "Ambassador", "Envoy", "Chief", "Chairman", "Spokesman",
           "Spokeswoman", "Spokesperson", "Senator", "Chancellor", "Government", "Office",
           "Allies", "Alliance", "Summit"}  # fmt: skip


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
    # the instruments the pledge belongs to, as the rules found them (named in its passage or
    # its story's lead): the fate reader holds a later sentence to the same set
    instruments: frozenset[str] = frozenset()

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
        month = next((w for w in re.findall(r"[A-Za-z]+", what) if w.lower() in MONTHS), None)
        if when and month:  # "before the end of March": the next March from the pledge
            for year in (when.year, when.year + 1):
                found = [d for d in find_dates(f"{what} {year}", when) if d.explicit]
                if found and found[0].value.iso()[:7] >= when.isoformat()[:7]:
                    return found[0].value.iso()
    # an act set for a later year: "would lift off from Baikonur in 2022", "to open in May 2024"
    for m in _IN_YEAR.finditer(text):
        found = [d for d in find_dates(m.group(0), when) if d.explicit]
        if when and found and found[0].value.iso()[:7] > when.isoformat()[:7]:
            return found[0].value.iso()
    return None


def _names(sentence: str, actor_texts: Sequence[str]) -> set[str]:
    """Distinctive capitalised terms of a sentence that are not actors: "New START", "INF"."""
    actor_words = {w for t in actor_texts for w in t.split()}
    names = set()
    for m in _NAME.finditer(sentence):
        # nor a country's adjective the actors left out ("the Russian State Duma", its seat
        # named): "Russian" ties every later story on Russia to the pledge
        words = [w for w in m.group(0).split()
                 if w not in _NOT_NAMES and w not in actor_words and not _demonym(w)]  # fmt: skip
        if words and m.start() > 0:
            names.add(" ".join(words))
    # "Intermediate-Range Nuclear Forces Treaty" is later "the INF Treaty": add acronyms.
    for n in list(names):
        words = [w for w in n.split() if w not in _GENERIC_HEADS]
        if len(words) >= 2:
            names.add("".join(w[0] for w in words).upper())
    return {n for n in names if len(n) > 2 and not set(n.split()) <= _TITLES | _GENERIC_HEADS}


@cache
def _demonym(word: str) -> bool:
    """Whether the actor dictionary knows `word` as a country's adjective ("Russian")."""
    return any(e.kind == "adjective" for e in load_actor_dictionary().entries.get(word.lower(), ()))


_BOUND = (r"(?:side|sides|party|parties|country|countries|state party|states parties|signatory|"
          r"signatories|governments?|militar(?:y|ies)|forces|armies|navies|nations|states|leaders|"
          r"presidents|ministers|ministries|capitals|powers|neighbou?rs|delegations|negotiators)")  # fmt: skip
# "each side", "both governments", "both air forces"
_EACH_SIDE = re.compile(rf"\b(?:each|either|both|every|neither) (?:\w+ )?{_BOUND}\b", re.I)
# What comes right before a thing not yet done: "before it took effect", "until it is completed".
_NOT_YET = re.compile(r"\b(?:before|until|till|unless)\s+(?:[\w-]+\s+){0,3}$", re.I)
# The parties of an instrument, bound by it: "the signatories are bound to".
_PARTIES_BOUND = re.compile(
    rf"(?:the|all(?: the)?) (?:two )?{_BOUND} (?:are|were|will be|would be) ", re.I
)
# A pledge whose subject is the document's pair: "Both pledged to", "They agreed to".
# The pair an instrument binds, named after its verb: "commits the two countries to".
_PAIR_BOUND = re.compile(
    r"^\w+\s+(?:the two|both)\s+(?:countries|sides|governments|states|parties|nations|"
    r"neighbours|neighbors|capitals)\s+to\b",
    re.I,
)
# The pair named anywhere: "the two presidents", "both governments".
_TWO_OF = re.compile(
    r"\b(?:the two|both)\s+(?:[a-z]+\s+)?(?:presidents|leaders|ministers|"
    r"governments|countries|sides|capitals|parties|delegations)\b",
    re.I,
)
_PAIR_SUBJECT = re.compile(r"^(?:both|the two \w+)\b", re.I)  # "the two ministers" in any case
# A plural subject that names no one, when no actor stands before the cue: "The agriculture
# ministries also agreed to", "the governments undertook to", "envoys X and Y agreed to".
_PLURAL_SUBJECT = re.compile(
    rf"^(?:the\s+)?(?:[a-z-]+\s+)?{_BOUND}\b|^[a-z]+\s+(?-i:[A-Z][\w-]*\s+){{1,3}}and\s"
    r"|^(?:the\s+)?[a-z-]+\s+of\s+(?:the\s+)?(?:two|both)\s",  # "the heads of the two services"
    re.I,
)
_THEY_SUBJECT = re.compile(r"^they\b", re.I)  # only when no actor is named before the cue
# ... or "they" right before the cue: "the two countries signed a treaty under which they agreed",
# "At that meeting they also committed themselves", but not "who say they", "made clear they"
# (the speakers)
_THEY_BEFORE = re.compile(
    r"(?<!\bsay )(?<!\bsays )(?<!\bsaid )(?<!\bthat )(?<!\bclear )"
    r"\bthey\s+(?:(?:have|had|also|then|now|jointly|formally)\s+)*$",
    re.I,
)
# A report of what others did: "Turkish officials said (that)", "told reporters".
_REPORTED = re.compile(
    r"\b(?:said|says|told(?:\s+\w+)?|announced|reported|confirmed|stated)\s+(?:that\s+)?", re.I
)
# The pair as the subject right before the cue: ", the two presidents had agreed to".
_PAIR_RIGHT_BEFORE = re.compile(
    # after the start, a comma (", and", ", with"), "which", or an opening phrase ("Under it",
    # "During the visit", "In a joint statement")
    r"(?:^|[,;]\s+(?:and\s+|with\s+)?|\bwhich\s+"
    r"|^(?:under|in|by|with|during|at|after|on)\s+(?-i:[\w'’-]+\s+){1,5}?)"
    # the pair, in one to three lower-case words: "the two coast guards", "the four countries"
    r"(?:both|(?-i:the (?:two|three|four)(?:\s+[a-z-]+){1,3})"
    r"|the (?:countries|governments|sides|parties))\s+"
    r"(?:(?:have|has|had|also|then|now|jointly|formally)\s+)*$",
    re.I,
)
_KEY_STOP = {"with", "that", "this", "their", "which", "would", "will", "from", "under", "after",
             "said", "says", "told", "have", "been", "were", "also", "into", "than", "more",
             "each", "side", "sides", "party", "year", "years", "treaty", "agreement", "pledged",
             "agreed", "promised", "during", "while", "other", "they", "there", "about", "against",
             "since", "first", "last", "still", "however", "again", "only", "when", "where", "over",
             "before", "until", "because", "between", "among", "ministers", "minister", "officials",
             "official", "leaders", "foreign", "meeting", "week", "month", "today", "president",
             "secretary", "general", "could", "should", "might", "made", "make", "both",
             "them", "oblige", "obliges", "obliged", "obligation", "obligations", "require",
             "requires", "required", "undertook", "undertake", "committed", "commits", "bound",
             "binds", "order", "orders", "ordered", "vowed", "pledge", "promise", "once", "entry",
             "keep", "keeping", "kept", "open", "hold", "take", "give", "allow", "help",
             "continue", "remain", "stay", "start", "begin", "end", "armies", "militaries", "governments", "government", "nations",
             "countries", "country", "states", "capitals", "powers", "delegations", "delegation",
             "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
             "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "hundreds", "thousand",
             "thousands", "million", "millions", "billion", "billions", "dozen", "dozens",
             "half", "days", "weeks", "hours", "came", "comes"} | set(MONTHS) | set(WEEKDAYS)  # fmt: skip


_WHEN_SAID = (
    r"(?:during\s+(?:the|his|her|its|their|a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:campaign|visit|talks|summit|meeting|trip|call|speech|interview|session)"
    r"|(?:on|in|at|during|last|this|earlier|late|early)\s+(?:the\s+)?(?:[\w-]+,?\s+){0,2}?"
    r"(?:\d{1,2}|\d{4}|(?-i:[A-Z][a-z]+)|week|month|year|weekend|summit|talks|principle)"
    r"|in principle|(?:then|now|also|formally|publicly|jointly|again|already|quickly|as well|"
    r"likewise|separately|in turn|in return))"
    r"(?:\s+(?:morning|afternoon|evening|night))?"  # "agreed on Wednesday evening to"
)


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
                v + v[-1:] + "ed",  # committed
                v + v[-1:] + "ing",
                "undertook" if v == "undertake" else v,
                "undertaken" if v == "undertake" else v,
            )
        },  # fmt: skip
        key=len,
        reverse=True,
    )
    return re.compile(
        r"\b(?P<verb>"
        + "|".join(map(re.escape, forms))
        # an aside between the verb and the act: "had agreed, in talks in Washington, to pull"
        + r")\b(?P<rest>(?:,[^,.;]{1,80},)?\s+"
        r"(?:(?:itself|themselves|ourselves|and|each|(?-i:[A-Z][\w-]*))\s+){0,5}"
        # those the pledgers speak for: "committed their governments to open negotiations"
        r"(?:(?:their|its|his|her)\s+(?:governments?|countries|country|administrations?)\s+)?"
        # when the pledge was made, between verb and act: "agreed on Monday to", "promised in
        # February to", "pledged last week to"
        rf"(?:{_WHEN_SAID}\s+)?"
        # the instrument that binds, between verb and act: "is obliged under the 1888
        # Constantinople Convention to keep", "is required by the treaty to notify"
        r"(?:(?:under|by)\s+(?:the|its|their|that|this|a|an)\s+[^,.;]{1,60}?\s+)?"
        r"(?:never |not )?to\b(?!(?-i: [A-Z]))(?!\s*(?::|(?:it|this|that|them)\b))"
        r"|\s+(?:each|both|either|every|the)\b[^.;]{0,60}?\bto\b"
        # an amount, perhaps after whom it is promised to: "pledged A$200 million", "promised
        # Alexander Lukashenko a $1.5 billion loan"
        r"|\s+(?:(?-i:[A-Z][\w-]*)\s+){0,3}?(?:an?\s+)?"
        r"(?:up to |some |about |around |roughly |nearly |almost |more than |at least )?"
        r"(?:(?-i:[A-Z]{1,2})?[$€£])?\d"
        # a thing promised: "promised first deliveries by 2015", "pledged Kyiv a new loan"
        r"|\s+(?:(?-i:[A-Z][\w-]*)\s+){0,2}(?P<thing>(?:an?|first|new|more|further|full|fresh|"
        r"additional|continued|regular|two|three|four|five|six|seven|eight|nine|ten|twelve|"
        r"twenty|dozens of|hundreds of|thousands of)\s+[a-z]{3,}"
        # aid of a kind, with its amount: "pledged humanitarian aid worth 5 billion rupees"
        r"|(?:humanitarian|economic|military|financial|development|emergency|food|"
        r"reconstruction)\s+(?:aid|assistance)(?=[^.;]*\d)))"
        # an obligation of every party; "may" only with a limit ("may have no more than"), not a
        # right ("either party may withdraw")
        # a duty named as such: "the obligation on each side to exchange data"
        rf"|\bobligations? (?:on|of|for) (?:each|both|either|every) {_BOUND} to\b"
        # the parties of an instrument bound by it: "the signatories are bound to abolish"
        rf"|\b(?:the|all(?: the)?) (?:two )?{_BOUND} (?:are|were|will be|would be) "
        r"(?:bound|obliged|required) to\b"
        rf"|\b(?:each|either|every) {_BOUND} (?:must|shall|will|may(?=(?:\s+\w+){{0,3}}\s+"
        r"(?:no more than|not more than|up to|at most|not|only)\b))\b"
        # what a treaty forbids binds its parties: "the ABM Treaty, which bars ..."
        r"|\b(?:treaty|agreement|accord|convention|pact),? (?:which |that )?"
        r"(?:bars|prohibits|bans|forbids)\b"
        # an assurance of restraint: "see no reason to station nuclear weapons", "has no
        # plans or intention of doing so"
        r"|\bno (?:plans?|intention|reason)(?: or intention)? (?:to|of)\b"
        r"|\b(?:does|do|did) not (?:intend|plan) to\b"
        # a conditional pledge of restraint: "would not deploy them unless ..."
        r"|\b(?:will|would|shall) (?:not|never) [a-z]+\b(?=[^.;]*\bunless\b)"
        # an invitation accepted is a visit pledged: "Xi accepted an invitation to visit
        # Pyongyang", "Modi accepted Sharif's invitation to attend the summit"
        r"|\baccept(?:s|ed)?\s+(?:(?:an?|the|his|her|their|its|(?-i:[A-Z][\w-]*)(?:'s)?)\s+){1,3}?"
        r"invitation\s+(?:from\s+(?:[\w'.-]+\s+){1,5}?)?to(?=\s+(?:visit|attend|make|travel|come|"
        r"pay|take part)\b)",
        re.I,
    )


_IN_FORCE = re.compile(r"\b(?:in|into) force\b")


def _keys(sentence: str, actors: Sequence[dict[str, Any]]) -> set[str]:
    """Content words of a commitment sentence that a later report on it would repeat: not the
    actors' names, but the heads of "Russian engineering students" or "American military
    flights"."""
    actor_words = {
        w.lower()
        for a in actors
        for w in (a["text"].split()[:1] if a["kind"] == "adjective" else a["text"].split())
    }
    # "in force", "came into force": a state of law, not the forces a pledge may name
    words = {w for w in re.findall(r"[a-z][a-z-]{3,}", _IN_FORCE.sub(" ", sentence.lower()))}
    # one form for singular and plural: "convoys" in the pledge, "convoy" in the report
    # the act named as a thing keys as the act: "compensation" for "compensate"
    return {_as_act(_singular(w)) for w in words - _KEY_STOP - actor_words}


def _as_act(word: str) -> str:
    return word[:-3] + "e" if word.endswith("ation") and len(word) >= 9 else word


def _singular(word: str) -> str:
    """One form for a word's inflections: "convoys" and "convoy", "lifted" and "lift"."""
    for ending in ("ing", "ed", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 4 and not word.endswith("ss"):
            return word[: -len(ending)]
    return word


def commitments(
    store: Store, taxonomy: Taxonomy, actors: Sequence[str] = (), fates: FateReader | None = None,
    use_fates: bool = True, fate_min_p: float = FATE_MIN_P,
) -> list[Commitment]:  # fmt: skip
    """Every commitment in the store (of `actors`, when given), with its status history: the
    rules' (see `rule_commitments`), then what the learned fate reader (`fates`, default the
    shipped one; none with `use_fates` False) reads in the sentences after each pledge it finds
    at least `fate_min_p` likely to tell its fate (see `read_fates`)."""
    found, rows = rule_commitments(store, taxonomy, actors)
    reader = (fates or load_fate_reader()) if use_fates else None
    return read_fates(found, rows, reader, fate_min_p) if reader else found


def rule_commitments(
    store: Store, taxonomy: Taxonomy, actors: Sequence[str] = ()
) -> tuple[list[Commitment], list[dict[str, Any]]]:
    """Every commitment in the store (of `actors`, when given), with its status history as the
    rules read it, and the store's sentence rows in corpus order.

    Candidates are sentences with a commitment cue ("pledged to", "undertook never to",
    "obliges each side to", "each side may have no more than", "would not deploy them unless
    ...") or, failing that, a pledge in a that-clause or the future tense (see `_declared`): the
    committer is the actor named before the cue; when the sentence binds "each side", the
    document's two main parties and every actor a later report shows acting under the
    obligation itself (see `_parties`). One commitment per amount in the sentence (or one
    without an amount)."""
    cue = _cue_pattern(taxonomy.commitment_verbs)
    sentences = store.query(
        """SELECT s.doc_id, s.sent_index, s.text, s.char_start, d.date AS doc_date,
                  coalesce(s.issues, []) AS issues, coalesce(s.stances, []) AS stances,
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
    # A party named once is no main party when two others are named more often ("an interstate
    # commission ... from energy to the Black Sea Fleet" in a story naming the EU once).
    parties_of_doc = {
        doc: [a for a, k in c.most_common() if k > 1 or sum(v > 1 for v in c.values()) < 2]
        for doc, c in counts.items()
    }
    status_cues = [
        # a noun at the end of a cue also in the plural: "revoked the arrangements"
        (status, c, re.compile(rf"\b{re.escape(c)}{'s?' if c[-1:].isalpha() else ''}\b", re.I))
        for status, cues in taxonomy.status_cues.items()
        for c in cues
    ] + [("fulfilled", "as promised", _AS_PROMISED), ("withdrawn", "offer withdrawn", _TAKEN_BACK)]
    # What every sentence offers a commitment's history: its key words, its status reports and a
    # thing it tells promised and undone (see `_PROMISED_UNDONE`).
    earlier: dict[str, dict[str, set[str]]] = {}  # per document: status -> actors last reported
    lead_instruments: dict[str, set[str]] = {}  # per document: the instruments its lead names
    for r in sentences:
        r["keys"] = _keys(r["text"], r["actors"])
        r["instruments"] = _instruments(r["text"])
        if r["sent_index"] < 2:
            lead_instruments.setdefault(r["doc_id"], set()).update(r["instruments"])
        r["reports"] = _statuses(r, status_cues, earlier.setdefault(r["doc_id"], {}))
        r["undone"] = _PROMISED_UNDONE.search(r["text"])
    wanted = {a.upper() for a in actors}
    parse = _parser(store)
    # Each sentence with its neighbours: "Under the treaty, each side may have..." takes
    # "New START" from the sentence before it.
    by_place = {(r["doc_id"], r["sent_index"]): r for r in sentences}
    out: list[Commitment] = []
    for r in sentences:
        # a report names its instrument itself or through its story's lead
        r["about_instruments"] = r["instruments"] or lead_instruments.get(r["doc_id"], set())
    for r in sentences:
        before = by_place.get((r["doc_id"], r["sent_index"] - 1))
        # who "It" is in "It is to remove the core": the first actor of the sentence before
        r["previous"] = next(
            (
                a["actor"]
                for a in (before or {}).get("actors", [])
                if a["kind"] not in ("modifier", "capital")
            ),
            None,
        )
        pledges = _pledges(r, cue)
        for n, (m, pledger, declared) in enumerate(pledges):
            # a pledge's own words run to the next pledge of the sentence
            upto = pledges[n + 1][0].start() if n + 1 < len(pledges) else len(r["text"])
            out += _commitments_of(
                r, m, pledger, declared, n, taxonomy, sentences, by_place, parties_of_doc, wanted,
                (m.start() if n else 0, upto), parse,
            )  # fmt: skip
    return out, sentences


def fate_pairs(
    found: Sequence[Commitment], rows: Sequence[dict[str, Any]]
) -> Iterator[tuple[Commitment, list[tuple[Any, set[str]]]]]:
    """Each commitment with the sentences after its pledge (in corpus order, see
    `rule_commitments`), each with its features for the fate reader (see `detente.fates`)."""
    views = [sentence(r) for r in rows]
    rare = rare_stems(views)
    dates = [date.fromisoformat(v.date) if v.date else None for v in views]  # parsed once
    at: dict[tuple[str, str], int] = {}
    for k, r in enumerate(rows):
        at.setdefault((r["doc_id"], r["text"]), k)
    for c in found:
        k = at.get((c.doc_id, c.sentence))
        if k is None:
            yield c, []
            continue
        p = pledge(c.actor, c.counterpart, c.commitment, c.sentence, c.history)
        later = views[k + 1 :]
        ov = [overlap(p, v) for v in later]
        in_doc: dict[str, int] = {}
        for v, n in zip(later, ov, strict=True):
            in_doc[v.doc_id] = max(in_doc.get(v.doc_id, 0), n)
        made = dates[k]
        yield c, [
            (v, features(p, v, rare, v.doc_id == c.doc_id, in_doc[v.doc_id],
                         ov[j - 1] if j and later[j - 1].doc_id == v.doc_id else 0, j + 1,
                         (day - made).days if made and (day := dates[k + 1 + j]) else None))
            for j, v in enumerate(later)
        ]  # fmt: skip


FATE_READER = READING  # the cue of a status the fate reader read


def read_fates(
    found: Sequence[Commitment], rows: Sequence[dict[str, Any]], reader: FateReader,
    min_p: float = FATE_MIN_P,
) -> list[Commitment]:  # fmt: skip
    """The commitments with what `reader` reads of their fate. For a pledge the rules leave
    pending, each sentence after it that the reader finds more likely than `min_p` to tell what
    became of it, and more likely to tell that pledge's fate than any other pledge's, is a
    status report (one it reads as still open, a pending one), and the fate the reports weigh
    most for sets the status: each report counts its fates' probabilities times how likely it
    is to be about the pledge. A status the rules read stands. A sentence that tells the
    pledge again in its own cue and act ("met in Lisbon and agreed to explore ...") is no
    reading of its fate, nor, as for the rules, one about another instrument than the pledge's
    (the instruments it or its story's lead names, against the pledge's own `instruments`, those
    the rules found in its passage and lead): the US suspension of the INF Treaty tells nothing
    of a pledge under the CFE Treaty."""
    # every commitment's readings, so that a sentence counts only for the pledge it is most
    # about: "the extension of New START was completed" for the treaty's limits, not for every
    # pledge it shares a word with
    readings: list[tuple[Commitment, list[tuple[Any, Fate]]]] = []
    top: dict[tuple[str, int], tuple[float, str, str]] = {}  # sentence -> best p, its pledge
    about = {(r["doc_id"], r["sent_index"]): r["about_instruments"] for r in rows}
    for c, pairs in fate_pairs(found, rows):
        retold = _retelling(c.commitment)
        got = [
            (v, fate)
            for v, f in pairs
            if (fate := reader.read(f)).p_about >= min_p
            and not (retold and retold.search(v.text))
            and not _another_instrument(c.instruments, about[(v.doc_id, v.sent_index)])
        ]
        for v, fate in got:
            if fate.p_about > top.get((v.doc_id, v.sent_index), (0.0, "", ""))[0]:
                top[(v.doc_id, v.sent_index)] = (fate.p_about, c.sentence, c.commitment)
        readings.append((c, got))
    read: dict[int, Commitment] = {}
    for c, got in readings:
        if c.status != "pending":
            continue
        told = []
        weight: Counter[str] = Counter()  # each fate's probability times the report's on the pledge
        for v, fate in got:
            # the best pledge's other parties share its reading ("each side must have")
            if top[(v.doc_id, v.sent_index)][1:] != (c.sentence, c.commitment):
                continue
            best = fate.best
            told.append(StatusReport(_as_status(best), v.date, v.doc_id,
                                     v.text, f"{FATE_READER}{best} {fate.status[best]:.0%}, "
                                     f"on the pledge {fate.p_about:.0%}"))  # fmt: skip
            for name, q in fate.status.items():
                weight[name] += fate.p_about * q
        if told:
            status = _as_status(max(weight, key=weight.__getitem__))
            read[id(c)] = replace(c, status=status, history=(*c.history, *told))
    return [read.get(id(c), c) for c in found]


def _as_status(fate: str) -> str:
    """A commitment's status for a fate the reader reads: one still open is pending."""
    return "pending" if fate == "open" else fate


def _retelling(words: str) -> re.Pattern[str] | None:
    """What tells a pledge again rather than what became of it: its cue and act ("agreed to
    explore" in "Sixteen years ago today, NATO and Russia met in Lisbon and agreed to explore a
    common ..."), for a pledge whose words run "<cue> ... to <act>"."""
    m = re.match(r"([a-z]+)\b[^.;]{0,40}?\bto\s+([a-z]{3,})\b", words, re.I)
    if not m:
        return None
    return re.compile(rf"\b{m[1]}\b[^.;]{{0,40}}?\bto\s+{m[2]}\b", re.I)


def _pledge_words(text: str, start: int, upto: int) -> str:
    """A pledge's words: from its cue up to the sentence's end (not a decimal point: "$3.028
    billion") nor an initial's dot ("U.S. diplomats") or the next pledge of the sentence, which
    takes the words joining it ("..., and Togo agreed to"), and 120 characters at most."""
    words = re.split(r"(?<!\b[A-Z])\.(?!\d)", text[start : min(start + 120, upto)])[0]
    if upto < start + 120 and upto < len(text):
        words = re.sub(r",?\s+(?:and|but|while|whereas)\b[^,;]*$|[,;\s]+$", "", words)
    return words


def _pledges(r, cue: re.Pattern[str]) -> list[tuple[re.Match[str], str | None, bool]]:  # noqa: ANN001
    """The pledges of a sentence, in text order, as (match, pledger, declared): every commitment
    cue that is not a report on an older pledge ("made good on its promise to") nor inside a
    condition, and every pledge in a that-clause or the future tense (see `_declared`) outside
    the cued ones ("Iran will stop enriching ...; in return the six agreed that they would impose
    no new sanctions")."""
    text = r["text"]
    found: list[tuple[re.Match[str], str | None, bool]] = []
    for m in cue.finditer(text):
        if m["thing"] and (
            not _PROMISE_VERB.match(m["verb"])
            or re.search(r"\b(?:that|which)\s+$", text[: m.start()], re.I)
        ):
            # a thing, not an act, is pledged only by "promised", "pledged", "vowed", and by an
            # actor, not by "a document that promises Russia a broad dialogue"
            continue
        if m["verb"] and r["reports"] and _REFERRED.search(text[: m.start()]):
            continue  # "made good on its promise to give up ...": a report on an older pledge
        if m["verb"] and _NOUN_CUE.fullmatch(m["verb"]) and _DETERMINED.search(text[: m.start()]):
            continue  # "the promises to clear the way for Russian grain": a pledge talked about
        if _conditional(text, m.start()):
            continue  # "expires in February unless the two presidents agree to extend it"
        if _command(text, m):
            continue  # "Putin ordered the troops to pull back", "asked the court to order"
        if re.match(r"\w+\s+to\s+(?:disagree|differ)\b", text[m.start() :], re.I):
            continue  # "they agreed to disagree on Kosovo": no pledge, a difference accepted
        if re.search(r"\b(?:would|could|should|might)\s+(?:also\s+)?$", text[: m.start()], re.I):
            continue  # "Both sides would also undertake not to ...": what a draft proposes
        found.append((m, None, False))
    # a cued pledge runs to the next ", and ..." of its clause: "Iran agreed to free four
    # Americans, ..., and the United States will grant clemency" holds a second pledge
    cued = [(m.start(), _part_end(text, m.end())) for m, _, _ in found]
    for m, pledger in _declared(r):
        if not any(start <= m.start() < end for start, end in cued):
            found.append((m, pledger, True))
    return sorted(found, key=lambda f: f[0].start())


_PROMISE_VERB = re.compile(r"(?:promis|pledg|vow)", re.I)
_ACCEPTED = re.compile(r"accept(?:s|ed)?\b", re.I)  # the cue of an invitation accepted
# Cue words that can be nouns, and what makes them one: "the promises to", "its pledge to".
_NOUN_CUE = re.compile(r"(?:promise|pledge|vow|guarantee|commitment|undertaking)s?", re.I)
# A promise asked for: "want written, legally binding guarantees that".
_SOUGHT = re.compile(
    r"\b(?:want|wants|wanted|demand|demands|demanded|seek|seeks|sought|ask for|asks for|asked for|"
    r"call for|calls for|called for|insist on|insists on|insisted on)\s+(?:[\w,-]+\s+){0,4}$",
    re.I,
)
_DETERMINED = re.compile(
    r"\b(?:the|its|their|his|her|our|these|those|such|a|an|earlier|previous|past|new|any|"
    r"whose)\s+(?:[a-z-]+\s+)?$",
    re.I,
)

# Who may order a party to act and so bind it: "The International Court of Justice on Friday
# ordered Nicaragua to pay", "the arbitration panel ordered Egypt's state companies to".
_COURT_ORDERS = re.compile(
    r"\b(?:court|tribunal|judges?|arbitrat\w*|panel|ruling|judgment|judgement)\b[^.;]*$", re.I
)


def _command(text: str, m: re.Match[str]) -> bool:
    """Whether an "order" cue binds no one: a government's command to its own forces ("Putin
    ordered the troops to pull back") or a request that a court order something ("asked the
    Court to order Colombia to stop"). Only what a court, tribunal or ruling "ordered" or
    "orders" a party to do is an obligation."""
    verb = (m["verb"] or "").lower()
    if not verb.startswith("order"):
        return False
    return verb == "order" or not _COURT_ORDERS.search(
        text, _clause_start(text, m.start()), m.start()
    )


def _bound(r, m: re.Match[str]) -> list[str]:  # noqa: ANN001
    """The actors a verb of obligation names as bound: "obliges Washington and Moscow each to",
    "requires Russia to"."""
    if not (
        m["verb"]
        and m["rest"]
        and re.match(r"(?:oblig|requir|bind|bound|commit|order)", m["verb"], re.I)
    ):
        return []
    start, end = r["char_start"] + m.start("rest"), r["char_start"] + m.end("rest")
    return list(dict.fromkeys(a["actor"] for a in r["actors"] if start <= a["start"] < end))


def _clause_start(text: str, at: int) -> int:
    """Where the clause holding `at` begins: after the last semicolon or colon before it."""
    return max(text.rfind(";", 0, at), text.rfind(":", 0, at)) + 1


# A clause joined to the one before it: "Uzbekistan is short of gas, and Kazakhstan said".
_JOINED_CLAUSE = re.compile(r",\s+(?:and|but|while|whereas)\s+")


def _speakers(r, at: int) -> list[str]:  # noqa: ANN001
    """Who may make a pledge reported at `at` (see `_pledgers`), in its own clause: after a
    ", and" that joins a clause with a subject of its own ("Uzbekistan is looking for supplies,
    and Kazakhstan said it would let Russian gas flow": Kazakhstan's pledge, not Uzbekistan's),
    else after the last ";" or ":"."""
    text, offset = r["text"], r["char_start"]
    start = _clause_start(text, at)
    joins = list(_JOINED_CLAUSE.finditer(text, start, at))
    return (joins and _pledgers(r, offset + at, joins[-1].end())) or _pledgers(
        r, offset + at, start
    )


_PART_END = re.compile(rf"[;:]|{_JOINED_CLAUSE.pattern}")


def _part_end(text: str, at: int) -> int:
    """Where the part of a clause from `at` ends: at a ";", ":" or a joined clause."""
    m = _PART_END.search(text, at)
    return m.start() if m else len(text)


def _clause_end(text: str, at: int) -> int:
    m = re.search(r"[;:]", text[at:])
    return at + m.start() if m else len(text)


def _commitments_of(
    r, m, pledger, declared, n, taxonomy, sentences, by_place, parties_of_doc, wanted, own, parse
) -> list[Commitment]:  # noqa: ANN001
    """The commitments one pledge of sentence `r` makes, one per committer and amount."""
    start = _clause_start(r["text"], m.start())
    # "Turkish officials said the delegations agreed to": the clause is what is reported
    said = list(_REPORTED.finditer(r["text"], start, m.start()))
    if said and _names_no_one(r, said[-1].end(), m.start()):
        subject = r["text"][said[-1].end() : m.start()]
        if _PAIR_SUBJECT.match(subject) or _PLURAL_SUBJECT.match(subject):
            start = said[-1].end()
    clause = r["text"][start : _clause_end(r["text"], m.end())]
    cue_at = r["char_start"] + m.start()
    named = [a for a in r["actors"] if a["kind"] != "modifier"]
    unnamed = declared and pledger == UNNAMED
    if unnamed:
        before = _unnamed_pledger(r, by_place, parties_of_doc.get(r["doc_id"], []))
        if not before:
            return []
    elif declared:
        before = list(pledger) if isinstance(pledger, tuple) else [pledger] if pledger else []
    else:
        before = _pledgers(r, cue_at, start)
    bound = _bound(r, m) if not declared else []
    pair = None if declared else _PAIR_RIGHT_BEFORE.search(r["text"], start, m.start())
    # "Putin hosted Aliyev and Pashinyan, and the three leaders agreed to": more than a pair,
    # left to those named before it
    pair_before = pair is not None and not (before and re.search(r"\b(?:three|four)\b", pair[0]))
    if bound:  # "the treaty obliges Washington and Moscow each to cut": they are bound
        before = bound
    elif pair_before:
        # "At talks hosted by Kerry, Lavrov and Desir, the two presidents had agreed to": the
        # pair, not the hosts named before it
        before = []
    each_side = (
        not unnamed
        # an invitation is accepted by one side: "at a time convenient to both sides" binds no pair
        and not _ACCEPTED.match(m.group(0))
        and len(set(before)) <= 1
        and bool(
            (declared and not pledger)  # "the delegations agreed that ... would"
            or _EACH_SIDE.search(clause)
            or _PAIR_SUBJECT.match(clause.lstrip())
            or pair_before
            # "Presidents Ollanta Humala and Sebastian Pinera each pledged to": both, though only
            # one of them is known
            or bool(_EACH_OF_TWO.search(r["text"], start, m.start()))
            or (
                not before
                and (
                    _THEY_SUBJECT.match(clause.lstrip())
                    or bool(_THEY_BEFORE.search(r["text"], start, m.start()))
                )
            )
            or re.match(r"(?:treaty|agreement|accord|convention|pact)\b", m.group(0), re.I)
            or bool(_PARTIES_BOUND.match(m.group(0)))
            # "the treaty commits the two countries to exchange ambassadors"
            or bool(_PAIR_BOUND.search(m.group(0)))
        )
    )
    if len(set(before)) == 1 and _AND_COUNTERPART.search(r["text"], start, m.start()):
        # "Finance Minister Yoo Il-ho and his Japanese counterpart Taro Aso agreed": the two
        # parties of the story, though the dictionary knows only one of the two ministers
        parties = _story_pair(r, by_place, parties_of_doc.get(r["doc_id"], []))[:2]
        before += [p for p in parties if p not in before][:1]
    if len(set(before)) > 1:
        committers = list(dict.fromkeys(before))
    elif each_side:
        # the document's two main parties, but not the one the pledge is made to ("the six agreed
        # that they would impose no new sanctions on Iran")
        # within the pledge's own part: not "..., and Stockholm confirmed ... exports to Turkey"
        end = r["char_start"] + _part_end(r["text"], m.end())
        after = {
            a["actor"]
            for a in named
            if cue_at < a["start"] < end
            and _RECIPIENT.search(r["text"][: a["start"] - r["char_start"]])
        }
        parties = _story_pair(r, by_place, parties_of_doc.get(r["doc_id"], []))
        committers = [p for p in parties if p not in after][:2] if len(parties) > 2 else parties[:2]
        # "Presidents Bush and Putin signed a declaration. Both pledged to ...": the two joined
        # in the sentence before, when the pledge opens with "Both" or "They"
        pair = _joined_pair(by_place.get((r["doc_id"], r["sent_index"] - 1)))
        if pair and re.match(r"(?:both|they)\b", clause.lstrip(), re.I):
            committers = pair
    else:
        # no one stands before the cue: a plural subject is the story's two parties; otherwise
        # the first actor named that is not in a phrase of place ("Meeting in Vienna, ...")
        subject = r["text"][start : m.start()].lstrip()
        plural = not before and bool(_PLURAL_SUBJECT.match(subject.split(", ")[-1]))
        # "The allies pledged to keep supporting Kyiv": the alliance the story's lead names
        allies = _alliance(r, by_place) if _ALLIES.match(subject.split(", ")[-1]) else []
        committers = (
            before[-1:]
            or allies
            or (
                _story_pair(r, by_place, parties_of_doc.get(r["doc_id"], []))[:2]
                if plural
                else _first_named(r, named[:1], cue_at, parties_of_doc.get(r["doc_id"], []))
            )
        )
    if not committers:
        return []
    neighbours = [
        by_place[(r["doc_id"], i)]
        for i in (r["sent_index"] - 1, r["sent_index"], r["sent_index"] + 1)
        if (r["doc_id"], i) in by_place
    ]
    # "the accord obliges ...": the accord is the one the story's lead names
    lead = [by_place[(r["doc_id"], i)] for i in (0, 1) if (r["doc_id"], i) in by_place]
    named_by = neighbours + (lead if _INSTRUMENT.search(r["text"]) else [])
    names = {
        name
        for near in named_by
        for name in _names(near["text"], [a["text"] for a in near["actors"]])
    }
    passage_issues = {i for near in neighbours for i in near["issues"]}
    # the instruments the pledge belongs to: named in its passage or its story's lead
    instruments = {i for near in neighbours + lead for i in near["instruments"]}
    # the act: from the modal of a that-clause ("said in a speech on 20 June that he would send")
    modal = m.start("modal") if "modal" in m.re.groupindex and m["modal"] else m.start()
    act = _act_done(r["text"][modal:])
    refused = _act_refused(r["text"][modal:])
    told_as_past = bool(_TOLD_AS_PAST.search(r["text"], 0, m.end()))
    uncommented = _comment_start(r["text"], m.end(), own[1])  # where its own words end
    reports = _history(
        r, own, sentences, names, passage_issues, _issue_words(taxonomy, r["issues"]), act,
        negative=bool(_RESTRAINT.search(r["text"][m.start() : m.start() + 80])),
        refused=refused,
        joint=set(committers) if each_side or len(committers) > 1 else (),
        # the parties' names are no key words, but what they pledge to set up is; not what a
        # comment on the pledge names ("..., a concession intended to ease ratification")
        keys=_keys(
            r["text"][max(own[0], start) : uncommented],
            [a for a in r["actors"] if a["start"] < cue_at or a["kind"] != "organisation"],
        ),
        # a rule in force, or a pledge told as past ("Washington had agreed to sell ..., but
        # halted the sale"): its own story may report what became of it
        standing=bool(_STANDING.match(m.group(0))) or told_as_past,
        enabler=committers if _enabling(r["text"][m.start() :]) else (),
        pledgers=set(committers),
        # the sentence's own report on a pledge told as past follows "but", "while" ...
        clause=(start, _part_end(r["text"], m.end()) if told_as_past else start + len(clause)),
        instruments=instruments,
        parse=parse,
        things=_things(r["text"], m.start(), own[1], parse),
        # a pledge to withdraw or remove something: told still there, it is breached
        leaving=bool(_LEAVING.match(r["text"], m.start())),
    )  # fmt: skip
    if each_side:
        committers += [a for a in _parties(reports) if a not in committers]
    # its amounts and deadline: those of its own words within its clause
    words = r["text"][max(own[0], start) : min(own[1], start + len(clause))]
    amounts = _amounts(words) or [(None, None)]
    made = r["doc_date"]
    one_off = bool(act) and _ONE_OFF.search(r["text"][m.start() : m.start() + 60]) is not None
    # what is pledged, not a time it is pledged for ("keep to the spirit of the treaty while
    # talks go on")
    pledged_part = re.split(r"\b(?:while|until|as long as|when|after|before|if|unless)\b", words)[0]
    shared = len(committers) > 1 and bool(_SHARED_PROCESS.search(pledged_part))
    if _PAUSING.search(r["text"][m.start() : m.start() + 60]):
        # a pledge to pause or call off something: its suspension, its being called off or
        # scrapped, or its date passing without it ("August passed without the drill") told
        # is its fulfilment ("put its WTO complaint on hold")
        reports = [(replace(h, status="fulfilled") if _paused(h) else h, *rest)
                   for h, *rest in reports]  # fmt: skip
    out = []
    for committer in committers:
        if wanted and committer not in wanted:
            continue
        counterpart = _counterpart(committer, committers, r, parties_of_doc.get(r["doc_id"], []))
        history = [
            h
            for h, about, direct, _ in reports
            if committer in about
            or (direct and not about)
            # a shared process one party paused is paused for all: "Ottawa paused the talks"
            or (shared and h.status == "suspended" and bool(about & set(committers)))
        ]
        for amount, unit in amounts:
            key = f"{r['doc_id']}|{r['sent_index']}|{committer}|{amount}|{unit}"
            key += f"|{m.start()}" if n else ""  # the first pledge of a sentence keeps its old id
            out.append(
                Commitment(
                    commitment_id=hashlib.sha1(key.encode()).hexdigest()[:16],
                    actor=committer,
                    counterpart=counterpart,
                    commitment=_pledge_words(r["text"], m.start(), uncommented),
                    quantity=amount,
                    unit=unit,
                    deadline=deadline(words, made) or deadline(r["text"], made),
                    status=_current(history, one_off),
                    date=made.isoformat() if made else None,
                    doc_id=r["doc_id"],
                    sentence=r["text"],
                    history=tuple(history),
                    instruments=frozenset(instruments),
                )
            )
    return out


# A comment on a pledge in apposition after it: ", a concession intended to ease ratification",
# ", a move aimed at".
_COMMENT = re.compile(
    r",\s+(?:a|an|in\s+a)\s+(?:[\w-]+\s+)?(?:concession|move|step|gesture|decision|compromise|"
    r"sign|signal|bid|nod|reversal|change|shift|measure|olive branch)\b",
    re.I,
)


def _comment_start(text: str, at: int, end: int) -> int:
    """Where a comment on the pledge at `at` begins (see `_COMMENT`), else `end`."""
    m = _COMMENT.search(text, at, end)
    return m.start() if m else end


_TOLD_AS_PAST = re.compile(
    r"\bhad\s+(?:\w+\s+)?(?:agreed|pledged|promised|undertaken|committed|vowed)\s+\S+$", re.I
)
# A rule in force, told in the present: "the treaty bars both countries from", "each side may
# have no more than". The story that states it may also report what became of it.
_STANDING = re.compile(
    r"(?:(?:treaty|agreement|accord|convention|pact),? (?:which |that )?)?"
    r"(?:bars|prohibits|bans|forbids|obliges|requires|binds)\b"
    r"|obligations? (?:on|of|for)\b|(?:each|either|every) [\w ]+ (?:must|shall|may)\b",
    re.I,
)
# A pledge of restraint: the act told as done later is its breach ("undertook not to attack
# merchant vessels" ... "Russian missiles struck a grain ship"), not its fulfilment.
_RESTRAINT = re.compile(
    r"^\S+(?:\s+\S+){0,6}?\s+(?:not|never)\s+(?:to\s+)?[a-z]+\b"
    r"|^\S+(?:\s+\S+){0,6}?\s+(?:will|would|shall)\s+[a-z]+\s+no\b"  # "would impose no new"
    r"|^(?:bars|prohibits|bans|forbids)\b",
    re.I,
)
# The act told with nothing as its object: "has bought no Belarusian power since", "sent not a
# single soldier".
_NONE_DONE = re.compile(r"\s+(?:no|not a single|not one|none of)\b", re.I)
# What two sides can only pursue together: talks, a joint body, a joint venture.
_SHARED_PROCESS = re.compile(
    r"\b(?:talks|negotiat\w*|dialogue|consultations|(?:trade|partnership) agreement|commission|"
    r"committee|working groups?|mechanism|framework|joint venture|joint patrols|joint exercises)\b",
    re.I,
)
# A pledge to pause something: "will suspend its complaint", "agreed to freeze".
_PAUSING = re.compile(
    r"^(?:\S+(?:\s+\S+){0,4}?\s+)?(?:to|will|would|shall)\s+(?:\w+\s+)?(?:suspend|pause|freeze|"
    r"halt|cancel|call\s+off|scrap|shelve|put\s+(?:\w+\s+){1,4}on\s+hold)\b",
    re.I,
)


def _paused(h: StatusReport) -> bool:
    """A report that something was paused, called off or let pass: of a pledge to pause it, its
    fulfilment."""
    return (
        h.status == "suspended"
        or (h.status == "withdrawn" and bool(_CALLED_OFF.search(h.cue)))
        or (h.status == "breached" and _lapse(h.cue))
    )


_CALLED_OFF = re.compile(r"\b(?:called off|scrapped|cancell?ed|halted|shelved|dropped)\b", re.I)
# Acts done once: once told as done, a later suspension of the instrument does not undo them.
_ONE_OFF = re.compile(
    r"^\S+(?:\s+\S+){0,4}?\s+(?:to|will|would|shall)\s+(?:\w+\s+)?(?:extend|sign|ratify|release|"
    r"free|pay|deliver|send|donate|hand|set up|create|establish|convene|complete|conclude|adopt|"
    r"lift|swap|ship)\b(?![^.;]*\b(?:every|each|a year|a month|annually|regularly)\b)",
    re.I,
)


# Acts that "X will ..." or "X assured Y that ... would ..." promises to another side; not
# threats ("will respond", "will deploy") nor routine plans ("will meet", "will hold talks").
_PLEDGED_ACTS = ("send|provide|give|deliver|supply|donate|grant|lend|pay|fund|finance|contribute|"
                 "open|allow|let|keep|maintain|remain|stay|return|withdraw|pull|reduce|"
                 "cut|destroy|eliminate|dismantle|extend|resume|restore|reopen|release|ratify|"
                 "implement|respect|honou?r|abide|comply|observe|support|help|lift|remove|share|"
                 "exchange|transfer|refrain|stop|halt|end|cease|host|take|accept|admit|free|"
                 "pass|protect|guarantee|hand|buy|publish|notify|inform|train|repay")  # fmt: skip
# What follows such a verb in a threat or an idiom, not a pledge: "would take countermeasures",
# "will take steps to protect its interests", "will pay the price" (not "will keep the price").
_NOT_AN_ACT = (
    r"(?!\s+(?:(?:the|any|all|its|further|additional|appropriate|necessary|military|"
    r"retaliatory|adequate)\s+)*(?:counter-?measures|measures|steps|action)\b"
    r"|(?<=pay)\s+(?:a|the)\s+(?:\w+\s+)?price\b"
    # a retaliation, not a pledge: "would suspend its own participation in response"
    r"|[^.;,]{0,60}\bin\s+(?:response|retaliation|reply|kind)\b"
    # a deployment against the other side: "would deploy Iskander missiles ..., to neutralise
    # the shield" (not "would share intelligence to counter terrorism")
    r"|(?<=deploy)[^.;]{0,100}\bto\s+(?:neutrali[sz]e|counter(?:act)?|offset)\b"
    # leaving an instrument is a notice, not a pledge: "would withdraw from the ABM Treaty"
    r"|\s+from\s+(?:the\s+)?(?:[\w-]+\s+){0,5}(?:treaty|agreement|accord|deal|pact|convention)\b)"
)
# The future of a pledge, with the adverbs that may follow it: "will also send", "is to help".
_FUTURE = (
    r"(?:will|would|shall|(?:is|are)\s+(?:(?:also|now|then|first|each|both|jointly)\s+)?to)\s+"
    r"(?:(?:also|soon|now|still|fully|then|first|jointly|promptly|continue to|go on|actively|"
    r"gradually|quickly|swiftly|immediately|formally)\s+)?"
)
# Acts an actor may pledge besides giving: setting something up, drafting, training, pausing,
# deploying to help ("will deploy a battalion to Helmand"; one deployed against the other side is
# a threat, see `_NOT_AN_ACT`). Not hostile or unilateral acts ("will respond", "will impose"),
# which are announcements or threats, not pledges.
_AGENTIVE = (rf"{_PLEDGED_ACTS}|close|seek|set up|establish|create|start|begin|launch|"
             "invite|leave|draft|negotiate|join|apply|sign|submit|complete|"
             "conclude|consult|train|form|appoint|prepare|present|coordinate|cooperate|patrol|"
             "monitor|inspect|verify|investigate|clear|rebuild|invest|purchase|import|ship|"
             "carry|issue|hold off|refrain|work out|take part|participate|cap|limit|freeze|"
             "pause|postpone|delay|waive|drop|ease|grant|offer|swap|evacuate|travel|visit|"
             "attend|finali[sz]e|rescind|re-?establish|fly|build|construct|develop|expand|"
             "sell|fill|repair|finish|ensure|extradite|dispatch|delegate|exempt|produce|"
             "set aside|deploy|escort|operate|re-?erect|rebury|double|triple|"
             # "would name an ambassador to Managua", "will put 175 million dollars into a fund",
             # "would put the accord to parliament", "would move forward with the sale"; not the
             # vaguer "will work together on", "would do its utmost", "would see the case through"
             r"name(?=\s+(?:a|an|its|the)\s+(?:new\s+)?(?:ambassador|envoy|consul|representative|"
             r"high commissioner))|"
             r"put(?=\s[^.;]{0,60}?\b(?:into|before|to\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
             r"(?:parliament|council|vote|referendum|congress|assembly|legislature))\b)|"
             r"move forward(?=\s+with\b)|proceed(?=\s+with\b)|"
             # "Ottawa would stand by the contract" (not "would stand by its position", nor "by
             # the Paris climate accord", a stance on a pact with others)
             r"stand by(?=\s+(?:the|its|their|this|that)\s+(?:[\w-]+\s+){0,2}?(?:contract|"
             r"sale|order|purchase)s?\b)|"
             "raise|increase|lower|recogni[sz]e|normali[sz]e|settle|resolve|approve|adopt|"
             "unblock|reunite|repatriate|compensate|apologi[sz]e|scrap|abolish|deposit|shut|"
             "file|expel|export|replace|relocate|spend|cover|roll over|back|lease|lodge|"
             "authori[sz]e|take up|call for bids|"
             r"designate(?=[^.;]{0,40}\b(?:ally|partner))|"
             r"lead(?=\s+(?:a|the|its|his|her)\s+(?:[\w-]+\s+){0,3}?delegation)|"
             r"make(?=\s[^.;]{0,50}?\bavailable\b)|"
             # a cost borne or a payment put off for the other side: "will bear the cost of a
             # feasibility study", "would defer payment on up to $3 billion of oil imports"
             r"bear(?=\s+(?:the|all|its|part\s+of\s+the|most\s+of\s+the)\s+(?:[\w-]+\s+)?costs?\b)|"
             r"defer(?=\s+(?:[\w-]+\s+){0,2}?(?:payments?|repayments?|debts?|interest)\b)|"
             # a suspension conceded to the other side ("will suspend its WTO case"), not one
             # of its own cooperation ("would suspend its own participation")
             r"suspend(?=\s+(?:[\w-]+\s+){0,6}?(?:case|complaint|dispute|sanctions|tariffs|"
             r"duties|levies|declaring|annexation|construction|tests?|testing|drilling|survey|"
             r"deportations|expulsions)\b)")  # fmt: skip
# An act kept up: "will go on supplying", "would keep pumping".
_KEPT_UP = (r"(?:go on|keep|continue)\s+(?:supply|send|provid|deliver|fund|financ|pay|pump|"
            r"export|import|buy|ship|support|help|train|sell|allow|host)ing")  # fmt: skip
# A hindrance given up or forgone: "Slovenia will no longer stand in the way of Croatia's bid",
# "Israel will not object to the development of Qana" (not "will not allow", a refusal).
_GIVEN_UP = r"(?:no\s+longer|not)\s+(?:stand\s+in\s+the\s+way|block|veto|oppose|object\s+to)"
_WILL_ACT = re.compile(rf"\b{_FUTURE}(?:{_AGENTIVE}|{_KEPT_UP}|{_GIVEN_UP})\b{_NOT_AN_ACT}", re.I)
# The two sides as the subject of a pledge: "the two armies are to set up", "Both countries will
# remain bound", "their foreign ministers would draft", "each side will notify the other".
_PAIR_WILL = re.compile(
    rf"\b(?:(?:the two|both|their)\s+(?:[a-z-]+\s+)?{_BOUND}|(?:each|either) (?:\w+ )?{_BOUND}|"
    r"(?:the two|both)\s+(?:[a-z-]+\s+)?(?:experts|delegations|teams|negotiators|presidents)|"
    r"the\s+(?:delegations|negotiators|negotiating teams)|"
    # the pair's own meeting is pledged too: "the two presidents will meet again in Brazil"
    rf"experts from both(?: sides)?)\s+(?:{_FUTURE}(?:(?:{_AGENTIVE}|meet|hold)\b|remain bound\b))"
    rf"{_NOT_AN_ACT}",
    re.I,
)
# "..., an agreement under which the United States will station ...": what the instrument provides.
_UNDER_WHICH = re.compile(r"\b(?:under|by) which\b", re.I)
# Between the actor and "will": nothing, or an adverb ("Russia, too, will", "Russia also will").
_SUBJECT_GAP = re.compile(
    r"^\s*(?:,[^,.;]{1,30},\s*|(?:also|too|now|soon)\s+)?$"
    # a leader's government: "the Biden administration will lend"
    r"|^\s+(?:administration|government|cabinet)\s+(?:(?:also|too|now|soon)\s+)?$",
    re.I,
)
# A pledge named as an earlier one's: "its promise", "their pledge" in a sentence reporting on it.
_REFERRED = re.compile(r"\b(?:its|their|his|her|our|the)\s+$", re.I)
# What a speaker's side grants, told in the passive: "Qatari pilgrims would be allowed through".
_GRANTED = (
    r"allowed|permitted|lifted|restored|reopened|released|freed|returned|resumed|"
    r"eased|extended|granted|waived|dropped|handed over|repatriated|exempted|admitted|"
    r"completed|finished|concluded"
)
# The speaker's own government as the subject of what is reported: "Gervasi said the government
# would grant", "announced the kingdom would open".
_OWN_GOVERNMENT = r"the\s+(?:government|kingdom|administration)"
# A character inside one clause: not "." or ";", but an initial's dot is no sentence's end
# ("assured U.S. diplomats in Tbilisi that").
_IN_CLAUSE = r"(?:[^.;]|(?<=\b[A-Z])\.)"
# "X promised / gave assurances / agreed that Y would ...": a pledge of X (of the story's two
# parties, when "the delegations agreed that").
_PROMISED_THAT = re.compile(
    r"\b(?P<verb>assur\w*|promis\w*|pledg\w*|vow\w*|guarant\w*|undert(?:ake|akes|aking|ook)|"
    r"agree[sd]?|told|informed|notified|said|says|announced|declared)\b"
    # up to its "that", not past another such verb: "Australia agreed to suspend ..., and Beijing
    # promised that ..." is Beijing's promise
    r"(?:(?!\b(?:assur|promis|pledg|vow|guarant|undert|agree|told|inform|notif|said|says|announc|"
    r"declar))"
    rf"{_IN_CLAUSE}){{0,80}}?"
    # "that", or a that-less clause whose subject is a pronoun, a name or the speaker's own
    # ("said Greece would back", "said its ambassador would return")
    r"(?:\bthat\b|(?=\s(?:it|he|she|they)\s+(?:will|would)\b)"
    r"|(?:(?<=said)|(?<=says)|(?<=told)|(?<=announced)|(?<=declared)|(?<=pledged)"
    r"|(?<=promised)|(?<=vowed)|(?<=assured))"
    r"(?=\s(?:(?:its|his|her|their)\s+(?:own\s+)?(?:forces|troops|army|government|ambassador|"
    r"envoy|diplomats|delegation|country|navy|consulates?|embassy)|(?-i:[A-Z][\w-]+)(?:\s+[\w-]+){0,3}?"
    rf"|{_OWN_GOVERNMENT})"
    r"\s+(?:will|would)\b))"
    rf"(?:(?!, and |\bsaid\b){_IN_CLAUSE})*?\b(?P<modal>will|would|shall)\s+"
    r"(?:(?:also|soon|now|still|fully|then|first|jointly|promptly|quickly|immediately)\s+)?"
    rf"(?P<neg>not\s+)?(?:(?P<act>{_AGENTIVE})\b{_NOT_AN_ACT}|be\s+(?P<done>{_GRANTED})\b"
    r"|[a-z]+\b)",
    re.I,
)
# What the speaker's side says it will not do to the other, a pledge of restraint: "Hayashi said
# Japan would not conduct a lethal hunt", "told reporters that Belarus would never allow its
# territory to be used", "said Doha would not retaliate against Emirati products" (not a refusal:
# "would not accept", "would not negotiate"; nor a stand: "would not recognise Abkhazia").
_RESTRAINED = (
    r"allow|permit|let|impose|retaliate|exclude|conduct|block|veto|object|interfere|"
    r"attack|deploy|station|hunt|stand in the way|expel|target|use"
)
_HELD_BACK = re.compile(
    rf"\s*(?:also\s+)?(?:(?:not|never)\s+(?:{_RESTRAINED})"
    # a restraint for good: "told Zagreb that Slovenia would no longer stand in the way of its
    # bid", "would never again enter Ecuadorian territory" (not "would no longer send observers",
    # a notice that cooperation stops)
    rf"|(?:no\s+longer|never\s+again)\s+(?:{_RESTRAINED}|enter))\b",
    re.I,
)
# Verbs that report a pledge only when the speaker pledges its own act: "North Korea said it would
# stop testing", "Kim told him he would destroy the site".
_REPORTING = {"told", "info", "noti", "said", "says", "anno", "decl"}
_SELF = re.compile(r"(?:\bthat\s+|\s)(?:it|he|she|they|we)\s+(?:will|would|shall)\s", re.I)
# Acts pledged in a clause that already has its pledger: "... and would close its test site", "It
# is to seek ratification".
_AND_WOULD = re.compile(
    rf"\band\s+(?:would|will)\s+(?:not\s+)?(?:{_AGENTIVE})\b{_NOT_AN_ACT}", re.I
)
# An act named in a relative clause, as a thing of the past: "the sanctions it lifted in 2016".
_RELATIVE = re.compile(
    r"\b(?:the|its|their)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:that\s+|which\s+)?"
    r"(?:it|they|he|she|we)\s+(?:had\s+|has\s+|have\s+)?$",
    re.I,
)
# "Under the accord, ...": any act the instrument provides for is pledged.
_UNDER = re.compile(
    r"\s*Under (?:the|this|that|its|their|a|an) [^,;]{0,60}?(?:accord|agreement|deal|memorandum|"
    r"treaty|arrangement|plan|protocol|pact|understanding|terms|contract)s?\b[^,;]{0,40},",
    re.I,
)
_WILL_ANY = re.compile(rf"\b{_FUTURE}[a-z]{{3,}}\b{_NOT_AN_ACT}", re.I)
_IT_WILL = re.compile(rf"(?:It|They)\s+(?!would){_FUTURE}(?:{_AGENTIVE})\b{_NOT_AN_ACT}")
_PAST_LIMIT = (
    r"\b(?:exceed\w*|above|beyond|passed|past|surpass\w*|over|broke|broken|breach\w*)\s+"
    r"(?:the\s+|its\s+|their\s+)?"
)
_LIMIT = re.compile(
    r"\b(?:no more than|not more than|at most|up to|below|under|within|a ceiling of|a cap of|"
    r"a limit of|limited to|capped at)\b",
    re.I,
)
# A past participle used as an adjective, not an act told as done: "1,550 deployed warheads".
_PLEDGED_BEFORE = re.compile(
    r"\b(?:promised|pledged|agreed|vowed|undertook|committed|planned|hoped|wanted|offered)\s+"
    r"to\s+$",
    re.I,
)
_ADJECTIVAL = re.compile(r"(?:\d[\d,.]*|\b(?:the|its|their|all|of|and|non-))\s*$", re.I)
_THREAT_WORDS = (
    r"threaten\w*|threatened|warn(?:s|ed)?|warning(?=\s+(?:that|of)\b)"  # not "warning data"
)
_THREAT = re.compile(rf"\b(?:{_THREAT_WORDS})\b", re.I)
# In a pledge's own clause: a condition, a mere possibility, or a threat ("warned that it would").
_NOT_A_PLEDGE = re.compile(
    # not a threat when negated: "would not threaten or use force" is a pledge of restraint
    rf"\b(?:if|unless|could|might|(?-i:may)|(?<!not )(?<!never )(?:{_THREAT_WORDS})|"
    r"hope[sd]?|hoping|expect(?:s|ed)?|believe[sd]?|think|thinks|thought"
    r"|provided(?=\s+(?:that|the|it|they)\b))\b",  # "provided the technology was proven"
    re.I,
)
# A purpose clause after a pledged act, its modal no condition: "so that trials can begin", "so
# they could travel", "in order that".
_PURPOSE = re.compile(
    r"\s(?:so(?:\s+that)?|in\s+order\s+that)\s+(?=(?:[\w'’-]+\s+){1,4}(?:can|could)\b)", re.I
)
# A condition right after the pledge's clause: "will build it, provided the funds are approved".
_PROVISO = re.compile(
    r",\s*(?:provided|providing|if|unless|as long as|so long as|on condition)\b", re.I
)


def _named_subject(r, m: re.Match[str]) -> str | None:  # noqa: ANN001
    """The country a that-clause names as its subject: "pledged that Algeria would cover", "assured
    him that Pakistan would take", "said Poland will send"; None when its subject is anything
    else ("that the troops would")."""
    that = r["text"].rfind(" that ", m.start(), m.start("modal"))
    begin = that + len(" that ") if that >= 0 else m.end("verb")  # "said Poland will send"
    subject = r["text"][begin : m.start("modal")].strip()
    at = r["char_start"] + begin
    return next(
        (
            a["actor"]
            for a in r["actors"]
            if a["kind"] in ("country", "capital")
            and at <= a["start"]
            and re.fullmatch(rf"(?:the\s+)?{re.escape(a['text'])}", subject, re.I)
        ),
        None,
    )


def _declared(r) -> list[tuple[re.Match[str], str | tuple[str, ...] | None]]:  # noqa: ANN001
    """Pledges said in the future tense, and who makes each: "the United States will send 200
    ventilators to Russia", "Russian specialists are to help" (the actor right before "will", not
    one inside a phrase: "exercises in Belarus would"); and acts promised in a that-clause:
    "Russia assured the United States that the troops would return to their bases", "Putin
    promised that Russian intelligence would pass on ...", "gave written assurances that it
    would not use the lane", "Moscow told the UN that it would keep the corridor open" (the actor
    who assures; for "said" and "told", only the speaker's own act: "North Korea said it would
    stop testing ... and would close its test site"). After "Under the accord," any act is
    pledged ("Russia will build two lines"); "It is to remove the core" is the pledge of the
    actor the sentence before names first (`r["previous"]`). Not when the pledge's own clause is
    conditional, hoped for or a threat ("would respond if", "warned that it would", "hoped it
    would open the way"), nor a plain future after a condition ("If NATO admits Poland, Moscow
    will ..."); "will not send" is no pledge unless it is promised. An act in the passive
    future with no doer named ("a joint commission is to be set up") is pledged by the story's
    two parties, and a country's agent pledges for it ("Pakistan's national security adviser,
    Sartaj Aziz, is to travel")."""
    text, offset = r["text"], r["char_start"]

    def conditional_or_threat(m: re.Match[str], promised: bool) -> bool:
        """A condition or possibility in the pledge's own clause; a threat anywhere before it
        ("warned that if NATO placed forces there, Moscow would take countermeasures"); and, for
        a plain future, any condition before it ("If NATO admits Poland, Moscow will ...")."""
        start = max(_clause_start(text, m.start()), text.rfind(",", 0, m.start()) + 1)
        end = m.end() + re.search(r"[,;.]|$", text[m.end() :]).start()
        # what the act is for is no condition on it: "would lease five aircraft to the navy so
        # it could watch over its waters"
        end = purpose.start() if (purpose := _PURPOSE.search(text, m.end(), end)) else end
        before = text[_clause_start(text, m.start()) : m.start()]
        return bool(
            _NOT_A_PLEDGE.search(text[start:end])
            or _PROVISO.match(text, end)
            or _THREAT.search(before)
            or (not promised and re.search(r"\b(?:if|unless)\b", before, re.I))
        )

    found: list[tuple[re.Match[str], str | tuple[str, ...] | None]] = []
    taken: list[tuple[int, int]] = []
    pos = 0
    while m := _PROMISED_THAT.search(text, pos):
        pos = m.start() + len(m["verb"])  # a skipped verb may hide a pledge inside its span
        if conditional_or_threat(m, promised=True):
            continue
        verb = m["verb"].lower()
        pledgers = _speakers(r, m.start())
        speakers = _joint_speakers(r, m)  # "Petro and Maduro announced that the border will reopen"
        held_back = bool(_HELD_BACK.match(text, m.end("modal")))
        if (
            verb[:4] in _REPORTING
            and not m["done"]
            and (
                (not held_back and (not m["act"] or m["neg"]))
                or not (_SELF.search(m[0]) or _own_side(r, m) or speakers)
            )
        ):
            # "told reporters that it would respond / would not accept": no act promised; "said
            # that Iran would ...": someone else's act, not the speaker's pledge ("Putin said
            # Moscow would invite attaches" is his own side's)
            continue
        if _NOUN_CUE.fullmatch(verb) and (
            _DETERMINED.search(text[: m.start()]) or _SOUGHT.search(text[: m.start()])
        ):
            # "the security guarantees it wants ... that NATO will not expand", "they want
            # written, legally binding guarantees that": asked of the other side, not given
            continue
        if not pledgers and _BOTH_SPEAK.search(text, _clause_start(text, m.start()), m.start()):
            # "Officials in both capitals said they will": the story's two parties
            found.append((m, None))
            taken.append((m.start(), m.end()))
            pos = m.end()
            continue
        if pledgers or verb.startswith("agree"):
            # "the delegations agreed that": the story's parties; "France and Germany, which had
            # urged Washington to reconsider, said they would": the speaker, not the last named
            pledger = (
                (pledgers[0] if verb[:4] in _REPORTING else pledgers[-1]) if pledgers else None
            )
            if verb.startswith("agree") and len(set(pledgers)) > 1:
                # "Putin, Poroshenko, Merkel and Hollande ... agreed that": all who agreed
                pledger = tuple(dict.fromkeys(pledgers))
            elif named := _named_subject(r, m):
                # "Borissov, in Skopje, pledged that Bulgaria would ratify", "Standing beside
                # Zelensky, Morawiecki said Poland will send": the country named
                pledger = named
            elif speakers:
                # "Petro and Maduro announced that", "Guyana and Venezuela pledged that": both
                pledger = speakers
            found.append((m, pledger))
            taken.append((m.start(), m.end()))
            pos = m.end()
            # "... that it would stop testing and would close its test site": a second pledge
            end = m.end() + re.search(r"[;.]|$", text[m.end() :]).start()
            for more in _AND_WOULD.finditer(text, m.end(), end):
                found.append((more, pledger))
                taken.append((more.start(), more.end()))
        elif _PROMISED_VERB.fullmatch(verb) and re.match(r"\s+that\b", text[m.end("verb") :]):
            # "The embassy ... promised that the officer would leave Bolivia", "Chinchilla has
            # promised that the road will be finished": a pledger the dictionary does not know,
            # found from the story (see `_unnamed_pledger`); not a promise named as a thing
            # ("Lukashenko's old promise that") nor one made to a third ("promised the
            # Commonwealth it would")
            found.append((m, _named_subject(r, m) or UNNAMED))
            taken.append((m.start(), m.end()))
            pos = m.end()
    # "the two armies are to set up a hotline": a pledge of the story's two parties
    for m in _PAIR_WILL.finditer(text):
        if not any(a <= m.start() < b for a, b in taken) and not conditional_or_threat(m, False):
            found.append((m, None))
            taken.append((m.start(), m.end()))
    # "a joint commission is to be set up", "links are also to be restored": an act of the
    # story's two parties, when no one is named as doing it
    for m in _passive_will().finditer(text):
        if (
            not any(a <= m.start() < b for a, b in taken)
            and not conditional_or_threat(m, False)
            and not re.match(r"\s+by\b", text[m.end() :])
        ):
            found.append((m, None))
            taken.append((m.start(), m.end()))
    # "Under the accord, Russia will build two lines", "an agreement under which the United
    # States will station ...": any act the instrument provides for
    under = _UNDER.match(text) or _UNDER_WHICH.search(text)
    wills = list(_WILL_ACT.finditer(text))
    if under:
        wills = sorted({m.start(): m for m in [*wills, *_WILL_ANY.finditer(text, under.end())]}.values(),
                       key=lambda m: m.start())  # fmt: skip
    # "It is to remove the core ...": the pledger of the sentence before
    it = _IT_WILL.match(text) if r.get("previous") else None
    if it and not conditional_or_threat(it, promised=False):
        found.append((it, r["previous"]))
        taken.append((it.start(), it.end()))
        found += [(more, r["previous"]) for more in _AND_WOULD.finditer(text, it.end())]
    for m in wills:
        if conditional_or_threat(m, promised=False) or any(a <= m.start() < b for a, b in taken):
            continue
        for a in reversed(r["actors"]):
            start = a["start"] - offset
            end = start + len(a["text"])
            if start >= m.start():
                continue
            gap = text[end : m.start()]
            if _AGENT_OF.fullmatch(gap) and not _NOT_PLEDGER.search(text[:start]):
                # "Pakistan's national security adviser, Sartaj Aziz, is to travel": its agent
                found.append((m, a["actor"]))
                break
            if _NOT_PLEDGER.search(text[:start]) or _POSSESSIVE.match(text[end:]):
                continue
            if a["kind"] == "modifier":
                # "Russian specialists are to help": its head noun; "Ethiopian Airlines will
                # resume", "the Saudi Fund for Development will deposit": its body of that name
                if re.fullmatch(r"\s+[a-z]+(?:\s+[a-z]+)?\s+", gap) or re.fullmatch(
                    r"(?:\s+(?-i:[A-Z][a-z-]+)(?:\s+(?:for|of)(?=\s+(?-i:[A-Z])))?){1,4}\s+", gap
                ):
                    found.append((m, _joint_subject(r, a)))
                    break
                continue
            if _SUBJECT_GAP.match(gap) or (_ENVOY_END.search(a["text"]) and _ENVOY_GAP.match(gap)):
                # "Egypt's new ambassador to Israel, Hazem Khairat, will take up his post": the
                # envoy's country
                found.append((m, _joint_subject(r, a)))
                break
        else:
            start = _clause_start(text, m.start())
            if (
                _ENVOY.search(text, start, m.start())
                and _names_no_one(r, start, m.start())
                and not re.match(r"\W*(?:its|their|his|her)\b", text[start:], re.I)
            ):
                # "Daghmoum, a career diplomat ..., would take up his post in Madrid": an envoy
                # the dictionary does not know, of the story's party not named (not "its envoy
                # would stay": the one named before)
                found.append((m, UNNAMED))
    return found


# An envoy as a pledge's subject: "ambassador Saif Mohammed Al Zaabi will resume his duties".
_ENVOY = re.compile(r"\b(?:ambassador|envoy|diplomat|charg[ée] d['’]affaires)\b", re.I)
_ENVOY_END = re.compile(r"\b(?:ambassador|envoy)$", re.I)
# Between an envoy and "will": where and who ("to Israel, Hazem Khairat,").
_ENVOY_GAP = re.compile(r"\s+(?:to|in)\s+[^,.;]{1,30}?,[^,.;]{1,40},\s*$")


# Two named as one subject that each or both pledge: "X and Y each pledged to".
_EACH_OF_TWO = re.compile(r"\band\s+(?:[\w.'’-]+\s+){1,4}(?:each|both)\s+$", re.I)
# Both sides as the speakers of a pledge: "Officials in both capitals said they will".
_BOTH_SPEAK = re.compile(
    r"(?:^|\b(?:officials?|diplomats|ministers|spokesm[ae]n)\s+(?:in|of|from|on)\s+)"
    r"(?:both|the two)\s+(?:capitals|countries|governments|sides)\s+$",
    re.I,
)


# A possessive actor's agent as the subject: "Pakistan's national security adviser, Sartaj Aziz,
# is to", "Egypt's foreign ministry will"; not its things ("Russia's exports will").
_AGENT_OF = re.compile(
    r"['’]s\s+(?:[a-z-]+\s+){0,2}(?:adviser|advisor|minister|president|premier|leader|"
    r"government|cabinet|parliament|army|armed forces|forces|troops|navy|air force|military|"
    r"delegation|envoy|ambassador|officials|authorities|ministry|negotiators|coast guard|"
    r"border guards?|police)(?:\s*,[^,.;]{1,40},)?\s+"
)
# Acts a pair may pledge in the passive future, with no doer named: "is to be set up".
_PASSIVE_ACTS = ("set up", "establish", "create", "form", "launch", "open", "reopen", "restore",
                 "resume", "re-establish", "release", "return", "lift", "remove", "withdraw",
                 "hand over", "build", "complete", "sign", "ratify", "implement", "exchange",
                 "deliver", "extend", "expand", "replace", "deploy", "pay", "repay", "normalise",
                 "normalize", "demarcate", "revive", "reconvene", "upgrade", "hold")  # fmt: skip


@cache
def _passive_will() -> re.Pattern[str]:
    """The passive future of a pledged act: "is to be set up", "are also to be restored", "will
    be replaced"."""
    forms = [f for a in _PASSIVE_ACTS for f in _done_forms(*a.split(" ", 1)) if "?<=" not in f]
    return re.compile(
        r"\b(?:(?:is|are)\s+(?:also\s+|now\s+|first\s+)?to\s+be|(?:will|shall)\s+(?:also\s+)?be)"
        rf"\s+(?:(?:quickly|immediately|fully|gradually|soon|jointly)\s+)?(?:{'|'.join(forms)})\b",
        re.I,
    )


# What a pledge is made to, in or from (not a place it is made near: "a battery near Seoul"), up
# to three words on and through "and": "to give Kazakhstan", "to let the Indian Navy survey",
# "to the northern provinces and Kabul".
_AIMED_AT = re.compile(
    r"\b(?:in|into|to|from|for|with|on|against|toward|towards)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}?(?:(?:and|or)\s+)?$",
    re.I,
)


# Met, visited or written to: "In a telephone call with de Maizière", "On a visit to Hanoi".
_MET_WITH = re.compile(r"\b(?:with|to)\s+(?:the\s+)?$", re.I)


# A minister and "his Japanese counterpart": two sides.
_AND_COUNTERPART = re.compile(r"\band\s+(?:his|her)\s+(?:[A-Z][\w-]+\s+)?counterparts?\b")


# "The allies", "allied leaders" as the subject of a pledge: the members of the alliance the
# story is about, which acts for them.
_ALLIES = re.compile(
    r"^(?:the\s+)?(?:allies|allied\s+(?:leaders|governments|ministers|nations))\b", re.I
)
_ALLIANCES = {"NATO", "CSTO"}


def _alliance(r, by_place) -> list[str]:  # noqa: ANN001
    """The alliance named in the lead (first two sentences) of the story of sentence `r`, or in
    the sentence before it; none when it names none."""
    near = [by_place.get((r["doc_id"], i)) for i in (0, 1, r["sent_index"] - 1)]
    found = [a["actor"] for s in near if s for a in s["actors"] if a["actor"] in _ALLIANCES]
    return found[:1]


def _first_named(r, first: list[dict[str, Any]], cue_at: int, parties: list[str]) -> list[str]:  # noqa: ANN001
    """The pledger when no actor stands before the cue: the first actor the sentence names,
    unless it comes after the cue as the object of a preposition or a possessor ("Boeing agreed
    to pay for a stake in Embraer's business", "the coalition vowed to buy boats from Indonesian
    villages", "Barqi Tojik undertook to deliver ... to the northern provinces and Kabul",
    "agreed in 2004 to give Kazakhstan a launch complex"): what is pledged to, in or from one of
    the story's two parties is the other's
    pledge; nor one met, visited or written to before it ("After a meeting with Vietnam's
    ambassador, Sar Kheng agreed to"): the one who meets it pledges."""
    if not first:
        return []
    a = first[0]
    start = a["start"] - r["char_start"]
    if a["start"] > cue_at:
        aimed = _AIMED_AT.search(r["text"][:start]) or _POSSESSIVE.match(
            r["text"][start + len(a["text"]) :]
        )
    else:
        aimed = _MET_WITH.search(r["text"][:start])
    other = [p for p in parties[:2] if p != a["actor"]]
    return other[:1] if aimed and a["actor"] in parties[:2] and other else [a["actor"]]


def _story_pair(r, by_place, parties: list[str]) -> list[str]:  # noqa: ANN001
    """The parties a story's "the two governments" are: the first pair its sentences up to `r`
    join with "and" ("Angola hosted the leaders of Congo and Rwanda") among its three most named
    actors, or in its lead with one of its two main parties (Rwanda may be named there only),
    ahead of the rest; else its main parties (`parties`)."""
    for i in range(r["sent_index"] + 1):
        # after its lead, a story's "talks between Pyongyang and Washington" are others' affair
        pair = _joined_pair(by_place.get((r["doc_id"], i)), between=i < 2)
        if pair and (set(pair) <= set(parties[:3]) or (i < 2 and set(pair) & set(parties[:2]))):
            return pair + [p for p in parties if p not in pair]
    return parties


# A promise made, as a verb: "promised", "vows", "undertook".
_PROMISED_VERB = re.compile(
    r"(?:promis|pledg|assur|guarante)(?:ed|es)|vow(?:ed|s)|undert(?:ook|akes)", re.I
)
# The pledger of a promise whose maker the dictionary does not know ("The embassy", "Aung Kyaw
# Moe"): see `_unnamed_pledger`.
UNNAMED = ""
# A body of the capital named before it: "In Doha, the government vowed".
_CAPITAL_BODY = re.compile(
    r"^\s*In\s+[^,]+,\s+(?:the\s+)?(?:government|foreign ministry|ministry|authorities|officials|"
    r"cabinet|presidency|palace)\b",
    re.I,
)


def _unnamed_pledger(r, by_place, parties: list[str]) -> list[str]:  # noqa: ANN001
    """Who makes a promise whose maker the sentence names with no actor: the country of the
    capital in its opening phrase of place ("In Doha, the government vowed that"); else the one
    of the story's two parties the sentence does not name ("The embassy said ... and promised
    that the officer would leave Bolivia": the United States in a US-Bolivian story); else no
    one."""
    opening = _CAPITAL_BODY.match(r["text"])
    if opening:
        place = [
            a["actor"]
            for a in r["actors"]
            if a["kind"] == "capital" and a["start"] - r["char_start"] < opening.end()
        ]
        if place:
            return place[:1]
    pair = _story_pair(r, by_place, parties)[:2]
    named = {a["actor"] for a in r["actors"]}
    rest = [p for p in pair if p not in named]
    return rest if len(pair) == 2 and len(rest) == 1 else []


def _names_no_one(r, start: int, end: int) -> bool:  # noqa: ANN001
    return not any(start <= a["start"] - r["char_start"] < end for a in r["actors"])


_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)


def _joined_pair(r, between: bool = True) -> list[str]:  # noqa: ANN001
    """The first two different actors a sentence joins with "and" ("Presidents Bush and Putin";
    "Presidents Kagame of Rwanda and Museveni of Uganda signed ..., with Angola's Lourenco and
    Tshisekedi of Congo as facilitators": the signatories); with `between` false, not a pair
    after "between" ("the agreement between the European Union and Mexico")."""
    if r is None:
        return []
    named = [a for a in r["actors"] if a["kind"] != "modifier"]
    pairs = [
        (a["actor"], b["actor"])
        for a, b in zip(named, named[1:], strict=False)
        if a["actor"] != b["actor"]
        and r["text"][a["start"] - r["char_start"] + len(a["text"]) : b["start"] - r["char_start"]]
        == " and "
        and (between or not _BETWEEN.search(r["text"], 0, a["start"] - r["char_start"]))
    ]
    return list(pairs[0]) if pairs else []


def _joint_subject(r, a: dict[str, Any]) -> str | tuple[str, ...]:  # noqa: ANN001
    """The actor of a subject with those coordinated with it: "Russian and Turkish forces",
    "Russia and Turkey", "Saudi Arabia, the UAE and Bahrain" (one actor alone stays a string)."""
    text, offset = r["text"], r["char_start"]
    end = a["start"] + len(a["text"])
    joint, head = [], a
    for b in reversed([b for b in r["actors"] if b["start"] < a["start"]]):
        b_end = b["start"] + len(b["text"])
        # "Russian and Turkish forces" ends where "Turkish forces" does; "Russia and Turkey"
        gap = text[b_end - offset : head["start"] - offset].strip(" ,")
        if b_end != end and gap not in ("and", ""):
            break
        if b["actor"] != a["actor"]:
            joint.append(b["actor"])
        head = b
    return tuple(dict.fromkeys([*reversed(joint), a["actor"]])) if joint else a["actor"]


def _joint_speakers(r, m: re.Match[str]) -> tuple[str, ...]:  # noqa: ANN001
    """The coordinated subject right before a reporting verb, when there is one: "Colombia and
    Venezuela announced that ..." -> (COL, VEN)."""
    text, offset = r["text"], r["char_start"]
    before = [a for a in r["actors"]
              if a["kind"] != "modifier" and a["start"] - offset + len(a["text"]) <= m.start()]  # fmt: skip
    if not before:
        return ()
    last = before[-1]
    if text[last["start"] - offset + len(last["text"]) : m.start()].strip():
        return ()
    joint = _joint_subject(r, last)
    return joint if isinstance(joint, tuple) else ()


def _own_side(r, m: re.Match[str]) -> bool:  # noqa: ANN001
    """Whether the subject of a reported pledge is the speaker's own side: "Putin said Moscow
    would invite foreign attaches", "Trump said the United States would stop its war games",
    "Kiir announced that his forces would withdraw"."""
    text, offset = r["text"], r["char_start"]
    speakers = _speakers(r, m.start())
    subject = None
    for a in r["actors"]:
        start, end = a["start"] - offset, a["start"] - offset + len(a["text"])
        if m.start("verb") < start and end <= m.start("modal") and a["kind"] != "modifier":
            gap = text[end : m.start("modal")]
            subject = a["actor"] if _SUBJECT_GAP.match(gap) else None
    if speakers and subject is None and _OWN_PEOPLE.search(text, m.start("verb"), m.start("modal")):
        return True  # "Kiir announced that his forces would withdraw"
    if speakers and subject is None and _OWN_ENVOY.search(text, m.start("verb"), m.start("modal")):
        return True  # "Putin said that Ambassador Antonov would return": the speaker's envoy
    return bool(speakers) and subject == speakers[0]


# The speaker's own people as the subject of what is reported: "that his forces would withdraw",
# "its own ambassador would be back", "that its troops will leave".
_OWN_PEOPLE = re.compile(
    r"\b(?:that\s+)?(?:(?:his|her|its|their)\s+(?:own\s+)?(?:forces|troops|army|soldiers|units|"
    r"government|ambassador|envoy|diplomats|delegation|country|navy|air force)"
    rf"|{_OWN_GOVERNMENT})\s+$",
    re.I,
)


# An envoy named by title, the subject of what is reported: "that Ambassador Antonov would".
_OWN_ENVOY = re.compile(r"\bthat\s+(?:Ambassador|Envoy)\s+(?:[A-Z][\w'’-]+\s+){1,3}$")


_PLACE = re.compile(
    r"\b(?:in|at|near|into|across|through|over|toward|towards|against|from)\s+(?:the\s+)?$", re.I
)
_NOT_PLEDGER = re.compile(
    r"\b(?:in|at|into|with|to|from|for|on|near|across|through|over|against|toward|towards|by)\s+"
    r"(?:the\s+)?$",
    re.I,
)
# What a pledge is made to or imposed on: "sanctions on Iran", "aid to Ukraine".
_RECIPIENT = re.compile(r"\b(?:on|to|against|toward|towards|for)\s+(?:the\s+)?$", re.I)
_SPEAKER = re.compile(r"^\s+(?:said|says|told|announced|stated|declared)\b")
_SAID = re.compile(r"^\s+(?:said|says|told)\b")  # a speaker, not the doer of what is reported
# The agent of a participle that describes a noun, not the doer of the clause: "the zone
# controlled by Russian peacekeepers", "a post held by"; not a passive verb's ("was seized by").
_PARTICIPLE_AGENT = re.compile(
    r"\b(?!(?:is|are|was|were|be|been|being|has|have|had|not|never)\s)\w+\s+"
    r"(?:\w+ed|held|run|led|built|kept|won|taken|given|made|set)\s+by\s+(?:the\s+)?$",
    re.I,
)
# Between an actor and a cue of which it is the subject in a relative clause: ", which agreed".
_WHICH_DID = re.compile(r",?\s+(?:which|who)\s+(?:(?:has|had|have|also|then|later|once)\s+)*")


# A country's body as the subject right before a cue: "the US Department of Agriculture
# undertook", "the Nigeria Customs Service promised", "Russian negotiators also agreed", "Russian
# Deputy Prime Minister Arkady Dvorkovich promised" (up to six capitalised words).
_BODY_BEFORE_CUE = re.compile(
    r"(?:\s+[a-z-]+(?:\s+[a-z-]+)?|(?:\s+(?-i:[A-Z][a-z-]+)(?:\s+(?:for|of)(?=\s+(?-i:[A-Z])))?){1,6})"
    r"\s+(?:(?:also|has|have|had|then|now|later|jointly|formally)\s+)*"
)


# A possessor's body as the subject of a cue: "Brazil's Federal Police pledged", "Poland's grid
# operator PSE and".
_POSSESSED = (
    r"['’]s(?:\s+(?!(?:said|says|told|which|who|that|to|in|of|on|for|with|and)\b)[\w-]+,?){1,5}\s+"
)
_CUE_ADVERBS = re.compile(
    r"\s*(?:(?:also|has|have|had|then|now|later|jointly|formally|each|both)\s+)*"
)
_POSSESSED_TO_CUE = re.compile(_POSSESSED + _CUE_ADVERBS.pattern)
_POSSESSED_AND = re.compile(_POSSESSED + r"and\s+")


def _possessed_subject(r, a: dict[str, Any], cue_at: int) -> bool:  # noqa: ANN001
    """Whether actor `a`, a possessor, names the subject of the cue at `cue_at`: its possessed
    phrase runs to the cue, or to "and" and another such possessor or actor ("Paraguay's SENAD
    and Brazil's Federal Police pledged")."""
    text, offset = r["text"], r["char_start"]
    end = a["start"] - offset + len(a["text"])
    if re.match(r"(?:promise|pledge|vow|guarantee|commitment|undertaking|assurance)s?\b",
                text[cue_at - offset :], re.I):  # fmt: skip
        return False  # "Lukashenko's old promise that": a promise named, not made
    if _POSSESSED_TO_CUE.fullmatch(text, end, cue_at - offset):
        # not another actor's ("To secure Zagreb's consent, Belgrade undertook")
        return _names_no_one(r, end, cue_at - offset)
    nxt = next(
        (b for b in r["actors"] if b["start"] > a["start"] and b["kind"] != "modifier"), None
    )
    if nxt is None or nxt["start"] >= cue_at:
        return False
    return bool(_POSSESSED_AND.fullmatch(text, end, nxt["start"] - offset)) and (
        _CUE_ADVERBS.fullmatch(text, nxt["start"] - offset + len(nxt["text"]), cue_at - offset)
        is not None
        or _possessed_subject(r, nxt, cue_at)
    )


def _pledgers(r, cue_at: int, clause_start: int = 0) -> list[str]:  # noqa: ANN001
    """The actors named before a commitment cue that can be making it: not a modifier, a
    possessor ("Russia's entry"), the object of a preposition ("in Lisbon", "into the World Trade
    Organisation") or a speaker reporting someone else's pledge ("Obama said the United States
    ... pledged"). The subject of a relative clause holding the cue is the pledger whatever
    comes before it ("routes across Russia, which agreed last year to")."""
    text, offset = r["text"], r["char_start"]
    for a in r["actors"]:
        # "supply routes across Russia, which agreed last year to": the relative clause's subject
        end = a["start"] - offset + len(a["text"])
        if (
            a["kind"] != "modifier"
            and end <= cue_at - offset
            and _WHICH_DID.fullmatch(text[end : cue_at - offset])
        ):
            return [a["actor"]]
    found = []
    object_end = -1  # where the last object of a preposition ends
    last_end = -1  # where the last actor found ends
    for a in r["actors"]:
        start = a["start"] - offset
        after = text[start + len(a["text"]) :]
        if (
            a["kind"] == "modifier"
            and clause_start <= start < cue_at - offset
            and _BODY_BEFORE_CUE.fullmatch(text, start + len(a["text"]), cue_at - offset)
            and not _NOT_PLEDGER.search(text[:start])
        ):
            # "the US Department of Agriculture undertook to": the body of that country
            found.append((a["actor"], False))
            continue
        if a["kind"] == "modifier" or a["start"] >= cue_at:
            continue
        if _POSSESSIVE.match(after):
            if start >= clause_start and _possessed_subject(r, a, cue_at):
                # "Paraguay's anti-drug secretariat, SENAD, and Brazil's Federal Police pledged
                # to": each country's body makes the pledge
                found.append((a["actor"], False))
            continue
        if start < clause_start:
            continue  # "Iran will stop ...; in return the six agreed": not Iran
        # "relations with both Ecuador and Venezuela": both are the preposition's objects
        if _NOT_PLEDGER.search(text[:start]) or (
            object_end >= 0 and re.fullmatch(r"\s+(?:and|or)\s+", text[object_end:start])
        ):
            object_end = start + len(a["text"])
            continue
        speaker = bool(_SPEAKER.match(after))
        if (
            speaker
            and found
            and _THEY_SAID.match(after)
            and re.fullmatch(r"\s+and\s+", text[last_end:start])
        ):
            # "The armies of India and Pakistan said that they had agreed to": both pledge
            found = [(f, False) for f, _ in found]
            speaker = False
        found.append((a["actor"], speaker))
        last_end = start + len(a["text"])
    pledgers = [a for a, speaker in found if not speaker]
    return pledgers or [a for a, _ in found]


# Two joined speakers who report their own joint pledge: "India and Pakistan said on Thursday
# that they had agreed to".
_THEY_SAID = re.compile(
    r"\s+(?:said|says|announced|stated|declared)\b[^.;]{0,40}?\s(?:that\s+)?they\b", re.I
)


def _counterpart(
    committer: str, committers: Sequence[str], r, parties: Sequence[str]
) -> str | None:  # noqa: ANN001
    """Whom a commitment is made to: another party bound by it; else one of the document's two
    main parties that the sentence names, even in passing ("4,500 US military flights"); else
    the first other actor the sentence names; else the other of the document's two main parties
    ("Russia pledged to seek prompt ratification" in a story on a US-Russian summit)."""
    others = [a["actor"] for a in r["actors"] if a["actor"] != committer]
    main = [a for a in others if a in parties[:2]]
    named = [a["actor"] for a in r["actors"] if a["kind"] != "modifier" and a["actor"] != committer]
    story = [p for p in parties[:2] if p != committer]
    return next(iter([p for p in committers if p != committer] + main + named + story), None)


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


def _issue_words(taxonomy: Taxonomy, issues: Sequence[str]) -> set[str]:
    """The words of the cues of `issues`: sharing "trade" says no more than sharing the issue."""
    return {
        w
        for i in issues
        if i in taxonomy.issues
        for c in taxonomy.issues[i].cues
        for w in c.lower().split()
    }


def _history(
    r,
    own,
    sentences,
    names,
    passage_issues,
    issue_words,
    act=None,
    negative=False,
    refused=None,
    joint=(),
    keys=(),
    standing=False,
    clause=(0, 0),
    enabler=(),
    pledgers=(),
    instruments=(),
    parse=None,
    things=frozenset(),
    leaving=False,
) -> list[tuple[StatusReport, set[str], bool, bool]]:  # noqa: ANN001
    """Later reports on the pledge at `own` (its words) of sentence `r`: the status reports (see
    `_statuses`) of sentences of later documents linked to it (for a `standing` rule, also of its
    own story, and of its own sentence outside `clause`), each with the actors it is about,
    whether the link is direct and whether it is by name.

    A sentence is linked directly when it repeats a distinctive name of the pledge's passage
    ("New START", "Ulyanovsk"), two of its `keys`, or one of its amounts and one key ("the
    promised 200" ventilators); through its document when the document's lead links directly and
    the sentence raises no issue foreign to the passage ("Russia had kept its word on transit");
    through its issue when it shares an issue of the passage and a key that is not a cue of that
    issue ("trade" alone does not tie suspended trade talks to a pledge to lift a trade law).
    Without two shared keys, a report counts only when its cue bears on the pledge (see
    `_bears_on`): "suspending its participation in New START", not "inspections under New START
    remain paused" for the treaty's warhead limits.
    A sentence about another instrument than the pledge's (the `instruments` of its passage and
    story lead, see `_instruments`, against those the sentence or its own lead names) is no report
    on it, however many words it shares: the INF Treaty's breaches are not New START's.

    A linked sentence that tells the pledged `act` as done (see `_act_done`) reports it fulfilled,
    or breached for a pledge of restraint (`negative`); not when the act is only named ("the
    duties it lifted in May", "1,550 deployed warheads"). The act is done by all the `joint`
    parties when the sentence names them all, by the `enabler` of an act it let another side do
    ("the trains carried NATO supplies"), and by the `pledgers` the sentence names when no one
    else is its subject. A limit of the pledge ("no more than 3.67 percent") passed in a linked
    sentence ("beyond the 3.67 percent limit") is a breach."""
    made = r["doc_date"]
    if made is None:
        return []
    later = [
        s
        for s in sentences
        if s["doc_date"] is not None
        and (s["doc_date"] > made or (standing and s["doc_id"] == r["doc_id"]))
    ]
    if not standing:
        # the pledge's own story, after it: a retrospective may tell the act done in its next
        # breath ("the United States undertook to lift the sanctions ... Trump lifted the
        # sanctions the next day"); there only the pledged thing told done counts (see
        # `_retold`), not a status word, another word for the act or a refusal, and not in a
        # sentence that looks back before the pledge ("had", "earlier")
        story = [dict(s, reports=[], same_story=True) for s in sentences
                 if s["doc_id"] == r["doc_id"] and s["sent_index"] > r["sent_index"]
                 and not _LOOKS_BACK.search(s["text"])]  # fmt: skip
        later = story + later
    by_name = (
        re.compile(
            r"\b(?:" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")\b"
        )
        if names
        else None
    )
    keys, issues = set(keys) or r["keys"], set(r["issues"])
    due = deadline(r["text"][own[0] : own[1]], made)
    numbers = [f"{a:,}" for a, _ in _amounts(r["text"]) if isinstance(a, int) and a >= 10]
    # an amount as written: "$3 million" is 3,000,000 to `quantity`, "3 million" to a reporter
    numbers += re.findall(r"\d[\d,.]*\s+(?:million|billion|trillion)\b", r["text"])
    # a limit ("no more than 3.67 percent", "below 300 kilograms") is broken when a later report
    # puts the pledger past it ("passed the 300-kilogram cap", "above the 3.67 percent ceiling")
    own_words = r["text"][own[0] : own[1]]
    leaving = leaving and not negative
    limits = [f"{a:,}" if isinstance(a, int) else str(a) for a, _ in _amounts(own_words)]
    past_limit = (
        re.compile(_PAST_LIMIT + "(?:" + "|".join(map(re.escape, limits)) + r")(?![\d,])", re.I)
        if limits and _LIMIT.search(own_words)
        else None
    )
    by_amount = (
        re.compile(r"(?<![\d,.])(?:" + "|".join(map(re.escape, numbers)) + r")(?![\d,])")
        if numbers
        else None
    )
    named = [bool(by_name and by_name.search(s["text"])) for s in later]
    # the actors the pledge's own words name by an adjective on what it acts on ("release 25
    # Egyptian prisoners"): a later report that names them so does not tell of their deed
    objects = {
        a["actor"]
        for a in r["actors"]
        if own[0] <= a["start"] - r["char_start"] < own[1]
        and a["kind"] == "adjective"
        and a["actor"] not in pledgers
    }
    direct = [
        by_name_ok
        or len(keys & s["keys"]) >= 2
        or bool(by_amount and keys & s["keys"] and by_amount.search(s["text"]))
        for s, by_name_ok in zip(later, named, strict=True)
    ]
    # A story is about what its lead (first two sentences) names: a retrospective that mentions
    # the treaty in passing does not carry its other sentences over to it.
    docs = {s["doc_id"] for s, d in zip(later, direct, strict=True) if d and s["sent_index"] < 2}
    history = []
    for s, is_direct, is_named in zip(later, direct, named, strict=True):
        done = act.search(s["text"]) if act and not s.get("same_story") else None
        # "the mission was never deployed", "the fighters never left": the act will not be done
        never = (
            done
            if done
            and not negative
            # "never arrived", "the contingents promised a year ago never arrived"
            and (
                _NEVER.search(s["text"][: done.start()])
                or re.search(r"\bnever\s+\w+$", done.group(0), re.I)
            )
            and not _conditional(s["text"], done.start())
            else None
        )
        if (
            done
            and (
                not _asserted(s["text"], done.start())
                or _conditional(s["text"], done.start())  # "if the bridge was completed"
                or _RELATIVE.search(s["text"][: done.start()])
                or _PLEDGED_BEFORE.search(s["text"][: done.start()])  # "it had promised to set up"
                # "the deployed warheads"; not a thing told first ("the million euros ...
                # reached")
                or (
                    _ADJECTIVAL.search(s["text"][: done.start()])
                    and not _THING_FIRST.match(done.group(0))
                )
            )
        ):
            done = None
        if never:
            done = None  # told as never done, not as done
        if done and _other_amount(done.group(0), own_words):
            done = None  # "the million euros ... reached" is not the 300,000 euros pledged
        over = past_limit.search(s["text"]) if past_limit else None
        if over:
            done = None  # "licensed more than 40 trawlers, past the 40 allowed": no fulfilment
        overdue = due is not None and s["doc_date"].isoformat() > _last_day(due)
        # what a pledge to withdraw or remove was to take away, told still there after its
        # deadline (or with none set): "the soldiers have not budged", "the statue still stands"
        stayed = (
            _STAYED.search(s["text"])
            if leaving and not s.get("same_story") and (due is None or overdue) and not done
            else None
        )
        if stayed and (
            _conditional(s["text"], stayed.start()) or _NOT_YET.search(s["text"][: stayed.start()])
        ):
            stayed = None
        # the pledged thing told undone where the sentence names it as promised: "the boats
        # promised in 2017 never came"; not yet done only once the deadline has passed
        undone = None if negative or s.get("same_story") else s["undone"]
        if undone and (
            _conditional(s["text"], undone.start(1))
            # "the meetings agreed in 2019 have never resumed": still paused, not broken
            or _RESUMED.search(undone[1])
            or not (
                _SURELY_UNDONE.match(undone[1])
                or overdue
                or (due is None and not re.search(r"\byet\b", undone[1], re.I))
            )
        ):
            undone = None
        # "the army refused to let the team in" for "agreed to let observers work"
        no = (
            refused.search(s["text"])
            if refused and not negative and not s.get("same_story")
            else None
        )
        if no and _conditional(s["text"], no.start()):
            no = None
        named_pledgers = set(pledgers) & {a["actor"] for a in s["actors"]}
        # told as done in other words, in a sentence sharing two key words with the pledge, or
        # one or an amount when it names a pledger ("the new ambassadors, ... Plasencia for
        # Venezuela, arrived"; "the 1 billion yen promised by Japan reached the account")
        shared = keys & s["keys"]
        amount = bool(by_amount and by_amount.search(s["text"]))
        retold = (
            _retold(s, things, parse, () if enabler else pledgers, objects, own_words)
            if parse
            and things
            and not negative
            and (len(shared) >= 2 or ((shared or amount) and named_pledgers))
            and not (s["reports"] or over or never or no)
            else None
        )
        if (
            not s["reports"]
            and not done
            and not over
            and not never
            and not no
            and not retold
            and not stayed
            and not undone
        ):
            continue
        if _another_instrument(instruments, s["about_instruments"]):
            continue  # about another instrument: the INF Treaty's breaches are not New START's
        same_issue = bool((issues | passage_issues) & set(s["issues"]))
        by_doc = s["doc_id"] in docs and set(s["issues"]) <= passage_issues
        by_issue = same_issue and bool((keys & s["keys"]) - issue_words)
        # the act told as done, on a thing the pledge names, by a pledger the sentence names:
        # "American beef, shut out of China for fourteen years, has been on sale there since June"
        by_act = (
            bool(done)
            and s["text"][done.start() - 1 : done.start()] != "-"  # not "ground-launched"
            and bool(named_pledgers)
            # a key near the act, or the thing the act told begins with ("the ambassador ...
            # returned")
            and (_key_near(s["text"], done, keys) or bool(_TOLD_THING.match(done.group(0))))
        )
        # the act refused by a pledger the sentence names
        by_refusal = bool(no) and bool(named_pledgers)
        # a deadline of the pledge passed, in a sentence sharing a key word with it: "October
        # came and went with the span still unfinished" for "undertook to finish the bridge
        # within a year"
        lapsed = [rep for rep in s["reports"] if _lapse(rep[1])] if due else []
        by_deadline = bool(lapsed) and bool(shared)
        if not (is_direct or by_doc or by_issue or by_act or by_refusal or retold or by_deadline):
            continue
        if done and not (is_direct or s["doc_id"] in docs or by_issue or by_act):
            done = None
        if never and not _key_near(s["text"], never, keys):
            never = None  # a thing the pledge names must stand near the act never done
        if stayed and not _key_near(s["text"], stayed, keys):
            stayed = None
        if undone and not _promised_thing(s, undone, keys, pledgers):
            undone = None
        if undone:
            done = None  # told undone as promised, whatever else the sentence tells done
        # linked by the act alone, a sentence tells only that act
        reports = list(s["reports"]) if is_direct or by_doc or by_issue else []
        if s is r:  # a standing rule's own sentence: only what it says outside the rule's clause
            reports = [
                (st, cue, ab) for st, cue, ab in reports if not _within(s["text"], cue, clause)
            ]
        if len(keys & s["keys"]) < 2:
            # a report found through the name, the document or the issue must bear on it; one
            # about a pledge as such ("failed to live up to its commitments") only in its story
            own_story = is_direct or by_doc
            reports = [
                (status, cue, about)
                for status, cue, about in reports
                if _bears_on(s["text"], cue, by_name, keys, own_story)
                and not _on_another_thing(s["text"], cue, keys, by_name, parse)
            ]
        # a state that dates from before the pledge is no later report on it: "the reunion
        # centre has been frozen since 2010" for a pledge of 2018
        # (a treaty's standing rule may be told long after it was made)
        if not standing:
            reports = [(st, cue, ab) for st, cue, ab in reports
                       if not _since_before(s["text"], cue, made)]  # fmt: skip
        # a cue in a relative clause is about the noun before it: "the hotline foreseen under
        # the communication mechanism, which began operating last year, has still not been
        # installed" is no report that the hotline works
        reports = [(st, cue, ab) for st, cue, ab in reports if _about_pledge(s["text"], cue, keys)]
        # a deadline passed: no `_bears_on` needed; about the pledgers the sentence names, else
        # every pledger
        kept = {cue for _, cue, _ in reports}
        lapse_about = _lapse_about(s["text"], set(pledgers), named_pledgers)
        passed = [(st, cue, lapse_about(set())) for st, cue, _ in lapsed if cue not in kept]
        # a deadline of the pledge's own story passed ("the 2019 start passed without ground
        # being broken"): about the pledgers, not about no one
        if len(shared) >= 2:
            reports = [(st, cue, lapse_about(ab) if _lapse(cue) else ab)
                       for st, cue, ab in reports]  # fmt: skip
        reports += passed
        if undone:
            reports = [(st, cue, ab) for st, cue, ab in reports if st != "fulfilled"]
            # a breach, unless the sentence tells a pause ("has not moved beyond studies ...
            # while the dialogue is suspended")
            if not any(st == "suspended" for st, _, _ in reports):
                reports.append(("breached", undone[1], lapse_about(set())))
        if over and not _negated(s["text"], over.start()):
            reports.append(("breached", over.group(0), _about(s, over.start(), over.end())))
        if never:
            about = _about(s, never.start(), never.end())
            told = never.group(0)
            reports.append(
                ("breached", told if "never" in told.lower() else f"never {told}", about)
            )
        if stayed:
            about = _about(s, stayed.start(), stayed.end())
            reports.append(("breached", stayed.group(0), about))
        if no:  # refused by the pledger the sentence names ("Estonian guards refused to let")
            reports.append(
                ("breached", no.group(0), named_pledgers or _about(s, no.start(), no.end()))
            )
        # about the pledgers it names, else (linked directly) every pledger
        if retold and not done and not undone:
            reports.append(("fulfilled", f"{RETOLD}{retold}", named_pledgers))
        done_as = "breached" if negative else "fulfilled"
        if negative and done and _NONE_DONE.match(s["text"], done.end()):
            done_as = "fulfilled"  # "has bought no Belarusian power": the restraint kept
        if done and not any(status == done_as for status, _, _ in reports):
            about = _about(s, done.start(), done.end())
            if joint and joint <= {a["actor"] for a in s["actors"]}:
                about = set(joint)  # "NATO leaders and Putin signed ..., creating the council"
            if enabler:
                about = set(enabler)  # "trains have carried NATO supplies": Russia let them
            elif about == {NOBODY}:  # "Lord Robertson opened NATO's office": the pledger's act
                about = {a["actor"] for a in s["actors"] if a["actor"] in pledgers} or (
                    set(pledgers) if is_direct and pledgers else about  # "were turned over"
                )
            elif pledgers and about and about <= objects:
                about = set(pledgers)  # "the 25 Egyptian prisoners were released": Israel's act
            elif done.group(0).lower().startswith("received") and named_pledgers:
                about = named_pledgers  # "the ministry received the money from Israel": paid
            reports.append((done_as, done.group(0), about))
        # an act told done in part, short of what was pledged, is no fulfilment: "reached about
        # 250,000 tonnes, well short of the quota" is its breach; "three of the five squadrons
        # have arrived" too once its deadline has passed, before that it is still open
        short = None if negative else _SHORTFALL.search(s["text"]) or _PART_DONE.search(s["text"])
        short_as = "pending" if short and short.re is _PART_DONE and not overdue else "breached"
        for status, cue, about in reports:
            if status == "fulfilled" and short:
                status, cue = short_as, f"{cue} ({short.group(0)})"
            report = StatusReport(status, s["doc_date"].isoformat(), s["doc_id"], s["text"], cue)
            if status == "fulfilled" and pledgers and about and about <= objects:
                # "the visit by German lawmakers ... passed off": the pledge's own object named,
                # the pledger's act (Turkey let them visit)
                about = set(pledgers)
            if (
                about == {NOBODY}
                and status == "fulfilled"
                and is_direct
                and _subject_keys(s, cue) & keys
            ):
                # "the joint permanent commission met in Luanda as planned": what the pledge
                # named, done, with no one else as its doer
                about = set(pledgers)
            # "both countries had made good on": every party, however the sentence is linked
            every = not about and bool(_EACH_SIDE.search(s["text"]))
            history.append((report, about, is_direct or every or bool(passed), is_named))
    return history


# A pledge kept in part only, told as falling short: "well short of the quota", "fell far short
# of", "only a fraction of the sums", "risen only modestly".
_SHORTFALL = re.compile(
    r"\bshort of\b|\bfell\s+(?:\w+\s+)?short\b|\bonly (?:a fraction|part|a few|a handful|"
    r"modestly|slightly|half)\b",
    re.I,
)
# ... or as a count of what is done so far: "three of the five squadrons", "54 of the 68 barriers".
_COUNT = r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d[\d,]*)"
_PART_DONE = re.compile(rf"\b{_COUNT} of the {_COUNT}\b", re.I)
# A sentence of the pledge's own story that looks back before it: "Peru previously reopened".
_LOOKS_BACK = re.compile(r"\b(?:had|earlier|previously|before|once)\b", re.I)
# Status cues that tell a deadline passed with the act undone.
_LAPSED = {"came and went", "passed without", "passed with no", "went by without", "deadline passed",
           "deadline lapsed", "deadline expired", "missed the deadline", "deadline was missed",
           "went unmet", "deadline ran out"}  # fmt: skip
# A deadline told as run out, its subject between: "the two-year deadline they set for the
# Danube border ran out"; a status cue of its own when it stands in one clause.
_DEADLINE_RAN = re.compile(
    r"deadlines?\b[^.;:,]{0,80}?\b(?:ran out|runs out|expired|lapsed|passed)$", re.I
)


def _lapse_about(text: str, pledgers: set[str], named: set[str]) -> Callable[[set[str]], set[str]]:
    """Whom a deadline told passed in `text` is about, given whom its status cue names: every
    pledger when the sentence names the pair ("the deadline for the two presidents to meet
    passed without a meeting"); else the pledgers the cue or the sentence names; else every
    pledger, not another actor the sentence names ("Greek officials noted that the deadline had
    passed without the new textbooks")."""
    pair = bool(_TWO_OF.search(text))

    def about(cued: set[str]) -> set[str]:
        if pair:
            return set(pledgers)
        return cued if cued & pledgers else (named or set(pledgers))

    return about


def _lapse(cue: str) -> bool:
    """Whether a status cue tells a deadline passed with the act undone."""
    return cue.lower() in _LAPSED or bool(_DEADLINE_RAN.match(cue))


# The cue of a fulfilment told in other words (see `_retold`): weaker than a status word.
RETOLD = "told as done: "
# Words of a part of a sentence that tell of something not (yet) done: the future, a pledge made
# ("agreed to", but not "the money France promised in 2013"), a condition, a demand, a failure.
_NOT_DONE_YET = re.compile(
    r"\b(?:will|would|shall|could|might|(?-i:may)|must|should|is to|are to|was to|were to|plans?|"
    r"planned|expected|hopes?|hoped|intends?|wants?|wanted|(?:promised|pledged|vowed|agreed|"
    r"undertook|committed)(?=\s+(?:to|that|on|in principle)\b)|demand\w*|urged?|urging|"
    r"called for|asked|not|never|no|nothing|none|barely|hardly|little|yet|failed|refused|if|"
    r"unless|once|until|without|still|awaits?|awaiting|pending|before|supposed|proposed|"
    r"proposal|offered|suggested)\b",
    re.I,
)
# "without interruption": done all along, not a failure
_UNBROKEN = re.compile(r"\bwithout (?:an? )?(?:interruption|break|pause|hitch|delay|fail)\b", re.I)
# What a story tells of talk, meetings and quarrels, not of a pledged act done (lemmas).
_NOT_THE_ACT = {"say", "tell", "call", "announce", "add", "state", "note", "insist", "argue",
                "accuse", "warn", "protest", "regret", "meet", "sign", "watch", "base", "depend",
                "end", "kill", "fire", "order", "offer", "receive", "name", "report", "claim",
                "welcome", "praise", "visit", "be", "have", "do", "propose", "present", "show",
                "seem", "appear", "describe", "confirm", "deny", "allege", "expect", "make",
                "agree", "promise", "pledge", "vow", "undertake", "commit", "guarantee",
                "assure", "decide", "plan", "want", "try", "seek", "urge", "ask", "demand",
                "discuss", "talk", "negotiate", "debate", "consider", "recognise", "recognize",
                "see", "set", "invite", "involve", "remain", "stay", "live", "hope", "fear",
                "mean", "stand", "lack"}  # fmt: skip
_PARTS = re.compile(
    r"[;:]|,\s+(?:and|but|while|whereas|although|though|which|where|when|after)\b|\s+but\s+"
    # a participle clause after a comma: "left the country on Friday, completing a withdrawal"
    r"|,\s+(?-i:[a-z]+ing)\b",
    re.I,
)
_MODAL = {"will", "would", "shall", "may", "might", "could", "should", "must", "can"}


def _parser(store: Store):  # noqa: ANN202
    """The parse of a sentence by the pipeline most of the store's documents were read with
    (or the default one), for the few sentences whose verbs decide a commitment's fate; None
    when no pipeline is installed."""
    rows = store.query(
        "SELECT model, count(*) AS n FROM documents WHERE model IS NOT NULL GROUP BY model "
        "ORDER BY n DESC LIMIT 1"
    )
    try:
        nlp = load_pipeline(rows[0]["model"] if rows else None)
    except ModelNotFound:
        try:
            nlp = load_pipeline(None)
        except ModelNotFound:
            return None
    skip = [name for name in ("ner",) if name in nlp.pipe_names]  # names are not needed here
    return cache(lambda text: nlp(text, disable=skip))


_VAGUE_THINGS = {"side", "country", "government", "year", "month", "week", "day", "time", "way",
                 "part", "number", "official", "minister", "leader", "people", "step", "end",
                 "start", "view", "order", "place", "term", "basis", "matter", "issue", "area",
                 "treaty", "agreement", "deal", "accord", "pact", "convention", "thing",
                 "force", "work", "effort", "cooperation", "relation", "tie"}  # fmt: skip
_ARGS = ("nsubj", "nsubjpass", "dobj")
# A verb that modifies a noun: "the units sent to the line", "deployed warheads"; a relative
# clause ("systems Moscow handed over") still tells what was done.
_ADJUNCT = ("amod", "acl", "compound")
_MODIFIERS = ("relcl", *_ADJUNCT)
# One name for things a later report calls otherwise: "troops" pledged, "soldiers" withdrawn.
_SAME_THING = {"soldier": "troop", "unit": "troop", "personnel": "troop", "contingent": "troop",
               "peacekeeper": "troop", "battalion": "troop",
               "envoy": "ambassador", "lorry": "truck", "ship": "vessel",
               "boat": "vessel", "fund": "money", "funding": "money", "loan": "money",
               "credit": "money", "aid": "money", "ceasefire": "truce", "prisoner": "detainee",
               "captive": "detainee", "hostage": "detainee", "fee": "charge", "levy": "duty"}  # fmt: skip


# The words that may name each thing in a text ("troop": troop, soldier, unit, personnel).
_NAMED_AS = {
    thing: (thing, *(w for w, same in _SAME_THING.items() if same == thing))
    for thing in set(_SAME_THING.values())
}


# Verbs whose thing follows "for": "pay for a line", "search for the remains".
_FOR_WHAT = {"pay", "search", "compensate", "account"}


def _heads(tok, subject: bool = True) -> set[str]:  # noqa: ANN001
    """The common nouns a verb acts on or is done by (lemmas), through "of" ("88 of the
    soldiers", "a team of experts") and "and" ("soldiers and police"); its subject's only when
    `subject`."""
    out: set[str] = set()
    todo = [c for c in tok.children if c.dep_ in (_ARGS if subject else ("nsubjpass", "dobj"))]
    if tok.lemma_.lower() in _FOR_WHAT:  # "pay for a transmission line"
        todo += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "for"
                 for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    if tok.dep_ == "relcl":  # "the Iskander-M systems Moscow handed over"
        todo.append(tok.head)
    while todo:
        w = todo.pop()
        if w.pos_ == "NOUN":
            lemma = w.lemma_.lower()
            out.add(_SAME_THING.get(lemma, lemma))
        todo += [c for c in w.children if c.dep_ == "conj"]
        todo += [g for c in w.children if c.dep_ == "prep" and c.lower_ == "of"
                 for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        if w.lemma_.lower() in _CHANGE:  # "adopted the 10% cut in its external tariff"
            todo += [g for c in w.children if c.dep_ == "prep" and c.lower_ in ("in", "to", "on")
                     for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    return out - _VAGUE_THINGS


# A change named as a thing: what it changes is what the verb acts on.
_CHANGE = {"cut", "reduction", "increase", "rise", "hike", "lowering", "raise", "extension",
           "expansion", "change", "amendment", "adjustment"}  # fmt: skip


def _things(text: str, start: int, end: int, parse) -> frozenset[str]:  # noqa: ANN001
    """What a pledge's own words promise to act on: the nouns its verbs take as object or
    subject ("file a counter-claim", "send more soldiers and police", "the railway would open")."""
    if not parse:
        return frozenset()
    return frozenset(
        n
        for tok in parse(text)
        # the pledged acts, not what a clause inside their object tells ("against the missiles
        # that Iran already has")
        if start <= tok.idx < end and tok.pos_ == "VERB" and tok.dep_ not in _MODIFIERS
        # not who pledges ("the allies agreed to"), only what the pledged acts are about
        for n in _heads(tok, subject=tok.lemma_.lower() not in _NOT_THE_ACT)
    )


def _retold(  # noqa: ANN001
    s, things: frozenset[str], parse, pledgers=frozenset(), objects=frozenset(), pledged=""
) -> str | None:
    """A later sentence that tells what the pledge promised as done, in other words: a verb it
    tells in the past or the perfect, as a finite verb and not a modifier, not negated nor
    under a modal, whose subject or object names a thing the pledge names ("forensic experts
    have identified 88 of the soldiers buried in unmarked graves" for a pledge to have the
    soldiers identified; not "the warheads left on Ukrainian soil are being shipped"); and that
    part of the sentence says nothing of the future, a condition, a demand, a failure or a
    quarrel. A verb that undoes what was pledged is no such telling ("expelled the ambassador"
    for a pledge to send the ambassadors back), unless the pledge itself says it ("close")."""
    text = s["text"]
    lowered = text.lower()
    pledged = pledged.lower()
    # the stem, for plurals the lemma is not part of ("lorry", "lorries"; "fisherman", "fishermen")
    stems = {w[: max(3, len(w) - 3)] for thing in things for w in _NAMED_AS.get(thing, (thing,))}
    if not any(stem in lowered for stem in stems):
        return None  # no word for a thing of the pledge: nothing to parse
    bounds = [0] + [b for m in _PARTS.finditer(text) for b in (m.start(), m.end())] + [len(text)]
    # signs of a quarrel, but not the pledge's own words ("the early-warning mechanism")
    against = [
        c.lower()
        for k, c in (st.split(":", 1) for st in s["stances"] if ":" in st)
        if k in ("apart", "reversed", "tone_down") and c.lower() not in pledged
    ]
    doc = parse(text)
    if _REMOVING.search(pledged):
        # a thing pledged away, told gone: "sweets now enter Tanzania without the 25 percent
        # duty" for a pledge to scrap the duty
        for tok in doc:
            # "phones no longer carry roaming fees" for a pledge to abolish roaming charges
            if (
                tok.pos_ == "VERB"
                and any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children)
                        for c in tok.children)
                and not {c.lower_ for c in tok.children if c.dep_ == "aux"} & _MODAL
                and _heads(tok, subject=False) & things
                and not any(c in lowered for c in against)
            ):  # fmt: skip
                return f"no longer {tok.text}"
            verb = tok.head
            if (
                tok.lower_ == "without"
                # a verb, or a clause's head the small parser calls a noun ("sugar now crosses")
                and (verb.pos_ in ("VERB", "AUX") or verb.dep_ in ("ROOT", "ccomp"))
                and not any(c.dep_ == "neg" for c in verb.children)
                and not {c.lower_ for c in verb.children if c.dep_ == "aux"} & _MODAL
                and any(
                    c.dep_ == "pobj"
                    and _SAME_THING.get(c.lemma_.lower(), c.lemma_.lower()) in things
                    for c in tok.children
                )
                # nothing else in it of the future, a condition or a failure
                and not _NOT_DONE_YET.search(text[: tok.idx] + text[tok.idx + len(tok) :])
                and not any(c in lowered for c in against)
            ):
                return f"without {next(c.text for c in tok.children if c.dep_ == 'pobj')}"
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in _NOT_THE_ACT:
            continue
        if tok.lemma_.lower() in _UNDOING and tok.lemma_.lower()[:4] not in pledged:
            continue
        auxes = {c.lower_ for c in tok.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "neg" or _no_one(c) for c in tok.children) or auxes & _MODAL:
            continue  # "has not sent", "neither has sent", "no ambassador was sent"
        if tok.dep_ in _ADJUNCT:
            continue  # "deployed warheads", "the units sent to the line"
        finite = tok.tag_ == "VBD"
        # "have identified", "were handed over", "have been rolling across", not "was making"
        perfect = (tok.tag_ == "VBN" and bool(auxes & {"has", "have", "had", "was", "were"})) or (
            tok.tag_ == "VBG" and "been" in auxes and bool(auxes & {"has", "have", "had"})
        )
        if not (finite or perfect) or tok.lower_.startswith("un"):
            continue
        at, end = tok.idx, tok.idx + len(tok)
        a = max(b for b in bounds if b <= at)
        part = _UNBROKEN.sub("", text[a : min(b for b in bounds if b >= end)])
        if _NOT_DONE_YET.search(part) or any(c in part.lower() for c in against):
            continue
        heads = _heads(tok)
        if tok.lemma_.lower() in _ASPECTUAL and not _STOPPING.search(pledged):
            # "the line began carrying 100 megawatts of power"; not what is begun being made
            # ("began producing electricity"), nor for a pledge to stop ("had begun enriching")
            heads |= {h for c in tok.children if c.dep_ == "xcomp"
                      and c.lemma_.lower() not in _MAKING for h in _heads(c, False)}  # fmt: skip
        if heads & things and not _done_by_another(s, tok, pledgers, objects):
            return tok.text
    return None


def _last_day(due: str) -> str:
    """The last day of a deadline written as a year or a month ("2025", "2025-06")."""
    return {4: f"{due}-12-31", 7: f"{due}-31"}.get(len(due), due)


# A pledge to take a thing away from where it stands: "will withdraw", "to pull back".
_LEAVING = re.compile(
    r"(?:\S+(?:\s+\S+){0,5}?\s+)?(?:to|will|would|shall)\s+(?:\w+\s+)?"
    r"(?:withdraw|pull(?:ed|ing|s)? (?:out|back)|leave|leaving|remove|evacuate|dismantle|relocate|"
    r"vacate)\w*",
    re.I,
)
# What was to be taken away, told still there: "the troops remain", "have not budged", "still
# stands", "never left", "stayed on past the deadline".
_STAYED = re.compile(
    r"\b(?:(?:remains?|remained)(?=\s+(?:in|on|at|inside|there|stationed|deployed|behind)\b|\s*[.;])|"
    r"still\s+(?:there|stands?|stood|flies|fly|in\s+place)|"
    r"(?:has|have|had)\s+not\s+budged|stayed\s+on|never\s+left|"
    r"(?:are|is|were|was)\s+still\s+(?:there|in|on|at|stationed|deployed|based))\b",
    re.I,
)
# The pledged thing named as promised and told undone in the same clause: "the technical
# commission announced in 2022 has never met", "the road bridge Bucharest said would open in 2022
# has not left the design stage", "a promised carbon credit agreement has missed its target",
# "the revolving account Pakistan was supposed to open still does not exist". Group 1 is the
# denial. Between the two no other clause ("announced for last autumn was put off in July and
# has not been rescheduled"), and the denial is not what was promised ("vowed that Georgia would
# never use").
_PROMISED_UNDONE = re.compile(
    r"\b(?:promised|pledged|announced|vowed|undertaken|agreed|offered|"
    r"(?:was|were)\s+(?:supposed|meant)\s+to|(?:said|says)\s+(?:it\s+|they\s+)?would)\b"
    r"(?:(?! and | but )[^.;:!?,]){0,80}?(?<!would )(?<!will )(?<!shall )(?<!to )"
    r"\b((?:has|have|had)\s+(?:still\s+)?(?:not|never)\s+(?:yet\s+)?[a-z]+|"
    r"(?:has|have|had)\s+(?:missed|yet\s+to\s+[a-z]+)|never\s+[a-z]+|"
    r"still\s+(?:does|do)\s+not\s+[a-z]+)\b",
    re.I,
)
# A denial that is always a breach, whatever the deadline ("has not opened" is one only once the
# deadline has passed or with none set, "has not yet opened" only once it has passed).
_SURELY_UNDONE = re.compile(r"never|ha(?:s|ve|d)\s+(?:missed|(?:still\s+)?never)", re.I)
# A denial of a resumption: "the meetings agreed in 2019 have never resumed" tells them paused.
_RESUMED = re.compile(r"\bre(?:sum|start|schedul|open|conven)\w*$", re.I)
# Words that do not tell one promised thing from another: "a joint patrol unit" is not "a joint
# trade desk".
_ANY_THING = {"joint", "bilateral"}
# Pledged acts that take a thing away: what is later told "without" it is done.
_REMOVING = re.compile(r"\b(?:scrap|remove|lift|abolish|drop|eliminate|waive|end|axe)\w*\b", re.I)
# Verbs that tell an act begun or kept up, with the act as their complement.
_ASPECTUAL = {"begin", "start", "continue", "resume"}
_MAKING = {"produce", "generate", "make", "manufacture", "build"}
_STOPPING = re.compile(r"\b(?:stop|halt|cease|end|suspend|freeze|pause|refrain)\w*\b", re.I)


# Verbs that undo what a pledge gives or sets up: told of the pledged thing, no fulfilment.
_UNDOING = {"expel", "recall", "summon", "detain", "arrest", "seize", "reject", "block", "bar",
            "ban", "deny", "refuse", "cancel", "scrap", "suspend", "halt", "freeze", "close",
            "shut", "stop", "postpone", "delay", "destroy", "dismantle", "revoke", "withdraw",
            "expire", "demolish", "sink", "kill"}  # fmt: skip


def _subject_keys(s, cue: str) -> set[str]:  # noqa: ANN001
    """The key words of what comes before a status cue in its clause: its subject, mostly."""
    at = s["text"].find(cue)
    return _keys(s["text"][_clause_start(s["text"], at) : at], []) if at > 0 else set()


# Givers who are no state: what they give keeps no government's pledge, even one to help others
# ("pledged 20 million euros to help rebuild"). Not citizens or residents, who do what a pledge
# lets them do ("agreed to let Ugandan residents fish").
_PRIVATE_GIVERS = {"public", "donor", "charity", "volunteer", "well-wisher"}


def _done_by_another(s, verb, pledgers, objects=frozenset()) -> bool:  # noqa: ANN001
    """Whether the subject of `verb` names an actor other than the pledgers: "Ethiopian troops
    have left" tells nothing of Eritrea's pledge to pull its forces back. A passive subject may
    name the pledge's own `objects` ("the 25 Egyptian prisoners were handed over" for Israel's
    pledge to release them)."""
    if any(c.dep_ == "nsubj" and c.lemma_.lower() in _PRIVATE_GIVERS for c in verb.children):
        return True  # "the Dutch public gave 100 million euros" is no government's act
    # the subject's head and the words right on it ("Ethiopian federal troops"), not what a
    # phrase inside it names ("the remains of American servicemen", "gas from Spain")
    at = {
        w.idx
        for head in verb.children
        if head.dep_ in ("nsubj", "nsubjpass")
        for w in [head, *head.children]
        if w is head or w.dep_ in ("amod", "compound", "poss", "nmod")
    }
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    others = [a for a in s["actors"] if a["actor"] not in pledgers]
    if passive:
        others = [a for a in others if a["actor"] not in objects]
    return bool(pledgers) and any(a["start"] - s["char_start"] in at for a in others)


def _on_another_thing(
    text: str,
    cue: str,
    keys: set[str],
    name: re.Pattern[str] | None,
    parse,  # noqa: ANN001
) -> bool:
    """Whether a status cue acts on a thing the pledge does not name, as its passive subject or
    its object: "Kenya suspended all flights to Somalia" is no report on a pledge to send the
    ambassadors back. A pronoun, a name or a vague word ("the deal was frozen") may stand for the
    pledge. The parse decides; where it reads the cue as an adjective, nothing is decided."""
    at = text.find(cue)
    if not parse or at < 0:
        return False
    verb = next((t for t in parse(text) if t.idx == at), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX", "NOUN"):
        return False
    if verb.pos_ == "NOUN":
        # a noun cue acts on what follows "of": "repeated violations of Somali sovereignty"
        args = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                for g in c.children if g.dep_ == "pobj"]  # fmt: skip
    else:
        # the cue's own words are no other thing: "kept its word", "met its obligations"
        args = [c for c in verb.children
                if c.dep_ in ("nsubjpass", "dobj") and c.idx >= at + len(cue)]  # fmt: skip
    stems = {k[:5] for k in keys}
    return bool(args) and all(
        a.pos_ not in ("PRON", "PROPN")
        and a.lemma_.lower() not in _VAGUE_THINGS | _BINDING
        and not any(w.lower_[:5] in stems for w in a.subtree)
        and not (name and name.search(text, a.left_edge.idx, a.right_edge.idx + len(a.right_edge)))
        for a in args
    )


# Words for what binds a side, which may stand for any pledge: "revoked the arrangement".
_BINDING = {"arrangement", "obligation", "commitment", "pledge", "promise", "undertaking",
            "memorandum", "understanding", "protocol", "framework", "plan", "programme",
            "program", "mechanism", "decision", "declaration", "roadmap", "settlement"}  # fmt: skip


_SINCE_YEAR = re.compile(
    r"\bsince\s+(?:(?:early|late|mid-?|the\s+end\s+of)\s+)?(?:\w+\s+)?(\d{4})\b"
)
# The date of the act a cue tells, right after it: "entered into force in December 1994",
# "was signed on May 24, 2002".
_DATED_YEAR = re.compile(
    r"\s*,?\s*(?:back\s+)?(?:in|on)\s+(?:(?:early|late|mid-?)\s*)?"
    r"(?:[A-Z][a-z]+\s+)?(?:\d{1,2},?\s+)?(\d{4})\b"
)


def _since_before(text: str, cue: str, made: date) -> bool:
    """Whether a status cue tells a state that began before the pledge was made ("has been
    frozen along with other property since 2010", in the cue's clause after it) or an act dated
    before it ("the treaty entered into force in December 1994" for a pledge of 1997)."""
    at = text.find(cue)
    if at < 0:
        return False
    m = _SINCE_YEAR.search(text, at, _part_end(text, at + len(cue)))
    dated = _DATED_YEAR.match(text, at + len(cue))
    return any(bool(x) and int(x.group(1)) < made.year for x in (m, dated))


# A cue opening a relative clause, with the noun phrase it is about: "the mechanism, which began".
_RELATIVE_CUE = re.compile(
    r"([\w'’-]+),?\s+(?:which|that)\s+(?:(?:has|had|have)\s+(?:been\s+)?|(?:was|were|is|are)\s+)?$"
)


def _about_pledge(text: str, cue: str, keys: set[str]) -> bool:
    """Whether a status cue is not inside a relative clause about a noun foreign to the pledge:
    "the plan, which began operating" is about the plan, unless that noun is a key of the
    pledge ("the hotline, which began operating")."""
    at = text.find(cue)
    m = _RELATIVE_CUE.search(text, 0, at) if at > 0 else None
    return not m or bool(_keys(m.group(1), []) & keys)


def _promised_thing(s, undone: re.Match[str], keys: set[str], pledgers: Sequence[str]) -> bool:  # noqa: ANN001
    """Whether the thing a sentence tells promised and undone (see `_PROMISED_UNDONE`) is the
    pledge's: a key word of it names the thing ("the technical commission announced in 2022", "a
    promised carbon credit agreement"), and whoever the sentence says promised it is a pledger
    ("the integration that Bamako promised" is no French pledge)."""
    text = s["text"]
    if re.search(r"\b(?:a|an|the|its|their|his|her)\s+$", text[: undone.start()], re.I):
        thing = text[undone.start() : undone.start(1)]  # "a promised carbon credit agreement"
    else:
        start = max(text.rfind(c, 0, undone.start()) for c in (",", ";", ":", " but ", " and "))
        thing = text[start + 1 : undone.start()]  # "the boats" of "the boats promised in 2017"
    if not (keys & _keys(thing, s["actors"])) - _ANY_THING:
        return False
    at = s["char_start"] + undone.start()
    promisers = {a["actor"] for a in s["actors"] if 0 <= at - (a["start"] + len(a["text"])) <= 6}
    return not promisers or bool(promisers & set(pledgers))


def _key_near(text: str, act: re.Match[str], keys: set[str]) -> bool:
    """Whether a key word of the pledge, other than the act's own verb, stands within 60
    characters of the act told in `text` ("American beef ... has been on sale there")."""
    near = _keys(text[max(0, act.start() - 60) : act.end() + 60], [])
    return any(k[:4] != act.group(0)[:4].lower() for k in keys & near)


def _within(text: str, cue: str, span: tuple[int, int]) -> bool:
    at = text.find(cue)
    return at < 0 or span[0] <= at < span[1]


def _bears_on(
    text: str, cue: str, name: re.Pattern[str] | None, keys: set[str], promise: bool = True
) -> bool:
    """Whether a status cue of `text` is about the obligation named by `name` or its `keys`: one
    of them within 60 characters before or 40 after the cue, in its clause, as what the cue acts
    on ("suspending its participation in New START", "the data were withheld"), not inside a
    phrase about something else before it ("inspections under New START were paused"); "the
    treaty" or an instrument's name after the cue; or, when `promise`, a cue about a pledge as
    such ("kept its word", "made good on its pledge")."""
    m = re.search(re.escape(cue), text)
    if not m or (promise and _PROMISE_WORDS.search(text[m.start() : m.end() + 30])):
        return True
    start = max(_clause_start(text, m.start()), m.start() - 60)
    start = text.rfind(" ", 0, start) + 1 if start > 0 and text[start - 1] != " " else start
    end = min(_clause_end(text, m.end()), m.end() + 40)
    names = [(n.start(), n.end()) for n in name.finditer(text)] if name else []
    # before the cue, what a preposition governs is about something else
    aside = [(p.start(), p.end()) for p in _ASIDE.finditer(text, start, m.start())]
    stems = {k[:5] for k in keys}
    words = [(w.start(), w.end()) for w in re.finditer(r"[A-Za-z][a-z-]{3,}", text)
             if start <= w.start() < end and w.group(0)[:5].lower() in stems]  # fmt: skip
    # a name (or a capitalised word of one) in a phrase before the cue is about something else
    kept = [
        (i, j)
        for i, j in names + words
        if i < end and j > start and not (text[i].isupper() and any(a <= i < b for a, b in aside))
    ]
    return bool(kept or _INSTRUMENT.search(text, start, end) or _PROPER.search(text, m.end(), end))


# A name the cue acts on: "its participation in New START", "the CFE Treaty".
_PROPER = re.compile(
    r"\b(?:[A-Z][\w-]*\s+)*[A-Z]{2,}\b|\b(?:[A-Z][a-z-]+\s+){1,4}(?:Treaty|Agreement|"
    r"Accord|Convention|Act|Memorandum|Deal|Initiative)\b"
)


# A prepositional phrase: "under New START", "of the accord".
_ASIDE = re.compile(
    r"\b(?:under|of|in|for|with|on|by|from|at)\s+(?:the\s+|its\s+|their\s+)?"
    r"(?:[A-Z][\w-]*(?:\s+[A-Z][\w-]*)*|[a-z-]+)"
)


# An instrument by its written acronym: "the INF Treaty", "New START", "START II"; a numbered
# or renewed one keeps its number or "New" (START II is not New START, `_another_instrument`),
# the first of a series bears the bare acronym ("START I" is "the START treaty").
_INSTRUMENT_ACRONYM = re.compile(
    r"\b(New )?([A-Z]{3,})(?:\s+(II|III)\b|"
    r"(?<=New START)\b|(?=\s+(?:[Tt]reaty|[Aa]greement|[Aa]ccord|[Cc]onvention|deal|pact|I)\b))"
)


# ... or by its full name: "the Intermediate-Range Nuclear Forces Treaty" (INF), "the
# Anti-Ballistic Missile Treaty" (ABM); initials that differ from the usual acronym are mapped.
_INSTRUMENT_NAME = re.compile(
    r"\b((?:[A-Z][\w-]*\s+){2,5})(?:Treaty|Agreement|Accord|Convention)\b"
)
_USUAL_ACRONYM = {"SAR": "START", "NSAR": "New START", "SOR": "SORT", "CAFE": "CFE", "NPNW": "NPT"}
# ... or by a name that follows "Treaty on": "the Treaty on Conventional Armed Forces in Europe"
# (CFE), "the Treaty on the Non-Proliferation of Nuclear Weapons" (NPT).
_INSTRUMENT_ON = re.compile(
    r"\b(?:Treaty|Agreement|Convention) on (?:the )?((?:[A-Z][\w-]*(?:\s+(?:in|of|and|the))*\s+)*"
    r"[A-Z][\w-]*)"
)


def _another_instrument(pledge: Iterable[str], sentence: Iterable[str]) -> bool:
    """Whether a sentence is about another instrument than a pledge's: both name some, and none
    in common (the INF Treaty's breaches are not New START's). A series' bare acronym may stand
    for any of its instruments ("the START treaty" for New START), but two that name their number
    or renewal differ: START II's deadline is not New START's."""
    pledge, sentence = set(pledge), set(sentence)
    return bool(pledge and sentence) and not any(
        a == b or (_series(a) == _series(b) and _series(a) in (a, b))
        for a in pledge
        for b in sentence
    )


def _series(instrument: str) -> str:
    """The series an instrument's acronym belongs to: "START" for "New START" and "START II"."""
    return instrument.removeprefix("New ").split()[0]


_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)\s+$")


def _instruments(text: str) -> set[str]:
    """The instruments a text names, as acronyms: {"INF"}, {"New START"}, {"START II"}, {"ABM"}."""
    found = {
        f"{m[1] or ''}{m[2]}{' ' + m[3] if m[3] else ''}"
        for m in _INSTRUMENT_ACRONYM.finditer(text)
    }
    for m in [*_INSTRUMENT_NAME.finditer(text), *_INSTRUMENT_ON.finditer(text)]:
        words = [w for w in m.group(1).split() if w not in _NOT_NAMES and w[0].isupper()]
        for initials in (
            "".join(w[0] for w in words),  # Intermediate-Range Nuclear Forces: INF
            "".join(p[0] for w in words for p in w.split("-") if p),  # Anti-Ballistic Missile: ABM
        ):
            if len(initials) > 1:  # not one word alone ("the Agreement on Cooperation")
                acronym = _USUAL_ACRONYM.get(initials.upper(), initials.upper())
                # a year names one of a series: "the 1991 Strategic Arms Reduction Treaty" is
                # START I, not START III
                year = _YEAR_BEFORE.search(text, 0, m.start(1))
                found.add(f"{acronym} {year[1]}" if year and " " not in acronym else acronym)
    return found


# A cue about a pledge as such: "kept its word", "made good on its pledge", "the promised 200".
_PROMISE_WORDS = re.compile(
    r"\b(?:word|promise[sd]?|pledge[sd]?|commitments?|obligations?|undertaking)\b", re.I
)
# The instrument itself, named generically: "withdrew from the treaty", "in violation of it".
_INSTRUMENT = re.compile(
    r"\b(?:the|this|that|its|their) (?:treaty|agreement|arrangement|deal|accord|pact|memorandum|"
    r"convention|understanding)\b|\b(?:violat\w+|breach\w*|suspend\w*|left|quit) it\b",
    re.I,
)


# Past forms of the acts pledged most often that do not just add -ed.
_IRREGULAR = {"set": "set", "give": "gave|given", "send": "sent", "keep": "kept", "hold": "held",
              "pay": "paid", "lend": "lent", "build": "built", "take": "took|taken",
              "withdraw": "withdrew|withdrawn", "make": "made", "meet": "met", "bring": "brought",
              "begin": "began|begun", "put": "put", "cut": "cut", "let": "let", "shut": "shut",
              "sell": "sold", "buy": "bought", "leave": "left", "pull": "pulled",
              "hand": "handed", "free": "freed", "blow": "blew|blown", "fly": "flew|flown"}  # fmt: skip
_ACT = re.compile(
    r"^(?:\S+\s+){0,7}?(?:(?:to|will|would|shall)\s+(?:(?:also|jointly|soon|fully)\s+)?"
    r"(?P<act>[a-z][a-z-]{2,})(?:\s+(?P<prt>up|over|out|down|off|back))?\b"
    r"|from\s+(?P<ing>[a-z-]{3,})ing\b)"  # "bars both countries from deploying"
    r"(?P<more>(?:,\s*[a-z-]{3,}\b)*(?:,?\s+(?:or|and)\s+[a-z-]{3,}\b)?)"  # ", produce or acquire"
)
# Other words for an act told as done: a council "set up" is later "created" or "launched".
_DONE_AS = {"set up": "create establish launch found inaugurate form",
            "create": "set_up establish launch found form", "establish": "set_up create launch form",
            "pass": "approve adopt enact", "adopt": "approve pass enact",
            "open": "inaugurate", "extend": "prolong renew roll_over",
            "free": "release", "release": "free", "withdraw": "pull_out drop",
            "pull": "withdraw pull_out move_back",
            "deliver": "hand_over turn_over ship unload", "ship": "deliver carry transport move",
            "begin": "start launch carry_out hold conduct", "launch": "begin start",
            "start": "begin launch carry_out hold conduct", "build": "complete finish",
            "train": "finish graduate", "leave": "hand_back vacate quit",
            "grant": "commute pardon",
            "move": "carry transport ship", "carry": "move ship transport",
            "take": "receive ship_out", "host": "inaugurate open",
            "stop": "halt end cease suspend call_off cancel scrap",
            "halt": "stop end cease suspend call_off", "end": "stop halt cease call_off",
            "cease": "stop halt end", "close": "shut shut_down dismantle demolish blow_up",
            "destroy": "dismantle eliminate demolish blow_up scrap",
            "dismantle": "destroy demolish blow_up", "eliminate": "destroy dismantle scrap",
            "hand over": "return repatriate turn_over", "return": "hand_over repatriate",
            "reduce": "cut lower bring_down", "cut": "reduce lower bring_down",
            "buy": "purchase import", "reopen": "open resume", "resume": "restart reopen",
            "lift": "remove scrap drop", "remove": "lift withdraw pull_out",
            "station": "post deploy",
            "pull out": "withdraw remove", "pull back": "withdraw pull_out",
            "visit": "arrive travel", "travel": "arrive visit", "attend": "take_part join",
            "re-establish": "restore reopen", "restore": "re-establish reopen resume normalise normalize",
            "rescind": "lift remove drop revoke", "finalise": "conclude complete sign",
            "finalize": "conclude complete sign", "compensate": "pay",
            "repatriate": "return hand_over", "develop": "launch complete open",
            "normalise": "restore", "normalize": "restore",
            "deposit": "submit lodge file hand_in", "file": "lodge submit",
            "submit": "file lodge hand_in", "plug": "close seal repair",
            "exchange": "name appoint", "complete": "finish conclude"}  # fmt: skip


def _past(verb: str) -> str:
    if verb in _IRREGULAR:
        return _IRREGULAR[verb]
    if verb.startswith("re") and verb[2:] in _IRREGULAR:  # rebuild -> rebuilt
        return "|".join("re" + v for v in _IRREGULAR[verb[2:]].split("|"))
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdglmnprt]", verb):
        return verb + verb[-1] + "ed"  # stop -> stopped, ban -> banned
    if re.search(r"[aeiou]l$", verb):
        return f"{verb}led|{verb}ed"  # cancelled, canceled
    return verb + "ed"


def _ing(verb: str) -> str:
    if verb.endswith("e") and not verb.endswith("ee"):
        return verb[:-1] + "ing"
    if re.fullmatch(r"[^aeiou]*[aeiou][bdglmnprt]", verb):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def _done_forms(verb: str, particle: str = "") -> list[str]:
    """How an act is told as done: "created", a participle after a comma ("..., creating
    the council"), or a state now reached ("Gazprom now sells straight to Naftogaz")."""
    tail = rf"\s+{particle}" if particle else ""
    present = (
        verb[:-1] + "ies"
        if re.search(r"[^aeiou]y$", verb)
        else (verb + "es" if re.search(r"(?:s|sh|ch|x|z|o)$", verb) else verb + "s")
    )
    return [rf"(?:{_past(verb)}){tail}", rf"(?<=, ){_ing(verb)}{tail}",
            rf"(?<=\bnow ){present}{tail}"]  # fmt: skip


def _enabling(cue_onward: str) -> bool:
    """Whether the pledge is to let another side act ("agreed to let NATO move supplies")."""
    m = _ACT.match(cue_onward)
    return bool(m and m["act"] in _ENABLING)


# A pledge to meet: "agreed to meet again in Brasilia", "to hold a second round", "to revive
# their joint permanent commission"; and a meeting told as held.
_MEETING = re.compile(
    r"^(?:\S+\s+){0,7}?(?:to|will|would|shall)\s+(?:also\s+)?(?:meet\b|hold\s+(?:a|the|their|"
    r"its|further|more)?\s*(?:[\w-]+\s+){0,2}(?:round|session|meeting|talks|consultations|summit)s?"
    r"\b|revive\s+(?:the|their|its)\s+(?:[\w-]+\s+){0,2}(?:commission|committee|council)\b)",
    re.I,
)
_MET = re.compile(
    r"\b(?:met|convened|reconvened|(?:was|were)\s+held|held\s+(?:its|their)\s+(?:first|second|"
    r"third|fourth|next|inaugural)|took place|(?<=, )held\s+(?:in|on|at)\b)\b",
    re.I,
)


def _bare(verb: str | None) -> str | None:
    """The verb of a gerund after "to" ("committed to paying", "is dedicated to supplying"):
    "paying" -> "pay", "cutting" -> "cut", "closing" -> "close" where the verb is a known act,
    else the stem its past forms are built on ("providing" -> "provid": "provided")."""
    if not verb or not verb.endswith("ing") or len(verb) < 6:
        return verb
    stem = verb[:-3]
    if stem[-1] == stem[-2] and stem[-1] not in "ls":  # cutting, stopping; not selling
        return stem[:-1]
    return stem + "e" if stem not in _KNOWN_ACTS and stem + "e" in _KNOWN_ACTS else stem


def _act_done(cue_onward: str) -> re.Pattern[str] | None:
    """The pledged act in its past forms: "to set up a council" -> "set up", "created" or ",
    creating", "will open an office" -> "opened", "to hand over its stockpile" -> "handed over",
    "never to use, produce or acquire" -> "used", "produced" or "acquired", "bars ... from
    deploying" -> "deployed"; None for acts too vague to recognise when done (be, have, do, make
    sure, seek ...)."""
    if _MEETING.match(cue_onward):  # "agreed to meet again", "to hold a second round"
        return _MET
    m = _ACT.match(cue_onward)
    if not m:
        return None
    act = _bare(m["act"])  # "committed to paying": the act is to pay
    if act in ("keep", "remain", "stay") and (state := _KEPT_STATE.match(cue_onward, m.end())):
        # "would keep its northern border open": done while it "has stayed open"
        return re.compile(
            rf"\b(?:stayed|remained|remains|stays|kept|still)\s+(?:\w+\s+)?{state['state']}\b",
            re.I,
        )
    if act in _ENABLING:  # "to let NATO move supplies": the act is the moving
        enabled = _ENABLED.match(cue_onward[m.end() :])
        if enabled:  # "let NATO move", "let NATO countries ship": either word may be the verb
            verbs = [enabled["to"]] if enabled["to"] else enabled["bare"].split()
            done = [f for v in verbs for w in [v, *_DONE_AS.get(v, "").split()]
                    for f in _done_forms(*w.split("_", 1))]  # fmt: skip
            return re.compile(rf"\b(?:{'|'.join(done)})\b", re.I)
    more = [v for v in re.findall(r"[a-z-]{3,}", m["more"] or "") if v not in ("and", "or")]
    if m["ing"]:
        done = [m["ing"] + "ed"] + [v[:-3] + "ed" for v in more if v.endswith("ing")]
    elif act in _VAGUE_ACTS and not more:
        return None
    else:
        first = act + (f" {m['prt']}" if m["prt"] else "")
        done = []
        for v in dict.fromkeys([first, *more]):
            if v in _VAGUE_ACTS:
                continue
            done += _done_forms(*v.split(" ", 1))
            for other in _DONE_AS.get(v, "").split():
                done += _done_forms(*other.split("_", 1))
    # what was set up is told at work ("the steering committee held its first meeting"), who
    # was sent told arrived ("the Eritrean delegation arrived in Addis Ababa")
    for acts, thing, outcome in (
        (_CREATES, _MADE_THING, _AT_WORK),
        (_SENDS, _SENT_THING, _ARRIVED),
        (_PAYS, _PAID_THING, _PAID),
    ):
        found = thing.match(cue_onward, m.end()) if act in acts else None
        if found:
            # "troops" sent, the "contingents" arrived: any word for the thing
            head = _singular(found["head"].lower().rstrip("s"))
            names = _NAMED_AS.get(_SAME_THING.get(head, head), (head,))
            heads = _MONEY if thing is _PAID_THING else "|".join(map(re.escape, names))
            done.append(rf"(?:{heads})s?\b,?(?:\s+[\w'’,-]+){{0,12}}?\s+{outcome}")
            if thing is _PAID_THING:  # "an account of the ministry received the money"
                done.append(
                    rf"received\s+(?:the|its|their)\s+(?:[\w$€£.,-]+\s+){{0,2}}?(?:{heads})\b"
                )
    if act == "return" and _BACK_TO.match(cue_onward, m.end()):
        # "Ambassador Antonov would return to Washington": told as "back at his post"
        done.append(_BACK)
    # the act named as a thing, then told as carried through: "closed their investigation" for
    # "pledged to investigate", "the withdrawal was completed" for "will withdraw"
    nouns = [n for v in dict.fromkeys([act, *more]) if v and v not in _VAGUE_ACTS
             for n in _act_nouns(v)]  # fmt: skip
    if nouns:
        noun = rf"(?:{'|'.join(map(re.escape, nouns))})s?"
        done.append(rf"{_CARRIED_THROUGH}\s+(?:(?:the|its|their|his|her|a|an)\s+)?"
                    rf"(?:[\w-]+\s+){{0,2}}?{noun}")  # fmt: skip
        done.append(rf"{noun}(?:\s+[\w'’-]+){{0,6}}?\s+(?:was|were|has been|have been|had been)"
                    rf"\s+(?:\w+ly\s+)?{_CARRIED_THROUGH}")  # fmt: skip
    if _RESTARTS & {act, *more}:
        # what was reopened or resumed is told by its state: "foot crossings open since August",
        # "gas flowing to Ukraine again", "flying the route since early February"
        done.append(_RUNNING_AGAIN)
    return re.compile(rf"\b(?:{'|'.join(done)})\b", re.I) if done else None


# Verbs that tell an act named as a thing carried through: "completed the withdrawal".
_CARRIED_THROUGH = (
    r"(?:completed|concluded|finished|closed|wrapped up|carried out|"
    r"finalised|finalized)"
)


def _act_nouns(verb: str) -> list[str]:
    """The nouns that name an act ("investigate": investigation; "withdraw": withdrawal;
    "deploy": deployment), by the usual English endings; each is only looked for after a verb
    of carrying through, so a form that is no word finds nothing."""
    if verb.endswith("ate"):
        return [verb[:-1] + "ion"]  # investigation, demarcation, repatriation
    if verb.endswith(("ise", "ize")):
        return [verb[:-1] + "ation"]  # normalisation
    if verb.endswith("e"):
        return [verb[:-1] + "ation", verb + "ment", verb[:-1] + "al"]  # removal, settlement
    return [verb + "al", verb + "ment", verb + "ion", verb + "y"]  # withdrawal, deployment


# Acts that bring a body into being, the body named after them ("set up an intergovernmental
# joint steering committee, along with ..." -> "committee"), and what it does once it exists.
_CREATES = {"set", "establish", "create", "form", "launch", "found", "convene"}
_MADE_HEADS = (
    "committee|commission|council|mechanism|hotline|group|team|panel|body|centre|center|"
    "channel|line|board|fund|forum|office|secretariat|taskforce|task force|dialogue|talks"
)
_MADE_THING = re.compile(
    rf"(?:\s+up)?\s+(?:an?|the|their|its|a new|new)\s+(?:[\w'’-]+\s+){{0,4}}?(?P<head>{_MADE_HEADS})\b",
    re.I,
)
_AT_WORK = (
    r"(?:held|met|has met|have met|had met|meets|keeps meeting|kept meeting|continues to meet|"
    r"convened|began work|started work|began its work|"
    r"handled|approved|issued|reported|discussed|was used|has been used|is in use|went into use)\b"
)


# Acts that send people somewhere, who is sent ("send its ambassador back", "would send a
# delegation to Addis Ababa"), and how their arrival is told.
_SENDS = {"send", "return", "appoint", "dispatch", "deploy", "post", "name", "exchange"}
_SENT_HEADS = (
    "delegation|ambassador|envoy|team|mission|observers|monitors|inspectors|experts|"
    "diplomats|minister|troops|soldiers|contingent|battalion|peacekeepers"
)
_SENT_THING = re.compile(
    r"\s+(?:back\s+)?(?:(?:an?|the|their|its|his|her|a new|new)\s+)?(?:[\w'’-]+\s+){0,3}?"
    rf"(?P<head>{_SENT_HEADS})\b",
    re.I,
)
# Money pledged, and how it is told paid: "the $5 billion deposit reached the central bank's
# reserves", "the million euros Serbia set aside reached the fund", "the package has been
# disbursed"; any word for money stands for any other ("pay $20 million" ... "the money").
_PAYS = {"pay", "deposit", "lend", "transfer", "disburse", "donate", "provide", "give", "grant",
         "send", "contribute", "repay"}  # fmt: skip
_MONEY = (
    r"money|funds?|euros?|dollars?|pounds|yuan|yen|rupees?|million|billion|deposit|loan|"
    r"grant|aid|package|sum|payment|tranche|instal?lment"
)
_PAID_THING = re.compile(
    r"\s+(?:back\s+)?(?:(?:an?|the|their|its|his|her)\s+)?(?:[\w'’$€£.,-]+\s+){0,3}?"
    rf"(?P<head>{_MONEY})\b",
    re.I,
)
_PAID = (
    r"(?:arrived|reached|(?:was|were|has been|have been|had been)\s+(?:fully\s+)?"
    r"(?:disbursed|transferred|paid|received|credited|deposited|released))\b"
)


_FIGURE = re.compile(r"\d[\d,.]*\d|\d")
_SCALE = re.compile(r"\b(?:thousand|million|billion|trillion)\b", re.I)


def _other_amount(told: str, pledged: str) -> bool:
    """Whether a telling names an amount other than the pledge's own: another number, or
    another scale ("million" for a pledge of 300,000); never for a pledge without an amount."""
    pledged_numbers = set(_FIGURE.findall(pledged))
    pledged_scales = {w.lower() for w in _SCALE.findall(pledged)}
    if not (pledged_numbers or pledged_scales):
        return False
    told_numbers = set(_FIGURE.findall(told))
    told_scales = {w.lower() for w in _SCALE.findall(told)}
    return bool(told_numbers - pledged_numbers) or bool(told_scales - pledged_scales)


# A telling that opens with the thing sent, set up or paid: "million euros ... reached".
_THING_FIRST = re.compile(rf"(?:{_SENT_HEADS}|{_MADE_HEADS}|{_MONEY})s?\b", re.I)
# An act told by the state of what was sent or set up: "the ambassador ... returned".
_TOLD_THING = re.compile(rf"(?:{_SENT_HEADS}|{_MADE_HEADS})s?\b", re.I)
# A return to a place: "would return to Washington", "would return home"; and how it is told.
_BACK_TO = re.compile(r"\s+(?:to\s+[A-Z]|home\b)")
_BACK = r"(?:(?:is|are|was|were|has been|have been)\s+back|back at (?:his|her|their) posts?)"
_ARRIVED = (
    r"(?:arrived|arrives|landed|reached|presented (?:his|her|their) (?:credentials|letters? of "
    r"credence)|"
    r"took up (?:his|her|their) posts?|was received|were received|returned|(?:was|were) back|"
    r"back at (?:his|her|their) posts?)\b"
)


# Acts that bring something back, and the state that tells them done: running again or since.
_RESTARTS = {"reopen", "resume", "restart", "restore", "re-establish", "reestablish", "open",
             "lift"}  # fmt: skip
_RUNNING_AGAIN = (
    r"(?:open|flowing|running|operating|flying|on sale|in service)\b(?:\s+[\w'’,-]+){0,6}?\s+"
    r"(?:again|since\s+(?:\w+\s+)?(?:\d|(?-i:[A-Z]))\w*)"
)


# Acts that let someone else act: the act told as done is the other's ("NATO supplies moved").
_ENABLING = {"let", "allow", "permit", "enable", "help"}
_ENABLED = re.compile(
    r"\s+(?:(?:the|its|their)\s+)?(?:[\w-]+\s+){0,3}?to\s+(?P<to>[a-z]{3,})\b"
    r"|\s+(?:(?-i:[A-Z][\w-]*)\s+)+(?P<bare>[a-z]{3,}(?:\s+[a-z]{3,})?)\b"
)
# A state a pledge keeps: "keep its northern border open", "keep the pipeline running".
_KEPT_STATE = re.compile(
    r"\s+(?:[\w'’-]+\s+){0,5}?(?P<state>open|operational|running|flowing|in place|in force)\b",
    re.I,
)
_VAGUE_ACTS = {"be", "have", "do", "make", "seek", "try", "work", "continue", "keep", "consider",
               "discuss", "explore", "study", "look", "hold", "take", "give", "allow",
               "let", "help", "support", "respect", "remain", "stay", "go", "get", "not",
               "never"}  # fmt: skip
# Every act the tables above name, for telling "closing" (close) from "providing" (provid).
_KNOWN_ACTS = frozenset({*_IRREGULAR, *_DONE_AS, *_PAYS, *_SENDS, *_CREATES, *_RESTARTS,
                         *_VAGUE_ACTS})  # fmt: skip


# Other words for a pledged act a later report says was refused or failed: "committed to supply
# weapons" / "had failed to deliver arms".
_REFUSED_AS = {"supply": "deliver ship", "provide": "deliver supply", "deliver": "supply ship",
               "send": "deliver dispatch", "hand over": "return", "return": "hand_over"}  # fmt: skip


def _act_refused(cue_onward: str) -> re.Pattern[str] | None:
    """The pledged act refused: "refused to let the team in", "declined to hand over" for "agreed
    to let observers work", "undertook to hand over"; None for acts too vague to recognise."""
    m = _ACT.match(cue_onward)
    if not m or m["ing"] or m["act"] in _VAGUE_ACTS - _ENABLING:
        return None
    first = m["act"] + (f" {m['prt']}" if m["prt"] else "")
    act = "|".join(
        re.escape(v).replace("\\ ", r"\s+").replace("_", r"\s+")
        for v in [first, *_REFUSED_AS.get(first, "").split()]
    )
    act = f"(?:{act})"
    return re.compile(
        rf"\b(?:refused|refuses|refusing|declined|declines|failed|fails|failing)\s+to\s+{act}\b",
        re.I,
    )


# "never" right before the act told as done, or before its auxiliary: "never left", "was never
# deployed", "has never been paid".
_NEVER = re.compile(r"\bnever\s+(?:(?:been|be|was|were|has|have|had|is|are)\s+){0,2}$", re.I)


def _conditional(text: str, at: int) -> bool:
    """Whether what is said at `at` sits in a condition: "expires unless they agree to", "if
    Russia pledged to". A condition in a clause of its own makes a conditional pledge, still a
    pledge: "If violence stays down for seven days, the United States promised to ..."."""
    clause = re.split(r"[,;:]", text[:at])[-1]
    return bool(re.search(r"\b(?:if|unless|whether)\b", clause, re.I))


def _asserted(text: str, at: int) -> bool:
    """Whether an act told at `at` is said to have happened: not negated ("has not opened") and
    not a possibility ("could be opened"); "was prepared by the commission" is no readiness."""
    return (
        not _negated(text, at, reach=30)
        and not _possible(text, at)
        # "passed without the audit being finished"
        and not re.search(r"\bwithout(?:\s+[\w'’-]+){0,4}\s+$", text[:at], re.I)
    )


def _no_one(token) -> bool:  # noqa: ANN001
    """A subject that tells its verb's act undone: "neither", "none", "no ambassador"."""
    return token.dep_ in ("nsubj", "nsubjpass") and (
        token.lower_ in ("neither", "none", "nobody", "nothing")
        or any(c.dep_ == "det" and c.lower_ == "no" for c in token.children)
    )


def _negated(text: str, at: int, reach: int = 25) -> bool:
    """A negation among the three words before `at` (within `reach` characters)."""
    return any(
        w.strip(",.") in NEGATORS for w in text[max(0, at - reach) : at].lower().split()[-3:]
    )


def _possible(text: str, at: int) -> bool:
    """A word of possibility among the six before `at` in its clause: "could suspend",
    "threatened to withdraw", "would come back only once the promises had been honoured" (but
    not "once again violated")."""
    clause = re.sub(r"\bMay\b", "", re.split(r"[,;:]", text[:at])[-1])  # the month, not "may"
    clause = re.sub(r"\bonce (?:again|more)\b", "", clause.lower())
    clause = re.sub(r"\b\w+ed\s+by\b", "", clause)  # a passive, not readiness: "prepared by"
    return (
        bool(_HYPOTHETICAL & set(clause.split()[-6:]))
        or bool(re.search(r"\bonce\b", clause))
        # a bare "be" is under a modal or "to", however far back: "would have to ... be held"
        or bool(re.search(r"\bbe\s+(?:[a-z]+ly\s+)?$", clause))
    )


# A report about no party the text names: "Pompeo said the breaches proved the deal flawed".
NOBODY = "-"
# Statuses that only a party to an obligation can take: it fulfils, suspends or leaves it.
_OWN_ACTS = {"fulfilled", "suspended", "withdrawn"}


def _parties(reports: Sequence[tuple[StatusReport, set[str], bool, bool]]) -> list[str]:
    """Actors that reports naming an obligation of "each party" ("the CFE Treaty") show acting
    under it alone: "The United States will no longer provide the data the CFE Treaty requires"
    makes the United States a party even where the treaty's own story named only NATO and
    Russia. A report linked only by shared words ("froze formal ties") makes no one a party."""
    return list(
        dict.fromkeys(
            a
            for h, about, _, named in reports
            if named and len(about) == 1 and h.status in _OWN_ACTS and NOBODY not in about
            for a in about
        )
    )


# Words before a status cue that make it a possibility, not a report: "could suspend",
# "threatened to withdraw", "if Russia resumed".
_HYPOTHETICAL = {"could", "might", "may", "should", "if", "unless", "whether", "threatened",
                 "threatens", "threaten", "threatening", "hope", "hoped", "hopes", "ready",
                 "prepared", "preparing", "considering", "weighing", "planning", "plans", "intends",
                 "wants", "seeks", "seeking", "consider", "considers", "considered", "must",
                 "urged", "urges", "urging", "demanded", "demands", "demanding",
                 "pressed"}  # fmt: skip
# A sentence that opens with a condition: "If the talks fail, he said, Russia would withdraw".
_CONDITIONAL = re.compile(r"^\s*(?:if|unless|should)\b", re.I)
# A breach cue inside a denied accusation: "dismissed the accusation of a breach as groundless".
_DENIED = re.compile(
    r"\b(?:dismiss|deni|deny|reject|refut)\w*\b[^.;]{0,40}\b(?:accusations?|allegations?|charges?|"
    r"claims?|complaints?)\b(?:[^.;]{0,25}|[^.;]{0,40}\bthat\b[^.;]{0,30})$",
    re.I,
)


def _statuses(
    s,  # noqa: ANN001
    cues: list[tuple[str, str, re.Pattern[str]]],
    earlier: dict[str, set[str]],
) -> list[tuple[str, str, set[str]]]:
    """The status reports of sentence `s` as (status, cue, actors it is about), in text order; of
    overlapping cues the longer one. A cue right after a negation is no report, except that a
    denied fulfilment is a breach ("no longer complies with", "does not comply") unless it is
    merely not done yet; nor is a hypothetical one ("could suspend", "threatened to withdraw",
    "protests if the bridge was completed",
    "would suspend its obligations unless Russia returned to compliance"), nor a breach in an
    accusation that is being denied. The actors are those
    the cue itself names (see `_owner`); for "the suspension", "the violation", those of the
    document's last report of that status (`earlier`, updated here); else see `_about`."""
    text = s["text"]
    found = sorted(
        ((m.start(), m.end(), status, m.group(0)) for status, _, pattern in cues
         for m in pattern.finditer(text)),
        key=lambda f: (f[0], -(f[1] - f[0])),
    )  # fmt: skip
    kept: list[tuple[int, int, str, str]] = []
    for f in found:
        if not kept or f[0] >= kept[-1][1]:
            kept.append(f)
    reports = []
    for start, end, status, cue in kept:
        if (
            _possible(text, start)
            or _conditional(text, start)  # "could deploy missiles if the shield went ahead"
            or re.match(r"(?:(?! and )[^,;])*?\bunless\b", text[end:], re.I)
            or _CONDITIONAL.match(text)
        ):
            continue
        if status == "fulfilled" and _NOT_YET.search(text[:start]):
            continue  # "urged Podgorica to withdraw the law before it took effect": not yet
        if status == "breached" and _DENIED.search(text[:start]):
            continue
        if status == "breached" and _MENDED.search(text, 0, start):
            continue  # "engineers closed the Kusaha breach": a gap in a wall, not in a pledge
        if status == "suspended" and (
            _FROZEN_MONEY.match(text, start)
            or (cue.lower().startswith("froz") and _MONEY_FROZEN.search(text, 0, start))
        ):
            continue  # "frozen funds", "$800 million was frozen": money held, not a pledge
        if status == "suspended" and (
            _STATE_OF_TIES.match(text, end)
            or (cue.lower() == "shelves" and _ON_SHELVES.search(text, 0, start))
        ):
            continue  # "a frozen, expensive stand-off", "milk powder on Taiwanese shelves"
        if status == "suspended" and (
            _PARTICIPLE.fullmatch(cue)
            and _ATTRIBUTIVE.search(text, 0, start)
            and _QUALIFIED.match(text, end)
        ):
            continue  # "the tariff on frozen Australian beef", "held their postponed talks"
        if status == "suspended" and _ENDED.search(text, 0, start):
            continue  # "ending a suspension that lasted three months", "after a pause of a year"
        if status == "expired":
            # "the deadline they set ... ran out": a pledge's deadline passed, not an instrument
            # expired
            ran = re.search(r"\bdeadlines?\b[^.;:,]{0,80}?$", text[:start], re.I)
            if ran and _DEADLINE_RAN.match(text[ran.start() : end]):
                status, cue = "breached", text[ran.start() : end]
        if _negated(text, start):
            if status != "fulfilled" or re.search(
                r"\byet\b", text[max(0, start - 25) : end + 15], re.I
            ):
                continue
            status, cue = "breached", f"not {cue}"
        if (
            status == "withdrawn"
            and _MOVE.match(cue)
            and not _LEFT_WHAT.match(text[end : end + 60])
        ):
            continue  # "completed their withdrawal from the buffer zones": troops, not a treaty
        about = _owner(s, start, end)
        if (
            status == "fulfilled"
            and re.match(r"(?:as|the|on) ", cue, re.I)
            and _AS_PROMISED.match(text, start)
        ):
            # "as Berlin had promised", "on the date Abuja had given": Berlin, Abuja; "as
            # promised", "the promised 200": whoever made it
            about = {a["actor"] for a in s["actors"]
                     if start <= a["start"] - s["char_start"] < end}  # fmt: skip
        if about is None and _DEFINITE.search(text[:start]):
            about = earlier.get(status)
        if about is None:
            about = _about(s, start, end)
        earlier[status] = about
        reports.append((status, cue, about))
    return reports


# Money that is frozen, not an obligation: its nouns, then the cue before or after them.
_HELD_MONEY = r"(?:funds|assets|accounts|money|reserves|deposits)"
# Freezing money rather than an obligation: "frozen funds", "asset freezes", "froze the accounts".
_FROZEN_MONEY = re.compile(
    rf"(?i:froze\w*|freez\w*)\s+(?:\w+\s+){{0,2}}?{_HELD_MONEY}\b"
    r"|(?<=asset )(?i:freez\w*)|(?<=assets )(?i:freez\w*)"
)


# ... told before the cue: "$800 million was frozen", "bank accounts have been frozen".
_MONEY_FROZEN = re.compile(
    rf"(?:\b{_HELD_MONEY}\s+(?:[\w'’-]+\s+){{0,6}}?"
    # an amount that is not the worth of something else ("a deal worth $2 billion was frozen")
    r"|(?<!worth )(?<!worth \$)(?<![\d.,])\d[\d.,]*\s*(?:million|billion|bn|m)\b"
    r"(?:\s+(?:dollars|euros|pounds|yuan|rupees))?\s+)"
    r"(?:was|were|is|are|(?:has|have|had)\s+been|remains?|remained|stay(?:s|ed)?)\s+$",
    re.I,
)


# A breach mended is one in an embankment, a dam or a wall: "closed the Kusaha breach".
_MENDED = re.compile(
    r"\b(?:clos|plug|seal|repair|fix|fill|mend)\w*\s+(?:the\s+|a\s+|its\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
# A frozen state of the relationship itself, not an obligation suspended: "settled into a
# frozen, expensive stand-off", "a frozen conflict".
_STATE_OF_TIES = re.compile(
    r"(?:,?\s+[a-z-]+,?)?\s+(?:stand-?offs?|conflicts?|disputes?|relations|ties|peace|"
    r"relationship)\b",
    re.I,
)
# A participle before the noun it describes, not a suspension told: "the tariff on frozen
# Australian beef", "held their postponed consultations in Beijing".
_ATTRIBUTIVE = re.compile(r"\b(?:the|their|its|his|her|our|a|an|on|of|for)\s+$", re.I)
_QUALIFIED = re.compile(
    r"\s+(?!(?:by|in|on|at|of|since|until|till|for|from|to|and|or|but|as|after|before|during|"
    r"over|under|with|again|indefinitely|last|this|that|because)\b)[A-Za-z][\w-]*",
)
_PARTICIPLE = re.compile(r"(?i:frozen|\w+ed)")
# A suspension told ended: "ending a suspension that lasted three months", "after a pause of
# more than a year", "lifting the freeze ordered in 2021".
_ENDED = re.compile(
    r"\b(?:end(?:s|ed|ing)?|lift(?:s|ed|ing)?|after|following|end to|since the end of)\s+"
    r"(?:a|the|an|its|their)\s+(?:[\w-]+\s+)?$",
    re.I,
)
# "shelves" as a noun: "on Taiwanese shelves", "the supermarket shelves".
_ON_SHELVES = re.compile(r"\b(?:on|off|the|store|shop|supermarket)\s+(?:[\w-]+\s+)?$", re.I)


# Leaving cues that also tell a move of troops, and what makes them the leaving of an obligation.
_MOVE = re.compile(r"(?:withdr|pull|exit|walk|quit|abandon)", re.I)
_LEFT_WHAT = re.compile(
    r"\W*(?:\S+\s+){0,6}?(?:treaty|treaties|agreements?|accords?|deal|pact|arrangements?|"
    r"conventions?|memorandum|talks|negotiations|framework|regime|initiative|charter|programme|"
    r"plan|process|council|commission|mechanism|obligations?|commitments?|it|them)\b"
    r"|\W*(?:\S+\s+){0,6}?(?-i:[A-Z][\w-]*\s+)*(?-i:[A-Z]{2,}|Treaty|Agreement|Accord)\b",
    re.I,
)


# A pledge told taken back: "the BNDES offer to finance the pipeline had been withdrawn", "the
# plan was dropped". Not "the troops were withdrawn", which may be what was pledged.
_TAKEN_BACK = re.compile(
    r"\b(?:offer|pledge|promise|plan|proposal|commitment|undertaking|invitation|idea)s?\b"
    r"[^.;,]{0,60}?\b(?:(?:has|had|have)\s+been|was|were)\s+(?:withdrawn|dropped|retracted|ditched)\b",
    re.I,
)


# Fulfilment told by the promise itself: "as President Putin promised", "the promised 200".
_AS_PROMISED = re.compile(
    # "as pledged", "as Tokyo had promised", "just as Ljubljana had said it would"
    r"\bas (?:(?:[A-Z][\w.-]*|the|its|their|had|has|have)\s+){0,4}"
    r"(?:promised|pledged|vowed|said (?:it|they|he|she) would)\b"
    # "came back to full volume in mid-March, on the date N-Gas had given"
    r"|\bon the (?:date|day) (?:(?:[A-Z][\w.-]*|the|its|their|had|has|have)\s+){1,4}"
    r"(?:given|set|named|promised)\b"
    r"|\bthe (?:promised|pledged) (?=[$€£]?\d)",
)
_POSSESSIVE = re.compile(r"['’]s\b")
# What lies between an actor and a status cue it owns: a possessive and a word at most
# ("Moscow's four-year suspension"), or a resolve ("the U.S. decision to withdraw").
_OWNER_GAP = re.compile(
    r"(?:['’]s)?\s+(?:[\w-]+\s+)?"
    r"(?:(?:decision|move|plan|bid|threat|refusal|intention|choice)\s+to\s+)?"
)
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+$", re.I)
# A pronoun that is the subject of the cue: "it will withdraw", "they had suspended".
_PRONOUN_SUBJECT = re.compile(
    r"\b(?:it|they)\s+(?:(?:will|would|shall|has|have|had|is|are|was|were|did|does|do|also|then|"
    r"now|formally|officially)\s+)*$",
    re.I,
)


def _owner(s, at: int, end: int) -> set[str] | None:  # noqa: ANN001
    """The actor a status cue at `at`..`end` names as its own: its modifier or possessor right
    before it ("Russian violations", "Moscow's four-year suspension", "the U.S. decision to
    withdraw") or its agent right after it ("violations by Russia"); None when there is none."""
    text = s["text"]
    mentions = [(a, a["start"] - s["char_start"]) for a in s["actors"]]
    for a, start in reversed(mentions):
        stop = start + len(a["text"])
        gap = text[stop:at]
        own = a["kind"] == "modifier" or _POSSESSIVE.match(gap)
        if stop <= at and own and _OWNER_GAP.fullmatch(gap):
            return {a["actor"]}
    agent = re.match(r"(?:\s+[\w-]+){0,3}?\s+by\s+(?:the\s+)?", text[end:], re.I)
    if agent:
        after = [a for a, start in mentions if start in (end + agent.end(), end + agent.end() - 4)]
        if after:
            return {after[0]["actor"]}
    return None


def _with_coordinated(s, first: dict[str, Any]) -> set[str]:  # noqa: ANN001
    """An actor with those joined to it by "and" right after it: "Moldova and Romania"."""
    text, offset = s["text"], s["char_start"]
    about = {first["actor"]}
    end = first["start"] - offset + len(first["text"])
    for a in s["actors"]:
        start = a["start"] - offset
        if a["kind"] != "modifier" and start >= end:
            if text[end:start].strip(" ,") not in ("and", ""):
                break
            about.add(a["actor"])
            end = start + len(a["text"])
    return about


def _about(s, at: int, end: int) -> set[str]:  # noqa: ANN001
    """The actors a status cue at `at`..`end` is about when it names none itself:
    - the sentence's subject (the actor it opens with, "NATO allies ...", or else the first one
      named before the cue)
      when a pronoun is the cue's subject ("gave Russia
      formal notice that it will withdraw") or the cue opens a participle clause ("signed a law
      that ends the restrictions on Russia, fulfilling his promise");
    - else the one named nearest before it that is not a possessor of something else ("Russia's
      chemical weapons") nor the object of a preposition ("in Georgia"), with those coordinated
      with it ("The United States and Russia have met
      the limits"); else the first one named;
    - an empty set, meaning every party, for "both sides" or when no one is named."""
    text = s["text"]
    if _EACH_SIDE.search(text[_clause_start(text, at) : at]):
        return set()  # "Both sides met the limits": every party
    named = [(a, a["start"] - s["char_start"]) for a in s["actors"] if a["kind"] != "modifier"]
    participle = text[:at].rstrip().endswith(",") and re.match(r"\w+ing\b", text[at:end])
    if _PRONOUN_SUBJECT.search(text[:at]) or participle:
        subject = [
            a
            for a in s["actors"]
            if re.fullmatch(r"(?:the )?", text[: a["start"] - s["char_start"]], re.I)
        ]
        # not one named after the cue: "..., walking away from the memorandum with India"
        earlier = [a for a, start in named if start < at]
        if subject or earlier:
            first = subject[0] if subject else earlier[0]
            return _with_coordinated(s, first)
    before = [
        (a, start)
        for a, start in named
        if start < at
        and not _POSSESSIVE.match(text[start + len(a["text"]) :])
        and not _PLACE.search(text[:start])  # "its operation in Georgia": not the actor
        and not _PARTICIPLE_AGENT.search(text[:start])  # "the zone controlled by Russia"
        and not _SAID.match(text[start + len(a["text"]) :])  # "Pompeo said the breaches"
    ]
    if not before:
        # a possessor before the cue ("Russia's fuel company TVEL said it was stopping", "Lord
        # Robertson opened NATO's office"); else everyone when only places are named ("met in
        # Vienna"); else nobody named ("Pompeo said the breaches proved ..., Russia included")
        owners = [
            a
            for a, start in named
            if start < at
            and not _PLACE.search(text[:start])
            and not _SAID.match(text[start + len(a["text"]) :])
        ]
        if owners:
            return {owners[0]["actor"]}
        others = [a for a, start in named if not _PLACE.search(text[:start])]
        return {NOBODY} if others else set()
    about = {before[-1][0]["actor"]}
    for (left, lstart), (_, rstart) in zip(
        reversed(before[:-1]), reversed(before[1:]), strict=True
    ):
        gap = text[lstart + len(left["text"]) : rstart]
        if gap.strip(" ,") not in ("and", ""):
            break
        about.add(left["actor"])
    return about


def _current(history: Sequence[StatusReport], one_off: bool = False) -> str:
    """The latest status reported, expiry aside. An act done once ("agreed to extend the treaty",
    "to release the prisoners") stays done when the instrument is later suspended or accused of
    breaches; only its reversal ("reimposed the sanctions", withdrawn) undoes it. A breach is
    not undone by the breaker's later suspension of the rule."""
    status = "pending"
    for report in history:
        if report.status == "expired":
            continue
        if one_off and status == "fulfilled" and report.status in ("suspended", "breached"):
            continue
        if status == "breached" and report.status == "suspended":
            continue  # suspending a rule one is already breaking leaves the breach
        if status == "withdrawn" and report.status in ("suspended", "breached"):
            continue  # what a party has left, a later pause or breach does not bring back
        if status != "pending" and report.cue.startswith(RETOLD):
            continue  # a retelling in other words does not undo what was reported before
        status = report.status
    return status
