"""A learned reader of what became of a pledge: for a commitment and a later sentence, how likely
the sentence tells its fate, and which (fulfilled, breached, suspended, withdrawn, or still open).

Like the sentence reader (`detente.reader`), two linear models, trained (`tools/train_reader.py`)
on sentences our readers marked as telling each pledge's fate, and shipped as a data file of
weights; applying them needs only the standard library. The features of a (pledge, sentence)
pair are the sentence's words with the pledger, its counterpart and other actors masked, how many
of the pledge's words the sentence repeats (and how rare they are in the corpus), whether it names
the pledger, the rules' status cues in it and whether the rules linked it to this pledge, and,
for a pledge of restraint ("not to ..."), the words again marked as such: a restraint told done
is kept, the act told done is its breach. Whether a sentence tells the pledge's fate at all is
read from what ties the two only (see `_linking`); the words say which fate.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from detente.reader import (
    _fit,
    _matrix,
    _vocabulary,
    read_weights,
    shipped_weights,
    softmax,
    write_weights,
)

FATES = ("fulfilled", "breached", "suspended", "withdrawn", "open")
SHIPPED = "fates.json.gz"
MIN_COUNT = 2  # a feature seen in fewer training pairs is left out
KEEP = 0.05  # smaller weights are not kept

_WORD = re.compile(r"[a-z][a-z'’-]*|\d[\d,.]*")
_STOP_WORDS = (
    "the a an of to in on and for with by at from as is was were be been it its this that their "
    "his her they he she has have had not no will would shall should may might can could must "
    "but or than then into over after before about under more most some any all each both other "
    "also said says say which who whom what when where while since until monday tuesday "
    "wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december year years month months week weeks day days "
    "president minister ministers prime foreign government officials official spokesman "
    "spokeswoman statement told"
)
_STOP = frozenset(_STOP_WORDS.split())
# The words that make a pledge, not what it is about: no sign a later sentence is about it.
_PLEDGE_WORDS = frozenset(
    [
        "agree",
        "pledg",
        "promi",
        "commi",
        "under",
        "vowed",
        "vow",
        "oblig",
        "offer",
        "guara",
        "assur",
        "decla",
        "annou",
        "inten",
        "plann",
        "undert",
        "ready",
        "willi",
        # an instrument's words of obligation: "the treaty prohibits", "bars", "requires"
        "prohi",
        "bars",
        "bans",
        "forbi",
        "requi",
        "bound",
    ]
)
_NEGATIVE = re.compile(r"\b(?:not|never|no|refrain\w*|stop\w*|cease\w*|halt\w*|end)\b", re.I)


def _stem(word: str) -> str:
    return word[:5]


def _words(text: str) -> list[str]:
    return ["0" if w[0].isdigit() else w.strip("'’-") or w for w in _WORD.findall(text.lower())]


def _content(words: Iterable[str]) -> set[str]:
    return {_stem(w) for w in words if len(w) > 2 and w not in _STOP and w != "0"} - _PLEDGE_WORDS


_NUMBER = re.compile(r"\d[\d,.]*\d|\d")


@dataclass
class Sentence:
    """A sentence as the fate reader sees it: its words with actors as "@<code>", its content
    stems, numbers and actors, and the rules' status cues in it."""

    doc_id: str
    sent_index: int
    text: str
    date: str | None
    tokens: list[str]
    stems: set[str]
    numbers: set[str]
    actors: set[str]
    reports: set[str] = field(default_factory=set)


def sentence(row: Mapping[str, Any]) -> Sentence:
    """The fate reader's view of a sentence row of `commitments` (text, char_start, actors,
    reports)."""
    text, offset = row["text"], row["char_start"]
    tokens: list[str] = []
    at = 0
    for a in sorted(row.get("actors") or (), key=lambda a: a["start"]):
        start = a["start"] - offset
        if start < at or start < 0:
            continue
        tokens += _words(text[at:start])
        tokens.append(f"@{a['actor']}")
        at = start + len(a["text"])
    tokens += _words(text[at:])
    day = row.get("doc_date")
    return Sentence(
        row["doc_id"], row["sent_index"], text, day.isoformat() if day else None, tokens,
        _content(t for t in tokens if not t.startswith("@")), set(_NUMBER.findall(text)),
        {a["actor"] for a in row.get("actors") or ()},
        {status for status, _, _ in row.get("reports") or ()},
    )  # fmt: skip


@dataclass(frozen=True)
class Pledge:
    """What the reader needs of a pledge: who made it to whom, its content stems and numbers,
    whether it is one of restraint, and the sentences the rules linked to it, by status."""

    actor: str
    counterpart: str | None
    stems: frozenset[str]
    numbers: frozenset[str]
    negative: bool
    context: frozenset[str]  # the content stems of the whole sentence that makes the pledge
    verb: str  # the stem of the pledged act ("deliv" for "agreed to deliver ...")
    linked: Mapping[tuple[str, str], str]  # (doc_id, sentence) -> status the rules read


def pledge(
    actor: str, counterpart: str | None, words: str, whole: str, history: Iterable[Any]
) -> Pledge:
    """A pledge of `actor` to `counterpart` in `words`, said in the sentence `whole`, with the
    rules' status `history`."""
    return Pledge(
        actor, counterpart, frozenset(_content(_words(words))),
        frozenset(_NUMBER.findall(words)), bool(_NEGATIVE.search(words[:80])),
        frozenset(_content(_words(whole))), _verb(words),
        {(h.doc_id, h.sentence): h.status for h in history},
    )  # fmt: skip


_ACT = re.compile(
    r"\b(?:(?:is|are|was|were)\s+to|to|will|would|shall|must)\s+(?:not\s+|never\s+|also\s+)?"
    r"(?!to\b|be\b)([a-z]+)",
    re.I,
)


def _verb(words: str) -> str:
    m = _ACT.search(words)
    return _stem(m.group(1).lower()) if m else ""


def overlap(p: Pledge, s: Sentence) -> int:
    """How many of the pledge's content stems the sentence repeats."""
    return len(p.stems & s.stems)


def features(
    p: Pledge, s: Sentence, rare: Mapping[str, bool], same_doc: bool, doc_ov: int = 0,
    prev_ov: int = 0, gap: int | None = None, days: int | None = None,
) -> set[str]:  # fmt: skip
    """The features of the pair (pledge `p`, later sentence `s`); `rare` tells which stems are
    rare in the corpus, `doc_ov` the most pledge stems a sentence of its document repeats,
    `prev_ov` how many the sentence before it repeats, `gap` how many sentences after the
    pledge it comes and `days` how many days after."""
    role = {p.actor: "_pl_", p.counterpart: "_cp_"}
    words = [role.get(t[1:], "_x_") if t.startswith("@") else t for t in s.tokens]
    found = {f"w:{w}" for w in words}
    content = [w for w in words if w not in _STOP]
    found |= {f"b:{a} {b}" for a, b in zip(content, content[1:], strict=False)}
    if p.negative:
        found |= {f"neg:{f}" for f in list(found)}
    if p.verb:
        found |= {f"v:{p.verb}>{w}" for w in content if not w.startswith("_")}
    shared = p.stems & s.stems
    n = len(shared)
    found.add(f"ov:{min(n, 4)}")
    found.add(f"rov:{min(sum(rare.get(x, False) for x in shared), 3)}")
    frac = n / len(p.stems) if p.stems else 0.0
    found.add(f"ovf:{0 if frac == 0 else 1 if frac < 0.25 else 2 if frac < 0.5 else 3}")
    found.add(f"sov:{min(sum(rare.get(x, False) for x in (p.context - p.stems) & s.stems), 3)}")
    found.add(f"docov:{min(doc_ov, 4)}")
    found.add(f"prevov:{min(prev_ov, 3)}")
    found |= {f"sh:{x}" for x in shared}
    if p.numbers & s.numbers:
        found.add("num")
    found.add(
        f"names:{'pl' if p.actor in s.actors else ''}{'cp' if p.counterpart in s.actors else ''}"
    )
    found.add("same_doc" if same_doc else "later_doc")
    if same_doc and gap is not None:
        found.add(f"gap:{min(gap, 4)}")  # sentences since the pledge, in its own story
    if not same_doc and days is not None:
        found.add(f"days:{0 if days < 45 else 1 if days < 180 else 2 if days < 540 else 3}")
    if p.verb and p.verb in s.stems:
        found.add("vact")  # the pledged act again: "agreed to deliver" ... "were delivered"
    linked = p.linked.get((s.doc_id, s.text))
    if linked:
        found.add(f"hist:{linked}")
    for status in s.reports:
        found.add(f"rs:{status}")
        if n >= 2:
            found.add(f"rs_ov:{status}")
        if p.negative:
            found.add(f"rs_neg:{status}")
    return found


def rare_stems(sentences: Sequence[Sentence], share: float = 0.03) -> dict[str, bool]:
    """Which stems are rare in a corpus: in at most `share` of its sentences (and at least one)."""
    counts: dict[str, int] = {}
    for s in sentences:
        for x in s.stems:
            counts[x] = counts.get(x, 0) + 1
    limit = max(2, share * len(sentences))
    return {x: c <= limit for x, c in counts.items()}


@dataclass(frozen=True)
class Fate:
    """What the reader makes of a later sentence for a pledge."""

    p_about: float
    status: dict[str, float]

    @property
    def best(self) -> str:
        return max(self.status, key=self.status.__getitem__)


@dataclass(frozen=True)
class FateReader:
    """The two models' weights: a bias and feature weights for whether a later sentence tells
    a pledge's fate, and for which fate, per feature a weight for each of `FATES`."""

    about_bias: float
    about_weights: Mapping[str, float]
    status_bias: Sequence[float]
    status_weights: Mapping[str, Sequence[float]]

    def read(self, found: set[str]) -> Fate:
        z = self.about_bias + sum(self.about_weights.get(f, 0.0) for f in found if _linking(f))
        p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
        return Fate(p, softmax(self.status_bias, self.status_weights, found, FATES))

    def to_json(self) -> dict[str, Any]:
        return {
            "fates": list(FATES),
            "about_bias": self.about_bias,
            "about_weights": dict(self.about_weights),
            "status_bias": list(self.status_bias),
            "status_weights": {f: list(w) for f, w in self.status_weights.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> FateReader:
        return cls(
            data["about_bias"], data["about_weights"], data["status_bias"], data["status_weights"]
        )


def load_fate_reader(path: Path | None = None) -> FateReader | None:
    """The fate reader in `path`, or the one shipped with detente; None when none is shipped."""
    if path is not None:
        return FateReader.from_json(read_weights(path))
    return _shipped()


def save_fate_reader(reader: FateReader, path: Path) -> None:
    """`reader` as JSON in `path` (see `detente.reader.write_weights`)."""
    write_weights(reader.to_json(), path)


@cache
def _shipped() -> FateReader | None:
    data = shipped_weights(SHIPPED)
    return FateReader.from_json(data) if data is not None else None


def _linking(f: str) -> bool:
    """Whether the model of whether a sentence tells a pledge's fate uses feature `f`: only
    what ties the sentence to the pledge, not the sentence's words alone, which would find
    every report of a suspension about every pledge of the suspending side."""
    return not f.startswith(("w:", "b:", "neg:w:", "neg:b:", "v:"))


FateSample = tuple[frozenset[str], str]  # a pair's features, its label: one of FATES or "none"


def read_fate_labels(path: Path) -> dict[int, dict[tuple[str, int], tuple[str, str]]]:
    """A case's `fate_labels.jsonl`: for the k-th expected commitment, (doc_id, sentence index)
    -> (sentence, fate) of each later sentence our readers found telling what became of it."""
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out[int(d["k"])] = {(f["doc_id"], int(f["i"])): (f["sentence"], f["status"])
                                for f in d["fate"]}  # fmt: skip
    return out


def train_fates(samples: Sequence[FateSample]) -> FateReader:
    """Both models fitted to `samples`: an L2 logistic regression for whether a sentence tells
    the pledge's fate, and a multinomial one for which fate, over the pairs that do."""
    import numpy as np

    vocab, names = _vocabulary([found for found, _ in samples], MIN_COUNT)
    x = _matrix([[g for g in f if _linking(g)] for f, _ in samples], vocab)
    y = np.array([[0.0 if label == "none" else 1.0] for _, label in samples])
    theta = _fit(x, y, binary=True)
    about = {names[j]: round(float(theta[1 + j, 0]), 3)
             for j in np.flatnonzero(np.abs(theta[1:, 0]) >= KEEP)}  # fmt: skip
    told = [(found, FATES.index(label)) for found, label in samples if label in FATES]
    onehot = np.zeros((len(told), len(FATES)))
    onehot[np.arange(len(told)), [k for _, k in told]] = 1
    theta_s = _fit(_matrix([f for f, _ in told], vocab), onehot, binary=False)
    weights = {names[j]: [round(float(v), 3) for v in theta_s[1 + j]]
               for j in range(len(names)) if np.abs(theta_s[1 + j]).max() >= KEEP}  # fmt: skip
    return FateReader(
        round(float(theta[0, 0]), 3), about, [round(float(v), 3) for v in theta_s[0]], weights
    )
