"""The audit log's rule (issue 12, item 3): every write is an entry, and each
entry carries the hash of the one before it, so an entry edited, removed or
moved breaks the chain where it happened.

Pure: the store writes and reads entries, this module hashes and checks them.
An entry's hash covers every field but itself (``entry_hash``); the first
entry's ``prev_hash`` is ``GENESIS``. ``verify`` walks the entries in the order
of their sequence numbers and names each place the chain breaks.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass, replace

GENESIS = "0" * 64

# What an entry records, with the Vietnamese the "Nhật ký" screen shows.
ACTIONS = {
    "create": "Thêm",
    "edit": "Sửa",
    "delete": "Xóa (vào thùng rác)",
    "restore": "Khôi phục từ thùng rác",
    "remove": "Xóa hẳn",
    "import": "Nhập dữ liệu",
    "issue": "Ban hành báo cáo",
    "backup": "Sao lưu",
    "restore_db": "Khôi phục cơ sở dữ liệu",
    "demo": "Nạp dữ liệu mẫu",
    "sign_in": "Đăng nhập",
    "sign_in_failed": "Đăng nhập sai",
    "sign_out": "Đăng xuất",
    "encrypt": "Mã hóa cơ sở dữ liệu",
    "recovery_open": "Mở bằng mã khôi phục",
}


@dataclass(frozen=True)
class AuditEntry:
    seq: int                        # 1, 2, 3, … with no gap
    at: str                         # UTC, ISO 8601 to the microsecond
    actor: str                      # who (the OS user until people sign in)
    action: str                     # a key of ACTIONS
    kind: str                       # the table (meeting, opinion_note, …) or the area
    record_uuid: str | None = None
    record_id: int | None = None
    changes: str = "{}"             # canonical JSON: {field: [before, after]} or details
    prev_hash: str = GENESIS
    hash: str = ""


def canonical(value: object) -> str:
    """JSON with sorted keys and no spaces: the same text for the same content."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def entry_hash(e: AuditEntry) -> str:
    body = canonical([e.seq, e.at, e.actor, e.action, e.kind, e.record_uuid, e.record_id,
                      e.changes, e.prev_hash])
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


def chain(entries: Iterable[AuditEntry], prev_hash: str, first_seq: int) -> list[AuditEntry]:
    """The entries numbered from ``first_seq`` on, each linked to the one before
    (the first to ``prev_hash``) and hashed."""
    out = []
    for offset, e in enumerate(entries):
        linked = replace(e, seq=first_seq + offset, prev_hash=prev_hash, hash="")
        linked = replace(linked, hash=entry_hash(linked))
        out.append(linked)
        prev_hash = linked.hash
    return out


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    message: str                    # Vietnamese


def verify(entries: Iterable[AuditEntry]) -> list[ChainBreak]:
    """Where the chain breaks, in order; [] when every entry is as written.

    An entry whose content was edited no longer matches its own hash; an entry
    removed leaves a gap in the numbers and the next entry pointing at a hash
    that is not its predecessor's; entries moved break both."""
    breaks: list[ChainBreak] = []
    expected_seq, expected_prev = 1, GENESIS
    for e in entries:
        if e.seq != expected_seq:
            if e.seq > expected_seq:
                gap = (f"mục {expected_seq}" if e.seq == expected_seq + 1
                       else f"các mục {expected_seq}–{e.seq - 1}")
                breaks.append(ChainBreak(e.seq, f"Thiếu {gap} (đã bị xóa)."))
            else:
                breaks.append(ChainBreak(e.seq, f"Mục {e.seq} nằm sai thứ tự (đã bị đổi chỗ)."))
        if entry_hash(e) != e.hash:
            breaks.append(ChainBreak(e.seq, f"Mục {e.seq} đã bị sửa sau khi ghi."))
        elif e.prev_hash != expected_prev:
            breaks.append(ChainBreak(e.seq, f"Mục {e.seq} không nối tiếp mục đứng trước nó "
                                            "(mục trước đã bị sửa, xóa hoặc đổi chỗ)."))
        expected_seq, expected_prev = e.seq + 1, e.hash
    return breaks
