"""Reading the package's data files (and users' files of the same kinds) with clear errors."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from detente.errors import DataFileError


def data_path(*parts: str) -> Path:
    """A file or folder under the package's data/ directory."""
    return Path(str(resources.files("detente").joinpath("data", *parts)))


class LineLoader(yaml.SafeLoader):
    """A safe loader that records the line of every mapping under `__line__`, so that errors
    about an entry can point at it."""


def _construct_mapping(loader: LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_yaml(path: Path, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> Any:
    """Parse a YAML file; a syntax error or unreadable file raises DataFileError with the line."""
    try:
        with Path(path).open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=loader)  # noqa: S506 - loader is SafeLoader or a subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark else None
        raise DataFileError(str(path), f"invalid YAML: {exc}", line) from exc
    except OSError as exc:
        raise DataFileError(str(path), f"cannot read: {exc.strerror}") from exc
