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


MEETING_COLUMNS = [
    Column("Ngày họp", _date("held_on"), 90),
    Column("Loại", _label(MeetingType, "meeting_type"), 90),
    Column("Tên hội nghị", _plain("title"), 340, stretch=True),
    Column("Địa điểm", _plain("place"), 160),
    Column("Chủ trì", _plain("chaired_by"), 140),
    Column("Số người dự", _num("attendance"), 105, numeric=True),
    Column("Tham luận", _num("contributions"), 80, numeric=True),
    Column("Độ mật", _label(Classification, "classification"), 70),
]

STUDY_COLUMNS = [
    Column("Ngày", _date("held_on"), 90),
    Column("Nội dung học tập", _plain("title"), 300, stretch=True),
    Column("Văn bản", lambda r: ", ".join(r.get("documents") or []), 150),
    Column("Chi bộ", lambda r: r.get("cell") or "Toàn Đảng bộ", 200),
    Column("Báo cáo viên", _plain("speaker"), 165),
    Column("ĐV dự/triệu tập",
           lambda r: f"{vf.number(r['party_members_present'])}/"
                     f"{vf.number(r['party_members_expected'])}", 110, numeric=True),
    Column("Tỷ lệ ĐV", _study_rate, 75, numeric=True),
    Column("Tổng lượt", _study_total, 75, numeric=True),
]

OPINION_COLUMNS = [
    Column("Ngày", _date("noted_on"), 90),
    Column("Lĩnh vực", _plain("category"), 175),
    Column("Nội dung dư luận", _plain("summary"), 340, stretch=True),
    Column("Khu dân cư", _plain("area"), 95),
    Column("Thái độ", _label(Attitude, "attitude"), 90),
    Column("Mức độ", _label(Concern, "concern"), 85),
    Column("Tình trạng xử lý", _label(FollowUp, "follow_up"), 145),
]

COLUMNS = {"meetings": MEETING_COLUMNS, "studies": STUDY_COLUMNS, "opinions": OPINION_COLUMNS}
