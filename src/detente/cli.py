"""The `detente` command: a few lines per command over the library."""

from __future__ import annotations

import logging
import sys
import time
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from detente import __version__
from detente.config import Config
from detente.errors import DetenteError

app = typer.Typer(
    name="detente",
    help="Evidence-linked event data and relations analysis from texts about international relations.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
export_app = typer.Typer(help="Export events and event mentions.", no_args_is_help=True)
app.add_typer(export_app, name="export")

err = Console(stderr=True, soft_wrap=True)  # never break paths and reasons across lines

DbOption = Annotated[Path, typer.Option("--db", help="The DuckDB store file.")]
FormatOption = Annotated[
    str, typer.Option("--format", "-f", help="Output format: jsonl, csv or parquet.")
]
OutOption = Annotated[
    Path | None, typer.Option("--out", "-o", help="Output file (default: standard output).")
]
MinConfidenceOption = Annotated[
    float, typer.Option("--min-confidence", min=0.0, max=1.0, help="Only events this confident.")
]
ModalityOption = Annotated[
    str | None,
    typer.Option(
        "--modality",
        help="Only these modalities, comma-separated "
        "(asserted, intended, proposed, hypothetical, reported).",
    ),
]
NegatedOption = Annotated[
    bool, typer.Option("--exclude-negated", help="Leave out negated events ('did not sign').")
]
DEFAULT_DB = Path("detente.duckdb")


def _event_filter(min_confidence: float, modality: str | None, exclude_negated: bool):  # noqa: ANN202
    from detente.store import MODALITIES, EventFilter

    chosen = (
        tuple(m.strip().lower() for m in modality.split(",") if m.strip())
        if modality
        else MODALITIES
    )
    try:
        return EventFilter(min_confidence, chosen, not exclude_negated)
    except ValueError as exc:
        raise _fail(exc) from None


def _fail(exc: Exception) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc}")
    return typer.Exit(code=2)


@app.callback()
def _main(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress details.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version.")] = False,
) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    # Libraries we call log loudly about things that are not the user's business.
    for noisy in ("trafilatura", "htmldate", "pypdf", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.ERROR)
    if version:
        typer.echo(f"detente {__version__}")
        raise typer.Exit()


@app.command()
def run(
    paths: Annotated[
        list[str], typer.Argument(help="Files, directories (recursive) or - for stdin.")
    ],
    db: DbOption = DEFAULT_DB,
    on_date: Annotated[
        str | None,
        typer.Option("--date", help="Publication date (YYYY-MM-DD) for documents that have none."),
    ] = None,
    model: Annotated[
        str | None, typer.Option("--model", help="An installed spaCy pipeline, by name.")
    ] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Parser processes.")] = 1,
    actors: Annotated[
        list[Path] | None, typer.Option("--actors", help="Extra actor dictionary YAML file.")
    ] = None,
    lexicon: Annotated[
        list[Path] | None, typer.Option("--lexicon", help="Extra verb/noun lexicon YAML file.")
    ] = None,
) -> None:
    """Analyse texts and add their events to the store.

    Re-running on the same input adds nothing twice; unreadable inputs are recorded as failed.

    Example: detente run examples/corpus --db demo/detente.duckdb
    """
    from detente.pipeline import run as run_pipeline
    from detente.store import Store

    try:
        default_date = date.fromisoformat(on_date) if on_date else None
    except ValueError:
        raise _fail(ValueError(f"--date must be YYYY-MM-DD, not {on_date!r}")) from None
    config = Config(
        model=model,
        default_date=default_date,
        workers=workers,
        extra_actor_files=tuple(actors or ()),
        extra_lexicon_files=tuple(lexicon or ()),
    )
    started = time.perf_counter()
    try:
        with Store(db) as store, Progress(
            SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
            TextColumn("{task.fields[status]}"), TimeElapsedColumn(),
            console=err, transient=True, disable=not err.is_terminal,
        ) as bar:  # fmt: skip
            task = bar.add_task("reading", total=None, status="")

            def progress(inputs: int, added: int, events: int) -> None:
                bar.update(task, status=f"{inputs} inputs, {added} added, {events} events")

            summary = run_pipeline(
                paths, store, config, progress=progress,
                stdin=sys.stdin.buffer if "-" in paths else None,
            )  # fmt: skip
    except DetenteError as exc:
        raise _fail(exc) from exc
    elapsed = time.perf_counter() - started
    err.print(
        f"[bold]{summary.inputs}[/] inputs: [green]{summary.added} added[/], "
        f"{summary.skipped} already stored, [red]{summary.failed} failed[/]; "
        f"{summary.events} event mentions"
        + (f" ({summary.deduplicated} events in the store)" if summary.deduplicated else "")
        + f"; {elapsed:.1f}s -> {db}"
    )
    for failure in summary.failures:
        err.print(f"  [red]failed[/] {failure.origin}: {failure.reason}")
    if summary.all_failed:
        raise typer.Exit(code=1)


def _export_command(table: str, doc: str):  # noqa: ANN202 - a typer command
    """`detente export events` and `detente export mentions`: one body, their own help."""

    def command(
        db: DbOption = DEFAULT_DB,
        fmt: FormatOption = "jsonl",
        out: OutOption = None,
        min_confidence: MinConfidenceOption = 0.0,
        modality: ModalityOption = None,
        exclude_negated: NegatedOption = False,
    ) -> None:
        _export(table, db, fmt, out, _event_filter(min_confidence, modality, exclude_negated))

    command.__name__ = f"export_{table}"
    command.__doc__ = doc
    return command


export_app.command("events")(
    _export_command(
        "events",
        """One record per event with every field in docs/exports.md (mentions/sources count its reports).

    Example: detente export events --db demo/detente.duckdb --format csv --out events.csv
    """,
    )
)
export_app.command("mentions")(
    _export_command(
        "mentions",
        """One record per sentence that reports an event; `event_id` names the event it belongs to.

    Example: detente export mentions --db demo/detente.duckdb --format parquet --out m.parquet
    """,
    )
)


def _export(table: str, db: Path, fmt: str, out: Path | None, chosen) -> None:  # noqa: ANN001
    from detente.export import export_records
    from detente.store import Store

    try:
        with Store(db, read_only=True) as store:
            store.select(chosen)
            n = export_records(store, table, fmt, out)
    except (DetenteError, ValueError) as exc:
        raise _fail(exc) from exc
    if out is not None:
        err.print(f"{n} {table} -> {out}")


@app.command()
def report(
    db: DbOption = DEFAULT_DB,
    out: Annotated[Path, typer.Option("--out", "-o", help="The HTML file to write.")] = Path(
        "report.html"
    ),
    side: Annotated[
        str | None, typer.Option("--side", help="Dyad for the chart: one side (e.g. USA,NATO).")
    ] = None,
    other: Annotated[str | None, typer.Option("--other", help="The other side (e.g. RUS).")] = None,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    """Write one self-contained HTML report (opens offline): overview, dyads, chart, evidence.

    Example: detente report --db demo/detente.duckdb --out demo/report.html --side USA,NATO --other RUS
    """
    from detente.report import write_report
    from detente.store import Store

    try:
        with Store(db, read_only=True) as store:
            store.select(_event_filter(min_confidence, None, False))
            write_report(store, out, side=_codes(side), other=_codes(other))
    except DetenteError as exc:
        raise _fail(exc) from exc
    err.print(f"report -> {out}")


def _codes(value: str | None) -> tuple[str, ...]:
    return tuple(c.strip().upper() for c in value.split(",") if c.strip()) if value else ()


@app.command()
def stats(db: DbOption = DEFAULT_DB) -> None:
    """A quick summary of the store in the terminal.

    Example: detente stats --db demo/detente.duckdb
    """
    from detente.stats import summary
    from detente.store import Store

    try:
        with Store(db, read_only=True) as store:
            s = summary(store)
    except DetenteError as exc:
        raise _fail(exc) from exc
    out = Console()
    table = Table(title=f"detente store {db}", show_header=False)
    for key, value in s["totals"].items():
        table.add_row(key, f"{value:,}" if isinstance(value, int) else str(value))
    out.print(table)
    dyads = Table(title="Top dyads", show_lines=False)
    for col in ("source", "target", "events", "goldstein mean", "cooperative", "conflictual"):
        dyads.add_column(col, justify="right" if col not in ("source", "target") else "left")
    for d in s["dyads"]:
        dyads.add_row(d["source_country"], d["target_country"], str(d["n"]),
                      f"{d['goldstein_mean']:+.2f}", str(d["coop"]), str(d["conflict"]))  # fmt: skip
    out.print(dyads)
    roots = Table(title="Events by CAMEO root")
    roots.add_column("root")
    roots.add_column("name")
    roots.add_column("events", justify="right")
    for r in s["roots"]:
        roots.add_row(r["cameo_root"], r["name"], str(r["n"]))
    out.print(roots)


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSONL files or directories.")],
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline.")] = None,
    db: Annotated[
        Path | None,
        typer.Option("--db", help="Score the events a run stored instead of coding afresh."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Score the coder against gold sentences (see docs/annotation.md): precision, recall and F1,
    dyad, root, quad, PLOVER, negation, modality and date accuracy, confusions and every error.

    Example: detente evaluate tests/gold --json
    """
    import json

    from detente.evaluate import evaluate_files, render
    from detente.store import Store

    try:
        if db is not None:
            with Store(db, read_only=True) as store:
                result = evaluate_files(gold, Config(model=model), store)
        else:
            result = evaluate_files(gold, Config(model=model))
    except DetenteError as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(result.as_dict(), indent=2))
    else:
        render(result, Console(width=max(Console().width, 120)))  # the confusion table is wide


def main() -> None:
    app()


if __name__ == "__main__":
    main()
