"""The people an article names, built once per Doc: each person's fullest name, role,
affiliation and mentions, and lookups from a phrase ("Putin", "the Russian president") to a person."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from ..doccache import ents_in
from ..entities.geocode import SETTLEMENT_NOUNS, well_known_place
from .phrases import clean_name, description_of, person_in_title, split_role, title_before
from .vocabulary import BODY_NOUNS, HONORIFICS, NAME_PARTICLES, ROLE_NOUNS, TITLE_CONNECTORS, TITLE_WORDS

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


def _widened(ent: Span) -> Span:
    """A PERSON entity with the given names the parser left outside it: "Natalia [Eismont]"."""
    doc, start = ent.doc, ent.start
    while start > ent.sent.start and start > ent.start - 2:
        t = doc[start - 1]
        if t.pos_ != "PROPN" or not t.is_title or t.ent_type_ or t.lower_.rstrip(".") in TITLE_WORDS | ROLE_NOUNS | HONORIFICS:
            break
        if start - 2 >= ent.sent.start and doc[start - 2].lower_ in TITLE_CONNECTORS:
            break  # "Minister of Transport [Anna Berg]": the word after "of" is the office's, not a given name
        start -= 1
    end = ent.end  # "Ursula von der [Leyen]": a surname after the particles the parser cut it at
    after = end
    while after < ent.sent.end and doc[after].lower_ in NAME_PARTICLES:
        after += 1
    if (after > end or ent[-1].lower_ in NAME_PARTICLES) and after < ent.sent.end and doc[after].pos_ == "PROPN" \
            and doc[after].is_title and (doc[after].ent_type_ in ("", "PERSON") or ent[-1].lower_ in NAME_PARTICLES):
        end = after + 1
    while end - 1 > start and doc[end - 1].lower_ in NAME_PARTICLES:
        end -= 1  # particles with no surname after them are no part of the name
    return doc[start:end] if (start, end) != (ent.start, ent.end) else ent


def named_place(ent: Span) -> bool:
    """"the villages of Bohdanivka and Nova Bohdanivka": a name after a settlement noun and "of",
    or coordinated with one that is, is a place whatever the parser tagged it; so is one word the
    gazetteer knows as a country or a large city ("Zaporizhzhia" tagged PERSON)."""
    if len(ent) == 1 and well_known_place(ent.text):
        return True
    tok = ent.root
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_.lower() in SETTLEMENT_NOUNS


def titled_as_person(ent: Span) -> bool:
    """A name the parser tagged otherwise that its own description makes a person: "Natalia
    Eismont, spokeswoman of the Belarusian leader" (tagged ORG) — two or three capitalised words,
    none a title or body word, described by a role noun."""
    if ent.label_ == "PERSON" or not 2 <= len(ent) <= 3 or not all(t.pos_ == "PROPN" and t.is_title for t in ent):
        return False
    if any(t.lower_ in TITLE_WORDS | ROLE_NOUNS | BODY_NOUNS | HONORIFICS for t in ent):
        return False
    description = description_of(ent)
    return any(t.lower_ in ROLE_NOUNS and t.pos_ == "NOUN" for t in description)


def _build(doc: Doc) -> list[Person]:
    ents = [person_in_title(e) or _widened(e) for e in doc.ents if (e.label_ == "PERSON" or titled_as_person(e)) and not named_place(e)]
    ents += [inner for e in doc.ents if e.label_ != "PERSON" and (inner := person_in_title(e)) is not None]
    names = [(clean_name(e), e) for e in ents]
    # a "name" made only of titles ("Director", "Head") is a description the parser took for a name
    names = [(n, e) for n, e in names if n and not all(w.lower().strip(".") in TITLE_WORDS | ROLE_NOUNS | HONORIFICS for w in n.split())]
    people: list[Person] = []
    for name, ent in sorted(names, key=lambda x: -len(x[0].split())):
        words = set(name.split())
        match = next((p for p in people if words <= set(p.name.split())), None) or _near_miss(people, name)
        if match is None:
            match = Person(name, first=ent.start_char)
            people.append(match)
        match.first = min(match.first, ent.start_char)
        match.mentions.append((ent.start_char, ent.end_char))
        role, aff = split_role(description_of(ent))
        title, title_aff = title_before(ent)
        if title and len(title.split()) > len((role or "").split()):
            role, aff = _without_name(title, match.name), _without_name(title_aff, match.name)
        if role and not match.role:
            match.role, match.affiliation = role, aff
    return people


def _without_name(text: str | None, name: str) -> str | None:
    """A title read before a name, less the given names the parser left outside the name
    ("Head of the Office … of Ukraine Andriy" before "Yermak")."""
    if not text:
        return text
    words, names = text.split(), set(name.split())
    while words and words[-1] in names:
        words.pop()
    return " ".join(words) or None


def _edit_distance(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
    return row[-1]


def near_miss(a: str, b: str) -> bool:
    """Two spellings of one surname: "Koronolli" / "Koronelli", "Scholtz" / "Scholz" — same first
    letter, six letters or more, one edit apart (two from nine letters)."""
    if a == b or a[:1] != b[:1] or min(len(a), len(b)) < 6:
        return False
    return _edit_distance(a.lower(), b.lower()) <= (2 if min(len(a), len(b)) >= 9 else 1)


def _near_miss(people: list[Person], name: str) -> Person | None:
    """A person whose name differs from `name` only by a misspelt word."""
    words = name.split()
    for p in people:
        theirs = p.name.split()
        if len(words) > len(theirs):
            continue
        if all(w in theirs or any(near_miss(w, t) for t in theirs) for w in words) and any(w not in theirs for w in words):
            return p
    return None


def person_with_name(people: list[Person], name: str) -> Person | None:
    """The person whose fullest name contains every word of `name` ("Putin" → "Vladimir Putin"),
    else one whose name it misspells ("Koronolli" → "Viktor Koronelli")."""
    words = set(name.split())
    if not words:
        return None
    return next((p for p in people if words <= set(p.name.split())), None) or _near_miss(people, name)


def person_named(people: list[Person], span: Span) -> Person | None:
    """The person a phrase names: its proper nouns, or a PERSON entity inside it — not one who
    only possesses its head ("Yoon's impeachment" names an event, not Yoon)."""
    persons = [t for t in span if t.ent_type_ == "PERSON"]
    if not persons and span.root.pos_ != "PROPN":
        return None
    if span.root.pos_ == "NOUN" and span.root.lower_ not in ROLE_NOUNS and all(
            e.root.dep_ == "poss" for e in ents_in(span) if e.label_ == "PERSON"):
        return None
    # "Prime Minister Han": the title's words are not part of the name looked for
    proper = {t.text for t in span if t.pos_ == "PROPN" and t.lower_.rstrip(".") not in TITLE_WORDS | ROLE_NOUNS | HONORIFICS}
    if proper and span.root.pos_ == "PROPN":  # a surname the NER missed: "Halden told reporters"
        for p in people:
            if proper <= set(p.name.split()):
                return p
        if len(proper) == 1 and (near := _near_miss(people, next(iter(proper)))) is not None:
            return near
    for ent in ents_in(span):
        if ent.label_ == "PERSON":
            person = person_with_name(people, clean_name(ent))
            if person is not None:
                return person
    return None
