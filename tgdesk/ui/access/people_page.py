"""Người dùng (issue 12, item 2): the unit's accounts and their roles.

A Quản trị (or Lãnh đạo) adds people, changes their name, role or whether they
may sign in, and sets a forgotten password again; everyone changes their own
password here. A database without accounts explains what accounts change and
makes the first one, which then signs in (``signed_in``: the window builds its
pages again for that person)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from tgdesk.domain.roles import ROLE_HELP, Role
from tgdesk.services.context import Context

from tgdesk.ui.access.account_dialogs import AccountDialog, PasswordDialog
from tgdesk.ui.common.events import ALL, DataBus
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.kit import INFO_STYLE, Column, RowsModel, local_time, rows_view
from tgdesk.ui.common.permits import Permission, withhold

KEY = "people"          # the page's key in ui/pages.py and the data bus's word
NO_ACCOUNTS = ("Chưa có tài khoản: ai mở máy cũng dùng được mọi chức năng. Tạo tài khoản "
               "đầu tiên (Lãnh đạo hoặc Quản trị) để bắt đầu đăng nhập.")
ONLY_MANAGERS = ("Chỉ người có vai trò Quản trị hoặc Lãnh đạo được thêm người, sửa tài khoản "
                 "và đặt lại mật khẩu.")

COLUMNS = [
    Column("Họ và tên", lambda a: a.full_name),
    Column("Tên đăng nhập", lambda a: a.login),
    Column("Vai trò", lambda a: a.role.label),
    Column("Đang dùng", lambda a: "Có" if a.active else "Không"),
    Column("Lần đăng nhập cuối", lambda a: local_time(a.last_sign_in_at),
           sort_key=lambda a: a.last_sign_in_at),
]


class PeoplePage(QWidget):
    status = Signal(str)
    signed_in = Signal()        # the person signed in, or their role, changed here

    def __init__(self, ctx: Context, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.dialog = None
        self.accounts: list = []
        self.empty = QLabel(NO_ACCOUNTS)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(INFO_STYLE)
        self.me = QLabel()
        self.me.setWordWrap(True)
        self.limits = QLabel(ONLY_MANAGERS)
        self.limits.setWordWrap(True)
        self.limits.setStyleSheet("color: #555;")

        self.add_button = QPushButton("Thêm người…")
        self.add_button.clicked.connect(self.add_person)
        self.edit_button = QPushButton("Sửa…")
        self.edit_button.setToolTip("Đổi họ tên, vai trò, hoặc cho ngừng đăng nhập")
        self.edit_button.clicked.connect(self.edit_person)
        self.reset_button = QPushButton("Đặt lại mật khẩu…")
        self.reset_button.setToolTip("Người đang chọn quên mật khẩu: đặt mật khẩu mới cho họ")
        self.reset_button.clicked.connect(self.reset_password)
        self.own_button = QPushButton("Đổi mật khẩu của tôi…")
        self.own_button.clicked.connect(self.change_own_password)
        self.manages = withhold(ctx, Permission.ADMINISTER, self.add_button, self.edit_button,
                                self.reset_button)
        self.limits.setVisible(not self.manages)
        bar = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.reset_button):
            bar.addWidget(b)
        bar.addStretch(1)
        bar.addWidget(self.own_button)

        self.model = RowsModel(COLUMNS, self)
        self.view = rows_view(self.model, stretch=0)
        self.view.setSortingEnabled(True)
        self.view.doubleClicked.connect(lambda _i: self.manages and self.edit_person())
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Người dùng"))
        lay.addWidget(self.empty)
        lay.addWidget(self.me)
        lay.addWidget(self.limits)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        self.filler = QWidget()         # the table's room while there is no account
        self.filler.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        lay.addWidget(self._roles_legend())
        lay.addWidget(self.filler, 1)
        bus.data_changed.connect(lambda what: what in (KEY, ALL) and self.refresh())
        self.refresh()

    def _roles_legend(self) -> QWidget:
        legend = QWidget()
        grid = QGridLayout(legend)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.addWidget(QLabel("<b>Vai trò</b>"), 0, 0, 1, 2)
        for row, role in enumerate(Role, start=1):
            grid.addWidget(QLabel(f"<b>{role.label}</b>"), row, 0)
            text = QLabel(ROLE_HELP[role])
            text.setWordWrap(True)
            grid.addWidget(text, row, 1)
        grid.setColumnStretch(1, 1)
        return legend

    # --- what is shown ---------------------------------------------------------
    def refresh(self) -> None:
        from tgdesk.services import accounts

        self.accounts = accounts.list_accounts(self.ctx)
        self.model.set_rows(self.accounts)
        none = not self.accounts
        self.empty.setVisible(none)
        self.view.setVisible(not none)
        self.filler.setVisible(none)
        for b in (self.edit_button, self.reset_button):
            b.setVisible(self.manages and not none)
        viewer = self.ctx.viewer
        self.me.setVisible(viewer is not None)
        if viewer is not None:
            self.me.setText(f"Bạn đang đăng nhập: <b>{viewer.full_name}</b> ({viewer.login}) "
                            f"– vai trò {viewer.role.label}.")
        self.own_button.setVisible(viewer is not None)
        self.add_button.setText("Tạo tài khoản đầu tiên…" if none else "Thêm người…")
        self._update_buttons()

    def selected(self):
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.model.row_at(rows[0].row()) if rows else None

    def select_login(self, login: str) -> bool:
        for row, account in enumerate(self.model.rows):
            if account.login == login:
                self.view.selectRow(row)
                return True
        return False

    def _update_buttons(self) -> None:
        chosen = self.selected() is not None
        self.edit_button.setEnabled(chosen)
        self.reset_button.setEnabled(chosen)

    # --- doing -----------------------------------------------------------------
    def _open(self, dialog, done) -> object:
        self.dialog = dialog
        dialog.accepted.connect(lambda: done(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def add_person(self) -> AccountDialog | None:
        if not self.manages:
            return None
        first = not self.accounts
        return self._open(AccountDialog(self.ctx, None, first, self), self._added)

    def _added(self, dialog: AccountDialog) -> None:
        from tgdesk.services import accounts

        account = dialog.saved
        if dialog.first and self.ctx.viewer is None:     # the first account: in at once
            accounts.signed_in(self.ctx, account)
            self.status.emit(f"Đã tạo tài khoản “{account.login}” và đăng nhập. Từ nay mở "
                             "tgdesk phải đăng nhập.")
            self.bus.changed(KEY)
            self.signed_in.emit()
            return
        self.bus.changed(KEY)
        self.select_login(account.login)
        self.status.emit(f"Đã thêm {account.full_name} ({account.login}), vai trò "
                         f"{account.role.label}.")

    def edit_person(self) -> AccountDialog | None:
        account = self.selected()
        if account is None or not self.manages:
            return None
        return self._open(AccountDialog(self.ctx, account, False, self), self._edited)

    def _edited(self, dialog: AccountDialog) -> None:
        account = dialog.saved
        self.bus.changed(KEY)
        self.select_login(account.login)
        self.status.emit(f"Đã lưu tài khoản “{account.login}”.")
        viewer = self.ctx.viewer
        if viewer is not None and viewer.account_id == account.id and \
                account.viewer() != viewer and account.active:
            self.ctx.set_viewer(account.viewer())      # one's own name or role: at once
            self.signed_in.emit()

    def reset_password(self) -> PasswordDialog | None:
        account = self.selected()
        if account is None or not self.manages:
            return None
        viewer = self.ctx.viewer
        if viewer is not None and viewer.account_id == account.id:
            return self.change_own_password()
        return self._open(PasswordDialog(self.ctx, account, False, self),
                          lambda _d: self.status.emit(
                              f"Đã đặt lại mật khẩu cho “{account.login}”."))

    def change_own_password(self) -> PasswordDialog | None:
        return open_own_password(self.ctx, self, self.status.emit, self._keep)

    def _keep(self, dialog) -> None:
        self.dialog = dialog


def open_own_password(ctx: Context, parent: QWidget, tell, keep=None) -> PasswordDialog | None:
    """“Đổi mật khẩu của tôi…” (the people page and the Tài khoản menu)."""
    from tgdesk.services import accounts

    viewer = ctx.viewer
    account = accounts.find(ctx, viewer.login) if viewer is not None else None
    if account is None:
        return None
    dialog = PasswordDialog(ctx, account, True, parent)
    dialog.accepted.connect(lambda: tell("Đã đổi mật khẩu."))
    dialog.finished.connect(dialog.deleteLater)
    if keep is not None:
        keep(dialog)
    dialog.open()
    return dialog
