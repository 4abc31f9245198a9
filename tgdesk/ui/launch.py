"""Starting the window: the QApplication, its font and style, the database
(the writer lock, or - when another process writes - the choice to look only),
a message box when it cannot be opened, the first-run unit set-up, the event
loop with unexpected errors caught (ui/common/error_dialog.py), a package
given with ``--open``; screenshots are taken by ui/screenshots.py.

With the environment variable ``TGDESK_QUIT_AFTER_PAINT=1`` the window quits
right after its first paint (the start-up benchmark, bench/bench_startup.py,
and the tests, tests/test_import_discipline.py, time or inspect that path;
nothing else sets it). What only some starts need (the unit dialog, the backup page) is
imported when needed; after the first paint the audit log's chain is checked once
(ui/audit/audit_watch.py)."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QThreadPool, QTimer, QTranslator
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from tgdesk import logsetup
from tgdesk.domain.roles import Permission
from tgdesk.paths import resources_dir
from tgdesk.services.context import Context, open_for_writing, open_read_only
from tgdesk.services.db_lock import Holder, LockHeld, window_text
from tgdesk.services.errors import OpenFailure
from tgdesk.services.unit import get_unit

from tgdesk.ui.common.error_dialog import ErrorDialog, catching_unexpected, log_place
from tgdesk.ui.common.events import DataBus
from .main_window import MainWindow
from .pages import KEYS

QUIT_AFTER_PAINT = "TGDESK_QUIT_AFTER_PAINT"

# Qt ships no Vietnamese for its own widgets (Yes/No, OK, Cancel, the text fields'
# right-click menu); tgdesk carries one in resources/translations/qtbase_vi.qm.
# Kept here so Python never collects the installed translator.
_qt_translator: QTranslator | None = None


def install_vietnamese(app: QApplication) -> None:
    """Qt's own texts, numbers (1.200) and month names in Vietnamese; the light
    palette even under a dark system theme."""
    global _qt_translator
    QLocale.setDefault(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    if _qt_translator is None:
        translator = QTranslator(app)
        if translator.load("qtbase_vi", str(resources_dir() / "translations")):
            app.installTranslator(translator)
            _qt_translator = translator


def ensure_app() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName("tgdesk")
        app.setApplicationDisplayName("tgdesk")
        app.setStyle("Fusion")
        app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "tgdesk.png")))
        font = QFont(app.font())
        if font.pointSizeF() < 10:
            font.setPointSizeF(10)
        app.setFont(font)
    install_vietnamese(app)
    return app


def first_run(ctx: Context, parent: QWidget | None = None) -> bool:
    """Ask for the unit's settings when none exist. True when they exist after."""
    if get_unit(ctx) is not None:
        return True
    from tgdesk.ui.settings.unit_dialog import UnitDialog

    dialog = UnitDialog(ctx, parent)
    return dialog.exec() == QDialog.DialogCode.Accepted


def sign_in_first(ctx: Context, parent: QWidget | None = None) -> bool:
    """A database with accounts: who sits at the keyboard, before the window
    shows (ui/access/sign_in_dialog.py). True when someone signed in or the
    database has no accounts (no sign-in); False for "Thoát"."""
    from tgdesk.services import accounts

    if ctx.viewer is not None or not accounts.has_accounts(ctx):
        return True
    from tgdesk.ui.access.sign_in_dialog import plain_sign_in
    return plain_sign_in(ctx, parent)


LOCKED_TITLE = "Cơ sở dữ liệu đang được mở để ghi"
LOCKED_MORE = ("Mỗi lúc chỉ một máy được ghi vào một cơ sở dữ liệu. Có thể mở để xem số liệu "
               "(không lưu được thay đổi), hoặc thoát rồi mở lại khi chương trình kia đã đóng.")
VIEW_ONLY, QUIT = "Mở chỉ để xem", "Thoát"


class LockedDialog(QMessageBox):
    """Another process writes the database: look only, or quit."""

    def __init__(self, holder: Holder | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(LOCKED_TITLE)
        self.setText(window_text(holder))
        self.setInformativeText(LOCKED_MORE)
        self.view_button = self.addButton(VIEW_ONLY, QMessageBox.ButtonRole.AcceptRole)
        self.quit_button = self.addButton(QUIT, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.view_button)
        self.setEscapeButton(self.quit_button)

    def view_only(self) -> bool:
        return self.clickedButton() is self.view_button


def ask_view_only(holder: Holder | None, parent: QWidget | None = None) -> bool:
    """Show LockedDialog; True for "Mở chỉ để xem"."""
    dialog = LockedDialog(holder, parent)
    dialog.exec()
    return dialog.view_only()


def open_database(db_path: Path,
                  ask: Callable[[Holder | None], bool] = ask_view_only) -> Context | None:
    """The window's database: with the writer lock, or, when another process
    holds it, read-only if ``ask`` says so; None to quit. UserError if it
    cannot be opened."""
    ensure_app()
    from tgdesk.services import db_keys
    unlocked = None
    if db_keys.is_encrypted(db_path) and not db_keys.is_unlocked(db_path):
        from tgdesk.ui.access.sign_in_dialog import encrypted_sign_in
        unlocked = encrypted_sign_in(db_path)     # the password opens the file itself
        if unlocked is None:
            return None
    try:
        ctx = open_for_writing(db_path, wait=0)
    except LockHeld as held:
        if not ask(held.holder):
            return None
        ctx = open_read_only(db_path)
    if unlocked is not None:
        try:
            db_keys.after_open(ctx, *unlocked)
        except BaseException:
            ctx.close()
            raise
        if unlocked[1] is None:         # the recovery code: nobody signed in
            box = QMessageBox(QMessageBox.Icon.Information, "Đã mở bằng mã khôi phục",
                              RECOVERED, QMessageBox.StandardButton.Ok)
            present(box)
    return ctx


RECOVERED = ("Dữ liệu đã được mở bằng mã khôi phục; chưa ai đăng nhập. Hãy vào trang Người dùng "
             "(Ctrl+Shift+5) đặt lại mật khẩu cho người quản trị, rồi đăng xuất và đăng nhập "
             "bằng mật khẩu mới. Mã khôi phục vẫn dùng được về sau; hãy cất lại vào tủ.")


START_TITLE = "Không mở được tgdesk"
CLOSING = "Chương trình sẽ đóng lại."


class StartErrorBox(QMessageBox):
    """The window cannot start: why, what to do, where the log is; "Đóng" ends
    the program. An object (not QMessageBox.critical) so it can be looked at."""

    def __init__(self, failure: OpenFailure, parent: QWidget | None = None):
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Critical)
        self.setWindowTitle(START_TITLE)
        self.setText(failure.reason)
        self.setInformativeText(f"{failure.advice}\n\n{CLOSING} "
                                f"{log_place(logsetup.log_file())}")
        self.setStandardButtons(QMessageBox.StandardButton.Close)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # wide enough for a path and a sentence of advice on one or two lines
        self.setStyleSheet("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel "
                           "{ min-width: 480px; }")


def present(dialog: QDialog) -> None:
    """Show a start-up dialog and wait for it (replaced in tests that must not wait)."""
    dialog.exec()


def show_start_error(failure: OpenFailure) -> None:
    """The window could not start: say why in a window, not only on the terminal."""
    ensure_app()
    present(StartErrorBox(failure))


def show_start_defect(details: str) -> None:
    """The window could not start because of a defect: the error dialog, waited for."""
    ensure_app()
    present(ErrorDialog(details, logsetup.log_file()))


NO_PACKAGE_TITLE = "Không mở được gói"


def open_given_file(window: MainWindow, path: Path) -> QMessageBox | None:
    """The package named with ``--open``: to the exchange page and its dry run;
    a file that is not there gets a message over the window (which stays open)."""
    if path.is_file():
        window.open_package(path)
        return None
    if path.exists():
        text = f"“{path}” không phải là một tệp gói trao đổi (.tgx)."
    else:
        text = (f"Không tìm thấy tệp “{path}”. Có thể tệp đã bị chuyển đi, đổi tên hoặc xóa; "
                "hãy nhập gói ở trang Trao đổi dữ liệu.")
    box = QMessageBox(QMessageBox.Icon.Warning, NO_PACKAGE_TITLE, text,
                      QMessageBox.StandardButton.Close, window)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


class FirstPaint(QObject):
    """Calls ``then()`` once, as soon as ``widget`` has painted for the first time:
    from the widget's first Paint event, through a zero timer, so ``then`` runs in
    the event loop after that paint (the whole window is painted in one pass) - or
    after ``latest_ms`` if no paint came (a window started minimized)."""

    def __init__(self, widget: QWidget, then: Callable[[], None], latest_ms: int = 3000):
        super().__init__(widget)
        self.widget: QWidget | None = widget
        self.then = then
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self.fire)

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self, self.fire)
        return False

    def fire(self) -> None:
        if self.widget is None:
            return
        self.widget.removeEventFilter(self)
        self.widget = None
        self.then()


def quits_after_paint() -> bool:
    """TGDESK_QUIT_AFTER_PAINT=1: the start-up benchmark's and the import test's path."""
    return os.environ.get(QUIT_AFTER_PAINT, "") not in ("", "0")


def _after_first_paint(window: MainWindow, app: QApplication) -> None:
    if quits_after_paint():
        app.quit()
        return
    window.page("backups").automatic_backup("start")   # the first start of the day
    from tgdesk.ui.audit.audit_watch import check_after_start
    check_after_start(window, KEYS.index("audit"))   # the audit log's chain, off the GUI thread


def run_window(ctx: Context, open_file: Path | None = None) -> int:
    app = ensure_app()
    with catching_unexpected():
        if not sign_in_first(ctx):      # "Thoát" at the sign-in
            return 0
        if not ctx.read_only and ctx.can(Permission.ADMINISTER):   # who may save the unit
            first_run(ctx)   # with "Để sau" the window still opens; the settings page asks again
        window = MainWindow(ctx, DataBus())
        if get_unit(ctx) is None:
            window.show_page("unit")
        FirstPaint(window, lambda: _after_first_paint(window, app))
        window.show()
        if open_file is not None:   # in the event loop: a failure there leaves the window up
            QTimer.singleShot(0, window, lambda: open_given_file(window, Path(open_file)))
        code = app.exec()
        QThreadPool.globalInstance().waitForDone(30000)   # no pool thread outlives the window
        from tgdesk.ui.backups.backup_page import backup_on_exit
        backup_on_exit(ctx)
    return code


def take_screenshots(ctx: Context, out_dir: Path,
                     screen: tuple[int, int] | None = None) -> int:
    """Every page and dialog to PNG (ui/screenshots.py), on a screen of ``screen``."""
    from tgdesk.ui.screenshots import take_screenshots as take
    return take(ctx, out_dir, screen)
