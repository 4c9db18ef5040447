"""Per-Doc values that spaCy recomputes on every access, computed once and kept on the Doc.

* `doc_text`: spaCy's `Doc.text` joins every token's text on each call; an annotator that needs
  the text per record (an event's paragraph, a quote's sentence) would rebuild the whole article
  each time — quadratic in its length.  `remember_text` stores the string the Doc was made from,
  so that not even the first call rebuilds it.
* `ents_in`: spaCy's `Span.ents` builds a `Span` for every entity of the whole Doc on each call;
  here the Doc's entities are built once and a span's are found by bisection.
* `per_token`: a function of a token's parse alone (a verb's event type, a noun's) that rules ask
  again and again of the same words, computed once per token and kept on its Doc.

All are kept in `doc.user_data`: they are read after the statistical pipeline, when neither a
Doc's text nor its parse and entities change any more.
"""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from spacy.tokens import Doc, Span, Token

_TEXT_KEY = "presslens_text"
_ENTS_KEY = "presslens_ents"


def remember_text(doc: Doc, text: str) -> None:
    """Keep `text` as the Doc's text when it is the text the tokenizer kept (it always should be)."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) == len(text):
        doc.user_data[_TEXT_KEY] = text


def doc_text(doc: Doc) -> str:
    """`doc.text`, built on the first call and kept on the Doc."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def _entities(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    cached = doc.user_data.get(_ENTS_KEY)
    if cached is None:
        ents = tuple(doc.ents)
        cached = doc.user_data[_ENTS_KEY] = (ents, [e.start for e in ents])
    return cached


def ents_in(span: Span) -> list[Span]:
    """`span.ents`: the Doc's entities that lie wholly inside `span`, in order."""
    ents, starts = _entities(span.doc)
    out = []
    for k in range(bisect_left(starts, span.start), len(ents)):
        ent = ents[k]
        if ent.end > span.end:
            break
        out.append(ent)
    return out


R = TypeVar("R")


def per_token(fn: Callable[..., R]) -> Callable[..., R]:
    """`fn(token, *args)` computed once per token and arguments, and kept on the token's Doc: for a
    pure function of the finished parse (and of tables that do not change while a Doc is read)."""
    key = f"presslens_memo:{fn.__module__}.{fn.__qualname__}"

    @wraps(fn)
    def memoised(tok: Token, *args, **kwargs) -> R:
        memo = tok.doc.user_data.get(key)
        if memo is None:
            memo = tok.doc.user_data[key] = {}
        call = (tok.i, args, tuple(kwargs.items())) if args or kwargs else tok.i
        if call not in memo:
            memo[call] = fn(tok, *args, **kwargs)
        return memo[call]
    return memoised
