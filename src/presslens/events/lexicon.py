"""The PLOVER trigger lexicon (`presslens/data/plover_triggers.json`): which words name which event type."""
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
    unknown = (set(data["verbs"].values()) | set(data["verb_object"].values())) - set(PLOVER_TYPES)
    if unknown:
        raise ValueError(f"plover_triggers.json: not PLOVER 2021 types: {sorted(unknown)}")
    data["needs_object"] = frozenset(data["needs_object"])
    data["trigger_lemmas"] = frozenset(data["verbs"]) | {pair.split()[0] for pair in data["verb_object"]}
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


def event_type(verb: Token) -> tuple[str | None, Token | None]:
    """(PLOVER type, object that completed a verb–object trigger) for a verb, or (None, None)."""
    lex = lexicon()
    lemma = verb.lemma_.lower()
    if lemma not in lex["trigger_lemmas"]:
        return None, None
    for obj in objects_of(verb):
        key = f"{lemma} {obj.lemma_.lower()}"
        if key in lex["verb_object"]:
            return lex["verb_object"][key], obj
        key = f"{lemma} {obj.lower_}"
        if key in lex["verb_object"]:
            return lex["verb_object"][key], obj
    if lemma in lex["needs_object"]:
        return None, None
    if lemma in lex["intransitive_only"] and any(c.dep_ == "dobj" for c in verb.children):
        return None, None  # "demonstrated the strength" is showing, not protesting
    return lex["verbs"].get(lemma), None
