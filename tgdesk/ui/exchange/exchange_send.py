"""Trao đổi dữ liệu › Gửi đi (a period, or every change since the last export,
to a chosen recipient; past exports written again; receipts checked) and
› Danh mục gửi xuống (the catalogue package to one or every unit below)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QGroupBox, QHBoxLayout, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.services import exchange as ex
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from tgdesk.ui.common import kit as common
from tgdesk.ui.common.kit import Column, RowsModel, rows_view, selected_rows
from tgdesk.ui.common.flow_layout import FlowLayout, together
from tgdesk.ui.common.period_chooser import PeriodChooser
from tgdesk.ui.common.widgets import buddy_label, show_error

PACKAGE_FILTER = "Gói dữ liệu tgdesk (*.tgx)"
RECEIPT_FILTER = "Biên nhận (*.json);;Mọi tệp (*)"


def _what(e) -> str:
    if e.kind == "catalogue":
        return "Danh mục"
    return f"Kỳ {e.period_code}" if e.period_code else "Thay đổi từ lần gửi trước"


def _count(e) -> str:
    return vf.number(sum(c.get("records", 0) for c in e.counts.values()))


def _held(e) -> str:
    n = sum(e.held_back.values()) if e.held_back else 0
    return vf.number(n) if n else ""


class SendTab(QWidget):
    status = Signal(str)
    changed = Signal()

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.by_period = QRadioButton("Kỳ báo cáo:")
        self.by_period.setChecked(True)
        self.since_last = QRadioButton("Mọi thay đổi từ lần gửi trước")
        group = QButtonGroup(self)
        group.addButton(self.by_period)
        group.addButton(self.since_last)
        self.period = PeriodChooser(ctx.today())
        self.recipient = QComboBox()
        self.recipient.setMinimumContentsLength(30)
        self.export_button = QPushButton("Xuất gói…")
        self.export_button.clicked.connect(self.export)
        self.summary = common.note_label("", common.INFO_STYLE)
        self.summary.hide()

        box = QGroupBox("Xuất gói số liệu")
        form = QVBoxLayout(box)
        r1 = FlowLayout(spacing=16)     # wraps on a narrow screen
        r1.addWidget(together(self.by_period, self.period))
        r1.addWidget(self.since_last)
        r2 = FlowLayout()
        self.period.name_parts("Kỳ báo cáo của gói")
        self.period.kind.setAccessibleName("Loại kỳ báo cáo của gói")
        r2.addWidget(together(buddy_label("Gửi &cho:", self.recipient), self.recipient))
        r2.addWidget(self.export_button)
        form.addLayout(r1)
        form.addLayout(r2)
        form.addWidget(self.summary)

        self.model = RowsModel([
            Column("Số", lambda e: str(e.id), align_right=True),
            Column("Thời điểm", lambda e: common.local_time(e.created_at)),
            Column("Nội dung", _what),
            Column("Gửi", lambda e: e.recipient),
            Column("Số mục", _count, align_right=True),
            Column("Mật giữ lại", _held, align_right=True),
            Column("Biên nhận", lambda e: vf.short_date(common.local_day(e.receipt_at))
                   if e.receipt_at else "chưa có",
                   background=lambda e: common.GREEN if e.receipt_at else None),
        ])
        self.view = rows_view(self.model, stretch=3)
        self.again_button = QPushButton("Ghi lại tệp…")
        self.again_button.setToolTip("Ghi lại đúng tệp đã gửi (cùng mã SHA-256)")
        self.again_button.clicked.connect(self.export_again)
        self.receipt_button = QPushButton("Kiểm tra biên nhận…")
        self.receipt_button.clicked.connect(self.check_receipt)
        past = QGroupBox("Các lần đã gửi")
        pl = QVBoxLayout(past)
        bar = QHBoxLayout()
        bar.addWidget(self.again_button)
        bar.addWidget(self.receipt_button)
        bar.addStretch(1)
        pl.addLayout(bar)
        pl.addWidget(self.view, 1)

        lay = QVBoxLayout(self)
        lay.addWidget(box)
        lay.addWidget(past, 1)
        self.by_period.toggled.connect(self.period.setEnabled)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)

    def refresh(self) -> None:
        current = self.recipient.currentData()
        self.recipient.clear()
        for u in ex.list_units(self.ctx):
            if u.active:
                rel = "cấp trên" if u.relation == "parent" else "cấp dưới"
                self.recipient.addItem(f"{u.name} ({rel})", str(u.id))
        if current is not None and self.recipient.findData(current) >= 0:
            self.recipient.setCurrentIndex(self.recipient.findData(current))
        self.export_button.setEnabled(self.recipient.count() > 0)
        self.export_button.setToolTip("" if self.recipient.count() else
                                      "Chưa đăng ký cấp trên: vào thẻ “Đơn vị & khóa”.")
        self.model.set_rows(list(reversed(ex.list_exports(self.ctx))))
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.again_button.setEnabled(bool(selected_rows(self.view)))

    def export(self) -> None:
        to = self.recipient.currentData()
        if to is None:
            show_error(self, "Chưa đăng ký cấp trên. Vào thẻ “Đơn vị & khóa” để đăng ký từ tệp "
                             "khóa của cấp trên.")
            return
        since = self.since_last.isChecked()
        period = None if since else self.period.period()
        name = f"goi-{period.code() if period else 'thay-doi'}.tgx"
        path = common.ask_save_file(self, "Lưu gói số liệu", name, PACKAGE_FILTER)
        if not path:
            return
        try:
            res = ex.export_records(self.ctx, Path(path), to, period=period, since_last=since)
        except UserError as exc:
            show_error(self, exc)
            return
        self.summary.setText(res.text())
        self.summary.show()
        self.refresh()
        self.changed.emit()
        self.status.emit(f"Đã xuất gói vào “{path}”.")

    def export_again(self) -> None:
        rows = selected_rows(self.view)
        if not rows:
            return
        e = self.model.row_at(rows[0])
        path = common.ask_save_file(self, "Ghi lại tệp đã gửi", f"goi-lan-{e.id}.tgx",
                                    PACKAGE_FILTER)
        if not path:
            return
        try:
            res = ex.export_again(self.ctx, e.id, Path(path))
        except UserError as exc:
            show_error(self, exc)
            return
        self.status.emit(f"Đã ghi lại tệp của lần gửi số {res.export_id} vào “{path}”.")

    def check_receipt(self) -> None:
        path = common.ask_open_file(self, "Chọn biên nhận cấp trên gửi lại", RECEIPT_FILTER)
        if not path:
            return
        try:
            text = ex.check_receipt(self.ctx, Path(path))
        except UserError as exc:
            show_error(self, exc)
            return
        self.refresh()
        common.tell(self, "Biên nhận", text)
        self.status.emit(text.splitlines()[0])


class CatalogueTab(QWidget):
    status = Signal(str)
    changed = Signal()

    ALL = "children"

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.recipient = QComboBox()
        self.recipient.setMinimumContentsLength(30)
        self.export_button = QPushButton("Xuất gói danh mục…")
        self.export_button.clicked.connect(self.export)
        self.summary = common.note_label("", common.INFO_STYLE)
        self.summary.hide()
        intro = common.note_label(
            "Gói danh mục gửi xuống đơn vị cấp dưới: các văn bản cần học tập, quán triệt "
            "(kèm hạn học tập); lĩnh vực dư luận; đợt, chủ đề tuyên truyền; hạn gửi báo cáo; "
            "chỉnh sửa thể thức văn bản. Đơn vị cấp dưới nhập gói ở thẻ “Nhận về”, cũng có "
            "chạy thử trước.")
        bar = QHBoxLayout()
        bar.addWidget(buddy_label("Gửi &cho:", self.recipient))
        bar.addWidget(self.recipient)
        bar.addWidget(self.export_button)
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(bar)
        lay.addWidget(self.summary)
        lay.addStretch(1)

    def refresh(self) -> None:
        self.recipient.clear()
        children = [u for u in ex.list_units(self.ctx) if u.active and u.relation == "child"]
        if children:
            self.recipient.addItem(f"Mọi đơn vị cấp dưới ({len(children)} đơn vị)", self.ALL)
        for u in children:
            self.recipient.addItem(u.name, str(u.id))
        self.export_button.setEnabled(bool(children))
        self.export_button.setToolTip("" if children else
                                      "Chưa đăng ký đơn vị cấp dưới nào (thẻ “Đơn vị & khóa”).")

    def export(self) -> None:
        to = self.recipient.currentData()
        if to is None:
            return
        if to == self.ALL:
            path = common.ask_folder(self, "Chọn thư mục ghi các gói danh mục")
        else:
            stamp = self.ctx.today().strftime("%Y%m%d")
            path = common.ask_save_file(self, "Lưu gói danh mục", f"danh-muc-{stamp}.tgx",
                                        PACKAGE_FILTER)
        if not path:
            return
        try:
            results = ex.export_catalogue(self.ctx, to, Path(path))
        except UserError as exc:
            show_error(self, exc)
            return
        self.summary.setText("\n".join(r.text() for r in results))
        self.summary.show()
        self.changed.emit()
        self.status.emit(f"Đã xuất {len(results)} gói danh mục.")
