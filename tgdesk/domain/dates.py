"""Reading a date as a person types it into a date box, the way a spreadsheet
does: 28/11/2026, 28-11-2026, 28.11.2026, 28112026, 281126, 28/11/26, 1/7/2025,
28/11 (this year), 2026-11-28; blank means no date."""

from __future__ import annotations

import re
from datetime import date

EARLIEST = date(1930, 1, 1)
LATEST = date(2099, 12, 31)
# A two-digit year is this century's unless that lies more than this many years
# ahead: in 2026 "26" is 2026 and "46" 2046, but "98" is 1998.
YEARS_AHEAD = 20

HOW = "gõ ngày/tháng/năm, ví dụ 28/11/2026 hoặc 28112026"
_SEPARATORS = re.compile(r"\s*[/\-.,\s]\s*")


class DateError(ValueError):
    """What was typed is not a date, or lies outside the allowed range; the
    message is Vietnamese and meant for the person who typed it."""


def short(d: date) -> str:
    """28/11/2026 (the same form as vnformat.short_date, without its dependencies)."""
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _year(digits: str, today: date) -> int:
    if len(digits) == 4:
        return int(digits)
    if len(digits) == 2:
        year = today.year // 100 * 100 + int(digits)
        return year - 100 if year > today.year + YEARS_AHEAD else year
    raise ValueError(digits)


def _parts(text: str, today: date) -> tuple[int, int, int]:
    """(year, month, day) from the text, or ValueError."""
    if text.isdigit():
        if len(text) == 8:                                   # 28112026
            return int(text[4:]), int(text[2:4]), int(text[:2])
        if len(text) == 6:                                   # 281126
            return _year(text[4:], today), int(text[2:4]), int(text[:2])
        if len(text) == 4:                                   # 2811: this year
            return today.year, int(text[2:]), int(text[:2])
        raise ValueError(text)
    parts = _SEPARATORS.split(text)
    if not all(p.isdigit() and p.isascii() for p in parts):
        raise ValueError(text)
    if len(parts) == 3 and len(parts[0]) == 4:               # 2026-11-28
        return int(parts[0]), int(parts[1]), int(parts[2])
    if any(len(p) > 2 for p in parts[:2]):
        raise ValueError(text)
    if len(parts) == 2:                                      # 28/11: this year
        return today.year, int(parts[1]), int(parts[0])
    if len(parts) == 3:
        return _year(parts[2], today), int(parts[1]), int(parts[0])
    raise ValueError(text)


def parse_date(text: str | None, today: date, earliest: date = EARLIEST,
               latest: date = LATEST) -> date | None:
    """The date ``text`` stands for; None when it is blank. Raises DateError
    with a Vietnamese message for anything else or a date outside
    ``earliest``–``latest``. ``today`` gives the year of "28/11" and the
    century of "28/11/26"."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        year, month, day = _parts(text, today)
    except ValueError:
        raise DateError(f"Ngày không hợp lệ: “{text}” – {HOW}.") from None
    if not 1 <= month <= 12:
        raise DateError(f"Ngày không hợp lệ: “{text}” – không có tháng {month}.")
    if not earliest.year <= year <= latest.year:
        raise DateError(f"Ngày phải từ {short(earliest)} đến {short(latest)} "
                        f"(đã gõ năm {year}).")
    try:
        value = date(year, month, day)
    except ValueError:
        raise DateError(f"Ngày không hợp lệ: “{text}” – tháng {month}/{year} "
                        f"không có ngày {day}.") from None
    if not earliest <= value <= latest:
        raise DateError(f"Ngày phải từ {short(earliest)} đến {short(latest)} "
                        f"(đã gõ {short(value)}).")
    return value
