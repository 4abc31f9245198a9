"""The "Tiến độ học tập" page on the demo ward: the documents with the service's figures,
a document's cells below, the dates changing the figures, sorting, Excel, the empty
states, refreshing on the data bus; the overview's tile in the main window."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from tgdesk import vnformat as vf
from tgdesk.domain.records import Cell, PartyDocument, StudySession
from tgdesk.services import coverage
from tgdesk.services.excel.coverage_export import DOCUMENT_SHEET, HEADER_ROW
from tgdesk.services.kinds import CELLS, DOCUMENTS, STUDIES
from tgdesk.ui.common import kit
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.coverage.coverage_page import NO_CELLS, NO_DOCUMENTS, CoveragePage
from demo_db import open_copy

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 24)


@pytest.fixture
def demo(demo_template, tmp_path):
    ctx = open_copy(demo_template(years=2, seed=1), tmp_path)
    yield ctx
    ctx.close()


@pytest.fixture
def make_page(qtbot):
    def make(ctx, bus=None):
        page = CoveragePage(ctx, bus or DataBus())
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        return page
    return make


def _texts(model, row: int) -> list[str]:
    return [model.data(model.index(row, c)) for c in range(model.columnCount())]


def _expected_row(dc) -> list[str]:
    rate = lambda x: vf.percent(x) if x is not None else ""          # noqa: E731
    late = f"{dc.cells_late} ({dc.days_late} ngày)" if dc.cells_late else ""
    return [coverage.document_name(dc.document), dc.state.label,
            vf.short_date(dc.deadline) if dc.deadline else "—",
            f"{dc.cells_done}/{dc.cells_total}", rate(dc.cells_rate),
            f"{vf.number(dc.members_covered)}/{vf.number(dc.members_total)}",
            rate(dc.members_rate), late, dc.document.title]


def test_the_documents_show_the_services_figures(demo, make_page):
    page = make_page(demo)
    found = coverage.coverage(demo)
    assert page.model.rowCount() == len(found) >= 5
    assert [_texts(page.model, r) for r in range(len(found))] == [_expected_row(dc)
                                                                  for dc in found]
    states = {page.model.data(page.model.index(r, 1)) for r in range(len(found))}
    assert states == {"Đã xong", "Đang triển khai", "Quá hạn"}
    assert not page.empty.isVisible() and page.splitter.isVisible()


def test_choosing_a_document_fills_its_cells(demo, make_page, qtbot):
    page = make_page(demo)
    found = coverage.coverage(demo)
    row = next(i for i, dc in enumerate(found) if dc.days_late)
    dc = found[row]
    rect = page.view.visualRect(page.model.index(row, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert page.selected_id() == dc.document.id
    cells = page.cell_model
    assert cells.rowCount() == dc.cells_total
    shown = [_texts(cells, r) for r in range(cells.rowCount())]
    assert [(r[0], r[1], r[2], r[5]) for r in shown] == [
        (c.name, c.state.label, str(c.days_late) if c.days_late else "", vf.number(c.covered))
        for c in dc.cells]
    todo = next(r for r in shown if r[1] == "Quá hạn, chưa tổ chức")
    assert todo[2] == str(dc.days_late) and todo[7] == ""
    assert coverage.document_name(dc.document) in page.caption.text()
    assert f"{dc.cells_done}/{dc.cells_total}" in page.caption.text()
    assert page.ward.isVisible() == bool(dc.ward_sessions)
    assert "Toàn Đảng bộ" in page.ward.text()
    made_up = next(i for i, d in enumerate(found)
                   if any(c.make_up_sessions for c in d.cells))
    page.select_document(found[made_up].document.id)          # the keyboard's way too
    assert any("học bù: " in _texts(cells, r)[7] for r in range(cells.rowCount()))


def test_the_dates_change_the_figures(demo, make_page):
    page = make_page(demo)
    before = [_texts(page.model, r) for r in range(page.model.rowCount())]
    page.as_of.edit.setText("30/06/2025")
    page.as_of.edit.editingFinished.emit()
    found = coverage.coverage(demo, None, date(2025, 6, 30))
    after = [_texts(page.model, r) for r in range(page.model.rowCount())]
    assert after == [_expected_row(dc) for dc in found] and after != before
    page.since.set_value(date(2025, 6, 1))
    found = coverage.coverage(demo, None, date(2025, 6, 30), date(2025, 6, 1))
    assert [_texts(page.model, r) for r in range(page.model.rowCount())] == [
        _expected_row(dc) for dc in found]
    page.since.set_value(date(2025, 7, 1))                  # after the day counted to
    assert page.message.isVisible() and "phải trước" in page.message.text()
    assert page.export_excel(str(page.ctx.db_path.parent / "x.xlsx")) is None
    page.since.set_value(None)
    assert not page.message.isVisible()
    page.as_of.edit.setText("01/01/2027")                   # the future is refused
    page.as_of.edit.editingFinished.emit()
    assert page.as_of.error() and page.message.isVisible()


def test_a_column_sorts_and_the_choice_follows(demo, make_page):
    page = make_page(demo)
    chosen = page.model.rows[2].id
    page.select_document(chosen)
    page.view.sortByColumn(6, Qt.SortOrder.AscendingOrder)          # Tỷ lệ ĐV
    rates = [s.coverage.members_rate for s in page.model.rows]
    assert rates == sorted(rates) and rates != [dc.members_rate for dc in coverage.coverage(demo)]
    assert page.selected_id() == chosen
    page.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)         # Hạn: the blanks last
    deadlines = [s.coverage.deadline for s in page.model.rows]
    known = [d for d in deadlines if d is not None]
    assert known == sorted(known, reverse=True) and deadlines[len(known):] == [None] * (
        len(deadlines) - len(known))
    page.refresh()                                                   # the order stays
    assert [s.coverage.deadline for s in page.model.rows] == deadlines


def test_the_excel_button_writes_the_figures_shown(demo, make_page, monkeypatch, tmp_path):
    page = make_page(demo)
    page.as_of.set_value(date(2025, 12, 31))
    asked = []
    monkeypatch.setattr(kit, "ask_save_file",
                        lambda parent, title, suggested, filt: asked.append(suggested)
                        or str(tmp_path / "tien_do"))
    statuses = []
    page.status.connect(statuses.append)
    page.export_button.click()
    assert asked and asked[0].endswith("Tien_do_hoc_tap_31-12-2025.xlsx")
    path = tmp_path / "tien_do.xlsx"
    ws = load_workbook(path)[DOCUMENT_SHEET]
    rows = list(ws.iter_rows(min_row=HEADER_ROW + 1, values_only=True))
    assert [(r[2], r[6], r[9]) for r in rows] == [
        (s.coverage.document.number_symbol, s.coverage.cells_done, s.coverage.members_covered)
        for s in page.shown]
    assert ws["A2"].value == "Tính đến ngày 31/12/2025."
    assert statuses == [f"Đã xuất tiến độ học tập của {len(rows)} văn bản ra tệp "
                        "“tien_do.xlsx”."]


def test_no_document_or_no_cell_says_so_and_opens_the_catalogues(ctx, make_page, qtbot):
    bus = DataBus()
    page = make_page(ctx, bus)
    wanted = []
    page.open_catalogue.connect(wanted.append)
    assert page.empty.isVisible() and not page.splitter.isVisible()
    assert page.empty_text.text() == NO_DOCUMENTS and not page.export_button.isEnabled()
    qtbot.mouseClick(page.catalogue_button, Qt.MouseButton.LeftButton)
    DOCUMENTS.create(ctx, PartyDocument(kind="nghi_quyet", number_symbol="57-NQ/TW",
                                        issued_on=date(2024, 12, 22), issuer="Bộ Chính trị",
                                        title="Về khoa học, công nghệ"))
    bus.changed("documents")
    assert page.empty_text.text() == NO_CELLS and "Chưa có chi bộ nào" in NO_CELLS
    qtbot.mouseClick(page.catalogue_button, Qt.MouseButton.LeftButton)
    assert wanted == ["documents", "cells"]
    cell = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1", member_count=30)).id
    bus.changed("cells")
    assert not page.empty.isVisible() and _texts(page.model, 0)[3] == "0/1"
    STUDIES.create(ctx, StudySession(held_on=date(2026, 11, 5), title="Quán triệt",
                                     document_ids=[page.model.rows[0].id], cell_id=cell,
                                     party_members_expected=30, party_members_present=28))
    page.hide()
    bus.changed("studies")                 # hidden: refreshed when shown again
    assert _texts(page.model, 0)[3] == "0/1"
    page.show()
    QApplication.processEvents()
    assert _texts(page.model, 0)[3:6] == ["1/1", "100,0%", "28/30"]


def test_the_tile_counts_documents_due_and_opens_the_page(demo, qtbot):
    from tgdesk.ui.main_window import MainWindow
    window = MainWindow(demo, DataBus())
    qtbot.addWidget(window)
    window.show()
    overview = window.pages["overview"]
    due = coverage.due_unfinished(demo)
    assert len(due) >= 1
    tile = overview.tiles["coverage_due"]
    assert tile.value.text() == str(len(due)) and "sắp đến hạn" in tile.caption.text()
    qtbot.mouseClick(tile, Qt.MouseButton.LeftButton)
    page = window.current_page()
    assert page is window.pages["coverage"] and page.due_only.isChecked()
    assert sorted(r.id for r in page.model.rows) == sorted(dc.document.id for dc in due)
    page.due_only.setChecked(False)                      # every document again
    assert page.model.rowCount() > len(due)
    page.open_catalogue.emit("documents")         # "Mở trang Danh mục": at the right tab
    catalogues = window.current_page()
    assert catalogues is window.pages["catalogues"]
    assert catalogues.tabs.currentIndex() > 0
    assert catalogues.tabs.currentWidget() is catalogues.catalogue_tabs["documents"]
