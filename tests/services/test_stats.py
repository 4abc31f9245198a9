"""Report figures against a small data set counted by hand."""

from __future__ import annotations

import json
from datetime import date
from types import SimpleNamespace

import pytest

from tgdesk import vnformat as vf
from tgdesk.domain.enums import ATTENDANCE_CATEGORIES
from tgdesk.domain.figures import DocumentStudied, Figures
from tgdesk.domain.period import Period
from tgdesk.domain.records import (Area, Cell, Meeting, OpinionCategory, OpinionNote,
                                   PartyDocument, Person, StudySession)
from tgdesk.services import stats
from tgdesk.services.kinds import (AREAS, CATEGORIES, CELLS, DOCUMENTS, MEETINGS, OPINIONS,
                                   PEOPLE, STUDIES)

NOVEMBER = Period.month(2026, 11)


@pytest.fixture
def data(ctx):
    """The data set; comments give what November should count."""
    area = AREAS.create(ctx, Area(name="Khu phố 3", kind="khu_pho")).id
    person = PEOPLE.create(ctx, Person(full_name="Trần Thị Bích Ngọc", role="ctv_dlxh",
                                       area_id=area)).id
    cell_a = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 3")).id
    cell_b = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 5")).id
    d1 = DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol="35-NQ/TW", issued_on=date(2018, 10, 22),
        issuer="Bộ Chính trị", title="Về tăng cường bảo vệ nền tảng tư tưởng của Đảng")).id
    d2 = DOCUMENTS.create(ctx, PartyDocument(
        kind="chi_thi", number_symbol="05-CT/TW", issued_on=date(2016, 5, 15),
        issuer="Bộ Chính trị", title="Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
                                     "phong cách Hồ Chí Minh")).id
    dat_dai = CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")).id
    moi_truong = CATEGORIES.create(ctx, OpinionCategory(name="Môi trường")).id
    an_ninh = CATEGORIES.create(ctx, OpinionCategory(name="An ninh trật tự")).id

    def meeting(day: date, kind: str, att, contrib, deleted=False):
        saved = MEETINGS.create(ctx, Meeting(held_on=day, meeting_type=kind,
                                             title=f"Hội nghị {kind} {day:%d/%m}",
                                             attendance=att, contributions=contrib))
        if deleted:
            MEETINGS.delete(ctx, saved.id)

    meeting(date(2026, 11, 3), "giao_ban", 30, 4)          # counted
    meeting(date(2026, 11, 10), "so_ket", 50, 8)           # counted
    meeting(date(2026, 11, 17), "giao_ban", 25, None)      # counted (no contributions noted)
    meeting(date(2026, 10, 20), "trien_khai", 100, 10)     # October
    meeting(date(2026, 11, 12), "trien_khai", 80, 6, deleted=True)

    def study(day: date, cell, docs, key, expected, present, non_party, core, union, refl,
              deleted=False):
        saved = STUDIES.create(ctx, StudySession(
            held_on=day, title=f"Học tập ngày {day:%d/%m}", document_ids=docs, cell_id=cell,
            key_cadres=key, party_members_expected=expected, party_members_present=present,
            non_party_officials=non_party, core_masses=core, union_members=union,
            reflections=refl))
        if deleted:
            STUDIES.delete(ctx, saved.id)

    # counted: total 5 + 116 + 3 + 20000 + 40 = 20164
    study(date(2026, 11, 5), cell_a, [d1], 5, 120, 116, 3, 20000, 40, 100)
    # counted: total 2 + 77 + 1 + 12 + 30 = 122
    study(date(2026, 11, 19), cell_b, [d1, d2], 2, 80, 77, 1, 12, 30, 60)
    # October
    study(date(2026, 10, 15), cell_a, [d2], 9, 50, 50, 4, 30, 20, 45)
    # deleted
    study(date(2026, 11, 20), cell_a, [d2], 7, 30, 30, 0, 5, 0, 25, deleted=True)

    def opinion(day: date, category, attitude, concern, follow_up, deleted=False):
        saved = OPINIONS.create(ctx, OpinionNote(
            noted_on=day, area_id=area, reporter_id=person, category_id=category,
            summary=f"Ý kiến ngày {day:%d/%m}", attitude=attitude, concern=concern,
            proposal="Đề xuất đối thoại" if concern == "diem_nong" else None,
            follow_up=follow_up, passed_to=None if follow_up == "moi" else "Ủy ban phường"))
        if deleted:
            OPINIONS.delete(ctx, saved.id)

    opinion(date(2026, 11, 2), dat_dai, "ban_khoan", "cao", "moi")
    opinion(date(2026, 11, 6), dat_dai, "buc_xuc", "diem_nong", "dang_xu_ly")
    opinion(date(2026, 11, 9), moi_truong, "dong_tinh", "thap", "da_giai_quyet")
    opinion(date(2026, 11, 16), dat_dai, "buc_xuc", "diem_nong", "da_bao_cao")
    opinion(date(2026, 11, 23), an_ninh, "ban_khoan", "trung_binh", "da_giai_quyet")
    opinion(date(2026, 11, 18), moi_truong, "trai_chieu", "diem_nong", "moi", deleted=True)
    opinion(date(2026, 10, 28), moi_truong, "dong_tinh", "thap", "moi")      # October
    return SimpleNamespace(d1=d1, d2=d2)


def test_november_figures(ctx, data):
    f = stats.figures(ctx, NOVEMBER)
    assert (f.start, f.end) == (date(2026, 11, 1), date(2026, 11, 30))
    # meetings
    assert f.meetings_total == 3
    assert f.meetings_by_type == {"giao_ban": 2, "so_ket": 1}
    assert f.meeting_attendance == 30 + 50 + 25
    assert f.meeting_contributions == 4 + 8
    # study sessions
    assert f.study_sessions == 2
    assert f.attendance == {"key_cadres": 7, "party_members_present": 193,
                            "non_party_officials": 4, "core_masses": 20012,
                            "union_members": 70}
    assert list(f.attendance) == [name for name, _ in ATTENDANCE_CATEGORIES]
    assert f.party_members_expected == 200
    assert f.party_members_present == 193
    assert f.party_rate == pytest.approx(0.965)
    assert vf.percent(f.party_rate) == "96,5%"
    assert f.reflections == 160
    assert f.study_participants == 20164 + 122
    # documents studied, in order of issue date
    assert f.documents == [
        DocumentStudied(data.d2, "chi_thi", "05-CT/TW", date(2016, 5, 15), "Bộ Chính trị",
                        "Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
                        sessions=1, participants=122),
        DocumentStudied(data.d1, "nghi_quyet", "35-NQ/TW", date(2018, 10, 22), "Bộ Chính trị",
                        "Về tăng cường bảo vệ nền tảng tư tưởng của Đảng",
                        sessions=2, participants=20164 + 122),
    ]
    # opinion notes
    assert f.opinions_total == 5
    assert list(f.opinions_by_category.items()) == [("Đất đai", 3), ("An ninh trật tự", 1),
                                                     ("Môi trường", 1)]
    assert f.opinions_by_attitude == {"ban_khoan": 2, "buc_xuc": 2, "dong_tinh": 1}
    assert f.opinions_by_concern == {"cao": 1, "diem_nong": 2, "thap": 1, "trung_binh": 1}
    assert f.hot_spots == 2
    assert f.open_follow_ups == 3


def test_october_figures(ctx, data):
    f = stats.figures(ctx, Period.month(2026, 10))
    assert f.meetings_total == 1
    assert f.meetings_by_type == {"trien_khai": 1}
    assert (f.meeting_attendance, f.meeting_contributions) == (100, 10)
    assert f.study_sessions == 1
    assert f.party_rate == 1.0
    assert [(d.number_symbol, d.sessions, d.participants) for d in f.documents] == [
        ("05-CT/TW", 1, 9 + 50 + 4 + 30 + 20)]
    assert f.opinions_total == 1
    assert f.opinions_by_category == {"Môi trường": 1}
    assert f.open_follow_ups == 1
    assert f.hot_spots == 0


def test_period_bounds_are_inclusive(ctx, data):
    f = stats.figures(ctx, Period.custom(date(2026, 11, 3), date(2026, 11, 17)))
    assert f.meetings_total == 3          # 3rd and 17th both counted
    f = stats.figures(ctx, Period.custom(date(2026, 11, 4), date(2026, 11, 16)))
    assert f.meetings_total == 1
    assert f.study_sessions == 1
    assert f.opinions_total == 3          # 6th, 9th, 16th


def test_empty_period_gives_zeros(ctx, data):
    f = stats.figures(ctx, Period.month(2026, 9))
    assert f == Figures(start=date(2026, 9, 1), end=date(2026, 9, 30),
                        attendance={name: 0 for name, _ in ATTENDANCE_CATEGORIES})
    assert f.party_rate is None
    assert f.study_participants == 0
    lines = dict(stats.figure_lines(f))
    assert lines["  Tỷ lệ đảng viên tham dự"] == "–"
    assert lines["Hội nghị, cuộc họp"] == "0"


def test_empty_database_gives_zeros(ctx):
    f = stats.figures(ctx, NOVEMBER)
    assert f.meetings_total == f.study_sessions == f.opinions_total == 0
    assert f.party_rate is None
    assert f.documents == []


def test_figure_lines_are_vietnamese_formatted(ctx, data):
    lines = stats.figure_lines(stats.figures(ctx, NOVEMBER))
    activities = stats.activity_lines(stats.figures(ctx, NOVEMBER))   # test_activity_stats
    assert lines[-len(activities):] == activities
    assert activities[0] == ("Hoạt động tuyên truyền", "0")
    assert lines[:-len(activities)] == [
        ("Hội nghị, cuộc họp", "3"),
        ("  – Giao ban", "2"),
        ("  – Sơ kết", "1"),
        ("  Lượt người dự hội nghị", "105"),
        ("  Ý kiến tham luận", "12"),
        ("Buổi học tập, quán triệt", "2"),
        ("  Lượt cán bộ chủ chốt", "7"),
        ("  Lượt đảng viên", "193"),
        ("  Lượt cán bộ, công chức không là đảng viên", "4"),
        ("  Lượt quần chúng nòng cốt", "20.012"),
        ("  Lượt đoàn viên, hội viên", "70"),
        ("  Đảng viên được triệu tập", "200"),
        ("  Tỷ lệ đảng viên tham dự", "96,5%"),
        ("  Bài thu hoạch", "160"),
        ("  Văn bản 05-CT/TW", "1 buổi, 122 lượt"),
        ("  Văn bản 35-NQ/TW", "2 buổi, 20.286 lượt"),
        ("Ý kiến dư luận xã hội", "5"),
        ("  Lĩnh vực Đất đai", "3"),
        ("  Lĩnh vực An ninh trật tự", "1"),
        ("  Lĩnh vực Môi trường", "1"),
        ("  Đồng tình", "1"),
        ("  Băn khoăn", "2"),
        ("  Bức xúc", "2"),
        ("  Trái chiều", "0"),
        ("  Mức độ thấp", "1"),
        ("  Mức độ trung bình", "1"),
        ("  Mức độ cao", "1"),
        ("  Mức độ điểm nóng", "2"),
        ("  Chưa giải quyết xong", "3"),
    ]


def test_figures_json_equals_the_figures(ctx, data):
    f = stats.figures(ctx, NOVEMBER)
    out = stats.figures_json(f)
    assert json.loads(json.dumps(out, ensure_ascii=False)) == out
    # the propaganda, online and models keys: tests/services/test_activity_stats.py
    assert out.pop("propaganda")["total"] == 0
    assert out.pop("online")["posts"] == out.pop("models")["total"] == 0
    assert out == {
        "from": "2026-11-01", "to": "2026-11-30",
        "meetings": {"total": 3, "by_type": {"giao_ban": 2, "so_ket": 1}, "attendance": 105,
                     "contributions": 12},
        "studies": {"sessions": 2,
                    "attendance": {"key_cadres": 7, "party_members_present": 193,
                                   "non_party_officials": 4, "core_masses": 20012,
                                   "union_members": 70},
                    "participants": 20286, "party_members_expected": 200,
                    "party_members_present": 193, "party_rate": 0.965, "reflections": 160,
                    "documents": [
                        {"number_symbol": "05-CT/TW", "sessions": 1, "participants": 122},
                        {"number_symbol": "35-NQ/TW", "sessions": 2, "participants": 20286}]},
        "opinions": {"total": 5,
                     "by_category": {"Đất đai": 3, "An ninh trật tự": 1, "Môi trường": 1},
                     "by_attitude": {"ban_khoan": 2, "buc_xuc": 2, "dong_tinh": 1},
                     "by_concern": {"cao": 1, "diem_nong": 2, "thap": 1, "trung_binh": 1},
                     "hot_spots": 2, "open_follow_ups": 3},
    }
    # and the same values as the Figures object itself
    assert out["meetings"]["total"] == f.meetings_total
    assert out["studies"]["attendance"] == f.attendance
    assert out["opinions"]["by_concern"] == f.opinions_by_concern
    assert out["opinions"]["hot_spots"] == f.hot_spots


def test_figures_json_of_an_empty_period_has_no_rate(ctx):
    out = stats.figures_json(stats.figures(ctx, Period.month(2026, 9)))
    assert out["studies"]["party_rate"] is None
    assert out["meetings"]["total"] == 0
    assert out["opinions"]["by_category"] == {}


def test_restoring_a_record_brings_it_back_into_the_figures(ctx, data):
    from tgdesk.services import lists
    from tgdesk.domain.filters import ListFilter

    (deleted_meeting,) = lists.record_ids(ctx, "meetings", ListFilter(deleted=True))
    MEETINGS.restore(ctx, deleted_meeting)
    f = stats.figures(ctx, NOVEMBER)
    assert f.meetings_total == 4
    assert f.meetings_by_type == {"giao_ban": 2, "so_ket": 1, "trien_khai": 1}
    assert f.meeting_attendance == 185
