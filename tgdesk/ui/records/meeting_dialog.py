"""Hội nghị: the dialog to add or edit one meeting."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from tgdesk.domain.enums import Classification, MeetingType
from tgdesk.domain.records import Meeting
from tgdesk.domain.text import nfc
from tgdesk.services.kinds import MEETINGS

from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.record_dialog import RecordDialog
from tgdesk.ui.common.widgets import (IssueForm, code_combo, optional_count,
                      optional_count_spin, set_combo_data, text_edit)


class MeetingDialog(RecordDialog):
    kind = MEETINGS
    new_title = "Thêm hội nghị"
    edit_title = "Sửa hội nghị"

    def blank(self) -> Meeting:
        return Meeting(held_on=self.ctx.today())

    def build(self, form: IssueForm) -> None:
        self.held_on = form.add("Ngày họp:", DateField(self.ctx.today(), today=self.ctx.today()),
                                "held_on")
        self.meeting_type = form.add("Loại hội nghị:", code_combo(MeetingType), "meeting_type")
        self.title = form.add("Tên hội nghị:", QLineEdit(), "title")
        self.title.setPlaceholderText("Ví dụ: Hội nghị sơ kết 6 tháng đầu năm")
        self.place = form.add("Địa điểm:", QLineEdit(), "place")
        self.chaired_by = form.add("Chủ trì:", QLineEdit(), "chaired_by")
        self.participants = form.add("Thành phần dự:", QLineEdit(), "participants")
        self.attendance = form.add("Số người dự:", optional_count_spin(None), "attendance")
        self.contributions = form.add("Ý kiến tham luận:", optional_count_spin(None),
                                      "contributions")
        self.contents = form.add("Nội dung:", text_edit(), "contents")
        self.conclusions = form.add("Kết luận:", text_edit(), "conclusions")
        self.classification = form.add("Độ mật:", code_combo(Classification), "classification")

    def load(self, m: Meeting) -> None:
        if m.held_on is not None:
            self.held_on.set_value(m.held_on)
        set_combo_data(self.meeting_type, m.meeting_type)
        self.title.setText(m.title)
        self.place.setText(m.place or "")
        self.chaired_by.setText(m.chaired_by or "")
        self.participants.setText(m.participants or "")
        self.attendance.setValue(-1 if m.attendance is None else m.attendance)
        self.contributions.setValue(-1 if m.contributions is None else m.contributions)
        self.contents.setPlainText(m.contents or "")
        self.conclusions.setPlainText(m.conclusions or "")
        set_combo_data(self.classification, m.classification)

    def record(self) -> Meeting:
        return Meeting(
            held_on=self.held_on.value(),
            meeting_type=self.meeting_type.currentData(),
            title=self.title.text(),
            place=nfc(self.place.text()),
            chaired_by=nfc(self.chaired_by.text()),
            participants=nfc(self.participants.text()),
            attendance=optional_count(self.attendance),
            contributions=optional_count(self.contributions),
            contents=nfc(self.contents.toPlainText()),
            conclusions=nfc(self.conclusions.toPlainText()),
            classification=self.classification.currentData(),
        )
