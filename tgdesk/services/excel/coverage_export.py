"""Study coverage per document to Excel (.xlsx): the "Tiến độ học tập" page's button
and ``tgdesk coverage --xlsx FILE``. One sheet per view of services/coverage.py:
"Văn bản", one row per document, and "Chi bộ", one row per document and cell
(every document), each document's ward-wide sessions in a row of their own.

Dates are real dates, rates numbers formatted as percentages, so the officer can
sort, filter and sum in Excel; the file is written atomically (files.write_file).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from tgdesk import vnformat as vf
from tgdesk.domain.coverage import CellCoverage, DocumentCoverage

from .. import coverage as cov
from ..context import Context
from .writing import DATE_FORMAT, _header, _put, _save

__all__ = ["export_coverage", "write_coverage", "DOCUMENT_SHEET", "CELL_SHEET",
           "DOCUMENT_COLUMNS", "CELL_COLUMNS", "HEADER_ROW", "WARD_ROW"]

DOCUMENT_SHEET, CELL_SHEET = "Văn bản", "Chi bộ"
PERCENT_FORMAT = "0.0%"
HEADER_ROW = 4                      # after the title and the "tính đến ngày" line
WARD_ROW = "Toàn Đảng bộ (buổi học chung)"
NO_COUNT = "Chưa có số đảng viên: tạm lấy số đảng viên được triệu tập nhiều nhất"
WARD_NOTE = ("Không tính chi bộ nào đã tổ chức; số đảng viên dự được cộng vào số đã học của "
             "Đảng bộ, không vượt quá tổng số")

# (header, width, kind): kind "date" and "percent" set the cell's number format.
DOCUMENT_COLUMNS = (
    ("STT", 5, ""), ("Văn bản", 26, ""), ("Số, ký hiệu", 14, ""), ("Ngày ban hành", 12, "date"),
    ("Trích yếu", 44, ""), ("Hạn học tập", 12, "date"), ("Chi bộ đã tổ chức", 10, ""),
    ("Tổng số chi bộ", 10, ""), ("Tỷ lệ chi bộ", 10, "percent"), ("Đảng viên đã học", 11, ""),
    ("Tổng số đảng viên", 11, ""), ("Tỷ lệ đảng viên", 10, "percent"),
    ("Chi bộ chưa tổ chức", 10, ""), ("Chi bộ quá hạn", 10, ""), ("Số ngày quá hạn", 10, ""),
    ("Tình trạng", 16, ""), ("Tên chi bộ chưa tổ chức", 44, ""),
)
CELL_COLUMNS = (
    ("Văn bản", 26, ""), ("Số, ký hiệu", 14, ""), ("Hạn học tập", 12, "date"),
    ("Chi bộ", 28, ""), ("Số buổi", 8, ""), ("Buổi đầu tiên", 12, "date"),
    ("Các ngày học", 30, ""), ("Buổi học bù", 8, ""), ("Lượt đảng viên dự", 10, ""),
    ("Số đảng viên", 10, ""), ("Đảng viên đã học", 10, ""), ("Tỷ lệ", 10, "percent"),
    ("Tình trạng", 22, ""), ("Số ngày trễ", 10, ""), ("Ghi chú", 44, ""),
)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _days(sessions) -> str:
    return ", ".join(vf.short_date(s.held_on) for s in sessions)


def document_row(k: int, dc: DocumentCoverage, name: str) -> list[Any]:
    d = dc.document
    todo = dc.cells_todo
    return [k, name, d.number_symbol, d.issued_on, d.title, dc.deadline, dc.cells_done,
            dc.cells_total, dc.cells_rate, dc.members_covered, dc.members_total, dc.members_rate,
            len(todo), dc.cells_late, dc.days_late, dc.state.label,
            ", ".join(c.name for c in todo)]


def cell_row(dc: DocumentCoverage, name: str, c: CellCoverage) -> list[Any]:
    return [name, dc.document.number_symbol, dc.deadline, c.name, len(c.sessions), c.first_on,
            _days(c.sessions), c.make_up_sessions, c.present if c.sessions else None,
            c.members, c.covered, _rate(c.covered, c.members), c.state.label, c.days_late,
            "" if c.members_known else NO_COUNT]


def ward_row(dc: DocumentCoverage, name: str) -> list[Any]:
    s = dc.ward_sessions
    return [name, dc.document.number_symbol, dc.deadline, WARD_ROW, len(s), s[0].held_on,
            _days(s), None, sum(x.present for x in s), None, dc.ward_covered, None,
            "Buổi học chung", None, WARD_NOTE]


def _sheet(ws, title: str, columns, rows: Sequence[list[Any]]) -> None:
    _put(ws, 1, 1, title).font = Font(bold=True, size=13)
    _header(ws, [c[0] for c in columns], [c[1] for c in columns], HEADER_ROW)
    for r, values in enumerate(rows, start=HEADER_ROW + 1):
        for i, ((_head, _width, kind), value) in enumerate(zip(columns, values), start=1):
            cell = _put(ws, r, i, value)
            if kind == "date" and value is not None:
                cell.number_format = DATE_FORMAT
            elif kind == "percent" and value is not None:
                cell.number_format = PERCENT_FORMAT
    if rows:
        last = get_column_letter(len(columns))
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(rows)}"


def when_line(as_of: date, since: date | None) -> str:
    text = f"Tính đến ngày {vf.short_date(as_of)}"
    if since is not None:
        text += f"; chỉ tính các buổi học từ ngày {vf.short_date(since)}"
    return text + "."


def write_coverage(found: Sequence[DocumentCoverage], path: str | Path, as_of: date,
                   since: date | None = None) -> Path:
    """The workbook of ``found`` (services.coverage.coverage's answer) at ``path``."""
    names = [cov.document_name(dc.document) for dc in found]
    wb = Workbook()
    ws = wb.active
    ws.title = DOCUMENT_SHEET
    _sheet(ws, "TIẾN ĐỘ HỌC TẬP, QUÁN TRIỆT CÁC VĂN BẢN", DOCUMENT_COLUMNS,
           [document_row(k, dc, name) for k, (dc, name) in enumerate(zip(found, names), 1)])
    rows: list[list[Any]] = []
    for dc, name in zip(found, names):
        rows += [cell_row(dc, name, c) for c in dc.cells]
        if dc.ward_sessions:
            rows.append(ward_row(dc, name))
    cells = wb.create_sheet(CELL_SHEET)
    _sheet(cells, "TIẾN ĐỘ HỌC TẬP, QUÁN TRIỆT: TỪNG CHI BỘ", CELL_COLUMNS, rows)
    for sheet in (ws, cells):
        _put(sheet, 2, 1, when_line(as_of, since))
    path = Path(path)
    _save(wb, path)
    return path


def export_coverage(ctx: Context, path: str | Path, as_of: date | None = None,
                    since: date | None = None) -> int:
    """Every active document's coverage counted to ``as_of`` (default today), from
    ``since`` if given, written to ``path``; returns how many documents."""
    day = as_of or ctx.today()
    found = cov.coverage(ctx, None, day, since)
    write_coverage(found, path, day, since)
    return len(found)
