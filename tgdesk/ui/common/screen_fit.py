"""Windows that fit the screen: a dialog asks for the size it would like and gets
at most the room the screen has (its available geometry: without the taskbar),
less the window's title bar and borders, so its buttons are never below the
bottom of a 1366×768 or 1024×768 screen. What does not fit then scrolls
(``scrolled``).

The room is read from the widget's screen (QScreen.availableGeometry); tests and
the screenshots command set a screen of their own with ``set_screen_room``
(the offscreen platform has no real screen size)."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QScrollArea, QWidget

# What the window manager adds around a window: the title bar above, borders.
FRAME = QSize(16, 40)
# When no screen is known at all: a 1366×768 screen with a taskbar.
FALLBACK_ROOM = QRect(0, 0, 1366, 728)

_room: QRect | None = None      # set by tests and the screenshots command


def set_screen_room(room: QRect | QSize | None) -> None:
    """Pretend the screen's available area is ``room`` (None: the real screen)."""
    global _room
    if isinstance(room, QSize):
        room = QRect(0, 0, room.width(), room.height())
    _room = None if room is None else QRect(room)


def screen_room(widget: QWidget | None = None) -> QRect:
    """The screen area a window of ``widget`` may use (the taskbar left out)."""
    if _room is not None:
        return QRect(_room)
    screen = widget.screen() if widget is not None else None
    if screen is None:
        screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(FALLBACK_ROOM)


def room_inside(widget: QWidget | None = None) -> QSize:
    """The largest inner size of a window that, with its frame, fits the room."""
    room = screen_room(widget).size()
    return QSize(max(room.width() - FRAME.width(), 200),
                 max(room.height() - FRAME.height(), 200))


def fit_to_screen(window: QWidget, width: int, height: int) -> QSize:
    """Resize ``window`` to ``width``×``height``, or less where the screen is
    smaller; the size given is returned. Its layout must let it shrink (a
    scroll area, a table) for all of it to be reachable."""
    size = QSize(width, height).boundedTo(room_inside(window))
    window.resize(size)
    return size


def scrolled(content: QWidget) -> QScrollArea:
    """``content`` in a frameless scroll area that scrolls only when the window is
    too small for it; its width follows the window."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    return area
