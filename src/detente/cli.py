"""The `detente` command: a few lines per command over the library."""

from __future__ import annotations

import logging
import re
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
from detente.config import APART_UPTO, COMMON_FROM, FATE_MIN_P, TURNING_PENALTY, Config
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
    issues: Annotated[
        list[Path] | None,
        typer.Option("--issues", help="Extra or replacement issues YAML file (same format)."),
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
        extra_issue_files=tuple(issues or ()),
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


SideOption = Annotated[
    str, typer.Option("--side", help="One camp: codes, comma-separated (USA,NATO).")
]
OtherOption = Annotated[str, typer.Option("--other", help="The other camp (RUS).")]
SinceOption = Annotated[
    str | None, typer.Option("--since", help="Evidence from this date (YYYY-MM-DD).")
]
UntilOption = Annotated[
    str | None, typer.Option("--until", help="Evidence up to this date (YYYY-MM-DD).")
]
IssuesOption = Annotated[
    list[Path] | None, typer.Option("--issues", help="Extra or replacement issues YAML file.")
]
ClimateOption = Annotated[
    bool,
    typer.Option(
        "--climate/--no-climate",
        help="An issue the period's stories name without a stance takes the period's climate, "
        "and thin evidence on an issue leans toward it (--no-climate does neither).",
    ),
]

LevelsOption = Annotated[
    bool,
    typer.Option(
        "--learned-levels/--score-levels",
        help="Decide an issue's level by the score against the --common/--apart thresholds (the "
        "default, --score-levels), or with the learned level decision, which also weighs how "
        "much evidence there is and where it came from (--learned-levels; better on the "
        "development cases, not on the blind ones: docs/relations.md). The learned decision "
        "needs the default thresholds, the climate and the reader.",
    ),
]


FateMinPOption = Annotated[
    float,
    typer.Option(
        "--fate-min-p",
        min=0.0,
        max=1.0,
        help="How likely the fate reader must find it that a later sentence tells what became of "
        "a pledge before it counts (higher: fewer, surer readings; docs/relations.md).",
    ),
]
ReaderOption = Annotated[
    bool,
    typer.Option(
        "--reader/--no-reader",
        help="Count the learned readers' evidence alongside the rules': the sentence reader's on "
        "the agreement map, the fate reader's on commitments the rules leave pending "
        "(--no-reader: the rules alone).",
    ),
]


def _date_option(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(ValueError(f"{name} must be YYYY-MM-DD, not {value!r}")) from None


def _agreement(db: Path, side: str, other: str, since: str | None, until: str | None,
               issues: list[Path] | None, common: float, apart: float,
               climate: bool = True, reader: bool = True, learned: bool = False):  # noqa: ANN202  # fmt: skip
    from detente.agreement import Thresholds, agreement_map
    from detente.issues import load_taxonomy
    from detente.store import Store

    try:
        thresholds = Thresholds(common, apart, climate, reader=reader, learned=learned)
        with Store(db, read_only=True) as store:
            return agreement_map(
                store, load_taxonomy(issues or ()), _codes(side), _codes(other),
                _date_option(since, "--since"), _date_option(until, "--until"), thresholds,
            )  # fmt: skip
    except (DetenteError, ValueError) as exc:
        raise _fail(exc) from exc


@app.command("map")
def agreement_map_command(
    side: SideOption,
    other: OtherOption,
    db: DbOption = DEFAULT_DB,
    since: SinceOption = None,
    until: UntilOption = None,
    issues: IssuesOption = None,
    common: Annotated[
        float, typer.Option("--common", help="Score from which an issue is common.")
    ] = COMMON_FROM,
    apart: Annotated[
        float, typer.Option("--apart", help="Score up to which it is far apart.")
    ] = APART_UPTO,
    show_unknown: Annotated[
        bool, typer.Option("--unknown", help="List issues without evidence too.")
    ] = False,
    climate: ClimateOption = True,
    reader: ReaderOption = True,
    learned: LevelsOption = False,
) -> None:
    """The agreement map of two camps: per issue, common interest, partial or far apart, with the
    balance of evidence and its strongest sentence (docs/relations.md explains the method).

    Example: detente map --db demo/detente.duckdb --side USA,NATO --other RUS --since 2009-01-01 --until 2011-12-31
    """
    from detente.agreement import Thresholds

    stances = _agreement(
        db, side, other, since, until, issues, common, apart, climate, reader, learned
    )
    colour = {"common": "green", "partial": "yellow", "apart": "red", "unknown": "dim"}
    period = f"{since or 'start'} to {until or 'end'}"
    table = Table(title=f"Agreement map: {side} vs {other}, {period}", show_lines=True)
    for col, just in (("issue", "left"), ("level", "left"), ("score", "right"),
                      ("evidence", "right"), ("balance +/-/~", "right"), ("strongest evidence", "left")):  # fmt: skip
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    shown = [s for s in stances if show_unknown or s.level != "unknown"]
    # levels the learned decision set otherwise than the score's thresholds would
    by_score = Thresholds(common, apart)
    weighed = {s.issue for s in shown if s.level not in ("unknown", by_score.level(s.score or 0.0))
               and not s.from_climate}  # fmt: skip
    for s in shown:
        best = max(s.evidence, key=lambda e: abs(e.weight), default=None)
        table.add_row(
            s.label,
            f"[{colour[s.level]}]{s.level}[/]"
            + (" [dim](climate)[/]" if s.from_climate else "")
            + (" [dim](weighed)[/]" if s.issue in weighed else ""),
            "-" if s.score is None else f"{s.score:+.2f}",
            str(s.n_evidence),
            f"{s.balance['common']:.1f}/{s.balance['apart']:.1f}/{s.balance['partial']:.1f}",
            (f"[dim]{best.basis}:[/] " if s.from_climate and best else "")
            + (f"{best.sentence} [dim]({best.doc_id}, {best.date})[/]" if best else ""),
        )
    out = Console(width=max(Console().width, 140))
    out.print(table)
    hidden = len(stances) - len(shown)
    if hidden:
        out.print(f"[dim]{hidden} issues without evidence (--unknown lists them)[/]")
    if weighed:
        out.print(
            "[dim](weighed): the learned level decision weighed the evidence otherwise than the "
            f"score's thresholds ({by_score.common:+.2f}, {by_score.apart:+.2f}) would; "
            "without --learned-levels the score alone decides[/]"
        )


@export_app.command("issues")
def export_issues(
    side: SideOption,
    other: OtherOption,
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or jsonl.")] = "json",
    out: OutOption = None,
    since: SinceOption = None,
    until: UntilOption = None,
    issues: IssuesOption = None,
    common: Annotated[
        float, typer.Option("--common", help="Score from which an issue is common.")
    ] = COMMON_FROM,
    apart: Annotated[
        float, typer.Option("--apart", help="Score up to which it is far apart.")
    ] = APART_UPTO,
    climate: ClimateOption = True,
    learned: LevelsOption = False,
) -> None:
    """The agreement map as data: one object per issue with level, score, balance and evidence.

    Example: detente export issues --db demo/detente.duckdb --side USA,NATO --other RUS --out map.json
    """
    import json

    stances = [
        s.as_dict()
        for s in _agreement(
            db, side, other, since, until, issues, common, apart, climate, learned=learned
        )
    ]
    if fmt == "json":
        text = json.dumps(stances, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "jsonl":
        text = "".join(json.dumps(s, ensure_ascii=False) + "\n" for s in stances)
    else:
        raise _fail(ValueError(f"unknown format {fmt!r}: choose json or jsonl"))
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        err.print(f"{len(stances)} issues -> {out}")


@export_app.command("relations")
def export_relations(
    side: SideOption,
    other: OtherOption,
    db: DbOption = DEFAULT_DB,
    freq: Annotated[str, typer.Option("--freq", help="month, quarter or year.")] = "month",
    fmt: Annotated[str, typer.Option("--format", "-f", help="csv, jsonl or json.")] = "csv",
    out: OutOption = None,
    min_confidence: MinConfidenceOption = 0.0,
) -> None:
    """The cooperation-conflict time series of two camps: period, n_events, goldstein_sum,
    goldstein_mean, quad1..quad4 (asserted and intended events, negated ones left out).

    Example: detente export relations --db demo/detente.duckdb --side USA,NATO --other RUS --freq year
    """
    import csv
    import io
    import json

    from detente.relations import time_series
    from detente.store import Store

    try:
        with Store(db, read_only=True) as store:
            store.select(_event_filter(min_confidence, None, False))
            rows = time_series(store, _codes(side), _codes(other), freq)
    except (DetenteError, ValueError) as exc:
        raise _fail(exc) from exc
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=["period", "n_events", "goldstein_sum",
                                                    "goldstein_mean", "quad1", "quad2", "quad3",
                                                    "quad4"], lineterminator="\n")  # fmt: skip
        writer.writeheader()
        writer.writerows(rows)
        text = buffer.getvalue()
    elif fmt == "jsonl":
        text = "".join(json.dumps(r) + "\n" for r in rows)
    elif fmt == "json":
        text = json.dumps(rows, indent=2) + "\n"
    else:
        raise _fail(ValueError(f"unknown format {fmt!r}: choose csv, jsonl or json"))
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        err.print(f"{len(rows)} periods -> {out}")


@export_app.command("commitments")
def export_commitments(
    db: DbOption = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", "-f", help="json or jsonl.")] = "json",
    out: OutOption = None,
    actor: Annotated[
        str | None, typer.Option("--actor", help="Only commitments of or to these codes.")
    ] = None,
    reader: ReaderOption = True,
    fate_min_p: FateMinPOption = FATE_MIN_P,
) -> None:
    """Commitments (pledges, obligations) with actor, counterpart, quantity, unit, deadline,
    status and the evidence behind each status (docs/relations.md).

    Example: detente export commitments --db demo/detente.duckdb --actor USA,RUS
    """
    import json

    from detente.commitments import commitments
    from detente.issues import load_taxonomy
    from detente.store import Store

    try:
        with Store(db, read_only=True) as store:
            found = [
                c.as_dict()
                for c in commitments(
                    store, load_taxonomy(), _codes(actor), use_fates=reader, fate_min_p=fate_min_p
                )
            ]
    except (DetenteError, ValueError) as exc:
        raise _fail(exc) from exc
    if fmt == "json":
        text = json.dumps(found, indent=2, ensure_ascii=False, default=str) + "\n"
    elif fmt == "jsonl":
        text = "".join(json.dumps(c, ensure_ascii=False, default=str) + "\n" for c in found)
    else:
        raise _fail(ValueError(f"unknown format {fmt!r}: choose json or jsonl"))
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        err.print(f"{len(found)} commitments -> {out}")


@app.command()
def turning(
    side: SideOption,
    other: OtherOption,
    db: DbOption = DEFAULT_DB,
    penalty: Annotated[
        float, typer.Option("--penalty", help="Higher finds fewer points.")
    ] = TURNING_PENALTY,
    as_json: Annotated[bool, typer.Option("--json", help="Print the points as JSON.")] = False,
) -> None:
    """Turning points of two camps' cooperation-conflict line, with the events around each.

    Example: detente turning --db demo/detente.duckdb --side USA,NATO --other RUS
    """
    import json

    from detente.store import Store
    from detente.turning import turning_points

    try:
        with Store(db, read_only=True) as store:
            points = turning_points(store, _codes(side), _codes(other), penalty=penalty)
    except (DetenteError, ValueError) as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps([p.as_dict() for p in points], indent=2, default=str))
        return
    out = Console(width=max(Console().width, 140))
    table = Table(title=f"Turning points: {side} vs {other}", show_lines=True)
    for col in ("month", "change", "before -> after", "events around it"):
        table.add_column(col)
    for p in points:
        around = "\n".join(f"{e['date']} {e['source']}->{e['target']} {e['cameo']}: {e['sentence'][:90]}"
                           for e in p.events[:5])  # fmt: skip
        table.add_row(p.period[:7], p.direction, f"{p.before:+.1f} -> {p.after:+.1f}", around)
    out.print(table)


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
    period: Annotated[
        list[str] | None,
        typer.Option(
            "--period",
            help="An agreement-map column for a period, SINCE..UNTIL (years or YYYY-MM-DD; "
            "either end may be left open). Repeat for several.",
        ),
    ] = None,
    issues: IssuesOption = None,
    min_confidence: MinConfidenceOption = 0.0,
    reader: ReaderOption = True,
    fate_min_p: FateMinPOption = FATE_MIN_P,
    learned: LevelsOption = False,
) -> None:
    """Write one self-contained HTML report (opens offline): overview, the cooperation-conflict
    chart with turning points, the agreement map, commitments, dyads and the evidence.

    Example: detente report --db demo/detente.duckdb --out demo/report.html --side USA,NATO --other RUS --period 2009..2011 --period 2014..
    """
    from detente.issues import load_taxonomy
    from detente.report import write_report
    from detente.store import Store

    periods = [_period_option(p) for p in period or ()]
    try:
        taxonomy = load_taxonomy(issues or ())
        with Store(db, read_only=True) as store:
            store.select(_event_filter(min_confidence, None, False))
            write_report(store, out, side=_codes(side), other=_codes(other), periods=periods,
                         taxonomy=taxonomy, reader=reader, fate_min_p=fate_min_p,
                         learned=learned)  # fmt: skip
    except (DetenteError, ValueError) as exc:
        raise _fail(exc) from exc
    err.print(f"report -> {out}")


def _period_option(value: str) -> tuple[date | None, date | None]:
    """A --period value as dates: "2009..2011" -> (2009-01-01, 2011-12-31), "2014-03-01.." ->
    (2014-03-01, None)."""
    since, sep, until = value.partition("..")
    if not sep:
        raise _fail(ValueError(f"--period must be SINCE..UNTIL (e.g. 2009..2011), not {value!r}"))

    def end(text: str, first: bool) -> date | None:
        text = text.strip()
        if not text:
            return None
        if re.fullmatch(r"\d{4}", text):
            return date(int(text), 1, 1) if first else date(int(text), 12, 31)
        return _date_option(text, "--period")

    since_date, until_date = end(since, True), end(until, False)
    if since_date and until_date and since_date > until_date:
        raise _fail(ValueError(f"--period {value!r} starts after it ends"))
    return since_date, until_date


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


@app.command("evaluate-relations")
def evaluate_relations_command(
    cases: Annotated[list[Path], typer.Argument(help="Case folders, or folders of them.")],
    model: Annotated[str | None, typer.Option("--model", help="spaCy pipeline.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    folds: Annotated[
        int,
        typer.Option(
            "--folds",
            help="Score cases with sentence labels cross-fitted: each read by a sentence reader "
            "and a fate reader trained on the labels of the other folds only (0: the shipped "
            "readers).",
        ),
    ] = 0,
    reader: ReaderOption = True,
    learned: LevelsOption = False,
) -> None:
    """Score the agreement map, commitments and turning points against test cases with known
    answers (corpus.jsonl + expected.yaml per case).

    Example: detente evaluate-relations tests/relations_gold
    """
    import json

    from detente.evaluate_relations import evaluate_relations, render, summary

    try:
        results = evaluate_relations(cases, Config(model=model), folds, reader, learned)
    except (DetenteError, ValueError, KeyError) as exc:
        raise _fail(exc) from exc
    if as_json:
        typer.echo(json.dumps(summary(results), indent=2))
    else:
        render(results, Console(width=max(Console().width, 120)))


def main() -> None:
    app()


if __name__ == "__main__":
    main()
