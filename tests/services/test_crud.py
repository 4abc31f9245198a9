"""Create, get, update, delete, restore for every kind, on a real SQLite file."""

from __future__ import annotations

import dataclasses
import uuid as uuid_mod
from dataclasses import dataclass
from datetime import date
from types import SimpleNamespace
from typing import Callable

import pytest
from sqlalchemy.exc import IntegrityError

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.records import (Area, Campaign, Cell, ExemplaryModel, Meeting, OnlineEntry,
                                   OpinionCategory, OpinionNote, PartyDocument, Person,
                                   PropagandaActivity, StudySession)
from tgdesk.services import lists
from tgdesk.services.errors import NotFound, ValidationFailed
from tgdesk.services.kinds import (AREAS, CAMPAIGNS, CATALOGUE_KINDS, CATEGORIES, CELLS,
                                   DOCUMENTS, MEETINGS, MODELS, ONLINE, OPINIONS, PEOPLE,
                                   PROPAGANDA, RECORD_KINDS, STUDIES)

OLD = "2020-01-01 00:00:00.000000"


@pytest.fixture
def cat(ctx):
    area = AREAS.create(ctx, Area(name="Khu phố 3", kind="khu_pho", note="Gần chợ Bình Tiên")).id
    area2 = AREAS.create(ctx, Area(name="Tổ dân phố 12", kind="to_dan_pho")).id
    cell = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 3", secretary="Lê Văn Đức",
                                  member_count=42)).id
    cell2 = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 5", member_count=30)).id
    doc1 = DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol="35-NQ/TW", issued_on=date(2018, 10, 22),
        issuer="Bộ Chính trị", title="Về tăng cường bảo vệ nền tảng tư tưởng của Đảng")).id
    doc2 = DOCUMENTS.create(ctx, PartyDocument(
        kind="chi_thi", number_symbol="05-CT/TW", issued_on=date(2016, 5, 15),
        issuer="Bộ Chính trị", title="Về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, "
                                     "phong cách Hồ Chí Minh")).id
    person = PEOPLE.create(ctx, Person(full_name="Trần Thị Bích Ngọc", role="bao_cao_vien",
                                       phone="0903 123 456", workplace="Đảng ủy phường",
                                       area_id=area)).id
    category = CATEGORIES.create(ctx, OpinionCategory(name="Đất đai",
                                                      description="Bồi thường, tái định cư")).id
    category2 = CATEGORIES.create(ctx, OpinionCategory(name="Môi trường")).id
    return SimpleNamespace(area=area, area2=area2, cell=cell, cell2=cell2, doc1=doc1, doc2=doc2,
                           person=person, category=category, category2=category2)


@dataclass
class Case:
    make: Callable          # cat -> record
    change: dict            # fields for a valid edit
    invalid: dict           # fields that make it fail validation
    error_field: str


CASES: dict[str, Case] = {
    "meetings": Case(
        lambda c: Meeting(held_on=date(2026, 11, 23), meeting_type="so_ket",
                          title="Sơ kết công tác tuyên giáo tháng 11", place="Hội trường Đảng ủy",
                          chaired_by="Đồng chí Phó Bí thư", participants="Bí thư các chi bộ",
                          attendance=45, contributions=7, contents="Đánh giá kết quả",
                          conclusions="Tiếp tục đẩy mạnh", classification="thuong"),
        {"title": "Sơ kết công tác tuyên giáo (sửa)", "attendance": 50},
        {"title": ""}, "title"),
    "studies": Case(
        lambda c: StudySession(held_on=date(2026, 11, 20), title="Học tập Nghị quyết 35-NQ/TW",
                               document_ids=[c.doc1, c.doc2], cell_id=c.cell, form="ket_hop",
                               speaker_id=c.person, place="Nhà văn hóa khu phố 3", key_cadres=5,
                               party_members_expected=40, party_members_present=38,
                               non_party_officials=3, core_masses=12, union_members=20,
                               reflections=35, note="Sinh hoạt tốt", classification="thuong"),
        {"party_members_present": 39, "document_ids": [2 + 0]},   # fixed up in the test
        {"document_ids": []}, "document_ids"),
    "opinions": Case(
        lambda c: OpinionNote(noted_on=date(2026, 11, 18), area_id=c.area, reporter_id=c.person,
                              category_id=c.category, source="to_dan_pho",
                              summary="Người dân băn khoăn về giá bồi thường đất đai",
                              attitude="ban_khoan", concern="cao", proposal="Tổ chức đối thoại",
                              follow_up="da_bao_cao", passed_to="Ủy ban nhân dân phường",
                              classification="mat"),
        {"attitude": "buc_xuc", "concern": "diem_nong"},
        {"noted_on": date(2026, 12, 1)}, "noted_on"),
    "cells": Case(
        lambda c: Cell(name="Chi bộ Khu phố 7", secretary="Phạm Văn Hùng", member_count=25,
                       note="Chi bộ mới thành lập", active=True),
        {"member_count": 27, "active": False},
        {"name": "  "}, "name"),
    "areas": Case(
        lambda c: Area(name="Khu phố 7", kind="khu_pho", note="Giáp ranh quận 6"),
        {"name": "Khu phố 7A", "kind": "khu_dan_cu"},
        {"kind": "phuong"}, "kind"),
    "documents": Case(
        lambda c: PartyDocument(kind="ket_luan", number_symbol="21-KL/TW",
                                issued_on=date(2021, 10, 25), issuer="Ban Chấp hành Trung ương",
                                title="Về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"),
        {"title": "Kết luận Hội nghị Trung ương 4 khóa XIII"},
        {"number_symbol": ""}, "number_symbol"),
    "people": Case(
        lambda c: Person(full_name="Võ Thị Thu Hà", role="ctv_dlxh", phone="0912 000 111",
                         workplace="Hội Cựu chiến binh", area_id=c.area),
        {"phone": "0912 999 888", "area_id": None},
        {"area_id": 9999}, "area_id"),
    "categories": Case(
        lambda c: OpinionCategory(name="An ninh trật tự", description="Trộm cắp, tệ nạn"),
        {"description": "Trộm cắp, tệ nạn xã hội"},
        {"name": ""}, "name"),
    "campaigns": Case(
        lambda c: Campaign(name="80 năm Cách mạng tháng Tám và Quốc khánh 2/9",
                           starts_on=date(2025, 8, 1), ends_on=date(2025, 9, 5)),
        {"note": "Theo Hướng dẫn của Ban Tuyên giáo"},
        {"ends_on": date(2025, 7, 1)}, "ends_on"),
    "propaganda": Case(
        lambda c: PropagandaActivity(held_on=date(2026, 11, 2), form="loa_dai",
                                     title="Phát thanh về Đại hội XIV", area_id=c.area,
                                     bulletins=12, minutes_on_air=90),
        {"bulletins": 14},
        {"panos": 3}, "panos"),
    "online": Case(
        lambda c: OnlineEntry(noted_on=date(2026, 11, 3), entry_kind="dang_tin",
                              channel="zalo", summary="Chia sẻ bài về chuyển đổi số",
                              member_id=c.person, posts=1, shares=25),
        {"shares": 30},
        {"member_id": 9999}, "member_id"),
    "models": Case(
        lambda c: ExemplaryModel(noted_on=date(2026, 2, 10), subject="ca_nhan",
                                 name="Bà Nguyễn Thị Lan, tổ trưởng tổ dân phố 12",
                                 cell_id=c.cell, area_id=c.area2, theme="Chuyên đề năm 2026"),
        {"assessed": True, "replicated": True},
        {"subject": "khac"}, "subject"),
}

ALL_KINDS = {**RECORD_KINDS, **CATALOGUE_KINDS}


def test_every_kind_has_a_case():
    assert set(CASES) == set(ALL_KINDS)
    assert set(ALL_KINDS.values()) == {MEETINGS, STUDIES, OPINIONS, CELLS, AREAS, DOCUMENTS,
                                       PEOPLE, CATEGORIES, CAMPAIGNS, PROPAGANDA, ONLINE, MODELS}


def table(kind) -> str:
    return kind.row.__tablename__


def count_rows(ctx, name: str) -> int:
    with ctx.engine.connect() as conn:
        return conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar()


def raw_row(ctx, kind, record_id: int) -> dict:
    with ctx.engine.connect() as conn:
        return dict(conn.exec_driver_sql(
            f"SELECT * FROM {table(kind)} WHERE id = ?", (record_id,)).mappings().one())


def all_counts(ctx) -> dict[str, int]:
    names = [table(k) for k in ALL_KINDS.values()] + ["study_document"]
    return {n: count_rows(ctx, n) for n in names}


def edit(name: str, rec, cat):
    change = dict(CASES[name].change)
    if name == "studies":
        change["document_ids"] = [cat.doc2]
    return dataclasses.replace(rec, **change)


def visible_ids(ctx, name: str, deleted: bool = False) -> list[int]:
    if name in RECORD_KINDS:
        return lists.record_ids(ctx, name, ListFilter(deleted=deleted))
    assert not deleted
    return [r["id"] for r in lists.catalogue(ctx, name)]


@pytest.mark.parametrize("name", list(CASES))
def test_create_then_get_equals_input(ctx, cat, name):
    kind = ALL_KINDS[name]
    rec = CASES[name].make(cat)
    saved = kind.create(ctx, rec)
    assert saved.id > 0
    assert saved.warnings == []
    parsed = uuid_mod.UUID(saved.uuid)
    assert str(parsed) == saved.uuid
    assert parsed.version == 4
    got = kind.get(ctx, saved.id)
    assert got == dataclasses.replace(rec, id=saved.id, uuid=saved.uuid)
    assert rec.id is None and rec.uuid is None      # the caller's record is not mutated
    assert raw_row(ctx, kind, saved.id)["deleted"] == 0


@pytest.mark.parametrize("name", list(CASES))
def test_update_keeps_uuid_and_created_at(ctx, cat, name):
    kind = ALL_KINDS[name]
    saved = kind.create(ctx, CASES[name].make(cat))
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql(f"UPDATE {table(kind)} SET created_at = ?, updated_at = ? "
                             "WHERE id = ?", (OLD, OLD, saved.id))
    before = kind.get(ctx, saved.id)
    changed = edit(name, before, cat)
    assert changed != before
    # a different uuid on the record must be ignored
    changed.uuid = str(uuid_mod.uuid4())
    again = kind.update(ctx, saved.id, changed)
    assert again.id == saved.id
    assert again.uuid == saved.uuid
    got = kind.get(ctx, saved.id)
    assert got == dataclasses.replace(changed, id=saved.id, uuid=saved.uuid)
    row = raw_row(ctx, kind, saved.id)
    assert row["uuid"] == saved.uuid
    assert row["created_at"] == OLD
    assert row["updated_at"] != OLD
    assert row["updated_at"] > OLD


@pytest.mark.parametrize("name", list(CASES))
def test_delete_is_soft_and_restore_brings_it_back(ctx, cat, name):
    kind = ALL_KINDS[name]
    saved = kind.create(ctx, CASES[name].make(cat))
    assert saved.id in visible_ids(ctx, name)
    total = count_rows(ctx, table(kind))

    kind.delete(ctx, saved.id)
    assert saved.id not in visible_ids(ctx, name)
    with pytest.raises(NotFound) as err:
        kind.get(ctx, saved.id)
    assert str(saved.id) in str(err.value)
    assert count_rows(ctx, table(kind)) == total
    assert raw_row(ctx, kind, saved.id)["deleted"] == 1
    assert kind.get(ctx, saved.id, include_deleted=True).uuid == saved.uuid
    if name in RECORD_KINDS:
        assert visible_ids(ctx, name, deleted=True) == [saved.id]
        assert lists.count(ctx, name, ListFilter(deleted=True)) == 1
        assert lists.count(ctx, name) == 0
    # a deleted record can be neither edited nor deleted again
    with pytest.raises(NotFound):
        kind.update(ctx, saved.id, CASES[name].make(cat))
    with pytest.raises(NotFound):
        kind.delete(ctx, saved.id)

    kind.restore(ctx, saved.id)
    assert saved.id in visible_ids(ctx, name)
    assert raw_row(ctx, kind, saved.id)["deleted"] == 0
    assert kind.get(ctx, saved.id).uuid == saved.uuid
    if name in RECORD_KINDS:
        assert visible_ids(ctx, name, deleted=True) == []


@pytest.mark.parametrize("name", list(CASES))
def test_missing_ids_raise_not_found(ctx, name):
    kind = ALL_KINDS[name]
    for call in (lambda: kind.get(ctx, 4242), lambda: kind.delete(ctx, 4242),
                 lambda: kind.restore(ctx, 4242)):
        with pytest.raises(NotFound):
            call()


@pytest.mark.parametrize("name", list(CASES))
def test_failed_validation_changes_nothing(ctx, cat, name):
    kind = ALL_KINDS[name]
    case = CASES[name]
    before = all_counts(ctx)
    bad = dataclasses.replace(case.make(cat), **case.invalid)
    with pytest.raises(ValidationFailed) as err:
        kind.create(ctx, bad)
    assert [i.field for i in err.value.issues] == [case.error_field]
    assert str(err.value) == err.value.issues[0].message
    assert all_counts(ctx) == before

    saved = kind.create(ctx, case.make(cat))
    row_before = raw_row(ctx, kind, saved.id)
    counts = all_counts(ctx)
    with pytest.raises(ValidationFailed):
        kind.update(ctx, saved.id, dataclasses.replace(kind.get(ctx, saved.id), **case.invalid))
    assert raw_row(ctx, kind, saved.id) == row_before
    assert all_counts(ctx) == counts


def test_check_validates_without_saving(ctx, cat):
    before = all_counts(ctx)
    verdict = MEETINGS.check(ctx, Meeting(held_on=date(2026, 11, 22), title="Giao ban"))
    assert verdict.ok
    assert [w.field for w in verdict.warnings] == ["held_on"]
    bad = MEETINGS.check(ctx, Meeting(held_on=None, title=""))
    assert {i.field for i in bad.errors} == {"held_on", "title"}
    assert all_counts(ctx) == before


def test_warnings_are_returned_but_do_not_block(ctx):
    saved = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 22), title="Hội thi tìm hiểu",
                                         meeting_type="hoi_thi"))
    assert [w.field for w in saved.warnings] == ["held_on"]
    assert MEETINGS.get(ctx, saved.id).title == "Hội thi tìm hiểu"


def test_given_uuid_is_kept_on_create(ctx):
    given = "3f2b8c1e-5d4a-4e6f-9a7b-0c1d2e3f4a5b"
    saved = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 23), title="Giao ban",
                                         uuid=given))
    assert saved.uuid == given
    assert MEETINGS.get(ctx, saved.id).uuid == given


def test_uuids_are_distinct(ctx):
    uuids = {MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 23), title=f"Họp {i}")).uuid
             for i in range(5)}
    assert len(uuids) == 5


# --- study documents --------------------------------------------------------

def study_links(ctx, study_id: int) -> list[int]:
    with ctx.engine.connect() as conn:
        return [r[0] for r in conn.exec_driver_sql(
            "SELECT document_id FROM study_document WHERE study_id = ? ORDER BY document_id",
            (study_id,))]


def test_study_documents_round_trip(ctx, cat):
    rec = CASES["studies"].make(cat)
    saved = STUDIES.create(ctx, rec)
    assert STUDIES.get(ctx, saved.id).document_ids == [cat.doc1, cat.doc2]
    assert study_links(ctx, saved.id) == [cat.doc1, cat.doc2]

    got = STUDIES.get(ctx, saved.id)
    got.document_ids = [cat.doc2]
    STUDIES.update(ctx, saved.id, got)
    assert STUDIES.get(ctx, saved.id).document_ids == [cat.doc2]
    assert study_links(ctx, saved.id) == [cat.doc2]

    got.document_ids = [cat.doc1, cat.doc2]
    STUDIES.update(ctx, saved.id, got)
    assert study_links(ctx, saved.id) == [cat.doc1, cat.doc2]


def test_documents_chosen_twice_are_refused(ctx, cat):
    rec = dataclasses.replace(CASES["studies"].make(cat), document_ids=[cat.doc1, cat.doc1])
    with pytest.raises(ValidationFailed) as err:
        STUDIES.create(ctx, rec)
    assert [i.field for i in err.value.issues] == ["document_ids"]


# --- references to the catalogues -------------------------------------------

@pytest.mark.parametrize("catalogue,attr,make,fld", [
    (DOCUMENTS, "doc1", lambda c: dataclasses.replace(CASES["studies"].make(c),
                                                       document_ids=[c.doc1]), "document_ids"),
    (CELLS, "cell", lambda c: CASES["studies"].make(c), "cell_id"),
    (PEOPLE, "person", lambda c: CASES["studies"].make(c), "speaker_id"),
    (CATEGORIES, "category", lambda c: CASES["opinions"].make(c), "category_id"),
    (AREAS, "area", lambda c: CASES["opinions"].make(c), "area_id"),
    (PEOPLE, "person", lambda c: CASES["opinions"].make(c), "reporter_id"),
    (AREAS, "area", lambda c: CASES["people"].make(c), "area_id"),
])
def test_reference_to_a_deleted_catalogue_row_is_refused(ctx, cat, catalogue, attr, make, fld):
    catalogue.delete(ctx, getattr(cat, attr))
    rec = make(cat)
    kind = {StudySession: STUDIES, OpinionNote: OPINIONS, Person: PEOPLE}[type(rec)]
    before = all_counts(ctx)
    with pytest.raises(ValidationFailed) as err:
        kind.create(ctx, rec)
    assert fld in [i.field for i in err.value.issues]
    assert "có thể đã bị xóa" in str(err.value)
    assert all_counts(ctx) == before
    # restored, the same record is accepted
    catalogue.restore(ctx, getattr(cat, attr))
    assert kind.create(ctx, rec).id > 0


# --- one transaction ---------------------------------------------------------

def test_failure_mid_transaction_rolls_everything_back(ctx, cat):
    """The study row is inserted, then linking its documents fails: nothing stays."""
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TRIGGER no_links BEFORE INSERT ON study_document "
                             "BEGIN SELECT RAISE(ABORT, 'hỏng giữa chừng'); END")
    before = all_counts(ctx)
    with pytest.raises(IntegrityError, match="hỏng giữa chừng"):
        STUDIES.create(ctx, CASES["studies"].make(cat))
    assert all_counts(ctx) == before
    assert lists.record_ids(ctx, "studies") == []

    # an edit that fails half-way leaves the old row as it was
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql("DROP TRIGGER no_links")
    saved = STUDIES.create(ctx, dataclasses.replace(CASES["studies"].make(cat),
                                                    document_ids=[cat.doc1]))
    row_before = raw_row(ctx, STUDIES, saved.id)
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql("CREATE TRIGGER no_links BEFORE INSERT ON study_document "
                             "BEGIN SELECT RAISE(ABORT, 'hỏng giữa chừng'); END")
    changed = dataclasses.replace(STUDIES.get(ctx, saved.id), title="Tên mới",
                                  document_ids=[cat.doc2])
    with pytest.raises(IntegrityError):
        STUDIES.update(ctx, saved.id, changed)
    assert raw_row(ctx, STUDIES, saved.id) == row_before
    assert study_links(ctx, saved.id) == [cat.doc1]


# --- 100% attendance again and again -----------------------------------------

def full_study(cat, day: int, cell=None, present: int = 20, expected: int = 20) -> StudySession:
    return StudySession(held_on=date(2026, 11, day), title=f"Sinh hoạt chuyên đề ngày {day}",
                        document_ids=[cat.doc1], cell_id=cat.cell if cell is None else cell,
                        party_members_expected=expected, party_members_present=present)


def streak_warnings(saved) -> list:
    return [w for w in saved.warnings if w.field == "party_members_present"]


def test_fourth_full_attendance_in_a_row_is_warned(ctx, cat):
    for day in (2, 9, 16):
        assert streak_warnings(STUDIES.create(ctx, full_study(cat, day))) == []
    fourth = STUDIES.create(ctx, full_study(cat, 23))
    warnings = streak_warnings(fourth)
    assert len(warnings) == 1
    assert "100%" in warnings[0].message
    assert "4 buổi" in warnings[0].message
    # it is only a warning: the session was saved
    assert STUDIES.get(ctx, fourth.id).party_members_present == 20


def test_full_attendance_in_another_cell_is_not_warned(ctx, cat):
    for day in (2, 9, 16):
        STUDIES.create(ctx, full_study(cat, day))
    assert streak_warnings(STUDIES.create(ctx, full_study(cat, 23, cell=cat.cell2))) == []


def test_below_full_attendance_is_not_warned(ctx, cat):
    for day in (2, 9, 16):
        STUDIES.create(ctx, full_study(cat, day))
    assert streak_warnings(STUDIES.create(ctx, full_study(cat, 23, present=19))) == []


def test_streak_broken_by_an_earlier_session_is_not_warned(ctx, cat):
    STUDIES.create(ctx, full_study(cat, 2))
    STUDIES.create(ctx, full_study(cat, 9, present=15))
    STUDIES.create(ctx, full_study(cat, 16))
    assert streak_warnings(STUDIES.create(ctx, full_study(cat, 20))) == []
    # the streak restarts: 16, 20, 23 at 100%, 24 is the fourth
    STUDIES.create(ctx, full_study(cat, 23))
    assert len(streak_warnings(STUDIES.create(ctx, full_study(cat, 24)))) == 1


def test_deleted_sessions_do_not_count_towards_the_streak(ctx, cat):
    ids = [STUDIES.create(ctx, full_study(cat, day)).id for day in (2, 9, 16)]
    STUDIES.delete(ctx, ids[0])
    assert streak_warnings(STUDIES.create(ctx, full_study(cat, 23))) == []


def test_editing_the_third_session_does_not_count_itself(ctx, cat):
    for day in (2, 9):
        STUDIES.create(ctx, full_study(cat, day))
    third = STUDIES.create(ctx, full_study(cat, 16))
    # an edit with a record built afresh (no id on it) is still that one session
    again = STUDIES.update(ctx, third.id, full_study(cat, 16))
    assert streak_warnings(again) == []
    again = STUDIES.update(ctx, third.id, STUDIES.get(ctx, third.id))
    assert streak_warnings(again) == []
