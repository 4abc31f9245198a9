"""The window on an encrypted database: the password asked before the file is
opened, a wrong one refused with nothing opened, the right one opens it signed in."""

from __future__ import annotations

import shutil

import pytest

from tgdesk.services import db_keys
from tgdesk.services.context import open_context
from tgdesk.store import driver
from tgdesk.ui import launch
from tgdesk.ui.access import sign_in_dialog

pytestmark = pytest.mark.gui

PASSWORD = "mat-khau-don-vi-1"


@pytest.fixture
def encrypted(demo_template, tmp_path):
    path = tmp_path / "ward.sqlite"
    shutil.copy(demo_template(1), path)
    ctx = open_context(path)
    db_keys.protect(ctx, "lanhdao", "Nguyễn Văn An", PASSWORD)
    ctx.close()
    driver.forget_key([path, path.parent / "backups"])
    yield path
    driver.forget_key([path, path.parent / "backups"])


def test_the_password_opens_the_window_s_database(qtbot, encrypted, monkeypatch):
    answers = []

    def present(dialog):
        answers.append(sign_in_dialog._attempt(dialog.try_sign_in, "lanhdao", "sai-mat-khau"))
        answers.append(sign_in_dialog._attempt(dialog.try_sign_in, "lanhdao", PASSWORD))
        return answers[-1] is None
    monkeypatch.setattr(sign_in_dialog, "present", present)
    ctx = launch.open_database(encrypted)
    try:
        assert answers[0] == "Tên đăng nhập hoặc mật khẩu không đúng."
        assert ctx is not None and ctx.keys is not None
        assert ctx.viewer is not None and ctx.viewer.login == "lanhdao"
    finally:
        ctx.close()


def test_thoat_at_the_sign_in_opens_nothing(qtbot, encrypted, monkeypatch):
    monkeypatch.setattr(sign_in_dialog, "present", lambda dialog: False)
    assert launch.open_database(encrypted) is None
    assert not db_keys.is_unlocked(encrypted)


def test_the_recovery_code_opens_it_and_says_what_to_do(qtbot, demo_template, tmp_path,
                                                          monkeypatch):
    path = tmp_path / "ward.sqlite"
    shutil.copy(demo_template(1), path)
    ctx = open_context(path)
    code = db_keys.protect(ctx, "lanhdao", "Nguyễn Văn An", PASSWORD)
    ctx.close()
    driver.forget_key([path, path.parent / "backups"])
    told = []
    monkeypatch.setattr(sign_in_dialog, "present", lambda dialog: sign_in_dialog._attempt(
        dialog.try_recovery, code) is None)
    monkeypatch.setattr(launch, "present", lambda box: told.append(box.text()))
    ctx = launch.open_database(path)
    try:
        assert ctx is not None and ctx.viewer is None and ctx.keys is not None
        assert told == [launch.RECOVERED]
    finally:
        ctx.close()
        driver.forget_key([path, path.parent / "backups"])
