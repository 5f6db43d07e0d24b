"""A learned sentence reader for the agreement map: which issues a sentence speaks to for a pair of
sides, and what it shows about them on each (common, partial, apart, or nothing).

Two linear models over a sentence's words (the two camps' names masked), the cues and events the
pipeline found in it, the issues named around it and its document's tone: one logistic regression
per issue for whether the sentence speaks to it, and one multinomial regression for its stance on
an issue. They are trained (`tools/train_reader.py`) on sentences our readers labelled, and
shipped as a data file of weights; applying them needs only the standard library (training needs
numpy and scipy).
"""

from __future__ import annotations

import gzip
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

STANCES = ("common", "partial", "apart", "none")
# How a learned reader's reading is marked: the basis of its evidence on the map, the cue of a
# status it read for a commitment ("reader: apart 93%, on the issue 81%").
READING = "reader: "

_WORD = re.compile(r"[a-z][a-z'’-]*|\d[\d,.]*")
_STOP = frozenset(
    [
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "and",
        "for",
        "with",
        "by",
        "at",
        "from",
        "as",
        "is",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
    ]
)


def _tokens(text: str, masks: Sequence[tuple[int, int, str]]) -> list[str]:
    """The sentence's words, lower case, numbers as "0", each camp's name as one token."""
    out: list[str] = []
    at = 0
    for start, end, token in sorted(masks):
        if start < at:
            continue
        out += _words(text[at:start])
        out.append(token)
        at = end
    return out + _words(text[at:])


def _words(text: str) -> list[str]:
    return ["0" if w[0].isdigit() else w.strip("'’-") or w for w in _WORD.findall(text.lower())]


def features(
    row: Mapping[str, Any], around: Iterable[str] = (), title: Iterable[str] = ()
) -> set[str]:
    """The features of a sentence row (see `agreement._rows`): its words and word pairs, its
    issue cues, stance cues and events between the camps, which camps it names, and the issues
    named in the sentences just before it (`around`) and in its document's title (`title`)."""
    offset = row["char_start"]
    masks = [
        (
            a["start"] - offset,
            a["start"] - offset + len(a["text"]),
            "_side_" if a["side"] else "_other_",
        )
        for a in row.get("camp_spans") or ()
        if a["kind"] != "adjective"
    ]
    masks += [
        (a["start"] - offset, a["start"] - offset + len(a["text"].split()[0]),
         "_side_adj_" if a["side"] else "_other_adj_")
        for a in row.get("camp_spans") or ()
        if a["kind"] == "adjective"
    ]  # fmt: skip
    words = _tokens(row["text"], masks)
    found = {f"w:{w}" for w in words}
    content = [w for w in words if w not in _STOP]
    found |= {f"b:{a} {b}" for a, b in zip(content, content[1:], strict=False)}
    found |= {f"tag:{i}" for i in row.get("issues") or ()}
    for stance in row.get("stances") or ():
        kind, _, cue = stance.partition(":")
        found |= {f"st:{kind}", f"cue:{kind}:{cue}"}
    for e in row.get("events") or ():
        code = e["cameo"] or ""
        found |= {f"ev:{code[:2]}", "ev:neg" if e["negated"] else "ev:pos"}
        g = e["goldstein"] or 0
        found.add("ev:coop" if g > 0 else "ev:conf" if g < 0 else "ev:zero")
    camps = ("side" if row.get("has_side") else "") + ("other" if row.get("has_other") else "")
    found.add(f"camps:{camps or 'none'}")
    found |= {f"near:{i}" for i in around}
    found |= {f"title:{i}" for i in title}
    return found


@dataclass(frozen=True)
class Reading:
    """What the reader makes of a sentence on one issue: how likely it speaks to the issue, and
    the probability of each stance if it does."""

    issue: str
    p_issue: float
    stance: dict[str, float]

    @property
    def best(self) -> str:
        return max(self.stance, key=self.stance.__getitem__)


@dataclass(frozen=True)
class Reader:
    """The two models' weights: per issue a bias and feature weights; for stances, per feature
    (and per issue, as "iss:<id>") a weight for each of `STANCES`."""

    issue_bias: Mapping[str, float]
    issue_weights: Mapping[str, Mapping[str, float]]
    stance_bias: Sequence[float]
    stance_weights: Mapping[str, Sequence[float]]

    def read(self, found: set[str], issues: Iterable[str] | None = None) -> list[Reading]:
        """The readings of a sentence with features `found`, on `issues` (default: every issue
        of the model), most likely issue first."""
        out = []
        for issue in issues if issues is not None else self.issue_bias:
            if issue not in self.issue_bias:
                continue
            w = self.issue_weights[issue]
            z = self.issue_bias[issue] + sum(w.get(f, 0.0) for f in found)
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            out.append(Reading(issue, p, self._stance(found | {f"iss:{issue}"})))
        return sorted(out, key=lambda r: -r.p_issue)

    def _stance(self, found: set[str]) -> dict[str, float]:
        return softmax(self.stance_bias, self.stance_weights, found, STANCES)

    def to_json(self) -> dict[str, Any]:
        return {
            "stances": list(STANCES),
            "issue_bias": dict(self.issue_bias),
            "issue_weights": {i: dict(w) for i, w in self.issue_weights.items()},
            "stance_bias": list(self.stance_bias),
            "stance_weights": {f: list(w) for f, w in self.stance_weights.items()},
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Reader:
        return cls(
            data["issue_bias"], data["issue_weights"], data["stance_bias"], data["stance_weights"]
        )


def softmax(
    bias: Sequence[float], weights: Mapping[str, Sequence[float]], found: Iterable[str],
    labels: Sequence[str],
) -> dict[str, float]:  # fmt: skip
    """A multinomial model's probability of each of `labels` for features `found`."""
    z = list(bias)
    for f in found:
        for k, v in enumerate(weights.get(f, ())):
            z[k] += v
    top = max(z)
    e = [math.exp(x - top) for x in z]
    total = sum(e)
    return {s: x / total for s, x in zip(labels, e, strict=True)}


def load_reader(path: Path | None = None) -> Reader | None:
    """The reader in `path`, or the one shipped with detente; None when none is shipped."""
    if path is not None:
        return Reader.from_json(read_weights(path))
    return _shipped()


def save_reader(reader: Reader, path: Path) -> None:
    """`reader` as JSON in `path` (see `write_weights`)."""
    write_weights(reader.to_json(), path)


def write_weights(data: Mapping[str, Any], path: Path) -> None:
    """A model's weights as JSON in `path`, gzip-compressed when the name ends in .gz; the same
    weights give the same bytes."""
    text = json.dumps(data, sort_keys=True, separators=(",", ":")) + "\n"
    raw = text.encode("utf-8")
    Path(path).write_bytes(gzip.compress(raw, mtime=0) if str(path).endswith(".gz") else raw)


def read_weights(path: Path) -> Any:
    """The JSON that `write_weights` wrote in `path`."""
    return json.loads(_text(Path(path).read_bytes(), str(path)))


def shipped_weights(name: str) -> Any | None:
    """The JSON of a model shipped with detente (data/relations/`name`), None if not shipped."""
    file = resources.files("detente") / "data" / "relations" / name
    if not file.is_file():
        return None
    return json.loads(_text(file.read_bytes(), name))


def _text(data: bytes, name: str) -> str:
    return (gzip.decompress(data) if name.endswith(".gz") else data).decode("utf-8")


@cache
def _shipped() -> Reader | None:
    data = shipped_weights(SHIPPED)
    return Reader.from_json(data) if data is not None else None


SHIPPED = "reader.json.gz"


def with_context(
    rows: Iterable[Mapping[str, Any]], title_issues: Any, back: int = 2
) -> Iterable[tuple[Mapping[str, Any], set[str]]]:
    """Each row (in document order) with its features: the issues tagged in the `back`
    sentences before it in its document, those `title_issues(title)` finds in its title, and
    its document's tone (`document_tone`)."""
    rows = list(rows)
    tone = document_tone(rows)
    recent: list[tuple[str, int, tuple[str, ...]]] = []
    titles: dict[str, tuple[str, ...]] = {}
    for r in rows:
        doc = r["doc_id"]
        if doc not in titles:
            titles[doc] = tuple(title_issues(r["title"] or ""))
        around = {
            i for d, k, tags in recent if d == doc and r["sent_index"] - k <= back for i in tags
        }
        yield r, features(r, around, titles[doc]) | tone[doc]
        recent = [x for x in recent if x[0] == doc][-back:] + [
            (doc, r["sent_index"], tuple(r["issues"] or ()))
        ]


def document_tone(rows: Iterable[Mapping[str, Any]]) -> dict[str, frozenset[str]]:
    """The tone of each document of `rows`, as features of its every sentence: how many stance
    cues of each kind and events of each sign between the camps it holds (1, 2, 3, 4 or more),
    and which way most of them point. Our readers labelled a sentence in its document ("Moscow
    disagreed." in a story of quarrels), and a story's other sentences tell its drift."""
    counts: dict[str, Counter[str]] = {}
    for r in rows:
        c = counts.setdefault(r["doc_id"], Counter())
        c.update(s.partition(":")[0] for s in r.get("stances") or ())
        for e in r.get("events") or ():
            g = e["goldstein"] or 0
            c["coop" if g > 0 else "conflict" if g < 0 else "neutral"] += 1
    tone = {}
    for doc, c in counts.items():
        down, up = c["apart"] + c["conflict"], c["common"] + c["coop"]
        lean = "apart" if down > up else "common" if up > down else "even"
        tone[doc] = frozenset([f"doc:{k}:{min(n, 4)}" for k, n in c.items()] + [f"doc:{lean}"])
    return tone


# Training (`tools/train_reader.py`, `detente evaluate-relations --folds`)
Sample = tuple[frozenset[str], dict[str, str]]  # a sentence's features, its labels {issue: stance}
MIN_COUNT = 2  # a feature seen in fewer labelled sentences is left out
L2 = 1.0  # the penalty on squared weights, for both models
KEEP = 0.1  # smaller weights are not kept: the data file stays small, the readings the same


def read_labels(path: Path) -> dict[tuple[str, int], tuple[str | None, dict[str, str]]]:
    """A case's `reader_labels.jsonl`: (doc_id, sentence index) -> (sentence, {issue: stance})."""
    labels = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            labels[(d["doc_id"], int(d["i"]))] = (d.get("sentence"), d["labels"] or {})
    return labels


def labelled(
    rows_in_context: Iterable[tuple[Mapping[str, Any], set[str]]],
    labels: Mapping[tuple[str, int], tuple[str | None, dict[str, str]]],
) -> list[Sample]:
    """The training samples of a case: each labelled sentence's features with its labels. A
    label belongs to the sentence it was written for: where another model splits the text
    otherwise, the sentence is left out."""
    out = []
    for r, found in rows_in_context:
        text, of = labels.get((r["doc_id"], r["sent_index"]), (None, None))
        if of is not None and text in (None, r["text"]):
            out.append((frozenset(found), dict(of)))
    return out


def train(samples: Sequence[Sample], issues: Sequence[str]) -> Reader:
    """Both models fitted to `samples`: an L2 logistic regression per issue with at least three
    labelled sentences, and a multinomial one over (sentence, issue) pairs for the stance."""
    import numpy as np

    vocab, names = _vocabulary([found for found, _ in samples], MIN_COUNT)
    x = _matrix([f for f, _ in samples], vocab)
    issue_bias, issue_weights = {}, {}
    for issue in issues:
        y = np.array([1.0 if issue in labels else 0.0 for _, labels in samples])
        if y.sum() < 3:
            continue
        theta = _fit(x, y[:, None], binary=True)
        issue_bias[issue] = round(float(theta[0, 0]), 3)
        w = theta[1:, 0]
        issue_weights[issue] = {
            names[j]: round(float(w[j]), 3) for j in np.flatnonzero(np.abs(w) >= KEEP)
        }
    pairs = [(found | {f"iss:{i}"}, STANCES.index(s)) for found, labels in samples
             for i, s in labels.items() if s in STANCES]  # fmt: skip
    svocab = dict(vocab)
    for i in issues:
        svocab.setdefault(f"iss:{i}", len(svocab))
    snames = sorted(svocab, key=svocab.__getitem__)
    onehot = np.zeros((len(pairs), len(STANCES)))
    onehot[np.arange(len(pairs)), [y for _, y in pairs]] = 1
    theta = _fit(_matrix([f for f, _ in pairs], svocab), onehot, binary=False)
    stance_weights = {snames[j]: [round(float(v), 3) for v in theta[1 + j]]
                      for j in range(len(snames)) if np.abs(theta[1 + j]).max() >= KEEP}  # fmt: skip
    return Reader(issue_bias, issue_weights, [round(float(v), 3) for v in theta[0]], stance_weights)


def _vocabulary(
    samples: Iterable[Iterable[str]], min_count: int
) -> tuple[dict[str, int], list[str]]:
    """The features seen in at least `min_count` samples, each with its column (in sorted order,
    so the same samples give the same columns), and the features in column order."""
    counts: dict[str, int] = {}
    for found in samples:
        for f in found:
            counts[f] = counts.get(f, 0) + 1
    names = sorted(f for f, c in counts.items() if c >= min_count)
    return {f: k for k, f in enumerate(names)}, names


def _matrix(samples: Sequence[Iterable[str]], vocab: Mapping[str, int]) -> Any:
    import numpy as np
    from scipy import sparse

    rows, cols = [], []
    for k, found in enumerate(samples):
        for f in sorted(found):  # in one order on every run: the sums, and so the fit, repeat
            if f in vocab:
                rows.append(k)
                cols.append(vocab[f])
    return sparse.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(samples), len(vocab)))


def _fit(x: Any, y: Any, binary: bool, l2: float = L2) -> Any:
    """Weights (first row: biases) minimising the log loss of `y` (one column for a binary
    model, one per class for a multinomial one) plus `l2` x half the squared weights
    (L-BFGS)."""
    import numpy as np
    from scipy.optimize import minimize

    n, d = x.shape
    k = y.shape[1]

    def loss(flat: np.ndarray) -> tuple[float, np.ndarray]:
        theta = flat.reshape(d + 1, k)
        z = x @ theta[1:] + theta[0]
        if binary:
            p = 1 / (1 + np.exp(-np.clip(z, -30, 30)))
            nll = -np.sum(y * np.log(p + 1e-12) + (1 - y) * np.log(1 - p + 1e-12))
        else:
            z = z - z.max(axis=1, keepdims=True)
            p = np.exp(z)
            p /= p.sum(axis=1, keepdims=True)
            nll = -np.sum(y * np.log(p + 1e-12))
        g = p - y
        grad = np.vstack([g.sum(axis=0), x.T @ g + l2 * theta[1:]])
        return nll + 0.5 * l2 * float(np.sum(theta[1:] ** 2)), grad.ravel()

    res = minimize(
        loss, np.zeros((d + 1) * k), jac=True, method="L-BFGS-B", options={"maxiter": 500}
    )
    return res.x.reshape(d + 1, k)
