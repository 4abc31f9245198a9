"""Qt's own widgets speak Vietnamese once the window's QApplication is set up:
standard buttons, the text fields' right-click menu, spin box numbers and the
calendar's month names. (The light colour scheme ensure_app() asks for cannot be
seen on the offscreen test platform, which reports no scheme at all.)"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QSpinBox

from tgdesk.ui import launch

pytestmark = pytest.mark.gui


@pytest.fixture
def vietnamese_app(qapp):
    """ensure_app() on the test's QApplication; undone afterwards so other tests
    see the application as pytest-qt made it."""
    before = QLocale()
    app = launch.ensure_app()
    yield app
    if launch._qt_translator is not None:
        app.removeTranslator(launch._qt_translator)
        launch._qt_translator = None
    QLocale.setDefault(before)
    app.styleHints().unsetColorScheme()


def plain(text: str) -> str:
    return text.replace("&", "")


def test_standard_buttons_are_vietnamese(vietnamese_app, qtbot):
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Yes | QDialogButtonBox.StandardButton.No
                           | QDialogButtonBox.StandardButton.Ok
                           | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {button: plain(box.button(button).text()) for button in (
        QDialogButtonBox.StandardButton.Yes, QDialogButtonBox.StandardButton.No,
        QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel)}
    assert texts == {QDialogButtonBox.StandardButton.Yes: "Có",
                     QDialogButtonBox.StandardButton.No: "Không",
                     QDialogButtonBox.StandardButton.Ok: "Đồng ý",
                     QDialogButtonBox.StandardButton.Cancel: "Hủy"}


def test_spin_box_groups_thousands_with_a_dot(vietnamese_app, qtbot):
    spin = QSpinBox()
    qtbot.addWidget(spin)
    spin.setMaximum(100000)
    spin.setGroupSeparatorShown(True)
    spin.setValue(1200)
    assert QLocale().groupSeparator() == "."
    assert spin.text() == "1.200"


def test_month_names_are_vietnamese(vietnamese_app):
    assert QLocale().monthName(1).lower() in ("tháng 1", "tháng một")


def test_line_edit_context_menu_is_vietnamese(vietnamese_app, qtbot):
    edit = QLineEdit("chữ")
    qtbot.addWidget(edit)
    menu = edit.createStandardContextMenu()
    texts = [plain(action.text()).split("\t")[0] for action in menu.actions()
             if not action.isSeparator()]
    menu.deleteLater()
    assert texts == ["Hoàn tác", "Làm lại", "Cắt", "Sao chép", "Dán", "Xóa", "Chọn tất cả"]

