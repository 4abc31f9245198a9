"""Dư luận xã hội: the dialog to add or edit one opinion note.

A new note's attitude (thái độ) starts unselected and must be chosen: the four
values have no neutral one, and a value kept by default would quietly change the
counts a report quotes ("04 ý kiến băn khoăn") and which notes it lists as bức xúc.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from tgdesk.domain.enums import (Attitude, Classification, Concern, FollowUp, OpinionSource,
                                 PersonRole)
from tgdesk.domain.records import OpinionNote
from tgdesk.domain.text import nfc
from tgdesk.services import classified, lists
from tgdesk.services.kinds import OPINIONS

from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.catalogue_choice import AddBeside, combo_with_add
from tgdesk.ui.common.record_dialog import RecordDialog
from tgdesk.ui.common.widgets import (IssueForm, code_combo, id_combo, set_combo_data,
                      text_edit)


ATTITUDE_UNSET = "— Chọn thái độ —"
ATTITUDE_MISSING = "Thái độ: chưa chọn."


class OpinionDialog(RecordDialog):
    kind = OPINIONS
    new_title = "Thêm ý kiến dư luận"
    edit_title = "Sửa ý kiến dư luận"

    def blank(self) -> OpinionNote:
        return OpinionNote(noted_on=self.ctx.today(), attitude="",     # the officer chooses
                           classification=classified.opinion_default(self.ctx))

    def _choices(self, kind: str, label_key: str, current: int | None,
                 role: str | None = None) -> list[tuple[str, int]]:
        out = []
        for row in lists.catalogue(self.ctx, kind):
            if role is not None and row["role"] != role and row["id"] != current:
                continue
            if row["active"] or row["id"] == current:
                out.append((row[label_key], row["id"]))
        return out

    def _with_add(self, combo, kind: str, label_key: str, current: int | None,
                  role: str | None = None, preset=None) -> AddBeside:
        """The combo with “Thêm…”: a row added there is offered and chosen at once."""
        return combo_with_add(self.ctx, combo, kind,
                              lambda: self._choices(kind, label_key, current, role), preset)

    def build(self, form: IssueForm) -> None:
        o = self.original
        self.noted_on = form.add("Ngày nắm bắt:",
                                 DateField(self.ctx.today(), today=self.ctx.today()), "noted_on")
        self.category = id_combo(self._choices("categories", "name", o.category_id),
                                 "— Chọn lĩnh vực —")
        self.category_add = form.add("Lĩnh vực:", self._with_add(
            self.category, "categories", "name", o.category_id), "category_id")
        self.summary = form.add("Nội dung dư luận:", text_edit(90), "summary")
        self.area = id_combo(self._choices("areas", "name", o.area_id), "— Không ghi —")
        self.area_add = form.add("Khu dân cư:", self._with_add(self.area, "areas", "name",
                                                               o.area_id), "area_id")
        ctv = PersonRole.CTV_DLXH.value
        self.reporter = id_combo(self._choices("people", "full_name", o.reporter_id, ctv),
                                 "— Không ghi —")
        self.reporter_add = form.add("Người phản ánh:", self._with_add(
            self.reporter, "people", "full_name", o.reporter_id, ctv,
            lambda: {"role": ctv, "area_id": self.area.currentData()}), "reporter_id")
        self.source = form.add("Nguồn nắm bắt:", code_combo(OpinionSource), "source")
        self.attitude = form.add(
            "Thái độ:", id_combo([(m.label, m.value) for m in Attitude], ATTITUDE_UNSET),
            "attitude")
        self.concern = form.add("Mức độ quan tâm:", code_combo(Concern), "concern")
        self.proposal = form.add("Đề xuất, kiến nghị:", text_edit(), "proposal")
        self.follow_up = form.add("Tình trạng xử lý:", code_combo(FollowUp), "follow_up")
        self.passed_to = form.add("Chuyển cho:", QLineEdit(), "passed_to")
        self.passed_to.setPlaceholderText("Ví dụ: Ủy ban nhân dân phường")
        self.due_on = form.add("Hạn xử lý:", DateField(None, optional=True,
                                                       placeholder="— Không đặt hạn —",
                                                       today=self.ctx.today()),
                               "due_on")
        self.due_on.setToolTip("Ngày phải giải quyết xong; quá hạn mà chưa giải quyết thì "
                               "ý kiến được đánh dấu “quá hạn” trong danh sách và ở Tổng quan")
        self.classification = form.add("Độ mật:", code_combo(Classification), "classification")

    def try_save(self) -> bool:
        saved = super().try_save()
        if not saved and self.attitude.currentData() is None and self.form.message("attitude"):
            self.form.messages["attitude"].setText(ATTITUDE_MISSING)   # not "giá trị “”"
        return saved

    def load(self, o: OpinionNote) -> None:
        if o.noted_on is not None:
            self.noted_on.set_value(o.noted_on)
        set_combo_data(self.category, o.category_id)
        self.summary.setPlainText(o.summary)
        set_combo_data(self.area, o.area_id)
        set_combo_data(self.reporter, o.reporter_id)
        set_combo_data(self.source, o.source)
        set_combo_data(self.attitude, o.attitude)
        set_combo_data(self.concern, o.concern)
        self.proposal.setPlainText(o.proposal or "")
        set_combo_data(self.follow_up, o.follow_up)
        self.passed_to.setText(o.passed_to or "")
        self.due_on.set_value(o.due_on)
        set_combo_data(self.classification, o.classification)

    def record(self) -> OpinionNote:
        return OpinionNote(
            noted_on=self.noted_on.value(),
            area_id=self.area.currentData(),
            reporter_id=self.reporter.currentData(),
            category_id=self.category.currentData(),
            source=self.source.currentData(),
            summary=self.summary.toPlainText(),
            attitude=self.attitude.currentData() or "",
            concern=self.concern.currentData(),
            proposal=nfc(self.proposal.toPlainText()),
            follow_up=self.follow_up.currentData(),
            passed_to=nfc(self.passed_to.text()),
            due_on=self.due_on.value(),
            classification=self.classification.currentData(),
        )
