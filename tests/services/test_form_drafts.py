"""Drafts of record forms: written atomically beside the database, read back
field for field (dates, optional values, lists), removed on request; a damaged
or foreign file is ignored and removed, never an error."""

from __future__ import annotations

import json
from datetime import date, datetime

from tgdesk.domain.records import Meeting, OpinionNote, StudySession
from tgdesk.services import form_drafts as fd

AT = datetime(2026, 11, 24, 10, 42, 5)


def test_round_trip_of_every_field_type(ctx):
    note = OpinionNote(noted_on=date(2026, 11, 20), summary="Dân phản ánh đường ngập",
                       attitude="buc_xuc", category_id=3, area_id=None,
                       due_on=date(2026, 12, 1), proposal="Nạo vét cống")
    fd.write_draft(ctx, "opinionnote", None, note, now=AT)
    draft = fd.read_draft(ctx, "opinionnote", None, OpinionNote)
    assert draft.record == note and draft.saved_at == AT
    study = StudySession(held_on=date(2026, 11, 3), title="Học tập Nghị quyết",
                         document_ids=[4, 7], party_members_present=25)
    fd.write_draft(ctx, "studysession", 12, study)
    assert fd.read_draft(ctx, "studysession", 12, StudySession).record == study
    assert fd.read_draft(ctx, "studysession", None, StudySession) is None   # another form


def test_draft_sits_beside_the_database_and_is_removed(ctx):
    fd.write_draft(ctx, "meeting", None, Meeting(title="Giao ban"))
    path = fd.draft_path(ctx, "meeting", None)
    assert path.parent == ctx.db_path.parent / "drafts" and path.exists()
    assert json.loads(path.read_text(encoding="utf-8"))["fields"]["title"] == "Giao ban"
    fd.drop_draft(ctx, "meeting", None)
    assert not path.exists()
    fd.drop_draft(ctx, "meeting", None)          # nothing to remove: no error


def test_damaged_or_foreign_draft_is_ignored_and_removed(ctx):
    path = fd.draft_path(ctx, "meeting", None)
    for content in (b"{not json", b'{"version": 1, "kind": "other", "fields": {}}',
                    json.dumps({"version": 1, "kind": "meeting", "saved_at": AT.isoformat(),
                                "fields": {"attendance": "nhiều"}}).encode(),
                    "\ufffe".encode("utf-16")):
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(content)
        assert fd.read_draft(ctx, "meeting", None, Meeting) is None
        assert not path.exists()
