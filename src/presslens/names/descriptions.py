"""Descriptions of people — "the Russian leader", "the head of state", "Russia's top diplomat",
"the Adviser to the President", "the parties" — read as role + affiliation, and matched to the
person named in the article whose title fits, by the role-equivalence table in `names.json`
("head of state" ~ president; "top diplomat" ~ foreign minister)."""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from .registry import Person
from .vocabulary import (
    COLLECTIVE_NOUNS,
    COLLECTIVE_QUANTIFIERS,
    LEADING_COLLECTIVES,
    PRINCIPAL_ROLES,
    ROLE_EQUIVALENCES,
    ROLE_FUNCTION_WORDS,
    ROLE_NOUNS,
    TITLE_CONNECTORS,
    country_of,
)

MODIFIER_DEPS = ("compound", "amod", "nmod")


@dataclass(frozen=True)
class Description:
    """What a description says: its words without determiner, the role words, the titles that
    fit them, the affiliation, and — for "the parties", "both leaders" — how many it names."""

    text: str
    role: str
    fits: tuple[str, ...]
    affiliation: str | None = None
    collective: int | None = None  # None: one person; 0: all participants; n: n of them


def _words(text: str) -> set[str]:
    return {w for w in text.lower().replace("-", " ").split() if w not in ROLE_FUNCTION_WORDS}


def _affiliation(span: Span, skip: set[int]) -> str | None:
    """"Russian" → Russia; "Russia's" → Russia; "of Russia", "of the European Council" → the name."""
    for t in span:
        if t.i not in skip and t.dep_ in ("amod", "compound", "nmod") and country_of(t.text):
            return country_of(t.text)
    for t in span:
        if t.dep_ == "poss" and t.pos_ == "PROPN":
            return country_of(t.text) or t.text
    for t in span:
        if t.dep_ == "pobj" and t.i not in skip and (t.pos_ == "PROPN" or t.ent_type_) and t.lower_ not in ROLE_NOUNS:
            words = [w for w in t.subtree if w.pos_ != "DET"]
            text = " ".join(w.text for w in words)
            return country_of(text) or text
    return None


def read_description(span: Span) -> Description | None:
    """The description a phrase is, or None when it names someone ("Putin") or is no description."""
    head = span.root
    if head.lower_ not in ROLE_NOUNS and head.lower_ not in COLLECTIVE_NOUNS:
        return None  # every description is headed by a role or collective noun ("head of state": "head")
    if any(t.ent_type_ == "PERSON" and t.lower_ not in ROLE_NOUNS for t in span):
        return None  # (a title the parser took for a name, "Adviser", is still a description)
    toks = [t for t in span if not t.is_space and not t.is_punct]
    quantity = next((COLLECTIVE_QUANTIFIERS[t.lower_] for t in toks if t.lower_ in COLLECTIVE_QUANTIFIERS), None)
    while toks and (toks[0].pos_ in ("DET", "PRON") or toks[0].tag_ == "PRP$" or toks[0].lower_ in COLLECTIVE_QUANTIFIERS):
        toks = toks[1:]
    if not toks:
        return None
    text = span.doc[toks[0].i : toks[-1].i + 1].text  # (Doc.text is rebuilt on every access)
    if head.lower_ in COLLECTIVE_NOUNS and all(t.i == head.i or t.like_num for t in toks):
        return Description(text, head.lower_, (), None, quantity or 0)
    lowered = " ".join(t.lower_ for t in toks)
    key = max((k for k in ROLE_EQUIVALENCES if f" {k} " in f" {lowered} "), key=len, default=None)
    key_tokens: set[int] = set()
    if key is not None:
        n = len(key.split())
        for i in range(len(toks) - n + 1):
            if " ".join(t.lower_ for t in toks[i : i + n]) == key:
                key_tokens = {t.i for t in toks[i : i + n]}
                break
    if key is None:
        if head.lower_ not in ROLE_NOUNS or head.pos_ not in ("NOUN", "PROPN"):
            return None
        portfolio = [t for t in toks if t.head.i == head.i and t.i < head.i and t.dep_ in MODIFIER_DEPS
                     and not country_of(t.text) and not t.ent_type_ and t.pos_ in ("NOUN", "ADJ", "PROPN")]
        role = " ".join([t.lower_ for t in portfolio] + [head.lower_])
        key_tokens = {t.i for t in portfolio} | {head.i}
        fits = ROLE_EQUIVALENCES.get(role) or (role,)
    else:
        role, fits = key, ROLE_EQUIVALENCES[key]
    return Description(text, role, tuple(fits), _affiliation(span, key_tokens))


def role_fits(description: Description, person: Person) -> bool:
    """Whether a person's title fits the description: all words of one of its fitting titles."""
    if not person.role:
        return False
    words = _words(person.role)
    return any(_words(term) <= words for term in description.fits)


def affiliation_fit(description: Description, person: Person) -> int:
    """2: the same affiliation; 1: one side does not say; 0: different."""
    a, b = description.affiliation, person.affiliation
    if a and person.role and _words(a) <= _words(person.role):
        return 2  # "the Head of the Office" ~ "Head of the Office of the President of Ukraine"
    if not a or not b:
        return 1
    return 2 if same_body(a, b) else 0


def same_body(a: str, b: str) -> bool:
    """"Russia" ~ "Russian" ~ "Russian Federation"; "US" is not "Russia"."""
    a, b = (country_of(a) or a).lower(), (country_of(b) or b).lower()
    wa, wb = _words(a), _words(b)
    return a == b or bool(wa and wb and (wa <= wb or wb <= wa)) or (min(len(a), len(b)) >= 5 and a[:5] == b[:5])


def may_be_principal(description: Description) -> bool:
    """Descriptions of the offices a document's principal holds ("the President", "the head of state")."""
    return any(term in PRINCIPAL_ROLES for term in description.fits)


def refers_to(description: Description, people: list[Person], at: int, principal: Person | None,
              excluded: set[str] = frozenset(), office: Description | None = None) -> Person | None:
    """The person a description refers to at offset `at`: one whose title fits and whose affiliation
    agrees — the same affiliation first, then the document's principal, then the one mentioned
    last before `at`; `excluded` names people it cannot be (those named inside the statement).
    The principal of an office's own release (`office`) has that office's affiliation when the text
    gives none ("President of France" is not the principal of the President of Russia's site)."""
    people = [p for p in people if p.name not in excluded]
    fitting = [(affiliation_fit(description, p), p) for p in people if role_fits(description, p)]
    fitting = [(score, p) for score, p in fitting if score]
    exact = [p for score, p in fitting if score == 2]
    if exact:
        return _latest(exact, at)
    if principal is not None and principal.name not in excluded and may_be_principal(description) \
            and (principal.role is None or role_fits(description, principal)) and _principal_fit(description, principal, office):
        return principal
    return _latest([p for _, p in fitting], at)


def _principal_fit(description: Description, principal: Person, office: Description | None) -> int:
    """`affiliation_fit` of the principal, whose affiliation is its office's when the text gives none."""
    if principal.affiliation is None and office is not None and office.affiliation and description.affiliation:
        return 2 if same_body(description.affiliation, office.affiliation) else 0
    return affiliation_fit(description, principal)


def _latest(people: list[Person], at: int) -> Person | None:
    """The one mentioned last before `at`, else the first mentioned after it."""
    before = [(max((m[0] for m in p.mentions if m[0] < at), default=-1), p) for p in people]
    named_before = [(pos, p) for pos, p in before if pos >= 0]
    if named_before:
        return max(named_before, key=lambda x: x[0])[1]
    return min(people, key=lambda p: p.first, default=None)


def participants(people: list[Person], at: int, principal: Person | None, count: int,
                 collective: str | None = None) -> list[Person]:
    """Who "the parties" / "both leaders" are at offset `at`: the principal first, then the people
    named most before `at` (full names only), `count` of them (0: two). "The presidents" and
    "the ministers" are never people whose stated role is another ("spokeswoman"); "the leaders"
    and "the heads" are never people whose stated role is no leader's."""
    named = [p for p in people if len(p.name.split()) >= 2 and any(m[0] < at for m in p.mentions)
             and _may_be_one_of(p, collective)]
    named.sort(key=lambda p: (-len(p.mentions), p.first))
    chosen = named[: count or 2]
    if principal is not None and principal in named and principal not in chosen:
        chosen = [principal] + chosen[:-1]
    chosen.sort(key=lambda p: (p is not principal, p.first))
    return chosen


def _may_be_one_of(person: Person, collective: str | None) -> bool:
    """Whether `person` may be one of "the <collective>" (a role-free collective takes anyone)."""
    if not person.role or not collective:
        return True
    role = _words(person.role)
    if collective in LEADING_COLLECTIVES:
        return any(_words(term) <= role for term in PRINCIPAL_ROLES)
    singular = collective[:-1] if collective.endswith("s") else collective
    if singular in ROLE_NOUNS:
        return singular in role or any(_words(term) <= role for term in ROLE_EQUIVALENCES.get(singular, ()))
    return True


def describe_office(text: str) -> Description | None:
    """An office written as plain text, such as an outlet that is an office's own website:
    "President of Ukraine" → president / Ukraine; None when it names no office."""
    words = text.split()
    lowered = [w.lower() for w in words]
    at = next((i for i, w in enumerate(lowered) if w in ROLE_NOUNS), None)
    if at is None:
        return None
    end = next((i for i in range(at + 1, len(words)) if lowered[i] in TITLE_CONNECTORS), len(words))
    role = " ".join(lowered[: end])
    role = next((k for k in ROLE_EQUIVALENCES if k == role), lowered[at])
    rest = [w for w, low in zip(words[end:], lowered[end:]) if low not in TITLE_CONNECTORS]
    affiliation = " ".join(rest) or None
    if affiliation:
        affiliation = country_of(affiliation) or affiliation
    return Description(text, role, tuple(ROLE_EQUIVALENCES.get(role) or (role,)), affiliation)


def document_principal(people: list[Person], office: Description | None, lead_end: int | None = None) -> Person | None:
    """The person a document is about or speaks for.  When its outlet is an office ("President of
    Russia"), the holder of that office: the person whose title and affiliation agree with it, else
    among the untitled and agreeing ones named in the lead (before `lead_end`: "Vladimir Putin had
    a telephone conversation …") the most often named — a speech that never names its speaker has
    none.  Otherwise the most often named full name, the first named winning a tie."""
    full = [p for p in people if len(p.name.split()) >= 2]
    if office is not None:
        agreeing = [p for p in full if affiliation_fit(office, p) and (p.role is None or role_fits(office, p))]
        exact = [p for p in agreeing if role_fits(office, p) and affiliation_fit(office, p) == 2]
        if not exact and lead_end is not None:
            agreeing = [p for p in agreeing if p.first < lead_end]
        full = exact or agreeing
    return min(full, key=lambda p: (-len(p.mentions), p.first), default=None)
