"""Deactivate, usage counts and merging of catalogue rows, on a real SQLite file."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest
from sqlalchemy import select

from tgdesk.domain.records import (Area, Cell, OpinionCategory, OpinionNote, PartyDocument,
                                   Person, StudySession)
from tgdesk.services import catalogue_ops as ops
from tgdesk.services import lists
from tgdesk.services.errors import NotFound, UserError
from tgdesk.services.kinds import (AREAS, CATEGORIES, CELLS, DOCUMENTS, OPINIONS, PEOPLE,
                                   STUDIES)
from tgdesk.store import tables as t


def _doc(number: str, day: date) -> PartyDocument:
    return PartyDocument(kind="nghi_quyet", number_symbol=number, issued_on=day,
                         issuer="Bộ Chính trị", title=f"Văn bản {number}")


@pytest.fixture
def w(ctx):
    """Two of everything, the second of each pair a duplicate to merge away."""
    ns = SimpleNamespace()
    ns.area, ns.area_dup = (AREAS.create(ctx, Area(name=n, kind="khu_pho")).id
                            for n in ("Khu phố 3", "KP 3"))
    ns.cell, ns.cell_dup = (CELLS.create(ctx, Cell(name=n, member_count=40)).id
                            for n in ("Chi bộ Khu phố 3", "Chi bo KP3"))
    ns.doc = DOCUMENTS.create(ctx, _doc("35-NQ/TW", date(2018, 10, 22))).id
    ns.doc_dup = DOCUMENTS.create(ctx, _doc("35 - NQ/TW", date(2018, 10, 22))).id
    ns.doc_other = DOCUMENTS.create(ctx, _doc("05-CT/TW", date(2016, 5, 15))).id
    ns.person = PEOPLE.create(ctx, Person(full_name="Trần Thị Bích Ngọc", role="bao_cao_vien",
                                          area_id=ns.area)).id
    ns.person_dup = PEOPLE.create(ctx, Person(full_name="Tran Thi Bich Ngoc",
                                              role="bao_cao_vien", area_id=ns.area_dup)).id
    ns.cat, ns.cat_dup = (CATEGORIES.create(ctx, OpinionCategory(name=n)).id
                          for n in ("Đất đai", "Dat dai"))

    def study(day: int, docs: list[int], cell: int, speaker: int) -> int:
        return STUDIES.create(ctx, StudySession(
            held_on=date(2026, 11, day), title=f"Học tập ngày {day}", document_ids=docs,
            cell_id=cell, speaker_id=speaker, party_members_expected=30,
            party_members_present=28)).id

    # s1 uses only the duplicates; s2 is linked to both documents; s3 only the keeper.
    ns.s1 = study(3, [ns.doc_dup], ns.cell_dup, ns.person_dup)
    ns.s2 = study(4, [ns.doc, ns.doc_dup, ns.doc_other], ns.cell, ns.person)
    ns.s3 = study(5, [ns.doc], ns.cell, ns.person)

    def opinion(day: int, area: int, reporter: int, cat: int) -> int:
        return OPINIONS.create(ctx, OpinionNote(
            noted_on=date(2026, 11, day), area_id=area, reporter_id=reporter, category_id=cat,
            summary=f"Ý kiến ngày {day}")).id

    ns.o1 = opinion(10, ns.area_dup, ns.person_dup, ns.cat_dup)
    ns.o2 = opinion(11, ns.area_dup, ns.person, ns.cat)
    ns.o3 = opinion(12, ns.area, ns.person_dup, ns.cat_dup)
    return ns


def _links(ctx) -> list[tuple[int, int]]:
    with ctx.reading() as s:
        return sorted(s.execute(select(t.study_document.c.study_id,
                                       t.study_document.c.document_id)).all())


# --- usage --------------------------------------------------------------------------------

def test_usage_counts_live_records(ctx, w):
    assert ops.usage(ctx, "cells", w.cell) == 2
    assert ops.usage(ctx, "cells", w.cell_dup) == 1
    assert ops.usage(ctx, "documents", w.doc) == 2
    assert ops.usage(ctx, "documents", w.doc_dup) == 2
    assert ops.usage(ctx, "documents", w.doc_other) == 1
    # area_dup: opinions o1, o2 and person_dup
    assert ops.usage_by_table(ctx, "areas", w.area_dup) == {"opinion_note": 2, "person": 1}
    assert ops.usage(ctx, "areas", w.area_dup) == 3
    # person_dup: speaker of s1, reporter of o1 and o3
    assert ops.usage_by_table(ctx, "people", w.person_dup) == {"study_session": 1,
                                                               "opinion_note": 2}
    assert ops.usage(ctx, "categories", w.cat_dup) == 2
    assert ops.usage(ctx, "categories", w.cat) == 1


def test_usage_ignores_records_in_the_trash(ctx, w):
    STUDIES.delete(ctx, w.s1)
    OPINIONS.delete(ctx, w.o1)
    assert ops.usage(ctx, "cells", w.cell_dup) == 0
    assert ops.usage(ctx, "documents", w.doc_dup) == 1
    assert ops.usage(ctx, "categories", w.cat_dup) == 1
    assert ops.still_referenced(ctx, "cells", w.cell_dup) is True


def test_unused_row_has_zero_usage(ctx):
    cell = CELLS.create(ctx, Cell(name="Chi bộ mới")).id
    assert ops.usage(ctx, "cells", cell) == 0
    assert ops.still_referenced(ctx, "cells", cell) is False


def test_unknown_kind_is_a_programming_error(ctx):
    with pytest.raises(ValueError):
        ops.usage(ctx, "meetings", 1)


# --- set_active -----------------------------------------------------------------------------

def test_set_active_keeps_name_in_existing_records(ctx, w):
    ops.set_active(ctx, "cells", w.cell, False)
    ops.set_active(ctx, "people", w.person, False)
    ops.set_active(ctx, "documents", w.doc, False)
    ops.set_active(ctx, "categories", w.cat, False)
    ops.set_active(ctx, "areas", w.area_dup, False)
    assert CELLS.get(ctx, w.cell).active is False
    offered = [r["name"] for r in lists.catalogue(ctx, "cells", include_inactive=False)]
    assert offered == ["Chi bo KP3"]
    study = lists.rows(ctx, "studies", [w.s2])[0]
    assert study["cell"] == "Chi bộ Khu phố 3"
    assert study["speaker"] == "Trần Thị Bích Ngọc"
    assert study["documents"] == ["35-NQ/TW", "35 - NQ/TW", "05-CT/TW"]
    note = lists.rows(ctx, "opinions", [w.o2])[0]
    assert (note["area"], note["reporter"], note["category"]) == ("KP 3", "Trần Thị Bích Ngọc",
                                                                  "Đất đai")
    ops.set_active(ctx, "cells", w.cell, True)
    assert CELLS.get(ctx, w.cell).active is True


def test_set_active_refuses_deleted_or_unknown(ctx, w):
    CELLS.delete(ctx, w.cell_dup)
    with pytest.raises(NotFound, match="chi bộ"):
        ops.set_active(ctx, "cells", w.cell_dup, False)
    with pytest.raises(NotFound):
        ops.set_active(ctx, "areas", 9999, True)


# --- merge ---------------------------------------------------------------------------------

def test_merge_documents_keeps_one_link_per_session(ctx, w):
    result = ops.merge(ctx, "documents", w.doc, w.doc_dup)
    assert result.repointed == {"study_document": 1}
    assert result.links_collapsed == 1
    assert _links(ctx) == sorted([(w.s1, w.doc), (w.s2, w.doc), (w.s2, w.doc_other),
                                  (w.s3, w.doc)])
    assert STUDIES.get(ctx, w.s2).document_ids == [w.doc, w.doc_other]
    assert STUDIES.get(ctx, w.s1).document_ids == [w.doc]
    assert DOCUMENTS.get(ctx, w.doc_dup, include_deleted=True) is not None
    with pytest.raises(NotFound):
        DOCUMENTS.get(ctx, w.doc_dup)
    assert ops.usage(ctx, "documents", w.doc) == 3
    assert ops.still_referenced(ctx, "documents", w.doc_dup) is False


def test_merge_cells_people_areas_categories(ctx, w):
    assert ops.merge(ctx, "cells", w.cell, w.cell_dup).repointed == {"study_session": 1}
    people = ops.merge(ctx, "people", w.person, w.person_dup)
    assert people.repointed == {"study_session": 1, "opinion_note": 2}
    assert people.total == 3
    areas = ops.merge(ctx, "areas", w.area, w.area_dup)
    # person_dup (now in the trash) still pointed at area_dup: it is repointed too.
    assert areas.repointed == {"opinion_note": 2, "person": 1}
    assert ops.merge(ctx, "categories", w.cat, w.cat_dup).repointed == {"opinion_note": 2}

    s1 = STUDIES.get(ctx, w.s1)
    assert (s1.cell_id, s1.speaker_id) == (w.cell, w.person)
    for o in (w.o1, w.o2, w.o3):
        note = OPINIONS.get(ctx, o)
        assert (note.area_id, note.reporter_id, note.category_id) == (w.area, w.person, w.cat)
    assert lists.rows(ctx, "studies", [w.s1])[0]["cell"] == "Chi bộ Khu phố 3"
    assert [r["id"] for r in lists.catalogue(ctx, "cells")] == [w.cell]
    assert ops.usage(ctx, "categories", w.cat) == 3


def test_merge_repoints_the_dropped_persons_area_too(ctx, w):
    # person_dup lives in area_dup; merging areas first moves it.
    result = ops.merge(ctx, "areas", w.area, w.area_dup)
    assert result.repointed == {"opinion_note": 2, "person": 1}
    assert PEOPLE.get(ctx, w.person_dup).area_id == w.area
    # o1, o2, o3 and both people
    assert ops.usage(ctx, "areas", w.area) == 5


def test_merge_repoints_records_in_the_trash_and_marks_them_changed(ctx, w):
    STUDIES.delete(ctx, w.s1)
    with ctx.reading() as s:
        before = s.get(t.StudyRow, w.s1).updated_at
    result = ops.merge(ctx, "cells", w.cell, w.cell_dup)
    assert result.repointed == {"study_session": 1}
    with ctx.reading() as s:
        row = s.get(t.StudyRow, w.s1)
        assert row.cell_id == w.cell and row.deleted is True
        assert row.updated_at > before
    STUDIES.restore(ctx, w.s1)
    assert lists.rows(ctx, "studies", [w.s1])[0]["cell"] == "Chi bộ Khu phố 3"


def test_merge_refusals_change_nothing(ctx, w):
    with pytest.raises(UserError, match="chính nó"):
        ops.merge(ctx, "cells", w.cell, w.cell)
    with pytest.raises(NotFound, match="9999"):
        ops.merge(ctx, "cells", w.cell, 9999)
    with pytest.raises(NotFound):
        ops.merge(ctx, "cells", 9999, w.cell_dup)
    CATEGORIES.delete(ctx, w.cat_dup)
    with pytest.raises(NotFound, match="lĩnh vực"):
        ops.merge(ctx, "categories", w.cat, w.cat_dup)
    with pytest.raises(NotFound):
        ops.merge(ctx, "categories", w.cat_dup, w.cat)
    assert STUDIES.get(ctx, w.s1).cell_id == w.cell_dup
    assert OPINIONS.get(ctx, w.o1).category_id == w.cat_dup
    assert CELLS.get(ctx, w.cell_dup).name == "Chi bo KP3"


def test_merge_into_an_inactive_row_is_allowed(ctx, w):
    ops.set_active(ctx, "categories", w.cat, False)
    ops.merge(ctx, "categories", w.cat, w.cat_dup)
    assert OPINIONS.get(ctx, w.o1).category_id == w.cat
    assert ops.usage(ctx, "categories", w.cat) == 3


# --- merge_many, delete_unused, usage_text ----------------------------------------------------

def test_merge_many_merges_every_dropped_row_in_one_go(ctx, w):
    third = CATEGORIES.create(ctx, OpinionCategory(name="Đất-đai")).id
    results = ops.merge_many(ctx, "categories", w.cat, [w.cat_dup, third])
    assert [r.drop_id for r in results] == [w.cat_dup, third]
    assert sum(r.total for r in results) == 2
    assert ops.usage(ctx, "categories", w.cat) == 3
    assert [r["name"] for r in lists.catalogue(ctx, "categories")] == ["Đất đai"]
    assert ops.merge_many(ctx, "categories", w.cat, []) == []


def test_merge_many_is_all_or_nothing(ctx, w):
    with pytest.raises(NotFound):
        ops.merge_many(ctx, "categories", w.cat, [w.cat_dup, 9999])
    assert OPINIONS.get(ctx, w.o1).category_id == w.cat_dup
    assert CATEGORIES.get(ctx, w.cat_dup).name == "Dat dai"
    with pytest.raises(UserError, match="hai lần"):
        ops.merge_many(ctx, "categories", w.cat, [w.cat_dup, w.cat_dup])
    with pytest.raises(UserError, match="chính nó"):
        ops.merge_many(ctx, "categories", w.cat, [w.cat_dup, w.cat])
    assert OPINIONS.get(ctx, w.o1).category_id == w.cat_dup


def test_delete_unused_deletes_only_rows_nothing_refers_to(ctx, w):
    spare = CELLS.create(ctx, Cell(name="Chi bộ mới")).id
    ops.delete_unused(ctx, "cells", spare)
    assert spare not in [r["id"] for r in lists.catalogue(ctx, "cells")]
    with pytest.raises(ops.InUse, match="đang được dùng trong 1 buổi học tập, 2 ý kiến dư "
                                        "luận") as exc:
        ops.delete_unused(ctx, "people", w.person_dup)
    assert exc.value.live == 3
    with pytest.raises(ops.InUse, match="2 buổi học tập"):
        ops.delete_unused(ctx, "documents", w.doc)
    assert PEOPLE.get(ctx, w.person_dup).full_name == "Tran Thi Bich Ngoc"
    # A record in the trash still refers to the row: deleting would orphan it on restore.
    STUDIES.delete(ctx, w.s1)
    with pytest.raises(ops.InUse, match="thùng rác") as exc:
        ops.delete_unused(ctx, "cells", w.cell_dup)
    assert exc.value.live == 0
    with pytest.raises(NotFound):
        ops.delete_unused(ctx, "cells", spare)


def test_usage_text_names_tables_in_vietnamese():
    assert ops.usage_text({"study_session": 1_200, "opinion_note": 0, "person": 2}) == (
        "1.200 buổi học tập, 2 người (mạng lưới)")
    assert ops.usage_text({}) == ""
