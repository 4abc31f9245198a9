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


def screen_size_arg(text: str) -> tuple[int, int]:
    """"1024x768" (or 1024×768) as (1024, 768): a screen size for ``screenshots --size``."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        width, height = (int(p) for p in parts)
        if 640 <= width <= 7680 and 480 <= height <= 4320:
            return width, height
    raise argparse.ArgumentTypeError(
        f"“{text}” không phải kích thước màn hình hợp lệ (ví dụ 1024x768 hoặc 1366x768)")
