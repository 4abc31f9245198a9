"""Shared pieces of the "Trao đổi dữ liệu" page: a read-only table model of
plain rows, a period chooser, and the questions asked of the officer (file
names, a text, a choice) — module functions, so tests can replace them."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QFileDialog, QHeaderView, QInputDialog, QLabel,
                               QMessageBox, QTableView, QWidget)

from tgdesk.domain.period import Period

Index = QModelIndex | QPersistentModelIndex

# Colours of the completeness board and of summaries (light, readable in print).
GREEN, AMBER, RED, GREY = "#d6efd6", "#ffe7b0", "#f6cfcf", "#e8e8e8"


@dataclass(frozen=True)
class Column:
    title: str
    text: Callable[[object], str]
    background: Callable[[object], str | None] | None = None
    align_right: bool = False
    sort_key: Callable[[object], object] | None = None     # else the text; None sorts last


class RowsModel(QAbstractTableModel):
    """Plain rows (dataclasses, dicts…) shown through ``Column`` functions."""

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list = []

    def set_rows(self, rows: Sequence, columns: Sequence[Column] | None = None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        if columns is not None:
            self.columns = list(columns)
        self.endResetModel()

    def row_at(self, row: int):
        return self.rows[row]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (a view with sorting enabled calls this), by its
        ``sort_key`` else its text; rows without a key last either way. The
        selection follows its rows."""
        if not 0 <= column < len(self.columns):
            return
        col = self.columns[column]
        key = col.sort_key or col.text
        reverse = order == Qt.SortOrder.DescendingOrder
        keyed = [(key(r), i) for i, r in enumerate(self.rows)]
        known = sorted((k for k in keyed if k[0] is not None), key=lambda k: k[0],
                       reverse=reverse)
        order_of = [i for _k, i in known] + [i for k, i in keyed if k is None]
        self.layoutAboutToBeChanged.emit()
        new_row = {old: new for new, old in enumerate(order_of)}
        old_indexes = self.persistentIndexList()
        self.rows = [self.rows[i] for i in order_of]
        self.changePersistentIndexList(
            old_indexes, [self.index(new_row[ix.row()], ix.column()) for ix in old_indexes])
        self.layoutChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)) \
                or not (0 <= index.column() < len(self.columns)):
            return None
        col, row = self.columns[index.column()], self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.text(row)
        if role == Qt.ItemDataRole.BackgroundRole and col.background is not None:
            colour = col.background(row)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            return self.columns[section].title
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            return str(section + 1)
        return None


def rows_view(model: RowsModel, stretch: int | None = 0, multi: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.verticalHeader().hide()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection if multi
                          else QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


def selected_rows(view: QTableView) -> list[int]:
    return sorted({i.row() for i in view.selectionModel().selectedRows()})


def note_label(text: str = "", style: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    return label


INFO_STYLE = "background: #eef4fb; color: #1b1b1b; padding: 8px; border-radius: 4px;"
ERROR_BOX_STYLE = "background: #fbe3e1; color: #8c1d18; padding: 8px; border-radius: 4px;"


def local_time(utc: datetime | None) -> str:
    """A stored UTC time (naive) as this computer's local "dd/mm/yyyy hh:mm"."""
    if utc is None:
        return ""
    return utc.replace(tzinfo=timezone.utc).astimezone().strftime("%d/%m/%Y %H:%M")


def local_day(utc: datetime | None) -> date | None:
    return None if utc is None else utc.replace(tzinfo=timezone.utc).astimezone().date()


def title_label(period: Period) -> str:
    text = period.label()
    return text[:1].upper() + text[1:]


# --- questions (tests replace these) ----------------------------------------------

def ask_open_file(parent: QWidget | None, title: str, filter_text: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, "", filter_text)
    return path or None


def ask_save_file(parent: QWidget | None, title: str, suggested: str,
                  filter_text: str) -> str | None:
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filter_text)
    return path or None


def ask_folder(parent: QWidget | None, title: str) -> str | None:
    return QFileDialog.getExistingDirectory(parent, title) or None


def ask_text(parent: QWidget | None, title: str, label: str, value: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, label, text=value)
    return text if ok else None


def ask_item(parent: QWidget | None, title: str, label: str, items: list[str]) -> str | None:
    item, ok = QInputDialog.getItem(parent, title, label, items, 0, False)
    return item if ok else None


def tell(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


# --- periods -------------------------------------------------------------------------

def periods_between(first: Period, last: Period, limit: int = 36) -> list[Period]:
    """``first`` … ``last`` of one kind, at most ``limit`` (the latest ones)."""
    out, p = [], first
    while p.start <= last.start:
        out.append(p)
        p = Period.containing(p.end + timedelta(days=1), p.kind)
    return out[-limit:]


