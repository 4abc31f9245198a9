"""The window when another process writes the database: the dialog naming the
holder, opening read-only, the banner, and a save refused in plain words."""

from __future__ import annotations

import getpass
import socket

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from tgdesk.domain.records import UnitSettings
from tgdesk.services.context import READ_ONLY, open_context
from tgdesk.services.db_lock import WriterLock, read_holder
from tgdesk.services.unit import get_unit, save_unit
from tgdesk.ui import launch
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.launch import LockedDialog, open_database
from tgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ TP",
                    place_name="Bình Tiên", signer_name="Nguyễn Văn An")


def answer_with(button: str, seen: list[str]) -> QTimer:
    """Click ``button`` ("view" or "quit") of the LockedDialog once it is up,
    noting its text and button labels in ``seen``."""
    timer = QTimer()
    timer.setInterval(20)

    def click():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, LockedDialog):
            timer.stop()
            seen.append(dialog.text())
            seen.extend(b.text() for b in dialog.buttons())
            (dialog.view_button if button == "view" else dialog.quit_button).click()
    timer.timeout.connect(click)
    timer.start()
    return timer


@pytest.fixture
def unit_db(db_path):
    ctx = open_context(db_path)
    save_unit(ctx, UNIT)
    ctx.close()
    return db_path


def test_lock_held_elsewhere_asks_and_opens_read_only(qtbot, unit_db):
    seen: list[str] = []
    with WriterLock(unit_db):
        timer = answer_with("view", seen)
        ctx = open_database(unit_db)
        timer.stop()
        try:
            assert ctx is not None and ctx.read_only and ctx.lock is None
            text, *buttons = seen
            assert text.startswith(f"Cơ sở dữ liệu đang được mở để ghi bởi {getpass.getuser()} "
                                   f"trên máy {socket.gethostname()} từ ")
            assert sorted(buttons) == ["Mở chỉ để xem", "Thoát"]

            win = MainWindow(ctx, DataBus())
            qtbot.addWidget(win)
            win.show()
            assert win.windowTitle() == "tgdesk – ĐẢNG ỦY PHƯỜNG BÌNH TIÊN — chỉ xem"
            assert win.read_only_banner.isVisible()
            assert "Chỉ xem" in win.read_only_banner.text()

            page = win.show_page("unit")
            page.form.inputs["name"].setText("ĐẢNG ỦY PHƯỜNG KHÁC")
            assert page.save() is False
            assert page.form.general.isVisible()
            assert page.form.general.text() == READ_ONLY
            assert get_unit(ctx).name == UNIT.name
            win.close()
        finally:
            ctx.close()


def test_quit_opens_nothing(qtbot, unit_db):
    seen: list[str] = []
    with WriterLock(unit_db):
        timer = answer_with("quit", seen)
        assert open_database(unit_db) is None
        timer.stop()
    assert seen and seen[0].startswith("Cơ sở dữ liệu đang được mở để ghi bởi ")


def test_dialog_asks_with_vietnamese_buttons(qtbot):
    dialog = LockedDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.text() == "Cơ sở dữ liệu đang được một chương trình tgdesk khác mở để ghi."
    assert dialog.view_button.text() == "Mở chỉ để xem"
    assert dialog.quit_button.text() == "Thoát"
    assert dialog.escapeButton() is dialog.quit_button
    assert [b.text() for b in dialog.buttons()].count("OK") == 0


def test_lock_free_opens_for_writing_until_closed(qtbot, unit_db):
    def never(_holder):
        raise AssertionError("asked although nobody holds the lock")
    ctx = open_database(unit_db, ask=never)
    try:
        assert not ctx.read_only and ctx.lock.held
        assert read_holder(unit_db) is not None
        win = MainWindow(ctx, DataBus())
        qtbot.addWidget(win)
        win.show()
        assert not win.read_only_banner.isVisible()
        assert "chỉ xem" not in win.windowTitle()
        win.close()
    finally:
        ctx.close()
    assert read_holder(unit_db) is None          # the window closed: the lock let go
    WriterLock(unit_db).acquire()


def test_read_only_window_skips_the_first_run_dialog(qtbot, db_path, monkeypatch):
    with WriterLock(db_path):
        ctx = open_database(db_path, ask=lambda _holder: True)
        try:
            assert ctx.read_only and get_unit(ctx) is None
            monkeypatch.setattr(launch, "first_run", lambda *_: pytest.fail("first run asked"))
            QTimer.singleShot(0, lambda: QApplication.instance().closeAllWindows())
            assert launch.run_window(ctx) == 0
        finally:
            ctx.close()
