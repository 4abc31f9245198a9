"""Backups as the user sees them: made, listed, copied to a second folder,
pruned by tiers, made automatically; restored (an older backup too) with the
current data kept first; and the data check that finds and repairs a damaged
search index. Real temporary databases throughout."""

from __future__ import annotations

import json
import os
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
import time
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.records import Meeting
from tgdesk.services import backups
from tgdesk.services.backups import (BackupInfo, BackupSettings, automatic_backup,
                                     get_backup_settings, list_backups, make_backup, prune,
                                     save_backup_settings, to_keep)
from tgdesk.services.context import open_context
from tgdesk.services.dbcheck import check
from tgdesk.services.errors import UserError
from tgdesk.services.jsonio import import_file
from tgdesk.services.kinds import MEETINGS
from tgdesk.services.lists import record_ids
from tgdesk.services.restore import check_backup, restore
from tgdesk.store.backup import backup_copy, backup_name, inspect_file
from tgdesk.store.db import create_db_engine
from tgdesk.store.migrate import head_revision, upgrade

HEADER = b"SQLite format 3\x00" + b"\x00" * 84


def meeting(ctx, title: str) -> int:
    return MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 5), title=title,
                                        attendance=20)).id


def titles(ctx) -> set[str]:
    with ctx.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT title FROM meeting")}


def titles_in(path: Path) -> set[str]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT title FROM meeting")}
    finally:
        conn.close()


def folder_of(ctx) -> Path:
    return ctx.db_path.parent / "backups"


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


# --- making and listing ----------------------------------------------------------

def test_make_and_list(ctx):
    meeting(ctx, "Giao ban tháng 11")
    first = make_backup(ctx)
    second = make_backup(ctx, "truoc-nhap-json")
    found = list_backups(ctx)
    assert [b.path for b in found] == [second.path, first.path]        # newest first
    assert first.path.parent == folder_of(ctx)
    assert [b.label for b in found] == ["Trước khi nhập tệp JSON", "Sao lưu thủ công"]
    assert all(b.folder == "chính" and b.size > 0 for b in found)
    assert titles_in(first.path) == {"Giao ban tháng 11"}
    assert found[0].as_json()["reason"] == "truoc-nhap-json"


def test_listing_never_shows_files_that_are_not_backups_of_this_database(ctx):
    make_backup(ctx)
    folder = folder_of(ctx)
    (folder / "ghi-chu.txt").write_text("x")
    (folder / "khac-20260101-080000-thu-cong.sqlite").write_bytes(HEADER)   # another database
    (folder / "tgdesk-20260101-080000-thu-cong.sqlite").write_bytes(b"not sqlite")
    (folder / "tgdesk-truoc-nang-cap-0006.sqlite").write_bytes(HEADER)       # a given name
    (folder / "tgdesk-thu-20260101-080000-thu-cong.sqlite").write_bytes(HEADER)  # db tgdesk-thu
    (folder / "tgdesk-cu.sqlite").write_bytes(HEADER)                        # put there by hand
    found = list_backups(ctx)
    assert sorted(b.reason for b in found) == ["thu-cong", "truoc-nang-cap-0006"]
    assert [b.label for b in found if b.reason.startswith("truoc-nang-cap")] == \
        ["Trước khi nâng cấp dữ liệu (phiên bản 0006)"]


def test_a_second_folder_gets_a_copy_and_its_absence_is_only_a_warning(ctx, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    save_backup_settings(ctx, BackupSettings(second_folder=str(usb)))
    info = make_backup(ctx)
    assert info.warning is None and info.second_copy is not None
    assert info.second_copy.parent.parent == usb.resolve()
    assert inspect_file(info.second_copy).whole
    assert {b.folder for b in list_backups(ctx)} == {"chính", "thứ hai"}
    usb.rename(tmp_path / "usb-rut-ra")                      # the drive is unplugged
    info = make_backup(ctx)
    assert info.path.exists() and info.second_copy is None
    assert "thư mục thứ hai" in info.warning
    assert not usb.exists()                                  # nothing created in its place


def test_backup_to_another_folder(ctx, tmp_path):
    info = make_backup(ctx, out_dir=tmp_path / "ngoai")
    assert info.path.parent == tmp_path / "ngoai" and inspect_file(info.path).whole
    assert list_backups(ctx) == []


def test_settings_are_checked_and_kept(ctx, tmp_path):
    assert get_backup_settings(ctx) == BackupSettings(None, 7, 4, 12)
    with pytest.raises(UserError, match="theo ngày phải từ 1"):
        save_backup_settings(ctx, BackupSettings(keep_daily=0))
    with pytest.raises(UserError, match="Không tìm thấy thư mục"):
        save_backup_settings(ctx, BackupSettings(second_folder=str(tmp_path / "khong-co")))
    with pytest.raises(UserError, match="khác thư mục sao lưu chính"):
        folder_of(ctx).mkdir()
        save_backup_settings(ctx, BackupSettings(second_folder=str(folder_of(ctx))))
    assert get_backup_settings(ctx) == BackupSettings()
    save_backup_settings(ctx, BackupSettings(str(tmp_path), 3, 2, 6))
    assert get_backup_settings(ctx) == BackupSettings(str(tmp_path.resolve()), 3, 2, 6)


# --- a copy before an import only when it writes -------------------------------------

def test_a_refused_json_import_makes_no_copy(ctx, tmp_path):
    make_backup(ctx)
    before = listing(folder_of(ctx))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "tgdesk-records", "version": 1,
                               "meetings": [{"held_on": "sai", "title": "Họp"}]}),
                   encoding="utf-8")
    for _ in range(3):
        with pytest.raises(UserError):
            import_file(ctx, bad)
    assert listing(folder_of(ctx)) == before


def test_an_import_with_nothing_new_makes_no_copy(ctx, tmp_path):
    src = tmp_path / "one.json"
    src.write_text(json.dumps({"format": "tgdesk-records", "version": 1,
                               "cells": [{"name": "Chi bộ Khu phố 9"}]}), encoding="utf-8")
    assert import_file(ctx, src).backup is not None        # writes: one copy
    before = listing(folder_of(ctx))
    again = import_file(ctx, src)                           # the cell exists: nothing to add
    assert again.total == 0 and again.backup is None
    assert listing(folder_of(ctx)) == before


# --- restoring -------------------------------------------------------------------

def test_restore_brings_back_the_backup_and_keeps_the_current_data(ctx):
    meeting(ctx, "Giao ban tháng 10")
    old = make_backup(ctx)
    meeting(ctx, "Giao ban tháng 11")
    plan = check_backup(ctx, old.path)
    assert not plan.upgrade_needed and "bản sao của dữ liệu hiện tại" in plan.question()
    result = restore(ctx, old.path)
    assert titles(ctx) == {"Giao ban tháng 10"}
    assert result.kept_copy.name.endswith("-truoc-khoi-phuc.sqlite")
    assert titles_in(result.kept_copy) == {"Giao ban tháng 10", "Giao ban tháng 11"}
    assert "Đã khôi phục" in result.text() and not result.upgraded
    # the database goes on working: search (triggers, index) and new records
    meeting(ctx, "Sơ kết quý IV")
    assert len(record_ids(ctx, "meetings", ListFilter(search="so ket"))) == 1
    assert inspect_file(ctx.db_path).whole
    # and the way back: restore the copy kept before
    restore(ctx, result.kept_copy)
    assert titles(ctx) == {"Giao ban tháng 10", "Giao ban tháng 11"}


def test_restore_keeps_this_computers_backup_settings(ctx, tmp_path):
    old = make_backup(ctx)
    save_backup_settings(ctx, BackupSettings(str(tmp_path), 5, 3, 9))
    restore(ctx, old.path)
    assert get_backup_settings(ctx) == BackupSettings(str(tmp_path.resolve()), 5, 3, 9)


def old_database(path: Path, revision: str) -> Path:
    """A database as an older tgdesk left it, with one area."""
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_db_engine(path)
    try:
        upgrade(engine, None, None, target=revision)
    finally:
        engine.dispose()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO area (name, kind, active, uuid, created_at, updated_at, deleted) "
                 "VALUES ('Khu phố cũ', 'khu_pho', 1, 'a-1', '2025-01-01', '2025-01-01', 0)")
    conn.commit()
    conn.close()
    return path


def test_restore_of_an_older_backup_upgrades_it(ctx, tmp_path):
    src = old_database(tmp_path / "cu" / "tgdesk.sqlite", "0006")
    old = backup_copy(src, tmp_path / "cu-backups", "thu-cong")
    plan = check_backup(ctx, old)
    assert plan.revision == "0006" and plan.upgrade_needed
    assert "phiên bản cũ hơn" in plan.question()
    result = restore(ctx, old)
    assert result.upgraded
    with ctx.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == \
            head_revision()
        assert conn.exec_driver_sql("SELECT name FROM area").scalars().all() == ["Khu phố cũ"]
    assert inspect_file(old).revision == "0006"              # the backup itself unchanged


def test_restore_refuses_what_it_cannot_use_and_changes_nothing(ctx, tmp_path):
    meeting(ctx, "Giao ban tháng 11")
    good = make_backup(ctx)
    refused = {}
    damaged = tmp_path / "hong.sqlite"
    data = bytearray(good.path.read_bytes())
    data[4096 * 3:4096 * 6] = b"\xff" * (4096 * 3)
    damaged.write_bytes(bytes(data))
    refused["damaged"] = damaged
    newer = tmp_path / "moi-hon.sqlite"
    newer.write_bytes(good.path.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    refused["newer"] = newer
    text = tmp_path / "ghi-chu.sqlite"
    text.write_text("không phải cơ sở dữ liệu")
    refused["text"] = text
    refused["live"] = ctx.db_path
    refused["missing"] = tmp_path / "khong-co.sqlite"
    before = listing(folder_of(ctx))
    messages = {}
    for key, path in refused.items():
        with pytest.raises(UserError) as err:
            restore(ctx, path)
        messages[key] = str(err.value)
    assert "bị hỏng" in messages["damaged"]
    assert "mới hơn" in messages["newer"]
    assert "không phải" in messages["text"]
    assert "đang mở" in messages["live"]
    assert "Không tìm thấy" in messages["missing"]
    assert titles(ctx) == {"Giao ban tháng 11"}
    assert listing(folder_of(ctx)) == before                 # no copy kept for nothing


# --- pruning ----------------------------------------------------------------------

def crafted(folder: Path, when: datetime, reason: str = "tu-dong-khi-thoat") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / backup_name(Path("tgdesk.sqlite"), reason, when)
    path.write_bytes(HEADER)
    return path


def test_to_keep_tiers():
    def info(when: datetime, reason: str = "x") -> BackupInfo:
        return BackupInfo(Path(f"{when.isoformat()}-{reason}"), when, reason, 1, "chính")

    newest = datetime(2026, 11, 24, 17, 0)
    same_day = [info(newest - timedelta(hours=h)) for h in range(0, 5)]
    days = [info(newest - timedelta(days=d)) for d in range(1, 60)]
    keep = to_keep(same_day + days, daily=3, weekly=2, monthly=2)
    kept = sorted((p.name for p in keep), reverse=True)
    # days: 24/11 (the newest of the day, 17:00), 23/11, 22/11; weeks: 24/11 is in ISO week 48,
    # the week before ends Sunday 22/11 (already kept); months: November (24/11) and
    # October (31/10, its newest)
    assert kept == [f"{d.isoformat()}-x" for d in (
        newest, newest - timedelta(days=1), newest - timedelta(days=2),
        datetime(2026, 10, 31, 17, 0))]


def test_prune_keeps_the_right_tiers_and_never_touches_other_files(ctx):
    folder = folder_of(ctx)
    save_backup_settings(ctx, BackupSettings(None, 2, 2, 3))
    now = datetime(2026, 11, 24, 17, 0)                      # a Tuesday
    made = {when: crafted(folder, when) for when in (
        now, now - timedelta(hours=3),                       # today twice
        now - timedelta(days=1),                             # Monday 23/11
        now - timedelta(days=2),                             # Sunday 22/11: last week's newest
        now - timedelta(days=3),                             # Saturday 21/11
        datetime(2026, 10, 15, 9, 0),                        # October
        datetime(2026, 10, 2, 9, 0),
        datetime(2026, 9, 30, 9, 0),                         # September
        datetime(2026, 8, 1, 9, 0),                          # August: beyond 3 months
    )}
    restore_copy = crafted(folder, datetime(2026, 6, 1, 9, 0), "truoc-khoi-phuc")
    upgrade_copy = folder / "tgdesk-truoc-nang-cap-0006.sqlite"
    upgrade_copy.write_bytes(HEADER)
    os.utime(upgrade_copy, (time.time() - 400 * 86400,) * 2)
    foreign = [folder / "ghi-chu.txt", folder / "khac-20200101-080000-thu-cong.sqlite",
               folder / "tgdesk-20200101-080000-thu-cong.sqlite.bak",
               folder / "tgdesk-thu-20200101-080000-thu-cong.sqlite", folder / "tgdesk-cu.sqlite"]
    for f in foreign:
        f.write_bytes(HEADER)
    stale = folder / ".tgdesk-20200101-080000-000000-thu-cong.sqlite.partial"
    stale.write_bytes(b"")
    os.utime(stale, (time.time() - 3600,) * 2)
    fresh = folder / ".tgdesk-20261124-170000-000000-thu-cong.sqlite.partial"
    fresh.write_bytes(b"")

    result = prune(ctx)

    kept = {when for when, p in made.items() if p.exists()}
    assert kept == {now, now - timedelta(days=1), now - timedelta(days=2),
                    datetime(2026, 10, 15, 9, 0), datetime(2026, 9, 30, 9, 0)}
    assert restore_copy.exists() and upgrade_copy.exists()   # the ways back are kept
    assert all(f.exists() for f in foreign)
    assert not stale.exists() and fresh.exists()
    assert len(result.removed) == 5 and "Đã xóa 5 bản sao cũ" in result.text()


def test_prune_never_deletes_the_newest_and_prunes_the_second_folder(ctx, tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    save_backup_settings(ctx, BackupSettings(str(usb), 1, 0, 0))
    info = make_backup(ctx)
    older = [crafted(info.second_copy.parent, datetime(2025, 1, d, 9, 0)) for d in (1, 2)]
    prune(ctx)
    assert info.path.exists() and info.second_copy.exists()
    assert not any(p.exists() for p in older)


# --- automatic backups -------------------------------------------------------------

def test_automatic_backup_once_a_day_at_start_and_at_exit_when_data_changed(ctx, monkeypatch):
    assert automatic_backup(ctx, "start").reason == "tu-dong-dau-ngay"
    assert automatic_backup(ctx, "start") is None             # one already today
    assert automatic_backup(ctx, "exit") is None              # nothing changed since
    meeting(ctx, "Giao ban tháng 11")
    done = automatic_backup(ctx, "exit")
    assert done.reason == "tu-dong-khi-thoat"
    assert titles_in(done.path) == {"Giao ban tháng 11"}
    tomorrow = datetime.now() + timedelta(days=1)
    monkeypatch.setattr(backups, "now", lambda: tomorrow)
    assert automatic_backup(ctx, "start") is not None         # a new day


def test_no_backup_at_exit_when_a_later_opening_wrote_nothing(db_path):
    """Opening makes an empty write-ahead log (dated then); only a log holding a
    write counts as a change, so a session that only reads backs nothing up at exit."""
    ctx = open_context(db_path)
    meeting(ctx, "Giao ban tháng 11")
    ctx.close()
    for session in range(3):
        time.sleep(0.01)
        ctx = open_context(db_path)
        try:
            assert titles(ctx) == {"Giao ban tháng 11"}
            assert Path(f"{db_path}-wal").stat().st_size == 0      # opened, nothing written
            made = automatic_backup(ctx, "exit")
            assert (made is not None) == (session == 0), session  # the first: a new change
        finally:
            ctx.close()
    ctx = open_context(db_path)
    try:
        meeting(ctx, "Sơ kết quý IV")
        assert automatic_backup(ctx, "exit").reason == "tu-dong-khi-thoat"
    finally:
        ctx.close()


# --- checking ----------------------------------------------------------------------

def test_check_finds_and_repairs_a_damaged_search_index(ctx):
    ids = [meeting(ctx, f"Sơ kết công tác {i}") for i in range(5)]
    report = check(ctx)
    assert report.ok and "Dữ liệu tốt." in report.text()
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM meeting_fts WHERE rowid = ?", (ids[0],))
        conn.exec_driver_sql("UPDATE meeting_fts SET exact = 'khác', folded = 'khac' "
                             "WHERE rowid = ?", (ids[1],))
        conn.exec_driver_sql("INSERT INTO meeting_fts (rowid, folded, exact) "
                             "VALUES (99999, 'ma', 'ma')")
        conn.exec_driver_sql("DROP TRIGGER meeting_fts_ai")
    assert len(record_ids(ctx, "meetings", ListFilter(search="so ket"))) == 3   # wrong
    report = check(ctx)
    assert not report.ok
    index = next(i for i in report.items if i.name == "Chỉ mục tìm kiếm")
    assert index.remaining == ["Chỉ mục tìm kiếm hội nghị: thiếu 1 trigger cập nhật.",
                               "Chỉ mục tìm kiếm hội nghị: thiếu 1 bản ghi, thừa 1 mục, "
                               "1 mục lệch nội dung."]
    assert "tgdesk check --repair" in report.text()
    repaired = check(ctx, repair=True)
    assert repaired.ok and index.name in repaired.text() and "đã sửa" in repaired.text()
    assert check(ctx).ok
    assert len(record_ids(ctx, "meetings", ListFilter(search="so ket"))) == 5
    meeting(ctx, "Sơ kết năm")                                 # the triggers work again
    assert len(record_ids(ctx, "meetings", ListFilter(search="so ket"))) == 6


def test_check_repairs_an_index_damaged_inside(ctx):
    for i in range(30):
        meeting(ctx, f"Hội nghị quán triệt số {i}")
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE meeting_fts_data SET block = x'0000ffff' WHERE id > 1")
    index = next(i for i in check(ctx).items if i.name == "Chỉ mục tìm kiếm")
    assert index.remaining == ["Chỉ mục tìm kiếm hội nghị: bị hỏng."]
    assert check(ctx, repair=True).ok
    assert len(record_ids(ctx, "meetings", ListFilter(search="quan triet"))) == 30


def test_check_reports_broken_links_and_cannot_repair_them(ctx):
    meeting(ctx, "Giao ban")
    with ctx.engine.connect() as conn:
        raw = conn.connection.driver_connection
        raw.execute("PRAGMA foreign_keys=OFF")
        raw.execute("INSERT INTO study_document (study_id, document_id) VALUES (777, 888)")
        raw.execute("PRAGMA foreign_keys=ON")
    report = check(ctx, repair=True)
    links = next(i for i in report.items if i.name == "Liên kết giữa các bảng")
    assert not report.ok and links.remaining
    assert "study_document" in links.remaining[0]
    assert report.as_json()["ok"] is False


def test_the_register_check_is_part_of_the_check(ctx):
    names = [i.name for i in check(ctx).items]
    assert names == ["Tính toàn vẹn của tệp dữ liệu", "Liên kết giữa các bảng",
                     "Chỉ mục tìm kiếm", "Sổ báo cáo đã ban hành"]


def test_a_read_only_context_checks_but_cannot_restore(db_path):
    from tgdesk.services.context import open_read_only

    setup = open_context(db_path)
    old = make_backup(setup)
    setup.close()
    ctx = open_read_only(db_path)
    try:
        assert check(ctx).ok
        with pytest.raises(UserError):
            restore(ctx, old.path)
    finally:
        ctx.close()
