"""One lazy table model for every record list.

It holds the ids of the matching records (cheap even for 100,000 of them),
exposes them a page at a time through ``canFetchMore``/``fetchMore``, and
fetches the rows of a page only when a view asks for them, keeping a few
pages in a small cache.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.search_query import SearchQuery, parse_query
from tgdesk.services import lists
from tgdesk.services.context import Context

from tgdesk.ui.records.columns import COLUMNS, Column, is_hot_spot, is_overdue

TEXT_KEYS = {"title", "place", "chaired_by", "documents", "cell", "speaker", "category",
             "summary", "area"}
PAGE_SIZE = 100
CACHED_PAGES = 8

Index = QModelIndex | QPersistentModelIndex

DATE_KEYS = {"meetings": "held_on", "studies": "held_on", "opinions": "noted_on"}

# Hot spots (concern "điểm nóng"): bold on a warm background with a mark in the
# first column; overdue follow-ups: the due date in dark red with a mark.
HOT_BACKGROUND = QColor("#ffe1cc")
HOT_TEXT = QColor("#3d1600")
OVERDUE_TEXT = QColor("#a11a12")
_ICONS: dict[str, QIcon] = {}


def mark_icon(kind: str) -> QIcon:
    """A small round mark: "hot" (orange, !) or "overdue" (red, clock hand)."""
    if kind not in _ICONS:
        pix = QPixmap(14, 14)
        pix.fill(Qt.GlobalColor.transparent)
        p = QPainter(pix)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor("#e8590c" if kind == "hot" else "#c92a2a"))
        p.drawEllipse(0, 0, 14, 14)
        p.setPen(QColor("white"))
        if kind == "hot":
            p.drawLine(7, 3, 7, 8)
            p.drawPoint(7, 11)
        else:
            p.drawLine(7, 3, 7, 7)
            p.drawLine(7, 7, 10, 9)
        p.end()
        _ICONS[kind] = QIcon(pix)
    return _ICONS[kind]


STYLE_ROLES = (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole,
               Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.DecorationRole)


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
        self.today = ctx.today()
        self.query = SearchQuery()           # the search, parsed (what to highlight)
        self.phrase_count: int | None = None  # ranked: how many hold the words together

    # --- loading ---------------------------------------------------------
    def load(self, flt: ListFilter | None = None, keep_shown: bool = False) -> None:
        """Query the ids again (after a change or with a new filter)."""
        if flt is not None:
            self.filter = flt
        before = self._shown
        self.today = self.ctx.today()
        self.beginResetModel()
        self._ids, self.phrase_count = lists.ranked_ids(self.ctx, self.kind, self.filter)
        self.query = parse_query(self.filter.search)
        wanted = max(self.page_size, before) if keep_shown else self.page_size
        self._shown = min(len(self._ids), wanted)
        self._pages.clear()
        self.endResetModel()

    # --- sorting (server-side: the ids are queried again in the new order) -------
    def sort_state(self) -> tuple[str, bool]:
        """(column key, descending) of the current order; newest first by default."""
        key = self.filter.sort
        if key is None or self.column_of(key) is None:
            return DATE_KEYS[self.kind], True if key is None else self.filter.descending
        return key, self.filter.descending

    def column_of(self, key: str | None) -> int | None:
        for i, column in enumerate(self.columns):
            if column.key is not None and column.key == key:
                return i
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns) or self.columns[column].key is None:
            return
        key = self.columns[column].key
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == self.sort_state():
            return
        self.load(replace(self.filter, sort=key, descending=descending))

    def all_ids(self) -> list[int]:
        """Every matching id in order, shown or not yet (for printing)."""
        return list(self._ids)

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
            if role == Qt.ItemDataRole.InitialSortOrderRole:
                # Text A→Z first; dates, numbers and levels biggest/newest first.
                text = self.columns[section].key in TEXT_KEYS
                return (Qt.SortOrder.AscendingOrder if text
                        else Qt.SortOrder.DescendingOrder).value
            if role == Qt.ItemDataRole.ToolTipRole and self.columns[section].key:
                return "Bấm để sắp xếp theo cột này; bấm lần nữa để đảo chiều"
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
                marks = self._marks(row, index.column())
                if marks:
                    return "\n".join([*marks, text] if len(text) > 40 else marks)
                return text if len(text) > 40 else None
            return text
        if self.kind == "opinions" and role in STYLE_ROLES:
            row = self.row_data(index.row())
            return None if row is None else self._style(row, column, index.column(), role)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return self._ids[index.row()]
        return None

    def _marks(self, row: dict, col: int) -> list[str]:
        if self.kind != "opinions" or col not in (0, self.column_of("due_on")):
            return []
        marks = []
        if is_hot_spot(row):
            marks.append("Điểm nóng")
        if is_overdue(row, self.today):
            marks.append("Quá hạn xử lý")
        return marks

    def _style(self, row: dict, column: Column, col: int, role: int):
        hot = is_hot_spot(row)
        overdue = is_overdue(row, self.today)
        if role == Qt.ItemDataRole.FontRole and (hot or (overdue and column.key == "due_on")):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and hot:
            return QBrush(HOT_BACKGROUND)
        if role == Qt.ItemDataRole.ForegroundRole:
            if overdue and column.key in ("due_on", "follow_up"):
                return QBrush(OVERDUE_TEXT)
            if hot:
                return QBrush(HOT_TEXT)
        if role == Qt.ItemDataRole.DecorationRole:
            if col == 0 and hot:
                return mark_icon("hot")
            if column.key == "due_on" and overdue:
                return mark_icon("overdue")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
