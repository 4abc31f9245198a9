"""Preview then commit (services/excel/importing.py): round trips, bad rows, all or nothing."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from tgdesk.domain.records import Area, OpinionCategory
from tgdesk.services import excel, lists
from tgdesk.services.errors import UserError
from tgdesk.services.kinds import AREAS, CATEGORIES

from xlsx_files import filled, names, reasons_of     # tests/services/excel is on sys.path


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
    assert preview.good[1].warnings == ["Số đảng viên: 2.500 là con số rất lớn, xin kiểm tra lại."]
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
