"""Helpers for the demo tests: every table's rows (timestamps left out), a fresh database."""

from __future__ import annotations

import shutil
from datetime import date

from sqlalchemy import select

from tgdesk.services.context import open_context
from tgdesk.store import tables as t

TODAY = date(2026, 11, 24)  # the conftest ctx fixture's today

VOLATILE = {"created_at", "updated_at"}


def dump(ctx) -> dict[str, list[tuple]]:
    out = {}
    with ctx.reading() as session:
        for table in t.Base.metadata.sorted_tables:
            if table.name == "audit_entry":     # when and by whom, not demo data
                continue
            cols = [c for c in table.columns if c.name not in VOLATILE]
            out[table.name] = [tuple(r) for r in session.execute(
                select(*cols).order_by(*table.primary_key.columns))]
    return out


def fresh(template_db, tmp_path, name: str):
    path = tmp_path / name
    shutil.copy(template_db, path)
    return open_context(path, today=lambda: TODAY)
