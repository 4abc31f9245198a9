"""Fitting windows to small screens: the screen's room (real or set), dialogs sized
to it, bars that wrap (FlowLayout) and grids that change their columns
(ColumnsLayout)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from tgdesk.ui.common.columns_layout import ColumnsLayout
from tgdesk.ui.common.flow_layout import FlowLayout, together
from tgdesk.ui.common.screen_fit import (FRAME, fit_to_screen, room_inside, screen_room,
                                         scrolled, set_screen_room)

pytestmark = pytest.mark.gui


@pytest.fixture
def room():
    """Set the screen's room for one test; the real screen again after."""
    yield set_screen_room
    set_screen_room(None)


def test_the_room_is_the_screens_available_area_unless_set(qtbot, room):
    widget = QWidget()
    qtbot.addWidget(widget)
    assert screen_room(widget) == QGuiApplication.primaryScreen().availableGeometry()
    room(QSize(1024, 728))
    assert screen_room(widget) == QRect(0, 0, 1024, 728)
    assert room_inside(widget) == QSize(1024 - FRAME.width(), 728 - FRAME.height())
    room(None)
    assert screen_room(widget) == QGuiApplication.primaryScreen().availableGeometry()


@pytest.mark.parametrize("screen", [QSize(1366, 700), QSize(1024, 700), QSize(800, 600)])
def test_a_dialog_gets_what_it_asks_or_the_room_there_is(qtbot, room, screen):
    room(screen)
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(scrolled(QLabel("Một mẫu dài\n" * 60)), 1)
    given = fit_to_screen(dialog, 800, 760)
    dialog.show()
    assert given == QSize(min(800, screen.width() - FRAME.width()),
                          min(760, screen.height() - FRAME.height()))
    assert dialog.size() == given                # the scroll area lets it shrink
    assert dialog.height() + FRAME.height() <= screen.height()
    small = QDialog()
    qtbot.addWidget(small)
    assert fit_to_screen(small, 400, 300) == QSize(400, 300)


def test_the_real_screen_bounds_a_dialog_too(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    available = QGuiApplication.primaryScreen().availableGeometry().size()
    size = fit_to_screen(dialog, 5000, 5000)
    assert size == QSize(available.width() - FRAME.width(), available.height() - FRAME.height())


def _bar(qtbot, width: int) -> tuple[QWidget, FlowLayout, list[QPushButton]]:
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    buttons = [QPushButton(f"Nút thứ {n} khá dài") for n in range(6)]
    for button in buttons[:3]:
        flow.addWidget(button)
    flow.add_stretch()
    for button in buttons[3:]:
        flow.addWidget(button)
    host.resize(width, flow.heightForWidth(width))
    host.show()
    return host, flow, buttons


def test_a_wide_bar_is_one_row_with_the_stretch_between(qtbot):
    host, flow, buttons = _bar(qtbot, 1400)
    assert len(flow.rows()) == 1
    assert {b.y() for b in buttons} == {buttons[0].y()}
    assert buttons[5].geometry().right() == host.width() - 1       # pushed right by the stretch
    assert buttons[3].x() > buttons[2].geometry().right() + 100


def test_a_narrow_bar_wraps_and_squeezes_nothing(qtbot):
    host, flow, buttons = _bar(qtbot, 330)
    rows = flow.rows()
    assert len(rows) >= 3
    assert flow.heightForWidth(330) > flow.heightForWidth(1400)
    for button in buttons:
        assert button.width() >= button.sizeHint().width()
        assert host.rect().contains(button.geometry())
    for a in buttons:
        for b in buttons:
            assert a is b or not a.geometry().intersects(b.geometry())
    widest = max(b.sizeHint().width() for b in buttons)
    assert flow.minimumSize().width() == widest
    assert all(item.spacerItem() is None for item in (row[0] for row in rows))


def test_together_keeps_a_label_with_its_box(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    label, button = QLabel("Kỳ:"), QPushButton("Tháng 11 năm 2026")
    flow.addWidget(QPushButton("Một nút rộng rộng rộng"))
    flow.addWidget(together(label, button))
    host.resize(260, flow.heightForWidth(260))
    host.show()
    assert len(flow.rows()) == 2                      # the block went to a row of its own
    assert label.parentWidget() is button.parentWidget()
    assert abs(label.mapTo(host, label.rect().center()).y()
               - button.mapTo(host, button.rect().center()).y()) <= 2


@pytest.mark.parametrize(("width", "columns"), [(1100, 6), (900, 6), (700, 3), (400, 2),
                                                (200, 1)])
def test_tiles_take_as_many_columns_as_fit(qtbot, width, columns):
    host = QWidget()
    qtbot.addWidget(host)
    grid = ColumnsLayout(140, (6, 3, 2), host)
    tiles = [QLabel(f"ô {n}") for n in range(6)]
    for tile in tiles:
        grid.addWidget(tile)
    host.resize(width, grid.heightForWidth(width))
    host.show()
    assert grid.columns() == columns
    assert len({t.y() for t in tiles}) == -(-6 // columns)      # rows
    assert all(t.width() >= min(140, width) for t in tiles)
    assert grid.minimumSize().width() == 140


def test_weights_share_a_row_and_a_narrow_grid_stacks(qtbot):
    host = QWidget()
    qtbot.addWidget(host)
    grid = ColumnsLayout(400, (2,), host, spacing=0)
    wide, narrow = QLabel("biểu đồ"), QLabel("danh sách")
    grid.add(wide, 3)
    grid.add(narrow, 2)
    host.resize(1000, 300)
    host.show()
    assert (wide.width(), narrow.width()) == (600, 400)
    assert wide.y() == narrow.y()
    host.resize(600, 600)
    qtbot.waitUntil(lambda: narrow.y() > wide.y())
    assert wide.width() == narrow.width() == 600
