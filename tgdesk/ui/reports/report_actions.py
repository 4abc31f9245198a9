"""What the report screen does with a report: export, print, issue, and the
register of issued reports (reopen, export or print the stored files, start a
correction as a new draft). A mixin of :class:`~tgdesk.ui.reports.report_page.ReportPage`,
which holds the context, the chosen report and its preview."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from tgdesk.domain.period import Period
from tgdesk.services import issuing, placeholders, register
from tgdesk.services.errors import UserError
from tgdesk.services.campaign_report import entry_label

from tgdesk.ui.reports.report_preview import print_pdf
from tgdesk.ui.reports.report_register import IssuedDialog, entry_title, issued_names, period_text
from tgdesk.ui.common.tasks import run_task
from tgdesk.ui.common.widgets import confirm, show_error

LAST_FOLDER = "report/last_folder"


def placeholder_box(parent: QWidget | None, text: str) -> QMessageBox:
    """"Báo cáo còn N chỗ chưa điền: … Vẫn ban hành?" with Có / Không, Không the default."""
    box = QMessageBox(QMessageBox.Icon.Warning, "Báo cáo còn chỗ chưa điền", text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText("&Có, vẫn ban hành")
    box.button(QMessageBox.StandardButton.No).setText("&Không")
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setEscapeButton(QMessageBox.StandardButton.No)
    # wide enough that each placeholder takes a line or two, not five
    box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 560px; }")
    return box


def confirm_placeholders(parent: QWidget | None, text: str) -> bool:
    """Ask before issuing a report with placeholders left; tests monkeypatch this."""
    return placeholder_box(parent, text).exec() == QMessageBox.StandardButton.Yes


class ReportActions:
    """Export, print, issue and the register; needs the page's ``ctx``, ``bus``,
    ``settings``, ``task``, ``current``, ``frozen``, ``editor``, ``preview``."""

    # --- export, print ------------------------------------------------------
    def _choose_folder(self) -> Path | None:
        last = self.settings.value(LAST_FOLDER, str(Path.home()))
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục lưu báo cáo", str(last))
        if not folder:
            return None
        self.settings.setValue(LAST_FOLDER, folder)
        return Path(folder)

    def export_report(self) -> None:
        if self.frozen is not None:
            self.export_issued(self.frozen.id)
            return
        if self.current is None or (self.task is not None and self.task.running):
            return
        self.save_if_dirty()
        folder = self._choose_folder()
        if folder is None:
            return
        kind, period = self.current
        texts, cutoff, ctx = self.editor.texts(), self.cutoff_value, self.ctx
        self.task = run_task(
            lambda: issuing.export_draft(ctx, kind, period, folder, cutoff=cutoff, texts=texts),
            "Đang xuất báo cáo…", self, lambda paths: self._exported(paths, folder),
            lambda message: show_error(self, message))

    def export_issued(self, report_id: int, parent: QWidget | None = None) -> None:
        if self.task is not None and self.task.running:
            return
        folder = self._choose_folder()
        if folder is None:
            return
        ctx = self.ctx
        self.task = run_task(lambda: issuing.export_issued(ctx, report_id, folder),
                             "Đang xuất báo cáo…", parent or self,
                             lambda paths: self._exported(paths, folder),
                             lambda message: show_error(parent or self, message))

    def _exported(self, paths: list[Path], folder: Path) -> None:
        text = f"Đã lưu {issued_names(paths)} vào thư mục “{folder}”."
        self._set_note(text)
        self.status.emit(text)

    def print_to(self, printer: QPrinter) -> int:
        """Print the pages shown (no dialog); the number of pages printed."""
        data = self.preview.data()
        if data is None:
            raise UserError("Chưa có trang để in. Hãy bấm “Cập nhật xem trước” trước.")
        return print_pdf(data, printer)

    def print_report(self) -> None:
        if self.current is None or (self.task is not None and self.task.running):
            return
        if self.frozen is None:
            self.save_if_dirty()
        if self.preview_stale or self.preview.data() is None:
            self.refresh_preview(then=self._print_with_dialog)
        else:
            self._print_with_dialog()

    def _print_with_dialog(self, data: bytes | None = None, parent: QWidget | None = None) -> None:
        data = data if data is not None else self.preview.data()
        if data is None:
            show_error(parent or self, self._problem or "Chưa có trang để in.")
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName("Báo cáo")
        dialog = QPrintDialog(printer, parent or self)
        dialog.setWindowTitle("In báo cáo")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            pages = print_pdf(data, printer)
        except UserError as exc:
            show_error(parent or self, str(exc))
            return
        self.status.emit(f"Đã gửi {pages} trang tới máy in.")

    def print_issued(self, report_id: int, parent: QWidget | None = None) -> None:
        try:
            _entry, data = issuing.issued_pdf(self.ctx, report_id)
        except UserError as exc:
            show_error(parent or self, str(exc))
            return
        self._print_with_dialog(data, parent)

    # --- issuing ------------------------------------------------------------
    def issue_report(self) -> None:
        if self.frozen is not None or self.current is None or not self.may_issue:
            return
        if self.task is not None and self.task.running:
            return
        kind, period = self.current
        try:
            number = issuing.next_number_text(self.ctx)
        except UserError as exc:
            show_error(self, str(exc))
            return
        texts, cutoff, ctx = self.editor.texts(), self.cutoff_value, self.ctx
        try:
            left = issuing.placeholders_left(ctx, kind, period, cutoff, texts)
        except UserError as exc:
            show_error(self, str(exc))
            return
        what = f"{entry_label(self.ctx, kind)} {period.label()}"
        after = (f"Báo cáo sẽ nhận số tiếp theo của nhiệm kỳ ({number}) và ngày hôm nay. Sau "
                 "khi ban hành, báo cáo được lưu giữ nguyên văn và không sửa được; muốn đính "
                 "chính phải lập báo cáo mới.")
        if left:
            if not confirm_placeholders(self, f"{placeholders.summary(left)}\n\nVẫn ban hành "
                                              f"{what}?\n\n{after}"):
                return
        elif not confirm(self, "Ban hành báo cáo", f"Ban hành {what}?\n\n{after}"):
            return
        if not self.save_if_dirty():
            return
        self.task = run_task(lambda: issuing.issue(ctx, kind, period, cutoff, texts,
                                                   allow_placeholders=bool(left)),
                             "Đang ban hành báo cáo…", self, self._issued,
                             lambda message: show_error(self, message))

    def _issued(self, done) -> None:
        entry = done.entry
        self.load()
        text = f"Đã ban hành {entry_title(entry)}."
        self._set_note(text)
        self.status.emit(text)
        self.bus.changed("reports")

    # --- the register -------------------------------------------------------
    def open_issued(self, report_id: int) -> IssuedDialog | None:
        try:
            entry, data = issuing.issued_pdf(self.ctx, report_id)
        except UserError as exc:
            show_error(self, str(exc))
            return None
        dialog = IssuedDialog(entry, data, self)
        dialog.export_button.clicked.connect(lambda: self.export_issued(report_id, dialog))
        dialog.print_button.clicked.connect(lambda: self._print_with_dialog(data, dialog))
        dialog.copy_button.clicked.connect(lambda: (dialog.accept(), self.copy_issued(report_id)))
        dialog.copy_button.setVisible(self.may_write)
        self.dialog = dialog
        dialog.open()
        return dialog

    def copy_issued(self, report_id: int) -> None:
        """A correction is a new report: the issued words go into a draft."""
        try:
            entry = register.get_report(self.ctx, report_id)
            existing = register.draft(self.ctx, entry.kind, entry.period_code)
            if existing is not None and not confirm(
                    self, "Lập báo cáo mới",
                    f"Kỳ {period_text(entry.period_code).lower()} đã có một bản nháp. Thay bản "
                    "nháp đó bằng lời văn của báo cáo đã ban hành?"):
                return
            self.save_if_dirty()
            issuing.draft_from_issued(self.ctx, report_id)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.tabs.setCurrentIndex(0)
        self.set_report(entry.kind, Period.parse(entry.period_code))
        self.status.emit(f"Đã lập bản nháp mới từ báo cáo Số {entry.number_text}.")
