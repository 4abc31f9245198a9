"""The encrypted database (issue 12, item 1): nothing readable on disk, the wrong
password changes nothing, passwords change without re-encrypting, the recovery
code opens without the key file, a plain database converts with nothing lost
(even when cut off half-way), copies stay encrypted, restores keep the key."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tgdesk.domain.roles import Role
from tgdesk.services import accounts, db_keys
from tgdesk.services.audit import verify
from tgdesk.services.context import open_context
from tgdesk.services.errors import UserError
from tgdesk.services.key_file import key_file_path
from tgdesk.services.restore import restore
from tgdesk.store import driver
from tgdesk.store import tables as t

from datetime import date

TODAY = date(2026, 11, 24)

PASSWORD = "mat-khau-don-vi-1"
# words of the demo's opinion notes (Mật by default) and of its meetings
WORDS = ("Nhân dân".encode(), "Khu phố".encode(), b"BEGIN PRIVATE")


def _words_in(path: Path) -> list[bytes]:
    data = path.read_bytes() if path.exists() else b""
    return [w for w in WORDS if w in data]


def _forget(path: Path) -> None:
    driver.forget_key([path, path.parent / "backups"])


def _open(path: Path, secret: db_keys.Secret):
    keys, login = db_keys.unlock(path, secret)
    ctx = open_context(path, today=lambda: TODAY)
    db_keys.after_open(ctx, keys, login)
    return ctx


def _notes(ctx) -> int:
    with ctx.reading() as s:
        return s.scalar(select(func.count(t.OpinionRow.id)))


@pytest.fixture
def plain_demo(demo_template, tmp_path) -> Path:
    target = tmp_path / "ward.sqlite"
    shutil.copy(demo_template(1), target)
    yield target
    _forget(target)


def _protect(path: Path) -> str:
    ctx = open_context(path, today=lambda: TODAY)
    try:
        assert _words_in(path)                  # the test can fail: plain text before
        return db_keys.protect(ctx, "lanhdao", "Nguyễn Văn An", PASSWORD)
    finally:
        ctx.close()


def test_protect_leaves_nothing_readable_and_loses_nothing(plain_demo):
    ctx = open_context(plain_demo, today=lambda: TODAY)
    before = _notes(ctx)
    ctx.close()
    code = _protect(plain_demo)
    _forget(plain_demo)
    assert len(code.replace("-", "")) == 32
    assert not _words_in(plain_demo)
    backups = list((plain_demo.parent / "backups").glob("ward-*.sqlite"))
    assert backups and all(not _words_in(b) for b in backups)      # the copy before, too
    keyfile = key_file_path(plain_demo).read_text()
    assert "lanhdao" in keyfile and PASSWORD not in keyfile
    ctx = _open(plain_demo, db_keys.Secret(PASSWORD))
    try:
        assert _notes(ctx) == before
        assert ctx.viewer is not None and ctx.viewer.role is Role.LANH_DAO
        # the WAL while the database is open and written holds nothing readable either
        accounts.create_account(ctx, "canbo1", "Trần Thị Bình", Role.CAN_BO, "mat-khau-2-cb")
        wal = Path(f"{plain_demo}-wal")
        assert wal.exists() and wal.stat().st_size > 0 and not _words_in(wal)
        assert b"canbo1" not in wal.read_bytes() and b"canbo1" not in plain_demo.read_bytes()
        count, breaks = verify(ctx)
        assert count > 0 and breaks == []
    finally:
        ctx.close()


def test_a_wrong_password_changes_nothing_but_the_count(plain_demo):
    _protect(plain_demo)
    _forget(plain_demo)
    digest = hashlib.sha256(plain_demo.read_bytes()).hexdigest()
    with pytest.raises(UserError, match="mật khẩu không đúng"):
        db_keys.unlock(plain_demo, db_keys.Secret("sai-mat-khau"))
    assert driver.key_for(plain_demo) is None
    assert hashlib.sha256(plain_demo.read_bytes()).hexdigest() == digest
    assert json.loads(key_file_path(plain_demo).read_text())["failed_sign_ins"] == 1
    with pytest.raises(UserError, match="mã hóa"):          # no key: not opened, no traceback
        open_context(plain_demo, today=lambda: TODAY)
    ctx = _open(plain_demo, db_keys.Secret(PASSWORD))       # the right one logs the failure
    try:
        from tgdesk.services.audit import entries
        assert any(e.action == "sign_in_failed" for e in entries(ctx))
    finally:
        ctx.close()


def test_a_password_change_keeps_the_database_key(plain_demo):
    code = _protect(plain_demo)
    _forget(plain_demo)
    ctx = _open(plain_demo, db_keys.Secret(PASSWORD))
    try:
        accounts.set_password(ctx, ctx.viewer.account_id, "mat-khau-moi-9", PASSWORD)
    finally:
        ctx.close()
    _forget(plain_demo)
    with pytest.raises(UserError):
        db_keys.unlock(plain_demo, db_keys.Secret(PASSWORD))
    _open(plain_demo, db_keys.Secret("mat-khau-moi-9", login="LanhDao")).close()
    _forget(plain_demo)
    _open(plain_demo, db_keys.Secret(recovery_code=code.lower().replace("-", " "))).close()


def test_the_recovery_code_opens_without_the_key_file(plain_demo):
    code = _protect(plain_demo)
    _forget(plain_demo)
    key_file_path(plain_demo).unlink()
    with pytest.raises(UserError, match="Mã khôi phục"):
        db_keys.unlock(plain_demo, db_keys.Secret(recovery_code="AAAA-" * 7 + "AAAA"))
    ctx = _open(plain_demo, db_keys.Secret(recovery_code=code))
    try:
        assert ctx.viewer is None and _notes(ctx) > 0
        from tgdesk.services.audit import entries
        assert entries(ctx)[0].action == "recovery_open"      # newest first
        assert db_keys.is_encrypted(plain_demo)                # the key file is back
        lead = accounts.find(ctx, "lanhdao")
        accounts.set_password(ctx, lead.id, "mat-khau-moi-9")  # its slot again
    finally:
        ctx.close()
    _forget(plain_demo)
    _open(plain_demo, db_keys.Secret("mat-khau-moi-9")).close()


def test_a_conversion_cut_after_the_key_file_is_finished_at_the_next_unlock(plain_demo,
                                                                             monkeypatch):
    def cut(*_a, **_k):
        raise KeyboardInterrupt        # the PC switched off between key file and rename
    monkeypatch.setattr(db_keys, "_convert_file", cut)
    ctx = open_context(plain_demo, today=lambda: TODAY)
    before = _notes(ctx)
    with pytest.raises(KeyboardInterrupt):
        db_keys.protect(ctx, "lanhdao", "Nguyễn Văn An", PASSWORD)
    ctx.close()
    _forget(plain_demo)
    assert not key_file_path(plain_demo).exists()            # undone: still plain, opens
    ctx = open_context(plain_demo, today=lambda: TODAY)
    assert _notes(ctx) == before
    ctx.close()
    monkeypatch.undo()
    # now cut right after the key file is written, before the file is replaced
    real = db_keys._convert_file
    monkeypatch.setattr(db_keys, "_convert_file", cut)
    monkeypatch.setattr(db_keys, "_convert_prepared",
                        lambda db, kf, key: (kf.save(), cut()))
    ctx = open_context(plain_demo, today=lambda: TODAY)
    accounts.sign_in(ctx, "lanhdao", PASSWORD)     # the account the killed attempt made
    with pytest.raises(KeyboardInterrupt):
        db_keys.protect(ctx, "lanhdao", "Nguyễn Văn An", PASSWORD)
    ctx.close()
    _forget(plain_demo)
    assert key_file_path(plain_demo).exists() and _words_in(plain_demo)
    monkeypatch.setattr(db_keys, "_convert_file", real)
    ctx = _open(plain_demo, db_keys.Secret(PASSWORD))
    try:
        assert _notes(ctx) == before
    finally:
        ctx.close()
    assert not _words_in(plain_demo)


def test_restore_keeps_the_database_encrypted(plain_demo):
    _protect(plain_demo)
    _forget(plain_demo)
    ctx = _open(plain_demo, db_keys.Secret(PASSWORD))
    try:
        before = _notes(ctx)
        plain_copy = next((plain_demo.parent / "backups").glob("ward-*truoc-ma-hoa.sqlite"))
        made = ctx.backup("thu-cong")
        assert not _words_in(made)
        with ctx.transaction() as s:
            s.execute(t.OpinionRow.__table__.delete())
        assert _notes(ctx) == 0
        restore(ctx, made)
        assert _notes(ctx) == before
        restore(ctx, plain_copy)          # encrypted when the database was protected
        assert _notes(ctx) == before
        usb = plain_demo.parent / "usb"           # a copy kept elsewhere opens with the key
        usb.mkdir()
        elsewhere = Path(shutil.copy(made, usb / "ban-sao.sqlite"))
        with ctx.transaction() as s:
            s.execute(t.OpinionRow.__table__.delete())
        restore(ctx, elsewhere)
        assert _notes(ctx) == before
    finally:
        ctx.close()
    assert not _words_in(plain_demo)


def test_cli_creates_an_encrypted_database_and_every_command_needs_the_password(
        tmp_path, monkeypatch, capsys):
    from tgdesk.app import main
    db = tmp_path / "new.sqlite"
    monkeypatch.setenv("TGDESK_PASSWORD", PASSWORD)
    assert main(["--db", str(db), "demo", "--years", "1"]) == 0
    err = capsys.readouterr().err
    assert "Mã khôi phục" in err and not _words_in(db)
    _forget(db)
    assert main(["--db", str(db), "audit", "--verify"]) == 0
    _forget(db)
    assert main(["--db", str(db), "list", "opinions"]) == 0
    assert "Nhân dân" in capsys.readouterr().out
    _forget(db)
    monkeypatch.setenv("TGDESK_PASSWORD", "sai-mat-khau")
    assert main(["--db", str(db), "list", "opinions"]) == 2
    assert "mật khẩu không đúng" in capsys.readouterr().err
    monkeypatch.delenv("TGDESK_PASSWORD")
    monkeypatch.setattr("sys.stdin", None)              # no terminal to ask at
    assert main(["--db", str(db), "backups"]) == 2      # not listed as if damaged
    err = capsys.readouterr().err
    assert "cần mật khẩu" in err and "không phải là cơ sở dữ liệu" not in err
    pw = tmp_path / "pw.txt"
    pw.write_text(PASSWORD + "\n", encoding="utf-8")
    assert main(["--db", str(db), "--password-file", str(pw), "stats", "--period",
                 "2026-11"]) == 0
    _forget(db)


def test_audit_verify_finds_an_entry_edited_by_hand_with_the_key(plain_demo):
    _protect(plain_demo)
    _forget(plain_demo)
    ctx = _open(plain_demo, db_keys.Secret(PASSWORD))
    try:
        assert verify(ctx)[1] == []
        key = ctx.keys.key
    finally:
        ctx.close()
    raw = driver.connect(plain_demo, key=key)          # someone holding the key edits the log
    try:
        raw.execute("UPDATE audit_entry SET actor = 'người khác' WHERE seq = 2")
        raw.commit()
    finally:
        raw.close()
    ctx = _open(plain_demo, db_keys.Secret(PASSWORD))
    try:
        count, breaks = verify(ctx)
        assert [b.seq for b in breaks][:1] == [2]
    finally:
        ctx.close()


def test_a_refused_conversion_changes_nothing(plain_demo, monkeypatch):
    def full(*_a, **_k):
        raise UserError("Không mã hóa được cơ sở dữ liệu (ổ đĩa đầy).")
    monkeypatch.setattr(db_keys, "_convert_file", full)
    ctx = open_context(plain_demo, today=lambda: TODAY)
    try:
        with pytest.raises(UserError, match="ổ đĩa đầy"):
            db_keys.protect(ctx, "lanhdao", "Nguyễn Văn An", PASSWORD)
        assert not accounts.has_accounts(ctx) and ctx.viewer is None and ctx.keys is None
        assert not key_file_path(plain_demo).exists() and _notes(ctx) > 0
    finally:
        ctx.close()
    assert _words_in(plain_demo)


def test_a_copy_older_than_the_people_keeps_today_s_people(plain_demo):
    plain_copy_made_first = None
    ctx = open_context(plain_demo, today=lambda: TODAY)
    try:
        plain_copy_made_first = ctx.backup("thu-cong")        # no accounts in it
    finally:
        ctx.close()
    _protect(plain_demo)
    _forget(plain_demo)
    ctx = _open(plain_demo, db_keys.Secret(PASSWORD))
    try:
        restore(ctx, plain_copy_made_first)
        assert [a.login for a in accounts.list_accounts(ctx)] == ["lanhdao"]
    finally:
        ctx.close()
    _forget(plain_demo)
    ctx = _open(plain_demo, db_keys.Secret(PASSWORD))          # still opens, signed in
    try:
        assert ctx.viewer is not None and ctx.viewer.login == "lanhdao"
    finally:
        ctx.close()
