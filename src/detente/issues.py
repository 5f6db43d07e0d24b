"""Issues and stances: what a sentence is about, and what it says about where sides stand.

The taxonomy (`data/relations/issues.yaml`, extensible with the user's `--issues` file) gives
each issue cue phrases; a sentence is about every issue whose cue it contains. Stance cues
(`data/relations/stance.yaml`) mark shared interest ("common interest"), partial agreement
("differ on the means") and division ("obstacle", "red line"). A cue that is negated or reversed
("not an obstacle", "failed to agree on", "practical cooperation was suspended") is not counted
as such: a reversed `common` cue is stored as `reversed:<cue>` (a sign of division), a reversed
`apart` or `partial` cue is dropped. A division that is overcome or conceded ("despite the
dispute", "although they disagree") is stored as partial, and a stand two sides take together
against a third thing ("both governments condemned the test") as common. A sentence without
cues gets its tone words ("tone_down:closed", "tone_up:restored"; `tone` in stance.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from detente.datafiles import data_path, read_yaml
from detente.errors import DataFileError

STANCES = ("common", "partial", "apart")
STATUSES = ("fulfilled", "breached", "suspended", "withdrawn", "expired")
NEGATORS = {"not", "n't", "no", "never", "nor"}
# A division named as something overcome ("despite the dispute") or conceded ("although they
# disagree") marks partial agreement.
CONCESSIVE = {"despite", "notwithstanding", "spite"}
# How a stance cue hangs on a reversing word that governs it: as its object, subject or
# complement ("suspended practical cooperation", "cooperation was suspended", "failed to agree
# on"), as a participle on its object ("abolished the law boycotting Israel"), or under a
# negated copula ("has never been a source of friction"); "the end of the thaw" is handled apart.
UNDONE_DEPS = {"dobj", "obj", "nsubj", "nsubjpass", "xcomp", "conj", "compound", "amod", "det",
               "acl", "attr"}  # fmt: skip
# Verbs that work on a division rather than state it: "would manage their maritime disputes
# properly", "ways to resolve disputes", "hoped the dispute could be settled" mark partial agreement.
SETTLING = {"resolve", "settle", "manage", "handle", "solve", "narrow", "bridge", "defuse",
            "address", "negotiate", "discuss", "contain", "de-escalate"}  # fmt: skip


@dataclass(frozen=True)
class Issue:
    id: str
    label: str
    description: str
    cues: tuple[str, ...]
    # CAMEO codes (or their prefixes) whose events are about this issue when their sentence names
    # no issue: "Lavrov called off a trip to Ankara" (160) is about diplomatic relations.
    events: tuple[str, ...] = ()


@dataclass(frozen=True)
class Taxonomy:
    issues: Mapping[str, Issue]
    stance_cues: Mapping[str, tuple[str, ...]]  # common / partial / apart -> phrases
    status_cues: Mapping[str, tuple[str, ...]]  # fulfilled / breached / ... -> phrases
    reversers: frozenset[str] = frozenset()  # lemmas that undo a stance cue after them
    commitment_verbs: tuple[str, ...] = ()  # "pledged to", "obliges each side to"
    tone: Mapping[str, frozenset[str]] = field(default_factory=dict)  # up / down -> lemmas

    def implied_by(self, cameo: str) -> tuple[str, ...]:
        """The issues an event of this CAMEO code is about by its kind alone."""
        return tuple(
            i.id for i in self.issues.values() if any(cameo.startswith(e) for e in i.events)
        )

    def label(self, issue_id: str) -> str:
        issue = self.issues.get(issue_id)
        return issue.label if issue else issue_id


def _phrases(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise DataFileError(where, "expected a list of phrases")
    return tuple(str(v).strip() for v in value if str(v).strip())


def _codes(value: Any, where: str) -> tuple[str, ...]:
    """CAMEO codes, quoted in the file ("04", "163"): unquoted, YAML reads 036 as a number."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.isdigit() for v in value):
        raise DataFileError(where, 'expected a list of quoted CAMEO codes, e.g. ["04", "163"]')
    return tuple(value)


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
            events=_codes(item.get("events") or [], f"{path}: issue {issue_id} events"),
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
        tone=MappingProxyType(
            {
                way: frozenset(
                    w.lower() for w in _phrases(words or [], f"{stance_path}: tone {way}")
                )
                for way, words in (stance.get("tone") or {}).items()
            }
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
            add("stance", stance, _verb_forms(cues))
        # an agreement reached, whatever words describe it: "reached a six-year agreement",
        # "struck a long-awaited deal" (the phrase list has only the bare forms)
        self._reached = Matcher(nlp.vocab)
        self._reached.add("stance:common", [REACHED])
        self._labels[nlp.vocab.strings["stance:common"]] = ("stance", "common")

    def find(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        """All cue matches of a parsed text as (start, end, kind, value), in text order. Of
        overlapping stance cues only the longest counts ("main obstacle", not also "obstacle")."""
        issues, stances = [], []
        for match_id, start, end in [*self._matcher(doc), *self._reached(doc)]:
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
        covered: set[int] = set()  # tokens of stance cues
        doc = sent.doc
        for start, end, kind, value in matches:
            if start < sent.start or end > sent.end:
                continue
            if kind == "issue":
                if not _first_of_compound(doc, end) and not _other_sense(doc[start:end]):
                    issues.setdefault(value, None)
                continue
            cue = doc[start:end]
            covered.update(range(start, end))
            if _left_behind(cue, sent):
                continue  # "from confrontation to cooperation": the state they moved out of
            if _recalled(cue):
                continue  # "... after the Lisbon summit, at which they agreed to": background
            if (
                self._reversed(doc[max(sent.start, start - 4) : start])
                or self._undone(cue)
                or self._in_undone_clause(cue)
                or (value != "common" and _ENDED_BEFORE.search(doc[sent.start : start].text))
            ):
                if value == "common":  # "failed to agree on", "cooperation was suspended"
                    stances.append(f"reversed:{cue.text.lower()}")
                continue
            if value == "apart" and (
                any(t.lower_ in CONCESSIVE for t in doc[max(sent.start, start - 3) : start])
                or self._conceded(cue)
            ):
                value = "partial"  # "despite the dispute, they work side by side"
            elif value == "apart" and _joint(cue):
                value = "common"  # "both governments condemned the test": a stand taken together
            elif value == "apart" and (_settled(cue) or _contained(cue, sent)):
                value = "partial"  # "agreed to manage their disputes": a division worked on
            stances.append(f"{value}:{cue.text.lower()}")
        if not stances:  # tone counts only where no cue speaks
            stances += self._tones(sent, covered)
        return SentenceTags(tuple(issues), tuple(stances))

    def _tones(self, sent: Span, covered: set[int]) -> list[str]:
        """The sentence's tone words outside cues, as "tone_up:reopened" /
        "tone_down:closed". A word governed by another tone word leaves the sign to it ("lifted
        the sanctions" is up, "failed to restore" down, "tensions eased" up); a negated one counts
        the other way ("did not reopen", "no agreement")."""
        lemmas = {way: self.taxonomy.tone.get(way, frozenset()) for way in ("up", "down")}

        def way(t: Token) -> str | None:
            lemma = t.lemma_.lower()
            return next((w for w, words in lemmas.items() if lemma in words), None)

        found = []
        for t in sent:
            sign = way(t) if t.i not in covered and t.pos_ in ("VERB", "NOUN", "ADJ") else None
            if t.pos_ == "ADJ" and t.lower_ in NEAR:
                sign = None  # "their positions had rarely been so close": near, not shut
            if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.nbor().lower_ == "to":
                sign = None  # "according to officials": a source, not an accord
            if sign is None or (t.head.i != t.i and way(t.head) and t.dep_ != "conj"):
                continue
            if any(c.dep_ in ("neg", "det") and c.lower_ in NEGATORS for c in t.children):
                sign = "down" if sign == "up" else "up"
            found.append(f"tone_{sign}:{t.lower_}")
        return found

    def _reversed(self, before: Span) -> bool:
        """A negation just before a cue: "not an obstacle", "no longer a red line". "Not only"
        is no negation."""
        doc = before.doc
        return any(
            t.lower_ in NEGATORS and not (t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "only")
            for t in before
        )

    def _undone(self, cue: Span) -> bool:
        """A reversing or negated word that governs the cue, before or after it: "suspended all
        practical cooperation", "practical cooperation was suspended", "failed to agree on",
        "the end of the thaw", "no room for a thaw", "the one field the quarrel has not touched".
        Only the nearest verb above the cue counts ("failed to settle their dispute" leaves the
        dispute), and a negated reverser undoes nothing ("cooperation did not end")."""
        reversers = self.taxonomy.reversers
        if any(  # "with practical cooperation suspended since April"
            c.dep_ in ("acl", "amod") and c.lemma_.lower() in reversers for c in cue.root.children
        ):
            return True
        token = cue.root
        for _ in range(4):
            head = token.head
            if head.i == token.i:
                return False
            if token.dep_ == "pobj" and head.lower_ in ("of", "for", "without"):
                if head.lower_ in reversers:
                    return True
                token, head = head, head.head  # "the suspension of ...", "no room for ..."
            elif token.dep_ not in UNDONE_DEPS:
                return False
            elif token.dep_ == "conj" and token.pos_ in ("VERB", "AUX"):
                return False  # "denies that it breaks the rules and accuses ...": a verb of its own
            if cue.start <= head.i < cue.end:
                token = head
                continue
            negated = any(c.dep_ in ("neg", "det") and c.lower_ in NEGATORS for c in head.children)
            if (head.lemma_.lower() in reversers) != negated:
                return True
            if head.pos_ in ("VERB", "AUX"):
                return False
            token = head
        return False

    def _in_undone_clause(self, cue: Span) -> bool:
        """A cue in a relative clause on something a reversing verb acts on: "ending a dispute
        that festered for a year and strained the alliance" (the strain is ended with it)."""
        for t in cue.root.ancestors:
            if t.dep_ == "relcl":
                noun = t.head
                return (
                    noun.dep_ in ("dobj", "nsubjpass")
                    and noun.head.lemma_.lower() in self.taxonomy.reversers
                    and not any(c.dep_ == "neg" for c in noun.head.children)
                )
        return False

    def _conceded(self, cue: Span) -> bool:
        """A cue inside a concessive clause: "..., although Moscow still regretted the end of the
        treaty", "even though they are divided over Ukraine"."""
        for t in (cue.root, *cue.root.ancestors):
            if t.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in ("although", "though") for c in t.children
            ):
                return True
        return False


# "reached a six-year agreement", "struck a long-awaited deal", "concluded a new accord"
REACHED = [
    {"LEMMA": {"IN": ["reach", "strike", "clinch", "seal", "conclude", "hammer"]}},
    {"LOWER": "out", "OP": "?"},
    {"LOWER": {"IN": ["a", "an", "the", "their"]}},
    {"POS": {"IN": ["ADJ", "NUM", "NOUN", "PROPN", "PUNCT", "ADV"]}, "OP": "{1,4}"},
    {"LEMMA": {"IN": ["agreement", "deal", "accord", "compromise", "settlement"]}},
]

JOINT_WORDS = {"both", "jointly", "together"}
# Verbs of a stand against a third thing, which two sides may take together ("both governments
# condemned the test"); not reciprocal ones ("clashed over", "disagree") or charges ("accused").
JOINT_STANDS = {"condemn", "denounce", "deplore", "oppose", "reject", "criticise", "criticize"}


def _joint(cue: Span) -> bool:
    """A stand against a third thing taken by two sides together: "both governments condemned
    the test", "India and Pakistan condemned terrorism", "jointly denounced", "both reject
    American threats"; but not "both sides condemned each other", "Britain and the Netherlands
    condemned Russia" (a party as object)."""
    verb = cue.root
    if (
        verb.pos_ != "VERB"
        or verb.lemma_.lower() not in JOINT_STANDS
        or any(t.lower_ in ("other", "another", "each") for t in verb.subtree)
        or any(
            c.dep_ == "dobj" and c.ent_type_ in ("GPE", "NORP", "PERSON", "ORG")
            for c in verb.children
        )
    ):
        return False
    if any(c.dep_ == "advmod" and c.lower_ in JOINT_WORDS for c in verb.children):
        return True
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(
        subject.lower_ in ("both", "two")  # "... and both reject American threats"
        or any(c.lower_ in ("both", "two") or c.dep_ == "conj" for c in subject.children)
        for subject in subjects
    )


def _settled(cue: Span) -> bool:
    """A division that a verb of settling works on, as its object or passive subject: "would
    manage their maritime disputes properly", "ways to resolve disputes", "the dispute could be
    settled"; not when that verb is negated or undone ("failed to settle their dispute", "did
    not resolve the standoff")."""
    token = cue.root
    if token.pos_ not in ("NOUN", "PROPN") or token.dep_ not in ("dobj", "obj", "nsubjpass"):
        return False
    verb = token.head
    if verb.lemma_.lower() not in SETTLING:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    governor = verb.head if verb.dep_ in ("xcomp", "ccomp") else None
    return not (
        governor is not None
        and (
            governor.lemma_.lower() in ("fail", "refuse", "reject", "decline")
            or any(c.dep_ == "neg" for c in governor.children)
        )
    )


# "close" and "closer" as adjectives say near, not shut.
NEAR = {"close", "closer", "closest"}
# Second halves that make an issue's word part of another word: "trade-off", "trade-ins".
COMPOUND_ENDS = {"off", "offs", "in", "ins"}


def _other_sense(cue: Span) -> bool:
    """A one-word cue used in a sense of no issue: "exercise" as a verb ("exercise restraint") or
    an undertaking ("an exercise in futility", "the exercise of its rights", "the talks were a
    useful exercise"), not a drill ("the armies' annual Sampriti exercise")."""
    if len(cue) != 1 or cue[0].lower_ != "exercise":
        return False
    word = cue[0]
    after = word.nbor().lower_ if word.i + 1 < len(word.doc) else ""
    before = word.nbor(-1).lower_ if word.i > 0 else ""
    return (
        word.pos_ != "NOUN"
        or (before in ("a", "an", "the") and after in ("in", "of"))
        or word.head.lemma_.lower() == "be"
    )


def _first_of_compound(doc: Doc, end: int) -> bool:
    """Whether a cue ending before token `end` is the first half of a hyphenated word of another
    sense: "denied there had been any trade-off" is not about trade."""
    return (
        end + 1 < len(doc)
        and not doc[end - 1].whitespace_
        and doc[end].text == "-"
        and not doc[end].whitespace_
        and doc[end + 1].lower_ in COMPOUND_ENDS
    )


# A division kept away from something the sides still share: "urged the governments to keep
# trade ... out of the dispute", "have kept the quarrel in the courtroom", "the quarrel has yet
# to touch commerce", "commerce unaffected by the row".
_DET = r"(?:the|their|its|this|that|any)\s+"
_WORDS = r"(?:[\w-]+\s+){0,2}"  # "out of the fishing dispute"
_KEEP = r"(?:keep|keeps|kept|keeping)"
_KEPT_OUT_OF = re.compile(
    rf"(?:\b(?:{_KEEP}|stay|stays|stayed|leave|leaves|left)\b[^,;]*\bout of"
    r"|\b(?:insulated|shielded|separate|spared|untouched|unaffected)\s+(?:from|by)"
    r"|\b(?:not|never)\s+(?:be\s+|been\s+)?(?:affected|hurt|touched)\s+by)"
    rf"\s+(?:{_DET})?{_WORDS}$",
    re.I,
)
_KEPT = re.compile(rf"\b{_KEEP}\s+{_DET}$", re.I)
_KEPT_IN = re.compile(r"^\s+(?:in|within|to|inside)\s", re.I)
# "called for the dispute to be kept apart from economic ties"
_KEPT_APART = re.compile(
    r"^\s+(?:(?:to\s+)?be\s+|is\s+|are\s+|was\s+|were\s+)?(?:kept|held|walled\s+off)\s+"
    r"(?:apart|separate|away)\s+from\b",
    re.I,
)
_HAS_YET_TO = re.compile(
    r"^\s+(?:has|have|had)\s+(?:yet|still)\s+to\s+(?:touch|affect|reach|spill|spread|hit)\b",
    re.I,
)


def _contained(cue: Span, sent: Span) -> bool:
    """A division the sides keep away from the rest of their relations: "keep trade out of the
    dispute", "kept the quarrel in the courtroom", "the quarrel has yet to touch commerce", "the
    dispute to be kept apart from economic ties", "would not be affected by the dispute"."""
    if cue.root.pos_ not in ("NOUN", "PROPN"):
        return False  # "stay out of the disputed wetland": a place, not a division kept away
    before = cue.doc.text[sent.start_char : cue.start_char]
    after = cue.doc.text[cue.end_char : sent.end_char]
    return bool(
        _KEPT_OUT_OF.search(before)
        or (_KEPT.search(before) and _KEPT_IN.match(after))
        or _HAS_YET_TO.match(after)
        or _KEPT_APART.match(after)
    )


def _recalled(cue: Span) -> bool:
    """A cue in a relative clause recalling an earlier occasion: "three years after the Lisbon
    summit, at which NATO and Russia agreed to explore joint work" is background, not a stance of
    the story's time."""
    for t in (cue.root, *cue.root.ancestors):
        if t.dep_ == "relcl":
            return any(
                c.dep_ == "prep" and any(g.lower_ in ("which", "whom") for g in c.children)
                for c in t.children
            )
    return False


# A division the words before it put an end to: "to draw a line under the quarrel", "put an end
# to the dispute".
_ENDED_BEFORE = re.compile(
    r"\b(?:(?:draw|draws|drew|drawn|drawing) a line under|(?:put|puts|putting|bring|brings|brought|"
    r"bringing) an end to)(?:\s+[\w-]+){0,2}\s*$",
    re.I,
)


def _left_behind(cue: Span, sent: Span) -> bool:
    """A cue for the state the sides moved out of: "from confrontation to cooperation", "away
    from rivalry", "turned from partners into adversaries" (the cue after "to" counts), "the
    formerly disputed waters"; or for the one they chose against: "rather than by confrontation",
    "instead of rivalry"."""
    doc = cue.doc
    before = [t.lower_ for t in doc[max(sent.start, cue.start - 3) : cue.start]]
    if before[-1:] in (["formerly"], ["previously"]):
        return True  # "the formerly disputed waters"
    if ["rather", "than"] in (before[-2:], before[-3:-1]) or before[-2:] == ["instead", "of"]:
        return True  # "settled by law rather than by confrontation", "instead of rivalry"
    if "from" not in before:
        return False
    if before[-2:] == ["away", "from"] or before[-1:] == ["away"]:
        return True
    after = [t.lower_ for t in doc[cue.end : min(sent.end, cue.end + 4)]]
    return any(w in ("to", "toward", "towards", "into") for w in after)


def _verb_forms(cues: Iterable[str]) -> list[str]:
    """The cues with their present forms: a cue whose first word is a past form ("accused
    Russia", "condemned") also matches as "accuses", "condemns". The matcher compares words,
    not lemmas, and the data lists the past forms reporters use most. The -ing forms are not
    made: many are nouns of another sense ("early warning radar")."""
    out = dict.fromkeys(cues)
    for cue in cues:
        first, _, rest = cue.partition(" ")
        if not (first.islower() and first.isalpha() and len(first) > 4 and first.endswith("ed")):
            continue
        if first.endswith("eed"):
            continue  # "agreed" is listed with its forms; "need", "proceed" are no past forms
        stems = {first[:-2], first[:-1]}  # warned -> warn; accused -> accuse
        if first[-3] == first[-4]:
            stems.add(first[:-3])  # regretted -> regret
        if first.endswith("ied"):
            stems = {first[:-3] + "y"}  # denied -> deny
        for stem in stems:
            present = stem[:-1] + "ies" if stem.endswith("y") else stem + "s"
            out.setdefault(f"{present} {rest}".strip(), None)
    return list(out)
