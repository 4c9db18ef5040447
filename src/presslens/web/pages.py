"""The server-rendered pages: Analyze, a stored article, Corpus, Speakers, Events, Outlets, API docs.

Templates live in `web/templates` (Jinja2 with autoescaping on); the only HTML built in
Python is the article view of `presslens.web.render`, which escapes every piece of text.
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path as FilePath
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from .. import InputError
from ..model import Analysis
from ..report.speakers import group_by_speaker
from ..report.timeline import ordered
from ..store import corpus_queries, queries
from ..store.writer import RecordRejected
from . import charts, corpus, service
from .render import article_html, speaker_label

templates = Jinja2Templates(directory=FilePath(__file__).with_name("templates"))
router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)

PER_PAGE = 50
Filter = Annotated[str, Query(max_length=200)]
DateFilter = Annotated[str, Query(max_length=10, pattern=r"^(\d{4}(-\d{2}(-\d{2})?)?)?$")]
PageNo = Annotated[int, Query(ge=1, le=100_000)]


def _engine(request: Request):
    return request.app.state.engine


def _clean(**filters: str) -> dict[str, str | None]:
    return {k: corpus.clean_filter(v) for k, v in filters.items()}


def _analysis_page(request: Request, analysis: Analysis, *, article_id: int | None = None, status_code: int = 200):
    groups = group_by_speaker(analysis)
    return templates.TemplateResponse(request, "analysis.html", {
        "analysis": analysis, "events": ordered(analysis.events), "article": article_html(analysis, groups), "article_id": article_id,
        "speakers": [{"group": g, "label": speaker_label(g)} for g in groups], "json": analysis.to_dict(),
    }, status_code=status_code)


@router.get("/")
def analyze_form(request: Request):
    return templates.TemplateResponse(request, "analyze.html", {})


@router.post("/analyze")
def analyze_page(request: Request, text: Annotated[str, Form()] = "", published: Annotated[str, Form(max_length=40)] = "",
                 title: Annotated[str, Form(max_length=1000)] = "", store: Annotated[bool, Form()] = False):
    """Analyse the posted article and show it; with `store` save it and go to the stored article."""
    try:
        analysis = service.run(request.app.state.analysis_pool, text, published=published, title=title,
                               max_bytes=request.app.state.max_text_bytes)
    except InputError as exc:
        return templates.TemplateResponse(request, "analyze.html", {"error": str(exc), "text": text, "published": published,
                                                                    "title": title}, status_code=422)
    if store:
        try:
            article_id = corpus.save(_engine(request), analysis)
        except RecordRejected as exc:
            raise HTTPException(422, str(exc)) from None
        return RedirectResponse(f"/articles/{article_id}", status_code=303)
    return _analysis_page(request, analysis)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: Annotated[int, Path(ge=1, le=2**62)]):
    article = queries.get_article(_engine(request), article_id)
    if article is None:
        raise HTTPException(404, f"no article {article_id}")
    return _analysis_page(request, corpus.stored_analysis(article), article_id=article_id)


@router.get("/corpus")
def corpus_page(request: Request, q: Filter = "", outlet: Filter = "", page: PageNo = 1):
    engine, filters = _engine(request), _clean(q=q, outlet=outlet)
    rows = queries.list_articles(engine, limit=PER_PAGE + 1, offset=(page - 1) * PER_PAGE, **filters)
    return templates.TemplateResponse(request, "corpus.html", {
        "articles": rows[:PER_PAGE], "total": queries.count_articles(engine, **filters), "q": q, "outlet": outlet,
        "page": page, "more": len(rows) > PER_PAGE})


@router.get("/speakers")
def speakers_page(request: Request, q: Filter = "", page: PageNo = 1):
    rows = queries.list_speakers(_engine(request), limit=PER_PAGE + 1, offset=(page - 1) * PER_PAGE, **_clean(q=q))
    return templates.TemplateResponse(request, "speakers.html", {
        "speakers": rows[:PER_PAGE], "q": q, "page": page, "more": len(rows) > PER_PAGE})


@router.get("/speakers/{name:path}")
def speaker_page(request: Request, name: Annotated[str, Path(max_length=300)], outlet: Filter = "",
                 since: DateFilter = "", until: DateFilter = ""):
    """Everything a speaker said (any name of the corpus identity), over time and by outlet, and
    which other articles also carried each statement."""
    quotes = queries.list_quotes(_engine(request), speaker=name, limit=2000, **_clean(outlet=outlet, since=since, until=until))
    return templates.TemplateResponse(request, "speaker.html", {
        "name": name, "quotes": quotes, "outlet": outlet, "since": since, "until": until,
        "roles": most_common(q["speaker_role"] for q in quotes),
        "affiliations": most_common(q["speaker_affiliation"] for q in quotes),
        "carried": corpus_queries.carried_by(_engine(request), [q["id"] for q in quotes]),
        "charts": [charts.speaker_timeline(quotes), charts.speaker_outlets(quotes)] if quotes else []})


def most_common(values) -> list[str]:
    """Distinct non-empty values, the most frequent first."""
    return [value for value, _ in Counter(v for v in values if v).most_common()]


@router.get("/events")
def events_page(request: Request, type: Filter = "", place: Filter = "", asserted_by: Filter = "",
                since: DateFilter = "", until: DateFilter = ""):
    filters = _clean(type=type, place=place, asserted_by=asserted_by, since=since, until=until)
    events = queries.list_events(_engine(request), limit=2000, **filters)
    return templates.TemplateResponse(request, "events.html", {
        "events": events, "filters": {k: v or "" for k, v in filters.items()},
        "charts": [charts.event_timeline(events)] if events else []})


@router.get("/outlets")
def outlets_page(request: Request):
    outlets = corpus.outlet_rows(_engine(request))
    return templates.TemplateResponse(request, "outlets.html", {
        "outlets": outlets, "charts": [charts.outlet_shares(outlets)] if outlets else []})


@router.get("/docs")
def api_docs(request: Request):
    """Swagger UI served from /static (the default page loads it from a CDN and runs inline script)."""
    return templates.TemplateResponse(request, "docs.html", {})
