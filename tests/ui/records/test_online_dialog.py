"""The online team's entry dialog (issue 15, item 2): the fields follow the kind of
entry, wrong content found starts Mật, the team members are the people marked
so in the catalogue, and what the kind does not have is never saved."""

from __future__ import annotations

from datetime import date

import pytest
from activity_records import choose, make_refs, save
from PySide6.QtCore import Qt

from tgdesk.domain.records import OnlineEntry
from tgdesk.services import lists
from tgdesk.services.kinds import ONLINE, PEOPLE
from tgdesk.ui.records.online_dialog import OnlineDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def refs(ctx):
    return make_refs(ctx)


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_fields_follow_the_kind_of_entry(qtbot, ctx, refs):
    dlg = shown(qtbot, OnlineDialog(ctx))
    assert dlg.entry_kind.currentData() == "dang_tin"
    assert dlg.shown_fields() == ["posts", "shares", "reach"]
    dlg.posts.setValue(3)
    dlg.shares.setValue(40)
    choose(dlg.entry_kind, "phat_hien")
    assert dlg.shown_fields() == ["content_kind", "action", "passed_to"]
    assert (dlg.posts.value(), dlg.shares.value()) == (0, 0)
    assert not dlg.posts.isVisible() and dlg.action.isVisible()
    choose(dlg.action, "chuyen_co_quan")
    dlg.passed_to.setText("Công an phường")
    choose(dlg.entry_kind, "du_thi")
    assert dlg.shown_fields() == ["entries"]
    assert dlg.action.currentData() is None and dlg.passed_to.text() == ""


def test_wrong_content_found_starts_mat_unless_the_officer_chose(qtbot, ctx, refs):
    dlg = shown(qtbot, OnlineDialog(ctx))
    assert dlg.classification.currentData() == "thuong"
    choose(dlg.entry_kind, "phat_hien")
    assert dlg.classification.currentData() == "mat"
    choose(dlg.entry_kind, "dang_tin")
    assert dlg.classification.currentData() == "thuong"
    choose(dlg.classification, "mat")                       # chosen by the officer …
    dlg.classification.activated.emit(dlg.classification.currentIndex())
    choose(dlg.entry_kind, "du_thi")
    assert dlg.classification.currentData() == "mat"        # … is kept


def test_an_entry_being_edited_keeps_its_classification(qtbot, ctx, refs):
    rec_id = ONLINE.create(ctx, OnlineEntry(noted_on=date(2026, 11, 3), entry_kind="dang_tin",
                                            summary="Chia sẻ bài tích cực", posts=1)).id
    dlg = shown(qtbot, OnlineDialog(ctx, rec_id))
    assert dlg.shown_fields() == ["posts", "shares", "reach"] and dlg.posts.value() == 1
    choose(dlg.entry_kind, "phat_hien")
    assert dlg.classification.currentData() == "thuong"


def test_wrong_content_is_saved_with_its_kind_action_and_mat(qtbot, ctx, refs):
    dlg = shown(qtbot, OnlineDialog(ctx))
    dlg.noted_on.set_value(date(2026, 11, 6))
    choose(dlg.entry_kind, "phat_hien")
    choose(dlg.member, refs.hoa)
    choose(dlg.channel, "tiktok")
    dlg.summary.setPlainText("Clip xuyên tạc chủ trương sáp nhập")
    dlg.link.setText("https://tiktok.com/@x/video/1")
    save(qtbot, dlg)
    assert dlg.form.message("content_kind") == "Loại thông tin xấu: chưa chọn."
    assert dlg.form.message("action") == "Biện pháp xử lý: chưa chọn."
    assert lists.count(ctx, "online") == 0
    choose(dlg.content_kind, "xuyen_tac")
    choose(dlg.action, "chuyen_co_quan")
    save(qtbot, dlg)                                         # to whom? a warning
    assert "chưa ghi chuyển cho ai" in dlg.form.message("passed_to")
    dlg.passed_to.setText("Công an phường")
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    rec = ONLINE.get(ctx, dlg.saved.id)
    assert (rec.entry_kind, rec.content_kind, rec.action, rec.passed_to) == (
        "phat_hien", "xuyen_tac", "chuyen_co_quan", "Công an phường")
    assert (rec.classification, rec.member_id, rec.channel) == ("mat", refs.hoa, "tiktok")
    assert (rec.posts, rec.shares, rec.entries) == (0, 0, 0)


def test_an_essay_entry_saves_its_number_and_nothing_else(qtbot, ctx, refs):
    dlg = shown(qtbot, OnlineDialog(ctx))
    choose(dlg.entry_kind, "du_thi")
    dlg.reach.setValue(500)                 # a hidden box holding a figure: not saved
    dlg.summary.setPlainText("Bài dự thi Giải Búa liềm vàng")
    dlg.entries.setValue(2)
    save(qtbot, dlg)
    rec = ONLINE.get(ctx, dlg.saved.id)
    assert (rec.entry_kind, rec.entries, rec.reach, rec.action) == ("du_thi", 2, 0, None)


def test_the_members_offered_are_the_online_team(qtbot, ctx, refs):
    dlg = shown(qtbot, OnlineDialog(ctx))
    assert dlg.member.findData(refs.hoa) > 0
    assert dlg.member.findData(refs.tu) < 0             # not in the team
    assert dlg.member.findData(refs.ha) < 0             # no longer active
    assert dlg.no_team.isHidden()
    old = ONLINE.create(ctx, OnlineEntry(noted_on=date(2026, 11, 3), summary="Bài cũ",
                                         member_id=refs.ha, posts=1)).id
    again = shown(qtbot, OnlineDialog(ctx, old))
    assert again.member.currentData() == refs.ha         # its own member is kept


def test_with_no_team_the_form_says_where_to_mark_them_and_adds_one(qtbot, ctx):
    dlg = shown(qtbot, OnlineDialog(ctx))
    assert dlg.member.count() == 1 and dlg.no_team.isVisible()
    assert "Danh mục" in dlg.no_team.text()
    qtbot.mouseClick(dlg.member_add.button, Qt.MouseButton.LeftButton)
    form = dlg.member_add.dialog
    assert form.inputs["online_team"].isChecked()          # added beside it: in the team
    form.inputs["full_name"].setText("Đặng Minh Khoa")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.saved is not None, form.form.general.text()
    assert PEOPLE.get(ctx, form.saved.id).online_team
    assert dlg.member.currentData() == form.saved.id and dlg.no_team.isHidden()
