"""tgdesk backup / backups / restore / check, run through app.main."""

from __future__ import annotations

import io
import json
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import Path

import pytest

from tgdesk.app import main


def run(db: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def add_area(db: Path, name: str) -> None:
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO area (name, kind, active, uuid, created_at, updated_at, deleted) "
                 "VALUES (?, 'khu_pho', 1, ?, '2026-01-01', '2026-01-01', 0)", (name, name))
    conn.commit()
    conn.close()


def areas(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return sorted(r[0] for r in conn.execute("SELECT name FROM area"))
    finally:
        conn.close()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_backup_and_backups(db_path, tmp_path, capsys):
    code, out, err = run(db_path, "backup", capsys=capsys)
    assert code == 0 and err == ""
    path = Path(out.strip())
    assert path.is_file() and path.parent == db_path.parent / "backups"
    code, out, _ = run(db_path, "backups", "--json", capsys=capsys)
    listed = json.loads(out)
    assert code == 0 and [b["path"] for b in listed] == [str(path)]
    assert listed[0]["label"] == "Sao lưu thủ công" and listed[0]["folder"] == "chính"
    code, out, _ = run(db_path, "backups", capsys=capsys)
    assert code == 0 and "Sao lưu thủ công" in out and str(path) in out
    code, out, _ = run(db_path, "backup", "--out", str(tmp_path / "ngoai"), capsys=capsys)
    assert code == 0 and Path(out.strip()).parent == tmp_path / "ngoai"


def test_backups_when_there_are_none(db_path, capsys):
    code, out, _ = run(db_path, "backups", capsys=capsys)
    assert code == 0 and out.startswith("Chưa có bản sao lưu nào")


def test_restore_asks_on_a_terminal_and_refuses_without_one(db_path, capsys, monkeypatch):
    add_area(db_path, "Khu phố 1")
    code, out, _ = run(db_path, "backup", capsys=capsys)
    backup = Path(out.strip())
    add_area(db_path, "Khu phố 2")

    monkeypatch.setattr("sys.stdin", io.StringIO(""))             # no terminal, no --yes
    code, out, err = run(db_path, "restore", str(backup), capsys=capsys)
    assert code == 2 and "--yes" in err and "Traceback" not in err
    assert areas(db_path) == ["Khu phố 1", "Khu phố 2"]

    monkeypatch.setattr("sys.stdin", Terminal("k\n"))             # asked, answered no
    code, out, err = run(db_path, "restore", backup.name, capsys=capsys)
    assert code == 1 and "Khôi phục" in out and "(c/k)" in out and "Đã hủy" in out
    assert areas(db_path) == ["Khu phố 1", "Khu phố 2"]

    monkeypatch.setattr("sys.stdin", Terminal("c\n"))             # asked, answered yes
    code, out, err = run(db_path, "restore", backup.name, capsys=capsys)
    assert code == 0, err
    assert "Đã khôi phục" in out and "truoc-khoi-phuc" in out
    assert areas(db_path) == ["Khu phố 1"]


def test_restore_yes_and_a_bad_file(db_path, tmp_path, capsys):
    add_area(db_path, "Khu phố 1")
    backup = Path(run(db_path, "backup", capsys=capsys)[1].strip())
    add_area(db_path, "Khu phố 2")
    code, out, err = run(db_path, "restore", str(backup), "--yes", capsys=capsys)
    assert code == 0 and areas(db_path) == ["Khu phố 1"]
    junk = tmp_path / "rac.sqlite"
    junk.write_bytes(b"rac" * 100)
    code, out, err = run(db_path, "restore", str(junk), "--yes", capsys=capsys)
    assert code == 2 and err.startswith("tgdesk: ") and "không phải" in err
    assert areas(db_path) == ["Khu phố 1"]


def test_check_exit_codes_and_repair(db_path, capsys):
    code, out, _ = run(db_path, "check", capsys=capsys)
    assert code == 0 and "Dữ liệu tốt." in out
    conn = sqlite3.connect(db_path)
    conn.execute("INSERT INTO meeting_fts (rowid, folded, exact) VALUES (4242, 'ma', 'ma')")
    conn.commit()
    conn.close()
    code, out, _ = run(db_path, "check", capsys=capsys)
    assert code == 1 and "thừa 1 mục" in out and "--repair" in out
    code, out, _ = run(db_path, "check", "--json", capsys=capsys)
    report = json.loads(out)
    assert code == 1 and report["ok"] is False
    assert any(i["name"] == "Chỉ mục tìm kiếm" and i["remaining"] for i in report["items"])
    code, out, _ = run(db_path, "check", "--repair", capsys=capsys)
    assert code == 0 and "đã sửa" in out
    code, out, _ = run(db_path, "check", capsys=capsys)
    assert code == 0


def test_the_commands_are_listed_in_the_help(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "sao lưu cơ sở dữ liệu ngay" in out and "danh sách các bản sao lưu" in out
    assert "khôi phục dữ liệu từ một bản sao lưu" in out and "kiểm tra dữ liệu" in out
