"""Every ListFilter field, alone and combined with the others and the search;
sorting by each list column with a stable tie-break."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.records import (Area, Cell, Meeting, OpinionCategory, OpinionNote,
                                   PartyDocument, Person, StudySession)
from tgdesk.services import lists
from tgdesk.services.kinds import (AREAS, CATEGORIES, CELLS, DOCUMENTS, MEETINGS, OPINIONS,
                                  PEOPLE, STUDIES)


@pytest.fixture
def world(ctx):
    w = SimpleNamespace()
    w.land = CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")).id
    w.order = CATEGORIES.create(ctx, OpinionCategory(name="An ninh trật tự")).id
    w.kp1 = AREAS.create(ctx, Area(name="Khu phố 1")).id
    w.kp2 = AREAS.create(ctx, Area(name="Khu phố 2")).id

    def note(day, summary, **kw):
        kw.setdefault("category_id", w.land)
        return OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, day), summary=summary,
                                                **kw)).id
    w.road = note(2, "Đường Lê Lợi xuống cấp", area_id=w.kp1, attitude="buc_xuc",
                  concern="diem_nong", follow_up="dang_xu_ly", due_on=date(2026, 11, 20))
    w.price = note(3, "Băn khoăn giá đất bồi thường", area_id=w.kp2, attitude="ban_khoan",
                   concern="cao", follow_up="da_bao_cao", due_on=date(2026, 12, 1))
    w.market = note(5, "Chợ tạm lấn chiếm đường", category_id=w.order, area_id=w.kp1,
                    attitude="buc_xuc", concern="diem_nong", follow_up="da_giai_quyet",
                    due_on=date(2026, 11, 10))
    w.agree = note(5, "Đồng tình chủ trương chỉnh trang đô thị", attitude="dong_tinh",
                   concern="thap")
    w.salt = note(7, "Giá muối dương tính tăng", category_id=w.order, area_id=w.kp2,
                  attitude="trai_chieu", concern="trung_binh", due_on=date(2026, 11, 23))
    return w


def study(ctx, **kw):
    doc = DOCUMENTS.create(ctx, PartyDocument(kind="nghi_quyet", number_symbol="35-NQ/TW",
                                              issued_on=date(2018, 10, 22), issuer="Bộ Chính trị",
                                              title="Bảo vệ nền tảng tư tưởng")).id
    return STUDIES.create(ctx, StudySession(document_ids=[doc], **kw)).id


def ids(ctx, kind="opinions", **kw):
    return lists.record_ids(ctx, kind, ListFilter(**kw))


def test_each_opinion_filter(ctx, world):
    w = world
    assert set(ids(ctx, category_id=w.order)) == {w.market, w.salt}
    assert set(ids(ctx, area_id=w.kp1)) == {w.road, w.market}
    assert set(ids(ctx, attitude="buc_xuc")) == {w.road, w.market}
    assert set(ids(ctx, concern="diem_nong")) == {w.road, w.market}
    assert ids(ctx, follow_up="da_bao_cao") == [w.price]
    assert set(ids(ctx, follow_up="open")) == {w.road, w.price, w.agree, w.salt}
    # today is 24/11/2026: due 20/11 and 23/11 passed; 10/11 passed but resolved
    assert ids(ctx, overdue=True) == [w.salt, w.road]
    assert lists.count(ctx, "opinions", ListFilter(overdue=True)) == 2


def test_filters_combine_with_each_other_search_period_and_trash(ctx, world):
    w = world
    hot_open = dict(concern="diem_nong", follow_up="open")
    assert ids(ctx, **hot_open) == [w.road]
    assert ids(ctx, search="duong", **hot_open) == [w.road]
    assert ids(ctx, search="duong", concern="diem_nong") == [w.market, w.road]
    assert ids(ctx, search="đường", area_id=w.kp1) == [w.market, w.road]
    assert ids(ctx, search="đường", area_id=w.kp2) == []
    assert ids(ctx, search="duong", area_id=w.kp2) == [w.salt]     # "dương" without marks
    assert ids(ctx, concern="diem_nong", date_from=date(2026, 11, 4)) == [w.market]
    assert lists.count(ctx, "opinions", ListFilter(search="duong", concern="diem_nong")) == 2
    OPINIONS.delete(ctx, w.road)
    assert ids(ctx, **hot_open) == []
    assert ids(ctx, deleted=True, **hot_open) == [w.road]
    assert ids(ctx, deleted=True, overdue=True) == [w.road]
    assert ids(ctx, deleted=True, concern="thap") == []


def test_filters_of_other_kinds_are_ignored(ctx, world):
    MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 3), title="Giao ban"))
    assert len(ids(ctx, "meetings", concern="diem_nong", attitude="buc_xuc")) == 1
    assert len(ids(ctx, "opinions", meeting_type="so_ket", study_form="truc_tuyen")) == 5


def test_meeting_and_study_filters(ctx):
    a = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 3), title="Sơ kết quý",
                                     meeting_type="so_ket")).id
    MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 4), title="Giao ban"))
    assert ids(ctx, "meetings", meeting_type="so_ket") == [a]
    cell = CELLS.create(ctx, Cell(name="Chi bộ 1")).id
    s1 = study(ctx, held_on=date(2026, 11, 2), title="Học tập A",
               cell_id=cell, form="truc_tuyen")
    s2 = study(ctx, held_on=date(2026, 11, 3), title="Học tập B",
               cell_id=cell)
    study(ctx, held_on=date(2026, 11, 4), title="Học tập C",
          form="truc_tuyen")
    assert ids(ctx, "studies", cell_id=cell) == [s2, s1]
    assert ids(ctx, "studies", cell_id=cell, study_form="truc_tuyen") == [s1]
    assert ids(ctx, "studies", cell_id=cell, search="hoc tap b") == [s2]


def summaries(ctx, **kw):
    return [r["summary"] for r in lists.rows(ctx, "opinions", ids(ctx, **kw))]


def test_sort_by_every_opinion_column(ctx, world):
    w = world
    for key in lists.sort_keys("opinions"):
        for desc in (False, True):
            got = ids(ctx, sort=key, descending=desc)
            assert sorted(got) == sorted(ids(ctx)), key
    # coded values in their order: low concern first, hot spots last
    assert ids(ctx, sort="concern", descending=False)[:2] == [w.agree, w.salt]
    # hot spots tie: newest first, then id
    assert ids(ctx, sort="concern", descending=True)[:2] == [w.market, w.road]
    assert ids(ctx, sort="follow_up", descending=False)[-1] == w.market
    # text without regard to diacritics: "Băn" < "Chợ" < "Đồng" < "Đường" < "Giá"
    assert summaries(ctx, sort="summary", descending=False) == [
        "Băn khoăn giá đất bồi thường", "Chợ tạm lấn chiếm đường",
        "Đồng tình chủ trương chỉnh trang đô thị", "Đường Lê Lợi xuống cấp",
        "Giá muối dương tính tăng"]
    # catalogue names: "An ninh trật tự" before "Đất đai"
    by_cat = ids(ctx, sort="category", descending=False)
    assert set(by_cat[:2]) == {w.market, w.salt} and by_cat[:2] == [w.salt, w.market]
    # no area: last both ways
    assert ids(ctx, sort="area", descending=False)[-1] == w.agree
    assert ids(ctx, sort="area", descending=True)[-1] == w.agree
    assert ids(ctx, sort="due_on", descending=False) == [w.market, w.road, w.salt, w.price,
                                                         w.agree]
    assert ids(ctx, sort="noted_on", descending=False) == list(reversed(ids(ctx)))


def test_sort_combines_with_filters(ctx, world):
    w = world
    assert ids(ctx, concern="diem_nong", sort="area", descending=False) == [w.market, w.road]
    assert ids(ctx, search="gia", sort="summary", descending=True) == [w.salt, w.price]


def test_unknown_sort_key_falls_back_to_newest_first(ctx, world):
    assert ids(ctx, sort="no_such_column") == ids(ctx)


def test_sort_meetings_and_studies(ctx):
    m1 = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 3), title="Tọa đàm",
                                      attendance=50, meeting_type="toa_dam")).id
    m2 = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 4), title="Ân cần", attendance=5,
                                      meeting_type="so_ket")).id
    m3 = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 5), title="Bàn việc")).id
    assert ids(ctx, "meetings", sort="title", descending=False) == [m2, m3, m1]
    assert ids(ctx, "meetings", sort="attendance", descending=True) == [m1, m2, m3]
    assert ids(ctx, "meetings", sort="meeting_type", descending=False) == [m2, m3, m1]
    for key in lists.sort_keys("meetings"):
        assert sorted(ids(ctx, "meetings", sort=key)) == sorted([m1, m2, m3])
    cell = CELLS.create(ctx, Cell(name="Chi bộ Ấp Bắc")).id
    speaker = PEOPLE.create(ctx, Person(full_name="Vũ Văn An", role="bao_cao_vien")).id
    s1 = study(ctx, held_on=date(2026, 11, 2), title="Học tập A",
               cell_id=cell, speaker_id=speaker,
               party_members_expected=10,
               party_members_present=5)
    s2 = study(ctx, held_on=date(2026, 11, 3), title="Học tập B",
               speaker_name="Bùi Thị Hà", party_members_expected=4,
               party_members_present=4, core_masses=20)
    assert ids(ctx, "studies", sort="rate", descending=True) == [s2, s1]
    assert ids(ctx, "studies", sort="total", descending=False) == [s1, s2]
    assert ids(ctx, "studies", sort="speaker", descending=False) == [s2, s1]
    assert ids(ctx, "studies", sort="cell", descending=False) == [s2, s1]   # whole committee
    for key in lists.sort_keys("studies"):
        assert sorted(ids(ctx, "studies", sort=key)) == sorted([s1, s2])


@pytest.mark.parametrize("query", ['"', '"dat', "dat*", "-dat", "NEAR(dat dai)", "(", ")",
                                   "dat OR", "AND", "NOT dai", "{folded}:dat", "dat^", "'"])
def test_fts_syntax_with_filters_is_text(ctx, world, query):
    got = ids(ctx, search=query, concern="diem_nong", sort="summary")
    assert set(got) <= {world.road, world.market}
