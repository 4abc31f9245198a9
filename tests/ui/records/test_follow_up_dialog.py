"""Xử lý ý kiến dư luận: a note taken through every status in the dialog, the
history shown, messages beside the fields, the due date."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tgdesk.domain.records import OpinionNote
from tgdesk.services import followups, lists
from tgdesk.services.kinds import OPINIONS
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.records.follow_up_dialog import FollowUpDialog
from tgdesk.ui.records.record_page import RecordPage
from tgdesk.ui.records.record_specs import OPINION_PAGE

pytestmark = pytest.mark.gui


@pytest.fixture
def note_id(ctx, catalogue):
    return OPINIONS.create(ctx, OpinionNote(
        noted_on=date(2026, 11, 2), category_id=catalogue["category"], concern="diem_nong",
        area_id=catalogue["area"], attitude="buc_xuc",
        summary="Nhân dân bức xúc về lấn chiếm vỉa hè đường Hậu Giang",
        proposal="Đề nghị ra quân lập lại trật tự", due_on=date(2026, 11, 20))).id


def open_dialog(qtbot, ctx, note_id):
    dlg = FollowUpDialog(ctx, note_id)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def history_texts(dlg):
    return [[dlg.history.item(r, c).text() for c in range(4)]
            for r in range(dlg.history.rowCount())]


def test_a_hot_spot_through_every_status(qtbot, ctx, note_id):
    steps = [("Đã báo cáo cấp ủy", date(2026, 11, 3), "Thường trực Đảng ủy", "Báo cáo giao ban"),
             ("Đang xử lý", date(2026, 11, 10), "UBND phường", "Đội trật tự ra quân"),
             ("Đã giải quyết", date(2026, 11, 21), "UBND phường", "Vỉa hè thông thoáng")]
    for n, (status, day, to, note) in enumerate(steps, start=1):
        dlg = open_dialog(qtbot, ctx, note_id)
        assert dlg.history.rowCount() == n
        assert dlg.status.currentText() == status          # the next status is proposed
        assert "lấn chiếm vỉa hè" in dlg.summary.text()
        assert "Điểm nóng" in dlg.summary.text()
        dlg.changed_on.set_value(day)
        dlg.passed_to.setText(to)
        dlg.step_note.setPlainText(note)
        qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
        assert dlg.result() == dlg.DialogCode.Accepted, dlg.form.general.text()
    dlg = open_dialog(qtbot, ctx, note_id)
    assert history_texts(dlg) == [
        ["02/11/2026", "Mới ghi nhận", "", ""],
        ["03/11/2026", "Đã báo cáo cấp ủy", "Thường trực Đảng ủy", "Báo cáo giao ban"],
        ["10/11/2026", "Đang xử lý", "UBND phường", "Đội trật tự ra quân"],
        ["21/11/2026", "Đã giải quyết", "UBND phường", "Vỉa hè thông thoáng"]]
    assert OPINIONS.get(ctx, note_id).follow_up == "da_giai_quyet"
    assert followups.overdue_ids(ctx) == []
    assert dlg.status.findData("da_giai_quyet") < 0     # the current one is not offered


def test_date_before_the_note_is_shown_beside_the_field(qtbot, ctx, note_id):
    dlg = open_dialog(qtbot, ctx, note_id)
    dlg.changed_on.set_value(date(2026, 10, 30))
    dlg.passed_to.setText("UBND phường")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert "không được trước ngày nắm bắt" in dlg.form.message("changed_on")
    assert OPINIONS.get(ctx, note_id).follow_up == "moi"
    dlg.changed_on.set_value(date(2026, 11, 30))
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "tương lai" in dlg.form.message("changed_on")
    assert len(followups.history(ctx, note_id)) == 1


def test_due_date_before_the_note_is_refused(qtbot, ctx, note_id):
    dlg = open_dialog(qtbot, ctx, note_id)
    assert dlg.due_on.value() == date(2026, 11, 20)
    dlg.passed_to.setText("UBND phường")
    dlg.due_on.set_value(date(2026, 11, 1))
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "Hạn xử lý" in dlg.form.message("due_on")
    assert OPINIONS.get(ctx, note_id).due_on == date(2026, 11, 20)
    dlg.due_on.set_value(date(2026, 12, 15))
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    rec = OPINIONS.get(ctx, note_id)
    assert rec.due_on == date(2026, 12, 15) and rec.follow_up == "da_bao_cao"
    assert followups.overdue_ids(ctx) == []


def test_missing_recipient_warns_then_saves_on_second_ok(qtbot, ctx, note_id):
    dlg = open_dialog(qtbot, ctx, note_id)
    dlg.passed_to.clear()
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert "Chưa ghi chuyển cho ai" in dlg.form.message("passed_to")
    assert dlg.ok_button.text() == "Vẫn lưu"
    assert OPINIONS.get(ctx, note_id).follow_up == "moi"
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert OPINIONS.get(ctx, note_id).follow_up == "da_bao_cao"


def test_opened_from_the_list_and_the_list_follows(qtbot, ctx, note_id):
    page = RecordPage(ctx, DataBus(), OPINION_PAGE)
    qtbot.addWidget(page)
    page.show()
    assert page.follow_button.isVisible() and not page.follow_button.isEnabled()
    page.select_id(note_id)
    assert page.follow_button.isEnabled()
    qtbot.mouseClick(page.follow_button, Qt.MouseButton.LeftButton)
    dlg = page.dialog
    assert isinstance(dlg, FollowUpDialog) and dlg.isVisible()
    dlg.passed_to.setText("Thường trực Đảng ủy")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    column = page.model.column_of("follow_up")
    assert page.model.index(0, column).data() == "Đã báo cáo cấp ủy"
    assert page.selected_id() == note_id
    # Ctrl+Enter in the list opens it too
    page.activateWindow()
    qtbot.waitActive(page)
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    qtbot.keyClick(page.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert isinstance(page.dialog, FollowUpDialog) and page.dialog is not dlg
    page.dialog.reject()


def test_a_deleted_note_cannot_be_followed(qtbot, ctx, note_id):
    OPINIONS.delete(ctx, note_id)
    from tgdesk.services.errors import NotFound
    with pytest.raises(NotFound):
        FollowUpDialog(ctx, note_id)
    assert lists.count(ctx, "opinions") == 0
