"""The overview page: first steps on an empty database; tiles, charts, deadlines
and lists that open the filtered list (or the report) behind them; the due-rule
dialog."""

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt

from tgdesk.domain.deadlines import DueRule
from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period
from tgdesk.domain.records import OpinionNote, StudySession
from tgdesk.services.kinds import OPINIONS, STUDIES
from tgdesk.services.settings_store import deadline_rules
from tgdesk.ui.deadline_dialog import DeadlineDialog
from tgdesk.ui.events import DataBus
from tgdesk.ui.overview_page import Links, OverviewPage, links_to

pytestmark = pytest.mark.gui

NOVEMBER = {"date_from": date(2026, 11, 1), "date_to": date(2026, 11, 30)}


class Calls(list):
    def links(self) -> Links:
        return Links(open_page=lambda key, flt: self.append(("page", key, flt)),
                     open_report=lambda kind, period: self.append(("report", kind, period)),
                     add_record=lambda key: self.append(("add", key)),
                     load_demo=lambda: self.append(("demo",)))


@pytest.fixture
def calls():
    return Calls()


@pytest.fixture
def make_page(qtbot, ctx, calls):
    def make():
        page = OverviewPage(ctx, DataBus(), calls.links())
        qtbot.addWidget(page)
        page.resize(1060, 740)
        page.show()
        qtbot.waitExposed(page)
        return page
    return make


@pytest.fixture
def data(ctx, catalogue):
    def note(day, **kw):
        return OPINIONS.create(ctx, OpinionNote(noted_on=day, category_id=catalogue["category"],
                                                area_id=catalogue["area"],
                                                summary="Người dân phản ánh lấn chiếm vỉa hè",
                                                **kw)).id
    ids = {
        "hot": note(date(2026, 11, 3), concern="diem_nong", attitude="buc_xuc"),
        "late": note(date(2026, 10, 2), due_on=date(2026, 10, 20), proposal="Đề nghị xử lý"),
        "calm": note(date(2026, 11, 10), attitude="dong_tinh", concern="thap"),
    }
    STUDIES.create(ctx, StudySession(held_on=date(2026, 11, 5), title="Học tập Nghị quyết 35",
                                     document_ids=[catalogue["doc"]], cell_id=catalogue["cell"],
                                     speaker_id=catalogue["speaker"], party_members_expected=40,
                                     party_members_present=36, core_masses=10))
    return ids


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
                     "hot_spots": "1", "overdue": "1"}
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


def test_deadline_rows_open_the_report(make_page, calls, data, qtbot, qtmodeltester):
    page = make_page()
    table = page.deadline_table
    qtmodeltester.check(table.model())
    assert table.item(0, 0).text() == "Tháng 11 năm 2026"
    assert table.item(0, 2).text() == "Quá 4 ngày"
    assert table.item(0, 3).text() == "Chưa lập"
    assert table.item(0, 2).foreground().color().name() == "#b3261e"
    assert table.item(1, 2).text() == "Còn 21 ngày"
    assert "quá hạn" in page.deadline_note.text()
    rect = table.visualItemRect(table.item(0, 4))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert calls == [("report", "opinion", Period.month(2026, 11))]


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


def test_deadline_dialog_rejects_day_0_and_saves_day_25(qtbot, ctx):
    dialog = DeadlineDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.days["month"].value() == 20
    dialog.days["month"].setValue(0)
    assert dialog.try_save() is False
    assert "từ 1 đến 31" in dialog.form.message("month")
    assert dialog.result() != dialog.DialogCode.Accepted
    assert deadline_rules(ctx)["month"] == DueRule(20)
    dialog.days["month"].setValue(25)
    dialog.when["month"].setCurrentIndex(1)
    assert dialog.try_save() is True
    assert deadline_rules(ctx)["month"] == DueRule(25, after_end=True)
    assert deadline_rules(ctx)["quarter"] == DueRule(20)


def test_saving_rules_from_the_page_refreshes_deadlines(make_page, data, qtbot):
    page = make_page()
    dialog = page.edit_rules()
    dialog.days["month"].setValue(25)
    with qtbot.waitSignal(dialog.accepted):
        dialog.try_save()
    # November is now due 25/11 (tomorrow); October (due 25/10) is the overdue one
    assert [(r.period.code(), r.due, r.overdue) for r in page.deadline_rows[:2]] == [
        ("2026-10", date(2026, 10, 25), True), ("2026-11", date(2026, 11, 25), False)]
    assert page.deadline_table.item(0, 2).text() == "Quá 30 ngày"
    assert page.deadline_table.item(1, 2).text() == "Còn 1 ngày"


class FakePage:
    def __init__(self, filtered: bool):
        self.seen = []
        if filtered:
            self.show_filtered = self.seen.append
            self.set_report = lambda kind, period: self.seen.append((kind, period))


class FakeWindow:
    def __init__(self, filtered: bool):
        self.page = FakePage(filtered)
        self.shown = []
        self.demo = 0

    def show_page(self, key):
        self.shown.append(key)
        return self.page

    def load_demo(self):
        self.demo += 1


def test_links_to_a_window():
    window = FakeWindow(filtered=True)
    links = links_to(window)
    links.open_page("opinions", ListFilter(overdue=True))
    links.open_page("unit", None)
    links.open_report("work", Period.month(2026, 11))
    links.load_demo()
    assert window.shown == ["opinions", "unit", "figures"]
    assert window.page.seen == [ListFilter(overdue=True), ("work", Period.month(2026, 11))]
    assert window.demo == 1
    plain = FakeWindow(filtered=False)            # a page without show_filtered: just shown
    links_to(plain).open_page("opinions", ListFilter(overdue=True))
    links_to(plain).add_record("opinions")
    assert plain.shown == ["opinions", "opinions"]


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
