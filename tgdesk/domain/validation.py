"""Validation of records. Pure: what must exist in the catalogues is passed in.

Errors block a save; warnings are shown but do not (DHIS2's lesson: known
imperfect data beats missing data). Every message is Vietnamese and names the
field it is about; ``field`` is the dataclass attribute, so a form can put the
message beside the right widget.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from .enums import (Attitude, Classification, Concern, DocumentKind, FollowUp, MeetingType,
                    OpinionSource, PersonRole, StudyForm, AreaKind)
from .records import (Area, Cell, CellMemberCount, FollowUpChange, Meeting, OpinionCategory,
                      OpinionNote, PartyDocument, Person, StudySession, UnitSettings)
from .text import printable, text_problem

# Plausibility bounds: beyond these a value is possible but worth a second look.
MAX_PLAUSIBLE_ATTENDANCE = 2000
# The most people a meeting of each type usually has in a ward: a giao ban of
# the cells' secretaries has tens, a conference to launch a resolution a few
# hundred. Beyond it the count is likely a typo (1.250 for 125) and is queried.
TYPICAL_ATTENDANCE = {MeetingType.GIAO_BAN: 200, MeetingType.TOA_DAM: 300,
                      MeetingType.DOI_THOAI: 500, MeetingType.TAP_HUAN: 500,
                      MeetingType.SO_KET: 800, MeetingType.TONG_KET: 1000,
                      MeetingType.TRIEN_KHAI: 1000}
MAX_FUTURE_DAYS = 0
# A study deadline this many years after today is a typo (2062 for 2026).
MAX_DEADLINE_YEARS = 10

# Hard bounds (errors): what one ward can hold. A ward has some tens of
# thousands of residents and at most a few thousand Party members, so these
# leave a wide margin and still stop a typo or a forged value of 999,999,999.
MAX_PEOPLE = 100_000            # people at one meeting or study session, contributions
MAX_PARTY_MEMBERS = 50_000      # Party members of a cell, called to or present at a session
# Text: characters per field. Free-text fields (contents, summary, notes) may be
# long; names, titles and the like are short in practice.
MAX_TEXT = 10_000
MAX_LONG_TEXT = 50_000
LONG_TEXT_FIELDS = frozenset({"contents", "conclusions", "summary", "proposal", "note",
                              "participants", "description"})

# Labels of the free-text fields of each record (coded fields are checked by _code).
TEXT_LABELS: dict[type, dict[str, str]] = {
    UnitSettings: {"name": "Tên đơn vị", "parent_name": "Tên cấp trên", "place_name": "Địa danh",
                   "doc_abbrev": "Ký hiệu văn bản", "signer_authority": "Quyền hạn ký",
                   "signer_title": "Chức vụ người ký", "signer_name": "Họ tên người ký"},
    Cell: {"name": "Tên chi bộ", "secretary": "Bí thư", "note": "Ghi chú"},
    Area: {"name": "Tên khu dân cư", "note": "Ghi chú"},
    PartyDocument: {"number_symbol": "Số, ký hiệu", "issuer": "Cơ quan ban hành",
                    "title": "Trích yếu"},
    Person: {"full_name": "Họ tên", "phone": "Điện thoại", "workplace": "Nơi công tác"},
    OpinionCategory: {"name": "Tên lĩnh vực", "description": "Mô tả"},
    Meeting: {"title": "Tên hội nghị", "place": "Địa điểm", "chaired_by": "Chủ trì",
              "participants": "Thành phần", "contents": "Nội dung",
              "conclusions": "Kết luận"},
    StudySession: {"title": "Nội dung học tập", "speaker_name": "Báo cáo viên (ngoài danh sách)",
                   "place": "Địa điểm", "note": "Ghi chú"},
    OpinionNote: {"summary": "Nội dung dư luận", "proposal": "Đề xuất xử lý",
                  "passed_to": "Chuyển cho"},
    FollowUpChange: {"passed_to": "Chuyển cho", "note": "Ghi chú"},
}


def _number(n: int) -> str:
    """12345 -> "12.345" (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


@dataclass(frozen=True)
class Issue:
    field: str
    message: str


@dataclass
class Verdict:
    errors: list[Issue] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    def error(self, fld: str, message: str) -> None:
        self.errors.append(Issue(fld, message))

    def warn(self, fld: str, message: str) -> None:
        self.warnings.append(Issue(fld, message))


@dataclass(frozen=True)
class Known:
    """Ids that exist (and are not deleted) in the catalogues."""

    cells: frozenset[int] = frozenset()
    areas: frozenset[int] = frozenset()
    documents: frozenset[int] = frozenset()
    people: frozenset[int] = frozenset()
    categories: frozenset[int] = frozenset()
    campaigns: frozenset[int] = frozenset()


def _required_text(v: Verdict, fld: str, value: str | None, label: str) -> None:
    if not value or not value.strip():
        v.error(fld, f"{label}: chưa nhập.")


def _required_date(v: Verdict, fld: str, value: date | None, label: str, today: date) -> None:
    if value is None:
        v.error(fld, f"{label}: chưa nhập hoặc không đúng dạng ngày/tháng/năm.")
    elif value.year < 1930:
        v.error(fld, f"{label}: năm {value.year} không hợp lệ.")
    elif value > today:
        v.error(fld, f"{label}: ngày {value:%d/%m/%Y} còn ở tương lai.")


def _count(v: Verdict, fld: str, value: int | None, label: str,
           maximum: int = MAX_PEOPLE) -> None:
    if value is not None and value < 0:
        v.error(fld, f"{label}: không được là số âm.")
    elif value is not None and value > maximum:
        v.error(fld, f"{label}: {_number(value)} vượt quá giới hạn {_number(maximum)} "
                     "(quá số người một phường có thể có), xin kiểm tra lại.")
    elif value is not None and value > MAX_PLAUSIBLE_ATTENDANCE:
        v.warn(fld, f"{label}: {_number(value)} là con số rất lớn, xin kiểm tra lại.")


def _code(v: Verdict, fld: str, value: str, enum, label: str) -> None:
    if enum.from_code(value) is None:
        shown = printable(value, 40) if isinstance(value, str) else value
        v.error(fld, f"{label}: giá trị “{shown}” không có trong danh sách.")


def _texts(v: Verdict, record, labels: dict[str, str] | None = None) -> None:
    """Every free-text field: valid Unicode, no control characters, not too long."""
    labels = TEXT_LABELS.get(type(record), {}) if labels is None else labels
    for fld, label in labels.items():
        value = getattr(record, fld)
        if not isinstance(value, str) or not value:
            continue
        problem = text_problem(value)
        if problem:
            v.error(fld, f"{label}: {problem}")
            continue
        limit = MAX_LONG_TEXT if fld in LONG_TEXT_FIELDS else MAX_TEXT
        if len(value) > limit:
            v.error(fld, f"{label}: dài {_number(len(value))} ký tự, quá giới hạn "
                         f"{_number(limit)} ký tự.")


def _ref(v: Verdict, fld: str, value: int | None, known: frozenset[int], label: str,
         required: bool = False) -> None:
    if value is None:
        if required:
            v.error(fld, f"{label}: chưa chọn.")
    elif value not in known:
        v.error(fld, f"{label}: không có trong danh mục (có thể đã bị xóa).")


def validate_unit(u: UnitSettings) -> Verdict:
    v = Verdict()
    _required_text(v, "name", u.name, "Tên đơn vị")
    _required_text(v, "parent_name", u.parent_name, "Tên cấp trên")
    _required_text(v, "place_name", u.place_name, "Địa danh")
    _required_text(v, "doc_abbrev", u.doc_abbrev, "Ký hiệu văn bản")
    _required_text(v, "signer_authority", u.signer_authority, "Quyền hạn ký")
    _required_text(v, "signer_title", u.signer_title, "Chức vụ người ký")
    _required_text(v, "signer_name", u.signer_name, "Họ tên người ký")
    if u.doc_abbrev and ("-" in u.doc_abbrev or " " in u.doc_abbrev.strip()):
        v.error("doc_abbrev", "Ký hiệu văn bản: chỉ ghi phần sau dấu “/”, ví dụ ĐU.")
    _texts(v, u)
    return v


def validate_meeting(m: Meeting, today: date) -> Verdict:
    v = Verdict()
    _required_date(v, "held_on", m.held_on, "Ngày họp", today)
    _required_text(v, "title", m.title, "Tên hội nghị")
    _code(v, "meeting_type", m.meeting_type, MeetingType, "Loại hội nghị")
    _code(v, "classification", m.classification, Classification, "Độ mật")
    _count(v, "attendance", m.attendance, "Số người dự")
    _count(v, "contributions", m.contributions, "Số ý kiến tham luận")
    _typical_attendance(v, m)
    if m.held_on is not None and m.held_on.weekday() == 6:
        v.warn("held_on", "Ngày họp: rơi vào Chủ nhật, xin kiểm tra lại.")
    if (m.attendance is not None and m.contributions is not None and m.attendance >= 0
            and m.contributions > m.attendance > 0):
        v.warn("contributions", "Số ý kiến tham luận nhiều hơn số người dự, xin kiểm tra lại.")
    _texts(v, m)
    return v


def _typical_attendance(v: Verdict, m: Meeting) -> None:
    kind = MeetingType.from_code(m.meeting_type)
    typical = TYPICAL_ATTENDANCE.get(kind)
    if (typical is None or m.attendance is None or not typical < m.attendance
            <= MAX_PLAUSIBLE_ATTENDANCE):
        return
    v.warn("attendance", f"Số người dự: {_number(m.attendance)} người là nhiều so với một cuộc "
                         f"{kind.label.lower()} thường có (đến {_number(typical)} người), xin "
                         "kiểm tra lại.")


def validate_study(s: StudySession, known: Known, today: date) -> Verdict:
    v = Verdict()
    _required_date(v, "held_on", s.held_on, "Ngày học tập", today)
    _required_text(v, "title", s.title, "Nội dung học tập")
    _code(v, "form", s.form, StudyForm, "Hình thức")
    _code(v, "classification", s.classification, Classification, "Độ mật")
    if not s.document_ids:
        v.error("document_ids", "Văn bản học tập: chọn ít nhất một văn bản.")
    for doc_id in s.document_ids:
        _ref(v, "document_ids", doc_id, known.documents, "Văn bản học tập")
    if len(set(s.document_ids)) != len(s.document_ids):
        v.error("document_ids", "Văn bản học tập: một văn bản được chọn hai lần.")
    _ref(v, "cell_id", s.cell_id, known.cells, "Chi bộ")
    _ref(v, "speaker_id", s.speaker_id, known.people, "Báo cáo viên")
    for fld, label, maximum in (
            ("key_cadres", "Cán bộ chủ chốt", MAX_PEOPLE),
            ("party_members_expected", "Đảng viên được triệu tập", MAX_PARTY_MEMBERS),
            ("party_members_present", "Đảng viên dự", MAX_PARTY_MEMBERS),
            ("non_party_officials", "Cán bộ, công chức không là đảng viên", MAX_PEOPLE),
            ("core_masses", "Quần chúng nòng cốt", MAX_PEOPLE),
            ("union_members", "Đoàn viên, hội viên", MAX_PEOPLE),
            ("reflections", "Bài thu hoạch", MAX_PEOPLE)):
        _count(v, fld, getattr(s, fld), label, maximum)
    if s.party_members_present > s.party_members_expected >= 0:
        v.error("party_members_present",
                f"Đảng viên dự ({s.party_members_present}) nhiều hơn số được triệu tập "
                f"({s.party_members_expected}).")
    if s.total_participants() == 0 and not v.errors:
        v.warn("party_members_present", "Chưa ghi số người tham dự.")
    if s.held_on is not None and s.held_on.weekday() == 6:
        v.warn("held_on", "Ngày học tập: rơi vào Chủ nhật, xin kiểm tra lại.")
    _texts(v, s)
    return v


def validate_opinion(o: OpinionNote, known: Known, today: date) -> Verdict:
    v = Verdict()
    _required_date(v, "noted_on", o.noted_on, "Ngày nắm bắt", today)
    _required_text(v, "summary", o.summary, "Nội dung dư luận")
    _code(v, "attitude", o.attitude, Attitude, "Thái độ")
    _code(v, "concern", o.concern, Concern, "Mức độ quan tâm")
    _code(v, "follow_up", o.follow_up, FollowUp, "Tình trạng xử lý")
    _code(v, "source", o.source, OpinionSource, "Nguồn")
    _code(v, "classification", o.classification, Classification, "Độ mật")
    _ref(v, "area_id", o.area_id, known.areas, "Khu dân cư")
    _ref(v, "reporter_id", o.reporter_id, known.people, "Người phản ánh")
    _ref(v, "category_id", o.category_id, known.categories, "Lĩnh vực", required=True)
    if o.due_on is not None and o.noted_on is not None and o.due_on < o.noted_on:
        v.error("due_on", "Hạn xử lý: không được trước ngày nắm bắt.")
    if o.concern == Concern.DIEM_NONG.value and not (o.proposal or "").strip():
        v.warn("proposal", "Điểm nóng nhưng chưa có đề xuất xử lý.")
    if o.follow_up != FollowUp.MOI.value and not (o.passed_to or "").strip():
        v.warn("passed_to", "Đã chuyển xử lý nhưng chưa ghi chuyển cho ai.")
    _texts(v, o)
    return v


def validate_cell(c: Cell) -> Verdict:
    v = Verdict()
    _required_text(v, "name", c.name, "Tên chi bộ")
    _count(v, "member_count", c.member_count, "Số đảng viên", MAX_PARTY_MEMBERS)
    _texts(v, c)
    return v


def validate_area(a: Area) -> Verdict:
    v = Verdict()
    _required_text(v, "name", a.name, "Tên khu dân cư")
    _code(v, "kind", a.kind, AreaKind, "Loại")
    _texts(v, a)
    return v


def validate_document(d: PartyDocument, today: date) -> Verdict:
    v = Verdict()
    _code(v, "kind", d.kind, DocumentKind, "Loại văn bản")
    _required_text(v, "number_symbol", d.number_symbol, "Số, ký hiệu")
    _required_text(v, "issuer", d.issuer, "Cơ quan ban hành")
    _required_text(v, "title", d.title, "Trích yếu")
    _required_date(v, "issued_on", d.issued_on, "Ngày ban hành", today)
    _study_deadline(v, d, today)
    _texts(v, d)
    return v


def _study_deadline(v: Verdict, d: PartyDocument, today: date) -> None:
    """Optional; not before the document was issued, not absurdly far ahead."""
    day = d.study_deadline
    if day is None:
        return
    if d.issued_on is not None and day < d.issued_on:
        v.error("study_deadline", f"Hạn học tập: ngày {day:%d/%m/%Y} trước ngày ban hành văn "
                                  f"bản ({d.issued_on:%d/%m/%Y}).")
    elif not 1930 <= day.year <= today.year + MAX_DEADLINE_YEARS:
        v.error("study_deadline", f"Hạn học tập: năm {day.year} không hợp lệ, xin kiểm tra lại.")


def validate_member_count(entry: CellMemberCount, today: date) -> Verdict:
    """One step of a cell's membership: a count within bounds, from a date not in
    the future."""
    v = Verdict()
    if entry.member_count is None:
        v.error("member_count", "Số đảng viên: chưa nhập.")
    _count(v, "member_count", entry.member_count, "Số đảng viên", MAX_PARTY_MEMBERS)
    _required_date(v, "effective_on", entry.effective_on, "Ngày áp dụng", today)
    return v


def validate_member_history(entries: list[CellMemberCount], today: date) -> Verdict:
    """A cell's whole membership history: each step valid, one step per date."""
    v = Verdict()
    seen: set[date] = set()
    for entry in entries:
        one = validate_member_count(entry, today)
        v.errors.extend(one.errors)
        v.warnings.extend(one.warnings)
        if entry.effective_on in seen:
            v.error("effective_on", f"Ngày áp dụng: ngày {entry.effective_on:%d/%m/%Y} đã có "
                                    "số đảng viên; mỗi ngày chỉ ghi một số.")
        elif entry.effective_on is not None:
            seen.add(entry.effective_on)
    return v


def validate_person(p: Person, known: Known) -> Verdict:
    v = Verdict()
    _required_text(v, "full_name", p.full_name, "Họ tên")
    _code(v, "role", p.role, PersonRole, "Vai trò")
    _ref(v, "area_id", p.area_id, known.areas, "Khu dân cư")
    _texts(v, p)
    return v


def validate_category(c: OpinionCategory) -> Verdict:
    v = Verdict()
    _required_text(v, "name", c.name, "Tên lĩnh vực")
    _texts(v, c)
    return v


FOLLOW_UP_ORDER = [m.value for m in FollowUp]


def validate_follow_up_step(change: FollowUpChange, noted_on: date | None,
                            today: date) -> Verdict:
    """One step of a note's follow-up history, on its own: a known status, a
    date between the note's date and today, valid text."""
    v = Verdict()
    _code(v, "status", change.status, FollowUp, "Tình trạng xử lý")
    if change.changed_on is None:
        v.error("changed_on", "Ngày cập nhật: chưa nhập.")
    elif change.changed_on > today:
        v.error("changed_on", f"Ngày cập nhật: ngày {change.changed_on:%d/%m/%Y} còn ở tương lai.")
    elif noted_on is not None and change.changed_on < noted_on:
        v.error("changed_on", "Ngày cập nhật: không được trước ngày nắm bắt ý kiến.")
    _texts(v, change)
    return v


def validate_follow_up(current: str, change, noted_on: date, today: date) -> Verdict:
    """A change of follow-up status: a known status, different from the current
    one, dated between the note's date and today."""
    v = validate_follow_up_step(change, noted_on, today)
    if change.status == current:
        v.errors.insert(1 if v.errors and v.errors[0].field == "status" else 0,
                        Issue("status", "Tình trạng xử lý: không thay đổi so với hiện tại."))
    if (change.status in FOLLOW_UP_ORDER and current in FOLLOW_UP_ORDER
            and FOLLOW_UP_ORDER.index(change.status) < FOLLOW_UP_ORDER.index(current)):
        v.warn("status", "Tình trạng xử lý lùi lại so với trước, xin kiểm tra lại.")
    if change.status != FollowUp.MOI.value and not (change.passed_to or "").strip():
        v.warn("passed_to", "Chưa ghi chuyển cho ai xử lý.")
    return v


# --- one validator per kind ------------------------------------------------------

VALIDATORS = {
    "cells": lambda r, known, today: validate_cell(r),
    "areas": lambda r, known, today: validate_area(r),
    "documents": lambda r, known, today: validate_document(r, today),
    "categories": lambda r, known, today: validate_category(r),
    "people": lambda r, known, today: validate_person(r, known),
    "meetings": lambda r, known, today: validate_meeting(r, today),
    "studies": validate_study,
    "opinions": validate_opinion,
}  # + the propaganda, online-team, Chỉ thị 05 records, the campaigns:
from .activity_validation import ACTIVITY_VALIDATORS  # noqa: E402  (uses the helpers above)
VALIDATORS.update(ACTIVITY_VALIDATORS)


def validate_record(kind: str, record, known: Known, today: date) -> Verdict:
    """The validation of one record of ``kind`` (cells, …, opinions): the same
    for the window, JSON and Excel imports and received packages."""
    return VALIDATORS[kind](record, known, today)
