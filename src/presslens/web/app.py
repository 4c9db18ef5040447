"""The web app factory: `create_app(db)` wires the REST API, the pages, static files and hardening.

    uvicorn --factory presslens.web:create_app     # or: presslens serve --db corpus.db

Static files come from the package's `web/static` folder only; nothing a request names is
ever opened as a path.
"""
from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import open_store
from ..validate import DEFAULT_MAX_BYTES
from . import api, pages, stories
from .security import SecurityMiddleware

STATIC = Path(__file__).with_name("static")


def create_app(db: str | None = None, *, max_text_bytes: int = DEFAULT_MAX_BYTES,
               allowed_hosts: list[str] | None = None, allow_fetch: bool = False) -> FastAPI:
    """The presslens web app on the store at `db` (path or URL; default `./presslens.db`).

    `max_text_bytes` bounds an article; request bodies may be a little larger (form encoding).
    `allowed_hosts`, when given, is the only Host header values served (DNS-rebinding guard).
    `allow_fetch` lets `POST /api/analyze` fetch a URL (public addresses only); off by default.
    """
    app = FastAPI(title="presslens", version=__version__, docs_url=None, redoc_url=None,
                  description="Who said what, what is claimed to have happened, and how it is framed — in news articles.")
    app.state.engine = open_store(db)
    app.state.max_text_bytes = max_text_bytes
    app.state.allow_fetch = allow_fetch
    app.include_router(api.router)
    app.include_router(stories.api)
    app.include_router(pages.router)
    app.include_router(stories.pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return pages.templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                                status_code=exc.status_code)

    app.add_middleware(SecurityMiddleware, max_body_bytes=3 * max_text_bytes + 64_000, allowed_hosts=allowed_hosts)
    return app
