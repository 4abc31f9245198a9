"""The coverage rule (domain/coverage.py), on hand-made inputs."""

from __future__ import annotations

from datetime import date

from tgdesk.domain.coverage import (Attended, CoverageState, MemberStep, cover_cell,
                                    cover_document, members_on)
from tgdesk.domain.records import Cell, PartyDocument

D = date
HISTORY = [MemberStep(D(2026, 1, 1), 30), MemberStep(D(2026, 6, 15), 32),
           MemberStep(D(2026, 9, 1), 29)]


def doc(deadline=None) -> PartyDocument:
    return PartyDocument(kind="nghi_quyet", number_symbol="57-NQ/TW", issued_on=D(2026, 5, 1),
                         issuer="Bộ Chính trị", title="Về khoa học, công nghệ",
                         study_deadline=deadline, id=1)


def test_members_on_takes_the_last_step_on_or_before_the_day():
    assert members_on(HISTORY, 29, D(2026, 6, 14)) == 30
    assert members_on(HISTORY, 29, D(2026, 6, 15)) == 32     # the step's own day counts
    assert members_on(HISTORY, 29, D(2026, 12, 31)) == 29


def test_members_before_the_first_step_are_the_first_step_and_without_history_the_cell():
    assert members_on(HISTORY, 29, D(2020, 1, 1)) == 30
    assert members_on([], 41, D(2020, 1, 1)) == 41
    assert members_on([], None, D(2020, 1, 1)) is None


def test_a_make_up_session_adds_its_people_up_to_the_members_of_the_last_session_day():
    cell = Cell(name="Chi bộ Khu phố 2", member_count=29, id=7)
    sessions = [Attended(2, D(2026, 7, 20), 7, 4, 5),      # học bù, given out of order
                Attended(1, D(2026, 6, 10), 7, 27, 30)]
    c = cover_cell(cell, HISTORY, sessions, None, D(2026, 11, 24))
    assert [s.study_id for s in c.sessions] == [1, 2]
    assert c.first_on == D(2026, 6, 10) and c.make_up_sessions == 1
    assert c.reference_on == D(2026, 7, 20) and c.members == 32       # the step of 15/06
    assert c.present == 31 and c.covered == 31
    assert c.state is CoverageState.DA_TO_CHUC and c.days_late is None

    more = sessions + [Attended(3, D(2026, 9, 5), 7, 5, 5)]          # by then 29 members
    c = cover_cell(cell, HISTORY, more, None, D(2026, 11, 24))
    assert (c.present, c.members, c.covered) == (36, 29, 29)          # never above its members


def test_states_and_days_late():
    cell = Cell(name="Chi bộ Quân sự", member_count=9, id=3)
    deadline = D(2026, 8, 31)
    todo = cover_cell(cell, [], [], deadline, D(2026, 9, 10))
    assert todo.state is CoverageState.QUA_HAN and todo.days_late == 10
    assert todo.reference_on == deadline and todo.members == 9 and todo.covered == 0
    waiting = cover_cell(cell, [], [], deadline, D(2026, 8, 31))     # the deadline day itself
    assert waiting.state is CoverageState.CHUA_TO_CHUC and waiting.days_late is None
    late = cover_cell(cell, [], [Attended(1, D(2026, 9, 3), 3, 8, 9)], deadline, D(2026, 9, 10))
    assert late.state is CoverageState.TRE_HAN and late.days_late == 3
    on_time = cover_cell(cell, [], [Attended(1, D(2026, 8, 31), 3, 8, 9)], deadline,
                         D(2026, 9, 10))
    assert on_time.state is CoverageState.DA_TO_CHUC and on_time.days_late is None


def test_a_cell_without_a_member_count_counts_the_most_called():
    cell = Cell(name="Chi bộ mới", id=4)
    c = cover_cell(cell, [], [Attended(1, D(2026, 7, 1), 4, 12, 14),
                              Attended(2, D(2026, 7, 9), 4, 2, 2)], None, D(2026, 8, 1))
    assert not c.members_known and c.members == 14 and c.covered == 14
    nothing = cover_cell(cell, [], [], None, D(2026, 8, 1))
    assert not nothing.members_known and nothing.members == 0


def test_ward_sessions_count_members_up_to_the_total_but_mark_no_cell():
    cells = [Cell(name="A", member_count=20, id=1), Cell(name="B", member_count=10, id=2)]
    sessions = [Attended(1, D(2026, 6, 1), None, 25, 40),
                Attended(2, D(2026, 6, 8), 1, 18, 20)]
    dc = cover_document(doc(), cells, {}, sessions, D(2026, 6, 30))
    assert dc.cells_done == 1 and [c.name for c in dc.cells_todo] == ["B"]
    assert dc.members_total == 30
    assert dc.members_covered == 30 and dc.ward_covered == 12        # 18 + 25, capped at 30
    assert dc.cells_rate == 0.5 and dc.members_rate == 1.0 and dc.studied


def test_document_totals_and_lateness():
    cells = [Cell(name="A", member_count=20, id=1), Cell(name="B", member_count=10, id=2),
             Cell(name="C", member_count=5, id=3)]
    sessions = [Attended(1, D(2026, 6, 8), 1, 18, 20), Attended(9, D(2026, 6, 9), 99, 9, 9)]
    dc = cover_document(doc(D(2026, 6, 30)), cells, {}, sessions, D(2026, 7, 10))
    assert dc.cells_total == 3 and dc.cells_done == 1 and dc.cells_late == 2
    assert dc.days_late == 10 and dc.deadline_passed
    assert dc.members_total == 35 and dc.members_covered == 18 and dc.ward_covered == 0
    empty = cover_document(doc(), [], {}, [], D(2026, 7, 10))
    assert empty.cells_rate is None and empty.members_rate is None and not empty.studied
    assert empty.days_late is None
