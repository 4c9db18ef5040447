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
  "this/last year"; "yesterday", "today", "overnight", "last night" (the day before), "this morning"; "three days ago";
* "two days later" → counted from the preceding day-level expression, "eight years later" / "a month
  later" from the preceding expression of that granularity ("Eight years ago … Eight years later"),
  else from the preceding day;
* a clock time ("at 9 am Kyiv time", "from 9 am to 9 pm") → the day its paragraph gives (its last
  day-level expression before it), else the publication day (the `reason` says which);
* "in the first days of the war", "from the first hours of the full-scale invasion" → the month a
  known event began (`data/time_anchors.json`), when the report names it (its qualifier, or an
  outlet whose war it is) and came out after it began; otherwise no expression.

A day or month with no year has a past and a future reading (dateparser's, for days): past tense
takes the past one, future tense ("will", "plans to", "said it would") the future one, the present
the nearer one ("until March" in a December article is next March); the act a phase verb begins or
ends has its tense ("began sending troops in May" is past), and a participle tells what was done
("the offensive, launched in May"; not a plan: "planned for June"); the underspecified form
(`XXXX-01-09`) and the reason stay on the record (`underspecified`, `reason`).  Weekdays go back
unless future; "this weekend" is its Saturday; a date shared by a coordination ("January 11 and
November 26, 2021") takes the year given once.

Without a publication date nothing relative can be resolved: such values stay relative and are
flagged (`relative=True`): ``REF-1W`` (last week), ``REF-1D`` (yesterday), ``REF+0M`` (this month),
``XXXX-WXX-6`` (a Saturday, TIMEX3 style), ``XXXX-04-26`` (a day with no year), with words for
readers in `readable` ("the day before publication", "a Saturday (week unknown)"); reports show
those and `HINT`.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from spacy.language import Language
from spacy.tokens import Doc

from . import extensions  # noqa: F401  (declares Doc._ attributes)
from .doccache import doc_text
from .model import TimeExpression

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
MONTH_ABBR = {m[:3]: i + 1 for i, m in enumerate(MONTHS)} | {"sept": 9}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10}
UNIT_DAYS = {"day": 1, "week": 7}
FUTURE, PAST, PRESENT = "future", "past", "present"
HINT = "pass the publication date (--published YYYY-MM-DD) to resolve relative dates"

_WD = "|".join(WEEKDAYS)
_MO = "|".join(MONTHS) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"
_NUM = r"\d{1,2}|" + "|".join(NUMBERS)
PATTERNS: list[tuple[str, re.Pattern]] = [(name, re.compile(rx, re.I)) for name, rx in [
    ("date_dmy", rf"\b(?:on\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{_MO})\.?(?:,?\s+(?P<y>\d{{4}}))?\b"),
    ("date_mdy", rf"\b(?:on\s+)?(?P<m>{_MO})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}}))?"),
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    ("month", rf"\b(?:(?:in|during|since|until|by)\s+)?(?:(?:early|mid|late)[-\s]+)?(?P<m>{_MO})(?:\.?\s+(?P<y>\d{{4}}))?\b"),
    ("weekday", rf"\b(?:(?:on|last|next|this|by|since|until|from)\s+)?(?:(?:an?|the)\s+)?(?P<wd>{_WD})(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("year", r"\b(?:(?:in|during|since|until|by|from|of|to|before|after|than)\s+)(?:(?:early|mid|late)[-\s]+)?(?P<y>(?:19|20)\d{2})\b(?![-–]\d)"),
    ("period_end", r"\b(?:(?:by|until|before|at)\s+)?the\s+end\s+of\s+(?:the\s+|this\s+)?(?:(?P<cur>current|coming|next|last|past|previous)\s+)?(?P<u>year|month)\b"),
    ("weekend", r"\b(?:(?P<rel>this|last|next|past|over\s+the)\s+)weekend\b"),
    ("rel_unit", r"\b(?P<rel>last|this|next|earlier\s+this|later\s+this|past|previous|coming)\s+(?P<u>week|month|year)\b"),
    ("ago", rf"\b(?P<n>{_NUM})\s+(?P<u>day|week|month|year)s?\s+(?P<dir>ago|later|earlier|before|after)\b"),
    ("deictic", r"\b(?P<w>yesterday|today|tomorrow|overnight|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b"),
    ("onset_period", r"\b(?:(?:in|since|from|during)\s+)?the\s+(?:very\s+)?(?:first|early)\s+(?:days|hours|weeks)\s+of\s+"
                     r"(?:the\s+|this\s+)?(?P<q>full[-\s]scale\s+)?(?:russian\s+)?(?P<n>war|invasion|aggression)\b"),
    ("clock", r"\b(?:(?:at|from|by|until|before|after|since)\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]m\b|[ap]\.m\.)"
              r"(?:\s*(?:to|until|-|–)\s*\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]m\b|[ap]\.m\.))?(?:\s+(?:\w+\s+)?time\b)?"),
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
            if kind == "month" and re.match(r"[-‑][^\W\d]", text[m.end("m"):m.end("m") + 2]):
                continue  # "Mar-a-Lago": a month name is not the first part of a hyphenated name
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
        self.last_of: dict[str, str] = {}  # granularity → the last value of it ("year": "2014")
        self.reason: str | None = None  # why an underspecified expression got its value

    def __call__(self, m: _Match, tense: str) -> tuple[str | None, str, bool]:
        self.reason = None
        value = getattr(self, "_" + m.kind)(m.groups, tense, self.published)
        if value[0] and not value[2]:
            self.last_of[value[1]] = value[0]
            if value[1] == "day":
                self.last_day = date.fromisoformat(value[0])
        return value

    def _date_dmy(self, g, tense, pub):
        month, day = _month_number(g["m"]), int(g["d"])
        year = g.get("y") or g.get("shared_y")
        if year:
            try:
                return date(int(year), month, day).isoformat(), "day", False
            except ValueError:
                return None, "day", False
        if pub is None:
            return f"XXXX-{month:02d}-{day:02d}", "day", True
        readings = _readings(f"{day} {MONTHS[month - 1]}", pub)
        if readings is None:
            return None, "day", False
        chosen = _choose(readings, tense, pub)
        self.reason = f"no year: {tense} tense, {_WHICH[tense]} reading ({readings[0]} or {readings[1]})"
        return chosen.isoformat(), "day", False

    _date_mdy = _date_dmy

    def _iso(self, g, tense, pub):
        try:
            return date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat(), "day", False
        except ValueError:
            return None, "day", False

    def _month(self, g, tense, pub):
        month = _month_number(g["m"])
        if g.get("y"):
            return f"{g['y']}-{month:02d}", "month", False
        if pub is None:
            return f"XXXX-{month:02d}", "month", True
        back = date(pub.year if month <= pub.month else pub.year - 1, month, 1)
        ahead = date(pub.year if month >= pub.month else pub.year + 1, month, 1)
        this_month = date(pub.year, pub.month, 1)
        chosen = _choose((back, ahead), tense, this_month)
        if back != ahead:
            self.reason = f"no year: {tense} tense, {_WHICH[tense]} reading ({back:%Y-%m} or {ahead:%Y-%m})"
        return f"{chosen.year}-{month:02d}", "month", False

    def _weekday(self, g, tense, pub):
        wd = WEEKDAYS.index(g["wd"].lower())
        if pub is None:
            return f"XXXX-WXX-{wd + 1}", "day", True
        self.reason = ("weekday: future tense, the next such day on or after publication" if tense == FUTURE
                       else "weekday: the latest such day on or before publication")
        if tense == FUTURE:  # on or after publication: "Thursday's meeting will …" in a Thursday paper
            return (pub + timedelta(days=(wd - pub.weekday()) % 7)).isoformat(), "day", False
        return (pub - timedelta(days=(pub.weekday() - wd) % 7)).isoformat(), "day", False

    def _weekend(self, g, tense, pub):
        rel = " ".join((g.get("rel") or "this").lower().split())
        if pub is None:
            return {"next": "REF+1WE"}.get(rel, "REF+0WE" if rel == "this" else "REF-1WE"), "day", True
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)  # the latest Saturday on or before
        if rel == "next" or (rel == "this" and tense == FUTURE and saturday < pub - timedelta(days=1)):
            saturday += timedelta(days=7)
        return saturday.isoformat(), "day", False

    def _period_end(self, g, tense, pub):
        unit = g["u"].lower()
        offset = {"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1}.get((g.get("cur") or "").lower(), 0)
        if pub is None:
            return f"REF{offset:+d}{unit[0].upper()}", unit, True
        if unit == "year":
            return str(pub.year + offset), "year", False
        y, mo = _shift_month(pub, offset)
        return f"{y}-{mo:02d}", "month", False

    def _year(self, g, tense, pub):
        return g["y"], "year", False

    def _rel_unit(self, g, tense, pub):
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

    def _ago(self, g, tense, pub):
        n = NUMBERS.get(g["n"].lower()) or int(g["n"])
        unit = g["u"].lower()
        direction = g["dir"].lower()
        if direction in ("ago",):
            anchor, sign = pub, -1
        else:  # counted from the expression before: "Eight years ago … Eight years later", "in May … a month later"
            anchor, sign = self.last_day, (1 if direction in ("later", "after") else -1)
            period = self.last_of.get(unit) or ""  # "Eight years ago … eight years later": the last year
            if unit == "year" and re.fullmatch(r"\d{4}", period):
                anchor = date(int(period), 1, 1)
            elif unit == "month" and re.fullmatch(r"\d{4}-\d{2}", period):
                anchor = date(int(period[:4]), int(period[5:7]), 1)
        if unit in ("month", "year"):
            if anchor is None:
                return f"REF{sign * n:+d}{unit[0].upper()}", unit, True
            if unit == "year":
                return str(anchor.year + sign * n), "year", False
            y, mo = _shift_month(anchor, sign * n)
            return f"{y}-{mo:02d}", "month", False
        days = n * UNIT_DAYS[unit]
        if anchor is None:
            return f"REF{sign * days:+d}D", "day", True
        return (anchor + timedelta(days=sign * days)).isoformat(), "day", False

    def _clock(self, g, tense, pub):
        """A time of day ("at 9 am", "from 9 am to 9 pm") is on the day named with it ("at 9 am on
        Friday"), else the day its paragraph gives (the last day-level expression before it there),
        else the publication day — the day a release or report speaks of."""
        if g.get("day"):
            self.reason = "clock time: " + g["day_from"]
            return g["day"], "day", False
        if pub is None:
            return "REF+0D", "day", True
        self.reason = "clock time: no day given in its paragraph, the day of publication"
        return pub.isoformat(), "day", False

    def _onset_period(self, g, tense, pub):
        """"in the first days of the war": the month a known event began (`data/time_anchors.json`),
        when the report names that event — by its qualifier ("the full-scale invasion") or as an
        outlet whose war it is — and is published on or after its start; else no value."""
        noun, qualified = g["n"].lower(), bool(g.get("q"))
        for a in _anchors():
            if noun in a["nouns"] and (qualified or g.get("outlet") in a["outlets"]) and pub is not None \
                    and pub.isoformat() >= a["start"]:
                self.reason = f"the first days of {a['event']}, begun {a['start']}"
                return a["start"][:7], "month", False
        return None, "month", False

    def _deictic(self, g, tense, pub):
        offset = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(" ".join(g["w"].lower().split()), 0)
        if pub is None:
            return f"REF{offset:+d}D", "day", True
        return (pub + timedelta(days=offset)).isoformat(), "day", False


_WHICH = {PAST: "the past", FUTURE: "the future", PRESENT: "the nearer"}
UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year", "WE": "weekend"}


def readable(value: str | None) -> str | None:
    """Words for a value that could not be resolved without the publication date:
    'REF-1D' → 'the day before publication', 'XXXX-WXX-2' → 'a Tuesday (week unknown)'."""
    if not value:
        return None
    m = re.fullmatch(r"REF([+-]\d+)(WE|[DWMY])", value)
    if m:
        n, unit = int(m.group(1)), UNITS[m.group(2)]
        if n == 0:
            return "the publication day" if unit == "day" else f"the {unit} of publication"
        side = "before" if n < 0 else "after"
        return f"the {unit} {side} publication" if abs(n) == 1 else f"{abs(n)} {unit}s {side} publication"
    m = re.fullmatch(r"XXXX-WXX-(\d)", value)
    if m:
        return f"a {WEEKDAYS[int(m.group(1)) - 1].capitalize()} (week unknown)"
    m = re.fullmatch(r"XXXX-(\d{2})(?:-(\d{2}))?", value)
    if m:
        month = MONTHS[int(m.group(1)) - 1].capitalize()
        return f"{int(m.group(2))} {month} (year unknown)" if m.group(2) else f"{month} (year unknown)"
    return None


@lru_cache(maxsize=1)
def _anchors() -> list[dict]:
    """The known events whose onset names a period (`data/time_anchors.json`)."""
    return json.loads(resources.files("presslens.data").joinpath("time_anchors.json").read_text(encoding="utf-8"))["anchors"]


@lru_cache(maxsize=4096)
def _readings(text: str, pub: date) -> tuple[date, date] | None:
    """dateparser's past and future readings of a day with no year, relative to publication
    (cached: dateparser is slow, and an article or a day's articles repeat the same dates)."""
    from dateparser import parse  # imported lazily: costly import, needed only for explicit dates
    from datetime import datetime

    base = datetime(pub.year, pub.month, pub.day)
    out = []
    for prefer in ("past", "future"):
        parsed = parse(text, languages=["en"], settings={"PREFER_DATES_FROM": prefer, "RELATIVE_BASE": base,
                                                          "DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first"})
        if parsed is None:
            return None
        out.append(parsed.date())
    back, ahead = out
    if back > pub:  # dateparser's "past" may keep a day later in the current year
        back = back.replace(year=back.year - 1) if not (back.month == 2 and back.day == 29) else back
    return back, ahead


def _choose(readings: tuple[date, date], tense: str, pub: date) -> date:
    """The past reading for past tense, the future one for future tense, else the nearer one."""
    back, ahead = readings
    if tense == PAST:
        return back
    if tense == FUTURE:
        return ahead
    return back if (pub - back) <= (ahead - pub) else ahead


PAST_AUX = frozenset({"did", "had", "was", "were", "has", "have"})
# verbs of a plan: "plans to meet on Friday", "the talks are scheduled for Friday" lie ahead
PLAN_VERBS = frozenset(("plan", "intend", "schedule", "expect", "anticipate", "envisage", "foresee", "due", "set", "slate"))
# verbs that make known an arrangement: "announced a ceasefire from May 8 to May 11" — the date of
# what is announced (attached to the announced noun) is not the announcement's, so no tense decides
# it and the nearer reading wins
ANNOUNCING_VERBS = frozenset(("announce", "declare", "propose", "order", "offer", "agree", "call"))
# verbs of a phase of an act, whose tense is the act's: "began sending troops in May" is past
PHASE_VERBS = frozenset(("begin", "start", "continue", "resume", "stop", "cease", "finish", "keep", "quit"))


def tense_of(doc: Doc, start: int, end: int) -> str:
    """FUTURE, PAST or PRESENT for the verb governing the expression at [start, end): future with
    will/shall/'going to' or a stated plan; past with a past-tense verb or perfect; else present."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return PRESENT
    verb, announced = span.root, None
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        if verb.pos_ == "NOUN" and verb.dep_ == "dobj" and verb.i not in range(span.start, span.end):
            announced = verb
        verb = verb.head
    kids = list(verb.children)
    if verb.dep_ == "xcomp" and verb.tag_ in ("VB", "VBG") and verb.head.lemma_.lower() in PHASE_VERBS:
        verb = verb.head  # "began sending troops in May": the phase verb carries the tense
        kids = list(verb.children)
    if (verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() not in PLAN_VERBS
            and not any(c.dep_ in ("aux", "auxpass") for c in kids)):
        return PAST  # "the offensive, launched in May": a participle tells what was done (not "planned for May")
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in kids) or any(
            c.lower_ == "going" and any(x.lower_ == "to" for x in c.children) for c in kids):
        return FUTURE
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in PLAN_VERBS:
        return FUTURE
    if verb.lemma_.lower() in PLAN_VERBS and any(c.dep_ == "auxpass" and c.lower_ in ("is", "are", "'s", "'re") for c in kids):
        return FUTURE  # "the talks are scheduled for Friday"
    if announced is not None and verb.lemma_.lower() in ANNOUNCING_VERBS:
        return PRESENT  # "announced a ceasefire from May 8": the announced arrangement's date, the nearer reading
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("would", "could") for c in kids) and verb.head.lemma_.lower() in ("say", "announce"):
        return FUTURE  # "said it would meet on …": the future of a past statement
    if verb.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUX for c in kids):
        return PAST
    return PRESENT


def parse_published(value) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


# what may stand between a clock time and the day it is on: "at 9 am on Friday", "at 10 am, March 3"
CLOCK_DAY_GAP = re.compile(r"\s*,?\s*(?:on\s+)?")


def _clock_day(doc: Doc, text: str, m: _Match) -> str | None:
    """The day-level value of the expression right after a clock time, if it is one."""
    value, granularity, relative = TimeNormaliser(parse_published(doc._.published))(m, tense_of(doc, m.start, m.end))
    return value if granularity == "day" and not relative else None


def time_expressions(doc: Doc) -> list[TimeExpression]:
    normalise = TimeNormaliser(parse_published(doc._.published))
    text = doc_text(doc)
    out = []
    matches = find_time_spans(text)
    for m, nxt in zip(matches, matches[1:]):  # "January 11 and November 26, 2021": the year is shared
        if m.kind in ("date_mdy", "date_dmy") and not m.groups.get("y") and nxt.kind == m.kind and nxt.groups.get("y") \
                and re.fullmatch(r"\s*(?:,|and|or|-|–|to)?\s*", text[m.end:nxt.start]):
            m.groups["shared_y"] = nxt.groups["y"]
    bare = TimeNormaliser(None)  # the underspecified form, before the publication date fills it in
    for m, nxt in zip(matches, matches[1:] + [None]):
        if m.kind == "clock":  # "at 9 am on Friday": its own day; else the day its paragraph gives, if any
            day = _clock_day(doc, text, nxt) if nxt is not None and CLOCK_DAY_GAP.fullmatch(text[m.end:nxt.start]) else None
            m.groups["day_from"] = "the day named with it" if day else "the day its paragraph gives"
            m.groups["day"] = day or next((t.value for t in reversed(out) if t.granularity == "day" and not t.relative
                                           and "\n" not in text[t.end:m.start]), None)
        if m.kind == "onset_period":
            m.groups["outlet"] = doc._.outlet
        tense = tense_of(doc, m.start, m.end)
        value, granularity, relative = normalise(m, tense)
        if m.kind == "onset_period" and value is None:
            continue  # "the first days of the war" of a war the report does not name
        under = bare(m, tense)[0] if normalise.reason else None
        out.append(TimeExpression(m.start, m.end, text[m.start:m.end], value,
                                  granularity="relative" if relative else granularity, relative=relative,
                                  readable=readable(value) if relative else None,
                                  underspecified=under, reason=normalise.reason))
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
