"""``tgdesk screenshots DIR [--size 1024x768]``: every page of the main window and
every dialog, rendered to PNG as a first run shows them (the user's remembered
filters and sizes are not used), to look at on a given screen size.

Without ``--size`` the window is 1280×800 and dialogs get the size they ask for.
With a screen size the window fills that screen less a taskbar and a title bar
(1024×768 gives a 1024×700 window) and every dialog fits the screen as it would
there (ui/common/screen_fit.py). The file names are the same either way."""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from tgdesk.services import excel, lists
from tgdesk.services.context import Context, open_context

from tgdesk.ui.catalogues.excel_import_dialog import ImportPreviewDialog, build_preview_data
from tgdesk.ui.common.about_dialog import AboutDialog
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.screen_fit import set_screen_room
from tgdesk.ui.overview.deadline_dialog import DeadlineDialog
from tgdesk.ui.reports.report_format_dialog import FormatDialog
from tgdesk.ui.settings.unit_dialog import UnitDialog
from .main_window import PAGES, MainWindow

SCREEN_SIZE = QSize(1280, 800)        # the window without --size
TASKBAR, TITLE_BAR = 40, 28           # what a screen of --size keeps from the window
WIDE_ROOM = QRect(0, 0, 1920, 1040)   # without --size: dialogs as large as they ask


def window_size(screen: tuple[int, int] | None) -> QSize:
    """The main window's size on a screen of ``screen`` (None: SCREEN_SIZE)."""
    if screen is None:
        return QSize(SCREEN_SIZE)
    width, height = screen
    return QSize(width, height - TASKBAR - TITLE_BAR)


def _settle(page: QWidget, seconds: float = 20.0) -> None:
    """Let a page's background work (the report preview) finish before a grab."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        task = getattr(page, "task", None)
        if not (task is not None and task.running):
            break
        QApplication.processEvents()
        time.sleep(0.02)
    QApplication.processEvents()


def _grab(widget: QWidget, path: Path) -> None:
    QApplication.processEvents()
    if not widget.grab().save(str(path)):
        raise OSError(f"Không ghi được tệp ảnh “{path}”.")
    print(path)


def _shoot_dialog(dialog: QDialog | None, path: Path) -> None:
    """Show ``dialog``, grab it and close it as it is (nothing asked)."""
    if dialog is None:
        return
    dialog.show()
    _settle(dialog)
    _grab(dialog, path)
    dialog.done(QDialog.DialogCode.Rejected)
    dialog.deleteLater()


def take_screenshots(ctx: Context, out_dir: Path,
                     screen: tuple[int, int] | None = None) -> int:
    """Render every page (and some of their tabs) and every dialog to PNG files in
    ``out_dir``, on a screen of ``screen`` (width, height) when given."""
    from tgdesk.ui.launch import ensure_app
    ensure_app()
    fresh = tempfile.TemporaryDirectory(prefix="tgdesk-shots-")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, fresh.name)
    set_screen_room(WIDE_ROOM if screen is None
                    else QRect(0, 0, screen[0], screen[1] - TASKBAR))
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    window = MainWindow(ctx, DataBus())
    window.resize(window_size(screen))
    window.show()
    try:
        _pages(window, out_dir)
        _dialogs(ctx, window, out_dir, Path(fresh.name))
    finally:
        set_screen_room(None)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        fresh.cleanup()
    return 0


def _pages(window: MainWindow, out_dir: Path) -> None:
    for row, (key, _text) in enumerate(PAGES):
        _settle(window.show_page_row(row))
        _grab(window, out_dir / f"{row + 1:02d}-{key}.png")
    overview = window.show_page("overview")       # the end of the page, scrolled down
    bar = overview.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    _grab(window, out_dir / "01-overview-end.png")
    bar.setValue(0)
    for key in ("catalogues", "figures", "exchange"):
        tabs = window.show_page(key).tabs
        number = [k for k, _text in PAGES].index(key) + 1
        for i in range(1, tabs.count()):       # the first tab is the page's own shot
            tabs.setCurrentIndex(i)
            _settle(window.pages[key])
            _grab(window, out_dir / f"{number:02d}-{key}-tab{i + 1}.png")
        tabs.setCurrentIndex(0)
    audit = window.show_page("audit")               # an entry's fields under the table
    if audit.browser.model.rowCount():
        audit.browser.select_seq(audit.browser.entries()[0].seq)
        number = [k for k, _text in PAGES].index("audit") + 1
        _grab(window, out_dir / f"{number:02d}-audit-detail.png")


def _dialogs(ctx: Context, window: MainWindow, out_dir: Path, scratch: Path) -> None:
    for key in ("meetings", "studies", "opinions", "propaganda", "online", "models"):
        page = window.show_page(key)
        page.add_record()
        _shoot_dialog(page.dialog, out_dir / f"dialog-{key}.png")
    _shoot_dialog(UnitDialog(ctx, window), out_dir / "dialog-unit.png")
    first = open_context(scratch / "lan-dau.sqlite")     # the first run: starter catalogues
    try:
        _shoot_dialog(UnitDialog(first, window), out_dir / "dialog-unit-first-run.png")
    finally:
        first.close()
    opinions = window.show_page("opinions")
    if opinions.model.rowCount():
        opinions.view.selectRow(0)
        opinions.follow_up_selected()
        _shoot_dialog(opinions.dialog, out_dir / "dialog-follow-up.png")
        preview = opinions.print_list()
        if preview is not None:
            _shoot_dialog(preview, out_dir / "dialog-print-preview.png")
        opinions.view.selectRow(0)                  # a record's own history (the audit log)
        _shoot_dialog(opinions.show_history(), out_dir / "dialog-history.png")
    catalogue = window.show_page("catalogues").tabs.widget(0)
    catalogue.add_record()
    _shoot_dialog(catalogue.dialog, out_dir / "dialog-catalogue.png")
    if catalogue.model.rowCount() >= 2:
        catalogue.select_ids([catalogue.model.id_at(0), catalogue.model.id_at(1)])
        catalogue.merge_records()
        _shoot_dialog(catalogue.merge_dialog, out_dir / "dialog-merge.png")
    _shoot_dialog(_excel_preview(ctx, catalogue.spec, window, scratch),
                  out_dir / "dialog-excel-import.png")
    makers: tuple[tuple[str, Callable[[], QDialog]], ...] = (
        ("deadlines", lambda: DeadlineDialog(ctx, window)),
        ("report-format", lambda: FormatDialog(ctx, window)),
        ("about", lambda: AboutDialog(ctx, window)),
    )
    for name, make in makers:
        _shoot_dialog(make(), out_dir / f"dialog-{name}.png")
    _access(ctx, window, out_dir)


def _access(ctx: Context, window: MainWindow, out_dir: Path) -> None:
    """Sign-in, people, the lock panel (as a signed-in person would see it), the
    protection of a plain file and its recovery code."""
    from tgdesk.domain.roles import Role, Viewer
    from tgdesk.ui.access.account_dialogs import AccountDialog
    from tgdesk.ui.access.protect_dialog import ProtectDialog, RecoveryCodeDialog
    from tgdesk.ui.access.sign_in_dialog import SignInDialog

    sample = "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456-7ABC"
    makers: tuple[tuple[str, Callable[[], QDialog]], ...] = (
        ("sign-in", lambda: SignInDialog("ĐẢNG ỦY PHƯỜNG MẪU", lambda *a: None, lambda c: None,
                                         window)),
        ("account", lambda: AccountDialog(ctx, None, False, window)),
        ("protect", lambda: ProtectDialog(ctx, window)),
        ("recovery-code", lambda: RecoveryCodeDialog(sample, "ĐẢNG ỦY PHƯỜNG MẪU", window)),
    )
    for name, make in makers:
        dialog = make()
        if isinstance(dialog, RecoveryCodeDialog):
            dialog.kept.setChecked(True)        # so that it closes after the shot
        _shoot_dialog(dialog, out_dir / f"dialog-{name}.png")
    access = window.access
    access.lock_panel.reset(Viewer(0, "nguyenvanan", "Nguyễn Văn An", Role.CAN_BO), True)
    access.central.setCurrentWidget(access.lock_panel)
    _grab(window, out_dir / "window-locked.png")
    access.central.setCurrentWidget(access.content)


def _excel_preview(ctx: Context, spec, parent: QWidget, scratch: Path) -> QDialog | None:
    """The Excel import preview of the catalogue as it is (every row a duplicate)."""
    path = scratch / "danh-muc.xlsx"
    if not lists.catalogue(ctx, spec.kind):
        return None
    excel.export_catalogue(ctx, spec.kind, path)
    data = build_preview_data(ctx, spec.kind, excel.preview_import(ctx, spec.kind, path),
                              spec.describe)
    return ImportPreviewDialog(data, spec.noun, parent)
