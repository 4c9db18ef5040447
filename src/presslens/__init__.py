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
from .validate import DEFAULT_MAX_BYTES, InputError, check_field, check_published, check_text, printable

__all__ = ["analyze", "analyze_many", "Analysis", "InputError", "SCHEMA"]
__version__ = "0.1.0"

META_FIELDS = ("title", "url", "outlet")


def _checked(record: dict[str, Any], max_bytes: int) -> dict[str, Any]:
    """The record's text and metadata validated and normalised (`presslens.validate`), or `InputError`."""
    if not isinstance(record, dict):
        raise InputError(f"a record must be a JSON object, got {type(record).__name__}")
    checked = {"text": check_text(record.get("text"), max_bytes), "published": check_published(record.get("published")),
               "id": check_field(record.get("id"), "id")}
    for name in META_FIELDS:
        checked[name] = check_field(record.get(name), name)
    return checked


def _make_doc(nlp, record: dict[str, Any], text: str | None = None):
    from .doccache import remember_text

    text = record["text"] if text is None else text
    doc = nlp.make_doc(text)
    remember_text(doc, text)
    for name in (*META_FIELDS, "published"):
        setattr(doc._, name, record[name])
    doc._.article_id = record["id"]
    return doc


def analyze(text: str, *, published: str | None = None, title: str | None = None, url: str | None = None,
            outlet: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Analysis:
    """Analyse one article. Raises `InputError` for input presslens refuses."""
    return next(analyze_many([{"text": text, "published": published, "title": title, "url": url, "outlet": outlet}],
                             max_bytes=max_bytes, raise_errors=True))


def analyze_many(records: Iterable[dict[str, Any]], *, batch_size: int = 16, max_bytes: int = DEFAULT_MAX_BYTES,
                 raise_errors: bool = False) -> Iterator[Analysis]:
    """Analyse a stream of `{"text", "id"?, "published"?, …}` records, in order.

    A record that fails validation, or breaks an annotator, yields an `Analysis` whose `errors`
    holds the reason (or raises with `raise_errors=True`); the stream goes on.  A text longer
    than `presslens.pieces.PIECE_CHARS` is analysed in paragraph-aligned pieces.
    """
    from .convert import analysis_from_doc
    from .pieces import PIECE_CHARS, boundaries, merge
    from .pipeline import get_pipeline

    nlp = get_pipeline()

    def in_pieces(record: dict[str, Any]) -> Analysis:
        text = record["text"]
        spans = boundaries(text, PIECE_CHARS)
        docs = nlp.pipe((_make_doc(nlp, record, text[s:e]) for s, e in spans), batch_size=1)
        parts = [(s, analysis_from_doc(doc)) for (s, _), doc in zip(spans, docs)]
        return merge(text, parts, Analysis(text=text, id=record["id"], title=record["title"], url=record["url"],
                                           outlet=record["outlet"], published=record["published"]))

    pending: list[tuple[dict[str, Any] | None, Analysis | None]] = []

    def alone(record: dict[str, Any]) -> Analysis:
        """One record through the pipeline by itself; an annotator's failure becomes its error record."""
        try:
            if len(record["text"]) > PIECE_CHARS:
                return in_pieces(record)
            return analysis_from_doc(nlp(_make_doc(nlp, record)))
        except TimeoutError:
            raise
        except Exception as exc:
            if raise_errors:
                raise
            return Analysis(text="", id=record["id"], errors=[f"analysis failed: {type(exc).__name__}: {exc}"])

    def flush():
        ready = [r for r, _ in pending if r is not None]
        try:
            analysed = iter([analysis_from_doc(doc) for doc in
                             nlp.pipe([_make_doc(nlp, r) for r in ready], batch_size=batch_size)])
        except TimeoutError:
            raise
        except Exception:  # one record broke the batch: redo the batch record by record to isolate it
            analysed = iter([alone(r) for r in ready])
        for r, failed in pending:
            yield next(analysed) if r is not None else failed
        pending.clear()

    for record in records:
        try:
            checked = _checked(record, max_bytes)
        except InputError as exc:
            if raise_errors:
                raise
            record_id = record.get("id") if isinstance(record, dict) else None
            pending.append((None, Analysis(text="", id=None if record_id is None else printable(record_id),
                                           errors=[str(exc)])))
        else:
            if len(checked["text"]) > PIECE_CHARS:
                yield from flush()
                yield alone(checked)
                continue
            pending.append((checked, None))
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()
