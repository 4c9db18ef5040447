"""The corpus store's tables, as SQLAlchemy Core metadata: names a person can read in Datasette.

One row in `articles` per stored article; every finding of its `Analysis` lives in a child
table keyed by `article_id` with the contract's field names (spans flattened to
`<name>`, `<name>_start`, `<name>_end`) and the full record in `details` (JSON), so fields
that annotators add later are kept without a migration.
"""
from __future__ import annotations

from sqlalchemy import (JSON, Boolean, Column, DateTime, Float, ForeignKey, Integer, MetaData, String, Table, Text,
                        UniqueConstraint, func)

metadata = MetaData()


def _article_fk() -> Column:
    return Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True)


schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", DateTime(timezone=True), server_default=func.now()),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", Text, nullable=False, doc="id given by the source, or derived from its path/URL"),
    Column("title", Text),
    Column("url", Text, unique=True),
    Column("outlet", Text, index=True),
    Column("published", String(32), index=True, doc="ISO date, YYYY-MM-DD"),
    Column("language", String(16)),
    Column("source", Text, doc="file, feed, archive or URL the article came from"),
    Column("text_hash", String(64), nullable=False, unique=True, doc="sha256 of the normalised text"),
    Column("text", Text, nullable=False),
    Column("analysis_schema", String(64)),
    Column("ingested_at", DateTime(timezone=True), server_default=func.now()),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("entity_key", Text, doc="the entity's id inside its article's analysis"),
    Column("name", Text, index=True),
    Column("type", String(32)),
    Column("role", Text),
    Column("affiliation", Text),
    Column("details", JSON),
)

mentions = Table(
    "mentions", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("text", Text),
    Column("text_start", Integer),
    Column("text_end", Integer),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("kind", String(16)),
    Column("content", Text),
    Column("content_start", Integer),
    Column("content_end", Integer),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("cue_end", Integer),
    Column("speaker", Text, index=True),
    Column("speaker_role", Text),
    Column("speaker_affiliation", Text),
    Column("speaker_vague", Boolean),
    Column("speaker_mention", Text),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="SET NULL"), index=True),
    Column("channel", Text),
    Column("confidence", Float),
    Column("details", JSON),
)

events = Table(
    "events", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("type", Text, index=True),
    Column("actor", Text),
    Column("target", Text),
    Column("location", Text),
    Column("date", String(32), index=True),
    Column("evidence", Text),
    Column("evidence_start", Integer),
    Column("evidence_end", Integer),
    Column("asserted_by", Text),
    Column("confidence", Float),
    Column("details", JSON),
)

framing = Table(
    "framing", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("technique", Text, index=True, doc="SemEval-2023 persuasion technique, or Hedge"),
    Column("text", Text),
    Column("text_start", Integer),
    Column("text_end", Integer),
    Column("confidence", Float),
    Column("explanation", Text),
    Column("details", JSON),
)

time_expressions = Table(
    "time_expressions", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("text", Text),
    Column("text_start", Integer),
    Column("text_end", Integer),
    Column("value", String(32)),
    Column("details", JSON),
)

claims = Table(
    "claims", metadata,
    Column("id", Integer, primary_key=True),
    _article_fk(),
    Column("text", Text),
    Column("text_start", Integer),
    Column("text_end", Integer),
    Column("attribution", String(16)),
    Column("speaker", Text),
    Column("details", JSON),
)

errors = Table(
    "errors", metadata,
    Column("id", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Column("item", Text, nullable=False, doc="record inside the source (line, entry, WARC record), or the source"),
    Column("reason", Text, nullable=False),
    Column("occurred_at", DateTime(timezone=True), server_default=func.now()),
    UniqueConstraint("source", "item", "reason", name="errors_once"),
)

FINDING_TABLES = ("entities", "mentions", "quotes", "events", "framing", "time_expressions", "claims")
