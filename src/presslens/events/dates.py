"""When an event happened (or is to happen), from the article's own time expressions.

The date of an event comes, in order, from
1. a time expression in the event's clause (its evidence span) — `date_source: "clause"`;
2. else one in its sentence — `"sentence"`;
3. else, for an event inside reported speech, the time of the statement: a time expression in the
   sentence of the quote's cue ("Lavrov said on Thursday …"), else the dateline the statement
   appears under ("MOSCOW, December 26. /TASS/.") — `"statement"` / `"dateline"`.
Otherwise the date is null and `date_source` says why; the publication date is never used as a
default (an article published on the 14th reports events of the 12th as often as of the 14th).
Within a level the expression nearest the trigger wins.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from ..doccache import doc_text

# "MOSCOW, December 26. /TASS/." or "KYIV, March 3 (Reuters) -": a place in capitals, a date, a source.
DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z .'-]{1,40}, (?P<date>[A-Z][a-z]+\.? \d{1,2}|\d{1,2} [A-Z][a-z]+)\.?\s*(?:/|\(|—|-)")

UNDATED = "undated: no time expression in the event's clause or sentence"
UNDATED_SPEECH = UNDATED + ", nor in the statement that reports it"


def dateline_times(text: str, times: list) -> list:
    """The time expressions that are datelines, in text order."""
    starts = {m.start("date") for m in DATELINE.finditer(text)}
    return [t for t in times if t.start in starts and t.value]


ISO_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")


def _nearest(times, lo: int, hi: int, anchor: int):
    inside = [t for t in times if lo <= t.start < hi and t.value]
    return min(inside, key=lambda t: abs(t.start - anchor)) if inside else None


def _first_day(value: str) -> str:
    """A range gives its first day: an ISO week ("2025-W10") → its Monday ("2025-03-03")."""
    m = ISO_WEEK.match(value)
    return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat() if m else value


def event_date(times: list, found, quote, datelines: list, doc: Doc) -> tuple[str | None, str]:
    """(date value or None, date_source) for one found event; see the module docstring."""
    anchor = found.trigger.idx
    best = _nearest(times, found.start, found.end, anchor)
    if best is not None:
        return _first_day(best.value), "clause"
    sent = found.trigger.sent
    best = _nearest(times, sent.start_char, sent.end_char, anchor)
    if best is not None:
        return _first_day(best.value), "sentence"
    para_start = doc_text(doc).rfind("\n", 0, sent.start_char) + 1
    earlier = [t for t in times if para_start <= t.start < sent.start_char and t.value]
    if earlier:  # the narrative's reference time: the paragraph's latest date before the event
        return _first_day(earlier[-1].value), "paragraph"
    earlier = [t for t in times if t.start < sent.start_char and t.value and t.granularity == "day"]
    if earlier:
        return _first_day(earlier[-1].value), "context"
    if quote is None:
        return None, UNDATED
    if quote.cue is not None:
        cue = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if cue is not None:
            cue_sent = cue[0].sent
            best = _nearest(times, cue_sent.start_char, cue_sent.end_char, quote.cue.start)
            if best is not None:
                return _first_day(best.value), "statement"
    before = [t for t in datelines if t.start <= quote.content.start]
    if before:
        return before[-1].value, "dateline"
    return None, UNDATED_SPEECH
