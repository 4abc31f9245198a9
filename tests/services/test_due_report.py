"""The report the report screen opens on (register.due_report): the earliest overdue
report, else the next one due, as the overview's "Hạn nộp báo cáo" lists them."""

from __future__ import annotations

from datetime import date

from tgdesk.domain.deadlines import DueRule
from tgdesk.domain.period import Period
from tgdesk.services import overview, register
from tgdesk.services.register import DueReport

# The fixtures' today is 24/11/2026; by default a month's report is due on the 20th.


def issue_report(ctx, kind, period_code, number):
    with ctx.transaction() as session:
        register.record_issue(session, kind, period_code, None, "party", {}, None, number,
                              f"{number}-BC/ĐU", date(2026, 11, 1), "{}", None, None)


def test_the_earliest_overdue_report_comes_first(ctx):
    assert register.due_report(ctx) == DueReport("work", Period.month(2026, 11),
                                                 date(2026, 11, 20), -4)
    register.save_draft(ctx, "work", "2026-11", {"opening": "x"}, "party")   # a draft is not done
    assert register.due_report(ctx).kind == "work"
    issue_report(ctx, "work", "2026-11", 1)
    assert register.due_report(ctx) == DueReport("opinion", Period.month(2026, 11),
                                                 date(2026, 11, 20), -4)


def test_then_the_next_one_due(ctx):
    issue_report(ctx, "work", "2026-11", 1)
    issue_report(ctx, "opinion", "2026-11", 2)
    # the half-year report (15/12) is due before December's (20/12)
    assert register.due_report(ctx) == DueReport("work", Period.half(2026, 2),
                                                 date(2026, 12, 15), 21)
    assert register.due_report(ctx).period == overview.deadlines(ctx)[0].period


def test_it_follows_the_saved_rules_and_says_none_when_all_are_issued(ctx):
    overview.save_deadlines(ctx, {"month": DueRule(5, after_end=True)})
    # October's report was due 05/11 (overdue), November's is due 05/12
    assert register.due_report(ctx).period == Period.month(2026, 10)
    for k, code in enumerate(("2026-10", "2026-11", "2026-12", "2026-Q4", "2026-H2", "2026")):
        issue_report(ctx, "work", code, 2 * k + 1)
        issue_report(ctx, "opinion", code, 2 * k + 2)
    assert register.due_report(ctx) is None
