""""According to X, …" and "…, according to X": the clause the phrase modifies is the content — the
whole rest of the sentence when the phrase opens or closes it."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ..candidates import Attribution, trim
from ..context import Context
from ..lexicon import MARKERS
from ..syntax import speaker_phrase, subtree_range

NAME = "according-to"
CONFIDENCE = 0.8


def whole_clause(sent: Span, according: Token, pobj: Token, rng: tuple[int, int]) -> tuple[int, int]:
    """An according-to phrase that opens or closes its sentence, set off by a comma, attributes all
    the rest of it ("A rose, B fell and C held, according to X"), however the parser attached it."""
    doc = sent.doc
    end = max(t.i for t in pobj.subtree)
    words = [t for t in sent if not t.is_space]
    if according.i > sent.start and doc[according.i - 1].text == "," and all(
            t.is_punct for t in words if t.i > end):
        first = next(t for t in words if not t.is_punct or t.is_quote)
        return min(rng[0], first.idx), max(rng[1], doc[according.i - 2].idx + len(doc[according.i - 2]))
    if all(t.is_punct for t in words if t.i < according.i) and end + 1 < sent.end and doc[end + 1].text == ",":
        rest = [t for t in words if t.i > end + 1]
        while rest and rest[-1].is_punct and not rest[-1].is_quote:
            rest.pop()
        if rest:
            return min(rng[0], rest[0].idx), max(rng[1], rest[-1].idx + len(rest[-1]))
    return rng


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
            rng = whole_clause(sent, tok, pobj, rng)
            cue = (tok.idx, to.idx + len(to))
            yield Attribution([trim(ctx.text, *rng)], cue, speaker_phrase(pobj), ctx.channel(sent), NAME, CONFIDENCE, trigger=tok.i)
