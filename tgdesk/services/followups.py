"""Following an opinion note to its end: status changes with date, note and
who it was passed to; the history is kept; overdue notes are found."""

from __future__ import annotations

import dataclasses
from datetime import date

from sqlalchemy import func, select

from tgdesk.domain.enums import FollowUp
from tgdesk.domain.records import FollowUpChange
from tgdesk.domain.roles import Permission
from tgdesk.domain.text import normalize_fields
from tgdesk.domain.validation import Issue, Verdict, validate_follow_up
from tgdesk.store import tables as t

from .context import Context
from .errors import NotFound, ValidationFailed


def _note(session, opinion_id: int) -> t.OpinionRow:
    row = session.get(t.OpinionRow, opinion_id)
    if row is None or row.deleted:
        raise NotFound(f"Không tìm thấy ý kiến dư luận (mã {opinion_id}); có thể đã bị xóa.")
    return row


class _Keep:
    """The due date is left as it is."""

    def __repr__(self) -> str:
        return "KEEP"


KEEP = _Keep()


def _verdict(session, row: t.OpinionRow, change: FollowUpChange, due_on, today: date
             ) -> Verdict:
    verdict = validate_follow_up(row.follow_up, change, row.noted_on, today)
    last = session.scalar(select(func.max(t.FollowUpRow.changed_on))
                          .where(t.FollowUpRow.opinion_id == row.id))
    if change.changed_on is not None and last is not None and change.changed_on < last \
            and change.changed_on >= row.noted_on:
        verdict.warn("changed_on", f"Ngày cập nhật: trước lần cập nhật gần nhất "
                                   f"({last:%d/%m/%Y}), xin kiểm tra lại.")
    if due_on is not KEEP and due_on is not None and due_on < row.noted_on:
        verdict.error("due_on", "Hạn xử lý: không được trước ngày nắm bắt ý kiến "
                                f"({row.noted_on:%d/%m/%Y}).")
    return verdict


def check_change(ctx: Context, opinion_id: int, change: FollowUpChange, due_on=KEEP
                 ) -> Verdict:
    """What ``change_status`` would say (errors and warnings), saving nothing."""
    change = dataclasses.replace(change)
    normalize_fields(change)
    with ctx.reading() as session:
        return _verdict(session, _note(session, opinion_id), change, due_on, ctx.today())


def change_status(ctx: Context, opinion_id: int, change: FollowUpChange, due_on=KEEP
                  ) -> list[Issue]:
    """Move a note to a new follow-up status; returns warnings (errors raise).

    ``due_on``: a new due date (None clears it); KEEP (the default) leaves it."""
    ctx.require(Permission.WRITE_RECORDS)
    change = dataclasses.replace(change)
    normalize_fields(change)
    with ctx.transaction() as session:
        row = _note(session, opinion_id)
        verdict = _verdict(session, row, change, due_on, ctx.today())
        if not verdict.ok:
            raise ValidationFailed(verdict)
        row.follow_up = change.status
        if change.passed_to:
            row.passed_to = change.passed_to
        if due_on is not KEEP:
            row.due_on = due_on
        row.history.append(t.FollowUpRow(status=change.status, changed_on=change.changed_on,
                                         passed_to=change.passed_to, note=change.note))
        return verdict.warnings


def next_status(current: str | None) -> str | None:
    """The status that usually follows ``current`` (None once resolved)."""
    order = FollowUp.codes()
    if current not in order:
        return order[0]
    i = order.index(current)
    return order[i + 1] if i + 1 < len(order) else None


def history(ctx: Context, opinion_id: int) -> list[FollowUpChange]:
    """Every step of a note's follow-up, oldest first."""
    with ctx.reading() as session:
        _note(session, opinion_id)
        rows = session.scalars(select(t.FollowUpRow)
                               .where(t.FollowUpRow.opinion_id == opinion_id)
                               .order_by(t.FollowUpRow.changed_on, t.FollowUpRow.id))
        return [FollowUpChange(r.status, r.changed_on, r.passed_to, r.note, r.id) for r in rows]


def overdue_ids(ctx: Context) -> list[int]:
    """Notes past their due date and not yet resolved, most overdue first."""
    o = t.OpinionRow
    with ctx.reading() as session:
        return list(session.scalars(
            select(o.id).where(o.deleted.is_(False), o.due_on.is_not(None),
                               o.due_on < ctx.today(),
                               o.follow_up != FollowUp.DA_GIAI_QUYET.value)
            .order_by(o.due_on, o.id)))
