"""The unit's key fingerprint is read aloud over the phone: it must be readable
whatever palette the system gives the program. Under a dark palette (white text),
a light box that takes its text colour from the palette shows white on
near-white; the fingerprint box sets both colours. Measured on the rendered
widget: the WCAG contrast ratio between the box and its darkest/lightest glyph."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel

from tgdesk.services import exchange as ex
from tgdesk.ui.common import kit
from tgdesk.ui.exchange.exchange_units import UnitsTab, fingerprint_label, spoken

from dialog_makers import register_dialog

pytestmark = pytest.mark.gui

FINGERPRINT = "3F2A-91C0-7B4E-D005-AA17-5C3E-0F9B-62D8"


def dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Window, "#1e1e1e"),
                         (QPalette.ColorRole.WindowText, "#ffffff"),
                         (QPalette.ColorRole.Base, "#121212"),
                         (QPalette.ColorRole.AlternateBase, "#2a2a2a"),
                         (QPalette.ColorRole.Text, "#ffffff"),
                         (QPalette.ColorRole.Button, "#2d2d2d"),
                         (QPalette.ColorRole.ButtonText, "#ffffff")):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.fixture(params=["dark", "light"])
def palette(request, qapp):
    saved = qapp.palette()
    if request.param == "dark":
        qapp.setPalette(dark_palette())
    yield request.param
    qapp.setPalette(saved)


def luminance(c: QColor) -> float:
    def channel(v: int) -> float:
        s = v / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())


def ratio(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def text_contrast(qtbot, label: QLabel) -> float:
    """The box's colour is the commonest pixel; the text's, the pixel farthest from it."""
    top = label.window()
    qtbot.addWidget(top)
    top.show()
    image = label.grab().toImage()
    pixels = Counter(image.pixel(x, y) for x in range(image.width())
                     for y in range(image.height()))
    background = QColor.fromRgb(pixels.most_common(1)[0][0])
    return max(ratio(background, QColor.fromRgb(p)) for p in pixels)


def test_the_fingerprint_is_readable_in_any_palette(qtbot, palette):
    assert text_contrast(qtbot, fingerprint_label(spoken(FINGERPRINT))) >= 7


def test_the_measure_sees_white_on_near_white(qtbot, palette):
    """The defect the fix removes: a light box with the palette's text colour."""
    plain = QLabel(spoken(FINGERPRINT))
    plain.setFont(fingerprint_label().font())
    plain.setStyleSheet("background: #f5f5f0; padding: 10px;")
    expected_low = palette == "dark"
    assert (text_contrast(qtbot, plain) < 2) is expected_low


def test_the_units_tab_and_the_register_dialog_in_a_dark_palette(qtbot, ctx, tmp_path,
                                                                 palette):
    ex.init_unit(ctx, "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "ĐẢNG BỘ THÀNH PHỐ", "Hà Nội")
    tab = UnitsTab(ctx)
    tab.refresh()
    assert text_contrast(qtbot, tab.me_fingerprint) >= 7
    dialog = register_dialog(tmp_path)
    assert text_contrast(qtbot, dialog.fingerprint) >= 7
    note = kit.note_label("Gọi điện cho đơn vị này và đọc từng nhóm 4 ký tự.", kit.INFO_STYLE)
    assert text_contrast(qtbot, note) >= 7
