"""Vietnamese formatting of numbers, rates and dates (Babel's ``vi`` locale).

One module serves the window, the command line and the reports, so a figure
reads the same everywhere: 20.012 · 96,5% · 93,0% · 04/01/2024 · ngày 04 tháng 01 năm 2024.
"""

from __future__ import annotations

from datetime import date

from babel.numbers import format_decimal, format_percent

LOCALE = "vi"


def number(value: int | float) -> str:
    """20012 -> "20.012"."""
    return format_decimal(value, locale=LOCALE)


def count(value: int, pad: bool = False) -> str:
    """A count, optionally padded to two digits as officers write it ("07")."""
    if pad and 0 <= value < 10:
        return f"0{value}"
    return number(value)


def percent(ratio: float | None, places: int = 1) -> str:
    """0.965 -> "96,5%", 0.93 -> "93,0%", 1 -> "100,0%"; None (no denominator) -> "–".

    Always ``places`` decimals, so rates side by side (a report's appendix, a list
    column) read alike: "93,0%" beside "90,2%", never "93%" beside "90,2%"."""
    if ratio is None:
        return "–"
    pattern = "#,##0" + ("." + "0" * places if places else "") + "%"
    return format_percent(ratio, format=pattern, locale=LOCALE)


def short_date(d: date | None) -> str:
    """04/01/2024."""
    return "" if d is None else f"{d.day:02d}/{d.month:02d}/{d.year}"


def long_date(d: date) -> str:
    """ngày 04 tháng 01 năm 2024 (days under 10 and months 1–2 padded, per HD 36)."""
    month = f"{d.month:02d}" if d.month <= 2 else str(d.month)
    return f"ngày {d.day:02d} tháng {month} năm {d.year}"


def parse_short_date(text: str) -> date | None:
    """dd/mm/yyyy (also d/m/yyyy and yyyy-mm-dd) -> date; None when not a date."""
    text = (text or "").strip()
    try:
        if "-" in text:
            return date.fromisoformat(text)
        day, month, year = (int(p) for p in text.split("/"))
        if year < 100:
            return None
        return date(year, month, day)
    except ValueError:
        return None
