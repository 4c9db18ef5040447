"""`presslens serve`: the web app and REST API on the corpus store, with uvicorn."""
from __future__ import annotations

import typer

from ..validate import DEFAULT_MAX_BYTES
from .app import app, fail

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(
    db: str = typer.Option(None, "--db", help="Store path or URL (default ./presslens.db; postgresql://… for PostgreSQL)."),
    host: str = typer.Option("127.0.0.1", help="Interface to bind; the default serves this machine only."),
    port: int = typer.Option(8000, min=1, max=65535, help="TCP port."),
    allow_fetch: bool = typer.Option(False, help="Let POST /api/analyze fetch a URL (never loopback or private addresses)."),
    max_bytes: int = typer.Option(DEFAULT_MAX_BYTES, min=1, help="Refuse articles larger than this many bytes (form and API)."),
    workers: int = typer.Option(2, "--workers", "-w", min=2,
                                help="Analysis processes (one is always kept for short articles)."),
    max_waiting: int = typer.Option(16, min=0,
                                    help="Requests that may wait for a worker; more are answered 503 with Retry-After."),
) -> None:
    """Serve the web app (Analyze, Corpus, Speakers, Events, Outlets) and the API (docs at /docs)."""
    import uvicorn

    from ..web import create_app

    try:
        web_app = create_app(db, allowed_hosts=["127.0.0.1", "localhost", "::1"] if host in LOOPBACK else None,
                             allow_fetch=allow_fetch, max_text_bytes=max_bytes, workers=workers, max_waiting=max_waiting)
    except Exception as exc:  # a bad URL or an unreachable database: one line, no traceback
        fail(f"cannot open the store {db or './presslens.db'}: {exc}")
    typer.echo(f"presslens on http://{'[' + host + ']' if ':' in host else host}:{port}/  (API docs at /docs)")
    uvicorn.run(web_app, host=host, port=port, log_level="warning", server_header=False)
