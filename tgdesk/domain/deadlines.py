"""When reports are due: one rule per period kind, as the level above sets them.

A rule says on which day of the period's last month the report is due
(``day``), or, with ``after_end``, which day of the month after the period
ends. The default follows common practice: a monthly report closes before the
month ends (day 20), quarterly likewise in the quarter's last month, the 6-month
report by 15 June / 15 December, the annual report by 15 December.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .period import Period, PeriodKind


@dataclass(frozen=True)
class DueRule:
    day: int = 20
    after_end: bool = False   # True: that day of the month after the period


DEFAULT_RULES: dict[str, DueRule] = {
    PeriodKind.MONTH.value: DueRule(20),
    PeriodKind.QUARTER.value: DueRule(20),
    PeriodKind.HALF.value: DueRule(15),
    PeriodKind.YEAR.value: DueRule(15),
}


def due_date(period: Period, rule: DueRule) -> date:
    end = period.end
    if rule.after_end:
        year, month = (end.year + 1, 1) if end.month == 12 else (end.year, end.month + 1)
    else:
        year, month = end.year, end.month
    return date(year, month, min(rule.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Deadline:
    period: Period
    due: date

    def days_left(self, today: date) -> int:
        return (self.due - today).days


def next_deadlines(today: date, rules: dict[str, DueRule]) -> list[Deadline]:
    """For each period kind, the earliest deadline not yet passed, soonest first."""
    out = []
    for kind_code, rule in rules.items():
        kind = PeriodKind(kind_code)
        period = Period.containing(today, kind)
        for _ in range(3):  # this period, or the next one if this one's date has passed
            due = due_date(period, rule)
            if due >= today:
                out.append(Deadline(period, due))
                break
            period = Period.containing(date.fromordinal(period.end.toordinal() + 1), kind)
    return sorted(out, key=lambda d: d.due)


def rules_from_json(data: dict) -> dict[str, DueRule]:
    """Rules from a stored setting; unknown kinds and bad values are ignored."""
    rules = dict(DEFAULT_RULES)
    for kind, raw in (data or {}).items():
        if kind in rules and isinstance(raw, dict):
            day = raw.get("day")
            if isinstance(day, int) and 1 <= day <= 31:
                rules[kind] = DueRule(day, bool(raw.get("after_end", False)))
    return rules
