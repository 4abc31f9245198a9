"""The audit log as people read it (issue 12, item 3): a column's Vietnamese
name, a stored value as the forms show it, the time of an entry in this
computer's local time, and an entry's changes as lines or one summary line.

Pure: the "Nhật ký" screen, its history dialog and its Excel export all say an
entry the same way through this module. Field names come from the forms'
labels (validation.TEXT_LABELS, activity_validation.LABELS) and a small table
for the rest; a coded value is shown by its enum's label where the table and
column tell which enum it is, any other value as it was stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timezone

from . import validation as _validation  # noqa: F401,I001  (first: it loads activity_validation)
from .activity_validation import LABELS as ACTIVITY_LABELS, QUANTITY_LABELS
from .audit import AuditEntry
from .enums import (AreaKind, Attitude, Classification, Concern, DocumentKind, FollowUp,
                    Labelled, MeetingType, ModelSubject, OnlineAction, OnlineChannel,
                    OnlineEntryKind, OpinionSource, PersonRole, PropagandaForm, Recognition,
                    StudyForm, WrongContentKind)
from .records import (Area, Campaign, Cell, ExemplaryModel, FollowUpChange, Meeting,
                      OnlineEntry, OpinionCategory, OpinionNote, PartyDocument, Person,
                      PropagandaActivity, StudySession, UnitSettings)
from .roles import Role
from .validation import TEXT_LABELS

NONE = "—"
ARROW = " → "
# Entries of these actions hold {field: [before, after]}; the others hold details.
ROW_ACTIONS = frozenset({"create", "edit", "delete", "restore", "remove"})
# Columns every entry names in its header, not among its changes.
IDENTITY = frozenset({"id", "uuid"})

# The form each table's rows come from (its labels are the form's).
_RECORDS: dict[str, type] = {
    "unit": UnitSettings, "cell": Cell, "area": Area, "party_document": PartyDocument,
    "person": Person, "opinion_category": OpinionCategory, "meeting": Meeting,
    "study_session": StudySession, "opinion_note": OpinionNote,
    "opinion_follow_up": FollowUpChange, "campaign": Campaign,
    "propaganda_activity": PropagandaActivity, "online_entry": OnlineEntry,
    "exemplary_model": ExemplaryModel,
}
_FORM_LABELS: dict[str, dict[str, str]] = {
    kind: {**TEXT_LABELS.get(record, {}), **ACTIVITY_LABELS.get(record, {})}
    for kind, record in _RECORDS.items()}
# Tables that no form of records edits: their own names.
_FORM_LABELS["account"] = {
    "login": "Tên đăng nhập", "full_name": "Họ và tên", "role": "Vai trò",
    "password_hash": "Mật khẩu", "active": "Đang dùng",
    "last_sign_in_at": "Lần đăng nhập cuối"}

# The other columns, whatever the table (a table's own labels above come first).
FIELD_LABELS: dict[str, str] = {
    "id": "Mã số", "uuid": "Mã bản ghi", "deleted": "Đã xóa", "active": "Đang dùng",
    "classification": "Độ mật", "origin_unit_id": "Đơn vị gửi (mã số)",
    "held_on": "Ngày", "noted_on": "Ngày", "ends_on": "Đến ngày", "starts_on": "Ngày bắt đầu",
    "issued_on": "Ngày ban hành", "study_deadline": "Hạn học tập", "due_on": "Hạn xử lý",
    "changed_on": "Ngày cập nhật", "effective_on": "Áp dụng từ ngày",
    "recognized_on": "Ngày khen", "term_start": "Ngày bắt đầu nhiệm kỳ",
    "meeting_type": "Loại hội nghị", "attendance": "Số người dự",
    "contributions": "Ý kiến tham luận", "participants": "Thành phần dự",
    "form": "Hình thức", "kind": "Loại", "role": "Vai trò", "source": "Nguồn nắm bắt",
    "attitude": "Thái độ", "concern": "Mức độ quan tâm", "follow_up": "Tình trạng xử lý",
    "status": "Tình trạng", "cell_id": "Chi bộ (mã số)", "area_id": "Khu dân cư (mã số)",
    "category_id": "Lĩnh vực (mã số)", "reporter_id": "Người phản ánh (mã số)",
    "speaker_id": "Báo cáo viên (mã số)", "campaign_id": "Đợt, chủ đề (mã số)",
    "member_id": "Thành viên nhóm (mã số)", "opinion_id": "Ý kiến (mã số)",
    "documents": "Văn bản học tập (mã số)", "member_count": "Số đảng viên",
    "online_team": "Nhóm 35", "party_members_expected": "Đảng viên được triệu tập",
    "party_members_present": "Đảng viên dự", "key_cadres": "Cán bộ chủ chốt",
    "non_party_officials": "CB, CC không là đảng viên", "core_masses": "Quần chúng nòng cốt",
    "union_members": "Đoàn viên, hội viên", "reflections": "Bài thu hoạch",
    "entry_kind": "Loại việc", "channel": "Kênh", "content_kind": "Loại thông tin xấu",
    "action": "Biện pháp xử lý", "entries": "Số bài dự thi", "subject": "Loại",
    "registered": "Đã đăng ký", "assessed": "Đã đánh giá", "replicated": "Đã nhân rộng",
    "recognition": "Biểu dương, khen thưởng", "profile": "Mẫu trình bày",
    "key": "Khóa", "value": "Giá trị", "period_code": "Kỳ báo cáo", "number": "Số",
    "number_text": "Số, ký hiệu", "texts": "Lời văn", "docx": "Tệp DOCX", "pdf": "Tệp PDF",
    "cutoff": "Tính đến ngày", "name": "Tên", "summary": "Tóm tắt",
    "data_json": "Số liệu báo cáo", "duplicate_of": "Trùng số với (mã số)",
    "pending_files": "Tệp đang ghi",
    # exchange between levels
    "unit_uuid": "Mã đơn vị", "sign_private": "Khóa ký (bí mật)",
    "box_private": "Khóa giải mã (bí mật)", "sign_public": "Khóa ký công khai",
    "box_public": "Khóa mã hóa công khai", "fingerprint": "Dấu vân tay khóa",
    "relation": "Quan hệ", "parent_id": "Cấp trên (mã số)",
    "merged_into_id": "Đã gộp vào (mã số)", "package_uuid": "Mã gói",
    "unit_id": "Đơn vị (mã số)", "package_id": "Gói (mã số)", "sender_name": "Đơn vị gửi",
    "recipient_id": "Đơn vị nhận (mã số)", "imported_at": "Lúc nhập",
    "sha256": "Mã băm SHA-256", "since": "Thay đổi từ lúc", "counts": "Số bản ghi",
    "held_back": "Giữ lại", "data": "Tệp gói", "receipt_at": "Lúc nhận biên nhận",
    "receipt": "Biên nhận", "their_updated_at": "Lúc sửa ở đơn vị gửi",
    "theirs": "Bản của đơn vị gửi", "resolved_at": "Lúc giải quyết",
    **QUANTITY_LABELS,
}
# What the details of an import, a backup or a restore say.
DETAIL_LABELS: dict[str, str] = {
    "added": "Đã thêm", "updated": "Đã cập nhật", "skipped": "Bỏ qua", "merged": "Đã gộp",
    "removed": "Đã xóa", "file": "Tệp", "path": "Tệp", "kind": "Loại", "count": "Số lượng",
    "reason": "Lý do", "rows": "Số dòng", "folder": "Thư mục", "from": "Từ bản sao",
    "kept": "Bản sao dữ liệu trước đó", "upgraded": "Đã nâng cấp", "size": "Dung lượng (byte)",
    "second_copy": "Bản sao ở thư mục thứ hai",
    "login": "Tên đăng nhập", "so_lan": "Số lần", "tep": "Tệp", "source": "Nguồn",
    "giu_tai_khoan": "Tài khoản giữ nguyên",
}

# Which enum a coded column holds, by (table, column); "*" is any table.
_ENUMS: dict[tuple[str, str], type[Labelled]] = {
    ("*", "classification"): Classification,
    ("meeting", "meeting_type"): MeetingType,
    ("study_session", "form"): StudyForm,
    ("opinion_note", "attitude"): Attitude, ("opinion_note", "concern"): Concern,
    ("opinion_note", "follow_up"): FollowUp, ("opinion_note", "source"): OpinionSource,
    ("opinion_follow_up", "status"): FollowUp,
    ("person", "role"): PersonRole,
    ("account", "role"): Role,
    ("party_document", "kind"): DocumentKind,
    ("area", "kind"): AreaKind,
    ("propaganda_activity", "form"): PropagandaForm,
    ("online_entry", "entry_kind"): OnlineEntryKind, ("online_entry", "channel"): OnlineChannel,
    ("online_entry", "content_kind"): WrongContentKind, ("online_entry", "action"): OnlineAction,
    ("exemplary_model", "subject"): ModelSubject, ("exemplary_model", "recognition"): Recognition,
}

# Codes of tables that have no enum of their own.
_CODES: dict[tuple[str, str], dict[str, str]] = {
    ("report", "status"): {"draft": "Bản nháp", "pending": "Đang ban hành",
                           "issued": "Đã ban hành"},
    ("exchange_unit", "relation"): {"parent": "Cấp trên", "child": "Cấp dưới"},
    ("exchange_conflict", "status"): {"open": "Chưa quyết định", "mine": "Giữ bản của mình",
                                      "theirs": "Lấy bản nhận được"},
}

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?")


def field_label(kind: str, key: str, details: bool = False) -> str:
    """A column's Vietnamese name in table ``kind`` (the key itself when unknown)."""
    if details:
        return DETAIL_LABELS.get(key, key)
    return _FORM_LABELS.get(kind, {}).get(key) or FIELD_LABELS.get(key, key)


def local_time(at: str) -> datetime:
    """A stored UTC time (ISO text, naive) as this computer's local time (naive)."""
    utc = datetime.fromisoformat(at).replace(tzinfo=timezone.utc)
    return utc.astimezone().replace(tzinfo=None)


def time_text(at: str) -> str:
    """A stored UTC time as local "dd/mm/yyyy HH:MM:SS"."""
    try:
        return local_time(at).strftime("%d/%m/%Y %H:%M:%S")
    except ValueError:
        return at


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def value_text(kind: str, key: str, value: object) -> str:
    """A stored value as the forms show it: an enum's label, Có/Không, a date as
    dd/mm/yyyy, a UTC time in local time, "—" for nothing, else as stored."""
    if value is None or value == "":
        return NONE
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, list):
        return ", ".join(value_text(kind, key, v) for v in value) or NONE
    if isinstance(value, int):
        return str(value) if key == "id" or key.endswith("_id") else _number(value)
    if not isinstance(value, str):
        return str(value)
    enum = _ENUMS.get((kind, key)) or _ENUMS.get(("*", key))
    if enum is not None:
        member = enum.from_code(value)
        if member is not None:
            return member.label
    if value in _CODES.get((kind, key), {}):
        return _CODES[(kind, key)][value]
    if _DAY.fullmatch(value):
        return date.fromisoformat(value).strftime("%d/%m/%Y")
    if _MOMENT.fullmatch(value):
        return time_text(value)
    return value


@dataclass(frozen=True)
class ChangeLine:
    label: str
    before: str | None      # None: a detail, not a change (one value, in ``after``)
    after: str


def change_lines(entry: AuditEntry, changes: dict) -> list[ChangeLine]:
    """Every field the entry names (but the record's identity), readable."""
    out = []
    row = entry.action in ROW_ACTIONS
    for key, value in changes.items():
        if key in IDENTITY and row:
            continue
        if row and isinstance(value, list) and len(value) == 2:
            before, after = value
            out.append(ChangeLine(field_label(entry.kind, key),
                                  value_text(entry.kind, key, before),
                                  value_text(entry.kind, key, after)))
        else:
            out.append(ChangeLine(field_label(entry.kind, key, details=not row), None,
                                  value_text(entry.kind, key, value)))
    return out


def _short(text: str, room: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= room else text[:room - 1] + "…"


def line_text(line: ChangeLine, action: str, room: int | None = None) -> str:
    """One change as text: "Tên: trước → sau"; a new record's value alone, a
    removed one's before alone, a detail as "Tên: giá trị"."""
    cut = (lambda s: _short(s, room)) if room else (lambda s: s)
    if line.before is None or action == "create":
        return f"{line.label}: {cut(line.after)}"
    if action == "remove":
        return f"{line.label}: {cut(line.before)}"
    return f"{line.label}: {cut(line.before)}{ARROW}{cut(line.after)}"


def summary(entry: AuditEntry, changes: dict, room: int = 40) -> str:
    """The entry's changes on one line, each value cut to ``room`` characters."""
    lines = change_lines(entry, changes)
    if entry.action == "create":        # a new record: what it says, not its blanks
        lines = [ln for ln in lines if ln.after not in (NONE, "Không")]
    return "; ".join(line_text(ln, entry.action, room) for ln in lines)


def full_text(entry: AuditEntry, changes: dict) -> str:
    """The entry's changes, one line each, nothing cut (the Excel export)."""
    return "\n".join(line_text(ln, entry.action) for ln in change_lines(entry, changes))
