"""Language analysis: load a spaCy pipeline by name and parse documents in bounded chunks."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from detente.config import DEFAULT_MODELS
from detente.errors import ModelNotFound

log = logging.getLogger(__name__)


def installed_model(name: str | None) -> str:
    """The pipeline to use: `name` if given (a package or a path), else the first installed of
    DEFAULT_MODELS (the official en_core_web_sm, then its PyPI re-upload)."""
    if name:
        if spacy.util.is_package(name) or Path(name).is_dir():
            return name
        raise ModelNotFound(name)
    for candidate in DEFAULT_MODELS:
        if spacy.util.is_package(candidate):
            return candidate
    raise ModelNotFound(DEFAULT_MODELS[-1])


@cache
def load_pipeline(name: str | None = None) -> Language:
    """A loaded spaCy pipeline (cached per name). Never downloads anything."""
    chosen = installed_model(name)
    try:
        nlp = spacy.load(chosen)
    except OSError as exc:
        raise ModelNotFound(chosen) from exc
    log.info("loaded spaCy pipeline %s %s", chosen, nlp.meta.get("version"))
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("detente_paragraphs", before="parser")
    if "parser" not in nlp.pipe_names:
        log.warning("pipeline %s has no dependency parser: no events will be coded", chosen)
    return nlp


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


@Language.component("detente_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    """A blank line always ends a sentence, so a headline or dateline is not glued to the first
    sentence of the story. The parser keeps boundaries set before it runs."""
    text = doc.text  # built anew on every access: read it once
    last_end = None
    for tok in doc:
        if tok.is_space:
            continue
        if last_end is not None and _BLANK_LINE.search(text, last_end, tok.idx):
            tok.is_sent_start = True
        last_end = tok.idx + len(tok.text)
    return doc


_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """(offset, chunk) pieces of at most `size` characters, cut at paragraph breaks where possible,
    else after a sentence end, else hard. Keeps memory and parse time per piece bounded."""
    if len(text) <= size:
        yield 0, text
        return
    start = 0
    while start < len(text):
        end = min(start + size, len(text))
        if end < len(text):
            window = text[start:end]
            cut = max((m.end() for m in _PARAGRAPH.finditer(window)), default=0)
            if cut < size // 4:
                cut = max((m.end() for m in _SENTENCE_END.finditer(window)), default=0)
            if cut >= size // 4:
                end = start + cut
        yield start, text[start:end]
        start = end
