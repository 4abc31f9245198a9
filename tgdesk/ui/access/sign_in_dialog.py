"""Đăng nhập (issue 12, item 2): who sits at the keyboard, before any page shows.

``SignInDialog`` knows nothing of databases: it is given ``try_sign_in(login,
password)``, which returns None when the person got in and else the Vietnamese
reason to show. A plain database with accounts passes ``accounts.sign_in`` on
its open Context (``plain_sign_in`` below); an encrypted one passes the opening
of the database itself (ui/launch.py). ``try_recovery(code)``, when given,
offers “Quên mật khẩu? Dùng mã khôi phục…” (the code printed when the data was
protected, kept in the unit's safe). The last sign-in name is remembered on
this computer (QSettings), so the cursor starts in the password."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from tgdesk.services import accounts
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError
from tgdesk.services.unit import get_unit

from tgdesk.ui.common.app_settings import app_settings

LAST_LOGIN_KEY = "access/last_login"
TITLE = "Đăng nhập – tgdesk"
ERROR_STYLE = "color: #a4262c;"
LINK_STYLE = ("QPushButton { border: none; color: #0b5cad; text-decoration: underline; "
              "text-align: left; padding: 2px 0; }")

Attempt = Callable[[str, str], "str | None"]
Recovery = Callable[[str], "str | None"]


def normal_code(text: str) -> str:
    """A recovery code as typed (lower case, spaces, dashes) in its printed form:
    upper case, its groups joined by dashes."""
    return "-".join(part for part in re.split(r"[\s\-–—]+", text.upper()) if part)


class _Busy:
    """The wait cursor while a password is checked (Argon2 takes a moment)."""

    def __enter__(self):
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc):
        QGuiApplication.restoreOverrideCursor()
        return False


def _attempt(fn, *args) -> str | None:
    """``fn(*args)``'s answer; a UserError it raises is an answer too."""
    try:
        with _Busy():
            return fn(*args)
    except UserError as exc:
        return str(exc)


class RecoveryDialog(QDialog):
    """Every password lost: the recovery code, checked by ``try_recovery``."""

    def __init__(self, try_recovery: Recovery, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Dùng mã khôi phục")
        self.try_recovery = try_recovery
        intro = QLabel("Khi bảo vệ dữ liệu, tgdesk đã hiện một mã khôi phục để in và cất vào "
                       "tủ mật của đơn vị. Gõ mã đó vào đây (chữ thường, có dấu cách hay "
                       "không đều được), ví dụ “ABCD-EFGH-…”.")
        intro.setWordWrap(True)
        self.code = QLineEdit()
        self.code.setPlaceholderText("ABCD-EFGH-…")
        self.code.setMinimumWidth(360)
        font = self.code.font()
        font.setFamily("monospace")
        font.setStyleHint(font.StyleHint.Monospace)
        self.code.setFont(font)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.use_button = QPushButton("Dùng mã này")
        self.use_button.setDefault(True)
        self.use_button.clicked.connect(self.use_code)
        cancel = QPushButton("Hủy")
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.use_button)
        buttons.addWidget(cancel)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        form = QFormLayout()
        form.addRow("Mã khôi phục:", self.code)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addLayout(buttons)
        self.setMinimumWidth(480)

    def use_code(self) -> bool:
        code = normal_code(self.code.text())
        if not code:
            self._show("Hãy gõ mã khôi phục.")
            return False
        problem = _attempt(self.try_recovery, code)
        if problem is not None:
            self._show(problem)
            return False
        self.accept()
        return True

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        self.code.setFocus()
        self.code.selectAll()


class SignInDialog(QDialog):
    """Tên đăng nhập, Mật khẩu, “Đăng nhập” / “Thoát”; the reason in red when refused."""

    def __init__(self, unit_name: str | None, try_sign_in: Attempt,
                 try_recovery: Recovery | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(TITLE)
        self.try_sign_in = try_sign_in
        self.try_recovery = try_recovery
        self.recovered = False           # got in with the recovery code
        self.recovery: RecoveryDialog | None = None

        unit = QLabel(unit_name or "tgdesk")
        unit.setWordWrap(True)
        font = unit.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        unit.setFont(font)
        hint = QLabel("Đăng nhập để làm việc với dữ liệu của đơn vị.")
        hint.setStyleSheet("color: #555;")
        hint.setWordWrap(True)

        self.login = QLineEdit(app_settings().value(LAST_LOGIN_KEY, "", str))
        self.login.setMaxLength(64)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(256)
        form = QFormLayout()
        form.addRow("Tên đăng nhập:", self.login)
        form.addRow("Mật khẩu:", self.password)

        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        self.recover_button = QPushButton("Quên mật khẩu? Dùng mã khôi phục…")
        self.recover_button.setStyleSheet(LINK_STYLE)
        self.recover_button.setCursor(Qt.CursorShape.PointingHandCursor)
        self.recover_button.setAutoDefault(False)
        self.recover_button.clicked.connect(self.use_recovery)
        self.recover_button.setVisible(try_recovery is not None)

        self.sign_in_button = QPushButton("Đăng nhập")
        self.sign_in_button.setDefault(True)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.quit_button = QPushButton("Thoát")
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.sign_in_button)
        buttons.addWidget(self.quit_button)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(20, 16, 20, 16)
        lay.addWidget(unit)
        lay.addWidget(hint)
        lay.addSpacing(8)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addSpacing(4)
        lay.addLayout(buttons)
        self.setMinimumWidth(460)
        (self.password if self.login.text() else self.login).setFocus()

    def sign_in(self) -> bool:
        login = self.login.text().strip()
        password = self.password.text()
        if not login:
            self._refuse("Hãy ghi tên đăng nhập.", self.login)
            return False
        if not password:
            self._refuse("Hãy ghi mật khẩu.", self.password)
            return False
        problem = _attempt(self.try_sign_in, login, password)
        if problem is not None:
            self.password.clear()
            self._refuse(problem, self.password)
            return False
        app_settings().setValue(LAST_LOGIN_KEY, login.lower())
        self.password.clear()
        self.accept()
        return True

    def _refuse(self, text: str, focus: QLineEdit) -> None:
        self.error.setText(text)
        self.error.show()
        focus.setFocus()

    def use_recovery(self) -> RecoveryDialog | None:
        """Ask for the recovery code (window-modal); accepted: in, like a sign-in."""
        if self.try_recovery is None:
            return None
        self.recovery = RecoveryDialog(self.try_recovery, self)
        self.recovery.accepted.connect(self._recovered)
        self.recovery.open()
        return self.recovery

    def _recovered(self) -> None:
        self.recovered = True
        self.accept()


def present(dialog: QDialog) -> bool:
    """Show a sign-in dialog and wait for it; True when accepted (tests replace this)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def plain_sign_in(ctx: Context, parent: QWidget | None = None) -> bool:
    """Sign in on an open database (its file not encrypted). False: the person
    chose “Thoát”."""
    def attempt(login: str, password: str) -> str | None:
        accounts.sign_in(ctx, login, password)      # a wrong password: UserError, logged
        return None

    unit = get_unit(ctx)
    dialog = SignInDialog(unit.name if unit is not None else None, attempt, None, parent)
    return present(dialog)


def encrypted_sign_in(db_path, parent: QWidget | None = None):
    """An encrypted database, before it is opened: the password (or the recovery
    code) unlocks it (services/db_keys.py). Returns ``(keys, login)`` to give
    ``db_keys.after_open`` once the database is open; None for “Thoát”."""
    from tgdesk.services import db_keys

    found: list = []

    def attempt(login: str, password: str) -> str | None:
        found[:] = [db_keys.unlock(db_path, db_keys.Secret(password, login or None))]
        return None

    def recovery(code: str) -> str | None:
        found[:] = [db_keys.unlock(db_path, db_keys.Secret(recovery_code=code))]
        return None

    from pathlib import Path
    # the unit's name is inside the encrypted file: the file's name says which one
    dialog = SignInDialog(f"Dữ liệu đã mã hóa: {Path(db_path).name}", attempt, recovery,
                          parent)
    if not present(dialog) or not found:
        return None
    return found[0]
