"""Thể thức văn bản…: the format profile (Party or state) and the values the
specification marks uncertain, checked by the service before they are kept."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox,
                               QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget)

from tgdesk.domain.text import nfc_keep
from tgdesk.services import report_format
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from tgdesk.ui.common.widgets import ERROR_STYLE, IssueForm, save_cancel, set_combo_data
from tgdesk.ui.common.screen_fit import fit_to_screen

INTRO = ("Một số quy định về thể thức văn bản chưa thống nhất giữa các hướng dẫn (Hướng dẫn "
         "36-HD/VPTW, Hướng dẫn 05-HD/VPTW). Đồng chí chỉnh theo thực tế của cấp ủy; thay đổi "
         "áp dụng cho các báo cáo lập từ nay, không làm thay đổi báo cáo đã ban hành.")


class FormatDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Thể thức văn bản")
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.profile = QComboBox()
        self.profile.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.profile.setMinimumContentsLength(36)
        for name, label in report_format.profile_choices():
            self.profile.addItem(label, name)
            self.profile.setItemData(self.profile.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.spacing = QDoubleSpinBox()
        self.spacing.setRange(6, 60)       # wide on purpose: the service says what is allowed
        self.spacing.setDecimals(1)
        self.spacing.setSingleStep(0.5)
        self.spacing.setSuffix(" pt")
        self.spacing.setLocale(QLocale(QLocale.Language.Vietnamese, QLocale.Country.Vietnam))
        self.line_end = QComboBox()
        self.line_end.addItem("Dấu phẩy “,”", ",")
        self.line_end.addItem("Dấu chấm phẩy “;”", ";")
        self.uy = QComboBox()
        self.uy.addItem("“ủy”, “hóa” (dấu ở nguyên âm đầu)", "ủy")
        self.uy.addItem("“uỷ”, “hoá” (dấu ở nguyên âm sau)", "uỷ")
        self.regulation = QComboBox()
        self.regulation.addItem("QĐ", "QĐ")
        self.regulation.addItem("QĐi", "QĐi")
        self.sections = QComboBox()
        self.sections.addItem("I. II. III.", "I.")
        self.sections.addItem("I- II- III-", "I-")
        self.padding = QCheckBox("Thêm số 0 trước số đếm dưới 10 (“07 ý kiến”)")
        self.archive = QLineEdit()

        self.form = IssueForm()
        self.form.add("Thể thức:", self.profile)
        self.form.add("Giãn dòng chính xác:", self.spacing, "line_spacing_pt")
        self.form.add("Cuối dòng Nơi nhận:", self.line_end)
        self.form.add("Cách bỏ dấu:", self.uy)
        self.form.add("Viết tắt Quy định:", self.regulation)
        self.form.add("Đánh số mục lớn:", self.sections)
        self.form.add("", self.padding)
        self.form.add("Dòng lưu (cuối Nơi nhận):", self.archive, "archive_line")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        buttons, self.save_button = save_cancel(self.try_save, self.reject)
        self.reset_button = QPushButton("Khôi phục mặc định")
        self.reset_button.setToolTip("Đặt lại các giá trị theo tệp thể thức đã chọn")
        buttons.addButton(self.reset_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.reset_button.clicked.connect(self.reset_defaults)

        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.form)
        lay.addWidget(self.error)
        lay.addStretch(1)
        lay.addWidget(buttons)
        fit_to_screen(self, 620, 440)

        settings = report_format.format_settings(ctx)
        set_combo_data(self.profile, settings.profile)
        self._show(settings.values, settings)
        self.profile.currentIndexChanged.connect(self._profile_changed)

    def _show(self, values: dict, settings: report_format.FormatSettings) -> None:
        self.spacing.setValue(float(values["line_spacing_pt"] or 0))
        self.spacing.setToolTip(f"Từ {settings.spacing_min:g} đến {settings.spacing_max:g} pt")
        set_combo_data(self.line_end, values["recipient_line_end"])
        set_combo_data(self.uy, values["uy_style"])
        set_combo_data(self.regulation, values["regulation_abbrev"])
        set_combo_data(self.sections, values["section_numbering"])
        self.padding.setChecked(bool(values["count_padding"]))
        self.archive.setText(values["archive_line"])

    def _profile_changed(self) -> None:
        self._guard(lambda: self._show(*self._settings_pair(current=True)))

    def _settings_pair(self, current: bool) -> tuple[dict, report_format.FormatSettings]:
        settings = report_format.format_settings(self.ctx, self.profile.currentData())
        return (settings.values if current else settings.defaults), settings

    def reset_defaults(self) -> None:
        self._guard(lambda: self._show(*self._settings_pair(current=False)))

    def values(self) -> dict:
        spacing = self.spacing.value()
        return {"line_spacing_pt": int(spacing) if spacing.is_integer() else spacing,
                "recipient_line_end": self.line_end.currentData(),
                "uy_style": self.uy.currentData(),
                "regulation_abbrev": self.regulation.currentData(),
                "section_numbering": self.sections.currentData(),
                "count_padding": self.padding.isChecked(),
                "archive_line": nfc_keep(self.archive.text())}

    def try_save(self) -> bool:
        self.error.hide()
        try:
            report_format.save_format(self.ctx, self.profile.currentData(), self.values())
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            if "giãn dòng" in str(exc).lower():
                self.spacing.setFocus()
            return False
        self.accept()
        return True

    def _guard(self, fn) -> None:
        try:
            fn()
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
