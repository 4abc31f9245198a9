"""Report periods: a month, a quarter, a half-year, a year, or a custom range.

Text forms (used by the command line and settings): ``2026-11``, ``2026-Q4``,
``2026-H2``, ``2026``, and ``2026-10-01..2026-11-20`` for a custom range.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import Enum


class PeriodKind(str, Enum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    CUSTOM = "custom"


class PeriodError(ValueError):
    """A period text that cannot be understood; the message is Vietnamese."""


_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: date
    end: date  # inclusive

    # --- construction -------------------------------------------------
    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        last = calendar.monthrange(year, month)[1]
        return cls(PeriodKind.MONTH, date(year, month, 1), date(year, month, last))

    @classmethod
    def quarter(cls, year: int, q: int) -> "Period":
        first = 3 * (q - 1) + 1
        last = first + 2
        return cls(PeriodKind.QUARTER, date(year, first, 1),
                   date(year, last, calendar.monthrange(year, last)[1]))

    @classmethod
    def half(cls, year: int, h: int) -> "Period":
        if h == 1:
            return cls(PeriodKind.HALF, date(year, 1, 1), date(year, 6, 30))
        return cls(PeriodKind.HALF, date(year, 7, 1), date(year, 12, 31))

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(PeriodKind.YEAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def custom(cls, start: date, end: date) -> "Period":
        if end < start:
            raise PeriodError("Ngày kết thúc kỳ phải sau ngày bắt đầu.")
        return cls(PeriodKind.CUSTOM, start, end)

    @classmethod
    def containing(cls, day: date, kind: PeriodKind = PeriodKind.MONTH) -> "Period":
        if kind is PeriodKind.MONTH:
            return cls.month(day.year, day.month)
        if kind is PeriodKind.QUARTER:
            return cls.quarter(day.year, (day.month - 1) // 3 + 1)
        if kind is PeriodKind.HALF:
            return cls.half(day.year, 1 if day.month <= 6 else 2)
        if kind is PeriodKind.YEAR:
            return cls.year(day.year)
        raise PeriodError("Kỳ tùy chọn cần ngày bắt đầu và ngày kết thúc.")

    @classmethod
    def parse(cls, text: str) -> "Period":
        t = (text or "").strip().upper()
        try:
            if m := re.fullmatch(r"(\d{4})-(\d{1,2})", t):
                y, mo = int(m[1]), int(m[2])
                if not 1 <= mo <= 12:
                    raise PeriodError(f"Tháng {mo} không hợp lệ (1–12).")
                return cls.month(y, mo)
            if m := re.fullmatch(r"(\d{4})-Q([1-4])", t):
                return cls.quarter(int(m[1]), int(m[2]))
            if m := re.fullmatch(r"(\d{4})-H([12])", t):
                return cls.half(int(m[1]), int(m[2]))
            if m := re.fullmatch(r"(\d{4})", t):
                return cls.year(int(m[1]))
            if m := re.fullmatch(r"(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})", t):
                return cls.custom(date.fromisoformat(m[1]), date.fromisoformat(m[2]))
        except ValueError as exc:
            if isinstance(exc, PeriodError):
                raise
            raise PeriodError(f"Kỳ báo cáo “{text}” có ngày không hợp lệ.") from exc
        raise PeriodError(
            f"Không hiểu kỳ báo cáo “{text}”. Dùng dạng 2026-11 (tháng), 2026-Q4 (quý), "
            "2026-H2 (6 tháng), 2026 (năm) hoặc 2026-10-01..2026-11-20."
        )

    @classmethod
    def from_code(cls, code: object) -> "Period":
        """The period whose :meth:`code` is exactly ``code`` (machine data such as a
        package manifest): no spaces, no lower case, no "2026-1" for "2026-01"."""
        if not isinstance(code, str) or len(code) > 30:
            raise PeriodError("Mã kỳ báo cáo phải là chuỗi dạng 2026-11, 2026-Q4, 2026-H2, "
                              "2026 hoặc 2026-10-01..2026-11-20.")
        period = cls.parse(code)
        if period.code() != code:
            raise PeriodError(f"Mã kỳ báo cáo “{code}” không đúng dạng chuẩn "
                              f"(cần “{period.code()}”).")
        return period

    # --- derived ------------------------------------------------------
    def code(self) -> str:
        s = self.start
        if self.kind is PeriodKind.MONTH:
            return f"{s.year}-{s.month:02d}"
        if self.kind is PeriodKind.QUARTER:
            return f"{s.year}-Q{(s.month - 1) // 3 + 1}"
        if self.kind is PeriodKind.HALF:
            return f"{s.year}-H{1 if s.month == 1 else 2}"
        if self.kind is PeriodKind.YEAR:
            return f"{s.year}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def label(self) -> str:
        """Vietnamese label as written in a report: "tháng 11 năm 2026"."""
        s = self.start
        if self.kind is PeriodKind.MONTH:
            return f"tháng {s.month} năm {s.year}"
        if self.kind is PeriodKind.QUARTER:
            return f"quý {_ROMAN[(s.month - 1) // 3 + 1]} năm {s.year}"
        if self.kind is PeriodKind.HALF:
            return f"6 tháng đầu năm {s.year}" if s.month == 1 else f"6 tháng cuối năm {s.year}"
        if self.kind is PeriodKind.YEAR:
            return f"năm {s.year}"
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> "Period":
        s = self.start
        if self.kind is PeriodKind.MONTH:
            return Period.month(s.year - 1, 12) if s.month == 1 else Period.month(s.year, s.month - 1)
        if self.kind is PeriodKind.QUARTER:
            q = (s.month - 1) // 3 + 1
            return Period.quarter(s.year - 1, 4) if q == 1 else Period.quarter(s.year, q - 1)
        if self.kind is PeriodKind.HALF:
            return Period.half(s.year - 1, 2) if s.month == 1 else Period.half(s.year, 1)
        if self.kind is PeriodKind.YEAR:
            return Period.year(s.year - 1)
        length = self.end - self.start
        new_end = date.fromordinal(self.start.toordinal() - 1)
        return Period.custom(new_end - length, new_end)

    def same_last_year(self) -> "Period":
        def shift(d: date) -> date:
            last = calendar.monthrange(d.year - 1, d.month)[1]
            return date(d.year - 1, d.month, min(d.day, last))

        if self.kind is PeriodKind.CUSTOM:
            return Period.custom(shift(self.start), shift(self.end))
        return Period.containing(shift(self.start), self.kind)
