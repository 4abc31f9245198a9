"""Text normalisation shared by every layer."""

from __future__ import annotations

import re
import unicodedata


def nfc(value: str | None) -> str | None:
    """NFC-normalise and strip; None and blank both become None."""
    if value is None:
        return None
    value = unicodedata.normalize("NFC", value).strip()
    return value or None


def nfc_keep(value: str | None) -> str:
    """NFC-normalise and strip, keeping an empty string."""
    return nfc(value) or ""


def fold(value: str) -> str:
    """Lower-case, strip diacritics and map đ to d ("Nghị quyết" -> "nghi quyet")."""
    decomposed = unicodedata.normalize("NFD", value.lower())
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return stripped.replace("đ", "d")


def normalize_fields(record) -> None:
    """NFC-normalise every text field of a dataclass record, in place.

    Optional fields that end up blank become None; required ones become "".
    """
    import dataclasses

    for f in dataclasses.fields(record):
        value = getattr(record, f.name)
        if isinstance(value, str):
            optional = "None" in str(f.type)
            setattr(record, f.name, nfc(value) if optional else nfc_keep(value))


# --- what text may hold ---------------------------------------------------------

# Line breaks and tabs are ordinary in multi-line fields; every other control
# character (C0, DEL, C1) is refused, and so is a lone UTF-16 surrogate, which
# no file encoding can store.
_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def text_problem(value: str) -> str | None:
    """Why ``value`` cannot be stored as text (Vietnamese), or None if it can."""
    m = _BAD.search(value)
    if m is None:
        return None
    code = ord(m.group())
    where = f"ở ký tự thứ {m.start() + 1}"
    if 0xD800 <= code <= 0xDFFF:
        return f"có mã Unicode lẻ (U+{code:04X}) {where}, không phải chữ hợp lệ."
    return f"có ký tự điều khiển (U+{code:04X}) {where}; hãy xóa ký tự đó."


def printable(value: str, limit: int | None = None) -> str:
    """``value`` safe to show and print: lone surrogates and control characters
    (other than line breaks and tabs) become U+FFFD; cut at ``limit`` with "…"."""
    if limit is not None and len(value) > limit:
        value = value[:limit] + "…"
    return _BAD.sub(REPLACEMENT, value)
