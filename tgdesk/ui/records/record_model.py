"""One lazy table model for every record list.

It holds the ids of the matching records (cheap even for 100,000 of them),
exposes them a page at a time through ``canFetchMore``/``fetchMore``, and
fetches the rows of a page only when a view asks for them, keeping a few
pages in a small cache.

Lists paint before they count: ``load()`` asks only for the first page's ids (a
LIMIT query in the list's order) and shows them at once; every id, hence the
total, follows from a background task with its own read connection (WAL lets
readers run side by side) and ``counted`` fires when it is known. A newer
``load()`` makes an older count stale: it is skipped or its result dropped (a
generation number). What needs every id before then (scrolling past the first
page, finding a record further down, printing) loads them on the spot.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QBrush, QColor, QFont, QIcon, QPainter, QPixmap

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.search_query import SearchQuery, parse_query
from tgdesk.services import lists
from tgdesk.services.context import Context

from tgdesk.ui.common.tasks import BackgroundTask
from tgdesk.ui.records.columns import COLUMNS, Column, is_hot_spot, is_overdue
from tgdesk.ui.records.list_count import IdCount

TEXT_KEYS = {"title", "place", "chaired_by", "documents", "cell", "speaker", "category",
             "summary", "area", "campaign", "member", "name", "theme"}
PAGE_SIZE = 100
CACHED_PAGES = 8
# The count starts once the first page is painted (the page says so, start_count),
# else after this delay: a count running beside the painting would slow it, as
# both need Python's lock (GIL) and painting asks the model for every cell.
COUNT_DELAY_MS = 100

Index = QModelIndex | QPersistentModelIndex

DATE_KEYS = {"meetings": "held_on", "studies": "held_on", "opinions": "noted_on",
             "propaganda": "held_on", "online": "noted_on", "models": "noted_on"}

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


# Computed once: painting asks for every visible cell's alignment.
ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
ALIGN_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)

STYLE_ROLES = (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.BackgroundRole,
               Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.DecorationRole)


class RecordModel(QAbstractTableModel):
    counted = Signal()            # every id is known: total() is the whole count
    count_failed = Signal(str)    # the background count failed (a Vietnamese message)

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
        self._complete = True                # _ids holds every matching id
        self._generation = [0]               # the current load; read by the count task
        self._counting: set[BackgroundTask] = set()
        self._count_due: int | None = None    # the load whose count waits to start
        self._count: IdCount | None = None     # the latest count started

    # --- loading ---------------------------------------------------------
    def load(self, flt: ListFilter | None = None, keep_shown: bool = False) -> None:
        """Query the ids again (after a change or with a new filter): the first
        page at once, the rest and the total in the background."""
        if flt is not None:
            self.filter = flt
        wanted = max(self.page_size, self._shown) if keep_shown else self.page_size
        self.today = self.ctx.today()
        self._generation[0] += 1
        # One more than shown: whether there are more to count.
        head, phrase = lists.ranked_ids(self.ctx, self.kind, self.filter, limit=wanted + 1)
        self.beginResetModel()
        self._complete = len(head) <= wanted
        self._ids = list(head[:wanted])
        # The phrase matches lead: their number is known once a record after them shows.
        self.phrase_count = phrase if phrase is None or phrase < len(head) else None
        self.query = parse_query(self.filter.search)
        self._shown = len(self._ids)
        self._pages.clear()
        self.endResetModel()
        if not self._complete:
            self._count_due = self._generation[0]
            QTimer.singleShot(COUNT_DELAY_MS, self, self.start_count)

    def count_waiting(self) -> bool:
        """Whether the current list's count waits to start (start_count)."""
        return self._count_due == self._generation[0] and not self._complete

    def start_count(self) -> None:
        """Start counting the current list in the background, if it waits for that."""
        if self.count_waiting():
            self._count_due = None
            self._count_in_background()

    def _count_in_background(self) -> None:
        ctx, kind, flt = self.ctx, self.kind, self.filter
        generation, current = self._generation[0], self._generation
        # Skipped on the pool thread if a newer load came before it began.
        self._count = IdCount(generation, lambda: lists.ranked_ids(ctx, kind, flt),
                              lambda: current[0] != generation)
        # Not a child of the model, no lambda holding it: kept until it reports.
        task = BackgroundTask(self._count.in_background)
        task.done.connect(self._counted)
        task.failed.connect(self.count_failed)
        task.finished.connect(self._count_finished)
        self._counting.add(task)
        task.start()

    def _count_finished(self) -> None:
        self._counting.discard(self.sender())

    def _counted(self, result: tuple[int, list[int], int | None] | None) -> None:
        if result is None or result[0] != self._generation[0] or self._complete:
            return               # stale: the list was loaded again meanwhile
        self._take_all(result[1], result[2])

    def _count_now(self) -> None:
        """Every id, at once (the count in the background, if running, is waited for)."""
        if self._complete:
            return
        count = self._count
        if count is not None and count.generation == self._generation[0]:
            self._take_all(*count.now())
        else:
            self._take_all(*lists.ranked_ids(self.ctx, self.kind, self.filter))

    def _take_all(self, ids: list[int], phrase: int | None) -> None:
        if ids[:self._shown] != self._ids[:self._shown]:
            # Another program changed the records since the first page was read:
            # show the list as it is now rather than a wrong row.
            self.beginResetModel()
            self._ids = list(ids)
            self._shown = min(len(ids), max(self._shown, self.page_size))
            self._pages.clear()
            self.endResetModel()
        else:
            self._ids = list(ids)
        self._complete = True
        self.phrase_count = phrase
        self.counted.emit()

    def is_counted(self) -> bool:
        """Whether every matching id is known (``total()`` is then the count)."""
        return self._complete

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
        self._count_now()
        return list(self._ids)

    def total(self) -> int:
        """How many records match (shown or not yet); while they are being
        counted (``is_counted()`` False), how many are known so far: at least
        one more matches."""
        return len(self._ids)

    def id_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < self._shown else None

    def row_of(self, record_id: int) -> int | None:
        if record_id not in self._ids:
            self._count_now()          # perhaps further down than the first page
            if record_id not in self._ids:
                return None
        row = self._ids.index(record_id)
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
        return not parent.isValid() and (self._shown < len(self._ids) or not self._complete)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:
        if parent.isValid():
            return
        self._count_now()         # scrolled past the first page before the count came
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
            return ALIGN_RIGHT if column.numeric else ALIGN_LEFT
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
