"""Figures of a chosen period (month, quarter, 6 months, year): the period
chooser shared with the report screen, the figures panel, and a page of both."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from tgdesk.domain.period import Period, PeriodKind
from tgdesk.services import stats
from tgdesk.services.context import Context

from .events import DataBus
from .figures_table import LinesTable
from .record_page import heading_label

KIND_CHOICES = (("Tháng", PeriodKind.MONTH), ("Quý", PeriodKind.QUARTER),
                ("6 tháng", PeriodKind.HALF), ("Năm", PeriodKind.YEAR))
ROMAN = ("I", "II", "III", "IV")


class PeriodChooser(QWidget):
    """Loại kỳ (tháng, quý, 6 tháng, năm), which one, and the year."""

    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.kind = QComboBox()
        for text, kind in KIND_CHOICES:
            self.kind.addItem(text, kind.value)   # plain str: a str enum would not survive
        self.kind.setToolTip("Loại kỳ báo cáo")
        self.part = QComboBox()
        self.part.setMinimumContentsLength(12)
        self.part.setToolTip("Kỳ báo cáo")
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(today.year)
        self.year.setToolTip("Năm")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.kind)
        lay.addWidget(self.part)
        lay.addWidget(QLabel("năm"))
        lay.addWidget(self.year)
        self._fill_parts()
        self._select_containing(today)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.part.currentIndexChanged.connect(self.changed)
        self.year.valueChanged.connect(self.changed)

    def current_kind(self) -> PeriodKind:
        return PeriodKind(self.kind.currentData())

    def _fill_parts(self) -> None:
        kind = self.current_kind()
        self.part.blockSignals(True)
        self.part.clear()
        if kind is PeriodKind.MONTH:
            for m in range(1, 13):
                self.part.addItem(f"Tháng {m}", m)
        elif kind is PeriodKind.QUARTER:
            for q in range(1, 5):
                self.part.addItem(f"Quý {ROMAN[q - 1]}", q)
        elif kind is PeriodKind.HALF:
            self.part.addItem("6 tháng đầu năm", 1)
            self.part.addItem("6 tháng cuối năm", 2)
        self.part.setVisible(kind is not PeriodKind.YEAR)
        self.part.blockSignals(False)

    def _select_containing(self, day: date) -> None:
        kind = self.current_kind()
        part = {PeriodKind.MONTH: day.month, PeriodKind.QUARTER: (day.month - 1) // 3 + 1,
                PeriodKind.HALF: 1 if day.month <= 6 else 2}.get(kind)
        if part is not None:
            self.part.blockSignals(True)
            self.part.setCurrentIndex(self.part.findData(part))
            self.part.blockSignals(False)

    def _kind_changed(self) -> None:
        self._fill_parts()
        self._select_containing(self.today)
        self.changed.emit()

    def set_period(self, kind: PeriodKind, year: int, part: int | None = None) -> None:
        """Choose a period; ``changed`` fires once."""
        self.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.year.setValue(year)
        if part is not None:
            self.part.setCurrentIndex(self.part.findData(part))
        self.blockSignals(False)
        self.changed.emit()

    def set_value(self, period: Period) -> bool:
        """Show ``period``; False for a custom range, which this chooser cannot show."""
        s = period.start
        part = {PeriodKind.MONTH: s.month, PeriodKind.QUARTER: (s.month - 1) // 3 + 1,
                PeriodKind.HALF: 1 if s.month == 1 else 2}.get(period.kind)
        if period.kind is PeriodKind.CUSTOM:
            return False
        self.set_period(period.kind, s.year, part)
        return True

    def period(self) -> Period:
        kind, year, part = self.current_kind(), self.year.value(), self.part.currentData()
        if kind is PeriodKind.MONTH:
            return Period.month(year, part)
        if kind is PeriodKind.QUARTER:
            return Period.quarter(year, part)
        if kind is PeriodKind.HALF:
            return Period.half(year, part)
        return Period.year(year)


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
        self.chooser = PeriodChooser(ctx.today())
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
