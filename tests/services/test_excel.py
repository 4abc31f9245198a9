"""Catalogue import/export through real .xlsx files written and read with openpyxl."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from tgdesk.domain.records import Area, Cell, OpinionCategory, PartyDocument, Person
from tgdesk.services import catalogue_ops, excel, lists
from tgdesk.services.errors import UserError
from tgdesk.services.kinds import AREAS, CATEGORIES, CELLS, DOCUMENTS, PEOPLE


def filled(tmp_path, kind: str, rows: list[list], name: str = "nhap.xlsx"):
    """The template of ``kind`` with ``rows`` typed under the header."""
    path = tmp_path / name
    excel.write_template(kind, path)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def names(ctx, kind: str, field: str = "name") -> list:
    return [r[field] for r in lists.catalogue(ctx, kind)]


def reasons_of(preview) -> dict[int, list[str]]:
    return {b.row_number: b.reasons for b in preview.bad}


# --- template ----------------------------------------------------------------------------

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


# --- round trips ---------------------------------------------------------------------------

def test_cells_round_trip(ctx, tmp_path):
    path = filled(tmp_path, "cells", [["Chi bộ Khu phố 1", "Lê Văn Đức", 42, "Ghi chú"],
                                      ["Chi bộ Khu phố 2", None, "35", None]])
    preview = excel.preview_import(ctx, "cells", path)
    assert preview.bad == []
    assert [g.row_number for g in preview.good] == [2, 3]
    assert names(ctx, "cells") == []
    assert excel.commit_import(ctx, "cells", preview) == 2
    rows = lists.catalogue(ctx, "cells")
    assert [(r["name"], r["secretary"], r["member_count"], r["note"], r["active"])
            for r in rows] == [("Chi bộ Khu phố 1", "Lê Văn Đức", 42, "Ghi chú", True),
                               ("Chi bộ Khu phố 2", None, 35, None, True)]
    assert len({r["uuid"] for r in rows}) == 2 and all(rows[0]["uuid"] for r in rows)


def test_areas_round_trip(ctx, tmp_path):
    path = filled(tmp_path, "areas", [["Khu phố 1", "Khu phố", None],
                                      ["Tổ dân phố 12", "to dan pho", "Gần chợ"],
                                      ["Ấp 3", "ap", None],
                                      ["Khu phố 4", None, None]])
    preview = excel.preview_import(ctx, "areas", path)
    assert preview.bad == []
    assert excel.commit_import(ctx, "areas", preview) == 4
    assert [(r["name"], r["kind"], r["note"]) for r in lists.catalogue(ctx, "areas")] == [
        ("Khu phố 1", "khu_pho", None), ("Tổ dân phố 12", "to_dan_pho", "Gần chợ"),
        ("Ấp 3", "ap", None), ("Khu phố 4", "khu_pho", None)]


def test_documents_round_trip(ctx, tmp_path):
    path = filled(tmp_path, "documents", [
        ["Nghị quyết", "35-NQ/TW", date(2018, 10, 22), "Bộ Chính trị", "Về bảo vệ nền tảng"],
        ["CHI THI", "05-CT/TW", "15/05/2016", "Bộ Chính trị", "Về học tập và làm theo Bác"],
        ["ke_hoach", "12-KH/ĐU", "2026-02-05", "Đảng ủy phường", "Kế hoạch tuyên truyền"],
    ])
    preview = excel.preview_import(ctx, "documents", path)
    assert preview.bad == []
    assert excel.commit_import(ctx, "documents", preview) == 3
    got = sorted((r["kind"], r["number_symbol"], r["issued_on"], r["issuer"])
                 for r in lists.catalogue(ctx, "documents"))
    assert got == [("chi_thi", "05-CT/TW", date(2016, 5, 15), "Bộ Chính trị"),
                   ("ke_hoach", "12-KH/ĐU", date(2026, 2, 5), "Đảng ủy phường"),
                   ("nghi_quyet", "35-NQ/TW", date(2018, 10, 22), "Bộ Chính trị")]


def test_people_round_trip_resolves_area_names(ctx, tmp_path):
    area = AREAS.create(ctx, Area(name="Khu phố 3")).id
    path = filled(tmp_path, "people", [
        ["Trần Thị Bích Ngọc", "Báo cáo viên", "0903 123 456", "Đảng ủy phường", "khu pho 3"],
        ["Nguyễn Văn An", "cong tac vien du luan xa hoi", 912345678, None, None],
        ["Lê Thị Hoa", "TTV", None, None, "Khu phố 9"],
    ])
    preview = excel.preview_import(ctx, "people", path)
    assert reasons_of(preview) == {
        4: ["Khu dân cư: “Khu phố 9” không có trong danh mục khu dân cư."]}
    assert excel.commit_import(ctx, "people", preview) == 2
    rows = {r["full_name"]: r for r in lists.catalogue(ctx, "people")}
    assert set(rows) == {"Trần Thị Bích Ngọc", "Nguyễn Văn An"}
    ngoc, an = rows["Trần Thị Bích Ngọc"], rows["Nguyễn Văn An"]
    assert (ngoc["role"], ngoc["phone"], ngoc["area_id"]) == ("bao_cao_vien", "0903 123 456",
                                                             area)
    # Excel dropped the leading zero of a phone typed as a number: it is put back.
    assert (an["role"], an["phone"], an["area_id"]) == ("ctv_dlxh", "0912345678", None)


def test_categories_round_trip(ctx, tmp_path):
    path = filled(tmp_path, "categories", [["Đất đai", "Bồi thường, tái định cư"],
                                           ["Môi trường", None]])
    preview = excel.preview_import(ctx, "categories", path)
    assert excel.commit_import(ctx, "categories", preview) == 2
    assert [(r["name"], r["description"]) for r in lists.catalogue(ctx, "categories")] == [
        ("Đất đai", "Bồi thường, tái định cư"), ("Môi trường", None)]


# --- bad rows ---------------------------------------------------------------------------------

def test_bad_rows_are_named_and_nothing_is_saved_before_commit(ctx, tmp_path):
    path = filled(tmp_path, "cells", [
        ["Chi bộ 1", None, 10, None],        # 2 good
        [None, "Lê Văn Đức", 5, None],       # 3 name missing
        ["Chi bộ 3", None, -4, None],        # 4 negative count
        ["Chi bộ 4", None, "mười", None],    # 5 not a number
        ["Chi bộ 5", None, 12.5, None],      # 6 not an integer
        [None, None, None, None],            # 7 blank: skipped silently
        ["Chi bộ 1", None, None, None],      # 8 repeats row 2
        ["Chi bộ 8", None, "2.500", None],   # 9 good (Vietnamese thousands)
    ])
    preview = excel.preview_import(ctx, "cells", path)
    assert [g.row_number for g in preview.good] == [2, 9]
    assert preview.good[1].record.member_count == 2500
    assert preview.good[1].warnings == ["Số đảng viên: 2500 là con số rất lớn, xin kiểm tra lại."]
    assert reasons_of(preview) == {
        3: ["Tên chi bộ: chưa nhập."],
        4: ["Số đảng viên: không được là số âm."],
        5: ["Số đảng viên: “mười” không phải số nguyên."],
        6: ["Số đảng viên: “12,5” không phải số nguyên."],
        8: ["Tên chi bộ “Chi bộ 1” trùng với dòng 2 trong tệp."],
    }
    assert preview.bad[0].values == ["", "Lê Văn Đức", "5", ""]
    assert names(ctx, "cells") == []
    assert excel.commit_import(ctx, "cells", preview) == 2
    assert names(ctx, "cells") == ["Chi bộ 1", "Chi bộ 8"]


def test_enum_labels_are_matched_without_diacritics_and_unknown_ones_named(ctx, tmp_path):
    path = filled(tmp_path, "documents", [
        ["nghi quyet", "01-NQ/ĐU", "01/03/2026", "Đảng ủy phường", "A"],
        ["Nghị  quyết ", "02-NQ/ĐU", "01/03/2026", "Đảng ủy phường", "B"],
        ["Quyết định", "03-QĐ/ĐU", "01/03/2026", "Đảng ủy phường", "C"],
        [None, "04-NQ/ĐU", "01/03/2026", "Đảng ủy phường", "D"],
    ])
    preview = excel.preview_import(ctx, "documents", path)
    assert [g.record.kind for g in preview.good] == ["nghi_quyet", "nghi_quyet"]
    bad = reasons_of(preview)
    assert bad[4][0].startswith("Loại văn bản: “Quyết định” không có trong danh sách (Nghị quyết,")
    assert bad[5] == ["Loại văn bản: chưa nhập."]


def test_dates_given_as_text_are_accepted_and_impossible_ones_rejected(ctx, tmp_path):
    rows = [
        ["Nghị quyết", "1-NQ", "05/02/2026", "ĐU", "text dd/mm/yyyy"],         # 2
        ["Nghị quyết", "2-NQ", "2026-02-05", "ĐU", "text ISO"],                # 3
        ["Nghị quyết", "3-NQ", "5/2/2026", "ĐU", "short"],                     # 4
        ["Nghị quyết", "4-NQ", "05-02-2026", "ĐU", "dashes"],                  # 5
        ["Nghị quyết", "5-NQ", datetime(2026, 2, 5, 0, 0), "ĐU", "real date"],  # 6
        ["Nghị quyết", "6-NQ", 46058, "ĐU", "serial number"],                  # 7
        ["Nghị quyết", "7-NQ", "31/02/2026", "ĐU", "no such day"],             # 8
        ["Nghị quyết", "8-NQ", "hôm qua", "ĐU", "not a date"],                 # 9
        ["Nghị quyết", "9-NQ", "01/12/2026", "ĐU", "future"],                  # 10
        ["Nghị quyết", "10-NQ", "01/12/1925", "ĐU", "too old"],                # 11
        ["Nghị quyết", "11-NQ", None, "ĐU", "missing"],                        # 12
    ]
    preview = excel.preview_import(ctx, "documents", filled(tmp_path, "documents", rows))
    assert {g.row_number: g.record.issued_on for g in preview.good} == {
        r: date(2026, 2, 5) for r in range(2, 8)}
    assert reasons_of(preview) == {
        8: ["Ngày ban hành: “31/02/2026” không phải ngày hợp lệ (ghi ngày/tháng/năm, "
            "ví dụ 05/02/2026)."],
        9: ["Ngày ban hành: “hôm qua” không phải ngày hợp lệ (ghi ngày/tháng/năm, "
            "ví dụ 05/02/2026)."],
        10: ["Ngày ban hành: ngày 01/12/2026 còn ở tương lai."],
        11: ["Ngày ban hành: năm 1925 không hợp lệ."],
        12: ["Ngày ban hành: chưa nhập hoặc không đúng dạng ngày/tháng/năm."],
    }


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


def test_text_is_nfc_normalised(ctx, tmp_path):
    decomposed = unicodedata.normalize("NFD", "Chi bộ Khu phố Đông")
    preview = excel.preview_import(ctx, "cells", filled(tmp_path, "cells", [[decomposed]]))
    excel.commit_import(ctx, "cells", preview)
    assert names(ctx, "cells") == [unicodedata.normalize("NFC", "Chi bộ Khu phố Đông")]


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


# --- bad files ----------------------------------------------------------------------------------

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


def test_ten_thousand_rows_preview_quickly(ctx, tmp_path):
    path = tmp_path / "lon.xlsx"
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Văn bản")
    ws.append([c.header for c in excel.SPECS["documents"].columns])
    for i in range(10_000):
        day = "31/02/2026" if i == 4_321 else f"{i % 28 + 1:02d}/{i % 12 + 1:02d}/2025"
        ws.append(["Kế hoạch", f"{i}-KH/ĐU", day, "Đảng ủy phường", f"Kế hoạch số {i}"])
    wb.save(path)
    preview = excel.preview_import(ctx, "documents", path)
    assert len(preview.good) == 9_999
    assert [b.row_number for b in preview.bad] == [4_321 + 2]
    assert excel.commit_import(ctx, "documents", preview) == 9_999
    assert len(lists.catalogue(ctx, "documents")) == 9_999


def test_commit_is_all_or_nothing_and_rechecks(ctx, tmp_path):
    path = filled(tmp_path, "categories", [["Đất đai"], ["Môi trường"]])
    preview = excel.preview_import(ctx, "categories", path)
    # Someone adds one of them by hand between preview and confirmation.
    CATEGORIES.create(ctx, OpinionCategory(name="Môi trường"))
    with pytest.raises(UserError, match="Dòng 3: .*đã có trong danh mục"):
        excel.commit_import(ctx, "categories", preview)
    assert names(ctx, "categories") == ["Môi trường"]


def test_committing_the_same_preview_twice_saves_once(ctx, tmp_path):
    preview = excel.preview_import(ctx, "cells", filled(tmp_path, "cells", [["Chi bộ 1"]]))
    assert excel.commit_import(ctx, "cells", preview) == 1
    with pytest.raises(UserError, match="đã có trong danh mục"):
        excel.commit_import(ctx, "cells", preview)
    assert names(ctx, "cells") == ["Chi bộ 1"]


def test_person_area_must_still_exist_at_commit(ctx, tmp_path):
    area = AREAS.create(ctx, Area(name="Khu phố 3")).id
    preview = excel.preview_import(ctx, "people", filled(
        tmp_path, "people", [["Lê Thị Hoa", "Tuyên truyền viên", None, None, "Khu phố 3"]]))
    AREAS.delete(ctx, area)
    with pytest.raises(UserError, match="Dòng 2: Khu dân cư: không có trong danh mục"):
        excel.commit_import(ctx, "people", preview)
    assert names(ctx, "people", "full_name") == []


# --- export --------------------------------------------------------------------------------------

@pytest.fixture
def catalogues(ctx):
    area = AREAS.create(ctx, Area(name="Khu phố 3", kind="khu_pho")).id
    AREAS.create(ctx, Area(name="Ấp 2", kind="ap"))
    CELLS.create(ctx, Cell(name="Chi bộ Khu phố 3", secretary="Lê Văn Đức", member_count=42))
    old = CELLS.create(ctx, Cell(name="Chi bộ cũ", note="=1+1")).id
    catalogue_ops.set_active(ctx, "cells", old, False)
    gone = CELLS.create(ctx, Cell(name="Chi bộ đã xóa")).id
    CELLS.delete(ctx, gone)
    DOCUMENTS.create(ctx, PartyDocument(kind="nghi_quyet", number_symbol="35-NQ/TW",
                                        issued_on=date(2018, 10, 22), issuer="Bộ Chính trị",
                                        title="Về bảo vệ nền tảng tư tưởng của Đảng"))
    DOCUMENTS.create(ctx, PartyDocument(kind="chi_thi", number_symbol="05-CT/TW",
                                        issued_on=date(2016, 5, 15), issuer="Bộ Chính trị",
                                        title="Về học tập và làm theo Bác"))
    PEOPLE.create(ctx, Person(full_name="Trần Thị Bích Ngọc", role="bao_cao_vien",
                              phone="0903 123 456", area_id=area))
    PEOPLE.create(ctx, Person(full_name="Nguyễn Văn An", role="ctv_dlxh"))
    CATEGORIES.create(ctx, OpinionCategory(name="Đất đai", description="Tái định cư"))


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
                                          None, "Khu phố 3", "Có")
    assert rows["Nguyễn Văn An"][1] == "Cộng tác viên dư luận xã hội"


@pytest.mark.parametrize("kind", list(excel.SPECS))
def test_export_then_import_reports_every_row_as_duplicate(ctx, tmp_path, catalogues, kind):
    path = tmp_path / f"{kind}.xlsx"
    count = excel.export_catalogue(ctx, kind, path)
    assert count == len(lists.catalogue(ctx, kind)) > 0
    preview = excel.preview_import(ctx, kind, path)
    assert preview.good == []
    assert len(preview.bad) == len(preview.duplicates) == count
    assert all(excel.DUPLICATE_REASON in b.reasons[0] for b in preview.bad)
    existing = {r["id"] for r in lists.catalogue(ctx, kind)}
    assert {d.existing_id for d in preview.duplicates} == existing


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


def test_documents_with_same_symbol_in_another_year_are_not_duplicates(ctx, tmp_path,
                                                                       catalogues):
    path = filled(tmp_path, "documents", [
        ["Nghị quyết", "35-NQ/TW", "22/10/2018", "Bộ Chính trị", "Lặp lại"],
        ["Nghị quyết", "35 - nq/tw", "01/02/2026", "Bộ Chính trị", "Khóa sau, trùng số"],
    ])
    preview = excel.preview_import(ctx, "documents", path)
    assert [g.row_number for g in preview.good] == [3]
    assert [d.row_number for d in preview.duplicates] == [2]


def test_people_with_same_name_but_different_phones_are_distinct(ctx, tmp_path, catalogues):
    path = filled(tmp_path, "people", [
        ["Nguyễn Văn An", "Tuyên truyền viên", "0988 000 111", None, None],   # An has no phone
        ["Tran Thi Bich Ngoc", "Báo cáo viên", "0903123456", None, None],    # same phone
        ["Trần Thị Bích Ngọc", "Báo cáo viên", "0911 222 333", None, None],  # other phone
    ])
    preview = excel.preview_import(ctx, "people", path)
    assert [d.row_number for d in preview.duplicates] == [2, 3]
    assert [g.row_number for g in preview.good] == [4]


# --- limits, checked before the workbook is loaded (issue 9) -------------------------

def _crafted(tmp_path, name: str, write_rows, strings: bytes | None = None):
    """The cells template with its sheet XML replaced by ``write_rows(fh)``'s."""
    import zipfile
    src = tmp_path / "mau.xlsx"
    excel.write_template("cells", src)
    out = tmp_path / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with zout.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/'
                             b'spreadsheetml/2006/main"><sheetData>')
                    write_rows(fh)
                    fh.write(b"</sheetData></worksheet>")
            else:
                zout.writestr(info, zin.read(info))
        if strings is not None:
            zout.writestr("xl/sharedStrings.xml", strings)
    return out


def _never_loaded(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("the workbook must be refused before it is loaded")
    monkeypatch.setattr(excel, "load_workbook", fail)


HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Tên chi bộ</t></is></c></row>'
              .encode())


def test_million_row_workbook_is_refused_before_loading(ctx, tmp_path, monkeypatch):
    def million(fh):
        fh.write(HEADER_ROW)
        for r in range(2, 1_000_002):
            fh.write(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>Chi bo %d</t></is></c></row>'
                     % (r, r, r))
    path = _crafted(tmp_path, "trieu.xlsx", million)
    _never_loaded(monkeypatch)
    with pytest.raises(UserError, match="giải nén quá lớn"):
        excel.preview_import(ctx, "cells", path)


def test_rows_beyond_the_limit_are_counted_before_loading(ctx, tmp_path, monkeypatch):
    def many(fh):
        fh.write(HEADER_ROW)
        for r in range(2, 40_002):
            fh.write(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r))
    path = _crafted(tmp_path, "nhieu.xlsx", many)
    _never_loaded(monkeypatch)
    with pytest.raises(UserError, match="hơn 20.000 dòng dữ liệu"):
        excel.preview_import(ctx, "cells", path)


def test_200_mb_cell_is_refused_before_loading(ctx, tmp_path, monkeypatch):
    def big(fh):
        fh.write(HEADER_ROW + b'<row r="2"><c r="A2" t="inlineStr"><is><t>')
        for _ in range(200):
            fh.write(b"a" * (1024 * 1024))
        fh.write(b"</t></is></c></row>")
    path = _crafted(tmp_path, "o-lon.xlsx", big)
    assert path.stat().st_size < 1024 * 1024          # it compresses to almost nothing
    _never_loaded(monkeypatch)
    with pytest.raises(UserError, match="giải nén quá lớn"):
        excel.preview_import(ctx, "cells", path)


def test_cell_longer_than_excel_allows_is_refused_before_loading(ctx, tmp_path, monkeypatch):
    def long_cell(fh):
        fh.write(HEADER_ROW + b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + b"a" * 40_000
                 + b"</t></is></c></row>")
    path = _crafted(tmp_path, "dai.xlsx", long_cell)
    _never_loaded(monkeypatch)
    with pytest.raises(UserError, match="32.767 ký tự"):
        excel.preview_import(ctx, "cells", path)
    # openpyxl itself cuts a cell at 32,767 characters; another writer may not.
    shared = _crafted(tmp_path, "chung.xlsx",
                      lambda fh: fh.write(HEADER_ROW + b'<row r="2"><c r="A2" t="s"><v>0</v></c>'
                                          b"</row>"),
                      strings=b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                              b'2006/main"><si><r><t>' + b"b" * 20_000 + b"</t></r><r><t>"
                              + b"c" * 20_000 + b"</t></r></si></sst>")
    with pytest.raises(UserError, match="32.767 ký tự"):
        excel.preview_import(ctx, "cells", shared)


def test_file_over_the_size_limit_is_refused(ctx, tmp_path, monkeypatch):
    from tgdesk.services import excel_limits
    path = filled(tmp_path, "cells", [["Chi bộ 1"]])
    monkeypatch.setattr(excel_limits, "MAX_FILE_BYTES", path.stat().st_size - 1)
    with pytest.raises(UserError, match="quá lớn"):
        excel.preview_import(ctx, "cells", path)


def test_damaged_deflate_stream_is_refused_plainly(ctx, tmp_path):
    """Found by fuzzing: zlib.error (not an OSError) escaped the row count."""
    import zipfile
    path = filled(tmp_path, "cells", [["Chi bộ 1"]] * 50)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start:start + 40] = b"\xff" * 40
    path.write_bytes(bytes(data))
    with pytest.raises(UserError, match="không phải tệp Excel .xlsx hoặc đã bị hỏng"):
        excel.preview_import(ctx, "cells", path)


def test_bad_values_in_cells_are_refused_with_row_and_column(ctx, tmp_path):
    path = filled(tmp_path, "cells", [["Chi bộ 1", None, 2**63],
                                      ["Chi bộ 2", "Lê\x85Văn"],
                                      ["x" * 10_001],
                                      ["Chi bộ 4", None, 999_999_999],
                                      ["Chi bộ 5", None, 42]])
    preview = excel.preview_import(ctx, "cells", path)
    bad = reasons_of(preview)
    assert [r.row_number for r in preview.good] == [6]
    assert "vượt quá giới hạn" in bad[2][0] and bad[2][0].startswith("Số đảng viên:")
    assert bad[3][0].startswith("Bí thư: có ký tự điều khiển (U+0085)")
    assert bad[4][0].startswith("Tên chi bộ: dài 10.001 ký tự")
    assert "vượt quá giới hạn 50.000" in bad[5][0]
