"""A ward changes its key (issue 12, item 4): the level above takes the signed
key change, imports the next package under the new key and refuses one signed
with the old; a receipt signed before a change stays valid; a forged or foreign
change is refused and changes nothing."""

from __future__ import annotations

import json

import pytest

from tgdesk.domain.period import Period
from tgdesk.services import exchange as ex
from tgdesk.services.errors import UserError

from .conftest import dump

NOV = Period.parse("2026-11")
OCT = Period.parse("2026-10")


def test_the_parent_takes_the_change_then_refuses_the_old_key(pair):
    ward, upper, tmp = pair.ward, pair.upper, pair.tmp
    ex.export_records(ward, tmp / "old.tgx", "parent", period=OCT)   # signed with the old key
    before = ex.ensure_identity(ward).fingerprint
    change = ex.change_keys(ward, tmp / "ward.keychange")
    assert change.old_fingerprint == before != change.new_fingerprint
    assert ex.ensure_identity(ward).fingerprint == change.new_fingerprint
    ex.export_records(ward, tmp / "new.tgx", "parent", period=NOV)

    # before the change is taken, the new package's signature is not the registered one
    with pytest.raises(UserError, match="tệp đổi khóa"):
        ex.import_packages(upper, tmp / "new.tgx")
    taken = ex.accept_change(upper, tmp / "ward.keychange")
    assert taken.new_fingerprint == change.new_fingerprint
    assert ex.resolve(upper, str(pair.ward_unit_id)).fingerprint == change.new_fingerprint
    report = ex.import_packages(upper, tmp / "new.tgx")
    assert report.ok and report.summaries[0].counts()["added"] > 0
    with pytest.raises(UserError, match="ký bằng khóa cũ"):
        ex.import_packages(upper, tmp / "old.tgx")
    with pytest.raises(UserError, match="đã được nhận"):
        ex.accept_change(upper, tmp / "ward.keychange")


def test_a_package_sent_to_the_old_key_is_still_read(pair):
    """The level above sends its catalogue before it took the ward's change: the
    ward still decrypts it with the key it replaced."""
    ward, upper, tmp = pair.ward, pair.upper, pair.tmp
    ex.export_catalogue(upper, str(pair.ward_unit_id), tmp / "cat.tgx")
    ex.change_keys(ward, tmp / "ward.keychange")
    assert ex.import_packages(ward, tmp / "cat.tgx").ok


def test_a_receipt_signed_before_the_parents_change_stays_valid(pair):
    ward, upper, tmp = pair.ward, pair.upper, pair.tmp
    res = ex.export_records(ward, tmp / "nov.tgx", "parent", period=NOV)
    report = ex.import_packages(upper, tmp / "nov.tgx")
    [receipt] = ex.write_receipts(upper, report.package_ids, tmp / "rc")
    ex.change_keys(upper, tmp / "upper.keychange")
    ex.accept_change(ward, tmp / "upper.keychange")
    assert "Biên nhận hợp lệ" in ex.check_receipt(ward, receipt)
    assert res


def test_a_forged_or_foreign_change_is_refused_and_changes_nothing(pair):
    ward, upper, tmp = pair.ward, pair.upper, pair.tmp
    ex.change_keys(ward, tmp / "ward.keychange")
    doc = json.loads((tmp / "ward.keychange").read_text(encoding="utf-8"))
    forged = dict(doc, signature_old=doc["signature_new"])     # not the registered key's
    (tmp / "forged.keychange").write_text(json.dumps(forged), encoding="utf-8")
    snapshot = dump(upper)
    with pytest.raises(UserError, match="không được ký bằng khóa đang đăng ký"):
        ex.accept_change(upper, tmp / "forged.keychange")
    edited = dict(doc, name="Đơn vị khác")
    (tmp / "edited.keychange").write_text(json.dumps(edited), encoding="utf-8")
    with pytest.raises(UserError, match="bị hỏng hoặc bị sửa"):
        ex.accept_change(upper, tmp / "edited.keychange")
    (tmp / "junk.keychange").write_bytes(b"\x00\x01 not json")
    with pytest.raises(UserError, match="không phải tệp đổi khóa"):
        ex.accept_change(upper, tmp / "junk.keychange")
    assert dump(upper) == snapshot


def test_the_command_line(pair, capsys):
    from tgdesk.app import main

    ward_db, upper_db, tmp = pair.ward.db_path, pair.upper.db_path, pair.tmp
    pair.ward.close()
    pair.upper.close()
    assert main(["--db", str(ward_db), "units", "rekey", "--out", str(tmp / "w.keychange")]) == 0
    out = capsys.readouterr().out
    assert "Khóa mới:" in out
    assert main(["--db", str(upper_db), "units", "key-change", str(tmp / "w.keychange")]) == 0
    assert "Đã nhận khóa mới của ĐẢNG ỦY PHƯỜNG BÌNH TIÊN" in capsys.readouterr().out
    assert main(["--db", str(upper_db), "units", "key-change", str(tmp / "w.keychange")]) != 0
    assert "đã được nhận" in capsys.readouterr().err
