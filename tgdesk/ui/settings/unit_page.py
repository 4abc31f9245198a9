"""Cài đặt đơn vị: the unit's settings as a page of the main window."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QVBoxLayout, QWidget)

from tgdesk.services.context import Context
from tgdesk.services.unit import get_unit

from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.permits import Permission, withhold
from tgdesk.ui.settings.classified_box import ClassifiedBox
from tgdesk.ui.settings.unit_form import UnitForm

ADMIN_ONLY = ("Chỉ người có vai trò Quản trị hoặc Lãnh đạo được sửa cài đặt đơn vị; trang "
              "này chỉ để xem.")
MISSING = ("Đơn vị chưa được thiết lập. Xin điền các thông tin dưới đây rồi bấm “Lưu”: "
           "báo cáo cần tên đơn vị, cấp trên, địa danh và người ký.")


class UnitPage(QWidget):
    status = Signal(str)
    idle_lock_changed = Signal()      # the window's idle lock reads its minutes again

    def __init__(self, ctx: Context, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.missing = QLabel(MISSING)
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("background: #fff4ce; color: #1b1b1b; padding: 10px; "
                                   "border-radius: 4px;")
        self.form = UnitForm(ctx)
        self.save_button = QPushButton("Lưu")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton("Hoàn lại")
        self.revert_button.setToolTip("Bỏ các thay đổi chưa lưu")
        self.revert_button.clicked.connect(self.refresh)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.revert_button)
        buttons.addStretch(1)
        self.form.setMaximumWidth(760)
        self.classified = ClassifiedBox(ctx)
        self.classified.setMaximumWidth(760)
        self.classified.saved.connect(self.status.emit)
        self.classified.idle_changed.connect(self.idle_lock_changed)
        self.admin = withhold(ctx, Permission.ADMINISTER, self.save_button, self.revert_button)
        if not self.admin:      # read (not greyed), not changed, by the other roles
            for edit in self.form.findChildren(QLineEdit):
                edit.setReadOnly(True)
            for kind in (QComboBox, QAbstractButton):
                for w in self.form.findChildren(kind):
                    w.setEnabled(False)
        self.admin_only = QLabel(ADMIN_ONLY)
        self.admin_only.setWordWrap(True)
        self.admin_only.setStyleSheet("color: #555;")
        self.admin_only.setVisible(not self.admin)
        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Cài đặt đơn vị"))
        lay.addWidget(self.missing)
        lay.addWidget(self.admin_only)
        lay.addWidget(self.form)
        lay.addLayout(buttons)
        lay.addWidget(self.classified)
        lay.addStretch(1)
        bus.data_changed.connect(lambda what: what in ("unit", "all") and self.refresh())
        bus.data_changed.connect(lambda what: self.classified.refresh())
        self.refresh()

    def refresh(self) -> None:
        unit = get_unit(self.ctx)
        self.missing.setVisible(unit is None)
        self.form.set_unit(unit)

    def save(self) -> bool:
        if not self.form.save():
            return False
        self.bus.changed("unit")
        self.status.emit("Đã lưu cài đặt đơn vị.")
        return True
