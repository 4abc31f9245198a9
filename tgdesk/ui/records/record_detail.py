"""The detail pane under a record list: the whole of the selected record, read-only,
with what the search matched marked (search_marks.py).

It is filled from the row the list's model already holds (one page query at most),
so moving the selection stays instant. Plain text takes the theme's colours;
only the marks have colours of their own."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QTextBrowser

from tgdesk import vnformat as vf
from tgdesk.domain.enums import (PROPAGANDA_QUANTITIES, Attitude, Classification, Concern,
                                 FollowUp, MeetingType, ModelSubject, OnlineAction, OnlineChannel,
                                 OnlineEntryKind, OpinionSource, PropagandaForm, Recognition,
                                 StudyForm, WrongContentKind)
from tgdesk.domain.audit_text import time_text
from tgdesk.domain.search_query import SearchQuery
from tgdesk.services.audit import Authorship

from tgdesk.ui.records.columns import day_range, is_overdue
from tgdesk.ui.records.search_marks import marked_html

NOTHING_SELECTED = "Chọn một dòng trong danh sách để xem toàn văn ở đây."

# (label, key or function, searched): a searched field is held by the search
# index (migration 0004), so its matches are marked; the others are shown as they are.
Field = tuple[str, "str | Callable[[dict], str]", bool]


def _label(enum, key: str) -> Callable[[dict], str]:
    def text(row: dict) -> str:
        member = enum.from_code(row.get(key))
        return member.label if member else (row.get(key) or "")
    return text


def _day(key: str) -> Callable[[dict], str]:
    return lambda row: vf.short_date(row[key]) if isinstance(row.get(key), date) else ""


def _count(key: str) -> Callable[[dict], str]:
    return lambda row: "" if row.get(key) is None else vf.number(row[key])


def _study_members(row: dict) -> str:
    return (f"{vf.number(row.get('party_members_present') or 0)}/"
            f"{vf.number(row.get('party_members_expected') or 0)}")


def _nonzero(key: str) -> Callable[[dict], str]:
    return lambda row: vf.number(row[key]) if row.get(key) else ""


def _progress(row: dict) -> str:
    """“đã đăng ký, đã đánh giá, chưa nhân rộng”."""
    return ", ".join(("đã " if row.get(key) else "chưa ") + text for key, text in
                     (("registered", "đăng ký"), ("assessed", "đánh giá"),
                      ("replicated", "nhân rộng")))


def _recognition(row: dict) -> str:
    return "" if row.get("recognition") == Recognition.CHUA.value else \
        _label(Recognition, "recognition")(row)


# The record's name that heads the pane, by kind.
HEADINGS = {"meetings": "title", "studies": "title", "propaganda": "title", "models": "name"}

# Per kind: (the heading,) the short facts on one wrapped line, then the long texts
# one per paragraph, then (opinions) the follow-up.
FACTS: dict[str, list[Field]] = {
    "meetings": [("Ngày họp", _day("held_on"), False),
                 ("Loại hội nghị", _label(MeetingType, "meeting_type"), False),
                 ("Địa điểm", "place", True), ("Chủ trì", "chaired_by", True),
                 ("Số người dự", _count("attendance"), False),
                 ("Ý kiến tham luận", _count("contributions"), False),
                 ("Độ mật", _label(Classification, "classification"), False)],
    "studies": [("Ngày học tập", _day("held_on"), False),
                ("Chi bộ", lambda r: r.get("cell") or "Toàn Đảng bộ", False),
                ("Hình thức", _label(StudyForm, "form"), False),
                ("Báo cáo viên", "speaker", True), ("Địa điểm", "place", True),
                ("Văn bản học tập", lambda r: ", ".join(r.get("documents") or []), False),
                ("Đảng viên dự/triệu tập", _study_members, False),
                ("Độ mật", _label(Classification, "classification"), False)],
    "opinions": [("Ngày nắm bắt", _day("noted_on"), False),
                 ("Lĩnh vực", "category", False), ("Khu dân cư", "area", False),
                 ("Người phản ánh", "reporter", False),
                 ("Nguồn nắm bắt", _label(OpinionSource, "source"), False),
                 ("Thái độ", _label(Attitude, "attitude"), False),
                 ("Mức độ quan tâm", _label(Concern, "concern"), False)],
    "propaganda": [("Ngày thực hiện", day_range, False),
                   ("Hình thức", _label(PropagandaForm, "form"), False),
                   ("Đợt, chủ đề", "campaign", False), ("Địa điểm, kênh", "place", True),
                   ("Khu dân cư", "area", False), ("Chi bộ", "cell", False),
                   *[(label, _nonzero(fld), False) for fld, label, _u in PROPAGANDA_QUANTITIES],
                   ("Độ mật", _label(Classification, "classification"), False)],
    "online": [("Ngày", _day("noted_on"), False),
               ("Loại việc", _label(OnlineEntryKind, "entry_kind"), False),
               ("Kênh", _label(OnlineChannel, "channel"), False),
               ("Thành viên nhóm", "member", False),
               ("Bài đăng", _nonzero("posts"), False),
               ("Lượt chia sẻ", _nonzero("shares"), False),
               ("Lượt tiếp cận", _nonzero("reach"), False),
               ("Loại thông tin xấu", _label(WrongContentKind, "content_kind"), False),
               ("Biện pháp xử lý", _label(OnlineAction, "action"), False),
               ("Chuyển cho", "passed_to", True), ("Số bài dự thi", _nonzero("entries"), False),
               ("Độ mật", _label(Classification, "classification"), False)],
    "models": [("Ngày đăng ký", _day("noted_on"), False),
               ("Loại", _label(ModelSubject, "subject"), False),
               ("Chuyên đề năm", "theme", True), ("Chi bộ", "cell", False),
               ("Khu dân cư", "area", False), ("Thực hiện", _progress, False),
               ("Biểu dương, khen thưởng", _recognition, False),
               ("Cấp khen", "recognition_level", True),
               ("Quyết định", "recognition_doc", True),
               ("Ngày khen", _day("recognized_on"), False),
               ("Độ mật", _label(Classification, "classification"), False)],
}
TEXTS: dict[str, list[Field]] = {
    "meetings": [("Thành phần dự", "participants", True),
                 ("Nội dung", "contents", True), ("Kết luận", "conclusions", True)],
    "studies": [("Ghi chú", "note", True)],
    "opinions": [("Nội dung dư luận", "summary", True),
                 ("Đề xuất, kiến nghị", "proposal", True)],
    "propaganda": [("Ghi chú", "note", True)],
    "online": [("Nội dung", "summary", True), ("Đường dẫn", "link", True)],
    "models": [("Mô tả", "description", True)],
}
FOLLOW_UP: list[Field] = [("Tình trạng xử lý", _label(FollowUp, "follow_up"), False),
                          ("Chuyển cho", "passed_to", True), ("Hạn xử lý", _day("due_on"), False)]


def _value(row: dict, field: Field, query: SearchQuery | None) -> str:
    """The field's value as HTML, "" when empty."""
    _, get, searched = field
    text = get(row) if callable(get) else (row.get(get) or "")
    text = str(text).strip()
    if not text:
        return ""
    return marked_html(text, query) if searched else html.escape(text)


def _line(row: dict, fields: list[Field], query: SearchQuery | None) -> str:
    parts = []
    for field in fields:
        value = _value(row, field, query)
        if value:
            label = html.escape(field[0]).replace(" ", "&nbsp;")    # a label never wraps
            parts.append(f"<b>{label}:</b> {value}")
    return "<p>" + " &nbsp;·&nbsp; ".join(parts) + "</p>" if parts else ""


def authorship_text(made: Authorship | None) -> str:
    """“Người tạo: lan, 03/12/2026 08:15:02 · Sửa lần cuối: hoa, …”, or "" when the
    audit log holds nothing of the record."""
    if made is None:
        return ""
    parts = []
    if made.created_by:
        parts.append(f"Người tạo: {made.created_by}, {time_text(made.created_at)}")
    if made.changed_by:
        parts.append(f"Sửa lần cuối: {made.changed_by}, {time_text(made.changed_at)}")
    return " · ".join(parts)


def detail_html(kind: str, row: dict | None, query: SearchQuery | None = None,
                today: date | None = None, made: Authorship | None = None) -> str:
    """The detail pane's HTML for one row of a list of ``kind`` (a dict from
    services.lists.rows), the search's matches marked; ``made``: who created and
    last changed it (services.audit.authorship)."""
    if row is None:
        return f"<p><i>{html.escape(NOTHING_SELECTED)}</i></p>"
    out = []
    if kind in HEADINGS:                         # the title or name heads the pane
        title = _value(row, ("", HEADINGS[kind], True), query)
        out.append(f"<p style='font-size:large'><b>{title}</b></p>" if title else "")
    out.append(_line(row, FACTS[kind], query))
    for field in TEXTS[kind]:
        value = _value(row, field, query)
        if value:
            out.append(f"<p><b>{html.escape(field[0])}:</b><br>{value}</p>")
    if kind == "opinions":
        line = _line(row, FOLLOW_UP, query)
        if line and today is not None and is_overdue(row, today):
            line = line.replace("</p>", " <b>(quá hạn)</b></p>")
        out.append(line)
    if who := authorship_text(made):
        out.append(f"<p><i>{html.escape(who)}</i></p>")
    return "".join(out)


class RecordDetail(QTextBrowser):
    """Read-only, selectable text of the selected record (links are not followed)."""

    def __init__(self, kind: str, parent=None):
        super().__init__(parent)
        self.kind = kind
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet("p { margin-top: 0; margin-bottom: 5px; }")
        self.setAccessibleName("Toàn văn bản ghi đang chọn")
        self.setMinimumHeight(48)
        self.show_row(None)

    def show_row(self, row: dict | None, query: SearchQuery | None = None,
                 today: date | None = None, made: Authorship | None = None) -> None:
        self.setHtml(detail_html(self.kind, row, query, today, made))
