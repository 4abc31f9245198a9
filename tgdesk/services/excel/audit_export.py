"""The audit log to Excel (.xlsx): the "Nhật ký" screen's "Xuất Excel…", every
entry matching its filter (not only those the screen shows), newest first.

One row per entry: number, local time as a real date and time, person, action,
table, record, and "Thay đổi" with one line per field ("Tên: trước → sau",
domain/audit_text.py), wrapped. A title and the filter in words above a frozen
header; written atomically (files.write_file)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from tgdesk.domain.audit import AuditEntry
from tgdesk.domain.audit_text import full_text, local_time

from .. import audit, audit_browse
from ..context import Context
from .writing import _header, _put, _save

__all__ = ["export_audit", "write_audit", "COLUMNS", "HEADER_ROW", "SHEET", "TIME_FORMAT"]

SHEET = "Nhật ký"
TITLE = "NHẬT KÝ THAY ĐỔI DỮ LIỆU"
HEADER_ROW = 4
TIME_FORMAT = "DD/MM/YYYY HH:MM:SS"
MAX_CELL = 32_000           # Excel holds 32,767 characters in a cell
_WRAP = Alignment(wrap_text=True, vertical="top")
_TOP = Alignment(vertical="top")

# (header, width)
COLUMNS = (("Mục", 8), ("Lúc (giờ máy này)", 20), ("Người", 16), ("Việc", 22),
           ("Loại", 24), ("Mã số", 9), ("Mã bản ghi", 38), ("Thay đổi", 90))
TIME_COLUMN, CHANGES_COLUMN = 2, 8


def entry_row(e: AuditEntry) -> list[Any]:
    text = full_text(e, audit.changes_of(e))
    if len(text) > MAX_CELL:
        text = text[:MAX_CELL - 1] + "…"
    try:
        at: Any = local_time(e.at)
    except ValueError:
        at = e.at
    return [e.seq, at, e.actor, audit.action_label(e.action), audit.kind_label(e.kind),
            e.record_id, e.record_uuid, text]


def write_audit(entries: Sequence[AuditEntry], path: str | Path, filter_text: str) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    _put(ws, 1, 1, TITLE).font = Font(bold=True, size=13)
    _put(ws, 2, 1, f"{filter_text}. Giờ theo đồng hồ của máy này; mới nhất trước.")
    _header(ws, [c[0] for c in COLUMNS], [c[1] for c in COLUMNS], HEADER_ROW)
    for r, e in enumerate(entries, start=HEADER_ROW + 1):
        for i, value in enumerate(entry_row(e), start=1):
            cell = _put(ws, r, i, value)
            cell.alignment = _WRAP if i == CHANGES_COLUMN else _TOP
            if i == TIME_COLUMN and not isinstance(value, str):
                cell.number_format = TIME_FORMAT
    if entries:
        last = get_column_letter(len(COLUMNS))
        ws.auto_filter.ref = f"A{HEADER_ROW}:{last}{HEADER_ROW + len(entries)}"
    path = Path(path)
    _save(wb, path)
    return path


def export_audit(ctx: Context, flt: audit.AuditFilter, path: str | Path) -> int:
    """Every entry matching ``flt`` (days as local days) to ``path``; how many."""
    found = audit_browse.matching(ctx, flt)
    write_audit(found, path, audit_browse.describe(flt))
    return len(found)
