"""Turn an annotated Doc into an `Analysis` — the single place where the Doc meets the schema."""
from __future__ import annotations

from spacy.tokens import Doc

from .doccache import doc_text
from .extensions import RECORD_ATTRIBUTES
from .model import Analysis


def analysis_from_doc(doc: Doc, language: str = "en") -> Analysis:
    records = {name: list(getattr(doc._, name) or []) for name in RECORD_ATTRIBUTES}
    return Analysis(
        text=doc_text(doc),
        id=doc._.article_id,
        title=doc._.title,
        url=doc._.url,
        outlet=doc._.outlet,
        published=doc._.published,
        language=language,
        **records,
    )
