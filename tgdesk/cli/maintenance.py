"""Commands that keep the data safe: backup, backups, restore, check.

``backups`` and ``restore`` also run when the database cannot be opened
(``run_without_database``, called by app.py): exactly when they are needed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tgdesk.paths import backup_dir_for
from tgdesk.services import backups
from tgdesk.services.context import check_db_path
from tgdesk.services.errors import UserError
from .output import dump_json
from tgdesk.services.restore import (RESTORE_HINT, check_backup, check_backup_for, is_damage,
                                     restore, restore_without_opening)

def add_commands(sub) -> None:
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


def _backup(ctx, args) -> int:
    info = backups.make_backup(ctx, backups.MANUAL, Path(args.out) if args.out else None)
    print(info.path)
    if info.second_copy is not None:
        print(info.second_copy)
    if info.warning:
        print(f"tgdesk: {info.warning}", file=sys.stderr)
    return 0


def _listed(ctx) -> tuple[list, BaseException | None]:
    """list_backups; where the database opens but its settings (the second folder)
    cannot be read, the main folder's backups and that failure."""
    try:
        return backups.list_backups(ctx), None
    except Exception as exc:
        if not is_damage(exc):
            raise
        return backups.backups_at(ctx.db_path), exc


def _backups(ctx, args) -> int:
    found, failure = _listed(ctx)
    if failure is not None:
        return _backups_without_database(ctx.db_path, args, failure)
    return _print_backups(found, args, backups.main_folder(ctx))


def _print_backups(found: list, args, folder: Path) -> int:
    if args.json:
        dump_json([b.as_json() for b in found])
        return 0
    if not found:
        print(f"Chưa có bản sao lưu nào (thư mục: {folder}).")
        return 0
    print(f"{'Lập lúc':<19}  {'Dung lượng':>10}  {'Thư mục':<7}  Lý do / tệp")
    for b in found:
        print(f"{b.made_at.strftime('%d/%m/%Y %H:%M:%S'):<19}  {b.size_text:>10}  "
              f"{b.folder:<7}  {b.label}\n{'':42}{b.path}")
    return 0


def _resolve(text: str, listed) -> Path:
    """A path, or the name of a backup ``listed()`` returns."""
    path = Path(text).expanduser()
    if path.exists() or path.parent != Path("."):
        return path
    for b in listed():
        if b.path.name == text:
            return b.path
    return path


def _confirmed(args, question: str) -> bool:
    """--yes, or the user's answer on a terminal; UserError with no one to ask."""
    if args.yes:
        return True
    if not sys.stdin.isatty():
        raise UserError("Khôi phục thay toàn bộ dữ liệu hiện tại; không có ai để hỏi xác "
                        "nhận. Chạy lại với --yes nếu chắc chắn.")
    print(question)
    try:
        answer = input("Khôi phục? (c/k) ").strip().lower()
    except EOFError:
        answer = ""
    if answer in ("c", "có", "co", "y", "yes"):
        return True
    print("Đã hủy; dữ liệu không thay đổi.")
    return False


def _restore(ctx, args) -> int:
    plan = check_backup(ctx, _resolve(args.file, lambda: _listed(ctx)[0]))
    if not _confirmed(args, plan.question()):
        return 1
    result = restore(ctx, plan.path)
    print(result.text())
    return 0


# --- when the database cannot be opened ------------------------------------------------

def _failure_text(failure: BaseException, db_path: Path) -> str:
    if isinstance(failure, UserError):
        return str(failure)
    return f"Cơ sở dữ liệu “{db_path}” bị hỏng, không đọc được."


def run_without_database(db_path: Path, args, wait: float, failure: BaseException) -> int | None:
    """``backups`` and ``restore`` after opening the database at ``db_path`` failed
    with ``failure``: list the backups from the folder beside it; restore (the
    file argument, asked or --yes as always) without opening it, only when the
    file itself is at fault (damaged, not a tgdesk database, an upgrade that
    failed). None for any other command or failure: the caller raises it."""
    command = getattr(args, "command", None)
    if command == "backups" and (isinstance(failure, UserError) or is_damage(failure)):
        check_db_path(db_path)              # a folder, an unreadable path: that message
        return _backups_without_database(db_path, args, failure)
    if command == "restore" and is_damage(failure):
        plan = check_backup_for(db_path, _resolve(args.file,
                                                  lambda: backups.backups_at(db_path)))
        print(f"tgdesk: {_failure_text(failure, db_path)}", file=sys.stderr)
        if not _confirmed(args, plan.question(damaged=True)):
            return 1
        print(restore_without_opening(db_path, plan.path, wait).text())
        return 0
    return None


def restore_hint(db_path: Path, failure: BaseException) -> str | None:
    """The line pointing at backups and restore, for a failed open of a damaged
    database that has backups to restore; None otherwise."""
    if isinstance(failure, UserError) and is_damage(failure) and backups.backups_at(db_path):
        return RESTORE_HINT
    return None


def _backups_without_database(db_path: Path, args, failure: BaseException) -> int:
    print(f"tgdesk: {_failure_text(failure, db_path)}\nChỉ liệt kê được thư mục sao lưu chính "
          "(thư mục thứ hai, nếu có, được ghi trong cơ sở dữ liệu); bản sao ở đó vẫn khôi phục "
          "được bằng đường dẫn đầy đủ: tgdesk restore TỆP.", file=sys.stderr)
    return _print_backups(backups.backups_at(db_path), args, backup_dir_for(db_path))


def _check(ctx, args) -> int:
    report = backups.check(ctx, repair=args.repair)
    if args.json:
        dump_json(report.as_json())
    else:
        print(report.text())
    return 0 if report.ok else 1


HANDLERS = {"backup": _backup, "backups": _backups, "restore": _restore, "check": _check}
