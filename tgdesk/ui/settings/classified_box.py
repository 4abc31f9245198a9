"""Cài đặt đơn vị › Bảo mật: the classification a new opinion note starts with
(saved as soon as it is chosen) and how many Mật records this PC holds."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from tgdesk.domain.enums import Classification
from tgdesk.services import classified
from tgdesk.services.context import Context

from tgdesk.ui.common.widgets import code_combo, set_combo_data

LAW = ("Luật Bảo vệ bí mật nhà nước (2018), Điều 5: không lưu thông tin bí mật nhà nước trên "
       "máy tính có kết nối Internet. Máy giữ hồ sơ Mật nên để riêng, không nối mạng.")


class ClassifiedBox(QGroupBox):
    """The “Bảo mật” group of the unit page."""

    saved = Signal(str)            # a status message

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__("Bảo mật", parent)
        self.ctx = ctx
        self.default: QComboBox = code_combo(Classification)
        self.default.setToolTip("Độ mật mà mỗi ý kiến dư luận mới được ghi sẵn; vẫn đổi được "
                                "trong từng ý kiến")
        self.count = QLabel()
        self.count.setWordWrap(True)
        law = QLabel(LAW)
        law.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow("Ý kiến dư luận mới mặc định là:", self.default)
        form.addRow(self.count)
        form.addRow(law)
        self.refresh()
        self.default.currentIndexChanged.connect(self._save)

    def refresh(self) -> None:
        self.default.blockSignals(True)
        set_combo_data(self.default, classified.opinion_default(self.ctx))
        self.default.blockSignals(False)
        self.count.setText(classified.describe(classified.classified_count(self.ctx)))

    def _save(self) -> None:
        code = self.default.currentData()
        classified.set_opinion_default(self.ctx, code)
        self.saved.emit(f"Từ nay ý kiến dư luận mới được ghi sẵn độ mật "
                        f"“{Classification.from_code(code).label}”.")
