"""Ingest: turn paths (files, directories, stdin) into Documents, or Failures with a reason.

Formats are chosen by content first (a PDF is a PDF whatever its name), then by extension.
Nothing here raises for a bad input: every problem becomes a Failure and the stream goes on.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

import yaml
from charset_normalizer import from_bytes

from detente.config import Config
from detente.dates import find_text_date, parse_date
from detente.errors import InputError
from detente.records import Document, Failure

log = logging.getLogger(__name__)

TEXT_EXTENSIONS = {".txt", ".text", ".md", ".markdown"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
CORPUS_EXTENSIONS = {".jsonl", ".ndjson", ".json", ".csv"}
KNOWN_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | CORPUS_EXTENSIONS | {".pdf"}
RECORD_FIELDS = {"id", "text", "title", "date", "url", "source"}

Item = Document | Failure


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalise_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text.strip()


def decode(data: bytes) -> str:
    """Bytes to text: UTF-8 (with or without BOM) first, else the encoding charset-normalizer finds."""
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("binary file: not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:2_000_000]).best()
    if best is None:
        raise InputError("could not detect a text encoding (binary or corrupt file?)")
    log.info("decoded as %s", best.encoding)
    return data.decode(best.encoding, errors="replace")


# -- the walk over paths ------------------------------------------------------------------------


def iter_paths(paths: Iterable[str | Path]) -> Iterator[Path | str]:
    """Files in the order given; directories recursively in sorted order; "-" passes through."""
    for raw in paths:
        if str(raw) == "-":
            yield "-"
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if child.is_file() and not child.name.startswith("."):
                    yield child
        else:
            yield path


def read_inputs(
    paths: Iterable[str | Path], config: Config, stdin: BinaryIO | None = None
) -> Iterator[Item]:
    """Every Document or Failure the paths hold, streaming (a corpus file is read record by record)."""
    for path in iter_paths(paths):
        if path == "-":
            data = (stdin or _stdin()).read()
            yield from _read_bytes(data, "-", "", config)
            continue
        assert isinstance(path, Path)
        origin = str(path)
        try:
            size = path.stat().st_size
        except OSError as exc:
            yield Failure(origin, f"cannot read file: {exc.strerror or exc}")
            continue
        if size == 0:
            yield Failure(origin, "empty file")
            continue
        suffix = path.suffix.lower()
        if suffix in {".jsonl", ".ndjson", ".csv"}:
            # Corpus files stream record by record: their size is not limited, each record's is.
            yield from _read_corpus_file(path, suffix, config)
            continue
        if size > config.max_bytes:
            yield Failure(origin, f"file too large: {size:,} bytes (limit {config.max_bytes:,})")
            continue
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield Failure(origin, f"cannot read file: {exc.strerror or exc}")
            continue
        yield from _read_bytes(data, origin, suffix, config)


def _stdin() -> BinaryIO:
    import sys

    return sys.stdin.buffer


def _read_bytes(data: bytes, origin: str, suffix: str, config: Config) -> Iterator[Item]:
    if not data.strip():
        yield Failure(origin, "empty file")
        return
    try:
        if data.startswith(b"%PDF-") or suffix == ".pdf":
            yield _finish(_read_pdf(data), origin, "pdf", config)
            return
        text = decode(data)
        head = text.lstrip()[:1000].lower()
        if suffix in HTML_EXTENSIONS or head.startswith(("<!doctype html", "<html")):
            yield _finish(_read_html(text), origin, "html", config)
        elif suffix == ".json" or (not suffix and head.startswith(("{", "["))):
            yield from _read_json(text, origin, config)
        elif suffix in {".jsonl", ".ndjson"}:
            yield from _records(_jsonl_records(io.StringIO(text), origin), origin, "jsonl", config)
        elif suffix == ".csv":
            yield from _records(_csv_records(io.StringIO(text), origin), origin, "csv", config)
        elif suffix in {".md", ".markdown"}:
            yield _finish(_read_markdown(text), origin, "md", config)
        elif suffix in TEXT_EXTENSIONS or not suffix or origin == "-":
            yield _finish(_read_plain(text), origin, "txt", config)
        else:
            yield Failure(origin, f"unsupported file type {suffix!r}", content_hash(text))
    except InputError as exc:
        yield Failure(origin, str(exc))


# -- single-document formats ----------------------------------------------------------------------

_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z _-]{0,20}):\s*(?P<value>.*\S)\s*$")


def _read_plain(text: str) -> dict[str, Any]:
    """A text file, with an optional header block of `Key: value` lines before a blank line."""
    meta: dict[str, Any] = {}
    lines = text.lstrip("\ufeff").split("\n")
    header: dict[str, str] = {}
    for i, line in enumerate(lines[:20]):
        if not line.strip():
            if header:
                meta = {k.lower(): v for k, v in header.items()}
                text = "\n".join(lines[i + 1 :])
            break
        m = _HEADER_LINE.match(line)
        if not m:
            break
        header[m["key"].strip()] = m["value"]
    return {**meta, "text": text}


_FRONT_MATTER = re.compile(r"\A---\s*\n(?P<yaml>.*?)\n---\s*\n", re.S)
_MD_HEADING = re.compile(r"^#{1,6}\s+", re.M)
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+", re.M)


def _read_markdown(text: str) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    if m := _FRONT_MATTER.match(text):
        try:
            loaded = yaml.safe_load(m["yaml"])
        except yaml.YAMLError as exc:
            raise InputError(f"malformed YAML front matter: {exc}") from exc
        if isinstance(loaded, Mapping):
            meta = {str(k).lower(): v for k, v in loaded.items()}
        text = text[m.end() :]
    else:
        meta = {k: v for k, v in _read_plain(text).items() if k != "text"}
        text = _read_plain(text)["text"]
    # Keep the words, drop the markup: sentences are stored as readers see them.
    text = _MD_HEADING.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_EMPHASIS.sub(r"\2", text)
    text = _MD_BULLET.sub("\n", text)  # each list item a paragraph (a sentence) of its own
    return {**meta, "text": text}


def _read_html(html: str) -> dict[str, Any]:
    import trafilatura

    text = trafilatura.extract(
        html, include_comments=False, include_tables=False, favor_precision=True, deduplicate=False
    )
    if not text:
        raise InputError("no article text found in HTML")
    meta = trafilatura.extract_metadata(html)
    # trafilatura puts one paragraph (or heading) per line: make each a paragraph of its own, so
    # a kicker or headline is never read as part of the first sentence.
    out: dict[str, Any] = {"text": re.sub(r"\n+", "\n\n", text)}
    if meta is not None:
        out.update(
            {
                k: v
                for k, v in {
                    "title": meta.title,
                    "date": meta.date,
                    "url": meta.url,
                    "source": meta.sitename,
                }.items()
                if v
            }  # fmt: skip
        )
    return out


def _read_pdf(data: bytes) -> dict[str, Any]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise InputError("encrypted PDF")
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise InputError(f"unreadable PDF: {exc}") from exc
    except Exception as exc:  # pypdf raises many kinds on corrupt files
        raise InputError(f"unreadable PDF: {type(exc).__name__}: {exc}") from exc
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise InputError("PDF has no extractable text (scanned image?)")
    out: dict[str, Any] = {"text": text}
    if info is not None:
        if info.title:
            out["title"] = str(info.title)
        try:
            created = info.creation_date
        except Exception:  # malformed date strings in metadata
            created = None
        if created is not None:
            out["date"] = created.date().isoformat()
    return out


# -- corpus formats ------------------------------------------------------------------------------


def _read_corpus_file(path: Path, suffix: str, config: Config) -> Iterator[Item]:
    origin = str(path)
    fmt = "csv" if suffix == ".csv" else "jsonl"
    try:
        with path.open("rb") as raw:
            sample = raw.read(1_000_000)
            if b"\x00" in sample[:8192]:
                yield Failure(origin, "binary file: not a text corpus")
                return
            encoding = "utf-8-sig"
            try:
                sample.decode("utf-8-sig")
            except UnicodeDecodeError as exc:
                # A multi-byte character cut at the sample's end is not an encoding problem.
                if exc.start < len(sample) - 4:
                    best = from_bytes(sample).best()
                    if best is None:
                        yield Failure(origin, "could not detect a text encoding")
                        return
                    encoding = best.encoding
            raw.seek(0)
            stream = io.TextIOWrapper(raw, encoding=encoding, errors="replace", newline="")
            records = (
                _csv_records(stream, origin) if fmt == "csv" else _jsonl_records(stream, origin)
            )
            yield from _records(records, origin, fmt, config)
    except OSError as exc:
        yield Failure(origin, f"cannot read file: {exc.strerror or exc}")


def _jsonl_records(stream: Iterable[str], origin: str) -> Iterator[tuple[int, Any]]:
    for n, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        try:
            yield n, json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, InputError(f"line {n}: invalid JSON: {exc.msg}")


def _csv_records(stream: io.TextIOBase | Iterable[str], origin: str) -> Iterator[tuple[int, Any]]:
    csv.field_size_limit(50_000_000)
    reader = csv.DictReader(stream)  # type: ignore[arg-type]
    if reader.fieldnames is None or "text" not in reader.fieldnames:
        yield 0, InputError(f"CSV has no 'text' column (columns: {reader.fieldnames})")
        return
    for n, row in enumerate(reader, start=2):
        yield n, {k: v for k, v in row.items() if k is not None}


def _read_json(text: str, origin: str, config: Config) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield Failure(origin, f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    if isinstance(data, Mapping) and isinstance(data.get("documents"), list):
        data = data["documents"]
    items = data if isinstance(data, list) else [data]
    yield from _records(enumerate(items, start=1), origin, "json", config)


def _records(
    records: Iterable[tuple[int, Any]], origin: str, fmt: str, config: Config
) -> Iterator[Item]:
    for n, record in records:
        where = f"{origin}#{n}" if n else origin
        if isinstance(record, InputError):
            yield Failure(where, str(record))
        elif not isinstance(record, Mapping):
            yield Failure(where, "record is not an object")
        elif not isinstance(record.get("text"), str) or not record["text"].strip():
            yield Failure(where, "record has no 'text'")
        elif len(record["text"]) > config.max_bytes:
            yield Failure(where, f"record text too large: {len(record['text']):,} characters")
        else:
            yield _finish(dict(record), where, fmt, config)


# -- common ---------------------------------------------------------------------------------------


def _finish(fields: dict[str, Any], origin: str, fmt: str, config: Config) -> Item:
    """Fields read from any format -> a Document with id, hash and the best publication date."""
    text = normalise_text(str(fields.pop("text")))
    if not text:
        return Failure(origin, "no text found")
    digest = content_hash(text)
    record_id = fields.pop("id", None)
    pub_date, date_source = _publication_date(fields.pop("date", None), text, fmt, config)
    title = fields.pop("title", None)
    url = fields.pop("url", None)
    source = fields.pop("source", None)
    return Document(
        doc_id=str(record_id).strip() if record_id not in (None, "") else digest[:16],
        content_hash=digest,
        text=text,
        origin=origin,
        format=fmt,
        title=str(title).strip() if title else _first_line_title(text),
        date=pub_date,
        date_source=date_source,
        url=str(url) if url else None,
        source=str(source) if source else None,
        metadata={k: _jsonable(v) for k, v in fields.items()},
    )


def _publication_date(
    value: Any, text: str, fmt: str, config: Config
) -> tuple[date | None, str | None]:
    if isinstance(value, date):
        return value, "record"
    if found := parse_date(str(value) if value is not None else None):
        return found, "record" if fmt in {"jsonl", "json", "csv"} else "meta"
    if found := find_text_date(text):
        return found, "text"
    if config.default_date is not None:
        return config.default_date, "option"
    return None, None


def _first_line_title(text: str) -> str | None:
    first = text.split("\n", 1)[0].strip()
    return first[:120] if 0 < len(first) <= 200 else None


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return str(value)
