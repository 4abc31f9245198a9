"""Text normalisation shared by every layer."""

from __future__ import annotations

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
