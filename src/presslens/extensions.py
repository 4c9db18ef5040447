"""The Doc attributes presslens annotators write, declared in one place.

Each annotator stores its records (dataclasses from `presslens.model`) in one of these
attributes; `presslens.convert` reads them all into an `Analysis`.  Metadata about the
article (publication date, title …) is set on the Doc before the annotators run.
"""
from __future__ import annotations

from spacy.tokens import Doc

RECORD_ATTRIBUTES = ("quotes", "entities", "time_expressions", "events", "framing", "hedges", "claims")
META_ATTRIBUTES = ("published", "title", "url", "outlet", "article_id")


def register() -> None:
    """Declare the extensions (idempotent)."""
    for name in RECORD_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for name in META_ATTRIBUTES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Doc.has_extension("attributions"):
        Doc.set_extension("attributions", default=None)


register()
