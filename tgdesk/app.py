"""Composition root: parse the command line, open the database, and either run a
headless command (cli) or build the window (ui). Nothing imports this module.

One writer at a time: a command that writes takes the database's writer lock
before opening it (waiting up to ``--wait`` seconds), a command that only reads
opens it read-only without the lock, and the window asks what to do when
another process writes (ui/launch.py).

The window has no terminal to write to: a database it cannot open is said in a
message box (why, what to do), a defect in the error dialog, both logged
(logsetup.py), and the program ends with a non-zero code. Output is UTF-8
even when redirected on a Windows code page."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from tgdesk import cli, logsetup, paths
# The lock table lives with the parser; named here too for the tests that read it.
from tgdesk.cli.access import COMMAND_ACCESS, WAIT_ENV, lock_wait, writes  # noqa: F401
from tgdesk.cli.maintenance import restore_hint, run_without_database
from tgdesk.cli.sign_in import open_signed_in
from tgdesk.services.db_keys import is_encrypted, is_unlocked
from tgdesk.services.context import Context, open_for_reading, open_for_writing, plain_error
from tgdesk.services.errors import UserError, open_failure

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


log = logging.getLogger(__name__)


def utf8_output() -> None:
    """Redirected output (a file, a pipe) is written in UTF-8 whatever the code
    page (cp1252 on a Windows PC would fail on the first Vietnamese letter); a
    terminal keeps its encoding, and what it cannot show becomes "?"."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None or not hasattr(stream, "reconfigure"):
            continue
        if (stream.encoding or "").lower().replace("-", "").replace("_", "") == "utf8":
            continue
        try:
            if stream.isatty():
                stream.reconfigure(errors="replace")
            else:
                stream.reconfigure(encoding="utf-8", errors="replace")
        except (OSError, ValueError):   # a stream already written to in another way
            pass


def _open(args: argparse.Namespace, db_path: Path, wait: float) -> Context:
    write = writes(args)
    return open_signed_in(
        args, db_path,
        lambda: open_for_writing(db_path, wait) if write else open_for_reading(db_path, wait),
        creates=write)


def _window(args: argparse.Namespace) -> int:
    """The window; a start-up failure is shown in a message box (and logged)."""
    from tgdesk.ui.launch import open_database, run_window, show_start_defect, show_start_error
    from tgdesk.ui.common.error_dialog import describe

    db_path = None
    try:
        db_path = db_path_of(args)     # the default one makes the data folder
        ctx = open_database(db_path)
    except Exception as exc:
        failure = open_failure(exc, db_path)
        if failure is None:            # a defect: the error dialog, with its details
            log.exception("the window could not start")
            show_start_defect(describe(type(exc), exc, exc.__traceback__, "khởi động"))
            return 1
        log.error("the window could not start: %s", failure.reason, exc_info=exc)
        print(f"tgdesk: {failure.reason}", file=sys.stderr)
        show_start_error(failure)
        return 2
    if ctx is None:            # another process writes and the user chose "Thoát"
        return 0
    open_file = Path(args.open_file) if args.open_file else None
    try:
        return run_window(ctx, open_file=open_file)
    except Exception as exc:   # a defect while building the window: nothing to go on with
        log.exception("the window failed")
        show_start_defect(describe(type(exc), exc, exc.__traceback__, "cửa sổ"))
        return 1
    finally:
        ctx.close()            # lets go of the writer lock


def _command_db_path(args: argparse.Namespace) -> Path:
    try:
        return db_path_of(args)        # the default one makes the data folder
    except OSError as exc:
        failure = open_failure(exc, None)
        raise UserError(f"{failure.reason}\n{failure.advice}") from exc


def _command(args: argparse.Namespace, db_path: Path) -> int:
    wait = lock_wait(args)
    try:
        ctx = _open(args, db_path, wait)
    except Exception as exc:
        if is_encrypted(db_path) and not is_unlocked(db_path):
            raise           # not unlocked (no or a wrong password): nothing to go on with
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
            return take_screenshots(ctx, Path(args.dir), screen=args.size)
        return cli.run(ctx, args)
    finally:
        ctx.close()


def main(argv: list[str] | None = None) -> int:
    utf8_output()
    parser = cli.build_parser()
    args = parser.parse_args(argv)
    command = getattr(args, "command", None)
    if command is not None and args.open_file:
        parser.error("--open chỉ dùng khi mở cửa sổ, không dùng kèm một lệnh")
    logsetup.setup_logging()
    if command == "screenshots":
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if command in GUI_COMMANDS and not has_display():
        print(NO_DISPLAY, file=sys.stderr)
        return 3
    if command is None:
        return _window(args)
    db_path = None
    try:
        db_path = _command_db_path(args)
        return _command(args, db_path)
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
        log.exception("unexpected error")
        where = logsetup.log_file()
        print("tgdesk: lỗi không mong muốn; " + (
            f"chi tiết đã ghi vào nhật ký {where}." if where is not None else
            "không ghi được nhật ký vào tệp."), file=sys.stderr)
        return 1
