"""What a record list shows: the search box, filters, period, sort by header,
show_filtered (the overview's way in) and the state remembered between runs."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import Qt
from record_lists import (
    choose,
    click_header,
    ini_settings,
    make_page,
    meetings_page,
    summaries,
    titles,
    type_search,
)

from tgdesk.domain.filters import ListFilter
from tgdesk.ui.records.record_specs import MEETING_PAGE

pytestmark = pytest.mark.gui


@pytest.fixture
def settings(tmp_path):
    return ini_settings(tmp_path)


@pytest.fixture
def page(qtbot, ctx, notes, settings):
    return make_page(qtbot, ctx, settings=settings)


@pytest.fixture
def meetings(qtbot, ctx):
    return meetings_page(qtbot, ctx)


def test_search_without_diacritics_finds_the_marked_note(qtbot, page):
    page.activateWindow()
    qtbot.waitActive(page)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search.hasFocus()
    with qtbot.waitSignal(page.model.modelReset):
        qtbot.keyClicks(page.search, "dat dai")
    assert summaries(page) == ["Tranh chấp đất đai ở khu phố 1"]
    assert page.footer.text() == "1 ý kiến dư luận phù hợp"
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == ""
    assert len(summaries(page)) == 4
    assert page.footer.text() == "4 ý kiến dư luận"


def test_marked_search_matches_exactly(qtbot, page):
    type_search(qtbot, page, "đường")
    assert summaries(page) == ["Đường Lê Lợi xuống cấp"]
    type_search(qtbot, page, "duong")
    assert set(summaries(page)) == {"Đường Lê Lợi xuống cấp", "Kết quả xét nghiệm dương tính"}


@pytest.mark.parametrize("text", ['"', "NEAR(", "-đất *", "a OR (b"])
def test_search_syntax_is_text(qtbot, page, text):
    type_search(qtbot, page, text)
    assert page.stack.currentWidget() in (page.view, page.empty)


def test_filters_combine_with_search_and_period(qtbot, page, notes):
    combos = page.filters.combos
    assert set(combos) == {"category_id", "area_id", "attitude", "concern", "follow_up"}
    assert combos["concern"].findText("Điểm nóng") > 0
    assert combos["follow_up"].findText("Chưa giải quyết xong") > 0
    choose(combos["follow_up"], "open")
    assert len(summaries(page)) == 3
    choose(combos["category_id"], notes.cat)
    assert set(summaries(page)) == {"Tranh chấp đất đai ở khu phố 1", "Đường Lê Lợi xuống cấp"}
    type_search(qtbot, page, "duong")
    assert summaries(page) == ["Đường Lê Lợi xuống cấp"]
    assert page.current_filter().search == "duong"
    assert page.current_filter().follow_up == "open"
    page.search.clear()
    page.filters.overdue.setChecked(True)
    assert summaries(page) == ["Tranh chấp đất đai ở khu phố 1"]
    assert page.footer.text() == "1 ý kiến dư luận phù hợp"
    page.period.choose("month")       # today is 24/11/2026: all notes are in November
    assert summaries(page) == ["Tranh chấp đất đai ở khu phố 1"]
    page.period.date_to.set_value(date(2026, 11, 2))
    assert summaries(page) == []
    page.clear_filters()
    assert len(summaries(page)) == 4
    assert page.period.range() == (None, None)
    assert not page.filters.is_active()


def test_header_click_sorts_on_the_server(qtbot, page):
    column = page.model.column_of("summary")
    click_header(qtbot, page, column)
    assert page.model.filter.sort == "summary" and not page.model.filter.descending
    assert summaries(page) == ["Đồng tình chủ trương chỉnh trang", "Đường Lê Lợi xuống cấp",
                               "Kết quả xét nghiệm dương tính",
                               "Tranh chấp đất đai ở khu phố 1"]
    assert page.view.horizontalHeader().sortIndicatorSection() == column
    click_header(qtbot, page, column)
    assert page.model.filter.descending
    assert summaries(page)[0] == "Tranh chấp đất đai ở khu phố 1"
    concern = page.model.column_of("concern")
    click_header(qtbot, page, concern)      # levels: hottest first on the first click
    assert page.model.filter.sort == "concern" and page.model.filter.descending
    assert summaries(page)[0] == "Tranh chấp đất đai ở khu phố 1"
    assert page.current_filter().sort == "concern"


def test_show_filtered_sets_the_controls(page, notes):
    flt = ListFilter(date_from=date(2026, 11, 1), date_to=date(2026, 11, 30),
                     concern="diem_nong", follow_up="open", area_id=notes.area,
                     search="dat", sort="due_on", descending=False)
    page.show_filtered(flt)
    assert page.period.choice.currentData() == "month"
    assert page.period.range() == (date(2026, 11, 1), date(2026, 11, 30))
    assert page.search.text() == "dat"
    assert page.filters.combos["concern"].currentText() == "Điểm nóng"
    assert page.filters.combos["follow_up"].currentText() == "Chưa giải quyết xong"
    assert page.filters.combos["area_id"].currentData() == notes.area
    assert page.view.horizontalHeader().sortIndicatorSection() == page.model.column_of("due_on")
    assert page.current_filter() == flt
    assert summaries(page) == ["Tranh chấp đất đai ở khu phố 1"]
    page.show_filtered(ListFilter(overdue=True, date_from=date(2026, 10, 3)))
    assert page.period.choice.currentData() == "custom"
    assert page.filters.overdue.isChecked()
    assert page.search.text() == "" and not page.filters.combos["concern"].currentData()
    assert summaries(page) == ["Tranh chấp đất đai ở khu phố 1"]
    page.show_filtered(ListFilter(deleted=True))
    assert page.trash.isChecked() and summaries(page) == []
    assert "Thùng rác không có" in page.empty.text()


def test_state_is_remembered_and_a_vanished_filter_dropped(qtbot, ctx, notes, settings):
    first = make_page(qtbot, ctx, settings=settings)
    choose(first.filters.combos["category_id"], notes.order)
    choose(first.filters.combos["concern"], "thap")
    first.period.choose("year")
    click_header(qtbot, first, first.model.column_of("area"))
    first.view.setColumnWidth(first.model.column_of("category"), 222)
    first.close()
    settings.sync()
    stored = json.loads(settings.value("lists/opinions/filters"))
    assert stored["filters"]["concern"] == "thap" and stored["sort"] == "area"

    second = make_page(qtbot, ctx, settings=settings)
    assert second.filters.combos["category_id"].currentData() == notes.order
    assert second.filters.combos["concern"].currentData() == "thap"
    assert second.period.choice.currentData() == "year"
    assert second.model.filter.sort == "area"
    assert second.view.columnWidth(second.model.column_of("category")) == 222
    assert summaries(second) == ["Kết quả xét nghiệm dương tính"]
    second.close()

    state = json.loads(settings.value("lists/opinions/filters"))
    state["filters"]["category_id"] = 99999          # a category that no longer exists
    state["filters"]["attitude"] = "khong_ro"        # a code that no longer exists
    settings.setValue("lists/opinions/filters", json.dumps(state))
    third = make_page(qtbot, ctx, settings=settings)
    assert third.filters.combos["category_id"].currentData() is None
    assert third.filters.combos["attitude"].currentData() is None
    assert third.filters.combos["concern"].currentData() == "thap"
    assert summaries(third) == ["Kết quả xét nghiệm dương tính"]


def test_broken_settings_are_ignored(qtbot, ctx, notes, settings):
    settings.setValue("lists/opinions/filters", "{not json")
    settings.setValue("lists/opinions/widths", "[1, 2]")
    page = make_page(qtbot, ctx, settings=settings)
    assert len(summaries(page)) == 4


def test_pages_keep_their_own_state(qtbot, ctx, notes, settings):
    opinions = make_page(qtbot, ctx, settings=settings)
    choose(opinions.filters.combos["concern"], "cao")
    meetings = make_page(qtbot, ctx, MEETING_PAGE, settings=settings)
    assert set(meetings.filters.combos) == {"meeting_type"}
    assert meetings.filters.values() == {"meeting_type": None}


def test_period_filter(meetings, ctx, make_meetings):
    make_meetings(ctx, 40)      # from 05/01/2026 on, one a day
    meetings.period.choose("month")  # November 2026: none of them
    assert meetings.model.total() == 0
    assert "khoảng thời gian đã chọn" in meetings.empty.text()
    meetings.period.choose("year")
    assert meetings.model.total() == 40
    meetings.period.date_from.set_value(date(2026, 1, 10))
    meetings.period.date_to.set_value(date(2026, 1, 12))
    assert meetings.period.choice.currentData() == "custom"
    assert sorted(titles(meetings)) == ["Giao ban số 6", "Giao ban số 7", "Giao ban số 8"]
    meetings.period.choose("all")
    assert meetings.period.range() == (None, None)
    assert meetings.model.total() == 40
