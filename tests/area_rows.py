"""Raw area rows, written and counted with plain sqlite3: a count that tells one copy
of a database from another (restore tests)."""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import Path


def add_areas(db: Path, names: list[str]) -> None:
    conn = sqlite3.connect(db)
    conn.executemany("INSERT INTO area (name, kind, active, uuid, created_at, updated_at, "
                     "deleted) VALUES (?, 'khu_pho', 1, ?, '2026-01-01', '2026-01-01', 0)",
                     [(n, n) for n in names])
    conn.commit()
    conn.close()


def area_count(db: Path) -> int:
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM area").fetchone()[0]
    finally:
        conn.close()
