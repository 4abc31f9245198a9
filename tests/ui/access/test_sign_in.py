"""Đăng nhập (issue 12, item 2): the sign-in dialog, its recovery code, and the
window's start on a database with accounts."""

from __future__ import annotations

import pytest
from access_people import PASSWORD
from PySide6.QtWidgets import QDialog

from tgdesk.services import accounts
from tgdesk.ui import launch
from tgdesk.ui.access import sign_in_dialog
from tgdesk.ui.access.sign_in_dialog import SignInDialog, normal_code

pytestmark = pytest.mark.gui


def _dialog(qtbot, attempt, recovery=None) -> SignInDialog:
    dialog = SignInDialog("ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", attempt, recovery)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_refusal_is_shown_in_red_and_the_password_typed_again(qtbot):
    tried = []

    def attempt(login, password):
        tried.append((login, password))
        return None if password == "dung-roi-1" else "Tên đăng nhập hoặc mật khẩu không đúng."

    dialog = _dialog(qtbot, attempt)
    assert dialog.focusWidget() is dialog.login           # nothing remembered yet
    dialog.login.setText("  LanhDao ")
    dialog.password.setText("sai-roi")
    assert not dialog.sign_in()
    assert dialog.error.isVisible()
    assert dialog.error.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert "a4262c" in dialog.error.styleSheet()          # red
    assert dialog.password.text() == "" and dialog.focusWidget() is dialog.password
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    dialog.password.setText("dung-roi-1")
    dialog.sign_in_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert tried == [("LanhDao", "sai-roi"), ("LanhDao", "dung-roi-1")]
    # the next time: the name is there, the cursor in the password
    again = _dialog(qtbot, attempt)
    assert again.login.text() == "lanhdao" and again.focusWidget() is again.password


def test_empty_fields_are_asked_for_before_any_check(qtbot):
    dialog = _dialog(qtbot, lambda login, password: pytest.fail("checked"))
    dialog.login.clear()
    assert not dialog.sign_in()
    assert dialog.error.text() == "Hãy ghi tên đăng nhập."
    dialog.login.setText("lanhdao")
    assert not dialog.sign_in()
    assert dialog.error.text() == "Hãy ghi mật khẩu."


def test_the_recovery_code_is_offered_only_with_a_way_to_use_it(qtbot):
    assert not _dialog(qtbot, lambda *a: None).recover_button.isVisible()
    codes = []

    def recovery(code):
        codes.append(code)
        return None if code == "ABCD-EFGH-JKMN" else "Mã khôi phục không đúng."

    dialog = _dialog(qtbot, lambda *a: "không", recovery)
    assert dialog.recover_button.isVisible()
    assert dialog.recover_button.text() == "Quên mật khẩu? Dùng mã khôi phục…"
    asked = dialog.use_recovery()
    asked.code.setText("abcd efgh jkmx")
    assert not asked.use_code()
    assert asked.error.text() == "Mã khôi phục không đúng." and asked.isVisible()
    asked.code.setText(" abcd efgh-jkmn ")
    asked.use_button.click()
    assert codes == ["ABCD-EFGH-JKMX", "ABCD-EFGH-JKMN"]
    assert dialog.recovered and dialog.result() == QDialog.DialogCode.Accepted


def test_a_code_is_read_as_printed():
    assert normal_code("abcd-efgh") == "ABCD-EFGH"
    assert normal_code("  abcd  efgh\tijkl ") == "ABCD-EFGH-IJKL"
    assert normal_code("ABCD–EFGH") == "ABCD-EFGH"
    assert normal_code("   ") == ""


def _typing(answers):
    """A ``present`` that types each (login, password) in turn, as a person would,
    until one is accepted; False (Thoát) when the answers run out."""
    def present(dialog):
        for login, password in answers:
            dialog.login.setText(login)
            dialog.password.setText(password)
            if dialog.sign_in():
                return True
            present.errors.append(dialog.error.text())
        return False
    present.errors = []
    return present


def test_a_plain_database_signs_the_person_in(qtbot, ctx, people, monkeypatch):
    present = _typing([("lanhdao", "sai-mat-khau"), ("LANHDAO", PASSWORD)])
    monkeypatch.setattr(sign_in_dialog, "present", present)
    assert sign_in_dialog.plain_sign_in(ctx)
    assert present.errors == [accounts.WRONG]
    assert ctx.viewer is not None and ctx.viewer.login == "lanhdao"


def test_sign_in_first_asks_only_where_there_are_accounts(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(sign_in_dialog, "present", lambda d: pytest.fail("asked"))
    assert launch.sign_in_first(ctx)                    # no accounts: no sign-in
    assert ctx.viewer is None


def test_thoat_at_the_start_quits_before_the_window(qtbot, ctx, people, monkeypatch):
    monkeypatch.setattr(sign_in_dialog, "present", _typing([]))
    built = []
    monkeypatch.setattr(launch, "MainWindow", lambda *a, **k: built.append(a))
    assert launch.run_window(ctx) == 0
    assert built == [] and ctx.viewer is None
