"""Mô hình, điển hình (Chỉ thị 05-CT/TW): the dialog to add or edit one model,
exemplary collective or person.

The recognition's level, decision and date can be filled only once the
recognition is not “Chưa”; choosing “Chưa” again empties them (a decision
without a recognition is refused)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtWidgets import QCheckBox, QCompleter, QLineEdit

from tgdesk.domain.enums import Classification, ModelSubject, Recognition
from tgdesk.domain.records import ExemplaryModel
from tgdesk.domain.text import nfc
from tgdesk.services import lists
from tgdesk.services.kinds import MODELS

from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.record_dialog import RecordDialog
from tgdesk.ui.common.widgets import IssueForm, code_combo, set_combo_data, text_edit
from tgdesk.ui.records.catalogue_items import catalogue_choice

NOT_YET = Recognition.CHUA.value


class ModelDialog(RecordDialog):
    kind = MODELS
    new_title = "Thêm mô hình, điển hình"
    edit_title = "Sửa mô hình, điển hình"
    dialog_size = (680, 620)

    def blank(self) -> ExemplaryModel:
        """A new model starts with this year's theme when the unit has used one."""
        today = self.ctx.today()
        themes = lists.recent_themes(self.ctx)
        theme = themes[0][0] if themes and themes[0][1] == today.year else None
        return ExemplaryModel(noted_on=today, theme=theme)

    def build(self, form: IssueForm) -> None:
        ctx, o = self.ctx, self.original
        today = ctx.today()
        self.noted_on = form.add("Ngày đăng ký:", DateField(today, today=today), "noted_on")
        self.subject = form.add("Loại:", code_combo(ModelSubject), "subject")
        self.name = form.add("Tên mô hình, tập thể, cá nhân:", QLineEdit(), "name")
        self.name.setPlaceholderText("Ví dụ: Mô hình “Tuyến phố văn minh, sạch đẹp”")
        self.description = form.add("Mô tả:", text_edit(80), "description")
        self.theme = form.add("Chuyên đề năm:", QLineEdit(), "theme")
        self.themes = lists.recent_themes(self.ctx)    # newest first, with the year
        completer = QCompleter([theme for theme, _year in self.themes], self.theme)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.theme.setCompleter(completer)
        self.theme.setPlaceholderText("Chuyên đề học tập và làm theo Bác của năm")
        self.theme.setToolTip("Chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ "
                              "Chí Minh của năm")
        self.cell, self.cell_add = catalogue_choice(ctx, "cells", "— Không ghi —", o.cell_id)
        form.add("Chi bộ:", self.cell_add, "cell_id")
        self.area, self.area_add = catalogue_choice(ctx, "areas", "— Không ghi —", o.area_id)
        form.add("Khu dân cư:", self.area_add, "area_id")
        self.registered = form.add("Thực hiện:", QCheckBox("Đã đăng ký"), "registered")
        self.assessed = form.add("", QCheckBox("Đã đánh giá"), "assessed")
        self.replicated = form.add("", QCheckBox("Đã nhân rộng"), "replicated")
        self.recognition = form.add("Biểu dương, khen thưởng:", code_combo(Recognition),
                                    "recognition")
        self.level = form.add("Cấp khen:", QLineEdit(), "recognition_level")
        self.level.setPlaceholderText("Ví dụ: Đảng ủy phường")
        self.decision = form.add("Quyết định khen:", QLineEdit(), "recognition_doc")
        self.decision.setPlaceholderText("Ví dụ: Quyết định số 125-QĐ/ĐU ngày 15/5/2026")
        self.recognized_on = form.add("Ngày khen:", DateField(
            None, optional=True, placeholder="Chưa ghi", today=today), "recognized_on")
        self.classification = form.add("Độ mật:", code_combo(Classification), "classification")
        self.recognition.currentIndexChanged.connect(self._recognition_changed)
        self._enable_recognition()

    def recognised(self) -> bool:
        return self.recognition.currentData() != NOT_YET

    def _recognition_changed(self) -> None:
        if not self.recognised():
            self.level.clear()
            self.decision.clear()
            self.recognized_on.set_value(None)
        self._enable_recognition()

    def _enable_recognition(self) -> None:
        for widget in (self.level, self.decision, self.recognized_on):
            widget.setEnabled(self.recognised())

    def load(self, m: ExemplaryModel) -> None:
        if m.noted_on is not None:
            self.noted_on.set_value(m.noted_on)
        set_combo_data(self.subject, m.subject)
        self.name.setText(m.name)
        self.description.setPlainText(m.description or "")
        self.theme.setText(m.theme or "")
        set_combo_data(self.cell, m.cell_id)
        set_combo_data(self.area, m.area_id)
        self.registered.setChecked(m.registered)
        self.assessed.setChecked(m.assessed)
        self.replicated.setChecked(m.replicated)
        with QSignalBlocker(self.recognition):      # the record's own decision, kept
            set_combo_data(self.recognition, m.recognition)
        self.level.setText(m.recognition_level or "")
        self.decision.setText(m.recognition_doc or "")
        self.recognized_on.set_value(m.recognized_on)
        set_combo_data(self.classification, m.classification)
        self._enable_recognition()
        for edit in (self.name, self.theme, self.level, self.decision):
            edit.setCursorPosition(0)           # a long text shows its beginning

    def record(self) -> ExemplaryModel:
        return ExemplaryModel(
            noted_on=self.noted_on.value(),
            subject=self.subject.currentData(),
            name=self.name.text(),
            description=nfc(self.description.toPlainText()),
            theme=nfc(self.theme.text()),
            cell_id=self.cell.currentData(),
            area_id=self.area.currentData(),
            registered=self.registered.isChecked(),
            assessed=self.assessed.isChecked(),
            replicated=self.replicated.isChecked(),
            recognition=self.recognition.currentData(),
            recognition_level=nfc(self.level.text()),
            recognition_doc=nfc(self.decision.text()),
            recognized_on=self.recognized_on.value(),
            classification=self.classification.currentData(),
        )
