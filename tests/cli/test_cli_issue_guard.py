"""`tgdesk report --issue` refuses a report that still holds placeholders, lists
them and exits 2; `--allow-placeholders` issues it as it is."""

from __future__ import annotations

import json

from tgdesk.app import main
from tgdesk.domain.records import UnitSettings
from tgdesk.services.context import open_context
from tgdesk.services.unit import save_unit

UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                    place_name="Bình Tiên", signer_name="Nguyễn Văn An")


def issued(db: str, capsys) -> list:
    assert main(["--db", db, "issued", "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_issue_is_refused_with_the_list_until_allowed(db_path, tmp_path, capsys):
    ctx = open_context(db_path)
    save_unit(ctx, UNIT)
    ctx.close()
    db, out = str(db_path), tmp_path / "out"
    issue = ["--db", db, "report", "--kind", "work", "--period", "2026-10", "--out", str(out),
             "--issue"]
    assert main(issue) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    lines = captured.err.splitlines()
    assert lines[0] == "tgdesk: Báo cáo còn 10 chỗ chưa điền:"
    assert lines[1].startswith("- Đoạn mở đầu: Thực hiện Hướng dẫn số …-HD/BTGDVTU ngày …")
    assert "Cài đặt đơn vị" in lines[1]
    assert lines[2] == ("- I.1. Công tác tham mưu, chỉ đạo: [Nêu số kế hoạch, hướng dẫn, công "
                        "văn đã ban hành, ghi rõ số, ký hiệu.]")
    assert len(lines) == 12 and "--allow-placeholders" in lines[-1]
    assert lines[-1].startswith("Chưa ban hành.")
    assert issued(db, capsys) == [] and not out.exists()
    assert main([*issue, "--allow-placeholders"]) == 0
    assert capsys.readouterr().out.startswith("Đã ban hành báo cáo số 01-BC/ĐU ngày ")
    assert [e["number_text"] for e in issued(db, capsys)] == ["01-BC/ĐU"]
    assert sorted(p.suffix for p in out.iterdir()) == [".docx", ".pdf"]
