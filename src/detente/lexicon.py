"""The event lexicon: verb and noun patterns -> CAMEO codes, and the modality cues.

Data lives in data/lexicon/*.yaml; users add files with --lexicon. Every code is checked against the
codebook at load time: an unknown code stops start-up with the file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from detente.codebook import Codebook, load_codebook
from detente.datafiles import LineLoader, data_path, read_yaml
from detente.errors import DataFileError

VERB_KEYS = {"verb", "particle", "prep", "object", "code", "note"}
NOUN_KEYS = {"noun", "prep", "object", "code", "note"}


@dataclass(frozen=True)
class Pattern:
    """One lexicon entry. `head` is the verb or noun lemma; the rest narrow it."""

    head: str
    code: str
    particle: str | None = None
    prep: str | None = None
    objects: frozenset[str] = frozenset()
    origin: str = ""  # file:line, for messages

    def score(self, particle: str | None, preps: Iterable[str], objects: set[str]) -> int:
        """How specifically this entry matches the words (0 = not at all)."""
        s = 1
        if self.particle is not None:
            if self.particle != particle:
                return 0
            s += 2
        if self.prep is not None:
            if self.prep not in preps:
                return 0
            s += 2
        if self.objects:
            if not self.objects & objects:
                return 0
            s += 3
        return s


@dataclass(frozen=True)
class Modality:
    auxiliaries: Mapping[str, str]  # word -> modality
    control: Mapping[str, str]  # lemma -> intended | proposed | negating
    directive: frozenset[str]  # "demanded that Moscow withdraw": the demand is the event
    commissive: frozenset[str]  # "pledged aid": the verb itself announces a future act
    reporting: frozenset[str]
    reporting_subjects: frozenset[str]
    reported_adverbs: frozenset[str]
    hypothetical_marks: frozenset[str]
    negation_words: frozenset[str]
    reciprocal_verbs: frozenset[str]  # "Russia and the US met": each met the other
    reciprocal_objects: frozenset[str]  # "held talks", "carried out an exchange"


@dataclass(frozen=True)
class Lexicon:
    verbs: Mapping[str, tuple[Pattern, ...]]
    nouns: Mapping[str, tuple[Pattern, ...]]
    modality: Modality

    def match(
        self, table: Mapping[str, tuple[Pattern, ...]], lemma: str,
        particle: str | None = None, preps: Sequence[str] = (), objects: set[str] | None = None,
    ) -> Pattern | None:  # fmt: skip
        best, best_score = None, 0
        for pattern in table.get(lemma, ()):
            s = pattern.score(particle, preps, objects or set())
            if s > best_score:
                best, best_score = pattern, s
        return best

    def verb(self, lemma: str, particle: str | None, preps: Sequence[str], objects: set[str]):
        return self.match(self.verbs, lemma, particle, preps, objects)

    def noun(self, lemma: str, preps: Sequence[str], objects: set[str]):
        return self.match(self.nouns, lemma, None, preps, objects)


def _read(path: Path) -> dict[str, Any]:
    doc = read_yaml(path, LineLoader)
    if not isinstance(doc, dict):
        raise DataFileError(str(path), "expected a mapping with `entries:`")
    return doc


def _patterns(
    path: Path, entries: Iterable[dict[str, Any]], head_key: str, allowed: set[str], cb: Codebook
) -> Iterable[Pattern]:
    for entry in entries:
        line = entry.pop("__line__", None)
        unknown = set(entry) - allowed
        if unknown:
            raise DataFileError(str(path), f"unknown keys {sorted(unknown)}", line)
        head = str(entry.get(head_key) or "").strip().lower()
        code = str(entry.get("code") or "").strip()
        if not head:
            raise DataFileError(str(path), f"entry without {head_key!r}", line)
        if code not in cb:
            raise DataFileError(str(path), f"unknown CAMEO code {code!r} for {head!r}", line)
        objects = entry.get("object") or []
        if isinstance(objects, str):
            objects = [objects]
        yield Pattern(
            head=head,
            code=code,
            particle=str(entry["particle"]).lower() if entry.get("particle") else None,
            prep=str(entry["prep"]).lower() if entry.get("prep") else None,
            objects=frozenset(str(o).lower() for o in objects),
            origin=f"{path.name}:{line}",
        )


def _index(patterns: Iterable[Pattern]) -> Mapping[str, tuple[Pattern, ...]]:
    table: dict[str, list[Pattern]] = {}
    for p in patterns:
        table.setdefault(p.head, []).append(p)
    return MappingProxyType({k: tuple(v) for k, v in table.items()})


def _modality(doc: Mapping[str, Any]) -> Modality:
    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in doc.get(key) or [])

    return Modality(
        auxiliaries=MappingProxyType(
            {str(w).lower(): m for m, ws in (doc.get("auxiliaries") or {}).items() for w in ws}
        ),
        control=MappingProxyType(
            {str(w).lower(): m for m, ws in (doc.get("control") or {}).items() for w in ws}
        ),
        directive=words("directive"),
        commissive=words("commissive"),
        reporting=words("reporting"),
        reporting_subjects=words("reporting_subjects"),
        reported_adverbs=words("reported_adverbs"),
        hypothetical_marks=words("hypothetical_marks"),
        negation_words=words("negation_words"),
        reciprocal_verbs=words("reciprocal_verbs"),
        reciprocal_objects=words("reciprocal_objects"),
    )


def load_lexicon(extra_files: Sequence[Path] = ()) -> Lexicon:
    """The bundled lexicon plus the user's files (each with `verbs:` and/or `nouns:` lists)."""
    return _load(tuple(extra_files)) if extra_files else _default()


@cache
def _default() -> Lexicon:
    return _load(())


def _load(extra: tuple[Path, ...]) -> Lexicon:
    cb = load_codebook()
    verbs: list[Pattern] = []
    nouns: list[Pattern] = []
    v_path, n_path = data_path("lexicon", "verbs.yaml"), data_path("lexicon", "nouns.yaml")
    verbs += _patterns(v_path, _read(v_path).get("entries") or [], "verb", VERB_KEYS, cb)
    nouns += _patterns(n_path, _read(n_path).get("entries") or [], "noun", NOUN_KEYS, cb)
    for path in map(Path, extra):
        doc = _read(path)
        # A user's entries come first: on equal specificity the first entry wins.
        verbs[:0] = _patterns(path, doc.get("verbs") or [], "verb", VERB_KEYS, cb)
        nouns[:0] = _patterns(path, doc.get("nouns") or [], "noun", NOUN_KEYS, cb)
    modality_doc = read_yaml(data_path("lexicon", "modality.yaml"))
    return Lexicon(_index(verbs), _index(nouns), _modality(modality_doc))
