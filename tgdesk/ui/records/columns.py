"""What each record list shows: a column spec per kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Attitude, Classification, Concern, FollowUp, MeetingType


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[dict], str]
    width: int = 120             # initial width in pixels; the last column stretches
    numeric: bool = False        # right-aligned
    stretch: bool = False        # takes the spare width of the table
    key: str | None = None       # the sort key (ListFilter.sort); None: not sortable


def _label(enum, key: str) -> Callable[[dict], str]:
    def text(row: dict) -> str:
        member = enum.from_code(row.get(key))
        return member.label if member else (row.get(key) or "")
    return text


def _date(key: str) -> Callable[[dict], str]:
    return lambda row: vf.short_date(row.get(key))


def _num(key: str) -> Callable[[dict], str]:
    return lambda row: "" if row.get(key) is None else vf.number(row[key])


def _plain(key: str) -> Callable[[dict], str]:
    return lambda row: " ".join((row.get(key) or "").split())


def _study_rate(row: dict) -> str:
    expected = row.get("party_members_expected") or 0
    return vf.percent(row["party_members_present"] / expected) if expected else "–"


def _study_total(row: dict) -> str:
    return vf.number(sum(row.get(k) or 0 for k in ("key_cadres", "party_members_present",
                                                   "non_party_officials", "core_masses",
                                                   "union_members")))


def _due(row: dict) -> str:
    return vf.short_date(row.get("due_on")) if row.get("due_on") else ""


MEETING_COLUMNS = [
    Column("Ngày họp", _date("held_on"), 90, key="held_on"),
    Column("Loại", _label(MeetingType, "meeting_type"), 90, key="meeting_type"),
    Column("Tên hội nghị", _plain("title"), 340, stretch=True, key="title"),
    Column("Địa điểm", _plain("place"), 160, key="place"),
    Column("Chủ trì", _plain("chaired_by"), 140, key="chaired_by"),
    Column("Số người dự", _num("attendance"), 105, numeric=True, key="attendance"),
    Column("Tham luận", _num("contributions"), 80, numeric=True, key="contributions"),
    Column("Độ mật", _label(Classification, "classification"), 70, key="classification"),
]

STUDY_COLUMNS = [
    Column("Ngày", _date("held_on"), 90, key="held_on"),
    Column("Nội dung học tập", _plain("title"), 300, stretch=True, key="title"),
    Column("Văn bản", lambda r: ", ".join(r.get("documents") or []), 150, key="documents"),
    Column("Chi bộ", lambda r: r.get("cell") or "Toàn Đảng bộ", 200, key="cell"),
    Column("Báo cáo viên", _plain("speaker"), 165, key="speaker"),
    Column("ĐV dự/triệu tập",
           lambda r: f"{vf.number(r['party_members_present'])}/"
                     f"{vf.number(r['party_members_expected'])}", 110, numeric=True,
           key="party_members_present"),
    Column("Tỷ lệ ĐV", _study_rate, 75, numeric=True, key="rate"),
    Column("Tổng lượt", _study_total, 75, numeric=True, key="total"),
]

OPINION_COLUMNS = [
    Column("Ngày", _date("noted_on"), 112, key="noted_on"),
    Column("Lĩnh vực", _plain("category"), 140, key="category"),
    Column("Nội dung dư luận", _plain("summary"), 340, stretch=True, key="summary"),
    Column("Khu dân cư", _plain("area"), 90, key="area"),
    Column("Thái độ", _label(Attitude, "attitude"), 85, key="attitude"),
    Column("Mức độ", _label(Concern, "concern"), 90, key="concern"),
    Column("Tình trạng xử lý", _label(FollowUp, "follow_up"), 150, key="follow_up"),
    Column("Hạn xử lý", _due, 118, key="due_on"),
]


# The list columns whose text the search index holds (migration 0004): the
# search's matches are marked in them (search_marks.py).
SEARCHED = {"title", "place", "chaired_by", "speaker", "summary"}


# --- rows that must stand out --------------------------------------------------

def is_hot_spot(row: dict) -> bool:
    """An opinion note whose concern is a hot spot (điểm nóng)."""
    return row.get("concern") == Concern.DIEM_NONG.value


def is_overdue(row: dict, today) -> bool:
    """An opinion note past its due date and not yet resolved."""
    due = row.get("due_on")
    return (due is not None and due < today
            and row.get("follow_up") != FollowUp.DA_GIAI_QUYET.value)

COLUMNS = {"meetings": MEETING_COLUMNS, "studies": STUDY_COLUMNS, "opinions": OPINION_COLUMNS}
