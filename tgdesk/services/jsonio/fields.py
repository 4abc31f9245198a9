"""Checking and converting the fields of one JSON record: types, dates, keys, labels."""

from __future__ import annotations

import dataclasses
import re
from datetime import date

from tgdesk import vnformat as vf
from tgdesk.domain.text import nfc, printable

from .specs import Spec

MAX_INT = 10**9                        # any integer field; the validation bounds are lower
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}", re.ASCII)


def field_types(record: type) -> dict[str, str]:
    return {f.name: str(f.type) for f in dataclasses.fields(record)}


def allowed_keys(spec: Spec) -> list[str]:
    """The keys a record of ``spec`` may hold: its fields, references by name
    in place of the id fields, never the internal id."""
    ref_fields = {r.field for r in spec.refs}
    keys = [f.name for f in dataclasses.fields(spec.record)
            if f.name != "id" and f.name not in ref_fields]
    return keys + [r.key for r in spec.refs]


def convert(value, ftype: str):
    """(converted value, error message or None) for one JSON value."""
    optional = "None" in ftype
    if value is None:
        if optional:
            return None, None
        return None, "không được để trống (null)."
    if ftype.startswith("str"):
        if not isinstance(value, str):
            return None, "phải là chuỗi văn bản."
        return value, None
    if ftype.startswith("int"):
        if isinstance(value, bool) or not isinstance(value, int):
            return None, "phải là số nguyên."
        if not -MAX_INT <= value <= MAX_INT:
            return None, f"số quá lớn (giới hạn {vf.number(MAX_INT)})."
        return value, None
    if ftype.startswith("bool"):
        if not isinstance(value, bool):
            return None, "phải là true hoặc false."
        return value, None
    if ftype.startswith("date"):
        if not isinstance(value, str) or not ISO_DATE.fullmatch(value):
            shown = printable(str(value), 40)
            return None, f"ngày “{shown}” phải viết dạng YYYY-MM-DD, ví dụ 2026-11-05."
        try:
            return date.fromisoformat(value), None
        except ValueError:
            return None, f"ngày “{value}” không có thật."
    return None, "kiểu dữ liệu không được hỗ trợ."


def label(kind: str, index: int, item: dict) -> str:
    """meetings[3] “Giao ban …” (05/11/2026), as far as the item tells."""
    out = f"{kind}[{index}]"
    if not isinstance(item, dict):
        return out
    for key in ("number_symbol", "full_name", "name", "title", "summary"):
        text = item.get(key)
        if isinstance(text, str) and text.strip():
            out += f" “{printable(nfc(text) or '', 50)}”"
            break
    for key in ("held_on", "noted_on", "issued_on"):
        day = item.get(key)
        if isinstance(day, str) and ISO_DATE.fullmatch(day):
            try:
                out += f" ({vf.short_date(date.fromisoformat(day))})"
            except ValueError:
                pass
            break
    return out


def name_key(name: str) -> str:
    """How names are compared: NFC, case folded."""
    return (nfc(name) or "").casefold()
