"""Resolve speaker mentions to one canonical person or body, with role and affiliation.

* Names: all PERSON mentions whose words are contained in a longer name ("Putin" in
  "Vladimir Putin") share that longest form as canonical name.
* Roles and affiliations come from premodifiers ("Russian Foreign Ministry spokeswoman Maria
  Zakharova" → spokeswoman / Russian Foreign Ministry) and appositives ("Dmitry Peskov, the
  Kremlin spokesman").
* Pronouns (he, she, they) go to the most recent fitting person or body; descriptions
  ("the Russian president", "the spokeswoman") to the person earlier given that role.
* Vague sources ("officials", "a source", "military experts") are flagged.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Span, Token

from .lexicon import PERSONAL_PRONOUNS, ROLE_NOUNS, VAGUE_HEADS

NAMED = ("PERSON", "ORG", "GPE", "NORP", "FAC", "LOC")
TITLE_WORDS = frozenset("mr mrs ms dr sen rep gov gen lt col adm prof president premier minister secretary chairman".split())
COURTESY_TITLES = frozenset("gen lt col maj capt adm dr mr mrs ms prof sgt".split())
# Government portfolios that belong to the office they precede: "Defence Minister", "Foreign Secretary".
PORTFOLIOS = frozenset("""
defence defense foreign interior home finance health justice trade economy economic education energy
agriculture transport culture labour labor environment prime deputy vice chief
""".split())
PREMODIFIER_DEPS = ("compound", "amod", "poss", "case", "nmod", "nummod", "punct")


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    data = json.loads(resources.files("presslens.data").joinpath("demonyms.json").read_text(encoding="utf-8"))
    data.pop("_about", None)
    return data


def country_of(adjective: str) -> str | None:
    return demonyms().get(adjective.lower().strip())


@dataclass
class Person:
    """A person named in the article: canonical name, role, affiliation and where they appear."""

    name: str
    role: str | None = None
    affiliation: str | None = None
    first: int = 0
    mentions: list[tuple[int, int]] = None

    def __post_init__(self):
        if self.mentions is None:
            self.mentions = []


@dataclass
class ResolvedSpeaker:
    name: str | None
    mention: tuple[int, int] | None
    role: str | None
    affiliation: str | None
    vague: bool
    kind: str  # person | body | vague | unknown


def _clean_name(span: Span) -> str:
    """A name without leading determiners and titles, trailing punctuation or possessive marks."""
    toks = list(span)
    while len(toks) > 1 and (toks[0].pos_ == "DET" or toks[0].lower_.rstrip(".") in TITLE_WORDS | ROLE_NOUNS):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].tag_ == "POS"):
        toks = toks[:-1]
    # a possessive inside ("Norland’s Foreign Ministry") keeps the space that followed it
    return "".join(t.text_with_ws if t.tag_ != "POS" else t.whitespace_ for t in toks).strip()


def _split_role(tokens: list[Token]) -> tuple[str | None, str | None]:
    """Split a description into (role, affiliation): the trailing common-noun/title words are
    the role, what precedes them the affiliation."""
    toks = [t for t in tokens if not (t.pos_ == "DET" or t.tag_ == "POS" or t.is_punct or t.is_space)]
    if not toks:
        return None, None
    # a military or courtesy title after the office ("Defence Minister Gen.") is not the role
    while len(toks) > 1 and toks[-1].lower_.rstrip(".") in COURTESY_TITLES and toks[-2].lower_ in ROLE_NOUNS:
        toks = toks[:-1]
    cut = len(toks)
    while cut > 0:
        t = toks[cut - 1]
        lowered = t.lower_.rstrip(".")
        common = t.pos_ in ("NOUN", "ADJ") and not t.ent_type_ and (t.is_lower or t.i == t.sent.start and lowered in ROLE_NOUNS)
        portfolio = lowered in PORTFOLIOS and cut < len(toks) and toks[cut].lower_ in ROLE_NOUNS
        if common or portfolio or lowered in ROLE_NOUNS or lowered in TITLE_WORDS:
            cut -= 1
            continue
        break
    role_toks, aff_toks = toks[cut:], toks[:cut]
    role = " ".join(t.text for t in role_toks) or None
    aff = " ".join(t.text for t in aff_toks) or None
    if aff and country_of(aff):
        aff = country_of(aff)
    # "spokesman for the Kremlin": affiliation from a for/of phrase
    if role_toks:
        for prep in role_toks[-1].children:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "of", "at"):
                objs = [c for c in prep.children if c.dep_ == "pobj"]
                if objs and (objs[0].ent_type_ or objs[0].pos_ == "PROPN"):
                    aff = _clean_name(objs[0].doc[objs[0].left_edge.i : objs[0].right_edge.i + 1])
    return role, aff


def _description_of(ent: Span) -> list[Token]:
    """Tokens describing a named person: premodifiers, or the noun phrase it is in apposition to."""
    doc = ent.doc
    root = ent.root
    if root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head
        return [t for t in head.subtree if t.i < ent.start and t.i >= head.left_edge.i and t.dep_ not in ("relcl",)]
    desc = []
    i = ent.start - 1
    while i >= 0 and _in_phrase(doc[i], i, ent) and not doc[i].is_space:
        if doc[i].is_punct and doc[i].text not in ("-",):
            break
        desc.insert(0, doc[i])
        i -= 1
    if not desc:
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i:
                return [t for t in child.subtree if t.dep_ not in ("relcl", "acl") and t.i <= child.i + 8]
    return desc


def _in_phrase(tok: Token, left: int, ent: Span) -> bool:
    """Whether `tok` premodifies `ent`: a chain of modifier relations, staying left of the
    name's end, leads from it to the name."""
    node, steps = tok, 0
    while node.i != ent.root.i and steps < 6:
        if node.dep_ not in PREMODIFIER_DEPS or not (node.head.i < ent.end) or node.head.i == node.i:
            return False
        node, steps = node.head, steps + 1
    return node.i == ent.root.i


def person_registry(doc: Doc) -> list[Person]:
    """Every person named in `doc`, mentions merged under the fullest form of the name."""
    ents = [e for e in doc.ents if e.label_ == "PERSON"]
    names = [(_clean_name(e), e) for e in ents]
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
        role, aff = _split_role(_description_of(ent))
        if role and not match.role:
            match.role, match.affiliation = role, aff
    return people


def _person_named(people: list[Person], span: Span) -> Person | None:
    proper = {t.text for t in span if t.pos_ == "PROPN"}
    if proper and span.root.pos_ == "PROPN":  # a surname the NER missed: "Halden told reporters"
        for p in people:
            if proper <= set(p.name.split()):
                return p
    for ent in span.ents:
        if ent.label_ == "PERSON":
            name = _clean_name(ent)
            words = set(name.split())
            for p in people:
                if words and words <= set(p.name.split()):
                    return p
    return None


def _person_described(people: list[Person], span: Span) -> Person | None:
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


def is_vague(span: Span) -> bool:
    """No named person, and a head (or a coordinated head: "DPRK and Russian officials") that
    names no one in particular."""
    if any(e.label_ == "PERSON" for e in span.ents):
        return False
    heads = [span.root] + [t for t in span if t.dep_ == "conj" and t.head.i == span.root.i]
    return any(h.pos_ != "PROPN" and (h.lemma_.lower() in VAGUE_HEADS or h.lower_ in VAGUE_HEADS) for h in heads)


class SpeakerResolver:
    """Resolves speaker spans in text order, remembering who spoke last for pronouns."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.people = person_registry(doc)
        self.history: list[tuple[int, ResolvedSpeaker]] = []

    def _antecedent(self, pronoun: Token) -> ResolvedSpeaker | None:
        lower = pronoun.lower_
        before = [(pos, s) for pos, s in self.history if pos < pronoun.idx]
        if lower in ("he", "she", "him", "her"):
            # the latest person, speaker or subject, before the pronoun
            last_person_speaker = next((s for pos, s in reversed(before) if s.kind == "person"), None)
            last_person_speaker_pos = next((pos for pos, s in reversed(before) if s.kind == "person"), -1)
            subjects = [e for e in self.doc.ents if e.label_ == "PERSON" and e.end_char <= pronoun.idx and e.root.dep_ in ("nsubj", "nsubjpass", "appos", "compound")]
            if subjects and subjects[-1].start_char > last_person_speaker_pos:
                person = _person_named(self.people, subjects[-1])
                if person is not None:
                    return ResolvedSpeaker(person.name, None, person.role, person.affiliation, False, "person")
            return last_person_speaker
        if lower in ("they", "them", "it"):
            return next((s for pos, s in reversed(before) if s.kind in ("body", "vague")), None)
        return None

    def _unrecognised_person(self, span: Span) -> Person | None:
        """"ministry spokesperson Irena Vask" where the NER missed the name: title-case proper
        nouns ending the phrase, right after a role noun, name a person (remembered for later
        mentions such as "Vask added")."""
        toks = [t for t in span if not t.is_punct]
        end = len(toks)
        start = end
        while start > 0 and toks[start - 1].pos_ == "PROPN" and toks[start - 1].is_title:
            start -= 1
        if start == end or start == 0 or toks[start - 1].lower_ not in ROLE_NOUNS or end - start > 4:
            return None
        name = " ".join(t.text for t in toks[start:end])
        role, aff = _split_role(toks[:start])
        person = Person(name, role, aff, first=toks[start].idx, mentions=[(toks[start].idx, toks[end - 1].idx + len(toks[end - 1]))])
        self.people.append(person)
        return person

    def latest_mention(self, name: str, before: int) -> tuple[int, int] | None:
        """The last place before `before` where the text names (or refers to) speaker `name`."""
        spans = [m for p in self.people if p.name == name for m in p.mentions if m[1] <= before]
        spans += [s.mention for pos, s in self.history if s.name == name and s.mention and s.mention[1] <= before]
        return max(spans, default=None)

    def resolve(self, span: Span | None) -> ResolvedSpeaker:
        if span is None:
            return ResolvedSpeaker(None, None, None, None, False, "unknown")
        mention = (span.start_char, span.end_char)
        head = span.root
        resolved: ResolvedSpeaker | None = None
        if len(span) == 1 and head.lower_ in PERSONAL_PRONOUNS:
            ante = self._antecedent(head)
            if ante is not None:
                resolved = ResolvedSpeaker(ante.name, mention, ante.role, ante.affiliation, ante.vague, ante.kind)
            else:
                resolved = ResolvedSpeaker(None, mention, None, None, False, "unknown")
        if resolved is None:
            person = _person_named(self.people, span) or _person_described(self.people, span)
            if person is not None:
                role, aff = person.role, person.affiliation
                local = [t for t in span if not t.ent_type_ == "PERSON"]
                if any(e.label_ == "PERSON" for e in span.ents) and local:
                    ent = next(e for e in span.ents if e.label_ == "PERSON")
                    r, a = _split_role(_description_of(ent))
                    role, aff = r or role, a or aff
                resolved = ResolvedSpeaker(person.name, mention, role, aff, False, "person")
        if resolved is None:
            person = self._unrecognised_person(span)
            if person is not None:
                resolved = ResolvedSpeaker(person.name, mention, person.role, person.affiliation, False, "person")
        if resolved is None:
            vague = is_vague(span)
            coordinated = any(t.dep_ == "conj" for t in span)
            named = [e for e in span.ents if e.label_ in NAMED and e.root.i == head.i and not coordinated]
            name = _clean_name(named[0]) if named else _clean_name(span)
            resolved = ResolvedSpeaker(name or span.text, mention, None, None, vague, "vague" if vague else "body")
        self.history.append((span.start_char, resolved))
        return resolved
