"""The window locks itself when nobody uses it (issue 12, item 2).

``IdleWatch`` notes every key and mouse press, wheel and mouse move anywhere in
the application (an event filter on the QApplication: one assignment per
event) and one single-shot timer checks, when it fires, whether the quiet time
has passed: if input came meanwhile it waits the rest, else it says
``timed_out``. ``LockPanel`` is what the window shows instead of its pages while
locked: who is signed in, the password, “Mở khóa” and “Đăng xuất”."""

from __future__ import annotations

from time import monotonic

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from tgdesk.domain.roles import Viewer

INPUT = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                   QEvent.Type.MouseButtonDblClick, QEvent.Type.MouseMove,
                   QEvent.Type.Wheel, QEvent.Type.TouchBegin})


class IdleWatch(QObject):
    """``timed_out`` after ``limit_ms`` without input; a limit of 0 watches nothing."""

    timed_out = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.limit_ms = 0
        self._last = monotonic()
        self._filtering = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._check)

    def set_limit(self, limit_ms: int) -> None:
        """Watch for ``limit_ms`` of quiet (0: stop); a shorter limit applies at once."""
        self.limit_ms = max(int(limit_ms), 0)
        if self.limit_ms == 0:
            self.stop()
            return
        self._filter(True)
        self._arm()

    def stop(self) -> None:
        self.timer.stop()
        self._filter(False)

    def restart(self) -> None:
        """Count the quiet time from now (the window was just unlocked)."""
        self._last = monotonic()
        if self.limit_ms:
            self._filter(True)
            self._arm()

    def active(self) -> bool:
        return self.timer.isActive()

    def _filter(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._filtering:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = on

    def _arm(self) -> None:
        quiet_ms = int((monotonic() - self._last) * 1000)
        self.timer.start(max(self.limit_ms - quiet_ms, 0))

    def _check(self) -> None:
        if self.limit_ms == 0:
            return
        quiet_ms = int((monotonic() - self._last) * 1000)
        if quiet_ms + 20 >= self.limit_ms:          # the timer may fire a little early
            self.stop()
            self.timed_out.emit()
        else:
            self.timer.start(self.limit_ms - quiet_ms)

    def eventFilter(self, obj, event) -> bool:
        if event.type() in INPUT:
            self._last = monotonic()
        return False


class LockPanel(QWidget):
    """The window's content while it is locked: nothing of the data shows."""

    unlock_requested = Signal(str)      # the password typed
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lock_panel")
        box = QFrame()
        box.setObjectName("lock_box")
        box.setStyleSheet("QFrame#lock_box { background: #f3f6fa; color: #1b1b1b; "
                          "border: 1px solid #c8d1dc; border-radius: 6px; }")
        box.setMaximumWidth(460)
        title = QLabel("Cửa sổ đã khóa")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.who = QLabel()
        self.who.setWordWrap(True)
        self.why = QLabel()
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #444;")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText("Mật khẩu")
        self.password.setAccessibleName("Mật khẩu")
        self.password.returnPressed.connect(self._unlock)
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #a4262c;")
        self.error.hide()
        self.unlock_button = QPushButton("Mở khóa")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self._unlock)
        self.sign_out_button = QPushButton("Đăng xuất")
        self.sign_out_button.setToolTip("Người khác đăng nhập; việc chưa lưu của người đang "
                                        "dùng được giữ như khi đóng trang")
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.sign_out_button)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(title)
        inner.addWidget(self.who)
        inner.addWidget(self.why)
        inner.addSpacing(6)
        inner.addWidget(self.password)
        inner.addWidget(self.error)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(box, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def reset(self, viewer: Viewer, idle: bool) -> None:
        self.who.setText(f"Người đang dùng: <b>{_html(viewer.full_name)}</b> "
                         f"({_html(viewer.login)}) – {viewer.role.label}")
        self.why.setText("Cửa sổ tự khóa vì lâu không dùng. " if idle else "")
        self.why.setText(self.why.text() + "Nhập mật khẩu để làm tiếp.")
        self.password.clear()
        self.error.hide()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def refuse(self, text: str) -> None:
        self.password.clear()
        self.error.setText(text)
        self.error.show()
        self.password.setFocus()

    def _unlock(self) -> None:
        self.unlock_requested.emit(self.password.text())


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
