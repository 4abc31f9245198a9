"""Who uses the main window (issue 12, item 2): the “Tài khoản” menu, the lock,
signing out and in again, the status bar's name and role, and the warning of a
database file that is not encrypted.

The window's content (navigation and pages) sits in a stack with the lock panel
and an empty panel: locked, the lock panel covers it and every menu entry and
key of the window is off until the password is typed again; signed out, nothing
shows while the next person signs in. Another person signing in gets pages
built afresh for their role (``MainWindow.drop_pages``). The idle lock counts
only while someone is signed in: a database without accounts has nobody to
lock it for."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMenu, QPushButton, QStackedWidget,
                               QWidget)

from tgdesk.services.unit import get_unit

from tgdesk.ui.access.idle_lock import IdleWatch, LockPanel
from tgdesk.ui.access.protect_dialog import PLAIN_WARNING, ProtectDialog, RecoveryCodeDialog
from tgdesk.ui.access.sign_in_dialog import plain_sign_in
from tgdesk.ui.common.idle_setting import idle_minutes
from tgdesk.ui.common.permits import Permission, may

LOCK_KEY = "Ctrl+L"
WRONG_PASSWORD = "Mật khẩu không đúng."
BANNER_STYLE = ("QFrame#plain_banner { background: #fff4ce; border-radius: 4px; } "
                "QFrame#plain_banner QLabel { color: #3b2f00; }")


class WindowAccess(QObject):
    """Made once by the main window (``window.access``)."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.ctx = window.ctx
        self.locked = False
        self._held: list[QAction] = []        # the window's actions turned off while locked
        self.content = window.takeCentralWidget()
        self.banner = self._plain_banner()
        self.content.layout().insertWidget(1, self.banner)     # under the read-only banner
        self.lock_panel = LockPanel()
        self.lock_panel.unlock_requested.connect(self.unlock)
        self.lock_panel.sign_out_requested.connect(self.sign_out)
        self.signed_out = QWidget()
        self.central = QStackedWidget()
        for w in (self.content, self.lock_panel, self.signed_out):
            self.central.addWidget(w)
        window.setCentralWidget(self.central)
        self.who = QLabel()
        self.who.setObjectName("signed_in_as")
        window.statusBar().insertPermanentWidget(0, self.who)
        self._build_menu()
        self.watch = IdleWatch(self)
        self.watch.timed_out.connect(lambda: self.lock(idle=True))
        self.update()

    # --- building -------------------------------------------------------------------
    def _build_menu(self) -> None:
        window = self.window
        menu = QMenu("Tài &khoản", window)
        self.lock_action = QAction("&Khóa ngay", window)
        self.lock_action.setShortcut(QKeySequence(LOCK_KEY))
        self.lock_action.triggered.connect(lambda: self.lock())
        self.password_action = QAction("Đổi &mật khẩu của tôi…", window)
        self.password_action.triggered.connect(self.change_password)
        self.people_action = QAction("&Người dùng", window)
        self.people_action.triggered.connect(lambda: window.show_page("people"))
        self.protect_action = QAction("&Bảo vệ dữ liệu…", window)
        self.protect_action.triggered.connect(self.protect)
        self.sign_out_action = QAction("Đăng &xuất", window)
        self.sign_out_action.triggered.connect(self.sign_out)
        for action in (self.lock_action, self.password_action, self.people_action,
                       self.protect_action, None, self.sign_out_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        bar = window.menuBar()
        actions = bar.actions()
        if actions:         # before “Trợ giúp”, the last
            bar.insertMenu(actions[-1], menu)
        else:
            bar.addMenu(menu)
        self.menu = menu

    def _plain_banner(self) -> QFrame:
        banner = QFrame()
        banner.setObjectName("plain_banner")
        banner.setStyleSheet(BANNER_STYLE)
        text = QLabel(PLAIN_WARNING)
        text.setWordWrap(True)
        self.protect_button = QPushButton("Bảo vệ dữ liệu…")
        self.protect_button.clicked.connect(self.protect)
        lay = QHBoxLayout(banner)
        lay.setContentsMargins(8, 4, 8, 4)
        lay.addWidget(text, 1)
        lay.addWidget(self.protect_button)
        return banner

    # --- state ---------------------------------------------------------------------
    def plain(self) -> bool:
        """A plain database file: its Mật records are readable by whoever copies the
        file (said whether or not people sign in: a unit keeps it plain knowingly)."""
        return getattr(self.ctx, "keys", None) is None

    def update(self) -> None:
        """Name, menu, banner, idle watch and title for the person signed in now."""
        viewer = self.ctx.viewer
        self.who.setText(f"Đăng nhập: {viewer.full_name} – {viewer.role.label}"
                         if viewer is not None else "")
        self.who.setVisible(viewer is not None)
        for action in (self.lock_action, self.password_action, self.sign_out_action):
            action.setEnabled(viewer is not None)
        admin = may(self.ctx, Permission.ADMINISTER)
        plain = self.plain()
        self.banner.setVisible(plain)
        self.protect_button.setVisible(admin and not self.ctx.read_only)
        self.protect_action.setVisible(getattr(self.ctx, "keys", None) is None and admin
                                       and not self.ctx.read_only)
        writes = may(self.ctx, Permission.WRITE_RECORDS)
        for name in ("demo_action", "add_action"):
            action = getattr(self.window, name, None)
            if action is not None:
                action.setVisible(writes)
        self.arm()
        self.window.update_title()

    def arm(self) -> None:
        """(Re)start the idle watch with the unit's setting, or stop it."""
        on = self.ctx.viewer is not None and not self.locked
        self.watch.set_limit(idle_minutes(self.ctx) * 60_000 if on else 0)

    # --- lock ------------------------------------------------------------------------
    def lock(self, idle: bool = False) -> bool:
        """Hide the pages behind the lock panel (Ctrl+L, or the idle time)."""
        viewer = self.ctx.viewer
        if viewer is None or self.locked:
            return False
        self.locked = True
        self.watch.stop()
        self._hold_actions()
        self.lock_panel.reset(viewer, idle)
        self.central.setCurrentWidget(self.lock_panel)
        self.lock_panel.password.setFocus()
        return True

    def unlock(self, password: str) -> bool:
        viewer = self.ctx.viewer
        if not self.locked or viewer is None:
            return False
        if not password:
            self.lock_panel.refuse("Hãy gõ mật khẩu.")
            return False
        from tgdesk.services import accounts

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            account = accounts.confirm(self.ctx, viewer.login, password)   # a miss is logged
        finally:
            QGuiApplication.restoreOverrideCursor()
        if account is None:
            self.lock_panel.refuse(WRONG_PASSWORD)
            return False
        self.locked = False
        self._release_actions()
        self.central.setCurrentWidget(self.content)
        self.watch.restart()
        return True

    def _hold_actions(self) -> None:
        held = [a for a in self.window.findChildren(QAction) if a.isEnabled()]
        for action in held:
            action.setEnabled(False)
        self._held.extend(held)

    def _release_actions(self) -> None:
        for action in self._held:
            action.setEnabled(True)
        self._held = []

    # --- signing out and in -----------------------------------------------------
    def sign_out(self) -> bool:
        """Đăng xuất: the pages go (a report's words are saved as the person leaving),
        then the sign-in for whoever comes next; “Thoát” there closes the window."""
        if self.ctx.viewer is None:
            return False
        from tgdesk.services import accounts

        self.central.setCurrentWidget(self.signed_out)
        if not self.locked:
            self._hold_actions()
        self.locked = False
        self.watch.stop()
        self.window.drop_pages()
        accounts.sign_out(self.ctx)
        self.update()
        if plain_sign_in(self.ctx, self.window):
            self.after_sign_in()
            return True
        self.window.close()
        return False

    def after_sign_in(self, key: str = "overview") -> None:
        """Someone (else) is signed in, or their role changed: pages built afresh."""
        self.window.drop_pages()
        self.locked = False
        self._release_actions()
        self.central.setCurrentWidget(self.content)
        self.update()
        self.window.show_page(key)
        self.watch.restart()

    # --- menu entries -------------------------------------------------------------
    def change_password(self):
        from tgdesk.ui.access.people_page import open_own_password
        self.password_dialog = open_own_password(self.ctx, self.window, self.window.show_status)
        return self.password_dialog

    def protect(self) -> bool:
        """“Bảo vệ dữ liệu…”: encrypt, then the recovery code once."""
        from tgdesk.services import accounts

        before = self.ctx.viewer
        dialog = ProtectDialog(self.ctx, self.window)
        self.protect_dialog = dialog
        if not present(dialog):
            return False
        unit = get_unit(self.ctx)
        present(RecoveryCodeDialog(dialog.code or "", unit.name if unit else None, self.window))
        if self.ctx.viewer is None and dialog.login_used:     # the first account: signed in
            account = accounts.find(self.ctx, dialog.login_used)
            if account is not None:
                accounts.signed_in(self.ctx, account)
        if before is None and self.ctx.viewer is not None:
            self.after_sign_in()
        else:
            self.update()
        others = len(accounts.list_accounts(self.ctx)) > 1
        self.window.show_status(
            "Đã mã hóa dữ liệu. Từ nay mở tgdesk phải đăng nhập."
            + (" Người khác đăng nhập được sau khi được đặt lại mật khẩu (trang Người dùng)."
               if others else ""))
        return True


def present(dialog) -> bool:
    """Show a dialog and wait; True when accepted (tests replace this)."""
    return bool(dialog.exec())
