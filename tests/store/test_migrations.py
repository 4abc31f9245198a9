"""Migrations keep every row, copy the file aside first, refuse what is not ours
or too new, and end at exactly the schema the ORM describes."""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from old_db import ROWS_0001, UUID, dump, sha, snapshot, user_tables

from tgdesk.services.context import open_context
from tgdesk.services.errors import UserError
from tgdesk.store.db import create_db_engine
from tgdesk.store.migrate import current_revision, head_revision
from tgdesk.store.search import FTS_TABLES
from tgdesk.store.tables import Base


def is_fts(name: str | None) -> bool:
    """FTS5 tables (and their shadow tables) are made by hand, outside the ORM."""
    return bool(name) and any(name == fts or name.startswith(fts + "_")
                              for fts in FTS_TABLES.values())


def include_object(obj, name, type_, reflected, compare_to) -> bool:
    return not (type_ == "table" and is_fts(name))


def test_upgrade_from_first_migration_keeps_every_row_and_backs_up(db_0001):
    before = snapshot(db_0001)
    for table in ROWS_0001:
        assert len(before[table]) == 1, table
    assert any("Bình Tiên" in str(v) for v in before["unit"][0])

    ctx = open_context(db_0001)
    try:
        assert current_revision(ctx.engine) == head_revision()
        backup = ctx.backup_made
    finally:
        ctx.close()

    # the copy aside: beside the database in backups/, a valid SQLite file with the rows
    assert backup is not None
    assert backup.parent == db_0001.parent / "backups"
    assert backup.is_file()
    assert backup.read_bytes()[:16] == b"SQLite format 3\x00"
    bconn = sqlite3.connect(backup)
    try:
        assert bconn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert bconn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
        for table in ROWS_0001:
            assert dump(bconn, table) == before[table], table
        cols_0001 = {table: [r[1] for r in bconn.execute(f"PRAGMA table_info({table})")]
                     for table in ROWS_0001}
    finally:
        bconn.close()

    # every row intact after the upgrade
    after_conn = sqlite3.connect(db_0001)
    try:
        for table in ROWS_0001:
            cols_before = cols_0001[table]
            cols_after = [r[1] for r in after_conn.execute(f"PRAGMA table_info({table})")]
            rows = after_conn.execute(
                f"SELECT {', '.join(cols_before)} FROM {table}").fetchall()
            assert [tuple(r) for r in rows] == before[table], table
            assert set(cols_before) <= set(cols_after)
        assert after_conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] \
            == head_revision()
    finally:
        after_conn.close()


def test_upgraded_rows_are_readable_through_the_services(db_0001):
    from tgdesk.services import lists, unit
    from tgdesk.services.kinds import OPINIONS, STUDIES

    ctx = open_context(db_0001)
    try:
        s = STUDIES.get(ctx, 1)
        assert s.title == "Học tập chuyên đề năm 2026"
        assert s.document_ids == [1]
        assert s.uuid == UUID.format(8)
        o = OPINIONS.get(ctx, 1)
        assert o.summary == "Người dân băn khoăn về giá đền bù đất đai"
        assert lists.record_ids(ctx, "meetings") == [1]
        assert unit.get_unit(ctx).name == "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN"
    finally:
        ctx.close()


def test_opening_at_head_again_makes_no_backup(db_0001):
    ctx = open_context(db_0001)
    ctx.close()
    backups = db_0001.parent / "backups"
    first = sorted(backups.iterdir())
    assert len(first) == 1

    ctx = open_context(db_0001)
    try:
        assert ctx.backup_made is None
    finally:
        ctx.close()
    assert sorted(backups.iterdir()) == first


def test_new_empty_database_makes_no_backup(tmp_path):
    path = tmp_path / "moi.sqlite"
    ctx = open_context(path)
    try:
        assert ctx.backup_made is None
        assert current_revision(ctx.engine) == head_revision()
    finally:
        ctx.close()
    assert not (tmp_path / "backups").exists()


def _stamp(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        conn.commit()
    finally:
        conn.close()


def test_newer_database_is_refused_and_unchanged(db_path):
    _stamp(db_path, "9999")
    before = sha(db_path)
    with pytest.raises(UserError) as err:
        open_context(db_path)
    assert "phiên bản tgdesk mới hơn" in str(err.value)
    assert "9999" in str(err.value)
    assert sha(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_newer_database_in_rollback_journal_mode_is_unchanged(db_0001):
    """A file not in WAL mode must not be switched to WAL before being refused."""
    _stamp(db_0001, "9999")
    conn = sqlite3.connect(db_0001)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before = sha(db_0001)
    with pytest.raises(UserError, match="mới hơn"):
        open_context(db_0001)
    assert sha(db_0001) == before
    assert sorted(p.name for p in db_0001.parent.iterdir()) == ["cu.sqlite"]


def test_text_file_is_refused_and_unchanged(tmp_path):
    path = tmp_path / "ghi_chu.sqlite"
    path.write_text("Đây không phải cơ sở dữ liệu.\n", encoding="utf-8")
    before = sha(path)
    with pytest.raises(UserError) as err:
        open_context(path)
    assert "không phải là cơ sở dữ liệu tgdesk" in str(err.value)
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ghi_chu.sqlite"]


def test_foreign_sqlite_file_is_refused_and_unchanged(tmp_path):
    path = tmp_path / "khac.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE danh_ba (ten TEXT)")
    conn.execute("INSERT INTO danh_ba VALUES ('Nguyễn Văn A')")
    conn.commit()
    conn.close()
    before = sha(path)
    with pytest.raises(UserError) as err:
        open_context(path)
    assert "không phải cơ sở dữ liệu tgdesk" in str(err.value)
    assert sha(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["khac.sqlite"]


def test_migrated_schema_equals_the_orm_metadata(db_path):
    engine = create_db_engine(db_path)
    try:
        with engine.connect() as conn:
            mc = MigrationContext.configure(conn, opts={"compare_type": True,
                                                        "compare_server_default": True,
                                                        "include_object": include_object})
            diff = compare_metadata(mc, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []


def test_every_orm_table_exists_after_migration(db_path):
    conn = sqlite3.connect(db_path)
    try:
        tables = {name for name in user_tables(conn) if not is_fts(name)}
        assert tables == set(Base.metadata.tables) | {"alembic_version"}
    finally:
        conn.close()


def test_revisions_read_from_file_names_are_alembics():
    """Opening reads the revisions from the migration files' names (no Alembic
    import); they must be Alembic's own, one linear chain ending at its head."""
    from alembic.script import ScriptDirectory

    from tgdesk.store.migrate import MIGRATIONS_DIR, known_revisions

    script = ScriptDirectory(str(MIGRATIONS_DIR))
    chain = [rev.revision for rev in script.walk_revisions()][::-1]   # oldest first
    assert known_revisions() == set(chain)
    assert head_revision() == script.get_current_head() == chain[-1]
    downs = [script.get_revision(rev).down_revision for rev in chain]
    assert downs == [None, *chain[:-1]]


def test_current_revision_by_plain_sql_equals_alembics(db_0001, tmp_path):
    empty = create_db_engine(tmp_path / "trong.sqlite")
    engine = create_db_engine(db_0001)
    try:
        for eng, expected in ((empty, None), (engine, "0001")):
            with eng.connect() as conn:
                assert MigrationContext.configure(conn).get_current_revision() == expected
            assert current_revision(eng) == expected
    finally:
        engine.dispose()
        empty.dispose()
