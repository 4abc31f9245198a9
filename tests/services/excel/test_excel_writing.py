"""Writing catalogue files (services/excel/writing.py): the template and its guide, the export."""

from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import load_workbook

from tgdesk.domain.records import Area
from tgdesk.services import excel, lists
from tgdesk.services.kinds import AREAS


@pytest.mark.parametrize("kind", list(excel.SPECS))
def test_template_has_bold_frozen_header_and_a_guide(tmp_path, kind):
    path = excel.write_template(kind, tmp_path / f"{kind}.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == [excel.SPECS[kind].sheet, excel.GUIDE_SHEET]
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    assert headers == [c.header for c in excel.SPECS[kind].columns]
    assert all(c.font.b for c in ws[1])
    assert ws.freeze_panes == "A2"
    assert ws.column_dimensions["A"].width == excel.SPECS[kind].columns[0].width
    assert ws.max_row == 1
    guide = [[c.value for c in row] for row in wb[excel.GUIDE_SHEET].iter_rows()]
    labels = [row[0] for row in guide]
    for col in excel.SPECS[kind].columns:
        assert col.label in labels


def test_template_guide_lists_allowed_values(tmp_path):
    wb = load_workbook(excel.write_template("documents", tmp_path / "vb.xlsx"))
    guide = {row[0]: row for row in wb[excel.GUIDE_SHEET].iter_rows(values_only=True)}
    assert guide["Loại văn bản"][1] == "Có"
    assert "Nghị quyết; Chỉ thị; Kết luận" in guide["Loại văn bản"][4]
    assert guide["Ngày ban hành"][3] == "22/10/2018"


def test_people_template_guide_lists_existing_areas(ctx, tmp_path):
    AREAS.create(ctx, Area(name="Khu phố 3"))
    AREAS.create(ctx, Area(name="Ấp Bình Lợi", kind="ap"))
    wb = load_workbook(excel.write_template("people", tmp_path / "ng.xlsx", ctx))
    guide = {row[0]: row for row in wb[excel.GUIDE_SHEET].iter_rows(values_only=True)}
    assert guide["Khu dân cư"][4] == "Khu phố 3; Ấp Bình Lợi"


def test_export_writes_live_rows_with_labels_real_dates_and_active_flag(ctx, tmp_path,
                                                                       catalogues):
    assert excel.export_catalogue(ctx, "cells", tmp_path / "cb.xlsx") == 2
    ws = load_workbook(tmp_path / "cb.xlsx").worksheets[0]
    assert [list(r) for r in ws.iter_rows(values_only=True)] == [
        ["Tên chi bộ*", "Bí thư", "Số đảng viên", "Ghi chú", "Đang dùng"],
        ["Chi bộ Khu phố 3", "Lê Văn Đức", 42, None, "Có"],
        ["Chi bộ cũ", None, None, "=1+1", "Không"],       # text, not a formula
    ]
    assert ws["D3"].data_type == "s"

    excel.export_catalogue(ctx, "documents", tmp_path / "vb.xlsx")
    ws = load_workbook(tmp_path / "vb.xlsx").worksheets[0]
    assert ws["A2"].value == "Nghị quyết"
    assert ws["C2"].value == datetime(2018, 10, 22)
    assert ws["C2"].number_format == "DD/MM/YYYY"
    assert ws["C2"].is_date

    excel.export_catalogue(ctx, "people", tmp_path / "ng.xlsx")
    ws = load_workbook(tmp_path / "ng.xlsx").worksheets[0]
    rows = {r[0]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["Trần Thị Bích Ngọc"] == ("Trần Thị Bích Ngọc", "Báo cáo viên", "0903 123 456",
                                          None, "Khu phố 3", "Có", "Có")   # nhóm 35, đang dùng
    assert rows["Nguyễn Văn An"][1] == "Cộng tác viên dư luận xã hội"
    assert rows["Nguyễn Văn An"][5] == "Không"


def test_edited_export_imports_new_rows_and_inactive_flag(ctx, tmp_path, catalogues):
    path = tmp_path / "cb.xlsx"
    excel.export_catalogue(ctx, "cells", path)
    wb = load_workbook(path)
    wb.worksheets[0].append(["Chi bộ Khu phố 7", None, 20, None, "Không"])
    wb.save(path)
    preview = excel.preview_import(ctx, "cells", path)
    assert [(g.row_number, g.record.name, g.record.active) for g in preview.good] == [
        (4, "Chi bộ Khu phố 7", False)]
    excel.commit_import(ctx, "cells", preview)
    assert {r["name"]: r["active"] for r in lists.catalogue(ctx, "cells")}["Chi bộ Khu phố 7"] \
        is False
