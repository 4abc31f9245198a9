"""Figures of a chosen period (month, quarter, 6 months, year): the figures
panel (also on the report screen) and a page of the period chooser and the panel."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from tgdesk.domain.period import Period, PeriodKind
from tgdesk.services import stats
from tgdesk.services.context import Context

from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.figures_table import LinesTable
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.period_chooser import PeriodChooser

class FiguresPanel(QWidget):
    """The figures of one period as a table (what the reports quote)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.title = QLabel()
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.title.setFont(font)
        self.table = LinesTable(["Chỉ tiêu", "Số liệu"])
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.title)
        lay.addWidget(self.table, 1)

    def show_period(self, period: Period) -> None:
        self.title.setText(f"Số liệu {period.label()} (từ {period.start:%d/%m/%Y} "
                           f"đến {period.end:%d/%m/%Y})")
        self.table.set_lines(stats.figure_lines(stats.figures(self.ctx, period)))


class FiguresPage(QWidget):
    """A period chooser over the figures panel."""

    def __init__(self, ctx: Context, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.chooser = PeriodChooser(ctx.today(), allow_custom=True)
        self.panel = FiguresPanel(ctx)
        self.title, self.table = self.panel.title, self.panel.table
        bar = QHBoxLayout()
        bar.addWidget(QLabel("Kỳ:"))
        bar.addWidget(self.chooser)
        bar.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Báo cáo – số liệu theo kỳ"))
        lay.addLayout(bar)
        lay.addWidget(self.panel, 1)
        self.chooser.changed.connect(self.refresh)
        bus.data_changed.connect(lambda what: what != "unit" and self.refresh())
        self.refresh()

    def set_period(self, kind: PeriodKind, year: int, part: int | None = None) -> None:
        self.chooser.set_period(kind, year, part)

    def period(self) -> Period:
        return self.chooser.period()

    def refresh(self) -> None:
        self.panel.show_period(self.period())
