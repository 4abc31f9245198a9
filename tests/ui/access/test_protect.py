"""A plain database people sign in to says so, calmly, and offers “Bảo vệ dữ
liệu…”: the password confirmed, the file encrypted (services.db_keys), the
recovery code shown once and kept before the dialog closes (issue 12)."""

from __future__ import annotations

import pytest
from access_people import PASSWORD
from PySide6.QtWidgets import QDialog

from tgdesk.services import db_keys
from tgdesk.ui.access import window_access
from tgdesk.ui.access.protect_dialog import (PLAIN_WARNING, ProtectDialog,
                                             RecoveryCodeDialog)
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui

CODE = "ABCD-EFGH-JKMN-PQRS-TUVW"


def test_the_code_dialog_closes_only_once_the_code_is_kept(qtbot):
    dialog = RecoveryCodeDialog(CODE, "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.code_label.text() == CODE
    assert dialog.code_label.font().fixedPitch() or dialog.code_label.font().pointSizeF() >= 18
    assert not dialog.close_button.isEnabled()
    dialog.reject()                                   # Esc
    assert dialog.isVisible()
    dialog.close()                                    # the title bar's ✕
    assert dialog.isVisible()
    dialog.kept.setChecked(True)
    assert dialog.close_button.isEnabled()
    dialog.close_button.click()
    assert dialog.result() == QDialog.DialogCode.Accepted
    printed = dialog.document().toPlainText()
    assert CODE in printed and "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN" in printed


def test_the_real_encryption_runs_off_the_gui_thread(qtbot, ctx, sign_in_as):
    from tgdesk.services import db_keys
    from tgdesk.store import driver
    sign_in_as("lead")
    dialog = ProtectDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.password.setText(PASSWORD)
    try:
        assert dialog.protect()
        assert dialog.code is not None and len(dialog.code.replace("-", "")) == 32
        assert ctx.keys is not None and db_keys.is_encrypted(ctx.db_path)
        assert b"SQLite format 3" not in ctx.db_path.read_bytes()[:16]
    finally:
        driver.forget_key([ctx.db_path, ctx.db_path.parent / "backups"])


def test_the_banner_protects_and_shows_the_code_once(qtbot, ctx, sign_in_as, monkeypatch):
    sign_in_as("lead")
    calls = []

    def protect(c, login, full_name, password):
        calls.append((login, full_name, password))
        c.keys = object()                   # what an encrypted database's Context holds
        return CODE

    monkeypatch.setattr(db_keys, "protect", protect)
    window = MainWindow(ctx, DataBus())
    qtbot.addWidget(window)
    window.show()
    access = window.access
    assert access.banner.isVisible() and access.protect_button.isVisible()
    assert any(PLAIN_WARNING == label.text() for label in access.banner.findChildren(
        type(window.db_label)))
    shown = []

    def present(dialog):
        if isinstance(dialog, ProtectDialog):
            dialog.password.setText("sai-mat-khau")
            assert not dialog.protect() and dialog.error.text() == "Mật khẩu không đúng."
            dialog.password.setText(PASSWORD)
            return dialog.protect()
        shown.append(dialog.code_label.text())
        dialog.kept.setChecked(True)
        dialog.close_button.click()
        return True

    monkeypatch.setattr(window_access, "present", present)
    access.protect_button.click()
    assert calls == [("lanhdao", "Nguyễn Văn An", PASSWORD)]
    assert shown == [CODE]
    assert not access.banner.isVisible() and not access.protect_action.isVisible()
