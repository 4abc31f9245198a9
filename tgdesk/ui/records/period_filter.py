"""The period filter of a list: quick choices plus from/to dates."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget

from tgdesk.domain.period import Period, PeriodKind

from tgdesk.ui.common.date_field import DateField

CHOICES = (("Tất cả", "all"), ("Tháng này", "month"), ("Quý này", "quarter"),
           ("Năm nay", "year"), ("Tùy chọn", "custom"))
KINDS = {"month": PeriodKind.MONTH, "quarter": PeriodKind.QUARTER, "year": PeriodKind.YEAR}


class PeriodFilter(QWidget):
    changed = Signal()

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.today = today
        self.choice = QComboBox()
        for text, code in CHOICES:
            self.choice.addItem(text, code)
        self.date_from = DateField(None, optional=True, placeholder="—", today=today)
        self.date_to = DateField(None, optional=True, placeholder="—", today=today)
        self.date_from.setToolTip("Từ ngày (để trống: không giới hạn)")
        self.date_to.setToolTip("Đến ngày (để trống: không giới hạn)")
        self.date_from.setAccessibleName("Từ ngày")
        self.date_to.setAccessibleName("Đến ngày")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        for text, w in (("Thời gian:", self.choice), ("từ", self.date_from),
                        ("đến", self.date_to)):
            label = QLabel(text)
            label.setBuddy(w.focusProxy() or w)
            lay.addWidget(label)
            lay.addWidget(w)
        self.choice.currentIndexChanged.connect(self._choice_changed)
        self.date_from.changed.connect(self._dates_edited)
        self.date_to.changed.connect(self._dates_edited)

    def range(self) -> tuple[date | None, date | None]:
        return self.date_from.value(), self.date_to.value()

    def choose(self, code: str) -> None:
        self.choice.setCurrentIndex(self.choice.findData(code))

    def _set_dates(self, start: date | None, end: date | None) -> None:
        for edit, value in ((self.date_from, start), (self.date_to, end)):
            edit.blockSignals(True)
            edit.set_value(value)
            edit.blockSignals(False)

    def _choice_changed(self) -> None:
        code = self.choice.currentData()
        if code == "all":
            self._set_dates(None, None)
        elif code in KINDS:
            period = Period.containing(self.today, KINDS[code])
            self._set_dates(period.start, period.end)
        elif code == "custom" and self.range() == (None, None):
            # Start from this month rather than from two blank boxes.
            self._set_dates(self.today.replace(day=1), self.today)
        self.changed.emit()

    def _dates_edited(self) -> None:
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(self.choice.findData("custom"))
        self.choice.blockSignals(False)
        self.changed.emit()

    # --- set from outside (a ListFilter, remembered settings) -----------------
    def set_range(self, start: date | None, end: date | None) -> None:
        """Show ``start``–``end`` without emitting ``changed``: "Tất cả" when both
        are empty, this month/quarter/year when it is exactly that, else custom."""
        code = "custom"
        if start is None and end is None:
            code = "all"
        else:
            for kind_code, kind in KINDS.items():
                period = Period.containing(self.today, kind)
                if (period.start, period.end) == (start, end):
                    code = kind_code
                    break
        self.choice.blockSignals(True)
        self.choice.setCurrentIndex(self.choice.findData(code))
        self.choice.blockSignals(False)
        self._set_dates(start, end)

    def state(self) -> dict:
        """What to remember: the choice; the dates only when custom."""
        code = self.choice.currentData()
        start, end = self.range()
        if code != "custom":
            return {"choice": code}
        return {"choice": code, "from": start.isoformat() if start else None,
                "to": end.isoformat() if end else None}

    def restore(self, state: dict) -> None:
        """The opposite of ``state``; anything unreadable means "Tất cả"."""
        code = state.get("choice") if isinstance(state, dict) else None
        if code in KINDS:
            period = Period.containing(self.today, KINDS[code])
            self.set_range(period.start, period.end)
        elif code == "custom":
            try:
                start = date.fromisoformat(state["from"]) if state.get("from") else None
                end = date.fromisoformat(state["to"]) if state.get("to") else None
            except (TypeError, ValueError):
                start = end = None
            self.set_range(start, end)
            if start is not None or end is not None:
                self.choice.blockSignals(True)
                self.choice.setCurrentIndex(self.choice.findData("custom"))
                self.choice.blockSignals(False)
        else:
            self.set_range(None, None)
