"""Danh mục: one tab per catalogue, each a simple table with add/edit/delete."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QLabel, QPushButton, QTableView,
                               QTabWidget, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.services import lists
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from .catalogue_forms import CATALOGUES, CatalogueDialog, CatalogueSpec
from .events import DataBus
from .record_page import heading_label
from .widgets import confirm, show_error

Index = QModelIndex | QPersistentModelIndex
GREY = QBrush(QColor("#888888"))


class CatalogueModel(QAbstractTableModel):
    """All live rows of one catalogue (catalogues are small: tens of rows)."""

    def __init__(self, ctx: Context, spec: CatalogueSpec, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.spec = spec
        self.rows: list[dict] = []

    def load(self) -> None:
        self.beginResetModel()
        self.rows = lists.catalogue(self.ctx, self.spec.kind)
        self.endResetModel()

    def id_at(self, row: int) -> int | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None

    def row_of(self, record_id: int) -> int | None:
        for i, r in enumerate(self.rows):
            if r["id"] == record_id:
                return i
        return None

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
        if role == Qt.ItemDataRole.ForegroundRole and not row.get("active", True):
            return GREY
        if role == Qt.ItemDataRole.UserRole:
            return row["id"]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class CatalogueTab(QWidget):
    status = Signal(str)

    def __init__(self, ctx: Context, bus: DataBus, spec: CatalogueSpec,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.bus, self.spec = ctx, bus, spec
        self.dialog: CatalogueDialog | None = None
        self.model = CatalogueModel(ctx, spec, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(spec.columns):
            self.view.setColumnWidth(i, column.width)
        self.view.doubleClicked.connect(lambda _index: self.edit_record())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.view, self.edit_record,
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self.delete_record,
                  context=Qt.ShortcutContext.WidgetShortcut)

        self.add_button = QPushButton("Thêm")
        self.add_button.setToolTip(f"Thêm {spec.noun} (Ctrl+N)")
        self.edit_button = QPushButton("Sửa")
        self.delete_button = QPushButton("Xóa")
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.count = QLabel()
        self.count.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        for w in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.count)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.view, 1)
        self.model.modelReset.connect(self._update)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected_id()
        self.model.load()
        if selected is not None:
            self.select_id(selected)
        self._update()

    def _update(self) -> None:
        has_row = self.selected_id() is not None
        self.edit_button.setEnabled(has_row)
        self.delete_button.setEnabled(has_row)
        n = self.model.rowCount()
        self.count.setText(f"{vf.number(n)} {self.spec.noun}" if n else
                           f"Chưa có {self.spec.noun} nào. Bấm “Thêm” (Ctrl+N) để khai báo.")

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.id_at(rows[0].row()) if rows else None

    def select_id(self, record_id: int) -> None:
        row = self.model.row_of(record_id)
        if row is not None:
            self.view.selectRow(row)

    def add_record(self) -> None:
        self._open(None)

    def edit_record(self) -> None:
        record_id = self.selected_id()
        if record_id is not None:
            self._open(record_id)

    def _open(self, record_id: int | None) -> None:
        try:
            dialog = CatalogueDialog(self.ctx, self.spec, record_id, self)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _saved(self, dialog: CatalogueDialog) -> None:
        self.bus.changed(self.spec.kind)
        if dialog.saved is not None:
            self.select_id(dialog.saved.id)
        self.status.emit(f"Đã lưu {self.spec.noun}.")

    def delete_record(self) -> None:
        record_id = self.selected_id()
        if record_id is None:
            return
        name = self.spec.describe(self.model.rows[self.model.row_of(record_id)])
        if not confirm(self, f"Xóa {self.spec.noun}",
                       f"Xóa {self.spec.noun} “{name}” khỏi danh mục?\n\nCác bản ghi đã dùng "
                       f"{self.spec.noun} này vẫn giữ nguyên. Nếu chỉ tạm thôi dùng, hãy sửa và "
                       "bỏ chọn “Đang dùng” thay vì xóa."):
            return
        try:
            self.spec.service.delete(self.ctx, record_id)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.bus.changed(self.spec.kind)
        self.status.emit(f"Đã xóa {self.spec.noun} “{name}”.")


class CataloguePage(QWidget):
    status = Signal(str)

    def __init__(self, ctx: Context, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.catalogue_tabs: dict[str, CatalogueTab] = {}
        for spec in CATALOGUES:
            tab = CatalogueTab(ctx, bus, spec)
            tab.status.connect(self.status)
            self.tabs.addTab(tab, spec.tab)
            self.catalogue_tabs[spec.kind] = tab
        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Danh mục"))
        lay.addWidget(self.tabs, 1)
        bus.data_changed.connect(self._on_data_changed)

    def _on_data_changed(self, what: str) -> None:
        for kind, tab in self.catalogue_tabs.items():
            if what in (kind, "all"):
                tab.refresh()

    def current_tab(self) -> CatalogueTab:
        return self.tabs.currentWidget()

    def add_record(self) -> None:
        self.current_tab().add_record()

    def refresh(self) -> None:
        for tab in self.catalogue_tabs.values():
            tab.refresh()
