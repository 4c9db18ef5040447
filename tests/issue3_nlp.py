"""Test helper for the time/entities/events suites: the pipeline up to the events annotator, built once."""
from __future__ import annotations

from functools import lru_cache

from presslens.pipeline import ANNOTATORS, load_base_model


@lru_cache(maxsize=1)
def nlp():
    pipeline = load_base_model()
    pipeline.add_pipe("presslens_paragraphs", before="parser")
    for name in ANNOTATORS[: ANNOTATORS.index("presslens_events") + 1]:
        pipeline.add_pipe(name)
    return pipeline


def annotate(text: str, published: str | None = "2025-04-28"):
    doc = nlp().make_doc(text)
    doc._.published = published
    return nlp()(doc)
