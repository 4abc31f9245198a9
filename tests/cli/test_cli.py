"""The command line, run in-process through app.main and as a real process."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from tgdesk.app import main

TGDESK = Path(sys.executable).parent / "tgdesk"
ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.fixture
def demo_db(db_path, capsys) -> Path:
    assert main(["--db", str(db_path), "demo", "--years", "1", "--seed", "3"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Đã nạp dữ liệu mẫu: ")
    return db_path


def run(db: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def listed(db: Path, kind: str, capsys, *extra: str) -> list[dict]:
    code, out, _ = run(db, "list", kind, "--json", *extra, capsys=capsys)
    assert code == 0
    return json.loads(out)


def test_list_meetings_json(demo_db, capsys):
    items = listed(demo_db, "meetings", capsys)
    assert isinstance(items, list) and items and all(isinstance(i, dict) for i in items)
    for item in items:
        assert ISO.match(item["held_on"])
        assert date.fromisoformat(item["held_on"]) <= date.today()
        assert unicodedata.is_normalized("NFC", item["title"])
    assert any("ệ" in i["title"] or "ư" in i["title"] or "ả" in i["title"] for i in items)
    days = [i["held_on"] for i in items]
    assert days == sorted(days, reverse=True)


def test_list_opinions_table(demo_db, capsys):
    code, out, err = run(demo_db, "list", "opinions", "--from", "2026-11-01", "--to",
                         "2026-11-30", capsys=capsys)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split()[:2] == ["Ngày", "Lĩnh"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert lines[-1].endswith("bản ghi.")
    body = [ln for ln in lines[2:] if ln and not ln.endswith("bản ghi.")]
    assert all(re.match(r"^\d\d/11/2026 ", ln) for ln in body)


def test_stats_month_matches_a_hand_count(demo_db, capsys):
    month = date.today().strftime("%Y-%m")
    code, out, _ = run(demo_db, "stats", "--period", month, "--json", capsys=capsys)
    assert code == 0
    figures = json.loads(out)
    first = figures["from"]
    last = figures["to"]
    meetings = listed(demo_db, "meetings", capsys, "--from", first, "--to", last)
    studies = listed(demo_db, "studies", capsys, "--from", first, "--to", last)
    opinions = listed(demo_db, "opinions", capsys, "--from", first, "--to", last)
    assert figures["period"] == month
    assert figures["meetings"]["total"] == len(meetings)
    assert figures["meetings"]["by_type"] == dict(Counter(m["meeting_type"] for m in meetings))
    assert figures["meetings"]["attendance"] == sum(m["attendance"] or 0 for m in meetings)
    assert figures["studies"]["sessions"] == len(studies)
    assert figures["studies"]["party_members_present"] == sum(
        s["party_members_present"] for s in studies)
    assert figures["studies"]["party_members_expected"] == sum(
        s["party_members_expected"] for s in studies)
    assert figures["opinions"]["total"] == len(opinions)
    assert figures["opinions"]["by_attitude"] == dict(Counter(o["attitude"] for o in opinions))
    assert figures["opinions"]["open_follow_ups"] == sum(
        1 for o in opinions if o["follow_up"] != "da_giai_quyet")

    code, text, _ = run(demo_db, "stats", "--period", month, capsys=capsys)
    assert code == 0
    assert text.startswith("Số liệu tháng ")
    line = next(ln for ln in text.splitlines() if ln.startswith("Hội nghị, cuộc họp"))
    assert line.split()[-1] == str(len(meetings))


@pytest.mark.parametrize("period,label", [("2026-Q4", "quý IV năm 2026"),
                                          ("2026-H2", "6 tháng cuối năm 2026"),
                                          ("2026", "năm 2026")])
def test_stats_longer_periods(demo_db, capsys, period, label):
    code, out, _ = run(demo_db, "stats", "--period", period, capsys=capsys)
    assert code == 0 and out.startswith(f"Số liệu {label}")
    code, out, _ = run(demo_db, "stats", "--period", period, "--json", capsys=capsys)
    assert code == 0 and json.loads(out)["period"] == period


def test_bad_period_is_one_line_exit_2(db_path, capsys):
    code, out, err = run(db_path, "stats", "--period", "2026-13", capsys=capsys)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and err.startswith("tgdesk: ")
    assert "Traceback" not in err


def test_missing_import_file_exit_2(db_path, tmp_path, capsys):
    code, _, err = run(db_path, "import", str(tmp_path / "none.json"), capsys=capsys)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Không tìm thấy tệp" in err


def test_import_then_list(db_path, tmp_path, capsys):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({
        "format": "tgdesk-records", "version": 1,
        "meetings": [{"held_on": "2026-11-05", "title": "Giao ban công tác tuyên giáo "
                      "tháng 11/2026", "attendance": 30}]}, ensure_ascii=False), "utf-8")
    code, out, _ = run(db_path, "import", str(path), capsys=capsys)
    assert code == 0 and "1 hội nghị" in out
    items = listed(db_path, "meetings", capsys)
    assert [(i["held_on"], i["title"]) for i in items] == [
        ("2026-11-05", "Giao ban công tác tuyên giáo tháng 11/2026")]


def test_bad_years_exit_2(db_path, capsys):
    code, _, err = run(db_path, "demo", "--years", "0", capsys=capsys)
    assert code == 2 and "--years" in err


# --- as a real process ------------------------------------------------------------

def tgdesk(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, HOME=str(home), XDG_DATA_HOME=str(home / "data"),
               XDG_STATE_HOME=str(home / "state"), XDG_CACHE_HOME=str(home / "cache"))
    return subprocess.run([str(TGDESK), *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=60)


@pytest.mark.skipif(not TGDESK.exists(), reason="tgdesk console script not installed")
def test_demo_and_list_in_a_subprocess(tmp_path):
    db = tmp_path / "x.sqlite"
    done = tgdesk("--db", str(db), "demo", "--years", "1", "--seed", "3", home=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Đã nạp dữ liệu mẫu: ")
    done = tgdesk("--db", str(db), "list", "meetings", "--json", home=tmp_path)
    assert done.returncode == 0
    assert all(ISO.match(m["held_on"]) for m in json.loads(done.stdout))


@pytest.mark.skipif(not TGDESK.exists(), reason="tgdesk console script not installed")
def test_not_a_database_in_a_subprocess(tmp_path):
    bogus = tmp_path / "notes.sqlite"
    bogus.write_text("Đây là một tệp văn bản, không phải cơ sở dữ liệu.\n" * 20, "utf-8")
    done = tgdesk("--db", str(bogus), "stats", "--period", "2026-11", home=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith("tgdesk: ") and "Traceback" not in done.stderr
    assert str(bogus.name) in done.stderr or "cơ sở dữ liệu" in done.stderr
    assert bogus.read_text("utf-8").startswith("Đây là")


@pytest.mark.skipif(not TGDESK.exists(), reason="tgdesk console script not installed")
def test_bad_period_in_a_subprocess(tmp_path):
    done = tgdesk("--db", str(tmp_path / "y.sqlite"), "stats", "--period", "tháng 11",
                  home=tmp_path)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
