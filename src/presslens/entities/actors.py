"""Actor codes in the PLOVER/CAMEO style (country ISO-3 + sector) from the shipped alias table.

The table (`presslens/data/actors.json`) lists aliases of countries, armed forces, ministries,
state media …; countries it does not list are found through `pycountry`, adjectives
("Russian") through `demonyms.json`.  Sectors of unlisted organisations and of people come from
the head words of their names or roles (`sector_words`).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import pycountry

from ..names.vocabulary import country_of

APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})


@dataclass(frozen=True)
class Actor:
    name: str
    type: str
    country: str | None
    sector: str | None


def normalise(text: str) -> str:
    return " ".join(text.translate(APOSTROPHES).lower().split())


@lru_cache(maxsize=1)
def table() -> dict:
    return json.loads(resources.files("presslens.data").joinpath("actors.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def aliases() -> dict[str, Actor]:
    """Normalised alias → Actor."""
    out = {}
    for row in table()["actors"]:
        actor = Actor(row["name"], row["type"], row.get("country"), row.get("sector"))
        for alias in row["aliases"] + [row["name"]]:
            out[normalise(alias)] = actor
    return out


@lru_cache(maxsize=4096)
def country_code(name: str) -> str | None:
    """ISO-3 code of a country name or adjective ('Russia', 'North Korean'), else None."""
    key = normalise(re.sub(r"[’']s$", "", name.strip()))
    key = re.sub(r"^the ", "", key)
    if key in aliases() and aliases()[key].type == "GPE":
        return aliases()[key].country
    adjective_country = country_of(key)
    if adjective_country and adjective_country.lower() != key:
        return country_code(adjective_country)
    try:
        return pycountry.countries.lookup(key).alpha_3
    except LookupError:
        return None


def sector_of(text: str) -> str | None:
    """Sector of the head word(s) of a name or role: the longest listed phrase ending it wins."""
    words = normalise(text).split()
    sectors = table()["sector_words"]
    for n in range(min(3, len(words)), 0, -1):
        for i in range(len(words) - n, -1, -1):
            phrase = " ".join(words[i:i + n])
            if phrase in sectors:
                return sectors[phrase]
    return None


@lru_cache(maxsize=8192)
def code_of(text: str) -> tuple[str | None, str | None]:
    """(country, sector) for any actor phrase: 'North Korean troops' → ('PRK', 'MIL')."""
    key = normalise(text)
    key = re.sub(r"^the ", "", key)
    if key in aliases():
        a = aliases()[key]
        return a.country, a.sector
    country = None
    words = key.replace("'s", "").split()
    for n in (3, 2, 1):
        for i in range(len(words) - n + 1):
            country = country_code(" ".join(words[i:i + n]))
            if country:
                break
        if country:
            break
    return country, sector_of(key)


def actor_code(country: str | None, sector: str | None) -> str | None:
    if not country and not sector:
        return None
    if country == sector:
        return country
    return (country or "") + (sector or "")
