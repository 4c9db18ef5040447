"""Corpus query commands — `quotes`, `speakers`, `events`, `search`, `articles`, `outlets`, `errors` —
thin wrappers over `presslens.store.queries`, printing a table, JSON or CSV."""
from __future__ import annotations

import csv
import json
import sys
from enum import Enum

import typer
from rich.console import Console
from rich.table import Table

from .app import app, err_console
from .corpus import DB_HELP, open_db


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


DB = typer.Option("presslens.db", "--db", help=DB_HELP)
FORMAT = typer.Option(Format.table, "--format", "-f", help="Output: table, json or csv.")
LIMIT = typer.Option(100, "--limit", min=1, help="At most this many rows.")
OFFSET = typer.Option(0, "--offset", min=0, help="Skip this many rows first.")
SINCE = typer.Option(None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD).")
UNTIL = typer.Option(None, "--until", help="Up to and including this date.")


def emit(rows: list[dict], format: Format, columns: list[str], what: str) -> None:
    """Print rows: all fields as JSON or CSV, the given columns as a table; no rows is said on stderr."""
    if not rows:
        err_console.print(f"no {what} found" + ("" if format is Format.table else f" (empty {format.value} output)"),
                          highlight=False)
        if format is Format.table:
            return
    if format is Format.json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2, default=str)
        sys.stdout.write("\n")
    elif format is Format.csv:
        writer = csv.DictWriter(sys.stdout, list(rows[0]) if rows else columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*("" if row.get(c) is None else str(row.get(c)) for c in columns))
        Console().print(table)


@app.command()
def quotes(db: str = DB, speaker: str = typer.Option(None, help="Speaker name or alias (substring, any case)."),
           since: str = SINCE, until: str = UNTIL, outlet: str = typer.Option(None, help="Outlet name (substring)."),
           search: str = typer.Option(None, "--search", help="Full-text search in the quoted words."),
           format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    """Quotes across the corpus, by date: who said what, where."""
    from ..store.queries import list_quotes

    rows = list_quotes(open_db(db), speaker=speaker, since=since, until=until, outlet=outlet, q=search,
                       limit=limit, offset=offset)
    emit(rows, format, ["published", "outlet", "speaker", "kind", "content"], "quotes")


@app.command()
def speakers(db: str = DB, name: str = typer.Option(None, "--name", help="Speaker name (substring)."),
             outlet: str = typer.Option(None, help="Outlet name (substring)."),
             format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    """Speakers by number of quotes, with roles and outlets."""
    from ..store.queries import list_speakers

    rows = list_speakers(open_db(db), q=name, outlet=outlet, limit=limit, offset=offset)
    emit(rows, format, ["speaker", "quotes", "articles", "roles", "outlets", "first", "last"], "speakers")


@app.command()
def events(db: str = DB, type: str = typer.Option(None, "--type", help="Event type (substring)."),
           place: str = typer.Option(None, help="Place (substring)."), since: str = SINCE, until: str = UNTIL,
           asserted_by: str = typer.Option(None, "--asserted-by", help="Who asserts it: author or a source name."),
           format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    """Events by date: actor, action, target, place, and who asserts it."""
    from ..store.queries import list_events

    rows = list_events(open_db(db), type=type, place=place, since=since, until=until, asserted_by=asserted_by,
                       limit=limit, offset=offset)
    emit(rows, format, ["date", "type", "actor", "target", "location", "asserted_by", "outlet"], "events")


@app.command()
def search(text: str = typer.Argument(..., help="Words to find (all of them) in titles and article text."),
           db: str = DB, format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    """Full-text search over the stored articles."""
    from ..store.queries import list_articles

    emit(list_articles(open_db(db), q=text, limit=limit, offset=offset), format,
         ["id", "published", "outlet", "title", "quotes", "events"], "articles")


@app.command()
def articles(db: str = DB, outlet: str = typer.Option(None, help="Outlet name (substring)."), since: str = SINCE,
             until: str = UNTIL, format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    """Stored articles, newest first, with counts of their findings."""
    from ..store.queries import list_articles

    emit(list_articles(open_db(db), outlet=outlet, since=since, until=until, limit=limit, offset=offset), format,
         ["id", "published", "outlet", "title", "quotes", "events", "framing"], "articles")


@app.command()
def outlets(db: str = DB, format: Format = FORMAT) -> None:
    """Per outlet: articles, quotes, and the share of quotes from vague sources."""
    from ..store.queries import outlet_stats

    emit(outlet_stats(open_db(db)), format, ["outlet", "articles", "quotes", "vague_quotes", "vague_share", "events"], "outlets")


@app.command()
def errors(db: str = DB, format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    """Records that failed to ingest, with their source and reason."""
    from ..store.queries import list_errors

    emit(list_errors(open_db(db), limit=limit, offset=offset), format, ["occurred_at", "source", "item", "reason"], "errors")
