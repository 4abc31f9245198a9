"""What an office PC brings to the command line, mostly run as a real program:
folder and file names with "#", "%", "?", "&", spaces, Vietnamese letters and
long names, for the database, its backups, a restore and the exported
reports; and output redirected on a Windows code page (cp1252), which must
still come out as UTF-8; a data folder that cannot be made."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LONG = "Báo cáo công tác tuyên giáo của Đảng ủy phường Bình Tiên quý ba"   # 63 letters


def tgdesk(*args: str, tmp: Path, **env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "XDG_DATA_HOME": str(tmp / "xdg-data"), **env}
    full_env.pop("PYTHONUTF8", None)
    return subprocess.run([sys.executable, "-m", "tgdesk", *args], cwd=ROOT, env=full_env,
                          capture_output=True, timeout=300)


def ok(run: subprocess.CompletedProcess) -> str:
    out, err = run.stdout.decode("utf-8"), run.stderr.decode("utf-8")
    assert run.returncode == 0, out + err
    return out


def test_database_backups_restore_and_reports_under_odd_names(tmp_path):
    folder = tmp_path / "dữ liệu #1 %20 ?x & y" / LONG / LONG / LONG
    db = folder / "tgdesk 50% #2.sqlite"
    out_dir = tmp_path / "xuất #3 %41 ?z" / LONG / LONG / "quý 3"
    assert len(str(out_dir)) > 200 and len(str(db)) > 260      # past Windows' old MAX_PATH

    assert "Đã thiết lập đơn vị" in ok(tgdesk(
        "--db", str(db), "init", "--unit", "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "--parent", "ĐẢNG BỘ TP",
        "--place", "Bình Tiên", tmp=tmp_path))
    backup_line = ok(tgdesk("--db", str(db), "backup", tmp=tmp_path)).strip()
    backups = sorted((folder / "backups").glob("*.sqlite"))
    assert [str(p) for p in backups] == [backup_line]
    assert backups[0].name.startswith("tgdesk 50% #2-")

    ok(tgdesk("--db", str(db), "report", "--kind", "work", "--period", "2026-Q3",
              "--out", str(out_dir), "--format", "docx,pdf", tmp=tmp_path))
    reports = sorted(p.suffix for p in out_dir.iterdir())
    assert reports == [".docx", ".pdf"]

    assert "Dữ liệu tốt." in ok(tgdesk("--db", str(db), "check", tmp=tmp_path))
    restored = ok(tgdesk("--db", str(db), "restore", "--yes", str(backups[0]), tmp=tmp_path))
    assert "Đã khôi phục dữ liệu" in restored

    # everything landed where it was named, nothing beside it under a cut-off name
    assert {p.name for p in folder.iterdir()} >= {db.name, "backups"}
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["dữ liệu #1 %20 ?x & y", "xuất #3 %41 ?z", "xdg-data"])


def test_redirected_output_on_a_windows_code_page_is_utf8(tmp_path):
    run = tgdesk("--help", tmp=tmp_path, PYTHONIOENCODING="cp1252")
    assert run.returncode == 0, run.stderr
    assert "quản lý công tác tuyên giáo cấp phường" in run.stdout.decode("utf-8")  # strict

    refused = tgdesk("--db", "", "list", "meetings", tmp=tmp_path, PYTHONIOENCODING="cp1252")
    assert refused.returncode == 2
    assert refused.stderr.decode("utf-8").startswith("tgdesk: --db trống")


def test_a_data_folder_that_cannot_be_made_is_said_plainly(tmp_path, monkeypatch, capsys):
    from tgdesk.app import main
    blocker = tmp_path / "mot-tep"
    blocker.write_text("không phải thư mục", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    assert main(["list", "meetings"]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"tgdesk: Không tạo được thư mục dữ liệu “{blocker / 'tgdesk'}”: ")
    assert "Traceback" not in err and "không mong muốn" not in err
