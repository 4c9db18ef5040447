""""The plan, she said, would fail": a reporting cue set off by commas inside the sentence it
reports splits the content in two pieces, the words before and after it."""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from ...doccache import doc_text
from ..candidates import Attribution, token_range, trim
from ..context import Context
from ..lexicon import REPORTING_VERBS
from ..syntax import CLAUSE_DEPS, QUOTE_CLOSERS

NAME = "parenthetical"
CONFIDENCE = 0.8


def pieces_around(verb: Token, speaker: Span, sent: Span, subject: Token | None = None) -> list[tuple[int, int]] | None:
    """"The plan, she said, would fail": a cue set off by commas inside the sentence it reports
    splits the content in two pieces, the words before and after it ("…, officials in both
    cities insist, …": the subject's own phrase may stand between the speaker's name and the cue;
    "If the demands are not met, he warned, …": a condition opening the sentence is reported too)."""
    doc = verb.doc
    start = min(speaker.start, verb.i)
    if start < sent.start + 2 or doc[start - 1].text != "," or speaker.end > verb.i + 1 + 4:
        return None
    own = {t.i for t in subject.subtree} if subject is not None and subject.head.i == verb.i else set()
    between = doc[speaker.end : verb.i] if speaker.end <= verb.i else doc[verb.i + 1 : speaker.start]
    if any(t.dep_ not in ("aux", "advmod", "neg") and t.i not in own for t in between) or len(between) > 6:
        return None
    close = next((t for t in doc[max(verb.i, speaker.end - 1) + 1 : min(sent.end, verb.i + 8)] if t.text == ","), None)
    if close is None or any(t.is_quote or (t.head.i == verb.i and t.dep_ in CLAUSE_DEPS | {"dobj"}) for t in doc[verb.i + 1 : close.i]):
        return None
    before = [t for t in doc[sent.start : start - 1] if not t.is_space]
    if any(c.dep_ == "dobj" and c.i > verb.i for c in verb.children) or any(
            t.head.i == verb.i and t.dep_ not in ("ccomp", "nsubj", "punct") and not conditional(t) for t in before):
        return None  # "The company wrote a letter, …", "On Tuesday, she wrote to …": not an aside
    after = [t for t in doc[close.i + 1 : sent.end] if not t.is_space]
    while after and after[-1].is_punct and after[-1].text not in QUOTE_CLOSERS:
        after.pop()
    if sum(not t.is_punct for t in before) < 2 or sum(not t.is_punct for t in after) < 2 or after[0].is_quote:
        return None  # (", he said, “…”" introduces a quotation: the quotation rules take it)
    text = doc_text(doc)
    return [trim(text, *token_range(before)), trim(text, *token_range(after))]


def conditional(tok: Token) -> bool:
    """An adverbial clause opened by a subordinator ("If the demands are not met")."""
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.i == tok.left_edge.i for c in tok.children)


def find(doc: Doc, ctx: Context):
    for cv in ctx.cue_verbs:
        if cv.lemma not in REPORTING_VERBS:
            continue
        pieces = pieces_around(cv.verb, cv.speaker, cv.sent, cv.subject)
        if pieces is not None:
            yield Attribution(pieces, token_range([cv.verb]), cv.speaker, ctx.channel(cv.sent), NAME, CONFIDENCE, trigger=cv.verb.i)
