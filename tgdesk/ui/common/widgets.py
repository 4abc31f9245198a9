"""Small widget helpers shared by pages and dialogs: coded combos, optional
numbers, confirmations, and a form that shows messages under fields (the date
box is date_field.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QComboBox, QDialogButtonBox,
                               QFormLayout, QLabel, QLineEdit, QListWidget, QMessageBox,
                               QPlainTextEdit, QPushButton, QSizePolicy, QSpinBox, QVBoxLayout,
                               QWidget)

from tgdesk.domain.validation import Issue
from tgdesk.services.errors import UserError

from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.error_dialog import UNEXPECTED

MAX_COUNT = 1_000_000

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"


def code_combo(enum, current: str | None = None) -> QComboBox:
    """A combo of an enum's labels holding the codes as item data."""
    combo = QComboBox()
    for member in enum:
        combo.addItem(member.label, member.value)
    if current is not None:
        set_combo_data(combo, current)
    return combo


def id_combo(items: list[tuple[str, object]], none_text: str | None) -> QComboBox:
    combo = QComboBox()
    if none_text is not None:
        combo.addItem(none_text, None)
    for text, value in items:
        combo.addItem(text, value)
    return combo


def set_combo_data(combo: QComboBox, value: object) -> bool:
    i = combo.findData(value)
    if i >= 0:
        combo.setCurrentIndex(i)
    return i >= 0


def count_spin(value: int = 0) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, MAX_COUNT)
    spin.setGroupSeparatorShown(True)
    spin.setValue(value)
    return spin


def optional_count_spin(value: int | None) -> QSpinBox:
    """A count that may be left blank: the minimum (-1) shows "—" and means None."""
    spin = QSpinBox()
    spin.setRange(-1, MAX_COUNT)
    spin.setSpecialValueText("—")
    spin.setValue(-1 if value is None else value)
    return spin


def optional_count(spin: QSpinBox) -> int | None:
    return None if spin.value() == spin.minimum() else spin.value()


def text_edit(height: int = 64) -> QPlainTextEdit:
    """A short multi-line text box where Tab moves on (sensible tab order)."""
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A label read with ``buddy`` by screen readers; its &-letter (Alt+letter) jumps there."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def save_cancel(on_save, on_cancel, cancel_text: str = "Hủy"
                ) -> tuple[QDialogButtonBox, QPushButton]:
    """A dialog's "Lưu" / "Hủy" buttons (Enter saves, Esc cancels) and its save button."""
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                           | QDialogButtonBox.StandardButton.Cancel)
    save = box.button(QDialogButtonBox.StandardButton.Save)
    save.setText("Lưu")
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    box.accepted.connect(on_save)
    box.rejected.connect(on_cancel)
    return box, save


def shortcut(keys, parent: QWidget, slot,
             context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QShortcut:
    """A keyboard shortcut on ``parent`` calling ``slot``. PySide6 ignores the
    ``context`` keyword of ``QShortcut(keys, parent, slot, context=...)``: every
    such shortcut became a window shortcut, so Enter typed in a list's search box
    opened the selected record instead of searching."""
    sc = QShortcut(QKeySequence(keys), parent)
    sc.setContext(context)
    sc.activated.connect(slot)
    return sc


def open_dialog(parent: QWidget, make, on_accepted, on_error):
    """Build a dialog with ``make()`` and open it (window-modal, deleted when
    closed), calling ``on_accepted(dialog)`` when accepted. A UserError while
    building (e.g. the record was deleted meanwhile) goes to ``on_error(parent,
    message)`` (the page's show_error) instead; None then."""
    try:
        dialog = make()
    except UserError as exc:
        on_error(parent, str(exc))
        return None
    dialog.accepted.connect(lambda: on_accepted(dialog))
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    return dialog


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask a yes/no question; No is the default. Tests monkeypatch this."""
    answer = QMessageBox.question(parent, title, text,
                                  QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                  QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes


def error_text(error: str | UserError) -> str:
    """What the window says for an error: an error that names a command-line
    way out (``tgdesk init …``) has a ``window_text`` naming the window's own."""
    if isinstance(error, str):
        return error
    return getattr(error, "window_text", None) or str(error)


def show_error(parent: QWidget | None, error: str | UserError) -> None:
    """A warning box; none for a defect, which the error dialog already shows
    (one box for one defect)."""
    text = error_text(error)
    if text == UNEXPECTED:
        return
    QMessageBox.warning(parent, "Không thực hiện được", text)


def value_signals(widget: QWidget) -> list:
    """The signals a form field sends when its value changes. A field with a
    ``changed`` signal of its own (the date box) gives that; a row of a field and
    its buttons (focus proxy) gives its field's."""
    own = getattr(widget, "changed", None)
    if isinstance(own, SignalInstance):
        return [own]
    w = widget.focusProxy() or widget
    if isinstance(w, (QLineEdit, QPlainTextEdit)):
        return [w.textChanged]
    if isinstance(w, QComboBox):
        return [w.currentIndexChanged, w.editTextChanged]
    if isinstance(w, QAbstractButton):
        return [w.toggled]
    if isinstance(w, QListWidget):
        return [w.itemChanged]
    if isinstance(w, QAbstractSpinBox):
        return [w.valueChanged] if hasattr(w, "valueChanged") else []    # spin boxes
    return []


class IssueForm(QWidget):
    """A QFormLayout whose rows each carry a message label under the field.

    ``add(label, widget, field)`` ties a dataclass field name to the row, so
    ``show_issues`` can put each validation message beside its widget.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.form = QFormLayout(self)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.messages: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        self.general = QLabel()
        self.general.setWordWrap(True)
        self.general.hide()

    def add(self, label: str, widget: QWidget, field: str | None = None) -> QWidget:
        if field is None:
            self.form.addRow(label, widget)
            return widget
        box = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(2)
        lay.addWidget(widget)
        msg = QLabel()
        msg.setObjectName(f"issue_{field}")
        msg.setWordWrap(True)
        msg.hide()
        lay.addWidget(msg)
        title = QLabel(label)
        # The field itself (or, for a row of inputs, the one it hands focus to), not its
        # box: screen readers read the label with the field, Alt+letter jumps to it.
        title.setBuddy(widget.focusProxy() or widget)
        self.form.addRow(title, box)
        self.messages[field] = msg
        self.widgets[field] = widget
        if isinstance(widget, DateField):       # a date typed wrong shows at once
            widget.problem.connect(lambda text, f=field: self.show_message(f, text))
        for signal in value_signals(widget):    # a message goes once the field is changed
            signal.connect(lambda *_, f=field: self.hide_message(f))
        return widget

    def hide_message(self, field: str) -> None:
        """Hide the message under ``field``, unless the box still holds what is no
        value (a date typed wrong keeps saying so)."""
        widget = self.widgets[field]
        own_error = getattr(widget, "error", None)
        if callable(own_error) and own_error():
            return
        self.messages[field].hide()

    def show_message(self, field: str, text: str) -> None:
        """One error under ``field`` (hidden when ``text`` is empty)."""
        msg = self.messages[field]
        msg.setStyleSheet(ERROR_STYLE)
        msg.setText(text)
        msg.setVisible(bool(text))

    def input_issues(self) -> list[Issue]:
        """What the boxes themselves hold that is no value: a date box with text
        that is no date, or a required one left blank. Forms refuse to save then."""
        return [Issue(f, w.error()) for f, w in self.widgets.items()
                if isinstance(w, DateField) and w.error()]

    def clear_issues(self) -> None:
        for msg in self.messages.values():
            msg.clear()
            msg.hide()
        self.general.clear()
        self.general.hide()

    def show_issues(self, errors: list[Issue], warnings: list[Issue] = ()) -> None:
        """Errors in red, warnings in amber, each under its field; the first
        field with an error gets the focus."""
        self.clear_issues()
        texts: dict[str, list[tuple[str, str]]] = {}
        for style, issues in ((ERROR_STYLE, errors), (WARNING_STYLE, warnings)):
            for issue in issues:
                key = issue.field if issue.field in self.messages else ""
                texts.setdefault(key, []).append((style, issue.message))
        for key, items in texts.items():
            label = self.messages.get(key, self.general)
            label.setStyleSheet(items[0][0])
            label.setText("\n".join(m for _, m in items))
            label.show()
        for issue in errors:
            if issue.field in self.widgets:
                self.widgets[issue.field].setFocus()
                break

    def message(self, field: str) -> str:
        """The message shown under ``field`` ("" when none)."""
        label = self.messages.get(field)
        return label.text() if label is not None and not label.isHidden() else ""
