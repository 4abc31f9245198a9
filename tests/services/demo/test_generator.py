"""The seeded generator (services/demo/generator.py): the window, working days, no future."""

from __future__ import annotations

from datetime import date
from random import Random

from sqlalchemy import select

from tgdesk.services.demo import load_demo
from tgdesk.services.demo.generator import Gen, months, window
from tgdesk.store import tables as t

from demo_rows import TODAY


def test_window_starts_the_month_after_today_years_back():
    assert window(date(2026, 11, 24), 2) == date(2024, 12, 1)
    assert window(date(2026, 12, 2), 2) == date(2025, 1, 1)
    assert list(months(date(2025, 11, 1), date(2026, 2, 3))) == [
        (2025, 11), (2025, 12), (2026, 1), (2026, 2)]


def test_day_stays_within_the_window_and_the_month():
    g = Gen(Random(3), date(2026, 11, 24), date(2026, 2, 1), Random(4))
    assert all(g.day(2026, 1) is None for _ in range(20))           # before the window
    days = [g.day(2026, 11) for _ in range(200)]
    assert any(d is None for d in days)                               # after today
    assert all(d is None or date(2026, 11, 1) <= d <= TODAY for d in days)
    assert {g.day(2026, 2, 27, 31).month for _ in range(20)} == {2}   # 31 clipped to the 28th


def test_nothing_in_the_future_and_sundays_are_rare(ctx):
    load_demo(ctx, years=2, seed=5)
    with ctx.reading() as session:
        days = (session.scalars(select(t.MeetingRow.held_on)).all()
                + session.scalars(select(t.StudyRow.held_on)).all()
                + session.scalars(select(t.OpinionRow.noted_on)).all())
        docs = session.scalars(select(t.DocumentRow.issued_on)).all()
    assert days and max(days) <= TODAY and max(docs) <= TODAY
    assert min(days) >= date(2024, 12, 1)
    sundays = sum(1 for d in days if d.weekday() == 6)
    assert sundays / len(days) < 0.03
