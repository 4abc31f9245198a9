"""What each record list shows: a column spec per kind."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tgdesk import vnformat as vf
from tgdesk.domain.enums import (PROPAGANDA_QUANTITIES, Attitude, Classification, Concern,
                                 FollowUp, MeetingType, ModelSubject, OnlineAction,
                                 OnlineChannel, OnlineEntryKind, PropagandaForm, Recognition)


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

# --- propaganda activities, the online team's entries, exemplary models ---------------

def day_range(row: dict, key: str = "held_on") -> str:
    """“02/11/2026”, or a range: “02/11 – 20/11/2026”, “28/12/2025 – 03/01/2026”."""
    first, last = row.get(key), row.get("ends_on")
    if last is None or last == first:
        return vf.short_date(first)
    if first is not None and first.year == last.year:
        return f"{first:%d/%m} – {vf.short_date(last)}"
    return f"{vf.short_date(first)} – {vf.short_date(last)}"


def quantities(row: dict, skip: tuple[str, ...] = ("people",)) -> str:
    """The activity's figures with their units: “12 băng rôn, 300 lá cờ”."""
    return ", ".join(f"{vf.number(row[f])} {unit}"
                     for f, _text, unit in PROPAGANDA_QUANTITIES if f not in skip and row.get(f))


def _nonzero(key: str) -> Callable[[dict], str]:
    """A figure that only some rows have: blank rather than 0."""
    return lambda row: vf.number(row[key]) if row.get(key) else ""


def _tick(key: str) -> Callable[[dict], str]:
    return lambda row: "✓" if row.get(key) else ""


def recognition_text(row: dict) -> str:
    """“Khen thưởng – Đảng ủy phường”; blank for “Chưa”."""
    if row.get("recognition") in (None, Recognition.CHUA.value):
        return ""
    level = " ".join((row.get("recognition_level") or "").split())
    text = _label(Recognition, "recognition")(row)
    return f"{text} – {level}" if level else text


# Short names in the list's narrow columns (the detail pane has the whole label).
FORM_SHORT = {PropagandaForm.TRUC_QUAN.value: "Trực quan",
              PropagandaForm.LOA_DAI.value: "Loa, đài",
              PropagandaForm.TRUC_TUYEN.value: "Trên mạng",
              PropagandaForm.AN_PHAM.value: "Tờ rơi, tài liệu",
              PropagandaForm.VAN_HOA.value: "Văn hóa, văn nghệ",
              PropagandaForm.MIENG.value: "Nói chuyện"}
SUBJECT_SHORT = {ModelSubject.MO_HINH.value: "Mô hình", ModelSubject.TAP_THE.value: "Tập thể",
                 ModelSubject.CA_NHAN.value: "Cá nhân"}
ONLINE_KIND_SHORT = {OnlineEntryKind.DANG_TIN.value: "Đăng, chia sẻ",
                     OnlineEntryKind.PHAT_HIEN.value: "Phát hiện sai trái",
                     OnlineEntryKind.DU_THI.value: "Bài dự thi"}

PROPAGANDA_COLUMNS = [
    Column("Ngày", day_range, 150, key="held_on"),
    Column("Hình thức", lambda r: FORM_SHORT.get(r.get("form"), ""), 135, key="form"),
    Column("Nội dung tuyên truyền", _plain("title"), 300, stretch=True, key="title"),
    Column("Đợt, chủ đề", _plain("campaign"), 170, key="campaign"),
    Column("Địa điểm, kênh", _plain("place"), 140, key="place"),
    Column("Khu dân cư", _plain("area"), 95, key="area"),
    Column("Chi bộ", _plain("cell"), 130, key="cell"),
    Column("Số lượng", quantities, 170, key="quantity"),
    Column("Lượt người", _nonzero("people"), 80, numeric=True, key="people"),
]

ONLINE_COLUMNS = [
    Column("Ngày", _date("noted_on"), 90, key="noted_on"),
    Column("Loại việc", lambda r: ONLINE_KIND_SHORT.get(r.get("entry_kind"), ""), 125,
           key="entry_kind"),
    Column("Kênh", _label(OnlineChannel, "channel"), 90, key="channel"),
    Column("Nội dung", _plain("summary"), 300, stretch=True, key="summary"),
    Column("Thành viên", _plain("member"), 140, key="member"),
    Column("Bài đăng", _nonzero("posts"), 70, numeric=True, key="posts"),
    Column("Chia sẻ", _nonzero("shares"), 70, numeric=True, key="shares"),
    Column("Tiếp cận", _nonzero("reach"), 75, numeric=True, key="reach"),
    Column("Xử lý", _label(OnlineAction, "action"), 170, key="action"),
    Column("Bài dự thi", _nonzero("entries"), 75, numeric=True, key="entries"),
    Column("Độ mật", _label(Classification, "classification"), 65, key="classification"),
]

MODEL_COLUMNS = [
    Column("Ngày đăng ký", _date("noted_on"), 108, key="noted_on"),
    Column("Loại", lambda r: SUBJECT_SHORT.get(r.get("subject"), ""), 80, key="subject"),
    Column("Tên mô hình, điển hình", _plain("name"), 280, stretch=True, key="name"),
    Column("Chuyên đề năm", _plain("theme"), 170, key="theme"),
    Column("Chi bộ", _plain("cell"), 130, key="cell"),
    Column("Khu dân cư", _plain("area"), 95, key="area"),
    Column("Đăng ký", _tick("registered"), 65, key="registered"),
    Column("Đánh giá", _tick("assessed"), 65, key="assessed"),
    Column("Nhân rộng", _tick("replicated"), 75, key="replicated"),
    Column("Biểu dương, khen thưởng", recognition_text, 190, key="recognition"),
    Column("Ngày khen", _date("recognized_on"), 90, key="recognized_on"),
]


# The list columns whose text the search index holds (migrations 0004, 0011): the
# search's matches are marked in them (search_marks.py).
SEARCHED = {"title", "place", "chaired_by", "speaker", "summary", "name", "theme"}


# --- rows that must stand out --------------------------------------------------

def is_hot_spot(row: dict) -> bool:
    """An opinion note whose concern is a hot spot (điểm nóng)."""
    return row.get("concern") == Concern.DIEM_NONG.value


def is_overdue(row: dict, today) -> bool:
    """An opinion note past its due date and not yet resolved."""
    due = row.get("due_on")
    return (due is not None and due < today
            and row.get("follow_up") != FollowUp.DA_GIAI_QUYET.value)

COLUMNS = {"meetings": MEETING_COLUMNS, "studies": STUDY_COLUMNS, "opinions": OPINION_COLUMNS,
           "propaganda": PROPAGANDA_COLUMNS, "online": ONLINE_COLUMNS, "models": MODEL_COLUMNS}
