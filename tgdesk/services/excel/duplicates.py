"""Finding catalogue rows an imported row repeats, in the database or earlier in the file."""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import select

from tgdesk import vnformat as vf
from tgdesk.domain.text import fold

from ..kinds import CATALOGUE_KINDS
from .cells import key
from .specs import CatalogueSpec

DUPLICATE_REASON = "đã có trong danh mục"


def _symbol_key(text: str) -> str:
    return re.sub(r"\s+", "", fold(text))


def _digits(phone: str | None) -> str | None:
    d = re.sub(r"\D", "", phone or "")
    return d or None


class Index:
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
            return key(rec.full_name or ""), _digits(rec.phone)
        return key(rec.name or ""), None

    def find(self, rec) -> int | None:
        k, phone = self.key(rec)
        for other_phone, ref in self.seen.get(k, ()):
            if phone is None or other_phone is None or phone == other_phone:
                return ref
        return None

    def add(self, rec, ref: int) -> None:
        k, phone = self.key(rec)
        self.seen.setdefault(k, []).append((phone, ref))


def existing(session, spec: CatalogueSpec) -> Index:
    """An index of the catalogue's live rows, each found as its id."""
    kind = CATALOGUE_KINDS[spec.kind]
    index = Index(spec.kind)
    for row in session.scalars(select(spec.row).where(spec.row.deleted.is_(False))):
        index.add(kind.to_record(row), row.id)
    return index


def describe(spec: CatalogueSpec, rec) -> str:
    if spec.kind == "documents":
        return f"Văn bản số {rec.number_symbol} ({vf.short_date(rec.issued_on)})"
    if spec.kind == "people":
        return f"Người “{rec.full_name}”" + (f" (điện thoại {rec.phone})" if rec.phone else "")
    return f"{spec.columns[0].label} “{rec.name}”"
