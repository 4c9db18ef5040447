"""Datelines: the place, date and agency a wire or state-media report opens its paragraph with
("KYIV, March 3 (Reuters) - ", "MOSCOW, December 26. /TASS/. ", "WASHINGTON — ").

One pattern, read by the paragraphs component (a dateline is a sentence of its own, so that it is
never part of a statement or an event's clause) and by the event dates (a statement's date when
nothing else dates it).
"""
from __future__ import annotations

import re

DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){0,3})"
    r"(?:, (?P<date>[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+))?\.?"
    r"(?: ?\((?P<agency>[A-Z][A-Za-z.&' ]{0,30})\))?"
    r"(?: ?/(?P<slash_agency>[A-Z][A-Za-z-]{0,20})/\.?| [—–-]{1,2}) ")


def datelines(text: str) -> list[re.Match]:
    """Every dateline of `text` (a match per paragraph that opens with one); its `end()` is where
    the report itself begins, its group "date" the date it names, if any."""
    return [m for m in DATELINE.finditer(text) if m.group("date") or m.group("agency") or m.group("slash_agency")
            or len(m.group("place")) > 2]
