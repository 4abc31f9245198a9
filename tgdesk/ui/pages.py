"""The main window's pages, each built - and its module imported - when first
shown: the window starts with the overview alone (or the unit settings), and a
list, the catalogues or the exchange page cost nothing until they are opened.

``Pages`` is the window's ``pages`` dict: it holds the pages built so far, and
``pages[key]`` builds a missing one (iterating it yields only the built ones).
A page built late connects to the data bus itself and loads fresh data, so it
needs none of the changes announced before it existed.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

# (key, navigation text); the order of the navigation list.
PAGES = (
    ("overview", "Tổng quan"),
    ("meetings", "Hội nghị"),
    ("studies", "Học tập – quán triệt"),
    ("coverage", "Tiến độ học tập"),
    ("opinions", "Dư luận xã hội"),
    ("propaganda", "Hoạt động tuyên truyền"),
    ("online", "Bảo vệ nền tảng tư tưởng"),
    ("models", "Mô hình, điển hình (Chỉ thị 05)"),
    ("catalogues", "Danh mục"),
    ("figures", "Báo cáo"),
    ("unit", "Cài đặt đơn vị"),
    ("people", "Người dùng"),
    ("exchange", "Trao đổi dữ liệu"),
    ("backups", "Sao lưu và khôi phục"),
    ("audit", "Nhật ký"),
)
KEYS = tuple(key for key, _text in PAGES)

# The keys that show each page (menu “Xem”): the ten pages of old keep the
# Ctrl+1 … Ctrl+0 officers learnt; the record pages of issue 15 take Ctrl+Shift+1 … 3.
SHORTCUTS = {
    "overview": "Ctrl+1", "meetings": "Ctrl+2", "studies": "Ctrl+3", "coverage": "Ctrl+4",
    "opinions": "Ctrl+5", "propaganda": "Ctrl+Shift+1", "online": "Ctrl+Shift+2",
    "models": "Ctrl+Shift+3", "catalogues": "Ctrl+6", "figures": "Ctrl+7", "unit": "Ctrl+8",
    "exchange": "Ctrl+9", "backups": "Ctrl+0",
    "audit": "Ctrl+Shift+4",      # the audit log (issue 12)
    "people": "Ctrl+Shift+5",     # accounts and roles (issue 12)
}
# Where a long name breaks in the navigation when it does not fit on one line.
NAV_LINES = {"online": "Bảo vệ nền tảng\ntư tưởng",
             "models": "Mô hình, điển hình\n(Chỉ thị 05)"}
# What the navigation's entry says when pointed at, beyond its text.
TIPS = {
    "online": "Nhóm 35: đăng, chia sẻ thông tin tích cực; thông tin sai trái, thù địch phát "
              "hiện được; bài dự thi (Nghị quyết 35-NQ/TW)",
    "models": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh (Chỉ thị "
              "05-CT/TW): mô hình, tập thể, cá nhân điển hình",
    "people": "Tài khoản, vai trò và mật khẩu của những người dùng tgdesk",
}


def _overview(window) -> QWidget:
    from tgdesk.ui.overview.overview_page import OverviewPage
    return OverviewPage(window.ctx, window.bus, OverviewPage.links_to(window))


def _records(spec_name: str) -> Callable[[object], QWidget]:
    def build(window) -> QWidget:
        from tgdesk.ui.records import record_specs
        from tgdesk.ui.records.record_page import RecordPage
        return RecordPage(window.ctx, window.bus, getattr(record_specs, spec_name))
    return build


def _coverage(window) -> QWidget:
    from tgdesk.ui.coverage.coverage_page import CoveragePage
    page = CoveragePage(window.ctx, window.bus)

    def open_catalogue(kind: str) -> None:        # "Mở trang Danh mục" at the right tab
        catalogues = window.show_page("catalogues")
        tab = getattr(catalogues, "catalogue_tabs", {}).get(kind)
        if tab is not None:
            catalogues.tabs.setCurrentWidget(tab)

    page.open_catalogue.connect(open_catalogue)
    return page


def _catalogues(window) -> QWidget:
    from tgdesk.ui.catalogues.catalogue_page import CataloguePage
    return CataloguePage(window.ctx, window.bus)


def _figures(window) -> QWidget:
    from tgdesk.ui.reports.report_page import ReportPage
    return ReportPage(window.ctx, window.bus)


def _unit(window) -> QWidget:
    from tgdesk.ui.settings.unit_page import UnitPage
    page = UnitPage(window.ctx, window.bus)
    page.idle_lock_changed.connect(window.access.arm)     # the idle lock's new minutes
    return page


def _people(window) -> QWidget:
    from tgdesk.ui.access.people_page import PeoplePage
    page = PeoplePage(window.ctx, window.bus)
    # the first account, or one's own role: pages built again for the person
    page.signed_in.connect(lambda: window.access.after_sign_in("people"))
    return page


def _exchange(window) -> QWidget:
    from tgdesk.ui.exchange.exchange_page import ExchangePage
    page = ExchangePage(window.ctx, window.bus)
    page.open_page.connect(window.show_page)      # "open the list" from a received package
    return page


def _backups(window) -> QWidget:
    from tgdesk.ui.backups.backup_page import BackupPage
    return BackupPage(window.ctx, window.bus)


def _audit(window) -> QWidget:
    from tgdesk.ui.audit.audit_watch import audit_page     # with the start-up check's signs
    return audit_page(window, KEYS.index("audit"))


BUILDERS: dict[str, Callable[[object], QWidget]] = {
    "overview": _overview,
    "meetings": _records("MEETING_PAGE"),
    "studies": _records("STUDY_PAGE"),
    "coverage": _coverage,
    "opinions": _records("OPINION_PAGE"),
    "propaganda": _records("PROPAGANDA_PAGE"),
    "online": _records("ONLINE_PAGE"),
    "models": _records("MODEL_PAGE"),
    "catalogues": _catalogues,
    "figures": _figures,
    "unit": _unit,
    "people": _people,
    "exchange": _exchange,
    "backups": _backups,
    "audit": _audit,
}


class Pages(dict):
    """The pages built so far, by key; ``pages[key]`` builds one on first use
    with ``build(key)`` (the window's: it also puts the page in its stack)."""

    def __init__(self, build: Callable[[str], QWidget]):
        super().__init__()
        self._build = build

    def __missing__(self, key: str) -> QWidget:
        if key not in BUILDERS:
            raise KeyError(key)
        page = self._build(key)
        self[key] = page
        return page
