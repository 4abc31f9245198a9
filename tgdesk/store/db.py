"""Opening the SQLite database: engine with pragmas, sessions."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from tgdesk.domain.text import fold


def sql_fold(value: str | None) -> str | None:
    """``tg_fold()`` in SQL: the search index's diacritic-free column."""
    return None if value is None else fold(value)


def _on_connect(dbapi_conn, _record) -> None:
    # The search triggers call tg_fold(); every connection of ours provides it.
    dbapi_conn.create_function("tg_fold", 1, sql_fold, deterministic=True)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a saved record survives the PC being switched off right after (WAL with
    # NORMAL may lose the last commits); an officer saves one record at a time.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def create_db_engine(path: Path) -> Engine:
    """An engine on ``path``; WAL and foreign keys on every connection."""
    engine = create_engine(f"sqlite:///{path}", future=True)
    event.listen(engine, "connect", _on_connect)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)
