"""tgdesk audit: the log's entries and --verify, which names an entry edited by
hand (exit 1) and says the chain is intact otherwise (exit 0)."""

from __future__ import annotations

import json
from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from pathlib import Path

from tgdesk.app import main


def run(db: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_init_then_verify_list_and_a_hand_edit(db_path, capsys):
    code, _out, _err = run(db_path, "init", "--unit", "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN",
                           "--parent", "ĐẢNG BỘ QUẬN 6", "--place", "Bình Tiên",
                           "--no-starter-catalogues", capsys=capsys)
    assert code == 0
    code, out, _ = run(db_path, "audit", "--verify", capsys=capsys)
    assert code == 0 and out.startswith("Nhật ký nguyên vẹn:")
    code, out, _ = run(db_path, "audit", "--kind", "unit", "--json", capsys=capsys)
    [entry] = json.loads(out)
    assert entry["action"] == "create" and entry["changes"]["name"] == [
        None, "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN"]
    code, out, _ = run(db_path, "audit", capsys=capsys)
    assert "Thêm" in out and "Đơn vị" in out
    raw = sqlite3.connect(db_path)
    seq = raw.execute("SELECT seq FROM audit_entry WHERE kind = 'unit'").fetchone()[0]
    raw.execute("UPDATE audit_entry SET changes = replace(changes, 'Bình Tiên', 'Bình Phú') "
                "WHERE seq = ?", (seq,))
    raw.commit()
    raw.close()
    code, out, err = run(db_path, "audit", "--verify", capsys=capsys)
    assert code == 1
    assert f"Mục {seq} đã bị sửa sau khi ghi." in err
    code, out, _ = run(db_path, "audit", "--verify", "--json", capsys=capsys)
    assert code == 1 and json.loads(out)["breaks"][0]["seq"] == seq
