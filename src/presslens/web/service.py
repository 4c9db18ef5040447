"""The analysis step shared by the REST API and the pages: validate, analyse, optionally store.

The spaCy pipeline is shared by the whole process, so analyses run one at a time behind a
lock (request handlers run in a thread pool).  Dates are checked here, so a bad `published`
is a readable 422 rather than an error deep in the pipeline.
"""
from __future__ import annotations

import threading
from datetime import date

from .. import InputError, analyze
from ..model import Analysis

_lock = threading.Lock()


def check_date(value: str | None) -> str | None:
    """'' or None → None; otherwise a valid YYYY-MM-DD date or `InputError`."""
    if not value:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise InputError(f"published must be a date as YYYY-MM-DD, got {value[:40]!r}") from None


def run(text: str | None, *, published: str | None = None, title: str | None = None, url: str | None = None,
        outlet: str | None = None, max_bytes: int) -> Analysis:
    """Analyse one article; `InputError` carries the reason when presslens refuses the input."""
    published = check_date(published)
    with _lock:
        return analyze(text, published=published, title=title or None, url=url or None, outlet=outlet or None,
                       max_bytes=max_bytes)
