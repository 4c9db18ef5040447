"""Schema migrations: an ordered list of steps, each recorded in `schema_version` once applied.

Version 1 creates the tables of `presslens.store.schema` and full-text search: FTS5 tables
kept in step by triggers on SQLite, GIN indexes over `to_tsvector('english', …)` on
PostgreSQL.  Version 2 adds the corpus layer's tables (`presslens.store.corpus_schema`), 3 the own-text passages,
4 statements' speaker keys by day.  A later change to the schema appends a step here; never edit an applied one.
"""
from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection, Engine, create_engine, event, func, inspect, select, text
from sqlalchemy.pool import NullPool

from .corpus_schema import LINK_TABLES, OWN_TEXT_TABLES, link_keys, statements
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
    metadata.create_all(conn, tables=[t for t in metadata.sorted_tables if t not in LINK_TABLES + OWN_TEXT_TABLES])
    for statement in _SQLITE_FTS if conn.dialect.name == "sqlite" else _POSTGRES_FTS:
        conn.execute(text(statement))


def _corpus_links(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(LINK_TABLES))


def _own_text_passages(conn: Connection) -> None:
    metadata.create_all(conn, tables=list(OWN_TEXT_TABLES))


def _speaker_day_keys(conn: Connection) -> None:
    """Each stored statement's `speaker:<id>` key also as `speaker:<id>@<day first seen>`
    (`presslens.corpus.statements.speaker_day_key`), the keys a dated quotation now reads back by."""
    old = link_keys.alias("old")
    day = func.coalesce(func.substr(statements.c.first_seen, 1, 10), "undated")
    conn.execute(link_keys.insert().from_select(
        ["key", "kind", "target_id"],
        select(old.c.key + "@" + day, old.c.kind, old.c.target_id)
        .join(statements, statements.c.id == old.c.target_id)
        .where(old.c.kind == "statement", old.c.key.startswith("speaker:"))))


MIGRATIONS: list[tuple[int, str, Callable[[Connection], None]]] = [
    (1, "articles, findings, errors and full-text search", _initial),
    (2, "corpus identities, stories, statements, link keys and embeddings", _corpus_links),
    (3, "statement appearances in the speaker's own text (passages)", _own_text_passages),
    (4, "statements' speaker keys by the day first seen", _speaker_day_keys),
]

CURRENT_VERSION = MIGRATIONS[-1][0]


# any constant: the PostgreSQL advisory lock that serialises migrations across processes
_PG_LOCK = 0x70726573736C656E  # "presslen"


def _migration_engine(engine: Engine) -> Engine:
    """An engine whose transactions lock the database against other migrators from their first statement.

    SQLite: `BEGIN IMMEDIATE` on a driver connection in autocommit mode (pysqlite would otherwise
    start no transaction for DDL, and each CREATE would commit alone); a second process waits
    on the busy timeout.  PostgreSQL: DDL is transactional; `pg_advisory_xact_lock` serialises.
    """
    if engine.dialect.name != "sqlite" or engine.url.database in (None, "", ":memory:"):
        return engine  # PostgreSQL, or a private in-memory database no other process can open
    locking = create_engine(engine.url, poolclass=NullPool)

    @event.listens_for(locking, "connect")
    def autocommit(dbapi_connection, _record):
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA busy_timeout=30000")

    @event.listens_for(locking, "begin")
    def begin_immediate(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return locking


def _locked(conn: Connection) -> set[int]:
    """Take the migration lock in this transaction; the versions applied so far."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _PG_LOCK})
    if not inspect(conn).has_table("schema_version"):
        schema_version.create(conn)
    return set(conn.scalars(select(schema_version.c.version)))


def migrate(engine: Engine) -> int:
    """Apply the steps the database has not seen yet, each in its own transaction; returns the version.

    Safe when several processes open a new store at once: each step runs under a lock held from
    the check that it is missing to its commit, so it is applied exactly once.
    """
    with engine.connect() as conn:
        if inspect(conn).has_table("schema_version") and \
                set(conn.scalars(select(schema_version.c.version))) >= {v for v, _, _ in MIGRATIONS}:
            return CURRENT_VERSION  # the common case, without taking the lock
    locking = _migration_engine(engine)
    try:
        for version, description, step in MIGRATIONS:
            with locking.begin() as conn:
                if version in _locked(conn):
                    continue
                step(conn)
                conn.execute(schema_version.insert().values(version=version, description=description))
    finally:
        if locking is not engine:
            locking.dispose()
    return CURRENT_VERSION
