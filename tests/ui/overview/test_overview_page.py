"""The overview page: first steps on an empty database; tiles and the lists of hot
spots and overdue notes that open the filtered list behind them; refreshing after
a change elsewhere; a tile in the main window."""

from datetime import date

import pytest
from overview_pages import NOVEMBER
from PySide6.QtCore import Qt

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period
from tgdesk.domain.records import OpinionNote
from tgdesk.services.kinds import OPINIONS
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.overview.overview_page import OverviewPage

pytestmark = pytest.mark.gui


def test_an_empty_database_shows_the_first_steps(make_page, calls, qtbot):
    page = make_page()
    assert page.guide.isVisible() and not page.content.isVisible()
    assert not page.study_chart.isVisible()
    qtbot.mouseClick(page.step_buttons["unit"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.step_buttons["add"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.step_buttons["demo"], Qt.MouseButton.LeftButton)
    assert calls == [("page", "unit", None), ("add", "opinions"), ("demo",)]


def test_tiles_show_counts_and_open_their_lists(make_page, calls, data, qtbot):
    page = make_page()
    assert not page.guide.isVisible() and page.content.isVisible()
    shown = {key: tile.value.text() for key, tile in page.tiles.items()}
    assert shown == {"meetings": "0", "studies": "1", "opinions": "2", "month_open": "2",
                     "hot_spots": "1", "overdue": "1", "coverage_due": "0"}
    qtbot.mouseClick(page.tiles["hot_spots"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.tiles["studies"], Qt.MouseButton.LeftButton)
    page.tiles["overdue"].setFocus()
    qtbot.keyClick(page.tiles["overdue"], Qt.Key.Key_Return)
    assert calls == [
        ("page", "opinions", ListFilter(concern="diem_nong", follow_up="open")),
        ("page", "studies", ListFilter(**NOVEMBER)),
        ("page", "opinions", ListFilter(overdue=True)),
    ]


def test_hot_spot_and_overdue_lists(make_page, calls, data, qtbot):
    page = make_page()
    assert page.hot_list.count() == 1 and page.late_list.count() == 1
    assert "lấn chiếm vỉa hè" in page.hot_list.item(0).text()
    assert page.late_list.item(0).text().startswith("hạn 20/10/2026 · Khu phố 1")
    assert page.late_list.item(0).data(Qt.ItemDataRole.UserRole) == data["late"]
    rect = page.late_list.visualItemRect(page.late_list.item(0))
    qtbot.mouseClick(page.late_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert calls == [("page", "opinions", ListFilter(overdue=True))]


def test_a_change_elsewhere_refreshes_when_shown(qtbot, ctx, calls, catalogue):
    bus = DataBus()
    page = OverviewPage(ctx, bus, calls.links())
    qtbot.addWidget(page)
    assert page.guide.isHidden() is False
    OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 3), concern="diem_nong",
                                     category_id=catalogue["category"], summary="Điểm nóng"))
    bus.changed("opinions")                      # hidden: refreshed when next shown
    assert page.tiles["hot_spots"].value.text() == "0"
    page.show()
    qtbot.waitExposed(page)
    assert page.tiles["hot_spots"].value.text() == "1"
    assert page.content.isVisible()


def test_qt_values_read_as_none_keep_none_alive(qtbot):
    """PySide6 6.12.0 on Python 3.11 released None once per Qt value read back as
    None (a "Tất cả" filter item, an empty cell), so a long session aborted with
    "deallocating None" (found by bench/bench_lists.py scrolling 105,200 notes).
    The pinned PySide6 must not do that."""
    import sys

    from PySide6.QtWidgets import QComboBox
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItem("Tất cả", None)
    combo.addItem("Không có dữ liệu")
    before = sys.getrefcount(None)
    for _ in range(1000):
        combo.itemData(0)
        combo.itemData(1)
    assert sys.getrefcount(None) - before > -100      # 6.12.0: -2000


def test_in_the_main_window_a_tile_opens_the_filtered_list(qtbot, ctx, data):
    from tgdesk.ui.main_window import MainWindow
    window = MainWindow(ctx, DataBus())
    qtbot.addWidget(window)
    window.show()
    overview = window.pages["overview"]
    qtbot.mouseClick(overview.tiles["hot_spots"], Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert page is window.pages["opinions"]
    flt = page.current_filter()
    assert (flt.concern, flt.follow_up, flt.overdue) == ("diem_nong", "open", False)
    assert page.model.total() == 1 and page.model.id_at(0) == data["hot"]
    window.show_page("overview")
    qtbot.mouseClick(overview.tiles["overdue"], Qt.MouseButton.LeftButton)
    assert page.current_filter().overdue and page.current_filter().concern is None
    assert [page.model.id_at(i) for i in range(page.model.total())] == [data["late"]]
    window.show_page("overview")
    table = overview.deadline_table
    rect = table.visualItemRect(table.item(0, 4))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    report = window.current_page()
    assert report is window.pages["figures"]
    assert (report.report_kind(), report.period()) == ("opinion", Period.month(2026, 11))

