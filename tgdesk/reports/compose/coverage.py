"""Study coverage per document in the work report (the rule: domain/coverage.py): one
sentence per document in the study section, and a table after the appendix's figures.

The documents are those of ``Inputs.coverage`` (studied in the period or due in it,
counted to the report's cut-off); a ward that has not entered its Party cells has
nothing to count, and the report says nothing of coverage.

Coverage is a running total of one document counted to one day, not a count of the
period: it does not go in the figures table, whose columns compare periods; it gets
a table of its own, one row per document.
"""

from __future__ import annotations

from tgdesk import vnformat as vf
from tgdesk.domain.coverage import CoverageState, DocumentCoverage

from ..model import Block, Paragraph, Table
from .words import cite
from .writer import Writer

COVERAGE_TITLE = "TIẾN ĐỘ HỌC TẬP, QUÁN TRIỆT\nNGHỊ QUYẾT, CHỈ THỊ, KẾT LUẬN CỦA ĐẢNG"
# The cells still to do are named when they are few; more, and the sentence gives their
# number (the appendix and `tgdesk coverage --document` list them).
NAMED_AT_MOST = 5
COVERAGE_HEADER = ("TT", "Văn bản", "Hạn hoàn thành", "Chi bộ đã tổ chức", "Tỷ lệ",
                   "Đảng viên đã học", "Tỷ lệ", "Chi bộ chưa tổ chức")


def reported(w: Writer) -> list[DocumentCoverage]:
    """The documents whose coverage the report gives: a work report's, counted over at
    least one active Party cell."""
    if w.i.kind != "work":
        return []
    return [dc for dc in w.i.coverage if dc.cells_total]


def _members_known(dc: DocumentCoverage) -> bool:
    """Whether the Party members covered can be quoted: every cell has its figure (a
    cell without one would count only those called to its sessions)."""
    return dc.members_total > 0 and dc.cells_without_count == 0


def _when(w: Writer, dc: DocumentCoverage) -> str:
    """"Đến nay" when counted to the day the report is dated, else the day itself."""
    if dc.as_of >= w.i.issued_on:
        return "Đến nay"
    return f"Tính đến ngày {vf.short_date(dc.as_of)}"


def coverage_sentence(w: Writer, dc: DocumentCoverage, cited_above: bool = False) -> str:
    """"Đến nay, 10/12 chi bộ (83,3%) đã tổ chức học tập, quán triệt Nghị quyết số
    57-NQ/TW; 345/360 đảng viên tham gia, đạt 95,8%; còn 02 chi bộ chưa tổ chức (Chi
    bộ Khu phố 3, Chi bộ Khu phố 5), quá hạn 05 ngày." The document in full unless
    ``cited_above`` (the list of documents studied names it in full)."""
    name = cite(dc.document, short=cited_above)
    todo = dc.cells_todo
    if dc.cells_done:
        lead = (f"{vf.number(dc.cells_done)}/{vf.number(dc.cells_total)} chi bộ "
                f"({vf.percent(dc.cells_rate)}) đã tổ chức học tập, quán triệt {name}")
    elif dc.ward_sessions:
        lead = (f"{w.short_name} đã tổ chức học tập, quán triệt {name} cho đảng viên "
                "toàn Đảng bộ")
    else:
        lead = f"chưa có chi bộ nào tổ chức học tập, quán triệt {name}"
    parts = [f"{_when(w, dc)}, {lead}"]
    if dc.studied and _members_known(dc):
        ward = " (tính cả hội nghị toàn Đảng bộ)" if dc.ward_covered and dc.cells_done else ""
        parts.append(f"{vf.number(dc.members_covered)}/{vf.number(dc.members_total)} đảng "
                     f"viên tham gia{ward}, đạt {vf.percent(dc.members_rate)}")
    after = sum(1 for c in dc.cells if c.state is CoverageState.TRE_HAN)
    if after:
        parts.append(f"{w.n(after)} chi bộ tổ chức sau thời hạn")
    if todo:
        late = ""
        if dc.days_late:
            late = f", quá hạn {w.n(dc.days_late)} ngày"
        elif dc.deadline is not None and not dc.deadline_passed:
            late = f", hạn hoàn thành ngày {vf.short_date(dc.deadline)}"
        if dc.cells_done:
            names = (f" ({', '.join(c.name for c in todo)})" if len(todo) <= NAMED_AT_MOST
                     else "")
            parts.append(f"còn {w.n(len(todo))} chi bộ chưa tổ chức{names}{late}")
        elif dc.ward_sessions:
            parts.append(f"các chi bộ chưa tổ chức riêng{late}")
        else:                                 # the lead says no cell has: only the deadline
            parts[0] += late
    return "; ".join(parts) + "."


def coverage_paragraphs(w: Writer) -> list[Block]:
    """One paragraph per document, in the order of ``Inputs.coverage``."""
    above = {d.document_id for d in w.i.current.documents}
    return [Paragraph(coverage_sentence(w, dc, dc.document.id in above)) for dc in reported(w)]


def _todo_cell(dc: DocumentCoverage) -> str:
    todo = len(dc.cells_todo)
    if not todo:
        return "–"
    late = f" (quá hạn {vf.number(dc.days_late)} ngày)" if dc.days_late else ""
    return vf.number(todo) + late


def coverage_table(w: Writer) -> Table | None:
    """The appendix's table of coverage, one row per document; None without any."""
    found = reported(w)
    if not found:
        return None
    rows = []
    for k, dc in enumerate(found, 1):
        known = _members_known(dc)
        rows.append((str(k), cite(dc.document, short=True),
                     vf.short_date(dc.deadline) if dc.deadline else "–",
                     f"{vf.number(dc.cells_done)}/{vf.number(dc.cells_total)}",
                     vf.percent(dc.cells_rate),
                     f"{vf.number(dc.members_covered)}/{vf.number(dc.members_total)}"
                     if known else "–",
                     vf.percent(dc.members_rate) if known else "–",
                     _todo_cell(dc)))
    widths = (0.06, 0.28, 0.14, 0.09, 0.10, 0.11, 0.10, 0.12)
    return Table(COVERAGE_HEADER, tuple(rows), widths,
                 ("center", "left", "center", "center", "right", "center", "right", "center"),
                 title=COVERAGE_TITLE, note=f"(Tính đến ngày {vf.short_date(found[0].as_of)})")
