"""The workbook as a whole (services/excel/workbook.py): header row, merged cells, bad files."""

from __future__ import annotations

import pytest
from openpyxl import Workbook, load_workbook

from tgdesk.services import excel
from tgdesk.services.errors import UserError

from xlsx_files import filled, names, reasons_of     # tests/services/excel is on sys.path


def test_merged_cells_make_their_rows_bad(ctx, tmp_path):
    path = filled(tmp_path, "categories", [["Đất đai", None], ["Môi trường", "Rác"],
                                           ["Giá cả", None], ["Y tế", None]])
    wb = load_workbook(path)
    wb.worksheets[0].merge_cells("B3:B4")
    wb.save(path)
    preview = excel.preview_import(ctx, "categories", path)
    assert [g.row_number for g in preview.good] == [2, 5]
    bad = reasons_of(preview)
    assert set(bad) == {3, 4}
    assert all(excel.MERGED_REASON in r[0] and "B3:B4" in r[0] for r in bad.values())
    assert excel.commit_import(ctx, "categories", preview) == 2
    assert names(ctx, "categories") == ["Đất đai", "Y tế"]


def test_title_rows_above_the_header_and_extra_columns_are_tolerated(ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Lĩnh vực"])               # a title that happens to be a header name
    ws.merge_cells("A1:C1")
    ws.append([])
    ws.append(["STT", "Lĩnh vực", "Mô tả"])
    ws.append([1, "Đất đai", "Đền bù"])
    ws.append([2, None, None])            # numbered but otherwise blank: skipped
    wb.save(tmp_path / "tieu_de.xlsx")
    preview = excel.preview_import(ctx, "categories", tmp_path / "tieu_de.xlsx")
    assert preview.header_row == 3
    assert preview.ignored_columns == ["STT"]
    assert [(g.row_number, g.record.name) for g in preview.good] == [(4, "Đất đai")]
    assert preview.bad == []


def test_wrong_columns_name_the_missing_header(ctx, tmp_path):
    path = filled(tmp_path, "areas", [["Khu phố 1", "Khu phố", None]])
    with pytest.raises(UserError, match="thiếu cột bắt buộc “Tên chi bộ\\*”"):
        excel.preview_import(ctx, "cells", path)
    path = filled(tmp_path, "documents", [], name="vb.xlsx")
    wb = load_workbook(path)
    wb.worksheets[0].delete_cols(3)        # drop "Ngày ban hành*"
    wb.worksheets[0].append(["Nghị quyết", "1-NQ", "ĐU", "A"])
    wb.save(path)
    with pytest.raises(UserError) as err:
        excel.preview_import(ctx, "documents", path)
    assert "“Ngày ban hành*”" in str(err.value)
    assert "“Số, ký hiệu*”" not in str(err.value)


def test_a_repeated_column_is_refused(ctx, tmp_path):
    wb = Workbook()
    wb.active.append(["Tên chi bộ", "Bí thư", "Chi bộ"])
    wb.active.append(["Chi bộ 1", "An", "Chi bộ 2"])
    wb.save(tmp_path / "lap.xlsx")
    with pytest.raises(UserError, match="Cột “Tên chi bộ” xuất hiện hai lần ở dòng tiêu đề 1"):
        excel.preview_import(ctx, "cells", tmp_path / "lap.xlsx")


def test_unrecognised_headers_are_refused(ctx, tmp_path):
    wb = Workbook()
    wb.active.append(["Cột A", "Cột B"])
    wb.active.append(["x", "y"])
    wb.save(tmp_path / "la.xlsx")
    with pytest.raises(UserError, match="không tìm thấy dòng tiêu đề"):
        excel.preview_import(ctx, "cells", tmp_path / "la.xlsx")


def test_empty_sheet_and_header_only_are_refused(ctx, tmp_path):
    Workbook().save(tmp_path / "trong.xlsx")
    with pytest.raises(UserError, match="trống"):
        excel.preview_import(ctx, "cells", tmp_path / "trong.xlsx")
    path = filled(tmp_path, "cells", [[None, None, None, None]], name="mau.xlsx")
    with pytest.raises(UserError, match="không có dòng dữ liệu"):
        excel.preview_import(ctx, "cells", path)


def test_a_text_file_renamed_xlsx_is_refused(ctx, tmp_path):
    path = tmp_path / "danh_sach.xlsx"
    path.write_text("Tên chi bộ;Bí thư\nChi bộ 1;An\n", encoding="utf-8")
    with pytest.raises(UserError, match="không phải tệp Excel .xlsx hoặc đã bị hỏng"):
        excel.preview_import(ctx, "cells", path)
    old = tmp_path / "cu.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    with pytest.raises(UserError, match=".xls cũ"):
        excel.preview_import(ctx, "cells", old)
    with pytest.raises(UserError, match="Không tìm thấy tệp"):
        excel.preview_import(ctx, "cells", tmp_path / "khong_co.xlsx")
