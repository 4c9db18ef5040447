"""The `presslens_time` component: find time expressions and normalise them against the dateline.

Writes `doc._.time_expressions` (list of `model.TimeExpression`) and `doc.spans["presslens_time"]`.

Expressions are found with regular expressions over the text (cheap, no re-parsing) and
normalised to ISO values with a granularity:

* weekdays ("On Saturday", "a Monday statement") → the most recent such day on or before the
  publication date, or the next one after it when the governing verb is future ("will meet");
* "in 2024" → ``2024``; "in (late) March" → ``2025-03`` (the latest such month not after
  publication, so a January article's "in December" is the previous year);
* "on 26 April", "April 26, 2024" → a date (explicit dates are parsed with `dateparser`;
  a missing year is the latest not after publication unless future);
* "last/this/next week" → ISO week ``2025-W17``; "earlier this month", "last month" → ``2025-04``;
  "this/last year"; "yesterday", "today", "overnight"; "three days ago";
* "two days later" → counted from the preceding day-level expression.

Without a publication date nothing relative can be resolved: such values stay relative and are
flagged (`relative=True`): ``REF-1W`` (last week), ``REF-1D`` (yesterday), ``REF+0M`` (this month),
``XXXX-WXX-6`` (a Saturday, TIMEX3 style), ``XXXX-04-26`` (a day with no year).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (declares Doc._ attributes)
from .model import TimeExpression

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}
UNIT_DAYS = {"day": 1, "week": 7}

_WD = "|".join(WEEKDAYS)
_MO = "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_NUM = r"\d{1,2}|" + "|".join(NUMBERS)
PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(rx, re.I)) for name, rx in [
    ("date_dmy", rf"\b(?:on\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MO})\.?(?:,?\s+(?P<y>\d{{4}}))?\b"),
    ("date_mdy", rf"\b(?:on\s+)?(?P<m>{_MO})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?"),
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    ("month", rf"\b(?:(?:in|during|since|until|by)\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<m>{_MO})(?:\s+(?P<y>\d{{4}}))?\b"),
    ("weekday", rf"\b(?:(?:on|last|next|this|by|since|until|from)\s+)?(?:(?:an?|the)\s+)?(?P<wd>{_WD})(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("year", r"\b(?:(?:in|during|since|until|by|from|of)\s+)(?:(?:early|mid|late)[-\s]+)?(?P<y>(?:19|20)\d{2})\b"),
    ("rel_unit", r"\b(?P<rel>last|this|next|earlier\s+this|later\s+this|past|previous|coming)\s+(?P<u>week|month|year)\b"),
    ("ago", rf"\b(?P<n>{_NUM})\s+(?P<u>day|week)s?\s+(?P<dir>ago|later|earlier|before|after)\b"),
    ("deictic", r"\b(?P<w>yesterday|today|tomorrow|overnight|tonight)\b"),
]]

FUTURE_AUX = frozenset({"will", "shall", "'ll", "wo"})


@dataclass
class _Match:
    start: int
    end: int
    kind: str
    groups: dict


def find_time_spans(text: str) -> list[_Match]:
    """Non-overlapping matches, earlier pattern (more specific) wins, then longer."""
    found: list[_Match] = []
    for kind, rx in PATTERNS:
        for m in rx.finditer(text):
            if kind == "month" and m.group("m").lower() == "may" and not m.group(0).lower().startswith(("in", "during", "since", "until", "by", "early", "mid", "late")) and not m.group("y"):
                continue  # the modal verb "may"
            if kind in ("month", "date_mdy", "date_dmy") and not text[m.start("m")].isupper():
                continue  # "the march", "to may": month names are capitalised
            if any(m.start() < f.end and f.start < m.end() for f in found):
                continue
            found.append(_Match(m.start(), m.end(), kind, {k: v for k, v in m.groupdict().items()}))
    return sorted(found, key=lambda f: f.start)


def _month_number(name: str) -> int:
    name = name.lower().rstrip(".")
    return MONTHS.index(name) + 1 if name in MONTHS else MONTH_ABBR[name[:4] if name.startswith("sept") else name[:3]]


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift_month(d: date, months: int) -> tuple[int, int]:
    n = d.year * 12 + d.month - 1 + months
    return n // 12, n % 12 + 1


class TimeNormaliser:
    """Turns one matched expression into (value, granularity, relative) given the dateline."""

    def __init__(self, published: date | None):
        self.published = published
        self.last_day: date | None = None

    def __call__(self, m: _Match, future: bool) -> tuple[str | None, str, bool]:
        value = getattr(self, "_" + m.kind)(m.groups, future, self.published)
        if value[1] == "day" and not value[2] and value[0]:
            self.last_day = date.fromisoformat(value[0])
        return value

    def _date_dmy(self, g, future, pub):
        from dateparser import parse  # imported lazily: costly import, needed only for explicit dates

        month, day = _month_number(g["m"]), int(g["d"])
        if g.get("y"):
            parsed = parse(f"{day} {MONTHS[month - 1]} {g['y']}", settings={"DATE_ORDER": "DMY"}, languages=["en"])
            return (parsed.date().isoformat(), "day", False) if parsed else (None, "day", True)
        if pub is None:
            return f"XXXX-{month:02d}-{day:02d}", "day", True
        year = pub.year
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None, "day", False
        if future and candidate < pub:
            candidate = candidate.replace(year=year + 1)
        elif not future and candidate > pub:
            candidate = candidate.replace(year=year - 1)
        return candidate.isoformat(), "day", False

    _date_mdy = _date_dmy

    def _iso(self, g, future, pub):
        try:
            return date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat(), "day", False
        except ValueError:
            return None, "day", False

    def _month(self, g, future, pub):
        month = _month_number(g["m"])
        if g.get("y"):
            return f"{g['y']}-{month:02d}", "month", False
        if pub is None:
            return f"XXXX-{month:02d}", "month", True
        year = pub.year
        if future and month < pub.month:
            year += 1
        elif not future and month > pub.month:
            year -= 1
        return f"{year}-{month:02d}", "month", False

    def _weekday(self, g, future, pub):
        wd = WEEKDAYS.index(g["wd"].lower())
        if pub is None:
            return f"XXXX-WXX-{wd + 1}", "day", True
        if future:
            delta = (wd - pub.weekday()) % 7 or 7
            return (pub + timedelta(days=delta)).isoformat(), "day", False
        return (pub - timedelta(days=(pub.weekday() - wd) % 7)).isoformat(), "day", False

    def _year(self, g, future, pub):
        return g["y"], "year", False

    def _rel_unit(self, g, future, pub):
        rel = " ".join(g["rel"].lower().split())
        offset = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
        unit = g["u"].lower()
        if pub is None:
            return f"REF{offset:+d}{unit[0].upper()}", unit, True
        if unit == "week":
            return _iso_week(pub + timedelta(weeks=offset)), "week", False
        if unit == "month":
            y, mo = _shift_month(pub, offset)
            return f"{y}-{mo:02d}", "month", False
        return str(pub.year + offset), "year", False

    def _ago(self, g, future, pub):
        n = NUMBERS.get(g["n"].lower()) or int(g["n"])
        days = n * UNIT_DAYS[g["u"].lower()]
        direction = g["dir"].lower()
        if direction in ("ago",):
            anchor, sign = pub, -1
        else:
            anchor, sign = self.last_day, (1 if direction in ("later", "after") else -1)
        if anchor is None:
            return f"REF{sign * days:+d}D", "day", True
        return (anchor + timedelta(days=sign * days)).isoformat(), "day", False

    def _deictic(self, g, future, pub):
        offset = {"yesterday": -1, "tomorrow": 1}.get(g["w"].lower(), 0)
        if pub is None:
            return f"REF{offset:+d}D", "day", True
        return (pub + timedelta(days=offset)).isoformat(), "day", False


def is_future(doc: Doc, start: int, end: int) -> bool:
    """Whether the verb governing the expression at [start, end) is in the future tense."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children) or any(
        c.lower_ == "going" and any(x.lower_ == "to" for x in c.children) for c in verb.children)


def parse_published(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def time_expressions(doc: Doc) -> list[TimeExpression]:
    normalise = TimeNormaliser(parse_published(doc._.published))
    text = doc.text  # spaCy rebuilds Doc.text from the tokens on every access
    out = []
    for m in find_time_spans(text):
        value, granularity, relative = normalise(m, is_future(doc, m.start, m.end))
        out.append(TimeExpression(m.start, m.end, text[m.start:m.end], value,
                                  granularity="relative" if relative else granularity, relative=relative))
    return out


class TimeComponent:
    """Finds and normalises time expressions; see the module docstring for the rules."""

    def __init__(self, nlp: Language, name: str):
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        found = time_expressions(doc)
        doc._.time_expressions = found
        spans = [doc.char_span(t.start, t.end, label=t.granularity or "time", alignment_mode="expand") for t in found]
        doc.spans["presslens_time"] = [s for s in spans if s is not None]
        return doc


@Language.factory("presslens_time", assigns=["doc._.time_expressions", "doc.spans"])
def make_time(nlp: Language, name: str) -> TimeComponent:
    return TimeComponent(nlp, name)
