"""What a report is composed from: the figures, the unit, the period and the officer's words."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from tgdesk.domain.coverage import DocumentCoverage
from tgdesk.domain.enums import Classification
from tgdesk.domain.figures import Figures
from tgdesk.domain.period import Period
from tgdesk.domain.records import UnitSettings

KINDS = ("work", "opinion", "campaign")


@dataclass(frozen=True)
class Inputs:
    """Everything a report is composed from."""
    kind: str                      # "work" | "opinion"
    period: Period
    unit: UnitSettings
    current: Figures
    previous: Figures
    last_year: Figures
    issued_on: date
    cutoff: date | None = None     # figures counted up to this day (period still running)
    number: int | None = None      # None: a draft ("Số     -BC/ĐU")
    texts: dict | None = None
    data_since: date | None = None  # first day the database has records: no comparison before
    issued: tuple[IssuedDoc, ...] = ()   # the unit's own reports issued within the period
    sources: dict = dataclasses.field(default_factory=dict)   # opinion notes by source code
    network: dict = dataclasses.field(default_factory=dict)   # active people by role code
    actor: str | None = None       # who did what the figures count; None: this unit
    guidance_number: str | None = None   # the upper level's guidance the opening cites:
    guidance_date: date | None = None    # "12-HD/BTGDVTU", 05/01/2026 (unit setting)
    notes: tuple[ListedNote, ...] = ()   # bức xúc notes and hot spots the report lists
    # study coverage of the documents studied in the period or due in it, counted to the
    # cut-off (work report; services/coverage.report_coverage)
    coverage: tuple[DocumentCoverage, ...] = ()
    campaign: CampaignFacts | None = None   # the campaign a campaign report is about
    # the work report's Chỉ thị 05 section: the models of the year so far (None when that
    # is the period itself) and the year's theme (chuyên đề năm) they carry
    models_year: Figures | None = None
    models_theme: str | None = None


@dataclass(frozen=True)
class IssuedDoc:
    """A report the unit issued (from the register), cited in "tham mưu"."""
    number_text: str               # "01-BC/ĐU"
    issued_on: date
    kind: str                      # "work" | "opinion" | "campaign"
    period: Period
    subject: str | None = None     # what it reports on, when not the kind's usual words
                                   # ("kết quả tuyên truyền chào mừng Đại hội XIV …")


@dataclass(frozen=True)
class ListedActivity:
    """One propaganda activity of a campaign, as the campaign report lists it."""
    held_on: date
    ends_on: date | None
    title: str
    form: str                      # PropagandaForm code
    place: str | None              # place or channel
    area: str | None               # residential area name
    cell: str | None               # Party cell name
    quantities: dict               # field -> value (non-zero only)
    classified: bool = False       # marked Mật: counted, its words not quoted


@dataclass(frozen=True)
class CampaignFacts:
    """A campaign and its activities within the report's period."""
    id: int
    name: str
    starts_on: date | None
    ends_on: date | None
    by_form: dict                  # form code -> ActivityCount, in the forms' order
    activities: tuple[ListedActivity, ...] = ()   # oldest first
    areas: int = 0                 # residential areas the activities reached
    cells: int = 0                 # Party cells that held them

    @property
    def total(self) -> int:
        return sum(c.activities for c in self.by_form.values())


@dataclass(frozen=True)
class ListedNote:
    """A bức xúc note or a hot spot (điểm nóng) of the period, as the opinion
    report lists it under "Những vấn đề băn khoăn, bức xúc"."""
    id: int
    noted_on: date
    category: str                  # lĩnh vực
    area: str | None               # khu dân cư, None when not recorded
    summary: str
    attitude: str                  # code (Attitude)
    concern: str                   # code (Concern)
    proposal: str | None           # đề xuất hướng xử lý
    follow_up: str                 # code (FollowUp)
    passed_to: str | None
    classification: str = Classification.MAT.value

    @property
    def classified(self) -> bool:
        return self.classification == Classification.MAT.value
