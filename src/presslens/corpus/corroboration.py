"""Who asserts a story, who denies it, who only relays it, and where accounts conflict — by structure.

A report *denies* when its event is negated ("did not strike") or its evidence carries a
denial cue ("denied", "refuted", "fake"); the denier is the one named before the cue ("the
Defence Ministry denied …") or else the report's asserter.  A report *relays* when its source
is a medium: the quote's channel ("told TASS"), "according to Reuters" / "citing …" in the
evidence, or an asserter that is itself an outlet of the corpus.  Conflicts name both sides:
`denial` (one asserts, one denies), `number` (one unit counted differently, "134 drones" vs
"52 drones", with no value in common), `actor` (the same act done by actors of different
countries).  Embeddings play no part here: they cannot tell "no plans for talks" from "ready
for talks".
"""
from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import denial_cues, denier_verbs, media_names, non_names, relay_cues, report_verbs, time_words, weekdays
from .records import Conflict, Report, Story

ASSERTING = frozenset({"asserted", "hedged", "reported"})
_CAPITALISED = r"((?:the\s+)?(?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’.-]*)"
_MEDIUM = r"((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)"  # a medium's name: up to four capitalised words


def _alternatives(words) -> str:
    """A regex alternation of lexicon words (spaces as any whitespace), longest first."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _capitalised(words) -> str:
    """Alternatives also matching a capitalised first letter ("Monday" for "monday")."""
    return "|".join(f"[{re.escape(w[0])}{re.escape(w[0].upper())}]{re.escape(w[1:])}" for w in words)


@lru_cache(maxsize=1)
def relay_pattern() -> re.Pattern:
    """"according to Reuters", "citing TASS": the medium a text relays (group 1)."""
    return re.compile(r"\b(?:" + _alternatives(relay_cues()) + r")\s+(?:the\s+)?" + _MEDIUM)


@lru_cache(maxsize=1)
def _reported_pattern() -> re.Pattern:
    return re.compile(_CAPITALISED + r"\s+(?:" + _alternatives(report_verbs()) + r")\b")


@lru_cache(maxsize=1)
def _denial_pattern() -> re.Pattern:
    return re.compile(r"\b(" + _alternatives(denial_cues()) + r")\b", re.I)


@lru_cache(maxsize=1)
def _denier_pattern() -> re.Pattern:
    when = r"(?:(?:on|last|this)\s+)?(?:" + _capitalised(weekdays()) + r")"  # "the ministry on Wednesday denied"
    return re.compile(_CAPITALISED + r"\s+(?:" + when + r"\s+)?(?:has\s+|have\s+|had\s+)?(?:"
                      + _alternatives(denier_verbs()) + r")\b")


def is_medium(name: str | None, outlets: set[str]) -> bool:
    """Whether `name` is a news medium: a state/wire agency of the actor table or an outlet of the corpus."""
    if not name:
        return False
    low = name.lower().removeprefix("the ").strip()
    return low in media_names() or low in outlets


def stance(report: Report) -> str:
    """asserts | denies | hedges | speculates."""
    if report.modality == "negated" or _denial_pattern().search(report.evidence.text):
        return "denies"
    if report.modality == "hypothetical":
        return "speculates"
    return "hedges" if report.modality == "hedged" else "asserts"


def denier(report: Report) -> str:
    """Who denies in a denying report: the one named before the denial verb, else the asserter."""
    match = _denier_pattern().search(report.evidence.text)
    if match:
        name = re.sub(r"^the\s+", "", match.group(1), flags=re.I).strip()
        if name and name.split()[0].lower() not in non_names() and name.split()[-1].lower() not in time_words():
            return name
    return report.asserted_by


def relay_source(report: Report, outlets: set[str]) -> str | None:
    """The medium a report relays, from its quote's channel, its wording, or a medium as asserter."""
    if report.relayed_from:
        return report.relayed_from
    for pattern in (relay_pattern(), _reported_pattern()):
        for match in pattern.finditer(report.evidence.text):
            name = re.sub(r"^the\s+", "", match.group(1), flags=re.I).strip()
            if is_medium(name, outlets) and name.lower() != (report.outlet or "").lower():
                return name
    if report.asserted_by != report.outlet and is_medium(report.asserted_by, outlets):
        return report.asserted_by
    return None


def corroborate(story: Story) -> None:
    """Fill `asserted_by`, `denied_by`, `relays` and `conflicts` of `story` from its reports."""
    outlets = {r.outlet.lower() for r in story.reports if r.outlet}
    asserters: dict[str, str] = {}
    deniers: dict[str, str] = {}
    relays, asserting, denying = [], [], []
    for report in story.reports:
        kind = stance(report)
        report.stance = kind
        report.source = report.asserted_by
        if kind == "denies":
            name = report.source = denier(report)
            deniers.setdefault(name.lower(), name)
            denying.append(report)
            continue
        if kind != "asserts" and kind != "hedges":
            continue
        source = relay_source(report, outlets)
        if source:
            report.source = source
            relays.append({"doc_id": report.doc_id, "event_index": report.event_index, "outlet": report.outlet,
                           "relays": source})
            asserters.setdefault(source.lower(), source)
        else:
            asserters.setdefault((report.asserted_by_id or report.asserted_by).lower(), report.asserted_by)
        asserting.append(report)
    story.asserted_by = list(asserters.values())
    story.denied_by = [d for k, d in deniers.items() if k not in asserters]
    story.relays = relays
    story.conflicts = _conflicts(asserting, denying)


def _conflicts(asserting: list[Report], denying: list[Report]) -> list[Conflict]:
    conflicts: list[Conflict] = []
    if asserting:
        seen = set()
        for report in denying:
            name = denier(report)
            if name.lower() in seen:
                continue
            seen.add(name.lower())
            first = asserting[0]
            conflicts.append(Conflict("denial", first, report, f"{first.asserted_by} asserts it; {name} denies it"))
    counted: dict[str, list[tuple[set, Report]]] = {}
    for report in asserting:
        by_unit: dict[str, set] = {}
        for value, unit in report.numbers:
            by_unit.setdefault(unit, set()).add(value)
        for unit, values in by_unit.items():
            counted.setdefault(unit, []).append((values, report))
    for unit, accounts in counted.items():
        seen_pairs = set()
        for i, (values_a, a) in enumerate(accounts):
            for values_b, b in accounts[i + 1:]:
                pair = (frozenset(values_a), frozenset(values_b))
                if values_a & values_b or a.doc_id == b.doc_id or pair in seen_pairs or pair[::-1] in seen_pairs:
                    continue
                seen_pairs.add(pair)
                conflicts.append(Conflict("number", a, b, f"{_count(values_a)} {unit} ({a.asserted_by}) vs "
                                                          f"{_count(values_b)} {unit} ({b.asserted_by})"))
    actors: dict[str, Report] = {}
    for report in asserting:
        country = report.actor_country
        if country and country not in actors:
            actors[country] = report
    if len(actors) > 1:
        (ca, a), (cb, b) = list(actors.items())[:2]
        conflicts.append(Conflict("actor", a, b, f"{a.asserted_by}: {a.actor} did it; {b.asserted_by}: {b.actor} did it"))
    return conflicts


def _count(values: set) -> str:
    return "/".join(f"{v:g}" for v in sorted(values))
