"""Alembic migrations, run in code at start-up, with a copy of the database
taken aside before any upgrade."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from .backup import backup_copy

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class DatabaseTooNew(RuntimeError):
    """The file was written by a newer tgdesk; opening it could damage it."""


class NotADatabase(RuntimeError):
    """The file is not a tgdesk database."""


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return script.get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def known_revisions() -> set[str]:
    script = ScriptDirectory(str(MIGRATIONS_DIR))
    return {rev.revision for rev in script.walk_revisions()}


def check_file(path: Path) -> None:
    """Refuse files that are not SQLite, or SQLite files that are not ours."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise NotADatabase(f"Tệp “{path}” không phải là cơ sở dữ liệu tgdesk.")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    version = None
    try:
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            version = row[0] if row else None
    except sqlite3.DatabaseError as exc:
        raise NotADatabase(f"Tệp “{path}” bị hỏng hoặc không đọc được: {exc}.") from exc
    finally:
        conn.close()
    if names and "alembic_version" not in names:
        raise NotADatabase(f"Tệp “{path}” là SQLite nhưng không phải cơ sở dữ liệu tgdesk.")
    # Checked here, read-only, before any engine sets WAL mode (which rewrites the header).
    if version is not None and version not in known_revisions():
        raise DatabaseTooNew(_too_new(version))


def _too_new(version: str) -> str:
    return ("Cơ sở dữ liệu này được tạo bởi phiên bản tgdesk mới hơn "
            f"(phiên bản dữ liệu {version}). Hãy cài phiên bản tgdesk mới hơn để mở.")


def copy_aside(path: Path, backup_dir: Path, revision: str | None) -> Path:
    """The copy taken before a migration."""
    return backup_copy(path, backup_dir, f"truoc-nang-cap-{revision or 'moi'}")


def upgrade(engine: Engine, path: Path | None, backup_dir: Path | None,
            target: str = "head") -> Path | None:
    """Upgrade to ``target``; copy the file aside first when it holds data.

    Returns the backup's path, if one was made.
    """
    current = current_revision(engine)
    if current is not None and current not in known_revisions():
        raise DatabaseTooNew(_too_new(current))
    if target == "head" and current == head_revision():
        return None
    backup = None
    if path is not None and backup_dir is not None and current is not None:
        backup = copy_aside(path, backup_dir, current)
    with engine.begin() as conn:
        cfg = alembic_config(engine)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup
