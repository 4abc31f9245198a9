"""Rows that repeat a catalogue row or an earlier row (services/excel/duplicates.py)."""

from __future__ import annotations

import pytest

from tgdesk.services import excel, lists

from xlsx_files import filled     # tests/services/excel is on sys.path


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
