"""An upgrade is one transaction: from any older revision it ends at head with
every row, and a failure in its last step leaves the file exactly as it was,
still at its old revision; a retry reuses the copy taken aside."""

from __future__ import annotations

import logging
import shutil
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from old_db import build_at, revisions, schema, sha, snapshot, tables_at

from tgdesk.services.context import open_context
from tgdesk.services.errors import UserError
from tgdesk.store import migrate
from tgdesk.store.backup import backup_copy
from tgdesk.store.db import create_db_engine
from tgdesk.store.migrate import (UpgradeFailed, current_revision, head_revision,
                                  upgrade, upgrade_backup_name)
from tgdesk.store.search import FTS_TABLES
from tgdesk.store.tables import Base

OLDER = revisions()[:-1]


def _include(obj, name, type_, reflected, compare_to) -> bool:
    return not (type_ == "table" and any(name == f or name.startswith(f + "_")
                                         for f in FTS_TABLES.values()))


def columns(path: Path, tables) -> dict[str, list[str]]:
    conn = sqlite3.connect(path)
    try:
        return {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in tables}
    finally:
        conn.close()


def _checks(path: Path) -> tuple[str, list]:
    conn = sqlite3.connect(path)
    try:
        return (conn.execute("PRAGMA integrity_check").fetchone()[0],
                conn.execute("PRAGMA foreign_key_check").fetchall())
    finally:
        conn.close()


@pytest.mark.parametrize("revision", OLDER)
def test_every_older_revision_upgrades_to_head_with_its_rows(tmp_path, revision):
    path = build_at(tmp_path / "cu.sqlite", revision)
    tables = tables_at(revision)
    before = snapshot(path, tables)
    assert all(before[t] for t in tables)
    cols = columns(path, tables)

    ctx = open_context(path)
    try:
        assert current_revision(ctx.engine) == head_revision()
        assert ctx.backup_made == tmp_path / "backups" / upgrade_backup_name(path, revision)
        with ctx.engine.connect() as conn:
            mc = MigrationContext.configure(conn, opts={"compare_type": True,
                                                        "include_object": _include})
            assert compare_metadata(mc, Base.metadata) == []
    finally:
        ctx.close()

    assert _checks(path) == ("ok", [])
    conn = sqlite3.connect(path)
    try:
        for table, rows in before.items():
            got = conn.execute(f"SELECT {', '.join(cols[table])} FROM {table}").fetchall()
            assert sorted(got, key=repr) == sorted(rows, key=repr), table
        # the search index covers the rows that were there before it was
        hits = conn.execute("SELECT rowid FROM meeting_fts WHERE meeting_fts MATCH 'tuyen'")
        assert [r[0] for r in hits] == [1]
    finally:
        conn.close()
    assert snapshot(ctx.backup_made, tables) == before


def test_alembic_runs_with_transactional_ddl(tmp_path, caplog):
    caplog.set_level(logging.INFO, logger="alembic.runtime.migration")
    ctx = open_context(tmp_path / "moi.sqlite")
    ctx.close()
    said = [r.getMessage() for r in caplog.records]
    assert "Will assume transactional DDL." in said
    assert not any("non-transactional" in m for m in said)
    assert any("-> 0001" in m for m in said)


# --- a broken revision on top of the real ones ------------------------------------------

BROKEN = '''"""broken on purpose (test)"""
from alembic import op
import sqlalchemy as sa

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
{body}


def downgrade() -> None:
    pass
'''

FAILS_LAST = '''    op.create_table("tam", sa.Column("id", sa.Integer(), primary_key=True))
    op.add_column("meeting", sa.Column("ghi_chu_tam", sa.Text(), nullable=True))
    op.execute("UPDATE meeting SET title = 'đã đổi'")
    op.execute("DELETE FROM study_document")
    raise RuntimeError("bước cuối hỏng")'''

BREAKS_LINKS = '''    op.execute("UPDATE person SET area_id = 999")'''

# A table rebuild (batch copy) of a table other rows point at, ON DELETE CASCADE.
REBUILDS = '''    with op.batch_alter_table("study_session", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("ghi_chu_tam", sa.Text(), nullable=True))'''


@pytest.fixture
def broken_migrations(tmp_path, monkeypatch):
    """Install a copy of the migrations with revision 9999 (``body``) on top."""
    def install(body: str) -> Path:
        folder = tmp_path / "migrations"
        shutil.rmtree(folder, ignore_errors=True)
        shutil.copytree(migrate.MIGRATIONS_DIR, folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
        (folder / "versions" / "9999_broken.py").write_text(
            BROKEN.format(head=head_revision(), body=body), encoding="utf-8")
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
        return folder
    return install


def _upgrade(path: Path) -> Path | None:
    engine = create_db_engine(path)
    try:
        return upgrade(engine, path, path.parent / "backups")
    finally:
        engine.dispose()


def test_failure_in_the_last_step_rolls_back_every_step(db_0001, broken_migrations):
    before_sha, before_rows, before_schema = sha(db_0001), snapshot(db_0001), schema(db_0001)
    broken_migrations(FAILS_LAST)
    with pytest.raises(RuntimeError, match="bước cuối hỏng"):
        _upgrade(db_0001)

    assert sha(db_0001) == before_sha
    assert snapshot(db_0001) == before_rows
    assert schema(db_0001) == before_schema
    assert sorted(p.name for p in db_0001.parent.iterdir()) == ["backups", "cu.sqlite",
                                                               "migrations"]
    engine = create_db_engine(db_0001)
    try:
        assert current_revision(engine) == "0001"
    finally:
        engine.dispose()


def test_a_failed_upgrade_can_be_retried_and_reuses_its_copy(db_0001, broken_migrations,
                                                             monkeypatch):
    backups = db_0001.parent / "backups"
    rows = snapshot(db_0001)
    broken_migrations(FAILS_LAST)
    for _ in range(3):
        with pytest.raises(RuntimeError):
            _upgrade(db_0001)
    copies = list(backups.iterdir())
    assert [p.name for p in copies] == ["cu-truoc-nang-cap-0001.sqlite"]
    made = copies[0].stat()

    monkeypatch.undo()                   # the real migrations again
    ctx = open_context(db_0001)
    try:
        assert ctx.backup_made == copies[0]
        assert current_revision(ctx.engine) == head_revision()
    finally:
        ctx.close()
    assert list(backups.iterdir()) == copies
    assert (copies[0].stat().st_mtime_ns, copies[0].stat().st_ino) == (made.st_mtime_ns,
                                                                       made.st_ino)
    assert snapshot(copies[0]) == rows
    conn = sqlite3.connect(copies[0])
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    finally:
        conn.close()


def test_broken_links_roll_the_upgrade_back_with_a_vietnamese_message(db_0001,
                                                                     broken_migrations):
    before = sha(db_0001)
    broken_migrations(BREAKS_LINKS)
    with pytest.raises(UpgradeFailed):
        _upgrade(db_0001)
    assert sha(db_0001) == before
    with pytest.raises(UserError, match="dữ liệu được giữ nguyên"):
        open_context(db_0001)
    assert sha(db_0001) == before


def test_a_table_rebuild_keeps_the_rows_that_point_at_it(db_0001, broken_migrations):
    links = snapshot(db_0001)["study_document"]
    assert links == [(1, 1)]
    broken_migrations(REBUILDS)
    ctx = open_context(db_0001)
    try:
        assert current_revision(ctx.engine) == "9999"
        with ctx.engine.connect() as conn:
            # foreign keys are back on for every connection after the upgrade
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        ctx.close()
    assert snapshot(db_0001)["study_document"] == links
    assert _checks(db_0001) == ("ok", [])


# --- the copy aside: one per version step -------------------------------------------------

def test_a_copy_of_other_data_under_the_name_is_kept_not_reused(db_0001):
    old = backup_copy(db_0001, db_0001.parent / "backups", "truoc-nang-cap-0001",
                      name=upgrade_backup_name(db_0001, "0001"))   # the data as it was then
    backups = old.parent
    conn = sqlite3.connect(db_0001)      # ... and a record added since
    conn.execute("UPDATE meeting SET title = 'Sơ kết (sửa)', updated_at = "
                 "'2026-11-20 09:00:00.000000'")
    conn.commit()
    conn.close()

    ctx = open_context(db_0001)
    try:
        made = ctx.backup_made
    finally:
        ctx.close()
    assert made == old
    conn = sqlite3.connect(made)
    try:
        assert conn.execute("SELECT title FROM meeting").fetchone()[0] == "Sơ kết (sửa)"
    finally:
        conn.close()
    kept = [p for p in backups.iterdir() if p != made]
    assert len(kept) == 1 and kept[0].name.endswith("-truoc-nang-cap-0001.sqlite")
    conn = sqlite3.connect(kept[0])
    try:
        assert conn.execute("SELECT title FROM meeting").fetchone()[0] == \
            "Sơ kết 9 tháng công tác tuyên giáo"
    finally:
        conn.close()


def test_a_damaged_copy_under_the_name_is_replaced(db_0001):
    backups = db_0001.parent / "backups"
    backups.mkdir()
    damaged = backups / upgrade_backup_name(db_0001, "0001")
    damaged.write_bytes(db_0001.read_bytes()[:3000])
    rows = snapshot(db_0001)
    ctx = open_context(db_0001)
    ctx.close()
    assert ctx.backup_made == damaged
    assert [p.name for p in backups.iterdir()] == [damaged.name]
    assert _checks(damaged) == ("ok", [])
    assert snapshot(damaged) == rows

