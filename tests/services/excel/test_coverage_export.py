"""Study coverage to Excel (services/excel/coverage_export.py): on the demo ward, every
cell of both sheets equals services.coverage's figures; dates are dates, rates numbers
formatted as percentages; ``tgdesk coverage --xlsx`` writes the same workbook."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from openpyxl import load_workbook

from tgdesk import cli
from tgdesk.services import coverage
from tgdesk.services.excel import coverage_export as xc
from demo_db import open_copy

TODAY = date(2026, 11, 24)


@pytest.fixture
def demo(demo_template, tmp_path):
    ctx = open_copy(demo_template(years=2, seed=1), tmp_path)
    yield ctx
    ctx.close()


def _day(value) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _rows(ws) -> list[list]:
    return [[_day(v) for v in row]
            for row in ws.iter_rows(min_row=xc.HEADER_ROW + 1, values_only=True)]


def test_both_sheets_hold_the_services_figures(demo, tmp_path):
    path = tmp_path / "tien_do.xlsx"
    assert xc.export_coverage(demo, path) == len(found := coverage.coverage(demo))
    assert len(found) >= 5
    wb = load_workbook(path)
    assert wb.sheetnames == [xc.DOCUMENT_SHEET, xc.CELL_SHEET]
    docs, cells = wb[xc.DOCUMENT_SHEET], wb[xc.CELL_SHEET]
    for ws, columns in ((docs, xc.DOCUMENT_COLUMNS), (cells, xc.CELL_COLUMNS)):
        assert [c.value for c in ws[xc.HEADER_ROW]] == [c[0] for c in columns]
        assert all(c.font.b for c in ws[xc.HEADER_ROW])
        assert ws.freeze_panes == f"A{xc.HEADER_ROW + 1}"
        assert ws["A2"].value == "Tính đến ngày 24/11/2026."
    assert docs.column_dimensions["E"].width == 44

    rows = _rows(docs)
    assert len(rows) == len(found)
    for k, (row, dc) in enumerate(zip(rows, found), start=1):
        d = dc.document
        assert row[:6] == [k, coverage.document_name(d), d.number_symbol, d.issued_on, d.title,
                           dc.deadline]
        assert row[6:12] == [dc.cells_done, dc.cells_total, pytest.approx(dc.cells_rate),
                             dc.members_covered, dc.members_total,
                             pytest.approx(dc.members_rate)]
        assert row[12:16] == [len(dc.cells_todo), dc.cells_late, dc.days_late, dc.state.label]
    late = next(i for i, dc in enumerate(found) if dc.days_late)
    assert rows[late][15] == "Quá hạn" and rows[late][16]
    first = xc.HEADER_ROW + 1
    assert docs.cell(first, 4).is_date and docs.cell(first, 4).number_format == "DD/MM/YYYY"
    assert docs.cell(first, 12).number_format == "0.0%"
    assert isinstance(docs.cell(first + late, 12).value, float)
    assert docs.cell(first + late, 12).number_format == "0.0%"

    expected = []
    for dc in found:
        for c in dc.cells:
            expected.append([dc.document.number_symbol, c.name, len(c.sessions), c.first_on,
                             c.present if c.sessions else None, c.members, c.covered,
                             c.state.label, c.days_late])
        if dc.ward_sessions:
            expected.append([dc.document.number_symbol, xc.WARD_ROW, len(dc.ward_sessions),
                             dc.ward_sessions[0].held_on,
                             sum(s.present for s in dc.ward_sessions), None, dc.ward_covered,
                             "Buổi học chung", None])
    got = [[r[1], r[3], r[4], r[5], r[8], r[9], r[10], r[12], r[13]] for r in _rows(cells)]
    assert got == expected
    assert any(r[1] == xc.WARD_ROW for r in got)          # the demo has ward-wide sessions
    made_up = next(r for r in _rows(cells) if r[7])
    assert "," in made_up[6]                                # every day of a cell with học bù


def test_counted_to_a_day_and_from_a_day(demo, tmp_path):
    path = xc.write_coverage(coverage.coverage(demo, None, date(2026, 3, 31), date(2026, 1, 1)),
                             tmp_path / "q1.xlsx", date(2026, 3, 31), date(2026, 1, 1))
    ws = load_workbook(path)[xc.DOCUMENT_SHEET]
    assert ws["A2"].value == ("Tính đến ngày 31/03/2026; chỉ tính các buổi học từ ngày "
                              "01/01/2026.")
    figures = [(r[2], r[6], r[9]) for r in _rows(ws)]
    assert figures == [(dc.document.number_symbol, dc.cells_done, dc.members_covered)
                       for dc in coverage.coverage(demo, None, date(2026, 3, 31),
                                                   date(2026, 1, 1))]
    assert figures != [(dc.document.number_symbol, dc.cells_done, dc.members_covered)
                       for dc in coverage.coverage(demo)]


def test_the_command_line_writes_the_same_workbook(demo, tmp_path, capsys):
    ours = tmp_path / "service.xlsx"
    xc.export_coverage(demo, ours)
    theirs = tmp_path / "cli.xlsx"
    args = cli.build_parser().parse_args(["coverage", "--xlsx", str(theirs)])
    assert cli.run(demo, args) == 0
    assert "Đã ghi tiến độ học tập của" in capsys.readouterr().out
    a, b = load_workbook(ours), load_workbook(theirs)
    assert a.sheetnames == b.sheetnames
    for name in a.sheetnames:
        assert list(a[name].values) == list(b[name].values)

    one = tmp_path / "one.xlsx"
    args = cli.build_parser().parse_args(["coverage", "--document", "57-NQ/TW", "--to",
                                          "2025-12-31", "--xlsx", str(one)])
    assert cli.run(demo, args) == 0
    rows = _rows(load_workbook(one)[xc.DOCUMENT_SHEET])
    assert [r[2] for r in rows] == ["57-NQ/TW"]
    assert load_workbook(one)[xc.DOCUMENT_SHEET]["A2"].value == "Tính đến ngày 31/12/2025."
