"""The date box (issue 14, item 1) on its own: typed like a spreadsheet cell,
tidied to dd/mm/yyyy when left, a wrong date kept and marked rather than
dropped, a blank optional box blank (its hint a placeholder), and a calendar
that opens on the box's date or on today - never on January 1900."""

from __future__ import annotations

from datetime import date

import pytest
from date_keys import click_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QTableView, QVBoxLayout, QWidget

from tgdesk.ui.common.date_field import DateField

pytestmark = pytest.mark.gui
# A popup asks the platform to raise it and grab the keyboard; offscreen cannot, and says so.
popup_noise = pytest.mark.qt_log_ignore("This plugin does not support")

TODAY = date(2026, 11, 24)


@pytest.fixture
def boxes(qtbot):
    """A window with an optional and a required date box and a box after them."""
    window = QWidget()
    window.optional = DateField(None, optional=True, placeholder="— Không đặt hạn —",
                                today=TODAY)
    window.required = DateField(date(2026, 11, 2), today=TODAY)
    window.after = QLineEdit()
    lay = QVBoxLayout(window)
    for w in (window.optional, window.required, window.after):
        lay.addWidget(w)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_clicking_in_and_typing_replaces_the_date(qtbot, boxes):
    box = boxes.required
    click_into(qtbot, box)
    qtbot.keyClicks(box.edit, "20112026")
    assert box.text() == "20112026"                   # typed as is, nothing swallowed
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert boxes.after.hasFocus()
    assert box.text() == "20/11/2026" and box.value() == date(2026, 11, 20)


def test_typed_after_shift_tab_is_the_whole_date(qtbot, boxes):
    """The user's 01/12/2811: a QDateEdit put 2811 into the year section."""
    boxes.after.setFocus()
    qtbot.keyClick(boxes.after, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    box = boxes.required
    assert box.edit.hasFocus()
    qtbot.keyClicks(box.edit, "28112026")
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert box.value() == date(2026, 11, 28) and box.text() == "28/11/2026"


def test_changed_fires_once_per_new_date(qtbot, boxes):
    box = boxes.required
    seen = []
    box.changed.connect(lambda: seen.append(box.value()))
    click_into(qtbot, box)
    qtbot.keyClicks(box.edit, "2/11/26")              # the same day, typed another way
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert seen == [] and box.text() == "02/11/2026"
    click_into(qtbot, box)
    qtbot.keyClicks(box.edit, "15/11")
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert seen == [date(2026, 11, 15)]
    box.set_value(date(2026, 1, 5))
    assert seen == [date(2026, 11, 15), date(2026, 1, 5)] and box.text() == "05/01/2026"


def test_an_optional_box_is_blank_with_its_hint_as_placeholder(qtbot, boxes):
    box = boxes.optional
    assert box.text() == "" and box.value() is None and box.is_valid()
    assert box.edit.placeholderText() == "— Không đặt hạn —"
    click_into(qtbot, box)
    qtbot.keyClicks(box.edit, "01072025")             # not "Chưa ghi01072025"
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert box.value() == date(2025, 7, 1) and box.text() == "01/07/2025"
    click_into(qtbot, box)                               # cleared: no date again
    qtbot.keyClick(box.edit, Qt.Key.Key_Delete)
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert box.value() is None and box.is_valid() and box.text() == ""


def test_a_wrong_date_is_kept_marked_and_explained(qtbot, boxes):
    box = boxes.optional
    problems = []
    box.problem.connect(problems.append)
    click_into(qtbot, box)
    qtbot.keyClicks(box.edit, "31022026")
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert box.text() == "31022026"                   # kept for the person to fix
    assert not box.is_valid()
    assert box.error().startswith("Ngày không hợp lệ: “31022026”")
    assert problems == [box.error()]
    assert "b3261e" in box.edit.styleSheet() and box.edit.toolTip() == box.error()
    assert box.value() is None                         # the last date accepted (none)
    click_into(qtbot, box)
    qtbot.keyClicks(box.edit, "28/2/2026")
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert box.is_valid() and problems[-1] == "" and box.edit.styleSheet() == ""
    assert box.value() == date(2026, 2, 28)


def test_out_of_range_and_blank_required_are_errors(qtbot, boxes):
    box = boxes.required
    click_into(qtbot, box)
    qtbot.keyClicks(box.edit, "1/1/1900")
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert box.error().startswith("Ngày phải từ 01/01/1930 đến 31/12/2099")
    click_into(qtbot, box)
    qtbot.keyClick(box.edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(box.edit, Qt.Key.Key_Tab)
    assert box.error().startswith("Chưa nhập ngày")
    assert box.value() == date(2026, 11, 2)            # the last date it held
    box.set_range(date(2026, 1, 1), TODAY)
    box.set_value(date(2026, 11, 2))
    click_into(qtbot, box)
    qtbot.keyClicks(box.edit, "25/11/2026")
    assert box.error().startswith("Ngày phải từ 01/01/2026 đến 24/11/2026")  # read before leaving


def calendar_of(box: DateField):
    assert box.popup is not None and box.popup.isVisible()
    return box.popup.calendar


@popup_noise
def test_the_calendar_opens_on_the_box_date(qtbot, boxes):
    box = boxes.required
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    cal = calendar_of(box)
    assert cal.selectedDate().toPython() == date(2026, 11, 2)
    assert (cal.yearShown(), cal.monthShown()) == (2026, 11)


@popup_noise
def test_a_blank_box_opens_its_calendar_on_today_not_1900(qtbot, boxes):
    box = boxes.optional
    qtbot.mouseClick(box.button, Qt.MouseButton.LeftButton)
    cal = calendar_of(box)
    assert cal.selectedDate().toPython() == TODAY
    assert (cal.yearShown(), cal.monthShown()) == (2026, 11)
    assert box.text() == ""                            # opening chooses nothing
    qtbot.keyClick(cal.findChild(QTableView), Qt.Key.Key_Escape)
    assert not box.popup.isVisible() and box.value() is None


@popup_noise
def test_typed_date_then_alt_down_opens_there_and_enter_picks(qtbot, boxes):
    box = boxes.optional
    click_into(qtbot, box)
    qtbot.keyClicks(box.edit, "5/1/2027")
    qtbot.keyClick(box.edit, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    cal = calendar_of(box)
    assert cal.selectedDate().toPython() == date(2027, 1, 5)
    view = cal.findChild(QTableView)
    qtbot.keyClick(view, Qt.Key.Key_Right)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert not box.popup.isVisible()
    assert box.value() == date(2027, 1, 6) and box.text() == "06/01/2027"
    assert box.edit.hasFocus()


@popup_noise
def test_f4_opens_the_calendar_and_a_wrong_text_opens_on_today(qtbot, boxes):
    box = boxes.required
    click_into(qtbot, box)
    qtbot.keyClicks(box.edit, "abc")
    qtbot.keyClick(box.edit, Qt.Key.Key_F4)
    assert calendar_of(box).selectedDate().toPython() == TODAY


def test_the_box_fits_a_date_and_shows_its_button(qtbot, boxes):
    for box in (boxes.optional, boxes.required):
        box.set_value(date(2026, 11, 28))
        fm = box.edit.fontMetrics()
        assert box.edit.width() > fm.horizontalAdvance("28/11/2026") + 8
        assert box.button.isVisible() and box.button.width() >= 12
        assert box.button.geometry().left() >= box.edit.geometry().right()
    assert boxes.optional.edit.width() > \
        boxes.optional.edit.fontMetrics().horizontalAdvance("— Không đặt hạn —")
