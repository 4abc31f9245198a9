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

    @property
    def party_rate(self) -> float | None:
        """Party members present / expected, or None when none were expected."""
        if self.party_members_expected == 0:
            return None
        return self.party_members_present / self.party_members_expected

    @property
    def study_participants(self) -> int:
        return sum(self.attendance.values())
