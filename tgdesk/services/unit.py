"""The unit's own settings (name, parent, place, signer, profile), and the
upper level's guidance on reporting that every report cites in its opening
("Thực hiện Hướng dẫn số 12-HD/BTGDVTU ngày 05/01/2026 của …"), filled once."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from tgdesk.domain.records import UnitSettings
from tgdesk.domain.roles import Permission
from tgdesk.domain.text import nfc, normalize_fields
from tgdesk.domain.validation import Verdict, validate_unit
from tgdesk.store.tables import UnitRow

from .context import Context
from .errors import ValidationFailed
from .settings_store import GUIDANCE, get_setting, put_setting
from .starter import StarterRow, add_rows

FIELDS = [f.name for f in dataclasses.fields(UnitSettings)]
GUIDANCE_NUMBER_MAX = 40


@dataclass(frozen=True)
class Guidance:
    """The number and date of the upper level's guidance the reports cite."""
    number: str = ""                 # "12-HD/BTGDVTU"
    issued_on: date | None = None

    def is_set(self) -> bool:
        return bool(self.number) and self.issued_on is not None


def get_unit(ctx: Context) -> UnitSettings | None:
    """The unit's settings, or None before the first set-up."""
    with ctx.reading() as session:
        row = session.scalars(select(UnitRow).order_by(UnitRow.id)).first()
        if row is None:
            return None
        return UnitSettings(**{n: getattr(row, n) for n in FIELDS})


def save_unit(ctx: Context, unit: UnitSettings, guidance: Guidance | None = None,
              starter: Sequence[StarterRow] = ()) -> dict[str, int]:
    """Save the unit's settings and, when given, the guidance, in one transaction;
    nothing is saved when one of them is wrong. The ``starter`` rows (standard
    catalogue rows, ``starter.offered``) are added in the same transaction to the
    catalogues still empty; returns how many were added per kind."""
    ctx.require(Permission.ADMINISTER)
    unit = dataclasses.replace(unit)
    normalize_fields(unit)
    verdict = validate_unit(unit)
    if guidance is not None:
        guidance = clean_guidance(guidance)
        verdict.errors += check_guidance(guidance, ctx.today()).errors
    if not verdict.ok:
        raise ValidationFailed(verdict)
    with ctx.transaction() as session:
        row = session.scalars(select(UnitRow).order_by(UnitRow.id)).first()
        if row is None:
            row = UnitRow()
            session.add(row)
        for n in FIELDS:
            setattr(row, n, getattr(unit, n))
        if guidance is not None:
            put_setting(session, GUIDANCE, _guidance_json(guidance))
        return add_rows(session, starter, ctx.today()) if starter else {}


# --- the guidance the reports cite ---------------------------------------------

_PREFIX = re.compile(r"^\s*(?:hướng\s+dẫn\s*)?(?:số\s*:?\s*)?", re.IGNORECASE)


def clean_guidance(guidance: Guidance) -> Guidance:
    """The number as it follows "Hướng dẫn số": composed, without a typed "Hướng dẫn số"."""
    number = " ".join(_PREFIX.sub("", nfc(guidance.number or "") or "").split())
    return Guidance(number, guidance.issued_on)


def check_guidance(guidance: Guidance, today: date) -> Verdict:
    """Both or neither; the fields of the issues are "guidance_number" and "guidance_date"."""
    v = Verdict()
    number, day = guidance.number, guidance.issued_on
    if not number and day is None:
        return v
    if not number:
        v.error("guidance_number", "Số, ký hiệu hướng dẫn: chưa nhập (ví dụ 12-HD/BTGDVTU).")
    elif "…" in number or "..." in number or not any(c.isdigit() for c in number):
        v.error("guidance_number", "Số, ký hiệu hướng dẫn: ghi đủ số văn bản, ví dụ "
                                   "12-HD/BTGDVTU.")
    elif len(number) > GUIDANCE_NUMBER_MAX:
        v.error("guidance_number", f"Số, ký hiệu hướng dẫn: dài quá {GUIDANCE_NUMBER_MAX} "
                                   "ký tự.")
    if day is None:
        v.error("guidance_date", "Ngày hướng dẫn: chưa nhập.")
    elif day > today:
        v.error("guidance_date", f"Ngày hướng dẫn {day:%d/%m/%Y} sau ngày hôm nay.")
    return v


def _guidance_json(guidance: Guidance) -> dict | None:
    if not guidance.number and guidance.issued_on is None:
        return None
    return {"number": guidance.number,
            "issued_on": guidance.issued_on.isoformat() if guidance.issued_on else None}


def get_guidance(ctx: Context) -> Guidance:
    """The guidance saved (an empty one when none or unreadable)."""
    raw = get_setting(ctx, GUIDANCE)
    if not isinstance(raw, dict):
        return Guidance()
    number = raw.get("number") if isinstance(raw.get("number"), str) else ""
    try:
        day = date.fromisoformat(raw["issued_on"]) if raw.get("issued_on") else None
    except (TypeError, ValueError):
        day = None
    return Guidance(number, day)


def save_guidance(ctx: Context, guidance: Guidance) -> Guidance:
    """Check and save the guidance alone; an empty one clears it."""
    ctx.require(Permission.ADMINISTER)
    guidance = clean_guidance(guidance)
    verdict = check_guidance(guidance, ctx.today())
    if not verdict.ok:
        raise ValidationFailed(verdict)
    with ctx.transaction() as session:
        put_setting(session, GUIDANCE, _guidance_json(guidance))
    return guidance
