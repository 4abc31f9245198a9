"""Dates typed as a person types them (issue 14, item 1), into every date box of
every form and list, saved, and read back from the database through the
services: 20112026, 15/11, 1/7/2025, a blank optional box filled, a filled one
cleared; a wrong date shown under its box and the save refused, never dropped.
(The report screen's boxes: tests/ui/reports/test_report_kind_bar.py.)"""

from __future__ import annotations

from datetime import date

import pytest
from date_keys import assert_fits, click_into, type_date
from PySide6.QtCore import Qt

from tgdesk.domain.records import Meeting, OpinionNote
from tgdesk.services import followups, lists
from tgdesk.services.kinds import (DOCUMENTS, MEETINGS, MODELS, ONLINE, OPINIONS, PROPAGANDA,
                                   STUDIES)
from tgdesk.services.unit import get_guidance, get_unit
from tgdesk.ui.catalogues.catalogue_forms import CATALOGUES, CatalogueDialog
from tgdesk.ui.common import record_dialog
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.records.follow_up_dialog import FollowUpDialog
from tgdesk.ui.records.meeting_dialog import MeetingDialog
from tgdesk.ui.records.model_dialog import ModelDialog
from tgdesk.ui.records.online_dialog import OnlineDialog
from tgdesk.ui.records.opinion_dialog import OpinionDialog
from tgdesk.ui.records.propaganda_dialog import PropagandaDialog
from tgdesk.ui.records.record_page import RecordPage
from tgdesk.ui.records.record_specs import MEETING_PAGE
from tgdesk.ui.records.study_dialog import StudyDialog
from tgdesk.ui.settings.unit_dialog import UnitDialog

pytestmark = pytest.mark.gui

WRONG = "Ngày không hợp lệ"


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_meeting_date(qtbot, ctx):
    dlg = shown(qtbot, MeetingDialog(ctx))
    assert len(assert_fits(dlg)) == 1
    dlg.title.setText("Hội nghị giao ban tháng 11")
    type_date(qtbot, dlg.held_on, "31022026")
    assert dlg.form.message("held_on").startswith(WRONG)       # at once, under the box
    save(qtbot, dlg)
    assert dlg.isVisible() and lists.count(ctx, "meetings") == 0
    assert dlg.form.message("held_on").startswith(WRONG)
    type_date(qtbot, dlg.held_on, "20112026")
    assert dlg.held_on.text() == "20/11/2026" and dlg.form.message("held_on") == ""
    save(qtbot, dlg)
    assert not dlg.isVisible()
    assert MEETINGS.get(ctx, dlg.saved.id).held_on == date(2026, 11, 20)

    again = shown(qtbot, MeetingDialog(ctx, dlg.saved.id))
    assert again.held_on.text() == "20/11/2026"
    click_into(qtbot, again.held_on)
    qtbot.keyClicks(again.held_on.edit, "12/11")               # this year; Enter saves
    qtbot.keyClick(again.held_on.edit, Qt.Key.Key_Return)
    assert not again.isVisible()
    assert MEETINGS.get(ctx, dlg.saved.id).held_on == date(2026, 11, 12)


def test_study_date(qtbot, ctx, catalogue):
    dlg = shown(qtbot, StudyDialog(ctx))
    assert len(assert_fits(dlg)) == 1
    dlg.title.setText("Quán triệt Nghị quyết 35")
    dlg.check_document(catalogue["doc"])
    dlg.counts["key_cadres"].setValue(12)
    type_date(qtbot, dlg.held_on, "")                          # a required date cleared
    save(qtbot, dlg)
    assert dlg.isVisible() and "Chưa nhập ngày" in dlg.form.message("held_on")
    type_date(qtbot, dlg.held_on, "3/11/26")
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    assert STUDIES.get(ctx, dlg.saved.id).held_on == date(2026, 11, 3)


def test_opinion_dates_and_the_due_date(qtbot, ctx, catalogue):
    dlg = shown(qtbot, OpinionDialog(ctx))
    assert len(assert_fits(dlg)) == 2
    assert dlg.due_on.text() == "" and dlg.due_on.edit.placeholderText() == "— Không đặt hạn —"
    dlg.category.setCurrentIndex(dlg.category.findData(catalogue["category"]))
    dlg.summary.setPlainText("Nhân dân phản ánh tiếng ồn ban đêm")
    dlg.attitude.setCurrentIndex(dlg.attitude.findData("ban_khoan"))
    type_date(qtbot, dlg.noted_on, "021126")
    type_date(qtbot, dlg.due_on, "28112026")                   # a blank optional box filled
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    rec = OPINIONS.get(ctx, dlg.saved.id)
    assert (rec.noted_on, rec.due_on) == (date(2026, 11, 2), date(2026, 11, 28))

    again = shown(qtbot, OpinionDialog(ctx, rec.id))
    assert again.due_on.text() == "28/11/2026"
    type_date(qtbot, again.due_on, "0112026")                  # seven digits: which day?
    save(qtbot, again)
    assert again.isVisible() and again.form.message("due_on").startswith(WRONG)
    assert OPINIONS.get(ctx, rec.id).due_on == date(2026, 11, 28)
    type_date(qtbot, again.due_on, "")                         # cleared: no due date
    save(qtbot, again)
    assert not again.isVisible()
    assert OPINIONS.get(ctx, rec.id).due_on is None


def test_propaganda_dates_and_the_range(qtbot, ctx):
    dlg = shown(qtbot, PropagandaDialog(ctx))
    assert len(assert_fits(dlg)) == 2
    assert dlg.ends_on.text() == "" and dlg.ends_on.edit.placeholderText() == "— Một ngày —"
    dlg.title.setText("Treo băng rôn chào mừng Đại hội")
    dlg.quantities["banners"].setValue(10)
    type_date(qtbot, dlg.held_on, "2/11")                      # this year
    type_date(qtbot, dlg.ends_on, "31112026")                  # no 31 November
    save(qtbot, dlg)
    assert dlg.isVisible() and dlg.form.message("ends_on").startswith(WRONG)
    type_date(qtbot, dlg.ends_on, "201126")
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    rec = PROPAGANDA.get(ctx, dlg.saved.id)
    assert (rec.held_on, rec.ends_on) == (date(2026, 11, 2), date(2026, 11, 20))
    again = shown(qtbot, PropagandaDialog(ctx, rec.id))
    type_date(qtbot, again.ends_on, "")                        # cleared: one day
    save(qtbot, again)
    assert not again.isVisible() and PROPAGANDA.get(ctx, rec.id).ends_on is None


def test_online_entry_date(qtbot, ctx):
    dlg = shown(qtbot, OnlineDialog(ctx))
    assert len(assert_fits(dlg)) == 1
    dlg.summary.setPlainText("Chia sẻ bài về Đại hội")
    dlg.posts.setValue(2)
    type_date(qtbot, dlg.noted_on, "5.11.2026")
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    assert ONLINE.get(ctx, dlg.saved.id).noted_on == date(2026, 11, 5)


def test_model_dates(qtbot, ctx):
    dlg = shown(qtbot, ModelDialog(ctx))
    assert len(assert_fits(dlg)) == 2
    dlg.name.setText("Tuyến phố văn minh")
    dlg.recognition.setCurrentIndex(dlg.recognition.findData("khen_thuong"))
    dlg.level.setText("Đảng ủy phường")
    type_date(qtbot, dlg.noted_on, "1/3/26")
    type_date(qtbot, dlg.recognized_on, "15/05/x")
    save(qtbot, dlg)
    assert dlg.isVisible() and dlg.form.message("recognized_on").startswith(WRONG)
    type_date(qtbot, dlg.recognized_on, "15052026")
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    rec = MODELS.get(ctx, dlg.saved.id)
    assert (rec.noted_on, rec.recognized_on) == (date(2026, 3, 1), date(2026, 5, 15))


def test_follow_up_dates(qtbot, ctx, catalogue):
    note = OPINIONS.create(ctx, OpinionNote(
        noted_on=date(2026, 11, 2), category_id=catalogue["category"],
        summary="Lấn chiếm vỉa hè", proposal="Đề nghị ra quân")).id
    dlg = shown(qtbot, FollowUpDialog(ctx, note))
    assert len(assert_fits(dlg)) == 2
    dlg.passed_to.setText("UBND phường")
    type_date(qtbot, dlg.changed_on, "10.11.2026")
    type_date(qtbot, dlg.due_on, "5/12/abc")
    save(qtbot, dlg)
    assert dlg.isVisible() and dlg.form.message("due_on").startswith(WRONG)
    assert len(followups.history(ctx, note)) == 1
    type_date(qtbot, dlg.due_on, "5/12")
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    assert followups.history(ctx, note)[-1].changed_on == date(2026, 11, 10)
    assert OPINIONS.get(ctx, note).due_on == date(2026, 12, 5)


def test_unit_term_start_and_guidance_date(qtbot, ctx):
    dlg = shown(qtbot, UnitDialog(ctx))
    form = dlg.form
    assert len(assert_fits(dlg)) == 2
    assert form.term_start.edit.placeholderText() == "Chưa ghi"
    form.inputs["name"].setText("ĐẢNG ỦY PHƯỜNG BÌNH TIÊN")
    form.inputs["parent_name"].setText("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH")
    form.inputs["place_name"].setText("Bình Tiên")
    form.inputs["signer_name"].setText("Nguyễn Văn An")
    form.guidance_number.setText("12-HD/BTGDVTU")
    type_date(qtbot, form.term_start, "x01072025")             # the user's "Chưa ghi01072025"
    type_date(qtbot, form.guidance_date, "050126")
    save(qtbot, dlg)
    assert dlg.isVisible() and form.message("term_start").startswith(WRONG)
    assert get_unit(ctx) is None
    type_date(qtbot, form.term_start, "1/7/2025")
    save(qtbot, dlg)
    assert not dlg.isVisible(), form.general.text()
    assert get_unit(ctx).term_start == date(2025, 7, 1)
    assert get_guidance(ctx).issued_on == date(2026, 1, 5)


def test_document_issued_on(qtbot, ctx):
    spec = next(s for s in CATALOGUES if s.kind == "documents")
    dlg = shown(qtbot, CatalogueDialog(ctx, spec))
    assert len(assert_fits(dlg)) == 2                       # issued on, study deadline
    dlg.inputs["number_symbol"].setText("35-NQ/TW")
    dlg.inputs["issuer"].setText("Bộ Chính trị")
    dlg.inputs["title"].setText("Về tăng cường bảo vệ nền tảng tư tưởng của Đảng")
    type_date(qtbot, dlg.inputs["issued_on"], "22/10/18")
    type_date(qtbot, dlg.inputs["study_deadline"], "31122018")
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    saved = DOCUMENTS.get(ctx, dlg.saved.id)
    assert (saved.issued_on, saved.study_deadline) == (date(2018, 10, 22), date(2018, 12, 31))


def test_cell_membership_change_date(qtbot, ctx):
    from tgdesk.services import membership

    spec = next(s for s in CATALOGUES if s.kind == "cells")
    dlg = shown(qtbot, CatalogueDialog(ctx, spec))
    assert len(assert_fits(dlg)) == 1                       # the change's date
    dlg.inputs["name"].setText("Chi bộ Khu phố 1")
    dlg.members.count.setValue(30)
    type_date(qtbot, dlg.members.since, "1/11")             # this year (today: 24/11/2026)
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    assert [(e.effective_on, e.member_count) for e in membership.history(ctx, dlg.saved.id)] \
        == [(date(2026, 11, 1), 30)]


def test_no_other_catalogue_has_a_date(ctx):
    dated = {s.kind for s in CATALOGUES if any(f.type == "date" for f in s.fields)}
    assert dated == {"documents"}


def test_a_wrong_date_counts_as_a_change_to_ask_about(qtbot, ctx, monkeypatch):
    asked = []
    monkeypatch.setattr(record_dialog, "ask_discard", lambda parent: asked.append(1) or False)
    dlg = shown(qtbot, OpinionDialog(ctx))
    assert not dlg.changed()
    type_date(qtbot, dlg.due_on, "abc")                        # value still "no due date"
    assert dlg.changed()
    dlg.reject()
    assert asked == [1] and dlg.isVisible()
    monkeypatch.setattr(record_dialog, "ask_discard", lambda parent: True)
    dlg.reject()


def test_the_list_period_boxes(qtbot, ctx):
    for day, title in ((9, "Giao ban số 1"), (12, "Giao ban số 2"), (20, "Giao ban số 3")):
        MEETINGS.create(ctx, Meeting(held_on=date(2026, 1, day), title=title))
    page = RecordPage(ctx, DataBus(), MEETING_PAGE)
    qtbot.addWidget(page)
    page.resize(1600, 600)
    page.show()
    period = page.period
    assert len(assert_fits(page)) == 2
    assert period.date_from.text() == "" and period.date_from.value() is None

    def titles():
        return sorted(page.model.index(r, 2).data() for r in range(page.model.rowCount()))

    with qtbot.waitSignal(page.model.modelReset):
        type_date(qtbot, period.date_from, "10/01/2026")
    assert period.choice.currentData() == "custom"
    assert titles() == ["Giao ban số 2", "Giao ban số 3"]
    with qtbot.waitSignal(page.model.modelReset):
        type_date(qtbot, period.date_to, "150126")
    assert titles() == ["Giao ban số 2"]
    assert page.current_filter().date_to == date(2026, 1, 15)
    type_date(qtbot, period.date_to, "15/13/2026")             # refused: the list stays
    assert "không có tháng 13" in period.date_to.edit.toolTip()
    assert titles() == ["Giao ban số 2"] and period.range() == (date(2026, 1, 10),
                                                                 date(2026, 1, 15))
    with qtbot.waitSignal(page.model.modelReset):
        type_date(qtbot, period.date_to, "")                   # cleared: no end
    assert period.range() == (date(2026, 1, 10), None)
    assert titles() == ["Giao ban số 2", "Giao ban số 3"]


@pytest.mark.qt_log_ignore("This plugin does not support")     # a popup, offscreen
def test_the_due_date_calendar_opens_on_today_not_1900(qtbot, ctx):
    dlg = shown(qtbot, OpinionDialog(ctx))
    qtbot.mouseClick(dlg.due_on.button, Qt.MouseButton.LeftButton)
    cal = dlg.due_on.popup.calendar
    assert dlg.due_on.popup.isVisible()
    assert cal.selectedDate().toPython() == ctx.today() == date(2026, 11, 24)
    assert (cal.yearShown(), cal.monthShown()) == (2026, 11)
    dlg.due_on.popup.close()
    assert dlg.due_on.value() is None                         # looking chose nothing
