"""The "Nhật ký" page: local times, newest first, readable changes; the filters
narrow the table; the detail pane shows every field before and after; at most
2,000 rows with the footer saying so; Excel export read back; the chain check
on an intact and on a hand-edited database."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from tgdesk.domain.records import Meeting
from tgdesk.services.excel.audit_export import HEADER_ROW, TIME_FORMAT
from tgdesk.services.kinds import MEETINGS
from tgdesk.ui.audit.audit_page import AuditPage
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.kit import RED

from audit_entries import (EARLY_LOCAL, EARLY_UTC, LATE_LOCAL, LATE_UTC, clock_of_vietnam,
                           hand_edit, write)

pytestmark = pytest.mark.gui

LONG = "Quán triệt Nghị quyết số 35-NQ/TW của Bộ Chính trị về bảo vệ nền tảng tư tưởng. " * 12


@pytest.fixture
def vietnam():
    with clock_of_vietnam():
        yield


@pytest.fixture
def logged(ctx, vietnam):
    """Three entries: an early one by nam, two late ones by hoa (an edit, an import)."""
    write(ctx,
          (EARLY_UTC, "nam", "create", "meeting", {"title": [None, "Giao ban"], "id": [None, 1]}),
          (LATE_UTC, "hoa", "edit", "meeting",
           {"title": ["Giao ban", "Giao ban tháng 11"], "meeting_type": ["giao_ban", "so_ket"],
            "contents": [None, LONG]}),
          (LATE_UTC, "hoa", "import", "opinion_note", {"added": 120, "file": "y_kien.xlsx"},
           None, None))
    return ctx


@pytest.fixture
def make_page(qtbot):
    def make(ctx):
        page = AuditPage(ctx, DataBus())
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        return page
    return make


def column(page, title: str) -> list[str]:
    model = page.browser.model
    c = next(i for i in range(model.columnCount())
             if model.headerData(i, Qt.Orientation.Horizontal) == title)
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def test_times_are_local_newest_first_and_changes_readable(logged, make_page):
    page = make_page(logged)
    assert column(page, "Mục") == ["3", "2", "1"]
    assert column(page, "Lúc") == [LATE_LOCAL, LATE_LOCAL, EARLY_LOCAL]
    assert column(page, "Người") == ["hoa", "hoa", "nam"]
    assert column(page, "Việc") == ["Nhập dữ liệu", "Sửa", "Thêm"]
    assert column(page, "Loại") == ["Ý kiến dư luận", "Hội nghị", "Hội nghị"]
    changes = column(page, "Thay đổi")
    assert changes[0] == "Đã thêm: 120; Tệp: y_kien.xlsx"
    assert "Tên hội nghị: Giao ban → Giao ban tháng 11" in changes[1]
    assert "Loại hội nghị: Giao ban → Sơ kết" in changes[1]
    assert changes[2] == "Tên hội nghị: Giao ban"
    assert page.footer.text() == "3 mục, mới nhất trước."


def test_filters_narrow_the_table(logged, make_page, qtbot):
    page = make_page(logged)
    assert [page.actor.itemText(i) for i in range(page.actor.count())] == [
        "Mọi người", "hoa", "nam"]                              # the people the log names
    page.actor.setCurrentIndex(page.actor.findData("hoa"))
    assert column(page, "Mục") == ["3", "2"]
    page.action.setCurrentIndex(page.action.findData("edit"))
    assert column(page, "Mục") == ["2"] and page.footer.text() == "1 mục phù hợp, mới nhất trước."
    page.clear_filters()
    assert column(page, "Mục") == ["3", "2", "1"]
    page.kind.setCurrentIndex(page.kind.findText("Hội nghị"))
    assert column(page, "Mục") == ["2", "1"]
    page.clear_filters()
    page.date_from.set_value(date(2026, 11, 24))        # local days: 20:30 UTC is the 24th
    assert column(page, "Mục") == ["3", "2"]
    page.date_from.set_value(None)
    page.date_to.set_value(date(2026, 11, 23))
    assert column(page, "Mục") == ["1"]
    page.clear_filters()
    qtbot.keyClicks(page.search, "thang 11")           # without accents, after a pause
    qtbot.waitUntil(lambda: column(page, "Mục") == ["2"])
    page.search.setText("khong co dau")
    qtbot.waitUntil(lambda: column(page, "Mục") == [])
    assert page.footer.text() == "Không có mục nào phù hợp với bộ lọc."
    page.clear_filters()
    page.date_from.set_value(date(2026, 11, 25))
    page.date_to.set_value(date(2026, 11, 24))
    assert page.message.isVisible() and "phải trước" in page.message.text()


def test_the_detail_shows_every_field_before_and_after(logged, make_page):
    page = make_page(logged)
    assert page.browser.selected().seq == 3                 # the newest, at first
    assert "Mục 3" in page.browser.detail.toPlainText()
    assert page.browser.select_seq(2)
    text = page.browser.detail.toPlainText()
    assert "Mục 2" in text and LATE_LOCAL in text and "hoa" in text
    for words in ("Trường", "Trước", "Sau", "Tên hội nghị", "Giao ban tháng 11",
                  "Loại hội nghị", "Sơ kết", "Nội dung", LONG.strip()):
        assert words in text, words
    rows = [line.strip() for line in text.splitlines()]
    assert rows[rows.index("Tên hội nghị") + 1:][:2] == ["Giao ban", "Giao ban tháng 11"]
    detail = page.browser.detail
    assert detail.horizontalScrollBar().maximum() == 0       # the long text is wrapped
    assert page.browser.select_seq(3)
    assert "Chi tiết" in detail.toPlainText() and "y_kien.xlsx" in detail.toPlainText()


def test_at_most_2000_rows_and_the_footer_says_to_narrow_the_filter(ctx, make_page):
    write(ctx, *[(LATE_UTC, "hoa", "import", "opinion_note", {"added": i}) for i in range(2003)])
    page = make_page(ctx)
    assert page.browser.model.rowCount() == 2000 and page.total == 2003
    assert column(page, "Mục")[0] == "2003"
    assert page.footer.text().startswith("Đang hiện 2.000 mục mới nhất trong 2.003 mục.")
    assert "thu hẹp bộ lọc" in page.footer.text()


def test_excel_export_writes_the_filtered_entries(logged, make_page, qtbot, tmp_path):
    page = make_page(logged)
    page.actor.setCurrentIndex(page.actor.findData("hoa"))
    task = page.export_excel(str(tmp_path / "nhat-ky"))
    with qtbot.waitSignal(task.finished, timeout=30000):
        pass
    target = tmp_path / "nhat-ky.xlsx"
    assert page.exported == target and target.is_file()
    ws = load_workbook(target).active
    assert ws.cell(1, 1).value == "NHẬT KÝ THAY ĐỔI DỮ LIỆU"
    assert ws.cell(2, 1).value.startswith("Lọc: người: hoa.")
    header = [c.value for c in ws[HEADER_ROW]]
    assert header[:5] == ["Mục", "Lúc (giờ máy này)", "Người", "Việc", "Loại"]
    assert header[-1] == "Thay đổi" and ws.freeze_panes == f"A{HEADER_ROW + 1}"
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=HEADER_ROW + 1)]
    assert [r[0] for r in rows] == [3, 2]                           # only hoa's, newest first
    edit = rows[1]
    assert edit[1] == datetime(2026, 11, 24, 3, 30, 5)               # a real local time
    assert ws.cell(HEADER_ROW + 2, 2).number_format == TIME_FORMAT
    assert edit[2:6] == ["hoa", "Sửa", "Hội nghị", 1]
    lines = edit[7].split("\n")
    assert "Tên hội nghị: Giao ban → Giao ban tháng 11" in lines
    assert "Loại hội nghị: Giao ban → Sơ kết" in lines
    assert f"Nội dung: — → {LONG}" in lines
    assert rows[0][7] == "Đã thêm: 120\nTệp: y_kien.xlsx"
    assert ws.column_dimensions["H"].width >= 60


def _verify(page, qtbot):
    with qtbot.waitSignal(page.verified, timeout=30000) as signal:
        qtbot.mouseClick(page.verify_button, Qt.MouseButton.LeftButton)
    return signal.args[0]


def test_the_check_on_an_intact_log(logged, make_page, qtbot):
    page = make_page(logged)
    assert not page.notice.isVisible()
    count, breaks = _verify(page, qtbot)
    assert (count, breaks) == (3, [])
    assert page.notice.isVisible() and "Nhật ký nguyên vẹn: 3 mục" in page.notice.text()
    assert not page.is_tampered()


def test_the_check_on_a_hand_edited_log(ctx, db_path, make_page, qtbot):
    for title in ("Giao ban", "Tọa đàm", "Sơ kết"):
        MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 2), title=title))
    hand_edit(db_path, "UPDATE audit_entry SET changes = replace(changes, 'Tọa đàm', "
                       "'Tọa đàm đã sửa') WHERE seq = 2")
    page = make_page(ctx)
    count, breaks = _verify(page, qtbot)
    assert count == 3 and [b.seq for b in breaks] == [2]
    text = page.notice.text()
    assert "Nhật ký đã bị can thiệp" in text and "phát hiện 1 chỗ" in text
    assert "Mục 2 đã bị sửa sau khi ghi." in text
    assert page.is_tampered()
    model = page.browser.model
    shade = [model.data(model.index(r, 0), Qt.ItemDataRole.BackgroundRole)
             for r in range(model.rowCount())]
    assert [s.color() == QColor(RED) if s is not None else None for s in shade] == [
        None, True, None]                                    # rows 3, 2, 1: the second red
    page.browser.select_seq(2)
    assert "Bị can thiệp: Mục 2 đã bị sửa sau khi ghi." in page.browser.detail.toPlainText()
