"""The CAMEO codebook (codes, names, Goldstein weights) and the CAMEO -> PLOVER mapping.

Loaded once from package data into immutable objects. Codes are strings: "014" is not 14.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType

from detente.errors import DataFileError


@dataclass(frozen=True)
class Code:
    code: str
    root: str
    name: str
    goldstein: float
    quad_class: int
    plover_event: str | None
    plover_mode: str | None
    plover_context: str | None


def quad_class(root: str) -> int:
    """The quad class of a CAMEO root: 1 verbal / 2 material cooperation, 3 verbal / 4 material conflict."""
    r = int(root)
    if not 1 <= r <= 20:
        raise ValueError(f"not a CAMEO root: {root!r}")
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


@dataclass(frozen=True)
class Codebook:
    codes: Mapping[str, Code]

    def __getitem__(self, code: str) -> Code:
        return self.codes[code]

    def __contains__(self, code: object) -> bool:
        return code in self.codes


def _read_csv(name: str) -> list[dict[str, str]]:
    path = resources.files("detente") / "data" / "codebook" / name
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _plover_row(plover: Mapping[str, dict[str, str]], code: str) -> dict[str, str]:
    """The PLOVER row of a code, else of its nearest parent ("0211" -> "021"; "19" -> "190")."""
    for candidate in (code, *(code[:n] for n in range(len(code) - 1, 2, -1)), code[:2] + "0"):
        if candidate in plover:
            return plover[candidate]
    return {}


@cache
def load_codebook() -> Codebook:
    """The bundled codebook. Cached: it never changes during a process."""
    plover = {row["cameo"]: row for row in _read_csv("cameo_to_plover.csv")}
    codes: dict[str, Code] = {}
    for line, row in enumerate(_read_csv("cameo_codes.csv"), start=2):
        code, root = row["code"].strip(), row["root"].strip()
        if not code.isdigit() or code[:2] != root:
            raise DataFileError("cameo_codes.csv", f"malformed code {code!r}", line)
        p = _plover_row(plover, code)
        codes[code] = Code(
            code=code,
            root=root,
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=quad_class(root),
            plover_event=p.get("plover_event") or None,
            plover_mode=p.get("plover_mode") or None,
            plover_context=p.get("plover_context") or None,
        )
    return Codebook(MappingProxyType(codes))
