"""The first-run dialog: set the unit up before the main window opens."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from tgdesk.services.context import Context
from tgdesk.services.unit import get_unit

from tgdesk.ui.settings.unit_form import UnitForm
from tgdesk.ui.common.widgets import save_cancel

INTRO = ("Chào mừng đến với tgdesk. Trước khi bắt đầu, xin khai báo đơn vị của đồng chí: "
         "các thông tin này được dùng ở đầu và cuối mọi báo cáo. Có thể sửa lại bất cứ lúc nào "
         "ở trang “Cài đặt đơn vị”.")


class UnitDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Thiết lập đơn vị")
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.form = UnitForm(ctx)
        self.form.set_unit(get_unit(ctx))
        buttons, self.ok_button = save_cancel(self.try_save, self.reject, cancel_text="Để sau")
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.form)
        lay.addWidget(buttons)
        self.resize(600, 480)

    def try_save(self) -> bool:
        if self.form.save():
            self.accept()
            return True
        return False
