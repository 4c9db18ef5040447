"""Find stretches of text inside quotation marks, working on plain text before any parsing.

Handles curly (“…”), straight ("…"), mixed ("…” or “…") and doubled-apostrophe (''…'' or ``…'') marks; a quotation
that runs over several paragraphs, where each paragraph re-opens the quote and only the last
closes it; and unbalanced marks, which are closed at the end of their paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

OPENERS = {"“": "”", "„": "“", "«": "»", "``": "''", "''": "''", '"': '"'}
_MARK = re.compile(r"``|''|[“”„«»\"]")


@dataclass
class MarkedQuote:
    """A quotation: `start`/`end` include the marks; `pieces` are the per-paragraph parts."""

    start: int
    end: int
    pieces: list[tuple[int, int]] = field(default_factory=list)
    closed: bool = True


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line-separated paragraph."""
    bounds = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            bounds.append((m.start(), m.end()))
    return bounds


def _quotes_in_paragraph(text: str, start: int, end: int) -> list[MarkedQuote]:
    found: list[MarkedQuote] = []
    open_at: int | None = None
    closer = ""
    for m in _MARK.finditer(text, start, end):
        mark = m.group()
        if open_at is None:
            if mark in OPENERS and mark not in "”»":
                # a straight quote glued to a word on its left closes nothing and opens nothing
                if mark == '"' or mark == "''":
                    before = text[m.start() - 1] if m.start() > start else " "
                    if before.isalnum() and mark == "''":
                        continue
                open_at, closer = m.start(), OPENERS[mark]
        elif mark == closer or (closer == "”" and mark == '"') or (closer == '"' and mark == "”"):
            # mixed marks close each other: "…” and “…" are typed as often as matched pairs
            found.append(MarkedQuote(open_at, m.end(), [(open_at, m.end())]))
            open_at = None
        elif mark in ("“", "«") and closer in ("”", "»"):
            open_at = m.start()  # a new opener before a close: the earlier mark was stray
    if open_at is not None:
        stop = end
        while stop > open_at and text[stop - 1].isspace():
            stop -= 1
        found.append(MarkedQuote(open_at, stop, [(open_at, stop)], closed=False))
    return found


def find_marked_quotes(text: str) -> list[MarkedQuote]:
    """All quotations in `text`, multi-paragraph ones merged, in order of appearance."""
    merged: list[MarkedQuote] = []
    carrying: MarkedQuote | None = None
    for p_start, p_end in paragraph_bounds(text):
        quotes = _quotes_in_paragraph(text, p_start, p_end)
        lead = text[p_start:p_end].lstrip()
        lead_offset = p_end - p_start - len(lead)
        if carrying is not None and quotes and quotes[0].start == p_start + lead_offset:
            first = quotes.pop(0)
            carrying.pieces.extend(first.pieces)
            carrying.end, carrying.closed = first.end, first.closed
            if first.closed:
                carrying = None
        elif carrying is not None:
            carrying = None
        for q in quotes:
            merged.append(q)
            if not q.closed and q is quotes[-1]:
                carrying = q
        if carrying is not None and carrying not in merged:
            merged.append(carrying)
    return merged
