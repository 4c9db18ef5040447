"""Within-document event coreference for dates: the same act named again shares one date.

An event named by a definite or demonstrative event noun ("the summit", "that offer", "the
airstrikes") that nothing in its clause or sentence dates is the act another mention of the same
PLOVER type names when no actor or target is named otherwise (the same name, a name word in common,
or one side unnamed) and either the same word names both ("the impeachment" ← "his impeachment … on
Saturday") or both name an actor or target alike. Of such mentions the nearest one before it (else
the nearest after it: a lead that the body dates) is its antecedent; it takes that mention's date
when its own clause or sentence gave one and it is an act the text reports (not a referred, negated
or hypothetical one) — an undated nearer mention ("stressed the importance of starting talks …
The goal of the talks") leaves it null, and so do two mentions of different dates ("attacked Vel on
Friday … attacked Dorn on Sunday … the attacks"). `date_source: "coreference"`.
"""
from __future__ import annotations

import re

from .dates import anaphor

COREFERENCE = "coreference"
# how a mention that gives its date was itself dated: by its own words, not by another bound
OWN_DATES = frozenset({"clause", "sentence"})


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[\w']+", name.lower()) if len(w) >= 4}


def _agree(a: str | None, b: str | None) -> bool:
    """Actors (or targets) of two mentions agree: one is unnamed, or they share a name word."""
    return not a or not b or a == b or bool(_words(a) & _words(b))


def _named_alike(a: str | None, b: str | None) -> bool:
    """Both mentions name this argument, and by a name word in common."""
    return bool(a and b and (a == b or _words(a) & _words(b)))


def _lemmas(found) -> set[str]:
    """The lemmas of the words that name an event (its trigger's, from the first to the last word)."""
    doc = found.trigger.doc
    return {t.lemma_.lower() for t in doc[found.trigger.i:found.trigger_end.i + 1]} | {found.word.lemma_.lower()}


def _same_act(noun, event, found, other) -> bool:
    """Whether `other` (with its found event) names the act `event` names by the definite `noun`:
    the same type, no argument named otherwise, and the same word again ("the impeachment" ←
    "his impeachment … on Saturday") or an actor or target both name alike ("the offensive" ←
    "Norland's attack on Vel")."""
    if other.type != event.type or not (_agree(other.actor, event.actor) and _agree(other.target, event.target)):
        return False
    return noun.lemma_.lower() in _lemmas(found) or _named_alike(other.actor, event.actor) or _named_alike(
        other.target, event.target)


def shared_dates(pairs: list) -> dict[int, str]:
    """{index: date} for the undated events of `pairs` ((found event, `model.Event`) in text order)
    that a coreferent mention dates; see the module docstring."""
    out = {}
    for i, (found, event) in enumerate(pairs):
        noun = anaphor(found)
        if event.date is not None or event.mention or noun is None:
            continue
        at = found.trigger.i
        same = [(f, other) for j, (f, other) in enumerate(pairs) if j != i and _same_act(noun, event, f, other)]
        before = [x for x in same if x[0].trigger.i < at]
        nearest = max(before, key=lambda x: x[0].trigger.i) if before else min(
            same, key=lambda x: x[0].trigger.i, default=None)
        if nearest is None:
            continue
        dated = {other.date for _, other in same if _gives_date(other)}
        if _gives_date(nearest[1]) and all(nearest[1].date.startswith(v) for v in dated):
            out[i] = nearest[1].date
    return out


def _gives_date(event) -> bool:
    """Whether a mention's date may be shared: its own clause or sentence gave it, and it is an act
    the text reports (not a referred, negated or hypothetical one)."""
    return bool(event.date) and event.date_source in OWN_DATES and not event.mention and event.modality == "asserted"
