"""Cài đặt đơn vị › Bảo mật: the classification a new opinion note starts with
(saved as soon as it is chosen), how many Mật records this PC holds, and after how
many idle minutes the window locks itself (ui/common/idle_setting.py). Only a person
who may administer changes them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QSpinBox, QWidget

from tgdesk.domain.enums import Classification
from tgdesk.services import classified
from tgdesk.services.context import Context

from tgdesk.ui.common.idle_setting import MAX_MINUTES, idle_minutes, set_idle_minutes
from tgdesk.ui.common.permits import Permission, may
from tgdesk.ui.common.widgets import code_combo, set_combo_data

LAW = ("Luật Bảo vệ bí mật nhà nước (2018), Điều 5: không lưu thông tin bí mật nhà nước trên "
       "máy tính có kết nối Internet. Máy giữ hồ sơ Mật nên để riêng, không nối mạng.")


class ClassifiedBox(QGroupBox):
    """The “Bảo mật” group of the unit page."""

    saved = Signal(str)            # a status message
    idle_changed = Signal()        # the idle lock's minutes were saved

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
        self.idle = QSpinBox()
        self.idle.setRange(0, MAX_MINUTES)
        self.idle.setSuffix(" phút")
        self.idle.setSpecialValueText("Không tự khóa")
        self.idle.setKeyboardTracking(False)        # saved on Enter, arrows or leaving the box
        self.idle.setToolTip("Khi có người đăng nhập: lâu không bấm phím, không dùng chuột thì "
                             "cửa sổ tự khóa, ẩn dữ liệu cho đến khi gõ lại mật khẩu. 0: không "
                             "tự khóa")
        form = QFormLayout(self)
        form.addRow("Ý kiến dư luận mới mặc định là:", self.default)
        form.addRow("Tự khóa sau … phút không dùng:", self.idle)
        form.addRow(self.count)
        form.addRow(law)
        self.refresh()
        self.default.currentIndexChanged.connect(self._save)
        self.idle.valueChanged.connect(self._save_idle)
        admin = may(ctx, Permission.ADMINISTER)
        for w in (self.default, self.idle):
            w.setEnabled(admin)

    def refresh(self) -> None:
        self.default.blockSignals(True)
        set_combo_data(self.default, classified.opinion_default(self.ctx))
        self.default.blockSignals(False)
        self.idle.blockSignals(True)
        self.idle.setValue(idle_minutes(self.ctx))
        self.idle.blockSignals(False)
        self.count.setText(classified.describe(classified.classified_count(self.ctx)))

    def _save(self) -> None:
        code = self.default.currentData()
        classified.set_opinion_default(self.ctx, code)
        self.saved.emit(f"Từ nay ý kiến dư luận mới được ghi sẵn độ mật "
                        f"“{Classification.from_code(code).label}”.")

    def _save_idle(self, minutes: int) -> None:
        set_idle_minutes(self.ctx, minutes)
        self.idle_changed.emit()
        self.saved.emit("Cửa sổ sẽ không tự khóa." if minutes == 0 else
                        f"Cửa sổ sẽ tự khóa sau {minutes} phút không dùng.")
