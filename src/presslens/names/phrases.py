"""From a phrase to a name, a role and an affiliation.

`clean_name` strips determiners, titles and possessive marks ("President Vladimir Putin's" →
"Vladimir Putin"); `split_role` reads a description as role + affiliation ("Russian Foreign
Ministry spokeswoman" → spokeswoman / Russian Foreign Ministry); `description_of` finds the words
that describe a named person (premodifiers or an appositive: "Dmitry Peskov, the Kremlin spokesman");
`title_before` reads a capitalised title written before a name with its own "of" and "to" phrases
("President of Russia Vladimir Putin", "Russian Ambassador to Havana Viktor Koronelli");
`person_in_title` the person at the end of a name the parser ran on from a title's "of" phrase
("Prime Minister of [Norland Erik Dalberg]" → Erik Dalberg).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..entities.geocode import well_known_place

from .vocabulary import BODY_NOUNS, COURTESY_TITLES, HEADLINE_VERBS, HONORIFICS, PORTFOLIOS, ROLE_NOUNS, TITLE_CONNECTORS, TITLE_WORDS, country_of

PREMODIFIER_DEPS = ("compound", "amod", "poss", "case", "nmod", "nummod", "punct")


def clean_name(span: Span) -> str:
    """A name without leading determiners and titles, trailing punctuation or possessive marks."""
    toks = list(span)
    while len(toks) > 1 and (toks[0].pos_ == "DET" or toks[0].lower_.rstrip(".") in TITLE_WORDS | ROLE_NOUNS):
        toks = toks[1:]
    # "Obama Says", "Glenn Beck Blasts Drudge": a headline's verb and what follows are no name
    verb = next((k for k, t in enumerate(toks) if k > 0 and t.lower_ in HEADLINE_VERBS and t.is_title), None)
    if verb is not None:
        toks = toks[:verb]
    while toks and (toks[-1].is_punct or toks[-1].tag_ == "POS"):
        toks = toks[:-1]
    # a possessive inside ("Norland’s Foreign Ministry") keeps the space that followed it
    return "".join(t.text_with_ws if t.tag_ != "POS" else t.whitespace_ for t in toks).strip()


def split_role(tokens: list[Token]) -> tuple[str | None, str | None]:
    """Split a description into (role, affiliation): the trailing common-noun/title words are
    the role, what precedes them the affiliation."""
    toks = [t for t in tokens if not (t.pos_ == "DET" or t.tag_ == "POS" or t.is_punct or t.is_space)]
    if not toks:
        return None, None
    # a military or courtesy title after the office ("Defence Minister Gen.") is not the role
    while len(toks) > 1 and toks[-1].lower_.rstrip(".") in COURTESY_TITLES and toks[-2].lower_ in ROLE_NOUNS:
        toks = toks[:-1]
    # "spokeswoman of the Belarusian leader": a lower-case role noun with its own of/for phrase is
    # the role; the phrase after it is whom the role serves, never the role
    serves = next((k for k, t in enumerate(toks[:-1]) if t.is_lower and t.lower_ in ROLE_NOUNS
                   and toks[k + 1].dep_ == "prep" and toks[k + 1].head.i == t.i and toks[k + 1].lower_ in ("of", "for", "at", "to")), None)
    if serves is not None:
        toks = toks[:serves + 1]
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
    if all(t.lower_.rstrip(".") in HONORIFICS for t in role_toks):
        role_toks = []  # "Mr", "Sen.": an honorific is no role
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
                    aff = clean_name(objs[0].doc[objs[0].left_edge.i : objs[0].right_edge.i + 1])
    return role, aff


def description_of(ent: Span) -> list[Token]:
    """Tokens describing a named person: premodifiers, else the noun phrase it is in apposition to
    ("…, killing 11 civilians, regional governor X": the name's own title, not the noun before)."""
    doc = ent.doc
    root = ent.root
    desc = []
    i = ent.start - 1
    while i >= 0 and _premodifies(doc[i], ent) and not doc[i].is_space:
        if doc[i].is_punct and doc[i].text not in ("-",):
            break
        desc.insert(0, doc[i])
        i -= 1
    if not desc and root.dep_ == "appos" and root.head.i < ent.start:
        head = root.head
        return [t for t in head.subtree if t.i < ent.start and t.i >= head.left_edge.i and t.dep_ not in ("relcl",)]
    if not desc:
        for child in root.children:
            if child.dep_ == "appos" and child.i > root.i:
                return [t for t in child.subtree if t.dep_ not in ("relcl", "acl") and t.i <= child.i + 8]
    return desc


def _premodifies(tok: Token, ent: Span) -> bool:
    """Whether `tok` premodifies `ent`: a chain of modifier relations, staying left of the
    name's end, leads from it to the name."""
    node, steps = tok, 0
    while node.i != ent.root.i and steps < 6:
        if node.dep_ not in PREMODIFIER_DEPS or not (node.head.i < ent.end) or node.head.i == node.i:
            return False
        node, steps = node.head, steps + 1
    return node.i == ent.root.i


def title_before(ent: Span) -> tuple[str | None, str | None]:
    """(role, affiliation) of a title in capitals right before a name: "President of Russia" →
    President of Russia / Russia; "Russian Ambassador to Havana" → Ambassador to Havana / Russia."""
    doc = ent.doc
    toks: list[Token] = []
    i = ent.start - 1
    while i >= ent.sent.start:
        t = doc[i]
        low = t.lower_
        capital = t.is_title or (t.is_upper and len(t) > 1)
        if t.is_space or (t.ent_type_ == "PERSON" and not well_known_place(t.text)) or not (low in TITLE_CONNECTORS or capital):
            break
        toks.insert(0, t)
        i -= 1
    while toks and (toks[0].lower_ in TITLE_CONNECTORS or toks[0].pos_ == "DET"):
        toks = toks[1:]
    first_role = next((k for k, t in enumerate(toks) if t.lower_ in ROLE_NOUNS), None)
    if first_role is None or all(t.lower_.rstrip(".") in HONORIFICS for t in toks):
        return None, None
    before, title = toks[:first_role], toks[first_role:]
    cut = next((k + 1 for k in range(len(before) - 1, -1, -1) if before[k].pos_ in ("VERB", "ADP", "SCONJ")), 0)
    before = before[cut:]  # "According to Prime Minister …": the words of the clause before the title are no affiliation
    role = " ".join(t.text for t in title)
    if before:
        text = " ".join(t.text for t in before)
        return role, country_of(text) or text
    proper = [t for t in title if not t.lower_ in ROLE_NOUNS and t.lower_ not in TITLE_CONNECTORS and t.pos_ == "PROPN"]
    if proper:
        last = proper[-1]
        start = last
        while start.i - 1 >= title[0].i and doc[start.i - 1].pos_ == "PROPN" and doc[start.i - 1].lower_ not in ROLE_NOUNS:
            start = doc[start.i - 1]
        text = doc[start.i : last.i + 1].text
        return role, country_of(text) or text
    return role, None


def person_in_title(ent: Span) -> Span | None:
    """The person an entity ends in when it follows a title's connector: "Prime Minister of [Norway
    Erik Dalberg]", "leader of [the Green faction Ida Brun]" (tagged ORG or PERSON) → Erik Dalberg,
    Ida Brun — two or more capitalised proper nouns at its end, after a country or place, a body
    word or a lower-case word; None for any other entity."""
    doc = ent.doc
    if ent.start == 0 or doc[ent.start - 1].lower_ not in TITLE_CONNECTORS - {"and", "the"}:
        return None
    title = doc[ent.start - 2] if ent.start >= 2 else None
    if title is None or title.lower_.rstrip(".") not in ROLE_NOUNS | TITLE_WORDS:
        return None
    end = ent.end
    while end > ent.start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    start = end
    while start > ent.start:
        t = doc[start - 1]
        if t.text in ("-", "‐") and start - 1 > ent.start and doc[start - 2].is_title:
            start -= 1  # "Kassym-Jomart": a hyphenated given name
            continue
        low = t.lower_.rstrip(".")
        if t.pos_ != "PROPN" or not t.is_title or low in TITLE_WORDS | ROLE_NOUNS | BODY_NOUNS | HONORIFICS or country_of(t.text) \
                or well_known_place(t.text):
            break
        start -= 1
    names = [t for t in doc[start:end] if t.is_alpha]
    if start == ent.start or len(names) < 2:
        return None
    before = doc[start - 1]
    if not (country_of(before.text) or before.ent_type_ in ("GPE", "LOC") or before.lower_ in BODY_NOUNS
            or before.is_lower or well_known_place(before.text)):
        return None
    return doc[start:end]
