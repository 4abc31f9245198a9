"""Report figures of the propaganda activities, the online team's entries
(Nghị quyết 35-NQ/TW) and the exemplary models (Chỉ thị 05-CT/TW): the part of
stats.period_figures for these kinds, computed in SQL over non-deleted records.

What a period counts:
- an activity by the day it starts (``held_on``; one spanning two months counts
  in the first);
- an online entry by its day (``noted_on``);
- a model by the day it was registered or noted (``noted_on``), and its
  recognition (biểu dương, khen thưởng) by the day of the decision
  (``recognized_on``; the day noted when the decision has no day).

``origin`` as in stats.py: None counts this unit's own records, a list of
exchange unit ids the records received from those units.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from sqlalchemy import Integer, cast, func, select
from sqlalchemy.orm import Session

from tgdesk.domain.enums import (PROPAGANDA_QUANTITIES, Classification, ModelSubject,
                                 OnlineAction, OnlineEntryKind, PropagandaForm, Recognition,
                                 WrongContentKind)
from tgdesk.domain.figures import ActivityCount, CampaignCount, Figures

from . import tables as t
from .stats import origin_filter

QUANTITY_FIELDS = tuple(fld for fld, _label, _unit in PROPAGANDA_QUANTITIES)


def activity_figures(session: Session, f: Figures, origin: Sequence[int] | None) -> None:
    """Fill ``f``'s propaganda, online-team and models figures for ``f.start``–``f.end``."""
    _propaganda(session, f, origin)
    _online(session, f, origin)
    _models(session, f, origin)


def _in_order(counts: dict[str, object], codes: Iterable[str]) -> dict[str, object]:
    """``counts`` in the order of an enum's codes; unknown codes after them, sorted."""
    order = list(codes)
    known = [c for c in order if c in counts]
    return {c: counts[c] for c in known + sorted(c for c in counts if c not in order)}


def _quantities(sums: Sequence[int]) -> dict[str, int]:
    return {fld: int(n) for fld, n in zip(QUANTITY_FIELDS, sums) if n}


def _live_propaganda(f: Figures, origin: Sequence[int] | None) -> tuple:
    p = t.PropagandaRow
    return (p.deleted.is_(False), p.held_on >= f.start, p.held_on <= f.end,
            origin_filter(p, origin))


def _quantity_sums(p) -> list:
    return [func.coalesce(func.sum(getattr(p, fld)), 0) for fld in QUANTITY_FIELDS]


def _propaganda(session: Session, f: Figures, origin: Sequence[int] | None) -> None:
    p, c = t.PropagandaRow, t.CampaignRow
    live = _live_propaganda(f, origin)
    by_form: dict[str, ActivityCount] = {}
    for form, n, *sums in session.execute(
            select(p.form, func.count(), *_quantity_sums(p)).where(*live).group_by(p.form)):
        by_form[form] = ActivityCount(n, _quantities(sums))
        f.propaganda_total += n
    f.propaganda_by_form = _in_order(by_form, PropagandaForm.codes())
    stmt = (select(c.id, c.name, func.count(), *_quantity_sums(p))
            .select_from(p).join(c, c.id == p.campaign_id).where(*live)
            .group_by(c.id).order_by(func.count().desc(), c.name, c.id))
    f.propaganda_by_campaign = [
        CampaignCount(n, _quantities(sums), campaign_id=cid, name=name)
        for cid, name, n, *sums in session.execute(stmt)]


def _online(session: Session, f: Figures, origin: Sequence[int] | None) -> None:
    o = t.OnlineEntryRow
    live = (o.deleted.is_(False), o.noted_on >= f.start, o.noted_on <= f.end,
            origin_filter(o, origin))
    kinds: dict[str, int] = {}
    actions: dict[str, int] = {}
    found = OnlineEntryKind.PHAT_HIEN.value
    for entry_kind, content, action, n, posts, shares, reach, entries in session.execute(
            select(o.entry_kind, o.content_kind, o.action, func.count(),
                   func.coalesce(func.sum(o.posts), 0), func.coalesce(func.sum(o.shares), 0),
                   func.coalesce(func.sum(o.reach), 0), func.coalesce(func.sum(o.entries), 0))
            .where(*live).group_by(o.entry_kind, o.content_kind, o.action)):
        f.online_entries += n
        f.online_posts += posts
        f.online_shares += shares
        f.online_reach += reach
        if entry_kind == found:
            f.wrong_found += n
            if content:
                kinds[content] = kinds.get(content, 0) + n
            if action:
                actions[action] = actions.get(action, 0) + n
        elif entry_kind == OnlineEntryKind.DU_THI.value:
            f.essay_entries += entries
    f.wrong_by_kind = _in_order(kinds, WrongContentKind.codes())
    f.wrong_by_action = _in_order(actions, OnlineAction.codes())
    f.online_members_active = session.scalar(
        select(func.count(func.distinct(o.member_id))).where(*live)) or 0
    pr = t.PersonRow
    f.online_team_members = session.scalar(select(func.count(pr.id)).where(
        pr.deleted.is_(False), pr.active.is_(True), pr.online_team.is_(True),
        origin_filter(pr, origin))) or 0


def _models(session: Session, f: Figures, origin: Sequence[int] | None) -> None:
    m = t.ModelRow
    origin_rows = origin_filter(m, origin)
    subjects: dict[str, int] = {}
    for subject, n, registered, assessed, replicated in session.execute(
            select(m.subject, func.count(), *(func.coalesce(func.sum(cast(flag, Integer)), 0)
                                              for flag in (m.registered, m.assessed,
                                                           m.replicated)))
            .where(m.deleted.is_(False), m.noted_on >= f.start, m.noted_on <= f.end,
                   origin_rows).group_by(m.subject)):
        subjects[subject] = n
        f.models_total += n
        f.models_registered += registered
        f.models_assessed += assessed
        f.models_replicated += replicated
    f.models_by_subject = _in_order(subjects, ModelSubject.codes())
    day = func.coalesce(m.recognized_on, m.noted_on)
    recognised: dict[str, dict[str, int]] = {}
    for recognition, subject, n in session.execute(
            select(m.recognition, m.subject, func.count())
            .where(m.deleted.is_(False), m.recognition != Recognition.CHUA.value,
                   day >= f.start, day <= f.end, origin_rows)
            .group_by(m.recognition, m.subject)):
        recognised.setdefault(recognition, {})[subject] = n
    f.recognised = {code: _in_order(by, ModelSubject.codes())
                    for code, by in _in_order(recognised, Recognition.codes()).items()}


def models_to_date(session: Session, start: date, end: date,
                   origin: Sequence[int] | None = None) -> Figures:
    """Figures holding only the models noted and recognised from ``start`` to ``end``
    (the year so far, which a monthly report gives beside the month's)."""
    f = Figures(start=start, end=end)
    _models(session, f, origin)
    return f


def year_theme(session: Session, start: date, end: date,
               origin: Sequence[int] | None = None) -> str | None:
    """The theme (chuyên đề năm) most models noted from ``start`` to ``end`` carry;
    models marked Mật are left out. None when none has one."""
    m = t.ModelRow
    row = session.execute(
        select(m.theme).where(m.deleted.is_(False), m.noted_on >= start, m.noted_on <= end,
                              m.theme.is_not(None), func.trim(m.theme) != "",
                              m.classification != Classification.MAT.value,
                              origin_filter(m, origin))
        .group_by(m.theme).order_by(func.count().desc(), m.theme).limit(1)).first()
    return row[0].strip() if row else None


def first_activity_day(session: Session, origin: Sequence[int] | None = None) -> date | None:
    """The first day with a live activity, online entry or model (stats.first_record_day)."""
    firsts = [session.scalar(select(func.min(day)).where(row.deleted.is_(False),
                                                         origin_filter(row, origin)))
              for row, day in ((t.PropagandaRow, t.PropagandaRow.held_on),
                               (t.OnlineEntryRow, t.OnlineEntryRow.noted_on),
                               (t.ModelRow, t.ModelRow.noted_on))]
    firsts = [d for d in firsts if d is not None]
    return min(firsts) if firsts else None
