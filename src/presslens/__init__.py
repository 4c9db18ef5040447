"""presslens: who said what, what is claimed to have happened, and how it is framed.

    >>> from presslens import analyze
    >>> result = analyze("The minister said the bridge would reopen.", published="2025-04-28")
    >>> result.quotes[0].speaker.name
    'The minister'

`analyze()` takes one article; `analyze_many()` streams many through the same pipeline.
Both return `Analysis` records (see `presslens.model`), the output contract of DESIGN.md.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from .model import SCHEMA, Analysis
from .validate import DEFAULT_MAX_BYTES, InputError, check_text

__all__ = ["analyze", "analyze_many", "Analysis", "InputError", "SCHEMA"]
__version__ = "0.1.0"

META_FIELDS = ("published", "title", "url", "outlet")


def _make_doc(nlp, record: dict[str, Any], max_bytes: int):
    text = check_text(record.get("text"), max_bytes)
    doc = nlp.make_doc(text)
    for name in META_FIELDS:
        value = record.get(name)
        setattr(doc._, name, str(value) if value is not None else None)
    doc._.article_id = None if record.get("id") is None else str(record["id"])
    return doc


def analyze(text: str, *, published: str | None = None, title: str | None = None, url: str | None = None,
            outlet: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Analysis:
    """Analyse one article. Raises `InputError` for input presslens refuses."""
    return next(analyze_many([{"text": text, "published": published, "title": title, "url": url, "outlet": outlet}],
                             max_bytes=max_bytes, raise_errors=True))


def analyze_many(records: Iterable[dict[str, Any]], *, batch_size: int = 16, max_bytes: int = DEFAULT_MAX_BYTES,
                 raise_errors: bool = False) -> Iterator[Analysis]:
    """Analyse a stream of `{"text", "id"?, "published"?, …}` records, in order.

    A record that fails validation yields an `Analysis` whose `errors` holds the reason
    (or raises `InputError` with `raise_errors=True`); the stream goes on.
    """
    from .convert import analysis_from_doc
    from .pipeline import get_pipeline

    nlp = get_pipeline()

    def docs_and_failures():
        for record in records:
            try:
                yield _make_doc(nlp, record, max_bytes), None
            except InputError as exc:
                if raise_errors:
                    raise
                failed = Analysis(text="", id=None if record.get("id") is None else str(record.get("id")))
                failed.errors.append(str(exc))
                yield None, failed

    pending: list[tuple[Any, Analysis | None]] = []

    def flush():
        docs = [d for d, _ in pending if d is not None]
        parsed = iter(nlp.pipe(docs, batch_size=batch_size))
        for d, failed in pending:
            yield analysis_from_doc(next(parsed)) if d is not None else failed
        pending.clear()

    for item in docs_and_failures():
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
