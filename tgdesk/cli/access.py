"""Which commands write to the database, and how long a writer waits for the lock."""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable

from tgdesk.services.errors import UserError

DEFAULT_WAIT = 30.0
MAX_WAIT = 24 * 3600.0
WAIT_ENV = "TGDESK_LOCK_WAIT"

READ, WRITE = "read", "write"

# Every command of the parser (``units add``: a command and its subcommand) and
# whether it writes to the database. READ: opened read-only, without the writer
# lock. WRITE: the writer lock first (waiting up to --wait), then opened (and
# migrated). A command missing here counts as WRITE; tests/cli/test_cli_lock.py
# checks that every command of the parser is here.
COMMAND_ACCESS: dict[str, str | Callable[[argparse.Namespace], str]] = {
    "demo": WRITE,
    "import": WRITE,
    "list": READ,
    "stats": READ,
    "coverage": READ,
    # --issue numbers the report and registers it; a draft, --issued, --children only read
    "report": lambda args: WRITE if args.issue else READ,
    "issued": READ,
    "screenshots": WRITE,            # the window's pages, opened as the window opens them
    "init": WRITE,
    "units key": WRITE,              # makes the unit's key pair on first use
    "units add": WRITE,
    "units list": READ,
    "units rename": WRITE,
    "units merge": WRITE,
    "units move": WRITE,
    "units rekey": WRITE,
    "units key-change": WRITE,
    "export": WRITE,                 # records the export (for --since-last and receipts)
    "exports": READ,
    "export-catalogue": WRITE,       # records the export
    # --dry-run too: it applies the packages in a transaction it then rolls back
    "import-package": WRITE,
    "conflicts list": READ,
    "conflicts resolve": WRITE,
    "completeness": READ,
    "received": READ,
    "unit-stats": READ,
    "receipt-check": WRITE,          # notes the receipt on the export
    "backup": READ,                  # copies the file through SQLite; writes nothing in it
    "backups": READ,
    "restore": WRITE,
    "check": lambda args: WRITE if getattr(args, "repair", False) else READ,
    "audit": READ,
    "encrypt": WRITE,
    "users list": READ,
    "users add": WRITE,
    "users set": WRITE,
    "users passwd": WRITE,
}


def command_key(args: argparse.Namespace) -> str | None:
    """``units add`` for a command with subcommands, else the command's name."""
    command = getattr(args, "command", None)
    if command is None:
        return None
    sub = getattr(args, f"{command.replace('-', '_')}_command", None)
    return f"{command} {sub}" if sub else command


def writes(args: argparse.Namespace) -> bool:
    access = COMMAND_ACCESS.get(command_key(args), COMMAND_ACCESS.get(args.command, WRITE))
    if callable(access):
        access = access(args)
    return access != READ


def _seconds(text: str) -> float:
    try:
        value = float(text.replace(",", "."))
    except ValueError:
        value = math.nan
    if not 0 <= value <= MAX_WAIT:
        raise argparse.ArgumentTypeError(f"“{text}” không phải số giây hợp lệ (ví dụ 30)")
    return value


def add_lock_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--wait", type=_seconds, metavar="GIÂY",
                        help="lệnh ghi dữ liệu chờ tối đa bấy nhiêu giây khi máy khác đang ghi "
                             f"(mặc định {WAIT_ENV} hoặc {DEFAULT_WAIT:.0f})")


def lock_wait(args: argparse.Namespace) -> float:
    """--wait, else TGDESK_LOCK_WAIT, else 30 seconds."""
    if getattr(args, "wait", None) is not None:
        return args.wait
    text = os.environ.get(WAIT_ENV, "").strip()
    if not text:
        return DEFAULT_WAIT
    try:
        return _seconds(text)
    except argparse.ArgumentTypeError:
        raise UserError(f"Biến môi trường {WAIT_ENV}=“{text}” không hợp lệ: cần số giây từ 0, "
                        "ví dụ 30.") from None
