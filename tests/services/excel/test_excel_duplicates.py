"""Rows that repeat a catalogue row or an earlier row (services/excel/duplicates.py)."""

from __future__ import annotations

import pytest

from tgdesk.services import excel, lists

from xlsx_files import filled, names, reasons_of     # tests/services/excel is on sys.path


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


def test_the_same_file_imported_twice_adds_its_rows_once(ctx, tmp_path, catalogues):
    path = filled(tmp_path, "areas", [["Khu phố 7", "Khu phố", None], ["Ấp 9", "Ấp", None]])
    assert excel.commit_import(ctx, "areas", excel.preview_import(ctx, "areas", path)) == 2
    again = excel.preview_import(ctx, "areas", path)
    assert again.good == [] and [d.row_number for d in again.duplicates] == [2, 3]
    assert excel.commit_import(ctx, "areas", again) == 0
    assert sorted(names(ctx, "areas")) == ["Khu phố 3", "Khu phố 7", "Ấp 2", "Ấp 9"]


def test_equal_rows_of_one_file_are_caught_and_kept_only_when_asked(ctx, tmp_path, catalogues):
    path = filled(tmp_path, "cells", [
        ["Chi bộ Khu phố 5", None, 20, None],     # 2 new
        ["chi bo khu pho 5", None, 21, None],     # 3 repeats row 2 (compared loosely)
        ["Chi bộ Khu phố 3", None, 42, None],     # 4 already in the catalogue
    ])
    preview = excel.preview_import(ctx, "cells", path)
    assert [g.row_number for g in preview.good] == [2]
    dups = {d.row_number: d for d in preview.duplicates}
    assert dups[3].earlier_row == 2 and dups[3].existing_id is None
    assert dups[4].earlier_row is None and dups[4].existing_id is not None
    assert "trùng với dòng 2 trong tệp" in reasons_of(preview)[3][0]
    before = names(ctx, "cells")
    assert excel.commit_import(ctx, "cells", preview) == 1
    assert sorted(names(ctx, "cells")) == sorted(before + ["Chi bộ Khu phố 5"])


def test_kept_duplicates_are_saved_in_file_order(ctx, tmp_path, catalogues):
    path = filled(tmp_path, "cells", [
        ["Chi bộ Khu phố 5", None, 20, None],
        ["chi bo khu pho 5", None, 21, None],
        ["Chi bộ Khu phố 3", None, 42, None],
    ])
    preview = excel.preview_import(ctx, "cells", path)
    before = names(ctx, "cells")
    assert excel.commit_import(ctx, "cells", preview, keep_duplicates=True) == 3
    assert names(ctx, "cells")[len(before):] == ["Chi bộ Khu phố 5", "chi bo khu pho 5",
                                                  "Chi bộ Khu phố 3"]
