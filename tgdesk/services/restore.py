"""Restoring the database from a backup: the backup is checked first, a copy
of the current data is kept, then the backup's pages are copied into the live
database in one write transaction (all or nothing, even if the program is
killed), and an older backup is brought up to this version's schema."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from tgdesk.store.backup import BackupError, backup_copy, copy_into, inspect_file, parse_name
from tgdesk.store.migrate import head_revision, known_revisions, upgrade

from .backups import (BEFORE_RESTORE, get_backup_settings, main_folder, reason_label,
                      write_backup_settings)
from .context import Context
from .errors import UserError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class BackupCheck:
    """A backup file found fit to restore, and what the confirmation should say."""

    path: Path
    made_at: datetime
    reason: str
    revision: str
    unit_name: str | None
    upgrade_needed: bool

    def question(self) -> str:
        unit = f", đơn vị “{self.unit_name}”" if self.unit_name else ""
        when = self.made_at.strftime("%H:%M ngày %d/%m/%Y")
        lines = [f"Khôi phục dữ liệu từ bản sao “{self.path.name}” (lập lúc {when}"
                 f"{unit}; {reason_label(self.reason).lower()})?",
                 "Toàn bộ dữ liệu hiện tại sẽ được thay bằng dữ liệu trong bản sao này. "
                 "Trước đó, chương trình giữ một bản sao của dữ liệu hiện tại trong thư mục "
                 "sao lưu (“Trước khi khôi phục”), nên có thể quay lại."]
        if self.upgrade_needed:
            lines.append("Bản sao được lập bởi phiên bản cũ hơn; sau khi khôi phục, dữ liệu "
                         "được nâng cấp lên phiên bản hiện tại.")
        return "\n\n".join(lines)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    kept_copy: Path
    kept_copy_damaged: bool
    upgraded: bool

    def text(self) -> str:
        out = (f"Đã khôi phục dữ liệu từ bản sao “{self.restored_from.name}”.\n"
               f"Dữ liệu trước khi khôi phục được giữ tại: {self.kept_copy}")
        if self.kept_copy_damaged:
            out += " (dữ liệu đó bị hỏng, được giữ nguyên trạng)"
        if self.upgraded:
            out += "\nDữ liệu đã được nâng cấp lên phiên bản hiện tại."
        return out


def check_backup(ctx: Context, path: Path) -> BackupCheck:
    """UserError unless ``path`` is a whole tgdesk database this version can open."""
    path = Path(path).expanduser()
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp “{path}”.")
    if path.resolve() == ctx.db_path.resolve():
        raise UserError("Tệp đã chọn chính là cơ sở dữ liệu đang mở; hãy chọn một bản sao lưu.")
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


def _keep_current(ctx: Context) -> tuple[Path, bool]:
    """A copy of the current data; a damaged database is kept as it is."""
    try:
        return backup_copy(ctx.db_path, main_folder(ctx), BEFORE_RESTORE), False
    except BackupError as exc:
        log.warning("verified copy before restore failed (%s); keeping the file as it is", exc)
    try:
        return backup_copy(ctx.db_path, main_folder(ctx), f"{BEFORE_RESTORE}-hong",
                           verify=False), True
    except BackupError as exc:
        raise UserError("Không giữ được bản sao của dữ liệu hiện tại, nên chưa khôi phục. "
                        f"{exc}") from exc


def restore(ctx: Context, path: Path) -> RestoreResult:
    """Replace the live data with the backup at ``path`` (see the module's text)."""
    if getattr(ctx, "read_only", False):
        raise UserError("Cơ sở dữ liệu đang mở chỉ để xem (chương trình khác đang ghi), nên "
                        "không khôi phục được. Hãy đóng chương trình kia rồi làm lại.")
    plan = check_backup(ctx, path)
    settings = get_backup_settings(ctx)        # this computer's settings, not the backup's
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
        try:
            upgrade(ctx.engine, None, None)
        except Exception as exc:
            log.exception("upgrade after restoring %s failed", plan.path)
            raise UserError("Đã chép bản sao vào nhưng không nâng cấp được dữ liệu lên phiên bản "
                            "hiện tại; chi tiết trong nhật ký. Dữ liệu trước khi khôi phục "
                            f"được giữ tại: {kept}") from exc
        finally:
            ctx.engine.dispose()
        upgraded = True
    write_backup_settings(ctx, settings)
    log.info("restored %s from %s; previous data kept in %s", ctx.db_path, plan.path, kept)
    return RestoreResult(plan.path, kept, damaged, upgraded)

