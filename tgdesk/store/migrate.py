"""Alembic migrations, run in code at start-up, with a copy of the database
taken aside before any upgrade.

An upgrade (every revision from the file's to the target, or the creation of a
new database) is ONE SQLite transaction, begun IMMEDIATE: killed or failed at
any point, it leaves the file exactly as it was (see store/db.py for the BEGIN
that makes DDL transactional).

Alembic is imported only to upgrade: whether the file is current is read with
plain SQL against the revisions named by the migration files (``0009_….py`` is
revision ``0009``; tests/store/test_migrations.py keeps the names and Alembic's
revisions equal), so opening a current database costs no Alembic import.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine

from .backup import BackupError, backup_copy, backup_name, inspect_file
from . import driver
from .db import WRITE
from .driver import Connection as SQLiteConnection

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


class DatabaseTooNew(RuntimeError):
    """The file was written by a newer tgdesk; opening it could damage it."""


class NotADatabase(RuntimeError):
    """The file is not a tgdesk database."""


class UpgradeFailed(RuntimeError):
    """An upgrade was rolled back; ``str()`` is a Vietnamese message."""


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["engine"] = engine
    return cfg


REVISION_FILE = re.compile(r"(\d{4})_\w+\.py")


def _file_revisions(folder: Path) -> tuple[str, ...]:
    """The revisions of the migration files in ``folder``/versions, in order."""
    names = (p.name for p in (folder / "versions").iterdir())
    return tuple(sorted(m.group(1) for n in names if (m := REVISION_FILE.fullmatch(n))))


def head_revision() -> str:
    """The newest revision (the chain is linear: each file follows the one before)."""
    return _file_revisions(MIGRATIONS_DIR)[-1]


def known_revisions() -> set[str]:
    return set(_file_revisions(MIGRATIONS_DIR))


def stored_revision(conn: Connection) -> str | None:
    """The revision the database is at (None: a new, empty file), by plain SQL."""
    if conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                            "AND name = 'alembic_version'").first() is None:
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return stored_revision(conn)


def check_file(path: Path) -> None:
    """Refuse files that are not SQLite, or SQLite files that are not ours."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.stat().st_size < 512:   # smaller than SQLite's smallest page: not a database
        raise NotADatabase(f"Tệp “{path}” không phải là cơ sở dữ liệu tgdesk.")
    # The header is read through SQLite, never with open()/close(): closing any
    # descriptor of the file drops every POSIX lock this process holds on it,
    # which would let another process write under an open Context.
    conn = driver.connect(path, read_only=True)
    version = None
    try:
        if conn.execute("PRAGMA schema_version").fetchone() is None:
            raise driver.DatabaseError("no header")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "alembic_version" in names:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            version = row[0] if row else None
    except driver.DatabaseError as exc:
        log.warning("cannot read %s: %s", path, exc)
        if "not a database" in str(exc):
            raise NotADatabase(f"Tệp “{path}” không phải là cơ sở dữ liệu tgdesk.") from exc
        raise NotADatabase(f"Tệp “{path}” bị hỏng hoặc không đọc được.") from exc
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


def _refuse_unknown(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise DatabaseTooNew(_too_new(revision))


# --- the copy aside ----------------------------------------------------------------

def upgrade_backup_name(path: Path, revision: str) -> str:
    """One name per database and version step: a retried upgrade finds its copy."""
    return f"{Path(path).stem}-truoc-nang-cap-{revision}.sqlite"


def _fingerprint(conn: SQLiteConnection) -> list[tuple]:
    """Per table: rows, highest id, latest change; equal for a copy of the same data."""
    out = []
    tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                          "AND sql LIKE 'CREATE TABLE%' ORDER BY name").fetchall()
    for (name,) in tables:
        cols = {r[1] for r in conn.execute(f'PRAGMA table_info("{name}")')}
        parts = ["count(*)"] + [f'max("{c}")' for c in ("id", "updated_at") if c in cols]
        out.append((name, *conn.execute(f'SELECT {", ".join(parts)} FROM "{name}"').fetchone()))
    return out


def _copy_matches(copy: Path, revision: str, source: SQLiteConnection) -> bool:
    """``copy`` is whole, at ``revision`` and holds the data ``source`` holds now."""
    try:
        if not (facts := inspect_file(copy)).whole or facts.revision != revision:
            return False
        conn = driver.connect(copy, read_only=True)
        try:
            return _fingerprint(conn) == _fingerprint(source)
        finally:
            conn.close()
    except (BackupError, driver.Error) as exc:
        log.warning("existing copy %s unusable: %s", copy, exc)
        return False


def _put_aside(copy: Path, path: Path, revision: str) -> None:
    """An older copy under the step's name that is not of today's data: keep it
    under a dated name if it is whole, remove it if it is not."""
    try:
        whole = inspect_file(copy).whole
    except BackupError:
        whole = False
    when = datetime.fromtimestamp(copy.stat().st_mtime)
    kept = copy.with_name(backup_name(path, f"truoc-nang-cap-{revision}", when))
    if whole:
        log.info("older copy %s kept as %s", copy.name, kept.name)
    else:
        log.warning("removing damaged copy %s", copy)
    for extra in ("-wal", "-journal", "-shm", ""):     # the file itself last
        side = Path(f"{copy}{extra}")
        if not side.exists():
            continue
        if whole and extra != "-shm":
            side.replace(f"{kept}{extra}")
        else:
            side.unlink()


def copy_aside(path: Path, backup_dir: Path, revision: str,
               source: SQLiteConnection) -> Path:
    """The copy taken before upgrading from ``revision``, made once per step: a
    whole copy of the same data left by an earlier attempt is reused.
    ``source`` is the upgrading connection (holding the write lock)."""
    target = Path(backup_dir) / upgrade_backup_name(path, revision)
    if target.exists():
        if _copy_matches(target, revision, source):
            log.info("reusing %s", target)
            return target
        try:
            _put_aside(target, path, revision)
        except OSError as exc:
            log.warning("cannot move %s aside: %s", target, exc)
            raise BackupError(f"Không tạo được bản sao lưu trước khi nâng cấp: tệp “{target}” "
                              "đã có và không đổi tên được.") from exc
    return backup_copy(path, backup_dir, f"truoc-nang-cap-{revision}", name=target.name)


# --- the upgrade ---------------------------------------------------------------------

def _fk_violations(conn: SQLiteConnection) -> set[tuple]:
    return {tuple(r) for r in conn.execute("PRAGMA foreign_key_check")}


def upgrade(engine: Engine, path: Path | None, backup_dir: Path | None,
            target: str = "head") -> Path | None:
    """Upgrade to ``target`` in one transaction; copy the file aside first when
    it holds data. Returns the copy's path, if one was made (or reused)."""
    current = current_revision(engine)      # a plain read: usually nothing to do
    _refuse_unknown(current)
    if target == "head" and current == head_revision():
        return None
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        # A batch migration rebuilds tables: dropping the old one must neither cascade
        # nor fail on foreign keys. The pragma is ignored inside a transaction, so it
        # is turned off before BEGIN; foreign_key_check stands in for it before COMMIT.
        raw.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.execution_options(**{WRITE: True}).begin():
                return _upgrade_locked(conn, raw, path, backup_dir, target)
        finally:
            try:
                raw.execute("PRAGMA foreign_keys=ON")
            except driver.Error:
                conn.invalidate()            # never back into the pool without them


def _upgrade_locked(conn: Connection, raw: SQLiteConnection, path: Path | None,
                    backup_dir: Path | None, target: str) -> Path | None:
    # Read again under the write lock: another process may have upgraded meanwhile.
    current = stored_revision(conn)
    _refuse_unknown(current)
    if target == "head" and current == head_revision():
        return None
    backup = None
    if path is not None and backup_dir is not None and current is not None:
        backup = copy_aside(path, backup_dir, current, raw)
    before = _fk_violations(raw)
    from alembic import command     # only now: opening a current database never needs it

    cfg = alembic_config(conn.engine)
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, target)
    broken = _fk_violations(raw) - before
    if broken:
        log.error("upgrade %s -> %s broke foreign keys: %s", current, target, sorted(broken)[:20])
        raise UpgradeFailed("Nâng cấp cơ sở dữ liệu không thành công (liên kết giữa các bảng "
                            "bị sai); dữ liệu được giữ nguyên như trước.")
    return backup
