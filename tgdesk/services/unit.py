"""The unit's own settings (name, parent, place, signer, profile)."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from tgdesk.domain.records import UnitSettings
from tgdesk.domain.text import normalize_fields
from tgdesk.domain.validation import validate_unit
from tgdesk.store.tables import UnitRow

from .context import Context
from .errors import ValidationFailed

FIELDS = [f.name for f in dataclasses.fields(UnitSettings)]


def get_unit(ctx: Context) -> UnitSettings | None:
    """The unit's settings, or None before the first set-up."""
    with ctx.reading() as session:
        row = session.scalars(select(UnitRow).order_by(UnitRow.id)).first()
        if row is None:
            return None
        return UnitSettings(**{n: getattr(row, n) for n in FIELDS})


def save_unit(ctx: Context, unit: UnitSettings) -> None:
    unit = dataclasses.replace(unit)
    normalize_fields(unit)
    verdict = validate_unit(unit)
    if not verdict.ok:
        raise ValidationFailed(verdict)
    with ctx.transaction() as session:
        row = session.scalars(select(UnitRow).order_by(UnitRow.id)).first()
        if row is None:
            row = UnitRow()
            session.add(row)
        for n in FIELDS:
            setattr(row, n, getattr(unit, n))
