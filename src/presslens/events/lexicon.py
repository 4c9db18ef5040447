"""The PLOVER trigger lexicon (`presslens/data/plover_triggers.json`): which verbs and nouns name which event type."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

PLOVER_TYPES = ("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")  # PLOVER 2021


@lru_cache(maxsize=1)
def lexicon() -> dict:
    data = json.loads(resources.files("presslens.data").joinpath("plover_triggers.json").read_text(encoding="utf-8"))
    unknown = (set(data["verbs"].values()) | set(data["verb_object"].values()) | set(data["nouns"].values())
               | set(data["cooperative"]) | set(data["hostile"])) - set(PLOVER_TYPES)
    if unknown:
        raise ValueError(f"plover_triggers.json: not PLOVER 2021 types: {sorted(unknown)}")
    data["needs_object"] = frozenset(data["needs_object"])
    data["trigger_lemmas"] = frozenset(data["verbs"]) | data["needs_object"] | {pair.split()[0] for pair in data["verb_object"]}
    for key in ("intention_heads", "cooperative", "hostile"):
        data[key] = frozenset(data[key])
    data["intransitive_only"] = frozenset(data["intransitive_only"])
    return data


def objects_of(verb: Token) -> list[Token]:
    """Direct objects, passive subjects and particle/prepositional objects ('call for', 'put on alert')."""
    out = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "attr")]
    for c in verb.children:
        if c.dep_ in ("prep", "prt"):
            out.append(c)
            out.extend(g for g in c.children if g.dep_ == "pobj")
    return out


def _lemma(verb: Token, known: frozenset) -> str | None:
    """The verb's lemma if the lexicon knows it, else that of a regular past form the lemmatizer
    got wrong ('staged' → 'stag'): the form less -d or -ed."""
    lemma = verb.lemma_.lower()
    if lemma in known:
        return lemma
    if verb.tag_ in ("VBD", "VBN") and verb.lower_.endswith("ed"):
        return next((c for c in (verb.lower_[:-1], verb.lower_[:-2]) if c in known), None)
    return None


def _measured(obj: Token) -> Token | None:
    """The event noun a quantity stands for: 'tons of aid', 'a wave of arrests'."""
    of = next((c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    noun = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return noun if noun is not None and noun_type(noun) else None


def event_type(verb: Token) -> tuple[str | None, Token | None]:
    """(PLOVER type, object that completed a verb–object trigger) for a verb, or (None, None)."""
    lex = lexicon()
    lemma = _lemma(verb, lex["trigger_lemmas"])
    if lemma is None:
        return None, None
    for obj in objects_of(verb):
        key = f"{lemma} {obj.lemma_.lower()}"
        if key in lex["verb_object"]:
            return lex["verb_object"][key], obj
        key = f"{lemma} {obj.lower_}"
        if key in lex["verb_object"]:
            return lex["verb_object"][key], obj
    if lemma in lex["needs_object"]:
        for obj in verb.children:  # a light verb takes the type of its event-noun object: "began a hunger strike"
            if obj.dep_ in ("dobj", "nsubjpass"):
                noun = obj if noun_type(obj) else _measured(obj)  # "provide 25,000 tons of aid"
                if noun is not None:
                    return noun_type(noun), noun
        return None, None
    if lemma in lex["intransitive_only"] and any(c.dep_ == "dobj" for c in verb.children):
        return None, None  # "demonstrated the strength" is showing, not protesting
    return lex["verbs"].get(lemma), None


def noun_type(noun: Token) -> str | None:
    """PLOVER type of an event noun; a compound or adjective + lemma ('hunger strike') before the lemma ('strike')."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    nouns = lexicon()["nouns"]
    lemma = noun.lemma_.lower()
    for c in noun.children:
        if c.dep_ in ("compound", "amod") and f"{c.lower_} {lemma}" in nouns:
            return nouns[f"{c.lower_} {lemma}"]
    return nouns.get(lemma)
