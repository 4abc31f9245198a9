"""The pieces every command group's parser uses: the Vietnamese argument parser, dates."""

from __future__ import annotations

import argparse
from datetime import date

from tgdesk import vnformat as vf


class VietnameseArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one plain line, exit 2
        self.exit(2, f"tgdesk: lệnh không hợp lệ: {message}. Xem: tgdesk --help\n")


def date_arg(text: str) -> date:
    parsed = vf.parse_short_date(text)
    if parsed is None:
        raise argparse.ArgumentTypeError(
            f"“{text}” không phải ngày hợp lệ (dùng 2026-11-05 hoặc 05/11/2026)")
    return parsed
