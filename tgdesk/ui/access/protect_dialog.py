"""Bảo vệ dữ liệu (issue 12): a plain database becomes an encrypted one, and the
recovery code is shown once.

``ProtectDialog`` asks for the first account (nobody signed in) or confirms the
password of the person signed in, then calls ``services.db_keys.protect``,
which returns the recovery code. ``RecoveryCodeDialog`` shows it in large
letters, prints it, and closes only once “Tôi đã ghi lại mã khôi phục…” is
ticked: the code is shown nowhere else, ever."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import (QCheckBox, QDialog, QDialogButtonBox, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from tgdesk.services.context import Context

from tgdesk.ui.access.account_dialogs import MISMATCH, PASSWORD_HINT
from tgdesk.ui.common.tasks import UNEXPECTED, run_task

PLAIN_WARNING = ("Dữ liệu trên máy này chưa được mã hóa: ai sao chép được tệp cơ sở dữ liệu "
                 "sẽ đọc được hồ sơ Mật.")
INTRO = ("Mã hóa tệp cơ sở dữ liệu: chỉ người có tài khoản, gõ đúng mật khẩu, mới mở được dữ "
         "liệu, kể cả khi tệp bị sao chép đi nơi khác. Xong việc, tgdesk hiện một mã khôi "
         "phục — cách duy nhất để vào lại khi mọi mật khẩu đều bị quên.")
KEEP_TICK = "Tôi đã ghi lại mã khôi phục và cất giữ an toàn"
BUSY = "Đang sao lưu rồi mã hóa dữ liệu (có thể mất vài chục giây với dữ liệu lớn)…"


def _password_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(256)
    return field


class ProtectDialog(QDialog):
    """The account that will open the encrypted file, then ``protect``."""

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Bảo vệ dữ liệu")
        self.ctx = ctx
        self.code: str | None = None
        self.login_used: str | None = None
        viewer = ctx.viewer
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        form = QFormLayout()
        self.full_name = self.login = self.again = None
        if viewer is not None:
            form.addRow(QLabel(f"Xác nhận mật khẩu của {viewer.full_name} ({viewer.login}):"))
            self.password = _password_field()
            form.addRow("Mật khẩu:", self.password)
        else:
            form.addRow(QLabel("Tạo tài khoản đầu tiên (vai trò Lãnh đạo, quản lý người dùng):"))
            self.full_name, self.login = QLineEdit(), QLineEdit()
            self.full_name.setMaxLength(120)
            self.login.setMaxLength(32)
            self.password, self.again = _password_field(), _password_field()
            form.addRow("Họ và tên:", self.full_name)
            form.addRow("Tên đăng nhập:", self.login)
            form.addRow("Mật khẩu:", self.password)
            form.addRow("Nhập lại mật khẩu:", self.again)
            hint = QLabel(PASSWORD_HINT)
            hint.setWordWrap(True)
            hint.setStyleSheet("color: #555;")
            form.addRow("", hint)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        self.protect_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.protect_button.setText("Mã hóa dữ liệu")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Hủy")
        buttons.accepted.connect(self.protect)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(520)

    def _refuse(self, text: str) -> bool:
        self.error.setStyleSheet("color: #a4262c;")
        self.error.setText(text)
        self.error.show()
        self.password.clear()
        if self.again is not None:
            self.again.clear()
        return False

    def protect(self) -> bool:
        viewer = self.ctx.viewer
        password = self.password.text()
        if viewer is not None:
            login, full_name = viewer.login, viewer.full_name
        else:
            login, full_name = self.login.text().strip(), self.full_name.text().strip()
            if password != self.again.text():
                return self._refuse(MISMATCH)
        if not password:
            return self._refuse("Hãy gõ mật khẩu.")
        if viewer is not None:
            from tgdesk.services import accounts
            if accounts.check_password(self.ctx, login, password) is None:
                return self._refuse("Mật khẩu không đúng.")
        error = self._run(login, full_name, password)
        if error is not None:
            return self._refuse(error)
        self.login_used = login
        self.accept()
        return True

    def _run(self, login: str, full_name: str, password: str) -> str | None:
        """``db_keys.protect`` off the GUI thread (a backup and a copy of the whole
        file: half a minute on a large database), a busy dialog meanwhile; this
        dialog waits for it. The Vietnamese reason when it was refused."""
        from tgdesk.services import db_keys

        outcome: dict[str, object] = {}
        loop = QEventLoop(self)

        def done(code) -> None:
            outcome["code"] = code
            loop.quit()

        def failed(message: str) -> None:
            outcome["error"] = message
            loop.quit()

        self._task = run_task(lambda: db_keys.protect(self.ctx, login, full_name, password),
                              BUSY, self, done, failed)
        if not outcome:                 # not already over (a test's synchronous pool)
            loop.exec()
        if "error" in outcome:         # a defect: the error dialog has shown its details
            message = str(outcome["error"])
            return UNEXPECTED if message == UNEXPECTED else message
        self.code = str(outcome["code"])
        return None


def code_font(points: float = 20) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(points)
    font.setBold(True)
    return font


class RecoveryCodeDialog(QDialog):
    """The recovery code, shown once; it closes only when the tick says it is kept."""

    def __init__(self, code: str, unit_name: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Mã khôi phục – chỉ hiện một lần")
        self.code, self.unit_name = code, unit_name
        self.printed = False
        text = QLabel("Đây là mã khôi phục của đơn vị. Khi mọi mật khẩu đều bị quên, chỉ mã "
                      "này mở lại được dữ liệu. Mã chỉ hiện một lần này: hãy in ra (hoặc chép "
                      "tay), ghi sổ và cất vào tủ mật của đơn vị; không lưu mã trên máy này.")
        text.setWordWrap(True)
        self.code_label = QLabel(code)
        self.code_label.setFont(code_font())
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setWordWrap(True)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code_label.setStyleSheet("background: #ffffff; border: 1px solid #c8d1dc; "
                                      "padding: 14px; color: #000000;")
        self.print_button = QPushButton("In mã khôi phục…")
        self.print_button.clicked.connect(self.print_code)
        self.kept = QCheckBox(KEEP_TICK)
        self.close_button = QPushButton("Đóng")
        self.close_button.setEnabled(False)
        self.close_button.clicked.connect(self.accept)
        self.kept.toggled.connect(self.close_button.setEnabled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        lay = QVBoxLayout(self)
        lay.addWidget(text)
        lay.addWidget(self.code_label)
        lay.addWidget(self.kept)
        lay.addLayout(buttons)
        self.setMinimumWidth(560)

    def reject(self) -> None:       # Esc and the title bar's ✕: not before the tick
        if self.kept.isChecked():
            super().reject()

    def closeEvent(self, event) -> None:
        if self.kept.isChecked():
            super().closeEvent(event)
        else:
            event.ignore()

    def document(self) -> QTextDocument:
        """The printed page: the unit, the day, the code large, what it is for."""
        unit = html.escape(self.unit_name or "")
        doc = QTextDocument()
        doc.setHtml(
            f"<h2>Mã khôi phục dữ liệu tgdesk</h2><p>{unit}</p>"
            f"<p>Ngày lập: {date.today():%d/%m/%Y}</p>"
            f"<p style='font-family: monospace; font-size: 22pt; font-weight: bold;'>"
            f"{html.escape(self.code)}</p>"
            "<p>Mã này mở lại dữ liệu khi mọi mật khẩu đều bị quên. Cất giữ như tài liệu "
            "Mật, trong tủ mật của đơn vị; không chụp ảnh, không lưu trên máy tính.</p>"
            "<p>Người giữ: ................................ Ký tên: ....................</p>")
        return doc

    def print_code(self) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle("In mã khôi phục")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.document().print_(printer)
        self.printed = True
        return True
