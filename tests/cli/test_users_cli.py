"""tgdesk users: list, add, set, passwd. Passwords come from a prompt (typed twice)
or TGDESK_NEW_PASSWORD, never from an argument; a refusal is one Vietnamese line
and exit code 1."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tgdesk.app import main
from tgdesk.services import accounts
from tgdesk.services.context import open_context

PASSWORD = "matkhau-lanh-dao"


def run(db: Path, *args: str, capsys) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def env(monkeypatch):
    monkeypatch.delenv("TGDESK_PASSWORD", raising=False)
    monkeypatch.delenv("TGDESK_USER", raising=False)
    monkeypatch.setenv("TGDESK_NEW_PASSWORD", PASSWORD)
    return monkeypatch


def typed(monkeypatch, *answers: str) -> list[str]:
    """getpass answers, in order; the prompts asked are returned."""
    asked: list[str] = []
    queue = list(answers)

    def getpass(prompt: str = "") -> str:
        asked.append(prompt)
        return queue.pop(0)

    monkeypatch.setattr("tgdesk.cli.users.getpass.getpass", getpass)
    return asked


def signed_in_as(monkeypatch, login: str, password: str = PASSWORD) -> None:
    monkeypatch.setenv("TGDESK_USER", login)
    monkeypatch.setenv("TGDESK_PASSWORD", password)


def check(db: Path, login: str, password: str):
    ctx = open_context(db)
    try:
        return accounts.check_password(ctx, login, password)
    finally:
        ctx.close()


def test_the_first_account_needs_no_sign_in_and_must_manage_people(db_path, env, capsys):
    code, out, _ = run(db_path, "users", "list", capsys=capsys)
    assert code == 0 and "Chưa có tài khoản nào" in out
    code, out, err = run(db_path, "users", "add", "canbo", "--name", "Lê Cán Bộ", "--role",
                         "can_bo", capsys=capsys)
    assert code == 1 and out == ""
    assert err.startswith("tgdesk: Tài khoản đầu tiên phải có vai trò Lãnh đạo")
    assert err.count("\n") == 1
    code, out, _ = run(db_path, "users", "add", "LanhDao", "--name", "Trần  Văn An", "--role",
                       "lanh_dao", capsys=capsys)
    assert code == 0
    assert out.startswith("Đã thêm tài khoản “lanhdao”: Trần Văn An, vai trò Lãnh đạo.")
    assert check(db_path, "lanhdao", PASSWORD) is not None
    env.setenv("TGDESK_PASSWORD", PASSWORD)
    code, out, _ = run(db_path, "users", "list", "--json", capsys=capsys)
    [person] = json.loads(out)
    assert person["login"] == "lanhdao" and person["role"] == "lanh_dao"
    assert person["role_label"] == "Lãnh đạo" and person["active"] is True
    # `users list` only reads: opened read-only, its sign-in is not stamped
    assert person["last_sign_in_at"] is None
    run(db_path, "users", "set", "lanhdao", "--name", "Trần Văn An", capsys=capsys)
    code, out, _ = run(db_path, "users", "list", "--json", capsys=capsys)
    assert json.loads(out)[0]["last_sign_in_at"].endswith("Z")     # a writing command's


def test_a_manager_adds_changes_and_resets_people(db_path, env, capsys):
    assert run(db_path, "users", "add", "lanhdao", "--name", "Trần Văn An", "--role",
               "lanh_dao", capsys=capsys)[0] == 0
    signed_in_as(env, "lanhdao")
    env.delenv("TGDESK_NEW_PASSWORD")
    asked = typed(env, "matkhau-can-bo", "matkhau-can-bo")
    code, out, _ = run(db_path, "users", "add", "canbo", "--name", "Lê Thị Bình", "--role",
                       "can_bo", capsys=capsys)
    assert code == 0 and "vai trò Cán bộ" in out
    assert asked == ["Mật khẩu mới: ", "Gõ lại mật khẩu mới: "]
    assert check(db_path, "canbo", "matkhau-can-bo") is not None
    code, out, _ = run(db_path, "users", "set", "canbo", "--role", "xem", "--name",
                       "Lê Thị Bình Minh", capsys=capsys)
    assert code == 0
    assert out.strip() == "Đã cập nhật tài khoản “canbo”: Lê Thị Bình Minh, vai trò Xem, đang dùng."
    typed(env, "matkhau-moi-123", "matkhau-moi-123")
    code, out, _ = run(db_path, "users", "passwd", "canbo", capsys=capsys)
    assert code == 0 and out.strip() == "Đã đổi mật khẩu của “canbo”."
    assert check(db_path, "canbo", "matkhau-moi-123") is not None
    assert check(db_path, "canbo", "matkhau-can-bo") is None
    code, out, _ = run(db_path, "users", "set", "canbo", "--active", "no", capsys=capsys)
    assert code == 0 and out.strip().endswith("đã khóa.")
    assert check(db_path, "canbo", "matkhau-moi-123") is None       # may not sign in
    code, out, _ = run(db_path, "users", "list", capsys=capsys)
    assert "Lê Thị Bình Minh" in out and "Đã khóa" in out and "2 tài khoản." in out
    code, out, _ = run(db_path, "audit", "--kind", "account", capsys=capsys)
    assert "Tài khoản" in out and "Đăng nhập" in out and "Vai trò: Cán bộ →" in out
    assert "Mật khẩu: <ẩn> → <ẩn>" in out and "Đang dùng: Có → Không" in out


def test_refusals_are_one_line_and_exit_1(db_path, env, capsys):
    assert run(db_path, "users", "add", "lanhdao", "--name", "Trần Văn An", "--role",
               "lanh_dao", capsys=capsys)[0] == 0
    signed_in_as(env, "lanhdao")
    assert run(db_path, "users", "add", "canbo", "--name", "Lê Thị Bình", "--role", "can_bo",
               capsys=capsys)[0] == 0
    cases = [
        (("users", "set", "lanhdao", "--active", "no"), "Phải còn ít nhất một tài khoản"),
        (("users", "set", "ai-do", "--role", "xem"), "Không có tài khoản “ai-do”"),
        (("users", "set", "canbo"), "Chưa nói đổi gì"),
        (("users", "set", "canbo", "--active", "maybe"), "--active “maybe” không hợp lệ"),
        (("users", "add", "canbo", "--name", "X", "--role", "xem"), "Đã có tài khoản “canbo”"),
        (("users", "add", "Nguyễn", "--name", "X", "--role", "xem"), "Tên đăng nhập gồm"),
    ]
    for args, message in cases:
        code, out, err = run(db_path, *args, capsys=capsys)
        assert (code, out) == (1, ""), args
        assert err.startswith(f"tgdesk: {message}") and err.count("\n") == 1, err
    env.delenv("TGDESK_NEW_PASSWORD")
    typed(env, "matkhau-mot", "matkhau-hai")
    code, _, err = run(db_path, "users", "passwd", "canbo", capsys=capsys)
    assert code == 1 and "không khớp" in err
    typed(env, "ngan", "ngan")
    code, _, err = run(db_path, "users", "passwd", "canbo", capsys=capsys)
    assert code == 1 and "ít nhất 8 ký tự" in err
    # an officer manages nobody: refused before any password is asked
    signed_in_as(env, "canbo")
    asked = typed(env)
    code, _, err = run(db_path, "users", "add", "moi", "--name", "Người Mới", "--role", "xem",
                       capsys=capsys)
    assert code == 1 and "(vai trò Cán bộ) không được quản trị" in err and asked == []
    code, _, err = run(db_path, "users", "passwd", "lanhdao", capsys=capsys)
    assert code == 1 and "không được quản trị" in err and asked == []
    assert check(db_path, "lanhdao", PASSWORD) is not None


def test_an_officer_changes_their_own_password_with_the_current_one(db_path, env, capsys):
    assert run(db_path, "users", "add", "lanhdao", "--name", "Trần Văn An", "--role",
               "lanh_dao", capsys=capsys)[0] == 0
    signed_in_as(env, "lanhdao")
    env.setenv("TGDESK_NEW_PASSWORD", "matkhau-can-bo")
    assert run(db_path, "users", "add", "canbo", "--name", "Lê Thị Bình", "--role", "can_bo",
               capsys=capsys)[0] == 0
    signed_in_as(env, "canbo", "matkhau-can-bo")
    env.setenv("TGDESK_NEW_PASSWORD", "matkhau-rieng-1")
    code, out, _ = run(db_path, "users", "passwd", "canbo", capsys=capsys)
    assert code == 0
    assert check(db_path, "canbo", "matkhau-rieng-1") is not None


def test_a_password_is_never_an_argument(db_path, env, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--db", str(db_path), "users", "add", "lanhdao", "--name", "A", "--role",
              "lanh_dao", "--password", "matkhau123"])
    assert exc.value.code == 2
    assert "unrecognized arguments: --password" in capsys.readouterr().err
