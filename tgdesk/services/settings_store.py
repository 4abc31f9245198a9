"""Unit-wide settings kept in the database as JSON (not the unit's identity,
which is services/unit.py): report deadlines, format-profile corrections, the
upper level's guidance the reports cite."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from sqlalchemy.orm import Session

from tgdesk.domain.deadlines import DueRule, rules_from_json
from tgdesk.domain.roles import Permission
from tgdesk.store.tables import SettingRow

from .context import Context

DEADLINES = "report_deadlines"
PROFILE_OVERRIDES = "profile_overrides"
GUIDANCE = "report_guidance"


def get_setting(ctx: Context, key: str, default: Any = None) -> Any:
    with ctx.reading() as session:
        row = session.get(SettingRow, key)
        if row is None:
            return default
        try:
            return json.loads(row.value)
        except ValueError:
            return default


def set_setting(ctx: Context, key: str, value: Any) -> None:
    """Store a unit-wide setting: administration (Quản trị or Lãnh đạo)."""
    ctx.require(Permission.ADMINISTER)
    with ctx.transaction() as session:
        put_setting(session, key, value)


def put_setting(session: Session, key: str, value: Any) -> None:
    """Write a setting inside the caller's transaction."""
    row = session.get(SettingRow, key)
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(SettingRow(key=key, value=text))
    else:
        row.value = text


def deadline_rules(ctx: Context) -> dict[str, DueRule]:
    return rules_from_json(get_setting(ctx, DEADLINES, {}))


def save_deadline_rules(ctx: Context, rules: dict[str, DueRule]) -> None:
    set_setting(ctx, DEADLINES, {kind: asdict(rule) for kind, rule in rules.items()})
