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

from pathlib import Path, PurePath, PureWindowsPath
from urllib.parse import quote, urlencode

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session, sessionmaker

from tgdesk.domain.text import fold

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
    engine = create_engine(URL.create("sqlite", database=str(path)), future=True,
                           hide_parameters=True)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def sqlite_uri(path: PurePath, **query: str) -> str:
    """An SQLite ``file:`` URI for the absolute ``path`` (``mode="ro"`` and the
    like as ``query``). Every character that means something in a URI (``?``,
    ``#``, ``%``, spaces) and every non-ASCII letter is percent-quoted, which
    SQLite decodes back to the name. A Windows drive path becomes
    ``file:///C:/...``; a network share ``\\\\server\\share`` becomes
    ``file:////server/share/...`` (an empty authority: SQLite refuses any other)."""
    text = path.as_posix() if isinstance(path, PureWindowsPath) else str(path)
    if not text.startswith("/"):
        text = "/" + text          # "C:/x" -> "/C:/x"
    uri = "file://" + quote(text, safe="/:", errors="surrogateescape")
    return f"{uri}?{urlencode(query)}" if query else uri


def writing(engine: Engine) -> Engine:
    """The same engine (same pool), its transactions beginning IMMEDIATE."""
    return engine.execution_options(**{WRITE: True})


def session_factory(engine: Engine, *, write: bool = False) -> sessionmaker[Session]:
    """Sessions for reading (deferred BEGIN) or, with ``write``, for units of
    work that take the write lock at their first statement."""
    return sessionmaker(writing(engine) if write else engine, expire_on_commit=False)
