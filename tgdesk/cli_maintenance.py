"""Command-line commands that keep the data safe: backup, backups, restore, check.

Wiring (tgdesk/cli.py): ``add_maintenance_commands(sub)`` in ``build_parser()``,
and in ``run()``, before the other handlers:
``if (code := run_maintenance(ctx, args)) is not None: return code``.
Never imports Qt, tgdesk.store or SQLAlchemy.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tgdesk.services import backups
from tgdesk.services.errors import UserError
from tgdesk.services.restore import check_backup, restore

COMMANDS = ("backup", "backups", "restore", "check")


def add_maintenance_commands(sub) -> None:
    b = sub.add_parser("backup", help="sao lưu cơ sở dữ liệu ngay (in đường dẫn bản sao)")
    b.add_argument("--out", metavar="THƯ-MỤC",
                   help="ghi bản sao vào thư mục này (mặc định: thư mục backups cạnh cơ sở dữ "
                        "liệu, và thư mục thứ hai nếu đã đặt)")

    ls = sub.add_parser("backups", help="danh sách các bản sao lưu, mới nhất trước")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")

    r = sub.add_parser("restore", help="khôi phục dữ liệu từ một bản sao lưu (giữ một bản sao "
                                       "của dữ liệu hiện tại trước)")
    r.add_argument("file", metavar="TỆP", help="tệp bản sao (đường dẫn, hoặc tên tệp như "
                                               "“tgdesk backups” in ra)")
    r.add_argument("--yes", action="store_true", help="không hỏi lại")

    c = sub.add_parser("check", help="kiểm tra dữ liệu (toàn vẹn, liên kết, chỉ mục tìm kiếm, "
                                     "sổ báo cáo); mã thoát 0: tốt, 1: còn lỗi")
    c.add_argument("--repair", action="store_true",
                   help="sửa những gì sửa được (dựng lại chỉ mục tìm kiếm, hoàn tất hoặc hủy "
                        "báo cáo ban hành dở)")
    c.add_argument("--json", action="store_true", help="in dạng JSON")


def run_maintenance(ctx, args) -> int | None:
    """Run one of these commands; None when ``args.command`` is not one of them."""
    cmd = getattr(args, "command", None)
    if cmd not in COMMANDS:
        return None
    return {"backup": _backup, "backups": _backups, "restore": _restore,
            "check": _check}[cmd](ctx, args)


def _dump(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _backup(ctx, args) -> int:
    info = backups.make_backup(ctx, backups.MANUAL, Path(args.out) if args.out else None)
    print(info.path)
    if info.second_copy is not None:
        print(info.second_copy)
    if info.warning:
        print(f"tgdesk: {info.warning}", file=sys.stderr)
    return 0


def _backups(ctx, args) -> int:
    found = backups.list_backups(ctx)
    if args.json:
        _dump([b.as_json() for b in found])
        return 0
    if not found:
        print(f"Chưa có bản sao lưu nào (thư mục: {backups.main_folder(ctx)}).")
        return 0
    print(f"{'Lập lúc':<19}  {'Dung lượng':>10}  {'Thư mục':<7}  Lý do / tệp")
    for b in found:
        print(f"{b.made_at.strftime('%d/%m/%Y %H:%M:%S'):<19}  {b.size_text:>10}  "
              f"{b.folder:<7}  {b.label}\n{'':42}{b.path}")
    return 0


def _resolve(ctx, text: str) -> Path:
    """A path, or the name of a listed backup."""
    path = Path(text).expanduser()
    if path.exists() or path.parent != Path("."):
        return path
    for b in backups.list_backups(ctx):
        if b.path.name == text:
            return b.path
    return path


def _restore(ctx, args) -> int:
    plan = check_backup(ctx, _resolve(ctx, args.file))
    if not args.yes:
        if not sys.stdin.isatty():
            raise UserError("Khôi phục thay toàn bộ dữ liệu hiện tại; không có ai để hỏi xác "
                            "nhận. Chạy lại với --yes nếu chắc chắn.")
        print(plan.question())
        try:
            answer = input("Khôi phục? (c/k) ").strip().lower()
        except EOFError:
            answer = ""
        if answer not in ("c", "có", "co", "y", "yes"):
            print("Đã hủy; dữ liệu không thay đổi.")
            return 1
    result = restore(ctx, plan.path)
    print(result.text())
    return 0


def _check(ctx, args) -> int:
    report = backups.check(ctx, repair=args.repair)
    if args.json:
        _dump(report.as_json())
    else:
        print(report.text())
    return 0 if report.ok else 1
