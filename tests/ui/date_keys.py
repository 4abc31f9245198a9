"""Typing into a date box as a person does: click into it, type keys, Tab on."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, Qt

from tgdesk.ui.common.date_field import DateField


def click_into(qtbot, field: DateField) -> None:
    """Click into the box (right of its text): the date shown gets selected. A box
    that has the focus already (Tab entered it, or it had it when its window was
    last active) is not clicked - that would place the cursor - but Ctrl+A'd."""
    edit = field.edit
    window = field.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    if edit.hasFocus():
        qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    else:
        qtbot.mouseClick(edit, Qt.MouseButton.LeftButton,
                         pos=QPoint(edit.width() - 8, edit.height() // 2))
    qtbot.waitUntil(lambda: edit.hasFocus() and edit.selectedText() == edit.text())


def type_date(qtbot, field: DateField, keys: str) -> None:
    """Click into ``field``, type ``keys`` over what it shows ("" clears it), then Tab."""
    click_into(qtbot, field)
    if keys:
        qtbot.keyClicks(field.edit, keys)
    else:
        qtbot.keyClick(field.edit, Qt.Key.Key_Delete)
    qtbot.keyClick(field.edit, Qt.Key.Key_Tab)
    assert not field.edit.hasFocus(), "Tab did not leave the date box"


def assert_fits(root) -> list[DateField]:
    """Every date box under ``root`` is wide enough for dd/mm/yyyy and shows its
    calendar button; the boxes, for the caller to count."""
    fields = root.findChildren(DateField)
    for f in fields:
        wide = f.edit.fontMetrics().horizontalAdvance(f"{date(2026, 11, 28):%d/%m/%Y}")
        assert f.edit.width() > wide + 8, (f.accessibleName(), f.edit.width(), wide)
        assert f.button.isVisibleTo(root) and f.button.width() >= 12
    return fields
