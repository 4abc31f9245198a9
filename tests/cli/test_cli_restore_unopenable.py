"""tgdesk backups / restore on a database damaged beyond opening, run through
app.main: the backups are listed, the backup restores the data, the damaged
file is kept aside; a refused backup moves nothing; other commands point at
backups and restore. And `backup` only reads: it runs while another writes."""

from __future__ import annotations

import io
import json
import os
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import Path

import pytest
from area_rows import add_areas, area_count

from tgdesk.app import main
from tgdesk.services.db_lock import WriterLock

HINT = "Có thể khôi phục từ bản sao lưu: tgdesk backups, rồi tgdesk restore TỆP."


def run(db: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def files(folder: Path) -> dict[str, bytes]:
    """The files in ``folder`` and their content, but the writer lock's file."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())
            if p.is_file() and not p.name.endswith(".lock")}


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def backed_up(db_path, capsys) -> tuple[Path, Path]:
    """30 areas, a backup made with `tgdesk backup`, then 20 more (50 in all)."""
    add_areas(db_path, [f"Khu phố {i}" for i in range(30)])
    code, out, err = run(db_path, "backup", capsys=capsys)
    assert code == 0, err
    add_areas(db_path, [f"Tổ {i}" for i in range(20)])
    assert area_count(db_path) == 50
    return db_path, Path(out.strip())


def overwrite_with_garbage(db: Path) -> bytes:
    data = os.urandom(db.stat().st_size)
    db.write_bytes(data)
    return data


def truncate_to_half(db: Path) -> bytes:
    with db.open("r+b") as fh:
        fh.truncate(db.stat().st_size // 2)
    return db.read_bytes()


@pytest.mark.parametrize("damage", [overwrite_with_garbage, truncate_to_half])
def test_backups_lists_and_restore_brings_the_data_back(backed_up, damage, capsys):
    db, backup = backed_up
    damaged = damage(db)

    code, out, err = run(db, "list", "meetings", capsys=capsys)     # another command: the way out
    assert code == 2 and err.startswith("tgdesk: Tệp “") and err.endswith(f"\n{HINT}\n")
    assert len(err.splitlines()) == 2 and "Traceback" not in err

    code, out, err = run(db, "backups", capsys=capsys)
    assert code == 0 and backup.name in out and "Sao lưu thủ công" in out
    assert "thư mục sao lưu chính" in err
    code, out, _ = run(db, "backups", "--json", capsys=capsys)
    assert code == 0 and [b["path"] for b in json.loads(out)] == [str(backup)]

    code, out, err = run(db, "restore", backup.name, "--yes", capsys=capsys)
    assert code == 0, err
    assert "Đã khôi phục" in out and "truoc-khoi-phuc-hong" in out
    assert area_count(db) == 30
    kept = [p for p in (db.parent / "backups").iterdir()
            if p.name.endswith("-truoc-khoi-phuc-hong.sqlite")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged    # kept aside as it was
    assert str(kept[0]) in out

    code, out, err = run(db, "list", "meetings", capsys=capsys)     # opens as usual again
    assert code == 0, err


def test_restore_asks_as_always_when_the_database_cannot_be_opened(backed_up, capsys,
                                                                    monkeypatch):
    db, backup = backed_up
    overwrite_with_garbage(db)
    before = (files(db.parent), files(backup.parent))

    monkeypatch.setattr("sys.stdin", io.StringIO(""))            # no terminal, no --yes
    code, out, err = run(db, "restore", str(backup), capsys=capsys)
    assert code == 2 and "--yes" in err
    monkeypatch.setattr("sys.stdin", Terminal("k\n"))            # asked, answered no
    code, out, err = run(db, "restore", str(backup), capsys=capsys)
    assert code == 1 and "không mở được" in out and "(c/k)" in out and "Đã hủy" in out
    assert (files(db.parent), files(backup.parent)) == before

    monkeypatch.setattr("sys.stdin", Terminal("c\n"))            # asked, answered yes
    code, out, err = run(db, "restore", str(backup), capsys=capsys)
    assert code == 0 and area_count(db) == 30


@pytest.mark.parametrize("which", ["missing", "not a backup"])
def test_a_missing_or_foreign_file_is_refused_and_nothing_moves(backed_up, tmp_path, capsys,
                                                                 which):
    db, backup = backed_up
    overwrite_with_garbage(db)
    chosen = tmp_path / "ngoai" / "khong-co.sqlite"
    if which == "not a backup":
        chosen = tmp_path / "ngoai" / "ghi-chu.sqlite"
        chosen.parent.mkdir()
        chosen.write_text("đây là một ghi chú, không phải bản sao lưu", encoding="utf-8")
    before = (files(db.parent), files(backup.parent))

    code, out, err = run(db, "restore", str(chosen), "--yes", capsys=capsys)

    assert code == 2 and out == "" and "Traceback" not in err
    assert ("Không tìm thấy tệp" if which == "missing" else "không phải") in err
    assert (files(db.parent), files(backup.parent)) == before


def test_a_newer_tgdesks_database_is_not_restored_over(backed_up, capsys):
    db, backup = backed_up
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = (db.read_bytes(), files(backup.parent))
    code, out, err = run(db, "restore", str(backup), "--yes", capsys=capsys)
    assert code == 2 and "mới hơn" in err and HINT not in err
    assert (db.read_bytes(), files(backup.parent)) == before
    code, out, _ = run(db, "backups", capsys=capsys)             # listing still works
    assert code == 0 and backup.name in out


def test_no_hint_where_there_is_no_backup(db_path, capsys):
    overwrite_with_garbage(db_path)
    code, out, err = run(db_path, "list", "meetings", capsys=capsys)
    assert code == 2 and HINT not in err and len(err.splitlines()) == 1
    code, out, err = run(db_path, "backups", capsys=capsys)
    assert code == 0 and out.startswith("Chưa có bản sao lưu nào")


def test_backup_only_reads_and_runs_while_another_process_writes(db_path, capsys):
    add_areas(db_path, ["Khu phố 1"])
    with WriterLock(db_path):
        code, out, err = run(db_path, "--wait", "0", "backup", capsys=capsys)
    assert code == 0, err
    path = Path(out.strip())
    assert path.is_file() and area_count(path) == 1


def test_backups_lists_when_only_the_settings_are_damaged(backed_up, capsys):
    """The database opens, but the second folder's setting cannot be read."""
    db, backup = backed_up
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO setting (key, value, updated_at) VALUES ('backup_settings', "
                 "'{\"keep_daily\": 9}', '2026-01-01')")
    conn.commit()
    roots = [r[0] for r in conn.execute("SELECT rootpage FROM sqlite_master WHERE tbl_name = "
                                        "'setting' AND rootpage > 0")]
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()                                  # the last connection: WAL checkpointed
    with db.open("r+b") as fh:
        for root in roots:
            fh.seek((root - 1) * page)
            fh.write(b"\xff" * page)
    code, out, err = run(db, "backups", capsys=capsys)
    assert code == 0 and backup.name in out
    assert "bị hỏng" in err and "thư mục sao lưu chính" in err and "Traceback" not in err
    code, out, err = run(db, "restore", backup.name, "--yes", capsys=capsys)
    assert code == 0, err
    assert area_count(db) == 30
