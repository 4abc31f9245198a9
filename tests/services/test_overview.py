"""The overview's data against hand-counted records: 12-month series, report
deadlines with the state of each report, open hot spots, overdue follow-ups."""

from datetime import date

import pytest

from tgdesk.domain.deadlines import DueRule
from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period, PeriodKind
from tgdesk.domain.records import Area, OpinionCategory, OpinionNote, PartyDocument, StudySession
from tgdesk.services import lists, overview, register
from tgdesk.services.errors import ValidationFailed
from tgdesk.services.kinds import AREAS, CATEGORIES, DOCUMENTS, OPINIONS, STUDIES
from tgdesk.services.settings_store import deadline_rules

# conftest: today is 24/11/2026, so the 12 months are 12/2025 … 11/2026.


@pytest.fixture
def cats(ctx):
    return {"land": CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")).id,
            "order": CATEGORIES.create(ctx, OpinionCategory(name="Trật tự đô thị")).id,
            "area": AREAS.create(ctx, Area(name="Khu phố 3")).id,
            "doc": DOCUMENTS.create(ctx, PartyDocument(
                kind="nghi_quyet", number_symbol="35-NQ/TW", issued_on=date(2018, 10, 22),
                issuer="Bộ Chính trị", title="Về bảo vệ nền tảng tư tưởng của Đảng")).id}


def note(ctx, cats, day, cat="land", attitude="ban_khoan", concern="trung_binh",
         follow_up="moi", due=None, summary="Người dân hỏi về đất đai"):
    rec = OpinionNote(noted_on=day, category_id=cats[cat], area_id=cats["area"],
                      summary=summary, attitude=attitude, concern=concern, due_on=due,
                      proposal="Đề nghị trả lời" if due else None, follow_up=follow_up,
                      passed_to=None if follow_up == "moi" else "UBND phường")
    return OPINIONS.create(ctx, rec).id


def study(ctx, cats, day, expected, present, others=0):
    return STUDIES.create(ctx, StudySession(
        held_on=day, title="Học tập Nghị quyết", speaker_name="Nguyễn Văn An",
        document_ids=[cats["doc"]],
        party_members_expected=expected, party_members_present=present,
        key_cadres=others)).id


def test_last_months_and_labels():
    months = overview.last_months(date(2026, 2, 10))
    assert len(months) == 12
    assert [overview.month_label(p) for p in (months[0], months[10], months[11])] == [
        "T3/2025", "T1/2026", "T2/2026"]


def test_monthly_series_hand_counted(ctx, cats):
    study(ctx, cats, date(2025, 11, 30), 10, 10)          # before the 12 months: not counted
    study(ctx, cats, date(2025, 12, 1), 20, 18, others=5)  # first month: 23 lượt, 18/20
    study(ctx, cats, date(2026, 11, 3), 10, 9)
    study(ctx, cats, date(2026, 11, 20), 30, 27, others=2)
    deleted = study(ctx, cats, date(2026, 11, 21), 50, 50)
    STUDIES.delete(ctx, deleted)
    note(ctx, cats, date(2025, 12, 31), "order", attitude="dong_tinh")
    note(ctx, cats, date(2026, 6, 1), "land", attitude="buc_xuc")
    note(ctx, cats, date(2026, 6, 15), "land", attitude="ban_khoan")
    note(ctx, cats, date(2026, 11, 24), "land", attitude="ban_khoan")
    note(ctx, cats, date(2026, 11, 2), "order", attitude="trai_chieu")
    s = overview.monthly_series(ctx)
    assert s.labels[0] == "T12/2025" and s.labels[-1] == "T11/2026"
    assert s.study_sessions == [1] + [0] * 10 + [2]
    assert s.study_participants == [23] + [0] * 10 + [38]
    assert s.party_rate[0] == pytest.approx(0.9)
    assert s.party_rate[5] is None
    assert s.party_rate[11] == pytest.approx(36 / 40)
    assert list(s.by_category) == ["Đất đai", "Trật tự đô thị"]     # most notes first
    assert s.by_category["Đất đai"] == [0] * 6 + [2] + [0] * 4 + [1]
    assert s.by_category["Trật tự đô thị"] == [1] + [0] * 10 + [1]
    assert s.category_ids["Đất đai"] == cats["land"]
    assert s.by_attitude["buc_xuc"][6] == 1 and s.by_attitude["ban_khoan"][6] == 1
    assert s.by_attitude["trai_chieu"] == [0] * 11 + [1]
    assert s.by_attitude["dong_tinh"] == [1] + [0] * 11
    assert s.opinions == [1] + [0] * 5 + [2] + [0] * 4 + [2]
    assert not s.is_empty()


def test_monthly_series_of_an_empty_database(ctx):
    s = overview.monthly_series(ctx)
    assert s.is_empty() and s.study_participants == [0] * 12 and s.by_category == {}
    assert set(s.by_attitude) == {"dong_tinh", "ban_khoan", "buc_xuc", "trai_chieu"}
    assert not overview.has_records(ctx)


def issue_report(ctx, kind, period_code, number):
    with ctx.transaction() as session:
        register.record_issue(session, kind, period_code, None, "party", {}, None, number,
                              f"{number}-BC/ĐU", date(2026, 11, 1), "{}", None, None)


def test_deadlines_with_report_states(ctx):
    # Default rules: month and quarter by day 20, half and year by day 15 of the last month.
    register.save_draft(ctx, "work", "2026-11", {"opening": "x"}, "party")
    issue_report(ctx, "opinion", "2026-12", 15)
    issue_report(ctx, "work", "2026-10", 14)           # October is issued for work only
    rows = overview.deadlines(ctx)
    got = [(r.period.code(), r.due, r.days_left, r.overdue,
            r.state("work").text, r.state("opinion").text) for r in rows]
    assert got == [
        # November's due date (20/11) passed four days ago: overdue, shown first
        ("2026-11", date(2026, 11, 20), -4, True, "Dự thảo", "Chưa lập"),
        ("2026-H2", date(2026, 12, 15), 21, False, "Chưa lập", "Chưa lập"),
        ("2026", date(2026, 12, 15), 21, False, "Chưa lập", "Chưa lập"),
        ("2026-12", date(2026, 12, 20), 26, False, "Chưa lập", "Đã ban hành số 15-BC/ĐU"),
        ("2026-Q4", date(2026, 12, 20), 26, False, "Chưa lập", "Chưa lập"),
    ]


def test_an_issued_overdue_report_leaves_the_list(ctx):
    issue_report(ctx, "work", "2026-11", 1)
    issue_report(ctx, "opinion", "2026-11", 2)
    codes = [r.period.code() for r in overview.deadlines(ctx)]
    assert "2026-11" not in codes and codes[0] == "2026-H2"


def test_deadlines_follow_saved_rules(ctx):
    overview.save_deadlines(ctx, {"month": DueRule(5, after_end=True)})
    assert deadline_rules(ctx)["month"] == DueRule(5, True)
    assert deadline_rules(ctx)["year"] == DueRule(15)              # others kept
    month_rows = [r for r in overview.deadlines(ctx) if r.period.kind is PeriodKind.MONTH]
    # November is due 05/12 now; October was due 05/11 (19 days ago) and is not issued.
    assert [(r.period.code(), r.due, r.overdue) for r in month_rows] == [
        ("2026-10", date(2026, 11, 5), True), ("2026-11", date(2026, 12, 5), False)]


def test_a_bad_rule_saves_nothing(ctx):
    with pytest.raises(ValidationFailed) as err:
        overview.save_deadlines(ctx, {"month": DueRule(0), "quarter": DueRule(25)})
    assert err.value.issues[0].field == "month"
    assert "từ 1 đến 31" in str(err.value)
    assert deadline_rules(ctx)["quarter"] == DueRule(20)
    with pytest.raises(ValidationFailed):
        overview.save_deadlines(ctx, {"year": DueRule(32)})


def test_old_overdue_reports_are_not_shown_for_ever(ctx):
    rows = overview.deadlines(ctx)
    # The year 2025 report was due 15/12/2025 (344 days ago): beyond 60 days, not shown.
    assert Period.year(2025) not in [r.period for r in rows]


def test_hot_spots_and_overdue(ctx, cats):
    hot_open = note(ctx, cats, date(2026, 10, 1), concern="diem_nong", follow_up="dang_xu_ly")
    hot_new = note(ctx, cats, date(2026, 11, 5), concern="diem_nong", attitude="buc_xuc")
    note(ctx, cats, date(2026, 9, 1), concern="diem_nong", follow_up="da_giai_quyet")
    gone = note(ctx, cats, date(2026, 11, 6), concern="diem_nong")
    OPINIONS.delete(ctx, gone)
    late1 = note(ctx, cats, date(2026, 10, 1), due=date(2026, 11, 1))
    late2 = note(ctx, cats, date(2026, 9, 1), due=date(2026, 10, 1), follow_up="da_bao_cao")
    note(ctx, cats, date(2026, 11, 1), due=date(2026, 11, 24))          # due today: not late
    note(ctx, cats, date(2026, 9, 1), due=date(2026, 10, 1), follow_up="da_giai_quyet")
    care = overview.attention(ctx, limit=5)
    assert care.hot_spots == 2
    assert [n.id for n in care.hot_spot_lines] == [hot_new, hot_open]      # newest first
    assert care.overdue == 2
    assert [n.id for n in care.overdue_lines] == [late2, late1]            # most overdue first
    line = care.overdue_lines[0]
    assert (line.area, line.category, line.due_on) == ("Khu phố 3", "Đất đai", date(2026, 10, 1))
    # The lists behind the tiles count the same notes.
    assert lists.count(ctx, "opinions", ListFilter(concern="diem_nong", follow_up="open")) == 2
    assert lists.count(ctx, "opinions", ListFilter(overdue=True)) == 2
    assert overview.attention(ctx, limit=1).hot_spot_lines[0].id == hot_new
