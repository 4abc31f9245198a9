"""A record's own history (services.audit.history): every entry about it and its
follow-up steps or membership counts, oldest first, in the same table and
detail pane as the "Nhật ký" page (audit_view.py). Opened from a record list's
"Lịch sử thay đổi…" through ui/common/record_history.py."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from tgdesk import vnformat as vf
from tgdesk.services import audit
from tgdesk.services.context import Context

from tgdesk.ui.audit.audit_view import AuditBrowser
from tgdesk.ui.common.kit import note_label
from tgdesk.ui.common.screen_fit import fit_to_screen

TITLE = "Lịch sử thay đổi"
NONE_YET = ("Nhật ký chưa có mục nào về bản ghi này (bản ghi được ghi trước khi tgdesk có "
            "nhật ký, hoặc được nạp cùng dữ liệu mẫu).")


class HistoryDialog(QDialog):
    def __init__(self, ctx: Context, record_uuid: str, what: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(f"{TITLE} – {what}")
        found = audit.history(ctx, record_uuid)
        self.caption = note_label(
            f"{what[:1].upper()}{what[1:]}: {vf.number(len(found))} mục nhật ký, cũ nhất "
            "trước. Chọn một mục để xem từng trường, giá trị trước và sau."
            if found else NONE_YET)
        self.browser = AuditBrowser()
        self.browser.set_entries(found)
        if found:
            self.browser.select_seq(found[-1].seq)       # the latest change
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText("Đóng")
        lay = QVBoxLayout(self)
        lay.addWidget(self.caption)
        lay.addWidget(self.browser, 1)
        lay.addWidget(buttons)
        fit_to_screen(self, 960, 600)
        self.browser.setSizes([220, 320])          # a few entries, their fields in full


def open_history(ctx: Context, record_uuid: str, what: str, parent: QWidget | None) -> QDialog:
    """Show the history of the record ``record_uuid`` (``what`` names it) without waiting."""
    dialog = HistoryDialog(ctx, record_uuid, what, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog
