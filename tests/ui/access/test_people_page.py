"""Người dùng (issue 12, item 2): the first account, adding people, their roles,
passwords; and what each role is offered on the other pages."""

from __future__ import annotations

import pytest
from access_people import PASSWORD

from tgdesk.domain.roles import Role
from tgdesk.services import accounts
from tgdesk.ui.access.people_page import NO_ACCOUNTS, PeoplePage
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


def _window(qtbot, ctx) -> MainWindow:
    win = MainWindow(ctx, DataBus())
    qtbot.addWidget(win)
    win.show()
    return win


def _fill(dialog, name, login, role, password, again=None):
    dialog.full_name.setText(name)
    dialog.login.setText(login)
    dialog.role.setCurrentIndex(dialog.role.findData(role))
    dialog.password.setText(password)
    dialog.again.setText(password if again is None else again)


def test_the_first_account_starts_sign_in(qtbot, ctx):
    window = _window(qtbot, ctx)
    page = window.show_page("people")
    assert page.empty.isVisible() and page.empty.text() == NO_ACCOUNTS
    assert page.add_button.text() == "Tạo tài khoản đầu tiên…"
    dialog = page.add_person()
    roles = [dialog.role.itemData(i) for i in range(dialog.role.count())]
    assert set(roles) == {Role.LANH_DAO, Role.QUAN_TRI}         # someone must manage people
    _fill(dialog, "Nguyễn Văn An", "lanhdao", Role.LANH_DAO, PASSWORD)
    assert dialog.role_help.text() == "Mọi việc; ban hành báo cáo."
    dialog.save_button.click()
    assert ctx.viewer is not None and ctx.viewer.login == "lanhdao"
    page = window.current_page()                   # built again for the person signed in
    assert page is window.pages["people"] and not page.empty.isVisible()
    assert [a.login for a in page.model.rows] == ["lanhdao"]
    assert "Nguyễn Văn An – Lãnh đạo" in window.access.who.text()
    assert window.access.banner.isVisible()        # a plain file people sign in to


def test_a_manager_adds_a_person_and_a_refusal_saves_nothing(qtbot, ctx, sign_in_as):
    sign_in_as("lead")
    page = PeoplePage(ctx, DataBus())
    qtbot.addWidget(page)
    page.show()
    dialog = page.add_person()
    assert dialog.role.currentData() == Role.CAN_BO
    _fill(dialog, "Phạm Thị Dung", "phamdung", Role.CAN_BO, PASSWORD, again="khac-hoan-toan")
    assert not dialog.save()
    assert dialog.error.text() == "Hai lần gõ mật khẩu mới không giống nhau."
    _fill(dialog, "Phạm Thị Dung", "Phạm Dung", Role.CAN_BO, PASSWORD)
    assert not dialog.save() and "Tên đăng nhập gồm" in dialog.error.text()
    _fill(dialog, "Phạm Thị Dung", "phamdung", Role.CAN_BO, "ngan")
    assert not dialog.save() and dialog.error.text() == "Mật khẩu cần ít nhất 8 ký tự."
    assert accounts.find(ctx, "phamdung") is None and dialog.isVisible()
    _fill(dialog, "Phạm Thị Dung", "phamdung", Role.CAN_BO, PASSWORD)
    dialog.save_button.click()
    added = accounts.find(ctx, "phamdung")
    assert added is not None and added.role is Role.CAN_BO and added.full_name == "Phạm Thị Dung"
    row = [a.login for a in page.model.rows].index("phamdung")
    assert page.model.data(page.model.index(row, 2)) == "Cán bộ"
    assert page.model.data(page.model.index(row, 3)) == "Có"
    assert page.selected().login == "phamdung"


def test_a_manager_changes_a_role_and_sets_a_password_again(qtbot, ctx, sign_in_as):
    sign_in_as("lead")
    page = PeoplePage(ctx, DataBus())
    qtbot.addWidget(page)
    page.select_login("canbo")
    dialog = page.edit_person()
    dialog.role.setCurrentIndex(dialog.role.findData(Role.XEM))
    dialog.active.setChecked(False)
    dialog.save_button.click()
    changed = accounts.find(ctx, "canbo")
    assert changed.role is Role.XEM and not changed.active
    page.select_login("xem")
    reset = page.reset_password()
    assert reset.windowTitle() == "Đặt lại mật khẩu" and reset.old is None
    reset.password.setText("mat-khau-moi-2")
    reset.again.setText("mat-khau-moi-2")
    reset.save_button.click()
    assert accounts.check_password(ctx, "xem", "mat-khau-moi-2") is not None


def test_everyone_changes_their_own_password_with_the_old_one(qtbot, ctx, sign_in_as):
    sign_in_as("viewer")
    page = PeoplePage(ctx, DataBus())
    qtbot.addWidget(page)
    page.show()
    assert page.own_button.isVisible() and page.limits.isVisible()
    dialog = page.change_own_password()
    dialog.old.setText("khong-phai")
    dialog.password.setText("mat-khau-moi-2")
    dialog.again.setText("mat-khau-moi-2")
    assert not dialog.save() and dialog.error.text() == "Mật khẩu hiện tại không đúng."
    assert accounts.check_password(ctx, "xem", PASSWORD) is not None
    dialog.old.setText(PASSWORD)
    dialog.save_button.click()
    assert accounts.check_password(ctx, "xem", "mat-khau-moi-2") is not None


def test_a_xem_is_offered_nothing_it_may_not_do(qtbot, ctx, sign_in_as):
    sign_in_as("viewer")
    window = _window(qtbot, ctx)
    people = window.show_page("people")
    for button in (people.add_button, people.edit_button, people.reset_button):
        assert not button.isVisibleTo(people)
    assert people.add_person() is None
    meetings = window.show_page("meetings")
    for button in (meetings.add_button, meetings.edit_button, meetings.delete_button):
        assert not button.isVisibleTo(meetings)
    meetings.add_record()
    assert meetings.dialog is None
    propaganda = window.show_page("propaganda")
    assert not propaganda.excel.import_action.isVisible()
    assert propaganda.excel.export_action.isVisible()
    catalogues = window.show_page("catalogues")
    tab = catalogues.current_tab()
    assert not tab.add_button.isVisibleTo(tab) and not tab.import_button.isVisibleTo(tab)
    assert tab.export_button.isVisibleTo(tab)
    unit = window.show_page("unit")
    assert unit.form.inputs["name"].isReadOnly() and not unit.save_button.isVisibleTo(unit)
    assert not unit.classified.idle.isEnabled()
    backups = window.show_page("backups")
    assert not backups.restore_button.isEnabled() and backups.backup_button.isEnabled()
    overview = window.show_page("overview")
    assert not overview.rules_button.isVisibleTo(overview)
    assert not overview.step_buttons["demo"].isVisibleTo(overview)
    assert not window.demo_action.isVisible()


def test_a_can_bo_drafts_reports_but_does_not_issue_them(qtbot, ctx, sign_in_as):
    sign_in_as("officer")
    window = _window(qtbot, ctx)
    report = window.show_page("figures")
    assert not report.issue_button.isVisibleTo(report)
    assert not report.format_button.isVisibleTo(report)       # the unit's, not a Cán bộ's
    assert report.save_button.isVisibleTo(report)
    meetings = window.show_page("meetings")
    assert meetings.add_button.isVisibleTo(meetings)
    unit = window.show_page("unit")
    assert unit.form.inputs["name"].isReadOnly() and unit.admin_only.isVisibleTo(unit)


def test_a_lanh_dao_is_offered_everything(qtbot, ctx, sign_in_as):
    sign_in_as("lead")
    window = _window(qtbot, ctx)
    report = window.show_page("figures")
    assert report.issue_button.isVisibleTo(report)
    unit = window.show_page("unit")
    assert not unit.form.inputs["name"].isReadOnly() and unit.save_button.isVisibleTo(unit)
