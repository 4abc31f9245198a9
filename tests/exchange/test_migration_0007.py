"""Migration 0007 goes down to 0006 and up again, keeping the search triggers."""

from __future__ import annotations

from tgdesk.store.migrate import upgrade
from alembic import command
from tgdesk.store.migrate import alembic_config


def _triggers(ctx) -> set[str]:
    with ctx.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='trigger'")}


def test_down_and_up_again(ctx):
    before = _triggers(ctx)
    with ctx.engine.begin() as conn:
        cfg = alembic_config(ctx.engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0006")
    with ctx.engine.connect() as conn:
        cols = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(meeting)")}
    # at 0006 the search triggers of migration 0004 stay; those of 0011 are gone with it
    older = {name for name in before
             if name.split("_fts_")[0] in ("meeting", "study_session", "opinion_note")}
    assert "origin_unit_id" not in cols and _triggers(ctx) == older and older
    upgrade(ctx.engine, None, None)
    assert _triggers(ctx) == before
