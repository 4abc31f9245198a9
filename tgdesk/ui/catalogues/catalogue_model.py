"""The table model of one catalogue tab: every live row loaded at once
(catalogues are small: tens to a few thousand rows); inactive rows shown only
when asked, greyed and in italics."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from tgdesk.services import lists
from tgdesk.services.context import Context

from tgdesk.ui.catalogues.catalogue_forms import CatalogueSpec

Index = QModelIndex | QPersistentModelIndex
GREY = QBrush(QColor("#8a8a8a"))


class CatalogueModel(QAbstractTableModel):
    """The live rows of one catalogue (catalogues are small: tens to a few
    thousand rows), inactive ones only when asked, greyed and in italics."""

    def __init__(self, ctx: Context, spec: CatalogueSpec, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.show_inactive = True
        self.only = False               # only the rows spec.only keeps
        self.all_rows: list[dict] = []
        self.rows: list[dict] = []
        self._position: dict[int, int] = {}

    def load(self) -> None:
        self.beginResetModel()
        self.all_rows = lists.catalogue(self.ctx, self.spec.kind)
        self._filter()
        self.endResetModel()

    def set_show_inactive(self, show: bool) -> None:
        self.beginResetModel()
        self.show_inactive = show
        self._filter()
        self.endResetModel()

    def set_only(self, only: bool) -> None:
        self.beginResetModel()
        self.only = only and self.spec.only is not None
        self._filter()
        self.endResetModel()

    def _filter(self) -> None:
        keeps = self.spec.only.keeps if self.only else (lambda _r: True)
        self.rows = [r for r in self.all_rows
                     if (self.show_inactive or r.get("active", True)) and keeps(r)]
        self._position = {r["id"]: i for i, r in enumerate(self.rows)}

    @property
    def inactive_count(self) -> int:
        return sum(1 for r in self.all_rows if not r.get("active", True))

    def id_at(self, row: int) -> int | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def row_of(self, record_id: int) -> int | None:
        return self._position.get(record_id)

    def row_dict(self, record_id: int) -> dict | None:
        i = self.row_of(record_id)
        return None if i is None else self.rows[i]

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.spec.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.spec.columns)):
            return self.spec.columns[section].title
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.spec.columns[index.column()].text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self.spec.columns[index.column()].text(row)
            return text or None
        inactive = not row.get("active", True)
        if role == Qt.ItemDataRole.ForegroundRole and inactive:
            return GREY
        if role == Qt.ItemDataRole.FontRole and inactive:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
