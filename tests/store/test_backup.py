"""Backup copies are whole or absent: written under a temporary name, checked,
in rollback-journal mode, then renamed; a killed or failed copy leaves no file
under a backup's name. copy_into replaces the live data in one transaction."""

from __future__ import annotations

import os
import signal
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest

from tgdesk.store import backup as b
from tgdesk.store.backup import (BackupError, backup_copy, backup_name, copy_into, inspect_file,
                                 parse_name, remove_stale_partials)
from sqlalchemy.orm import Session

from tgdesk.store.db import create_db_engine
from tgdesk.store.migrate import head_revision
from tgdesk.store.tables import UnitRow


def rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def set_unit_name(db: Path, name: str) -> None:
    engine = create_db_engine(db)
    try:
        with Session(engine) as session, session.begin():
            session.add(UnitRow(name=name, parent_name="ĐẢNG BỘ QUẬN", place_name="Bình Tiên",
                                doc_abbrev="ĐU", signer_authority="T/M ĐẢNG ỦY",
                                signer_title="BÍ THƯ", signer_name="Nguyễn Văn A"))
    finally:
        engine.dispose()


def notes(db: Path, *values: str, size: int = 0, commit: bool = True) -> sqlite3.Connection:
    """A test table of its own in the database (the app's tables change with migrations)."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE IF NOT EXISTS ghi_chu (v TEXT)")
    conn.executemany("INSERT INTO ghi_chu (v) VALUES (?)", [(v + "x" * size,) for v in values])
    if commit:
        conn.commit()
    return conn


def test_copy_is_whole_private_one_file_and_named_by_reason(db_path, tmp_path):
    set_unit_name(db_path, "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN")
    folder = tmp_path / "backups"
    copy = backup_copy(db_path, folder, "thu-cong")
    assert names(folder) == [copy.name]                       # nothing else left behind
    stem, when, reason = parse_name(copy.name)
    assert (stem, reason) == ("tgdesk", "thu-cong")
    assert abs((datetime.now() - when).total_seconds()) < 3600
    header = copy.read_bytes()[:100]
    assert header[:16] == b"SQLite format 3\x00"
    assert header[18:20] == b"\x01\x01"                      # rollback journal, not WAL
    if os.name == "posix":
        assert copy.stat().st_mode & 0o777 == 0o600
    facts = inspect_file(copy)
    assert facts.whole and not facts.wal
    assert facts.revision == head_revision()
    assert facts.unit_name == "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN"


def test_a_given_name_is_used(db_path, tmp_path):
    copy = backup_copy(db_path, tmp_path / "b", "truoc-nang-cap-0006",
                       name="tgdesk-truoc-nang-cap-0006.sqlite")
    assert copy.name == "tgdesk-truoc-nang-cap-0006.sqlite" and inspect_file(copy).whole


def test_names_round_trip():
    when = datetime(2026, 3, 4, 5, 6, 7, 891011)
    name = backup_name(Path("/x/tgdesk.sqlite"), "truoc-nhap-json", when)
    assert name == "tgdesk-20260304-050607-891011-truoc-nhap-json.sqlite"
    assert parse_name(name) == ("tgdesk", when, "truoc-nhap-json")
    assert parse_name("tgdesk-20260304-050607-thu-cong.sqlite")[1] == datetime(2026, 3, 4, 5, 6, 7)
    for other in ("tgdesk.sqlite", "notes.txt", "tgdesk-2026-thu-cong.sqlite",
                  ".tgdesk-20260304-050607-891011-thu-cong.sqlite.partial"):
        assert parse_name(other) is None


def test_the_copy_holds_only_committed_data(db_path, tmp_path):
    notes(db_path, "a").close()
    writer = notes(db_path, "b", commit=False)           # a write transaction left open
    try:
        copy = backup_copy(db_path, tmp_path / "b", "truoc-nhap-json")
    finally:
        writer.rollback()
        writer.close()
    assert rows(copy, "SELECT v FROM ghi_chu") == [("a",)]


def test_a_failure_inside_the_copy_leaves_nothing(db_path, tmp_path, monkeypatch):
    def broken(src, dst):
        src.backup(dst, pages=1, progress=lambda *a: (_ for _ in ()).throw(OSError(28, "full")))

    monkeypatch.setattr(b, "_copy", broken)
    folder = tmp_path / "b"
    with pytest.raises(BackupError) as err:
        backup_copy(db_path, folder, "thu-cong")
    assert "Không tạo được bản sao lưu" in str(err.value)
    assert names(folder) == []


def test_a_copy_that_fails_its_check_leaves_nothing(db_path, tmp_path, monkeypatch):
    def damaging(src, dst):
        src.backup(dst)
        dst.execute("UPDATE alembic_version SET version_num = 'khac'")
        dst.commit()

    monkeypatch.setattr(b, "_copy", damaging)
    folder = tmp_path / "b"
    with pytest.raises(BackupError) as err:
        backup_copy(db_path, folder, "thu-cong")
    assert "phiên bản dữ liệu" in str(err.value)
    assert names(folder) == []


def test_a_file_that_is_not_ours_is_refused(tmp_path):
    other = tmp_path / "khac.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(BackupError):
        backup_copy(other, tmp_path / "b", "thu-cong")
    assert names(tmp_path / "b") == []
    (tmp_path / "rac.sqlite").write_bytes(b"not a database at all" * 10)
    with pytest.raises(BackupError):
        inspect_file(tmp_path / "rac.sqlite")
    with pytest.raises(BackupError):
        backup_copy(tmp_path / "khong-co.sqlite", tmp_path / "b", "thu-cong")


CHILD = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    import tgdesk.store.backup as b

    def slow(src, dst):
        def progress(status, remaining, total):
            print("copying", remaining, total, flush=True)
            time.sleep(600)          # killed here, half-way
        src.backup(dst, pages=4, progress=progress)

    b._copy = slow
    b.backup_copy(Path(sys.argv[1]), Path(sys.argv[2]), "thu-cong")
    print("finished", flush=True)
""")


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_copy_killed_half_way_leaves_no_file_under_a_backups_name(db_path, tmp_path):
    notes(db_path, *[f"k{i}" for i in range(400)], size=2000).close()   # many pages
    folder = tmp_path / "backups"
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(db_path), str(folder)],
                             stdout=subprocess.PIPE, text=True)
    try:
        line = child.stdout.readline()
        assert line.startswith("copying"), line
        _, remaining, total = line.split()
        assert 0 < int(remaining) < int(total)            # truly half-way
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
        child.stdout.close()
    left = names(folder)
    assert left and all(n.startswith(".") and ".partial" in n for n in left), left
    assert not [n for n in left if parse_name(n)]
    # the database itself is untouched and whole
    assert inspect_file(db_path).whole
    # a partial copy that young may still be in progress elsewhere: kept; once stale: removed
    assert remove_stale_partials(folder) == []
    old = time.time() - 3600
    for n in left:
        os.utime(folder / n, (old, old))
    assert sorted(p.name for p in remove_stale_partials(folder)) == left
    assert names(folder) == []
    # and the next copy is whole
    assert inspect_file(backup_copy(db_path, folder, "thu-cong")).whole


def test_copy_into_replaces_the_live_data_in_one_go(db_path, tmp_path):
    notes(db_path, "cu").close()
    copy = backup_copy(db_path, tmp_path / "b", "thu-cong")
    live = notes(db_path, "moi")
    live.execute("DELETE FROM ghi_chu WHERE v = 'cu'")
    live.commit()
    live.close()
    copy_into(copy, db_path)
    assert rows(db_path, "SELECT v FROM ghi_chu") == [("cu",)]
    assert inspect_file(db_path).whole
    assert inspect_file(db_path).wal                       # the live file stays in WAL mode
    assert inspect_file(copy).whole                        # the backup is unchanged
