"""Following an opinion note to its end: status changes with date, note and
who it was passed to; the history is kept; overdue notes are found."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select

from tgdesk.domain.enums import FollowUp
from tgdesk.domain.records import FollowUpChange
from tgdesk.domain.text import normalize_fields
from tgdesk.domain.validation import Issue, validate_follow_up
from tgdesk.store import tables as t

from .context import Context
from .errors import NotFound, ValidationFailed


def _note(session, opinion_id: int) -> t.OpinionRow:
    row = session.get(t.OpinionRow, opinion_id)
    if row is None or row.deleted:
        raise NotFound(f"Không tìm thấy ý kiến dư luận (mã {opinion_id}); có thể đã bị xóa.")
    return row


def change_status(ctx: Context, opinion_id: int, change: FollowUpChange) -> list[Issue]:
    """Move a note to a new follow-up status; returns warnings (errors raise)."""
    change = dataclasses.replace(change)
    normalize_fields(change)
    with ctx.transaction() as session:
        row = _note(session, opinion_id)
        verdict = validate_follow_up(row.follow_up, change, row.noted_on, ctx.today())
        if not verdict.ok:
            raise ValidationFailed(verdict)
        row.follow_up = change.status
        if change.passed_to:
            row.passed_to = change.passed_to
        row.history.append(t.FollowUpRow(status=change.status, changed_on=change.changed_on,
                                         passed_to=change.passed_to, note=change.note))
        return verdict.warnings


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
