"""The command line and the writer lock: which commands write, waiting for the
lock, reading while another process writes, bad --db values."""

from __future__ import annotations

import argparse
import getpass
import os
import re
import socket
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
import subprocess
import sys
from pathlib import Path

import pytest

from tgdesk import app, cli
from tgdesk.app import COMMAND_ACCESS, main
from tgdesk.services.db_lock import WriterLock, lock_path_for, read_holder
from tgdesk.store.migrate import head_revision, known_revisions

HOLDER_LINE = (f"tgdesk: cơ sở dữ liệu đang được {getpass.getuser()} trên máy "
               f"{socket.gethostname()} mở để ghi (từ ")


def tgdesk(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tgdesk", *args], capture_output=True,
                          text=True, env={**os.environ, **(env or {})}, **kw)


def subcommands(parser: argparse.ArgumentParser, prefix: str = "") -> list[str]:
    out = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                nested = subcommands(sub, f"{prefix}{name} ")
                out += nested or [f"{prefix}{name}"]
    return out


def parsed(*argv: str) -> argparse.Namespace:
    return cli.build_parser().parse_args(list(argv))


@pytest.fixture
def demo_db(db_path, capsys) -> Path:
    assert main(["--db", str(db_path), "demo", "--years", "1"]) == 0
    capsys.readouterr()
    return db_path


# --- which commands write -------------------------------------------------------------

def test_every_command_of_the_parser_is_classified():
    names = subcommands(cli.build_parser())
    assert "units add" in names and "conflicts resolve" in names and "demo" in names
    missing = [n for n in names if n not in COMMAND_ACCESS]
    assert missing == [], f"classify these in app.COMMAND_ACCESS: {missing}"


@pytest.mark.parametrize("argv, writes", [
    (["list", "meetings"], False),
    (["stats", "--period", "2026"], False),
    (["issued"], False),
    (["report", "--kind", "work", "--period", "2026", "--out", "x"], False),
    (["report", "--kind", "work", "--period", "2026", "--out", "x", "--issue"], True),
    (["report", "--issued", "1", "--out", "x"], False),
    (["demo"], True),
    (["import", "a.json"], True),
    (["init", "--unit", "A", "--parent", "B", "--place", "C"], True),
    (["units", "list"], False),
    (["units", "add", "a.key", "--as", "child"], True),
    (["units", "rename", "1", "B"], True),
    (["conflicts", "list"], False),
    (["conflicts", "resolve", "1", "--keep", "mine"], True),
    (["export", "--period", "2026", "--out", "a.tgx"], True),
    (["exports"], False),
    (["import-package", "a.tgx"], True),
    (["completeness", "--period", "2026"], False),
    (["received", "meetings"], False),
    (["unit-stats", "--period", "2026"], False),
])
def test_reading_and_writing_commands(argv, writes):
    assert app.writes(parsed(*argv)) is writes


def test_the_wait(monkeypatch):
    monkeypatch.delenv(app.WAIT_ENV, raising=False)
    assert app.lock_wait(parsed("demo")) == 30
    assert app.lock_wait(parsed("--wait", "2,5", "demo")) == 2.5
    monkeypatch.setenv(app.WAIT_ENV, "7")
    assert app.lock_wait(parsed("demo")) == 7
    assert app.lock_wait(parsed("--wait", "0", "demo")) == 0


def test_a_bad_wait_is_one_line(db_path, capsys, monkeypatch):
    with pytest.raises(SystemExit) as info:
        main(["--db", str(db_path), "--wait", "-1", "demo"])
    assert info.value.code == 2
    assert "--wait" in capsys.readouterr().err
    monkeypatch.setenv(app.WAIT_ENV, "lâu")
    assert main(["--db", str(db_path), "demo"]) == 2
    assert capsys.readouterr().err == ("tgdesk: Biến môi trường TGDESK_LOCK_WAIT=“lâu” không "
                                       "hợp lệ: cần số giây từ 0, ví dụ 30.\n")


# --- while another process writes ----------------------------------------------------------

@pytest.mark.slow
def test_a_writing_command_waits_then_names_the_holder(demo_db):
    before = demo_db.read_bytes()
    with WriterLock(demo_db):
        done = tgdesk("--db", str(demo_db), "--wait", "1", "demo", timeout=120)
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith(HOLDER_LINE)
    assert done.stderr.endswith("). Hãy đóng chương trình đó hoặc thử lại sau.\n")
    assert len(done.stderr.splitlines()) == 1
    assert demo_db.read_bytes() == before


@pytest.mark.slow
def test_the_wait_comes_from_the_environment(demo_db):
    with WriterLock(demo_db):
        done = tgdesk("--db", str(demo_db), "init", "--unit", "A", "--parent", "B", "--place",
                      "C", env={"TGDESK_LOCK_WAIT": "0"}, timeout=120)
    assert done.returncode == 2 and done.stderr.startswith(HOLDER_LINE)


def test_reading_commands_work_while_another_process_writes(demo_db, capsys):
    with WriterLock(demo_db):
        assert main(["--db", str(demo_db), "--wait", "0", "list", "meetings", "--json"]) == 0
        assert capsys.readouterr().out.startswith("[")
        assert main(["--db", str(demo_db), "--wait", "0", "stats", "--period", "2026"]) == 0
        assert main(["--db", str(demo_db), "--wait", "0", "issued"]) == 0
        assert main(["--db", str(demo_db), "--wait", "0", "units", "list"]) == 0
        capsys.readouterr()
        assert main(["--db", str(demo_db), "--wait", "0", "demo"]) == 2
        assert capsys.readouterr().err.startswith(HOLDER_LINE)


def test_a_reading_command_on_a_database_to_upgrade_needs_the_lock(demo_db, capsys):
    older = sorted(known_revisions() - {head_revision()})[-1]
    conn = sqlite3.connect(demo_db)
    conn.execute("UPDATE alembic_version SET version_num = ?", (older,))
    conn.commit()
    conn.close()
    with WriterLock(demo_db):
        assert main(["--db", str(demo_db), "--wait", "0", "list", "meetings"]) == 2
    assert capsys.readouterr().err.startswith(HOLDER_LINE)


def test_a_reading_command_on_a_new_database_creates_it(tmp_path, capsys):
    path = tmp_path / "new.sqlite"
    assert main(["--db", str(path), "list", "meetings"]) == 0
    assert path.exists() and read_holder(path) is None     # lock let go
    with WriterLock(tmp_path / "other.sqlite"):
        assert main(["--db", str(tmp_path / "other.sqlite"), "--wait", "0", "issued"]) == 2
    assert not (tmp_path / "other.sqlite").exists()


def test_a_writing_command_lets_go_of_the_lock(demo_db, capsys):
    assert main(["--db", str(demo_db), "--wait", "0", "init", "--unit", "A", "--parent", "B",
                 "--place", "C"]) == 0
    assert lock_path_for(demo_db).read_bytes() == b""
    WriterLock(demo_db).acquire()


@pytest.mark.slow
def test_two_reports_issued_together_get_two_numbers(demo_db, tmp_path):
    runs = [subprocess.Popen([sys.executable, "-m", "tgdesk", "--db", str(demo_db), "report",
                              "--kind", "work", "--period", "2026-11", "--issue",
                              "--allow-placeholders", "--format", "docx", "--out",
                              str(tmp_path / f"out{i}")],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for i in range(2)]
    outputs = [r.communicate(timeout=300) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], outputs
    numbers = sorted(re.search(r"báo cáo số (\S+)", out).group(1) for out, _ in outputs)
    assert numbers[0] != numbers[1]


# --- SQLite's "database is locked" ----------------------------------------------------------

@pytest.mark.slow
def test_database_is_locked_is_not_an_unexpected_error(demo_db, capsys):
    other = sqlite3.connect(demo_db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")        # a writer that does not take our lock
    try:
        code = main(["--db", str(demo_db), "init", "--unit", "A", "--parent", "B",
                     "--place", "C"])
    finally:
        other.execute("ROLLBACK")
        other.close()
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith("tgdesk: Cơ sở dữ liệu đang bận: ")
    assert "không mong muốn" not in err and "locked" not in err


# --- bad --db values -------------------------------------------------------------------------

def test_bad_db_paths_are_one_line_and_create_nothing(tmp_path, capsys):
    folder = tmp_path / "folder"
    folder.mkdir()
    a_file = tmp_path / "a.txt"
    a_file.write_text("x", encoding="utf-8")
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    cases = {
        "": "tgdesk: --db trống: ",
        str(folder): f"tgdesk: “{folder}” là một thư mục, không phải tệp cơ sở dữ liệu.",
        str(a_file / "db.sqlite"): f"tgdesk: Không tạo được cơ sở dữ liệu “{a_file / 'db.sqlite'}”"
                                   f": “{a_file}” là một tệp, không phải thư mục.",
        str(a_file / "sub" / "db.sqlite"): "là một tệp, không phải thư mục.",
        str(fifo): f"tgdesk: “{fifo}” không phải là một tệp thông thường",
        str(a_file): f"tgdesk: Tệp “{a_file}” không phải là cơ sở dữ liệu tgdesk.",
    }
    before = sorted(tmp_path.rglob("*"))
    for db, expected in cases.items():
        for command in (["list", "meetings"], ["demo"]):
            assert main(["--db", db, *command]) == 2, db
            err = capsys.readouterr().err
            assert expected in err, (db, err)
            assert len(err.splitlines()) == 1
    assert sorted(tmp_path.rglob("*")) == before
    assert a_file.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0,
                    reason="needs file permissions that apply (not root)")
def test_an_unreadable_db_file_is_one_line(db_path, capsys):
    db_path.chmod(0)
    try:
        assert main(["--db", str(db_path), "list", "meetings"]) == 2
    finally:
        db_path.chmod(0o644)
    assert capsys.readouterr().err == (f"tgdesk: Không đọc được tệp “{db_path}”: không có "
                                       "quyền truy cập.\n")
