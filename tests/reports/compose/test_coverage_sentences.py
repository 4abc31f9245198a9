"""Study coverage per document in the work report (reports/compose/coverage.py): the
sentence of each document studied in the period or due in it, counted by hand to the
report's cut-off; the appendix's table; nothing in the opinion report."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from tgdesk.domain.coverage import Attended, MemberStep, cover_document
from tgdesk.domain.figures import Figures
from tgdesk.domain.period import Period
from tgdesk.domain.records import Cell, PartyDocument, StudySession
from tgdesk.reports.compose import Inputs
from tgdesk.reports.compose.coverage import (COVERAGE_HEADER, coverage_sentence,
                                             coverage_table)
from tgdesk.reports.compose.writer import Writer
from tgdesk.reports.model import Table
from tgdesk.services import membership, reports
from tgdesk.services.kinds import CELLS, DOCUMENTS, STUDIES

D = date
NOV = Period.month(2026, 11)          # today (conftest) is 24/11/2026


@pytest.fixture
def ward(with_unit):
    """Three cells and two documents due in November 2026.

    57-NQ/TW, due 15/11/2026:
      Chi bộ Khu phố 1 (A): 30 Party members from 01/10, 33 from 12/11 (three admitted).
        05/11  28 of 30 present;  16/11  4 of 5 (học bù)
      Chi bộ Khu phố 2 (B): 20.   10/11  18 of 20;  22/11  2 of 2 (học bù)
      Chi bộ Khu phố 3 (C): 8.    no session.
    68-NQ/TW, due 30/11/2026: no session.
    35-NQ/TW, no deadline: studied by A on 06/10 only (not in November's report).
    """
    ctx = with_unit
    doc = DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol="57-NQ/TW", issued_on=D(2024, 12, 22),
        issuer="Bộ Chính trị", title="Về đột phá phát triển khoa học, công nghệ",
        study_deadline=D(2026, 11, 15))).id
    due = DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol="68-NQ/TW", issued_on=D(2025, 5, 4),
        issuer="Bộ Chính trị", title="Về phát triển kinh tế tư nhân",
        study_deadline=D(2026, 11, 30))).id
    old = DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol="35-NQ/TW", issued_on=D(2018, 10, 22),
        issuer="Bộ Chính trị", title="Về tăng cường bảo vệ nền tảng tư tưởng của Đảng")).id
    a = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1", member_count=33)).id
    membership.set_member_count(ctx, a, 30, D(2026, 10, 1))
    membership.set_member_count(ctx, a, 33, D(2026, 11, 12))
    b = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 2", member_count=20)).id
    CELLS.create(ctx, Cell(name="Chi bộ Khu phố 3", member_count=8))

    def study(day, cell, present, expected, docs=(doc,)):
        STUDIES.create(ctx, StudySession(
            held_on=day, title=f"Học tập ngày {day:%d/%m}", document_ids=list(docs),
            cell_id=cell, party_members_expected=expected, party_members_present=present))

    study(D(2026, 11, 5), a, 28, 30)
    study(D(2026, 11, 10), b, 18, 20)
    study(D(2026, 11, 16), a, 4, 5)
    study(D(2026, 11, 22), b, 2, 2)
    study(D(2026, 10, 6), a, 29, 30, docs=(old,))
    return SimpleNamespace(ctx=ctx, doc=doc, due=due, old=old)


def study_section(data) -> list[str]:
    texts = [b.text for b in data.body]
    start = texts.index("3. Học tập, quán triệt nghị quyết, chỉ thị, kết luận của Đảng")
    end = texts.index("4. Tình hình tư tưởng, dư luận xã hội")
    return texts[start + 1:end]


def test_counted_to_the_cut_off_with_the_membership_of_the_time(ward):
    """To 20/11: A 28 + 4 = 32 present, 33 members on its last session (16/11, after
    the three were admitted), covered 32; B 18 of 20 (its 22/11 session is after the
    cut-off); C none, its 8 members on the deadline, late 20/11 − 15/11 = 5 days.
    Total 33 + 20 + 8 = 61, covered 32 + 18 = 50: 81,97% → 82,0%; cells 2/3 = 66,7%."""
    data = reports.build_report(ward.ctx, "work", NOV, cutoff=D(2026, 11, 20))
    section = study_section(data)
    assert ("Tính đến ngày 20/11/2026, 2/3 chi bộ (66,7%) đã tổ chức học tập, quán triệt "
            "Nghị quyết số 57-NQ/TW; 50/61 đảng viên tham gia, đạt 82,0%; còn 01 chi bộ chưa "
            "tổ chức (Chi bộ Khu phố 3), quá hạn 05 ngày.") in section
    # due in the period, studied by none: cited in full (not in the list above)
    assert ("Tính đến ngày 20/11/2026, chưa có chi bộ nào tổ chức học tập, quán triệt Nghị "
            "quyết số 68-NQ/TW ngày 04/05/2025 của Bộ Chính trị về phát triển kinh tế tư "
            "nhân, hạn hoàn thành ngày 30/11/2026.") in section
    assert not any("35-NQ/TW" in t for t in section)        # studied in October only
    # the coverage sentences follow the list of documents studied, in citing order
    at = [k for k, t in enumerate(section) if "chi bộ" in t]
    assert at == [len(section) - 2, len(section) - 1]
    assert section[at[0] - 1].startswith("- Nghị quyết số 57-NQ/TW ngày 22/12/2024")


def test_counted_to_today_says_so_and_counts_the_make_up_session(ward):
    """To 24/11 (today, the period still running): B's make-up session counts, 18 + 2
    = 20 of 20; covered 32 + 20 = 52 of 61 = 85,2%; C late 24/11 − 15/11 = 9 days."""
    section = study_section(reports.build_report(ward.ctx, "work", NOV))
    assert ("Đến nay, 2/3 chi bộ (66,7%) đã tổ chức học tập, quán triệt Nghị quyết số "
            "57-NQ/TW; 52/61 đảng viên tham gia, đạt 85,2%; còn 01 chi bộ chưa tổ chức "
            "(Chi bộ Khu phố 3), quá hạn 09 ngày.") in section


def test_before_the_membership_changed_and_the_deadline_passed(ward):
    """To 10/11: A has its first session only, on 05/11, when it had 30 members:
    covered 28; B 18 of 20; C not late yet, its 8 members counted on 10/11. Total
    30 + 20 + 8 = 58, covered 46: 79,3%."""
    section = study_section(reports.build_report(ward.ctx, "work", NOV, cutoff=D(2026, 11, 10)))
    assert ("Tính đến ngày 10/11/2026, 2/3 chi bộ (66,7%) đã tổ chức học tập, quán triệt "
            "Nghị quyết số 57-NQ/TW; 46/58 đảng viên tham gia, đạt 79,3%; còn 01 chi bộ chưa "
            "tổ chức (Chi bộ Khu phố 3), hạn hoàn thành ngày 15/11/2026.") in section


def test_the_appendix_gains_a_table_of_coverage(ward):
    data = reports.build_report(ward.ctx, "work", NOV, cutoff=D(2026, 11, 20))
    table = data.appendix[-1]
    assert isinstance(table, Table) and table.header == COVERAGE_HEADER
    assert table.note == "(Tính đến ngày 20/11/2026)"
    assert table.rows == (
        ("1", "Nghị quyết số 57-NQ/TW", "15/11/2026", "2/3", "66,7%", "50/61", "82,0%",
         "1 (quá hạn 5 ngày)"),
        ("2", "Nghị quyết số 68-NQ/TW", "30/11/2026", "0/3", "0,0%", "0/61", "0,0%", "3"))
    assert abs(sum(table.widths) - 1) < 1e-9 and len(table.widths) == len(table.header)
    # the figures table is still the first
    assert data.appendix[0].title.startswith("PHỤ LỤC")


def test_the_opinion_report_and_a_month_without_coverage_say_nothing_of_it(ward):
    opinion = reports.build_report(ward.ctx, "opinion", NOV)
    assert not any("chi bộ (" in t for t in opinion.all_text())
    assert not any(isinstance(b, Table) and b.header == COVERAGE_HEADER
                   for b in opinion.appendix)
    september = reports.build_report(ward.ctx, "work", Period.month(2026, 9))
    assert not any("quán triệt Nghị quyết số" in t for t in study_section(september))
    assert not any(isinstance(b, Table) and b.header == COVERAGE_HEADER
                   for b in september.appendix)


def test_october_counts_the_document_studied_then_without_a_deadline(ward):
    """35-NQ/TW to 31/10: A 29 of its 30 members (since 01/10); B 20 and C 8 to do, no
    deadline so not late. 29 / 58 = 50,0%; cells 1/3 = 33,3%."""
    section = study_section(reports.build_report(ward.ctx, "work", Period.month(2026, 10)))
    assert section[-1] == (
        "Tính đến ngày 31/10/2026, 1/3 chi bộ (33,3%) đã tổ chức học tập, quán triệt Nghị "
        "quyết số 35-NQ/TW; 29/58 đảng viên tham gia, đạt 50,0%; còn 02 chi bộ chưa tổ chức "
        "(Chi bộ Khu phố 2, Chi bộ Khu phố 3).")


def test_the_figures_editor_picks_up_the_coverage_sentence(ward):
    from tgdesk.services.issuing import figure_sections

    sections = {s.key: s for s in figure_sections(ward.ctx, "work", NOV, D(2026, 11, 20))}
    study = sections["Học tập, quán triệt nghị quyết, chỉ thị, kết luận của Đảng"]
    assert "50/61 đảng viên tham gia, đạt 82,0%" in study.text.splitlines()[-2]


# --- the sentence's other shapes, from the rule's own data ----------------------------

DOC = PartyDocument(kind="nghi_quyet", number_symbol="57-NQ/TW", issued_on=D(2024, 12, 22),
                    issuer="Bộ Chính trị", title="Về đột phá phát triển khoa học, công nghệ",
                    study_deadline=D(2026, 11, 15), id=1)
CELLS_3 = [Cell(name=f"Chi bộ Khu phố {k}", member_count=n, id=k)
           for k, n in ((1, 30), (2, 20), (3, 8))]


def writer(coverage, kind="work") -> Writer:
    from tgdesk.domain.records import UnitSettings
    from tgdesk.reports.profile import load_profile

    unit = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ TP",
                        place_name="Bình Tiên", doc_abbrev="ĐU", signer_name="A")
    figs = Figures(start=NOV.start, end=NOV.end)
    return Writer(Inputs(kind=kind, period=NOV, unit=unit, current=figs, previous=figs,
                         last_year=figs, issued_on=D(2026, 11, 24), coverage=tuple(coverage)),
                  load_profile("party"))


def covered(sessions, as_of=D(2026, 11, 24), cells=CELLS_3, history=None):
    return cover_document(DOC, cells, history or {}, sessions, as_of)


def test_every_cell_done_one_after_the_deadline():
    dc = covered([Attended(1, D(2026, 11, 3), 1, 30, 30), Attended(2, D(2026, 11, 4), 2, 19, 20),
                  Attended(3, D(2026, 11, 18), 3, 8, 8)])
    assert coverage_sentence(writer([dc]), dc, cited_above=True) == (
        "Đến nay, 3/3 chi bộ (100,0%) đã tổ chức học tập, quán triệt Nghị quyết số 57-NQ/TW; "
        "57/58 đảng viên tham gia, đạt 98,3%; 01 chi bộ tổ chức sau thời hạn.")


def test_a_ward_wide_conference_only():
    dc = covered([Attended(1, D(2026, 11, 3), None, 40, 58)])
    assert coverage_sentence(writer([dc]), dc, cited_above=True) == (
        "Đến nay, Đảng ủy phường đã tổ chức học tập, quán triệt Nghị quyết số 57-NQ/TW cho "
        "đảng viên toàn Đảng bộ; 40/58 đảng viên tham gia, đạt 69,0%; các chi bộ chưa tổ "
        "chức riêng, quá hạn 09 ngày.")
    both = covered([Attended(1, D(2026, 11, 3), None, 6, 6), Attended(2, D(2026, 11, 5), 1, 30, 30),
                    Attended(3, D(2026, 11, 6), 2, 20, 20), Attended(4, D(2026, 11, 7), 3, 8, 8)])
    # the cells alone reach the total: the conference adds nothing to name
    assert coverage_sentence(writer([both]), both).endswith(
        "; 58/58 đảng viên tham gia, đạt 100,0%.")
    some = covered([Attended(1, D(2026, 11, 3), None, 6, 6),
                    Attended(2, D(2026, 11, 5), 1, 25, 30)])
    assert "31/58 đảng viên tham gia (tính cả hội nghị toàn Đảng bộ), đạt 53,4%" in \
        coverage_sentence(writer([some]), some)


def test_many_cells_to_do_are_counted_not_named():
    cells = [Cell(name=f"Chi bộ Khu phố {k}", member_count=10, id=k) for k in range(1, 8)]
    dc = covered([Attended(1, D(2026, 11, 3), 1, 10, 10)], cells=cells)
    assert coverage_sentence(writer([dc]), dc, cited_above=True) == (
        "Đến nay, 1/7 chi bộ (14,3%) đã tổ chức học tập, quán triệt Nghị quyết số 57-NQ/TW; "
        "10/70 đảng viên tham gia, đạt 14,3%; còn 06 chi bộ chưa tổ chức, quá hạn 09 ngày.")
    five = covered([Attended(1, D(2026, 11, 3), 1, 10, 10), Attended(2, D(2026, 11, 3), 2, 9, 9)],
                   cells=cells)
    assert "còn 05 chi bộ chưa tổ chức (Chi bộ Khu phố 3, Chi bộ Khu phố 4, Chi bộ Khu phố 5, " \
           "Chi bộ Khu phố 6, Chi bộ Khu phố 7), quá hạn 09 ngày." in \
           coverage_sentence(writer([five]), five)


def test_a_cell_without_a_count_leaves_the_members_out():
    cells = [*CELLS_3[:2], Cell(name="Chi bộ Quân sự", id=4)]
    dc = covered([Attended(1, D(2026, 11, 3), 1, 30, 30), Attended(2, D(2026, 11, 5), 4, 5, 7)],
                 cells=cells)
    text = coverage_sentence(writer([dc]), dc)
    assert text.startswith("Đến nay, 2/3 chi bộ (66,7%) đã tổ chức học tập, quán triệt Nghị "
                           "quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị về đột phá")
    assert "đảng viên tham gia" not in text
    assert text.endswith("; còn 01 chi bộ chưa tổ chức (Chi bộ Khu phố 2), quá hạn 09 ngày.")
    row = coverage_table(writer([dc])).rows[0]
    assert row[5:7] == ("–", "–")


def test_no_cells_no_coverage_and_the_history_is_read_at_the_session():
    assert coverage_table(writer([covered([], cells=[])])) is None
    assert coverage_table(writer([covered([])], kind="opinion")) is None
    history = {1: [MemberStep(D(2026, 1, 1), 25), MemberStep(D(2026, 11, 10), 30)]}
    dc = covered([Attended(1, D(2026, 11, 3), 1, 30, 30)], history=history)
    # 25 members on 03/11: covered 25 of 25 + 20 + 8
    assert "25/53 đảng viên tham gia, đạt 47,2%" in coverage_sentence(writer([dc]), dc)
