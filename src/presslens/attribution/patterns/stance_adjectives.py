""""X is confident that …", "X was convinced that …": a stance adjective after a copula, with
the copula's subject as speaker and the that-clause as content."""
from __future__ import annotations

from spacy.tokens import Doc

from ..candidates import Attribution, token_range, trim
from ..context import Context
from ..lexicon import MARKERS, STANCE_ADJECTIVES
from ..syntax import SUBJECT_DEPS, speaker_phrase, subtree_range

NAME = "stance-adjective"
CONFIDENCE = 0.7


def find(doc: Doc, ctx: Context):
    for sent in doc.sents:
        for tok in ctx.open_tokens(sent):
            if tok.pos_ != "ADJ" or tok.lower_ not in STANCE_ADJECTIVES or tok.dep_ != "acomp":
                continue
            copula = tok.head
            subject = next((c for c in copula.children if c.dep_ in SUBJECT_DEPS), None)
            clause = next((c for c in list(tok.children) + list(copula.children) if c.dep_ == "ccomp" and c.i > tok.i), None)
            if subject is None or clause is None or subject.lower_ in MARKERS["expletives"]:
                continue
            rng = subtree_range(clause, sent=sent)
            if rng is None:
                continue
            yield Attribution([trim(ctx.text, *rng)], token_range([tok]), speaker_phrase(subject), ctx.channel(sent),
                              NAME, CONFIDENCE, trigger=tok.i)
