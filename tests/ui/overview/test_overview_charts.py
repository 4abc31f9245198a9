"""The overview's charts: 12 months, and a bar (or a part of one) opens the list of
its month, category or attitude."""

import pytest
from overview_pages import NOVEMBER
from PySide6.QtCore import QPoint, Qt

from tgdesk.domain.filters import ListFilter

pytestmark = pytest.mark.gui


def test_charts_hold_12_months_and_a_bar_opens_its_month(make_page, calls, data, qtbot):
    page = make_page()
    chart = page.study_chart
    assert len(chart.labels) == 12 and chart.labels[-1] == "T11/2026"
    assert chart.totals()[-1] == 46 and chart.line.values[-1] == pytest.approx(0.9)
    chart.grab()                                   # paint, so the bars have places
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_center(11).toPoint())
    attitude = page.attitude_chart
    page.tabs.setCurrentWidget(attitude)
    attitude.grab()
    assert [s.name for s in attitude.bars] == ["Đồng tình", "Băn khoăn", "Bức xúc", "Trái chiều"]
    angry = attitude.segment_center(11, "Bức xúc").toPoint()
    assert attitude.hit(angry) == (11, "Bức xúc")
    assert attitude.segment_center(11, "Trái chiều") is None       # none that month
    qtbot.mouseClick(attitude, Qt.MouseButton.LeftButton, pos=angry)
    qtbot.mouseClick(attitude, Qt.MouseButton.LeftButton, pos=QPoint(2, 2))   # no bar: nothing
    assert calls == [("page", "studies", ListFilter(**NOVEMBER)),
                     ("page", "opinions", ListFilter(**NOVEMBER, attitude="buc_xuc"))]


def test_category_chart_bar_filters_by_category(make_page, calls, data, catalogue, qtbot):
    page = make_page()
    chart = page.category_chart
    page.tabs.setCurrentWidget(chart)
    chart.grab()
    assert [s.name for s in chart.bars] == ["Đất đai, xây dựng"]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=chart.bar_center(11).toPoint())
    assert calls == [("page", "opinions",
                      ListFilter(**NOVEMBER, category_id=catalogue["category"]))]

