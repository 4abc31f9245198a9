"""`tgdesk import`: likely duplicates reported, skipped, kept with --keep-duplicates;
--dry-run changes nothing (docs/data-format.md)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tgdesk.app import main

MONTH = {
    "format": "tgdesk-records", "version": 1,
    "areas": [{"name": "Khu phố 1"}], "categories": [{"name": "Giá cả"}],
    "meetings": [{"held_on": f"2026-11-{day:02d}", "title": f"Giao ban tuần {n}"}
                 for n, day in enumerate((3, 10, 17, 24), start=1)],
    "opinions": [{"noted_on": "2026-11-12", "area": "Khu phố 1", "category": "Giá cả",
                  "summary": "Giá điện tăng."}],
}


def run(db: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def meetings(db: Path, capsys) -> list[str]:
    code, out, _ = run(db, "list", "meetings", "--json", capsys=capsys)
    assert code == 0
    return sorted(m["title"] for m in json.loads(out))


def write(path: Path, data: dict) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_same_month_twice_is_imported_once(db_path, tmp_path, capsys):
    path = write(tmp_path / "thang-11.json", MONTH)
    code, out, _ = run(db_path, "import", str(path), capsys=capsys)
    assert code == 0 and "4 hội nghị, 1 ý kiến dư luận" in out and "trùng" not in out
    code, out, err = run(db_path, "import", str(path), capsys=capsys)
    assert code == 0 and err == ""
    assert "không có bản ghi mới nào để nhập" in out
    assert "5 bản ghi có vẻ trùng với bản ghi đã có, không được nhập:" in out
    assert "meetings[3] “Giao ban tuần 4” (24/11/2026): trùng với hội nghị đã có" in out
    assert "--keep-duplicates" in out
    assert meetings(db_path, capsys) == [f"Giao ban tuần {n}" for n in range(1, 5)]


def test_equal_records_of_one_file_and_keep_duplicates(db_path, tmp_path, capsys):
    data = dict(MONTH, meetings=MONTH["meetings"] + [dict(MONTH["meetings"][0])])
    path = write(tmp_path / "lap.json", data)
    code, out, _ = run(db_path, "import", str(path), "--dry-run", capsys=capsys)
    assert code == 0 and out.startswith("THỬ NHẬP (không thay đổi dữ liệu):")
    assert "1 bản ghi có vẻ trùng với bản ghi ở trước trong tệp, không được nhập:" in out
    assert "meetings[4] “Giao ban tuần 1” (03/11/2026): trùng với meetings[0]" in out
    assert "chạy lại với --keep-duplicates" in out
    assert meetings(db_path, capsys) == []
    code, out, _ = run(db_path, "import", str(path), "--keep-duplicates", capsys=capsys)
    assert code == 0 and "5 hội nghị" in out
    assert "vẫn được nhập vì đã chọn giữ cả bản ghi trùng" in out
    assert meetings(db_path, capsys).count("Giao ban tuần 1") == 2


def test_help_lists_the_new_options(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["import", "--help"])
    assert exc.value.code == 0
    out = capsys.readouterr().out
    assert "--keep-duplicates" in out and "--dry-run" in out
