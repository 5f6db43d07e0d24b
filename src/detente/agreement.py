"""The agreement map: for two camps and each issue, common interest, partial agreement or far apart.

Evidence is sentence by sentence (docs/relations.md explains the method):

1. A sentence is about the issues whose cues it contains; one without any takes the issues of the
   sentence just before it (up to two back), or in a document's first sentences its title's.
   An issue named only to date something else ("since the Georgia war") is dropped, and so is
   one named only by naming a camp (for Saudi Arabia and Iran, "Iran" or "Iranian pilgrims" is
   a party, not Iran's nuclear file). A sentence that names issues but no actor, stance or
   event, up to two sentences after one with evidence of agreement, is the agenda of what was
   agreed there ("NATO and Russia signed the declaration. The Council will start with
   counter-terrorism and non-proliferation."): it counts as common at half that sentence's
   weight. A sentence naming no issue is also about the issues its events between the camps are
   about by their kind (the taxonomy's CAMEO `events`: a cancelled visit, 160, is about
   diplomatic relations).
2. It counts for the pair when it names an actor of each camp, or one camp and "both sides" /
   "the two countries"; or, when it states a stance (a cue) in a document that names both camps,
   when it names one camp only, no actor, or no camp but "both sides" (weight 0.7).
3. Its polarity comes from stance cues when it has any ("common interest" +1, "obstacle" -1, a
   camp that "joined" the other camp "in" an act +1, whatever the act is aimed at; what both
   camps "agreed that" is so +1, its own cues of division left out; a
   negated or reversed common cue such as "failed to agree on" -1, "differ on the means" or
   "despite the dispute", "agreed to manage their disputes" or "keep trade out of the dispute":
   partial, cues of both signs:
   partial, praise qualified after a turn,
   "welcomed it but said the embargo was still in force": partial), else from the events it
   reports between the camps: each event weighs Goldstein/10 x confidence, halved when only
   proposed, at 0.3 when hypothetical, and a negated event counts against, at half weight (a
   negated hostile one not at all); an appeal or request (CAMEO 02) counts toward division.
   Without either, from its tone words ("the border stayed closed": apart), at TONE_WEIGHT;
   they count for an issue only when nothing else in the period speaks for it. When a sentence
   about several issues has cues of different signs, each cue goes to the issue named nearest
   to it ("a partner on Iran, though divided over Ukraine"); with cues of one sign, a cue in a
   relative clause goes to the issues of the phrase it hangs on ("... and NATO's missile defence
   plans, which Moscow opposes" is apart on missile defence only); in a sentence about one issue that
   turns ("but", "although", "while", ";"), only the cues (or tone words) of the part naming the
   issue count ("praised the charter, but Moscow's objection to enlargement stands" is apart).
4. Per issue, P is the sum of positive weights, N of negative ones, Q of partial ones (one
   sentence, one vote): score = (P - N) / (P + N + 2Q), a partial sentence counting one unit
   each way, from -1 (apart) to +1 (common), leaning toward the period's climate C (the same
   score over every sentence of the period, each once) as much as `thresholds.lean` units of
   evidence would: score = (P - N + prior x C) / (P + N + 2Q + prior). Level: `common` when
   score >= thresholds.common, `apart` when score <= thresholds.apart, else `partial`;
   `unknown` without evidence, or the climate's level when the period's stories name the issue
   without a stance. The balance (P, N, Q) is reported with the level. On request
   (`Thresholds(learned=True)`), a learned decision (`detente.levels`) sets the level of an issue
   with evidence of its own instead of the thresholds: it also weighs how much evidence there
   is, whether the rules or the reader found it, the climate and the issue.
5. Beside the rules, a learned sentence reader (`detente.reader`, trained on labelled sentences)
   reads every sentence of a document naming both camps: where it finds the sentence at least
   READER_MIN_P likely to speak to an issue for the pair with a stance, that stance is one more
   vote, at its probability x READER_WEIGHT (`Thresholds(reader=False)`: the rules alone).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from detente.config import (
    APART_UPTO,
    CLIMATE_PRIOR,
    COMMON_FROM,
    READER_MIN_P,
    READER_WEIGHT,
    RULES_CLIMATE_PRIOR,
)
from detente.issues import Taxonomy
from detente.levels import LevelModel, load_levels
from detente.reader import READING, Reader, Sample, labelled, load_reader, with_context
from detente.store import Store

BOTH_SIDES = re.compile(
    r"\b(both sides|the two sides|the sides|each other|one another|both countries|both capitals"
    r"|both governments|both nations|both leaders|both men|both ministers|the two countries"
    r"|the two capitals|the two governments|the two nations|the two leaders|the two powers"
    r"|the two presidents|the two ministers)\b",
    re.I,
)
MODALITY_WEIGHT = {
    "asserted": 1.0,
    "reported": 1.0,
    "intended": 1.0,
    "proposed": 0.5,
    "hypothetical": 0.3,
}
# A stance stated in a document that names both camps, by a sentence that names only one of them
# ("Moscow disagreed.") or neither ("Analysts call sanctions the main obstacle.").
UNMENTIONED_WEIGHT = 0.7
# A sentence naming issues but no actor, stance or event, right after one with evidence of
# agreement: the agenda of what was agreed there, at this share of its weight.
AGENDA_WEIGHT = 0.5
CONTEXT_BACK = 2  # a sentence without issue cues takes the issues of one up to this far back
LEAD = 3  # ... or, among a document's first sentences, the issues of its title
# "The first meeting since the Georgia war": an issue named only to date something else.
SINCE_WAR = re.compile(
    r"(?i:\bsince)\s+(?:(?i:the|its|their|last year's)\s+|\w+'s\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?i:war|conflict)\b(?:\s+(?i:in|with|over|against)\s+(?:[A-Z][\w'-]*\s*){1,3})?"
)
CUE_SIGN = {"common": 1.0, "apart": -1.0, "reversed": -1.0, "partial": 0.0}
TONE_SIGN = {"tone_up": 1.0, "tone_down": -1.0}
# A sentence with neither stance cue nor event between the camps counts by its tone words
# ("the border has stayed closed") at this share of a cue's weight.
TONE_WEIGHT = 0.5
TONE_BASIS = "tone: "
# Appeals and requests (CAMEO 02) between the camps: one asks of the other what it has not got
# ("urged Pakistan to review the steps", "asked that the training mission be scaled back"), so
# they count toward division at their Goldstein weight, though the codebook scores them mildly
# cooperative; readers judged 6 of 8 such sentences apart or partial.
REQUEST_ROOT = "02"
CLIMATE_BASIS = "climate: "
READER_BASIS = READING


@dataclass(frozen=True)
class Climate:
    """The pair's relations over a period, from the evidence on every issue: what an issue the
    texts name without any stance on it is taken to share."""

    score: float
    sentences: int


@dataclass(frozen=True)
class Thresholds:
    """Where the score turns into a level; `detente map --common/--apart` change them."""

    common: float = COMMON_FROM
    apart: float = APART_UPTO
    # an issue named in the period's stories on the pair but with no stance on it takes the
    # level of the period's climate, and an issue's own score leans toward that climate as
    # much as this many units of evidence would (`detente map --no-climate` does neither); by
    # default CLIMATE_PRIOR, or RULES_CLIMATE_PRIOR for the rules alone
    climate: bool = True
    prior: float | None = None
    # the learned sentence reader's evidence alongside the rules' (`detente map --no-reader`:
    # the rules alone); `agreement_map(reader=...)` passes another reader
    reader: bool = True
    # the learned level decision (`detente.levels`) instead of the thresholds, with the default
    # settings otherwise (`learned_levels`); `detente map --learned-levels` turns it on. Off by
    # default: it gains on the development cases cross-fitted but not on the blind sets
    learned: bool = False

    @property
    def learned_levels(self) -> bool:
        """Whether levels come from the learned decision: when asked for, and on maps like those
        it learned from (the sentence reader, the climate, the default thresholds and lean)."""
        return (
            self.learned and self.reader and self.climate and self.prior is None
            and (self.common, self.apart) == (COMMON_FROM, APART_UPTO)
        )  # fmt: skip

    def level(self, score: float) -> str:
        return "common" if score >= self.common else "apart" if score <= self.apart else "partial"

    @property
    def lean(self) -> float:
        """How many units of evidence the climate counts for in an issue's score."""
        if self.prior is not None:
            return self.prior
        return CLIMATE_PRIOR if self.reader else RULES_CLIMATE_PRIOR

    def __post_init__(self) -> None:
        if not -1 <= self.apart < self.common <= 1:
            raise ValueError("thresholds need -1 <= apart < common <= 1")
        if self.lean < 0:
            raise ValueError("the climate's weight (prior) cannot be negative")


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    date: str | None
    sentence: str
    polarity: str  # common, partial, apart
    weight: float
    basis: str  # the cue or events that decided the polarity

    @property
    def by_tone(self) -> bool:
        return self.basis.startswith(TONE_BASIS)

    @property
    def by_climate(self) -> bool:
        return self.basis.startswith(CLIMATE_BASIS)

    def as_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "date": self.date, "sentence": self.sentence,
                "polarity": self.polarity, "weight": round(self.weight, 3), "basis": self.basis}  # fmt: skip


@dataclass(frozen=True)
class IssueStance:
    issue: str
    label: str
    level: str
    score: float | None
    balance: dict[str, float]
    evidence: tuple[Evidence, ...] = field(default_factory=tuple)
    climate: float | None = None  # the score of the period's climate it leaned toward

    @property
    def n_evidence(self) -> int:
        """The sentences behind the level (the rules and the learned reader may each count one)."""
        return len({(e.doc_id, e.sentence) for e in self.evidence})

    @property
    def from_climate(self) -> bool:
        """Whether the level is the period's climate, the issue being named without a stance."""
        return bool(self.evidence) and all(e.by_climate for e in self.evidence)

    def as_dict(self) -> dict[str, Any]:
        return {
            "issue": self.issue,
            "label": self.label,
            "level": self.level,
            "score": None if self.score is None else round(self.score, 3),
            "n_evidence": self.n_evidence,
            "from_climate": self.from_climate,
            "balance": {k: round(v, 3) for k, v in self.balance.items()},
            "evidence": [e.as_dict() for e in self.evidence],
        }


def _camp(codes: Sequence[str], name: str) -> list[str]:
    camp = [c.strip().upper() for c in ([codes] if isinstance(codes, str) else codes) if c.strip()]
    if not camp:
        raise ValueError(f"{name} must name at least one actor or country code")
    return camp


def agreement_map(
    store: Store,
    taxonomy: Taxonomy,
    side: Sequence[str],
    other: Sequence[str],
    since: date | None = None,
    until: date | None = None,
    thresholds: Thresholds = Thresholds(),
    reader: Reader | None = None,
    levels: LevelModel | None = None,
) -> list[IssueStance]:
    """One IssueStance per issue of the taxonomy, most evidence first, unknown issues last.

    An issue that stories naming both camps mention in the period, but with no evidence of its
    own, takes the level of the period's climate (see `Climate`), its mentions as evidence,
    unless `thresholds.climate` is off. With `thresholds.learned_levels` an issue with evidence
    of its own takes the level the learned decision gives it (`levels`, default the shipped one;
    see `detente.levels`)."""
    if reader is None and thresholds.reader:
        reader = load_reader()
    if levels is None and thresholds.learned_levels:
        levels = load_levels()
    # the reader reads every sentence of the period, the rules those with something to read
    rows = _rows(store, side, other, since, until, every=reader is not None)
    finder = _IssueFinder(taxonomy)
    by_issue: dict[str, list[Evidence]] = defaultdict(list)
    named: dict[str, list[dict[str, Any]]] = defaultdict(list)  # sentences naming each issue
    last: tuple[str, int, tuple[str, ...]] = ("", -1, ())  # doc, sentence, issues
    said: tuple[str, int, Evidence | None] = ("", -1, None)  # the last sentence with evidence
    for r in rows:
        if not _readable(r):
            continue
        own = finder.topical(tuple(r["issues"] or ()), r["text"])
        own = finder.beyond_camps(own, r["text"], r["camp_spans"], r["char_start"])
        if own:
            issues, context = own, False
        elif last[0] == r["doc_id"] and r["sent_index"] - last[1] <= CONTEXT_BACK:
            issues, context = last[2], True
        elif r["sent_index"] < LEAD:
            issues, context = finder.issues(r["title"] or ""), True
        else:
            issues, context = (), True
        if not own and (implied := finder.implied(r["events"] or ())):
            issues = tuple(dict.fromkeys(implied + issues))
        if own:
            last = (r["doc_id"], r["sent_index"], own)
            if r["doc_pair"]:
                for issue in own:
                    named[issue].append(r)
        if not issues:  # no issue, but perhaps what the next sentence gives the agenda of
            if found := _evidence(r, ("",), None):
                said = (r["doc_id"], r["sent_index"], found[""])
            continue
        found = _evidence(r, issues, None if context else finder)
        for issue, e in found.items():
            by_issue[issue].append(e)
        if found:
            said = (r["doc_id"], r["sent_index"], next(iter(found.values())))
        elif (
            not context
            and r["n_actors"] == 0
            and said[0] == r["doc_id"]
            and r["sent_index"] - said[1] <= CONTEXT_BACK
            and said[2].polarity == "common"  # the agenda of an agreement, not of a quarrel
            and not said[2].by_tone
        ):
            # "The Council will start with counter-terrorism and non-proliferation" after "they
            # signed the declaration": the agenda of what the sentence before agreed
            before = said[2]
            for issue in issues:
                by_issue[issue].append(
                    Evidence(r["doc_id"], r["doc_date"], r["text"], before.polarity,
                             before.weight * AGENDA_WEIGHT, f"agenda of: {before.basis}")
                )  # fmt: skip
    if reader is not None:
        _read(rows, reader, finder, by_issue)
    stances = [_decide(taxonomy, issue, by_issue.get(issue, []), thresholds)
               for issue in taxonomy.issues]  # fmt: skip
    climate = climate_of(by_issue.values()) if thresholds.climate else None
    if climate:
        stances = [
            replace(
                _from_climate(s, named[s.issue], climate, thresholds)
                if s.level == "unknown" and named.get(s.issue)
                else _lean(s, climate, thresholds),
                climate=climate.score,
            )
            for s in stances
        ]
    if levels is not None and thresholds.learned_levels:
        stances = [levels.relevel(s) for s in stances]
    order = {"common": 0, "partial": 1, "apart": 2, "unknown": 3}
    return sorted(
        stances, key=lambda s: (s.level == "unknown", -s.n_evidence, order[s.level], s.issue)
    )


def _readable(r: dict[str, Any]) -> bool:
    """Whether the rules have anything to read in a sentence: issues, stance cues or events
    between the camps."""
    return bool(r["issues"] or r["stances"] or r["events"])


def _read(
    rows: Sequence[dict[str, Any]],
    reader: Reader,
    finder: _IssueFinder,
    by_issue: dict[str, list[Evidence]],
) -> None:
    """The learned reader's evidence (see `detente.reader`), alongside the rules': every sentence
    of the period, in a document naming both camps, that it reads as speaking to an issue for the
    pair (probability >= READER_MIN_P) with a stance rather than none counts as that stance,
    weighing the stance's probability times READER_WEIGHT. `rows`: every sentence of the period."""
    for r, found in with_context(rows, finder.issues):
        if not r["doc_pair"]:
            continue  # a story that never names one of the camps says nothing of the pair
        for reading in reader.read(found):
            if reading.p_issue < READER_MIN_P:
                break  # most likely issue first
            best = reading.best
            if best == "none" or (best == "common" and _among_members(r)):
                continue
            p = reading.stance[best]
            weight = p * READER_WEIGHT
            by_issue[reading.issue].append(
                Evidence(r["doc_id"], r["doc_date"], r["text"], best,
                         -weight if best == "apart" else weight,
                         f"{READER_BASIS}{best} {p:.0%}, on the issue {reading.p_issue:.0%}")
            )  # fmt: skip


def labelled_sentences(
    store: Store,
    taxonomy: Taxonomy,
    side: Sequence[str],
    other: Sequence[str],
    labels: dict[tuple[str, int], tuple[str | None, dict[str, str]]],
) -> list[Sample]:
    """The reader's training samples from a store of one case: its labelled sentences, read for
    the pair as the map reads them (see `detente.reader.read_labels`)."""
    rows = _rows(store, side, other, None, None, every=True)
    return labelled(with_context(rows, _IssueFinder(taxonomy).issues), labels)


def _rows(
    store: Store,
    side: Sequence[str],
    other: Sequence[str],
    since: date | None,
    until: date | None,
    every: bool = False,
) -> list[dict[str, Any]]:
    """The sentences of the period that may speak about the pair: those with issues, stance
    cues or events between the camps (`every`: all of them), with who they name and the events
    they report."""
    params = {"side": _camp(side, "side"), "other": _camp(other, "other"),
              "since": since, "until": until, "every": every}  # fmt: skip
    return store.query(
        f"""
        WITH sent AS (
            SELECT s.doc_id, s.sent_index, s.text, s.issues, s.stances, d.title, s.char_start,
                   coalesce(CAST(d.date AS VARCHAR), NULL) AS doc_date
            FROM sentences s JOIN documents d USING (doc_id)
            WHERE ($since IS NULL OR d.date >= $since) AND ($until IS NULL OR d.date <= $until)
        ),
        who AS (
            SELECT doc_id, sent_index,
                   bool_or(list_contains($side, actor) OR list_contains($side, country)) AS has_side,
                   bool_or(list_contains($other, actor) OR list_contains($other, country)) AS has_other,
                   count(*) AS n_actors,
                   list({{'start': char_start, 'end': char_end, 'text': text, 'kind': kind,
                          'side': list_contains($side, actor) OR list_contains($side, country)}})
                   FILTER (
                       WHERE list_contains($side, actor) OR list_contains($side, country)
                          OR list_contains($other, actor) OR list_contains($other, country)
                   ) AS camp_spans
            FROM actor_mentions GROUP BY ALL
        ),
        docs AS (
            SELECT doc_id, bool_or(has_side) AS doc_side, bool_or(has_other) AS doc_other
            FROM who GROUP BY ALL
        ),
        ev AS (
            SELECT doc_id, sent_index,
                   list({{'cameo': cameo, 'goldstein': goldstein, 'confidence': confidence,
                          'negated': negated, 'modality': modality}}) AS events
            FROM {store.mentions_table}
            WHERE ((list_contains($side, source) OR list_contains($side, source_country))
                   AND (list_contains($other, target) OR list_contains($other, target_country)))
               OR ((list_contains($other, source) OR list_contains($other, source_country))
                   AND (list_contains($side, target) OR list_contains($side, target_country)))
            GROUP BY ALL
        )
        SELECT sent.*, coalesce(who.has_side, false) AS has_side,
               coalesce(who.has_other, false) AS has_other, coalesce(who.n_actors, 0) AS n_actors,
               coalesce(who.camp_spans, []) AS camp_spans,
               coalesce(docs.doc_side AND docs.doc_other, false) AS doc_pair, ev.events
        FROM sent
        LEFT JOIN who USING (doc_id, sent_index)
        LEFT JOIN docs USING (doc_id)
        LEFT JOIN ev USING (doc_id, sent_index)
        WHERE $every OR len(coalesce(sent.issues, [])) > 0
           OR len(coalesce(sent.stances, [])) > 0 OR ev.events IS NOT NULL  -- see _readable
        ORDER BY sent.doc_date NULLS LAST, sent.doc_id, sent.sent_index
        """,
        params,
    )


def sentence_evidence(
    store: Store,
    side: Sequence[str],
    other: Sequence[str],
    since: date | None = None,
    until: date | None = None,
) -> list[Evidence]:
    """Every sentence's evidence on the pair, whatever its issue, oldest first: what the
    turning points read."""
    found = (_evidence(r, ("",), None).get("") for r in _rows(store, side, other, since, until))
    return [e for e in found if e is not None]


class _IssueFinder:
    """Where a text names each issue, by the taxonomy's cues (whole words, any case): for titles,
    and to tell which issue of a sentence a stance cue is closest to."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self._taxonomy = taxonomy
        self._patterns = {
            issue.id: re.compile(
                r"(?<!\w)(?:"
                + "|".join(re.escape(c) for c in sorted(issue.cues, key=len, reverse=True))
                + r")(?!\w)",
                re.I,
            )
            for issue in taxonomy.issues.values()
            if issue.cues
        }

    def topical(self, issues: tuple[str, ...], text: str) -> tuple[str, ...]:
        """The issues less those named only in a dating phrase ("since the Georgia war"), when
        the sentence is about something else too; and less sanctions that are the tool of
        another issue, imposed on a third party ("lifting the sanctions on Iran", "new North
        Korea sanctions" are about Iran's and North Korea's files, not sanctions between the
        sides; "sanctions over Ukraine" are)."""
        if "sanctions" in issues and len(issues) > 1:
            others = [span for i in issues if i != "sanctions" for span in self.spans(i, text)]
            spans = self.spans("sanctions", text)
            if spans and all(_on_target(text, span, others) for span in spans):
                issues = tuple(i for i in issues if i != "sanctions")
        dating = [m.span() for m in SINCE_WAR.finditer(text)]
        if len(issues) < 2 or not dating:
            return issues
        return self._named_outside(issues, text, dating) or issues

    def beyond_camps(
        self, issues: tuple[str, ...], text: str, spans: list[dict[str, int]], offset: int
    ) -> tuple[str, ...]:
        """The issues less those named only by naming one of the two camps: for Saudi Arabia and
        Iran, "Iran" and "Iranian pilgrims" name a party, not Iran's nuclear file, which other
        cues still name ("Iran's nuclear programme"). Of "Indian troops" only the adjective
        names the camp: "troops" still names deployments."""
        camps = [
            (a["start"] - offset, a["start"] - offset + len(a["text"].split()[0]))
            if a["kind"] == "adjective"
            else (a["start"] - offset, a["end"] - offset)
            for a in spans
        ]
        return self._named_outside(issues, text, camps) if camps else issues

    def _named_outside(
        self, issues: tuple[str, ...], text: str, covered: list[tuple[int, int]]
    ) -> tuple[str, ...]:
        """The issues a cue names at least once outside the `covered` spans (and those no cue of
        the text names: they came with the sentence)."""
        return tuple(
            i
            for i in issues
            if not (spans := self.spans(i, text))
            or any(not any(a <= s and e <= b for a, b in covered) for s, e in spans)
        )

    def implied(self, events: Sequence[dict[str, Any]]) -> tuple[str, ...]:
        """The issues the sentence's events between the camps are about by their kind alone
        (the taxonomy's `events` codes)."""
        found = (i for e in events for i in self._taxonomy.implied_by(e["cameo"] or ""))
        return tuple(dict.fromkeys(found))

    def issues(self, text: str) -> tuple[str, ...]:
        return tuple(i for i, p in self._patterns.items() if p.search(text))

    def spans(self, issue: str, text: str) -> list[tuple[int, int]]:
        pattern = self._patterns.get(issue)
        return [m.span() for m in pattern.finditer(text)] if pattern else []


def _on_target(text: str, span: tuple[int, int], others: list[tuple[int, int]]) -> bool:
    """Whether the sanctions at `span` are imposed on what another issue names: "sanctions on
    Iran", "sanctions against Pyongyang", "North Korea sanctions", "Iran's nuclear-related
    sanctions"."""
    after = re.match(r"\s+(?:on|against)\s+(?:the\s+)?", text[span[1] :])
    if after and any(s == span[1] + after.end() for s, _ in others):
        return True
    before = text[: span[0]]  # a name, not a kind: "North Korea sanctions", not "oil embargo"
    return any(
        text[s].isupper() and re.fullmatch(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}", before[e:])
        for s, e in others
        if e <= span[0]
    )


def _scale(r: dict[str, Any], stances: list[tuple[str, str]]) -> float | None:
    """How much the sentence counts for the pair, or None when it is not about the pair."""
    one_camp = r["has_side"] or r["has_other"]
    if (r["has_side"] and r["has_other"]) or (one_camp and BOTH_SIDES.search(r["text"])):
        return 1.0
    if (
        stances
        and r["doc_pair"]
        and (one_camp or r["n_actors"] == 0 or BOTH_SIDES.search(r["text"]))
    ):
        return UNMENTIONED_WEIGHT
    return None


def _evidence(
    r: dict[str, Any], issues: Sequence[str], finder: _IssueFinder | None
) -> dict[str, Evidence]:
    """The sentence's evidence for each of its issues; empty when it says nothing about the pair.
    `finder` (for issues named in the sentence itself) lets cues of different signs go each to
    the issue named nearest to them."""
    tagged = [tuple(s.split(":", 1)) for s in (r["stances"] or [])]
    stances = [(aimed, c) for k, c in tagged if k in CUE_SIGN if (aimed := _aimed(r, k, c))]
    if joined := _joined_in(r):
        stances.append(("common", joined))
    if _among_members(r):
        # what allies agree among themselves is no ground shared with the other camp
        stances = [(k, c) for k, c in stances if k != "common"]
    if agreed := _agreed_that(r):
        # what the two agree on is shared, however grim: "the two leaders agreed that
        # Pyongyang's programmes were a grave threat to the region"
        stances = [(k, c) for k, c in stances if k == "common" or _before(r["text"], c, agreed)]
        stances.append(("common", agreed.group(0)))
    tones = [(k, c) for k, c in tagged if k in TONE_SIGN]
    scale = _scale(r, stances or tones)
    if scale is None:
        return {}
    if stances:
        groups = {issue: stances for issue in issues}
        signs = {CUE_SIGN[k] for k, _ in stances}
        if finder is not None and len(issues) > 1 and len(signs) > 1:
            groups = _nearest(r["text"], issues, stances, finder)
        elif finder is not None and len(issues) > 1:
            groups = _antecedents(r["text"], issues, stances, finder)
        elif finder is not None and len(signs) > 1:
            groups = {issue: _contrasted(r["text"], issue, stances, finder) for issue in issues}
        # praise qualified after a turn, when the sentence has no cue of division
        qualified = signs == {1.0} and _qualified(r["text"], stances)
        return {
            issue: _from_cues(r, cues, scale, qualified) for issue, cues in groups.items() if cues
        }
    events = r["events"] or []
    weight = 0.0
    for e in events:
        w = (
            (e["goldstein"] or 0)
            / 10
            * (e["confidence"] or 0)
            * MODALITY_WEIGHT.get(e["modality"], 1.0)
        )
        if (e["cameo"] or "").startswith(REQUEST_ROOT):
            w = -abs(w)  # "urged New Delhi to cooperate": something asked of the other, not had
        # an act denied counts against, at half weight ("did not sign"), unless it is hostile:
        # "has not annexed West Bank land" is no sign of division
        weight += (-0.5 * abs(w) if w > 0 else 0.0) if e["negated"] else w
    if weight == 0:
        return _from_tone(r, issues, tones, scale, finder)
    polarity = "common" if weight > 0 else "apart"
    basis = "events " + ", ".join(sorted({e["cameo"] for e in events}))
    found = Evidence(r["doc_id"], r["doc_date"], r["text"], polarity, weight, basis)
    return dict.fromkeys(issues, found)


# One camp joining the other in an act: "Japan has joined the United States in sanctions on
# Russia", "Seoul joined Washington in condemning the launch".
JOINED = re.compile(r"\bjoin(?:s|ed|ing)?\s+(?:the\s+)?$", re.I)
JOINED_IN = re.compile(
    r"^(?:'s?|’s?)?\s+in\s+(?!(?:19|20)\d\d\b|January|February|March|April|May|June|"
    r"July|August|September|October|November|December)\S",
    re.I,
)


def _joined_in(r: dict[str, Any]) -> str | None:
    """The cue when a camp of one side "joined" a camp of the other "in" an act (the joiner named
    before): the two act together, whatever their act is aimed at."""
    spans = r.get("camp_spans") or []
    text, offset = r["text"], r.get("char_start", 0)
    for a in spans:
        start, end = a["start"] - offset, a["end"] - offset
        before = text[:start]
        if (
            (m := JOINED.search(before))
            and JOINED_IN.match(text[end:])
            and any(b["side"] != a["side"] and b["end"] - offset <= m.start() for b in spans)
        ):
            return f"{m.group(0).strip()} {a['text']} in"
    return None


# One camp's members deciding among themselves: "Allied ambassadors ... agreed to activate defence
# plans", "Allies also agreed a tailored presence", "NATO leaders pledged to".
AMONG_MEMBERS = re.compile(
    r"^(?:[^,;]{0,60},\s+)?(?:the\s+)?(?:(?:NATO|EU|alliance)\s+)?(?:Allies|allies|Allied\s+\w+|allied\s+\w+|"
    r"(?:alliance|member)\s+(?:members|states|governments|leaders)|"
    r"(?<=NATO\s)(?:leaders|members|ministers|ambassadors|defence ministers|foreign ministers))\b"
    r"[^;:]{0,120}?\b(?:agreed|decided|pledged|committed|endorsed|approved|signed off)\b"
)


def _among_members(r: dict[str, Any]) -> bool:
    """Whether the sentence tells one camp's members agreeing among themselves, the other camp
    not named among those who agree (it may be what they act on: "agreed to move more forces to
    the eastern members, where Russian troops have massed"): no ground shared with it."""
    m = AMONG_MEMBERS.search(r["text"])
    if not m:
        return False
    offset = r.get("char_start", 0)
    sides = {a["side"] for a in r.get("camp_spans") or [] if a["start"] - offset < m.end()}
    return len(sides) < 2


# What two sides agree is so: "the two leaders agreed that ...", "Seoul and Tokyo agree that".
AGREED_THAT = re.compile(r"\bagree[ds]?\s+that\b", re.I)


def _agreed_that(r: dict[str, Any]) -> re.Match[str] | None:
    """The match of "agreed that" when both camps are its subject: the two sides, or a camp of
    each side named before it in the same clause."""
    text, offset = r["text"], r.get("char_start", 0)
    m = AGREED_THAT.search(text)
    if not m:
        return None
    start = max((b.end() for b in re.finditer(r"[;:]|,\s+(?:but|while|and)\b", text[: m.start()])),
                default=0)  # fmt: skip
    head = text[start : m.start()]
    if re.search(r"\b(?:not|never|n't|failed|refused)\b", head, re.I):
        return None
    if BOTH_SIDES.search(head):
        return m
    spans = r.get("camp_spans") or []
    sides = {a["side"] for a in spans if start <= a["start"] - offset < m.start()}
    return m if len(sides) == 2 else None


def _before(text: str, cue: str, m: re.Match[str]) -> bool:
    """Whether a cue stands in the sentence before the match `m`."""
    found = _cue_and_aim(text, cue)
    return bool(found) and found[0].start() < m.start()


# A stand against something: whether it divides the pair depends on what it is aimed at.
STAND = re.compile(r"(?:condemn|denounc|deplor|critici[sz])", re.I)
# Where the thing a stand is aimed at ends: "condemned the attacks and stood by the Emirates".
AIM_END = re.compile(r"[,;:]|\s(?:and|but|while|which|who|as|after|because|saying|calling)\s", re.I)
VICTIM = re.compile(r"\b(?:on|against|targeting|at|in)\s+(?:the\s+)?$", re.I)


# A court's or tribunal's ruling welcomed by one camp alone: a win over the other ("Vietnam
# welcomed the award of an arbitration tribunal", "Phnom Penh welcomed the order").
WELCOMED = re.compile(r"welcom", re.I)
JOINT_SUBJECT = re.compile(r"\band\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:both\s+)?$")
RULING = re.compile(r"\b(?:ruling|award|verdict|judg(?:e)?ment|order)s?\b", re.I)


def _cue_and_aim(text: str, cue: str) -> tuple[re.Match[str], int] | None:
    """Where a cue stands in its sentence, and where what it is aimed at ends (AIM_END)."""
    m = re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", text, re.I)
    if not m:
        return None
    stop = AIM_END.search(text, m.end())
    return m, stop.start() if stop else len(text)


def _welcomes_a_ruling(r: dict[str, Any], cue: str) -> bool:
    """Whether one camp alone welcomes a ruling: the words after the cue, up to the end of its
    phrase, name a ruling, and neither "both sides" nor a pair ("Peru and Chile") welcomes it."""
    text = r["text"]
    found = _cue_and_aim(text, cue)
    if not found or BOTH_SIDES.search(text) or JOINT_SUBJECT.search(text[: found[0].start()]):
        return False
    m, end = found
    return bool(RULING.search(text[m.end() : end]))


def _aimed(r: dict[str, Any], kind: str, cue: str) -> str | None:
    """The kind a stance cue counts as for the pair. A stand ("condemned", "denounced") aimed at
    what neither camp is named in is no division between them ("Israel condemned the Houthi
    attacks"), unless a pronoun may name one ("condemning his ministers"); one aimed at what was
    done to the camp other than the one that takes it is solidarity ("the Emirates condemned the
    attack on Israel"); one aimed at a camp or its doing divides them ("condemned the storming of
    the mosque by Israeli police")."""
    if kind == "common" and WELCOMED.match(cue):
        return "apart" if _welcomes_a_ruling(r, cue) else kind
    if kind != "apart" or not STAND.match(cue):
        return kind
    text, offset = r["text"], r["char_start"]
    found = _cue_and_aim(text, cue)
    if not found:
        return kind
    m, end = found
    aim = text[m.end() : end]
    if not aim.strip() or re.search(r"\b(?:his|her|its|their|each other|one another)\b", aim, re.I):
        return kind
    spans = r["camp_spans"] or []
    inside = [a for a in spans if m.end() <= a["start"] - offset < end]
    if not inside:
        return None
    takers = {a["side"] for a in spans if a["start"] - offset < m.start()}
    victims = {a["side"] for a in inside if VICTIM.search(text[m.end() : a["start"] - offset])}
    if victims == {a["side"] for a in inside} and takers and not takers & victims:
        return "common"
    return kind


def _from_tone(
    r: dict[str, Any],
    issues: Sequence[str],
    tones: Sequence[tuple[str, str]],
    scale: float,
    finder: _IssueFinder | None = None,
) -> dict[str, Evidence]:
    """A sentence without stance cues or events between the camps, by its tone words: the way
    most of them point, at TONE_WEIGHT; none when they are even. In a sentence that turns, the
    words of the part naming the issue ("wanted a sea of cooperation and friendship, but there
    was no agreement to resume the stalled gas field talks" is down on energy)."""
    found = {}
    tones = [(k, w) for k, w in tones if not _past_only(r["text"], w)]
    for issue in issues:
        words = _contrasted(r["text"], issue, tones, finder) if finder else list(tones)
        net = sum(TONE_SIGN[k] for k, _ in words)
        if net == 0:
            continue
        weight = TONE_WEIGHT * scale * (1 if net > 0 else -1)
        basis = TONE_BASIS + ", ".join(c for _, c in words)
        found[issue] = Evidence(r["doc_id"], r["doc_date"], r["text"],
                                "common" if net > 0 else "apart", weight, basis)  # fmt: skip
    return found


def _past_only(text: str, word: str) -> bool:
    """Whether every use of a tone word dates the present or ends the past: "the best mood
    since the espionage allegations surfaced", "the deal closes a chapter"."""
    uses = [m.start() for m in re.finditer(rf"\b{re.escape(word)}\b", text, re.I)]
    return bool(uses) and all(
        re.search(r"\bsince\b[^,;:]*$", text[:at], re.I)
        or re.match(r"(?:a|the|that|this)\s+chapter\b", text[at + len(word) :].lstrip(), re.I)
        for at in uses
    )


def _from_cues(
    r: dict[str, Any], cues: Sequence[tuple[str, str]], scale: float, qualified: bool = False
) -> Evidence:
    """A sentence's polarity from its stance cues: partial when it has a partial cue, cues of
    both signs or `qualified` praise (its weight then counts in Q), else the sign of their sum."""
    signs = [CUE_SIGN[k] for k, _ in cues]
    partial = (
        any(k == "partial" for k, _ in cues)
        or (1.0 in signs and -1.0 in signs)
        or (qualified and set(signs) == {1.0})
    )
    if partial:
        polarity, weight = "partial", scale
    else:  # one sentence, one vote: "common interest; success story" is no stronger than one
        polarity, weight = ("common", scale) if sum(signs) > 0 else ("apart", -scale)
    basis = "; ".join(f"{c} (reversed)" if k == "reversed" else c for k, c in cues)
    return Evidence(r["doc_id"], r["doc_date"], r["text"], polarity, weight, basis)


# Where a sentence turns: "X hailed the document, but Moscow's objection to expansion stands".
CONTRAST = re.compile(r",?\s+\b(?:but|although|though|whereas|while|yet)\b|;\s*", re.I)
# What a turn after praise says is still wrong: "welcomed the decision but said the embargo was
# still in force", "hailed the operation, although officials cautioned that ...".
RESERVATION = re.compile(
    r"\b(?:not|no|never|n't|still|yet to|cautioned|warned|insisted|complained|remains?)\b", re.I
)


def _qualified(text: str, cues: Sequence[tuple[str, str]]) -> bool:
    """Whether praise is qualified: after the last common cue the sentence turns ("but",
    "although", ";") to a reservation, with no common cue of its own."""
    lowered = text.lower()
    last = max((lowered.rfind(c) for _, c in cues), default=-1)
    if last < 0:
        return False
    turn = CONTRAST.search(text, last)
    return bool(turn and RESERVATION.search(text, turn.end()))


def _contrasted(
    text: str, issue: str, stances: Sequence[tuple[str, str]], finder: _IssueFinder
) -> list[tuple[str, str]]:
    """Of the cues of a sentence that turns ("but", "although", ";"), those in the part that
    names the issue, when only one part does: "Yeltsin hailed the document as the end of the
    Cold War's divisions, but Moscow's objection to the Alliance's expansion was unchanged" is
    apart on enlargement, not partial."""
    cuts = [0] + [m.start() for m in CONTRAST.finditer(text)] + [len(text)]
    parts = list(zip(cuts[:-1], cuts[1:], strict=True))
    if len(parts) < 2:
        return list(stances)
    spans = finder.spans(issue, text)
    naming = [p for p in parts if any(p[0] <= s < p[1] for s, _ in spans)]
    if len(naming) != 1:
        return list(stances)
    lowered, (start, end) = text.lower(), naming[0]
    kept = [
        (k, c)
        for k, c in stances
        if any(
            start <= m.start() < end for m in re.finditer(rf"(?<!\w){re.escape(c)}(?!\w)", lowered)
        )
    ]
    return kept or list(stances)


# A relative clause and what it is about: "NATO's missile defence plans, which Moscow opposes".
RELATIVE = re.compile(r",\s+(?:which|where|on which|in which|over which)\s+[^,;]*", re.I)


def _antecedents(
    text: str,
    issues: Sequence[str],
    stances: Sequence[tuple[str, str]],
    finder: _IssueFinder,
) -> dict[str, list[tuple[str, str]]]:
    """A cue inside a relative clause goes to the issues named in the phrase the clause hangs on,
    when that phrase names any: "discussed Afghanistan, Iran's nuclear programme and NATO's
    missile defence plans, which Moscow continues to oppose" is apart on missile defence only.
    Other cues go to every issue of the sentence."""
    lowered = text.lower()
    where = {issue: finder.spans(issue, text) for issue in issues}
    groups: dict[str, list[tuple[str, str]]] = {issue: [] for issue in issues}
    for kind, cue in stances:
        m = re.search(rf"(?<!\w){re.escape(cue)}(?!\w)", lowered)
        clause = next(
            (c for c in RELATIVE.finditer(text) if m and c.start() < m.start() < c.end()), None
        )
        owners: list[str] = []
        if clause is not None:
            # the phrase right before the clause, after the last comma or "and"
            head = max(
                (i + len(sep) for sep in (",", ";", " and ")
                 if (i := text.rfind(sep, 0, clause.start())) >= 0),
                default=0,
            )  # fmt: skip
            owners = [
                issue
                for issue, spans in where.items()
                if any(head <= s_ < clause.start() for s_, _ in spans)
            ]
        for issue in owners or issues:
            groups[issue].append((kind, cue))
    return groups


def _nearest(
    text: str,
    issues: Sequence[str],
    stances: Sequence[tuple[str, str]],
    finder: _IssueFinder,
) -> dict[str, list[tuple[str, str]]]:
    """Each stance cue goes to the issue(s) named nearest to it in the sentence; a cue that
    cannot be placed goes to every issue."""
    lowered = text.lower()
    where = {issue: finder.spans(issue, text) for issue in issues}
    groups: dict[str, list[tuple[str, str]]] = {issue: [] for issue in issues}
    pos = 0
    for kind, cue in stances:
        m = re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)").search(lowered, pos)
        m = m or re.compile(rf"(?<!\w){re.escape(cue)}(?!\w)").search(lowered)
        distance = {
            issue: min((max(s - m.end(), m.start() - e, 0) for s, e in spans), default=None)
            for issue, spans in where.items()
        } if m else {}  # fmt: skip
        known = {i: d for i, d in distance.items() if d is not None}
        if not known:
            for issue in issues:
                groups[issue].append((kind, cue))
            continue
        pos = m.end() if m else pos
        best = min(known.values())
        for issue, d in known.items():
            if d == best:
                groups[issue].append((kind, cue))
    return groups


def climate_of(evidence: Iterable[Iterable[Evidence]]) -> Climate | None:
    """The climate of a period from the evidence on all its issues, each sentence once, weighed
    as `_decide` weighs an issue's (tone only where nothing else speaks); None without
    evidence."""
    seen = {(e.doc_id, e.sentence): e for found in evidence for e in found if not e.by_climate}
    kept, p, n, q, score = _weigh(list(seen.values()))
    return Climate(score, len(kept)) if p + n + q else None


def _from_climate(
    stance: IssueStance, rows: Sequence[dict[str, Any]], climate: Climate, t: Thresholds
) -> IssueStance:
    """An issue named without a stance, at the level of the period's climate; the sentences
    naming it are its evidence, with no weight of their own."""
    level = t.level(climate.score)
    basis = (
        f"{CLIMATE_BASIS}named without a stance; the period's relations score "
        f"{climate.score:+.2f} over {climate.sentences} sentences"
    )
    evidence = tuple(
        Evidence(r["doc_id"], r["doc_date"], r["text"], level, 0.0, basis) for r in rows
    )
    return replace(stance, level=level, score=climate.score, evidence=evidence)


def _lean(stance: IssueStance, climate: Climate, t: Thresholds) -> IssueStance:
    """An issue's score leaning toward the period's climate as much as `t.lean` units of
    evidence would: (P - N + prior x climate) / (P + N + 2Q + prior). One friendly sentence in
    a hostile period is no common interest yet; twenty sentences are hardly moved."""
    b = stance.balance
    units = b["common"] + b["apart"] + 2 * b["partial"]
    if stance.score is None or not units or not t.lean:
        return stance
    score = (b["common"] - b["apart"] + t.lean * climate.score) / (units + t.lean)
    return replace(stance, score=score, level=t.level(score))


def _decide(taxonomy: Taxonomy, issue: str, evidence: list[Evidence], t: Thresholds) -> IssueStance:
    label = taxonomy.label(issue)
    if not evidence:
        return IssueStance(
            issue, label, "unknown", None, {"common": 0.0, "apart": 0.0, "partial": 0.0}
        )
    evidence, p, n, q, score = _weigh(evidence)
    return IssueStance(
        issue, label, t.level(score), score, {"common": p, "apart": n, "partial": q},
        tuple(evidence),
    )  # fmt: skip


def _weigh(evidence: list[Evidence]) -> tuple[list[Evidence], float, float, float, float]:
    """The evidence that counts (tone only where nothing else speaks), the sums of its positive
    (P), negative (N) and partial (Q) weights, and the score (P - N) / (P + N + 2Q)."""
    if any(not e.by_tone for e in evidence):
        evidence = [e for e in evidence if not e.by_tone]
    p = sum(e.weight for e in evidence if e.polarity == "common")
    n = sum(-e.weight for e in evidence if e.polarity == "apart")
    q = sum(e.weight for e in evidence if e.polarity == "partial")
    score = (p - n) / (p + n + 2 * q) if p + n + q else 0.0  # partial: one unit each way
    return evidence, p, n, q, score
