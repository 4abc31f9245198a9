"""Composition root: parse the command line, open the database, and either run a
headless command (cli) or build the window (ui). Nothing imports this module."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from tgdesk import cli, paths
from tgdesk.services.context import open_context
from tgdesk.services.errors import UserError

GUI_COMMANDS = {None, "screenshots"}

NO_DISPLAY = (
    "tgdesk: không tìm thấy màn hình để mở cửa sổ (chưa có DISPLAY hoặc WAYLAND_DISPLAY). "
    "Hãy chạy trong phiên làm việc có màn hình, hoặc dùng các lệnh không cần cửa sổ "
    "(tgdesk --help)."
)


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
    db_path = Path(args.db) if args.db else paths.default_db()
    try:
        ctx = open_context(db_path)
    except UserError as exc:
        print(f"tgdesk: {exc}", file=sys.stderr)
        return 2
    try:
        if command not in GUI_COMMANDS:
            return cli.run(ctx, args)
        from tgdesk.ui.launch import run_window, take_screenshots

        if command == "screenshots":
            return take_screenshots(ctx, Path(args.dir))
        return run_window(ctx)
    except UserError as exc:
        print(f"tgdesk: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # output piped into `head` and the like
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception:  # a defect: log it whole, show one plain line
        logging.exception("unexpected error")
        print("tgdesk: lỗi không mong muốn; chi tiết đã ghi vào nhật ký "
              f"{paths.log_dir() / 'tgdesk.log'}.", file=sys.stderr)
        return 1
    finally:
        ctx.close()
