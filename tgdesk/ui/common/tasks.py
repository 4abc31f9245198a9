"""Long work off the GUI thread: a QRunnable on the global QThreadPool, with a
busy progress dialog while it runs and signals back to the GUI thread.

A UserError comes back as ``failed`` with its message. Any other exception is
a defect: logged whole, shown in the error dialog (ui/common/error_dialog.py)
with its details, and ``failed`` carries UNEXPECTED so the page can put
itself back in order."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable

from PySide6.QtCore import (QObject, QRunnable, Qt, QThreadPool, QTimer, Signal,
                            SignalInstance)
from PySide6.QtWidgets import QProgressDialog, QWidget

from tgdesk.services.errors import UserError

from .error_dialog import UNEXPECTED, describe, report_unexpected

__all__ = ["UNEXPECTED", "BackgroundTask", "Task", "TaskSignals", "run_task"]

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(str)
    crashed = Signal(str)      # the details of an unexpected exception


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[], object], signals: TaskSignals):
        super().__init__()
        self._fn = fn
        self._signals = signals
        self.setAutoDelete(True)

    def run(self) -> None:  # runs on a pool thread
        try:
            result = self._fn()
        except UserError as exc:
            self._signals.failed.emit(str(exc))
        except Exception:  # a defect: log it whole, show the details
            log.exception("background task failed")
            exc_type, exc, tb = sys.exc_info()
            self._signals.crashed.emit(describe(exc_type, exc, tb,
                                                threading.current_thread().name))
        else:
            self._signals.done.emit(result)


class BackgroundTask(QObject):
    """Work off the GUI thread that nobody waits for (a list's count): no dialog;
    ``done`` or ``failed`` on the GUI thread, then ``finished``. An unexpected
    exception is shown as any other (the error dialog) and ``failed`` gets
    UNEXPECTED. Keep a reference until ``finished``; deleting this object (with its
    parent) only drops the result."""

    done = Signal(object)
    failed = Signal(str)
    finished = Signal()

    def __init__(self, fn: Callable[[], object], parent: QObject | None = None):
        super().__init__(parent)
        self._fn = fn
        self._signals = TaskSignals()
        self._signals.done.connect(self._on_done)
        self._signals.failed.connect(self._on_failed)
        self._signals.crashed.connect(self._on_crashed)

    def start(self) -> None:
        QThreadPool.globalInstance().start(_Runnable(self._fn, self._signals))

    def _deliver(self, signal: SignalInstance, value: object) -> None:
        signal.emit(value)
        self.finished.emit()

    def _on_done(self, result: object) -> None:
        self._deliver(self.done, result)

    def _on_failed(self, message: str) -> None:
        self._deliver(self.failed, message)

    def _on_crashed(self, details: str) -> None:
        report_unexpected(details)
        self._on_failed(UNEXPECTED)


class Task(BackgroundTask):
    """One background job with a busy dialog. Keep a reference until ``finished``
    fires (which comes before ``done`` or ``failed``: the dialog is gone by then)."""

    def __init__(self, fn: Callable[[], object], label: str, parent: QWidget | None = None,
                 show_after_ms: int = 0):
        super().__init__(fn, parent)
        self._progress = QProgressDialog(label, "", 0, 0, parent)
        self._progress.setWindowTitle("Đang xử lý")
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.WindowModal)
        self._progress.setMinimumDuration(0)
        self._progress.setAutoClose(False)
        self._progress.setAutoReset(False)
        self._progress.setMinimumWidth(360)
        self.running = False
        # Work that is usually quick (a page preview) shows the busy dialog only
        # when it takes long enough to be noticed, instead of flashing it.
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(show_after_ms)
        self._show_timer.timeout.connect(self._show_if_running)

    def start(self) -> None:
        self.running = True
        if self._show_timer.interval() > 0:
            self._show_timer.start()
        else:
            self._progress.show()
        super().start()

    def _show_if_running(self) -> None:
        if self.running:
            self._progress.show()

    def _deliver(self, signal: SignalInstance, value: object) -> None:
        self.running = False
        self._show_timer.stop()
        self._progress.close()
        self._progress.deleteLater()
        self.finished.emit()
        signal.emit(value)


def run_task(fn: Callable[[], object], label: str, parent: QWidget | None,
             on_done: Callable[[object], None],
             on_failed: Callable[[str], None], show_after_ms: int = 0) -> Task:
    """Start ``fn`` on the thread pool; the callbacks run on the GUI thread.
    The busy dialog shows at once, or after ``show_after_ms`` if still running."""
    task = Task(fn, label, parent, show_after_ms)
    task.done.connect(on_done)
    task.failed.connect(on_failed)
    task.start()
    return task
