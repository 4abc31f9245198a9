"""Sao lưu và khôi phục: the backups (date, reason, size, folder), "Sao lưu
ngay", restoring one (after a confirmation; a copy of the current data is kept
first), checking the data, and the backup settings (a second folder, how many
copies to keep). Slow work runs off the GUI thread (ui/tasks.py)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QFormLayout, QGroupBox, QHBoxLayout, QLineEdit,
                               QPushButton, QSpinBox, QVBoxLayout, QWidget)

from tgdesk.services import backups
from tgdesk.services.backups import BackupInfo, BackupSettings
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError
from tgdesk.services.restore import check_backup, restore

from tgdesk.ui.common import kit as common
from tgdesk.ui.common.events import ALL, DataBus
from tgdesk.ui.common.flow_layout import FlowLayout, together
from tgdesk.ui.common.kit import Column, RowsModel, note_label, rows_view
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.permits import Permission, may
from tgdesk.ui.common.tasks import Task, run_task
from tgdesk.ui.common.widgets import buddy_label, confirm, show_error

log = logging.getLogger(__name__)

INTRO = ("Chương trình tự sao lưu khi mở lần đầu trong ngày và khi đóng cửa sổ, giữ bản sao "
         "mới nhất của mỗi ngày, mỗi tuần, mỗi tháng theo số lượng đặt bên dưới. Nên đặt thêm "
         "một thư mục thứ hai (ổ USB hoặc thư mục dùng chung) để có bản sao ngoài máy này.")
COLUMNS = (
    Column("Lập lúc", lambda b: b.made_at.strftime("%d/%m/%Y %H:%M")),
    Column("Lý do", lambda b: b.label),
    Column("Dung lượng", lambda b: b.size_text, align_right=True),
    Column("Thư mục", lambda b: b.folder),
    Column("Tệp", lambda b: b.path.name),
)
RESTORE_TITLE = "Khôi phục dữ liệu"


def spin(value: int, low: int, high: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(low, high)
    box.setValue(value)
    return box


class BackupPage(QWidget):
    status = Signal(str)

    def __init__(self, ctx: Context, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.task: Task | None = None
        self.read_only = bool(getattr(ctx, "read_only", False))
        # restoring, repairing and the backup settings: Quản trị (and Lãnh đạo) only
        self.admin = may(ctx, Permission.ADMINISTER)

        self.backup_button = QPushButton("Sao lưu ngay")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton("Khôi phục…")
        self.restore_button.setToolTip("Khôi phục từ bản sao đang chọn trong danh sách")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton("Khôi phục từ tệp khác…")
        self.restore_file_button.clicked.connect(self.restore_from_file)
        self.check_button = QPushButton("Kiểm tra dữ liệu")
        self.check_button.clicked.connect(lambda: self.check_data(repair=False))
        self.repair_button = QPushButton("Sửa lỗi")
        self.repair_button.setToolTip("Dựng lại chỉ mục tìm kiếm, hoàn tất hoặc hủy báo cáo "
                                      "ban hành dở")
        self.repair_button.clicked.connect(lambda: self.check_data(repair=True))
        self.repair_button.hide()
        self.open_folder_button = QPushButton("Mở thư mục sao lưu")
        self.open_folder_button.clicked.connect(self.open_folder)
        for button in (self.restore_button, self.restore_file_button):
            button.setEnabled(not self.read_only and self.admin)
        bar = FlowLayout()      # wraps onto a second row on a narrow screen
        for button in (self.backup_button, self.restore_button, self.restore_file_button,
                       self.check_button, self.repair_button):
            bar.addWidget(button)
        bar.add_stretch()
        bar.addWidget(self.open_folder_button)

        self.model = RowsModel(COLUMNS)
        self.view = rows_view(self.model, stretch=4)
        self.view.doubleClicked.connect(lambda _index: self.restore_selected())
        self.message = note_label("", common.INFO_STYLE)
        self.message.hide()

        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Sao lưu và khôi phục"))
        lay.addWidget(note_label(INTRO))
        lay.addLayout(bar)
        lay.addWidget(self.message)
        lay.addWidget(self.view, 1)
        lay.addWidget(self._settings_box())
        bus.data_changed.connect(self._on_data_changed)
        self.refresh()
        self.load_settings()

    def _on_data_changed(self, what: str) -> None:
        if what == ALL:             # a restore, demo data: the settings may have changed too
            self.refresh()
            self.load_settings()

    # --- settings ------------------------------------------------------------------
    def _settings_box(self) -> QGroupBox:
        box = QGroupBox("Cài đặt sao lưu")
        self.folder_edit = QLineEdit()
        self.folder_edit.setReadOnly(True)
        self.folder_edit.setPlaceholderText("chưa đặt (chỉ sao lưu vào thư mục chính)")
        self.choose_button = QPushButton("Chọn…")
        self.choose_button.clicked.connect(self.choose_folder)
        self.clear_button = QPushButton("Bỏ")
        self.clear_button.setToolTip("Không chép bản sao sang thư mục thứ hai nữa")
        self.clear_button.clicked.connect(lambda: self.folder_edit.clear())
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(self.choose_button)
        folder_row.addWidget(self.clear_button)
        s = BackupSettings()
        self.daily = spin(s.keep_daily, *backups.LIMITS["keep_daily"])
        self.weekly = spin(s.keep_weekly, *backups.LIMITS["keep_weekly"])
        self.monthly = spin(s.keep_monthly, *backups.LIMITS["keep_monthly"])
        counts = FlowLayout(spacing=12)
        for box_, text, name in (
                (self.daily, "ngày gần nhất,", "Số ngày gần nhất giữ bản sao"),
                (self.weekly, "tuần,", "Số tuần giữ bản sao"),
                (self.monthly, "tháng (bản mới nhất của mỗi ngày, tuần, tháng)",
                 "Số tháng giữ bản sao")):
            box_.setAccessibleName(name)
            counts.addWidget(together(box_, buddy_label(text, box_)))
        self.save_button = QPushButton("Lưu cài đặt")
        self.save_button.clicked.connect(self.save_settings)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addStretch(1)
        self.main_folder = note_label(str(backups.main_folder(self.ctx)))
        form = QFormLayout(box)
        form.addRow("Thư mục chính:", self.main_folder)
        form.addRow(buddy_label("Thư mục thứ &hai:", self.folder_edit), folder_row)
        form.addRow(buddy_label("Giữ &lại bản sao của:", self.daily), counts)
        form.addRow("", save_row)
        for w in (self.choose_button, self.clear_button, self.daily, self.weekly, self.monthly,
                  self.save_button):
            w.setEnabled(not self.read_only and self.admin)
        return box

    def load_settings(self) -> None:
        s = backups.get_backup_settings(self.ctx)
        self.folder_edit.setText(s.second_folder or "")
        self.daily.setValue(s.keep_daily)
        self.weekly.setValue(s.keep_weekly)
        self.monthly.setValue(s.keep_monthly)

    def choose_folder(self) -> None:
        folder = common.ask_folder(self, "Chọn thư mục thứ hai để chép bản sao lưu")
        if folder:
            self.folder_edit.setText(folder)

    def save_settings(self) -> bool:
        wanted = BackupSettings(self.folder_edit.text().strip() or None, self.daily.value(),
                                self.weekly.value(), self.monthly.value())
        try:
            saved = backups.save_backup_settings(self.ctx, wanted)
        except UserError as exc:
            show_error(self, str(exc))
            return False
        self.folder_edit.setText(saved.second_folder or "")
        self.status.emit("Đã lưu cài đặt sao lưu.")
        self.refresh()
        return True

    # --- the list --------------------------------------------------------------------
    def refresh(self) -> None:
        self.model.set_rows(backups.list_backups(self.ctx))

    def selected(self) -> BackupInfo | None:
        rows = common.selected_rows(self.view)
        return self.model.row_at(rows[0]) if rows else None

    def open_folder(self) -> None:
        folder = backups.main_folder(self.ctx)
        if folder.is_dir():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        else:
            show_error(self, "Chưa có bản sao lưu nào, nên chưa có thư mục sao lưu.")

    def _busy(self) -> bool:
        return self.task is not None and self.task.running

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def _failed(self, message: str) -> None:
        self.refresh()
        show_error(self, message)

    # --- backing up --------------------------------------------------------------------
    def backup_now(self) -> None:
        if self._busy():
            return
        ctx = self.ctx
        self.task = run_task(lambda: backups.make_backup(ctx, backups.MANUAL),
                             "Đang sao lưu dữ liệu…", self, self._backed_up, self._failed)

    def _backed_up(self, info: BackupInfo) -> None:
        self.refresh()
        text = f"Đã sao lưu: {info.path}"
        if info.second_copy is not None:
            text += f"\nĐã chép sang thư mục thứ hai: {info.second_copy}"
        if info.warning:
            text += f"\n{info.warning}"
        self._say(text)
        self.status.emit("Đã sao lưu dữ liệu.")

    def automatic_backup(self, when: str) -> None:
        """The start-of-day backup, in the background (quietly unless it fails)."""
        if self.read_only or self._busy():
            return
        ctx = self.ctx
        self.task = run_task(lambda: backups.automatic_backup(ctx, when),
                             "Đang sao lưu tự động…", self, self._automatic_done,
                             self._automatic_failed, show_after_ms=1500)

    def _automatic_done(self, info: BackupInfo | None) -> None:
        self.refresh()
        if info is not None:
            self.status.emit("Đã sao lưu tự động." + (f" {info.warning}" if info.warning
                                                       else ""))

    def _automatic_failed(self, message: str) -> None:
        log.warning("automatic backup failed: %s", message)
        self._say(f"Chưa sao lưu tự động được: {message}")

    # --- restoring ---------------------------------------------------------------------
    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            show_error(self, "Hãy chọn một bản sao trong danh sách (hoặc bấm “Khôi phục từ tệp "
                             "khác…”).")
            return
        self.restore_path(chosen.path)

    def restore_from_file(self) -> None:
        path = common.ask_open_file(self, "Chọn tệp bản sao lưu",
                                    "Bản sao lưu tgdesk (*.sqlite);;Mọi tệp (*)")
        if path:
            self.restore_path(Path(path))

    def restore_path(self, path: Path) -> None:
        """Check the backup (background), ask, then restore it (background)."""
        if self.read_only or not self.admin or self._busy():
            return
        ctx = self.ctx
        self.task = run_task(lambda: check_backup(ctx, path), "Đang kiểm tra bản sao…", self,
                             self._confirm_restore, self._failed)

    def _confirm_restore(self, plan) -> None:
        if not confirm(self, RESTORE_TITLE, plan.question()):
            return
        ctx = self.ctx
        self.task = run_task(lambda: restore(ctx, plan.path), "Đang khôi phục dữ liệu…", self,
                             self._restored, self._restore_failed)

    def _restored(self, result) -> None:
        self.bus.changed(ALL)       # every page reloads what it shows (this one too)
        self._say(result.text())
        self.status.emit("Đã khôi phục dữ liệu.")

    def _restore_failed(self, message: str) -> None:
        self.bus.changed(ALL)
        self._failed(message)

    # --- checking ----------------------------------------------------------------------
    def check_data(self, repair: bool = False) -> None:
        if self._busy():
            return
        ctx = self.ctx
        self.task = run_task(lambda: backups.check(ctx, repair=repair),
                             "Đang sửa lỗi dữ liệu…" if repair else "Đang kiểm tra dữ liệu…",
                             self, lambda report: self._checked(report, repair), self._failed)

    def _checked(self, report, repaired: bool) -> None:
        self._say(report.text())
        fixable = any(i.can_repair and i.remaining for i in report.items)
        self.repair_button.setVisible(fixable and not repaired and not self.read_only
                                      and self.admin)
        if repaired:
            self.bus.changed(ALL)
        self.status.emit("Dữ liệu tốt." if report.ok else "Kiểm tra dữ liệu: còn lỗi.")


def backup_on_exit(ctx: Context) -> None:
    """The backup when the window has closed (unless nothing changed since the
    newest one); a failure is logged, the next start tries again."""
    if getattr(ctx, "read_only", False):
        return
    try:
        backups.automatic_backup(ctx, "exit")
    except UserError as exc:
        log.warning("backup on exit failed: %s", exc)
