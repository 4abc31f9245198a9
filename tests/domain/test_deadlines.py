from datetime import date

from tgdesk.domain.deadlines import DEFAULT_RULES, DueRule, due_date, next_deadlines, rules_from_json
from tgdesk.domain.period import Period


def test_due_dates():
    assert due_date(Period.parse("2026-11"), DueRule(20)) == date(2026, 11, 20)
    assert due_date(Period.parse("2026-02"), DueRule(31)) == date(2026, 2, 28)
    assert due_date(Period.parse("2026-Q4"), DueRule(20)) == date(2026, 12, 20)
    assert due_date(Period.parse("2026-12"), DueRule(5, after_end=True)) == date(2027, 1, 5)
    assert due_date(Period.parse("2026-H1"), DueRule(15)) == date(2026, 6, 15)


def test_next_deadlines_skip_passed_ones():
    found = {d.period.code(): d.due for d in next_deadlines(date(2026, 11, 24), DEFAULT_RULES)}
    assert found == {"2026-12": date(2026, 12, 20), "2026-Q4": date(2026, 12, 20),
                     "2026-H2": date(2026, 12, 15), "2026": date(2026, 12, 15)}
    soonest = next_deadlines(date(2026, 11, 24), DEFAULT_RULES)[0]
    assert soonest.due == date(2026, 12, 15)
    assert soonest.days_left(date(2026, 11, 24)) == 21


def test_rules_from_json_ignores_bad_values():
    rules = rules_from_json({"month": {"day": 25}, "quarter": {"day": 40}, "decade": {"day": 1},
                             "year": "x"})
    assert rules["month"] == DueRule(25)
    assert rules["quarter"] == DEFAULT_RULES["quarter"]
    assert "decade" not in rules
