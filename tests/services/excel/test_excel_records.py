"""Excel for the records of issue 15 (services/excel/record_*.py): a list's export
imports back to the same records; template; coded values by label, catalogue
rows by name; bad rows named with their column; duplicates; Mật left out."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from openpyxl import Workbook, load_workbook

from tgdesk.domain.filters import ListFilter
from tgdesk.services import excel, lists
from tgdesk.services.errors import UserError
from tgdesk.services.kinds import RECORD_KINDS

from activity_samples import AREA, CAMPAIGN, CELL, MEMBER, add_samples
from xlsx_files import reasons_of

KINDS = ("propaganda", "online", "models")


def _plain(rec) -> dict:
    return {k: v for k, v in dataclasses.asdict(rec).items() if k not in ("id", "uuid")}


def _records(ctx, kind) -> list[dict]:
    ids = lists.record_ids(ctx, kind)
    return sorted((_plain(RECORD_KINDS[kind].get(ctx, i)) for i in ids), key=repr)


def _typed(tmp_path, kind: str, rows: list[list], ctx=None):
    """The template of ``kind`` with ``rows`` typed under the header."""
    path = tmp_path / f"nhap-{kind}.xlsx"
    excel.write_record_template(kind, path, ctx)
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def _row(kind: str, **cells) -> list:
    """A row of the template's columns, by label; the others blank."""
    labels = [c.label for c in excel.RECORD_SPECS[kind].columns]
    unknown = set(cells) - set(labels)
    assert not unknown, unknown
    return [cells.get(label) for label in labels]


@pytest.mark.parametrize("kind", KINDS)
def test_an_exported_list_imports_back_to_the_same_records(ctx, tmp_path, kind):
    samples = add_samples(ctx)
    before = _records(ctx, kind)
    mine = [r for r in before if r["classification"] == "thuong"]
    assert len(mine) == 2
    done = excel.export_record_list(ctx, kind, tmp_path / "ds.xlsx")
    assert (done.written, done.held_back) == (2, 1 if kind == "online" else 0)
    for rid in samples.ids[kind]:
        RECORD_KINDS[kind].delete(ctx, rid)
    preview = excel.preview_record_import(ctx, kind, tmp_path / "ds.xlsx")
    assert preview.bad == [] and preview.duplicates == []
    assert [g.row_number for g in preview.good] == [2, 3]
    assert excel.commit_record_import(ctx, kind, preview) == 2
    assert _records(ctx, kind) == before


def test_the_export_names_catalogue_rows_and_labels_and_leaves_zeros_blank(ctx, tmp_path):
    add_samples(ctx)
    excel.export_record_list(ctx, "propaganda", tmp_path / "tt.xlsx")
    ws = load_workbook(tmp_path / "tt.xlsx").worksheets[0]
    head = [c.value for c in ws[1]]
    rows = [dict(zip(head, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    assert [r["Ngày*"].date() for r in rows] == [date(2026, 11, 9), date(2026, 11, 2)]
    visual = rows[1]
    assert (visual["Hình thức*"], visual["Đợt, chủ đề"], visual["Khu dân cư"], visual["Chi bộ"],
            visual["Băng rôn"], visual["Pano"], visual["Độ mật"]) == (
        "Trực quan (băng rôn, khẩu hiệu, pano, áp phích, cờ)", CAMPAIGN, AREA, CELL, 12, None,
        "Thường")


def test_the_export_follows_the_lists_filter_and_keeps_mat_only_when_asked(ctx, tmp_path):
    add_samples(ctx)
    only = excel.export_record_list(ctx, "propaganda", tmp_path / "loa.xlsx",
                                    ListFilter(propaganda_form="loa_dai"))
    assert only.written == 1
    out = excel.export_record_list(ctx, "online", tmp_path / "o.xlsx")
    assert (out.written, out.held_back) == (2, 1)
    assert "1 bản ghi Mật không được đưa vào tệp" in out.text("việc")
    ws = load_workbook(tmp_path / "o.xlsx").worksheets[0]
    assert "Clip xuyên tạc" not in str(list(ws.values))
    full = excel.export_record_list(ctx, "online", tmp_path / "o2.xlsx", include_classified=True)
    assert (full.written, full.held_back) == (3, 0)
    ws = load_workbook(tmp_path / "o2.xlsx").worksheets[0]
    assert any(r[-1] == "Mật" and "Clip xuyên tạc" in r[4] for r in ws.iter_rows(
        min_row=2, values_only=True))


def test_the_template_has_the_headers_a_guide_and_drop_down_lists(ctx, tmp_path):
    add_samples(ctx)
    path = excel.write_record_template("online", tmp_path / "mau.xlsx", ctx)
    wb = load_workbook(path)
    assert wb.sheetnames == ["Nhóm trên mạng", "Giá trị", "Hướng dẫn"]
    assert wb["Giá trị"].sheet_state == "hidden"
    ws = wb.worksheets[0]
    assert [c.value for c in ws[1]] == [c.header for c in excel.RECORD_SPECS["online"].columns]
    formulas = {dv.formula1 for dv in ws.data_validations.dataValidation}
    assert "'Giá trị'!$B$1:$B$3" in formulas          # the three entry kinds
    guide = [r for r in wb["Hướng dẫn"].iter_rows(values_only=True)]
    member = next(r for r in guide if r[0] == "Thành viên nhóm")
    assert member[4] == MEMBER


def test_labels_short_forms_and_names_are_read_and_wrong_content_starts_mat(ctx, tmp_path):
    add_samples(ctx)
    path = _typed(tmp_path, "online", [
        _row("online", **{"Ngày": "07/11/2026", "Loại việc": "phát hiện", "Kênh": "fb",
                          "Nội dung": "Bài viết sai sự thật về giá đất",
                          "Thành viên nhóm": "doan thi mang", "Loại thông tin xấu": "sai su that",
                          "Biện pháp xử lý": "Đã được gỡ bỏ"}),
        _row("online", **{"Ngày": date(2026, 11, 8), "Loại việc": "Đăng tin", "Kênh": "Zalo",
                          "Nội dung": "Chia sẻ tin Đại hội", "Bài đăng": "2",
                          "Lượt chia sẻ": "1.200"})])
    preview = excel.preview_record_import(ctx, "online", path)
    assert preview.bad == []
    found, shared = (g.record for g in preview.good)
    assert (found.entry_kind, found.channel, found.content_kind, found.action,
            found.classification) == ("phat_hien", "facebook", "sai_su_that", "da_go", "mat")
    assert found.member_id is not None
    assert (shared.posts, shared.shares, shared.classification) == (2, 1200, "thuong")
    assert preview.good[0].values[0] == "07/11/2026"


def test_bad_rows_are_named_with_their_column_and_nothing_is_saved(ctx, tmp_path):
    add_samples(ctx)
    path = _typed(tmp_path, "propaganda", [
        _row("propaganda", **{"Ngày": "31/02/2026", "Hình thức": "Trực quan",
                              "Nội dung tuyên truyền": "Ngày không có thật", "Băng rôn": 3}),
        _row("propaganda", **{"Ngày": "05/11/2026", "Hình thức": "Múa rối",
                              "Nội dung tuyên truyền": "Hình thức lạ"}),
        _row("propaganda", **{"Ngày": "05/11/2026", "Hình thức": "Loa",
                              "Nội dung tuyên truyền": "Số của hình thức khác",
                              "Băng rôn": 2, "Bản tin, lượt phát": 1}),
        _row("propaganda", **{"Ngày": "05/11/2026", "Hình thức": "Trực quan",
                              "Nội dung tuyên truyền": "Đợt không có",
                              "Đợt, chủ đề": "Đợt không có trong danh mục", "Pano": "ba"}),
        _row("propaganda", **{"Ngày": "05/12/2026", "Hình thức": "Tờ rơi",
                              "Nội dung tuyên truyền": "Ngày tương lai",
                              "Tờ rơi, tài liệu (bản)": -5}),
        _row("propaganda", **{"Ngày": "06/11/2026", "Hình thức": "Nói chuyện",
                              "Nội dung tuyên truyền": "Dòng tốt", "Buổi nói chuyện": 1,
                              "Lượt người tham dự": 80, "Khu dân cư": AREA})])
    preview = excel.preview_record_import(ctx, "propaganda", path)
    why = reasons_of(preview)
    assert "Ngày: “31/02/2026” không phải ngày hợp lệ" in why[2][0]
    assert "Hình thức: “Múa rối” không có trong danh sách" in why[3][0]
    assert any("Băng rôn: không thuộc hình thức “Loa, đài truyền thanh”" in m for m in why[4])
    assert any("Đợt, chủ đề: “Đợt không có trong danh mục” không có trong danh mục đợt, chủ "
               "đề tuyên truyền" in m for m in why[5])
    assert any("Pano: “ba” không phải số nguyên" in m for m in why[5])
    assert any("còn ở tương lai" in m for m in why[6])
    assert any("không được là số âm" in m for m in why[6])
    assert [g.row_number for g in preview.good] == [7]
    before = lists.count(ctx, "propaganda")
    assert excel.commit_record_import(ctx, "propaganda", preview) == 1
    assert lists.count(ctx, "propaganda") == before + 1


def test_duplicates_of_kept_records_and_of_earlier_rows_are_skipped_unless_kept(ctx, tmp_path):
    add_samples(ctx)
    excel.export_record_list(ctx, "models", tmp_path / "m.xlsx")
    wb = load_workbook(tmp_path / "m.xlsx")
    ws = wb.worksheets[0]
    ws.append([date(2026, 11, 10), "Cá nhân", "Ông Lê Văn Mới", None, None, None, None])
    ws.append([date(2026, 11, 10), "ca nhan", "ông lê  văn MỚI", None, None, None, None])
    wb.save(tmp_path / "m.xlsx")
    preview = excel.preview_record_import(ctx, "models", tmp_path / "m.xlsx")
    assert [g.row_number for g in preview.good] == [4]
    dups = {d.row_number: (d.existing_id is not None, d.earlier_row) for d in preview.duplicates}
    assert dups == {2: (True, None), 3: (True, None), 5: (False, 4)}
    assert "Trùng với mô hình, điển hình đã có ngày" in reasons_of(preview)[2][0]
    assert "Trùng với dòng 4 trong tệp" in reasons_of(preview)[5][0]
    assert excel.commit_record_import(ctx, "models", preview) == 1
    again = excel.preview_record_import(ctx, "models", tmp_path / "m.xlsx")
    assert again.good == []
    assert excel.commit_record_import(ctx, "models", again, keep_duplicates=True) == 4
    assert lists.count(ctx, "models") == 2 + 1 + 4


def test_a_file_without_a_required_column_is_refused_naming_it(ctx, tmp_path):
    wb = Workbook()
    wb.active.append(["Ngày", "Nội dung tuyên truyền", "Băng rôn"])
    wb.active.append(["05/11/2026", "Treo băng rôn", 3])
    wb.save(tmp_path / "thieu.xlsx")
    with pytest.raises(UserError, match="thiếu cột bắt buộc “Hình thức\\*”"):
        excel.preview_record_import(ctx, "propaganda", tmp_path / "thieu.xlsx")


def test_a_commit_refuses_all_when_a_catalogue_row_went_away(ctx, tmp_path):
    from tgdesk.services.kinds import CAMPAIGNS

    samples = add_samples(ctx)
    path = _typed(tmp_path, "propaganda", [
        _row("propaganda", **{"Ngày": "05/11/2026", "Hình thức": "Trực quan",
                              "Nội dung tuyên truyền": "Cờ mới", "Cờ (Tổ quốc, Đảng)": 50,
                              "Đợt, chủ đề": CAMPAIGN})])
    preview = excel.preview_record_import(ctx, "propaganda", path)
    assert len(preview.good) == 1
    CAMPAIGNS.delete(ctx, samples.refs["campaign"])
    with pytest.raises(UserError, match="Dòng 2: .*Không dòng nào được lưu"):
        excel.commit_record_import(ctx, "propaganda", preview)
    assert lists.count(ctx, "propaganda") == 2
