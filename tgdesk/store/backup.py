"""Whole, self-contained copies of the database file (SQLite's online backup
API), and copying such a copy back into the live database.

A copy is written under a temporary name (``.<final>.partial``), checked
(integrity, schema revision, unit name), switched to rollback-journal mode so it
is one file, flushed to disk and only then renamed to its final name: a copy
killed half-way never leaves a file under a backup's name.
"""

from __future__ import annotations

import logging
import os
import re
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import driver
from .driver import Connection as SQLiteConnection

log = logging.getLogger(__name__)

SUFFIX = ".sqlite"
PARTIAL = ".partial"
STAMP_FORMAT = "%Y%m%d-%H%M%S-%f"
# <stem>-<YYYYmmdd-HHMMSS[-ffffff]>-<reason>.sqlite
NAME_RE = re.compile(r"^(?P<stem>.+?)-(?P<stamp>\d{8}-\d{6}(?:-\d{6})?)"
                     r"-(?P<reason>[\w-]+)\.sqlite$")
STALE_PARTIAL_SECONDS = 600


class BackupError(RuntimeError):
    """A copy could not be made or checked; ``str()`` is a Vietnamese message."""


@dataclass(frozen=True)
class FileFacts:
    """What a database file says about itself."""

    integrity: list[str]          # ["ok"] when whole
    revision: str | None          # alembic_version, None when the table is missing
    unit_name: str | None
    page_size: int
    wal: bool                     # WAL mode (a plain file's header: bytes 18-19 == 2)

    @property
    def whole(self) -> bool:
        return self.integrity == ["ok"]


def backup_name(path: Path, reason: str, when: datetime | None = None) -> str:
    stamp = (when or datetime.now()).strftime(STAMP_FORMAT)
    return f"{Path(path).stem}-{stamp}-{reason}{SUFFIX}"


def parse_name(name: str) -> tuple[str, datetime, str] | None:
    """(stem, time, reason) of a backup file name, or None if not one of ours."""
    m = NAME_RE.match(name)
    if not m:
        return None
    stamp = m["stamp"]
    fmt = STAMP_FORMAT if len(stamp) > 15 else "%Y%m%d-%H%M%S"
    try:
        return m["stem"], datetime.strptime(stamp, fmt), m["reason"]
    except ValueError:
        return None


def partial_name(final: str) -> str:
    return f".{final}{PARTIAL}"


def _facts(conn: SQLiteConnection, check: bool) -> tuple[list[str], str | None, str | None]:
    integrity = [r[0] for r in conn.execute("PRAGMA integrity_check")] if check else ["ok"]
    # SQLite 3.44+ reports FTS5 checksum mismatches here too: a search index can be
    # rebuilt from the records ("tgdesk check --repair"), the file is whole.
    integrity = [r for r in integrity if not r.startswith("fts5:")] or ["ok"]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    revision = unit = None
    if "alembic_version" in tables:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    if "unit" in tables:
        row = conn.execute("SELECT name FROM unit ORDER BY id LIMIT 1").fetchone()
        unit = row[0] if row else None
    return integrity, revision, unit


def inspect_file(path: Path, check: bool = True) -> FileFacts:
    """Read-only look at a database file. BackupError if it is not SQLite or unreadable."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        log.warning("cannot read %s: %s", path, exc)
        raise BackupError(f"Không đọc được tệp “{path}”.") from exc
    encrypted = header[:16] != b"SQLite format 3\x00"
    if len(header) < 100 or (encrypted and driver.key_for(path) is None):
        log.warning("%s: not SQLite, or encrypted with a key not registered", path)
        raise BackupError(f"Tệp “{path.name}” không phải là cơ sở dữ liệu tgdesk, hoặc được "
                          "mã hóa bằng khóa của một cơ sở dữ liệu khác.")
    try:
        conn = driver.connect(path, read_only=True, timeout=10)
        try:
            integrity, revision, unit = _facts(conn, check)
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            # the header says it, unless encrypted (then SQLite does)
            wal = (conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal" if encrypted
                   else header[18] == 2)
        finally:
            conn.close()
    except driver.DatabaseError as exc:
        log.warning("cannot inspect %s: %s", path, exc)
        raise BackupError(f"Tệp “{path.name}” bị hỏng hoặc không đọc được.") from exc
    return FileFacts(integrity, revision, unit, page_size, wal)


def _copy(src: SQLiteConnection, dst: SQLiteConnection) -> None:
    """All pages in one step: one consistent snapshot of the source."""
    src.backup(dst)


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as fh:
        fh.flush()
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:          # Windows cannot open a folder; its rename is durable enough
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_with_sides(path: Path) -> None:
    """Remove ``path`` and its journal, WAL and shared-memory files."""
    for extra in ("", "-journal", "-wal", "-shm"):
        try:
            Path(f"{path}{extra}").unlink(missing_ok=True)
        except OSError as exc:
            log.warning("cannot remove %s%s: %s", path, extra, exc)


SAME = object()


def backup_copy(path: Path, backup_dir: Path, reason: str, *, name: str | None = None,
                verify: bool = True, dst_key: object = SAME) -> Path:
    """Copy the database at ``path`` into ``backup_dir`` as
    ``<stem>-<time>-<reason>.sqlite`` (or ``name``), whole or not at all.

    With ``verify`` (the default) the copy must pass ``PRAGMA integrity_check``
    and carry the source's schema revision and unit name; ``verify=False`` is
    for keeping a damaged database aside before it is replaced. Raises
    BackupError, leaving no file behind, when anything fails.

    The copy is encrypted with the key registered for ``path`` (store/driver.py),
    or with ``dst_key`` (None: plain) when given; a plain source is exported into
    an encrypted copy and the other way round.
    """
    path, backup_dir = Path(path), Path(backup_dir)
    if not path.is_file():
        raise BackupError(f"Không tìm thấy tệp cơ sở dữ liệu “{path}”.")
    final = backup_dir / (name or backup_name(path, reason))
    temp = backup_dir / partial_name(final.name)
    try:
        backup_dir.mkdir(parents=True, exist_ok=True)
        remove_with_sides(temp)
        os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        src, src_key = driver.connect_keyed(path, timeout=30)
        key = driver.key_for(path) if dst_key is SAME else dst_key
        try:
            if key != src_key:                     # plain <-> encrypted: an export
                _ok, revision, unit = _facts(src, check=False)
                driver.export(src, temp, key)
            else:
                src.execute("BEGIN")               # the facts and the pages: one snapshot
                _ok, revision, unit = _facts(src, check=False)
                dst = driver.connect(temp, key=key)
                try:
                    _copy(src, dst)
                    dst.execute("PRAGMA journal_mode=DELETE")   # one self-contained file
                finally:
                    dst.close()
        finally:
            src.close()
        if verify:
            _verify(temp, revision, unit)
        _fsync_file(temp)
        os.replace(temp, final)
        fsync_dir(backup_dir)
    except BackupError:
        remove_with_sides(temp)
        raise
    except (OSError, driver.Error) as exc:
        remove_with_sides(temp)
        log.warning("backup of %s into %s failed: %s", path, backup_dir, exc)
        raise BackupError(f"Không tạo được bản sao lưu trong thư mục “{backup_dir}” "
                          "(thư mục không ghi được, hết chỗ trống, hoặc cơ sở dữ liệu đang "
                          "bị khóa).") from exc
    except BaseException:
        remove_with_sides(temp)
        raise
    return final


def _verify(copy: Path, revision: str | None, unit: str | None) -> None:
    facts = inspect_file(copy)
    problem = None
    if not facts.whole:   # SQLite's own (English) findings go to the log only
        log.warning("backup %s not whole: %s", copy, "; ".join(facts.integrity[:10]))
        problem = "bản sao không toàn vẹn: cơ sở dữ liệu đang dùng có chỗ hỏng"
    elif revision is None or facts.revision != revision:
        problem = "phiên bản dữ liệu của bản sao không khớp với cơ sở dữ liệu"
    elif facts.unit_name != unit:
        problem = "tên đơn vị trong bản sao không khớp với cơ sở dữ liệu"
    elif facts.wal:
        problem = "bản sao chưa chuyển được sang dạng một tệp"
    if problem:
        log.warning("backup %s rejected: %s", copy, problem)
        raise BackupError(f"Không tạo được bản sao lưu: {problem}. Hãy chạy “tgdesk check”.")


def copy_into(source: Path, db_path: Path) -> None:
    """Replace every page of the database at ``db_path`` with those of
    ``source``, in ONE write transaction on ``db_path`` (atomic if killed).
    Every other connection to ``db_path`` should be closed first. A source kept
    the other way (plain for an encrypted database, or the reverse) is first
    exported beside the database with its key, then copied from there."""
    facts = inspect_file(source, check=False)
    db_path = Path(db_path)
    converted = db_path.parent / partial_name(f"{db_path.name}-nguon")
    try:
        src, src_key = driver.connect_keyed(Path(source), read_only=True, timeout=30)
        dst, dst_key = driver.connect_keyed(db_path, timeout=30)
        try:
            if src_key != dst_key:
                remove_with_sides(converted)
                src.close()
                src, _key = driver.connect_keyed(Path(source), timeout=30, key=src_key)
                driver.export(src, converted, dst_key)
                src.close()
                src = driver.connect(converted, read_only=True, timeout=30, key=dst_key)
            if dst.execute("PRAGMA page_size").fetchone()[0] != facts.page_size:
                # a WAL database cannot change its page size; the next open sets WAL again
                dst.execute("PRAGMA journal_mode=DELETE")
            src.backup(dst)
        finally:
            dst.close()
            src.close()
            remove_with_sides(converted)
    except driver.Error as exc:
        log.warning("restore of %s into %s failed: %s", source, db_path, exc)
        raise BackupError("Không chép được bản sao vào cơ sở dữ liệu (cơ sở dữ liệu đang được "
                          "chương trình khác mở, hoặc ổ đĩa không ghi được). Dữ liệu hiện tại "
                          "không thay đổi.") from exc


def reencrypt(path: Path, key: bytes) -> bool:
    """Make the plain database or copy at ``path`` an encrypted one (``key``), whole
    or not at all: its WAL emptied, exported under a temporary name, checked,
    flushed, renamed over it (the plain file's ``-wal``/``-shm`` removed first: they
    would be read as the new file's). Every connection to it from this process must
    be closed. False when it was encrypted already."""
    path = Path(path)
    temp = path.parent / partial_name(path.name)
    try:
        src, used = driver.connect_keyed(path, timeout=30, key=key)
        try:
            if used is not None:
                return False
            src.execute("PRAGMA wal_checkpoint(TRUNCATE)")    # a live database's last pages
            _ok, revision, unit = _facts(src, check=False)
            remove_with_sides(temp)
            driver.export(src, temp, key)
        finally:
            src.close()
        dst = driver.connect(temp, key=key)
        try:
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
        facts = inspect_file(temp)
        if not facts.whole or facts.revision != revision or facts.unit_name != unit:
            raise BackupError(f"Không mã hóa được bản sao “{path.name}”.")
        _fsync_file(temp)
        for side in ("-wal", "-shm"):          # emptied by the checkpoint
            Path(f"{path}{side}").unlink(missing_ok=True)
        os.replace(temp, path)
        fsync_dir(path.parent)
        return True
    except (OSError, driver.Error) as exc:
        remove_with_sides(temp)
        log.warning("cannot encrypt %s: %s", path, exc)
        raise BackupError(f"Không mã hóa được bản sao “{path.name}”.") from exc
    except BaseException:
        remove_with_sides(temp)
        raise


def remove_stale_partials(backup_dir: Path, older_than: float = STALE_PARTIAL_SECONDS
                          ) -> list[Path]:
    """Remove what killed copies left (``.*.partial`` and its journal), once
    older than ``older_than`` seconds (younger ones may be a copy in progress)."""
    removed: list[Path] = []
    if not Path(backup_dir).is_dir():
        return removed
    now = time.time()
    for p in Path(backup_dir).iterdir():
        base = p.name.removesuffix("-journal")
        if not (base.startswith(".") and base.endswith(PARTIAL)):
            continue
        try:
            if now - p.stat().st_mtime < older_than:
                continue
            p.unlink()
            removed.append(p)
        except OSError as exc:
            log.warning("cannot remove stale %s: %s", p, exc)
    return removed
