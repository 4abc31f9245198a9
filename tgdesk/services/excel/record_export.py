"""Writing the Excel files of propaganda activities, online-team entries and
exemplary models: the import template with its guide, and the export of a list
(the records a list page shows, in its order) with the template's columns, so
that an exported file can be edited and imported again."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Classification
from tgdesk.domain.filters import ListFilter
from tgdesk.store import queries

from ..context import Context
from ..kinds import RECORD_KINDS
from .limits import MAX_ROWS
from .record_cells import id_names, record_values
from .record_import import RECORD_DUPLICATE_REASON, SAME
from .record_specs import REF_CATALOGUE, record_spec
from .specs import GUIDE_SHEET, ColumnSpec
from .writing import (_HEADER_FILL, _HEADER_FONT, _WRAP, DATE_FORMAT, _header, _put,
                      _save)

CHUNK = 500
VALUES_SHEET = "Giá trị"           # hidden: the choices of the drop-down lists
MAT = Classification.MAT.value


@dataclass(frozen=True)
class RecordExport:
    path: Path
    written: int            # records in the file
    held_back: int = 0      # Mật records of the list left out

    def text(self, noun: str) -> str:
        out = f"Đã xuất {vf.number(self.written)} {noun} ra tệp “{self.path.name}”."
        if self.held_back:
            out += (f" {vf.number(self.held_back)} bản ghi Mật không được đưa vào tệp (chọn xuất cả bản "
                    "ghi Mật nếu thật cần).")
        return out


def _allowed(col: ColumnSpec, catalogue_names: dict[str, list[str]]) -> str:
    if col.enum is not None:
        return "; ".join(m.label for m in col.enum)
    if col.parse == "yesno":
        return "Có; Không"
    names = catalogue_names.get(REF_CATALOGUE.get(col.parse, ""), [])
    if names:
        shown = names[:60]
        more = f"; … (còn {len(names) - 60} mục khác trong danh mục)" if len(names) > 60 else ""
        return "; ".join(shown) + more
    return ""


def _data_sheet(wb: Workbook, spec):
    """The data sheet: header row, formats, and a drop-down list for coded values
    (its choices on a hidden sheet: labels hold commas, which an inline list splits)."""
    ws = wb.active
    ws.title = spec.sheet
    _header(ws, [c.header for c in spec.columns], [c.width for c in spec.columns])
    values = None
    for i, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(i)
        if col.parse == "date":
            ws.column_dimensions[letter].number_format = DATE_FORMAT
        elif col.parse != "int":
            ws.column_dimensions[letter].number_format = "@"
        choices = ([m.label for m in col.enum] if col.enum is not None
                   else ["Có", "Không"] if col.parse == "yesno" else None)
        if not choices:
            continue
        if values is None:
            values = wb.create_sheet(VALUES_SHEET)
            values.sheet_state = "hidden"
        for r, text in enumerate(choices, start=1):
            _put(values, r, i, text)
        dv = DataValidation(type="list", allow_blank=True, errorStyle="warning",
                            formula1=f"'{VALUES_SHEET}'!${letter}$1:${letter}${len(choices)}")
        dv.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
        ws.add_data_validation(dv)
    return ws


def write_record_template(kind: str, path: str | Path, ctx: Context | None = None) -> Path:
    """An empty import file: the header row and a "Hướng dẫn" sheet; with ``ctx``
    the guide lists the names of the catalogues the columns refer to."""
    spec = record_spec(kind)
    path = Path(path)
    catalogue_names: dict[str, list[str]] = {}
    if ctx is not None:
        with ctx.reading() as session:
            for col in spec.columns:
                catalogue = REF_CATALOGUE.get(col.parse)
                if catalogue and catalogue not in catalogue_names:
                    rows = queries.catalogue_rows(session, catalogue, include_inactive=False)
                    catalogue_names[catalogue] = [r.get("name") or r.get("full_name")
                                                  for r in rows]
    wb = Workbook()
    _data_sheet(wb, spec)
    guide = wb.create_sheet(GUIDE_SHEET)
    for letter, width in zip("ABCDE", (24, 11, 60, 24, 50)):
        guide.column_dimensions[letter].width = width
    refs = ", ".join(f"“{c.label}”" for c in spec.columns if c.parse in REF_CATALOGUE)
    lines = [
        (f"{spec.title.upper()} — HƯỚNG DẪN NHẬP TỪ EXCEL",),
        (f"1. Ghi mỗi dòng một bản ghi vào trang “{spec.sheet}”, bắt đầu từ dòng 2; không sửa, "
         "không xóa dòng tiêu đề. Cột có dấu * là bắt buộc; cột lạ (như STT) được bỏ qua.",),
        ("2. Không gộp ô (merge cells); dòng có ô gộp sẽ bị loại. Ngày ghi ngày/tháng/năm. "
         "Số ghi số nguyên không âm; để trống là 0. Dòng trống được bỏ qua.",),
        (f"3. Các cột {refs} ghi đúng tên một mục đã có trong danh mục tương ứng (có dấu hay "
         "không, hoa hay thường đều được); nhập danh mục trước nếu chưa có.",),
        ("4. Lưu tệp dạng .xlsx, chọn Nhập từ Excel, xem trước: dòng lỗi được nêu số dòng và lý "
         "do; chỉ khi bấm Xác nhận các dòng hợp lệ mới được lưu.",),
        (f"5. Dòng {SAME[kind]} với bản ghi đã có được báo “{RECORD_DUPLICATE_REASON}” và "
         "không nhập lại (trừ khi chọn giữ cả bản ghi trùng).",),
        (),
    ]
    for r, line in enumerate(lines, start=1):
        for c, text in enumerate(line, start=1):
            _put(guide, r, c, text)
    guide.cell(1, 1).font = Font(bold=True, size=13)
    start = len(lines) + 1
    for c, text in enumerate(["Cột", "Bắt buộc", "Cách ghi", "Ví dụ", "Giá trị cho phép"],
                             start=1):
        cell = _put(guide, start, c, text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for r, col in enumerate(spec.columns, start=start + 1):
        row = [col.label, "Có" if col.required else "", col.help, col.example,
               _allowed(col, catalogue_names)]
        for c, text in enumerate(row, start=1):
            _put(guide, r, c, text).alignment = _WRAP
    wb.active = 0
    _save(wb, path)
    return path


def export_record_list(ctx: Context, kind: str, path: str | Path,
                       flt: ListFilter = ListFilter(), include_classified: bool = False
                       ) -> RecordExport:
    """The records of ``kind`` matching ``flt`` (the list page's filters, search
    and sort), in the list's order, to an .xlsx file with the template's columns.
    Mật records are left out (and counted) unless ``include_classified``."""
    spec = record_spec(kind)
    crud_kind = RECORD_KINDS[kind]
    path = Path(path)
    fields = [f.name for f in dataclasses.fields(spec.record)]
    wb = Workbook()
    ws = _data_sheet(wb, spec)
    written = held = 0
    with ctx.reading() as session:
        ids = queries.record_ids(session, kind, flt, today=ctx.today())
        names = id_names(session)
        for part in range(0, len(ids), CHUNK):
            for data in queries.ROWS[kind](session, ids[part:part + CHUNK]):
                if data["classification"] == MAT and not include_classified:
                    held += 1
                    continue
                rec = crud_kind.record(**{n: data[n] for n in fields if n in data})
                written += 1
                for c, (col, value) in enumerate(zip(spec.columns,
                                                     record_values(spec, rec, names)), start=1):
                    cell = _put(ws, written + 1, c, value)
                    if col.parse == "date" and value is not None:
                        cell.number_format = DATE_FORMAT
    if written:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(spec.columns))}{written + 1}"
    _save(wb, path)
    return RecordExport(path, written, held)
