"""Older databases for the migration tests (see old_db.py)."""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import Path

import pytest
from old_db import ROWS_0001, build_at, user_tables


@pytest.fixture
def db_0001(tmp_path) -> Path:
    """A database at the first migration only, every table holding a row."""
    path = build_at(tmp_path / "cu.sqlite", "0001")
    conn = sqlite3.connect(path)
    try:
        assert user_tables(conn) == set(ROWS_0001) | {"alembic_version"}
    finally:
        conn.close()
    return path
