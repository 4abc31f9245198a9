"""The record list page: empty states, the count under the list, refreshing after
a change elsewhere, how hot spots and overdue notes stand out, and where its
settings live."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from record_lists import (
    SUMMARY,
    make_page,
    meetings_page,
    summaries,
    titles,
    type_search,
)

from tgdesk.domain.records import OpinionCategory
from tgdesk.services.kinds import CATEGORIES

pytestmark = pytest.mark.gui


@pytest.fixture
def page(qtbot, ctx):
    return meetings_page(qtbot, ctx)


def test_empty_state_says_what_to_do(page):
    assert page.stack.currentWidget() is page.empty
    assert "Chưa có hội nghị nào" in page.empty.text()
    assert "Ctrl+N" in page.empty.text()
    assert not page.edit_button.isEnabled() and not page.delete_button.isEnabled()


def test_list_refreshes_when_another_window_saves(page, ctx, make_meetings):
    make_meetings(ctx, 1)
    assert titles(page) == []
    page.bus.changed("meetings")
    assert titles(page) == ["Giao ban số 1"]


def test_nothing_found_says_what_to_try(qtbot, opinions):
    type_search(qtbot, opinions, "khong co dau")
    assert opinions.stack.currentWidget() is opinions.empty
    assert "Không tìm thấy ý kiến dư luận nào" in opinions.empty.text()
    assert "bỏ dấu" in opinions.empty.text() and "Bỏ lọc" in opinions.empty.text()
    assert opinions.clear_button.isEnabled()
    opinions.clear_button.click()
    assert len(summaries(opinions)) == 4
    assert not opinions.clear_button.isEnabled()


def test_hot_spots_and_overdue_stand_out(opinions, notes):
    model = opinions.model
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


def test_catalogue_change_refreshes_the_choices(opinions, ctx):
    new = CATEGORIES.create(ctx, OpinionCategory(name="Văn hóa, xã hội")).id
    assert opinions.filters.combos["category_id"].findData(new) < 0
    opinions.bus.changed("categories")
    assert opinions.filters.combos["category_id"].findData(new) > 0


def test_default_settings_are_redirected_in_tests(qtbot, ctx, tmp_path_factory):
    """The page's own settings live in the user scope, which the tests redirect."""
    page = make_page(qtbot, ctx)
    path = page.state.settings.fileName()
    assert path.startswith(str(tmp_path_factory.getbasetemp())) and "tgdesk" in path
