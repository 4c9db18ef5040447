"""The corpus layer's tables (schema version 2): identities, stories, statements and their keys.

On the same metadata as the per-article tables of `presslens.store.schema` (they reference
them), listed in `LINK_TABLES` so migration 1 leaves them out and migration 2 creates exactly these.  `stories.state` / `statements.state` hold what `presslens.corpus.Linker` needs to
take a stored story or statement up again; `link_keys` says under which blocking keys each is
filed, so an ingest reads back only the stories and statements its new articles may join.
`statement_passages` (schema version 3) holds the appearances that are no quotation: a passage of
the speaker's own published text (a speech released as an article), by its span.
"""
from __future__ import annotations

from sqlalchemy import JSON, Column, ForeignKey, Index, Integer, LargeBinary, String, Table, Text

from .schema import metadata as corpus_metadata


def _fk(column: str, table: str) -> Column:
    return Column(column, Integer, ForeignKey(f"{table}.id", ondelete="CASCADE"), nullable=False)


corpus_identities = Table(
    "corpus_identities", corpus_metadata,
    Column("id", Text, primary_key=True, doc="person:vladimir-putin, body:kremlin, …"),
    Column("name", Text, index=True),
    Column("kind", String(16), doc="person | body | thing"),
    Column("affiliation", Text),
    Column("key_first", Text),
    Column("key_last", Text, index=True),
    Column("merged_into", Text, doc="the identity this one became, when a surname met its full name"),
    Column("details", JSON),
)

quote_identities = Table(
    "quote_identities", corpus_metadata,
    Column("quote_id", Integer, ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True, autoincrement=False),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("identity_id", Text, nullable=False, index=True),
)

stories = Table(
    "stories", corpus_metadata,
    Column("id", Text, primary_key=True),
    Column("type", Text, index=True),
    Column("date", String(32), index=True),
    Column("place", Text),
    Column("reports", Integer),
    Column("outlets", Integer),
    Column("conflicts", Integer),
    Column("details", JSON, doc="the story as `presslens stories --format json` gives it"),
    Column("state", JSON),
)

story_reports = Table(
    "story_reports", corpus_metadata,
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, autoincrement=False),
    Column("story_id", Text, nullable=False, index=True),
    _fk("article_id", "articles"),
    Column("event_index", Integer),
    Column("outlet", Text),
    Column("published", String(32)),
    Column("asserted_by", Text),
    Column("asserted_by_id", Text, index=True),
    Column("source", Text, doc="whom the report speaks for: its asserter, the denier, or the medium it relays"),
    Column("source_id", Text, index=True),
    Column("stance", String(16)),
)

statements = Table(
    "statements", corpus_metadata,
    Column("id", Text, primary_key=True),
    Column("speaker", Text, index=True),
    Column("speaker_id", Text, index=True),
    Column("text", Text),
    Column("first_seen", String(32), index=True),
    Column("appearances", Integer),
    Column("state", JSON),
)

statement_appearances = Table(
    "statement_appearances", corpus_metadata,
    Column("quote_id", Integer, ForeignKey("quotes.id", ondelete="CASCADE"), primary_key=True, autoincrement=False),
    Column("statement_id", Text, nullable=False, index=True),
    _fk("article_id", "articles"),
    Column("quote_index", Integer),
    Column("outlet", Text),
    Column("published", String(32)),
    Column("kind", String(16)),
    Column("relayed_by", Text),
    Column("match", String(16)),
)

statement_passages = Table(
    "statement_passages", corpus_metadata,
    Column("id", Integer, primary_key=True),
    Column("statement_id", Text, nullable=False, index=True),
    _fk("article_id", "articles"),
    Column("text", Text),
    Column("text_start", Integer),
    Column("text_end", Integer),
    Column("outlet", Text),
    Column("published", String(32)),
    Column("kind", String(16), doc="own_text: a passage of the speaker's own published text, no quotation"),
    Column("match", String(16)),
)

link_keys = Table(
    "link_keys", corpus_metadata,
    Column("key", Text, primary_key=True),
    Column("kind", String(16), primary_key=True, doc="story | statement"),
    Column("target_id", Text, primary_key=True),
    Index("link_keys_target", "kind", "target_id"),
)

embeddings = Table(
    "embeddings", corpus_metadata,
    Column("text_hash", String(64), primary_key=True),
    Column("model", String(32), primary_key=True),
    Column("vector", LargeBinary, nullable=False, doc="float32, L2-normalised"),
)

LINK_TABLES = (corpus_identities, quote_identities, stories, story_reports, statements, statement_appearances,
               link_keys, embeddings)
OWN_TEXT_TABLES = (statement_passages,)  # migration 3
EXPORTED = ("corpus_identities", "quote_identities", "stories", "story_reports", "statements", "statement_appearances",
            "statement_passages")
