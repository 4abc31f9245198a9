"""The window says so: after its first paint the audit log's chain is checked off
the GUI thread; a log edited by hand (sqlite3) brings a status-bar warning, a
“Mở Nhật ký” button, a warning on the navigation's entry and the red notice on the
page; an intact log brings none. The page is in the navigation and its menu key."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from tgdesk.domain.records import Meeting
from tgdesk.services.kinds import MEETINGS
from tgdesk.ui import launch
from tgdesk.ui.audit.audit_page import AuditPage
from tgdesk.ui.audit.audit_watch import AuditAlert
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.main_window import MainWindow
from tgdesk.ui.pages import KEYS

from audit_entries import hand_edit

pytestmark = pytest.mark.gui


@pytest.fixture
def meetings(ctx):
    for title in ("Giao ban", "Tọa đàm"):
        MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 2), title=title))


def started(qtbot, ctx) -> tuple[MainWindow, AuditAlert]:
    """The window as run_window leaves it after its first paint, the check done."""
    window = MainWindow(ctx, DataBus())
    qtbot.addWidget(window)
    window.show()
    launch._after_first_paint(window, QApplication.instance())
    alert = window.findChild(AuditAlert, "audit_alert")
    assert alert is not None
    qtbot.waitUntil(lambda: alert.result is not None, timeout=30000)
    return window, alert


def test_a_hand_edited_log_is_announced_by_the_window(qtbot, ctx, db_path, meetings):
    hand_edit(db_path, "UPDATE audit_entry SET actor = 'nguoi_khac' WHERE seq = 1")
    window, alert = started(qtbot, ctx)
    assert alert.result[0] == 2 and [b.seq for b in alert.tampered()] == [1]
    item = window.nav.item(KEYS.index("audit"))
    assert item.text() == "Nhật ký" and not item.icon().isNull()
    assert item.toolTip().startswith("Nhật ký bị can thiệp: 1 chỗ.")
    warning = "Cảnh báo: nhật ký có 1 chỗ bị sửa, xóa hoặc đổi chỗ sau khi ghi."
    bar = window.statusBar()
    assert bar.currentMessage() in (warning, "Đã sao lưu tự động.")  # the day's backup too
    window.show_status("Đã làm mới.")
    bar.clearMessage()                                   # another message has had its time
    assert bar.currentMessage() == warning
    button = alert.button
    assert button.isVisible() and button.text() == "Nhật ký bị can thiệp (1 chỗ) – Mở Nhật ký"
    assert "audit" not in window.pages                   # nothing built for the check
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert isinstance(page, AuditPage) and page is window.pages["audit"]
    assert page.notice.isVisible() and "Nhật ký đã bị can thiệp" in page.notice.text()
    assert "Mục 1 đã bị sửa sau khi ghi." in page.notice.text() and page.is_tampered()
    assert button.isVisible()                            # until a check finds it intact


def test_an_intact_log_brings_no_warning(qtbot, ctx, meetings):
    window, alert = started(qtbot, ctx)
    assert alert.result == (2, [])
    item = window.nav.item(KEYS.index("audit"))
    assert item.icon().isNull() and not item.toolTip().startswith("Nhật ký bị can thiệp")
    assert alert.button is None and "Cảnh báo" not in window.statusBar().currentMessage()
    page = window.show_page("audit")
    assert not page.notice.isVisible() and not page.is_tampered()


def test_the_page_has_its_place_and_key(qtbot, ctx):
    window = MainWindow(ctx, DataBus())
    qtbot.addWidget(window)
    window.show()
    assert KEYS.index("audit") == KEYS.index("backups") + 1
    go = next(a for a in window.findChildren(QAction) if a.text() == "Nhật ký")
    assert go.shortcut().toString() == "Ctrl+Shift+4"
    assert "audit" not in window.pages                   # built when first shown
    go.trigger()
    assert isinstance(window.current_page(), AuditPage)
