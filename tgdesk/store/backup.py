"""Consistent copies of the database file (SQLite's online backup API), taken
before anything that rewrites many rows: a migration, an import."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


def backup_copy(path: Path, backup_dir: Path, reason: str) -> Path:
    """Copy ``path`` into ``backup_dir`` as ``<stem>-<time>-<reason>.sqlite``."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = backup_dir / f"{path.stem}-{stamp}-{reason}.sqlite"
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target
