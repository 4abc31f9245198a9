"""The log file: UTF-8, in the data folder's logs/, rotated at 1 MB keeping five
older files; stderr (and no crash) when the folder cannot be written."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tgdesk import logsetup, paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def own_log(tmp_path):
    yield tmp_path / "logs"
    logsetup.stop_logging()


def test_the_log_folder_is_in_the_data_folder(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert paths.log_dir() == paths.data_dir() / "logs" == tmp_path / "data" / "tgdesk" / "logs"
    assert paths.log_dir().is_dir()


def test_utf8_and_rotated_at_one_megabyte_keeping_five(own_log):
    target = logsetup.setup_logging(own_log, force=True)
    assert target == own_log / "tgdesk.log" == logsetup.log_file()
    logging.getLogger("tgdesk.thu").warning("Đảng ủy phường Bình Tiên: ổ đĩa đầy")
    assert "Đảng ủy phường Bình Tiên: ổ đĩa đầy" in target.read_bytes().decode("utf-8")

    line = "ý kiến dư luận " * 6_000                       # about 100 KB a record
    for _ in range(80):                                    # about 8 MB in all
        logging.getLogger("tgdesk.thu").info(line)
    names = sorted(p.name for p in own_log.iterdir())
    assert names == ["tgdesk.log"] + [f"tgdesk.log.{n}" for n in range(1, 6)]
    # the standard handler measures a record in characters, not UTF-8 bytes
    assert all(p.stat().st_size <= 1_500_000 for p in own_log.iterdir())


def test_an_unwritable_folder_falls_back_to_stderr(tmp_path, capsys, own_log):
    blocker = tmp_path / "mot-tep"
    blocker.write_text("không phải thư mục", encoding="utf-8")
    assert logsetup.setup_logging(blocker / "logs", force=True) is None
    assert logsetup.log_file() is None
    logging.getLogger("tgdesk.thu").info("không cần ra màn hình")
    logging.getLogger("tgdesk.thu").error("vẫn ghi được ra stderr")
    err = capsys.readouterr().err
    assert "vẫn ghi được ra stderr" in err and "không cần ra màn hình" not in err


def test_a_configured_process_is_left_alone(own_log):
    root = logging.getLogger()
    assert root.handlers                                   # the test runner's own
    before = list(root.handlers)
    assert logsetup.setup_logging(own_log) is None
    assert root.handlers == before and not own_log.exists()


def test_the_program_writes_its_log_where_it_says(tmp_path):
    """A real run: the file appears in the data folder and the run is in it."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    run = subprocess.run([sys.executable, "-m", "tgdesk", "--db", str(tmp_path / "x.sqlite"),
                          "list", "meetings"], cwd=ROOT, env=env, capture_output=True,
                         timeout=120)
    assert run.returncode == 0, run.stderr.decode("utf-8", "replace")
    log_file = tmp_path / "data" / "tgdesk" / "logs" / "tgdesk.log"
    assert "tgdesk" in log_file.read_text(encoding="utf-8")
    assert "started" in log_file.read_text(encoding="utf-8")
