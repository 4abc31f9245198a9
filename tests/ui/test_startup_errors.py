"""The windowed program when it cannot start: every way the database or the data
folder fails comes up in a Vietnamese message box (why, what to do, where the
log is) and the program ends with a non-zero code; a defect comes up in the
error dialog. ``--open FILE`` takes a package to the exchange page; a file
that is not there gets a message over the window. The boxes are shown through
launch.present, which these tests replace so nothing waits for a click."""

from __future__ import annotations

import errno
import json
import os
import shutil
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tgdesk import app
from tgdesk.domain.records import UnitSettings
from tgdesk.services.context import open_context
from tgdesk.services.errors import (ADVICE_ACCESS, ADVICE_FULL, ADVICE_NEWER, ADVICE_OTHER,
                                   open_failure)
from tgdesk.services.unit import save_unit
from tgdesk.ui import launch
from tgdesk.ui.common.error_dialog import ErrorDialog, current_dialog
from tgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def shown(qapp, monkeypatch, tmp_path) -> list:
    """The start-up dialogs, collected instead of waited for. The data folder
    (and with it the log) is the test's own."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "du-lieu-nguoi-dung"))
    seen: list = []
    monkeypatch.setattr(launch, "present", seen.append)
    return seen


def start(*args: str) -> int:
    return app.main(list(args))


def newer_than_us(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()


def the_box(shown: list) -> launch.StartErrorBox:
    assert len(shown) == 1 and isinstance(shown[0], launch.StartErrorBox)
    box = shown[0]
    assert box.windowTitle() == "Không mở được tgdesk"
    assert [b.text() for b in box.buttons()] in (["Đóng"], ["&Đóng"])
    return box


def test_a_database_from_a_newer_tgdesk_is_refused_in_a_box(shown, db_path, capsys):
    newer_than_us(db_path)
    before = db_path.read_bytes()

    assert start("--db", str(db_path)) == 2

    box = the_box(shown)
    assert "phiên bản tgdesk mới hơn" in box.text() and "9999" in box.text()
    assert ADVICE_NEWER in box.informativeText()
    assert "Chương trình sẽ đóng lại." in box.informativeText()
    assert db_path.read_bytes() == before                 # nothing written
    assert "mới hơn" in capsys.readouterr().err           # and said on a terminal too


def test_a_file_that_is_not_a_tgdesk_database(shown, tmp_path):
    other = tmp_path / "so-lieu.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE so_lieu (x)")
    conn.execute("INSERT INTO so_lieu VALUES (1)")
    conn.commit()
    conn.close()

    assert start("--db", str(other)) == 2

    box = the_box(shown)
    assert "không phải cơ sở dữ liệu tgdesk" in box.text()
    assert "chọn nhầm tệp" in box.informativeText()


def test_a_damaged_database_points_at_the_backups(shown, db_path):
    data = bytearray(db_path.read_bytes())
    data[:100] = b"\xff" * 100                      # the header: no longer SQLite
    db_path.write_bytes(bytes(data))

    assert start("--db", str(db_path)) == 2

    info = the_box(shown).informativeText()
    assert "restore TỆP" in info and str(db_path.parent / "backups") in info


def test_a_data_folder_that_cannot_be_made(shown, monkeypatch, tmp_path):
    blocker = tmp_path / "khong-phai-thu-muc"
    blocker.write_text("một tệp, không phải thư mục", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker / "du-lieu"))

    assert start() == 2                                # no --db: the default database

    box = the_box(shown)
    assert box.text().startswith("Không tạo được thư mục dữ liệu")
    assert ADVICE_ACCESS.format(folder=blocker / "du-lieu" / "tgdesk") in box.informativeText()


def test_a_path_that_is_a_folder(shown, tmp_path):
    assert start("--db", str(tmp_path)) == 2
    box = the_box(shown)
    assert "là một thư mục" in box.text() and ADVICE_OTHER in box.informativeText()


def test_a_defect_at_start_up_shows_the_error_dialog(shown, db_path, monkeypatch):
    def broken(*_args, **_kwargs):
        raise ZeroDivisionError("division by zero")
    monkeypatch.setattr(launch, "open_for_writing", broken)

    assert start("--db", str(db_path)) == 1

    assert len(shown) == 1 and isinstance(shown[0], ErrorDialog)
    assert "ZeroDivisionError" in shown[0].details()
    assert "Đã xảy ra lỗi không mong muốn" in shown[0].explanation.text()


def test_system_errors_are_put_in_plain_words(tmp_path):
    db = tmp_path / "tgdesk.sqlite"
    full = open_failure(OSError(errno.ENOSPC, "No space left on device"), db)
    assert "ổ đĩa đầy" in full.reason and "giải phóng chỗ trống" in full.advice
    denied = open_failure(PermissionError(errno.EACCES, "Permission denied"), db)
    assert "không có quyền truy cập" in denied.reason
    assert denied.advice == ADVICE_ACCESS.format(folder=tmp_path)
    busy = open_failure(sqlite3.OperationalError("database is locked"), db)
    assert "đang bận" in busy.reason
    assert open_failure(ZeroDivisionError(), db) is None      # a defect, not a failure


# --- --open FILE -------------------------------------------------------------------------

UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ TP",
                    place_name="Bình Tiên", signer_name="Nguyễn Văn An")


class RecordingWindow(MainWindow):
    """The real window; only notes the packages it is asked to open."""

    opened: list[Path] = []

    def open_package(self, path: Path):
        RecordingWindow.opened.append(path)


@pytest.fixture
def unit_db(db_path):
    ctx = open_context(db_path)
    save_unit(ctx, UNIT)
    ctx.close()
    return db_path


def run_and_close(check) -> QTimer:
    """Once the window is up, run ``check`` (which returns True when it has
    seen what it waits for) and close every window."""
    timer = QTimer()
    timer.setInterval(20)

    def tick():
        if check():
            timer.stop()
            QApplication.instance().closeAllWindows()
    timer.timeout.connect(tick)
    timer.start()
    return timer


def test_open_takes_the_package_to_the_window(qtbot, shown, unit_db, tmp_path, monkeypatch):
    package = tmp_path / "gói #1 tháng 11.tgx"
    package.write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    RecordingWindow.opened = []
    monkeypatch.setattr(launch, "MainWindow", RecordingWindow)
    timer = run_and_close(lambda: bool(RecordingWindow.opened))

    assert start("--db", str(unit_db), "--open", str(package)) == 0
    timer.stop()
    assert RecordingWindow.opened == [package] and shown == []


def test_open_with_a_missing_file_says_so_and_the_window_stays(qtbot, shown, unit_db, tmp_path,
                                                              monkeypatch):
    missing = tmp_path / "đã xóa.tgx"
    RecordingWindow.opened = []
    monkeypatch.setattr(launch, "MainWindow", RecordingWindow)
    seen: list[tuple[str, bool]] = []

    def box_over_window() -> bool:
        windows = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, RecordingWindow) and w.isVisible()]
        boxes = [b for w in windows for b in w.findChildren(QMessageBox) if b.isVisible()]
        seen.extend((b.text(), bool(windows)) for b in boxes)
        return bool(boxes)
    timer = run_and_close(box_over_window)

    assert start("--db", str(unit_db), "--open", str(missing)) == 0
    timer.stop()
    assert RecordingWindow.opened == [] and shown == []
    text, window_open = seen[0]
    assert window_open and f"Không tìm thấy tệp “{missing}”" in text


class FailingWindow(MainWindow):
    def open_package(self, path: Path):
        raise ZeroDivisionError("gói hỏng theo cách chưa ai nghĩ tới")


def test_a_defect_in_opening_the_package_leaves_the_window_up(qtbot, shown, unit_db, tmp_path,
                                                              monkeypatch):
    package = tmp_path / "goi.tgx"
    package.write_bytes(b"PK")
    monkeypatch.setattr(launch, "MainWindow", FailingWindow)
    seen: list[bool] = []

    def dialog_over_window() -> bool:
        dialog = current_dialog()
        if dialog is not None:
            seen.append(any(isinstance(w, FailingWindow) and w.isVisible()
                            for w in QApplication.topLevelWidgets()))
            seen.append("gói hỏng theo cách chưa ai nghĩ tới" in dialog.details())
        return dialog is not None
    timer = run_and_close(dialog_over_window)

    with qtbot.capture_exceptions() as raised:
        assert start("--db", str(unit_db), "--open", str(package)) == 0
    timer.stop()
    assert seen == [True, True] and len(raised) == 1 and shown == []


def test_open_is_for_the_window_only(capsys, db_path):
    with pytest.raises(SystemExit) as stop:
        app.main(["--db", str(db_path), "--open", "x.tgx", "backups"])
    assert stop.value.code == 2
    assert "--open chỉ dùng khi mở cửa sổ" in capsys.readouterr().err


# --- the real program: its log, a full disk, no right to read or write ----------------------

ROOT = Path(__file__).resolve().parents[2]
CHILD = """
import json, sys
from tgdesk import app
from tgdesk.ui import launch

def present(dialog):
    if isinstance(dialog, launch.QMessageBox):
        shown = {"text": dialog.text(), "info": dialog.informativeText()}
    else:
        shown = {"text": dialog.details(), "info": ""}
    print(json.dumps(shown, ensure_ascii=False), flush=True)

launch.present = present
sys.exit(app.main(sys.argv[1:]))
"""
# Root reads and writes whatever the permissions say; without these two
# capabilities (setpriv) it is refused like any other account.
NO_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


def powerless() -> list[str]:
    if os.name != "posix":
        pytest.skip("POSIX permissions")
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("root without setpriv: permissions cannot refuse")
    return NO_OVERRIDE


def run_window(tmp_path: Path, *args: str, prefix: list[str] = (), data: Path | None = None,
               preexec=None) -> tuple[int, list[dict]]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "XDG_DATA_HOME": str(data or tmp_path / "du-lieu-nguoi-dung")}
    run = subprocess.run([*prefix, sys.executable, "-c", CHILD, *args], cwd=ROOT, env=env,
                         capture_output=True, timeout=300, preexec_fn=preexec)
    lines = run.stdout.decode("utf-8").splitlines()
    return run.returncode, [json.loads(line) for line in lines]


def test_the_program_started_on_a_newer_database_logs_the_reason(tmp_path, db_path):
    newer_than_us(db_path)
    code, shown = run_window(tmp_path, "--db", str(db_path))
    assert code == 2 and len(shown) == 1
    log_file = tmp_path / "du-lieu-nguoi-dung" / "tgdesk" / "logs" / "tgdesk.log"
    assert shown[0]["info"].endswith(f"Chi tiết đã được ghi vào tệp nhật ký:\n{log_file}")
    logged = log_file.read_text(encoding="utf-8")
    assert "the window could not start: Cơ sở dữ liệu này được tạo bởi phiên bản tgdesk mới hơn " \
           "(phiên bản dữ liệu 9999)" in logged


@pytest.mark.skipif(os.name != "posix", reason="RLIMIT_FSIZE")
def test_a_full_disk_at_start_up(tmp_path):
    import resource
    import signal

    def starve():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)     # writes fail instead of killing
        resource.setrlimit(resource.RLIMIT_FSIZE, (64 * 1024, 64 * 1024))
    code, shown = run_window(tmp_path, "--db", str(tmp_path / "moi" / "tgdesk.sqlite"),
                             preexec=starve)
    assert code == 2 and len(shown) == 1
    assert "ổ đĩa đầy" in shown[0]["text"]
    assert shown[0]["info"].startswith(ADVICE_FULL.format(folder=tmp_path / "moi"))


def test_an_unreadable_database(tmp_path, db_path):
    prefix = powerless()
    db_path.chmod(0)
    try:
        code, shown = run_window(tmp_path, "--db", str(db_path), prefix=prefix)
    finally:
        db_path.chmod(0o644)
    assert code == 2 and len(shown) == 1
    assert shown[0]["text"] == f"Không đọc được tệp “{db_path}”: không có quyền truy cập."
    assert shown[0]["info"].startswith(ADVICE_ACCESS.format(folder=db_path.parent))


def test_a_data_folder_without_the_right_to_write(tmp_path):
    prefix = powerless()
    data = tmp_path / "chi-doc"
    data.mkdir()
    data.chmod(0o555)
    try:
        code, shown = run_window(tmp_path, prefix=prefix, data=data)
    finally:
        data.chmod(0o755)
    assert code == 2 and len(shown) == 1
    assert shown[0]["text"] == (f"Không tạo được thư mục dữ liệu “{data / 'tgdesk'}”: không có "
                                "quyền truy cập.")
    # and no log file could be written either: the box says so, nothing crashed
    assert shown[0]["info"].endswith("Không ghi được tệp nhật ký; chi tiết chỉ có trong nút "
                                     "“Sao chép chi tiết”.")
