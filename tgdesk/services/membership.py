"""A Party cell's number of Party members over time (table cell_member_count).

``cell.member_count`` stays the latest figure: every change here keeps it so.
Saving a cell through ``CELLS.create`` / ``CELLS.update`` with a count different
from the stored one records a step dated today (``kinds._cell_track`` calls
:func:`record_change`); :func:`set_member_count` records one for any past date.
One step per cell and date: setting a date again replaces its count.
"""

from __future__ import annotations

from datetime import date

from tgdesk import vnformat as vf
from tgdesk.domain.records import CellMemberCount
from tgdesk.domain.roles import Permission
from tgdesk.domain.validation import Verdict, validate_member_count
from tgdesk.store import tables as t

from .context import Context
from .errors import NotFound, ValidationFailed


def _cell(session, cell_id: int) -> t.CellRow:
    row = session.get(t.CellRow, cell_id)
    if row is None or row.deleted:
        raise NotFound(f"Không tìm thấy chi bộ (mã {cell_id}); có thể đã bị xóa.")
    return row


def _entry(step: t.CellMemberCountRow) -> CellMemberCount:
    return CellMemberCount(step.cell_id, step.effective_on, step.member_count, step.id, step.uuid)


def _sync(row: t.CellRow) -> None:
    """The cell's member_count: its latest live step (kept as it is without one)."""
    live = [s for s in row.member_history if not s.deleted]
    if live:
        row.member_count = max(live, key=lambda s: s.effective_on).member_count


def record_change(session, row: t.CellRow, count: int, day: date) -> None:
    """``row`` has ``count`` Party members from ``day`` on (the step of that date
    replaced or revived). A cell that had a count but no step yet first gets a step
    with its old count from the day it was entered, so the change keeps its past."""
    steps = row.member_history
    if not steps and row.member_count is not None and row.member_count != count:
        entered = row.created_at.date() if row.created_at else None
        if entered is not None and entered < day:
            steps.append(t.CellMemberCountRow(effective_on=entered,
                                              member_count=row.member_count))
    same = next((s for s in steps if s.effective_on == day), None)
    if same is None:
        steps.append(t.CellMemberCountRow(effective_on=day, member_count=count))
    else:
        same.member_count, same.deleted = count, False
    _sync(row)


def history(ctx: Context, cell_id: int) -> list[CellMemberCount]:
    """The cell's live steps, oldest first."""
    with ctx.reading() as session:
        return [_entry(s) for s in _cell(session, cell_id).member_history if not s.deleted]


def check_member_count(ctx: Context, cell_id: int | None, count: int | None,
                       effective_on: date | None) -> Verdict:
    """What :func:`set_member_count` would say, saving nothing (``cell_id`` None: a
    cell not saved yet); and a warning when a later count is recorded already, which
    stays the cell's count of today."""
    verdict = validate_member_count(CellMemberCount(cell_id, effective_on, count), ctx.today())
    if verdict.ok and cell_id is not None:
        later = [s for s in history(ctx, cell_id) if s.effective_on > effective_on]
        if later:
            last = later[-1]
            verdict.warn("effective_on",
                         f"Ngày áp dụng: đã ghi {vf.number(last.member_count)} đảng viên từ ngày "
                         f"{vf.short_date(last.effective_on)}, sau ngày này; số đảng viên hiện "
                         f"nay vẫn là {vf.number(last.member_count)}.")
    return verdict


def set_member_count(ctx: Context, cell_id: int, count: int | None,
                     effective_on: date | None = None) -> CellMemberCount:
    """The cell has ``count`` Party members from ``effective_on`` (default today) on."""
    ctx.require(Permission.WRITE_RECORDS)
    day = ctx.today() if effective_on is None else effective_on
    verdict = validate_member_count(CellMemberCount(cell_id, day, count), ctx.today())
    if not verdict.ok:
        raise ValidationFailed(verdict)
    with ctx.transaction() as session:
        row = _cell(session, cell_id)
        record_change(session, row, count, day)
        session.flush()
        return _entry(next(s for s in row.member_history if s.effective_on == day))


def remove_member_count(ctx: Context, entry_id: int) -> None:
    """Drop one step (soft delete); the cell's member_count follows the latest step left."""
    ctx.require(Permission.WRITE_RECORDS)
    with ctx.transaction() as session:
        step = session.get(t.CellMemberCountRow, entry_id)
        if step is None or step.deleted:
            raise NotFound(f"Không tìm thấy số đảng viên đã ghi (mã {entry_id}).")
        step.deleted = True
        _sync(_cell(session, step.cell_id))
