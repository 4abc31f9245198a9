"""Catalogue rows an imported row repeats, in the database or earlier in the file.

The rule is the one of every import path (services/duplicates.py:
``catalogue_key``); this module reads the catalogue into it and names a row."""

from __future__ import annotations

from sqlalchemy import select

from tgdesk import vnformat as vf

from ..duplicates import CatalogueIndex
from ..kinds import CATALOGUE_KINDS
from .specs import CatalogueSpec

DUPLICATE_REASON = "đã có trong danh mục"


def existing(session, spec: CatalogueSpec) -> CatalogueIndex:
    """An index of the catalogue's live rows, each found as its id."""
    kind = CATALOGUE_KINDS[spec.kind]
    index = CatalogueIndex(spec.kind)
    for row in session.scalars(select(spec.row).where(spec.row.deleted.is_(False))):
        index.add(kind.to_record(row), row.id)
    return index


def describe(spec: CatalogueSpec, rec) -> str:
    if spec.kind == "documents":
        return f"Văn bản số {rec.number_symbol} ({vf.short_date(rec.issued_on)})"
    if spec.kind == "people":
        return f"Người “{rec.full_name}”" + (f" (điện thoại {rec.phone})" if rec.phone else "")
    return f"{spec.columns[0].label} “{rec.name}”"
