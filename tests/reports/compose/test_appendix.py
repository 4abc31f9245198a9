"""The appendix table (reports/compose/appendix.py): columns by period, rows by kind, the note."""

from tgdesk import vnformat as vf
from tgdesk.domain.period import Period
from tgdesk.reports.compose import APPENDIX_ROWS, OPINION_ROWS
from tgdesk.reports.model import Table
from tgdesk.services import reports, stats

OCT = Period.month(2026, 10)


def test_month_compares_with_the_previous_month_and_last_year(filled):
    data = reports.build_report(filled, "work", OCT, number=15)
    table = data.appendix[0]
    assert isinstance(table, Table)
    assert table.title == "PHỤ LỤC\nSỐ LIỆU CÔNG TÁC TUYÊN GIÁO THÁNG 10 NĂM 2026"
    assert table.note == "(Kèm theo Báo cáo số 15-BC/ĐU ngày 24/11/2026)"
    assert [r[1] for r in table.rows] == [label for label, _, _ in APPENDIX_ROWS]
    assert [r[0] for r in table.rows] == [str(k) for k in range(1, len(APPENDIX_ROWS) + 1)]
    assert abs(sum(table.widths) - 1) < 1e-9 and len(table.widths) == len(table.header)


def test_a_year_has_no_previous_column_and_a_draft_a_blank_number(filled):
    year = Period.year(2026)
    data = reports.build_report(filled, "work", year)
    table = data.appendix[0]
    assert table.header[3:] == ("Năm 2026", "Năm 2025 (cùng kỳ)")
    # a draft cites the number as its header shows it: blank, to be filled when issued
    assert data.header.number_text == "Số     -BC/ĐU"
    assert table.note == "(Kèm theo Báo cáo số     -BC/ĐU ngày 24/11/2026)"
    f = stats.figures(filled, year)
    rate = next(r for r in table.rows if r[1] == "Tỷ lệ đảng viên tham dự")
    assert rate[2] == "%" and rate[3] == vf.percent(f.party_rate)


def test_opinion_table_lists_each_field_under_the_total(filled):
    q = Period.quarter(2026, 3)
    f = stats.figures(filled, q)
    table = reports.build_report(filled, "opinion", q).appendix[0]
    assert table.title.endswith("SỐ LIỆU DƯ LUẬN XÃ HỘI QUÝ III NĂM 2026")
    labels = [r[1] for r in table.rows]
    assert labels[0] == "Ý kiến dư luận xã hội"
    fields = [lab for lab in labels if lab.startswith("– ")]
    assert labels[1:1 + len(fields)] == fields and fields
    assert set(f.opinions_by_category) <= {lab[2:] for lab in fields}
    assert labels[1 + len(fields):] == [label for label, _, _ in OPINION_ROWS[1:]]
    for row in table.rows[1:1 + len(fields)]:
        assert row[3] == vf.number(f.opinions_by_category.get(row[1][2:], 0))


def test_the_note_cites_the_number_in_the_profile_s_form():
    from tgdesk.reports.compose.appendix import cited_number

    assert cited_number("Số 03-BC/ĐU") == "số 03-BC/ĐU"
    assert cited_number("Số: 15/BC-UBND") == "số 15/BC-UBND"          # state profile
    assert cited_number("Số:     /BC-UBND") == "số     /BC-UBND"      # its draft
