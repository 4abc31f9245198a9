"""Signing in on the command line (issue 12, items 1 and 2).

The password never comes as an argument (it would stay in the shell's history
and in the process list): from the variable ``TGDESK_PASSWORD``, from the first
line of ``--password-file``, or typed at a prompt. ``--user`` (or
``TGDESK_USER``) names the person; without it the password is tried against
each person's. ``TGDESK_RECOVERY_CODE`` opens an encrypted database with the
unit's recovery code (no one signed in: every right, to set a new password).

A database with no accounts needs none of this. A new database created with a
password (``TGDESK_PASSWORD=… tgdesk --db new.sqlite demo``) is created
encrypted, its first account (Lãnh đạo) named by ``--user`` or the OS user, and
its recovery code printed once on stderr.
"""

from __future__ import annotations

import argparse
import getpass
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from tgdesk.domain.roles import login_problem, normal_login
from tgdesk.services import accounts, db_keys
from tgdesk.services.context import Context, os_user
from tgdesk.services.errors import UserError
from tgdesk.services.key_file import NEEDS_PASSWORD

PASSWORD_ENV = "TGDESK_PASSWORD"
USER_ENV = "TGDESK_USER"
RECOVERY_ENV = "TGDESK_RECOVERY_CODE"
NO_PASSWORD = ("Hãy đặt biến môi trường TGDESK_PASSWORD, dùng --password-file TỆP, "
               "hoặc chạy lệnh trong cửa sổ dòng lệnh để nhập.")


def add_sign_in_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", metavar="TÊN", help="tên đăng nhập (mặc định TGDESK_USER; "
                        "không có thì thử mật khẩu với mọi tài khoản)")
    parser.add_argument("--password-file", metavar="TỆP",
                        help="đọc mật khẩu từ dòng đầu của tệp này (cho kịch bản; mặc định "
                             "TGDESK_PASSWORD hoặc hỏi khi chạy)")


def _user(args: argparse.Namespace) -> str | None:
    user = getattr(args, "user", None) or os.environ.get(USER_ENV, "").strip()
    return normal_login(user) if user else None


def given_password(args: argparse.Namespace) -> str | None:
    """The password from the variable or the file, without asking."""
    if (pw := os.environ.get(PASSWORD_ENV)) is not None and pw != "":
        return pw
    path = getattr(args, "password_file", None)
    if path:
        try:
            text = Path(path).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeError) as exc:
            raise UserError(f"Không đọc được tệp mật khẩu “{path}”.") from exc
        line = text.splitlines()[0] if text else ""
        if not line:
            raise UserError(f"Tệp mật khẩu “{path}” trống.")
        return line
    return None


def password(args: argparse.Namespace, why: str) -> str:
    """The password given, or typed at a prompt; UserError when neither can be."""
    pw = given_password(args)
    if pw is not None:
        return pw
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError(f"{why} {NO_PASSWORD}")
    try:
        return getpass.getpass("Mật khẩu: ")
    except (EOFError, KeyboardInterrupt):
        raise UserError(f"{why} Chưa nhập mật khẩu.") from None


def _default_login() -> str:
    login = re.sub(r"[^a-z0-9._-]", "", normal_login(os_user()))
    return login if login_problem(login) is None else "lanhdao"


def open_signed_in(args: argparse.Namespace, db_path: Path,
                   opener: Callable[[], Context], creates: bool) -> Context:
    """Open the database with ``opener`` (its lock and mode as the command needs),
    unlocking it first when it is encrypted and signing in when it has people."""
    db_path = Path(db_path)
    if db_keys.is_encrypted(db_path) and not db_keys.is_unlocked(db_path):
        return _open_encrypted(args, db_path, opener)
    new = not db_path.exists() or db_path.stat().st_size == 0
    if new and creates and given_password(args) is not None and not db_keys.is_encrypted(db_path):
        return _create_encrypted(args, db_path, opener)
    ctx = opener()
    try:
        if accounts.has_accounts(ctx) and ctx.viewer is None:
            _sign_in_plain(args, ctx)
    except BaseException:
        ctx.close()
        raise
    return ctx


def _open_encrypted(args, db_path: Path, opener) -> Context:
    code = os.environ.get(RECOVERY_ENV, "").strip()
    if code:
        secret = db_keys.Secret(recovery_code=code)
    else:
        why = NEEDS_PASSWORD.format(path=db_path)
        secret = db_keys.Secret(password=password(args, why), login=_user(args))
    keys, login = db_keys.unlock(db_path, secret)
    ctx = opener()
    try:
        db_keys.after_open(ctx, keys, login)
    except BaseException:
        ctx.close()
        raise
    return ctx


def _create_encrypted(args, db_path: Path, opener) -> Context:
    pw = given_password(args) or ""
    login = _user(args) or _default_login()
    ctx, code = db_keys.create_encrypted(db_path, login, login, pw, opener)
    print(f"tgdesk: đã tạo cơ sở dữ liệu được mã hóa “{db_path}”; tài khoản “{login}” "
          f"(Lãnh đạo).\nMã khôi phục (chỉ hiện một lần — hãy in ra và cất giữ ở nơi an "
          f"toàn): {code}", file=sys.stderr)
    return ctx


def _sign_in_plain(args, ctx: Context) -> None:
    login = _user(args)
    pw = password(args, "Cơ sở dữ liệu có tài khoản người dùng:")
    if login is not None:
        accounts.sign_in(ctx, login, pw)
        return
    for account in accounts.list_accounts(ctx):
        if account.active and accounts.check_password(ctx, account.login, pw) is not None:
            accounts.signed_in(ctx, account)
            return
    accounts.sign_in(ctx, "?", pw)     # logs the failed attempt and says so


# --- tgdesk encrypt ------------------------------------------------------------------

def add_commands(sub) -> None:
    e = sub.add_parser("encrypt", help="mã hóa cơ sở dữ liệu đang không mã hóa (sao lưu trước; "
                       "in mã khôi phục một lần)")
    e.add_argument("--name", metavar="HỌ TÊN", help="họ và tên người của tài khoản đầu tiên "
                   "(khi cơ sở dữ liệu chưa có tài khoản)")


def _new_password(args: argparse.Namespace) -> str:
    pw = given_password(args)
    if pw is not None:
        return pw
    if sys.stdin is None or not sys.stdin.isatty():
        raise UserError(f"Cần mật khẩu mới. {NO_PASSWORD}")
    first = getpass.getpass("Mật khẩu: ")
    if getpass.getpass("Nhập lại mật khẩu: ") != first:
        raise UserError("Hai lần nhập mật khẩu không khớp.")
    return first


def cmd_encrypt(ctx: Context, args: argparse.Namespace) -> int:
    pw = _new_password(args)
    login = (ctx.viewer.login if ctx.viewer is not None else _user(args) or _default_login())
    code = db_keys.protect(ctx, login, args.name or login, pw)
    print(f"Đã mã hóa cơ sở dữ liệu “{ctx.db_path}” (bản sao lưu trước khi mã hóa cũng đã "
          f"được mã hóa).\nTài khoản: {ctx.viewer.login if ctx.viewer else login}.\n"
          f"Mã khôi phục (chỉ hiện một lần — hãy in ra và cất giữ ở nơi an toàn): {code}")
    return 0


HANDLERS = {"encrypt": cmd_encrypt}
