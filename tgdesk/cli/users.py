"""The ``users`` command: the people who sign in and their roles (services/accounts.py).

``users list``, ``users add``, ``users set`` and ``users passwd``. A password is
never an argument (it would stay in the shell's history and the process list): it
is typed twice at a prompt, or read from ``TGDESK_NEW_PASSWORD`` by a script. On a
database with no accounts the first ``users add`` needs no sign-in and makes a
Lãnh đạo or Quản trị; from then on only Quản trị (or Lãnh đạo) manages people.
"""

from __future__ import annotations

import getpass
import os
import sys

from tgdesk.domain.audit_text import time_text
from tgdesk.domain.roles import (MANAGERS, ROLE_HELP, Permission, Role, login_problem,
                                 normal_login)
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from .output import dump_json, print_table

NEW_PASSWORD_ENV = "TGDESK_NEW_PASSWORD"
CURRENT_PASSWORD_ENV = "TGDESK_PASSWORD"
ANSWERS = {"yes": True, "co": True, "có": True, "no": False, "khong": False, "không": False}


def _role_help() -> str:
    return "; ".join(f"{r.value} ({r.label}): {ROLE_HELP[r].rstrip('.')}" for r in Role)


def add_commands(sub) -> None:
    u = sub.add_parser("users", help="người dùng và vai trò: liệt kê, thêm, sửa, đổi mật khẩu")
    us = u.add_subparsers(dest="users_command", metavar="LỆNH", required=True)
    ls = us.add_parser("list", help="liệt kê tài khoản: tên đăng nhập, họ tên, vai trò, "
                                    "đang dùng hay đã khóa, lần đăng nhập cuối")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    a = us.add_parser("add", help="thêm tài khoản; mật khẩu gõ hai lần khi được hỏi (hoặc lấy "
                                  f"từ biến môi trường {NEW_PASSWORD_ENV})")
    a.add_argument("login", metavar="TÊN-ĐĂNG-NHẬP",
                   help="chữ không dấu, số, dấu chấm, gạch ngang, gạch dưới (ví dụ nguyenvana)")
    a.add_argument("--name", required=True, metavar="HỌ-TÊN", help="họ và tên")
    a.add_argument("--role", required=True, choices=Role.codes(), help=_role_help())
    s = us.add_parser("set", help="đổi họ tên, vai trò, hoặc khóa/mở lại một tài khoản")
    s.add_argument("login", metavar="TÊN-ĐĂNG-NHẬP")
    s.add_argument("--name", metavar="HỌ-TÊN", help="họ và tên mới")
    s.add_argument("--role", choices=Role.codes(), help="vai trò mới")
    s.add_argument("--active", metavar="yes|no",
                   help="yes: được đăng nhập; no: khóa tài khoản (không đăng nhập được nữa)")
    p = us.add_parser("passwd", help="đổi mật khẩu; mật khẩu mới gõ hai lần khi được hỏi (hoặc "
                                     f"lấy từ biến môi trường {NEW_PASSWORD_ENV})")
    p.add_argument("login", metavar="TÊN-ĐĂNG-NHẬP")


# --- passwords -----------------------------------------------------------------------

def new_password() -> str:
    """From TGDESK_NEW_PASSWORD, else typed twice (UserError when they differ)."""
    given = os.environ.get(NEW_PASSWORD_ENV)
    if given:
        return given
    first = _ask("Mật khẩu mới: ")
    if not first:
        raise UserError("Chưa gõ mật khẩu.")
    if _ask("Gõ lại mật khẩu mới: ") != first:
        raise UserError("Hai lần gõ mật khẩu không khớp nhau; chưa đổi gì.")
    return first


def _ask(prompt: str) -> str:
    try:
        return getpass.getpass(prompt)
    except (EOFError, KeyboardInterrupt):
        print(file=sys.stderr)
        raise UserError("Chưa gõ mật khẩu; chưa đổi gì.") from None


# --- the commands ----------------------------------------------------------------------

def _account(ctx: Context, login: str):
    from tgdesk.services import accounts

    found = accounts.find(ctx, login)
    if found is None:
        raise UserError(f"Không có tài khoản “{login.strip().lower()}”. Xem: tgdesk users list")
    return found


def _list(ctx: Context, args) -> int:
    from tgdesk.services import accounts

    people = accounts.list_accounts(ctx)
    if args.json:
        dump_json([{"login": a.login, "full_name": a.full_name, "role": a.role.value,
                    "role_label": a.role.label, "active": a.active,
                    "last_sign_in_at": (a.last_sign_in_at.isoformat() + "Z"
                                        if a.last_sign_in_at else None)} for a in people])
        return 0
    if not people:
        print("Chưa có tài khoản nào: ai mở cơ sở dữ liệu này cũng dùng được mọi chức năng. "
              "Thêm tài khoản đầu tiên (Lãnh đạo hoặc Quản trị): tgdesk users add TÊN "
              "--name \"Họ và tên\" --role lanh_dao")
        return 0
    table = [["Tên đăng nhập", "Họ và tên", "Vai trò", "Trạng thái", "Đăng nhập cuối"]]
    for a in people:
        last = time_text(a.last_sign_in_at.isoformat()) if a.last_sign_in_at else "—"
        table.append([a.login, a.full_name, a.role.label,
                      "Đang dùng" if a.active else "Đã khóa", last])
    print_table(table, 40)
    print(f"\n{len(people)} tài khoản.")
    return 0


def _add(ctx: Context, args) -> int:
    from tgdesk.services import accounts

    first = not accounts.has_accounts(ctx)
    role = Role.from_code(args.role)
    # what refuses the account anyway, before asking for a password
    if not first:
        ctx.require(Permission.ADMINISTER)
    elif role not in MANAGERS:
        raise UserError("Tài khoản đầu tiên phải có vai trò Lãnh đạo (lanh_dao) hoặc Quản trị "
                        "(quan_tri) để còn quản lý người dùng.")
    problem = login_problem(normal_login(args.login))
    if problem:
        raise UserError(problem)
    if accounts.find(ctx, args.login) is not None:
        raise UserError(f"Đã có tài khoản “{normal_login(args.login)}”.")
    made = accounts.create_account(ctx, args.login, args.name, role, new_password())
    print(f"Đã thêm tài khoản “{made.login}”: {made.full_name}, vai trò {made.role.label}.")
    if first:
        print("Đây là tài khoản đầu tiên: từ nay phải đăng nhập mới dùng được cơ sở dữ liệu "
              "này, và mỗi người chỉ làm được việc của vai trò mình.")
    return 0


def _set(ctx: Context, args) -> int:
    from tgdesk.services import accounts

    if args.name is None and args.role is None and args.active is None:
        raise UserError("Chưa nói đổi gì: ghi --name, --role hoặc --active yes|no.")
    active = None
    if args.active is not None:
        active = ANSWERS.get(args.active.strip().lower())
        if active is None:
            raise UserError(f"--active “{args.active}” không hợp lệ: ghi yes (được đăng nhập) "
                            "hoặc no (khóa tài khoản).")
    account = _account(ctx, args.login)
    changed = accounts.update_account(ctx, account.id, full_name=args.name,
                                      role=Role.from_code(args.role) if args.role else None,
                                      active=active)
    state = "đang dùng" if changed.active else "đã khóa"
    print(f"Đã cập nhật tài khoản “{changed.login}”: {changed.full_name}, vai trò "
          f"{changed.role.label}, {state}.")
    return 0


def _passwd(ctx: Context, args) -> int:
    from tgdesk.services import accounts

    account = _account(ctx, args.login)
    own = ctx.viewer is not None and ctx.viewer.account_id == account.id
    old = None
    if own and not ctx.can(Permission.ADMINISTER):
        old = os.environ.get(CURRENT_PASSWORD_ENV) or _ask("Mật khẩu hiện tại: ")
    elif not own:
        ctx.require(Permission.ADMINISTER)      # before asking for a password
    accounts.set_password(ctx, account.id, new_password(), old)
    print(f"Đã đổi mật khẩu của “{account.login}”.")
    return 0


COMMANDS = {"list": _list, "add": _add, "set": _set, "passwd": _passwd}


def _users(ctx: Context, args) -> int:
    """Errors are one Vietnamese line and exit code 1."""
    try:
        return COMMANDS[args.users_command](ctx, args)
    except UserError as exc:
        print(f"tgdesk: {exc}", file=sys.stderr)
        return 1


HANDLERS = {"users": _users}
