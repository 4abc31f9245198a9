from datetime import date

import pytest

from tgdesk.domain.period import Period, PeriodError, PeriodKind


@pytest.mark.parametrize("text,start,end,label", [
    ("2026-11", date(2026, 11, 1), date(2026, 11, 30), "tháng 11 năm 2026"),
    ("2026-02", date(2026, 2, 1), date(2026, 2, 28), "tháng 2 năm 2026"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "tháng 2 năm 2024"),
    ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31), "quý IV năm 2026"),
    ("2026-q1", date(2026, 1, 1), date(2026, 3, 31), "quý I năm 2026"),
    ("2026-H1", date(2026, 1, 1), date(2026, 6, 30), "6 tháng đầu năm 2026"),
    ("2026-H2", date(2026, 7, 1), date(2026, 12, 31), "6 tháng cuối năm 2026"),
    ("2026", date(2026, 1, 1), date(2026, 12, 31), "năm 2026"),
    ("2026-10-01..2026-11-20", date(2026, 10, 1), date(2026, 11, 20),
     "từ ngày 01/10/2026 đến ngày 20/11/2026"),
])
def test_parse(text, start, end, label):
    p = Period.parse(text)
    assert (p.start, p.end, p.label()) == (start, end, label)
    assert Period.parse(p.code()) == p


@pytest.mark.parametrize("text", ["", "2026-13", "2026-Q5", "2026-H3", "11/2026", "abc",
                                  "2026-02-30..2026-03-01", "2026-03-01..2026-02-01"])
def test_parse_rejects_with_vietnamese_message(text):
    with pytest.raises(PeriodError) as err:
        Period.parse(text)
    assert "kỳ" in str(err.value).lower() or "tháng" in str(err.value).lower()


def test_previous_and_same_last_year():
    assert Period.parse("2026-01").previous() == Period.parse("2025-12")
    assert Period.parse("2026-Q1").previous() == Period.parse("2025-Q4")
    assert Period.parse("2026-H2").previous() == Period.parse("2026-H1")
    assert Period.parse("2026").previous() == Period.parse("2025")
    assert Period.parse("2024-02").same_last_year() == Period.parse("2023-02")
    custom = Period.parse("2026-11-01..2026-11-10")
    assert custom.previous() == Period.custom(date(2026, 10, 22), date(2026, 10, 31))
    assert custom.previous().kind is PeriodKind.CUSTOM


def test_containing():
    assert Period.containing(date(2026, 8, 15), PeriodKind.QUARTER).code() == "2026-Q3"
    assert Period.containing(date(2026, 8, 15), PeriodKind.HALF).code() == "2026-H2"
