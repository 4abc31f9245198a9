"""Lists: ids newest first, date filters, rows in the order asked with names resolved."""

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


def meeting(ctx, day: int, month: int = 11, title: str | None = None) -> int:
    return MEETINGS.create(ctx, Meeting(held_on=date(2026, month, day),
                                        title=title or f"Giao ban ngày {day}/{month}")).id


@pytest.fixture
def meetings(ctx):
    """Ids by label; created out of date order, two on the same day."""
    m = SimpleNamespace()
    m.nov10 = meeting(ctx, 10)
    m.oct31 = meeting(ctx, 31, 10)
    m.nov20a = meeting(ctx, 20)
    m.nov01 = meeting(ctx, 1)
    m.nov20b = meeting(ctx, 20)
    m.nov24 = meeting(ctx, 24)
    return m


def test_ids_newest_first_then_id_desc(ctx, meetings):
    m = meetings
    assert lists.record_ids(ctx, "meetings") == [m.nov24, m.nov20b, m.nov20a, m.nov10, m.nov01,
                                                 m.oct31]
    assert m.nov20b > m.nov20a


def test_date_filters_are_inclusive(ctx, meetings):
    m = meetings
    flt = ListFilter(date_from=date(2026, 11, 1), date_to=date(2026, 11, 20))
    assert lists.record_ids(ctx, "meetings", flt) == [m.nov20b, m.nov20a, m.nov10, m.nov01]
    assert lists.count(ctx, "meetings", flt) == 4
    assert lists.record_ids(ctx, "meetings", ListFilter(date_from=date(2026, 11, 20))) == [
        m.nov24, m.nov20b, m.nov20a]
    assert lists.record_ids(ctx, "meetings", ListFilter(date_to=date(2026, 10, 31))) == [m.oct31]
    assert lists.record_ids(ctx, "meetings", ListFilter(date_from=date(2026, 11, 21),
                                                        date_to=date(2026, 11, 23))) == []
    assert lists.count(ctx, "meetings", ListFilter(date_from=date(2026, 11, 21),
                                                   date_to=date(2026, 11, 23))) == 0


def test_count_matches_ids_and_deleted_go_to_the_trash(ctx, meetings):
    m = meetings
    assert lists.count(ctx, "meetings") == 6
    MEETINGS.delete(ctx, m.nov10)
    MEETINGS.delete(ctx, m.oct31)
    assert lists.count(ctx, "meetings") == 4
    assert m.nov10 not in lists.record_ids(ctx, "meetings")
    trash = ListFilter(deleted=True)
    assert lists.record_ids(ctx, "meetings", trash) == [m.nov10, m.oct31]
    assert lists.count(ctx, "meetings", trash) == 2
    in_nov = ListFilter(date_from=date(2026, 11, 1), date_to=date(2026, 11, 30), deleted=True)
    assert lists.record_ids(ctx, "meetings", in_nov) == [m.nov10]


def test_meeting_rows_in_the_order_asked(ctx, meetings):
    m = meetings
    ids = [m.oct31, m.nov20a, m.nov01]
    rows = lists.rows(ctx, "meetings", ids)
    assert [r["id"] for r in rows] == ids
    assert rows[0]["held_on"] == date(2026, 10, 31)
    assert rows[0]["title"] == "Giao ban ngày 31/10"
    assert rows[0]["meeting_type"] == "giao_ban"
    assert rows[0]["deleted"] is False
    assert lists.rows(ctx, "meetings", []) == []
    # an id that does not exist is simply absent
    assert [r["id"] for r in lists.rows(ctx, "meetings", [9999, m.nov01])] == [m.nov01]


@pytest.fixture
def refs(ctx):
    r = SimpleNamespace()
    r.area = AREAS.create(ctx, Area(name="Khu phố 3", kind="khu_pho")).id
    r.person = PEOPLE.create(ctx, Person(full_name="Trần Thị Bích Ngọc", role="bao_cao_vien",
                                         area_id=r.area)).id
    r.cell = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 3")).id
    r.doc_a = DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol="35-NQ/TW", issued_on=date(2018, 10, 22),
        issuer="Bộ Chính trị", title="Bảo vệ nền tảng tư tưởng")).id
    r.doc_b = DOCUMENTS.create(ctx, PartyDocument(
        kind="chi_thi", number_symbol="05-CT/TW", issued_on=date(2016, 5, 15),
        issuer="Bộ Chính trị", title="Học tập và làm theo Bác")).id
    r.category = CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")).id
    return r


def test_study_rows_resolve_names(ctx, refs):
    s1 = STUDIES.create(ctx, StudySession(
        held_on=date(2026, 11, 5), title="Học tập Nghị quyết", document_ids=[refs.doc_a,
                                                                               refs.doc_b],
        cell_id=refs.cell, speaker_id=refs.person, key_cadres=3, party_members_expected=20,
        party_members_present=19, core_masses=4)).id
    s2 = STUDIES.create(ctx, StudySession(
        held_on=date(2026, 11, 12), title="Học tập toàn Đảng bộ", document_ids=[refs.doc_b],
        speaker_name="Đồng chí Bí thư", party_members_expected=80,
        party_members_present=75)).id
    assert lists.record_ids(ctx, "studies") == [s2, s1]
    rows = lists.rows(ctx, "studies", [s1, s2])
    assert [r["id"] for r in rows] == [s1, s2]
    first, second = rows
    assert first["cell"] == "Chi bộ Khu phố 3"
    assert first["speaker"] == "Trần Thị Bích Ngọc"
    assert first["documents"] == ["35-NQ/TW", "05-CT/TW"]
    assert first["party_members_present"] == 19
    assert first["core_masses"] == 4
    assert second["cell"] is None
    assert second["speaker"] == "Đồng chí Bí thư"
    assert second["documents"] == ["05-CT/TW"]
    assert lists.count(ctx, "studies") == 2


def test_opinion_rows_resolve_names(ctx, refs):
    o1 = OPINIONS.create(ctx, OpinionNote(
        noted_on=date(2026, 11, 3), area_id=refs.area, reporter_id=refs.person,
        category_id=refs.category, summary="Băn khoăn về giá bồi thường")).id
    o2 = OPINIONS.create(ctx, OpinionNote(
        noted_on=date(2026, 11, 3), category_id=refs.category,
        summary="Ý kiến không rõ người phản ánh")).id
    assert lists.record_ids(ctx, "opinions") == [o2, o1]
    rows = lists.rows(ctx, "opinions", [o1, o2])
    assert [r["id"] for r in rows] == [o1, o2]
    assert rows[0]["area"] == "Khu phố 3"
    assert rows[0]["reporter"] == "Trần Thị Bích Ngọc"
    assert rows[0]["category"] == "Đất đai"
    assert rows[0]["summary"] == "Băn khoăn về giá bồi thường"
    assert rows[1]["area"] is None
    assert rows[1]["reporter"] is None
    assert rows[1]["category"] == "Đất đai"


def test_rows_still_name_a_catalogue_entry_deleted_later(ctx, refs):
    s = STUDIES.create(ctx, StudySession(
        held_on=date(2026, 11, 5), title="Học tập", document_ids=[refs.doc_a],
        cell_id=refs.cell, party_members_expected=10, party_members_present=9)).id
    CELLS.delete(ctx, refs.cell)
    (row,) = lists.rows(ctx, "studies", [s])
    assert row["cell"] == "Chi bộ Khu phố 3"
    assert row["documents"] == ["35-NQ/TW"]


def test_catalogue_lists_live_rows_in_display_order(ctx, refs):
    docs = lists.catalogue(ctx, "documents")
    assert [d["number_symbol"] for d in docs] == ["35-NQ/TW", "05-CT/TW"]   # newest issue first
    PEOPLE.create(ctx, Person(full_name="An Văn Bình", role="tuyen_truyen_vien"))
    assert [p["full_name"] for p in lists.catalogue(ctx, "people")] == [
        "An Văn Bình", "Trần Thị Bích Ngọc"]
    inactive = CELLS.create(ctx, Cell(name="Chi bộ đã giải thể", active=False)).id
    assert [c["id"] for c in lists.catalogue(ctx, "cells")] == [refs.cell, inactive]
    assert [c["id"] for c in lists.catalogue(ctx, "cells", include_inactive=False)] == [refs.cell]
    DOCUMENTS.delete(ctx, refs.doc_a)
    assert [d["number_symbol"] for d in lists.catalogue(ctx, "documents")] == ["05-CT/TW"]


def test_command_line_list_takes_the_same_filters(ctx, db_path, refs, capsys):
    """`tgdesk list opinions --hot --status open --sort … --json` = the list filters."""
    import json

    from tgdesk.app import main
    hot = OPINIONS.create(ctx, OpinionNote(
        noted_on=date(2026, 11, 3), category_id=refs.category, summary="Tranh chấp đất đai",
        concern="diem_nong", follow_up="dang_xu_ly", due_on=date(2026, 11, 10))).id
    OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 4), category_id=refs.category,
                                     summary="Đất đai ổn định", concern="thap"))

    def listed(*args):
        assert main(["--db", str(db_path), "list", "opinions", "--json", *args]) == 0
        return [r["summary"] for r in json.loads(capsys.readouterr().out)]
    assert listed("--hot", "--status", "open") == ["Tranh chấp đất đai"]
    assert listed("--search", "dat dai", "--sort", "summary", "--asc") == [
        "Đất đai ổn định", "Tranh chấp đất đai"]
    assert listed("--overdue") == ["Tranh chấp đất đai"]
    assert listed("--concern", "thap", "--search", "tranh chap") == []
    OPINIONS.delete(ctx, hot)
    assert listed("--trash") == ["Tranh chấp đất đai"]
    assert main(["--db", str(db_path), "list", "opinions", "--sort", "khong_co"]) == 2
    assert "Không sắp xếp được" in capsys.readouterr().err
