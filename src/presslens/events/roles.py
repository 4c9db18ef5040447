"""Parse primitives that ordinary (`extract.py`) and referred (`referred.py`) events share.

Each module keeps its own rules for who acts and who is acted on (a referred act reads its actor
from the frame that names it); these helpers are the pieces both read the parse with: a verb's own
subject or `by` agent, the object of a preposition, the first prepositional object among a word's
children, the character span of an evidence clause within its sentence, a participle or relative
clause read with its noun as verb + object, the transfer of arms or aid ("the provision of weapons"),
the time adjunct an event noun sets a scene in ("after the talks in Istanbul"), and the city that
names where talks or an agreement were held ("the Minsk agreements": a venue, never an actor).
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from ..entities.actors import country_code
from ..entities.geocode import well_known_place
from .lexicon import lexicon, words

_W = words("en")  # the English words of the rules: data/lang/en/events.json
SUBJECT_DEPS = ("nsubj", "csubj")
DATE_ENTITIES = ("DATE", "TIME")


def venue_compound(noun: Token, tok: Token) -> bool:
    """Whether `tok`, a proper-noun compound of `noun`, is the city talks or an agreement were held
    or signed in ("the Minsk agreements", "the Geneva talks") rather than who acts: `noun` one of
    `venue_nouns`, `tok` a city the gazetteer knows (100,000 people or more) and no country."""
    return (tok.dep_ == "compound" and noun.lemma_.lower() in _W["venue_nouns"]
            and well_known_place(tok.text, 100_000) and not country_code(tok.text))


def pobj_of(prep: Token) -> Token | None:
    """The object of a preposition ('against' → 'Russia')."""
    return next((g for g in prep.children if g.dep_ == "pobj"), None)


def own_subject(verb: Token) -> Token | None:
    """The verb's own subject (`nsubj`, `csubj`), else the object of its `by` agent: the first of
    them among its children, as the parse orders them."""
    for c in verb.children:
        if c.dep_ in SUBJECT_DEPS:
            return c
        if c.dep_ == "agent":
            pobj = pobj_of(c)
            if pobj is not None:
                return pobj
    return None


def prep_object(children: Iterable[Token], preps, exclude_i: int, pos: tuple[str, ...]) -> Token | None:
    """The first object of a preposition in `preps` (a `prep` or `dative` child) that is a noun of
    `pos`, not the token at `exclude_i` (the actor), no date ("arrived on Tuesday") and no measure
    ("advanced at a distance of 5 km")."""
    for c in children:
        if c.dep_ in ("prep", "dative") and c.lower_ in preps:
            pobj = pobj_of(c)
            if (pobj is not None and pobj.i != exclude_i and pobj.pos_ in pos and pobj.ent_type_ not in DATE_ENTITIES
                    and pobj.lemma_.lower() not in _W["measure_nouns"]):
                return pobj
    return None


def scene_preposition(noun: Token) -> Token | None:
    """The time preposition ("after", "during", "following": `temporal_preps`) of the adjunct an event
    noun sits in, through `of` phrases ("after five days of fighting"), else None; a noun that names
    what it struck ("following the shelling of its embassy") is told for its own sake: None."""
    if any(c.dep_ == "prep" and c.lower_ == _W["markers"]["of"] for c in noun.children):
        return None
    v = noun
    while v.dep_ == "pobj":
        prep = v.head
        if prep.lower_ in _W["temporal_preps"]:
            return prep
        if prep.lower_ != _W["markers"]["of"] or prep.head.pos_ not in ("NOUN", "PROPN"):
            return None
        v = prep.head
    return None


def clause_offsets(doc: Doc, sent: Span, left: int, right: int) -> tuple[int, int]:
    """Character offsets of tokens `left`..`right` kept inside the sentence, trailing punctuation off."""
    left, right = max(left, sent.start), min(right, sent.end - 1)
    while right > left and doc[right].is_punct:
        right -= 1
    return doc[left].idx, doc[right].idx + len(doc[right].text)


def participle_type(verb: Token) -> tuple[str | None, Token | None]:
    """A past participle on a noun read as verb + object: "the Treaty …, signed in Moscow" is
    "sign treaty", "a joint statement signed after the talks" "sign statement", and so is a relative
    clause whose relative word is the object ("the Treaty, which was signed") → (type, the noun),
    by the verb + object pairs only (a bare participle names no act: "the so-called republics")."""
    head = verb.head
    if head.pos_ not in ("NOUN", "PROPN"):
        return None, None
    if verb.dep_ == "relcl":  # "the Treaty, which was signed in Moscow": the relative word stands for the noun
        if not any(c.dep_ in ("nsubjpass", "dobj") and c.lower_ in _W["markers"]["relative_objects"] for c in verb.children):
            return None, None
    elif verb.dep_ != "acl" or verb.tag_ != "VBN":
        return None, None
    pairs = lexicon()["verb_object"]
    lemma = verb.lemma_.lower()
    for key in (f"{lemma} {head.lemma_.lower()}", f"{lemma} {head.lower_}"):
        if key in pairs:
            return pairs[key], head
    return None, None


TRANSFER_NOUNS = _W["transfer_nouns"]
GOODS = _W["goods"]


def goods_transfer(noun: Token) -> bool:
    """'the provision of weapons', 'deliveries of aid': a transfer noun whose `of` object is arms or
    aid (AID); 'the transfer of power', 'the supply of gas' name no aid."""
    if noun.lower_ not in TRANSFER_NOUNS and noun.lemma_.lower() not in TRANSFER_NOUNS:
        return False
    return any(c.dep_ == "prep" and c.lower_ == _W["markers"]["of"] and any(g.lemma_.lower() in GOODS for g in c.children)
               for c in noun.children)
