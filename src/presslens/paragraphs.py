"""The `presslens_paragraphs` component: a line break always ends a sentence.

Runs before the parser so that headlines, datelines and paragraphs never merge into one
sentence; the parser still splits sentences inside a paragraph.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


@Language.component("presslens_paragraphs")
def paragraph_boundaries(doc: Doc) -> Doc:
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = True
    return doc
