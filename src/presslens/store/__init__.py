"""The corpus store: SQLite by default (`./presslens.db`), PostgreSQL by URL.

`open_store(db)` gives a SQLAlchemy engine on an up-to-date schema; `presslens.store.writer`
puts analyses in, `presslens.store.queries` answers the corpus questions, and
`presslens.store.export` writes tables out as Parquet, CSV or JSONL.
"""
from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, create_engine, event

from .migrations import migrate

DEFAULT_DB = "presslens.db"

__all__ = ["DEFAULT_DB", "database_url", "open_store"]


def database_url(db: str | None) -> str:
    """A path or URL as users type it → a SQLAlchemy URL (`postgresql://` uses psycopg 3)."""
    db = db or DEFAULT_DB
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser()}"


_WAL_SWITCH_SECONDS = 30.0


def _switch_to_wal(cursor) -> None:
    """Put the file in WAL mode (persistent), retrying while another process holds the lock.

    The switch needs an exclusive lock, and SQLite answers "database is locked" at once, without
    waiting out `busy_timeout`, when it sees two openers that could deadlock; so a store being created
    by several processes at the same moment retries here with a short back-off instead of failing.
    """
    deadline = time.monotonic() + _WAL_SWITCH_SECONDS
    pause = 0.01
    while True:
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.5)


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=30000")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def open_store(db: str | None = None, *, create: bool = True) -> Engine:
    """Engine for `db` (path or URL; default `./presslens.db`), migrated to the current schema.

    With `create=False` a missing SQLite file is an error (`FileNotFoundError`) instead of a new store.
    """
    url = database_url(db)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        path = engine.url.database
        if path and path != ":memory:":
            if not create and not Path(path).exists():
                raise FileNotFoundError(f"no store at {path} (run `presslens ingest` first)")
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        event.listen(engine, "connect", _sqlite_pragmas)
    migrate(engine)
    return engine
