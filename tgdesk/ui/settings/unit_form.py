"""The form of the unit's settings (Cài đặt đơn vị), used by the first-run
dialog and by the settings page."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from tgdesk.domain.records import UnitSettings
from tgdesk.domain.validation import Verdict, validate_unit
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError, ValidationFailed
from tgdesk.services.starter import StarterRow
from tgdesk.services.unit import Guidance, check_guidance, clean_guidance, get_guidance, save_unit

from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.widgets import IssueForm, set_combo_data

GUIDANCE_TIP = ("Đoạn mở đầu của mọi báo cáo ghi: “Thực hiện Hướng dẫn số 12-HD/BTGDVTU ngày "
                "05/01/2026 của Ban Tuyên giáo và Dân vận …”. Để trống thì báo cáo còn “…” "
                "và phải điền trước khi ban hành.")

PROFILES = (("Văn bản Đảng (HD 36)", "party"), ("Văn bản hành chính (NĐ 30)", "state"))

# (field, label, placeholder)
TEXTS = (
    ("name", "Tên đơn vị:", "Ví dụ: ĐẢNG ỦY PHƯỜNG BÌNH TIÊN"),
    ("parent_name", "Cấp trên:", "Ví dụ: ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH"),
    ("place_name", "Địa danh:", "Ghi ở dòng ngày tháng, ví dụ: Bình Tiên"),
    ("doc_abbrev", "Ký hiệu (ĐU):", "Phần sau dấu “/” của số văn bản, ví dụ: ĐU"),
    ("signer_authority", "Quyền hạn ký:", "Ví dụ: T/M ĐẢNG ỦY"),
    ("signer_title", "Chức vụ người ký:", "Ví dụ: PHÓ BÍ THƯ"),
    ("signer_name", "Họ tên người ký:", "Ví dụ: Nguyễn Văn An"),
)


class UnitForm(IssueForm):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.inputs: dict[str, QLineEdit] = {}
        for fld, label, hint in TEXTS:
            edit = QLineEdit()
            edit.setPlaceholderText(hint)
            self.inputs[fld] = self.add(label, edit, fld)
        self.profile = QComboBox()
        for text, code in PROFILES:
            self.profile.addItem(text, code)
        self.add("Mẫu trình bày:", self.profile, "profile")
        self.term_start = self.add("Ngày bắt đầu nhiệm kỳ:",
                                   DateField(None, optional=True, placeholder="Chưa ghi",
                                             today=ctx.today()),
                                   "term_start")
        self.guidance_number = self.add("Hướng dẫn báo cáo số:", QLineEdit(), "guidance_number")
        self.guidance_number.setPlaceholderText("Ví dụ: 12-HD/BTGDVTU")
        self.guidance_date = self.add("Ngày hướng dẫn:",
                                      DateField(None, optional=True, placeholder="Chưa ghi",
                                                today=ctx.today()),
                                      "guidance_date")
        for w in (self.guidance_number, self.guidance_date):
            w.setToolTip(GUIDANCE_TIP)
        self.form.addRow(self.general)

    def set_unit(self, unit: UnitSettings | None) -> None:
        unit = unit or UnitSettings()
        for fld, _, _ in TEXTS:
            self.inputs[fld].setText(getattr(unit, fld) or "")
        set_combo_data(self.profile, unit.profile)
        self.term_start.set_value(unit.term_start)
        guidance = get_guidance(self.ctx)
        self.guidance_number.setText(guidance.number)
        self.guidance_date.set_value(guidance.issued_on)
        self.clear_issues()

    def unit(self) -> UnitSettings:
        values = {fld: self.inputs[fld].text() for fld, _, _ in TEXTS}
        return UnitSettings(profile=self.profile.currentData(),
                            term_start=self.term_start.value(), **values)

    def guidance(self) -> Guidance:
        return Guidance(self.guidance_number.text(), self.guidance_date.value())

    def save(self, starter: Sequence[StarterRow] = ()) -> bool:
        """Validate and save, with the ``starter`` catalogue rows (first run) in the same
        transaction; messages go under the fields. True when saved."""
        unread = self.input_issues()        # a date typed wrong is never dropped
        if unread:
            self.show_issues(unread)
            return False
        unit, guidance = self.unit(), self.guidance()
        verdict: Verdict = validate_unit(unit)
        verdict.errors += check_guidance(clean_guidance(guidance), self.ctx.today()).errors
        if not verdict.ok:
            self.show_issues(verdict.errors, verdict.warnings)
            return False
        try:
            save_unit(self.ctx, unit, guidance, starter)
        except ValidationFailed as exc:
            self.show_issues(exc.issues)
            return False
        except UserError as exc:
            self.show_issues([], [])
            self.general.setText(str(exc))
            self.general.show()
            return False
        self.clear_issues()
        return True
