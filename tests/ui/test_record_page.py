from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt

from tgdesk.domain.filters import ListFilter
from tgdesk.services import lists
from tgdesk.services.kinds import MEETINGS
from tgdesk.ui import record_page
from tgdesk.ui.events import DataBus
from tgdesk.ui.record_page import RecordPage
from tgdesk.ui.record_specs import MEETING_PAGE

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, ctx):
    bus = DataBus()
    page = RecordPage(ctx, bus, MEETING_PAGE)
    qtbot.addWidget(page)
    page.resize(1000, 600)
    page.show()
    return page


def titles(page):
    return [page.model.index(r, 2).data() for r in range(page.model.rowCount())]


def test_empty_state_says_what_to_do(page):
    assert page.stack.currentWidget() is page.empty
    assert "Chưa có hội nghị nào" in page.empty.text()
    assert "Ctrl+N" in page.empty.text()
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()


def test_add_meeting_through_dialog(qtbot, page, ctx):
    page.add_record()
    dialog = page.dialog
    assert dialog.isVisible()
    assert dialog.held_on.date() == QDate(2026, 11, 24)      # today by default
    assert dialog.held_on.displayFormat() == "dd/MM/yyyy" and dialog.held_on.calendarPopup()
    # QTest types ASCII only; the rest of the title is inserted as typed text.
    qtbot.keyClicks(dialog.title, "Giao ban ")
    dialog.title.insert("tháng 11")
    dialog.attendance.setValue(35)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert titles(page) == ["Giao ban tháng 11"]
    assert page.stack.currentWidget() is page.view
    assert page.selected_id() == dialog.saved.id
    saved = MEETINGS.get(ctx, dialog.saved.id)
    assert saved.held_on == date(2026, 11, 24) and saved.attendance == 35
    assert page.model.index(0, 0).data() == "24/11/2026"


def test_validation_error_shown_under_field_and_nothing_saved(qtbot, page, ctx):
    page.add_record()
    dialog = page.dialog
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Tên hội nghị: chưa nhập" in dialog.form.message("title")
    assert dialog.form.message("held_on") == ""
    assert lists.count(ctx, "meetings") == 0
    # Fixing the field clears the message and saves.
    dialog.title.insert("Tọa đàm")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert lists.count(ctx, "meetings") == 1


def test_warning_needs_a_second_ok(qtbot, page, ctx):
    page.add_record()
    dialog = page.dialog
    dialog.held_on.setDate(QDate(2026, 11, 22))     # a Sunday
    dialog.title.insert("Hội nghị ngày Chủ nhật")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "Chủ nhật" in dialog.form.message("held_on")
    assert lists.count(ctx, "meetings") == 0
    assert dialog.ok_button.text() == "Vẫn lưu"
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert lists.count(ctx, "meetings") == 1


def test_edit_meeting(qtbot, page, ctx, make_meetings):
    [mid] = make_meetings(ctx, 1)
    page.refresh()
    page.view.selectRow(0)
    page.edit_record()
    dialog = page.dialog
    assert dialog.title.text() == "Giao ban số 1"
    dialog.title.setText("Giao ban đã sửa")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert MEETINGS.get(ctx, mid).title == "Giao ban đã sửa"
    assert titles(page) == ["Giao ban đã sửa"]


def test_delete_with_confirmation_then_undo(qtbot, page, ctx, make_meetings, monkeypatch):
    ids = make_meetings(ctx, 3)
    page.refresh()
    questions = []
    monkeypatch.setattr(record_page, "confirm",
                        lambda parent, title, text: questions.append(text) or True)
    page.select_id(ids[1])
    page.delete_record()
    assert len(questions) == 1 and "Giao ban số 2" in questions[0]
    assert "Giao ban số 2" not in titles(page)
    assert lists.record_ids(ctx, "meetings", ListFilter(deleted=True)) == [ids[1]]
    assert page.undo_bar.isVisible()
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert "Giao ban số 2" in titles(page)
    assert lists.record_ids(ctx, "meetings", ListFilter(deleted=True)) == []
    assert not page.undo_bar.isVisible()


def test_delete_cancelled_keeps_record(page, ctx, make_meetings, monkeypatch):
    make_meetings(ctx, 1)
    page.refresh()
    monkeypatch.setattr(record_page, "confirm", lambda *a: False)
    page.view.selectRow(0)
    page.delete_record()
    assert lists.count(ctx, "meetings") == 1


def test_delete_key_asks_for_confirmation(qtbot, page, ctx, make_meetings, monkeypatch):
    make_meetings(ctx, 2)
    page.refresh()
    asked = []
    monkeypatch.setattr(record_page, "confirm", lambda *a: asked.append(a) or True)
    page.activateWindow()
    qtbot.waitActive(page)
    page.view.setFocus()
    page.view.selectRow(0)
    qtbot.keyClick(page.view, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert lists.count(ctx, "meetings") == 1


def test_trash_shows_deleted_and_restores(qtbot, page, ctx, make_meetings):
    ids = make_meetings(ctx, 2)
    MEETINGS.delete(ctx, ids[0])
    page.trash.setChecked(True)
    assert titles(page) == ["Giao ban số 1"]
    assert page.restore_button.isVisible()
    assert not page.add_button.isEnabled()
    page.view.selectRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert titles(page) == []
    assert "Thùng rác không có" in page.empty.text()
    page.trash.setChecked(False)
    assert sorted(titles(page)) == ["Giao ban số 1", "Giao ban số 2"]


def test_period_filter(page, ctx, make_meetings):
    make_meetings(ctx, 40)      # from 05/01/2026 on, one a day
    page.period.choose("month")  # November 2026: none of them
    assert page.model.total() == 0
    assert "khoảng thời gian đã chọn" in page.empty.text()
    page.period.choose("year")
    assert page.model.total() == 40
    page.period.date_from.setDate(QDate(2026, 1, 10))
    page.period.date_to.setDate(QDate(2026, 1, 12))
    assert page.period.choice.currentData() == "custom"
    assert sorted(titles(page)) == ["Giao ban số 6", "Giao ban số 7", "Giao ban số 8"]
    page.period.choose("all")
    assert page.period.range() == (None, None)
    assert page.model.total() == 40


def test_list_refreshes_when_another_window_saves(page, ctx, make_meetings):
    make_meetings(ctx, 1)
    assert titles(page) == []
    page.bus.changed("meetings")
    assert titles(page) == ["Giao ban số 1"]
