""""X's remarks that …", "Kim's statement that …": a statement noun with a possessor and a
that-clause."""
from __future__ import annotations

from spacy.tokens import Doc

from ..candidates import Attribution, token_range, trim
from ..context import Context
from ..lexicon import MARKERS, STATEMENT_NOUNS
from ..syntax import speaker_phrase, subtree_range

NAME = "statement-noun"
CONFIDENCE = 0.75


def find(doc: Doc, ctx: Context):
    for sent in doc.sents:
        for tok in ctx.open_tokens(sent):
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in STATEMENT_NOUNS:
                continue
            poss = next((c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")), None)
            if poss is None:  # "claims by Russian officials that …": the agent names the source
                by = next((c for c in tok.children if c.dep_ == "prep" and c.lower_ == MARKERS["agent"]), None)
                poss = next((c for c in by.children if c.dep_ == "pobj" and c.pos_ in ("PROPN", "NOUN")), None) if by is not None else None
            clause = next((c for c in tok.children if c.dep_ in ("acl", "ccomp") and any(
                m.lower_ in MARKERS["content_leads"] and m.dep_ == "mark" for m in c.children)), None)
            if poss is None or clause is None:
                continue
            rng = subtree_range(clause, sent=sent)
            speaker = speaker_phrase(poss)
            if len(speaker) > 1 and speaker[-1].dep_ == "case":  # "the police chief's": the name without "'s"
                speaker = speaker[:-1]
            if rng:
                yield Attribution([trim(ctx.text, *rng)], token_range([tok]), speaker, ctx.channel(sent), NAME, CONFIDENCE, trigger=tok.i)
