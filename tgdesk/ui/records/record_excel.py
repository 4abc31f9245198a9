"""Excel on the list pages whose kind has an Excel service (propaganda activities,
the online team's entries, exemplary models: ``services.excel.RECORD_SPECS``):
the list as shown to a file, a file imported after its preview, the template.

The export writes what the list shows (the page's filters, search, period and
sort); the Mật records of the list are left out unless the officer says so. The
import is read and saved off the GUI thread with the preview dialog the
catalogue tabs use (ui/common/import_preview.py). openpyxl is loaded on first use.

The folder last used is remembered in QSettings. File dialogs and the Mật
question go through ``choose_open_path`` / ``choose_save_path`` /
``ask_classified`` of this module so tests can replace them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QMessageBox, QPushButton, QWidget

from tgdesk import vnformat as vf
from tgdesk.domain.filters import ListFilter
from tgdesk.services import classified
from tgdesk.services.errors import UserError

from tgdesk.ui.common import app_settings as settings
from tgdesk.ui.common.excel_files import (choose_open_path, choose_save_path, file_stem,
                                          xlsx_path)
from tgdesk.ui.common.import_preview import ImportPreviewDialog, PreviewData, preview_data
from tgdesk.ui.common.permits import Permission, withhold
from tgdesk.ui.common.tasks import Task, run_task
from tgdesk.ui.common.widgets import show_error

__all__ = ["RecordExcel", "ask_classified", "choose_open_path", "choose_save_path"]

FOLDER_KEY = "records/last_folder"
SHOW_BUSY_AFTER_MS = 400       # a short list is written before a busy dialog would flash


def _excel():
    from tgdesk.services import excel        # openpyxl: on first use
    return excel


def ask_classified(parent: QWidget | None, count: int) -> bool | None:
    """Whether the ``count`` Mật records of the list go into the file: False (the
    default, Enter), True, or None (cancelled, Esc)."""
    box = QMessageBox(QMessageBox.Icon.Question, "Xuất Excel: bản ghi Mật",
                      f"Danh sách đang hiện có {vf.number(count)} bản ghi Mật.\n\n"
                      "Bản ghi Mật không nên đưa ra khỏi máy. Tệp Excel dễ bị sao chép, gửi "
                      "đi; chỉ đưa bản ghi Mật vào tệp khi thật cần và giữ tệp như tài liệu "
                      "mật.", QMessageBox.StandardButton.NoButton, parent)
    leave = box.addButton("Không đưa bản ghi Mật", QMessageBox.ButtonRole.AcceptRole)
    include = box.addButton("Đưa cả bản ghi Mật", QMessageBox.ButtonRole.DestructiveRole)
    cancel = box.addButton("Hủy", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(leave)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return None if clicked is cancel or clicked is None else clicked is include


class RecordExcel(QObject):
    """"Xuất Excel…", "Nhập từ Excel…" and "Tải tệp mẫu…" of one record list page
    (a :class:`~tgdesk.ui.records.record_page.RecordPage`: its ``ctx``, ``bus``,
    ``spec``, ``model``, ``trash`` and ``current_filter()``)."""

    status = Signal(str)

    def __init__(self, page):
        super().__init__(page)
        self.page = page
        self.ctx, self.bus, self.kind = page.ctx, page.bus, page.spec.kind
        self.noun = page.spec.noun
        self.task: Task | None = None
        self.preview_dialog: ImportPreviewDialog | None = None
        self.exported: Path | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def _failed(self, message: str) -> None:
        show_error(self.page, message)

    # --- the toolbar's button ----------------------------------------------------------
    def make_button(self) -> QPushButton:
        """"Excel" with its menu (Alt+E, then the underlined letter). The actions
        are called without the ``checked`` argument Qt would pass as a path."""
        button = QPushButton("&Excel")
        button.setToolTip(f"Xuất danh sách {self.noun} đang hiện ra tệp Excel, nhập từ tệp "
                          "Excel (xem trước từng dòng), tải tệp mẫu (Alt+E)")
        menu = QMenu(button)
        self.export_action = menu.addAction("&Xuất Excel…", lambda: self.export())
        self.export_action.setToolTip("Ghi danh sách đang hiện (theo ô tìm, bộ lọc, thời gian "
                                      "và thứ tự sắp xếp) ra tệp .xlsx")
        self.import_action = menu.addAction("&Nhập từ Excel…", lambda: self.import_file())
        self.template_action = menu.addAction("Tải tệp &mẫu…", lambda: self.save_template())
        withhold(self.page.ctx, Permission.WRITE_RECORDS, self.import_action)
        menu.setToolTipsVisible(True)
        menu.aboutToShow.connect(self._update_actions)
        button.setMenu(menu)
        self.menu = menu
        return button

    def _update_actions(self) -> None:
        self.export_action.setEnabled(self.page.model.total() > 0)
        self.import_action.setEnabled(not self.page.trash.isChecked())

    # --- export ------------------------------------------------------------------------
    def export(self, path: str | None = None, include_classified: bool | None = None
               ) -> Task | None:
        """Write the list as shown, off the GUI thread. When the list holds Mật
        records, asks whether to include them (unless ``include_classified``);
        then asks for the file (unless ``path``)."""
        if self.busy:
            return None
        if self.page.model.total() == 0:
            self.status.emit("Danh sách trống, không có gì để xuất.")
            return None
        flt = self.page.current_filter()
        if include_classified is not None:
            return self._write(flt, include_classified, path)
        ctx, kind = self.ctx, self.kind
        self.task = run_task(lambda: classified.classified_in_list(ctx, kind, flt),
                             "Đang chuẩn bị xuất Excel…", self.page,
                             lambda secret: self._counted(secret, flt, path), self._failed,
                             show_after_ms=SHOW_BUSY_AFTER_MS)
        return self.task

    def _counted(self, secret: int, flt: ListFilter, path: str | None) -> None:
        include = ask_classified(self.page, secret) if secret else False
        if include is None:
            self.status.emit("Đã hủy xuất Excel.")
            return
        self._write(flt, include, path)

    def _write(self, flt: ListFilter, include: bool, path: str | None) -> Task | None:
        excel = _excel()
        if path is None:
            title = excel.RECORD_SPECS[self.kind].title
            day = self.ctx.today().strftime("%d-%m-%Y")
            suggested = str(Path(settings.last_folder(FOLDER_KEY))
                            / f"{file_stem(title).capitalize()}_{day}.xlsx")
            path = choose_save_path(self.page, f"Xuất danh sách {self.noun} ra Excel",
                                    suggested)
            if path is None:
                return None
        target = xlsx_path(path)
        ctx, kind = self.ctx, self.kind
        self.task = run_task(lambda: excel.export_record_list(ctx, kind, target, flt, include),
                             f"Đang xuất danh sách {self.noun} ra tệp “{target.name}”…",
                             self.page, self._exported, self._failed,
                             show_after_ms=SHOW_BUSY_AFTER_MS)
        return self.task

    def _exported(self, result) -> None:
        settings.remember_folder(FOLDER_KEY, result.path)
        self.exported = result.path
        self.status.emit(result.text(self.noun))

    # --- import --------------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> Task | None:
        """Ask for a file (unless given), then read and check it on a worker thread;
        the preview follows, and nothing is saved before it is confirmed."""
        if self.busy or self.page.trash.isChecked() or not self.import_action.isVisible():
            return None
        if path is None:
            path = choose_open_path(self.page, f"Nhập {self.noun} từ tệp Excel",
                                    settings.last_folder(FOLDER_KEY))
            if path is None:
                return None
        settings.remember_folder(FOLDER_KEY, path)
        ctx, kind = self.ctx, self.kind

        def work() -> PreviewData:
            return preview_data(_excel().preview_record_import(ctx, kind, path))

        self.task = run_task(work, f"Đang đọc và kiểm tra tệp “{Path(path).name}”…",
                             self.page, self._previewed, self._failed)
        return self.task

    def _previewed(self, data: PreviewData) -> None:
        dialog = ImportPreviewDialog(data, self.noun, self.page)
        self.preview_dialog = dialog
        dialog.accepted.connect(lambda: self._commit(data, dialog.keep_duplicates.isChecked()))
        dialog.rejected.connect(lambda: self.status.emit("Đã hủy nhập từ Excel; không có gì "
                                                         "được lưu."))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _commit(self, data: PreviewData, keep_duplicates: bool = False) -> None:
        ctx, kind, preview = self.ctx, self.kind, data.preview
        n = len(preview.good) + (len(preview.duplicates) if keep_duplicates else 0)
        self.task = run_task(
            lambda: _excel().commit_record_import(ctx, kind, preview, keep_duplicates),
            f"Đang lưu {vf.number(n)} {self.noun}…", self.page, self._committed, self._failed)

    def _committed(self, saved: int) -> None:
        self.bus.changed(self.kind)
        self.status.emit(f"Đã nhập {vf.number(saved)} {self.noun} từ Excel.")

    # --- the template ----------------------------------------------------------------------
    def save_template(self, path: str | None = None) -> Path | None:
        excel = _excel()
        if path is None:
            title = excel.RECORD_SPECS[self.kind].title
            suggested = str(Path(settings.last_folder(FOLDER_KEY))
                            / f"Mau_nhap_{file_stem(title)}.xlsx")
            path = choose_save_path(self.page, "Lưu tệp mẫu nhập Excel", suggested)
            if path is None:
                return None
        target = xlsx_path(path)
        try:
            excel.write_record_template(self.kind, target, self.ctx)
        except UserError as exc:
            show_error(self.page, str(exc))
            return None
        settings.remember_folder(FOLDER_KEY, target)
        self.status.emit(f"Đã lưu tệp mẫu “{target.name}”. Điền dữ liệu từ dòng 2 rồi chọn "
                         "“Nhập từ Excel…”.")
        return target
