"""A record's own history, opened from its row in a record list (context menu,
Ctrl+H): the audit log's entries about it, oldest first, in the same table and
detail pane as the "Nhật ký" page."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tgdesk.domain.records import Meeting
from tgdesk.services.kinds import MEETINGS
from tgdesk.ui.audit.audit_view import AuditBrowser
from tgdesk.ui.audit.history_dialog import NONE_YET, HistoryDialog
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.records.record_page import RecordPage
from tgdesk.ui.records.record_specs import MEETING_PAGE

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, ctx):
    page = RecordPage(ctx, DataBus(), MEETING_PAGE)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def actions(dialog) -> list[str]:
    model = dialog.browser.model
    return [model.data(model.index(r, 3)) for r in range(model.rowCount())]


def test_a_meetings_history_after_create_edit_delete(page, ctx, qtbot):
    kept = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 9), title="Tọa đàm"))
    saved = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 2), title="Giao ban"))
    MEETINGS.update(ctx, saved.id, Meeting(held_on=date(2026, 11, 2), title="Giao ban tháng 11",
                                           attendance=25))
    MEETINGS.delete(ctx, saved.id)
    page.trash.setChecked(True)                           # the deleted meeting is in the trash
    page.select_id(saved.id)
    menu = page.context_menu(page.view.visualRect(page.model.index(0, 1)).center())
    item = next(a for a in menu.actions() if a.text().startswith("Lịch sử thay đổi…"))
    assert item.isEnabled() and item.text().endswith("\tCtrl+H")
    item.trigger()
    dialog = page.history_dialog
    assert isinstance(dialog, HistoryDialog) and dialog.isVisible()
    assert isinstance(dialog.browser, AuditBrowser)                  # the page's own widgets
    assert dialog.windowTitle() == ("Lịch sử thay đổi – hội nghị “Giao ban tháng 11 ngày "
                                    "02/11/2026”")
    assert actions(dialog) == ["Thêm", "Sửa", "Xóa (vào thùng rác)"]   # oldest first
    assert "3 mục nhật ký" in dialog.caption.text()
    assert dialog.browser.selected().action == "delete"               # the latest shown
    dialog.browser.select_seq(dialog.browser.entries()[1].seq)
    text = dialog.browser.detail.toPlainText()
    assert "Giao ban tháng 11" in text and "Số người dự" in text and "25" in text
    dialog.reject()

    page.trash.setChecked(False)                          # Ctrl+H on another row: its own
    page.select_id(kept.id)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_H, Qt.KeyboardModifier.ControlModifier)
    other = page.history_dialog
    assert other is not dialog and other.isVisible()
    assert actions(other) == ["Thêm"] and "Tọa đàm" in other.windowTitle()
    other.reject()


def test_no_row_no_history_and_a_record_without_entries(page, ctx, qtbot):
    assert page.show_history() is None
    dialog = HistoryDialog(ctx, "khong-co", "hội nghị “Cũ”")
    qtbot.addWidget(dialog)
    assert dialog.browser.model.rowCount() == 0 and dialog.caption.text() == NONE_YET
