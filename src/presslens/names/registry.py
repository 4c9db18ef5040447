"""The people an article names, built once per Doc: each person's fullest name, role,
affiliation and mentions, and lookups from a phrase ("Putin", "the Russian president") to a person."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from .phrases import clean_name, description_of, split_role
from .vocabulary import ROLE_NOUNS, country_of

_CACHE_KEY = "presslens_people"


@dataclass
class Person:
    """A person named in the article: canonical name, role, affiliation and where they appear."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    first: int = 0
    mentions: list[tuple[int, int]] = field(default_factory=list)


def person_registry(doc: Doc) -> list[Person]:
    """Every person named in `doc`, mentions merged under the fullest form of the name.
    Built once per Doc; callers that add people work on their own copy of the list."""
    cached = doc.user_data.get(_CACHE_KEY)
    if cached is None:
        cached = doc.user_data[_CACHE_KEY] = _build(doc)
    return list(cached)


def _build(doc: Doc) -> list[Person]:
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    names = [(clean_name(e), e) for e in ents]
    names = [(n, e) for n, e in names if n]
    people: list[Person] = []
    for name, ent in sorted(names, key=lambda x: -len(x[0].split())):
        words = set(name.split())
        match = next((p for p in people if words <= set(p.name.split())), None)
        if match is None:
            match = Person(name, first=ent.start_char)
            people.append(match)
        match.first = min(match.first, ent.start_char)
        match.mentions.append((ent.start_char, ent.end_char))
        role, aff = split_role(description_of(ent))
        if role and not match.role:
            match.role, match.affiliation = role, aff
    return people


def person_with_name(people: list[Person], name: str) -> Person | None:
    """The person whose fullest name contains every word of `name` ("Putin" → "Vladimir Putin")."""
    words = set(name.split())
    return next((p for p in people if words and words <= set(p.name.split())), None)


def person_named(people: list[Person], span: Span) -> Person | None:
    """The person a phrase names: its proper nouns, or a PERSON entity inside it."""
    proper = {t.text for t in span if t.pos_ == "PROPN"}
    if proper and span.root.pos_ == "PROPN":  # a surname the NER missed: "Halden told reporters"
        for p in people:
            if proper <= set(p.name.split()):
                return p
    for ent in span.ents:
        if ent.label_ == "PERSON":
            person = person_with_name(people, clean_name(ent))
            if person is not None:
                return person
    return None


def person_described(people: list[Person], span: Span) -> Person | None:
    """'the Russian president' → the person whose role is president and affiliation Russia."""
    head = span.root
    if head.lower_ not in ROLE_NOUNS or any(t.pos_ == "PROPN" for t in span):
        return None
    mods = [t.lower_ for t in span if t.i != head.i and t.pos_ in ("ADJ", "NOUN", "PROPN")]
    candidates = [p for p in people if p.role and head.lower_ in p.role.lower().split() and p.first < span.start_char]
    for mod in mods:
        country = (country_of(mod) or mod).lower()
        candidates = [p for p in candidates if mod in (p.role or "").lower() or country in (p.affiliation or "").lower() or mod[:5] in (p.affiliation or "").lower()]
    return candidates[-1] if len(candidates) >= 1 else None
