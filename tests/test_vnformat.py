from datetime import date

from tgdesk import vnformat as vf


def test_numbers_the_vietnamese_way():
    assert vf.number(20012) == "20.012"
    assert vf.number(1234567) == "1.234.567"
    assert vf.percent(0.965) == "96,5%"
    assert vf.percent(1.0) == "100,0%"
    assert vf.percent(None) == "–"
    assert vf.count(7, pad=True) == "07"
    assert vf.count(12, pad=True) == "12"
    assert vf.count(7) == "7"


def test_rates_always_carry_one_decimal():
    # "93%" beside "90,2%" in one appendix row: every rate has the same form
    assert vf.percent(279 / 300) == "93,0%"
    assert vf.percent(0.902) == "90,2%"
    assert vf.percent(0.0) == "0,0%"
    assert vf.percent(0.96551) == "96,6%"
    assert vf.percent(0.5, places=2) == "50,00%"
    rates = [vf.percent(r) for r in (0.93, 0.902, 0.934, 1.0)]
    assert {len(r.split(",")[1]) for r in rates} == {2}     # one digit, then "%"


def test_dates():
    assert vf.short_date(date(2024, 1, 4)) == "04/01/2024"
    assert vf.long_date(date(2024, 1, 4)) == "ngày 04 tháng 01 năm 2024"
    assert vf.long_date(date(2026, 5, 25)) == "ngày 25 tháng 5 năm 2026"
    assert vf.long_date(date(2026, 2, 5)) == "ngày 05 tháng 02 năm 2026"
    assert vf.parse_short_date("05/02/2026") == date(2026, 2, 5)
    assert vf.parse_short_date("5/2/2026") == date(2026, 2, 5)
    assert vf.parse_short_date("2026-02-05") == date(2026, 2, 5)
    assert vf.parse_short_date("31/02/2026") is None
    assert vf.parse_short_date("hôm qua") is None
    assert vf.parse_short_date("05/02/26") is None
