"""Issues and stances: what a sentence is about, and what it says about where sides stand.

The taxonomy (`data/relations/issues.yaml`, extensible with the user's `--issues` file) gives
each issue cue phrases; a sentence is about every issue whose cue it contains. Stance cues
(`data/relations/stance.yaml`) mark shared interest ("common interest"), partial agreement
("differ on the means") and division ("obstacle", "red line"). A stance cue preceded closely by a
negation ("not an obstacle", "no longer a red line") is not counted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from detente.datafiles import data_path, read_yaml
from detente.errors import DataFileError

STANCES = ("common", "partial", "apart")
STATUSES = ("fulfilled", "breached", "suspended", "withdrawn", "expired")
NEGATORS = {"not", "n't", "no", "never", "nor"}


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    description: str
    cues: tuple[str, ...]


@dataclass(frozen=True)
class Taxonomy:
    issues: Mapping[str, Issue]
    stance_cues: Mapping[str, tuple[str, ...]]  # common / partial / apart -> phrases
    status_cues: Mapping[str, tuple[str, ...]]  # fulfilled / breached / ... -> phrases
    reversers: frozenset[str] = frozenset()  # lemmas that undo a stance cue after them
    commitment_verbs: tuple[str, ...] = ()  # "pledged to", "obliges each side to"

    def label(self, issue_id: str) -> str:
        issue = self.issues.get(issue_id)
        return issue.label if issue else issue_id


def _phrases(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise DataFileError(where, "expected a list of phrases")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _read_issues(path: Path, into: dict[str, Issue]) -> None:
    doc = read_yaml(path) or {}
    for n, item in enumerate(doc.get("issues") or [], start=1):
        if not isinstance(item, Mapping) or not item.get("id"):
            raise DataFileError(str(path), f"issue {n} needs an id")
        issue_id = str(item["id"]).strip()
        into[issue_id] = Issue(  # a user's issue with a bundled id replaces it
            id=issue_id,
            label=str(item.get("label") or issue_id.replace("_", " ").capitalize()),
            description=str(item.get("description") or ""),
            cues=_phrases(item.get("cues") or [], f"{path}: issue {issue_id}"),
        )


def load_taxonomy(extra_files: Sequence[Path] = ()) -> Taxonomy:
    """The bundled issues and stance cues, plus (and overridden by) the user's issue files."""
    return _load(tuple(extra_files)) if extra_files else _default()


@cache
def _default() -> Taxonomy:
    return _load(())


def _load(extra: tuple[Path, ...]) -> Taxonomy:
    issues: dict[str, Issue] = {}
    _read_issues(data_path("relations", "issues.yaml"), issues)
    for path in extra:
        _read_issues(Path(path), issues)
    stance_path = data_path("relations", "stance.yaml")
    stance = read_yaml(stance_path) or {}
    status = stance.get("commitment_status") or {}
    return Taxonomy(
        issues=MappingProxyType(issues),
        stance_cues=MappingProxyType(
            {s: _phrases(stance.get(s) or [], f"{stance_path}: {s}") for s in STANCES}
        ),
        status_cues=MappingProxyType(
            {s: _phrases(status.get(s) or [], f"{stance_path}: {s}") for s in STATUSES}
        ),
        commitment_verbs=_phrases(stance.get("commitment_verbs") or [], str(stance_path)),
        reversers=frozenset(
            w.lower() for w in _phrases(stance.get("reversers") or [], str(stance_path))
        ),
    )


@dataclass(frozen=True)
class SentenceTags:
    issues: tuple[str, ...]
    stances: tuple[str, ...]  # "apart:red line", in text order


class IssueTagger:
    """Tags sentences with issues and stance cues. Build once per pipeline; read-only after."""

    def __init__(self, nlp: Language, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._labels: dict[int, tuple[str, str]] = {}  # match id -> (kind, value)

        def add(kind: str, value: str, phrases: Iterable[str]) -> None:
            key = f"{kind}:{value}"
            self._labels[nlp.vocab.strings.add(key)] = (kind, value)
            self._matcher.add(key, list(nlp.tokenizer.pipe(phrases)))

        for issue in taxonomy.issues.values():
            add("issue", issue.id, issue.cues)
        for stance, cues in taxonomy.stance_cues.items():
            add("stance", stance, cues)

    def find(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """All cue matches of a parsed text as (start, end, kind, value), in text order. Of
        overlapping stance cues only the longest counts ("main obstacle", not also "obstacle")."""
        issues, stances = [], []
        for match_id, start, end in self._matcher(doc):
            kind, value = self._labels[match_id]
            (issues if kind == "issue" else stances).append((start, end, kind, value))
        stances.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        kept: list[tuple[int, int, str, str]] = []
        for m in stances:
            if not kept or m[0] >= kept[-1][1]:
                kept.append(m)
        return sorted(issues + kept)

    def tag(self, sent: Span, matches: Iterable[tuple[int, int, str, str]]) -> SentenceTags:
        """The issues and stance cues of one sentence, from `find`'s matches of its text."""
        issues: dict[str, None] = {}
        stances: list[str] = []
        doc = sent.doc
        for start, end, kind, value in matches:
            if start < sent.start or end > sent.end:
                continue
            if kind == "issue":
                issues.setdefault(value, None)
            elif not self._reversed(doc[max(sent.start, start - 4) : start]):
                stances.append(f"{value}:{doc[start:end].text.lower()}")
        return SentenceTags(tuple(issues), tuple(stances))

    def _reversed(self, before: Span) -> bool:
        """A negation or a reversing word just before a cue: "not an obstacle", "suspended all
        practical cooperation"."""
        return any(
            t.lower_ in NEGATORS or t.lemma_.lower() in self.taxonomy.reversers for t in before
        )
