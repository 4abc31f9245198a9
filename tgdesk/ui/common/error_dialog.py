"""An unexpected error (a defect of the program) while the window runs: the
full traceback goes to the log, and the officer sees ErrorDialog - a short
explanation, where the log file is, "Sao chép chi tiết" (the traceback, the
version and the platform to the clipboard) and "Đóng". The dialog does not
block: the program keeps running. One at a time: errors that come while it is
up are counted on it instead of opening more dialogs.

catching_unexpected() installs, for the window's life, Python's excepthook (an
exception in a slot or an overridden Qt method, which PySide6 reports there and
then carries on), threading's excepthook (a Python thread), and Qt's message
handler: Qt's own warnings go to the log, never to a dialog. Worker threads of
ui/common/tasks.py report through report_unexpected()."""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType

import PySide6
from PySide6.QtCore import (QObject, Qt, QtMsgType, Signal, Slot, qInstallMessageHandler,
                            qVersion)
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel,
                               QMainWindow, QPushButton, QStyle, QVBoxLayout, QWidget)

from tgdesk import __version__, logsetup

# What a page is told when its background work hit a defect; the error dialog
# already shows it, so show_error() does not open a second box for it.
UNEXPECTED = ("Việc này chưa làm xong vì một lỗi không mong muốn của chương trình; xem hộp thoại "
              "“Lỗi không mong muốn”.")

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

TITLE = "Lỗi không mong muốn"
EXPLANATION = ("Đã xảy ra lỗi không mong muốn trong chương trình. Việc vừa làm có thể chưa "
               "hoàn tất. Có thể tiếp tục làm việc; nếu lỗi lặp lại, hãy đóng rồi mở lại "
               "tgdesk.")
REPORT_HINT = ("Khi báo lỗi cho người hỗ trợ kỹ thuật, hãy bấm “Sao chép chi tiết” rồi dán "
               "vào thư hoặc tin nhắn, và gửi kèm tệp nhật ký.")
NO_LOG = "Không ghi được tệp nhật ký; chi tiết chỉ có trong nút “Sao chép chi tiết”."
COPY, CLOSE, COPIED = "Sao chép &chi tiết", "Đóng", "Đã sao chép chi tiết vào bộ nhớ tạm."
MAX_KEPT = 5          # the first error and the newest repeats go into the details


def log_place(log_file: Path | None) -> str:
    """Where the log is, in a sentence."""
    return NO_LOG if log_file is None else f"Chi tiết đã được ghi vào tệp nhật ký:\n{log_file}"


def describe(exc_type: type[BaseException], exc: BaseException,
             tb: TracebackType | None, where: str = "") -> str:
    """The details to copy: the traceback, the program's version, the platform."""
    lines = "".join(traceback.format_exception(exc_type, exc, tb)).rstrip()
    return "\n".join([
        f"{datetime.now():%Y-%m-%d %H:%M:%S}{f' ({where})' if where else ''}",
        lines,
        "",
        f"tgdesk {__version__} · Python {platform.python_version()} · Qt {qVersion()} · "
        f"PySide6 {PySide6.__version__}",
        f"{platform.platform()} · {platform.machine()}",
    ])


class ErrorDialog(QDialog):
    """The explanation, the log's place, "Sao chép chi tiết" and "Đóng"."""

    def __init__(self, details: str, log_file: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.setMinimumWidth(520)
        self._details = [details]
        self.repeats = 0
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(
            QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.explanation = QLabel(EXPLANATION)
        self.log_label = QLabel(log_place(log_file))
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint = QLabel(REPORT_HINT)
        self.repeat_label = QLabel()
        self.repeat_label.hide()
        self.copied_label = QLabel()
        texts = QVBoxLayout()
        for label in (self.explanation, self.log_label, self.hint, self.repeat_label,
                      self.copied_label):
            label.setWordWrap(True)
            texts.addWidget(label)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addLayout(texts, 1)
        buttons = QDialogButtonBox()
        self.copy_button = QPushButton(COPY)
        self.close_button = QPushButton(CLOSE)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.clicked.connect(self.copy_details)
        buttons.rejected.connect(self.reject)
        self.close_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)

    def details(self) -> str:
        return "\n\n".join(self._details)

    def add_repeat(self, details: str) -> None:
        """Another unexpected error while the dialog is up: counted, its details kept."""
        self.repeats += 1
        self._details.append(details)
        if len(self._details) > MAX_KEPT:
            del self._details[1]
        self.repeat_label.setText(f"Trong lúc hộp thoại này mở, lỗi đã xảy ra thêm "
                                  f"{self.repeats} lần.")
        self.repeat_label.show()

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details())
        self.copied_label.setText(COPIED)


# --- showing it, from any thread -----------------------------------------------------------

class _Reporter(QObject):
    """Lives on the GUI thread; a report from another thread arrives queued."""

    raised = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.raised.connect(self.show_error)

    @Slot(str)
    def show_error(self, details: str) -> None:
        show_error_dialog(details)


_reporter: _Reporter | None = None
_dialog: ErrorDialog | None = None


def current_dialog() -> ErrorDialog | None:
    """The error dialog on screen, if any."""
    return _dialog if _dialog is not None and _dialog.isVisible() else None


def _main_window() -> QWidget | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMainWindow) and widget.isVisible():
            return widget
    return None


def show_error_dialog(details: str) -> ErrorDialog:
    """On the GUI thread: show the error dialog (not modal), or count a repeat
    on the one already up."""
    global _dialog
    if (dialog := current_dialog()) is not None:
        dialog.add_repeat(details)
        return dialog
    if _dialog is not None:
        _dialog.deleteLater()
    _dialog = ErrorDialog(details, logsetup.log_file(), _main_window())
    _dialog.show()            # a new window comes up in front
    _dialog.activateWindow()
    return _dialog


def report_unexpected(details: str) -> None:
    """Show ``details`` (an error already logged) in the error dialog, from any
    thread: the dialog opens on the GUI thread. Without a QApplication, only the
    log has it."""
    global _reporter
    app = QApplication.instance()
    if app is None:
        return
    if _reporter is None:
        reporter = _Reporter()
        if reporter.thread() is not app.thread():
            reporter.moveToThread(app.thread())
        _reporter = reporter
    _reporter.raised.emit(details)


def handle_unexpected(exc_type: type[BaseException], exc: BaseException,
                      tb: TracebackType | None, where: str = "") -> None:
    """Log an unexpected exception whole and show it; never raises."""
    try:
        log.error("unexpected error%s", f" in {where}" if where else "",
                  exc_info=(exc_type, exc, tb))
        report_unexpected(describe(exc_type, exc, tb, where))
    except Exception:   # the last resort must not fail in turn
        log.exception("could not report an unexpected error")


_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


@contextmanager
def catching_unexpected() -> Iterator[None]:
    """While inside: unexpected exceptions and Qt's messages go to the log, and
    the exceptions to the error dialog. Each hook also passes on to the one it
    replaced (the terminal's traceback, a test runner's capture)."""
    before_sys, before_thread = sys.excepthook, threading.excepthook

    def on_exception(exc_type, exc, tb) -> None:
        if not issubclass(exc_type, KeyboardInterrupt):
            handle_unexpected(exc_type, exc, tb, threading.current_thread().name)
        before_sys(exc_type, exc, tb)

    def on_thread_exception(args) -> None:
        if args.exc_type is not SystemExit:
            where = args.thread.name if args.thread is not None else ""
            handle_unexpected(args.exc_type, args.exc_value, args.exc_traceback, where)
        before_thread(args)

    def on_qt_message(kind, context, message) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)
        if before_qt is not None:
            before_qt(kind, context, message)

    before_qt = qInstallMessageHandler(on_qt_message)
    sys.excepthook, threading.excepthook = on_exception, on_thread_exception
    try:
        yield
    finally:
        sys.excepthook, threading.excepthook = before_sys, before_thread
        qInstallMessageHandler(before_qt)
