"""The records an officer keeps, as plain dataclasses.

These are what services accept and return; the ORM rows never leave the
store. ``id`` is None for a record not yet saved; ``uuid`` never changes once
assigned (exchange between levels keys on it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class UnitSettings:
    name: str = ""                 # ĐẢNG ỦY PHƯỜNG BÌNH TIÊN
    parent_name: str = ""          # ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH
    place_name: str = ""           # Bình Tiên (date line)
    doc_abbrev: str = "ĐU"         # Số 15-BC/ĐU
    signer_authority: str = "T/M ĐẢNG ỦY"
    signer_title: str = "PHÓ BÍ THƯ"
    signer_name: str = ""
    profile: str = "party"         # format profile name under resources/profiles
    term_start: date | None = None  # start of the Party-committee term (numbering)

    def is_complete(self) -> bool:
        return bool(self.name and self.parent_name and self.place_name and self.signer_name)


@dataclass
class Cell:
    name: str = ""
    secretary: str | None = None
    member_count: int | None = None
    note: str | None = None
    active: bool = True
    id: int | None = None
    uuid: str | None = None


@dataclass
class CellMemberCount:
    """A Party cell's number of Party members from ``effective_on`` on (the history
    behind ``Cell.member_count``, which holds the latest)."""

    cell_id: int | None = None
    effective_on: date | None = None
    member_count: int | None = None
    id: int | None = None
    uuid: str | None = None


@dataclass
class Area:
    name: str = ""
    kind: str = "khu_pho"
    note: str | None = None
    active: bool = True
    id: int | None = None
    uuid: str | None = None


@dataclass
class PartyDocument:
    kind: str = "nghi_quyet"
    number_symbol: str = ""        # 35-NQ/TW
    issued_on: date | None = None
    issuer: str = ""               # Bộ Chính trị
    title: str = ""
    active: bool = True
    study_deadline: date | None = None  # the upper level's deadline for studying it
    id: int | None = None
    uuid: str | None = None


@dataclass
class Person:
    full_name: str = ""
    role: str = "tuyen_truyen_vien"
    phone: str | None = None
    workplace: str | None = None
    area_id: int | None = None
    active: bool = True
    online_team: bool = False           # a member of the online team (nhóm 35)
    id: int | None = None
    uuid: str | None = None


@dataclass
class OpinionCategory:
    name: str = ""
    description: str | None = None
    active: bool = True
    id: int | None = None
    uuid: str | None = None


@dataclass
class Meeting:
    held_on: date | None = None
    meeting_type: str = "giao_ban"
    title: str = ""
    place: str | None = None
    chaired_by: str | None = None
    participants: str | None = None     # who attended (composition)
    attendance: int | None = None       # how many
    contributions: int | None = None    # ý kiến tham luận
    contents: str | None = None
    conclusions: str | None = None
    classification: str = "thuong"
    id: int | None = None
    uuid: str | None = None


@dataclass
class StudySession:
    held_on: date | None = None
    title: str = ""
    document_ids: list[int] = field(default_factory=list)
    cell_id: int | None = None          # None: the whole unit (toàn Đảng bộ)
    form: str = "truc_tiep"
    speaker_id: int | None = None
    speaker_name: str | None = None     # when the speaker is not in the roster
    place: str | None = None
    key_cadres: int = 0
    party_members_expected: int = 0
    party_members_present: int = 0
    non_party_officials: int = 0
    core_masses: int = 0
    union_members: int = 0
    reflections: int = 0                # bài thu hoạch
    note: str | None = None
    classification: str = "thuong"
    id: int | None = None
    uuid: str | None = None

    def total_participants(self) -> int:
        return (self.key_cadres + self.party_members_present + self.non_party_officials
                + self.core_masses + self.union_members)


@dataclass
class OpinionNote:
    noted_on: date | None = None
    area_id: int | None = None
    reporter_id: int | None = None
    category_id: int | None = None
    source: str = "ctv"
    summary: str = ""
    attitude: str = "ban_khoan"
    concern: str = "trung_binh"
    proposal: str | None = None
    follow_up: str = "moi"
    passed_to: str | None = None
    due_on: date | None = None          # when the follow-up should be done
    classification: str = "mat"
    id: int | None = None
    uuid: str | None = None


@dataclass
class FollowUpChange:
    """One step of an opinion note's follow-up (mới ghi nhận → … → đã giải quyết)."""

    status: str = "moi"
    changed_on: date | None = None
    passed_to: str | None = None
    note: str | None = None
    id: int | None = None


@dataclass
class Campaign:
    """A propaganda campaign or theme: “Chào mừng Đại hội XIV của Đảng”."""

    name: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    note: str | None = None
    active: bool = True
    id: int | None = None
    uuid: str | None = None


@dataclass
class PropagandaActivity:
    """One propaganda activity; only the quantities of its form are filled
    (enums.QUANTITIES_BY_FORM), the others stay 0."""

    held_on: date | None = None
    ends_on: date | None = None         # a range: the last day (None: one day)
    form: str = "truc_quan"
    title: str = ""                     # what was propagated
    campaign_id: int | None = None
    place: str | None = None            # place or channel
    area_id: int | None = None
    cell_id: int | None = None
    banners: int = 0
    slogans: int = 0
    panos: int = 0
    posters: int = 0
    flags: int = 0
    bulletins: int = 0
    minutes_on_air: int = 0
    posts: int = 0
    shares: int = 0
    reach: int = 0
    copies: int = 0
    performances: int = 0
    sessions: int = 0
    people: int = 0
    note: str | None = None
    classification: str = "thuong"
    id: int | None = None
    uuid: str | None = None


@dataclass
class OnlineEntry:
    """The online team's work (Nghị quyết 35-NQ/TW): positive posts and shares,
    wrong or hostile content found and what was done, essay-contest entries."""

    noted_on: date | None = None
    entry_kind: str = "dang_tin"
    member_id: int | None = None        # the team member (a person)
    channel: str = "facebook"
    summary: str = ""
    link: str | None = None
    posts: int = 0
    shares: int = 0
    reach: int = 0
    content_kind: str | None = None     # phat_hien: WrongContentKind
    action: str | None = None           # phat_hien: OnlineAction
    passed_to: str | None = None
    entries: int = 0                    # du_thi: number of entries
    classification: str = "thuong"
    id: int | None = None
    uuid: str | None = None


@dataclass
class ExemplaryModel:
    """A Chỉ thị 05-CT/TW / Kết luận 01-KL/TW model, exemplary collective or person."""

    noted_on: date | None = None        # registered or first noted
    subject: str = "mo_hinh"
    name: str = ""
    description: str | None = None
    theme: str | None = None            # the year's theme (chuyên đề năm)
    cell_id: int | None = None
    area_id: int | None = None
    registered: bool = True
    assessed: bool = False
    replicated: bool = False
    recognition: str = "chua"
    recognition_level: str | None = None   # Đảng ủy phường, Quận ủy, …
    recognition_doc: str | None = None     # the decision: số, ngày
    recognized_on: date | None = None
    classification: str = "thuong"
    id: int | None = None
    uuid: str | None = None
