"""The campaigns catalogue (đợt, chủ đề tuyên truyền) and the people's "Nhóm 35"
column (Person.online_team) through Excel: template, import, export, round trip."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import load_workbook

from tgdesk.services import excel, lists
from tgdesk.services.kinds import PEOPLE

from xlsx_files import filled, names, reasons_of   # tests/services/excel is on sys.path

CONGRESS = "Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"


def test_campaigns_import_with_and_without_dates(ctx, tmp_path):
    path = filled(tmp_path, "campaigns", [
        ["Kỷ niệm 96 năm Ngày thành lập Đảng", "03/02/2026", datetime(2026, 2, 3), "Mừng Đảng"],
        ["Tháng hành động vì môi trường", None, None, "Tháng 6 hằng năm"],
        ["Bầu cử đại biểu Quốc hội khóa XVI", "15/03/2026", "01/03/2026", None],   # end < start
        [None, "01/01/2026", None, "không tên"],
        ["Ngày sai", "31/02/2026", None, None],
    ])
    preview = excel.preview_import(ctx, "campaigns", path)
    assert [(g.row_number, g.record.name, g.record.starts_on, g.record.ends_on)
            for g in preview.good] == [
        (2, "Kỷ niệm 96 năm Ngày thành lập Đảng", date(2026, 2, 3), date(2026, 2, 3)),
        (3, "Tháng hành động vì môi trường", None, None)]
    bad = reasons_of(preview)
    assert bad[4] == ["Ngày kết thúc: không được trước ngày bắt đầu."]
    assert "Tên đợt, chủ đề: chưa nhập" in " ".join(bad[5])
    assert "Ngày bắt đầu: “31/02/2026” không phải ngày hợp lệ" in " ".join(bad[6])
    assert excel.commit_import(ctx, "campaigns", preview) == 2
    rows = {r["name"]: r for r in lists.catalogue(ctx, "campaigns")}
    assert rows["Tháng hành động vì môi trường"]["note"] == "Tháng 6 hằng năm"
    assert rows["Kỷ niệm 96 năm Ngày thành lập Đảng"]["ends_on"] == date(2026, 2, 3)


def test_campaigns_export_imports_back_as_duplicates_and_keeps_dates(ctx, tmp_path, catalogues):
    path = tmp_path / "dot.xlsx"
    assert excel.export_catalogue(ctx, "campaigns", path) == 2
    ws = load_workbook(path).worksheets[0]
    assert [c.value for c in ws[1]] == ["Tên đợt, chủ đề*", "Ngày bắt đầu", "Ngày kết thúc",
                                        "Ghi chú", "Đang dùng"]
    rows = [list(r) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert rows == [[CONGRESS, datetime(2026, 1, 19), datetime(2026, 1, 23),
                     "Đại hội họp tại Hà Nội", "Có"],          # dated first
                    ["An toàn giao thông", None, None, None, "Có"]]
    assert ws["B2"].number_format == "DD/MM/YYYY"
    preview = excel.preview_import(ctx, "campaigns", path)
    assert preview.good == [] and len(preview.duplicates) == 2
    assert f"Tên đợt, chủ đề “{CONGRESS}” đã có trong danh mục" in preview.bad[0].reasons[0]


def test_people_template_offers_yes_or_no_for_the_online_team(tmp_path):
    wb = load_workbook(excel.write_template("people", tmp_path / "ng.xlsx"))
    ws = wb.worksheets[0]
    headers = [c.value for c in ws[1]]
    assert "Nhóm 35" in headers
    letter = "ABCDEFGH"[headers.index("Nhóm 35")]
    lists_offered = [dv.formula1 for dv in ws.data_validations.dataValidation
                     if f"{letter}2" in str(dv.sqref)]
    assert lists_offered == ['"Có,Không"']
    guide = {row[0]: row for row in wb[excel.GUIDE_SHEET].iter_rows(values_only=True)}
    assert guide["Nhóm 35"][4] == "Có; Không" and "35-NQ/TW" in guide["Nhóm 35"][2]


def test_the_online_team_column_is_read_as_yes_or_no(ctx, tmp_path):
    path = filled(tmp_path, "people", [
        ["Lê Thị Hoa", "Tuyên truyền viên", None, None, None, "Có"],
        ["Phạm Văn Bình", "TTV", None, None, None, "x"],
        ["Ngô Thị Lan", "TTV", None, None, None, None],
        ["Đỗ Văn Nam", "TTV", None, None, None, "Không"],
        ["Vũ Thị Thu", "TTV", None, None, None, "có lẽ"],
    ])
    preview = excel.preview_import(ctx, "people", path)
    assert [(g.record.full_name, g.record.online_team) for g in preview.good] == [
        ("Lê Thị Hoa", True), ("Phạm Văn Bình", True), ("Ngô Thị Lan", False),
        ("Đỗ Văn Nam", False)]
    assert reasons_of(preview)[6] == ["Nhóm 35: “có lẽ” phải là Có hoặc Không."]
    excel.commit_import(ctx, "people", preview)
    team = {r["full_name"] for r in lists.catalogue(ctx, "people") if r["online_team"]}
    assert team == {"Lê Thị Hoa", "Phạm Văn Bình"}


def test_people_round_trip_keeps_the_online_team(ctx, tmp_path, catalogues):
    """Export, empty the catalogue (the trash does not count as a duplicate), import
    the file: the flag comes back as it was."""
    path = tmp_path / "ng.xlsx"
    before = {r["full_name"]: r["online_team"] for r in lists.catalogue(ctx, "people")}
    assert set(before.values()) == {True, False}
    excel.export_catalogue(ctx, "people", path)
    for row in lists.catalogue(ctx, "people"):
        PEOPLE.delete(ctx, row["id"])
    preview = excel.preview_import(ctx, "people", path)
    assert excel.commit_import(ctx, "people", preview) == len(before)
    after = {r["full_name"]: r["online_team"] for r in lists.catalogue(ctx, "people")}
    assert after == before
    assert names(ctx, "people", "full_name")
