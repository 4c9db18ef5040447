"""The REST API under /api: analyse an article, and page through the stored corpus.

Every list endpoint takes `limit` and `offset` and answers `{"items", "total", "limit", "offset",
"next_offset"}` (`total` items in all, `next_offset` null on the last page).  Filters mirror
`presslens.store.queries`; a blank filter means no filter.
"""
from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from .. import InputError
from ..store import queries
from ..store.writer import RecordRejected
from . import corpus, service

router = APIRouter(prefix="/api", tags=["api"])

DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
Limit = Annotated[int, Query(ge=1, le=500, description="Items per page.")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="Items to skip.")]
Since = Annotated[str | None, Query(pattern=DATE, description="On or after this date (YYYY, YYYY-MM or YYYY-MM-DD).")]
Until = Annotated[str | None, Query(pattern=DATE, description="On or before this date (YYYY, YYYY-MM or YYYY-MM-DD).")]


def Text(description: str):  # noqa: N802 - reads like a type in the signatures below
    return Annotated[str | None, Query(max_length=200, description=description)]


class AnalyzeRequest(BaseModel):
    text: str | None = Field(None, min_length=1, description="The article text (UTF-8, English); refused with a reason "
                                                             "when empty, binary, over the size limit or not English.")
    published: date | None = Field(None, description="Publication date, YYYY-MM-DD; relative dates resolve against it.")
    title: str | None = Field(None, max_length=1000)
    url: str | None = Field(None, max_length=2000, description="The article's URL: metadata, or what to fetch with `fetch`.")
    outlet: str | None = Field(None, max_length=200)
    fetch: bool = Field(False, description="Fetch the article from `url` instead of sending `text`; only on a server started "
                                           "with `--allow-fetch`, and never from loopback or private addresses.")


class Page(BaseModel):
    items: list[dict[str, Any]]
    total: int = Field(description="Items matching the filters, on all pages together.")
    limit: int
    offset: int
    next_offset: int | None


def page(fetch, count, limit: int, offset: int, **filters) -> Page:
    """One page from a `queries` function, with `count(**filters)` the total on all pages."""
    clean = {k: corpus.clean_filter(v) if isinstance(v, str) else v for k, v in filters.items()}
    rows = fetch(limit=limit, offset=offset, **clean)
    total = count(**clean)
    return Page(items=rows, total=total, limit=limit, offset=offset,
                next_offset=offset + limit if offset + limit < total else None)


ANALYZE_ERRORS = {400: {"description": "The body is not JSON"},
                  403: {"description": "`fetch` asked of a server that does not fetch, or a URL it refuses"},
                  413: {"description": "The body is over the size limit"},
                  422: {"description": "Input presslens refuses (or, with `store=true`, the database refuses), "
                                       "with the reason"},
                  503: {"description": "Every analysis worker is busy and the waiting line is full; see Retry-After"},
                  504: {"description": "The analysis ran past the time limit for an article of its length"}}


@router.get("/health", summary="Liveness and the analysis pool's load")
def health(request: Request) -> dict[str, Any]:
    """`{"status": "ok", "pool": {...}}`: workers, and requests admitted (analysing or waiting) per kind, so that a
    load balancer or an operator can see how close the server is to answering 503."""
    return {"status": "ok", "pool": request.app.state.analysis_pool.load()}


@router.post("/analyze", summary="Analyse one article", responses=ANALYZE_ERRORS)
def analyze_article(request: Request, body: AnalyzeRequest,
                    store: Annotated[bool, Query(description="Also save the article and its findings in the corpus.")] = False,
                    ) -> dict[str, Any]:
    """The analysis in the output contract (`presslens.analysis/1`); with `store=true` its stored `article_id` too."""
    fields = body.model_dump(exclude={"fetch"})
    fields["published"] = body.published and body.published.isoformat()
    if body.fetch:  # what the request gives explicitly wins over what the page says
        fields = {**fetched(request, body.url), **{k: v for k, v in fields.items() if v is not None}}
    elif body.text is None:
        raise HTTPException(422, "text is required (or url with fetch=true)")
    try:
        analysis = service.run(request.app.state.analysis_pool, max_bytes=request.app.state.max_text_bytes, **fields)
    except InputError as exc:
        raise HTTPException(422, str(exc)) from None
    result = analysis.to_dict()
    if store:
        try:
            result["article_id"] = corpus.save(request.app.state.engine, analysis)
        except RecordRejected as exc:
            raise HTTPException(422, str(exc)) from None
    return result


def fetched(request: Request, url: str | None) -> dict[str, Any]:
    """The fields of the article at `url`, or 403 with the reason."""
    from .fetch import FetchRefused, fetch_article

    if not request.app.state.allow_fetch:
        raise HTTPException(403, "this server does not fetch URLs (start it with `presslens serve --allow-fetch`)")
    if not url:
        raise HTTPException(422, "fetch=true needs a url")
    try:
        document = fetch_article(url, request.app.state.max_text_bytes)
    except FetchRefused as exc:
        raise HTTPException(403, f"cannot fetch {url}: {exc}") from None
    return {k: v for k, v in document.to_record().items() if k != "id" and v is not None}


@router.get("/articles", summary="Stored articles, newest first")
def list_articles(request: Request, q: Text("Full-text search over title and text.") = None,
                  outlet: Text("Outlet name contains this.") = None, since: Since = None, until: Until = None,
                  limit: Limit = 50, offset: Offset = 0) -> Page:
    engine = request.app.state.engine
    return page(lambda **kw: queries.list_articles(engine, **kw), lambda **kw: queries.count_articles(engine, **kw),
                limit, offset, q=q, outlet=outlet, since=since, until=until)


@router.get("/articles/{article_id}", summary="One stored article with all its findings",
            responses={404: {"description": "No such article"}})
def get_article(request: Request, article_id: Annotated[int, Path(ge=1, le=2**62)]) -> dict[str, Any]:
    article = queries.get_article(request.app.state.engine, article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return article


@router.get("/quotes", summary="Quotes across the corpus, by date")
def list_quotes(request: Request, speaker: Text("Speaker name or alias contains this.") = None,
                since: Since = None, until: Until = None, outlet: Text("Outlet name contains this.") = None,
                q: Text("Full-text search over the quoted words.") = None,
                limit: Limit = 100, offset: Offset = 0) -> Page:
    engine = request.app.state.engine
    return page(lambda **kw: queries.list_quotes(engine, **kw),
                lambda **kw: queries.count_rows(engine, queries.quotes_query(engine, **kw)),
                limit, offset, speaker=speaker, since=since, until=until, outlet=outlet, q=q)


@router.get("/speakers", summary="Speakers by number of quotes")
def list_speakers(request: Request, q: Text("Speaker name contains this.") = None,
                  outlet: Text("Outlet name contains this.") = None, limit: Limit = 100, offset: Offset = 0) -> Page:
    engine = request.app.state.engine
    return page(lambda **kw: queries.list_speakers(engine, **kw),
                lambda **kw: queries.count_rows(engine, queries.speakers_query(engine, **kw)), limit, offset, q=q, outlet=outlet)


@router.get("/events", summary="Events by date")
def list_events(request: Request, type: Text("Event type contains this.") = None,
                place: Text("Location contains this.") = None, since: Since = None, until: Until = None,
                asserted_by: Text("Asserted by (author or a speaker) contains this.") = None,
                limit: Limit = 100, offset: Offset = 0) -> Page:
    engine = request.app.state.engine
    return page(lambda **kw: queries.list_events(engine, **kw),
                lambda **kw: queries.count_rows(engine, queries.events_query(engine, **kw)),
                limit, offset, type=type, place=place, since=since, until=until, asserted_by=asserted_by)


@router.get("/outlets", summary="Per outlet: quotes from vague sources and unattributed claims")
def list_outlets(request: Request, limit: Limit = 100, offset: Offset = 0) -> Page:
    rows = corpus.outlet_rows(request.app.state.engine)  # one row per outlet: few enough to count in full
    return page(lambda limit, offset: rows[offset:offset + limit], lambda: len(rows), limit, offset)
