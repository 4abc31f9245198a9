"""Excel for one catalogue tab: import (choose a file, preview off the GUI
thread, confirm, save off the GUI thread), the template, and the export.

The folder last used is remembered in QSettings. File dialogs go through
``choose_open_path`` / ``choose_save_path`` (ui/common/excel_files.py, looked up
in this module) so tests can replace them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from tgdesk import vnformat as vf
from tgdesk.services import excel
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from tgdesk.ui.common import app_settings as settings
from tgdesk.ui.catalogues.catalogue_forms import CatalogueSpec
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.excel_files import (choose_open_path, choose_save_path, file_stem,
                                          xlsx_path)
from tgdesk.ui.catalogues.excel_import_dialog import ImportPreviewDialog, PreviewData, build_preview_data
from tgdesk.ui.common.tasks import Task, run_task
from tgdesk.ui.common.widgets import show_error

FOLDER_KEY = "catalogues/last_folder"

__all__ = ["CatalogueExcel", "choose_open_path", "choose_save_path", "file_stem",
           "last_folder", "remember_folder"]


def last_folder() -> str:
    return settings.last_folder(FOLDER_KEY)


def remember_folder(path: str | Path) -> None:
    settings.remember_folder(FOLDER_KEY, path)


class CatalogueExcel(QObject):
    """The three Excel actions of one catalogue tab."""

    status = Signal(str)

    def __init__(self, ctx: Context, bus: DataBus, spec: CatalogueSpec, parent: QWidget):
        super().__init__(parent)
        self.ctx, self.bus, self.spec = ctx, bus, spec
        self.widget = parent
        self.task: Task | None = None
        self.preview_dialog: ImportPreviewDialog | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None and self.task.running

    # --- import ------------------------------------------------------------------
    def import_file(self, path: str | None = None) -> None:
        """Ask for a file (unless given), then preview it on a worker thread."""
        if self.busy:
            return
        if path is None:
            path = choose_open_path(self.widget, f"Nhập {self.spec.noun} từ tệp Excel",
                                    last_folder())
            if path is None:
                return
        remember_folder(path)
        ctx, kind, describe = self.ctx, self.spec.kind, self.spec.describe

        def work() -> PreviewData:
            preview = excel.preview_import(ctx, kind, path)
            return build_preview_data(ctx, kind, preview, describe)

        self.task = run_task(work, f"Đang đọc và kiểm tra tệp “{Path(path).name}”…",
                             self.widget, self._previewed, self._import_failed)

    def _import_failed(self, message: str) -> None:
        show_error(self.widget, message)

    def _previewed(self, data: PreviewData) -> None:
        dialog = ImportPreviewDialog(data, self.spec.noun, self.widget)
        self.preview_dialog = dialog
        dialog.accepted.connect(lambda: self._commit(data, dialog.keep_duplicates.isChecked()))
        dialog.rejected.connect(lambda: self.status.emit("Đã hủy nhập từ Excel; không có gì "
                                                         "được lưu."))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _commit(self, data: PreviewData, keep_duplicates: bool = False) -> None:
        ctx, kind, preview = self.ctx, self.spec.kind, data.preview
        n = len(preview.good) + (len(preview.duplicates) if keep_duplicates else 0)
        self.task = run_task(lambda: excel.commit_import(ctx, kind, preview, keep_duplicates),
                             f"Đang lưu {vf.number(n)} {self.spec.noun}…",
                             self.widget, self._committed, self._import_failed)

    def _committed(self, saved: int) -> None:
        self.bus.changed(self.spec.kind)
        self.status.emit(f"Đã nhập {vf.number(saved)} {self.spec.noun} từ Excel.")

    # --- template and export ---------------------------------------------------------
    def save_template(self, path: str | None = None) -> Path | None:
        title = excel.SPECS[self.spec.kind].title
        if path is None:
            suggested = str(Path(last_folder()) / f"Mau_nhap_{file_stem(title)}.xlsx")
            path = choose_save_path(self.widget, "Lưu tệp mẫu nhập Excel", suggested)
            if path is None:
                return None
        target = xlsx_path(path)
        try:
            excel.write_template(self.spec.kind, target, self.ctx)
        except UserError as exc:
            show_error(self.widget, str(exc))
            return None
        remember_folder(target)
        self.status.emit(f"Đã lưu tệp mẫu “{target.name}”. Điền dữ liệu từ dòng 2 rồi chọn "
                         "“Nhập từ Excel…”.")
        return target

    def export(self, path: str | None = None) -> Path | None:
        title = excel.SPECS[self.spec.kind].title
        if path is None:
            day = self.ctx.today().strftime("%d-%m-%Y")
            suggested = str(Path(last_folder())
                            / f"{file_stem(title).capitalize()}_{day}.xlsx")
            path = choose_save_path(self.widget, f"Xuất {title.lower()} ra Excel", suggested)
            if path is None:
                return None
        target = xlsx_path(path)
        try:
            n = excel.export_catalogue(self.ctx, self.spec.kind, target)
        except UserError as exc:
            show_error(self.widget, str(exc))
            return None
        remember_folder(target)
        self.status.emit(f"Đã xuất {vf.number(n)} {self.spec.noun} ra tệp “{target.name}”.")
        return target
