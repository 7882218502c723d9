"""The `stratdoc` command: a thin layer over the library.

Each command opens the store, calls one library function and maps stratdoc errors to a
one-line message and exit code 1 in one place (`_fail`).
"""

from __future__ import annotations

import sys
from collections import Counter
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table
from rich.text import Text

from stratdoc.cli_db import db_app
from stratdoc.cli_options import BackendOption, BrokerOption, DbOption, QueueOption, err, out
from stratdoc.cli_options import fail as _fail
from stratdoc.errors import StratdocError
from stratdoc.version import PIPELINE_VERSION

if TYPE_CHECKING:
    from collections.abc import Callable

    from sqlalchemy import Engine

    from stratdoc.pipeline import FileResult, IngestReport

app = typer.Typer(add_completion=False, no_args_is_help=True, rich_markup_mode=None,
                  help="Russian strategy documents → structured, queryable data.")
app.add_typer(db_app, name="db")


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders (walked recursively).")],
    db: DbOption = None,
    force: Annotated[bool, typer.Option("--force", help="Re-process documents already stored.")] = False,
    jobs: Annotated[int | None, typer.Option(
        "--jobs", "-j", min=1, help="Worker processes that read and extract (default: one per core); "
        "one writer stores, so the result is the same for any number.")] = None,
    broker: BrokerOption = None,
    backend: BackendOption = None,
    queue: QueueOption = "stratdoc",
) -> None:
    """Read documents, extract records and store them, one transaction per document.

    Example: stratdoc ingest samples/ ../shared/seeds --db stratdoc.db

    Prints one line per failed file and a summary table; exits 1 if any file failed.
    With --broker, Celery workers do the work (the bytes travel in the messages).
    """
    from stratdoc.pipeline import collect_paths, ingest_paths
    from stratdoc.store.session import open_engine

    if broker and jobs is not None:
        raise _fail("--jobs is for runs on this machine; with --broker each worker sets its --concurrency")
    try:
        engine = open_engine(db)
    except StratdocError as e:
        raise _fail(str(e)) from e
    total = len(collect_paths(paths))
    progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                        TimeElapsedColumn(), TextColumn("{task.description}"), console=err,
                        transient=True, disable=not err.is_terminal)
    with progress:
        task = progress.add_task("", total=total)

        def on_file(result: FileResult) -> None:
            progress.update(task, advance=1, description=result.source)
            if result.outcome == "failed":
                progress.console.print(result.line(), markup=False, highlight=False, soft_wrap=True)

        if broker:
            report = _ingest_with_broker(paths, engine, broker, backend, queue, force=force, on_file=on_file)
        else:
            report = ingest_paths(paths, engine=engine, force=force, on_file=on_file, jobs=jobs)
    _print_summary(report)
    if not report.ok:
        raise typer.Exit(1)


def _ingest_with_broker(paths: list[Path], engine: Engine, broker: str, backend: str | None, queue: str, *,
                        force: bool, on_file: Callable[[FileResult], None]) -> IngestReport:
    from stratdoc.queue.client import ingest_from_cli

    try:
        return ingest_from_cli(paths, engine, broker, backend, queue, force=force, on_file=on_file,
                               note=lambda m: err.print(f"note: {m}", markup=False, highlight=False))
    except ValueError as e:
        raise _fail(str(e)) from e


def _print_summary(report: IngestReport) -> None:
    table = Table(title=f"run {report.run_id} · pipeline {PIPELINE_VERSION}")
    for col in ("file", "outcome", "format", "status", "records", "note"):
        table.add_column(col)
    for r in report.results:
        records = ", ".join(f"{k} {v}" for k, v in r.counts.items() if v)
        note = r.message if r.outcome != "failed" else f"{r.stage}: {r.message.split(': ', 1)[-1]}"
        table.add_row(r.source, r.outcome, r.format or "", r.status or "", records or "-", note)
    out.print(table)
    counts = Counter(r.outcome for r in report.results)
    out.print(f"{len(report.results)} files: {counts['ingested']} ingested, {counts['skipped']} skipped "
              f"(unchanged), {counts['failed']} failed")


@app.command()
def export(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ExportFormat.jsonl),
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="jsonl: file to write (default stdout); csv: folder to write the files "
        "into (required).")] = None,
    since: Annotated[int | None, typer.Option(
        "--since", metavar="RUN", help="Only documents stored by runs after run RUN (see `stratdoc "
        "query \"SELECT * FROM runs\"`).")] = None,
    db: DbOption = None,
) -> None:
    """Write the stored documents: the export contract as JSON Lines, or one CSV per record kind.

    Every record carries a stable `id` (the same file and pipeline give the same ids), so an
    importer can upsert; CSV rows of nested lines carry their parent's id.

    Example: stratdoc export --format jsonl -o export.jsonl
    Example: stratdoc export --format csv -o export/ --since 3
    """
    if format is ExportFormat.csv:
        _export_csv(output, since, db)
        return
    from stratdoc.store.export import write_jsonl
    from stratdoc.store.session import open_engine, session_factory

    try:
        engine = open_engine(db)
        with session_factory(engine)() as session:
            if output is None:
                n = write_jsonl(session, sys.stdout, since_run=since)
            else:
                with output.open("w", encoding="utf-8") as fh:
                    n = write_jsonl(session, fh, since_run=since)
    except (StratdocError, OSError) as e:
        raise _fail(str(e)) from e
    if output is not None:
        err.print(f"{n} documents written to {output}", markup=False, highlight=False)


def _export_csv(output: Path | None, since: int | None, db: str | None) -> None:
    from stratdoc.store.csv_export import write_csv_dir
    from stratdoc.store.export import iter_records
    from stratdoc.store.session import open_engine, session_factory

    if output is None:
        raise _fail("--format csv writes one file per record kind: give a folder with -o DIR")
    if output.exists() and not output.is_dir():
        raise _fail(f"{output}: not a folder (--format csv writes one file per record kind)")
    try:
        engine = open_engine(db)
        with session_factory(engine)() as session:
            counts = write_csv_dir(iter_records(session, since_run=since), output)
    except (StratdocError, OSError) as e:
        raise _fail(str(e)) from e
    err.print(f"{counts['documents']} documents written to {output}/: "
              + ", ".join(f"{name} {n}" for name, n in counts.items() if name != "documents"),
              markup=False, highlight=False)


@app.command()
def stats(db: DbOption = None) -> None:
    """Row counts per table, and documents by format and status.

    Example: stratdoc stats --db stratdoc.db
    """
    from sqlalchemy import func, select

    from stratdoc.store.models import DocumentRow
    from stratdoc.store.repository import table_counts
    from stratdoc.store.session import open_engine, session_factory

    try:
        engine = open_engine(db)
        with session_factory(engine)() as session:
            counts = table_counts(session)
            by_status = session.execute(select(DocumentRow.format, DocumentRow.status, func.count())
                                        .group_by(DocumentRow.format, DocumentRow.status)).all()
    except StratdocError as e:
        raise _fail(str(e)) from e
    table = Table(title="stratdoc database")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name, n in counts.items():
        table.add_row(name, str(n))
    out.print(table)
    if by_status:
        out.print("documents: " + ", ".join(f"{f} {s} {n}" for f, s, n in by_status))


@app.command()
def show(
    doc: Annotated[str, typer.Argument(help="Document id prefix (4+ chars) or source file name.")],
    db: DbOption = None,
    blocks: Annotated[int, typer.Option("--blocks", "-n", help="How many blocks to print (0: all).")] = 20,
) -> None:
    """Metadata and blocks of one stored document.

    Example: stratdoc show plan-cp1251.txt
    """
    from stratdoc.store.repository import META_FIELDS, find_document
    from stratdoc.store.session import open_engine, session_factory

    try:
        engine = open_engine(db)
        with session_factory(engine)() as session:
            row = find_document(session, doc)
            meta = Table(show_header=False, title=row.source)
            meta.add_column("field")
            meta.add_column("value")
            for f in ("id", "format", "status", "n_pages", "pipeline_version", *META_FIELDS):
                v = getattr(row, f)
                meta.add_row(f, "" if v is None else str(v))
            for w in row.warnings or []:
                meta.add_row("warning", w)
            out.print(meta)
            shown = row.blocks if blocks <= 0 else row.blocks[:blocks]
            for b in shown:
                text = row.text[b.start:b.end]
                label = b.kind + (f"{b.level}" if b.level else "")
                page = f"p{b.page} " if b.page else ""
                out.print(f"[{b.idx}] {page}{label} {b.start}-{b.end}: "
                          f"{text[:160].replace(chr(10), ' | ')}", markup=False, highlight=False)
            if len(shown) < len(row.blocks):
                out.print(f"… {len(row.blocks) - len(shown)} more blocks (--blocks 0 for all)")
    except StratdocError as e:
        raise _fail(str(e)) from e


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="One SELECT (or WITH … SELECT) statement.")],
    db: DbOption = None,
    param: Annotated[list[str] | None, typer.Option(
        "--param", "-p", metavar="NAME=VALUE", help="Bind :NAME in the statement to VALUE (repeatable); "
        "numbers are bound as numbers.")] = None,
    as_csv: Annotated[bool, typer.Option("--csv", help="CSV with a header instead of a table.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON array of row objects.")] = False,
) -> None:
    """Run one read-only SQL query against the store and print the rows.

    The connection cannot write (SQLite opened read-only, PostgreSQL in a read-only
    transaction); anything but a single SELECT is refused. The v_* views (README, «Querying
    the database») flatten the records with their document and the text they came from.

    Example: stratdoc query "SELECT municipality, parent_name, amount_rub FROM v_funding WHERE
    source = :src AND year = :year" -p src=regional -p year=2024
    """
    from stratdoc.store.query import parse_param, run_query

    if as_csv and as_json:
        raise _fail("choose one of --csv and --json")
    try:
        params = dict(parse_param(p) for p in param or [])
        result = run_query(db, sql, params)
    except StratdocError as e:
        raise _fail(str(e)) from e
    _print_rows(result.columns, result.rows, as_csv=as_csv, as_json=as_json)


def _print_rows(columns: list[str], rows: list[tuple[object, ...]], *, as_csv: bool, as_json: bool) -> None:
    import csv
    import json

    if as_json:
        sys.stdout.write(json.dumps([dict(zip(columns, r, strict=True)) for r in rows], ensure_ascii=False,
                                    indent=1) + "\n")
        return
    if as_csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(["" if v is None else v for v in r] for r in rows)
        return
    table = Table(show_lines=False)
    for c in columns:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*(Text("" if v is None else str(v)) for v in r))  # cells are data, not markup
    out.print(table)
    err.print(f"{len(rows)} rows", markup=False, highlight=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of one line of `stratdoc export --format jsonl`.

    Example: stratdoc schema > stratdoc-export.schema.json
    """
    import json

    from stratdoc.schema.export import export_json_schema

    sys.stdout.write(json.dumps(export_json_schema(), ensure_ascii=False, indent=2) + "\n")


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[str | None, typer.Option(
        "--token", envvar="STRATDOC_API_TOKEN", show_envvar=True, show_default=False,
        help="Bearer token that POST /documents needs; without one, uploads are refused. "
             "Prefer the environment variable: a command line is visible to other users.")] = None,
    max_upload_mb: Annotated[int, typer.Option(
        "--max-upload-mb", min=1, help="Largest upload request body, in MiB (larger: 413).")] = 50,
    broker: BrokerOption = None,
    queue: QueueOption = "stratdoc",
) -> None:
    """The JSON API (OpenAPI at /docs), the browse pages (/browse) and uploads into the store.

    Example: STRATDOC_API_TOKEN=secret stratdoc serve --db stratdoc.db --port 8000
    """
    import uvicorn

    from stratdoc.web import create_app

    try:
        application = create_app(db, token=token, max_upload_bytes=max_upload_mb * 1024 * 1024,
                                 broker=broker, queue=queue)
    except (StratdocError, ValueError) as e:
        raise _fail(str(e)) from e
    if not token:
        err.print("note: no STRATDOC_API_TOKEN set, so uploads (POST /documents) are refused",
                  markup=False, highlight=False)
    uvicorn.run(application, host=host, port=port, log_level="info")


@app.command()
def worker(
    broker: Annotated[str, typer.Option("--broker", envvar="STRATDOC_BROKER", show_envvar=True,
                                        help="Celery broker URL (redis://… or amqp://…).")],
    db: DbOption = None,
    backend: BackendOption = None,
    queue: QueueOption = "stratdoc",
    concurrency: Annotated[int, typer.Option(
        "--concurrency", "-c", min=1, help="Processes in this worker (one document each at a time).")] = 1,
    visibility_timeout: Annotated[int, typer.Option(
        "--visibility-timeout", min=1, help="Redis broker: seconds after which a document taken by a "
        "worker that vanished goes to another; longer than the slowest document.")] = 3600,
    hostname: Annotated[str | None, typer.Option(
        "--hostname", "-n", help="Node name (default stratdoc-PID@host).")] = None,
    loglevel: Annotated[str, typer.Option("--loglevel", "-l", help="Celery log level.")] = "INFO",
    threads: Annotated[int | None, typer.Option(
        "--threads", min=1, help="BLAS threads per process (default: cores / concurrency).")] = None,
) -> None:
    """A Celery worker that ingests the documents `ingest --broker` and uploads send.

    All workers share one broker and one database; SIGTERM lets the current documents finish.

    Example: stratdoc worker --broker redis://queue-host:6379/0 --db postgresql+psycopg://db/stratdoc -c 4
    """
    from stratdoc.queue.worker import run_worker

    try:
        run_worker(broker, db, backend=backend, concurrency=concurrency, queue=queue,
                   visibility_timeout=visibility_timeout, hostname=hostname, loglevel=loglevel,
                   threads=threads)
    except (StratdocError, ValueError) as e:
        raise _fail(str(e)) from e


def main() -> None:
    app()


if __name__ == "__main__":
    main()
