"""Every record and catalogue kind, described once for the shared use cases.

Use: ``MEETINGS.create(ctx, Meeting(...))``, ``OPINIONS.delete(ctx, id)``,
``STUDIES.restore(ctx, id)``, ``CELLS.get(ctx, id)`` and so on.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from tgdesk.domain import validation as v
from tgdesk.domain.records import (Area, Campaign, Cell, ExemplaryModel, Meeting, OnlineEntry,
                                   OpinionCategory, OpinionNote, PartyDocument, Person,
                                   PropagandaActivity, StudySession)
from tgdesk.domain.validation import Issue
from tgdesk.store import tables as t

from .crud import Kind
from .membership import record_change

# How many earlier sessions of the same cell at 100% make a new 100% suspicious.
FULL_RATE_STREAK = 3


def _study_read(row: t.StudyRow, rec: StudySession) -> None:
    rec.document_ids = [d.id for d in row.documents]


def _study_write(session: Session, row: t.StudyRow, rec: StudySession) -> None:
    row.documents = [session.get(t.DocumentRow, i) for i in rec.document_ids]


def _study_warnings(session: Session, rec: StudySession) -> list[Issue]:
    """A 100% Party-member rate again and again is possible but worth a look."""
    if not (rec.party_members_expected > 0
            and rec.party_members_present == rec.party_members_expected):
        return []
    query = (select(t.StudyRow.party_members_present, t.StudyRow.party_members_expected)
             .where(t.StudyRow.deleted.is_(False), t.StudyRow.held_on <= rec.held_on,
                    t.StudyRow.party_members_expected > 0)
             .order_by(t.StudyRow.held_on.desc(), t.StudyRow.id.desc())
             .limit(FULL_RATE_STREAK))
    query = query.where(t.StudyRow.cell_id.is_(None) if rec.cell_id is None
                        else t.StudyRow.cell_id == rec.cell_id)
    if rec.id is not None:
        query = query.where(t.StudyRow.id != rec.id)
    earlier = session.execute(query).all()
    if len(earlier) == FULL_RATE_STREAK and all(p == e for p, e in earlier):
        return [Issue("party_members_present",
                      f"Tỷ lệ đảng viên dự đạt 100% trong {FULL_RATE_STREAK + 1} buổi liên tiếp; "
                      "xin kiểm tra lại số liệu.")]
    return []


def _opinion_track(session: Session, row: t.OpinionRow, rec: OpinionNote, today, is_new: bool
                   ) -> None:
    """A new note, or a status changed in the edit form, starts a history step."""
    if is_new or row.follow_up != rec.follow_up:
        row.history.append(t.FollowUpRow(status=rec.follow_up,
                                         changed_on=rec.noted_on if is_new else today,
                                         passed_to=rec.passed_to))


def _cell_track(session: Session, row: t.CellRow, rec: Cell, today, is_new: bool) -> None:
    """A new cell's count, or a count changed in the form, is a membership step of today."""
    if rec.member_count is not None and (is_new or row.member_count != rec.member_count):
        record_change(session, row, rec.member_count, today)


MEETINGS = Kind("hội nghị", t.MeetingRow, Meeting,
                lambda r, known, today: v.validate_meeting(r, today))
STUDIES = Kind("buổi học tập", t.StudyRow, StudySession, v.validate_study,
               extra_warnings=_study_warnings, write_extra=_study_write, read_extra=_study_read)
OPINIONS = Kind("ý kiến dư luận", t.OpinionRow, OpinionNote, v.validate_opinion,
                track=_opinion_track)
CELLS = Kind("chi bộ", t.CellRow, Cell, lambda r, known, today: v.validate_cell(r),
             track=_cell_track)
AREAS = Kind("khu dân cư", t.AreaRow, Area, lambda r, known, today: v.validate_area(r))
DOCUMENTS = Kind("văn bản", t.DocumentRow, PartyDocument,
                 lambda r, known, today: v.validate_document(r, today))
PEOPLE = Kind("người", t.PersonRow, Person, lambda r, known, today: v.validate_person(r, known))
CATEGORIES = Kind("lĩnh vực", t.CategoryRow, OpinionCategory,
                  lambda r, known, today: v.validate_category(r))
CAMPAIGNS = Kind("đợt, chủ đề tuyên truyền", t.CampaignRow, Campaign, v.VALIDATORS["campaigns"])
PROPAGANDA = Kind("hoạt động tuyên truyền", t.PropagandaRow, PropagandaActivity,
                  v.VALIDATORS["propaganda"])
ONLINE = Kind("việc của nhóm trên mạng", t.OnlineEntryRow, OnlineEntry, v.VALIDATORS["online"])
MODELS = Kind("mô hình, điển hình", t.ModelRow, ExemplaryModel, v.VALIDATORS["models"])

RECORD_KINDS = {"meetings": MEETINGS, "studies": STUDIES, "opinions": OPINIONS,
                "propaganda": PROPAGANDA, "online": ONLINE, "models": MODELS}
CATALOGUE_KINDS = {"cells": CELLS, "areas": AREAS, "documents": DOCUMENTS, "people": PEOPLE,
                   "categories": CATEGORIES, "campaigns": CAMPAIGNS}
