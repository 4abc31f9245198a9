"""One writer at a time: the lock file, opening for writing and read-only, and
SQLite's own "locked"/"readonly" errors as Vietnamese messages."""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import event, text

from tgdesk import __version__
from tgdesk.domain.records import UnitSettings
from tgdesk.services import db_lock
from tgdesk.services.context import (READ_ONLY, busy_message, is_current, open_context,
                                     open_for_reading, open_for_writing, open_read_only,
                                     plain_error)
from tgdesk.services.db_lock import Holder, LockHeld, WriterLock, lock_path_for, read_holder
from tgdesk.services.errors import UserError
from tgdesk.services.unit import get_unit, save_unit
from tgdesk.store.migrate import head_revision, known_revisions

UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ TP",
                    place_name="Bình Tiên", signer_name="Nguyễn Văn An")


def someone_else(**changes) -> Holder:
    data = dict(host="MAY-KHAC", user="lan", pid=999_999, since="2026-11-24T08:05:00+07:00",
                version="0.0.9")
    data.update(changes)
    return Holder(**data)


def set_old_revision(db_path: Path) -> None:
    older = sorted(known_revisions() - {head_revision()})[-1]
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (older,))
    conn.commit()
    conn.close()


# --- the lock file ---------------------------------------------------------------------

def test_the_lock_file_names_its_holder_while_held(db_path):
    lock = WriterLock(db_path)
    lock.acquire()
    try:
        assert lock.path == db_path.with_name("tgdesk.sqlite.lock")
        data = json.loads(lock.path.read_text(encoding="utf-8"))
        assert data["host"] == socket.gethostname()
        assert data["user"] == getpass.getuser()
        assert data["pid"] == os.getpid()
        assert data["version"] == __version__
        assert datetime.fromisoformat(data["since"]).tzinfo is not None
        assert read_holder(db_path) == Holder(**data)
    finally:
        lock.release()
    assert lock.path.read_bytes() == b""          # nobody is named once released
    assert read_holder(db_path) is None


def test_a_second_writer_is_refused_and_told_who_holds_it(db_path):
    with WriterLock(db_path):
        with pytest.raises(LockHeld) as info:
            WriterLock(db_path).acquire(wait=0.3)
    held = info.value
    assert held.holder is not None and held.holder.pid == os.getpid()
    message = str(held)
    assert message.startswith(f"cơ sở dữ liệu đang được {getpass.getuser()} trên máy "
                              f"{socket.gethostname()} mở để ghi (từ ")
    assert message.endswith("). Hãy đóng chương trình đó hoặc thử lại sau.")
    assert isinstance(held, UserError)
    WriterLock(db_path).acquire()      # free again after the first let go


def test_a_stale_lock_file_is_taken_over(db_path):
    lock_path_for(db_path).write_text(someone_else().to_json(), encoding="utf-8")
    assert read_holder(db_path) == someone_else()
    lock = WriterLock(db_path)
    lock.acquire()                     # no OS lock on the file: the holder is gone
    try:
        assert read_holder(db_path).pid == os.getpid()
    finally:
        lock.release()


CHILD = textwrap.dedent("""
    import sys, time
    from tgdesk.services.db_lock import WriterLock
    WriterLock(sys.argv[1]).acquire()
    print("held", flush=True)
    time.sleep(120)
""")


@pytest.mark.slow
def test_the_os_lets_go_when_the_holder_dies(db_path):
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "held"
        with pytest.raises(LockHeld) as info:
            WriterLock(db_path).acquire(wait=0.2)
        assert info.value.holder.pid == child.pid
    finally:
        child.kill()
        child.wait()
        child.stdout.close()
    lock = WriterLock(db_path)
    lock.acquire()                     # the dead child's file is stale now
    assert read_holder(db_path).pid == os.getpid()
    lock.release()


def test_without_os_locks_the_json_decides(db_path, monkeypatch):
    def no_locks(fd):
        raise OSError(errno.ENOLCK, "No locks available")
    monkeypatch.setattr(db_lock, "_try_os_lock", no_locks)
    path = lock_path_for(db_path)
    path.write_text(someone_else().to_json(), encoding="utf-8")
    with pytest.raises(LockHeld) as info:
        WriterLock(db_path).acquire()
    assert info.value.holder == someone_else()
    # a holder on this machine whose process has ended: taken over
    path.write_text(someone_else(host=socket.gethostname()).to_json(), encoding="utf-8")
    with WriterLock(db_path):
        assert read_holder(db_path).pid == os.getpid()
    assert path.read_bytes() == b""


def test_holder_texts():
    holder = someone_else(since="2026-11-24T08:05:00")
    assert holder.since_text() == "08:05 ngày 24/11/2026"
    assert db_lock.window_text(holder) == ("Cơ sở dữ liệu đang được mở để ghi bởi lan trên máy "
                                           "MAY-KHAC từ 08:05 ngày 24/11/2026.")
    assert "một chương trình tgdesk khác" in db_lock.command_line_text(None)
    assert Holder.from_json("{not json") is None
    assert Holder.from_json(json.dumps({"host": "x"})) is None


def test_a_lock_file_that_cannot_be_made_is_a_plain_message(tmp_path):
    with pytest.raises(UserError, match="Không tạo được tệp khóa"):
        WriterLock(tmp_path / "no-such-folder" / "db.sqlite").acquire()


# --- opening ---------------------------------------------------------------------------

def test_opening_for_writing_holds_the_lock_until_closed(db_path):
    ctx = open_for_writing(db_path, wait=0)
    try:
        assert not ctx.read_only and ctx.lock is not None and ctx.lock.held
        with pytest.raises(LockHeld):
            open_for_writing(db_path, wait=0)
        save_unit(ctx, UNIT)
    finally:
        ctx.close()
    again = open_for_writing(db_path, wait=0)
    assert get_unit(again).name == UNIT.name
    again.close()


def test_a_failed_open_lets_go_of_the_lock(tmp_path):
    path = tmp_path / "db.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE other (x)").connection.close()
    with pytest.raises(UserError, match="không phải cơ sở dữ liệu tgdesk"):
        open_for_writing(path, wait=0)
    assert not lock_path_for(path).exists()       # refused before the lock was made


def test_read_only_reads_and_refuses_every_write(db_path):
    writer = open_context(db_path)
    save_unit(writer, UNIT)
    writer.close()
    ctx = open_read_only(db_path)
    try:
        assert ctx.read_only and ctx.lock is None
        assert get_unit(ctx).name == UNIT.name
        with pytest.raises(UserError) as info:
            save_unit(ctx, replace(UNIT, name="KHÁC"))
        assert str(info.value) == READ_ONLY
        assert READ_ONLY.startswith("Cơ sở dữ liệu đang mở chỉ để xem: ")
        assert READ_ONLY.endswith("không lưu được thay đổi.")
        # a write that does not go through transaction() is refused by SQLite itself
        with pytest.raises(UserError) as info:
            with ctx.engine.begin() as conn:
                conn.execute(text("DELETE FROM unit"))
        assert str(info.value) == READ_ONLY
    finally:
        ctx.close()
    after = open_context(db_path)
    assert get_unit(after).name == UNIT.name
    after.close()


def test_read_only_works_while_another_process_writes(db_path):
    writer = open_for_writing(db_path, wait=0)
    try:
        ctx = open_read_only(db_path)
        save_unit(writer, UNIT)                       # the writer's change is seen
        assert get_unit(ctx).name == UNIT.name
        ctx.close()
    finally:
        writer.close()


def test_read_only_refuses_a_database_that_needs_upgrading(db_path):
    set_old_revision(db_path)
    before = db_path.read_bytes()
    assert not is_current(db_path)
    with pytest.raises(UserError, match="cần được nâng cấp"):
        open_read_only(db_path)
    assert db_path.read_bytes() == before


def test_read_only_does_not_create_a_missing_file(tmp_path):
    path = tmp_path / "new.sqlite"
    with pytest.raises(UserError):
        open_read_only(path)
    assert list(tmp_path.iterdir()) == []


def test_opening_for_reading(db_path, tmp_path):
    ctx = open_for_reading(db_path, wait=0)           # at our revision: read-only, no lock
    assert ctx.read_only and ctx.lock is None
    ctx.close()
    fresh = tmp_path / "sub" / "fresh.sqlite"
    ctx = open_for_reading(fresh, wait=0)             # must be created: needs the lock
    assert not ctx.read_only and ctx.lock.held
    ctx.close()
    assert is_current(fresh)
    set_old_revision(db_path)
    with WriterLock(db_path), pytest.raises(LockHeld):
        open_for_reading(db_path, wait=0)


# --- SQLite's own errors ------------------------------------------------------------------

def test_database_is_locked_becomes_a_plain_message(db_path):
    ctx = open_context(db_path)
    ctx.engine.dispose()
    event.listen(ctx.engine, "connect",
                 lambda conn, _record: conn.execute("PRAGMA busy_timeout=50"))
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(UserError) as info:
            save_unit(ctx, UNIT)
        assert str(info.value).startswith("Cơ sở dữ liệu đang bận: ")
        assert "locked" not in str(info.value)
    finally:
        other.execute("ROLLBACK")
        other.close()
        ctx.close()


def test_database_is_locked_names_the_lock_holder(db_path):
    with WriterLock(db_path):
        # (this process holds it, as if another tgdesk: read it as someone else)
        lock_path_for(db_path).write_text(someone_else().to_json(), encoding="utf-8")
        assert "lan trên máy MAY-KHAC đang ghi" in busy_message(db_path)


def test_sqlite_errors_in_plain_words(db_path):
    def said(text: str, read_only: bool = False) -> str | None:
        error = plain_error(sqlite3.OperationalError(text), db_path, read_only)
        return None if error is None else str(error)
    assert said("database is locked").startswith("Cơ sở dữ liệu đang bận: ")
    assert said("attempt to write a readonly database", read_only=True) == READ_ONLY
    assert "chỉ cho phép đọc" in said("attempt to write a readonly database")
    assert "ổ đĩa đầy" in said("database or disk is full")
    assert "ổ đĩa đầy" in said("disk I/O error")
    assert said("no such column: x") is None
    assert plain_error(ValueError("database is locked"), db_path) is None
