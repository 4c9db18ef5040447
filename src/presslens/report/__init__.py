"""Render an `Analysis` for people (terminal text, standalone HTML) or programs (JSON, JSONL)."""
from __future__ import annotations

import json

from ..model import Analysis


def render(analysis: Analysis, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "jsonl":
        return json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n"
    if fmt == "text":
        from .text import render_text

        return render_text(analysis)
    if fmt == "events-csv":
        from .timeline import events_csv

        return events_csv(analysis)
    if fmt == "html":
        from .html import render_html

        return render_html(analysis)
    raise ValueError(f"unknown format {fmt!r}")
