"""The web app factory: `create_app(db)` wires the REST API, the pages, static files and hardening.

    uvicorn --factory presslens.web:create_app     # or: presslens serve --db corpus.db

Static files come from the package's `web/static` folder only; nothing a request names is
ever opened as a path.  Analyses run in a pool of worker processes (`presslens.web.workers`),
started on the first analysis and stopped when the app shuts down.
"""
from __future__ import annotations

import json
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..store import open_store
from ..validate import DEFAULT_MAX_BYTES
from . import api, pages, stories
from .security import SecurityMiddleware
from .workers import DEFAULT_MAX_WAITING, DEFAULT_WORKERS, AnalysisPool

STATIC = Path(__file__).with_name("static")


def body_limit(max_text_bytes: int) -> int:
    """Bytes a request body may have: the article percent-encoded in a form (3 bytes a byte) plus the other fields."""
    return 3 * max_text_bytes + 64_000


def create_app(db: str | None = None, *, max_text_bytes: int = DEFAULT_MAX_BYTES,
               allowed_hosts: list[str] | None = None, allow_fetch: bool = False,
               workers: int = DEFAULT_WORKERS, max_waiting: int = DEFAULT_MAX_WAITING) -> FastAPI:
    """The presslens web app on the store at `db` (path or URL; default `./presslens.db`).

    `max_text_bytes` bounds an article, in the form and the API alike; request bodies may be
    larger by the form encoding (`body_limit`).
    `allowed_hosts`, when given, is the only Host header values served (DNS-rebinding guard).
    `allow_fetch` lets `POST /api/analyze` fetch a URL (public addresses only); off by default.
    `workers` analysis processes (at least 2), with at most `max_waiting` requests waiting for one.
    """
    pool = AnalysisPool(workers, max_waiting=max_waiting)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        pool.start()  # the workers load the model while the first pages are served
        yield
        pool.close()

    app = FastAPI(title="presslens", version=__version__, docs_url=None, redoc_url=None, lifespan=lifespan,
                  form_limits={"max_part_size": body_limit(max_text_bytes)},
                  description="Who said what, what is claimed to have happened, and how it is framed — in news articles.")
    app.state.engine = open_store(db)
    app.state.max_text_bytes = max_text_bytes
    app.state.allow_fetch = allow_fetch
    app.state.analysis_pool = pool
    app.include_router(api.router)
    app.include_router(stories.api)
    app.include_router(pages.router)
    app.include_router(stories.pages)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon():
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return pages.templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                                status_code=exc.status_code, headers=exc.headers)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, exc: RequestValidationError):
        # ASCII JSON: the errors quote the input, and a lone surrogate in it cannot be written as UTF-8
        body = json.dumps({"detail": jsonable_encoder(exc.errors())}, ensure_ascii=True)
        return Response(body, status_code=422, media_type="application/json")

    app.add_middleware(SecurityMiddleware, max_body_bytes=body_limit(max_text_bytes), max_text_bytes=max_text_bytes,
                       allowed_hosts=allowed_hosts)
    return app
