"""Reading the cells of one data row into the fields of a catalogue record."""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

from openpyxl.utils.datetime import from_excel

from tgdesk import vnformat as vf
from tgdesk.domain.enums import DocumentKind, PersonRole

from ..duplicates import loose_key
from .specs import ColumnSpec

# Short forms officers write for some coded values.
_ENUM_ALIASES: dict[type, dict[str, str]] = {
    PersonRole: {"bcv": "bao_cao_vien", "ttv": "tuyen_truyen_vien", "ctv": "ctv_dlxh",
                 "ctv dlxh": "ctv_dlxh", "cong tac vien": "ctv_dlxh"},
    DocumentKind: {"nq": "nghi_quyet", "ct": "chi_thi", "kl": "ket_luan", "qd": "quy_dinh",
                   "hd": "huong_dan", "kh": "ke_hoach", "tb": "thong_bao", "khac": "khac"},
}
_YES = {"co", "x", "yes", "y", "1", "true", "dang dung", "con dung"}
_NO = {"khong", "no", "n", "0", "false", "ngung", "ngung dung", "khong dung"}


key = loose_key       # comparison: folded, punctuation and repeated spaces ignored


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def show(value: Any) -> str:
    """The cell as the user sees it, for messages and the preview."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return vf.short_date(value.date()) if value.time() == datetime.min.time() else str(value)
    if isinstance(value, date):
        return vf.short_date(value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def as_text(value: Any) -> str:
    if isinstance(value, bool):
        return "Có" if value else "Không"
    return show(value)


def _phone(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        text = show(value)
        return "0" + text if len(text) == 9 and text.isdigit() else text
    return as_text(value)


def _int(value: Any, col: ColumnSpec) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{col.label}: “{as_text(value)}” không phải số nguyên.")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise ValueError(f"{col.label}: “{str(value).replace('.', ',')}” không phải số nguyên.")
    text = re.sub(r"\s+", "", show(value))
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", text):      # 1.200 (Vietnamese thousands)
        return int(text.replace(".", ""))
    raise ValueError(f"{col.label}: “{show(value)}” không phải số nguyên.")


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
    bad = ValueError(f"{col.label}: “{show(value)}” không phải ngày hợp lệ "
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
    k = key(as_text(value))
    for member in enum:
        if k in (key(member.label), key(member.value)):
            return member.value
    code = _ENUM_ALIASES.get(enum, {}).get(k)
    if code is not None:
        return code
    allowed = ", ".join(m.label for m in enum)
    raise ValueError(f"{col.label}: “{as_text(value)}” không có trong danh sách ({allowed}).")


def _active(value: Any, col: ColumnSpec) -> bool:
    k = key(as_text(value))
    if k in _YES:
        return True
    if k in _NO:
        return False
    raise ValueError(f"{col.label}: “{as_text(value)}” phải là Có hoặc Không.")


def _area(value: Any, col: ColumnSpec, areas: dict[str, list[int]]) -> int:
    ids = areas.get(key(as_text(value)), [])
    if not ids:
        raise ValueError(f"{col.label}: “{as_text(value)}” không có trong danh mục "
                         "khu dân cư.")
    if len(ids) > 1:
        raise ValueError(f"{col.label}: có {len(ids)} khu dân cư cùng tên "
                         f"“{as_text(value)}”; hãy sửa danh mục cho khỏi trùng.")
    return ids[0]


def parse_row(cols: dict[int, ColumnSpec], values: tuple,
              areas: dict[str, list[int]]) -> tuple[dict, list[str], set[str]]:
    """(record fields, reasons a cell was refused, fields refused) for one row.

    ``areas`` maps the key of an area name to its ids (people only)."""
    kwargs: dict[str, Any] = {}
    reasons: list[str] = []
    failed: set[str] = set()
    for i, col in cols.items():
        value = values[i] if i < len(values) else None
        if blank(value):
            if col.required and col.parse in ("enum",):
                reasons.append(f"{col.label}: chưa nhập.")
                failed.add(col.field)
            continue
        try:
            if col.parse == "text":
                kwargs[col.field] = as_text(value)
            elif col.parse == "phone":
                kwargs[col.field] = _phone(value)
            elif col.parse == "int":
                kwargs[col.field] = _int(value, col)
            elif col.parse == "date":
                kwargs[col.field] = _date(value, col)
            elif col.parse == "enum":
                kwargs[col.field] = _enum(value, col)
            elif col.parse in ("active", "yesno"):
                kwargs[col.field] = _active(value, col)
            elif col.parse == "area":
                kwargs[col.field] = _area(value, col, areas)
        except ValueError as exc:
            reasons.append(str(exc))
            failed.add(col.field)
    return kwargs, reasons, failed
