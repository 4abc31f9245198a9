"""The exchange commands end to end, through the same parser as tgdesk."""

from __future__ import annotations

import json

from tgdesk import cli
from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo
from tgdesk.services.errors import UserError

from .conftest import TODAY


def tgdesk(db, *argv) -> int:
    """What app.main does for a headless command (with a fixed today)."""
    args = cli.build_parser().parse_args(["--db", str(db), *argv])
    ctx = open_context(db, today=lambda: TODAY)
    try:
        return cli.run(ctx, args)
    except UserError as exc:
        print(f"tgdesk: {exc}")
        return 2
    finally:
        ctx.close()


def test_cli_round_trip(tmp_path, capsys):
    ward, upper = tmp_path / "ward.sqlite", tmp_path / "upper.sqlite"
    assert tgdesk(upper, "init", "--unit", "ĐẢNG ỦY QUẬN", "--parent", "THÀNH ỦY",
                  "--place", "Hà Nội") == 0
    assert "Dấu vân tay" in capsys.readouterr().out
    ctx = open_context(ward, today=lambda: TODAY)
    load_demo(ctx, years=1, seed=5)
    ctx.close()
    assert tgdesk(ward, "units", "key", "--out", str(tmp_path / "w.key")) == 0
    assert tgdesk(upper, "units", "key", "--out", str(tmp_path / "u.key")) == 0
    assert tgdesk(upper, "units", "add", str(tmp_path / "w.key"), "--as", "child") == 0
    assert tgdesk(ward, "units", "add", str(tmp_path / "u.key"), "--as", "parent") == 0
    capsys.readouterr()
    assert tgdesk(ward, "export", "--period", "2026-11", "--out", str(tmp_path / "n.tgx")) == 0
    out = capsys.readouterr().out
    assert "ý kiến dư luận được đánh dấu Mật không được đưa vào gói" in out
    assert tgdesk(upper, "import-package", str(tmp_path / "n.tgx"), "--dry-run") == 0
    assert "THỬ NHẬP" in capsys.readouterr().out
    assert tgdesk(upper, "import-package", str(tmp_path), "--receipt",
                  str(tmp_path / "r")) == 0
    assert "Đã ghi biên nhận" in capsys.readouterr().out
    receipt = next((tmp_path / "r").iterdir())
    assert tgdesk(ward, "receipt-check", str(receipt)) == 0
    assert "Biên nhận hợp lệ" in capsys.readouterr().out
    assert tgdesk(upper, "completeness", "--period", "2026-11", "--json") == 0
    board = json.loads(capsys.readouterr().out)
    assert board["units"][0]["periods"]["2026-11"]["status"] in ("received", "late")
    assert tgdesk(upper, "received", "meetings", "--unit", "all") == 0
    assert "bản ghi nhận được" in capsys.readouterr().out
    assert tgdesk(upper, "unit-stats", "--period", "2026-11", "--json") == 0
    assert json.loads(capsys.readouterr().out)["units"][0]["meetings"]["total"] > 0
    assert tgdesk(upper, "units", "list", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["packages"] == 1
    assert tgdesk(ward, "exports") == 0
    assert tgdesk(ward, "export", "--again", "1", "--out", str(tmp_path / "again.tgx")) == 0
    assert (tmp_path / "again.tgx").read_bytes() == (tmp_path / "n.tgx").read_bytes()
    assert tgdesk(upper, "export-catalogue", "--to", "children", "--out",
                  str(tmp_path / "down")) == 0
    assert tgdesk(ward, "import-package", str(tmp_path / "down")) == 0
    assert tgdesk(upper, "conflicts", "list") == 0
    capsys.readouterr()
    # A user error: one Vietnamese line, non-zero.
    (tmp_path / "junk.tgx").write_bytes(b"not a zip")
    assert tgdesk(upper, "import-package", str(tmp_path / "junk.tgx")) == 2
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "bị từ chối" in out[0]
