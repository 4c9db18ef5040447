"""`presslens ingest` and `presslens export`: fill the corpus store from any source, write it out."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import typer

from ..validate import DEFAULT_MAX_BYTES
from .app import app, err_console, fail

DB_HELP = "Store: a SQLite path or a postgresql:// URL."


def open_db(db: str, *, create: bool = False):
    """The store at `db`, or one clear error line (never a traceback) when it cannot be opened."""
    from sqlalchemy.exc import SQLAlchemyError

    from ..store import open_store

    try:
        return open_store(db, create=create)
    except FileNotFoundError as exc:
        fail(str(exc))
    except (SQLAlchemyError, ValueError, ImportError) as exc:
        fail(f"cannot open the store {db}: {str(exc).splitlines()[0]}")


@app.command()
def ingest(
    sources: list[str] = typer.Argument(..., help="Files, directories, globs or URLs: text, HTML, RSS/Atom, WARC, JSONL, CSV."),
    db: str = typer.Option("presslens.db", "--db", help=DB_HELP),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Processes that analyse articles."),
    field: list[str] = typer.Option([], "--field", help="JSONL/CSV field mapping NAME=COLUMN, e.g. text=body, published=meta.date."),
    published: str = typer.Option(None, help="Publication date (YYYY-MM-DD) for documents that do not give one."),
    outlet: str = typer.Option(None, help="Outlet for documents that do not name one."),
    offline: bool = typer.Option(False, "--offline", help="Never fetch URLs (feed entries without content fail)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, help="Refuse articles and downloads larger than this many bytes."),
    progress: bool = typer.Option(True, help="Show a progress bar on standard error."),
    link: bool = typer.Option(True, help="Link the new articles into the corpus's stories and statements."),
    embedder: str = typer.Option("default", "--embedder", help="Evidence similarity for event links: use (default), e5, lexical."),
) -> None:
    """Analyse every new article of SOURCES into the store; exit 1 when any record failed."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

    from ..corpus import EMBEDDERS, EmbedderUnavailable
    from ..ingest import Fields, count_documents, read_sources
    from ..store.loader import load

    if embedder != "default" and embedder not in EMBEDDERS:
        fail(f"--embedder must be one of default, {', '.join(EMBEDDERS)}, got {embedder!r}")
    try:
        fields = Fields.parse(field)
        if published:
            date.fromisoformat(published)
    except ValueError as exc:
        fail(str(exc) if field else f"--published must be a date as YYYY-MM-DD, got {published!r}")
    engine = open_db(db, create=True)
    documents = read_sources(sources, fields=fields, online=not offline, max_bytes=max_bytes)
    bar = Progress(TextColumn("[bold]ingest"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
                   TextColumn("{task.fields[rate]:.1f} articles/s"), TextColumn("stored {task.fields[stored]}"),
                   TextColumn("dup {task.fields[skipped]}"), TextColumn("[red]errors {task.fields[failed]}"),
                   TimeElapsedColumn(), TimeRemainingColumn(), console=err_console, disable=not progress)
    with bar:
        task = bar.add_task("ingest", total=count_documents(sources), rate=0.0, stored=0, skipped=0, failed=0)

        def update(stats):
            elapsed = bar.tasks[0].elapsed or 0
            bar.update(task, completed=stats.seen, rate=stats.stored / elapsed if elapsed else 0.0,
                       stored=stats.stored, skipped=stats.skipped, failed=stats.failed)

        try:
            stats = load(engine, documents, workers=workers, published=published, outlet=outlet, max_bytes=max_bytes,
                         progress=update, link=link, embedder=embedder)
        except EmbedderUnavailable as exc:
            fail(f"stored, but cannot link: {exc}")
    err_console.print(f"{stats.seen} documents: {stats.stored} stored, {stats.skipped} already stored or duplicate, "
                      f"{stats.failed} failed" + (" (see `presslens errors`)" if stats.failed else ""), highlight=False)
    raise typer.Exit(1 if stats.failed else 0)


@app.command("export")
def export_cmd(
    db: str = typer.Option("presslens.db", "--db", help=DB_HELP),
    format: str = typer.Option("parquet", "--format", "-f", help="parquet, csv or jsonl."),
    out: Path = typer.Option(..., "--out", help="Directory for one file per table."),
) -> None:
    """Write every table of the store to OUT, one file per table."""
    from ..store.export import FORMATS, export

    if format not in FORMATS:
        fail(f"--format must be one of {', '.join(FORMATS)}, got {format!r}")
    written = export(open_db(db), format, out)
    err_console.print(f"wrote {len(written)} files to {out}", highlight=False)
