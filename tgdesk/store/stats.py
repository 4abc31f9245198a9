"""The one read-side module for report figures: every count a report quotes
comes from here, computed in SQL over non-deleted records of a date range
(the propaganda activities, online team and models: activity_stats.py, called
from period_figures).

``origin``: None (the default) counts this unit's own records only; a list of
exchange unit ids counts the records received from those units instead (the
level above's figures per unit below: services/exchange/received.py)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tgdesk.domain.enums import ATTENDANCE_CATEGORIES, Attitude, Concern, FollowUp
from tgdesk.domain.figures import DocumentStudied, Figures

from . import tables as t


def period_figures(session: Session, start: date, end: date,
                   origin: Sequence[int] | None = None) -> Figures:
    from .activity_stats import activity_figures   # it uses origin_filter below

    f = Figures(start=start, end=end)
    _meetings(session, f, origin)
    _studies(session, f, origin)
    _opinions(session, f, origin)
    activity_figures(session, f, origin)
    return f


def origin_filter(row, origin: Sequence[int] | None):
    """Own rows (origin None) or the rows received from the given units."""
    if origin is None:
        return row.origin_unit_id.is_(None)
    return row.origin_unit_id.in_(list(origin))


def _meetings(session: Session, f: Figures, origin: Sequence[int] | None) -> None:
    m = t.MeetingRow
    live = (m.deleted.is_(False), m.held_on >= f.start, m.held_on <= f.end,
            origin_filter(m, origin))
    for code, n, people, contrib in session.execute(
            select(m.meeting_type, func.count(), func.coalesce(func.sum(m.attendance), 0),
                   func.coalesce(func.sum(m.contributions), 0))
            .where(*live).group_by(m.meeting_type).order_by(m.meeting_type)):
        f.meetings_by_type[code] = n
        f.meetings_total += n
        f.meeting_attendance += people
        f.meeting_contributions += contrib


def _studies(session: Session, f: Figures, origin: Sequence[int] | None) -> None:
    s = t.StudyRow
    live = (s.deleted.is_(False), s.held_on >= f.start, s.held_on <= f.end,
            origin_filter(s, origin))
    cats = [name for name, _ in ATTENDANCE_CATEGORIES]
    sums = session.execute(
        select(func.count(), func.coalesce(func.sum(s.party_members_expected), 0),
               func.coalesce(func.sum(s.reflections), 0),
               *[func.coalesce(func.sum(getattr(s, c)), 0) for c in cats]).where(*live)).one()
    f.study_sessions, f.party_members_expected, f.reflections = sums[0], sums[1], sums[2]
    f.attendance = dict(zip(cats, sums[3:]))
    f.party_members_present = f.attendance["party_members_present"]
    d, link = t.DocumentRow, t.study_document
    total = sum((getattr(s, c) for c in cats[1:]), getattr(s, cats[0]))
    stmt = (select(d.id, d.kind, d.number_symbol, d.issued_on, d.issuer, d.title,
                   func.count(s.id), func.coalesce(func.sum(total), 0))
            .join(link, link.c.document_id == d.id).join(s, s.id == link.c.study_id)
            .where(*live).group_by(d.id).order_by(d.issued_on, d.id))
    for row in session.execute(stmt):
        f.documents.append(DocumentStudied(*row))


def _opinions(session: Session, f: Figures, origin: Sequence[int] | None) -> None:
    o, k = t.OpinionRow, t.CategoryRow
    live = (o.deleted.is_(False), o.noted_on >= f.start, o.noted_on <= f.end,
            origin_filter(o, origin))
    for name, n in session.execute(
            select(k.name, func.count()).select_from(o).join(k, k.id == o.category_id).where(*live)
            .group_by(k.id).order_by(func.count().desc(), k.name)):
        f.opinions_by_category[name] = n
        f.opinions_total += n
    # Attitude, concern and follow-up in one pass over the period's notes (the list
    # index): grouped by concern alone, SQLite would scan the whole concern index.
    by_attitude: dict[str, int] = {}
    by_concern: dict[str, int] = {}
    for attitude, concern, follow_up, n in session.execute(
            select(o.attitude, o.concern, o.follow_up, func.count()).where(*live)
            .group_by(o.attitude, o.concern, o.follow_up)):
        by_attitude[attitude] = by_attitude.get(attitude, 0) + n
        by_concern[concern] = by_concern.get(concern, 0) + n
        if follow_up is not None and follow_up != FollowUp.DA_GIAI_QUYET.value:
            f.open_follow_ups += n
    f.opinions_by_attitude = {k: by_attitude[k] for k in sorted(by_attitude, key=_sql_order)}
    f.opinions_by_concern = {k: by_concern[k] for k in sorted(by_concern, key=_sql_order)}
    f.hot_spots = f.opinions_by_concern.get(Concern.DIEM_NONG.value, 0)


def _sql_order(code: str | None) -> tuple[bool, str]:
    """The order of SQLite's GROUP BY on a text column: NULL first, then by code point."""
    return (code is not None, code or "")


# --- what a report adds to the figures of its period ---------------------------

def first_record_day(session: Session, origin: Sequence[int] | None = None) -> date | None:
    """The first day with a live meeting, study session, opinion note, propaganda
    activity, online entry or model (comparisons with periods before it would
    compare with missing data)."""
    from .activity_stats import first_activity_day
    firsts = [session.scalar(select(func.min(day)).where(row.deleted.is_(False),
                                                         origin_filter(row, origin)))
              for row, day in ((t.MeetingRow, t.MeetingRow.held_on),
                               (t.StudyRow, t.StudyRow.held_on),
                               (t.OpinionRow, t.OpinionRow.noted_on))]
    firsts = [d for d in (*firsts, first_activity_day(session, origin)) if d is not None]
    return min(firsts) if firsts else None


def opinions_by_source(session: Session, start: date, end: date,
                       origin: Sequence[int] | None = None) -> dict[str, int]:
    """Opinion notes of ``start``–``end`` by source code (ctv, chi_bo, …), most first."""
    o = t.OpinionRow
    rows = session.execute(
        select(o.source, func.count()).where(
            o.deleted.is_(False), o.noted_on >= start, o.noted_on <= end,
            origin_filter(o, origin)).group_by(o.source).order_by(func.count().desc()))
    return {code: n for code, n in rows}


def pressing_opinions(session: Session, start: date, end: date,
                      origin: Sequence[int] | None = None) -> list[dict]:
    """The bức xúc notes and the hot spots (điểm nóng) of ``start``–``end``, oldest
    first, each with its category and area names: what the opinion report lists."""
    o, k, a = t.OpinionRow, t.CategoryRow, t.AreaRow
    stmt = (select(o.id, o.noted_on, k.name.label("category"), a.name.label("area"), o.summary,
                   o.attitude, o.concern, o.proposal, o.follow_up, o.passed_to,
                   o.classification)
            .join(k, k.id == o.category_id).outerjoin(a, a.id == o.area_id)
            .where(o.deleted.is_(False), o.noted_on >= start, o.noted_on <= end,
                   origin_filter(o, origin),
                   (o.attitude == Attitude.BUC_XUC.value) | (o.concern == Concern.DIEM_NONG.value))
            .order_by(o.noted_on, o.id))
    return [dict(row._mapping) for row in session.execute(stmt)]


def network_by_role(session: Session) -> dict[str, int]:
    """Active people of this unit's network by role (báo cáo viên, tuyên truyền viên, CTV)."""
    p = t.PersonRow
    rows = session.execute(
        select(p.role, func.count()).where(p.deleted.is_(False), p.active.is_(True),
                                           origin_filter(p, None)).group_by(p.role))
    return {code: n for code, n in rows}
