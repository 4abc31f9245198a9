"""The demo's meetings (services/demo/meetings.py): a month and a year worth reporting."""

from __future__ import annotations

from tgdesk.domain.period import Period
from tgdesk.services import stats


def test_a_month_has_meetings_worth_reporting(demo):
    f = stats.figures(demo, Period.month(2026, 10))
    assert 4 <= f.meetings_total <= 12


def test_briefings_are_the_most_frequent_and_reviews_are_held(demo):
    year = stats.figures(demo, Period.year(2026))
    assert year.meetings_by_type.get("giao_ban", 0) == max(year.meetings_by_type.values())
    assert year.meetings_by_type.get("so_ket", 0) >= 2
