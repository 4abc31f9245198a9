"""“Thêm…” beside a catalogue choice in a form (lĩnh vực, khu dân cư, người, văn
bản, chi bộ): the catalogue's own add form opens over the form, saves the new row
through the services, and the choice reloads and selects it; the window's pages
hear of the new row through the DataBus of the page that opened the form.

The add form belongs to the catalogue area (``ui/catalogues/row_adder.py``); this
shared piece knows no area, so the window's package wires it in
(``tgdesk/ui/__init__.py`` calls :func:`set_row_adder`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QPushButton, QWidget

from tgdesk.services.context import Context
from tgdesk.services.kinds import CATALOGUE_KINDS

from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.widgets import set_combo_data

# (ctx, catalogue kind, preset field values, parent) -> the add form, opened; it has
# ``saved`` (services.crud.Saved) once accepted.
RowAdder = Callable[[Context, str, dict, QWidget], QDialog]

_adder: RowAdder | None = None


def set_row_adder(adder: RowAdder) -> None:
    global _adder
    _adder = adder


def announce(widget: QWidget, kind: str) -> None:
    """Tell the pages that ``kind`` changed, through the bus of the first widget
    above ``widget`` that has one (the page that opened the form); none in a test."""
    w = widget.parentWidget()
    while w is not None:
        bus = getattr(w, "bus", None)
        if isinstance(bus, DataBus):
            bus.changed(kind)
            return
        w = w.parentWidget()


class AddBeside(QWidget):
    """A form field with a “Thêm…” button at its right. Focus (and a label's
    buddy, through IssueForm) goes to the field; Tab reaches the button next."""

    added = Signal(int)                 # the new row's id

    def __init__(self, ctx: Context, field: QWidget, kind: str,
                 preset: Callable[[], dict] | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.field, self.kind, self.preset = ctx, field, kind, preset
        self.dialog: QDialog | None = None          # the add form last opened
        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(field, 1)
        noun = CATALOGUE_KINDS[kind].name
        self.button = QPushButton("Thêm…")
        self.button.setToolTip(f"Thêm {noun} mới vào danh mục rồi chọn ngay")
        self.button.setAccessibleName(f"Thêm {noun}")
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignTop)   # beside a list: at its top
        self.setFocusProxy(field)
        self.button.clicked.connect(self.open_form)

    def open_form(self) -> QDialog:
        if _adder is None:
            raise RuntimeError("no catalogue add form wired in (tgdesk/ui/__init__.py)")
        dialog = _adder(self.ctx, self.kind, self.preset() if self.preset else {}, self.window())
        dialog.accepted.connect(lambda: self._added(dialog.saved.id))
        self.dialog = dialog
        return dialog

    def _added(self, row_id: int) -> None:
        self.added.emit(row_id)
        announce(self, self.kind)
        self.field.setFocus()


def reload_combo(combo: QComboBox, items: list[tuple[str, object]]) -> None:
    """Refill ``combo`` with ``items`` after its leading items that mean "none"
    (data None: "— Chọn lĩnh vực —"), keeping the choice or the typed text."""
    current, typed = combo.currentData(), combo.currentText()
    keep = 0
    while keep < combo.count() and combo.itemData(keep) is None:
        keep += 1
    with QSignalBlocker(combo):
        while combo.count() > keep:
            combo.removeItem(keep)
        for text, value in items:
            combo.addItem(text, value)
        if current is None or not set_combo_data(combo, current):
            combo.setCurrentIndex(0 if keep else -1)
            if combo.isEditable():
                combo.setEditText(typed)


def combo_with_add(ctx: Context, combo: QComboBox, kind: str,
                   items: Callable[[], list[tuple[str, object]]],
                   preset: Callable[[], dict] | None = None) -> AddBeside:
    """``combo`` with “Thêm…”: after an add, its items are ``items()`` again (after
    the "none" items) and the new row is chosen (when it belongs in the list)."""
    row = AddBeside(ctx, combo, kind, preset)

    def chosen(row_id: int) -> None:
        reload_combo(combo, items())
        set_combo_data(combo, row_id)

    row.added.connect(chosen)
    return row
