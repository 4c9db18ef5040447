"""Put analyses into the store: one article and all its findings in one transaction.

An article is committed whole or not at all, so a run killed at any moment leaves no
half-written article, and re-running it stores only what is missing.  Duplicates are
recognised by the hash of the normalised text and by URL (`already_stored`), and the unique
constraints on both catch any that slip through (two copies in one batch).  Any other
error the database raises over one article's values (a character PostgreSQL cannot store, a
number out of range) is `RecordRejected` with the database's reason, so the caller logs that
one record and goes on; an error of the connection itself (`OperationalError`) still stops
the run, since every later record would fail the same way.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import Any

from sqlalchemy import Connection, Engine, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, IntegrityError, InterfaceError, OperationalError, StatementError

from ..model import Analysis
from ..validate import printable
from .schema import articles, claims, entities, errors, events, framing, mentions, quotes, time_expressions

_SPACE = re.compile(r"\s+")
MAX_REASON = 1000


class RecordRejected(Exception):
    """The database refused one article's values; the message is its reason, on one line."""


def text_hash(text: str) -> str:
    """sha256 of the text with Unicode (NFKC), case and whitespace differences removed."""
    normal = _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(normal.encode("utf-8", "surrogatepass")).hexdigest()


def already_stored(conn: Connection, hash_: str, url: str | None) -> bool:
    """Whether an article with this normalised-text hash or this URL is in the store."""
    condition = articles.c.text_hash == hash_
    if url:
        condition = or_(condition, articles.c.url == url)
    return conn.execute(select(articles.c.id).where(condition).limit(1)).first() is not None


def _span(prefix: str, span: dict | None) -> dict[str, Any]:
    span = span or {}
    return {prefix: span.get("text"), f"{prefix}_start": span.get("start"), f"{prefix}_end": span.get("end")}


def _flat(record: dict) -> dict[str, Any]:
    return {"text": record.get("text"), "text_start": record.get("start"), "text_end": record.get("end")}


def write_analysis(engine: Engine, analysis: Analysis, *, source: str | None = None,
                   document_id: str | None = None, hash_: str | None = None) -> int | None:
    """Store `analysis` and its findings in one transaction; the new article id, or None for a duplicate."""
    data = analysis.to_dict()
    try:
        with engine.begin() as conn:
            article_id = conn.execute(articles.insert().values(
                document_id=document_id or data.get("id") or hash_ or text_hash(data["text"]),
                title=data.get("title"), url=data.get("url") or None, outlet=data.get("outlet"),
                published=data.get("published"), language=data.get("language"), source=source,
                text_hash=hash_ or text_hash(data["text"]), text=data["text"], analysis_schema=data.get("schema"),
            )).inserted_primary_key[0]
            _write_findings(conn, article_id, data)
        return article_id
    except IntegrityError:
        return None
    except (OperationalError, InterfaceError):
        raise
    except (DBAPIError, StatementError, UnicodeError, ValueError, OverflowError) as exc:
        cause = getattr(exc, "orig", None) or exc
        first_line = (str(cause).strip().splitlines() or [type(cause).__name__])[0]
        raise RecordRejected(f"the database refused the article ({type(cause).__name__}: {first_line})") from None


def _insert(conn: Connection, table, rows: list[dict]) -> None:
    if rows:
        conn.execute(table.insert(), rows)


def _write_findings(conn: Connection, article_id: int, data: dict) -> None:
    entity_ids: dict[str, int] = {}
    for entity in data.get("entities") or []:
        row_id = conn.execute(entities.insert().values(
            article_id=article_id, entity_key=entity.get("id"), name=entity.get("name"), type=entity.get("type"),
            role=entity.get("role"), affiliation=entity.get("affiliation"), details=entity,
        )).inserted_primary_key[0]
        if entity.get("id") is not None:
            entity_ids[str(entity["id"])] = row_id
        _insert(conn, mentions, [{"article_id": article_id, "entity_id": row_id, **_flat(m)}
                                 for m in entity.get("mentions") or []])
    quote_rows = []
    for quote in data.get("quotes") or []:
        speaker = quote.get("speaker") or {}
        quote_rows.append({
            "article_id": article_id, "kind": quote.get("kind"),
            **_span("content", quote.get("content")), **_span("cue", quote.get("cue")),
            "speaker": speaker.get("name"), "speaker_role": speaker.get("role"),
            "speaker_affiliation": speaker.get("affiliation"), "speaker_vague": bool(speaker.get("vague")),
            "speaker_mention": (speaker.get("mention") or {}).get("text"),
            "entity_id": entity_ids.get(str(speaker.get("entity_id"))), "channel": quote.get("channel"),
            "confidence": quote.get("confidence"), "details": quote,
        })
    _insert(conn, quotes, quote_rows)
    _insert(conn, events, [{
        "article_id": article_id, "type": e.get("type"), "actor": _name(e.get("actor")),
        "target": _name(e.get("target")), "location": _name(e.get("location")), "date": e.get("date"),
        **_span("evidence", e.get("evidence")), "asserted_by": _name(e.get("asserted_by")),
        "confidence": e.get("confidence"), "details": e,
    } for e in data.get("events") or []])
    _insert(conn, framing, [{
        "article_id": article_id, "technique": t.get("technique"), **_flat(t), "confidence": t.get("confidence"),
        "explanation": t.get("explanation"), "details": t,
    } for t in data.get("framing") or []] + [{
        "article_id": article_id, "technique": "Hedge", **_flat(h), "confidence": None, "explanation": None,
        "details": h,
    } for h in data.get("hedges") or []])
    _insert(conn, time_expressions, [{"article_id": article_id, **_flat(t), "value": t.get("value"), "details": t}
                                     for t in data.get("time_expressions") or []])
    _insert(conn, claims, [{"article_id": article_id, **_flat(c), "attribution": c.get("attribution"),
                            "speaker": _name(c.get("speaker")), "details": c} for c in data.get("claims") or []])


def _name(value: Any) -> str | None:
    """A field that is a name today but may become a record ({"name": …}) tomorrow."""
    if isinstance(value, dict):
        value = value.get("name") or value.get("text")
    return None if value is None else str(value)


def record_error(engine: Engine, source: str, item: str, reason: str) -> None:
    """Log a failed record once per (source, item, reason), in its own transaction.

    The values are made storable first (control characters out, lone surrogates replaced), so
    the record that broke something can always be logged.
    """
    insert = (postgresql.insert if engine.dialect.name == "postgresql" else sqlite.insert)(errors)
    with engine.begin() as conn:
        conn.execute(insert.values(source=printable(source), item=printable(item),
                                   reason=printable(reason)[:MAX_REASON]).on_conflict_do_nothing())
