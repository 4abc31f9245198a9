"""Hoạt động tuyên truyền: the dialog to add or edit one propaganda activity.

Only the quantities of the chosen form are shown (enums.QUANTITIES_BY_FORM):
choosing another form hides the others and sets them back to 0, so a saved
activity never carries a figure of a form it is not (the reports add them up)."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QLineEdit, QSpinBox

from tgdesk.domain.activity_validation import LARGE_QUANTITIES, MAX_REACH
from tgdesk.domain.enums import (PROPAGANDA_QUANTITIES, QUANTITIES_BY_FORM, Classification,
                                 PropagandaForm)
from tgdesk.domain.records import PropagandaActivity
from tgdesk.domain.text import nfc
from tgdesk.services.kinds import PROPAGANDA

from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.record_dialog import RecordDialog
from tgdesk.ui.common.widgets import IssueForm, code_combo, count_spin, set_combo_data, text_edit
from tgdesk.ui.records.catalogue_items import catalogue_choice

ONE_DAY = "— Một ngày —"
QUANTITY_TIP = "Chỉ ghi số lượng của hình thức đã chọn; đổi hình thức thì các số khác về 0."


class PropagandaDialog(RecordDialog):
    kind = PROPAGANDA
    new_title = "Thêm hoạt động tuyên truyền"
    edit_title = "Sửa hoạt động tuyên truyền"
    dialog_size = (700, 660)

    def blank(self) -> PropagandaActivity:
        return PropagandaActivity(held_on=self.ctx.today())

    def build(self, form: IssueForm) -> None:
        ctx, o = self.ctx, self.original
        today = ctx.today()
        self.held_on = form.add("Ngày thực hiện:", DateField(today, today=today), "held_on")
        self.ends_on = form.add("Đến ngày:", DateField(None, optional=True, placeholder=ONE_DAY,
                                                       today=today), "ends_on")
        self.ends_on.setToolTip("Ngày cuối, nếu hoạt động kéo dài nhiều ngày (treo băng rôn, "
                                "phát thanh cả đợt); để trống nếu chỉ một ngày")
        self.form_combo = form.add("Hình thức:", code_combo(PropagandaForm), "form")
        self.title = form.add("Nội dung tuyên truyền:", QLineEdit(), "title")
        self.title.setPlaceholderText("Ví dụ: Treo băng rôn, khẩu hiệu chào mừng Đại hội")
        self.campaign, self.campaign_add = catalogue_choice(
            ctx, "campaigns", "— Không thuộc đợt nào —", o.campaign_id)
        form.add("Đợt, chủ đề:", self.campaign_add, "campaign_id")
        self.place = form.add("Địa điểm, kênh:", QLineEdit(), "place")
        self.place.setPlaceholderText("Ví dụ: Tuyến đường Lê Lợi; Đài truyền thanh phường; "
                                      "Trang Zalo khu phố")
        self.area, self.area_add = catalogue_choice(ctx, "areas", "— Không ghi —", o.area_id)
        form.add("Khu dân cư:", self.area_add, "area_id")
        self.cell, self.cell_add = catalogue_choice(ctx, "cells", "— Không ghi —", o.cell_id)
        form.add("Chi bộ:", self.cell_add, "cell_id")
        self.quantities: dict[str, QSpinBox] = {}
        for fld, label, _unit in PROPAGANDA_QUANTITIES:
            spin = count_spin()
            if fld in LARGE_QUANTITIES:
                spin.setMaximum(MAX_REACH)
            spin.setToolTip(QUANTITY_TIP)
            self.quantities[fld] = form.add(f"{label}:", spin, fld)
        self.note = form.add("Ghi chú:", text_edit(), "note")
        self.classification = form.add("Độ mật:", code_combo(Classification), "classification")
        self.form_combo.currentIndexChanged.connect(self._form_changed)
        self._show_quantities()

    # --- the quantities of the form ------------------------------------------------
    def fitting(self) -> tuple[str, ...]:
        """The quantity fields of the form chosen now."""
        return QUANTITIES_BY_FORM.get(self.form_combo.currentData(), ())

    def _form_changed(self) -> None:
        fits = self.fitting()
        for fld, spin in self.quantities.items():
            if fld not in fits:
                spin.setValue(0)
        self._show_quantities()

    def _show_quantities(self) -> None:
        """The form's quantities, and any other that is not 0 (a record saved
        elsewhere), so nothing saved is hidden."""
        fits = self.fitting()
        for fld, spin in self.quantities.items():
            self.form.form.setRowVisible(spin.parentWidget(), fld in fits or spin.value() != 0)

    def shown_quantities(self) -> list[str]:
        return [f for f, spin in self.quantities.items()
                if not spin.parentWidget().isHidden()]

    # --- record ----------------------------------------------------------------------
    def load(self, a: PropagandaActivity) -> None:
        if a.held_on is not None:
            self.held_on.set_value(a.held_on)
        self.ends_on.set_value(a.ends_on)
        with QSignalBlocker(self.form_combo):       # the record's own figures, kept
            set_combo_data(self.form_combo, a.form)
        self.title.setText(a.title)
        set_combo_data(self.campaign, a.campaign_id)
        self.place.setText(a.place or "")
        set_combo_data(self.area, a.area_id)
        set_combo_data(self.cell, a.cell_id)
        for fld, spin in self.quantities.items():
            spin.setValue(getattr(a, fld) or 0)
        self.note.setPlainText(a.note or "")
        set_combo_data(self.classification, a.classification)
        self._show_quantities()
        for edit in (self.title, self.place):
            edit.setCursorPosition(0)           # a long text shows its beginning

    def record(self) -> PropagandaActivity:
        rec = PropagandaActivity(
            held_on=self.held_on.value(),
            ends_on=self.ends_on.value(),
            form=self.form_combo.currentData(),
            title=self.title.text(),
            campaign_id=self.campaign.currentData(),
            place=nfc(self.place.text()),
            area_id=self.area.currentData(),
            cell_id=self.cell.currentData(),
            note=nfc(self.note.toPlainText()),
            classification=self.classification.currentData(),
        )
        for fld, spin in self.quantities.items():
            setattr(rec, fld, spin.value())
        return rec
