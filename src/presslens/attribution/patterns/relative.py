""""a plan which she said would fail", "what he calls corruption": a cue inside a relative clause
— the relative word that opens the clause and the words after the cue are the content."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...doccache import doc_text
from ..candidates import Attribution, token_range, trim
from ..context import Context
from ..lexicon import RELATIVE_WORDS, TOPIC_VERBS
from ..syntax import QUOTE_CLOSERS, close_quotation
from .cue_verbs import content_of

NAME = "relative"
CONFIDENCE = 0.75
BELIEF_CONFIDENCE = 0.6


def relative_pieces(verb: Token, speaker: Span, sent: Span) -> list[tuple[int, int]] | None:
    """"a plan which she said would fail", "what he calls corruption": the relative word that
    opens the cue's clause, and the words after the cue, are the content (two pieces)."""
    doc = verb.doc
    if speaker.start <= sent.start or speaker.end > verb.i:
        return None
    rel = doc[speaker.start - 1]
    if rel.lower_ not in RELATIVE_WORDS or rel.dep_ == "mark" or not verb.is_ancestor(rel):
        return None
    if any(t.dep_ not in ("aux", "auxpass", "advmod", "neg") for t in doc[speaker.end : verb.i]):
        return None
    last = max(t.i for t in verb.subtree if t.i < sent.end)
    rest = [t for t in doc[verb.i + 1 : last + 1] if not t.is_space and t.dep_ != "prt"]
    while rest and rest[-1].is_punct and rest[-1].text not in QUOTE_CLOSERS:
        rest.pop()
    if not any(not t.is_punct for t in rest):
        return None
    return [token_range([rel]), trim(doc_text(doc), *token_range(rest))]


def find(doc: Doc, ctx: Context):
    for cv in ctx.cue_verbs:
        if cv.lemma in TOPIC_VERBS:
            continue
        pieces = relative_pieces(cv.verb, cv.speaker, cv.sent)
        if pieces is None:
            continue
        pieces[-1] = close_quotation(pieces[-1], ctx.quote_ranges)
        _, cue = content_of(cv.verb, cv.sent, cv.subject)
        yield Attribution(pieces, cue, cv.speaker, ctx.channel(cv.sent), NAME,
                          BELIEF_CONFIDENCE if cv.stance else CONFIDENCE, belief=cv.belief, trigger=cv.verb.i)
