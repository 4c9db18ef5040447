"""The corpus layer's tables, read once from `presslens/data/corpus_lexicon.json` (titles, body words,
denial cues, media, number words) and the shipped `actors.json` / `demonyms.json`."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


def _data(name: str) -> dict:
    return json.loads(resources.files("presslens.data").joinpath(name).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return _data("corpus_lexicon.json")


@lru_cache(maxsize=1)
def titles() -> frozenset[str]:
    return frozenset(lexicon()["titles"])


@lru_cache(maxsize=1)
def body_words() -> frozenset[str]:
    return frozenset(lexicon()["body_words"])


@lru_cache(maxsize=1)
def surname_folds() -> tuple[tuple[str, str], ...]:
    return tuple((a, b) for a, b in lexicon()["surname_folds"])


@lru_cache(maxsize=1)
def denial_cues() -> tuple[str, ...]:
    return tuple(lexicon()["denial_cues"])


@lru_cache(maxsize=1)
def number_words() -> dict[str, int]:
    return dict(lexicon()["number_words"])


@lru_cache(maxsize=1)
def ignored_units() -> frozenset[str]:
    return frozenset(lexicon()["number_units_ignored"])


@lru_cache(maxsize=1)
def actor_aliases() -> dict[str, tuple[str, str, str | None]]:
    """Lower-cased alias → (canonical name, entity type, country) from the shipped actor table."""
    out = {}
    for row in _data("actors.json")["actors"]:
        for alias in [row["name"], *row["aliases"]]:
            out[alias.lower().replace("’", "'")] = (row["name"], row["type"], row.get("country"))
    return out


@lru_cache(maxsize=1)
def country_adjectives() -> dict[str, str]:
    """Lower-cased country name → its adjective ("russia" → "russian"), inverted from demonyms.json."""
    out: dict[str, str] = {}
    for adjective, country in _data("demonyms.json").items():
        if not adjective.startswith("_"):
            out.setdefault(country.lower(), adjective)
    return out


@lru_cache(maxsize=1)
def number_fillers() -> frozenset[str]:
    return frozenset(lexicon()["number_fillers"])


@lru_cache(maxsize=1)
def media_names() -> frozenset[str]:
    """Lower-cased names and aliases of news media in the actor table (sector MED: TASS, KCNA, …)."""
    table = {alias.lower() for row in _data("actors.json")["actors"] if row.get("sector") == "MED"
             for alias in [row["name"], *row["aliases"]]}
    return frozenset(table | set(lexicon()["media"]))


@lru_cache(maxsize=1)
def near_event_types() -> dict[str, frozenset[str]]:
    """PLOVER type → the other types one event is often coded as by another report."""
    out: dict[str, set[str]] = {}
    for a, b in lexicon()["near_event_types"]:
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    return {t: frozenset(near) for t, near in out.items()}


@lru_cache(maxsize=1)
def ordinals() -> dict[str, int]:
    return dict(lexicon()["ordinals"])


@lru_cache(maxsize=1)
def trigger_classes() -> dict[str, str]:
    """Trigger word → the kind of act it names ("talks", "meeting" → "meeting")."""
    return {word: kind for kind, group in lexicon()["trigger_classes"].items() for word in group}


@lru_cache(maxsize=1)
def trigger_suffixes() -> tuple[str, ...]:
    """Endings cut from a trigger word in no class, longest first ("severance", "severed" → "sever")."""
    return tuple(sorted(lexicon()["trigger_suffixes"], key=len, reverse=True))
