"""What can be done with a list's rows: add, edit (the dialog's checks), delete
with a confirmation and undo, the trash, the follow-up from the context menu,
and printing the list."""

from __future__ import annotations

from datetime import date

import pdfplumber
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from record_lists import (
    meetings_page,
    summaries,
    titles,
    type_search,
)

from tgdesk.domain.filters import ListFilter
from tgdesk.services import lists
from tgdesk.services.kinds import MEETINGS
from tgdesk.ui.records import record_actions, record_print

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, ctx):
    return meetings_page(qtbot, ctx)


def test_add_meeting_through_dialog(qtbot, page, ctx):
    page.add_record()
    dialog = page.dialog
    assert dialog.isVisible()
    assert dialog.held_on.value() == date(2026, 11, 24)      # today by default
    assert dialog.held_on.text() == "24/11/2026" and dialog.held_on.button.isVisible()
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
    dialog.held_on.set_value(date(2026, 11, 22))     # a Sunday
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
    monkeypatch.setattr(record_actions, "confirm",
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


def test_after_delete_the_next_row_is_selected(qtbot, page, ctx, make_meetings, monkeypatch):
    ids = make_meetings(ctx, 3)
    page.refresh()
    monkeypatch.setattr(record_actions, "confirm", lambda *a: True)
    order = [page.model.id_at(r) for r in range(3)]
    page.select_id(order[1])
    page.delete_record()
    assert page.selected_id() == order[2]         # the row that took its place
    page.delete_record()
    assert page.selected_id() == order[0]         # the last one gone: the new last row
    assert set(order) == set(ids)


def test_delete_cancelled_keeps_record(page, ctx, make_meetings, monkeypatch):
    make_meetings(ctx, 1)
    page.refresh()
    monkeypatch.setattr(record_actions, "confirm", lambda *a: False)
    page.view.selectRow(0)
    page.delete_record()
    assert lists.count(ctx, "meetings") == 1


def test_delete_key_asks_for_confirmation(qtbot, page, ctx, make_meetings, monkeypatch):
    make_meetings(ctx, 2)
    page.refresh()
    asked = []
    monkeypatch.setattr(record_actions, "confirm", lambda *a: asked.append(a) or True)
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


def test_restore_an_opinion_from_the_trash(qtbot, opinions, ctx, notes, monkeypatch):
    monkeypatch.setattr("tgdesk.ui.records.record_actions.confirm", lambda *a: True)
    opinions.select_id(notes.road)
    opinions.delete_record()
    assert "Đường Lê Lợi xuống cấp" not in summaries(opinions)
    opinions.trash.setChecked(True)
    assert summaries(opinions) == ["Đường Lê Lợi xuống cấp"]
    assert opinions.footer.text() == "1 ý kiến dư luận trong thùng rác"
    opinions.view.selectRow(0)
    qtbot.mouseClick(opinions.restore_button, Qt.MouseButton.LeftButton)
    assert summaries(opinions) == []
    opinions.trash.setChecked(False)
    assert "Đường Lê Lợi xuống cấp" in summaries(opinions)
    assert lists.count(ctx, "opinions", ListFilter(deleted=True)) == 0


def test_context_menu_offers_the_follow_up(opinions, notes):
    row = opinions.model.row_of(notes.road)
    pos = opinions.view.visualRect(opinions.model.index(row, 1)).center()
    menu = opinions.context_menu(pos)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Sửa…", "Xử lý…", "Xóa", "Lịch sử thay đổi…\tCtrl+H", "Thêm…",
                     "In danh sách…"]
    assert opinions.selected_id() == notes.road
    follow = menu.actions()[1]
    follow.trigger()
    assert opinions.dialog.windowTitle() == "Xử lý ý kiến dư luận"
    opinions.dialog.reject()
    opinions.trash.setChecked(True)
    assert [a.text() for a in opinions.context_menu(pos).actions()] == [
        "Khôi phục", "Lịch sử thay đổi…\tCtrl+H", "In danh sách…"]


def test_print_document_holds_the_current_list(qtbot, opinions, tmp_path):
    type_search(qtbot, opinions, "duong")
    doc = opinions.print_document()
    text = doc.toPlainText()
    assert "Dư luận xã hội" in text and "tìm “duong”" in text
    assert "Đường Lê Lợi xuống cấp" in text and "Kết quả xét nghiệm dương tính" in text
    assert "Tranh chấp đất đai" not in text
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "list.pdf"
    printer.setOutputFileName(str(out))
    record_print.print_to(printer, doc)
    with pdfplumber.open(out) as pdf:
        pdf_text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "Đường Lê Lợi" in pdf_text


def test_print_cuts_a_very_long_list(opinions, monkeypatch):
    monkeypatch.setattr(record_print, "PRINT_LIMIT", 2)
    text = opinions.print_document().toPlainText()
    assert "chỉ in 2 bản ghi đầu" in text
    assert "Đồng tình chủ trương" in text and "Tranh chấp" not in text


def test_ctrl_p_opens_the_print_preview(qtbot, opinions):
    opinions.activateWindow()
    qtbot.waitActive(opinions)
    opinions.view.setFocus()
    qtbot.waitUntil(opinions.view.hasFocus)
    qtbot.keyClick(opinions.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    preview = opinions.print_preview
    assert preview.isVisible() and preview.windowTitle() == "Xem trước khi in – Dư luận xã hội"
    assert "Tranh chấp đất đai" in preview.doc.toPlainText()
    preview.reject()
