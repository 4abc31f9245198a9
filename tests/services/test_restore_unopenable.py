"""Restoring a database damaged beyond opening, without opening it: the backups
are listed from the folder beside it, the backup is checked as any restore
checks it, the damaged file (and its -wal) is kept aside, never deleted, and a
refused backup moves nothing. Real temporary databases throughout."""

from __future__ import annotations

import os
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import Path

import pytest
from area_rows import add_areas, area_count

from tgdesk.services.backups import (
    BackupSettings,
    backups_at,
    get_backup_settings,
    list_backups,
    make_backup,
    save_backup_settings,
)
from tgdesk.services.context import open_context
from tgdesk.services.db_lock import LockHeld, WriterLock
from tgdesk.services.errors import UserError
from tgdesk.services.restore import (
    check_backup_for,
    is_damage,
    restore,
    restore_without_opening,
)
from tgdesk.store.backup import backup_copy, inspect_file
from tgdesk.store.db import create_db_engine
from tgdesk.store.migrate import head_revision, upgrade


def folder_state(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` with its content (hidden ones too), but the writer
    lock's file, which any writing command leaves (empty) beside the database."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.endswith(".lock")}


@pytest.fixture
def backed_up(db_path) -> tuple[Path, Path]:
    """A database with 40 areas, a backup of it, then 25 more areas (65 in all)."""
    add_areas(db_path, [f"Khu phố {i}" for i in range(40)])
    ctx = open_context(db_path)
    try:
        backup = make_backup(ctx).path
    finally:
        ctx.close()
    add_areas(db_path, [f"Tổ {i}" for i in range(25)])
    assert area_count(db_path) == 65
    return db_path, backup


def garbage(db: Path) -> bytes:
    data = os.urandom(db.stat().st_size)
    db.write_bytes(data)
    return data


def half(db: Path) -> bytes:
    data = db.read_bytes()[: db.stat().st_size // 2]
    db.write_bytes(data)
    return data


def unopenable(db: Path) -> UserError:
    with pytest.raises(UserError) as err:
        open_context(db)
    return err.value


@pytest.mark.parametrize("damage", [garbage, half])
def test_a_damaged_database_is_listed_and_restored_and_kept_aside(backed_up, damage):
    db, backup = backed_up
    damaged = damage(db)
    assert is_damage(unopenable(db))
    wal = b"what a wal file held" * 10
    Path(f"{db}-wal").write_bytes(wal)

    assert [b.path for b in backups_at(db)] == [backup]
    result = restore_without_opening(db, backup)

    assert area_count(db) == 40                              # the data of the backup
    assert inspect_file(db).revision == head_revision()
    open_context(db).close()                                 # opens as usual again
    kept = result.kept_copy
    assert kept is not None and kept.parent == db.parent / "backups"
    assert kept.name.startswith("tgdesk-") and kept.name.endswith("-truoc-khoi-phuc-hong.sqlite")
    assert kept.read_bytes() == damaged                      # the damaged file, as it was
    assert Path(f"{kept}-wal").read_bytes() == wal           # with its -wal
    assert result.kept_copy_damaged and not result.upgraded
    assert "Đã khôi phục" in result.text() and str(kept) in result.text()
    assert not [p for p in db.parent.iterdir() if p.name.startswith(".")]   # no staged copy


def test_listing_needs_no_open_database_and_is_the_same_listing(ctx, tmp_path):
    made = [make_backup(ctx), make_backup(ctx)]
    assert [b.path for b in backups_at(ctx.db_path)] == [b.path for b in reversed(made)]
    assert backups_at(ctx.db_path) == list_backups(ctx)
    assert backups_at(tmp_path / "khac" / "tgdesk.sqlite") == []


@pytest.mark.parametrize("which", ["missing", "text", "damaged backup", "newer", "itself"])
def test_a_backup_that_cannot_be_used_is_refused_and_nothing_moves(backed_up, tmp_path, which):
    db, backup = backed_up
    garbage(db)
    candidates = {"missing": tmp_path / "khong-co.sqlite", "itself": db}
    candidates["text"] = tmp_path / "ghi-chu.sqlite"
    candidates["text"].write_text("không phải cơ sở dữ liệu", encoding="utf-8")
    broken = bytearray(backup.read_bytes())
    broken[4096 * 2:4096 * 5] = b"\xff" * (4096 * 3)
    candidates["damaged backup"] = tmp_path / "hong.sqlite"
    candidates["damaged backup"].write_bytes(bytes(broken))
    candidates["newer"] = tmp_path / "moi-hon.sqlite"
    candidates["newer"].write_bytes(backup.read_bytes())
    conn = sqlite3.connect(candidates["newer"])
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = (folder_state(db.parent), folder_state(backup.parent))

    with pytest.raises(UserError) as err:
        restore_without_opening(db, candidates[which])

    expected = {"missing": "Không tìm thấy", "text": "không phải", "damaged backup": "bị hỏng",
                "newer": "mới hơn", "itself": "chính là cơ sở dữ liệu"}[which]
    assert expected in str(err.value)
    assert (folder_state(db.parent), folder_state(backup.parent)) == before


def test_the_check_is_the_one_restore_makes(backed_up, tmp_path):
    db, backup = backed_up
    plan = check_backup_for(db, backup)
    assert plan.path == backup and not plan.upgrade_needed
    assert "không mở được" in plan.question(damaged=True)
    assert "không mở được" not in plan.question()


def test_another_writer_holds_the_lock_and_nothing_moves(backed_up):
    db, backup = backed_up
    garbage(db)
    before = folder_state(db.parent)
    with WriterLock(db):
        with pytest.raises(LockHeld):
            restore_without_opening(db, backup, wait=0)
    assert folder_state(db.parent) == before


def test_when_the_backup_cannot_be_put_in_place_nothing_changes(backed_up, monkeypatch):
    db, backup = backed_up
    damaged = garbage(db)
    wal = b"wal" * 50
    Path(f"{db}-wal").write_bytes(wal)
    backups_before = folder_state(backup.parent)
    real_replace = os.replace

    def refuse_the_last_step(src, dst):
        if Path(dst) == db:
            raise PermissionError(13, "Permission denied", str(dst))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", refuse_the_last_step)
    with pytest.raises(UserError) as err:
        restore_without_opening(db, backup)
    monkeypatch.undo()
    assert "không thay đổi" in str(err.value) and "Permission" not in str(err.value)
    assert db.read_bytes() == damaged and Path(f"{db}-wal").read_bytes() == wal
    assert folder_state(backup.parent) == backups_before
    assert not [p for p in db.parent.iterdir() if p.name.startswith(".")]


def test_an_older_backup_is_upgraded_after_it_is_put_in_place(db_path, tmp_path):
    old = tmp_path / "cu" / "tgdesk.sqlite"
    old.parent.mkdir()
    engine = create_db_engine(old)
    try:
        upgrade(engine, None, None, target="0006")
    finally:
        engine.dispose()
    add_areas(old, ["Khu phố cũ"])
    backup = backup_copy(old, tmp_path / "cu-backups", "thu-cong")
    garbage(db_path)

    result = restore_without_opening(db_path, backup)

    assert result.upgraded and "nâng cấp" in result.text()
    assert inspect_file(db_path).revision == head_revision() and area_count(db_path) == 1
    assert inspect_file(backup).revision == "0006"          # the backup itself unchanged


def test_what_counts_as_damage(backed_up, tmp_path):
    db, _ = backed_up
    newer = tmp_path / "moi" / "tgdesk.sqlite"
    newer.parent.mkdir()
    newer.write_bytes(db.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    assert not is_damage(unopenable(newer))                  # a newer tgdesk's: not damaged
    assert not is_damage(LockHeld(None))
    assert not is_damage(sqlite3.OperationalError("database is locked"))
    assert is_damage(sqlite3.DatabaseError("database disk image is malformed"))
    half(db)
    assert is_damage(unopenable(db))


def test_the_open_restore_survives_unreadable_settings(backed_up):
    """A database that opens but whose settings table is damaged still restores."""
    db, backup = backed_up
    ctx = open_context(db)
    try:
        save_backup_settings(ctx, BackupSettings(keep_daily=9))
        with ctx.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            roots = conn.exec_driver_sql("SELECT rootpage FROM sqlite_master WHERE tbl_name = "
                                         "'setting' AND rootpage > 0").scalars().all()
    finally:
        ctx.close()
    page = inspect_file(db).page_size
    with db.open("r+b") as fh:                  # the settings' table and index pages: garbage
        for root in roots:
            fh.seek((root - 1) * page)
            fh.write(b"\xff" * page)
    ctx = open_context(db)
    try:
        with pytest.raises(Exception) as err:   # as the restore reads them
            get_backup_settings(ctx)
        assert is_damage(err.value)
        result = restore(ctx, backup)
    finally:
        ctx.close()
    assert result.kept_copy_damaged and area_count(db) == 40


def test_where_hard_links_are_not_possible_the_damaged_file_is_copied(backed_up, monkeypatch):
    db, backup = backed_up
    damaged = garbage(db)

    def no_links(src, dst):
        raise OSError(1, "Operation not permitted")     # as on a FAT drive

    monkeypatch.setattr(os, "link", no_links)
    result = restore_without_opening(db, backup)
    assert result.kept_copy.read_bytes() == damaged and area_count(db) == 40
