"""A cell's Party members over time: steps from the catalogue form and set by date,
cell.member_count always the latest."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select, update

from tgdesk.domain.records import Cell
from tgdesk.services import membership
from tgdesk.services.errors import NotFound, ValidationFailed
from tgdesk.services.kinds import CELLS
from tgdesk.store import tables as t

TODAY = date(2026, 11, 24)


def steps(ctx, cell_id):
    return [(s.effective_on, s.member_count) for s in membership.history(ctx, cell_id)]


def test_saving_a_cell_with_a_count_records_a_step_of_today(ctx):
    cid = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1", member_count=40)).id
    assert steps(ctx, cid) == [(TODAY, 40)]
    CELLS.update(ctx, cid, Cell(name="Chi bộ Khu phố 1", member_count=41))
    assert steps(ctx, cid) == [(TODAY, 41)]               # the same day: replaced
    CELLS.update(ctx, cid, Cell(name="Chi bộ Khu phố 1 (đổi tên)", member_count=41))
    assert steps(ctx, cid) == [(TODAY, 41)]
    none = CELLS.create(ctx, Cell(name="Chi bộ chưa rõ số")).id
    assert steps(ctx, none) == []


def test_steps_by_date_keep_member_count_the_latest(ctx):
    cid = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 2", member_count=25)).id
    entry = membership.set_member_count(ctx, cid, 22, date(2026, 3, 1))
    assert (entry.cell_id, entry.effective_on, entry.member_count) == (cid, date(2026, 3, 1), 22)
    assert CELLS.get(ctx, cid).member_count == 25          # 24/11 is still the latest
    membership.set_member_count(ctx, cid, 23, date(2026, 3, 1))      # the same date again
    assert steps(ctx, cid) == [(date(2026, 3, 1), 23), (TODAY, 25)]
    membership.remove_member_count(ctx, membership.history(ctx, cid)[-1].id)
    assert steps(ctx, cid) == [(date(2026, 3, 1), 23)]
    assert CELLS.get(ctx, cid).member_count == 23          # follows the latest left
    membership.set_member_count(ctx, cid, 26)                        # default: today, revived
    assert steps(ctx, cid) == [(date(2026, 3, 1), 23), (TODAY, 26)]
    assert CELLS.get(ctx, cid).member_count == 26


def test_a_cell_without_steps_keeps_its_old_count_from_the_day_it_was_entered(ctx):
    """A cell imported from a file has a count but no step; its first change keeps
    the old count from the day the cell was entered."""
    with ctx.transaction() as session:
        row = t.CellRow(name="Chi bộ Công an", member_count=18, active=True)
        session.add(row)
        session.flush()
        cid = row.id
        session.execute(update(t.CellRow).where(t.CellRow.id == cid)
                        .values(created_at=datetime(2026, 2, 10, 8, 30)))
    CELLS.update(ctx, cid, Cell(name="Chi bộ Công an", member_count=20))
    assert steps(ctx, cid) == [(date(2026, 2, 10), 18), (TODAY, 20)]


def test_wrong_steps_are_refused_in_vietnamese(ctx):
    cid = CELLS.create(ctx, Cell(name="Chi bộ Quân sự", member_count=9)).id
    with pytest.raises(ValidationFailed, match="Số đảng viên: không được là số âm."):
        membership.set_member_count(ctx, cid, -1, date(2026, 5, 1))
    with pytest.raises(ValidationFailed, match="Ngày áp dụng: ngày 25/11/2026 còn ở tương lai."):
        membership.set_member_count(ctx, cid, 9, date(2026, 11, 25))
    assert not membership.check_member_count(ctx, cid, None, date(2026, 5, 1)).ok
    assert steps(ctx, cid) == [(TODAY, 9)]
    CELLS.delete(ctx, cid)
    with pytest.raises(NotFound, match="Không tìm thấy chi bộ"):
        membership.set_member_count(ctx, cid, 9, date(2026, 5, 1))
    with pytest.raises(NotFound):
        membership.remove_member_count(ctx, 999)


def test_one_row_per_cell_and_date_in_the_database(ctx):
    cid = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 3", member_count=30)).id
    with pytest.raises(Exception, match="UNIQUE"):
        with ctx.transaction() as session:
            session.add(t.CellMemberCountRow(cell_id=cid, effective_on=TODAY, member_count=31))
    with ctx.reading() as session:
        assert session.scalars(select(t.CellMemberCountRow.member_count)).all() == [30]
