"""The overview's tiles: this month's figures and the open work, each opening its list."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Concern
from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period

from tgdesk.ui.common.columns_layout import ColumnsLayout

RED = "#b3261e"          # what needs attention, on every part of the overview
TILE_WIDTH = 150         # a tile's least width: its caption wraps onto two or three lines

# (key, caption, tooltip), left to right.
TILES = (
    ("meetings", "hội nghị trong tháng", "Mở danh sách hội nghị của tháng này"),
    ("studies", "buổi học tập, quán triệt trong tháng",
     "Mở danh sách buổi học tập của tháng này"),
    ("opinions", "ý kiến dư luận trong tháng", "Mở danh sách ý kiến dư luận của tháng này"),
    ("month_open", "ý kiến của tháng chưa giải quyết xong",
     "Mở các ý kiến của tháng này chưa giải quyết xong"),
    ("hot_spots", "điểm nóng chưa giải quyết xong", "Mở mọi điểm nóng chưa giải quyết xong"),
    ("overdue", "ý kiến quá hạn xử lý", "Mở các ý kiến đã quá hạn mà chưa giải quyết xong"),
    ("coverage_due", "văn bản chưa học tập xong, sắp đến hạn hoặc quá hạn",
     "Mở trang Tiến độ học tập: văn bản còn chi bộ chưa tổ chức học tập, hạn học tập đã qua "
     "hoặc còn dưới 30 ngày"),
)


class Tile(QFrame):
    """A figure with its caption; a click (or Enter/Space) opens what is behind it."""

    clicked = Signal()

    def __init__(self, caption: str, tip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tip)
        self.value = QLabel("0")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 4, 10, 6)
        lay.setSpacing(2)
        lay.addWidget(self.value)
        lay.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignTop)
        self.set_alert(False)

    def set_value(self, n: int, alert: bool = False) -> None:
        self.value.setText(vf.number(n))
        self.set_alert(alert)

    def set_alert(self, alert: bool) -> None:
        color = RED if alert else "#1a1a1a"
        self.setStyleSheet("QFrame#tile { background: #ffffff; border: 1px solid #d0d7de; "
                           "border-radius: 4px; } QFrame#tile:focus { border: 2px solid #1a73e8; }"
                           f" QFrame#tile QLabel {{ color: {color}; }}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


def tile_row(open_tile: Callable[[str], None]) -> tuple[ColumnsLayout, dict[str, Tile]]:
    """The tiles side by side (seven, or four and three, or two by two as the width
    allows), each calling ``open_tile(key)`` when clicked."""
    tiles: dict[str, Tile] = {}
    grid = ColumnsLayout(TILE_WIDTH, (7, 4, 2))
    for key, caption, tip in TILES:
        tile = Tile(caption, tip)
        tile.clicked.connect(lambda k=key: open_tile(k))
        tiles[key] = tile
        grid.addWidget(tile)
    return grid, tiles


def tile_filter(key: str, month: Period) -> tuple[str, ListFilter | None]:
    """The page and list filter behind a tile, for ``month``."""
    dates = {"date_from": month.start, "date_to": month.end}
    return {
        "coverage_due": ("coverage", ListFilter(overdue=True)),     # due or overdue, not done
        "meetings": ("meetings", ListFilter(**dates)),
        "studies": ("studies", ListFilter(**dates)),
        "opinions": ("opinions", ListFilter(**dates)),
        "month_open": ("opinions", ListFilter(**dates, follow_up="open")),
        "hot_spots": ("opinions", ListFilter(concern=Concern.DIEM_NONG.value,
                                             follow_up="open")),
        "overdue": ("opinions", ListFilter(overdue=True)),
    }[key]
