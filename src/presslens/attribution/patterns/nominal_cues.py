""""Her plan to rebuild the pier", "his criticism of the ruling", "the mayor's proposal for a tax": a stance
noun with a possessor, whose prepositional object (or infinitive) is what the possessor stands
for. The nouns and their prepositions are data (`nominal_cues` in the lexicon); a noun without
a possessor names no one and reports nothing ("criticism of the plan grew")."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ..candidates import Attribution, overlap, token_range, trim
from ..context import Context
from ..lexicon import FIRST_PERSON, MARKERS, NOMINAL_CUES
from ..syntax import speaker_phrase, subtree_range

NAME = "nominal-cue"
CONFIDENCE = 0.6


def complement(noun: Token, preps) -> tuple[Token, Token | None] | None:
    """The content's head and the preposition that introduces it (None for an infinitive)."""
    for c in noun.children:
        if c.i < noun.i:
            continue
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = next((o for o in c.children if o.dep_ in ("pobj", "pcomp")), None)
            if obj is not None:
                return obj, c
        if c.dep_ == "acl" and MARKERS["infinitive"] in preps and any(
                a.dep_ == "aux" and a.lower_ == MARKERS["infinitive"] and a.i < c.i for a in c.children):
            return c, None
    return None


def find(doc: Doc, ctx: Context):
    for sent in doc.sents:
        for tok in ctx.open_tokens(sent):
            preps = NOMINAL_CUES.get(tok.lemma_.lower()) if tok.pos_ == "NOUN" else None
            if not preps:
                continue
            poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)
            if poss is None or poss.lower_ in FIRST_PERSON:
                continue
            found = complement(tok, preps)
            if found is None:
                continue
            head, prep = found
            rng = subtree_range(head, sent=sent)
            speaker = speaker_phrase(poss)
            if len(speaker) > 1 and speaker[-1].dep_ == "case":  # "the mayor's": the name without "'s"
                speaker = speaker[:-1]
            if rng is None or overlap(rng, token_range(speaker)):
                continue
            cue = token_range([tok] if prep is None else [tok, prep])
            yield Attribution([trim(ctx.text, *rng)], cue, speaker, ctx.channel(sent), NAME, CONFIDENCE, trigger=tok.i)
