"""The audit log says the people's accounts and their signing in in Vietnamese."""

from __future__ import annotations

from tgdesk.domain.audit import ACTIONS, AuditEntry
from tgdesk.domain.audit_text import change_lines, line_text, summary


def _entry(action: str, changes: dict) -> AuditEntry:
    return AuditEntry(seq=1, at="2026-11-24T02:00:00.000000", actor="Trần Văn An (lanhdao)",
                      action=action, kind="account", record_id=2)


def test_an_account_change_reads_as_the_people_page_says_it():
    changes = {"role": ["can_bo", "xem"], "password_hash": ["<ẩn>", "<ẩn>"],
               "active": [True, False], "full_name": ["Lê Bình", "Lê Thị Bình"],
               "login": [None, "canbo"], "last_sign_in_at": [None, "2026-11-24T02:00:00"]}
    lines = [line_text(ln, "edit") for ln in change_lines(_entry("edit", changes), changes)]
    assert lines[:4] == ["Vai trò: Cán bộ → Xem", "Mật khẩu: <ẩn> → <ẩn>",
                         "Đang dùng: Có → Không", "Họ và tên: Lê Bình → Lê Thị Bình"]
    assert lines[4] == "Tên đăng nhập: — → canbo"
    assert lines[5].startswith("Lần đăng nhập cuối: — → 24/11/2026 ")


def test_signing_in_and_out_are_named():
    assert (ACTIONS["sign_in"], ACTIONS["sign_in_failed"], ACTIONS["sign_out"]) == (
        "Đăng nhập", "Đăng nhập sai", "Đăng xuất")
    details = {"login": "canbo"}
    assert summary(_entry("sign_in_failed", details), details) == "Tên đăng nhập: canbo"
