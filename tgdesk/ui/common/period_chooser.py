"""Choosing a report period: loại kỳ (tháng, quý, 6 tháng, năm), which one, and
the year — or, where a custom range makes sense, any two dates ("Tùy chọn"). One
widget for the report screen, the figures, and the exchange tabs."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSpinBox, QWidget

from tgdesk.domain.period import Period, PeriodKind

from tgdesk.ui.common.date_field import DateField

KIND_CHOICES = (("Tháng", PeriodKind.MONTH), ("Quý", PeriodKind.QUARTER),
                ("6 tháng", PeriodKind.HALF), ("Năm", PeriodKind.YEAR))
ROMAN = ("I", "II", "III", "IV")


def kind_box(allow_custom: bool = False) -> QComboBox:
    """The "loại kỳ" combo; several choosers may share one (``kind_combo``)."""
    box = QComboBox()
    for text, kind in KIND_CHOICES:
        box.addItem(text, kind.value)   # plain str: a str enum would not survive
    if allow_custom:
        box.addItem("Tùy chọn", PeriodKind.CUSTOM.value)
    box.setToolTip("Loại kỳ báo cáo")
    box.setAccessibleName("Loại kỳ báo cáo")
    return box


def part_of(kind: PeriodKind, day: date) -> int | None:
    """Which month / quarter / half of its year ``day`` falls in (None for a year)."""
    return {PeriodKind.MONTH: day.month, PeriodKind.QUARTER: (day.month - 1) // 3 + 1,
            PeriodKind.HALF: 1 if day.month <= 6 else 2}.get(kind)


def make_period(kind: PeriodKind, year: int, part: int | None) -> Period:
    if kind is PeriodKind.MONTH:
        return Period.month(year, part or 1)
    if kind is PeriodKind.QUARTER:
        return Period.quarter(year, part or 1)
    if kind is PeriodKind.HALF:
        return Period.half(year, part or 1)
    return Period.year(year)


def nearest_day(period: Period, today: date) -> date:
    """The day of ``period`` closest to ``today``: today while it runs, else its
    last day (past) or its first (future)."""
    return min(max(today, period.start), period.end)


class PeriodChooser(QWidget):
    """[kind] [part] năm [year]; with a shared ``kind_combo``, only [part] năm [year]
    (the caller places the combo). Changing the kind keeps to the period chosen:
    the period of the new kind shown last if it lies within it (Tháng 11 → Quý IV
    → Tháng 11 again), else the one containing its day nearest ``today`` (October
    2026 → Quý IV 2026; Quý III 2026 → Tháng 9 once September is over). With
    ``allow_custom``, the kind "Tùy chọn" shows [kind] từ [date] đến [date]
    instead (the period chosen before, at most up to today)."""

    changed = Signal()

    def __init__(self, today: date, kind_combo: QComboBox | None = None,
                 parent: QWidget | None = None, allow_custom: bool = False):
        super().__init__(parent)
        self.today = today
        own_kind = kind_combo is None
        self.kind = kind_box(allow_custom) if own_kind else kind_combo
        self.part = QComboBox()
        self.part.setMinimumContentsLength(12)
        self.part.setToolTip("Kỳ báo cáo")
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(today.year)
        self.year.setToolTip("Năm")
        self.name_parts("Kỳ báo cáo")
        self.year_label = QLabel("năm")
        self.start = DateField(today.replace(day=1), today=today)
        self.start.setToolTip("Từ ngày")
        self.start.setAccessibleName("Từ ngày")
        self.end = DateField(today, today=today)
        self.end.setToolTip("Đến ngày")
        self.end.setAccessibleName("Đến ngày")
        self.range_labels = (QLabel("từ"), QLabel("đến"))
        self.year_label.setBuddy(self.year)
        self.range_labels[0].setBuddy(self.start.edit)
        self.range_labels[1].setBuddy(self.end.edit)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        if own_kind:
            lay.addWidget(self.kind)
        for w in (self.part, self.year_label, self.year, self.range_labels[0], self.start,
                  self.range_labels[1], self.end):
            lay.addWidget(w)
        self._fill_parts()
        self._select_part(part_of(self.current_kind(), today))
        self._shown_kind = self.current_kind()
        self._left: dict[PeriodKind, Period] = {}     # the period shown when a kind was left
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.part.currentIndexChanged.connect(self.changed)
        self.year.valueChanged.connect(self.changed)
        self.start.changed.connect(self._range_changed)
        self.end.changed.connect(self._range_changed)

    def name_parts(self, what: str) -> None:
        """What a screen reader says for the part and the year (two choosers side by
        side, "từ kỳ" and "đến kỳ", need names of their own)."""
        self.part.setAccessibleName(what)
        self.year.setAccessibleName(f"{what} – năm")

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
        custom = kind is PeriodKind.CUSTOM
        self.part.setVisible(kind not in (PeriodKind.YEAR, PeriodKind.CUSTOM))
        for w in (self.year_label, self.year):
            w.setVisible(not custom)
        for w in (*self.range_labels, self.start, self.end):
            w.setVisible(custom)
        self.part.blockSignals(False)

    def _select_part(self, part: int | None) -> None:
        if part is not None:
            self.part.blockSignals(True)
            self.part.setCurrentIndex(self.part.findData(part))
            self.part.blockSignals(False)

    def _kind_changed(self) -> None:
        before = self._period_of(self._shown_kind)
        self._left[self._shown_kind] = before
        day = nearest_day(before, self.today)
        kind = self._shown_kind = self.current_kind()
        again = self._left.get(kind)
        if again is not None and before.start <= again.start and again.end <= before.end:
            day = again.start                         # back to the part it was chosen from
        self._fill_parts()
        if kind is PeriodKind.CUSTOM:
            start, end = before.start, max(before.start, min(before.end, self.today))
            for edit, value in ((self.start, start), (self.end, end)):
                edit.blockSignals(True)
                edit.set_value(value)
                edit.blockSignals(False)
        else:
            self.year.blockSignals(True)
            self.year.setValue(day.year)
            self.year.blockSignals(False)
            self._select_part(part_of(kind, day))
        self.changed.emit()

    def _range_changed(self) -> None:
        if self.end.value() < self.start.value():    # an end before the start follows it
            self.end.blockSignals(True)
            self.end.set_value(self.start.value())
            self.end.blockSignals(False)
        if self.current_kind() is PeriodKind.CUSTOM:
            self.changed.emit()

    def set_period(self, kind: PeriodKind, year: int, part: int | None = None) -> None:
        """Choose a period; ``changed`` fires once."""
        self.blockSignals(True)
        if kind is not self.current_kind():
            self.kind.setCurrentIndex(self.kind.findData(kind.value))
        self.year.setValue(year)
        if part is not None:
            self.part.setCurrentIndex(self.part.findData(part))
        self.blockSignals(False)
        self.changed.emit()

    def set_value(self, period: Period) -> bool:
        """Show ``period``; False for a custom range where the chooser has no "Tùy chọn"."""
        if period.kind is PeriodKind.CUSTOM:
            at = self.kind.findData(PeriodKind.CUSTOM.value)
            if at < 0:
                return False
            self.blockSignals(True)
            self.kind.setCurrentIndex(at)
            for edit, day in ((self.start, period.start), (self.end, period.end)):
                edit.blockSignals(True)
                edit.set_value(day)
                edit.blockSignals(False)
            self.blockSignals(False)
            self.changed.emit()
            return True
        self.set_period(period.kind, period.start.year, part_of(period.kind, period.start))
        return True

    def period(self) -> Period:
        return self._period_of(self.current_kind())

    def _period_of(self, kind: PeriodKind) -> Period:
        """The period the boxes show, read as of ``kind`` (the kind they were filled for)."""
        if kind is PeriodKind.CUSTOM:
            start, end = self.start.value(), self.end.value()
            return Period.custom(start, max(end, start))
        return make_period(kind, self.year.value(), self.part.currentData())
