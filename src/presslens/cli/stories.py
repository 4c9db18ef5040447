"""`presslens stories`, `presslens statements --linked` and `presslens link`: the corpus links in the store."""
from __future__ import annotations

import json
import sys
from enum import Enum

import typer
from rich.console import Console
from rich.table import Table

from .app import app, err_console, fail
from .corpus import DB_HELP, open_db


class Format(str, Enum):
    text = "text"
    json = "json"


DB = typer.Option("presslens.db", "--db", help=DB_HELP)
FORMAT = typer.Option(Format.text, "--format", "-f", help="Output: text or json.")
LIMIT = typer.Option(100, "--limit", min=1, help="At most this many.")
OFFSET = typer.Option(0, "--offset", min=0, help="Skip this many first.")
EMBEDDER = typer.Option("default", "--embedder", help="Evidence similarity for event links: use (default), e5, lexical.")


def _json(rows) -> None:
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


def _short(text: str, width: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


@app.command()
def stories(db: str = DB, since: str = typer.Option(None, "--since", help="From this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
            until: str = typer.Option(None, "--until", help="Up to and including this date."),
            place: str = typer.Option(None, "--place", help="Place (substring)."),
            type: str = typer.Option(None, "--type", help="PLOVER event type (substring)."),
            speaker: str = typer.Option(None, "--speaker", help="Asserted or denied by this person or body (any of its names)."),
            outlet: str = typer.Option(None, "--outlet", help="Reported by this outlet (substring)."),
            min_reports: int = typer.Option(2, "--min-reports", min=1, help="Only stories told by at least this many reports."),
            format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    """Events told by several articles: who asserts, who denies, who relays, and where accounts conflict."""
    from ..store.corpus_queries import list_stories

    rows = list_stories(open_db(db), since=since, until=until, place=place, type=type, speaker=speaker, outlet=outlet,
                        min_reports=min_reports, limit=limit, offset=offset)
    if format is Format.json:
        return _json(rows)
    console = Console()
    for story in rows:
        console.rule(f"[bold]{story['type']}[/] {story['date'] or 'undated'} {story['place'] or ''} · {story['id']}",
                     align="left")
        console.print(f"asserted by: {', '.join(story['asserted_by']) or '—'}   denied by: "
                      f"{', '.join(story['denied_by']) or '—'}   relays: "
                      f"{', '.join(r['outlet'] + ' ← ' + r['relays'] for r in story['relays']) or '—'}", highlight=False)
        table = Table("published", "outlet", "asserted by", "stance", "evidence", show_lines=False)
        for report in story["reports"]:
            table.add_row(report["published"] or "", report["outlet"] or "", report["asserted_by"] or "",
                          report.get("stance") or "", _short(report["evidence"]["text"]))
        console.print(table)
        for conflict in story["conflicts"]:
            console.print(f"[red]conflict ({conflict['kind']}):[/] {conflict['why']}", highlight=False)
    if not rows:
        err_console.print("no stories (run `presslens link` after an ingest made without linking)", highlight=False)


@app.command()
def statements(db: str = DB, linked: bool = typer.Option(False, "--linked", help="Only statements carried by more than one article."),
               speaker: str = typer.Option(None, "--speaker", help="Said by this person or body (any of its names)."),
               since: str = typer.Option(None, "--since", help="First seen on or after this date."),
               until: str = typer.Option(None, "--until", help="First seen on or before this date."),
               format: Format = FORMAT, limit: int = LIMIT, offset: int = OFFSET) -> None:
    """Statements across the corpus: every article carrying one, where it first appeared, who relayed it."""
    from ..store.corpus_queries import list_statements

    rows = list_statements(open_db(db), speaker=speaker, linked=linked, since=since, until=until, limit=limit,
                           offset=offset)
    if format is Format.json:
        return _json(rows)
    console = Console()
    for statement in rows:
        console.print(f"[bold]{statement['speaker'] or 'unnamed'}[/] first seen {statement['first_seen'] or '?'}: "
                      f"{_short(statement['text'], 200)}", highlight=False)
        for a in statement["appearances"]:
            relay = f" (relayed by {a['relayed_by']})" if a["relayed_by"] else ""
            relay += " (the speaker's own text)" if a["kind"] == "own_text" else ""
            console.print(f"    {a['published'] or '?':10}  {a['outlet'] or '?'}  {a['match']}{relay}  {a['doc_id']}",
                          highlight=False)


@app.command("link")
def link_cmd(db: str = DB, embedder: str = EMBEDDER) -> None:
    """Link every stored article again from scratch: identities, statements, stories."""
    from ..corpus import EMBEDDERS, EmbedderUnavailable
    from ..store.linking import relink

    if embedder != "default" and embedder not in EMBEDDERS:
        fail(f"--embedder must be one of default, {', '.join(EMBEDDERS)}, got {embedder!r}")
    try:
        count = relink(open_db(db), embedder=embedder)
    except EmbedderUnavailable as exc:
        fail(str(exc))
    err_console.print(f"linked {count} articles", highlight=False)
