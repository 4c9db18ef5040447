"""PTC-style articles (`{"id", "text", "spans": [{start, end, technique}]}`) turned into parsed
spaCy Docs and per-token technique labels for training the tagger.

Articles are parsed exactly as `presslens analyze` parses them (the base model with the
paragraph splitter), so the features seen in training are the ones seen at run time.  A token
takes the technique (SemEval-2023 name) of the shortest gold span covering it, else `O`.
"""
from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc

from .techniques import to_2023

OUTSIDE = "O"


def parse_articles(articles: Iterable[dict], n_process: int = 1) -> list[Doc]:
    """Parse each article's text with the base pipeline (no presslens annotators)."""
    from .. import paragraphs  # noqa: F401  (registers presslens_paragraphs)
    from ..pipeline import load_base_model

    nlp = load_base_model()
    nlp.add_pipe("presslens_paragraphs", before="parser")
    return list(nlp.pipe((a["text"] for a in articles), batch_size=8, n_process=n_process))


def token_labels(doc: Doc, article: dict) -> list[str]:
    """One label per token: the technique of the shortest gold span covering it, or `O`."""
    spans = sorted(((s["end"] - s["start"], s["start"], s["end"], to_2023(s["technique"]))
                    for s in article.get("spans", [])), reverse=True)
    labels = [OUTSIDE] * len(doc)
    for _, start, end, technique in spans:
        for token in doc.char_span(start, end, alignment_mode="expand") or ():
            labels[token.i] = technique
    return labels
