"""Schema migrations: an ordered list of steps, each recorded in `schema_version` once applied.

Version 1 creates the tables of `presslens.store.schema` and full-text search: FTS5 tables
kept in step by triggers on SQLite, GIN indexes over `to_tsvector('english', …)` on
PostgreSQL.  Version 2 adds the corpus layer's tables (`presslens.store.corpus_schema`).  A later change to the schema appends a step here; never edit an applied one.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, inspect, select, text

from .corpus_schema import LINK_TABLES
from .schema import metadata, schema_version

_SQLITE_FTS = [
    "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id')",
    "CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN "
    "INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END",
    "CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN "
    "INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END",
    "CREATE VIRTUAL TABLE quotes_fts USING fts5(content, content='quotes', content_rowid='id')",
    "CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN "
    "INSERT INTO quotes_fts(rowid, content) VALUES (new.id, new.content); END",
    "CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN "
    "INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.id, old.content); END",
]

_POSTGRES_FTS = [
    "CREATE INDEX articles_fts ON articles USING gin (to_tsvector('english', coalesce(title, '') || ' ' || text))",
    "CREATE INDEX quotes_fts ON quotes USING gin (to_tsvector('english', coalesce(content, '')))",
]


def _initial(conn: Connection) -> None:
    metadata.create_all(conn, tables=[t for t in metadata.sorted_tables if t not in LINK_TABLES])
    for statement in _SQLITE_FTS if conn.dialect.name == "sqlite" else _POSTGRES_FTS:
        conn.execute(text(statement))


def _corpus_links(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(LINK_TABLES))


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "articles, findings, errors and full-text search", _initial),
    (2, "corpus identities, stories, statements, link keys and embeddings", _corpus_links),
]

CURRENT_VERSION = MIGRATIONS[-1][0]


def migrate(engine: Engine) -> int:
    """Apply the steps the database has not seen yet, each in its own transaction; returns the version."""
    with engine.begin() as conn:
        if not inspect(conn).has_table("schema_version"):
            schema_version.create(conn)
        done = set(conn.scalars(select(schema_version.c.version)))
    for version, description, step in MIGRATIONS:
        if version in done:
            continue
        with engine.begin() as conn:
            step(conn)
            conn.execute(schema_version.insert().values(version=version, description=description))
    return CURRENT_VERSION
