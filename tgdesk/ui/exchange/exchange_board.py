"""Trao đổi dữ liệu › Tình hình gửi báo cáo: units below × periods (received
on time, late, missing — colour and text), and from it the consolidated report
(DOCX/PDF) for all units or those selected."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QGroupBox, QLabel,
                               QPushButton, QRadioButton, QVBoxLayout, QWidget)

from tgdesk.domain.period import Period, PeriodKind
from tgdesk.services import exchange as ex
from tgdesk.services.context import Context
from tgdesk.services.exchange.consolidated import export_consolidated

from tgdesk.ui.common import kit as common
from tgdesk.ui.common.kit import Column, RowsModel, periods_between, rows_view, selected_rows
from tgdesk.ui.common.flow_layout import FlowLayout, together
from tgdesk.ui.common.period_chooser import PeriodChooser, kind_box
from tgdesk.ui.common.tasks import Task, run_task
from tgdesk.ui.common.widgets import buddy_label, show_error

COLOURS = {"received": common.GREEN, "late": common.AMBER, "missing": common.RED,
           "not_due": common.GREY}


def cell_text(cell) -> str:
    """"Trễ hạn – gửi 25/11", "Chưa gửi (hạn 20/10)" (the year is in the column title)."""
    text = cell.label.capitalize()
    if cell.sent_on:
        text += f" – gửi {cell.sent_on:%d/%m}"
    elif cell.due:
        text += f" (hạn {cell.due:%d/%m})"
    return text


class BoardTab(QWidget):
    status = Signal(str)

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.board = None
        self.task: Task | None = None
        today = ctx.today()
        self.kind = kind_box()
        self.first = PeriodChooser(today, self.kind)
        self.last = PeriodChooser(today, self.kind)
        current = Period.containing(today, PeriodKind.MONTH)
        start = current
        for _ in range(5):
            start = start.previous()
        self.first.set_value(start)
        self.show_button = QPushButton("Xem")
        self.show_button.clicked.connect(self.refresh)
        self.first.name_parts("Từ kỳ")
        self.last.name_parts("Đến kỳ")
        bar = FlowLayout()      # wraps on a narrow screen, a label with its box
        bar.addWidget(together(buddy_label("&Loại kỳ:", self.kind), self.kind))
        bar.addWidget(together(buddy_label("từ", self.first.part), self.first))
        bar.addWidget(together(buddy_label("đến", self.last.part), self.last))
        bar.addWidget(self.show_button)
        self.model = RowsModel([])
        self.view = rows_view(self.model, stretch=None, multi=True)
        self.legend = common.note_label(
            "Xanh: đã gửi đúng hạn · Vàng: gửi trễ hạn · Đỏ: chưa gửi (quá hạn) · Xám: chưa đến "
            "hạn. Ngày gửi là ngày đơn vị lập gói.")
        self.empty = common.note_label("", common.INFO_STYLE)

        self.report_kind = QComboBox()
        self.report_kind.addItem("Công tác tuyên giáo", "work")
        self.report_kind.addItem("Tình hình tư tưởng, dư luận xã hội", "opinion")
        self.report_period = PeriodChooser(today)
        self.all_units = QRadioButton("mọi đơn vị cấp dưới")
        self.all_units.setChecked(True)
        self.chosen_units = QRadioButton("các đơn vị đang chọn trong bảng")
        group = QButtonGroup(self)
        group.addButton(self.all_units)
        group.addButton(self.chosen_units)
        self.report_button = QPushButton("Lập báo cáo tổng hợp…")
        self.report_button.clicked.connect(self.make_report)
        rep = QGroupBox("Báo cáo tổng hợp (DOCX và PDF, có bảng số liệu theo đơn vị)")
        rl = QVBoxLayout(rep)
        r1 = FlowLayout(spacing=12)
        self.report_period.name_parts("Kỳ của báo cáo tổng hợp")
        r1.addWidget(together(buddy_label("Loạ&i:", self.report_kind), self.report_kind))
        r1.addWidget(together(buddy_label("&Kỳ:", self.report_period.kind), self.report_period))
        r2 = FlowLayout()
        r2.addWidget(together(QLabel("Tổng hợp:"), self.all_units))
        r2.addWidget(self.chosen_units)
        r2.addWidget(self.report_button)
        rl.addLayout(r1)
        rl.addLayout(r2)

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.empty)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.legend)
        lay.addWidget(rep)

    def periods(self) -> list[Period]:
        first, last = self.first.period(), self.last.period()
        if last.start < first.start:
            first, last = last, first
        return periods_between(first, last)

    def refresh(self) -> None:
        periods = self.periods()
        self.board = ex.completeness(self.ctx, periods)
        board = self.board
        columns = [Column("Đơn vị", lambda u: u[1])]
        for p in periods:
            code = p.code()
            columns.append(Column(
                common.title_label(p), lambda u, c=code: cell_text(board.cells[(u[0], c)]),
                lambda u, c=code: COLOURS.get(board.cells[(u[0], c)].status)))
        self.model.set_rows(list(board.units), columns)
        if board.units:   # the latest period in view
            self.view.scrollTo(self.model.index(0, len(columns) - 1))
        self.empty.setVisible(not board.units)
        self.empty.setText("Chưa đăng ký đơn vị cấp dưới nào. Vào thẻ “Đơn vị & khóa”, bấm "
                           "“Đăng ký đơn vị từ tệp khóa…” và chọn “Cấp dưới”.")
        self.report_button.setEnabled(bool(board.units))

    def selected_unit_ids(self) -> list[int]:
        return [self.model.row_at(r)[0] for r in selected_rows(self.view)]

    def make_report(self) -> None:
        if self.task is not None and self.task.running:
            return
        units = None
        if self.chosen_units.isChecked():
            units = self.selected_unit_ids()
            if not units:
                show_error(self, "Chưa chọn đơn vị nào trong bảng (bấm vào tên đơn vị; giữ Ctrl "
                                 "để chọn nhiều đơn vị).")
                return
        folder = common.ask_folder(self, "Chọn thư mục ghi báo cáo tổng hợp")
        if not folder:
            return
        ctx, kind, period = self.ctx, self.report_kind.currentData(), self.report_period.period()

        def work():
            return export_consolidated(ctx, kind, period, Path(folder), unit_ids=units)

        self.task = run_task(work, "Đang lập báo cáo tổng hợp…", self, self._report_done,
                             self._report_failed)

    def _report_done(self, paths) -> None:
        self.status.emit(f"Đã lập báo cáo tổng hợp: {', '.join(p.name for p in paths)}.")
        common.tell(self, "Báo cáo tổng hợp", "Đã ghi:\n" + "\n".join(str(p) for p in paths))

    def _report_failed(self, message: str) -> None:
        show_error(self, message)
