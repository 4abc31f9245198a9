"""The main window: a navigation list on the left, the pages on the right, each
built when first shown (ui/pages.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QFont, QFontMetrics, QIcon, QKeySequence
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QMainWindow, QMessageBox,
                               QStackedWidget, QVBoxLayout, QWidget)

from tgdesk.paths import resources_dir
from tgdesk.services.context import Context
from tgdesk.services.unit import get_unit

from tgdesk.ui.access.window_access import WindowAccess
from tgdesk.ui.common.about_dialog import AboutDialog
from tgdesk.ui.common.app_settings import app_settings
from tgdesk.ui.common.events import ALL, DataBus
from tgdesk.ui.common.screen_fit import fit_to_screen
from tgdesk.ui.common.tasks import Task, run_task
from tgdesk.ui.common.widgets import confirm
from .pages import BUILDERS, KEYS, NAV_LINES, PAGES, SHORTCUTS, TIPS, Pages

__all__ = ["PAGES", "MainWindow"]

GEOMETRY_KEY = "main_window/geometry"

READ_ONLY_SUFFIX = " — chỉ xem"
READ_ONLY_BANNER = ("Chỉ xem: một chương trình khác đang mở cơ sở dữ liệu này để ghi, nên mọi "
                    "thay đổi sẽ không được lưu. Muốn sửa số liệu, hãy đóng tgdesk và mở lại khi "
                    "chương trình kia đã đóng.")

DEMO_QUESTION = ("Nạp dữ liệu mẫu của một phường (hai năm hội nghị, học tập, dư luận, hoạt động "
                 "tuyên truyền, nhóm trực tuyến, mô hình điển hình) vào cơ sở dữ liệu đang "
                 "mở?\n\nDữ liệu mẫu dùng để xem thử và tập sử dụng; nên nạp vào "
                 "một cơ sở dữ liệu riêng, không trộn với số liệu thật.")


NAV_WIDTH, NAV_POINTS = 210, 11
NAV_ROOM = NAV_WIDTH - 2 - 2 * 2 - 2 * 8        # less the frame, spacing and padding


def nav_text(key: str, text: str, metrics: QFontMetrics) -> str:
    """A page's name in the navigation: on two lines, broken where it reads well,
    when it is wider than the list (a wide font, a large text setting)."""
    if key in NAV_LINES and metrics.horizontalAdvance(text) > NAV_ROOM:
        return NAV_LINES[key]
    return text


class MainWindow(QMainWindow):
    def __init__(self, ctx: Context, bus: DataBus | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus or DataBus(self)
        self.task: Task | None = None
        self.about: AboutDialog | None = None
        self.setWindowIcon(QIcon(str(resources_dir() / "icons" / "tgdesk.png")))

        self.nav = QListWidget()
        self.nav.setFixedWidth(NAV_WIDTH)
        self.nav.setSpacing(2)
        self.nav.setStyleSheet(f"QListWidget {{ font-size: {NAV_POINTS}pt; }} "
                               "QListWidget::item { padding: 6px 8px; }")
        self.stack = QStackedWidget()
        # The pages built so far; ``pages[key]`` (or ``page(key)``) builds one.
        self.pages: dict[str, QWidget] = Pages(self._build_page)
        font = QFont(self.nav.font())
        font.setPointSizeF(NAV_POINTS)
        for key, text in PAGES:
            self.nav.addItem(nav_text(key, text, QFontMetrics(font)))
            item = self.nav.item(self.nav.count() - 1)
            tip = f"{TIPS[key]}\n" if key in TIPS else ""
            item.setToolTip(f"{tip}Phím tắt: {SHORTCUTS[key]}")
        self.nav.currentRowChanged.connect(self._show_row)

        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(6, 6, 6, 6)
        self.read_only_banner = QLabel(READ_ONLY_BANNER)
        self.read_only_banner.setWordWrap(True)
        self.read_only_banner.setStyleSheet("background: #fde7e9; color: #6b0f16; "
                                            "padding: 8px; border-radius: 4px;")
        self.read_only_banner.setVisible(ctx.read_only)
        outer.addWidget(self.read_only_banner)
        lay = QHBoxLayout()
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.nav)
        lay.addWidget(self.stack, 1)
        outer.addLayout(lay, 1)
        self.setCentralWidget(central)

        self._build_menu()
        self.db_label = QLabel(f"Cơ sở dữ liệu: {ctx.db_path}")
        self.db_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.db_label)
        self.bus.data_changed.connect(self._on_data_changed)
        # sign-in, lock, sign-out, the plain-file warning (ui/access/window_access.py)
        self.access = WindowAccess(self)
        self.nav.setCurrentRow(0)
        self._restore_geometry()

    # --- size and place, remembered between runs ------------------------------
    def _restore_geometry(self) -> None:
        saved = app_settings().value(GEOMETRY_KEY)
        if saved is not None and self.restoreGeometry(saved):
            return
        fit_to_screen(self, 1280, 800)     # the first time; less on a 1366×768 or 1024×768 screen

    def closeEvent(self, event) -> None:
        app_settings().setValue(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)

    # --- menus and shortcuts -------------------------------------------------
    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu("&Tệp")
        self.demo_action = QAction("Nạp dữ liệu &mẫu…", self)
        self.demo_action.triggered.connect(self.load_demo)
        file_menu.addAction(self.demo_action)
        file_menu.addSeparator()
        quit_action = QAction("&Thoát", self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        record_menu = self.menuBar().addMenu("&Bản ghi")
        self.add_action = QAction("&Thêm", self)
        self.add_action.setShortcut(QKeySequence("Ctrl+N"))
        self.add_action.triggered.connect(self.add_record)
        record_menu.addAction(self.add_action)
        self.refresh_action = QAction("&Làm mới", self)
        self.refresh_action.setShortcut(QKeySequence("F5"))
        self.refresh_action.triggered.connect(self.refresh_page)
        record_menu.addAction(self.refresh_action)

        go_menu = self.menuBar().addMenu("&Xem")
        for row, (key, text) in enumerate(PAGES):
            action = QAction(text, self)
            action.setShortcut(QKeySequence(SHORTCUTS[key]))     # shown in the menu
            action.triggered.connect(lambda _checked=False, r=row: self.show_page_row(r))
            go_menu.addAction(action)

        help_menu = self.menuBar().addMenu("Trợ &giúp")
        self.about_action = QAction("&Giới thiệu tgdesk…", self)
        self.about_action.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.about_action.triggered.connect(self.show_about)
        help_menu.addAction(self.about_action)

    # --- pages and navigation ----------------------------------------------------
    def page(self, key: str) -> QWidget:
        """The page ``key``, built now if it has not been shown yet (not shown by this)."""
        return self.pages[key]

    def _build_page(self, key: str) -> QWidget:
        page = BUILDERS[key](self)
        self.stack.addWidget(page)
        if hasattr(page, "status"):
            page.status.connect(self.show_status)
        return page

    def _show_row(self, row: int) -> None:
        if 0 <= row < len(KEYS):
            self.stack.setCurrentWidget(self.page(KEYS[row]))

    def drop_pages(self) -> None:
        """Forget every page built: another person signs in, and each page is built
        again for that person's role when next shown. A fresh data bus leaves behind
        whatever the old pages had tied to the old one."""
        self.nav.setCurrentRow(-1)
        for page in list(self.pages.values()):
            self.stack.removeWidget(page)
            page.deleteLater()
        self.pages.clear()
        self.bus = DataBus(self)
        self.bus.data_changed.connect(self._on_data_changed)

    def show_page(self, key: str) -> QWidget:
        return self.show_page_row(KEYS.index(key))

    def show_page_row(self, row: int) -> QWidget:
        self.nav.setCurrentRow(row)
        return self.stack.currentWidget()

    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def add_record(self) -> None:
        page = self.current_page()
        if hasattr(page, "add_record"):
            page.add_record()

    def refresh_page(self) -> None:
        page = self.current_page()
        if hasattr(page, "refresh"):
            page.refresh()
            self.show_status("Đã làm mới.")

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_about(self) -> AboutDialog:
        """Trợ giúp › Giới thiệu tgdesk (F1)."""
        if self.about is None:
            self.about = AboutDialog(self.ctx, self)
        self.about.open()
        return self.about

    def open_package(self, path: Path):
        """A ``.tgx`` package opened from outside (double-click, ``--open``): the
        "Trao đổi dữ liệu" page runs its dry run; nothing is imported until the
        officer presses "Nhập". Returns the "Nhận về" tab."""
        return self.show_page("exchange").open_package(Path(path))

    # --- unit and title ------------------------------------------------------
    def update_title(self) -> None:
        unit = get_unit(self.ctx)
        name = unit.name if unit and unit.name else "chưa thiết lập đơn vị"
        suffix = READ_ONLY_SUFFIX if self.ctx.read_only else ""
        viewer = self.ctx.viewer
        who = f" — {viewer.full_name} ({viewer.role.label})" if viewer is not None else ""
        self.setWindowTitle(f"tgdesk – {name}{suffix}{who}")

    def _on_data_changed(self, what: str) -> None:
        if what in ("unit", ALL):
            self.update_title()

    # --- demo data -------------------------------------------------------------
    def load_demo(self) -> None:
        if self.task is not None and self.task.running:
            return
        if not confirm(self, "Nạp dữ liệu mẫu", DEMO_QUESTION):
            return
        ctx = self.ctx

        def work():
            from tgdesk.services.demo import load_demo  # written elsewhere; imported late
            return load_demo(ctx, years=2, seed=1)

        self.task = run_task(work, "Đang nạp dữ liệu mẫu, xin chờ…", self,
                             self._demo_done, self._demo_failed)

    def _demo_done(self, summary) -> None:
        self.bus.changed(ALL)
        text = summary.text() if hasattr(summary, "text") else "Đã nạp dữ liệu mẫu."
        self.show_status("Đã nạp dữ liệu mẫu.")
        QMessageBox.information(self, "Đã nạp dữ liệu mẫu", text)

    def _demo_failed(self, message: str) -> None:
        self.bus.changed(ALL)
        QMessageBox.warning(self, "Không nạp được dữ liệu mẫu", message)
