"""The first-run dialog: set the unit up before the main window opens, and
start the empty catalogues with the standard rows the officer leaves ticked."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tgdesk.services import starter
from tgdesk.services.context import Context
from tgdesk.services.unit import get_unit

from tgdesk.ui.common.screen_fit import fit_to_screen, scrolled
from tgdesk.ui.settings.starter_list import StarterList
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
        offered = starter.offered(ctx)          # only for catalogues still empty
        self.starter = StarterList(offered) if offered else None
        buttons, self.ok_button = save_cancel(self.try_save, self.reject, cancel_text="Để sau")
        left = QVBoxLayout()
        left.addWidget(intro)
        left.addWidget(scrolled(self.form), 1)     # a small screen scrolls the form
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        if self.starter is not None:
            columns.addWidget(self.starter, 1)
        lay = QVBoxLayout(self)
        lay.addLayout(columns, 1)
        lay.addWidget(buttons)
        fit_to_screen(self, *((1080, 580) if self.starter is not None else (600, 480)))

    def try_save(self) -> bool:
        picked = self.starter.picked() if self.starter is not None else []
        if self.form.save(starter=picked):
            self.accept()
            return True
        return False
