"""Actors: find the words that name political actors and resolve them to CAMEO-style codes.

The dictionary is data (package files under data/actors/, extensible with the user's own YAML):
countries (names, adjectives, capitals and seats as metonyms), organisations, people with dated
roles, and sector words. Matching is a spaCy PhraseMatcher over lower-cased tokens with a check
that capitalised dictionary words are capitalised in the text ("US" is not "us").

Resolution works on the dependency parse: every mention is attached to the noun it modifies (its
*anchor*), so "Russian troops" is RUSMIL anchored on "troops", "Russian President Dmitry Medvedev" is
the person anchored on "Medvedev", and "Russian gas" is no actor at all.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from detente.datafiles import data_path, read_yaml
from detente.errors import DataFileError
from detente.records import Actor

log = logging.getLogger(__name__)

# When two dictionary entries share a text, the lower number wins.
KIND_PRIORITY = {
    "venue": 0, "person": 1, "organisation": 2, "country": 3, "seat": 4, "capital": 5,
    "contextual": 6, "adjective": 7,
}  # fmt: skip
PRONOUNS = {"he", "she", "him", "her"}
MODIFIER_DEPS = {"compound", "amod", "nn", "nmod"}


@dataclass(frozen=True)
class Role:
    role: str
    actor: Actor
    start: date | None
    end: date | None

    def covers(self, when: date) -> bool:
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True)
class Person:
    name: str
    roles: tuple[Role, ...]

    def role_on(self, when: date | None) -> Role | None:
        """The role held on `when`; else the closest one in time (the latest, without a date)."""
        if not self.roles:
            return None
        if when is None:
            return self.roles[-1]
        for role in reversed(self.roles):
            if role.covers(when):
                return role

        def distance(r: Role) -> int:
            if r.start and when < r.start:
                return (r.start - when).days
            return (when - r.end).days if r.end else 0

        return min(self.roles, key=distance)


@dataclass(frozen=True)
class Entry:
    """One dictionary phrase and what it stands for."""

    text: str
    kind: str
    actor: Actor | None = None
    person: Person | None = None
    candidates: tuple[str, ...] = ()  # contextual seats ("Brussels": NATO or EU)
    # A surname several office holders share ("Bush", "Clinton"): whichever of them is in office
    # on the document's date, when that is one actor; out of office, nobody.
    holders: tuple[Person, ...] = ()


@dataclass(frozen=True)
class ActorDictionary:
    entries: Mapping[str, tuple[Entry, ...]]  # lower-cased phrase -> entries, best first
    sectors: Mapping[str, str]  # lemma -> sector code
    sector_phrases: Mapping[str, str]  # "defence ministry" -> MIL
    roles: frozenset[str]


# -- loading -------------------------------------------------------------------------------------


def _as_date(value: Any, path: Path) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise DataFileError(str(path), f"bad date {value!r}") from exc


def _split_code(code: str) -> Actor:
    """'RUSGOV' -> Actor(RUSGOV, RUS, GOV); organisation codes ('NATO', 'EU') have no sector."""
    code = code.strip().upper()
    if len(code) == 6 and code[:3].isalpha():
        return Actor(code=code, country=code[:3], sector=code[3:])
    return Actor(code=code, country=code, sector="")


class _Builder:
    def __init__(self) -> None:
        self.entries: dict[str, list[Entry]] = {}

    @staticmethod
    def key(text: str) -> str:
        """How a name is looked up: its words, single-spaced and lower-cased."""
        return " ".join(str(text).split()).lower()

    def add(self, text: str, entry: Entry) -> None:
        if key := self.key(text):
            self.entries.setdefault(key, []).append(entry)

    def countries(self, items: Iterable[Mapping[str, Any]], path: Path) -> None:
        items = list(items)
        # a name our file gives one state is not another's by pycountry: bare "Congo", as news
        # writes it, is the Democratic Republic (pycountry's name of the Republic of the Congo)
        ours = {self.key(name): str(item.get("iso3", "")).upper()
                for item in items for name in item.get("names") or []}  # fmt: skip
        for n, item in enumerate(items):
            iso3 = str(item.get("iso3", "")).upper()
            if len(iso3) != 3:
                raise DataFileError(str(path), f"entry {n + 1}: iso3 must be 3 letters")
            country = Actor.of(iso3)
            names = list(item.get("names") or []) + [
                name for name in _pycountry_names(iso3) if ours.get(self.key(name), iso3) == iso3
            ]
            for name in dict.fromkeys(names):
                self.add(name, Entry(name, "country", country))
            for adj in item.get("adjectives") or []:
                self.add(adj, Entry(adj, "adjective", country))
            for cap in item.get("capitals") or []:
                self.add(cap, Entry(cap, "capital", Actor.of(iso3, "GOV")))
            for seat, sector in (item.get("seats") or {}).items():
                actor = Actor.of(iso3, str(sector).upper())
                self.add(seat, Entry(seat, "seat", actor))
                # "the Pentagon" is "Pentagon" before a noun: "Pentagon officials", "RAF jets"
                bare = seat[4:] if seat.startswith("the ") else ""
                if bare[:1].isupper():
                    self.add(bare, Entry(bare, "seat", actor))

    def organisations(self, items: Iterable[Mapping[str, Any]], path: Path) -> None:
        for n, item in enumerate(items):
            code = str(item.get("code", "")).upper()
            if not code:
                raise DataFileError(str(path), f"entry {n + 1}: organisation without code")
            kind = "venue" if item.get("members") else "organisation"
            actor = Actor.of(code)
            for name in item.get("names") or []:
                self.add(name, Entry(name, kind, actor))
            for adj in item.get("adjectives") or []:
                self.add(adj, Entry(adj, "adjective" if kind != "venue" else kind, actor))
            for seat in item.get("contextual_seats") or []:
                self.add(seat, Entry(seat, "contextual", None, candidates=(code,)))

    def people(self, items: Iterable[Mapping[str, Any]], path: Path) -> None:
        for n, item in enumerate(items):
            roles = []
            for r in item.get("roles") or []:
                if "actor" not in r or "role" not in r:
                    raise DataFileError(str(path), f"person {item.get('name')!r}: role needs actor")
                roles.append(
                    Role(
                        str(r["role"]).lower(),
                        _split_code(str(r["actor"])),
                        _as_date(r.get("start"), path),
                        _as_date(r.get("end"), path),
                    )  # fmt: skip
                )
            roles.sort(key=lambda r: r.start or date.min)
            name = str(item.get("name") or "")
            if not name or not roles:
                raise DataFileError(str(path), f"entry {n + 1}: person needs name and roles")
            person = Person(name, tuple(roles))
            for alias in dict.fromkeys([name, *(item.get("aliases") or [])]):
                self.add(alias, Entry(alias, "person", None, person=person))
            for alias in item.get("in_office_aliases") or []:
                self.add(alias, Entry(alias, "person", None, holders=(person,)))

    def build(self, sectors_doc: Mapping[str, Any]) -> ActorDictionary:
        merged: dict[str, tuple[Entry, ...]] = {}
        for key, entries in self.entries.items():
            candidates = tuple(sorted({c for e in entries for c in e.candidates}))
            holders = tuple(p for e in entries for p in e.holders)
            if holders:  # one entry for all the office holders who share the surname
                text = next(e.text for e in entries if e.holders)
                entries = [e for e in entries if not e.holders]
                entries.append(Entry(text, "person", None, holders=holders))
            ordered = sorted(entries, key=lambda e: KIND_PRIORITY[e.kind])
            if candidates:  # several organisations share a contextual seat
                ordered = [e for e in ordered if e.kind != "contextual"] + [
                    Entry(ordered[0].text, "contextual", None, candidates=candidates)
                ]
            merged[key] = tuple(ordered)
        sectors = {
            str(lemma).lower(): code
            for code, lemmas in (sectors_doc.get("sectors") or {}).items()
            for lemma in lemmas
        }
        return ActorDictionary(
            entries=MappingProxyType(merged),
            sectors=MappingProxyType(sectors),
            sector_phrases=MappingProxyType(
                {str(k).lower(): str(v) for k, v in (sectors_doc.get("phrases") or {}).items()}
            ),
            roles=frozenset(str(r).lower() for r in sectors_doc.get("roles") or []),
        )


def _pycountry_names(iso3: str) -> list[str]:
    """Official names from pycountry, skipping inverted forms ("Korea, Republic of")."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - a declared dependency
        return []
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return []
    names = [getattr(country, a, None) for a in ("name", "official_name", "common_name")]
    return [n for n in names if n and "," not in n and "(" not in n]


def load_actor_dictionary(extra_files: Sequence[Path] = ()) -> ActorDictionary:
    """The bundled dictionary plus the user's files (YAML with countries/organisations/people)."""
    if not extra_files:
        return _default_dictionary()
    return _load(tuple(extra_files))


@cache
def _default_dictionary() -> ActorDictionary:
    return _load(())


def _load(extra_files: tuple[Path, ...]) -> ActorDictionary:
    b = _Builder()
    b.countries(read_yaml(data_path("actors", "countries.yaml")) or [], data_path("actors"))
    b.organisations(read_yaml(data_path("actors", "organisations.yaml")) or [], data_path("actors"))
    for path in sorted(data_path("actors", "people").glob("*.yaml")):
        b.people(read_yaml(path) or [], path)
    for path in extra_files:
        doc = read_yaml(Path(path)) or {}
        if not isinstance(doc, Mapping):
            raise DataFileError(str(path), "expected a mapping with countries/organisations/people")
        b.countries(doc.get("countries") or [], Path(path))
        b.organisations(doc.get("organisations") or [], Path(path))
        b.people(doc.get("people") or [], Path(path))
    return b.build(read_yaml(data_path("actors", "sectors.yaml")) or {})


# -- matching ------------------------------------------------------------------------------------


def _case_ok(pattern: str, tokens: Span) -> bool:
    """Capitalised pattern words must be capitalised in the text; acronyms must be upper case."""
    words = pattern.split()
    if len(words) != len(tokens):  # tokenisation differs from the pattern's words: compare chars
        return all(
            not p.isupper() or t.isupper()
            for p, t in zip(pattern.replace(" ", ""), tokens.text.replace(" ", ""), strict=False)
        )
    for word, token in zip(words, tokens, strict=True):
        if word[:1].isupper() and not token.text[:1].isupper():
            return False
        if len(word) > 1 and word.isupper() and word.isalpha() and not token.text.isupper():
            return False
    return True


class ActorMatcher:
    """Finds dictionary phrases in parsed documents. Build once per pipeline; it is read-only."""

    def __init__(self, nlp: Language, dictionary: ActorDictionary) -> None:
        self.dictionary = dictionary
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._keys: dict[int, str] = {}
        for key, entries in dictionary.entries.items():
            match_id = nlp.vocab.strings.add(key)
            self._keys[match_id] = key
            # tokenised as written: "U.S." is one token, the lower-cased "u.s." two
            written = list(dict.fromkeys(e.text for e in entries))
            self._matcher.add(key, list(nlp.tokenizer.pipe(written)))

    def find(self, doc: Doc) -> list[tuple[Span, Entry]]:
        """Non-overlapping matches (longest first), each with its best entry for the text's case."""
        found: list[Span] = []
        chosen: dict[tuple[int, int], Entry] = {}
        for match_id, start, end in self._matcher(doc):
            span = doc[start:end]
            for entry in self.dictionary.entries[self._keys[match_id]]:
                if _case_ok(entry.text, span):
                    found.append(span)
                    chosen[(start, end)] = entry
                    break
        return [(s, chosen[(s.start, s.end)]) for s in sorted(filter_spans(found))]


# -- resolution ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResolvedActor:
    """An actor as one noun phrase of a sentence: anchored on the token that heads the phrase."""

    actor: Actor
    anchor: int  # token index in the spaCy Doc
    text: str
    char_start: int  # offsets in the spaCy Doc's text
    char_end: int
    kind: str
    role: str | None = None


@dataclass(frozen=True)
class SentenceActors:
    actors: dict[int, ResolvedActor]  # phrases that are actors, by anchor token
    modifiers: dict[int, ResolvedActor]  # actor words that only modify a noun ("Russian gas")


def _anchor(span: Span) -> Token:
    """The token this mention's noun phrase hangs from: climb through compounds and adjectives."""
    tok = span.root
    while tok.dep_ == "conj" and tok.head.dep_ in MODIFIER_DEPS:  # "Polish and Ukrainian troops"
        tok = tok.head
    seen = 0
    while tok.dep_ in MODIFIER_DEPS and tok.head is not tok and seen < 6:
        tok = tok.head
        seen += 1
    return tok


@dataclass
class DocumentActors:
    """Resolves the matches of one document, sentence by sentence, keeping its coreference state."""

    dictionary: ActorDictionary
    when: date | None
    context: Counter[str] = field(default_factory=Counter)  # organisation mentions in the doc
    _people: list[ResolvedActor] = field(default_factory=list)

    def observe(self, matches: Iterable[tuple[Span, Entry]]) -> None:
        """Count organisation mentions over the whole document: decides contextual seats."""
        for _, entry in matches:
            if entry.kind == "organisation" and entry.actor:
                self.context[entry.actor.code] += 1

    def main_pair(self, matches: Iterable[tuple[Span, Entry]]) -> tuple[Actor, Actor] | None:
        """The document's two main parties, for "the two sides" and "both governments": the two
        countries (or organisations) it names most, when no third is named as often as the
        second."""
        counts: Counter[str] = Counter()
        for _, entry in matches:
            actor, _ = self._entry_actor(entry)
            if actor is not None:
                counts[actor.country] += 1
        ranked = counts.most_common(3)
        if len(ranked) < 2 or (len(ranked) == 3 and ranked[2][1] == ranked[1][1]):
            return None
        return Actor.of(ranked[0][0]), Actor.of(ranked[1][0])

    def _sector(self, anchor: Token) -> str | None:
        lemma = anchor.lemma_.lower()
        for child in anchor.lefts:
            if child.dep_ in MODIFIER_DEPS:
                phrase = f"{child.lemma_.lower()} {lemma}"
                if phrase in self.dictionary.sector_phrases:
                    return self.dictionary.sector_phrases[phrase]
        return self.dictionary.sectors.get(lemma)

    def _entry_actor(self, entry: Entry) -> tuple[Actor | None, str | None]:
        if entry.person is not None:
            role = entry.person.role_on(self.when)
            return (role.actor, role.role) if role else (None, None)
        if entry.holders:
            held = [r for p in entry.holders for r in p.roles if self.when and r.covers(self.when)]
            if len({r.actor for r in held}) == 1:
                return held[-1].actor, held[-1].role
            return None, None
        if entry.kind == "contextual":
            if not entry.candidates:
                return None, None
            best = max(entry.candidates, key=lambda c: (self.context[c], c == entry.candidates[0]))
            return Actor.of(best), None
        return entry.actor, None

    def resolve(self, sent: Span, matches: Sequence[tuple[Span, Entry]]) -> SentenceActors:
        """Actors of one sentence, keyed by anchor token index. Updates the coreference state."""
        by_anchor: dict[int, tuple[Span, Entry, Token]] = {}
        co_modifiers: list[tuple[Span, Entry, Token]] = []
        for span, entry in matches:
            anchor = _anchor(span)
            if (
                anchor.i < sent.start
                or anchor.i >= sent.end
                # no person's name hangs from another's: in a misparsed "Presidents Barack Obama
                # and Dmitry Medvedev", "Obama" is read as a modifier of "Medvedev" (a country
                # still heads its leader's phrase: "US President Barack Obama")
                or (
                    entry.kind == "person"
                    and any(
                        s.start <= anchor.i < s.end
                        for s, e in matches
                        if s is not span and e.kind == "person"
                    )  # fmt: skip
                )
            ):
                anchor = span.root
            elif span.root.dep_ == "poss" and self._sector(span.root.head):
                anchor = span.root.head  # "Russia's foreign minister", "Ukraine's forces"
            if span.root.dep_ == "conj" and span.root.head.dep_ in MODIFIER_DEPS:
                # "Polish and Ukrainian troops": a second actor on the same noun.
                co_modifiers.append((span, entry, anchor))
                continue
            held = by_anchor.get(anchor.i)
            if held is None or KIND_PRIORITY[entry.kind] < KIND_PRIORITY[held[1].kind]:
                by_anchor[anchor.i] = (span, entry, anchor)
        resolved: dict[int, ResolvedActor] = {}
        modifiers: dict[int, ResolvedActor] = {}
        placed = [(s, e, a, a.i) for s, e, a in by_anchor.values()]
        placed += [(s, e, a, s.root.i) for s, e, a in co_modifiers]
        for span, entry, anchor, key in sorted(placed, key=lambda x: x[3]):
            found = self._actor_phrase(sent, span, entry, anchor, key)
            if found is None:
                continue
            is_actor, ra = found
            if not is_actor:
                modifiers[span.root.i] = ra
                continue
            resolved[key] = ra
            if entry.kind == "person":
                self._people.append(ra)
        self._resolve_references(sent, resolved)
        return SentenceActors(resolved, modifiers)

    def _actor_phrase(
        self, sent: Span, span: Span, entry: Entry, anchor: Token, key: int
    ) -> tuple[bool, ResolvedActor] | None:
        """(True, actor) for a phrase that names an actor; (False, bare word) for an actor word
        that only modifies a thing ("Russian gas"); None for venues and unresolvable names."""
        if entry.kind == "venue":
            return None
        actor, role = self._entry_actor(entry)
        if actor is None:
            return None
        start, end = span.start_char, span.end_char
        bare = ResolvedActor(actor, span.root.i, span.text, start, end, entry.kind, role)
        if anchor.i != span.root.i and entry.kind != "person":
            sector = self._sector(anchor)
            if sector is None:  # "Russian gas": the country only modifies a thing
                return False, bare
            # "Russian troops" -> RUSMIL. Organisations keep their code; a seat keeps its own
            # sector unless that was the generic GOV ("Moscow's diplomats" stays RUSGOV).
            if len(actor.country) == 3 and actor.sector in ("", "GOV"):
                actor = Actor.of(actor.country, sector)
            start, end = min(start, anchor.idx), max(end, anchor.idx + len(anchor.text))
        elif entry.kind == "adjective":
            return False, bare  # "the Russian" alone is no actor
        text = sent.doc.text[start:end]
        return True, ResolvedActor(actor, key, text, start, end, entry.kind, role)

    @staticmethod
    def _surname_of(tok: Token, earlier: Sequence[ResolvedActor]) -> ResolvedActor | None:
        """The person named earlier in full whose last name this proper noun repeats alone
        ("Morrison" after "Scott Morrison"), when only one such person was named; not a name
        of its own ("Jim Morrison")."""
        if tok.pos_ != "PROPN" or any(c.dep_ == "compound" for c in tok.children):
            return None
        if tok.dep_ == "compound" and tok.head.pos_ == "PROPN":
            return None
        named = {
            p.actor: p
            for p in earlier
            if p.kind == "person" and " " in p.text and p.text.split()[-1] == tok.text
        }
        return next(iter(named.values())) if len(named) == 1 else None

    def _resolve_references(self, sent: Span, resolved: dict[int, ResolvedActor]) -> None:
        """Pronouns (he, she), role nouns ("the president") and a last name alone ("Morrison"
        after "Scott Morrison") refer back to people named earlier."""
        phrases = [(a.char_start, a.char_end) for a in resolved.values()]
        for tok in sent:
            if tok.i in resolved or any(s <= tok.idx < e for s, e in phrases):
                continue  # not a word of a phrase already resolved ("Obama" of "Barack Obama")
            lower = tok.lower_
            earlier = [p for p in self._people if p.anchor < tok.i]
            if not earlier:
                continue
            if lower in PRONOUNS and tok.dep_ in {"nsubj", "nsubjpass", "dobj", "pobj"}:
                target = earlier[-1]
                kind = "pronoun"
            elif (named := self._surname_of(tok, earlier)) is not None:
                target = named  # "Scott Morrison ... Morrison also promised"
                kind = "surname"
            elif (
                tok.lemma_.lower() in self.dictionary.roles
                and tok.tag_ not in ("NNS", "NNPS")  # "the presidents" are not the last one named
                and any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children)
                and not any(c.dep_ in MODIFIER_DEPS and c.i in resolved for c in tok.children)
            ):
                matching = [p for p in earlier if p.role and p.role.endswith(tok.lemma_.lower())]
                if not matching:
                    continue
                target = matching[-1]
                kind = "role"
            else:
                continue
            resolved[tok.i] = ResolvedActor(
                target.actor, tok.i, tok.text, tok.idx, tok.idx + len(tok.text), kind, target.role
            )
