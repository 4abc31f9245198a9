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
    ("catalogues", "Danh mục"),
    ("figures", "Báo cáo"),
    ("unit", "Cài đặt đơn vị"),
    ("exchange", "Trao đổi dữ liệu"),
    ("backups", "Sao lưu và khôi phục"),
)
KEYS = tuple(key for key, _text in PAGES)


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
    return UnitPage(window.ctx, window.bus)


def _exchange(window) -> QWidget:
    from tgdesk.ui.exchange.exchange_page import ExchangePage
    page = ExchangePage(window.ctx, window.bus)
    page.open_page.connect(window.show_page)      # "open the list" from a received package
    return page


def _backups(window) -> QWidget:
    from tgdesk.ui.backups.backup_page import BackupPage
    return BackupPage(window.ctx, window.bus)


BUILDERS: dict[str, Callable[[object], QWidget]] = {
    "overview": _overview,
    "meetings": _records("MEETING_PAGE"),
    "studies": _records("STUDY_PAGE"),
    "coverage": _coverage,
    "opinions": _records("OPINION_PAGE"),
    "catalogues": _catalogues,
    "figures": _figures,
    "unit": _unit,
    "exchange": _exchange,
    "backups": _backups,
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
