"""The record kinds of a JSON records file: their records, tables, validation and references."""

from __future__ import annotations

from dataclasses import dataclass

from tgdesk.domain import validation as v
from tgdesk.domain.records import (Area, Campaign, Cell, ExemplaryModel, Meeting, OnlineEntry,
                                   OpinionCategory, OpinionNote, PartyDocument, Person,
                                   PropagandaActivity, StudySession)
from tgdesk.store import tables as t


@dataclass(frozen=True)
class Ref:
    """A reference by name to a catalogue row: JSON key -> dataclass field."""

    key: str
    field: str
    catalogue: str
    many: bool = False


@dataclass(frozen=True)
class Spec:
    kind: str
    noun: str                       # Vietnamese, for the result text
    record: type
    row: type
    validate: object                # (rec, known, today) -> Verdict
    name_field: str | None = None   # catalogues: the name references use
    refs: tuple[Ref, ...] = ()


# In import order: catalogues first, so that records can refer to them.
SPECS = (
    Spec("cells", "chi bộ", Cell, t.CellRow, v.VALIDATORS["cells"], "name"),
    Spec("areas", "khu dân cư", Area, t.AreaRow, v.VALIDATORS["areas"], "name"),
    Spec("documents", "văn bản", PartyDocument, t.DocumentRow, v.VALIDATORS["documents"],
         "number_symbol"),
    Spec("categories", "lĩnh vực dư luận", OpinionCategory, t.CategoryRow,
         v.VALIDATORS["categories"], "name"),
    Spec("people", "người", Person, t.PersonRow, v.VALIDATORS["people"],
         "full_name", (Ref("area", "area_id", "areas"),)),
    Spec("campaigns", "đợt, chủ đề tuyên truyền", Campaign, t.CampaignRow,
         v.VALIDATORS["campaigns"], "name"),
    Spec("meetings", "hội nghị", Meeting, t.MeetingRow, v.VALIDATORS["meetings"]),
    Spec("studies", "buổi học tập", StudySession, t.StudyRow, v.VALIDATORS["studies"], None,
         (Ref("documents", "document_ids", "documents", many=True),
          Ref("cell", "cell_id", "cells"), Ref("speaker", "speaker_id", "people"))),
    Spec("opinions", "ý kiến dư luận", OpinionNote, t.OpinionRow, v.VALIDATORS["opinions"],
         None, (Ref("area", "area_id", "areas"), Ref("reporter", "reporter_id", "people"),
                Ref("category", "category_id", "categories"))),
    Spec("propaganda", "hoạt động tuyên truyền", PropagandaActivity, t.PropagandaRow,
         v.VALIDATORS["propaganda"], None,
         (Ref("campaign", "campaign_id", "campaigns"), Ref("area", "area_id", "areas"),
          Ref("cell", "cell_id", "cells"))),
    Spec("online", "việc của nhóm trên mạng", OnlineEntry, t.OnlineEntryRow,
         v.VALIDATORS["online"], None, (Ref("member", "member_id", "people"),)),
    Spec("models", "mô hình, điển hình", ExemplaryModel, t.ModelRow, v.VALIDATORS["models"],
         None, (Ref("cell", "cell_id", "cells"), Ref("area", "area_id", "areas"))),
)
SPEC_BY_KIND = {s.kind: s for s in SPECS}
CATALOGUE_NOUN = {"cells": "chi bộ", "areas": "khu dân cư", "documents": "văn bản",
                  "people": "người", "categories": "lĩnh vực",
                  "campaigns": "đợt, chủ đề tuyên truyền"}
