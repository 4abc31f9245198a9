"""The window locks (Ctrl+L, or after the idle time the unit set), hides its pages,
and opens again only with the right password; signing out lets another person
in, with pages built for that person's role (issue 12, item 2)."""

from __future__ import annotations

import pytest
from access_people import PASSWORD
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QPushButton

from tgdesk.ui.access import sign_in_dialog
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.idle_setting import idle_minutes
from tgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, ctx, sign_in_as):
    sign_in_as("lead")
    win = MainWindow(ctx, DataBus())
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def _visible_texts(win) -> set[str]:
    return {w.text() for w in win.findChildren(QPushButton) if w.isVisible()}


def test_ctrl_l_hides_the_pages_until_the_right_password(qtbot, window, ctx):
    meetings = window.show_page("meetings")
    access = window.access
    assert meetings.isVisible() and access.watch.active()          # 10 minutes by default
    lock = next(a for a in window.findChildren(type(access.lock_action))
                if a.shortcut().toString() == "Ctrl+L")
    lock.trigger()
    assert access.locked and access.lock_panel.isVisible()
    assert not meetings.isVisible() and not window.nav.isVisible()
    assert not access.watch.active()
    assert "Nguyễn Văn An" in access.lock_panel.who.text()
    assert _visible_texts(window) == {"Mở khóa", "Đăng xuất"}
    assert not window.add_action.isEnabled() and not lock.isEnabled()   # no key opens a form
    access.lock_panel.password.setText("sai-mat-khau")
    access.lock_panel.unlock_button.click()
    assert access.locked and not meetings.isVisible()
    assert access.lock_panel.error.text() == "Mật khẩu không đúng."
    assert access.lock_panel.password.text() == ""
    from tgdesk.services.audit import entries
    assert entries(ctx)[0].action == "sign_in_failed"          # the miss is in the log
    access.lock_panel.password.setText(PASSWORD)
    qtbot.keyClick(access.lock_panel.password, Qt.Key.Key_Return)
    assert not access.locked and meetings.isVisible()
    assert window.add_action.isEnabled() and lock.isEnabled() and access.watch.active()


def test_the_window_locks_itself_after_the_quiet_time(qtbot, window):
    access = window.access
    access.watch.set_limit(300)
    qtbot.waitUntil(lambda: access.locked, timeout=3000)
    assert access.lock_panel.isVisible() and not window.nav.isVisible()
    assert "lâu không dùng" in access.lock_panel.why.text()


def test_input_puts_the_lock_off(qtbot, window):
    access = window.access
    access.watch.set_limit(600)
    for _ in range(4):          # a mouse move every 250 ms for a second: still open
        qtbot.wait(250)
        move = QMouseEvent(QEvent.Type.MouseMove, QPointF(5, 5), QPointF(5, 5),
                           Qt.MouseButton.NoButton, Qt.MouseButton.NoButton,
                           Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(window.nav.viewport(), move)
        assert not access.locked
    qtbot.waitUntil(lambda: access.locked, timeout=3000)


def test_the_unit_sets_the_minutes_and_zero_never_locks(qtbot, window, ctx):
    page = window.show_page("unit")
    spin = page.classified.idle
    assert spin.value() == 10 and spin.isEnabled()
    spin.setValue(3)
    assert idle_minutes(ctx) == 3 and window.access.watch.limit_ms == 3 * 60_000
    spin.setValue(0)
    assert idle_minutes(ctx) == 0 and not window.access.watch.active()
    assert spin.text() == "Không tự khóa"


def test_nobody_signed_in_nothing_to_lock(qtbot, ctx):
    win = MainWindow(ctx, DataBus())          # a database without accounts
    qtbot.addWidget(win)
    win.show()
    assert not win.access.lock() and not win.access.watch.active()
    assert not win.access.lock_action.isEnabled() and not win.access.who.isVisible()
    # a plain file is said to be plain even where nobody signs in
    assert win.access.banner.isVisible() and win.access.protect_button.isVisible()


def test_sign_out_lets_another_person_in_with_their_role(qtbot, window, ctx, monkeypatch):
    old_meetings = window.show_page("meetings")
    assert old_meetings.add_button.isVisibleTo(old_meetings)
    assert "Nguyễn Văn An – Lãnh đạo" in window.access.who.text()

    def present(dialog):
        assert not window.nav.isVisible()            # nothing of the last person's shows
        assert ctx.viewer is None
        dialog.login.setText("xem")
        dialog.password.setText(PASSWORD)
        return dialog.sign_in()

    monkeypatch.setattr(sign_in_dialog, "present", present)
    assert window.access.sign_out()
    assert ctx.viewer.login == "xem"
    assert window.current_page() is window.pages["overview"]
    assert "Lê Văn Cường – Xem" in window.access.who.text()
    assert window.windowTitle().endswith("Lê Văn Cường (Xem)")
    meetings = window.show_page("meetings")
    assert meetings is not old_meetings
    assert not meetings.add_button.isVisibleTo(meetings)      # a Xem adds nothing
    assert not meetings.edit_button.isVisibleTo(meetings)
    assert not window.add_action.isVisible() and not window.demo_action.isVisible()


def test_thoat_after_sign_out_closes_the_window(qtbot, window, ctx, monkeypatch):
    monkeypatch.setattr(sign_in_dialog, "present", lambda dialog: False)
    assert not window.access.sign_out()
    assert not window.isVisible() and ctx.viewer is None


def test_pages_of_the_last_person_hear_nothing_after_sign_out(qtbot, window, ctx, monkeypatch):
    """The audit log's alert outlives the pages: a check after another person signed
    in reaches the new Nhật ký page only, never the deleted one."""
    from PySide6.QtCore import QCoreApplication, QEvent as E

    from tgdesk.domain.audit import ChainBreak
    from tgdesk.ui.audit.audit_watch import alert_of
    from tgdesk.ui.pages import KEYS

    window.show_page("audit")
    monkeypatch.setattr(sign_in_dialog, "present", lambda d: (
        d.login.setText("canbo"), d.password.setText(PASSWORD), d.sign_in())[-1])
    assert window.access.sign_out()
    QCoreApplication.sendPostedEvents(None, E.Type.DeferredDelete)     # the old pages go
    new_page = window.show_page("audit")
    alert = alert_of(window, KEYS.index("audit"))
    alert.set_result(3, [ChainBreak(2, "Mục 2 đã bị sửa sau khi ghi.")])
    assert new_page.is_tampered()      # the new page shows it; the deleted one is not called
