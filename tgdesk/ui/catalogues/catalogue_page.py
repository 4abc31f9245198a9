"""Danh mục: one tab per catalogue, each a table with add, edit, deactivate,
merge, delete, and import/export through Excel."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHBoxLayout, QLabel, QMenu,
                               QPushButton, QStackedWidget, QTableView, QTabWidget, QVBoxLayout,
                               QWidget)

from tgdesk import vnformat as vf
from tgdesk.services import catalogue_ops
from tgdesk.services.catalogue_ops import InUse
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from tgdesk.ui.catalogues.catalogue_excel import CatalogueExcel
from tgdesk.ui.catalogues.catalogue_forms import CATALOGUES, CatalogueDialog, CatalogueSpec
from tgdesk.ui.catalogues.catalogue_model import GREY, CatalogueModel
from tgdesk.ui.common.app_settings import app_settings
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.flow_layout import FlowLayout
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.permits import Permission, withhold
from tgdesk.ui.catalogues.merge_dialog import SHOWN_IN, MergeDialog
from tgdesk.ui.common.widgets import confirm, open_dialog, shortcut, show_error

__all__ = ["CatalogueModel", "CatalogueTab", "CataloguePage", "GREY"]

SHOW_INACTIVE_KEY = "catalogues/{kind}/show_inactive"


class CatalogueTab(QWidget):
    status = Signal(str)

    def __init__(self, ctx: Context, bus: DataBus, spec: CatalogueSpec,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.bus, self.spec = ctx, bus, spec
        self.dialog: CatalogueDialog | None = None
        self.merge_dialog: MergeDialog | None = None
        self.excel = CatalogueExcel(ctx, bus, spec, self)
        self.excel.status.connect(self.status)
        self.model = CatalogueModel(ctx, spec, self)
        self.model.show_inactive = app_settings().value(SHOW_INACTIVE_KEY.format(kind=spec.kind),
                                                     False, bool)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        for i, column in enumerate(spec.columns):
            self.view.setColumnWidth(i, column.width)
        self.view.doubleClicked.connect(lambda _index: self.edit_record())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut(key, self.view, self.edit_record,
                     context=Qt.ShortcutContext.WidgetShortcut)
        shortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_record,
                 context=Qt.ShortcutContext.WidgetShortcut)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        self.empty = QLabel()
        self.empty.setObjectName("empty_state")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: #555; font-size: 11pt; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        def button(text: str, tip: str, slot) -> QPushButton:
            b = QPushButton(text)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        noun = spec.noun
        self.add_button = button("Thêm", f"Thêm {noun} (Ctrl+N)", self.add_record)
        self.edit_button = button("Sửa", f"Sửa {noun} đang chọn (Enter)", self.edit_record)
        self.active_button = button("Ngừng dùng", "", self.toggle_active)
        self.merge_button = button(
            "Gộp…", f"Gộp hai hay nhiều {noun} trùng nhau thành một: chọn các dòng (giữ Ctrl "
            "khi bấm chuột) rồi bấm Gộp…", self.merge_records)
        self.delete_button = button("Xóa", f"Xóa {noun} đang chọn (Delete)", self.delete_record)
        self.import_button = button(
            "Nhập từ Excel…", f"Nhập danh sách {noun} từ tệp .xlsx; xem trước từng dòng rồi "
            "mới lưu", lambda: self.excel.import_file())
        self.export_button = button("Xuất ra Excel…", f"Ghi cả danh mục {noun} ra tệp .xlsx",
                                    lambda: self.excel.export())
        self.template_button = button(
            "Tải tệp mẫu…", f"Lưu tệp Excel mẫu (có hướng dẫn) để điền danh sách {noun}",
            lambda: self.excel.save_template())
        # a role that may not write (Xem, Quản trị) reads the catalogue only
        self.may_write = withhold(ctx, Permission.WRITE_RECORDS, self.add_button,
                                  self.edit_button, self.active_button, self.merge_button,
                                  self.delete_button, self.import_button)
        bar = FlowLayout()      # wraps onto a second row on a narrow screen
        for w in (self.add_button, self.edit_button, self.active_button, self.merge_button,
                  self.delete_button):
            bar.addWidget(w)
        bar.add_stretch()
        for w in (self.import_button, self.export_button, self.template_button):
            bar.addWidget(w)

        self.show_inactive = QCheckBox("Hiện cả mục ngừng dùng")
        self.show_inactive.setToolTip("Mục ngừng dùng hiện chữ xám, nghiêng; chúng không còn "
                                      "trong các ô chọn khi thêm bản ghi mới.")
        self.show_inactive.setChecked(self.model.show_inactive)
        self.show_inactive.toggled.connect(self.set_show_inactive)
        self.only: QCheckBox | None = None          # "Chỉ thành viên nhóm 35"
        if spec.only is not None:
            self.only = QCheckBox(spec.only.label)
            self.only.setToolTip(spec.only.tip)
            self.only.toggled.connect(self.set_only)
        self.count = QLabel()
        self.count.setStyleSheet("color: #555;")
        bottom = QHBoxLayout()
        bottom.addWidget(self.show_inactive)
        if self.only is not None:
            bottom.addWidget(self.only)
        bottom.addStretch(1)
        bottom.addWidget(self.count)

        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.stack, 1)
        lay.addLayout(bottom)
        self.model.modelReset.connect(self._update)
        self.view.selectionModel().selectionChanged.connect(self._update)
        self.refresh()

    def row_menu(self) -> QMenu:
        """The row actions of the toolbar, with their keys (the right-click menu)."""
        menu = QMenu(self)
        keys = {self.edit_button: "Enter", self.delete_button: "Delete"}
        for button in (self.edit_button, self.active_button, self.merge_button,
                       self.delete_button, None, self.add_button):
            if button is None:
                menu.addSeparator()
                continue
            if not self.may_write:
                break
            text = button.text() + (f"\t{keys[button]}" if button in keys else "")
            action = menu.addAction(text, button.click)
            action.setEnabled(button.isEnabled())
        return menu

    def _context_menu(self, pos) -> None:
        menu = self.row_menu()
        if menu.isEmpty():      # nothing a reader may do with the rows
            menu.deleteLater()
            return
        menu.aboutToHide.connect(menu.deleteLater)
        menu.popup(self.view.viewport().mapToGlobal(pos))

    # --- state -----------------------------------------------------------------------
    def refresh(self) -> None:
        selected = self.selected_ids()
        self.model.load()
        self.select_ids(selected)
        self._update()

    def set_show_inactive(self, show: bool) -> None:
        selected = self.selected_ids()
        app_settings().setValue(SHOW_INACTIVE_KEY.format(kind=self.spec.kind), show)
        if self.show_inactive.isChecked() != show:
            self.show_inactive.setChecked(show)      # calls back here through toggled
            return
        self.model.set_show_inactive(show)
        self.select_ids(selected)
        self._update()

    def set_only(self, only: bool) -> None:
        selected = self.selected_ids()
        self.model.set_only(only)
        self.select_ids(selected)
        self._update()

    def _update(self) -> None:
        ids = self.selected_ids()
        rows = [self.model.row_dict(i) for i in ids]
        self.edit_button.setEnabled(bool(ids))
        self.delete_button.setEnabled(len(ids) == 1)
        self.merge_button.setEnabled(len(ids) >= 2)
        self.active_button.setEnabled(bool(ids))
        all_active = all(r.get("active", True) for r in rows if r)
        self.active_button.setText("Ngừng dùng" if all_active else "Dùng lại")
        self.active_button.setToolTip(
            f"Không còn hiện {self.spec.noun} này trong các ô chọn; các bản ghi cũ vẫn giữ tên"
            if all_active else f"Cho {self.spec.noun} đang chọn dùng lại")
        self._update_count()

    def _update_count(self) -> None:
        noun, m = self.spec.noun, self.model
        total, inactive = len(m.all_rows), m.inactive_count
        if total == 0 and not self.may_write:
            self.count.setText("")
            self.empty.setText(f"Chưa có {noun} nào.")
        elif total == 0:
            self.count.setText("")
            self.empty.setText(
                f"Chưa có {noun} nào.\n\nBấm “Thêm” (Ctrl+N) để khai báo từng {noun}, hoặc "
                f"“Nhập từ Excel…” để nhập cả danh sách (bấm “Tải tệp mẫu…” để lấy tệp mẫu "
                "có hướng dẫn).")
        elif m.rowCount() == 0 and m.only:
            only = self.spec.only
            self.empty.setText(
                f"Chưa có {only.noun} nào{'' if m.show_inactive else ' đang dùng'}.\n\n"
                f"{only.hint} Bỏ đánh dấu “{only.label}” để xem cả danh sách.")
        elif m.rowCount() == 0:
            self.empty.setText(
                f"Cả {vf.number(total)} {noun} đều đang ngừng dùng.\n\nĐánh dấu “Hiện cả mục "
                f"ngừng dùng” để xem và cho dùng lại, hoặc bấm “Thêm” (Ctrl+N).")
        text = f"{vf.number(total - inactive)} {noun} đang dùng"
        if inactive:
            text += (f", {vf.number(inactive)} ngừng dùng"
                     + (" (chữ xám)" if m.show_inactive else " (đang ẩn)"))
        if m.only:
            text += f"; đang hiện {vf.number(m.rowCount())} {self.spec.only.noun}"
        if total:
            self.count.setText(text)
        self.stack.setCurrentWidget(self.view if m.rowCount() else self.empty)

    def selected_ids(self) -> list[int]:
        # From the ranges: selectedRows() asks flags() of every cell, slow at 10,000 rows.
        rows = sorted({r for rng in self.view.selectionModel().selection()
                       for r in range(rng.top(), rng.bottom() + 1)})
        return [i for i in (self.model.id_at(r) for r in rows) if i is not None]

    def selected_id(self) -> int | None:
        """The row to act on: the current row if selected, else the first selected."""
        ids = self.selected_ids()
        current = self.model.id_at(self.view.currentIndex().row())
        return current if current in ids else (ids[0] if ids else None)

    def select_id(self, record_id: int) -> None:
        self.select_ids([record_id])

    def select_ids(self, ids: list[int]) -> None:
        rows = sorted(r for r in (self.model.row_of(i) for i in ids) if r is not None)
        selection = QItemSelection()
        last = self.model.columnCount() - 1
        start = 0
        for k in range(1, len(rows) + 1):       # one range per run of adjacent rows
            if k == len(rows) or rows[k] != rows[k - 1] + 1:
                selection.select(self.model.index(rows[start], 0),
                                 self.model.index(rows[k - 1], last))
                start = k
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().select(selection, flags.ClearAndSelect)
        if rows:
            self.view.selectionModel().setCurrentIndex(self.model.index(rows[0], 0),
                                                       flags.NoUpdate)
            self.view.scrollTo(self.model.index(rows[0], 0))

    # --- add and edit ------------------------------------------------------------------
    def add_record(self) -> None:
        if self.may_write:
            self._open(None)

    def edit_record(self) -> None:
        record_id = self.selected_id()
        if record_id is not None and self.may_write:
            self._open(record_id)

    def _open(self, record_id: int | None) -> None:
        self.dialog = open_dialog(
            self, lambda: CatalogueDialog(self.ctx, self.spec, record_id, self),
            self._saved, show_error) or self.dialog

    def _saved(self, dialog: CatalogueDialog) -> None:
        self.bus.changed(self.spec.kind)
        if dialog.saved is not None:
            self.select_id(dialog.saved.id)
        self.status.emit(f"Đã lưu {self.spec.noun}.")

    # --- deactivate, delete, merge ---------------------------------------------------------
    def _name(self, record_id: int) -> str:
        row = self.model.row_dict(record_id)
        return self.spec.describe(row) if row else ""

    def toggle_active(self) -> None:
        ids = self.selected_ids()
        if not ids or not self.may_write:
            return
        rows = [self.model.row_dict(i) for i in ids]
        active = not all(r.get("active", True) for r in rows)
        targets = [r for r in rows if r.get("active", True) != active]
        try:
            for r in targets:
                catalogue_ops.set_active(self.ctx, self.spec.kind, r["id"], active)
        except UserError as exc:
            show_error(self, str(exc))
        self.bus.changed(self.spec.kind)
        names = ", ".join(f"“{self.spec.describe(r)}”" for r in targets)
        if active:
            self.status.emit(f"Đã cho dùng lại {self.spec.noun} {names}.")
        else:
            hidden = ("" if self.model.show_inactive else
                      " Đánh dấu “Hiện cả mục ngừng dùng” để xem lại.")
            self.status.emit(f"Đã cho ngừng dùng {self.spec.noun} {names}: không còn trong các "
                             f"ô chọn, các bản ghi cũ vẫn giữ tên.{hidden}")

    def delete_record(self) -> None:
        ids = self.selected_ids()
        if not self.may_write:
            return
        if len(ids) != 1:
            if ids:
                show_error(self, f"Hãy chọn một {self.spec.noun} để xóa. Nếu các dòng đang chọn "
                                 "trùng nhau, hãy dùng “Gộp…”.")
            return
        record_id = ids[0]
        row = self.model.row_dict(record_id)
        name = self.spec.describe(row)
        noun = self.spec.noun
        if not confirm(self, f"Xóa {noun}",
                       f"Xóa {noun} “{name}” khỏi danh mục?\n\nChỉ xóa được mục chưa bản ghi "
                       f"nào dùng. Nếu chỉ tạm thôi dùng, hãy bấm “Ngừng dùng” thay vì xóa."):
            return
        try:
            catalogue_ops.delete_unused(self.ctx, self.spec.kind, record_id)
        except InUse as exc:
            if not row.get("active", True):
                show_error(self, str(exc))
                return
            if confirm(self, "Không xóa được", f"{exc}\n\nCho {noun} “{name}” ngừng dùng?"):
                try:
                    catalogue_ops.set_active(self.ctx, self.spec.kind, record_id, False)
                except UserError as exc2:
                    show_error(self, str(exc2))
                    return
                self.bus.changed(self.spec.kind)
                self.status.emit(f"Đã cho ngừng dùng {noun} “{name}”.")
            return
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.bus.changed(self.spec.kind)
        self.status.emit(f"Đã xóa {noun} “{name}”.")

    def merge_records(self) -> None:
        ids = self.selected_ids()
        if not self.may_write:
            return
        rows = [self.model.row_dict(i) for i in ids]
        self.merge_dialog = open_dialog(
            self, lambda: MergeDialog(self.ctx, self.spec, rows, self),
            self._merged, show_error) or self.merge_dialog

    def _merged(self, dialog: MergeDialog) -> None:
        keep = dialog.keep_id()
        moved = sum(r.total for r in dialog.results)
        name = self._name(keep)
        for what in (self.spec.kind, *SHOWN_IN[self.spec.kind]):
            self.bus.changed(what)
        self.select_id(keep)
        self.status.emit(f"Đã gộp {vf.number(len(dialog.results) + 1)} {self.spec.noun} vào "
                         f"“{name}”; {vf.number(moved)} bản ghi đã chuyển sang.")


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
