"""Excel in the catalogue window: import with a preview, template, export.
The files are real .xlsx written with openpyxl in tmp_path."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt

from tgdesk.domain.records import Cell
from tgdesk.services import catalogue_ops, excel, lists
from tgdesk.services.kinds import CELLS
from tgdesk.ui.catalogues import catalogue_excel
from tgdesk.ui.common.app_settings import app_settings
from tgdesk.ui.catalogues.catalogue_page import CataloguePage
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.catalogues.excel_import_dialog import BAD, DUPLICATE, GOOD, PreviewModel, build_preview_data

pytestmark = pytest.mark.gui


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(catalogue_excel, "show_error", lambda _parent, text: shown.append(text))
    return shown


@pytest.fixture
def page(qtbot, ctx):
    CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1", member_count=40))
    p = CataloguePage(ctx, DataBus())
    qtbot.addWidget(p)
    p.show()
    return p


def xlsx(path: Path, kind: str, rows: list[list]) -> Path:
    """The template of ``kind`` with ``rows`` typed under the header."""
    excel.write_template(kind, path)
    wb = load_workbook(path)
    for row in rows:
        wb.worksheets[0].append(row)
    wb.save(path)
    return path


def choose(monkeypatch, path: Path | None):
    asked = []

    def fake(_parent, title, where):
        asked.append((title, where))
        return None if path is None else str(path)
    monkeypatch.setattr(catalogue_excel, "choose_open_path", fake)
    monkeypatch.setattr(catalogue_excel, "choose_save_path", fake)
    return asked


def start_import(qtbot, tab):
    """Click "Nhập từ Excel…" and wait for the preview (or the refusal)."""
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert tab.excel.busy                       # the file is read off the GUI thread
    qtbot.waitUntil(lambda: not tab.excel.busy)
    return tab.excel.preview_dialog


def cell_names(ctx) -> list[str]:
    return [r["name"] for r in lists.catalogue(ctx, "cells")]


def test_import_with_a_bad_row_shows_it_and_saves_only_the_good_rows(qtbot, page, ctx,
                                                                     tmp_path, monkeypatch,
                                                                     errors):
    path = xlsx(tmp_path / "chi_bo.xlsx", "cells", [
        ["Chi bộ Khu phố 2", "Lê Văn Đức", 35, None],     # 2 good
        ["Chi bộ Khu phố 3", None, "ba mươi", None],      # 3 bad: not a number
        ["chi bo khu pho 1", None, 40, None],             # 4 already in the catalogue
        ["Chi bộ Khu phố 4", None, "2.500", "Đông"],      # 5 good, with a warning
    ])
    tab = page.catalogue_tabs["cells"]
    choose(monkeypatch, path)
    dlg = start_import(qtbot, tab)
    assert errors == []
    assert dlg.isVisible() and dlg.windowTitle() == "Xem trước: nhập chi bộ từ Excel"
    model = dlg.model
    assert [(e.row_number, e.status) for e in model.shown] == [
        (2, GOOD), (3, BAD), (4, DUPLICATE), (5, GOOD)]
    assert model.headers[:4] == ("Dòng", "Kết quả", "Lý do, ghi chú", "Tên chi bộ")
    assert model.index(1, 0).data() == "3"
    assert model.index(1, 1).data() == "Lỗi – bỏ qua"
    assert model.index(1, 2).data() == "Số đảng viên: “ba mươi” không phải số nguyên."
    assert model.index(1, 5).data() == "ba mươi"
    assert model.index(2, 1).data() == "Trùng – bỏ qua"
    assert "Trùng với mục đang có: “Chi bộ Khu phố 1”" in model.index(2, 2).data()
    assert "con số rất lớn" in model.index(3, 2).data()          # a warning, still imported
    assert "2</b> dòng hợp lệ" in dlg.summary.text()
    assert "1</b> dòng lỗi" in dlg.summary.text()
    assert "Dòng lỗi: 3." in dlg.details.text()
    # The first refused row is selected and its whole reason is shown under the table.
    assert dlg.view.currentIndex().row() == 1 and "Dòng 3" in dlg.detail.text()
    assert dlg.ok_button.text() == "Nhập 2 dòng hợp lệ"
    assert cell_names(ctx) == ["Chi bộ Khu phố 1"]              # nothing saved yet

    dlg.filter.setCurrentIndex(dlg.filter.findData(BAD))
    assert [e.row_number for e in model.shown] == [3]

    statuses = []
    tab.status.connect(statuses.append)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.excel.busy)
    assert cell_names(ctx) == ["Chi bộ Khu phố 1", "Chi bộ Khu phố 2", "Chi bộ Khu phố 4"]
    assert [tab.model.index(r, 0).data() for r in range(3)] == cell_names(ctx)
    assert statuses == ["Đã nhập 2 chi bộ từ Excel."]
    assert app_settings().value(catalogue_excel.FOLDER_KEY) == str(tmp_path)


def test_cancelling_the_preview_saves_nothing(qtbot, page, ctx, tmp_path, monkeypatch, errors):
    path = xlsx(tmp_path / "chi_bo.xlsx", "cells", [["Chi bộ Khu phố 2", None, 35, None]])
    tab = page.catalogue_tabs["cells"]
    choose(monkeypatch, path)
    dlg = start_import(qtbot, tab)
    qtbot.mouseClick(dlg.cancel_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible() and not tab.excel.busy
    assert cell_names(ctx) == ["Chi bộ Khu phố 1"]


def test_no_file_chosen_does_nothing(qtbot, page, ctx, monkeypatch, errors):
    tab = page.catalogue_tabs["cells"]
    choose(monkeypatch, None)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    assert not tab.excel.busy and tab.excel.preview_dialog is None and errors == []


def wrong_columns(path: Path) -> Path:
    wb = Workbook()
    wb.active.append(["STT", "Họ tên", "Ghi chú"])
    wb.active.append([1, "Chi bộ 9", None])
    wb.save(path)
    return path


def empty_sheet(path: Path) -> Path:
    Workbook().save(path)
    return path


def not_excel(path: Path) -> Path:
    path.write_text("Tên chi bộ;Bí thư\nChi bộ 1;An\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("make, message", [
    (wrong_columns, "thiếu cột bắt buộc “Tên chi bộ*”"),
    (empty_sheet, "trống"),
    (not_excel, "không phải tệp Excel .xlsx hoặc đã bị hỏng"),
], ids=["wrong-columns", "empty-sheet", "not-excel"])
def test_unusable_files_get_a_clear_message_and_change_nothing(qtbot, page, ctx, tmp_path,
                                                               monkeypatch, errors, make,
                                                               message):
    tab = page.catalogue_tabs["cells"]
    choose(monkeypatch, make(tmp_path / "tep.xlsx"))
    assert start_import(qtbot, tab) is None
    assert len(errors) == 1 and message in errors[0]
    assert cell_names(ctx) == ["Chi bộ Khu phố 1"]


def test_merged_cells_and_dates_as_text_in_the_preview(qtbot, page, ctx, tmp_path,
                                                       monkeypatch, errors):
    path = xlsx(tmp_path / "van_ban.xlsx", "documents", [
        ["Nghị quyết", "35-NQ/TW", "22/10/2018", "Bộ Chính trị", "Về bảo vệ nền tảng"],
        ["Kế hoạch", "12-KH/ĐU", "31/02/2026", "Đảng ủy phường", "Ngày không có thật"],
        ["Kế hoạch", "13-KH/ĐU", "05/02/2026", "Đảng ủy phường", "Gộp ô"],
        ["Kế hoạch", "14-KH/ĐU", "06/02/2026", "Đảng ủy phường", "Gộp ô"],
    ])
    wb = load_workbook(path)
    wb.worksheets[0].merge_cells("D4:D5")
    wb.save(path)
    tab = page.catalogue_tabs["documents"]
    choose(monkeypatch, path)
    dlg = start_import(qtbot, tab)
    shown = {e.row_number: e for e in dlg.model.shown}
    assert shown[2].status == GOOD and shown[2].values[2] == "22/10/2018"
    assert shown[3].status == BAD and "“31/02/2026” không phải ngày hợp lệ" in shown[3].note
    assert shown[4].status == shown[5].status == BAD
    assert "ô gộp" in shown[4].note and "D4:D5" in shown[4].note
    assert dlg.ok_button.text() == "Nhập 1 dòng hợp lệ"
    dlg.reject()
    assert lists.catalogue(ctx, "documents") == []


def test_ten_thousand_rows_preview_in_the_background(qtbot, page, ctx, tmp_path, monkeypatch,
                                                     errors):
    path = tmp_path / "lon.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Chi bộ")
    ws.append([c.header for c in excel.SPECS["cells"].columns])
    for i in range(10_000):
        ws.append([f"Chi bộ số {i + 2}", None, "nhiều" if i == 6_000 else i % 90, None])
    wb.save(path)
    tab = page.catalogue_tabs["cells"]
    choose(monkeypatch, path)
    qtbot.mouseClick(tab.import_button, Qt.MouseButton.LeftButton)
    # The window stays responsive: the click returned at once, a busy dialog is shown.
    assert tab.excel.busy and tab.excel.task._progress.isVisible()
    qtbot.waitUntil(lambda: not tab.excel.busy, timeout=60_000)
    dlg = tab.excel.preview_dialog
    assert dlg.model.rowCount() == 10_000
    assert dlg.ok_button.text() == "Nhập 9.999 dòng hợp lệ"
    dlg.filter.setCurrentIndex(dlg.filter.findData(BAD))
    assert [e.row_number for e in dlg.model.shown] == [6_002]
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert tab.excel.busy
    qtbot.waitUntil(lambda: not tab.excel.busy, timeout=60_000)
    assert len(lists.catalogue(ctx, "cells")) == 1 + 9_999
    assert tab.model.rowCount() == 10_000


def test_a_catalogue_changed_after_the_preview_saves_nothing(qtbot, page, ctx, tmp_path,
                                                             monkeypatch, errors):
    path = xlsx(tmp_path / "chi_bo.xlsx", "cells", [["Chi bộ Khu phố 2", None, 35, None],
                                                    ["Chi bộ Khu phố 3", None, 30, None]])
    tab = page.catalogue_tabs["cells"]
    choose(monkeypatch, path)
    dlg = start_import(qtbot, tab)
    CELLS.create(ctx, Cell(name="Chi bộ Khu phố 3"))          # typed by hand meanwhile
    dlg.accept()
    qtbot.waitUntil(lambda: not tab.excel.busy)
    assert len(errors) == 1 and "Dòng 3" in errors[0] and "Không dòng nào được lưu" in errors[0]
    assert cell_names(ctx) == ["Chi bộ Khu phố 1", "Chi bộ Khu phố 3"]


def test_preview_model(qtmodeltester, ctx, tmp_path):
    CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1"))
    path = xlsx(tmp_path / "chi_bo.xlsx", "cells", [
        ["Chi bộ Khu phố 2", None, 35, None], ["Chi bộ Khu phố 1", None, None, None],
        [None, "An", "x", None]])
    data = build_preview_data(ctx, "cells", excel.preview_import(ctx, "cells", path),
                              lambda r: r["name"])
    model = PreviewModel(data)
    assert model.rowCount() == 3 and model.columnCount() == 3 + 4
    qtmodeltester.check(model)
    model.show_only(DUPLICATE)
    assert model.rowCount() == 1
    qtmodeltester.check(model)


def test_template_is_written_where_chosen(qtbot, page, ctx, tmp_path, monkeypatch, errors):
    tab = page.catalogue_tabs["people"]
    folder = tmp_path / "mau"
    folder.mkdir()
    asked = choose(monkeypatch, folder / "mang_luoi")            # no suffix typed
    qtbot.mouseClick(tab.template_button, Qt.MouseButton.LeftButton)
    target = folder / "mang_luoi.xlsx"
    assert target.exists() and errors == []
    wb = load_workbook(target)
    assert [c.value for c in wb.worksheets[0][1]] == [c.header for c in
                                                       excel.SPECS["people"].columns]
    assert excel.GUIDE_SHEET in wb.sheetnames
    # The next file dialog starts in the folder used last.
    tab.template_button.click()
    assert Path(asked[1][1]).parent == folder
    assert Path(asked[1][1]).name.startswith("Mau_nhap_danh_sach_bao_cao_vien")


def test_export_writes_every_row(qtbot, page, ctx, catalogue, tmp_path, monkeypatch, errors):
    catalogue_ops.set_active(ctx, "documents", catalogue["doc2"], False)
    tab = page.catalogue_tabs["documents"]
    tab.refresh()
    choose(monkeypatch, tmp_path / "van_ban.xlsx")
    statuses = []
    tab.status.connect(statuses.append)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    ws = load_workbook(tmp_path / "van_ban.xlsx").worksheets[0]
    rows = list(ws.iter_rows(min_row=2, values_only=True))
    assert len(rows) == len(lists.catalogue(ctx, "documents")) == 2
    assert sorted(r[1] for r in rows) == ["05-CT/TW", "35-NQ/TW"]
    assert sorted(r[-1] for r in rows) == ["Có", "Không"]
    assert statuses == ["Đã xuất 2 văn bản ra tệp “van_ban.xlsx”."]


def test_export_to_a_folder_that_cannot_be_written(qtbot, page, ctx, tmp_path, monkeypatch,
                                                   errors):
    tab = page.catalogue_tabs["cells"]
    choose(monkeypatch, tmp_path / "khong_co" / "chi_bo.xlsx")
    tab.export_button.click()
    assert len(errors) == 1 and "Không ghi được tệp" in errors[0]


def test_a_file_of_known_rows_only_offers_nothing_to_import(qtbot, page, ctx, tmp_path,
                                                            monkeypatch, errors):
    path = xlsx(tmp_path / "chi_bo.xlsx", "cells", [["CHI BỘ KHU PHỐ 1", None, None, None]])
    tab = page.catalogue_tabs["cells"]
    choose(monkeypatch, path)
    dlg = start_import(qtbot, tab)
    assert not dlg.ok_button.isEnabled()
    assert dlg.ok_button.text() == "Không có dòng hợp lệ để nhập"
    assert "Dòng 2" in dlg.detail.text()
    assert "Trùng với mục đang có: “Chi bộ Khu phố 1”" in dlg.detail.text()
    dlg.reject()
    assert cell_names(ctx) == ["Chi bộ Khu phố 1"]


def test_duplicates_are_skipped_unless_kept(qtbot, page, ctx, tmp_path, monkeypatch, errors):
    path = xlsx(tmp_path / "chi_bo.xlsx", "cells", [
        ["Chi bộ Khu phố 2", None, 35, None],      # 2 new
        ["Chi bộ Khu phố 1", None, 40, None],      # 3 already in the catalogue
        ["Chi bộ Khu phố 2", None, 36, None],      # 4 repeats row 2
    ])
    tab = page.catalogue_tabs["cells"]
    choose(monkeypatch, path)
    dlg = start_import(qtbot, tab)
    assert [(e.row_number, e.status) for e in dlg.model.shown] == [
        (2, GOOD), (3, DUPLICATE), (4, DUPLICATE)]
    assert "2</b> dòng có vẻ trùng" in dlg.summary.text()
    assert "trùng với dòng 2 trong tệp" in dlg.model.index(2, 2).data()
    assert not dlg.keep_duplicates.isChecked() and dlg.keep_duplicates.isEnabled()
    assert dlg.ok_button.text() == "Nhập 1 dòng hợp lệ"
    dlg.keep_duplicates.setChecked(True)
    assert dlg.ok_button.text() == "Nhập 3 dòng (có 2 dòng trùng)"
    assert dlg.model.index(1, 1).data() == "Trùng – vẫn nhập"
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.excel.busy)
    assert errors == []
    assert sorted(cell_names(ctx)) == ["Chi bộ Khu phố 1", "Chi bộ Khu phố 1",
                                       "Chi bộ Khu phố 2", "Chi bộ Khu phố 2"]


def test_unticked_the_same_file_twice_adds_its_rows_once(qtbot, page, ctx, tmp_path,
                                                         monkeypatch, errors):
    path = xlsx(tmp_path / "chi_bo.xlsx", "cells", [["Chi bộ Khu phố 2", None, 35, None]])
    tab = page.catalogue_tabs["cells"]
    choose(monkeypatch, path)
    for _ in range(2):
        dlg = start_import(qtbot, tab)
        if dlg.ok_button.isEnabled():
            qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: not tab.excel.busy)
        else:
            assert dlg.model.shown[0].status == DUPLICATE and not dlg.keep_duplicates.isChecked()
            dlg.reject()
    assert cell_names(ctx) == ["Chi bộ Khu phố 1", "Chi bộ Khu phố 2"]
