"""Writing catalogue files: the import template with its guide, and the export of a catalogue."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select

from tgdesk.store import queries
from tgdesk.store import tables as t

from ..context import Context
from ..files import write_file
from ..kinds import CATALOGUE_KINDS
from .duplicates import DUPLICATE_REASON
from .limits import MAX_ROWS
from .specs import ACTIVE, GUIDE_SHEET, ColumnSpec, spec_of

DATE_FORMAT = "DD/MM/YYYY"

_HEADER_FONT = Font(bold=True)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
_WRAP = Alignment(wrap_text=True, vertical="top")


def _put(ws, row: int, col: int, value: Any):
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = ws.cell(row=row, column=col, value=value)
    if cell.data_type == "f":          # text such as "=abc" is text, never a formula
        cell.data_type = "s"
    return cell


def _header(ws, headers: list[str], widths: list[int], row: int = 1) -> None:
    """The header row (bold, shaded, wrapped) at ``row``, the column widths, and the
    rows above and including it frozen."""
    for i, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = _put(ws, row, i, text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = f"A{row + 1}"


def _save(wb: Workbook, path: Path) -> None:
    write_file(path, wb.save, "tệp Excel")


def _allowed(col: ColumnSpec, area_names: list[str] | None) -> str:
    if col.enum is not None:
        return "; ".join(m.label for m in col.enum)
    if col.parse == "area" and area_names:
        return "; ".join(area_names)
    if col.parse in ("active", "yesno"):
        return "Có; Không"
    return ""


def write_template(kind: str, path: str | Path, ctx: Context | None = None) -> Path:
    """An empty import file: the header row and a "Hướng dẫn" sheet. With ``ctx``,
    the guide of the people template lists the residential areas already kept."""
    spec = spec_of(kind)
    path = Path(path)
    area_names = None
    if kind == "people" and ctx is not None:
        with ctx.reading() as session:
            area_names = list(session.scalars(
                select(t.AreaRow.name).where(t.AreaRow.deleted.is_(False),
                                             t.AreaRow.active.is_(True))
                .order_by(t.AreaRow.name)))
    wb = Workbook()
    ws = wb.active
    ws.title = spec.sheet
    _header(ws, [c.header for c in spec.columns], [c.width for c in spec.columns])
    for i, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(i)
        if col.parse == "date":
            ws.column_dimensions[letter].number_format = DATE_FORMAT
        elif col.parse in ("text", "phone", "area", "enum", "yesno"):
            ws.column_dimensions[letter].number_format = "@"
        choices = ([m.label for m in col.enum] if col.enum is not None
                   else ["Có", "Không"] if col.parse == "yesno" else None)
        if choices:
            dv = DataValidation(type="list", allow_blank=True, errorStyle="warning",
                                formula1='"' + ",".join(choices) + '"')
            dv.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
            ws.add_data_validation(dv)

    guide = wb.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 22
    guide.column_dimensions["B"].width = 11
    guide.column_dimensions["C"].width = 60
    guide.column_dimensions["D"].width = 24
    guide.column_dimensions["E"].width = 50
    lines = [
        (f"{spec.title.upper()} — HƯỚNG DẪN NHẬP TỪ EXCEL",),
        (f"1. Ghi mỗi dòng một mục vào trang “{spec.sheet}”, bắt đầu từ dòng 2; không sửa, "
         "không xóa dòng tiêu đề. Cột có dấu * là bắt buộc.",),
        ("2. Không gộp ô (merge cells); dòng có ô gộp sẽ bị loại. Ngày ghi ngày/tháng/năm. "
         "Dòng trống được bỏ qua.",),
        ("3. Lưu tệp dạng .xlsx, chọn Nhập từ Excel, xem trước: dòng lỗi được nêu số dòng và lý "
         "do; chỉ khi bấm Xác nhận các dòng hợp lệ mới được lưu.",),
        (f"4. Mục đã có trong danh mục (trùng tên hoặc số, ký hiệu) được báo “{DUPLICATE_REASON}"
         "” và không nhập lại.",),
        (),
    ]
    for r, line in enumerate(lines, start=1):
        for c, text in enumerate(line, start=1):
            _put(guide, r, c, text)
    guide.cell(1, 1).font = Font(bold=True, size=13)
    start = len(lines) + 1
    heads = ["Cột", "Bắt buộc", "Cách ghi", "Ví dụ", "Giá trị cho phép"]
    for c, text in enumerate(heads, start=1):
        cell = _put(guide, start, c, text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
    for r, col in enumerate(spec.columns, start=start + 1):
        row = [col.label, "Có" if col.required else "", col.help, col.example,
               _allowed(col, area_names)]
        for c, text in enumerate(row, start=1):
            _put(guide, r, c, text).alignment = _WRAP
    wb.active = 0
    _save(wb, path)
    return path


def row_values(kind: str, record, area_names: dict[int, str] | None = None) -> list[Any]:
    """The record as the cells of one row of the template's columns: enum labels,
    dates as dates, a person's area by name, a yes/no as Có or Không."""
    out: list[Any] = []
    for col in spec_of(kind).columns:
        value = getattr(record, col.field)
        if col.enum is not None:
            member = col.enum.from_code(value)
            value = member.label if member is not None else value
        elif col.parse == "area":
            value = (area_names or {}).get(value) if value is not None else None
        elif col.parse == "yesno":
            value = "Có" if value else "Không"
        out.append(value)
    return out


def export_catalogue(ctx: Context, kind: str, path: str | Path) -> int:
    """Every live row (inactive ones too, marked in "Đang dùng"); returns how many.
    The file has the template's columns, so it can be edited and imported again."""
    spec = spec_of(kind)
    crud_kind = CATALOGUE_KINDS[kind]
    path = Path(path)
    with ctx.reading() as session:
        rows = queries.catalogue_rows(session, kind, include_inactive=True)
        area_names = dict(session.execute(select(t.AreaRow.id, t.AreaRow.name)).all())
    wb = Workbook()
    ws = wb.active
    ws.title = spec.sheet
    columns = spec.columns + (ACTIVE,)
    _header(ws, [c.header for c in columns], [c.width for c in columns])
    fields = [f.name for f in dataclasses.fields(spec.record)]
    for r, data in enumerate(rows, start=2):
        rec = crud_kind.record(**{n: data[n] for n in fields if n in data})
        values = row_values(kind, rec, area_names) + ["Có" if rec.active else "Không"]
        for c, (col, value) in enumerate(zip(columns, values), start=1):
            cell = _put(ws, r, c, value)
            if col.parse == "date" and value is not None:
                cell.number_format = DATE_FORMAT
    if rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(rows) + 1}"
    _save(wb, path)
    return len(rows)
