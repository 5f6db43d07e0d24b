"""Build the sample PDF document of the bundled corpus.

Reads tools/sample_pdf/2018-02-05-new-start-limits.txt (line 1: title,
line 2: "Date: YYYY-MM-DD", line 3: "Source: <label>", a blank line, then the
body with paragraphs separated by blank lines) and writes
examples/corpus/2018-02-05-new-start-limits.pdf.

The output is deterministic: the creation date is fixed to the article date
and no current time is written, so re-running the script reproduces the file.

Usage:  python tools/make_sample_pdf.py   (requires fpdf2)
"""

from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "tools" / "sample_pdf" / "2018-02-05-new-start-limits.txt"
OUT = ROOT / "examples" / "corpus" / "2018-02-05-new-start-limits.pdf"
CREATED = datetime(2018, 2, 5, tzinfo=UTC)

# Characters outside latin-1 that the core Helvetica font cannot encode.
ASCII_MAP = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": " - ",
    "\u2212": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
}


def to_latin1(text: str) -> str:
    for src, dst in ASCII_MAP.items():
        text = text.replace(src, dst)
    # Anything still outside latin-1 becomes "?" rather than crashing.
    return text.encode("latin-1", "replace").decode("latin-1")


def parse(path: Path):
    lines = path.read_text(encoding="utf-8").splitlines()
    title = lines[0].strip()
    date = lines[1].split(":", 1)[1].strip()
    source = lines[2].split(":", 1)[1].strip()
    body = "\n".join(lines[4:]).strip()
    paragraphs = [" ".join(p.split()) for p in body.split("\n\n") if p.strip()]
    return title, date, source, paragraphs


def build() -> Path:
    title, date, source, paragraphs = parse(SRC)

    pdf = FPDF(format="A4")
    pdf.set_creation_date(CREATED)
    pdf.set_title(to_latin1(title))
    pdf.set_author(to_latin1(source))
    pdf.set_subject(f"Sample op-ed dated {date}")
    pdf.set_creator("detente tools/make_sample_pdf.py")
    pdf.set_margins(20, 20, 20)
    pdf.set_auto_page_break(auto=True, margin=20)
    pdf.add_page()

    pdf.set_font("Helvetica", style="B", size=16)
    pdf.multi_cell(0, 8, to_latin1(title))
    pdf.ln(2)
    pdf.set_font("Helvetica", style="I", size=10)
    pdf.multi_cell(0, 5, to_latin1(f"{source} - {date}"))
    pdf.ln(4)

    pdf.set_font("Helvetica", size=11)
    for para in paragraphs:
        pdf.multi_cell(0, 6, to_latin1(para))
        pdf.ln(3)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    pdf.output(str(OUT))
    return OUT


if __name__ == "__main__":
    print(build())
