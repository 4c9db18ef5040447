""""According to X, …" and "…, according to X": the clause the phrase modifies is the content."""
from __future__ import annotations

from spacy.tokens import Doc

from ..candidates import Attribution, trim
from ..context import Context
from ..lexicon import MARKERS
from ..syntax import speaker_phrase, subtree_range

NAME = "according-to"
CONFIDENCE = 0.8


def find(doc: Doc, ctx: Context):
    for sent in doc.sents:
        for tok in ctx.open_tokens(sent):
            if tok.lemma_.lower() != MARKERS["according_lemma"] or tok.lower_ != MARKERS["according"]:
                continue
            to = next((c for c in tok.children if c.lower_ == MARKERS["according_to"]), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                continue
            head = tok.head if tok.head.i != tok.i else None
            rng = subtree_range(head, exclude=tok, sent=sent) if head is not None else None
            if rng is None:
                continue
            cue = (tok.idx, to.idx + len(to))
            yield Attribution([trim(ctx.text, *rng)], cue, speaker_phrase(pobj), ctx.channel(sent), NAME, CONFIDENCE, trigger=tok.i)
