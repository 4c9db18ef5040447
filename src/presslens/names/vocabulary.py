"""The name vocabulary (`data/lang/<lang>/names.json`, `data/demonyms.json`), loaded once and checked.

Titles and honorifics are stripped from names (an honorific is never a role), portfolios belong to
the office they precede ("Defence Minister"), role nouns head a speaker description ("the
spokeswoman"), role equivalences say which titles fit a description ("head of state" ~ president),
collective nouns name a meeting's participants ("the parties"), and demonyms turn "Russian" into
the affiliation "Russia".
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

LIST_KEYS = ("title_words", "courtesy_titles", "portfolios", "role_nouns", "honorifics", "collective_nouns",
             "role_function_words", "title_connectors", "principal_roles", "headline_verbs", "address_words", "body_nouns", "group_nouns",
             "leading_collectives", "name_particles")


def _read(*parts: str) -> dict:
    path = resources.files("presslens.data")
    for part in parts:
        path = path.joinpath(part)
    return json.loads(path.read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def vocabulary(language: str = "en") -> dict:
    """The names vocabulary of `language`: word lists as frozensets, checked for shape."""
    data = _read("lang", language, "names.json")
    missing = [k for k in LIST_KEYS if k not in data]
    if missing:
        raise ValueError(f"names.json ({language}): missing {missing}")
    out: dict = {}
    for key in LIST_KEYS:
        words = data[key]
        bad = [w for w in words if not isinstance(w, str) or w != w.lower() or not w.strip()]
        if bad:
            raise ValueError(f"names.json ({language}) {key}: entries must be lower-case words, got {bad[:5]}")
        out[key] = frozenset(words)
    out["role_equivalences"] = {k: tuple(v) for k, v in data["role_equivalences"].items()}
    bad = [k for k, v in out["role_equivalences"].items() if k != k.lower() or not v or any(w != w.lower() for w in v)]
    if bad:
        raise ValueError(f"names.json ({language}) role_equivalences: lower-case keys with a non-empty list each, got {bad[:5]}")
    out["collective_quantifiers"] = {k: int(v) for k, v in data["collective_quantifiers"].items()}
    return out


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    data = _read("demonyms.json")
    data.pop("_about", None)
    return data


def country_of(adjective: str) -> str | None:
    """'Russian' → 'Russia'; None for a word that is no demonym."""
    return demonyms().get(adjective.lower().strip())


_EN = vocabulary("en")
TITLE_WORDS = _EN["title_words"]
COURTESY_TITLES = _EN["courtesy_titles"]
PORTFOLIOS = _EN["portfolios"]
ROLE_NOUNS = _EN["role_nouns"]
HONORIFICS = _EN["honorifics"]
ROLE_EQUIVALENCES = _EN["role_equivalences"]
COLLECTIVE_NOUNS = _EN["collective_nouns"]
COLLECTIVE_QUANTIFIERS = _EN["collective_quantifiers"]
ROLE_FUNCTION_WORDS = _EN["role_function_words"]
TITLE_CONNECTORS = _EN["title_connectors"]
PRINCIPAL_ROLES = _EN["principal_roles"]
HEADLINE_VERBS = _EN["headline_verbs"]  # "Obama Says": a headline verb glued to a name is not part of it
ADDRESS_WORDS = _EN["address_words"]
BODY_NOUNS = _EN["body_nouns"]  # "the ministry": the body named before whose name ends so
LEADING_COLLECTIVES = _EN["leading_collectives"]  # "the leaders": people in a principal role
NAME_PARTICLES = _EN["name_particles"]  # "von der Leyen", "da Silva": lower-case words inside a name
GROUP_NOUNS = _EN["group_nouns"]  # "the group": the organisation named last  # a title or lead naming a person's own address, speech, message  # the offices whose descriptions may mean the document principal
