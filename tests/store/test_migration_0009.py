"""Migration 0009: an older database's cells get their membership history, documents
a study deadline column; down to 0008 and up again."""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from datetime import date

from alembic import command
from old_db import TS, UUID, build_at

from tgdesk.services import coverage, membership
from tgdesk.services.context import open_context
from tgdesk.store.migrate import alembic_config, current_revision, head_revision, upgrade


def test_an_0008_database_upgrades_with_a_step_per_counted_cell(tmp_path):
    path = build_at(tmp_path / "cu.sqlite", "0008")
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO cell (id, name, secretary, member_count, note, active, uuid, "
                 "created_at, updated_at, deleted) VALUES (2, 'Chi bộ chưa rõ số', NULL, NULL, "
                 "NULL, 1, ?, ?, ?, 0)", (UUID.format(99), TS, TS))
    conn.commit()
    conn.close()

    ctx = open_context(path, today=lambda: date(2026, 11, 24))
    try:
        assert current_revision(ctx.engine) == head_revision()
        assert ctx.backup_made is not None
        # the cell of old_db (42 members, entered 01/11/2026); none for the cell without a count
        assert [(e.effective_on, e.member_count) for e in membership.history(ctx, 1)] == [
            (date(2026, 11, 1), 42)]
        assert membership.history(ctx, 2) == []
        (dc,) = coverage.coverage(ctx, [1])
        assert dc.document.study_deadline is None
        assert [(c.name, c.members, c.covered) for c in dc.cells] == [
            ("Chi bộ Khu phố 3", 42, 38), ("Chi bộ chưa rõ số", 0, 0)]
    finally:
        ctx.close()
    conn = sqlite3.connect(path)
    try:
        cols = {r[1]: r for r in conn.execute("PRAGMA table_info(party_document)")}
        assert cols["study_deadline"][2] == "DATE" and cols["study_deadline"][3] == 0
        assert conn.execute("SELECT study_deadline FROM party_document").fetchall() == [(None,)]
        (uuid,) = conn.execute("SELECT uuid FROM cell_member_count").fetchone()
        assert len(uuid) == 36
    finally:
        conn.close()


def test_down_to_0008_and_up_again(ctx):
    with ctx.engine.begin() as conn:
        cfg = alembic_config(ctx.engine)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0008")
    with ctx.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table'")}
        cols = {r[1] for r in conn.exec_driver_sql("PRAGMA table_info(party_document)")}
    assert "cell_member_count" not in tables and "study_deadline" not in cols
    upgrade(ctx.engine, None, None)
    assert current_revision(ctx.engine) == head_revision()
