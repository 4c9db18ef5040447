"""The text of a Doc, computed once: spaCy's `Doc.text` joins every token's text on each call.

An annotator that needs the text per record (an event's paragraph, a quote's sentence) would
otherwise rebuild the whole article each time — quadratic in its length.  The text is kept in
`doc.user_data` (a Doc's text never changes once tokenised); `remember_text` stores the string
the Doc was made from, so that not even the first call rebuilds it.
"""
from __future__ import annotations

from spacy.tokens import Doc

_CACHE_KEY = "presslens_text"


def remember_text(doc: Doc, text: str) -> None:
    """Keep `text` as the Doc's text when it is the text the tokenizer kept (it always should be)."""
    last = doc[-1] if len(doc) else None
    if (last.idx + len(last.text_with_ws) if last is not None else 0) == len(text):
        doc.user_data[_CACHE_KEY] = text


def doc_text(doc: Doc) -> str:
    """`doc.text`, built on the first call and kept on the Doc."""
    text = doc.user_data.get(_CACHE_KEY)
    if text is None:
        text = doc.user_data[_CACHE_KEY] = doc.text
    return text
