"""What the overview (Tổng quan) shows besides the period figures: monthly series
over the last 12 months, report deadlines with the state of each report, open
hot spots and overdue follow-ups.

Each monthly series is one grouped SQL query over the 12 months, never one
query per month. Counts follow the same rules as the lists the overview's tiles
open (``ListFilter``): this unit's own, non-deleted records; a hot spot is
``concern == "diem_nong"``; open = not resolved; overdue = due date before
today and not resolved.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select

from tgdesk.domain.deadlines import DueRule, due_date, next_deadlines
from tgdesk.domain.enums import ATTENDANCE_CATEGORIES, Attitude, Concern, FollowUp
from tgdesk.domain.period import Period, PeriodKind
from tgdesk.store import tables as t
from tgdesk.store.stats import origin_filter

from tgdesk.domain.validation import Verdict

from .context import Context
from .errors import ValidationFailed
from .register import kind_label
from .settings_store import deadline_rules, save_deadline_rules

MONTHS = 12
OVERDUE_SHOWN_DAYS = 60     # an unissued report stays on the overview this long past due
REPORT_KINDS = ("work", "opinion")       # the register's kinds, in display order
RESOLVED = FollowUp.DA_GIAI_QUYET.value
HOT = Concern.DIEM_NONG.value


def month_label(p: Period) -> str:
    """"T11/2026": the short month label of the charts."""
    return f"T{p.start.month}/{p.start.year}"


def last_months(today: date, n: int = MONTHS) -> list[Period]:
    """The ``n`` months ending with the month of ``today``, oldest first."""
    y, m = today.year, today.month
    out = []
    for _ in range(n):
        out.append(Period.month(y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out[::-1]


@dataclass
class MonthlySeries:
    months: list[Period]
    study_sessions: list[int]
    study_participants: list[int]           # lượt, all attendance categories
    party_expected: list[int]
    party_present: list[int]
    opinions: list[int]
    by_category: dict[str, list[int]] = field(default_factory=dict)   # name -> per month
    by_attitude: dict[str, list[int]] = field(default_factory=dict)   # code -> per month
    category_ids: dict[str, int] = field(default_factory=dict)        # name -> id

    @property
    def labels(self) -> list[str]:
        return [month_label(p) for p in self.months]

    @property
    def party_rate(self) -> list[float | None]:
        """Party members present / expected per month (None: none expected)."""
        return [p / e if e else None for p, e in zip(self.party_present, self.party_expected)]

    def is_empty(self) -> bool:
        return not any(self.study_sessions) and not any(self.opinions)


def _month_key(column):
    return func.substr(column, 1, 7)       # dates are stored as YYYY-MM-DD


def monthly_series(ctx: Context, n: int = MONTHS) -> MonthlySeries:
    months = last_months(ctx.today(), n)
    index = {p.code(): i for i, p in enumerate(months)}
    start, end = months[0].start, months[-1].end
    zeros = [0] * n
    out = MonthlySeries(months, list(zeros), list(zeros), list(zeros), list(zeros), list(zeros))
    s, o, k = t.StudyRow, t.OpinionRow, t.CategoryRow
    cats = [getattr(s, name) for name, _ in ATTENDANCE_CATEGORIES]
    with ctx.reading() as session:
        month = _month_key(s.held_on)
        for key, n_sessions, people, expected, present in session.execute(
                select(month, func.count(), func.coalesce(func.sum(sum(cats[1:], cats[0])), 0),
                       func.coalesce(func.sum(s.party_members_expected), 0),
                       func.coalesce(func.sum(s.party_members_present), 0))
                .where(s.deleted.is_(False), origin_filter(s, None),
                       s.held_on >= start, s.held_on <= end).group_by(month)):
            i = index[key]
            out.study_sessions[i], out.study_participants[i] = n_sessions, people
            out.party_expected[i], out.party_present[i] = expected, present
        live = (o.deleted.is_(False), origin_filter(o, None), o.noted_on >= start,
                o.noted_on <= end)
        month = _month_key(o.noted_on)
        by_cat: dict[str, list[int]] = {}
        by_att = {member.value: list(zeros) for member in Attitude}
        for cat_id, name, code, key, count in session.execute(   # both charts, one pass
                select(k.id, k.name, o.attitude, month, func.count()).select_from(o)
                .join(k, k.id == o.category_id).where(*live)
                .group_by(k.id, o.attitude, month)):
            by_cat.setdefault(name, list(zeros))[index[key]] += count
            out.category_ids[name] = cat_id
            by_att.setdefault(code, list(zeros))[index[key]] += count
        for name, counts in sorted(by_cat.items(), key=lambda kv: (-sum(kv[1]), kv[0])):
            out.by_category[name] = counts
        out.by_attitude = by_att
    out.opinions = [sum(col) for col in zip(*by_att.values())] if by_att else list(zeros)
    return out


# --- report deadlines ------------------------------------------------------------

@dataclass(frozen=True)
class ReportState:
    kind: str                       # "work" | "opinion"
    status: str                     # "missing" | "draft" | "issued"
    number_text: str | None = None  # "15-BC/ĐU" when issued
    issued_on: date | None = None
    report_id: int | None = None

    @property
    def text(self) -> str:
        if self.status == "issued":
            return f"Đã ban hành số {self.number_text}" if self.number_text else "Đã ban hành"
        return "Dự thảo" if self.status == "draft" else "Chưa lập"


@dataclass(frozen=True)
class DeadlineRow:
    period: Period
    due: date
    days_left: int                  # negative: overdue by that many days
    reports: tuple[ReportState, ...]

    @property
    def overdue(self) -> bool:
        return self.days_left < 0 and not self.done

    @property
    def done(self) -> bool:
        return all(r.status == "issued" for r in self.reports)

    def state(self, kind: str) -> ReportState:
        return next(r for r in self.reports if r.kind == kind)


def _previous_deadline(period: Period, rule: DueRule) -> tuple[Period, date]:
    before = period.previous()
    return before, due_date(before, rule)


def report_states(ctx: Context, period_codes: list[str]) -> dict[tuple[str, str], ReportState]:
    """The best state of each (report kind, period code): issued, else draft, else missing."""
    r = t.ReportRow
    rank = {"draft": 1, "issued": 2}
    out: dict[tuple[str, str], ReportState] = {}
    with ctx.reading() as session:
        for row in session.execute(
                select(r.id, r.kind, r.period_code, r.status, r.number_text, r.issued_on)
                .where(r.deleted.is_(False), r.period_code.in_(period_codes))
                .order_by(r.id)):
            key = (row.kind, row.period_code)
            have = out.get(key)
            if have is None or rank.get(row.status, 0) >= rank.get(have.status, 0):
                out[key] = ReportState(row.kind, row.status, row.number_text, row.issued_on,
                                       row.id)
    return out


def deadlines(ctx: Context, rules: dict[str, DueRule] | None = None) -> list[DeadlineRow]:
    """Upcoming deadlines (one per period kind, soonest first), preceded by the
    previous period's deadline of a kind when it has passed, one of its reports
    is not issued yet (overdue) and it is at most OVERDUE_SHOWN_DAYS late (a
    report made outside tgdesk must not stay red for ever)."""
    today = ctx.today()
    rules = deadline_rules(ctx) if rules is None else rules
    pairs: list[tuple[Period, date]] = []
    for upcoming in next_deadlines(today, rules):
        rule = rules[upcoming.period.kind.value]
        before, due = _previous_deadline(upcoming.period, rule)
        if 0 < (today - due).days <= OVERDUE_SHOWN_DAYS:
            pairs.append((before, due))
        pairs.append((upcoming.period, upcoming.due))
    states = report_states(ctx, [p.code() for p, _ in pairs])
    rows = []
    for period, due in pairs:
        reports = tuple(states.get((kind, period.code()), ReportState(kind, "missing"))
                        for kind in REPORT_KINDS)
        rows.append(DeadlineRow(period, due, (due - today).days, reports))
    rows = [row for row in rows if row.days_left >= 0 or not row.done]
    return sorted(rows, key=lambda row: (row.due, list(PeriodKind).index(row.period.kind)))


PERIOD_KIND_LABELS = {PeriodKind.MONTH.value: "Báo cáo tháng",
                      PeriodKind.QUARTER.value: "Báo cáo quý",
                      PeriodKind.HALF.value: "Báo cáo 6 tháng",
                      PeriodKind.YEAR.value: "Báo cáo năm"}


def check_deadline_rules(rules: dict[str, DueRule]) -> Verdict:
    """Each rule's day must be 1–31; the field of an issue is the period kind code."""
    verdict = Verdict()
    for kind, rule in rules.items():
        if kind not in PERIOD_KIND_LABELS:
            verdict.error(kind, f"Loại kỳ báo cáo “{kind}” không có.")
        elif not isinstance(rule.day, int) or not 1 <= rule.day <= 31:
            verdict.error(kind, f"{PERIOD_KIND_LABELS[kind]}: ngày nộp phải từ 1 đến 31 "
                                f"(đang là {rule.day}).")
    return verdict


def save_deadlines(ctx: Context, rules: dict[str, DueRule]) -> None:
    """Save the due rules after checking them; nothing is saved when one is wrong."""
    verdict = check_deadline_rules(rules)
    if not verdict.ok:
        raise ValidationFailed(verdict)
    merged = {**deadline_rules(ctx), **rules}
    save_deadline_rules(ctx, merged)


def report_kind_label(kind: str) -> str:
    return kind_label(kind)


# --- open hot spots and overdue follow-ups --------------------------------------------

@dataclass(frozen=True)
class NoteLine:
    id: int
    noted_on: date
    due_on: date | None
    area: str | None
    category: str
    summary: str
    follow_up: str


@dataclass
class Attention:
    hot_spots: int                   # open hot spots (not resolved), all dates
    hot_spot_lines: list[NoteLine]   # the newest few
    overdue: int                     # notes past their due date, not resolved
    overdue_lines: list[NoteLine]    # the most overdue few


def _lines(session, ids: list[int]) -> dict[int, NoteLine]:
    o, a, k = t.OpinionRow, t.AreaRow, t.CategoryRow
    stmt = (select(o.id, o.noted_on, o.due_on, a.name, k.name, o.summary, o.follow_up)
            .select_from(o).outerjoin(a, a.id == o.area_id).join(k, k.id == o.category_id)
            .where(o.id.in_(ids)))
    return {row[0]: NoteLine(*row) for row in session.execute(stmt)}


def attention(ctx: Context, limit: int = 5) -> Attention:
    """The open hot spots and the open overdue notes, each a seek in its own
    index (ix_opinion_note_concern, ix_opinion_note_due: migration 0010) — their
    ids and dates give the two counts and the order of each list — then the
    lines shown, by id."""
    o = t.OpinionRow
    open_own = (o.deleted.is_(False), o.follow_up != RESOLVED, origin_filter(o, None))
    with ctx.reading() as session:
        hot = session.execute(select(o.id, o.noted_on).where(*open_own, o.concern == HOT)).all()
        late = session.execute(select(o.id, o.due_on).where(
            *open_own, o.due_on.is_not(None), o.due_on < ctx.today())).all()
        hot_ids = [r[0] for r in heapq.nlargest(limit, hot, key=lambda r: (r[1], r[0]))]
        late_ids = [r[0] for r in heapq.nsmallest(limit, late, key=lambda r: (r[1], r[0]))]
        lines = _lines(session, hot_ids + late_ids) if hot_ids or late_ids else {}
    return Attention(len(hot), [lines[i] for i in hot_ids], len(late), [lines[i] for i in late_ids])


def has_records(ctx: Context) -> bool:
    """Whether the unit has recorded anything at all (the overview's empty state)."""
    with ctx.reading() as session:
        for row in (t.MeetingRow, t.StudyRow, t.OpinionRow):
            if session.scalar(select(row.id).where(row.deleted.is_(False),
                                                   origin_filter(row, None)).limit(1)):
                return True
    return False
