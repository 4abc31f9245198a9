"""Catalogues to and from Excel (.xlsx): template, export, preview, import.

An import is two steps. :func:`preview_import` reads the file, checks every row
with the same validation the forms use and returns the good rows and the bad
ones (row number and Vietnamese reasons naming the column); nothing is saved.
:func:`commit_import` then saves the good rows in one transaction, all or
nothing. Problems with the file as a whole (not an .xlsx, a required column
missing, no data rows) raise :class:`UserError`.

The workbook is opened in openpyxl's normal mode, not read-only mode, because
only the normal mode knows about merged cells. Before that, the file is checked
without loading it (:func:`tgdesk.services.excel_limits.precheck`,
docs/excel-import.md): its size, the
unpacked size of each part of the .xlsx zip, and a streamed count of the rows
of every sheet, so a million-row workbook or a 200 MB cell is refused at once.
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import insert, select

from tgdesk import vnformat as vf
from tgdesk.domain.enums import AreaKind, DocumentKind, Labelled, PersonRole
from tgdesk.domain.records import Area, Cell, OpinionCategory, PartyDocument, Person
from tgdesk.domain.text import fold, normalize_fields
from tgdesk.store import queries
from tgdesk.store import tables as t

from .context import Context
from .crud import known_ids
from .errors import UserError
from .excel_limits import HEADER_SEARCH_ROWS, MAX_ROWS, precheck
from .files import write_file
from .kinds import CATALOGUE_KINDS

__all__ = ["ColumnSpec", "CatalogueSpec", "SPECS", "PreviewRow", "BadRow", "DuplicateRow",
           "ImportPreview", "write_template", "export_catalogue", "preview_import",
           "commit_import", "row_values", "MAX_ROWS", "GUIDE_SHEET"]

GUIDE_SHEET = "Hướng dẫn"
DATE_FORMAT = "DD/MM/YYYY"
MERGED_REASON = "ô gộp (merged cell)"
DUPLICATE_REASON = "đã có trong danh mục"


# --- column specifications ---------------------------------------------------

@dataclass(frozen=True)
class ColumnSpec:
    header: str                 # as written in the template; "*" marks a required column
    field: str                  # attribute of the domain record
    parse: str                  # text | phone | int | date | enum | area | active
    required: bool = False
    enum: type[Labelled] | None = None
    width: int = 22
    help: str = ""
    example: str = ""
    aliases: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return self.header.rstrip("*").strip()


@dataclass(frozen=True)
class CatalogueSpec:
    kind: str
    sheet: str                  # title of the data sheet
    title: str                  # "Danh mục chi bộ"
    record: type
    row: type
    columns: tuple[ColumnSpec, ...]


ACTIVE = ColumnSpec("Đang dùng", "active", "active", width=12,
                    help="Có: đang dùng; Không: ngừng dùng (không còn hiện trong các ô chọn). "
                         "Để trống là Có. Cột này có trong tệp xuất, không bắt buộc.",
                    example="Có", aliases=("Con dung", "Trang thai"))

SPECS: dict[str, CatalogueSpec] = {
    "cells": CatalogueSpec("cells", "Chi bộ", "Danh mục chi bộ", Cell, t.CellRow, (
        ColumnSpec("Tên chi bộ*", "name", "text", True, width=34,
                   help="Tên đầy đủ của chi bộ.", example="Chi bộ Khu phố 3",
                   aliases=("Chi bộ", "Tên")),
        ColumnSpec("Bí thư", "secretary", "text", width=26, help="Họ tên bí thư chi bộ.",
                   example="Lê Văn Đức", aliases=("Bí thư chi bộ", "Họ tên bí thư")),
        ColumnSpec("Số đảng viên", "member_count", "int", width=14,
                   help="Số nguyên, không âm.", example="42",
                   aliases=("Số ĐV", "Số lượng đảng viên", "Đảng viên")),
        ColumnSpec("Ghi chú", "note", "text", width=40, help="Tùy ý."),
    )),
    "areas": CatalogueSpec("areas", "Khu dân cư", "Danh mục khu dân cư", Area, t.AreaRow, (
        ColumnSpec("Tên khu dân cư*", "name", "text", True, width=34,
                   help="Tên khu phố, tổ dân phố, ấp…", example="Khu phố 3",
                   aliases=("Khu dân cư", "Tên")),
        ColumnSpec("Loại", "kind", "enum", enum=AreaKind, width=16,
                   help="Một trong các giá trị cho phép bên dưới; để trống là Khu phố.",
                   example="Khu phố", aliases=("Loại khu dân cư",)),
        ColumnSpec("Ghi chú", "note", "text", width=40, help="Tùy ý."),
    )),
    "documents": CatalogueSpec("documents", "Văn bản", "Danh mục văn bản của Đảng",
                               PartyDocument, t.DocumentRow, (
        ColumnSpec("Loại văn bản*", "kind", "enum", True, enum=DocumentKind, width=16,
                   help="Một trong các giá trị cho phép bên dưới.", example="Nghị quyết",
                   aliases=("Loại",)),
        ColumnSpec("Số, ký hiệu*", "number_symbol", "text", True, width=16,
                   help="Số và ký hiệu như in trên văn bản.", example="35-NQ/TW",
                   aliases=("Số ký hiệu", "Số hiệu", "Ký hiệu")),
        ColumnSpec("Ngày ban hành*", "issued_on", "date", True, width=16,
                   help="Ngày/tháng/năm, ví dụ 22/10/2018 (ô kiểu Ngày hoặc chữ đều được); "
                        "không được sau hôm nay.", example="22/10/2018",
                   aliases=("Ngày", "Ngày ký")),
        ColumnSpec("Cơ quan ban hành*", "issuer", "text", True, width=24,
                   example="Bộ Chính trị", aliases=("Cơ quan",)),
        ColumnSpec("Trích yếu*", "title", "text", True, width=60,
                   help="Trích yếu nội dung văn bản.",
                   example="Về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
                   aliases=("Tên văn bản", "Nội dung")),
    )),
    "people": CatalogueSpec("people", "Mạng lưới", "Danh sách báo cáo viên, tuyên truyền "
                            "viên, cộng tác viên", Person, t.PersonRow, (
        ColumnSpec("Họ tên*", "full_name", "text", True, width=28, example="Trần Thị Bích Ngọc",
                   aliases=("Họ và tên", "Tên")),
        ColumnSpec("Vai trò*", "role", "enum", True, enum=PersonRole, width=30,
                   help="Một trong các giá trị cho phép bên dưới.", example="Báo cáo viên"),
        ColumnSpec("Điện thoại", "phone", "phone", width=16,
                   help="Nên định dạng ô là Văn bản để giữ số 0 đầu; một số 9 chữ số "
                        "(Excel đã bỏ số 0) được thêm lại số 0.", example="0903 123 456",
                   aliases=("Số điện thoại", "SĐT", "ĐT")),
        ColumnSpec("Nơi công tác", "workplace", "text", width=28, example="Đảng ủy phường",
                   aliases=("Đơn vị", "Cơ quan")),
        ColumnSpec("Khu dân cư", "area_id", "area", width=22,
                   help="Tên một khu dân cư đã có trong danh mục Khu dân cư (để trống nếu "
                        "không thuộc khu nào).", example="Khu phố 3",
                   aliases=("Khu phố", "Tổ dân phố")),
    )),
    "categories": CatalogueSpec("categories", "Lĩnh vực", "Danh mục lĩnh vực dư luận",
                                OpinionCategory, t.CategoryRow, (
        ColumnSpec("Tên lĩnh vực*", "name", "text", True, width=30, example="Đất đai",
                   aliases=("Lĩnh vực", "Tên")),
        ColumnSpec("Mô tả", "description", "text", width=50, example="Bồi thường, tái định cư",
                   aliases=("Ghi chú",)),
    )),
}

# Short forms officers write for some coded values.
_ENUM_ALIASES: dict[type, dict[str, str]] = {
    PersonRole: {"bcv": "bao_cao_vien", "ttv": "tuyen_truyen_vien", "ctv": "ctv_dlxh",
                 "ctv dlxh": "ctv_dlxh", "cong tac vien": "ctv_dlxh"},
    DocumentKind: {"nq": "nghi_quyet", "ct": "chi_thi", "kl": "ket_luan", "qd": "quy_dinh",
                   "hd": "huong_dan", "kh": "ke_hoach", "tb": "thong_bao", "khac": "khac"},
}
_YES = {"co", "x", "yes", "y", "1", "true", "dang dung", "con dung"}
_NO = {"khong", "no", "n", "0", "false", "ngung", "ngung dung", "khong dung"}


def _spec(kind: str) -> CatalogueSpec:
    try:
        return SPECS[kind]
    except KeyError:
        raise ValueError(f"unknown catalogue kind {kind!r}") from None


def _key(text: str) -> str:
    """Comparison key: folded, punctuation and repeated spaces ignored."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", fold(text)).split())


def _symbol_key(text: str) -> str:
    return re.sub(r"\s+", "", fold(text))


def _digits(phone: str | None) -> str | None:
    d = re.sub(r"\D", "", phone or "")
    return d or None


# --- results -------------------------------------------------------------------

@dataclass
class PreviewRow:
    row_number: int             # as Excel shows it
    record: Any                 # Cell | Area | PartyDocument | Person | OpinionCategory
    warnings: list[str] = field(default_factory=list)


@dataclass
class BadRow:
    row_number: int
    reasons: list[str]
    values: list[str] = field(default_factory=list)   # what the row holds, for display


@dataclass
class DuplicateRow:
    row_number: int
    existing_id: int            # the catalogue row it repeats


@dataclass
class ImportPreview:
    kind: str
    path: str
    sheet: str
    header_row: int
    columns: list[str]          # headers recognised, in file order
    ignored_columns: list[str]  # headers present but not used
    good: list[PreviewRow] = field(default_factory=list)
    bad: list[BadRow] = field(default_factory=list)
    duplicates: list[DuplicateRow] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.good) + len(self.bad)


# --- reading cells ----------------------------------------------------------------

def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _show(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return vf.short_date(value.date()) if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return vf.short_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return _show(value)


def _phone(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = _show(value)
        return "0" + text if len(text) == 9 and text.isdigit() else text
    return _text(value)


def _int(value: Any, col: ColumnSpec) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{col.label}: “{_text(value)}” không phải số nguyên.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError(f"{col.label}: “{str(value).replace('.', ',')}” không phải số nguyên.")
    text = re.sub(r"\s+", "", _show(value))
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", text):      # 1.200 (Vietnamese thousands)
        return int(text.replace(".", ""))
    raise ValueError(f"{col.label}: “{_show(value)}” không phải số nguyên.")


def _parse_date_text(text: str) -> date | None:
    text = re.sub(r"\s+00:00(:00)?$", "", text.strip())
    parsed = vf.parse_short_date(text)
    if parsed is not None:
        return parsed
    m = (re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", text)
         or re.fullmatch(r"(\d{4})[/.\-](\d{1,2})[/.\-](\d{1,2})", text))
    if not m:
        return None
    a, b, c = (int(g) for g in m.groups())
    y, mo, d = (a, b, c) if a > 31 else (c, b, a)
    try:
        return date(y, mo, d)
    except ValueError:
        return None


def _date(value: Any, col: ColumnSpec) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    bad = ValueError(f"{col.label}: “{_show(value)}” không phải ngày hợp lệ "
                     "(ghi ngày/tháng/năm, ví dụ 05/02/2026).")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date cell that lost its date format shows Excel's serial number.
        if 10958 <= value < 2958466:          # 01/01/1930 … 31/12/9999
            return from_excel(value).date()
        raise bad
    if isinstance(value, str):
        parsed = _parse_date_text(value)
        if parsed is not None:
            return parsed
    raise bad


def _enum(value: Any, col: ColumnSpec) -> str:
    enum = col.enum
    key = _key(_text(value))
    for member in enum:
        if key in (_key(member.label), _key(member.value)):
            return member.value
    code = _ENUM_ALIASES.get(enum, {}).get(key)
    if code is not None:
        return code
    allowed = ", ".join(m.label for m in enum)
    raise ValueError(f"{col.label}: “{_text(value)}” không có trong danh sách ({allowed}).")


def _active(value: Any, col: ColumnSpec) -> bool:
    key = _key(_text(value))
    if key in _YES:
        return True
    if key in _NO:
        return False
    raise ValueError(f"{col.label}: “{_text(value)}” phải là Có hoặc Không.")


# --- the workbook -------------------------------------------------------------------

def _open(path: Path):
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


def _data_sheet(wb, spec: CatalogueSpec):
    for ws in wb.worksheets:
        if ws.title == spec.sheet:
            return ws
    for ws in wb.worksheets:
        if ws.title != GUIDE_SHEET:
            return ws
    return wb.worksheets[0]


def _header_map(spec: CatalogueSpec) -> dict[str, ColumnSpec]:
    out: dict[str, ColumnSpec] = {}
    for col in spec.columns + (ACTIVE,):
        for name in (col.header, *col.aliases):
            out.setdefault(_key(name), col)
    return out


def _find_header(ws, spec: CatalogueSpec) -> tuple[int, dict[int, ColumnSpec], list[str]]:
    """The header row, the column index (0-based) of each spec column, unused headers.

    The header is the row, among the first few, that names the most known columns
    (a title row above it such as "Chi bộ" names one at most)."""
    known = _header_map(spec)
    anything = False
    best = None          # (matches, row, found, ignored, repeated, values)
    for r, values in enumerate(ws.iter_rows(min_row=1, max_row=HEADER_SEARCH_ROWS,
                                            values_only=True), start=1):
        if any(not _blank(v) for v in values):
            anything = True
        found: dict[int, ColumnSpec] = {}
        ignored: list[str] = []
        repeated: list[ColumnSpec] = []
        for i, v in enumerate(values):
            if _blank(v):
                continue
            col = known.get(_key(str(v)))
            if col is None:
                ignored.append(_show(v))
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
            f"Tệp có các cột: {', '.join(_show(v) for v in values if not _blank(v))}. "
            "Hãy tải tệp mẫu và chép dữ liệu vào đúng cột.")
    return r, found, ignored


def _merged_rows(ws, header_row: int) -> dict[int, tuple[str, bool]]:
    """Data rows touched by a merged range: row -> (range, range holds a value)."""
    out: dict[int, tuple[str, bool]] = {}
    for rng in ws.merged_cells.ranges:
        if rng.max_row <= header_row:
            continue
        has_value = not _blank(ws.cell(rng.min_row, rng.min_col).value)
        for r in range(max(rng.min_row, header_row + 1), rng.max_row + 1):
            if r not in out or has_value:
                out[r] = (rng.coord, has_value)
    return out


# --- duplicates ------------------------------------------------------------------------

class _Index:
    """Finds a record equal to an earlier one: by name (cells, areas, categories),
    number/symbol and year (documents), name and phone (people: equal when a phone
    is missing on either side)."""

    def __init__(self, kind: str):
        self.kind = kind
        self.seen: dict[Any, list[tuple[str | None, int]]] = {}

    def key(self, rec) -> tuple[Any, str | None]:
        if self.kind == "documents":
            year = rec.issued_on.year if rec.issued_on else None
            return (_symbol_key(rec.number_symbol or ""), year), None
        if self.kind == "people":
            return _key(rec.full_name or ""), _digits(rec.phone)
        return _key(rec.name or ""), None

    def find(self, rec) -> int | None:
        k, phone = self.key(rec)
        for other_phone, ref in self.seen.get(k, ()):
            if phone is None or other_phone is None or phone == other_phone:
                return ref
        return None

    def add(self, rec, ref: int) -> None:
        k, phone = self.key(rec)
        self.seen.setdefault(k, []).append((phone, ref))


def _existing(session, spec: CatalogueSpec) -> _Index:
    kind = CATALOGUE_KINDS[spec.kind]
    index = _Index(spec.kind)
    for row in session.scalars(select(spec.row).where(spec.row.deleted.is_(False))):
        index.add(kind.to_record(row), row.id)
    return index


def _describe(spec: CatalogueSpec, rec) -> str:
    if spec.kind == "documents":
        return f"Văn bản số {rec.number_symbol} ({vf.short_date(rec.issued_on)})"
    if spec.kind == "people":
        return f"Người “{rec.full_name}”" + (f" (điện thoại {rec.phone})" if rec.phone else "")
    return f"{spec.columns[0].label} “{rec.name}”"


# --- preview ---------------------------------------------------------------------------

def _areas_by_name(session) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for area_id, name in session.execute(select(t.AreaRow.id, t.AreaRow.name)
                                         .where(t.AreaRow.deleted.is_(False))):
        out.setdefault(_key(name), []).append(area_id)
    return out


def _parse_row(spec: CatalogueSpec, cols: dict[int, ColumnSpec], values: tuple,
               areas: dict[str, list[int]]) -> tuple[dict, list[str], set[str]]:
    kwargs: dict[str, Any] = {}
    reasons: list[str] = []
    failed: set[str] = set()
    for i, col in cols.items():
        value = values[i] if i < len(values) else None
        if _blank(value):
            if col.required and col.parse in ("enum",):
                reasons.append(f"{col.label}: chưa nhập.")
                failed.add(col.field)
            continue
        try:
            if col.parse == "text":
                kwargs[col.field] = _text(value)
            elif col.parse == "phone":
                kwargs[col.field] = _phone(value)
            elif col.parse == "int":
                kwargs[col.field] = _int(value, col)
            elif col.parse == "date":
                kwargs[col.field] = _date(value, col)
            elif col.parse == "enum":
                kwargs[col.field] = _enum(value, col)
            elif col.parse == "active":
                kwargs[col.field] = _active(value, col)
            elif col.parse == "area":
                ids = areas.get(_key(_text(value)), [])
                if not ids:
                    raise ValueError(f"{col.label}: “{_text(value)}” không có trong danh mục "
                                     "khu dân cư.")
                if len(ids) > 1:
                    raise ValueError(f"{col.label}: có {len(ids)} khu dân cư cùng tên "
                                     f"“{_text(value)}”; hãy sửa danh mục cho khỏi trùng.")
                kwargs[col.field] = ids[0]
        except ValueError as exc:
            reasons.append(str(exc))
            failed.add(col.field)
    return kwargs, reasons, failed


def preview_import(ctx: Context, kind: str, path: str | Path) -> ImportPreview:
    """Read and check an .xlsx file of one catalogue; save nothing.

    Raises UserError for a file that cannot be used at all; every row-level
    problem is a :class:`BadRow` with its Excel row number and reasons.
    """
    spec = _spec(kind)
    crud_kind = CATALOGUE_KINDS[kind]
    path = Path(path)
    wb = _open(path)
    try:
        ws = _data_sheet(wb, spec)
        header_row, cols, ignored = _find_header(ws, spec)
        merged = _merged_rows(ws, header_row)
        width = max(cols) + 1
        preview = ImportPreview(kind, str(path), ws.title, header_row,
                                [c.header for _, c in sorted(cols.items())], ignored)
        today = ctx.today()
        with ctx.reading() as session:
            known = known_ids(session)
            existing = _existing(session, spec)
            areas = _areas_by_name(session) if kind == "people" else {}
        in_file = _Index(kind)
        count = 0
        for r, values in enumerate(ws.iter_rows(min_row=header_row + 1, max_row=ws.max_row,
                                                max_col=width, values_only=True),
                                   start=header_row + 1):
            blank = all(_blank(values[i]) for i in cols)
            merge = merged.get(r)
            if blank and not (merge and merge[1]):
                continue
            count += 1
            if count > MAX_ROWS:
                raise UserError(f"Tệp có hơn {vf.number(MAX_ROWS)} dòng dữ liệu; hãy chia "
                                "thành nhiều tệp nhỏ hơn.")
            shown = [_show(values[i]) for i in sorted(cols)]
            if merge:
                preview.bad.append(BadRow(r, [f"Dòng có {MERGED_REASON} {merge[0]}: hãy bỏ gộp "
                                              "ô và ghi đủ giá trị ở từng dòng."], shown))
                continue
            kwargs, reasons, failed = _parse_row(spec, cols, values, areas)
            rec = spec.record(**kwargs)
            normalize_fields(rec)
            verdict = crud_kind.validate(rec, known, today)
            reasons += [i.message for i in verdict.errors if i.field not in failed]
            if not reasons:
                dup = existing.find(rec)
                if dup is not None:
                    reasons.append(f"{_describe(spec, rec)} {DUPLICATE_REASON}.")
                    preview.duplicates.append(DuplicateRow(r, dup))
                elif (same := in_file.find(rec)) is not None:
                    reasons.append(f"{_describe(spec, rec)} trùng với dòng {same} trong tệp.")
            if reasons:
                preview.bad.append(BadRow(r, reasons, shown))
                continue
            in_file.add(rec, r)
            preview.good.append(PreviewRow(r, rec, [i.message for i in verdict.warnings]))
    finally:
        wb.close()
    if preview.total == 0:
        raise UserError(f"Trang tính “{ws.title}” không có dòng dữ liệu nào dưới dòng tiêu đề "
                        f"{header_row}.")
    return preview


# --- commit ------------------------------------------------------------------------------

def commit_import(ctx: Context, kind: str, preview: ImportPreview) -> int:
    """Save the good rows of a preview in one transaction; return how many.

    Each row is checked again (the catalogues may have changed since the
    preview); one failure saves nothing and names the row.
    """
    spec = _spec(kind)
    if preview.kind != kind:
        raise ValueError(f"preview of {preview.kind!r} committed as {kind!r}")
    if not preview.good:
        return 0
    crud_kind = CATALOGUE_KINDS[kind]
    fields = [f.name for f in dataclasses.fields(spec.record)
              if f.name not in ("id", "uuid") and hasattr(spec.row, f.name)]
    today = ctx.today()
    with ctx.transaction() as session:
        known = known_ids(session)
        existing = _existing(session, spec)
        values = []
        for item in preview.good:
            rec = dataclasses.replace(item.record, id=None, uuid=None)
            normalize_fields(rec)
            verdict = crud_kind.validate(rec, known, today)
            if not verdict.ok:
                raise UserError(f"Dòng {item.row_number}: "
                                + " ".join(i.message for i in verdict.errors)
                                + " Không dòng nào được lưu; hãy xem trước lại tệp.")
            if existing.find(rec) is not None:
                raise UserError(f"Dòng {item.row_number}: {_describe(spec, rec)} "
                                f"{DUPLICATE_REASON} (có thể tệp đã được nhập). Không dòng nào "
                                "được lưu; hãy xem trước lại tệp.")
            existing.add(rec, -item.row_number)
            values.append({n: getattr(rec, n) for n in fields})
        session.execute(insert(spec.row), values)
    return len(values)


# --- writing ---------------------------------------------------------------------------------

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


def _header(ws, headers: list[str], widths: list[int]) -> None:
    for i, (text, width) in enumerate(zip(headers, widths), start=1):
        cell = _put(ws, 1, i, text)
        cell.font = _HEADER_FONT
        cell.fill = _HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"


def _save(wb: Workbook, path: Path) -> None:
    write_file(path, wb.save, "tệp Excel")


def _allowed(col: ColumnSpec, area_names: list[str] | None) -> str:
    if col.enum is not None:
        return "; ".join(m.label for m in col.enum)
    if col.parse == "area" and area_names:
        return "; ".join(area_names)
    if col.parse == "active":
        return "Có; Không"
    return ""


def write_template(kind: str, path: str | Path, ctx: Context | None = None) -> Path:
    """An empty import file: the header row and a "Hướng dẫn" sheet. With ``ctx``,
    the guide of the people template lists the residential areas already kept."""
    spec = _spec(kind)
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
        elif col.parse in ("text", "phone", "area", "enum"):
            ws.column_dimensions[letter].number_format = "@"
        if col.enum is not None:
            dv = DataValidation(type="list", allow_blank=True, errorStyle="warning",
                                formula1='"' + ",".join(m.label for m in col.enum) + '"')
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
    dates as dates, a person's area by name."""
    out: list[Any] = []
    for col in _spec(kind).columns:
        value = getattr(record, col.field)
        if col.enum is not None:
            member = col.enum.from_code(value)
            value = member.label if member is not None else value
        elif col.parse == "area":
            value = (area_names or {}).get(value) if value is not None else None
        out.append(value)
    return out


def export_catalogue(ctx: Context, kind: str, path: str | Path) -> int:
    """Every live row (inactive ones too, marked in "Đang dùng"); returns how many.
    The file has the template's columns, so it can be edited and imported again."""
    spec = _spec(kind)
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
