"""Backups a user can rely on: made on demand, at the first start of a day and
when the window closes, copied to a second folder (USB drive, shared folder)
when one is set, listed, and pruned by tiered retention (the newest of each
day, week and month, up to the counts set). Restoring is services/restore.py;
checking the data, services/dbcheck.py."""

from __future__ import annotations

import logging
import re
import socket
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from tgdesk import vnformat as vf
from tgdesk.domain.roles import Permission
from tgdesk.paths import backup_dir_for
from tgdesk.store.backup import (BackupError, backup_copy, backup_name, parse_name,
                                 remove_stale_partials)

from .context import Context
from .errors import UserError
from .settings_store import get_setting, set_setting

log = logging.getLogger(__name__)

SETTINGS_KEY = "backup_settings"
MANUAL, DAILY, ON_EXIT, BEFORE_RESTORE = ("thu-cong", "tu-dong-dau-ngay", "tu-dong-khi-thoat",
                                          "truoc-khoi-phuc")
LABELS = {
    MANUAL: "Sao lưu thủ công",
    DAILY: "Tự động, lần mở đầu tiên trong ngày",
    ON_EXIT: "Tự động, khi đóng cửa sổ",
    BEFORE_RESTORE: "Trước khi khôi phục",
    "truoc-khoi-phuc-hong": "Trước khi khôi phục (dữ liệu cũ bị hỏng, giữ nguyên trạng)",
    "truoc-nhap-json": "Trước khi nhập tệp JSON",
    "truoc-nhap-goi": "Trước khi nhập gói dữ liệu",
}
# The newest copy of these kinds is never pruned: the way back from a restore or an upgrade.
PROTECTED = (BEFORE_RESTORE, "truoc-khoi-phuc-hong", "truoc-nang-cap")
LIMITS = {"keep_daily": (1, 365), "keep_weekly": (0, 520), "keep_monthly": (0, 240)}
MAIN_FOLDER, SECOND_FOLDER = "chính", "thứ hai"

now: Callable[[], datetime] = datetime.now       # tests may replace it


def reason_label(reason: str) -> str:
    if reason in LABELS:
        return LABELS[reason]
    if reason.startswith("truoc-nang-cap"):
        revision = reason.removeprefix("truoc-nang-cap").strip("-")
        return f"Trước khi nâng cấp dữ liệu (phiên bản {revision})" if revision else \
            "Trước khi nâng cấp dữ liệu"
    return f"Khác ({reason})"


def size_text(size: int) -> str:
    if size < 1024 * 1024:
        return f"{vf.number(max(1, round(size / 1024)))} KB"
    return f"{vf.number(round(size / 1024 / 1024, 1))} MB"


@dataclass(frozen=True)
class BackupSettings:
    second_folder: str | None = None
    keep_daily: int = 7
    keep_weekly: int = 4
    keep_monthly: int = 12


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    made_at: datetime
    reason: str
    size: int
    folder: str                   # MAIN_FOLDER or SECOND_FOLDER
    warning: str | None = None    # make_backup: the copy to the second folder failed
    second_copy: Path | None = None

    @property
    def label(self) -> str:
        return reason_label(self.reason)

    @property
    def size_text(self) -> str:
        return size_text(self.size)

    def as_json(self) -> dict:
        return {"path": str(self.path), "made_at": self.made_at.isoformat(timespec="seconds"),
                "reason": self.reason, "label": self.label, "size": self.size,
                "folder": self.folder}


@dataclass
class PruneResult:
    removed: list[Path]
    kept: int

    def text(self) -> str:
        return (f"Đã xóa {vf.number(len(self.removed))} bản sao cũ, giữ "
                f"{vf.number(self.kept)} bản sao.")


# --- settings -------------------------------------------------------------------

def get_backup_settings(ctx: Context) -> BackupSettings:
    raw = get_setting(ctx, SETTINGS_KEY, {})
    if not isinstance(raw, dict):
        return BackupSettings()
    values = {}
    for key, (low, high) in LIMITS.items():
        if isinstance(raw.get(key), int) and low <= raw[key] <= high:
            values[key] = raw[key]
    folder = raw.get("second_folder")
    return BackupSettings(second_folder=folder if isinstance(folder, str) and folder else None,
                          **values)


def save_backup_settings(ctx: Context, settings: BackupSettings) -> BackupSettings:
    """Check and store the settings; UserError (nothing stored) when one is wrong."""
    nouns = {"keep_daily": "ngày", "keep_weekly": "tuần", "keep_monthly": "tháng"}
    for key, (low, high) in LIMITS.items():
        value = getattr(settings, key)
        if not isinstance(value, int) or not low <= value <= high:
            raise UserError(f"Số bản sao giữ lại theo {nouns[key]} phải từ {low} đến {high}.")
    folder = (settings.second_folder or "").strip() or None
    if folder is not None:
        path = Path(folder).expanduser()
        if not path.is_dir():
            raise UserError(f"Không tìm thấy thư mục “{folder}”. Hãy cắm ổ USB hoặc chọn một "
                            "thư mục có sẵn.")
        if _inside(path, backup_dir_for(ctx.db_path)):
            raise UserError("Thư mục thứ hai phải khác thư mục sao lưu chính.")
        folder = str(path.resolve())
    settings = replace(settings, second_folder=folder)
    write_backup_settings(ctx, settings)
    return settings


def write_backup_settings(ctx: Context, settings: BackupSettings) -> None:
    """Store settings already checked (restore puts this computer's back)."""
    set_setting(ctx, SETTINGS_KEY, {"second_folder": settings.second_folder,
                                    "keep_daily": settings.keep_daily,
                                    "keep_weekly": settings.keep_weekly,
                                    "keep_monthly": settings.keep_monthly})


def _inside(path: Path, folder: Path) -> bool:
    path, folder = path.resolve(), folder.resolve()
    return path == folder or folder in path.parents


def main_folder(ctx: Context) -> Path:
    return backup_dir_for(ctx.db_path)


def second_folder(ctx: Context, settings: BackupSettings | None = None) -> Path | None:
    """This computer's folder inside the second folder (several computers may share it)."""
    settings = settings or get_backup_settings(ctx)
    if not settings.second_folder:
        return None
    host = re.sub(r"[^\w.-]+", "_", socket.gethostname()).strip("._") or "may-tinh"
    return Path(settings.second_folder) / f"tgdesk-{host}"


# --- listing --------------------------------------------------------------------

def _ours(folder: Path | None, stem: str, label: str) -> list[BackupInfo]:
    """The backups of the database named ``stem`` in ``folder`` (never other files)."""
    out: list[BackupInfo] = []
    if folder is None or not folder.is_dir():
        return out
    try:
        entries = list(folder.iterdir())
    except OSError as exc:
        log.warning("cannot list %s: %s", folder, exc)
        return out
    for p in entries:
        if p.name.startswith(".") or not p.name.endswith(".sqlite") \
                or not p.name.startswith(f"{stem}-"):
            continue
        try:
            st = p.stat()
            with p.open("rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    continue
        except OSError:
            continue
        parsed = parse_name(p.name)
        if parsed:
            if parsed[0] != stem:           # a backup of another database ("tgdesk-thu")
                continue
            made_at, reason = parsed[1], parsed[2]
        else:   # a name given by the caller (truoc-nang-cap-0007): the time is the file's
            reason = p.name[len(stem) + 1:-len(".sqlite")]
            if not reason.startswith("truoc-"):
                continue
            made_at = datetime.fromtimestamp(st.st_mtime)
        out.append(BackupInfo(p, made_at, reason, st.st_size, label))
    return out


def list_backups(ctx: Context) -> list[BackupInfo]:
    """Every backup of this database in the main and the second folder, newest first."""
    return backups_at(ctx.db_path, second_folder(ctx))


def backups_at(db_path: Path, second: Path | None = None) -> list[BackupInfo]:
    """The backups of the database at ``db_path`` in its main folder (beside it) and
    in ``second``, newest first; needs no open database (one that cannot be opened)."""
    stem = Path(db_path).stem
    found = _ours(backup_dir_for(Path(db_path)), stem, MAIN_FOLDER) + _ours(second, stem,
                                                                           SECOND_FOLDER)
    return sorted(found, key=lambda b: (b.made_at, b.folder == MAIN_FOLDER), reverse=True)


# --- making ---------------------------------------------------------------------

def make_backup(ctx: Context, reason: str = MANUAL, out_dir: Path | None = None) -> BackupInfo:
    """A whole copy of the database in the main folder (or ``out_dir``), then in the
    second folder when one is set; a failure there is a warning, not an error.

    The audit log notes a backup the officer asked for, when this process may
    write; not the automatic ones (a note written after the exit backup would be
    a change the next exit backs up again, day after day). A copy the officer asks
    for is administration (Quản trị or Lãnh đạo); the automatic ones are the program's."""
    if reason not in (DAILY, ON_EXIT):
        ctx.require(Permission.ADMINISTER)
    target = Path(out_dir).expanduser() if out_dir is not None else main_folder(ctx)
    made_at = now()
    name = backup_name(ctx.db_path, reason, made_at)
    info = _copy(ctx, reason, target, made_at, name, out_dir is not None)
    if reason not in (DAILY, ON_EXIT) and not getattr(ctx, "read_only", False):
        _note(ctx, "backup", {"file": info.path.name, "folder": str(info.path.parent),
                              "reason": reason, "size": info.size,
                              "second_copy": str(info.second_copy) if info.second_copy else None})
    return info


def _note(ctx: Context, action: str, details: dict) -> None:
    from .audit import note

    with ctx.transaction() as session:
        note(session, ctx, action, "database", details)


def _copy(ctx: Context, reason: str, target: Path, made_at: datetime, name: str,
          only_there: bool) -> BackupInfo:
    remove_stale_partials(target)           # what a copy killed earlier left behind
    try:
        path = backup_copy(ctx.db_path, target, reason, name=name)
    except BackupError as exc:
        raise UserError(str(exc)) from exc
    info = BackupInfo(path, made_at, reason, path.stat().st_size,
                      MAIN_FOLDER)
    if only_there:
        return info
    settings = get_backup_settings(ctx)
    second = second_folder(ctx, settings)
    if second is None:
        return info
    if not Path(settings.second_folder).is_dir():
        return replace(info, warning=f"Chưa chép được sang thư mục thứ hai “"
                                     f"{settings.second_folder}” (ổ USB chưa cắm hoặc thư mục "
                                     "không còn); bản sao chính vẫn được lưu.")
    try:
        copy = backup_copy(path, second, reason, name=path.name)
    except BackupError as exc:
        log.warning("second copy failed: %s", exc)
        return replace(info, warning=f"Chưa chép được sang thư mục thứ hai “{second}” (thư mục "
                                     "không ghi được hoặc hết chỗ trống); bản sao chính vẫn "
                                     "được lưu.")
    return replace(info, second_copy=copy)


# --- pruning --------------------------------------------------------------------

def to_keep(backups: Iterable[BackupInfo], daily: int, weekly: int, monthly: int
            ) -> set[Path]:
    """Tiered retention: the newest backup of each of the last ``daily`` days,
    ``weekly`` ISO weeks and ``monthly`` months that have one; always the newest
    backup, and the newest copy taken before a restore and before an upgrade."""
    ordered = sorted(backups, key=lambda b: b.made_at, reverse=True)
    keep = {b.path for b in ordered[:1]}
    tiers = ((daily, lambda d: d.date()), (weekly, lambda d: d.isocalendar()[:2]),
             (monthly, lambda d: (d.year, d.month)))
    for count, bucket in tiers:
        seen: set = set()
        for b in ordered:
            key = bucket(b.made_at)
            if key in seen:
                continue
            if len(seen) >= count:
                break
            seen.add(key)
            keep.add(b.path)
    for prefix in PROTECTED:
        newest = next((b for b in ordered if b.reason.startswith(prefix)), None)
        if newest is not None:
            keep.add(newest.path)
    return keep


def prune(ctx: Context) -> PruneResult:
    """Apply the retention counts to the main and the second folder (each on its
    own), and remove what killed copies left behind."""
    settings = get_backup_settings(ctx)
    removed: list[Path] = []
    kept = 0
    for folder, label in ((main_folder(ctx), MAIN_FOLDER),
                          (second_folder(ctx, settings), SECOND_FOLDER)):
        if folder is None or not folder.is_dir():
            continue
        removed += remove_stale_partials(folder)
        backups = _ours(folder, ctx.db_path.stem, label)
        keep = to_keep(backups, settings.keep_daily, settings.keep_weekly,
                       settings.keep_monthly)
        for b in backups:
            if b.path in keep:
                kept += 1
                continue
            try:
                b.path.unlink()
                removed.append(b.path)
            except OSError as exc:
                log.warning("cannot remove old backup %s: %s", b.path, exc)
                kept += 1
    return PruneResult(removed, kept)


# --- automatic ------------------------------------------------------------------

def _last_change(ctx: Context) -> float:
    """When the data last changed: the file's time, or its write-ahead log's once
    that holds a write (an open database has an empty log, made when opened)."""
    times = []
    for p in (ctx.db_path, Path(f"{ctx.db_path}-wal")):
        try:
            st = p.stat()
        except OSError:
            continue
        if st.st_size or p == ctx.db_path:
            times.append(st.st_mtime)
    return max(times, default=0.0)


def automatic_backup(ctx: Context, when: str) -> BackupInfo | None:
    """``when="start"``: a backup unless one was made today already;
    ``when="exit"``: a backup unless the data is unchanged since the newest one.
    Prunes after. None when no backup was needed."""
    if when not in ("start", "exit"):
        raise ValueError(when)
    mine = [b for b in list_backups(ctx) if b.folder == MAIN_FOLDER]
    newest = mine[0] if mine else None
    if when == "start" and newest is not None and newest.made_at.date() == now().date():
        return None
    if when == "exit" and newest is not None and \
            _last_change(ctx) < newest.made_at.timestamp():
        return None
    info = make_backup(ctx, DAILY if when == "start" else ON_EXIT)
    prune(ctx)
    return info


# --- restoring and checking live in their own modules -----------------------------

def restore(ctx: Context, path: Path):
    """See services/restore.py: check the backup, keep the current data, copy it in."""
    from .restore import restore as restore_from
    return restore_from(ctx, path)


def check(ctx: Context, repair: bool = False):
    """See services/dbcheck.py: integrity, links, search index, report register."""
    from .dbcheck import check as check_data
    return check_data(ctx, repair)
