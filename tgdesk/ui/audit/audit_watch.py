"""The window says so when the audit log was tampered with (issue 12, item 3).

After the main window's first paint (ui/launch.py) the whole hash chain is
checked once off the GUI thread (services.audit.verify); start-up is not slowed
and nothing is imported before then. If entries were edited, removed or
reordered the window shows it until a later check finds the log intact: a
status-bar message (back whenever another message has had its time), a red
“Mở Nhật ký” button in the status bar, a warning icon on the navigation's
"Nhật ký" entry and the red notice on that page, which shades the entries
concerned. A check run from the page's "Kiểm tra nhật ký"
updates the same signs.

``AuditAlert`` (one per window, a child of it) holds the last result;
``audit_page`` builds the page for ui/pages.py and ties it to the alert."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QBrush, QColor, QIcon
from PySide6.QtWidgets import QPushButton, QStyle, QWidget

from tgdesk import vnformat as vf
from tgdesk.domain.audit import ChainBreak
from tgdesk.services import audit

from tgdesk.ui.audit.audit_page import AuditPage
from tgdesk.ui.common.tasks import BackgroundTask

KEY = "audit"
WARNING_COLOUR = "#8c1d18"


def warning_text(breaks: list[ChainBreak]) -> str:
    return (f"Cảnh báo: nhật ký có {vf.number(len(breaks))} chỗ bị sửa, xóa hoặc đổi chỗ "
            "sau khi ghi.")


class AuditAlert(QObject):
    """The last chain check of this window's database and the signs it leaves."""

    changed = Signal()

    def __init__(self, window, row: int):
        super().__init__(window)
        self.setObjectName("audit_alert")
        self.window = window
        self.result: tuple[int, list[ChainBreak]] | None = None
        self.task: BackgroundTask | None = None
        self.button: QPushButton | None = None
        self.item = window.nav.item(row)          # the page's navigation entry
        self.tip = self.item.toolTip()

    def check(self) -> BackgroundTask:
        """Walk the chain off the GUI thread; the signs follow the result."""
        ctx = self.window.ctx
        self.task = BackgroundTask(lambda: audit.verify(ctx), self)
        self.task.done.connect(lambda result: self.set_result(*result))
        self.task.start()
        return self.task

    def tampered(self) -> list[ChainBreak]:
        return self.result[1] if self.result is not None else []

    def set_result(self, count: int, breaks: list[ChainBreak]) -> None:
        self.result = (count, list(breaks))
        if breaks:
            self._warn(breaks)
        else:
            self._clear()
        self.changed.emit()

    def _warn(self, breaks: list[ChainBreak]) -> None:
        window = self.window
        icon = window.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.item.setIcon(icon)
        self.item.setForeground(QBrush(QColor(WARNING_COLOUR)))
        self.item.setToolTip(f"Nhật ký bị can thiệp: {vf.number(len(breaks))} chỗ.\n{self.tip}")
        if self.button is None:
            self.button = QPushButton(icon, "")
            self.button.setStyleSheet(f"QPushButton {{ color: {WARNING_COLOUR}; "
                                      "font-weight: bold; }")
            self.button.setToolTip("Mở trang Nhật ký để xem các mục bị can thiệp")
            self.button.clicked.connect(lambda: window.show_page(KEY))
            window.statusBar().insertPermanentWidget(0, self.button)
            window.statusBar().messageChanged.connect(self._message_gone)
        self.button.setText(f"Nhật ký bị can thiệp ({vf.number(len(breaks))} chỗ) – "
                            "Mở Nhật ký")
        self.button.show()
        window.statusBar().showMessage(warning_text(breaks))

    def _message_gone(self, text: str) -> None:
        """Another page's message has had its time: the warning comes back."""
        if not text and self.tampered():
            self.window.statusBar().showMessage(warning_text(self.tampered()))

    def _clear(self) -> None:
        self.item.setIcon(QIcon())
        self.item.setForeground(QBrush())
        self.item.setToolTip(self.tip)
        if self.button is not None:
            self.button.hide()


def alert_of(window, row: int) -> AuditAlert:
    """The window's alert (``row``: the page's place in the navigation), made on first use."""
    found = window.findChild(AuditAlert, "audit_alert")
    return found if found is not None else AuditAlert(window, row)


def check_after_start(window, row: int) -> BackgroundTask:
    """The window's one check after its first paint."""
    return alert_of(window, row).check()


def audit_page(window, row: int) -> QWidget:
    """The "Nhật ký" page of ``window``, showing and feeding the window's alert."""
    page = AuditPage(window.ctx, window.bus)
    alert = alert_of(window, row)

    def show() -> None:         # a tampered log, or one intact again after it was
        if alert.result is not None and (alert.tampered() or page.is_tampered()):
            page.show_verified(*alert.result)

    show()
    alert.changed.connect(show)
    def forget() -> None:   # the alert outlives the page (built again for another person)
        try:
            alert.changed.disconnect(show)
        except (RuntimeError, RuntimeWarning, TypeError):   # the window is going too
            pass

    page.destroyed.connect(forget)
    page.verified.connect(lambda result: alert.set_result(*result))
    return page
