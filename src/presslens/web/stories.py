"""Stories and linked statements on the web: REST under /api and the Stories pages.

    GET /api/stories            stories, paginated and filtered like `presslens stories`
    GET /api/stories/{id}       one story: its reports, asserters, deniers, relays and conflicts
    GET /api/statements         statements (only those carried by several articles, by default)
    GET /api/statements/{id}    one statement with every appearance, earliest first
    GET /stories, /stories/{id} the pages: one story's reports side by side by outlet and time

Each report links to its article's highlighted view, scrolled to the evidence (a text fragment).
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path as FilePath
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ..store import corpus_queries, queries
from .api import Limit, Offset, Page, Since, Text, Until, page

api = APIRouter(prefix="/api", tags=["api"])
pages = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
templates = Jinja2Templates(directory=FilePath(__file__).with_name("templates"))
StoryId = Annotated[str, Path(max_length=100, pattern=r"^story-[0-9a-f]{1,40}$")]
StatementId = Annotated[str, Path(max_length=100, pattern=r"^stmt-[0-9a-f]{1,40}$")]
MinReports = Annotated[int, Query(ge=1, le=1000, description="Only stories told by at least this many reports.")]
PER_PAGE = 50


def _engine(request: Request):
    return request.app.state.engine


@api.get("/stories", summary="Stories: one real event across articles, with who asserts, denies and relays it")
def list_stories(request: Request, since: Since = None, until: Until = None, place: Text("Place contains this.") = None,
                 type: Text("PLOVER event type contains this.") = None,
                 speaker: Text("Asserted or denied by this person or body (any of its names).") = None,
                 outlet: Text("Reported by an outlet whose name contains this.") = None, min_reports: MinReports = 2,
                 limit: Limit = 50, offset: Offset = 0) -> Page:
    return page(lambda **kw: corpus_queries.list_stories(_engine(request), **kw),
                lambda **kw: queries.count_rows(_engine(request), corpus_queries.stories_query(_engine(request), **kw)),
                limit, offset, since=since,
                until=until, place=place, type=type, speaker=speaker, outlet=outlet, min_reports=min_reports)


@api.get("/stories/{story_id}", summary="One story with its reports and conflicts",
         responses={404: {"description": "No such story"}})
def get_story(request: Request, story_id: StoryId) -> dict[str, Any]:
    story = corpus_queries.get_story(_engine(request), story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id}")
    return story


@api.get("/statements", summary="Statements carried across the corpus, most carried first")
def list_statements(request: Request, speaker: Text("Said by this person or body (any of its names).") = None,
                    linked: Annotated[bool, Query(description="Only statements carried by more than one article.")] = True,
                    since: Since = None, until: Until = None, limit: Limit = 50, offset: Offset = 0) -> Page:
    return page(lambda **kw: corpus_queries.list_statements(_engine(request), **kw),
                lambda **kw: queries.count_rows(_engine(request), corpus_queries.statements_query(_engine(request), **kw)),
                limit, offset, speaker=speaker,
                linked=linked, since=since, until=until)


@api.get("/statements/{statement_id}", summary="One statement with every article that carried it",
         responses={404: {"description": "No such statement"}})
def get_statement(request: Request, statement_id: StatementId) -> dict[str, Any]:
    statement = corpus_queries.get_statement(_engine(request), statement_id)
    if statement is None:
        raise HTTPException(404, f"no statement {statement_id}")
    return statement


def evidence_link(article_id: int, text: str) -> str:
    """The article's page, scrolled to and highlighting `text` (a URL text fragment)."""
    words = text.split()
    fragment = " ".join(words[:8])
    return f"/articles/{article_id}#:~:text={quote(fragment, safe='')}"


def by_outlet(story: dict) -> list[dict]:
    """The story's reports in one column per outlet, outlets in the order they first reported."""
    columns: dict[str, list[dict]] = defaultdict(list)
    for report in sorted(story["reports"], key=lambda r: (r.get("published") or "9999", r["article_id"])):
        columns[report.get("outlet") or "unknown outlet"].append(
            {**report, "link": evidence_link(report["article_id"], report["evidence"]["text"])})
    return [{"outlet": outlet, "reports": reports} for outlet, reports in columns.items()]


@pages.get("/stories")
def stories_page(request: Request, type: Annotated[str, Query(max_length=200)] = "",
                 place: Annotated[str, Query(max_length=200)] = "", speaker: Annotated[str, Query(max_length=200)] = "",
                 outlet: Annotated[str, Query(max_length=200)] = "", page_no: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1):
    from .corpus import clean_filter

    filters = {k: clean_filter(v) for k, v in dict(type=type, place=place, speaker=speaker, outlet=outlet).items()}
    rows = corpus_queries.list_stories(_engine(request), min_reports=2, limit=PER_PAGE + 1,
                                       offset=(page_no - 1) * PER_PAGE, **filters)
    return templates.TemplateResponse(request, "stories.html", {
        "stories": rows[:PER_PAGE], "filters": {k: v or "" for k, v in filters.items()}, "page": page_no,
        "more": len(rows) > PER_PAGE})


@pages.get("/stories/{story_id}")
def story_page(request: Request, story_id: StoryId):
    story = corpus_queries.get_story(_engine(request), story_id)
    if story is None:
        raise HTTPException(404, f"no story {story_id}")
    return templates.TemplateResponse(request, "story.html", {"story": story, "columns": by_outlet(story),
                                                              "link": evidence_link})
