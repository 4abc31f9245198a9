"""Study coverage of one document: which Party cells have studied it, when, and how
many Party members that reached, against each cell's membership at the time.

Pure: the store gathers the inputs (store/coverage.py), services/coverage.py calls
:func:`cover_document`. The rule, as an officer counts it by hand:

- **Cells.** The active Party cells. A cell has studied the document ("đã tổ chức")
  once it has held one session on it, from that session's day.
- **Make-up sessions (học bù).** Any later session of the same cell on the same
  document is a make-up session: no flag is needed. Its Party members present add to
  the cell's, so the cell's members covered are the sum of Party members present over
  all its sessions on the document, capped at the cell's membership in effect on the
  day of its last session on it: a cell counts once and never above its members.
- **Membership at a date.** The count of the cell's latest history step on or before
  that day; before its first step, the first step (the earliest figure known); a cell
  without history, its current ``member_count``. A cell with no figure at all counts
  the most Party members any of its sessions called (``expected``), else none, and is
  listed in ``cells_without_count``.
- **The total** is the sum over the cells of their membership on a reference day:
  the cell's last session on the document, else the deadline if it has passed, else
  the day the coverage is counted to (``as_of``).
- **Ward-wide sessions** (``cell_id`` None, "toàn Đảng bộ") mark no cell as done, but
  their Party members present count toward the ward's members covered, the sum capped
  at the total. The report says "…% chi bộ đã tổ chức; … đảng viên tham gia, đạt …%":
  a ward that studied a resolution in one joint conference has covered its members
  without any cell session. A member present at both the ward's conference and the
  cell's session is counted twice up to the cap: the records do not name people.
- **Late.** With a deadline that has passed, every cell still to do is late by
  ``as_of − deadline`` days; a cell whose first session came after the deadline
  studied it late by ``first session − deadline`` days.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from .enums import Labelled
from .records import Cell, PartyDocument


class CoverageState(Labelled):
    DA_TO_CHUC = ("da_to_chuc", "Đã tổ chức")
    TRE_HAN = ("tre_han", "Đã tổ chức, trễ hạn")
    CHUA_TO_CHUC = ("chua_to_chuc", "Chưa tổ chức")
    QUA_HAN = ("qua_han", "Quá hạn, chưa tổ chức")


class DocumentState(Labelled):
    """Where a document's study stands as a whole (the "Tiến độ học tập" page):
    every active cell has held a session; a cell still to do after the deadline;
    else under way (no cell yet counts as under way too)."""

    DA_XONG = ("da_xong", "Đã xong")
    DANG_TRIEN_KHAI = ("dang_trien_khai", "Đang triển khai")
    QUA_HAN = ("qua_han", "Quá hạn")


DUE_SOON_DAYS = 30      # a deadline this close counts as coming (the overview's tile)


@dataclass(slots=True)
class Attended:
    """One live session on the document: its day, its cell (None: the whole ward),
    and its Party members present and called. (Not frozen: tens of thousands are
    made on a large database, and a frozen dataclass is slow to build.)"""

    study_id: int
    held_on: date
    cell_id: int | None
    present: int
    expected: int


@dataclass(frozen=True)
class MemberStep:
    """From ``effective_on`` on, the cell has ``member_count`` Party members."""

    effective_on: date
    member_count: int


def members_on(history: Sequence[MemberStep], latest: int | None, day: date) -> int | None:
    """The cell's Party members on ``day``: the last step on or before it, else the
    first step, else ``latest`` (the cell's member_count). ``history`` in date order."""
    if not history:
        return latest
    count = history[0].member_count
    for step in history:
        if step.effective_on > day:
            break
        count = step.member_count
    return count


@dataclass
class CellCoverage:
    cell_id: int
    name: str
    sessions: list[Attended]        # its sessions on the document, oldest first
    members: int                    # membership on the reference day
    members_known: bool             # False: no figure; ``members`` is the most called
    reference_on: date
    present: int                    # Party members present over its sessions (lượt)
    covered: int                    # min(present, members)
    state: CoverageState
    days_late: int | None = None    # to do: as_of − deadline; done late: first − deadline

    @property
    def held(self) -> bool:
        return bool(self.sessions)

    @property
    def first_on(self) -> date | None:
        return self.sessions[0].held_on if self.sessions else None

    @property
    def make_up_sessions(self) -> int:
        return max(0, len(self.sessions) - 1)


@dataclass
class DocumentCoverage:
    document: PartyDocument
    as_of: date
    cells: list[CellCoverage] = field(default_factory=list)
    ward_sessions: list[Attended] = field(default_factory=list)
    members_total: int = 0
    members_covered: int = 0        # cells' covered plus the ward-wide part, ≤ total
    ward_covered: int = 0           # the part of members_covered from ward-wide sessions

    @property
    def deadline(self) -> date | None:
        return self.document.study_deadline

    @property
    def deadline_passed(self) -> bool:
        return self.deadline is not None and self.as_of > self.deadline

    @property
    def cells_total(self) -> int:
        return len(self.cells)

    @property
    def cells_done(self) -> int:
        return sum(1 for c in self.cells if c.held)

    @property
    def cells_todo(self) -> list[CellCoverage]:
        return [c for c in self.cells if not c.held]

    @property
    def cells_late(self) -> int:
        """Cells still to do after the deadline."""
        return sum(1 for c in self.cells if c.state is CoverageState.QUA_HAN)

    @property
    def days_late(self) -> int | None:
        """Days since the deadline while cells are still to do, else None."""
        if self.deadline_passed and self.cells_late:
            return (self.as_of - self.deadline).days
        return None

    @property
    def cells_without_count(self) -> int:
        return sum(1 for c in self.cells if not c.members_known)

    @property
    def cells_rate(self) -> float | None:
        return self.cells_done / self.cells_total if self.cells_total else None

    @property
    def members_rate(self) -> float | None:
        return self.members_covered / self.members_total if self.members_total else None

    @property
    def studied(self) -> bool:
        return bool(self.ward_sessions) or self.cells_done > 0

    @property
    def state(self) -> DocumentState:
        if self.cells_total and not self.cells_todo:
            return DocumentState.DA_XONG
        if self.cells_late:
            return DocumentState.QUA_HAN
        return DocumentState.DANG_TRIEN_KHAI

    def due_unfinished(self, days: int = DUE_SOON_DAYS) -> bool:
        """Not studied by every cell yet and its deadline passed or within ``days``
        of ``as_of`` (a document without a deadline, or without cells, never)."""
        return (self.deadline is not None and self.cells_total > 0 and bool(self.cells_todo)
                and (self.deadline - self.as_of).days <= days)


def _state(first: date | None, deadline: date | None, as_of: date
           ) -> tuple[CoverageState, int | None]:
    if first is not None:
        if deadline is not None and first > deadline:
            return CoverageState.TRE_HAN, (first - deadline).days
        return CoverageState.DA_TO_CHUC, None
    if deadline is not None and as_of > deadline:
        return CoverageState.QUA_HAN, (as_of - deadline).days
    return CoverageState.CHUA_TO_CHUC, None


def cover_cell(cell: Cell, history: Sequence[MemberStep], sessions: Sequence[Attended],
               deadline: date | None, as_of: date) -> CellCoverage:
    """One cell's coverage of a document from its sessions on it (any order)."""
    own = sorted(sessions, key=lambda s: (s.held_on, s.study_id))
    if own:
        reference = own[-1].held_on
    elif deadline is not None and deadline < as_of:
        reference = deadline
    else:
        reference = as_of
    members = members_on(history, cell.member_count, reference)
    known = members is not None
    if members is None:
        members = max((s.expected for s in own), default=0)
    present = sum(s.present for s in own)
    state, late = _state(own[0].held_on if own else None, deadline, as_of)
    return CellCoverage(cell.id, cell.name, own, members, known, reference, present,
                        min(present, members), state, late)


def cover_document(document: PartyDocument, cells: Sequence[Cell],
                   history: Mapping[int, Sequence[MemberStep]], sessions: Sequence[Attended],
                   as_of: date) -> DocumentCoverage:
    """The coverage of ``document`` counted to ``as_of``: ``cells`` are the active
    cells (in display order), ``history`` their membership steps by cell id in date
    order, ``sessions`` the live sessions on the document up to ``as_of``. Sessions
    of a cell not in ``cells`` (inactive, deleted) are left out."""
    by_cell: dict[int, list[Attended]] = {}
    ward: list[Attended] = []
    for s in sessions:
        if s.cell_id is None:
            ward.append(s)
        else:
            by_cell.setdefault(s.cell_id, []).append(s)
    out = DocumentCoverage(document, as_of,
                           ward_sessions=sorted(ward, key=lambda s: (s.held_on, s.study_id)))
    deadline = document.study_deadline
    for cell in cells:
        out.cells.append(cover_cell(cell, history.get(cell.id, ()), by_cell.get(cell.id, ()),
                                    deadline, as_of))
    out.members_total = sum(c.members for c in out.cells)
    cells_covered = sum(c.covered for c in out.cells)
    ward_present = sum(s.present for s in out.ward_sessions)
    out.members_covered = min(cells_covered + ward_present, out.members_total)
    out.ward_covered = max(0, out.members_covered - cells_covered)
    return out
