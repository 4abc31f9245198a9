"""Opening the SQLite database: engine with pragmas, transactions, sessions.

Transactions: the driver (Python's sqlite3) is put out of the way
(``isolation_level = None``) and every transaction starts with our own BEGIN
(SQLAlchemy's documented recipe for pysqlite). In the driver's legacy mode no
BEGIN precedes DDL, so each CREATE/ALTER of a migration committed on its own and
a migration killed half-way left a half-built schema; with an explicit BEGIN a
whole upgrade is one transaction. A write transaction (``writing(engine)``)
begins with ``BEGIN IMMEDIATE``: it takes the write lock before its first read,
so a read-then-write (the next report number) cannot interleave with another
writer, which waits (busy_timeout) instead.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from tgdesk.domain.text import fold

from . import driver
from .uri import sqlite_uri  # noqa: F401  (callers import it from here)

# Execution option: transactions on an engine/connection carrying it take the
# write lock at BEGIN.
WRITE = "tgdesk_write"
BUSY_TIMEOUT_MS = 5000


def sql_fold(value: str | None) -> str | None:
    """``tg_fold()`` in SQL: the search index's diacritic-free column."""
    return None if value is None else fold(value)


def _on_connect(dbapi_conn, _record) -> None:
    # The driver issues no BEGIN/COMMIT of its own; _on_begin does (see module doc).
    dbapi_conn.isolation_level = None
    # The search triggers call tg_fold(); every connection of ours provides it.
    dbapi_conn.create_function("tg_fold", 1, sql_fold, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a saved record survives the PC being switched off right after (WAL with
    # NORMAL may lose the last commits); an officer saves one record at a time.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


CLASSIFICATION_COLUMN = "classification"
NOT_SECRET = "thuong"


def hide_classified(dbapi_conn, _record=None) -> None:
    """On this connection, every table with a classification column is shadowed
    by a temporary view of its rows that are not Mật. SQLite looks up an
    unqualified name in ``temp`` before ``main``, so every statement — the ORM's,
    raw SQL, the search's joins — reads the view; writes to those tables fail
    (only people who may read Mật records write records)."""
    cur = dbapi_conn.cursor()
    # A read-only Context's connections refuse every change (query_only), temporary
    # views included; those views write nothing to the file.
    query_only = cur.execute("PRAGMA query_only").fetchone()[0]
    if query_only:
        cur.execute("PRAGMA query_only=OFF")
    try:
        tables = [r[0] for r in cur.execute(
            "SELECT m.name FROM main.sqlite_master m, pragma_table_info(m.name) c "
            "WHERE m.type = 'table' AND c.name = ?", (CLASSIFICATION_COLUMN,))]
        for name in tables:
            cur.execute(f'CREATE TEMP VIEW IF NOT EXISTS "{name}" AS SELECT * FROM main."{name}" '
                        f"WHERE {CLASSIFICATION_COLUMN} = '{NOT_SECRET}'")
    finally:
        if query_only:
            cur.execute("PRAGMA query_only=ON")
        cur.close()


def _on_begin(conn: Connection) -> None:
    write = conn.get_execution_options().get(WRITE, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def create_db_engine(path: Path) -> Engine:
    """An engine on ``path``: WAL, foreign keys and an explicit BEGIN on every
    connection; transactions are deferred (readers) unless begun on ``writing()``."""
    # URL.create, not an f-string: a "?", "#" or "%" in the path would be read as
    # the URL's query, fragment or an escape, and the file would land elsewhere.
    # hide_parameters: an error's text (which reaches the log) never holds the
    # values of a statement, which can be an opinion note's words.
    # The driver is sqlcipher3 (store/driver.py); an encrypted file's key, registered
    # for ``path``, is applied before anything else reads the file.
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True,
                           hide_parameters=True, module=driver.sqlite)
    event.listen(engine, "connect",
                 lambda conn, _record: driver.apply_key(conn, driver.key_for(path)), insert=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def writing(engine: Engine) -> Engine:
    """The same engine (same pool), its transactions beginning IMMEDIATE."""
    return engine.execution_options(**{WRITE: True})


def session_factory(engine: Engine, *, write: bool = False) -> sessionmaker[Session]:
    """Sessions for reading (deferred BEGIN) or, with ``write``, for units of
    work that take the write lock at their first statement."""
    return sessionmaker(writing(engine) if write else engine, expire_on_commit=False)
