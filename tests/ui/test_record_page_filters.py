"""The opinions list page: search box, filters, sort by header, counts, empty
states, show_filtered, remembered state (QSettings), printing, hot spots."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pdfplumber
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtPrintSupport import QPrinter

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.records import Area, OpinionCategory, OpinionNote
from tgdesk.services import lists
from tgdesk.services.kinds import AREAS, CATEGORIES, OPINIONS
from tgdesk.ui import record_print
from tgdesk.ui.events import DataBus
from tgdesk.ui.record_page import RecordPage
from tgdesk.ui.record_specs import MEETING_PAGE, OPINION_PAGE

pytestmark = pytest.mark.gui

SUMMARY = 2        # column of the summary


@pytest.fixture
def notes(ctx, catalogue):
    n = SimpleNamespace(cat=catalogue["category"], area=catalogue["area"])
    n.order = CATEGORIES.create(ctx, OpinionCategory(name="An ninh trật tự")).id
    n.kp2 = AREAS.create(ctx, Area(name="Khu phố 2")).id

    def note(day, summary, **kw):
        kw.setdefault("category_id", n.cat)
        return OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, day), summary=summary,
                                                **kw)).id
    n.land = note(3, "Tranh chấp đất đai ở khu phố 1", area_id=n.area, attitude="buc_xuc",
                  concern="diem_nong", follow_up="dang_xu_ly", due_on=date(2026, 11, 20),
                  proposal="Đề nghị đối thoại")
    n.road = note(5, "Đường Lê Lợi xuống cấp", area_id=n.kp2, concern="cao")
    n.test = note(6, "Kết quả xét nghiệm dương tính", category_id=n.order, concern="thap")
    n.calm = note(8, "Đồng tình chủ trương chỉnh trang", attitude="dong_tinh",
                  concern="trung_binh", follow_up="da_giai_quyet")
    return n


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "state.ini"), QSettings.Format.IniFormat)


def make_page(qtbot, ctx, spec=OPINION_PAGE, settings=None):
    page = RecordPage(ctx, DataBus(), spec, settings=settings)
    qtbot.addWidget(page)
    page.resize(1100, 600)
    page.show()
    return page


@pytest.fixture
def page(qtbot, ctx, notes, settings):
    return make_page(qtbot, ctx, settings=settings)


def summaries(page):
    return [page.model.index(r, SUMMARY).data() for r in range(page.model.rowCount())]


def type_search(qtbot, page, text):
    """Type into the search box and wait for the debounced reload."""
    with qtbot.waitSignal(page.model.modelReset):
        page.search.setText(text)


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


def test_nothing_found_says_what_to_try(qtbot, page):
    type_search(qtbot, page, "khong co dau")
    assert page.stack.currentWidget() is page.empty
    assert "Không tìm thấy ý kiến dư luận nào" in page.empty.text()
    assert "bỏ dấu" in page.empty.text() and "Bỏ lọc" in page.empty.text()
    assert page.clear_button.isEnabled()
    page.clear_button.click()
    assert len(summaries(page)) == 4
    assert not page.clear_button.isEnabled()


def choose(combo, value):
    combo.setCurrentIndex(combo.findData(value))


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
    page.period.date_to.setDate(date(2026, 11, 2))
    assert summaries(page) == []
    page.clear_filters()
    assert len(summaries(page)) == 4
    assert page.period.range() == (None, None)
    assert not page.filters.is_active()


def click_header(qtbot, page, column):
    header = page.view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


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


def test_hot_spots_and_overdue_stand_out(page, notes):
    model = page.model
    row = model.row_of(notes.land)
    other = model.row_of(notes.road)
    idx = model.index(row, SUMMARY)
    font = model.data(idx, Qt.ItemDataRole.FontRole)
    assert isinstance(font, QFont) and font.bold()
    assert model.data(idx, Qt.ItemDataRole.BackgroundRole) is not None
    assert not model.data(model.index(row, 0), Qt.ItemDataRole.DecorationRole).isNull()
    assert "Điểm nóng" in model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
    due = model.index(row, model.column_of("due_on"))
    assert model.data(due, Qt.ItemDataRole.ForegroundRole) is not None
    assert "Quá hạn" in model.data(due, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(other, SUMMARY), Qt.ItemDataRole.FontRole) is None
    assert model.data(model.index(other, SUMMARY), Qt.ItemDataRole.BackgroundRole) is None
    assert model.data(model.index(other, 0), Qt.ItemDataRole.DecorationRole) is None


def test_print_document_holds_the_current_list(qtbot, page, tmp_path):
    type_search(qtbot, page, "duong")
    doc = page.print_document()
    text = doc.toPlainText()
    assert "Dư luận xã hội" in text and "tìm “duong”" in text
    assert "Đường Lê Lợi xuống cấp" in text and "Kết quả xét nghiệm dương tính" in text
    assert "Tranh chấp đất đai" not in text
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "list.pdf"
    printer.setOutputFileName(str(out))
    record_print.print_to(printer, doc)
    with pdfplumber.open(out) as pdf:
        pdf_text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    assert "Đường Lê Lợi" in pdf_text


def test_print_cuts_a_very_long_list(page, monkeypatch):
    monkeypatch.setattr(record_print, "PRINT_LIMIT", 2)
    text = page.print_document().toPlainText()
    assert "chỉ in 2 bản ghi đầu" in text
    assert "Đồng tình chủ trương" in text and "Tranh chấp" not in text


def test_ctrl_p_prints_through_the_dialog(qtbot, page, monkeypatch):
    printed = []
    monkeypatch.setattr("tgdesk.ui.record_page.print_dialog",
                        lambda parent, doc: printed.append(doc.toPlainText()) or True)
    page.activateWindow()
    qtbot.waitActive(page)
    page.view.setFocus()
    qtbot.waitUntil(page.view.hasFocus)
    qtbot.keyClick(page.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert len(printed) == 1 and "Tranh chấp đất đai" in printed[0]


def test_restore_an_opinion_from_the_trash(qtbot, page, ctx, notes, monkeypatch):
    monkeypatch.setattr("tgdesk.ui.record_page.confirm", lambda *a: True)
    page.select_id(notes.road)
    page.delete_record()
    assert "Đường Lê Lợi xuống cấp" not in summaries(page)
    page.trash.setChecked(True)
    assert summaries(page) == ["Đường Lê Lợi xuống cấp"]
    assert page.footer.text() == "1 ý kiến dư luận trong thùng rác"
    page.view.selectRow(0)
    qtbot.mouseClick(page.restore_button, Qt.MouseButton.LeftButton)
    assert summaries(page) == []
    page.trash.setChecked(False)
    assert "Đường Lê Lợi xuống cấp" in summaries(page)
    assert lists.count(ctx, "opinions", ListFilter(deleted=True)) == 0


def test_catalogue_change_refreshes_the_choices(page, ctx):
    new = CATEGORIES.create(ctx, OpinionCategory(name="Văn hóa, xã hội")).id
    assert page.filters.combos["category_id"].findData(new) < 0
    page.bus.changed("categories")
    assert page.filters.combos["category_id"].findData(new) > 0


def test_context_menu_offers_the_follow_up(page, notes):
    row = page.model.row_of(notes.road)
    pos = page.view.visualRect(page.model.index(row, 1)).center()
    menu = page.context_menu(pos)
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["Sửa…", "Xử lý…", "Xóa", "Thêm…", "In danh sách…"]
    assert page.selected_id() == notes.road
    follow = menu.actions()[1]
    follow.trigger()
    assert page.dialog.windowTitle() == "Xử lý ý kiến dư luận"
    page.dialog.reject()
    page.trash.setChecked(True)
    assert [a.text() for a in page.context_menu(pos).actions()] == ["Khôi phục",
                                                                   "In danh sách…"]


def test_default_settings_are_redirected_in_tests(qtbot, ctx, tmp_path_factory):
    """The page's own settings live in the user scope, which the tests redirect."""
    page = make_page(qtbot, ctx)
    path = page.state.settings.fileName()
    assert path.startswith(str(tmp_path_factory.getbasetemp())) and "tgdesk" in path
