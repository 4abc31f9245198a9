"""Cell values read into fields (services/excel/cells.py): codes, dates, numbers, text."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

from tgdesk.services import excel

from xlsx_files import filled, names, reasons_of     # tests/services/excel is on sys.path


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


def test_text_is_nfc_normalised(ctx, tmp_path):
    decomposed = unicodedata.normalize("NFD", "Chi bộ Khu phố Đông")
    preview = excel.preview_import(ctx, "cells", filled(tmp_path, "cells", [[decomposed]]))
    excel.commit_import(ctx, "cells", preview)
    assert names(ctx, "cells") == [unicodedata.normalize("NFC", "Chi bộ Khu phố Đông")]


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
