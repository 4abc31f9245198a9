"""Background tasks: results come back on the GUI thread; the busy dialog shows
at once, or only when the work outlasts ``show_after_ms``."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QProgressDialog, QWidget

from tgdesk.services.errors import UserError
from tgdesk.ui.common.tasks import run_task

pytestmark = pytest.mark.gui


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


def _visible_dialogs(parent: QWidget) -> list[bool]:
    return [d.isVisible() for d in parent.findChildren(QProgressDialog)]


def test_quick_work_never_flashes_the_busy_dialog(qtbot, parent):
    results, seen = [], []

    def finished() -> bool:
        seen.extend(_visible_dialogs(parent))
        return results == [42]

    run_task(lambda: 42, "Đang làm…", parent, results.append, results.append,
             show_after_ms=5000)
    qtbot.waitUntil(finished)
    assert not any(seen)


def test_slow_work_shows_the_busy_dialog_after_the_delay(qtbot, parent):
    gate = threading.Event()
    results = []
    task = run_task(lambda: gate.wait(10) and "xong", "Đang làm…", parent, results.append,
                    results.append, show_after_ms=50)
    assert not any(_visible_dialogs(parent))
    qtbot.waitUntil(lambda: any(_visible_dialogs(parent)))
    gate.set()
    qtbot.waitUntil(lambda: results == ["xong"])
    assert not task.running


def test_without_a_delay_the_dialog_shows_at_once_and_errors_come_back(qtbot, parent):
    gate = threading.Event()
    results = []

    def work():
        gate.wait(10)
        raise UserError("Không đọc được tệp.")

    run_task(work, "Đang làm…", parent, results.append, results.append)
    assert any(_visible_dialogs(parent))
    gate.set()
    qtbot.waitUntil(lambda: results == ["Không đọc được tệp."])
