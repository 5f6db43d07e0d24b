import io
import json
from datetime import date
from pathlib import Path

import pytest

from detente.config import Config
from detente.ingest import read_inputs
from detente.records import Document, Failure

CFG = Config()


def read(*paths, config: Config = CFG, stdin: bytes | None = None) -> list:
    return list(read_inputs(paths, config, io.BytesIO(stdin) if stdin is not None else None))


def test_text_file_with_header_block(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(
        "Title: NATO and Russia sign\nDate: 1997-05-27\nSource: Wire (sample)\nAuthor: X\n\n"
        "PARIS, May 27 — NATO and Russia signed the Founding Act.\n",
        encoding="utf-8",
    )
    [doc] = read(f)
    assert isinstance(doc, Document)
    assert doc.title == "NATO and Russia sign"
    assert doc.date == date(1997, 5, 27) and doc.date_source == "meta"
    assert doc.source == "Wire (sample)"
    assert doc.metadata == {"author": "X"}
    assert doc.text.startswith("PARIS, May 27")
    assert len(doc.content_hash) == 64 and doc.doc_id == doc.content_hash[:16]


def test_markdown_front_matter_and_markup(tmp_path: Path) -> None:
    f = tmp_path / "b.md"
    f.write_text(
        '---\ntitle: "Reset"\ndate: 2009-02-07\nsource: "Desk (sample)"\n---\n# Reset\n\n'
        "Biden said the **United States** wants to [press the reset button](http://x).\n",
        encoding="utf-8",
    )
    [doc] = read(f)
    assert (doc.title, doc.date, doc.format) == ("Reset", date(2009, 2, 7), "md")
    assert "**" not in doc.text and "](" not in doc.text and not doc.text.startswith("#")
    assert "the United States wants to press the reset button" in doc.text


def test_html_main_text_only(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Paragraph {i}: NATO and Russia agreed to resume talks on missile defence in "
        f"Brussels after a long pause in their relations.</p>"
        for i in range(4)
    )
    f = tmp_path / "c.html"
    f.write_text(
        "<!doctype html><html><head><title>Talks resume</title>"
        '<meta name="date" content="2010-11-20"><script>var tracking = 1;</script></head>'
        "<body><nav><a href='/'>Home</a> <a href='/s'>Subscribe to our newsletter</a></nav>"
        f"<article><h1>Talks resume</h1>{paragraphs}</article>"
        "<footer>Copyright 2010 Example Media. All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    [doc] = read(f)
    assert isinstance(doc, Document), doc
    assert "missile defence" in doc.text
    assert "Subscribe" not in doc.text and "tracking" not in doc.text
    assert "Copyright" not in doc.text
    assert doc.date == date(2010, 11, 20)
    assert doc.title == "Talks resume"


def test_pdf(tmp_path: Path) -> None:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.set_title("New START limits")
    pdf.multi_cell(0, 6, "Russia and the United States met the central limits of New START.")
    f = tmp_path / "d.pdf"
    pdf.output(str(f))
    [doc] = read(f)
    assert isinstance(doc, Document), doc
    assert doc.format == "pdf" and doc.title == "New START limits"
    assert "central limits of New START" in doc.text


def test_corpus_formats_keep_fields_and_extra_metadata(tmp_path: Path) -> None:
    rec = {"id": "w1", "title": "T", "date": "2014-03-18", "url": "https://example.org/a",
           "source": "Wire", "section": "Europe", "text": "Russia annexed Crimea."}  # fmt: skip
    (tmp_path / "c.jsonl").write_text(json.dumps(rec) + "\n\n", encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps([{**rec, "id": "w2"}]), encoding="utf-8")
    (tmp_path / "c.csv").write_text(
        "id,date,text,section\nw3,2014-04-01,NATO suspended cooperation with Russia.,Europe\n",
        encoding="utf-8",
    )
    docs = read(tmp_path)
    assert [d.doc_id for d in docs] == ["w3", "w2", "w1"]  # sorted paths: .csv, .json, .jsonl
    assert all(isinstance(d, Document) and d.metadata == {"section": "Europe"} for d in docs)
    assert docs[2].url == "https://example.org/a" and docs[2].date == date(2014, 3, 18)
    assert docs[2].date_source == "record"


def test_stdin_and_default_date() -> None:
    [doc] = read("-", stdin=b"NATO met Russia.", config=Config(default_date=date(2002, 5, 28)))
    assert doc.origin == "-" and doc.date == date(2002, 5, 28) and doc.date_source == "option"


def test_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = "Le ministre français a rencontré son homologue à Genève après l'été. " * 5
    f = tmp_path / "latin.txt"
    f.write_bytes(text.encode("cp1252"))
    [doc] = read(f)
    assert isinstance(doc, Document)
    assert "français" in doc.text and "Genève" in doc.text


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("bin.txt", b"\x00\x01\x02\xff" * 100, "binary file"),
        ("bad.pdf", b"%PDF-1.4\n this is not really a pdf", "unreadable PDF"),
        ("broken.json", b'{"text": "unterminated', "invalid JSON"),
        ("notext.csv", b"title,body\nA,B\n", "no 'text' column"),
        ("image.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "binary file"),
        ("doc.docx", b"PK\x03\x04 some zip", "unsupported file type"),
    ],
)
def test_bad_inputs_become_failures(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    f = tmp_path / name
    f.write_bytes(content)
    [item] = read(f)
    assert isinstance(item, Failure), item
    assert reason in item.reason and item.origin == str(f)


def test_too_large_file_fails_but_others_are_read(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 2000, encoding="utf-8")
    (tmp_path / "ok.txt").write_text("NATO met Russia.", encoding="utf-8")
    big, ok = read(tmp_path, config=Config(max_bytes=1000))
    assert isinstance(big, Failure) and "too large" in big.reason
    assert isinstance(ok, Document)


def test_bad_jsonl_line_fails_alone(tmp_path: Path) -> None:
    f = tmp_path / "m.jsonl"
    f.write_text('{"text": "NATO met Russia."}\n{oops\n{"title": "no text"}\n["list"]\n'
                 '{"text": "Russia met NATO."}\n', encoding="utf-8")  # fmt: skip
    items = read(f)
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Failure", "Failure",
                                                 "Document"]  # fmt: skip
    assert items[1].origin.endswith("#2") and "invalid JSON" in items[1].reason
    assert "no 'text'" in items[2].reason


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    [item] = read(tmp_path / "nope.txt")
    assert isinstance(item, Failure) and "cannot read" in item.reason
