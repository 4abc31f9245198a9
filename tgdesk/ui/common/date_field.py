"""The one date box of the window: a text box typed into freely, the way a
spreadsheet reads dates (28112026, 28/11, 1/7/25 … see domain/dates.py), shown
back as dd/mm/yyyy, plus a calendar button (also Alt+↓ or F4) whose calendar
opens on the box's date, or on today when the box is blank.

A box that may stay blank (optional) shows its hint as a placeholder, never as
a value. Text that is no date, or a blank required box, is kept as typed and
marked: ``error()`` says why, ``problem`` announces it (an IssueForm shows it
under the field), and the forms refuse to save while it lasts."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCalendarWidget, QHBoxLayout, QLineEdit, QSizePolicy, QToolButton,
                               QVBoxLayout, QWidget)

from tgdesk.domain.dates import EARLIEST, HOW, LATEST, DateError, parse_date, short

BLANK_REQUIRED = f"Chưa nhập ngày – {HOW}."
ERROR_FRAME = "QLineEdit { border: 1px solid #b3261e; border-radius: 2px; }"
# Coming back to the window keeps the cursor where it was; other ways in select the date.
SELECT_ON = (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.TabFocusReason,
             Qt.FocusReason.BacktabFocusReason, Qt.FocusReason.ShortcutFocusReason,
             Qt.FocusReason.OtherFocusReason)
OPEN_KEYS = {(Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
             (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)}


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


class CalendarPopup(QWidget):
    """The calendar under a date box; a click or Enter picks, Esc closes."""

    picked = Signal(object)                 # a date

    def __init__(self, parent: QWidget):
        super().__init__(parent, Qt.WindowType.Popup)
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(1, 1, 1, 1)
        lay.addWidget(self.calendar)
        self.calendar.clicked.connect(self._pick)
        self.calendar.activated.connect(self._pick)

    def _pick(self, q: QDate) -> None:
        self.close()
        self.picked.emit(date(q.year(), q.month(), q.day()))

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


class DateField(QWidget):
    """``value()`` / ``set_value()``; ``changed`` when a new date (or a blank) is
    accepted - typed then left, picked on the calendar, or set."""

    changed = Signal()
    problem = Signal(str)                   # the error now shown, "" once it is gone

    def __init__(self, value: date | None = None, optional: bool = False,
                 placeholder: str = "", today: date | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.optional = optional
        self._today = today
        self.earliest, self.latest = EARLIEST, LATEST
        self._value: date | None = None     # the last date accepted
        self._shown_error = ""
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(placeholder if optional else "")
        self.edit.setMaxLength(40)
        self.button = QToolButton()
        self.button.setText("▾")
        self.button.setToolTip("Chọn ngày trên lịch (Alt+↓)")
        self.button.setAccessibleName("Chọn ngày trên lịch")
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.button.setCursor(Qt.CursorShape.ArrowCursor)
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(self.edit)
        lay.addWidget(self.button)
        fm = self.edit.fontMetrics()
        # As wide as a date (or the hint), no wider: it sits in toolbars too.
        self.edit.setFixedWidth(max(fm.horizontalAdvance("00/00/00000"),
                                    fm.horizontalAdvance(self.edit.placeholderText())) + 14)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.setFocusProxy(self.edit)
        self.popup: CalendarPopup | None = None
        self.edit.installEventFilter(self)
        self.edit.editingFinished.connect(self._finish)
        self.button.clicked.connect(self.open_calendar)
        self.set_value(value)

    # --- reading and setting ----------------------------------------------------
    def today(self) -> date:
        return self._today or date.today()

    def text(self) -> str:
        return self.edit.text()

    def _parse(self) -> date | None:
        """The date in the box now; DateError when it holds none it may."""
        value = parse_date(self.edit.text(), self.today(), self.earliest, self.latest)
        if value is None and not self.optional:
            raise DateError(BLANK_REQUIRED)
        return value

    def error(self) -> str:
        """Why the box's text cannot be saved, or "" (read from the text now, so
        a form saved before the box was left is checked too)."""
        try:
            self._parse()
        except DateError as exc:
            return str(exc)
        return ""

    def is_valid(self) -> bool:
        return not self.error()

    def value(self) -> date | None:
        """The date typed (None for a blank optional box); while the box holds no
        valid date, the last one accepted - forms refuse to save then."""
        try:
            return self._parse()
        except DateError:
            return self._value

    def set_value(self, value: date | None) -> None:
        """Show ``value`` (None: blank); ``changed`` when it differs."""
        self.edit.setText("" if value is None else short(value))
        self._accept(value)

    def set_range(self, earliest: date, latest: date) -> None:
        self.earliest, self.latest = earliest, latest

    def _accept(self, value: date | None) -> None:
        self._show_error("")
        if value != self._value:
            self._value = value
            self.changed.emit()

    def _finish(self) -> None:
        """Leaving the box (Tab, Enter, a click elsewhere): read and tidy the text."""
        try:
            value = self._parse()
        except DateError as exc:
            self._show_error(str(exc))
            return
        tidy = "" if value is None else short(value)
        if self.edit.text() != tidy:
            self.edit.setText(tidy)
        self._accept(value)

    def _show_error(self, message: str) -> None:
        if message == self._shown_error:
            return
        self._shown_error = message
        self.edit.setStyleSheet(ERROR_FRAME if message else "")
        self.edit.setToolTip(message or self.toolTip())
        self.problem.emit(message)

    # --- what callers set on the box apply to its text box ----------------------
    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def setToolTip(self, tip: str) -> None:
        super().setToolTip(tip)
        if not self._shown_error:
            self.edit.setToolTip(tip)

    # --- the calendar ----------------------------------------------------------
    def calendar_date(self) -> date:
        """Where the calendar opens: the box's date, else today (within the range)."""
        try:
            value = self._parse()
        except DateError:
            value = None
        return min(max(value or self.today(), self.earliest), self.latest)

    def open_calendar(self) -> None:
        if self.popup is None:
            self.popup = CalendarPopup(self)
            self.popup.picked.connect(self._picked)
        cal = self.popup.calendar
        cal.setDateRange(_qdate(self.earliest), _qdate(self.latest))
        day = _qdate(self.calendar_date())
        cal.setSelectedDate(day)
        cal.setCurrentPage(day.year(), day.month())
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        cal.setFocus()

    def _picked(self, value: date) -> None:
        self.edit.setText(short(value))
        self._accept(value)
        self.edit.setFocus()
        self.edit.selectAll()

    # --- keys and focus --------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        if watched is self.edit:
            if event.type() == QEvent.Type.KeyPress:
                mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
                if (event.key(), mods) in OPEN_KEYS:
                    self.open_calendar()
                    return True
            elif event.type() == QEvent.Type.FocusIn and event.reason() in SELECT_ON:
                # A click puts the cursor after focus arrives: select afterwards,
                # so what is typed replaces the date shown.
                QTimer.singleShot(0, self.edit, self.edit.selectAll)
        return super().eventFilter(watched, event)
