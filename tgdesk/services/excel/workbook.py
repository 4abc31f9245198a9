"""Opening an .xlsx file and finding its data sheet, header row and merged rows."""

from __future__ import annotations

import warnings
from pathlib import Path

from openpyxl import load_workbook

from ..errors import UserError

from .cells import blank, key, show
from .limits import HEADER_SEARCH_ROWS, precheck
from .specs import ACTIVE, GUIDE_SHEET, CatalogueSpec, ColumnSpec


def open_workbook(path: Path):
    """The workbook at ``path``, checked first against the limits (.limits).

    It is opened in openpyxl's normal mode, not read-only mode, because only the
    normal mode knows about merged cells; the limits keep that mode affordable."""
    if not path.exists():
        raise UserError(f"Không tìm thấy tệp “{path}”.")
    precheck(path)
    try:
        with warnings.catch_warnings():
            # openpyxl warns about features of other writers it drops on reading
            # (extensions, missing styles); they do not matter for the values.
            warnings.simplefilter("ignore")
            return load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any failure here means "not a readable .xlsx"
        if path.suffix.lower() == ".xls":
            raise UserError(f"Tệp “{path.name}” là dạng .xls cũ: hãy mở bằng Excel và lưu lại "
                            "thành .xlsx (Sổ làm việc Excel) rồi chọn lại.") from exc
        raise UserError(f"Tệp “{path.name}” không phải tệp Excel .xlsx hoặc đã bị hỏng "
                        "(không mở được). Hãy dùng tệp mẫu và lưu dạng .xlsx.") from exc


def data_sheet(wb, spec: CatalogueSpec):
    """The sheet named as in the template, else the first that is not the guide."""
    for ws in wb.worksheets:
        if ws.title == spec.sheet:
            return ws
    for ws in wb.worksheets:
        if ws.title != GUIDE_SHEET:
            return ws
    if not wb.worksheets:       # a damaged file can parse with none
        raise UserError("Tệp Excel không có trang tính nào (có thể tệp đã bị hỏng). Hãy dùng "
                        "tệp mẫu và lưu dạng .xlsx.")
    return wb.worksheets[0]


def _header_map(spec: CatalogueSpec) -> dict[str, ColumnSpec]:
    out: dict[str, ColumnSpec] = {}
    # "Đang dùng" only for a catalogue (a record has no such field)
    active = (ACTIVE,) if "active" in getattr(spec.record, "__dataclass_fields__", {}) else ()
    for col in spec.columns + active:
        for name in (col.header, *col.aliases):
            out.setdefault(key(name), col)
    return out


def find_header(ws, spec: CatalogueSpec) -> tuple[int, dict[int, ColumnSpec], list[str]]:
    """The header row, the column index (0-based) of each spec column, unused headers.

    The header is the row, among the first few, that names the most known columns
    (a title row above it such as "Chi bộ" names one at most)."""
    known = _header_map(spec)
    anything = False
    best = None          # (matches, row, found, ignored, repeated, values)
    for r, values in enumerate(ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS,
                                            values_only=True), start=1):
        if any(not blank(v) for v in values):
            anything = True
        found: dict[int, ColumnSpec] = {}
        ignored: list[str] = []
        repeated: list[ColumnSpec] = []
        for i, v in enumerate(values):
            if blank(v):
                continue
            col = known.get(key(str(v)))
            if col is None:
                ignored.append(show(v))
            elif col in found.values():
                repeated.append(col)
            else:
                found[i] = col
        if found and (best is None or len(found) > best[0]):
            best = (len(found), r, found, ignored, repeated, values)
    if best is None:
        if not anything:
            raise UserError(f"Trang tính “{ws.title}” trống: không có tiêu đề cũng không có "
                            "dữ liệu.")
        required = ", ".join("“" + c.header + "”" for c in spec.columns if c.required)
        raise UserError(f"Tệp không đúng mẫu {spec.title.lower()}: không tìm thấy dòng tiêu "
                        f"đề trong {HEADER_SEARCH_ROWS} dòng đầu (cần các cột bắt buộc "
                        f"{required}). Hãy tải tệp mẫu và chép dữ liệu vào đúng cột.")
    _, r, found, ignored, repeated, values = best
    if repeated:
        raise UserError(f"Cột “{repeated[0].label}” xuất hiện hai lần ở dòng tiêu đề {r}; "
                        "hãy giữ một cột.")
    missing = [c.header for c in spec.columns if c.required and c not in found.values()]
    if missing:
        raise UserError(
            f"Tệp không đúng mẫu {spec.title.lower()}: thiếu cột bắt buộc "
            f"{', '.join('“' + m + '”' for m in missing)} ở dòng tiêu đề {r}. "
            f"Tệp có các cột: {', '.join(show(v) for v in values if not blank(v))}. "
            "Hãy tải tệp mẫu và chép dữ liệu vào đúng cột.")
    return r, found, ignored


def merged_rows(ws, header_row: int) -> dict[int, tuple[str, bool]]:
    """Data rows touched by a merged range: row -> (range, range holds a value)."""
    out: dict[int, tuple[str, bool]] = {}
    for rng in ws.merged_cells.ranges:
        if rng.max_row <= header_row:
            continue
        has_value = not blank(ws.cell(rng.min_row, rng.min_col).value)
        for r in range(max(rng.min_row, header_row + 1), rng.max_row + 1):
            if r not in out or has_value:
                out[r] = (rng.coord, has_value)
    return out
