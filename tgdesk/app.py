"""Composition root: parse the command line, open the database, and either run a
headless command (cli) or build the window (ui). Nothing imports this module.

One writer at a time: a command that writes takes the database's writer lock
before opening it (waiting up to ``--wait`` seconds), a command that only reads
opens it read-only without the lock, and the window asks what to do when
another process writes (ui/launch.py)."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from tgdesk import cli, paths
# The lock table lives with the parser; named here too for the tests that read it.
from tgdesk.cli.access import COMMAND_ACCESS, WAIT_ENV, lock_wait, writes  # noqa: F401
from tgdesk.cli.maintenance import restore_hint, run_without_database
from tgdesk.services.context import Context, open_for_reading, open_for_writing, plain_error
from tgdesk.services.errors import UserError

GUI_COMMANDS = {None, "screenshots"}

NO_DISPLAY = (
    "tgdesk: không tìm thấy màn hình để mở cửa sổ (chưa có DISPLAY hoặc WAYLAND_DISPLAY). "
    "Hãy chạy trong phiên làm việc có màn hình, hoặc dùng các lệnh không cần cửa sổ "
    "(tgdesk --help)."
)

def db_path_of(args: argparse.Namespace) -> Path:
    if args.db is None:
        return paths.default_db()
    if not args.db.strip():
        raise UserError("--db trống: hãy ghi đường dẫn tệp cơ sở dữ liệu, ví dụ "
                        "--db du-lieu/tgdesk.sqlite.")
    return Path(args.db)


def has_display() -> bool:
    """Whether Qt can open a window here (without letting Qt abort the process)."""
    if os.environ.get("QT_QPA_PLATFORM"):
        return True
    if sys.platform.startswith("linux"):
        return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
    return True


def _setup_logging() -> None:
    try:
        log_file = paths.log_dir() / "tgdesk.log"
        logging.basicConfig(filename=log_file, level=logging.INFO,
                            format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    except OSError:
        logging.basicConfig(level=logging.WARNING)


def _open(args: argparse.Namespace, db_path: Path, wait: float) -> Context:
    return open_for_writing(db_path, wait) if writes(args) else open_for_reading(db_path, wait)


def _window(db_path: Path) -> int:
    from tgdesk.ui.launch import open_database, run_window, show_start_error

    try:
        ctx = open_database(db_path)
    except UserError as exc:
        show_start_error(str(exc))
        raise
    if ctx is None:            # another process writes and the user chose "Thoát"
        return 0
    try:
        return run_window(ctx)
    finally:
        ctx.close()            # lets go of the writer lock


def _command(args: argparse.Namespace, db_path: Path) -> int:
    wait = lock_wait(args)
    try:
        ctx = _open(args, db_path, wait)
    except Exception as exc:
        # backups and restore work without it; other commands point at them when damaged
        code = run_without_database(db_path, args, wait, exc)
        if code is not None:
            return code
        if (hint := restore_hint(db_path, exc)) is not None:
            raise UserError(f"{exc}\n{hint}") from exc
        raise
    try:
        if args.command == "screenshots":
            from tgdesk.ui.launch import take_screenshots
            return take_screenshots(ctx, Path(args.dir))
        return cli.run(ctx, args)
    finally:
        ctx.close()


def main(argv: list[str] | None = None) -> int:
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    _setup_logging()
    command = getattr(args, "command", None)
    if command == "screenshots":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if command in GUI_COMMANDS and not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 3
    db_path = None
    try:
        db_path = db_path_of(args)
        return _window(db_path) if command is None else _command(args, db_path)
    except UserError as exc:
        print(f"tgdesk: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:
        plain = plain_error(exc, db_path or Path("tgdesk.sqlite"))
        if plain is not None:   # SQLite's "database is locked" outside the engine
            print(f"tgdesk: {plain}", file=sys.stderr)
            return 2
        # a defect: log it whole, show one plain line
        logging.exception("unexpected error")
        print("tgdesk: lỗi không mong muốn; chi tiết đã ghi vào nhật ký "
              f"{paths.log_dir() / 'tgdesk.log'}.", file=sys.stderr)
        return 1
