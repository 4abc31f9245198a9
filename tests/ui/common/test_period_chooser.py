"""The period chooser: changing the kind keeps to the period chosen (the one of the
new kind containing it), not to today's."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.period import Period, PeriodKind
from tgdesk.ui.common.period_chooser import PeriodChooser, kind_box

pytestmark = pytest.mark.gui

TODAY = date(2026, 11, 24)


def chooser(qtbot, period: Period | None = None, **kw) -> PeriodChooser:
    c = PeriodChooser(TODAY, **kw)
    qtbot.addWidget(c)
    if period is not None:
        c.set_value(period)
    return c


def to_kind(c: PeriodChooser, kind: PeriodKind) -> Period:
    c.kind.setCurrentIndex(c.kind.findData(kind.value))
    return c.period()


def test_a_larger_kind_takes_the_period_containing_the_one_chosen(qtbot):
    c = chooser(qtbot, Period.month(2026, 10))
    assert to_kind(c, PeriodKind.QUARTER) == Period.quarter(2026, 4)
    c = chooser(qtbot, Period.month(2025, 3))
    assert to_kind(c, PeriodKind.QUARTER) == Period.quarter(2025, 1)
    assert to_kind(c, PeriodKind.HALF) == Period.half(2025, 1)
    assert to_kind(c, PeriodKind.YEAR) == Period.year(2025)
    assert c.year.value() == 2025 and c.part.isHidden()


def test_a_smaller_kind_takes_the_part_nearest_today(qtbot):
    c = chooser(qtbot, Period.quarter(2026, 3))               # ended: its last month
    assert to_kind(c, PeriodKind.MONTH) == Period.month(2026, 9)
    c = chooser(qtbot, Period.quarter(2026, 4))               # running: today's month
    assert to_kind(c, PeriodKind.MONTH) == Period.month(2026, 11)
    c = chooser(qtbot, Period.year(2025))
    assert to_kind(c, PeriodKind.QUARTER) == Period.quarter(2025, 4)


def test_back_to_a_smaller_kind_returns_to_the_part_left(qtbot):
    c = chooser(qtbot, Period.month(2026, 10))
    assert to_kind(c, PeriodKind.QUARTER) == Period.quarter(2026, 4)
    assert to_kind(c, PeriodKind.MONTH) == Period.month(2026, 10)      # not today's month
    assert to_kind(c, PeriodKind.YEAR) == Period.year(2026)
    assert to_kind(c, PeriodKind.MONTH) == Period.month(2026, 10)
    to_kind(c, PeriodKind.QUARTER)
    c.part.setCurrentIndex(c.part.findData(3))                        # another quarter:
    assert to_kind(c, PeriodKind.MONTH) == Period.month(2026, 9)       # its own month


def test_changing_the_kind_announces_once(qtbot):
    c = chooser(qtbot, Period.month(2026, 10))
    with qtbot.waitSignal(c.changed, timeout=1000):
        to_kind(c, PeriodKind.QUARTER)
    seen = []
    c.changed.connect(lambda: seen.append(c.period()))
    to_kind(c, PeriodKind.YEAR)
    assert seen == [Period.year(2026)]


def test_a_custom_range_is_kept_both_ways(qtbot):
    c = chooser(qtbot, Period.month(2026, 10), allow_custom=True)
    assert to_kind(c, PeriodKind.CUSTOM) == Period.custom(date(2026, 10, 1), date(2026, 10, 31))
    c = chooser(qtbot, Period.month(2026, 11), allow_custom=True)   # running: up to today
    assert to_kind(c, PeriodKind.CUSTOM) == Period.custom(date(2026, 11, 1), TODAY)
    c = chooser(qtbot, Period.custom(date(2025, 3, 5), date(2025, 3, 20)), allow_custom=True)
    assert to_kind(c, PeriodKind.MONTH) == Period.month(2025, 3)


def test_choosers_sharing_a_kind_each_keep_their_own(qtbot):
    kind = kind_box()
    first, last = (PeriodChooser(TODAY, kind) for _ in range(2))
    for c in (first, last):
        qtbot.addWidget(c)
    first.set_value(Period.month(2026, 5))
    last.set_value(Period.month(2026, 11))
    kind.setCurrentIndex(kind.findData(PeriodKind.QUARTER.value))
    assert (first.period(), last.period()) == (Period.quarter(2026, 2), Period.quarter(2026, 4))
