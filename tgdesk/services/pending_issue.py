"""A report being issued with its files written out: the pending state.

Issuing with an output folder (services/issuing.py ``issue``) is one act in
three steps, so the register and the files never disagree:

a) one transaction: the number is taken and the report stored as *pending*,
   with its DOCX/PDF bytes and the planned files (``Plan``);
b) the files are written (each one atomically: services/files.py);
c) one transaction: the report becomes *issued*.

If (b) or (c) fails, the files this act wrote and the pending row go (the
number is free again) and the officer is told that nothing was issued. If the
process dies between (a) and (c), ``recover_pending`` (run when the database
is opened) finishes the act when every planned file is there with exactly the
stored bytes, and otherwise undoes it.

While an act runs, its process holds an OS lock on a small file beside the
database (``OwnerLock``); recovery in another process skips an act whose lock is
held, and the OS releases the lock when the process dies.
"""

from __future__ import annotations

import errno
import json
import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from tgdesk.store.tables import ReportRow

from . import register
from .context import Context
from .errors import UserError
from .files import make_folder, write_bytes

log = logging.getLogger(__name__)

# errno of "another process holds the lock"; any other failure means this file
# system cannot lock files, and the database's writer lock (db_lock.py), which
# lets one process write at a time, is the only guard left.
_HELD = {errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES, errno.EDEADLK,
         getattr(errno, "EDEADLOCK", errno.EDEADLK)}

if os.name == "nt":
    import msvcrt

    def _lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError as exc:
            return exc.errno not in _HELD
        return True

    def _unlock(fd: int) -> None:
        try:
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            return exc.errno not in _HELD
        return True

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass


class OwnerLock:
    """The lock file of one issuing act: ``.<database name>.issue-<token>.lock``
    beside the database."""

    def __init__(self, db_path: Path, token: str | None = None):
        self.token = token or uuid.uuid4().hex
        self.path = Path(db_path).with_name(f".{Path(db_path).name}.issue-{self.token}.lock")
        self._fd: int | None = None

    @staticmethod
    def leftovers(db_path: Path) -> dict[str, Path]:
        """{token: path} of the lock files beside the database."""
        db_path = Path(db_path)
        prefix, suffix = f".{db_path.name}.issue-", ".lock"
        try:
            names = os.listdir(db_path.parent)
        except OSError:
            return {}
        return {n[len(prefix):-len(suffix)]: db_path.parent / n for n in names
                if n.startswith(prefix) and n.endswith(suffix)}

    @classmethod
    def start(cls, db_path: Path) -> OwnerLock:
        """A new act's lock, held."""
        lock = cls(db_path)
        try:
            if lock.acquire():
                return lock
        except OSError as exc:
            log.warning("cannot create %s", lock.path, exc_info=True)
            raise UserError(f"Không ghi được vào thư mục của cơ sở dữ liệu “{lock.path.parent}”; "
                            "chưa ban hành báo cáo nào.") from exc
        raise UserError("Không bắt đầu được việc ban hành; chưa ban hành báo cáo nào, hãy thử lại.")

    def acquire(self) -> bool:
        """Take the lock without waiting; False when a live process holds it."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _lock(fd):
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        """Remove the lock file and let the lock go."""
        if self._fd is None:
            return
        try:
            self.path.unlink(missing_ok=True)
        except OSError:      # Windows: another process has it open; swept later
            pass
        _unlock(self._fd)
        os.close(self._fd)
        self._fd = None


@dataclass(frozen=True)
class Plan:
    """Where a pending report's files go: {format: file name} in ``folder``."""
    folder: Path
    files: dict[str, str]
    owner: str                   # the OwnerLock token of the issuing act

    @classmethod
    def of(cls, out_dir: Path, stem: str, formats: list[str], owner: str) -> Plan:
        return cls(Path(os.path.abspath(out_dir)), {f: f"{stem}.{f}" for f in formats}, owner)

    def paths(self) -> dict[str, Path]:
        return {fmt: self.folder / name for fmt, name in self.files.items()}

    def to_json(self) -> str:
        return json.dumps({"folder": str(self.folder), "files": self.files,
                           "owner": self.owner}, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str | None) -> Plan | None:
        try:
            raw = json.loads(text or "")
            return cls(Path(raw["folder"]), {str(k): str(v) for k, v in raw["files"].items()},
                       str(raw["owner"]))
        except (ValueError, KeyError, TypeError, AttributeError):
            return None


def _content(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def remove_ours(plan: Plan, blobs: dict[str, bytes | None]) -> int:
    """Remove the planned files holding exactly our bytes (never another
    content) and the temporary files files.write_file leaves when killed
    (``.<stem>.*.tmp``); return how many files went."""
    removed = 0
    for fmt, path in plan.paths().items():
        if blobs.get(fmt) is not None and _content(path) == blobs[fmt]:
            try:
                path.unlink()
                removed += 1
            except OSError:
                log.warning("could not remove %s", path, exc_info=True)
    for path in plan.paths().values():
        for tmp in plan.folder.glob(f".{path.stem}.*.tmp"):
            try:
                tmp.unlink()
                removed += 1
            except OSError:
                log.warning("could not remove %s", tmp, exc_info=True)
    return removed


def not_issued(number_text: str) -> str:
    return f"Báo cáo chưa được ban hành: sổ báo cáo không thay đổi, số {number_text} chưa bị dùng."


def _missing_folders(folder: Path) -> list[Path]:
    """The folders make_folder would create for ``folder``, deepest first."""
    out = []
    path = Path(folder)
    try:
        while not path.exists() and path != path.parent:
            out.append(path)
            path = path.parent
    except OSError:
        pass
    return out


def _undo(ctx: Context, report_id: int, plan: Plan, blobs: dict[str, bytes | None],
          created: list[Path]) -> None:
    """Remove what this act wrote, then the pending row. Files go first: if the
    row cannot be dropped now, recovery finds the files gone and drops it."""
    remove_ours(plan, blobs)
    for folder in created:
        try:
            folder.rmdir()
        except OSError:
            break
    try:
        with ctx.transaction() as session:
            register.drop_pending(session, report_id)
    except (SQLAlchemyError, UserError):   # the database busy: recovery drops it later
        log.exception("pending report %s left for recovery", report_id)


def write_and_issue(ctx: Context, report_id: int, plan: Plan, blobs: dict[str, bytes | None],
                    number_text: str) -> list[Path]:
    """Steps (b) and (c) for the pending report ``report_id``: write the planned
    files, then mark it issued. On any failure, undo the act (the files it
    wrote, the pending row) and raise UserError saying nothing was issued."""
    written: list[Path] = []
    created = _missing_folders(plan.folder)
    try:
        make_folder(plan.folder, "báo cáo")
        for fmt, path in plan.paths().items():
            written.append(write_bytes(path, blobs[fmt], "báo cáo"))
        with ctx.transaction() as session:
            if register.mark_issued(session, report_id) is None:
                raise LookupError(f"pending report {report_id} vanished")
    except BaseException as exc:
        _undo(ctx, report_id, plan, blobs, created)
        if isinstance(exc, UserError):
            raise UserError(f"{exc} {not_issued(number_text)}") from exc
        if isinstance(exc, (OSError, SQLAlchemyError, LookupError)):
            log.exception("issuing report %s failed", report_id)
            raise UserError("Không ghi được báo cáo vào sổ (cơ sở dữ liệu đang bận hoặc bị "
                            f"lỗi). {not_issued(number_text)}") from exc
        raise
    return written


def _recover_one(ctx: Context, report_id: int) -> str | None:
    """Finish or undo one pending report whose issuing process is gone."""
    with ctx.reading() as session:
        row = session.get(ReportRow, report_id)
        if row is None or row.status != register.PENDING:
            return None
        number = row.number_text or str(row.number)
        plan = Plan.from_json(row.pending_files)
        blobs = {"docx": row.docx, "pdf": row.pdf}
    complete = plan is not None and bool(plan.files) and all(
        blobs.get(fmt) is not None and _content(path) == blobs[fmt]
        for fmt, path in plan.paths().items())
    if complete:
        with ctx.transaction() as session:
            register.mark_issued(session, report_id)
        return (f"Báo cáo số {number} đang ban hành dở đã được hoàn tất: các tệp trong "
                f"“{plan.folder}” đã ghi đủ và đúng, báo cáo được ghi vào sổ.")
    removed = remove_ours(plan, blobs) if plan is not None else 0
    with ctx.transaction() as session:
        register.drop_pending(session, report_id)
    files = f", đã xóa {removed} tệp ghi dở" if removed else ""
    return (f"Báo cáo số {number} ban hành dở (chưa ghi xong tệp) đã được hủy{files}: "
            "báo cáo chưa được ban hành, số này chưa bị dùng.")


def recover_pending(ctx: Context) -> list[str]:
    """Finish or undo every pending report whose issuing process is gone (see
    the module's docstring); return Vietnamese lines saying what was done."""
    with ctx.reading() as session:
        pending = [(row.id, Plan.from_json(row.pending_files))
                   for row in register.pending_rows(session)]
    lines: list[str] = []
    owners = set()
    for report_id, plan in pending:
        lock = OwnerLock(ctx.db_path, plan.owner if plan is not None else None)
        owners.add(lock.token)
        try:
            if not lock.acquire():
                continue             # its issuer is still at work
        except OSError:
            log.warning("cannot lock %s", lock.path, exc_info=True)
            continue
        try:
            line = _recover_one(ctx, report_id)
        except (OSError, SQLAlchemyError, UserError):
            log.exception("recovery of pending report %s failed", report_id)
            line = (f"Chưa xử lý được báo cáo đang ban hành dở (mã {report_id}); sẽ thử lại "
                    "lần mở sau.")
        finally:
            lock.release()
        if line:
            lines.append(line)
            log.info("%s", line)
    for token, _path in OwnerLock.leftovers(ctx.db_path).items():
        if token in owners:
            continue
        lock = OwnerLock(ctx.db_path, token)   # a dead act's lock file without a row
        try:
            if lock.acquire():
                lock.release()
        except OSError:
            continue
    return lines


def _is_running(ctx: Context, token: str) -> bool:
    """Whether the issuing act holding ``token`` is still at work."""
    lock = OwnerLock(ctx.db_path, token)
    if not lock.path.exists():
        return False
    try:
        if not lock.acquire():
            return True
    except OSError:
        return False
    lock.release()
    return False


def register_check(ctx: Context, repair: bool) -> list[str]:
    """Problems of the report register, one Vietnamese line each (empty: none):
    pending reports (``repair`` finishes or undoes them: recover_pending),
    issued reports missing their stored DOCX or PDF, and numbers issued twice
    by an older version (marked by migration 0008, both kept)."""
    lines: list[str] = []
    if repair:
        lines += recover_pending(ctx)
    with ctx.reading() as session:
        for row in register.pending_rows(session):
            plan = Plan.from_json(row.pending_files)
            busy = plan is not None and _is_running(ctx, plan.owner)
            lines.append(f"Báo cáo số {row.number_text} (mã {row.id}) đang ban hành dở"
                         + (" (một chương trình khác đang ghi tệp)." if busy else
                            "; chạy kiểm tra có sửa chữa để hoàn tất hoặc hủy."))
        issued = session.scalars(select(ReportRow).where(ReportRow.status == "issued")
                                 .order_by(ReportRow.id)).all()
        for row in issued:
            missing = [fmt.upper() for fmt, blob in (("docx", row.docx), ("pdf", row.pdf))
                       if not blob]
            if missing:
                lines.append(f"Báo cáo số {row.number_text} (mã {row.id}) đã ban hành nhưng "
                             f"không lưu tệp {' và '.join(missing)}; bản đã ban hành không "
                             "dựng lại được, hãy giữ tệp gốc đã gửi đi.")
            if row.duplicate_of is not None:
                lines.append(f"Số {row.number_text} được ban hành hai lần (phiên bản cũ ban "
                             f"hành cùng lúc): báo cáo mã {row.id} trùng số với báo cáo mã "
                             f"{row.duplicate_of}. Cả hai được giữ nguyên như đã ban hành.")
    return lines
