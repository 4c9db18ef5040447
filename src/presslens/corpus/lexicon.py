"""The corpus layer's tables, read once from `presslens/data/corpus_lexicon.json` (titles, body words,
denial cues, media, number words) and the shipped `actors.json` / `demonyms.json`."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


def _data(name: str) -> dict:
    return json.loads(resources.files("presslens.data").joinpath(name).read_text(encoding="utf-8"))


class LexiconError(ValueError):
    """The corpus lexicon lacks a table or has one of the wrong shape."""


# every table of corpus_lexicon.json and its shape: a list of words, a word → value map, a list of pairs
TABLES = {"titles": list, "body_words": list, "surname_folds": list, "denial_cues": list, "relay_cues": list,
          "report_verbs": list, "denier_verbs": list, "weekdays": list, "time_words": list, "non_names": list,
          "number_words": dict, "number_units_ignored": list, "number_fillers": list, "media": list,
          "near_event_types": list, "ordinals": dict, "trigger_classes": dict, "trigger_suffixes": list,
          "one_act_classes": dict, "actor_sectors": list, "antecedent_classes": list,
          "named_place_classes": list, "occasion_nouns": list, "numbered_classes": dict, "planned_words": list,
          "recall_words": list,
          "home_nouns": list, "home_possessives": list}


CLASS_LISTS = ("antecedent_classes", "named_place_classes", "numbered_classes")


def check_lexicon(data: dict) -> dict:
    """`data` if every table is there with its shape and its words are lower case, else `LexiconError`."""
    for name, shape in TABLES.items():
        if not isinstance(data.get(name), shape) or not data[name]:
            raise LexiconError(f"corpus lexicon: {name!r} must be a non-empty {shape.__name__}")
        items = data[name] if shape is list else list(data[name])
        words = [w for w in items if isinstance(w, str)]
        if any(w != w.lower() for w in words):
            raise LexiconError(f"corpus lexicon: {name!r} must be lower case ({next(w for w in words if w != w.lower())!r})")
    for name in CLASS_LISTS:  # tables naming trigger classes name ones `trigger_classes` has
        unknown = [c for c in data[name] if c not in data["trigger_classes"]]
        if unknown:
            raise LexiconError(f"corpus lexicon: {name!r} names a trigger class that trigger_classes lacks ({unknown[0]!r})")
    return data


@lru_cache(maxsize=1)
def lexicon() -> dict:
    return check_lexicon(_data("corpus_lexicon.json"))


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
def actor_sectors() -> frozenset[str]:
    """Sector codes of an actor code ("gov", "mil"): a code starting with one names no country."""
    return frozenset(lexicon()["actor_sectors"])


@lru_cache(maxsize=1)
def antecedent_classes() -> frozenset[str]:
    """Trigger classes whose bare mention ("the talks", "the conversation") refers back to the article's
    other mentions of that kind."""
    return frozenset(lexicon()["antecedent_classes"])


@lru_cache(maxsize=1)
def occasion_nouns() -> frozenset[str]:
    """Nouns of an occasion an ordinal numbers ("the third round", "the 10th package")."""
    return frozenset(lexicon()["occasion_nouns"])


@lru_cache(maxsize=1)
def numbered_classes() -> dict[str, frozenset[str]]:
    """Kinds of act that are numbered occasions themselves (a round of talks, a package of sanctions) → the
    PLOVER types a report of one has."""
    return {kind: frozenset(types) for kind, types in lexicon()["numbered_classes"].items()}


@lru_cache(maxsize=1)
def planned_words() -> frozenset[str]:
    """Words that tell an act as still to come ("will", "scheduled", "next")."""
    return frozenset(lexicon()["planned_words"])


@lru_cache(maxsize=1)
def recall_words() -> frozenset[str]:
    """Words that tell an act as past and done, recalled ("after the talks", "during our last meeting")."""
    return frozenset(lexicon()["recall_words"])


@lru_cache(maxsize=1)
def named_place_classes() -> frozenset[str]:
    """Trigger classes whose two reports of one day share a place when one names the other's city."""
    return frozenset(lexicon()["named_place_classes"])


@lru_cache(maxsize=1)
def one_act_classes() -> dict[str, frozenset[str]]:
    """Trigger classes of acts one actor does once in a window ("invasion", "recognition") → the PLOVER
    types a report of that act has."""
    return {kind: frozenset(types) for kind, types in lexicon()["one_act_classes"].items()}


@lru_cache(maxsize=1)
def trigger_suffixes() -> tuple[str, ...]:
    """Endings cut from a trigger word in no class, longest first ("severance", "severed" → "sever")."""
    return tuple(sorted(lexicon()["trigger_suffixes"], key=len, reverse=True))


@lru_cache(maxsize=1)
def relay_cues() -> tuple[str, ...]:
    """Words before the medium a report relays ("according to", "citing"), longest first."""
    return tuple(sorted(lexicon()["relay_cues"], key=len, reverse=True))


@lru_cache(maxsize=1)
def report_verbs() -> tuple[str, ...]:
    return tuple(lexicon()["report_verbs"])


@lru_cache(maxsize=1)
def denier_verbs() -> tuple[str, ...]:
    return tuple(lexicon()["denier_verbs"])


@lru_cache(maxsize=1)
def weekdays() -> tuple[str, ...]:
    return tuple(lexicon()["weekdays"])


@lru_cache(maxsize=1)
def time_words() -> frozenset[str]:
    """Weekdays, months, "today": a capitalised word before a denial verb that is a time, not a denier."""
    return frozenset(lexicon()["time_words"]) | frozenset(weekdays())


@lru_cache(maxsize=1)
def non_names() -> frozenset[str]:
    return frozenset(lexicon()["non_names"])


@lru_cache(maxsize=1)
def home_nouns() -> frozenset[str]:
    """"state", "country": with a first-person possessive ("our state") the outlet's own country."""
    return frozenset(lexicon()["home_nouns"])


@lru_cache(maxsize=1)
def home_possessives() -> frozenset[str]:
    return frozenset(lexicon()["home_possessives"])
