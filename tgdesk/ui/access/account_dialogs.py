"""The people page's dialogs: a new account, a changed one, a password set again
by a Quản trị or changed by its owner. A refusal of the services (UserError)
shows in the dialog, which stays open; nothing is saved then."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout,
                               QLabel, QLineEdit, QVBoxLayout, QWidget)

from tgdesk.domain.roles import MANAGERS, MIN_PASSWORD, ROLE_HELP, Role
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

ERROR_STYLE = "color: #a4262c;"
MISMATCH = "Hai lần gõ mật khẩu mới không giống nhau."
PASSWORD_HINT = (f"Ít nhất {MIN_PASSWORD} ký tự. Mật khẩu không lấy lại được: nếu quên, người "
                 "có vai trò Quản trị đặt lại cho.")


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(256)
    return field


def _note(text: str, style: str = "color: #555;") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setStyleSheet(style)
    return label


class _FormDialog(QDialog):
    """A form, the reason it was refused in red, and “Lưu” / “Hủy”."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.error = _note("", ERROR_STYLE)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Lưu")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.lay = QVBoxLayout(self)
        self.lay.addLayout(self.form)
        self.lay.addWidget(self.error)
        self.lay.addWidget(self.buttons)
        self.setMinimumWidth(500)

    def refuse(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def save(self) -> bool:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.apply()
        except UserError as exc:
            self.refuse(str(exc))
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()
        return True

    def apply(self) -> None:        # pragma: no cover - each dialog has its own
        raise NotImplementedError


def role_combo(roles) -> QComboBox:
    """The roles by label; an item's data is the role's code (Qt keeps it as a str)."""
    combo = QComboBox()
    for role in roles:
        combo.addItem(role.label, role.value)
    return combo


def chosen_role(combo: QComboBox) -> Role | None:
    return Role.from_code(combo.currentData())


class AccountDialog(_FormDialog):
    """“Thêm người…” (``account`` None) or “Sửa…”. The first account of a database
    must be able to manage people: Lãnh đạo or Quản trị."""

    def __init__(self, ctx: Context, account=None, first: bool = False,
                 parent: QWidget | None = None):
        title = ("Tạo tài khoản đầu tiên" if first else
                 "Thêm người dùng" if account is None else "Sửa tài khoản")
        super().__init__(title, parent)
        self.ctx, self.account, self.first = ctx, account, first
        self.saved = None
        self.full_name = QLineEdit(account.full_name if account else "")
        self.full_name.setMaxLength(120)
        self.full_name.setPlaceholderText("Nguyễn Văn An")
        self.form.addRow("Họ và tên:", self.full_name)
        if account is None:
            self.login = QLineEdit()
            self.login.setMaxLength(32)
            self.login.setPlaceholderText("nguyenvanan")
            self.login.setToolTip("Chữ không dấu, số, dấu chấm, gạch ngang hoặc gạch dưới")
            self.form.addRow("Tên đăng nhập:", self.login)
        else:
            self.form.addRow("Tên đăng nhập:", QLabel(account.login))
        roles = [r for r in Role if r in MANAGERS] if first else list(Role)
        self.role = role_combo(roles)
        if account is not None:
            self.role.setCurrentIndex(max(self.role.findData(account.role.value), 0))
        elif not first:
            self.role.setCurrentIndex(max(self.role.findData(Role.CAN_BO.value), 0))
        self.role_help = _note("")
        self.role.currentIndexChanged.connect(self._show_help)
        self.form.addRow("Vai trò:", self.role)
        self.form.addRow("", self.role_help)
        self._show_help()
        if account is None:
            self.password, self.again = _password_field(), _password_field()
            self.form.addRow("Mật khẩu:", self.password)
            self.form.addRow("Nhập lại mật khẩu:", self.again)
            self.form.addRow("", _note(PASSWORD_HINT))
        else:
            self.active = QCheckBox("Đang dùng (được đăng nhập)")
            self.active.setChecked(account.active)
            self.form.addRow("", self.active)
        if first:
            self.lay.insertWidget(0, _note(
                "Người tạo tài khoản đầu tiên quản lý người dùng của đơn vị. Từ khi có "
                "tài khoản, mỗi lần mở tgdesk đều phải đăng nhập.", "color: #1b1b1b;"))

    def _show_help(self) -> None:
        role = chosen_role(self.role)
        self.role_help.setText(ROLE_HELP.get(role, "") if role is not None else "")

    def apply(self) -> None:
        from tgdesk.services import accounts

        role = chosen_role(self.role)
        if self.account is None:
            if self.password.text() != self.again.text():
                raise UserError(MISMATCH)
            self.saved = accounts.create_account(self.ctx, self.login.text(),
                                                 self.full_name.text(), role,
                                                 self.password.text())
        else:
            self.saved = accounts.update_account(self.ctx, self.account.id,
                                                 full_name=self.full_name.text(), role=role,
                                                 active=self.active.isChecked())


class PasswordDialog(_FormDialog):
    """“Đổi mật khẩu của tôi…” (``own``: the current password first) or “Đặt lại
    mật khẩu…” for someone else (a Quản trị; no old password)."""

    def __init__(self, ctx: Context, account, own: bool, parent: QWidget | None = None):
        super().__init__("Đổi mật khẩu của tôi" if own else "Đặt lại mật khẩu", parent)
        self.ctx, self.account, self.own = ctx, account, own
        self.old: QLineEdit | None = None
        if own:
            self.old = _password_field()
            self.form.addRow("Mật khẩu hiện tại:", self.old)
        else:
            self.lay.insertWidget(0, _note(
                f"Đặt mật khẩu mới cho {account.full_name} ({account.login}). Hãy báo mật "
                "khẩu mới cho người đó và nhắc họ tự đổi lại.", "color: #1b1b1b;"))
        self.password, self.again = _password_field(), _password_field()
        self.form.addRow("Mật khẩu mới:", self.password)
        self.form.addRow("Nhập lại mật khẩu mới:", self.again)
        self.form.addRow("", _note(PASSWORD_HINT))

    def apply(self) -> None:
        from tgdesk.services import accounts

        if self.password.text() != self.again.text():
            raise UserError(MISMATCH)
        if self.own:        # checked here too: a Quản trị's own change needs it as well
            if not self.old.text():
                raise UserError("Hãy gõ mật khẩu hiện tại.")
            if accounts.check_password(self.ctx, self.account.login, self.old.text()) is None:
                raise UserError("Mật khẩu hiện tại không đúng.")
        accounts.set_password(self.ctx, self.account.id, self.password.text(),
                              self.old.text() if self.own else None)
