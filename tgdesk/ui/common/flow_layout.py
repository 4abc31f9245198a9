"""A layout that wraps: its items stand side by side at their natural width and go
on to the next row when the row is full (toolbars and filter bars on a narrow
screen). Spare room in a row goes to items that want it (a search box, a
stretch), as in a QHBoxLayout; no item is squeezed below its natural width
unless it alone is wider than the whole row."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (QHBoxLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget,
                               QWidgetItem)

from tgdesk.ui.common.arranged_layout import ArrangedLayout


class FlowLayout(ArrangedLayout):
    """Rows of items, wrapped to the width given. ``add_stretch`` and
    ``add_spacing`` work as in a box layout, except that they vanish at the start
    of a row."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6,
                 row_spacing: int = 6):
        super().__init__(parent)
        self._spacing = spacing
        self._row_spacing = row_spacing

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        items = self._shown()
        margins = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in items) + self._spacing * max(0, len(items) - 1)
        height = max((i.sizeHint().height() for i in items), default=0)
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    def minimumSize(self) -> QSize:
        """As wide as the widest item at its natural width (an item that wraps
        itself: at its least); one row high (the real height comes from
        ``heightForWidth``)."""
        margins = self.contentsMargins()
        width = max((i.minimumSize().width() if i.hasHeightForWidth() else self._natural(i).width()
                     for i in self._shown()), default=0)
        height = max((i.sizeHint().height() for i in self._shown()), default=0)
        return QSize(width + margins.left() + margins.right(),
                     height + margins.top() + margins.bottom())

    # --- building -------------------------------------------------------------
    def add_stretch(self) -> None:
        self.addItem(QSpacerItem(0, 0, QSizePolicy.Policy.Expanding,
                                 QSizePolicy.Policy.Minimum))

    def add_spacing(self, width: int) -> None:
        self.addItem(QSpacerItem(width, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))

    def add_widgets(self, *widgets: QWidget) -> None:
        for widget in widgets:
            self.addWidget(widget)

    def insert_widget(self, index: int, widget: QWidget) -> None:
        """``widget`` at ``index`` (0: the first), as QBoxLayout.insertWidget."""
        self.addChildWidget(widget)
        self._items.insert(index, QWidgetItem(widget))
        self.invalidate()

    def rows(self) -> list[list[QLayoutItem]]:
        """The items of each row as last laid out (for tests and screenshots)."""
        return self._split(self.geometry().width() - self._margin_width())

    # --- arranging ------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty() or i.spacerItem() is not None]

    @staticmethod
    def _natural(item: QLayoutItem) -> QSize:
        return item.sizeHint().expandedTo(item.minimumSize()).boundedTo(item.maximumSize())

    def _margin_width(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right()

    def _split(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = []
        row: list[QLayoutItem] = []
        used = 0
        for item in self._shown():
            w = self._natural(item).width()
            if item.spacerItem() is not None and not row:
                continue                        # no spacing or stretch opens a row
            needed = w if not row else used + self._spacing + w
            if row and needed > width:
                rows.append(row)
                if item.spacerItem() is not None:
                    row, used = [], 0
                    continue
                row, used = [item], w
            else:
                row.append(item)
                used = needed
        if row:
            rows.append(row)
        return rows

    @staticmethod
    def _wants_room(item: QLayoutItem) -> bool:
        return bool(item.expandingDirections() & Qt.Orientation.Horizontal)

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        width = max(area.width(), 0)
        y = area.y()
        for index, row in enumerate(self._split(width)):
            widths = self._widths(row, width)
            heights = [item.heightForWidth(w) if item.hasHeightForWidth()
                       else self._natural(item).height() for item, w in zip(row, widths)]
            height = max(heights)
            x = area.x()
            if index:
                y += self._row_spacing
            for item, w, h in zip(row, widths, heights):
                if move:
                    if item.expandingDirections() & Qt.Orientation.Vertical:
                        h = height
                    item.setGeometry(QRect(QPoint(x, y + (height - h) // 2), QSize(w, h)))
                x += w + self._spacing
            y += height
        return y - area.y() + margins.top() + margins.bottom()

    def _widths(self, row: list[QLayoutItem], width: int) -> list[int]:
        """Each item's width in ``row``: natural, plus a share of the spare room for
        the items that want it; never wider than the row."""
        widths = [self._natural(i).width() for i in row]
        spare = width - sum(widths) - self._spacing * (len(row) - 1)
        takers = [n for n, item in enumerate(row) if self._wants_room(item)]
        if takers and spare > 0:
            extra, rest = divmod(spare, len(takers))
            for rank, n in enumerate(takers):
                widths[n] += extra + (1 if rank < rest else 0)
        return [min(w, width) for w in widths]

def together(*widgets: QWidget, spacing: int = 4) -> QWidget:
    """``widgets`` side by side in one block that a flow never splits (a label and
    its box stay on one row)."""
    block = QWidget()
    lay = QHBoxLayout(block)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.setSpacing(spacing)
    for widget in widgets:
        lay.addWidget(widget)
    return block
