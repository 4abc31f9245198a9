"""The command line: headless commands on the same services as the window. Never imports Qt.

One module per group of commands (records, coverage, reports, units, exchange,
maintenance); the parser is built here, in one place. The command names and options
are a contract: extend, never rename.
"""

from __future__ import annotations

import argparse
import sys

from tgdesk import __version__
from tgdesk.domain.period import PeriodError
from tgdesk.services.context import Context

from . import access, audit, sign_in, coverage, exchange, maintenance, records, reports, units
from . import users
from .parser_kit import VietnameseArgumentParser, screen_size_arg

# In the order of ``tgdesk --help``.
GROUPS = (records, coverage, reports, units, exchange, maintenance, audit, sign_in, users)


def build_parser() -> argparse.ArgumentParser:
    p = VietnameseArgumentParser(
        prog="tgdesk",
        description="tgdesk: quản lý công tác tuyên giáo cấp phường, xã. "
                    "Không có lệnh: mở cửa sổ ứng dụng.")
    p.add_argument("--version", action="version", version=f"tgdesk {__version__}")
    p.add_argument("--db", metavar="FILE", help="tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu "
                   "của người dùng)")
    p.add_argument("--open", metavar="FILE", dest="open_file",
                   help="mở cửa sổ ở trang Trao đổi dữ liệu và chạy thử việc nhập gói (.tgx) này "
                        "(tệp .tgx mở bằng nhấp đúp dùng tùy chọn này)")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", parser_class=VietnameseArgumentParser)
    records.add_commands(sub)
    coverage.add_commands(sub)
    reports.add_commands(sub)
    shots = sub.add_parser("screenshots", help="chụp mọi màn hình chính ra tệp PNG")
    shots.add_argument("dir", metavar="DIR")
    shots.add_argument("--size", metavar="RỘNGxCAO", type=screen_size_arg,
                       help="chụp như trên màn hình cỡ này (ví dụ 1024x768, 1366x768): cửa sổ "
                            "chiếm cả màn hình trừ thanh tác vụ và thanh tiêu đề, hộp thoại vừa "
                            "màn hình; tên tệp ảnh như khi không có tùy chọn này (mặc định: cửa "
                            "sổ 1280x800)")
    units.add_commands(sub)
    exchange.add_commands(sub)
    maintenance.add_commands(sub)
    audit.add_commands(sub)
    sign_in.add_commands(sub)
    users.add_commands(sub)
    access.add_lock_options(p)
    sign_in.add_sign_in_options(p)
    return p


def run(ctx: Context, args: argparse.Namespace) -> int:
    """Run the command ``args`` names on the open database."""
    if args.command == "list" and getattr(args, "received", None):
        handler = exchange.list_received
    else:
        handler = next(g.HANDLERS[args.command] for g in GROUPS if args.command in g.HANDLERS)
    try:
        return handler(ctx, args)
    except PeriodError as exc:
        print(f"tgdesk: {exc}", file=sys.stderr)
        return 2
