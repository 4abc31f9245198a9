"""Unexpected errors while the window runs: logged whole, shown in one error
dialog (explanation, the log's place, "Sao chép chi tiết", "Đóng") that does
not block; repeats are counted on it; Qt's own warnings go to the log only;
a worker thread's defect comes back to the GUI thread the same way."""

from __future__ import annotations

import logging
import os
import platform
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, qWarning
from PySide6.QtWidgets import QApplication

from tgdesk import __version__, logsetup
from tgdesk.services.errors import UserError
from tgdesk.ui.common import error_dialog
from tgdesk.ui.common.error_dialog import (ErrorDialog, catching_unexpected, current_dialog,
                                           show_error_dialog)
from tgdesk.ui.common.tasks import UNEXPECTED, run_task

pytestmark = pytest.mark.gui
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(autouse=True)
def no_dialog_left(tmp_path):
    """Each test starts without an error dialog and with its own log file."""
    logsetup.setup_logging(tmp_path / "logs", force=True)
    yield
    if (dialog := current_dialog()) is not None:
        dialog.close()
    logsetup.stop_logging()


def dialogs() -> list[ErrorDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, ErrorDialog) and w.isVisible()]


def boom() -> None:
    raise ZeroDivisionError("chia cho số không")


def test_an_exception_in_a_slot_is_logged_and_shown_and_the_program_goes_on(qtbot, tmp_path):
    later: list[str] = []
    with qtbot.capture_exceptions() as raised, catching_unexpected():
        QTimer.singleShot(0, boom)
        qtbot.waitUntil(lambda: current_dialog() is not None)
        QTimer.singleShot(0, lambda: later.append("vẫn chạy"))
        qtbot.waitUntil(lambda: later == ["vẫn chạy"])     # the event loop carries on

    assert len(raised) == 1 and raised[0][0] is ZeroDivisionError
    dialog = current_dialog()
    assert dialog.windowTitle() == "Lỗi không mong muốn"
    assert dialog.explanation.text().startswith("Đã xảy ra lỗi không mong muốn")
    log_file = tmp_path / "logs" / "tgdesk.log"
    assert str(log_file) in dialog.log_label.text()
    assert [b.text() for b in (dialog.copy_button, dialog.close_button)] == \
        ["Sao chép &chi tiết", "Đóng"]
    logged = log_file.read_text(encoding="utf-8")
    assert "Traceback" in logged and "chia cho số không" in logged

    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert "ZeroDivisionError: chia cho số không" in copied and "def boom" not in copied
    assert 'raise ZeroDivisionError("chia cho số không")' in copied
    assert f"tgdesk {__version__}" in copied and platform.platform() in copied
    assert dialog.copied_label.text() == "Đã sao chép chi tiết vào bộ nhớ tạm."
    dialog.close_button.click()
    assert current_dialog() is None


def test_repeats_are_counted_on_one_dialog(qtbot):
    first = show_error_dialog("lỗi 1")
    for n in range(2, 9):
        assert show_error_dialog(f"lỗi {n}") is first
    assert dialogs() == [first] and first.repeats == 7
    assert first.repeat_label.text() == "Trong lúc hộp thoại này mở, lỗi đã xảy ra thêm 7 lần."
    kept = first.details()
    assert "lỗi 1" in kept and "lỗi 8" in kept and "lỗi 2" not in kept   # first and newest
    first.close()
    second = show_error_dialog("lỗi 9")                 # closed: the next error opens anew
    assert second is not first and second.repeats == 0 and second.repeat_label.isHidden()


@pytest.mark.qt_log_ignore("cảnh báo thử của Qt")
def test_qt_warnings_go_to_the_log_not_to_a_dialog(qtbot, tmp_path):
    with catching_unexpected():
        qWarning("cảnh báo thử của Qt")
    assert current_dialog() is None
    logged = (tmp_path / "logs" / "tgdesk.log").read_text(encoding="utf-8")
    assert "WARNING qt" in logged and "cảnh báo thử của Qt" in logged


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_a_python_thread_s_exception_reaches_the_gui_thread(qtbot):
    with catching_unexpected():
        worker = threading.Thread(target=boom, name="luong-phu")
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: current_dialog() is not None)
    assert "luong-phu" in current_dialog().details()
    assert "ZeroDivisionError" in current_dialog().details()


def test_hooks_are_put_back_when_the_window_ends(qtbot):
    before = (sys.excepthook, threading.excepthook)
    with catching_unexpected():
        assert sys.excepthook is not before[0]
    assert (sys.excepthook, threading.excepthook) == before


# --- worker threads (ui/common/tasks.py) ---------------------------------------------------

def test_a_task_s_defect_shows_the_dialog_and_the_page_hears_of_it(qtbot, tmp_path):
    parent = error_dialog.QWidget()
    qtbot.addWidget(parent)
    failures: list[str] = []
    run_task(boom, "Đang làm…", parent, failures.append, failures.append)
    qtbot.waitUntil(lambda: failures != [])
    assert failures == [UNEXPECTED]
    assert "Lỗi không mong muốn:" not in failures[0]
    dialog = current_dialog()
    assert dialog is not None and "ZeroDivisionError: chia cho số không" in dialog.details()
    assert "background task failed" in (tmp_path / "logs" / "tgdesk.log").read_text("utf-8")


def test_a_task_s_defect_shows_one_box_not_two(qtbot, monkeypatch):
    """The page passes what it heard to show_error(); for a defect the error
    dialog is the only box (a warning box beside it would say the same)."""
    from tgdesk.ui.common import widgets

    boxes: list[str] = []
    monkeypatch.setattr(widgets.QMessageBox, "warning",
                        lambda parent, title, text: boxes.append(text))
    parent = error_dialog.QWidget()
    qtbot.addWidget(parent)
    heard: list[str] = []
    run_task(boom, "Đang làm…", parent, heard.append,
             lambda text: (heard.append(text), widgets.show_error(parent, text)))
    qtbot.waitUntil(lambda: heard != [])
    assert heard == [UNEXPECTED] and boxes == []
    assert current_dialog() is not None
    widgets.show_error(parent, "Tệp không đọc được.")        # a plain error still has its box
    assert boxes == ["Tệp không đọc được."]


def test_a_task_s_user_error_keeps_its_plain_message(qtbot):
    parent = error_dialog.QWidget()
    qtbot.addWidget(parent)
    failures: list[str] = []

    def refuse():
        raise UserError("Không đọc được tệp.")
    run_task(refuse, "Đang làm…", parent, failures.append, failures.append)
    qtbot.waitUntil(lambda: failures != [])
    assert failures == ["Không đọc được tệp."] and current_dialog() is None


# --- the real thing, outside the test runner's own hooks --------------------------------

CHILD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow
    from tgdesk import logsetup
    from tgdesk.ui.common import error_dialog

    logsetup.setup_logging()
    app = QApplication([])
    window = QMainWindow()
    window.show()
    steps = []

    def boom():
        raise ZeroDivisionError("trong một slot")

    def look():
        dialog = error_dialog.current_dialog()
        steps.append(dialog is not None and "trong một slot" in dialog.details())
        steps.append(dialog.repeats)
        app.quit()

    with error_dialog.catching_unexpected():
        QTimer.singleShot(0, boom)
        QTimer.singleShot(0, boom)
        QTimer.singleShot(200, look)
        code = app.exec()
    print("exit", code, "dialog, repeats", steps)
""")


def test_pyside_carries_on_after_an_exception_in_a_slot(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}
    run = subprocess.run([sys.executable, "-c", CHILD], cwd=ROOT, env=env, capture_output=True,
                         text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "exit 0 dialog, repeats [True, 1]"
    logged = (tmp_path / "tgdesk" / "logs" / "tgdesk.log").read_text(encoding="utf-8")
    assert logged.count("ZeroDivisionError: trong một slot") == 2
    assert logging.getLevelName(logging.ERROR) in logged
