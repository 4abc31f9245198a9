"""The ``audit`` command: the audit log (services/audit.py) — list its entries,
or check with ``--verify`` that nobody edited, removed or moved one."""

from __future__ import annotations

import sys

from tgdesk import vnformat as vf
from tgdesk.services.context import Context

from .output import dump_json, print_table
from .parser_kit import date_arg


def add_commands(sub) -> None:
    a = sub.add_parser("audit", help="nhật ký thay đổi: ai ghi gì, lúc nào, giá trị trước và "
                                     "sau; --verify kiểm tra nhật ký có bị sửa không")
    a.add_argument("--verify", action="store_true",
                   help="kiểm tra chuỗi nhật ký: mã thoát 0 khi nguyên vẹn, 1 khi có mục bị "
                        "sửa, xóa hoặc đổi chỗ (nói rõ mục nào)")
    a.add_argument("--from", dest="date_from", type=date_arg, metavar="D", help="từ ngày D")
    a.add_argument("--to", dest="date_to", type=date_arg, metavar="D", help="đến ngày D")
    a.add_argument("--kind", metavar="BẢNG",
                   help="chỉ một loại: meeting, study_session, opinion_note, cell, report, …")
    a.add_argument("--action", metavar="VIỆC",
                   help="chỉ một việc: create, edit, delete, restore, remove, import, issue, …")
    a.add_argument("--actor", metavar="NGƯỜI", help="chỉ việc của người này")
    a.add_argument("--record", metavar="UUID", help="lịch sử của một bản ghi")
    a.add_argument("--search", metavar="CHỮ", help="có chữ này trong giá trị (không dấu cũng được)")
    a.add_argument("--limit", type=int, default=200, metavar="N",
                   help="in nhiều nhất N mục, mới nhất trước (mặc định 200; 0: tất cả)")
    a.add_argument("--json", action="store_true", help="in dạng JSON")


def _verify(ctx: Context, as_json: bool) -> int:
    from tgdesk.services import audit

    count, breaks = audit.verify(ctx)
    if as_json:
        dump_json({"entries": count, "intact": not breaks,
                   "breaks": [{"seq": b.seq, "message": b.message} for b in breaks]})
    elif breaks:
        print(f"Nhật ký có {vf.number(count)} mục; phát hiện {vf.number(len(breaks))} chỗ bị "
              "can thiệp:", file=sys.stderr)
        for b in breaks:
            print(f"  {b.message}", file=sys.stderr)
    else:
        print(f"Nhật ký nguyên vẹn: {vf.number(count)} mục, không mục nào bị sửa, xóa hay đổi "
              "chỗ.")
    return 1 if breaks else 0


def _audit(ctx: Context, args) -> int:
    from tgdesk.domain import audit_text
    from tgdesk.services import audit

    if args.verify:
        return _verify(ctx, args.json)
    flt = audit.AuditFilter(args.date_from, args.date_to, args.actor, args.action, args.kind,
                            args.record, args.search)
    found = audit.entries(ctx, flt, args.limit or None)
    if args.json:
        dump_json([audit.entry_json(e) for e in found])
        return 0
    if not found:
        print("Không có mục nhật ký nào khớp.")
        return 0
    table = [["Mục", "Lúc", "Người", "Việc", "Loại", "Mã", "Thay đổi"]]
    for e in found:       # as the "Nhật ký" screen says it (domain/audit_text.py)
        table.append([str(e.seq), audit_text.time_text(e.at), e.actor,
                      audit.action_label(e.action), audit.kind_label(e.kind),
                      str(e.record_id or ""), audit_text.summary(e, audit.changes_of(e), 60)])
    print_table(table, 60)
    return 0


HANDLERS = {"audit": _audit}
