"""The figures of a period that reports quote, as plain data."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class DocumentStudied:
    document_id: int
    kind: str
    number_symbol: str
    issued_on: date
    issuer: str
    title: str
    sessions: int = 0
    participants: int = 0           # lượt, all categories


@dataclass
class ActivityCount:
    """Propaganda activities (of one form, or of one campaign) and their quantities
    added up: field of enums.PROPAGANDA_QUANTITIES -> sum (only the non-zero ones)."""
    activities: int = 0
    quantities: dict[str, int] = field(default_factory=dict)


@dataclass
class CampaignCount(ActivityCount):
    """The activities of one campaign or theme (catalogue "campaigns")."""
    campaign_id: int = 0
    name: str = ""


@dataclass
class Figures:
    start: date
    end: date
    # meetings
    meetings_total: int = 0
    meetings_by_type: dict[str, int] = field(default_factory=dict)   # code -> count
    meeting_attendance: int = 0                                      # lượt
    meeting_contributions: int = 0
    # study sessions
    study_sessions: int = 0
    attendance: dict[str, int] = field(default_factory=dict)   # category field -> lượt
    party_members_expected: int = 0
    party_members_present: int = 0
    reflections: int = 0
    documents: list[DocumentStudied] = field(default_factory=list)
    # opinion notes
    opinions_total: int = 0
    opinions_by_category: dict[str, int] = field(default_factory=dict)   # name -> count
    opinions_by_attitude: dict[str, int] = field(default_factory=dict)   # code -> count
    opinions_by_concern: dict[str, int] = field(default_factory=dict)    # code -> count
    hot_spots: int = 0
    open_follow_ups: int = 0         # notes of the period not yet resolved
    # propaganda activities (by the day they start), per form and per campaign
    propaganda_total: int = 0
    propaganda_by_form: dict[str, ActivityCount] = field(default_factory=dict)  # form code ->
    propaganda_by_campaign: list[CampaignCount] = field(default_factory=list)   # most first
    # the online team's entries (Nghị quyết 35-NQ/TW)
    online_entries: int = 0
    online_members_active: int = 0   # team members with an entry in the period
    online_posts: int = 0
    online_shares: int = 0
    online_reach: int = 0
    wrong_found: int = 0             # wrong or hostile content found
    wrong_by_kind: dict[str, int] = field(default_factory=dict)     # WrongContentKind code ->
    wrong_by_action: dict[str, int] = field(default_factory=dict)   # OnlineAction code ->
    essay_entries: int = 0           # essay-contest entries (bài dự thi)
    # team members now (when counted): not a count of the period, never compared
    online_team_members: int = 0
    # exemplary models and people (Chỉ thị 05-CT/TW): those noted in the period…
    models_total: int = 0
    models_by_subject: dict[str, int] = field(default_factory=dict)   # ModelSubject code ->
    models_registered: int = 0
    models_assessed: int = 0
    models_replicated: int = 0
    # …and those recognised in it (by the day of the decision, else the day noted):
    # Recognition code (biểu dương, khen thưởng) -> ModelSubject code -> count
    recognised: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def party_rate(self) -> float | None:
        """Party members present / expected, or None when none were expected."""
        if self.party_members_expected == 0:
            return None
        return self.party_members_present / self.party_members_expected

    @property
    def study_participants(self) -> int:
        return sum(self.attendance.values())

    @property
    def propaganda_quantities(self) -> dict[str, int]:
        """Every quantity added up over the forms (field -> sum, non-zero only)."""
        out: dict[str, int] = {}
        for count in self.propaganda_by_form.values():
            for fld, n in count.quantities.items():
                out[fld] = out.get(fld, 0) + n
        return out

    def recognised_count(self, recognition: str | None = None) -> int:
        """Models and people recognised in the period, of one kind (biểu dương,
        khen thưởng) or of both (None)."""
        return sum(n for code, by_subject in self.recognised.items()
                   if recognition in (None, code) for n in by_subject.values())
