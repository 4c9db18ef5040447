"""When an event happened (or is to happen), from the article's own time expressions.

The date of an event comes, in order, from
1. a time expression in the event's clause (its evidence span) — `date_source: "clause"`;
2. else one in its sentence — `"sentence"`;
   else, for a definite event noun ("the strikes", "the latest airstrikes"), the date an earlier
   expression gave the same noun ("Saturday's strikes") — `"antecedent"`;
3. else, for an event inside reported speech, the time of the statement: a time expression in the
   sentence of the quote's cue ("Lavrov said on Thursday …"), else the dateline the statement
   appears under ("MOSCOW, December 26. /TASS/.") — `"statement"` / `"dateline"`.
Otherwise the date is null and `date_source` says why; the publication date is never used as a
default (an article published on the 14th reports events of the 12th as often as of the 14th).
Within a level, an expression that dates the event itself wins: one attached (through the parse)
to the trigger, then to the nearest clause above it ("promised last week that Berlin would end
imports by the end of the year": the end of the year dates the ending, last week the promise);
one attached to another clause (a relative clause: "the Houthis, which Trump designated in
January") dates that clause, not this event. Only when no expression is attached so does the one
nearest the trigger win.
"""
from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from .lexicon import noun_type

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
DEFINITE = frozenset("the this these those latest".split())
# relative clauses: their time expressions date their own verb, never an event outside them
FOREIGN_CLAUSES = frozenset({"relcl"})


def _nearest(times, lo: int, hi: int, anchor: int):
    inside = [t for t in times if lo <= t.start < hi and t.value]
    return min(inside, key=lambda t: abs(t.start - anchor)) if inside else None


def _head_word(doc: Doc, t, stop: Token) -> Token | None:
    """The word a time expression is attached to: the first verb (or `stop`) above its root."""
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    tok = span.root
    for _ in range(12):
        if tok.head.i == tok.i:
            return tok
        tok = tok.head
        if tok.i == stop.i or tok.pos_ in ("VERB", "AUX"):
            return tok
    return tok


def _in_other_clause(head: Token, path: dict) -> bool:
    """Whether `head` lies in a relative clause that does not hold the trigger — nor
    describes it ("the talks, which began on Monday": the clause tells when the talks began)."""
    tok = head
    while tok.i not in path and tok.head.i != tok.i:
        if tok.dep_ in FOREIGN_CLAUSES and path.get(tok.head.i) != 0:
            return True
        tok = tok.head
    return False


def _describes_trigger(head: Token, trigger: Token) -> bool:
    """Whether `head` is a relative clause attached to the trigger word ("talks, which began …")."""
    return head.dep_ in FOREIGN_CLAUSES and head.head.i == trigger.i


def _attached(times, lo: int, hi: int, trigger: Token, doc: Doc):
    """The expression in [lo, hi) attached nearest above the trigger (itself first, then the
    clauses it sits in); None when none is, or when every one belongs to another clause."""
    inside = [t for t in times if lo <= t.start < hi and t.value]
    if not inside:
        return None, False
    path = [trigger] + list(trigger.ancestors)
    rank = {tok.i: n for n, tok in enumerate(path)}
    best, foreign = None, 0
    for t in inside:
        head = _head_word(doc, t, trigger)
        if head is None:
            continue
        level = 0 if _describes_trigger(head, trigger) else rank.get(head.i)
        if level is not None:
            if best is None or (level, abs(t.start - trigger.idx)) < best[0]:
                best = ((level, abs(t.start - trigger.idx)), t)
        elif _in_other_clause(head, rank):
            foreign += 1
    return (best[1] if best else None), foreign == len(inside)


def _first_day(value: str) -> str:
    """A range gives its first day: an ISO week ("2025-W10") → its Monday ("2025-03-03")."""
    m = ISO_WEEK.match(value)
    return date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1).isoformat() if m else value


def dated_event_nouns(doc: Doc, times: list) -> list[tuple[int, str, str]]:
    """(offset, lemma, value) of every event noun a time expression is attached to ("Saturday's
    strikes", "the talks on Monday"), in text order; computed once per Doc."""
    out = []
    for t in times:
        span = doc.char_span(t.start, t.end, alignment_mode="expand") if t.value else None
        if span is None or not len(span):
            continue
        tok = span.root
        for _ in range(3):
            if tok.head.i == tok.i or tok.head.pos_ in ("VERB", "AUX"):
                break
            tok = tok.head
            if noun_type(tok):
                out.append((t.start, tok.lemma_.lower(), t.value))
                break
    return out


def _anaphor(found) -> Token | None:
    """The definite event noun the event is named by ("the strikes were aimed at …", "The latest
    airstrikes targeted …"), if any."""
    trigger = found.trigger
    for tok in [found.word, trigger] + [c for c in trigger.children if c.dep_ in ("nsubj", "nsubjpass")]:
        if tok.pos_ == "NOUN" and noun_type(tok) and any(c.lower_ in DEFINITE for c in tok.children
                                                         if c.dep_ in ("det", "amod")):
            return tok
    return None


def _antecedent(found, named: list, before: int) -> str | None:
    noun = _anaphor(found)
    if noun is None:
        return None
    lemma = noun.lemma_.lower()
    same = [v for at, other, v in named if at < before and (other.endswith(lemma) or lemma.endswith(other))]
    return same[-1] if same else None


def event_date(times: list, found, quote, datelines: list, doc: Doc, named: list = ()) -> tuple[str | None, str]:
    """(date value or None, date_source) for one found event; see the module docstring. `named`:
    `dated_event_nouns(doc, times)`."""
    anchor = found.trigger.idx
    sent = found.trigger.sent
    for level, (lo, hi) in (("clause", (found.start, found.end)), ("sentence", (sent.start_char, sent.end_char))):
        best, all_foreign = _attached(times, lo, hi, found.trigger, doc)
        if best is None and not all_foreign:
            best = _nearest(times, lo, hi, anchor)
        if best is not None:
            return _first_day(best.value), level
    value = _antecedent(found, named, sent.start_char)
    if value is not None:
        return _first_day(value), "antecedent"
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
