"""Deduplication: the mentions of one real event, in one document or many, become one event.

Two mentions report the same event when they have
- the same dyad at country level ("Moscow" and "Russia" are both RUS),
- compatible codes: the same CAMEO code, or one a refinement of the other ("05" and "057"),
- the same negation, and the same kind of modality (asserted and reported facts together;
  intentions, proposals and hypotheticals each apart), and
- compatible dates: day-precision dates within `window_days` of each other; a month- or
  year-precision date joins the day-precision event it contains (the largest, if several).

Clustering depends only on the set of mentions, never on the order they were stored in, and an
event's id is the id of its earliest mention (by date, then id): the same input always gives the
same events and ids. Adding documents can merge events, and the merged event keeps the id of its
earliest mention.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
FACTUAL = {"asserted", "reported"}


@dataclass(frozen=True)
class MentionKey:
    """What deduplication needs to know about one mention."""

    mention_id: str
    source_country: str
    target_country: str
    cameo: str
    negated: bool
    modality: str
    date: str | None
    date_precision: str | None

    @property
    def group(self) -> tuple[str, str, str, bool, str]:
        modality = "asserted" if self.modality in FACTUAL else self.modality
        return (self.source_country, self.target_country, self.cameo[:2], self.negated, modality)

    def span(self) -> tuple[date, date] | None:
        """The days the mention's date may stand for."""
        if not self.date:
            return None
        try:
            year = int(self.date[:4])
            if self.date_precision == "year" or len(self.date) == 4:
                return date(year, 1, 1), date(year, 12, 31)
            month = int(self.date[5:7])
            if self.date_precision == "month" or len(self.date) == 7:
                last = calendar.monthrange(year, month)[1]
                return date(year, month, 1), date(year, month, last)
            day = date.fromisoformat(self.date[:10])
            return day, day
        except ValueError:
            return None

    def rank(self) -> int:
        return PRECISION_RANK.get(self.date_precision or "", 3)


def compatible_codes(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


@dataclass
class _Cluster:
    first: MentionKey
    start: date
    end: date
    codes: list[str]
    size: int = 1

    def accepts(self, m: MentionKey) -> bool:
        return all(compatible_codes(m.cameo, c) for c in self.codes)

    def add(self, m: MentionKey, span: tuple[date, date]) -> None:
        self.start, self.end = min(self.start, span[0]), max(self.end, span[1])
        self.codes.append(m.cameo)
        self.size += 1


def cluster(mentions: Iterable[MentionKey], window_days: int = 3) -> dict[str, str]:
    """mention_id -> event_id for every mention."""
    groups: dict[tuple, list[MentionKey]] = defaultdict(list)
    for m in mentions:
        groups[m.group].append(m)
    assignment: dict[str, str] = {}
    window = timedelta(days=window_days)
    for members in groups.values():
        members.sort(key=lambda m: (m.rank(), m.date or "", m.mention_id))
        clusters: list[_Cluster] = []
        for m in members:
            span = m.span()
            if span is None:  # no date at all: an event of its own
                assignment[m.mention_id] = m.mention_id
                continue
            home = _find_home(clusters, m, span, window)
            if home is None:
                home = _Cluster(m, span[0], span[1], [m.cameo])
                clusters.append(home)
            else:
                home.add(m, span)
            assignment[m.mention_id] = home.first.mention_id
    return assignment


def _find_home(
    clusters: list[_Cluster], m: MentionKey, span: tuple[date, date], window: timedelta
) -> _Cluster | None:
    candidates = [c for c in clusters if c.accepts(m)]
    if m.rank() == 0:  # a day: join a day-level event within the window
        near = [c for c in candidates if c.first.rank() == 0 and span[0] - c.end <= window]
        return near[-1] if near else None
    # A month or year joins the largest event it contains, else one with exactly its own span.
    inside = [c for c in candidates if span[0] <= c.start and c.end <= span[1]]
    if inside:
        return max(inside, key=lambda c: (c.size, -clusters.index(c)))
    return None


def keys_from_rows(rows: Iterable[Mapping[str, object]]) -> list[MentionKey]:
    return [
        MentionKey(
            mention_id=str(r["mention_id"]),
            source_country=str(r["source_country"]),
            target_country=str(r["target_country"]),
            cameo=str(r["cameo"]),
            negated=bool(r["negated"]),
            modality=str(r["modality"]),
            date=str(r["date"]) if r["date"] else None,
            date_precision=str(r["date_precision"]) if r["date_precision"] else None,
        )
        for r in rows
    ]
