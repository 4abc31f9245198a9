"""One lazy table model for every record list.

It holds the ids of the matching records (cheap even for 100,000 of them),
exposes them a page at a time through ``canFetchMore``/``fetchMore``, and
fetches the rows of a page only when a view asks for them, keeping a few
pages in a small cache.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from tgdesk.domain.filters import ListFilter
from tgdesk.services import lists
from tgdesk.services.context import Context

from .columns import COLUMNS, Column

PAGE_SIZE = 100
CACHED_PAGES = 8

Index = QModelIndex | QPersistentModelIndex


class RecordModel(QAbstractTableModel):
    def __init__(self, ctx: Context, kind: str, columns: list[Column] | None = None,
                 page_size: int = PAGE_SIZE, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.kind = kind
        self.columns = columns if columns is not None else COLUMNS[kind]
        self.page_size = page_size
        self.filter = ListFilter()
        self._ids: list[int] = []
        self._shown = 0                      # rows exposed so far
        self._pages: OrderedDict[int, dict[int, dict]] = OrderedDict()
        self.pages_loaded = 0                # how many page fetches (for tests, tuning)

    # --- loading ---------------------------------------------------------
    def load(self, flt: ListFilter | None = None, keep_shown: bool = False) -> None:
        """Query the ids again (after a change or with a new filter)."""
        if flt is not None:
            self.filter = flt
        before = self._shown
        self.beginResetModel()
        self._ids = lists.record_ids(self.ctx, self.kind, self.filter)
        wanted = max(self.page_size, before) if keep_shown else self.page_size
        self._shown = min(len(self._ids), wanted)
        self._pages.clear()
        self.endResetModel()

    def total(self) -> int:
        """How many records match (shown or not yet)."""
        return len(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, record_id: int) -> int | None:
        try:
            row = self._ids.index(record_id)
        except ValueError:
            return None
        while row >= self._shown and self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())
        return row

    def row_data(self, row: int) -> dict | None:
        if not 0 <= row < self._shown:
            return None
        page_no = row // self.page_size
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * self.page_size
            ids = self._ids[start:start + self.page_size]
            page = {r["id"]: r for r in lists.rows(self.ctx, self.kind, ids)}
            self.pages_loaded += 1
            self._pages[page_no] = page
            while len(self._pages) > CACHED_PAGES:
                self._pages.popitem(last=False)
        else:
            self._pages.move_to_end(page_no)
        return page.get(self._ids[row])

    # --- Qt model ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else self._shown

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:
        return not parent.isValid() and self._shown < len(self._ids)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        n = min(self.page_size, len(self._ids) - self._shown)
        if n <= 0:
            return
        first = self._shown
        self.beginInsertRows(QModelIndex(), first, first + n - 1)
        self._shown += n
        self.endInsertRows()

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title
            if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[section].numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < self._shown):
            return str(section + 1)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= self._shown:
            return None
        column = self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self.row_data(index.row())
            if row is None:
                return "" if role == Qt.ItemDataRole.DisplayRole else None
            text = column.text(row)
            if role == Qt.ItemDataRole.ToolTipRole:
                return text if len(text) > 40 else None
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
