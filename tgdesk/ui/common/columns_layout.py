"""A grid whose number of columns follows the width it is given: six tiles side by
side on a wide screen, three and three on a narrow one; charts beside the lists,
or above them. Each row is as high as its items need at least (wrapped text
included); spare height goes to the rows of items that can grow, so the layout
suits a page that scrolls (``screen_fit.scrolled``)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QLayoutItem, QWidget

from tgdesk.ui.common.arranged_layout import ArrangedLayout


class ColumnsLayout(ArrangedLayout):
    """Items in reading order, ``n`` to a row: the largest of ``counts`` for which
    every column gets at least ``min_column`` pixels. ``weights`` (one per item,
    default 1) share a row's width."""

    def __init__(self, min_column: int, counts: Sequence[int], parent: QWidget | None = None,
                 spacing: int = 8):
        super().__init__(parent)
        self._weights: list[int] = []
        self.min_column = min_column
        self.counts = sorted(set(counts) | {1}, reverse=True)
        self._gap = spacing

    # --- QLayout's contract ---------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:
        self._weights.append(1)
        super().addItem(item)

    def add(self, widget: QWidget, weight: int = 1) -> None:
        self.addWidget(widget)
        self._weights[-1] = weight

    def takeAt(self, index: int) -> QLayoutItem | None:
        if 0 <= index < len(self._items):
            self._weights.pop(index)
        return super().takeAt(index)

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation.Horizontal | Qt.Orientation.Vertical

    def minimumSize(self) -> QSize:
        """One column: as wide as the widest item's minimum."""
        items = self._shown()
        width = max([self.min_column] + [i.minimumSize().width() for i, _w in items])
        height = max((i.minimumSize().height() for i, _w in items), default=0)
        return QSize(width + self._margins().width(), height + self._margins().height())

    def sizeHint(self) -> QSize:
        """All items side by side, the most columns allowed."""
        n = min(self.counts[0], max(len(self._shown()), 1))
        width = n * self.min_column + (n - 1) * self._gap + self._margins().width()
        return QSize(width, self.heightForWidth(width))

    # --- arranging ------------------------------------------------------------
    def columns(self, width: int | None = None) -> int:
        """How many columns ``width`` (default: the width last laid out) holds."""
        if width is None:
            width = self.geometry().width() - self._margins().width()
        for n in self.counts:
            if n * self.min_column + (n - 1) * self._gap <= width:
                return n
        return 1

    def _margins(self) -> QSize:
        m = self.contentsMargins()
        return QSize(m.left() + m.right(), m.top() + m.bottom())

    def _shown(self) -> list[tuple[QLayoutItem, int]]:
        return [(i, w) for i, w in zip(self._items, self._weights) if not i.isEmpty()]

    @staticmethod
    def _height(item: QLayoutItem, width: int) -> int:
        """The least height ``item`` needs at ``width`` (wrapped text included);
        the rows of items that can grow share what is left."""
        least = item.minimumSize().height()
        return max(item.heightForWidth(width), least) if item.hasHeightForWidth() else least

    def _arrange(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        width = max(area.width(), 0)
        shown = self._shown()
        n = self.columns(width)
        rows = [shown[i:i + n] for i in range(0, len(shown), n)]
        laid = []
        for row in rows:
            room = width - self._gap * (n - 1)
            total = sum(w for _i, w in row) if len(row) == n else n
            widths = [room * w // total for _i, w in row]
            heights = [self._height(item, w) for (item, _w), w in zip(row, widths)]
            laid.append((row, widths, max(heights)))
        used = sum(h for _r, _w, h in laid) + self._gap * max(len(laid) - 1, 0)
        growing = [k for k, (row, _w, _h) in enumerate(laid)
                   if any(i.expandingDirections() & Qt.Orientation.Vertical for i, _ in row)]
        spare = max(area.height() - used, 0) if move else 0
        y = area.y()
        for k, (row, widths, height) in enumerate(laid):
            if k in growing and spare:
                height += spare // len(growing)
            x = area.x()
            for (item, _w), w in zip(row, widths):
                if move:
                    item.setGeometry(QRect(x, y, w, height))
                x += w + self._gap
            y += height + self._gap
        return used + self._margins().height()
