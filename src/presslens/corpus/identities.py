"""Corpus identities: one id per person or body across every article.

Names are read as the articles give them (a speaker's name, role and affiliation; the article's
entities).  A person's key is (first name, surname) after titles are stripped — "President
Vladimir Putin", "Vladimir V. Putin" and "Vladimir Putin" share one — and a bare surname
("Putin") joins the one full name in its own article first, then the one person of the corpus
with that surname.  Two people who share a surname ("Donald Trump", "Melania Trump") never
merge; a bare "Trump" where both are known joins one only when its role or affiliation agrees,
otherwise it stays a surname-only identity of its own.  When a full name arrives after its
surname was seen alone, the surname identity merges into it (`merged` records old → new, so
stored ids can be moved).  Bodies (ministries, armies, agencies) key on their normalised name
and the shipped actor aliases ("Russian Defense Ministry" = "Russian Defence Ministry").
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .lexicon import actor_aliases, body_words, country_adjectives, surname_folds, titles
from .records import Identity

_POSSESSIVE = re.compile(r"['’]s\b")
_PUNCT = re.compile(r"[^\w\s'-]")
PERSON_TYPES = frozenset({"PERSON"})
BODY_TYPES = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
THING_TYPES = frozenset({"LAW", "WORK_OF_ART", "PRODUCT", "EVENT", "LANGUAGE", "DATE", "TIME", "MONEY", "QUANTITY",
                         "PERCENT", "CARDINAL", "ORDINAL"})  # NER types that name no person ("Article 1 … Between")


def _fold(word: str) -> str:
    for ending, replacement in surname_folds():
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + replacement
    return word


def _ascii(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def words(name: str) -> list[str]:
    """A name's words, lower case, without accents, possessives or punctuation."""
    text = _ascii(name).replace("’", "'").lower()
    text = _PUNCT.sub(" ", text.replace(".", " "))
    return [w.strip("'-") for w in text.split() if w.strip("'-")]


def plain_name(name: str) -> str:
    """A name as written, without the titles in front ("President Trump" → "Trump")."""
    parts = name.split()
    while len(parts) > 1 and all(w in titles() for w in words(parts[0])):
        parts.pop(0)
    return " ".join(parts)


@dataclass(frozen=True)
class NameKey:
    """What a name says about whom it names."""

    kind: str  # person | body | thing (a description or object: "power plant", "regional governor")
    first: str | None  # a person's first name (None for a bare surname)
    last: str  # a person's surname, or a body's normalised name
    roles: tuple[str, ...] = ()  # titles stripped from the front ("president")

    @property
    def slug(self) -> str:
        if self.kind != "person":
            return f"{self.kind}:" + self.last.replace(" ", "-")
        return "person:" + (f"{self.first}-{self.last}" if self.first else self.last)


def body_name(name: str) -> str:
    """A body's name normalised: no leading "the", "Russia's X" read as "Russian X", actor aliases folded."""
    text = _ascii(name).replace("’", "'").strip()
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    match = re.match(r"^(.+?)'s\s+(.+)$", text)
    if match and match.group(1).lower() in country_adjectives():
        text = f"{country_adjectives()[match.group(1).lower()]} {match.group(2)}"
    canonical = actor_aliases().get(text.lower())
    if canonical:
        text = canonical[0]
    return " ".join(words(text))


def name_key(name: str, *, entity_type: str | None = None, role: str | None = None) -> NameKey | None:
    """The key of a speaker or entity name, or None for something that names no one.

    `entity_type` is the article's NER type for the name; "THING" says an unknown name is no
    person unless its words make it a body (used for event actors and targets)."""
    tokens = words(name)
    if not tokens:
        return None
    if _ascii(name).lower().removeprefix("the ").strip() in country_adjectives():
        return NameKey("body", None, body_name(name))  # "Ukraine" is a country, whatever an article's NER typed it
    if entity_type not in PERSON_TYPES and (any(t in body_words() for t in tokens)
                                            or _ascii(name).lower().removeprefix("the ").strip() in actor_aliases()):
        return NameKey("body", None, body_name(name))
    if entity_type in BODY_TYPES:
        return NameKey("body", None, body_name(name))
    if entity_type == "THING" or entity_type in THING_TYPES or (entity_type is None and not all(
            w[:1].isupper() for w in plain_name(name).split() if w.isalpha())):
        return NameKey("thing", None, " ".join(tokens))  # "power plant", "Russian missiles"
    roles = []
    while len(tokens) > 1 and tokens[0] in titles():
        roles.append(tokens.pop(0))
    if role:
        roles.extend(words(role)[-1:])
    parts = [t for t in tokens if len(t) > 1 or t == tokens[-1]]  # middle initials out
    last = _fold(parts[-1])
    first = parts[0] if len(parts) > 1 else None
    return NameKey("person", first, last, tuple(dict.fromkeys(roles)))


@dataclass
class _Entry:
    identity: Identity
    key: NameKey
    role_words: set[str] = field(default_factory=set)
    affiliation_words: set[str] = field(default_factory=set)


class Identities:
    """The corpus's people and bodies; `resolve()` a name in its article's context to an identity id."""

    def __init__(self) -> None:
        self._entries: dict[str, _Entry] = {}
        self._people: dict[tuple[str, str], str] = {}  # (first, last) → id
        self._surnames: dict[str, set[str]] = {}  # last → ids of full-name people
        self._bare: dict[str, list[str]] = {}  # last → ids of surname-only identities
        self._bodies: dict[str, str] = {}  # slug of a body or thing → id
        self.merged: dict[str, str] = {}  # old id → the id it merged into

    # --- lookups -------------------------------------------------------------------------------

    def find(self, identity_id: str | None) -> str | None:
        """The live id an id became (after merges)."""
        while identity_id in self.merged:
            identity_id = self.merged[identity_id]
        return identity_id

    def get(self, identity_id: str | None) -> Identity | None:
        entry = self._entries.get(self.find(identity_id))
        return entry.identity if entry else None

    def all(self) -> list[Identity]:
        """People and bodies (descriptions and objects are keys for linking, not identities)."""
        return [e.identity for e in self._entries.values() if e.key.kind != "thing"]

    def matching(self, query: str) -> set[str]:
        """Ids a user's name query means: a full name its person, a bare surname every such person."""
        key = name_key(query)
        if key is None:
            return set()
        if key.kind != "person":
            found = self._bodies.get(key.slug)
            return {found} if found else set()
        if key.first:
            found = self._people.get((key.first, key.last))
            return {found} if found else set()
        candidates = self._surnames.get(key.last, set()) | set(self._bare.get(key.last, []))
        by_role = {c for c in candidates if set(key.roles) & self._entries[c].role_words}
        return by_role or candidates

    # --- building -----------------------------------------------------------------------------

    def resolve(self, name: str | None, *, entity_type: str | None = None, role: str | None = None,
                affiliation: str | None = None, article_names: dict[str, str] | None = None) -> str | None:
        """The identity id for `name` as one article gives it; `article_names` maps the article's
        own surnames to its full names ("Putin" there means its "Vladimir Putin") and short names
        of bodies to their full names ("ministry" → "Russian Defence Ministry")."""
        if not name:
            return None
        key = name_key(name, entity_type=entity_type, role=role)
        if key is None:
            return None
        if key.kind == "body" and entity_type in BODY_TYPES and len(words(name)) == 1 and (
                key.last in (article_names or {}) or key.last in self._surnames):
            key = name_key(name, entity_type="PERSON", role=role)  # NER read a known surname as an organisation
        if key.kind == "person" and key.first is None and article_names and key.last in article_names:
            key = name_key(article_names[key.last], entity_type="PERSON", role=role) or key
        if key.kind == "body" and article_names and key.last in article_names:
            key = name_key(article_names[key.last]) or key  # "the ministry" → its "Russian Defence Ministry"
        if key.kind != "person":
            identity_id = self._bodies.get(key.slug) or self._new(key, name)
            self._bodies[key.slug] = identity_id
        elif key.first:
            identity_id = self._person(key, name)
        else:
            identity_id = self._surname_only(key, name, role, affiliation)
        self._note(identity_id, name, key, role, affiliation)
        return identity_id

    def _new(self, key: NameKey, name: str) -> str:
        identity_id, n = key.slug, 1
        while identity_id in self._entries or identity_id in self.merged:
            n += 1
            identity_id = f"{key.slug}-{n}"
        display = plain_name(name) if key.kind == "person" else re.sub(r"^the\s+", "", name.strip(), flags=re.I)
        self._entries[identity_id] = _Entry(Identity(identity_id, display, key.kind), key)
        return identity_id

    def _person(self, key: NameKey, name: str) -> str:
        identity_id = self._people.get((key.first, key.last))
        if identity_id:
            return identity_id
        identity_id = self._new(key, name)
        self._people[(key.first, key.last)] = identity_id
        self._surnames.setdefault(key.last, set()).add(identity_id)
        # a surname seen alone before joins this person when no other person has that surname
        if len(self._surnames[key.last]) == 1:
            for bare in self._bare.pop(key.last, []):
                self._merge(bare, identity_id)
        return identity_id

    def _surname_only(self, key: NameKey, name: str, role: str | None, affiliation: str | None) -> str:
        people = self._surnames.get(key.last, set())
        if len(people) == 1:
            return next(iter(people))
        if people:
            roles = set(key.roles) | set(words(role or "")[-1:])
            affiliation_words = set(words(affiliation or ""))
            agreeing = [p for p in people if roles & self._entries[p].role_words
                        or affiliation_words & self._entries[p].affiliation_words]
            if len(agreeing) == 1:
                return agreeing[0]
        bare = self._bare.setdefault(key.last, [])
        if not bare:
            bare.append(self._new(key, name))
        return bare[0]

    def _merge(self, old: str, new: str) -> None:
        source, target = self._entries.pop(old), self._entries[new]
        self.merged[old] = new
        target.role_words |= source.role_words
        target.affiliation_words |= source.affiliation_words
        for alias in source.identity.aliases:
            if alias not in target.identity.aliases:
                target.identity.aliases.append(alias)
        for role in source.identity.roles:
            if role not in target.identity.roles:
                target.identity.roles.append(role)
        target.identity.affiliation = target.identity.affiliation or source.identity.affiliation

    def _note(self, identity_id: str, name: str, key: NameKey, role: str | None, affiliation: str | None) -> None:
        entry = self._entries[identity_id]
        identity = entry.identity
        name = " ".join(name.split())
        if name not in identity.aliases:
            identity.aliases.append(name)
        plain = plain_name(name)
        if key.kind == "person" and key.first and len(words(plain)) > len(words(identity.name)):
            identity.name = plain  # the fullest plain form ("Vladimir Vladimirovich Putin")
        for r in [*( [role] if role else []), *key.roles]:
            if r and r.lower() not in (x.lower() for x in identity.roles):
                identity.roles.append(r)
        entry.role_words |= set(key.roles) | set(words(role or "")[-1:])
        if affiliation:
            entry.affiliation_words |= set(words(affiliation))
            identity.affiliation = identity.affiliation or affiliation

    # --- persistence ----------------------------------------------------------------------------

    def dump(self) -> list[dict]:
        """Every identity (with its name key and the words roles are matched on) and every merge, as rows."""
        rows = [{**entry.identity.to_dict(), "merged_into": None,
                 "key": {"kind": entry.key.kind, "first": entry.key.first, "last": entry.key.last,
                         "roles": list(entry.key.roles)},
                 "role_words": sorted(entry.role_words), "affiliation_words": sorted(entry.affiliation_words)}
                for entry in self._entries.values()]
        rows += [{"id": old, "merged_into": new} for old, new in self.merged.items()]
        return rows

    @classmethod
    def load(cls, rows: list[dict]) -> "Identities":
        """The identities `dump()` gave, ready to resolve more names."""
        self = cls()
        for row in rows:
            if row.get("merged_into"):
                self.merged[row["id"]] = row["merged_into"]
                continue
            k = row["key"]
            key = NameKey(k["kind"], k["first"], k["last"], tuple(k["roles"]))
            identity = Identity(row["id"], row["name"], row["kind"], list(row["aliases"]), list(row["roles"]),
                                row.get("affiliation"), row.get("country"))
            self._entries[row["id"]] = _Entry(identity, key, set(row["role_words"]), set(row["affiliation_words"]))
            if key.kind != "person":
                self._bodies[key.slug] = row["id"]
            elif key.first:
                self._people[(key.first, key.last)] = row["id"]
                self._surnames.setdefault(key.last, set()).add(row["id"])
            else:
                self._bare.setdefault(key.last, []).append(row["id"])
        return self

    def key_of(self, identity_id: str) -> NameKey | None:
        entry = self._entries.get(self.find(identity_id))
        return entry.key if entry else None
