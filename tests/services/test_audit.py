"""The audit log (issue 12, item 3): every write through the services is an
entry in the same transaction, with the values before and after; work the hook
does not see is noted; a record's history; filters; the chain checks."""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
from datetime import date

import pytest

from tgdesk.domain.records import (Area, Cell, FollowUpChange, Meeting, OpinionCategory,
                                   OpinionNote, PartyDocument, StudySession)
from tgdesk.services import audit, followups
from tgdesk.services.errors import ValidationFailed
from tgdesk.services.kinds import (AREAS, CATEGORIES, CELLS, DOCUMENTS, MEETINGS, OPINIONS,
                                   STUDIES)


def log(ctx, **kw):
    return list(reversed(audit.entries(ctx, audit.AuditFilter(**kw))))


def test_create_edit_delete_restore_each_leave_one_entry(ctx):
    ctx.actor = "hoa"
    saved = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 2), title="Giao ban"))
    MEETINGS.update(ctx, saved.id, Meeting(held_on=date(2026, 11, 2), title="Giao ban tháng 11",
                                           attendance=25))
    MEETINGS.delete(ctx, saved.id)
    MEETINGS.restore(ctx, saved.id)
    found = log(ctx, kind="meeting")
    assert [e.action for e in found] == ["create", "edit", "delete", "restore"]
    assert {e.actor for e in found} == {"hoa"} and {e.record_uuid for e in found} == {saved.uuid}
    create, edit, delete, _ = (audit.changes_of(e) for e in found)
    assert create["title"] == [None, "Giao ban"] and "created_at" not in create
    assert edit == {"title": ["Giao ban", "Giao ban tháng 11"], "attendance": [None, 25]}
    assert delete == {"deleted": [False, True]}
    assert audit.verify(ctx) == (4, [])


def test_a_refused_save_leaves_no_entry(ctx):
    with pytest.raises(ValidationFailed):
        MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 2), title=""))
    assert audit.entries(ctx) == []


def test_a_study_logs_its_documents_and_a_note_its_follow_up_steps(ctx):
    doc = DOCUMENTS.create(ctx, PartyDocument(number_symbol="35-NQ/TW", issued_on=date(2018, 10, 22),
                                              issuer="Bộ Chính trị", title="Bảo vệ nền tảng")).id
    doc2 = DOCUMENTS.create(ctx, PartyDocument(number_symbol="05-CT/TW", issued_on=date(2016, 5, 15),
                                               issuer="Bộ Chính trị", title="Chỉ thị 05")).id
    cell = CELLS.create(ctx, Cell(name="Chi bộ 1", member_count=20)).id
    study = STUDIES.create(ctx, StudySession(held_on=date(2026, 11, 5), title="Học tập",
                                             document_ids=[doc], cell_id=cell,
                                             party_members_expected=20,
                                             party_members_present=18))
    STUDIES.update(ctx, study.id, StudySession(held_on=date(2026, 11, 5), title="Học tập",
                                               document_ids=[doc, doc2], cell_id=cell,
                                               party_members_expected=20,
                                               party_members_present=18))
    create, edit = (audit.changes_of(e) for e in log(ctx, kind="study_session"))
    assert create["documents"] == [None, [doc]]
    assert edit == {"documents": [[doc], sorted([doc, doc2])]}
    cat = CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")).id
    area = AREAS.create(ctx, Area(name="Khu phố 2")).id
    note = OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 3), category_id=cat,
                                            area_id=area, summary="Ý kiến về đền bù",
                                            attitude="ban_khoan"))
    followups.change_status(ctx, note.id, FollowUpChange(status="da_bao_cao",
                                                         changed_on=date(2026, 11, 6),
                                                         passed_to="Đảng ủy"))
    history = audit.history(ctx, note.uuid)
    kinds = [(e.kind, e.action) for e in history]
    assert ("opinion_note", "create") in kinds
    assert kinds.count(("opinion_follow_up", "create")) == 2
    assert ("opinion_note", "edit") in kinds


def test_noted_work_and_filters(ctx):
    with ctx.transaction() as session:
        audit.note(session, ctx, "import", "opinion_note", {"added": 120, "file": "y_kien.xlsx"})
    MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 2), title="Hội nghị đất đai"))
    assert [e.action for e in log(ctx, action="import")] == ["import"]
    assert audit.changes_of(log(ctx, action="import")[0]) == {"added": 120,
                                                              "file": "y_kien.xlsx"}
    assert [e.kind for e in log(ctx, search="dat dai")] == ["meeting"]
    assert log(ctx, date_from=date(2030, 1, 1)) == []
    assert audit.verify(ctx)[1] == []


def test_a_hand_edit_of_the_file_is_found(ctx, db_path):
    MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 2), title="Giao ban"))
    MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 9), title="Tọa đàm"))
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE audit_entry SET actor = 'nguoi_khac' WHERE seq = 1")
    raw.commit()
    raw.close()
    count, breaks = audit.verify(ctx)
    assert count == 2 and [b.seq for b in breaks] == [1]


def test_an_excel_import_is_noted_with_its_counts(ctx, tmp_path):
    from tgdesk.services import excel

    path = tmp_path / "khu_dan_cu.xlsx"
    excel.write_template("areas", path)
    from openpyxl import load_workbook
    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = next(r for r in range(1, 10) if sheet.cell(r, 1).value)
    sheet.cell(header + 1, 1, "Khu phố 9")
    sheet.cell(header + 2, 1, "Khu phố 10")
    book.save(path)
    ctx.actor = "lan"
    preview = excel.preview_import(ctx, "areas", path)
    assert excel.commit_import(ctx, "areas", preview) == 2
    [entry] = log(ctx, action="import")
    assert entry.kind == "area" and entry.actor == "lan"
    assert audit.changes_of(entry) == {"source": "Excel", "file": "khu_dan_cu.xlsx", "rows": 2,
                                       "duplicates_kept": False}


def test_authorship_of_a_record(ctx):
    ctx.actor = "lan"
    saved = MEETINGS.create(ctx, Meeting(held_on=date(2026, 11, 2), title="Giao ban"))
    made = audit.authorship(ctx, saved.uuid)
    assert (made.created_by, made.changed_by) == ("lan", None) and made.created_at
    ctx.actor = "hoa"
    MEETINGS.delete(ctx, saved.id)
    made = audit.authorship(ctx, saved.uuid)
    assert (made.created_by, made.changed_by) == ("lan", "hoa")
    assert audit.authorship(ctx, "khong-co") is None
