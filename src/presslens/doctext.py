"""The text of a Doc, computed once: spaCy's `Doc.text` joins every token's text on each call.

An annotator that needs the text per record (an event's paragraph, a quote's sentence) would
otherwise rebuild the whole article each time — quadratic in its length.  The text is kept in
`doc.user_data` (a Doc's text never changes once tokenised).
"""
from __future__ import annotations

from spacy.tokens import Doc

_CACHE_KEY = "presslens_text"


def doc_text(doc: Doc) -> str:
    """`doc.text`, built on the first call and kept on the Doc."""
    text = doc.user_data.get(_CACHE_KEY)
    if text is None:
        text = doc.user_data[_CACHE_KEY] = doc.text
    return text
