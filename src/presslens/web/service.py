"""The analysis step shared by the REST API and the pages: validate, then analyse in the worker pool.

Analyses run in `presslens.web.workers.AnalysisPool` processes (the app's `analysis_pool`), never
in the request thread, so a long article delays no one else.  Dates are checked here, so a bad
`published` is a readable 422 rather than an error deep in the pipeline; a full pool is a 503
with Retry-After, an analysis past its time limit a 504, a failed one a 500 with the reason.
"""
from __future__ import annotations

from datetime import date

from fastapi import HTTPException

from .. import InputError
from ..model import Analysis
from ..validate import check_text
from .workers import AnalysisFailed, AnalysisPool, AnalysisTimeout, PoolBusy


def check_date(value: str | None) -> str | None:
    """'' or None → None; otherwise a valid YYYY-MM-DD date or `InputError`."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"published must be a date as YYYY-MM-DD, got {value[:40]!r}") from None


def run(pool: AnalysisPool, text: str | None, *, published: str | None = None, title: str | None = None,
        url: str | None = None, outlet: str | None = None, max_bytes: int) -> Analysis:
    """Analyse one article; `InputError` carries the reason when presslens refuses the input."""
    published = check_date(published)
    text = check_text(text, max_bytes)  # refused input never takes a worker's time
    try:
        return pool.analyze(text, published=published, title=title or None, url=url or None, outlet=outlet or None,
                            max_bytes=max_bytes)
    except PoolBusy as exc:
        raise HTTPException(503, str(exc), headers={"Retry-After": str(exc.retry_after)}) from None
    except AnalysisTimeout as exc:
        raise HTTPException(504, str(exc)) from None
    except AnalysisFailed as exc:
        raise HTTPException(500, str(exc)) from None
