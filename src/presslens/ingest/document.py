"""`Document`: what every reader yields — clean text plus metadata, or the reason it failed."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass
class Document:
    """One article from a source; `error` is set (and `text` empty) when the record could not be read."""

    id: str
    text: str = ""
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    language: str | None = None
    source: str = ""
    error: str | None = None

    def to_record(self) -> dict[str, Any]:
        """The `{id, text, title, url, outlet, published}` record `analyze_many()` takes."""
        return {"id": self.id, "text": self.text, "title": self.title, "url": self.url, "outlet": self.outlet,
                "published": self.published}


def failed(source: str, item: str, reason: str) -> Document:
    return Document(id=item, source=source, error=reason)
