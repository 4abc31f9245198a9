"""The two tables of the "Tiến độ học tập" page: one row per document, one row per
Party cell of the document chosen (plain-row models, ui/common/kit.py, sortable by
each column's value), and the words under the cells' table."""

from __future__ import annotations

from dataclasses import dataclass

from tgdesk import vnformat as vf
from tgdesk.domain.coverage import CellCoverage, CoverageState, DocumentCoverage, DocumentState

from tgdesk.ui.common.kit import AMBER, GREEN, RED, Column

__all__ = ["Shown", "DOCUMENT_COLUMNS", "CELL_COLUMNS", "TITLE_COLUMN", "SESSIONS_COLUMN",
           "NAME_WIDTH", "document_caption", "ward_note", "NO_COUNT_NOTE"]

NO_COUNT_NOTE = ("* Chi bộ chưa có số đảng viên: tạm lấy số đảng viên được triệu tập nhiều "
                 "nhất trong các buổi học.")

DOCUMENT_COLOURS = {DocumentState.DA_XONG: GREEN, DocumentState.QUA_HAN: RED}
CELL_COLOURS = {CoverageState.DA_TO_CHUC: GREEN, CoverageState.TRE_HAN: AMBER,
                CoverageState.QUA_HAN: RED}


@dataclass(frozen=True)
class Shown:
    """A document's coverage and its name as the report cites it."""

    coverage: DocumentCoverage
    name: str

    @property
    def id(self) -> int:
        return self.coverage.document.id


def _rate(x: float | None) -> str:
    return vf.percent(x) if x is not None else ""


def _late(dc: DocumentCoverage) -> str:
    if not dc.cells_late:
        return ""
    return f"{vf.number(dc.cells_late)} ({vf.number(dc.days_late)} ngày)"


_STATE_ORDER = {DocumentState.QUA_HAN: 0, DocumentState.DANG_TRIEN_KHAI: 1,
                DocumentState.DA_XONG: 2}

DOCUMENT_COLUMNS = (
    Column("Văn bản", lambda s: s.name),
    Column("Tình trạng", lambda s: s.coverage.state.label,
           background=lambda s: DOCUMENT_COLOURS.get(s.coverage.state),
           sort_key=lambda s: _STATE_ORDER[s.coverage.state]),
    Column("Hạn", lambda s: vf.short_date(s.coverage.deadline)
           if s.coverage.deadline else "—", sort_key=lambda s: s.coverage.deadline),
    Column("Chi bộ",
           lambda s: f"{vf.number(s.coverage.cells_done)}/{vf.number(s.coverage.cells_total)}",
           align_right=True, sort_key=lambda s: s.coverage.cells_done),
    Column("Tỷ lệ", lambda s: _rate(s.coverage.cells_rate), align_right=True,
           sort_key=lambda s: s.coverage.cells_rate),
    Column("Đảng viên", lambda s: f"{vf.number(s.coverage.members_covered)}/"
           f"{vf.number(s.coverage.members_total)}", align_right=True,
           sort_key=lambda s: s.coverage.members_covered),
    Column("Tỷ lệ ĐV", lambda s: _rate(s.coverage.members_rate), align_right=True,
           sort_key=lambda s: s.coverage.members_rate),
    Column("Quá hạn", lambda s: _late(s.coverage), align_right=True,
           sort_key=lambda s: (s.coverage.cells_late, s.coverage.days_late or 0)),
    Column("Trích yếu", lambda s: s.coverage.document.title),
)
TITLE_COLUMN = len(DOCUMENT_COLUMNS) - 1
NAME_WIDTH = 200         # the document's name at most (a long name: the rest in its tooltip)


def _sessions(c: CellCoverage) -> str:
    days = [vf.short_date(s.held_on) for s in c.sessions]
    if len(days) > 1:
        return f"{days[0]}; học bù: {', '.join(days[1:])}"
    return days[0] if days else ""


def _members(c: CellCoverage) -> str:
    return vf.number(c.members) + ("" if c.members_known else "*")


def _cell_rate(c: CellCoverage) -> float | None:
    return c.covered / c.members if c.members else None


CELL_COLUMNS = (
    Column("Chi bộ", lambda c: c.name),
    Column("Tình trạng", lambda c: c.state.label,
           background=lambda c: CELL_COLOURS.get(c.state),
           sort_key=lambda c: list(CoverageState).index(c.state)),
    Column("Trễ (ngày)", lambda c: vf.number(c.days_late) if c.days_late else "",
           align_right=True, sort_key=lambda c: c.days_late),
    Column("Số ĐV", _members, align_right=True, sort_key=lambda c: c.members),
    Column("Dự (lượt)", lambda c: vf.number(c.present) if c.sessions else "",
           align_right=True, sort_key=lambda c: c.present if c.sessions else None),
    Column("Đã học", lambda c: vf.number(c.covered), align_right=True,
           sort_key=lambda c: c.covered),
    Column("Tỷ lệ", lambda c: _rate(_cell_rate(c)), align_right=True, sort_key=_cell_rate),
    Column("Buổi học", _sessions, sort_key=lambda c: c.first_on),
)
SESSIONS_COLUMN = len(CELL_COLUMNS) - 1


def document_caption(s: Shown) -> str:
    dc = s.coverage
    d = dc.document
    deadline = (f"hạn học tập {vf.short_date(dc.deadline)}" if dc.deadline
                else "không có hạn học tập")
    text = f"{s.name} – {d.title} ({deadline}). "
    text += f"Chi bộ đã tổ chức: {vf.number(dc.cells_done)}/{vf.number(dc.cells_total)}"
    text += f" ({_rate(dc.cells_rate)})" if dc.cells_rate is not None else ""
    text += f"; đảng viên đã học: {vf.number(dc.members_covered)}/{vf.number(dc.members_total)}"
    text += f" ({_rate(dc.members_rate)})" if dc.members_rate is not None else ""
    if dc.days_late:
        text += (f"; {vf.number(dc.cells_late)} chi bộ quá hạn {vf.number(dc.days_late)} "
                 "ngày")
    return text + "."


def ward_note(dc: DocumentCoverage) -> str:
    """The ward-wide sessions on the document, or "" when none."""
    if not dc.ward_sessions:
        return ""
    present = sum(s.present for s in dc.ward_sessions)
    days = ", ".join(vf.short_date(s.held_on) for s in dc.ward_sessions)
    return (f"Toàn Đảng bộ: {vf.number(len(dc.ward_sessions))} buổi học chung ({days}), "
            f"{vf.number(present)} lượt đảng viên dự; tính thêm {vf.number(dc.ward_covered)} "
            "đảng viên vào số đã học (không tính chi bộ nào đã tổ chức).")
