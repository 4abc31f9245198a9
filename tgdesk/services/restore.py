"""Restoring the database from a backup: the backup is checked first, a copy
of the current data is kept, then the backup's pages are copied into the live
database in one write transaction (all or nothing, even if the program is
killed), and an older backup is brought up to this version's schema.

A database damaged beyond opening is restored without opening it
(restore_without_opening): under the writer lock, the same check of the backup,
the damaged file and its ``-wal``/``-shm`` set aside in the backups folder, the
backup put in its place by one rename, then opened (and upgraded)."""

from __future__ import annotations

import errno
import logging
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tgdesk.domain.roles import Permission
from tgdesk.paths import backup_dir_for
from tgdesk.store import driver
from tgdesk.store.backup import (BackupError, backup_copy, backup_name, copy_into, fsync_dir,
                                 inspect_file, parse_name)
from tgdesk.store.db import create_db_engine
from tgdesk.store.migrate import (DatabaseTooNew, NotADatabase, UpgradeFailed, head_revision,
                                  known_revisions, upgrade)

from . import accounts
from .backups import (BEFORE_RESTORE, get_backup_settings, main_folder, reason_label,
                      write_backup_settings)
from .context import Context, check_db_path, open_context
from .db_lock import LockHeld, WriterLock
from .errors import UserError, os_reason
from .files import file_mode

log = logging.getLogger(__name__)

# The reason in the name of a damaged database set aside (kept, like the other
# "truoc-khoi-phuc" copies, from pruning: services/backups.PROTECTED).
DAMAGED = f"{BEFORE_RESTORE}-hong"
SIDE_FILES = ("-wal", "-shm", "-journal")
RESTORE_HINT = "Có thể khôi phục từ bản sao lưu: tgdesk backups, rồi tgdesk restore TỆP."
# SQLite errors that say nothing about the file's content.
_NOT_DAMAGE = ("locked", "busy", "readonly", "read-only", "disk is full", "disk i/o",
               "unable to open", "out of memory", "interrupted")


@dataclass(frozen=True)
class BackupCheck:
    """A backup file found fit to restore, and what the confirmation should say."""

    path: Path
    made_at: datetime
    reason: str
    revision: str
    unit_name: str | None
    upgrade_needed: bool

    def question(self, damaged: bool = False) -> str:
        """``damaged``: the current database cannot be opened (restore_without_opening)."""
        unit = f", đơn vị “{self.unit_name}”" if self.unit_name else ""
        when = self.made_at.strftime("%H:%M ngày %d/%m/%Y")
        lines = [f"Khôi phục dữ liệu từ bản sao “{self.path.name}” (lập lúc {when}"
                 f"{unit}; {reason_label(self.reason).lower()})?"]
        if damaged:
            lines.append("Cơ sở dữ liệu hiện tại không mở được. Tệp của nó được cất nguyên "
                         "trạng vào thư mục sao lưu (không xóa), rồi bản sao này được đặt vào "
                         "chỗ của nó.")
        else:
            lines.append("Toàn bộ dữ liệu hiện tại sẽ được thay bằng dữ liệu trong bản sao "
                         "này. Trước đó, chương trình giữ một bản sao của dữ liệu hiện tại "
                         "trong thư mục sao lưu (“Trước khi khôi phục”), nên có thể quay lại.")
        if self.upgrade_needed:
            lines.append("Bản sao được lập bởi phiên bản cũ hơn; sau khi khôi phục, dữ liệu "
                         "được nâng cấp lên phiên bản hiện tại.")
        return "\n\n".join(lines)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept_copy: Path | None          # None: there was no database file to keep
    kept_copy_damaged: bool
    upgraded: bool

    def text(self) -> str:
        out = f"Đã khôi phục dữ liệu từ bản sao “{self.restored_from.name}”."
        if self.kept_copy is not None:
            out += f"\nDữ liệu trước khi khôi phục được giữ tại: {self.kept_copy}"
            if self.kept_copy_damaged:
                out += " (dữ liệu đó bị hỏng, được giữ nguyên trạng)"
        if self.upgraded:
            out += "\nDữ liệu đã được nâng cấp lên phiên bản hiện tại."
        return out


def check_backup(ctx: Context, path: Path) -> BackupCheck:
    """UserError unless ``path`` is a whole tgdesk database this version can open."""
    return check_backup_for(ctx.db_path, path)


def check_backup_for(db_path: Path, path: Path) -> BackupCheck:
    """check_backup for the database at ``db_path``, which need not be open."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp “{path}”.")
    if path.resolve() == Path(db_path).resolve():
        raise UserError("Tệp đã chọn chính là cơ sở dữ liệu đang mở; hãy chọn một bản sao lưu.")
    if (key := driver.key_for(db_path)) is not None and driver.key_for(path) is None:
        # a copy of this encrypted database kept elsewhere (a USB stick, a shared
        # folder): tried with its key (a plain copy still opens plain)
        driver.remember_key([path], key)
    try:
        facts = inspect_file(path)
    except BackupError as exc:
        raise UserError(str(exc)) from exc
    if not facts.whole:
        log.warning("backup %s fails integrity_check: %s", path, facts.integrity[:5])
        raise UserError(f"Bản sao “{path.name}” bị hỏng (không qua được kiểm tra toàn vẹn); "
                        "hãy chọn bản sao khác.")
    if facts.revision is None:
        raise UserError(f"Tệp “{path.name}” không phải là cơ sở dữ liệu tgdesk.")
    if facts.revision not in known_revisions():
        raise UserError(f"Bản sao “{path.name}” được lập bởi phiên bản tgdesk mới hơn (phiên bản "
                        f"dữ liệu {facts.revision}); hãy cài phiên bản mới hơn để khôi phục.")
    parsed = parse_name(path.name)
    made_at, reason = (parsed[1], parsed[2]) if parsed else \
        (datetime.fromtimestamp(path.stat().st_mtime), "tep-chon")
    return BackupCheck(path, made_at, reason, facts.revision, facts.unit_name,
                       facts.revision != head_revision())


def is_damage(exc: BaseException | None) -> bool:
    """Whether ``exc`` (a failed open or read, or what it wraps) comes from the
    database file itself: damaged, not a tgdesk database, an upgrade that failed;
    what a restore from a backup mends. False for a lock another program holds,
    a file from a newer tgdesk, a busy or full disk, a path that cannot be a
    database, and any other error."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, (LockHeld, DatabaseTooNew)):
            return False
        if isinstance(exc, (NotADatabase, UpgradeFailed)):
            return True
        if isinstance(exc, driver.DatabaseError):   # "malformed", "not a database", ...
            text = str(exc).lower()
            return not any(word in text for word in _NOT_DAMAGE)
        exc = getattr(exc, "orig", None) or exc.__cause__ or \
            (None if exc.__suppress_context__ else exc.__context__)
    return False


# --- restoring into the open database ------------------------------------------------

def _keep_current(ctx: Context) -> tuple[Path, bool]:
    """A copy of the current data; a damaged database is kept as it is."""
    try:
        return backup_copy(ctx.db_path, main_folder(ctx), BEFORE_RESTORE), False
    except BackupError as exc:
        log.warning("verified copy before restore failed (%s); keeping the file as it is", exc)
    try:
        return backup_copy(ctx.db_path, main_folder(ctx), DAMAGED, verify=False), True
    except BackupError as exc:
        raise UserError("Không giữ được bản sao của dữ liệu hiện tại, nên chưa khôi phục. "
                        f"{exc}") from exc


def restore(ctx: Context, path: Path) -> RestoreResult:
    """Replace the live data with the backup at ``path`` (see the module's text)."""
    ctx.require(Permission.ADMINISTER)
    if getattr(ctx, "read_only", False):
        raise UserError("Cơ sở dữ liệu đang mở chỉ để xem (chương trình khác đang ghi), nên "
                        "không khôi phục được. Hãy đóng chương trình kia rồi làm lại.")
    plan = check_backup(ctx, path)
    try:
        settings = get_backup_settings(ctx)    # this computer's settings, not the backup's
    except Exception as exc:
        if not is_damage(exc):
            raise
        log.warning("backup settings unreadable in the damaged database: %s", exc)
        settings = None                       # the backup's own settings stay
    try:
        people = accounts.snapshot(ctx)       # today's people and passwords, kept
    except Exception as exc:
        if not is_damage(exc):
            raise
        log.warning("accounts unreadable in the damaged database: %s", exc)
        people = None
    kept, damaged = _keep_current(ctx)
    ctx.engine.dispose()
    try:
        copy_into(plan.path, ctx.db_path)
    except BackupError as exc:
        raise UserError(str(exc)) from exc
    finally:
        ctx.engine.dispose()
    upgraded = False
    if plan.upgrade_needed:
        # An engine of its own: the context's may show a person who may not read Mật
        # records views in place of the tables (store/db.py hide_classified), on which
        # a migration cannot build.
        engine = create_db_engine(ctx.db_path)
        try:
            upgrade(engine, None, None)
        except Exception as exc:
            log.exception("upgrade after restoring %s failed", plan.path)
            raise UserError("Đã chép bản sao vào nhưng không nâng cấp được dữ liệu lên phiên bản "
                            "hiện tại; chi tiết trong nhật ký. Dữ liệu trước khi khôi phục "
                            f"được giữ tại: {kept}") from exc
        finally:
            engine.dispose()
            ctx.engine.dispose()
        upgraded = True
    if settings is not None:
        write_backup_settings(ctx, settings)
    if people:
        accounts.put_back(ctx, people)
    _note_restore(ctx, plan.path, kept, upgraded)
    log.info("restored %s from %s; previous data kept in %s", ctx.db_path, plan.path, kept)
    return RestoreResult(plan.path, kept, damaged, upgraded)


def _note_restore(ctx: Context, backup: Path, kept: Path | None, upgraded: bool) -> None:
    """The restored database's audit log says where it came from (its own entries
    end where the backup was made; the entries since are in the file kept aside)."""
    from .audit import note

    with ctx.transaction() as session:
        note(session, ctx, "restore_db", "database",
             {"from": backup.name, "kept": kept.name if kept else None, "upgraded": upgraded})


# --- restoring onto a database that cannot be opened ----------------------------------

def restore_without_opening(db_path: Path, path: Path, wait: float = 0.0) -> RestoreResult:
    """Put the backup at ``path`` in place of the database at ``db_path``, which
    is never opened (it may be damaged beyond opening): under the writer lock
    (waiting up to ``wait`` seconds), check the backup as restore does, copy it
    beside the database under a temporary name (checked, flushed to disk), set
    the current file and its ``-wal``/``-shm`` aside in the backups folder
    (``<stem>-<time>-truoc-khoi-phuc-hong.sqlite``, never deleted), rename the
    copy into place, then open it (upgrading an older backup). UserError, with
    nothing changed, when the backup is refused or cannot be put in place."""
    db_path = Path(db_path)
    check_db_path(db_path)
    lock = WriterLock(db_path)
    lock.acquire(wait)
    try:
        plan = check_backup_for(db_path, path)
        kept = _put_in_place(plan.path, db_path)
        log.info("restored %s from %s without opening it; the old file kept as %s",
                 db_path, plan.path, kept)
        try:
            ctx = open_context(db_path)          # migrations, recovery: as the next start
            try:
                _note_restore(ctx, plan.path, kept, plan.upgrade_needed)
            finally:
                ctx.close()
        except UserError as exc:
            log.warning("the restored database does not open: %s", exc)
            where = f" Tệp cũ được giữ tại: {kept}" if kept else ""
            raise UserError(f"Đã đặt bản sao “{plan.path.name}” vào chỗ cơ sở dữ liệu nhưng "
                            f"chưa mở được: {exc}{where}") from exc
    finally:
        lock.release()
    return RestoreResult(plan.path, kept, True, plan.upgrade_needed)


def _put_in_place(backup: Path, db_path: Path) -> Path | None:
    """Stage ``backup`` beside ``db_path``, set the current file aside, rename the
    staged copy into place; the path of the file set aside (None: there was none)."""
    staged_name = f".{db_path.name}.khoi-phuc"
    try:
        staged = backup_copy(backup, db_path.parent, BEFORE_RESTORE, name=staged_name)
    except BackupError as exc:
        log.warning("staging %s beside %s failed: %s", backup, db_path, exc)
        raise UserError(f"Không chép được bản sao vào thư mục “{db_path.parent}” (thư mục "
                        "không ghi được hoặc hết chỗ trống). Dữ liệu hiện tại không thay "
                        "đổi.") from exc
    folder = backup_dir_for(db_path)
    kept = folder / backup_name(db_path, DAMAGED)
    has_file, linked = db_path.exists(), False
    moved: list[tuple[Path, Path]] = []
    try:
        if has_file:
            folder.mkdir(parents=True, exist_ok=True)
            _link_or_copy(db_path, kept)      # kept first: never a moment without a database
            linked = True
        for suffix in SIDE_FILES:             # a stale -wal must not meet the new file
            side, aside = Path(f"{db_path}{suffix}"), Path(f"{kept}{suffix}")
            if side.exists():
                _move(side, aside)
                moved.append((side, aside))
        os.replace(staged, db_path)
    except OSError as exc:
        # db_path still holds the old file: put its side files back, drop the extra names
        log.warning("putting %s in place of %s failed", backup, db_path, exc_info=True)
        for side, aside in reversed(moved):
            try:
                _move(aside, side)
            except OSError:
                log.exception("cannot move %s back to %s", aside, side)
        for extra, ours in ((staged, True), (kept, linked)):
            if ours:
                try:
                    extra.unlink(missing_ok=True)
                except OSError:
                    log.warning("cannot remove %s", extra, exc_info=True)
        raise UserError(f"Không đặt được bản sao vào chỗ cơ sở dữ liệu “{db_path}”: "
                        f"{os_reason(exc)}. Dữ liệu hiện tại không thay đổi.") from exc
    fsync_dir(db_path.parent)
    if not has_file:
        if moved:
            log.warning("side files without a database moved aside: %s", moved)
        return None
    fsync_dir(folder)
    return kept


def _link_or_copy(src: Path, dst: Path) -> None:
    """A second name for ``src`` (a hard link), or where links are not possible
    (FAT drives, some shared folders) a copy flushed to disk."""
    try:
        os.link(src, dst)
        return
    except OSError as exc:
        if exc.errno == errno.EEXIST:
            raise
        log.info("no hard link %s -> %s (%s); copying", src, dst, exc)
    try:
        shutil.copyfile(src, dst)
        os.chmod(dst, file_mode(private=True))
        with dst.open("rb+") as fh:
            os.fsync(fh.fileno())
    except OSError:
        dst.unlink(missing_ok=True)       # a partial copy is no copy
        raise


def _move(src: Path, dst: Path) -> None:
    """Rename, or copy then remove where the folders are on different drives."""
    try:
        os.replace(src, dst)
        return
    except OSError as exc:
        if exc.errno != errno.EXDEV:
            raise
    shutil.copyfile(src, dst)
    os.chmod(dst, file_mode(private=True))
    with dst.open("rb+") as fh:
        os.fsync(fh.fileno())
    src.unlink()
