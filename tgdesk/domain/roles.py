"""People's roles and what each may do (issue 12, item 2).

Roles as a Party office works: *Quản trị* keeps the unit's settings, keys,
people and backups; *Lãnh đạo* may do everything and alone issues reports;
*Cán bộ* keeps the records and drafts, and reads Mật records; *Xem* reads what
is not Mật. A database with no accounts has no sign-in and no limits (a
one-person unit that never set up people).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from .enums import Labelled


class Permission(str, Enum):
    WRITE_RECORDS = "write_records"     # records, catalogues, drafts, imports, packages
    READ_SECRET = "read_secret"         # Mật records, their text and their counts
    ISSUE_REPORTS = "issue_reports"     # give a report its number
    ADMINISTER = "administer"           # unit settings, keys, people, backups, restore


# What a person who may not do it is told is missing (Vietnamese, after "không được").
PERMISSION_TEXT = {
    Permission.WRITE_RECORDS: "thêm, sửa hoặc xóa dữ liệu",
    Permission.READ_SECRET: "xem hồ sơ Mật",
    Permission.ISSUE_REPORTS: "ban hành báo cáo",
    Permission.ADMINISTER: "quản trị (cài đặt đơn vị, khóa, người dùng, sao lưu, khôi phục)",
}


class Role(Labelled):
    QUAN_TRI = ("quan_tri", "Quản trị")
    LANH_DAO = ("lanh_dao", "Lãnh đạo")
    CAN_BO = ("can_bo", "Cán bộ")
    XEM = ("xem", "Xem")


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.QUAN_TRI: frozenset({Permission.ADMINISTER}),
    Role.LANH_DAO: frozenset(Permission),
    Role.CAN_BO: frozenset({Permission.WRITE_RECORDS, Permission.READ_SECRET}),
    Role.XEM: frozenset(),
}

ROLE_HELP = {
    Role.QUAN_TRI: "Cài đặt đơn vị, khóa trao đổi, người dùng, sao lưu và khôi phục; "
                   "xem dữ liệu không Mật.",
    Role.LANH_DAO: "Mọi việc; ban hành báo cáo.",
    Role.CAN_BO: "Nhập, sửa hồ sơ và dự thảo báo cáo; xem hồ sơ Mật.",
    Role.XEM: "Chỉ xem dữ liệu không Mật.",
}

# Roles that can manage people: a database always keeps one active such account.
MANAGERS = frozenset(r for r, perms in ROLE_PERMISSIONS.items()
                     if Permission.ADMINISTER in perms)

LOGIN_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
MIN_PASSWORD = 8


def normal_login(text: str) -> str:
    """A sign-in name as stored: trimmed and lower-case."""
    return (text or "").strip().lower()


def login_problem(login: str) -> str | None:
    """Why ``login`` (already normalised) cannot be a sign-in name, or None."""
    if not LOGIN_RE.match(login):
        return ("Tên đăng nhập gồm 2–32 ký tự: chữ không dấu, số, dấu chấm, gạch ngang hoặc "
                "gạch dưới, bắt đầu bằng chữ hoặc số (ví dụ “nguyenvana”).")
    return None


def password_problem(password: str) -> str | None:
    """Why ``password`` is too weak to keep Mật records, or None."""
    if len(password) < MIN_PASSWORD:
        return f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự."
    if password.strip() != password:
        return "Mật khẩu không được bắt đầu hoặc kết thúc bằng dấu cách."
    return None


@dataclass(frozen=True)
class Viewer:
    """The person signed in: who the audit log names and what they may do."""

    account_id: int
    login: str
    full_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]

    @property
    def label(self) -> str:
        return f"{self.full_name} ({self.login})"
