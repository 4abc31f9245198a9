"""The demo's opinion notes (services/demo/opinions.py): a month's mix, each note's history."""

from __future__ import annotations

from sqlalchemy import select

from tgdesk.domain.period import Period
from tgdesk.services import stats
from tgdesk.store import tables as t

STEPS = ["moi", "da_bao_cao", "dang_xu_ly", "da_giai_quyet"]


def test_a_month_has_opinions_worth_reporting(demo):
    f = stats.figures(demo, Period.month(2026, 10))
    assert 10 <= f.opinions_total <= 25
    assert f.opinions_by_attitude.get("dong_tinh", 0) + f.opinions_by_attitude.get(
        "ban_khoan", 0) > f.opinions_by_attitude.get("buc_xuc", 0)


def test_each_note_has_its_follow_up_steps_up_to_its_status(demo):
    with demo.reading() as session:
        notes = {n.id: n for n in session.scalars(select(t.OpinionRow))}
        steps: dict[int, list] = {}
        for row in session.scalars(select(t.FollowUpRow).order_by(t.FollowUpRow.id)):
            steps.setdefault(row.opinion_id, []).append(row)
    assert notes and set(steps) == set(notes)
    for note_id, rows in steps.items():
        note = notes[note_id]
        assert [r.status for r in rows] == STEPS[:STEPS.index(note.follow_up) + 1]
        assert rows[0].changed_on == note.noted_on and rows[0].passed_to is None
        assert all(r.passed_to == note.passed_to for r in rows[1:])
        days = [r.changed_on for r in rows]
        assert days == sorted(days)
