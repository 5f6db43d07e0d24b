"""The agreement map: for two camps and each issue, common interest, partial agreement or far apart.

Evidence is sentence by sentence (docs/relations.md explains the method):

1. A sentence counts for the pair when it is about an issue and involves both camps: it names an
   actor of each, or one camp and "both sides" / "the two sides", or it states a stance (a
   cue) without naming anyone in a document that names both camps.
2. Its polarity comes from stance cues when it has any ("common interest" +1, "obstacle" -1,
   "differ on the means": partial), else from the events it reports between the camps: each
   event weighs Goldstein/10 x confidence, halved when only proposed, at 0.3 when hypothetical,
   and a negated event counts against, at half weight.
3. Per issue, P is the sum of positive weights, N of negative ones, Q the number of partial cues:
   score = (P - N) / (P + N + Q), from -1 (apart) to +1 (common). Level: `common` when score >=
   thresholds.common, `apart` when score <= thresholds.apart, else `partial`; `unknown` without
   evidence. The balance (P, N, Q) is reported with the level.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from detente.issues import Taxonomy
from detente.store import Store

BOTH_SIDES = re.compile(
    r"\b(both sides|the two sides|the sides|each other|one another|both countries|both capitals)\b",
    re.I,
)
MODALITY_WEIGHT = {
    "asserted": 1.0,
    "reported": 1.0,
    "intended": 1.0,
    "proposed": 0.5,
    "hypothetical": 0.3,
}
UNMENTIONED_WEIGHT = 0.7  # a stance stated without naming anyone, in a document about the pair


@dataclass(frozen=True)
class Thresholds:
    """Where the score turns into a level; `detente map --common/--apart` change them."""

    common: float = 0.35
    apart: float = -0.35

    def __post_init__(self) -> None:
        if not -1 <= self.apart < self.common <= 1:
            raise ValueError("thresholds need -1 <= apart < common <= 1")


@dataclass(frozen=True)
class Evidence:
    doc_id: str
    date: str | None
    sentence: str
    polarity: str  # common, partial, apart
    weight: float
    basis: str  # the cue or events that decided the polarity

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

    @property
    def n_evidence(self) -> int:
        return len(self.evidence)

    def as_dict(self) -> dict[str, Any]:
        return {
            "issue": self.issue,
            "label": self.label,
            "level": self.level,
            "score": None if self.score is None else round(self.score, 3),
            "n_evidence": self.n_evidence,
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
) -> list[IssueStance]:
    """One IssueStance per issue of the taxonomy, most evidence first, unknown issues last."""
    params = {"side": _camp(side, "side"), "other": _camp(other, "other"),
              "since": since, "until": until}  # fmt: skip
    rows = store.query(
        f"""
        WITH sent AS (
            SELECT s.doc_id, s.sent_index, s.text, s.issues, s.stances,
                   coalesce(CAST(d.date AS VARCHAR), NULL) AS doc_date
            FROM sentences s JOIN documents d USING (doc_id)
            WHERE len(coalesce(s.issues, [])) > 0
              AND ($since IS NULL OR d.date >= $since) AND ($until IS NULL OR d.date <= $until)
        ),
        who AS (
            SELECT doc_id, sent_index,
                   bool_or(list_contains($side, actor) OR list_contains($side, country)) AS has_side,
                   bool_or(list_contains($other, actor) OR list_contains($other, country)) AS has_other,
                   count(*) AS n_actors
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
               coalesce(docs.doc_side AND docs.doc_other, false) AS doc_pair, ev.events
        FROM sent
        LEFT JOIN who USING (doc_id, sent_index)
        LEFT JOIN docs USING (doc_id)
        LEFT JOIN ev USING (doc_id, sent_index)
        ORDER BY sent.doc_date NULLS LAST, sent.doc_id, sent.sent_index
        """,
        params,
    )
    by_issue: dict[str, list[Evidence]] = defaultdict(list)
    for r in rows:
        found = _evidence(r)
        if found is not None:
            for issue in r["issues"]:
                by_issue[issue].append(found)
    stances = [_decide(taxonomy, issue, by_issue.get(issue, []), thresholds)
               for issue in taxonomy.issues]  # fmt: skip
    order = {"common": 0, "partial": 1, "apart": 2, "unknown": 3}
    return sorted(
        stances, key=lambda s: (s.level == "unknown", -s.n_evidence, order[s.level], s.issue)
    )


def _evidence(r: dict[str, Any]) -> Evidence | None:
    """The sentence's weight for the pair, or None when it says nothing about the pair."""
    stances = [s.split(":", 1) for s in (r["stances"] or [])]
    one_camp = r["has_side"] or r["has_other"]
    both_named = r["has_side"] and r["has_other"]
    if both_named or (one_camp and BOTH_SIDES.search(r["text"])):
        scale = 1.0
    elif r["n_actors"] == 0 and stances and r["doc_pair"]:
        scale = UNMENTIONED_WEIGHT
    else:
        return None
    date_ = r["doc_date"]
    if stances:
        weight = sum(
            1.0 if kind == "common" else -1.0 if kind == "apart" else 0.0 for kind, _ in stances
        )
        partial = any(kind == "partial" for kind, _ in stances)
        polarity = (
            "partial"
            if partial
            else "common"
            if weight > 0
            else "apart"
            if weight < 0
            else "partial"
        )
        basis = "; ".join(cue for _, cue in stances)
        return Evidence(r["doc_id"], date_, r["text"], polarity, weight * scale, basis)
    events = r["events"] or []
    if not events:
        return None
    weight = 0.0
    for e in events:
        w = (
            (e["goldstein"] or 0)
            / 10
            * (e["confidence"] or 0)
            * MODALITY_WEIGHT.get(e["modality"], 1.0)
        )
        weight += -0.5 * abs(w) if e["negated"] else w
    if weight == 0:
        return None
    polarity = "common" if weight > 0 else "apart"
    basis = "events " + ", ".join(sorted({e["cameo"] for e in events}))
    return Evidence(r["doc_id"], date_, r["text"], polarity, weight, basis)


def _decide(taxonomy: Taxonomy, issue: str, evidence: list[Evidence], t: Thresholds) -> IssueStance:
    label = taxonomy.label(issue)
    if not evidence:
        return IssueStance(
            issue, label, "unknown", None, {"common": 0.0, "apart": 0.0, "partial": 0.0}
        )
    p = sum(e.weight for e in evidence if e.weight > 0)
    n = sum(-e.weight for e in evidence if e.weight < 0)
    q = float(sum(1 for e in evidence if e.polarity == "partial"))
    score = (p - n) / (p + n + q) if p + n + q else 0.0
    level = "common" if score >= t.common else "apart" if score <= t.apart else "partial"
    return IssueStance(
        issue, label, level, score, {"common": p, "apart": n, "partial": q}, tuple(evidence)
    )
