"""Reading a typed date (issue 14, item 1): every way a person types a day gives
that day; blank gives None; anything else a Vietnamese message, never a guess."""

from datetime import date

import pytest

from tgdesk.domain.dates import DateError, parse_date

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize("text, expected", [
    ("28/11/2026", date(2026, 11, 28)),
    ("28-11-2026", date(2026, 11, 28)),
    ("28.11.2026", date(2026, 11, 28)),
    (" 28 / 11 / 2026 ", date(2026, 11, 28)),
    ("28 11 2026", date(2026, 11, 28)),
    ("28112026", date(2026, 11, 28)),
    ("281126", date(2026, 11, 28)),
    ("28/11/26", date(2026, 11, 28)),
    ("1/7/2025", date(2025, 7, 1)),
    ("01/07/2025", date(2025, 7, 1)),
    ("01072025", date(2025, 7, 1)),
    ("2026-11-28", date(2026, 11, 28)),
    ("28/11", date(2026, 11, 28)),        # this year
    ("5/1", date(2026, 1, 5)),
    ("0501", date(2026, 1, 5)),
    ("29/02/2028", date(2028, 2, 29)),
])
def test_the_ways_people_type_a_day(text, expected):
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize("text", ["", "   ", None])
def test_blank_is_no_date(text):
    assert parse_date(text, TODAY) is None


def test_this_year_follows_today():
    assert parse_date("28/11", date(2031, 3, 1)) == date(2031, 11, 28)


def test_two_digit_years_are_this_century_unless_too_far_ahead():
    assert parse_date("1/1/46", TODAY) == date(2046, 1, 1)
    assert parse_date("15/05/98", TODAY) == date(1998, 5, 15)
    assert parse_date("22/10/18", TODAY) == date(2018, 10, 22)


@pytest.mark.parametrize("text, words", [
    ("hôm qua", "Ngày không hợp lệ: “hôm qua”"),
    ("Chưa ghi01072025", "Ngày không hợp lệ"),
    ("12/3/45/6", "Ngày không hợp lệ"),
    ("1234567", "Ngày không hợp lệ"),
    ("28/11/202", "Ngày không hợp lệ"),
    ("123/11/2026", "Ngày không hợp lệ"),
    ("28/13/2026", "không có tháng 13"),
    ("31/02/2026", "tháng 2/2026 không có ngày 31"),
    ("29/02/2026", "không có ngày 29"),
    ("00/11/2026", "không có ngày 0"),
    ("28//2026", "Ngày không hợp lệ"),
])
def test_anything_else_is_refused_with_a_reason(text, words):
    with pytest.raises(DateError) as caught:
        parse_date(text, TODAY)
    assert words in str(caught.value)
    assert "ví dụ" in str(caught.value) or "không có" in str(caught.value)


@pytest.mark.parametrize("text", ["31/12/1929", "01/01/2100", "1/1/0000", "01/01/9999"])
def test_out_of_range_names_the_range(text):
    with pytest.raises(DateError) as caught:
        parse_date(text, TODAY)
    assert str(caught.value).startswith("Ngày phải từ 01/01/1930 đến 31/12/2099")


def test_the_range_can_be_narrowed():
    start = date(2026, 1, 1)
    assert parse_date("01/01/2026", TODAY, earliest=start, latest=TODAY) == start
    with pytest.raises(DateError, match="Ngày phải từ 01/01/2026 đến 24/11/2026"):
        parse_date("25/11/2026", TODAY, earliest=start, latest=TODAY)
