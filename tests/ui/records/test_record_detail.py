"""The detail pane under a list (the selected record's whole text, the search's
matches marked), the marks in the list's text column, and the phrase count."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from record_lists import SUMMARY, ini_settings, make_page, type_search

from tgdesk.domain.records import OpinionNote
from tgdesk.domain.search_query import parse_query
from tgdesk.services.kinds import OPINIONS
from tgdesk.ui.records.record_detail import NOTHING_SELECTED, detail_html
from tgdesk.ui.records.search_marks import ELLIPSIS, MARK_BACKGROUND, marked_html, shown_part

pytestmark = pytest.mark.gui

LONG = ("Người dân khu phố 1 băn khoăn về thời gian giải quyết hồ sơ cấp giấy chứng nhận "
        "quyền sử dụng đất còn kéo dài, có hồ sơ nộp từ đầu năm vẫn chưa được trả kết quả.")


@pytest.fixture
def long_note(ctx, notes):
    return OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 10), category_id=notes.cat,
                                            area_id=notes.area, summary=LONG,
                                            proposal="Đề nghị công khai tiến độ")).id


@pytest.fixture
def page(qtbot, ctx, notes, long_note, tmp_path):
    return make_page(qtbot, ctx, settings=ini_settings(tmp_path))


def select(page, row):
    page.view.selectRow(row)
    return page.detail.toPlainText()


def test_the_pane_shows_the_selected_notes_whole_text_with_marks(qtbot, page, notes):
    assert page.detail.toPlainText() == NOTHING_SELECTED
    type_search(qtbot, page, "dat dai")
    # the phrase match first though older, then the note with the words apart
    assert [page.model.id_at(r) for r in range(2)][0] == notes.land
    page.view.viewport().repaint()                     # the list shows its first page
    loads = page.model.pages_loaded
    assert loads >= 1
    text = select(page, 1)
    assert LONG in text                                # whole, not cut as in the column
    assert "Đề nghị công khai tiến độ" in text
    assert "Khu phố 1" in text and "Ngày nắm bắt: 10/11/2026" in text
    assert page.model.pages_loaded == loads            # the row came from the model's page
    html = page.detail.toHtml()
    assert html.count(f"background-color:{MARK_BACKGROUND}") == 2    # đất, dài
    text = select(page, 0)
    assert "Tranh chấp đất đai ở khu phố 1" in text and "Đề nghị đối thoại" in text
    assert "Hạn xử lý: 20/11/2026 (quá hạn)" in text
    assert "Tình trạng xử lý: Đang xử lý" in text
    page.view.clearSelection()
    assert page.detail.toPlainText() == NOTHING_SELECTED


def test_the_footer_counts_the_phrase_matches(qtbot, page):
    type_search(qtbot, page, "dat dai")
    assert page.footer.text() == "2 ý kiến dư luận phù hợp (1 có đủ cụm từ “dat dai”, xếp trước)"
    type_search(qtbot, page, '"dat dai"')
    assert page.footer.text() == "1 ý kiến dư luận phù hợp"
    type_search(qtbot, page, "kéo khu")
    assert page.footer.text() == "1 ý kiến dư luận phù hợp (không ý kiến dư luận nào có đủ "\
                                 "cụm từ “kéo khu”)"


def _marked_pixels(page, column) -> int:
    view = page.view
    image = view.viewport().grab().toImage()
    x0 = view.columnViewportPosition(column)
    mark = QColor(MARK_BACKGROUND).rgb()
    return sum(1 for x in range(x0, x0 + view.columnWidth(column))
               for y in range(0, min(image.height(), view.rowHeight(0) * 2))
               if image.pixel(x, y) == mark)


def test_the_list_marks_the_matched_words(qtbot, page):
    assert _marked_pixels(page, SUMMARY) == 0
    type_search(qtbot, page, "dat dai")
    page.view.clearSelection()
    qtbot.wait(10)
    assert _marked_pixels(page, SUMMARY) > 100
    assert _marked_pixels(page, 1) == 0                 # the category is not searched


def test_the_split_is_remembered(qtbot, ctx, notes, tmp_path):
    first = make_page(qtbot, ctx, settings=ini_settings(tmp_path))
    handle = first.split.handle(1)
    y = handle.height() // 2
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=QPoint(20, y))
    qtbot.mouseMove(handle, QPoint(20, y - 80))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=QPoint(20, y - 80))
    sizes = first.split.sizes()
    assert first.state.detail_sizes() == sizes
    second = make_page(qtbot, ctx, settings=ini_settings(tmp_path))
    assert second.state.detail_sizes() == sizes


# --- the markup and the narrow cell ------------------------------------------------

def test_marked_html_escapes_and_keeps_lines():
    html = marked_html("Đất <b> & đai\nkéo dài", parse_query("dat dai"))
    assert html.count("<span") == 3 and "&lt;b&gt; &amp;" in html and "<br>" in html
    assert ">Đất</span>" in html and ">dài</span>" in html
    assert marked_html("a < b", None) == "a &lt; b"


def test_detail_html_marks_only_searched_fields():
    row = {"noted_on": date(2026, 11, 3), "category": "Đất đai – môi trường", "area": "KP 1",
           "summary": "Tranh chấp đất đai", "proposal": None, "follow_up": "moi",
           "due_on": None, "passed_to": None}
    html = detail_html("opinions", row, parse_query("dat dai"))
    assert "Lĩnh&nbsp;vực:</b> Đất đai – môi trường" in html     # the category: no mark
    assert html.count(MARK_BACKGROUND) == 2 and "Đề xuất" not in html


def test_a_narrow_cell_starts_shortly_before_the_first_match():
    text = "Người dân băn khoăn về thời gian giải quyết hồ sơ đất đai còn kéo dài"
    ranges = [(text.index("đất"), text.index("đất") + 3), (text.index("đai"), text.index("đai") + 3)]
    assert shown_part(text, ranges, lambda s: True) == (text, ranges)
    shown, moved = shown_part(text, ranges, lambda s: len(s) <= 30)
    assert shown.startswith(ELLIPSIS) and len(shown[:moved[1][1]]) <= 30
    assert [shown[s:e] for s, e in moved] == ["đất", "đai"]
