"""The documents' Excel file carries the study deadline: template, export, import;
a file made before the column existed still imports."""

from __future__ import annotations

from datetime import date, datetime

from openpyxl import Workbook, load_workbook

from tgdesk.domain.records import PartyDocument
from tgdesk.services import excel, lists
from tgdesk.services.kinds import DOCUMENTS

from xlsx_files import filled, reasons_of     # tests/services/excel is on sys.path


def deadlines(ctx) -> dict[str, date | None]:
    return {r["number_symbol"]: r["study_deadline"] for r in lists.catalogue(ctx, "documents")}


def test_export_then_import_keeps_the_deadline(ctx, tmp_path):
    DOCUMENTS.create(ctx, PartyDocument(kind="nghi_quyet", number_symbol="57-NQ/TW",
                                        issued_on=date(2024, 12, 22), issuer="Bộ Chính trị",
                                        title="Về khoa học, công nghệ",
                                        study_deadline=date(2025, 2, 28)))
    DOCUMENTS.create(ctx, PartyDocument(kind="chi_thi", number_symbol="05-CT/TW",
                                        issued_on=date(2016, 5, 15), issuer="Bộ Chính trị",
                                        title="Về học tập và làm theo Bác"))
    path = tmp_path / "vb.xlsx"
    assert excel.export_catalogue(ctx, "documents", path) == 2
    ws = load_workbook(path).worksheets[0]
    header = [c.value for c in ws[1]]
    assert header[5] == "Hạn học tập"
    rows = {r[1]: r for r in ws.iter_rows(min_row=2, values_only=True)}
    assert rows["57-NQ/TW"][5] == datetime(2025, 2, 28) and rows["05-CT/TW"][5] is None
    assert ws["F2"].number_format == "DD/MM/YYYY"

    # the exported file, renamed rows, imported into the same catalogue
    wb = load_workbook(path)
    ws = wb.worksheets[0]
    ws["B2"], ws["B3"] = "58-NQ/TW", "06-CT/TW"
    wb.save(path)
    preview = excel.preview_import(ctx, "documents", path)
    assert preview.bad == []
    excel.commit_import(ctx, "documents", preview)
    got = deadlines(ctx)
    assert got["58-NQ/TW"] == got["57-NQ/TW"] == date(2025, 2, 28)
    assert got["06-CT/TW"] is None


def test_typed_deadlines_are_read_and_checked(ctx, tmp_path):
    path = filled(tmp_path, "documents", [
        ["Nghị quyết", "57-NQ/TW", "22/12/2024", "Bộ Chính trị", "Về khoa học", "28/02/2025"],
        ["Nghị quyết", "59-NQ/TW", "24/01/2025", "Bộ Chính trị", "Về hội nhập", "31/12/2024"],
        ["Nghị quyết", "66-NQ/TW", "30/04/2025", "Bộ Chính trị", "Về pháp luật", "ngày mai"],
    ])
    preview = excel.preview_import(ctx, "documents", path)
    assert [g.record.study_deadline for g in preview.good] == [date(2025, 2, 28)]
    assert reasons_of(preview) == {
        3: ["Hạn học tập: ngày 31/12/2024 trước ngày ban hành văn bản (24/01/2025)."],
        4: ["Hạn học tập: “ngày mai” không phải ngày hợp lệ (ghi ngày/tháng/năm, ví dụ "
            "05/02/2026)."]}


def test_a_file_without_the_column_still_imports(ctx, tmp_path):
    path = tmp_path / "cu.xlsx"
    wb = Workbook()
    wb.active.append(["Loại văn bản*", "Số, ký hiệu*", "Ngày ban hành*", "Cơ quan ban hành*",
                      "Trích yếu*"])
    wb.active.append(["Chỉ thị", "05-CT/TW", "15/05/2016", "Bộ Chính trị", "Về học tập"])
    wb.save(path)
    preview = excel.preview_import(ctx, "documents", path)
    assert preview.bad == [] and excel.commit_import(ctx, "documents", preview) == 1
    assert deadlines(ctx) == {"05-CT/TW": None}
