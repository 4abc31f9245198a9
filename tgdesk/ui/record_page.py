"""One list page for every record kind: toolbar, search box, filters, period,
trash, lazy table sorted on the server, empty states, undo after a delete,
printing, and the opinion follow-up. The page remembers its filters, sort and
column widths (QSettings)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QFrame, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QMenu, QPushButton,
                               QStackedWidget, QTableView, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.domain.filters import ListFilter
from tgdesk.services.context import Context
from tgdesk.services.crud import Kind
from tgdesk.services.errors import UserError

from .app_settings import app_settings
from .events import DataBus
from .follow_up_dialog import FollowUpDialog
from .list_filters import FilterBar
from .list_state import ListState
from .period_filter import PeriodFilter
from .record_model import RecordModel
from .record_print import print_dialog, print_document
from .widgets import confirm, open_dialog, shortcut, show_error

SEARCH_DELAY_MS = 300
CATALOGUES = {"cells", "areas", "categories", "all"}


@dataclass(frozen=True)
class PageSpec:
    kind: str                   # "meetings"
    service: Kind               # MEETINGS
    heading: str                # "Hội nghị"
    noun: str                   # "hội nghị"
    dialog: type                # MeetingDialog
    empty_text: str             # what to do next on an empty list
    describe: Callable[[dict], str]   # a short name of one row, for confirmations
    follow_up: bool = False     # opinion notes: the "Xử lý…" dialog


def heading_label(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.4)
    font.setBold(True)
    label.setFont(font)
    return label


class RecordPage(QWidget):
    status = Signal(str)          # a message for the status bar

    def __init__(self, ctx: Context, bus: DataBus, spec: PageSpec,
                 parent: QWidget | None = None, settings: QSettings | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        self.spec = spec
        if settings is None:     # the user's own settings (tests redirect the user scope)
            settings = app_settings()
        self.state = ListState(settings, spec.kind)
        self.dialog: QDialog | None = None
        self.last_deleted: int | None = None
        self._quiet = True            # no reloads while the controls are being set

        self.model = RecordModel(ctx, spec.kind, parent=self)
        self._build_view()
        self._build_toolbar()
        self._build_filter_bar()

        self.undo_bar = QFrame()
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_bar.setStyleSheet("QFrame { background: #fff4ce; }")
        self.undo_text = QLabel()
        self.undo_button = QPushButton("Hoàn tác")
        self.undo_button.clicked.connect(self.undo_delete)
        close_undo = QPushButton("Đóng")
        close_undo.clicked.connect(self.undo_bar.hide)
        undo_lay = QHBoxLayout(self.undo_bar)
        undo_lay.setContentsMargins(8, 4, 8, 4)
        undo_lay.addWidget(self.undo_text, 1)
        undo_lay.addWidget(self.undo_button)
        undo_lay.addWidget(close_undo)
        self.undo_bar.hide()

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555; font-size: 12pt; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.footer = QLabel()
        self.footer.setStyleSheet("color: #555;")

        lay = QVBoxLayout(self)
        lay.addWidget(heading_label(spec.heading))
        lay.addLayout(self.toolbar)
        lay.addLayout(self.filter_row)
        lay.addWidget(self.undo_bar)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.footer)

        shortcut(QKeySequence.StandardKey.Find, self, self.focus_search,
                 context=Qt.ShortcutContext.WindowShortcut)
        shortcut(QKeySequence.StandardKey.Print, self, self.print_list,
                 context=Qt.ShortcutContext.WindowShortcut)

        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        bus.data_changed.connect(self._on_data_changed)
        self.restore_state()
        self._quiet = False
        self.reload()

    # --- building ----------------------------------------------------------------
    def _build_view(self) -> None:
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        header.setHighlightSections(False)
        header.setSortIndicatorShown(True)
        for i, column in enumerate(self.model.columns):
            self.view.setColumnWidth(i, column.width)
            if column.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self._show_sort_indicator()
        self.view.setSortingEnabled(True)      # a header click calls model.sort()
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.sectionResized.connect(self._column_resized)
        self.view.doubleClicked.connect(lambda _index: self.edit_record())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut(key, self.view, self.edit_record,
                     context=Qt.ShortcutContext.WidgetShortcut)
        shortcut(QKeySequence.StandardKey.Delete, self.view, self.delete_record,
                 context=Qt.ShortcutContext.WidgetShortcut)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

    def _build_toolbar(self) -> None:
        spec = self.spec
        self.add_button = QPushButton("Thêm")
        self.add_button.setToolTip(f"Thêm {spec.noun} (Ctrl+N)")
        self.edit_button = QPushButton("Sửa")
        self.edit_button.setToolTip(f"Sửa {spec.noun} đang chọn (Enter hoặc bấm đúp)")
        self.delete_button = QPushButton("Xóa")
        self.delete_button.setToolTip(f"Xóa {spec.noun} đang chọn (phím Delete)")
        self.restore_button = QPushButton("Khôi phục")
        self.restore_button.setToolTip(f"Đưa {spec.noun} đang chọn ra khỏi thùng rác")
        self.follow_button = QPushButton("Xử lý…")
        self.follow_button.setToolTip("Cập nhật tình trạng xử lý, hạn xử lý và xem quá trình "
                                      "xử lý của ý kiến đang chọn (Ctrl+Enter)")
        self.follow_button.setVisible(spec.follow_up)
        self.print_button = QPushButton("In…")
        self.print_button.setToolTip("In danh sách đang hiện (Ctrl+P)")
        self.trash = QCheckBox("Thùng rác")
        self.trash.setToolTip(f"Xem các {spec.noun} đã xóa")
        self.period = PeriodFilter(self.ctx.today())
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.restore_button.clicked.connect(self.restore_selected)
        self.follow_button.clicked.connect(self.follow_up_selected)
        self.print_button.clicked.connect(self.print_list)
        self.trash.toggled.connect(self._trash_toggled)
        self.period.changed.connect(self.reload)
        if spec.follow_up:
            for key in ("Ctrl+Return", "Ctrl+Enter"):
                shortcut(key, self.view, self.follow_up_selected,
                         context=Qt.ShortcutContext.WidgetShortcut)

        bar = QHBoxLayout()
        for w in (self.add_button, self.edit_button, self.delete_button, self.restore_button,
                  self.follow_button, self.print_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.period)
        bar.addSpacing(12)
        bar.addWidget(self.trash)
        self.toolbar = bar

    def _build_filter_bar(self) -> None:
        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm nội dung… (Ctrl+F)")
        self.search.setToolTip("Gõ không dấu để tìm cả có dấu và không dấu (“dat dai” thấy "
                               "“đất đai”); gõ có dấu để tìm đúng chữ đó. Esc: xóa ô tìm.")
        self.search.setAccessibleName("Tìm kiếm")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(140)
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.reload)
        self.search.textChanged.connect(self._search_typed)
        self.search.returnPressed.connect(self._search_now)
        shortcut(Qt.Key.Key_Escape, self.search, self.clear_search,
                 context=Qt.ShortcutContext.WidgetShortcut)
        self.filters = FilterBar(self.ctx, self.spec.kind)
        self.filters.changed.connect(self.reload)
        self.clear_button = QPushButton("Bỏ lọc")
        self.clear_button.setToolTip("Bỏ ô tìm, mọi bộ lọc và khoảng thời gian: hiện tất cả")
        self.clear_button.clicked.connect(self.clear_filters)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.filters)
        row.addWidget(self.clear_button)
        self.filter_row = row

    # --- state -------------------------------------------------------------------
    def current_filter(self) -> ListFilter:
        start, end = self.period.range()
        key, descending = self.model.sort_state()
        return ListFilter(date_from=start, date_to=end, deleted=self.trash.isChecked(),
                          search=self.search.text().strip() or None, sort=key,
                          descending=descending, **self.filters.values())

    def is_filtered(self) -> bool:
        """Whether anything narrows the list (search, a filter or a period)."""
        return bool(self.search.text().strip() or self.filters.is_active()
                    or self.period.range() != (None, None))

    def reload(self) -> None:
        if self._quiet:
            return
        self.search_timer.stop()
        self.model.load(self.current_filter())
        self.save_state()

    def refresh(self) -> None:
        """Reload after a change, keeping the selection where possible."""
        selected = self.selected_id()
        self.model.load(self.current_filter(), keep_shown=True)
        if selected is not None:
            self.select_id(selected)

    def show_filtered(self, flt: ListFilter) -> None:
        """Set every control from ``flt`` (period, trash, search, filters, sort) and
        reload once. The overview's tiles open their list through this."""
        self._quiet = True
        try:
            self.trash.blockSignals(True)
            self.trash.setChecked(flt.deleted)
            self.trash.blockSignals(False)
            self.period.set_range(flt.date_from, flt.date_to)
            self.search.blockSignals(True)
            self.search.setText(flt.search or "")
            self.search.blockSignals(False)
            self.filters.set_values(flt)
            self.model.filter = replace(self.model.filter, sort=flt.sort,
                                        descending=flt.descending)
            self._show_sort_indicator()
        finally:
            self._quiet = False
        self.undo_bar.hide()
        self.reload()

    def clear_filters(self) -> None:
        """"Bỏ lọc": no search, no filter, every date (the trash stays as it is)."""
        self.show_filtered(ListFilter(deleted=self.trash.isChecked(),
                                      sort=self.model.filter.sort,
                                      descending=self.model.filter.descending))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_search(self) -> None:
        if self.search.text():
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.reload()

    def _search_typed(self) -> None:
        self.search_timer.start()     # restarts: the list follows after a short pause

    def _search_now(self) -> None:
        self.search_timer.stop()
        self.reload()

    def _sort_changed(self, _section: int, _order) -> None:
        self.save_state()

    def _show_sort_indicator(self) -> None:
        key, descending = self.model.sort_state()
        column = self.model.column_of(key)
        header = self.view.horizontalHeader()
        header.blockSignals(True)    # the view would sort again on the signal
        header.setSortIndicator(-1 if column is None else column,
                                Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)
        header.viewport().update()

    def _on_data_changed(self, what: str) -> None:
        if what == "unit":
            return
        if what in CATALOGUES:
            self.filters.reload_choices()
        self.refresh()

    def _trash_toggled(self) -> None:
        self.undo_bar.hide()
        self.reload()

    def _update_state(self) -> None:
        total = self.model.total()
        in_trash = self.trash.isChecked()
        noun = self.spec.noun
        searched = bool(self.search.text().strip()) or self.filters.is_active()
        if total == 0:
            start, end = self.period.range()
            if in_trash:
                self.empty.setText(f"Thùng rác không có {noun} nào"
                                   + (" phù hợp với ô tìm và bộ lọc." if searched else "."))
            elif searched:
                self.empty.setText(f"Không tìm thấy {noun} nào phù hợp.\nThử bỏ dấu, gõ ít "
                                   "chữ hơn hoặc bỏ bớt bộ lọc (nút “Bỏ lọc”).")
            elif start or end:
                self.empty.setText(f"Không có {noun} nào trong khoảng thời gian đã "
                                   "chọn. Chọn “Tất cả” để xem mọi bản ghi.")
            else:
                self.empty.setText(self.spec.empty_text)
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.view)
        text = f"{vf.number(total)} {noun}"
        if self.is_filtered():
            text += " phù hợp"
        if in_trash:
            text += " trong thùng rác"
        if self.model.rowCount() < total:
            text += f" (đang hiện {vf.number(self.model.rowCount())})"
        self.footer.setText(text)
        self.clear_button.setEnabled(self.is_filtered())
        self._update_buttons()

    def _update_buttons(self) -> None:
        in_trash = self.trash.isChecked()
        has_row = self.selected_id() is not None
        self.add_button.setEnabled(not in_trash)
        self.edit_button.setEnabled(has_row and not in_trash)
        self.delete_button.setEnabled(has_row and not in_trash)
        self.follow_button.setEnabled(has_row and not in_trash)
        self.restore_button.setVisible(in_trash)
        self.restore_button.setEnabled(has_row)
        self.print_button.setEnabled(self.model.total() > 0)

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            return self.model.id_at(rows[0].row())
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def select_id(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        self.view.selectRow(row)
        self.view.scrollTo(self.model.index(row, 0))
        return True

    # --- remembered between runs (QSettings) ---------------------------------------
    def save_state(self) -> None:
        key, descending = self.model.sort_state()
        self.state.save(self.period.state(), self.filters.values(), key, descending)

    def _column_resized(self, index: int, _old: int, new: int) -> None:
        column = self.model.columns[index] if index < len(self.model.columns) else None
        if column is None or column.stretch or self._quiet or new <= 0:
            return
        self.state.save_width(column.key or str(index), new)

    def restore_state(self) -> None:
        """Column widths, sort, period and filters as they were left. Anything that
        no longer exists (a deleted category, a column gone) is dropped silently."""
        widths = self.state.widths()
        for i, column in enumerate(self.model.columns):
            width = widths.get(column.key or str(i))
            if width is not None and not column.stretch:
                self.view.setColumnWidth(i, width)
        saved = self.state.load()
        self.period.restore(saved["period"])
        self.filters.set_values(saved["filters"])
        if self.model.column_of(saved["sort"]) is not None:
            self.model.filter = replace(self.model.filter, sort=saved["sort"],
                                        descending=saved["descending"])
        self._show_sort_indicator()

    # --- actions -----------------------------------------------------------------
    def context_menu(self, pos) -> QMenu:
        """The menu for a right click at ``pos`` (viewport coordinates); the row
        under the mouse becomes the selection."""
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.selectRow(index.row())
        menu = QMenu(self)
        has_row = self.selected_id() is not None
        if self.trash.isChecked():
            menu.addAction("Khôi phục", self.restore_selected).setEnabled(has_row)
        else:
            menu.addAction("Sửa…", self.edit_record).setEnabled(has_row)
            if self.spec.follow_up:
                menu.addAction("Xử lý…", self.follow_up_selected).setEnabled(has_row)
            menu.addAction("Xóa", self.delete_record).setEnabled(has_row)
            menu.addSeparator()
            menu.addAction("Thêm…", self.add_record)
        menu.addAction("In danh sách…", self.print_list)
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def _context_menu(self, pos) -> None:
        self.context_menu(pos).popup(self.view.viewport().mapToGlobal(pos))

    def add_record(self) -> None:
        if not self.trash.isChecked():
            self._open_dialog(None)

    def edit_record(self) -> None:
        record_id = self.selected_id()
        if record_id is not None and not self.trash.isChecked():
            self._open_dialog(record_id)

    def _open_dialog(self, record_id: int | None) -> None:
        self.dialog = open_dialog(self, lambda: self.spec.dialog(self.ctx, record_id, self),
                                  lambda d: self._saved(d, record_id is None),
                                  show_error) or self.dialog

    def _saved(self, dialog, created: bool) -> None:
        saved = dialog.saved
        self.bus.changed(self.spec.kind)
        if saved is not None:
            if not self.select_id(saved.id) and created:
                # Saved outside what the list shows: show everything so it is visible.
                self.clear_filters()
                self.select_id(saved.id)
            verb = "Đã thêm" if created else "Đã lưu"
            self.status.emit(f"{verb} {self.spec.noun}.")

    def follow_up_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is None or self.trash.isChecked() or not self.spec.follow_up:
            return
        self.dialog = open_dialog(self, lambda: FollowUpDialog(self.ctx, record_id, self),
                                  lambda _d: self._followed(record_id),
                                  show_error) or self.dialog

    def _followed(self, record_id: int) -> None:
        self.bus.changed(self.spec.kind)
        self.select_id(record_id)
        self.status.emit("Đã cập nhật tình trạng xử lý.")

    def delete_record(self) -> None:
        record_id = self.selected_id()
        if record_id is None or self.trash.isChecked():
            return
        row = self.model.row_data(self.model.row_of(record_id))
        name = self.spec.describe(row) if row else self.spec.noun
        if not confirm(self, f"Xóa {self.spec.noun}",
                       f"Xóa {self.spec.noun} “{name}”?\n\nBản ghi được chuyển vào thùng rác; "
                       "có thể khôi phục lại."):
            return
        try:
            self.spec.service.delete(self.ctx, record_id)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.last_deleted = record_id
        self.undo_text.setText(f"Đã xóa {self.spec.noun} “{name}”.")
        self.undo_bar.show()
        self.bus.changed(self.spec.kind)
        self.status.emit(f"Đã xóa {self.spec.noun}. Bấm “Hoàn tác” để lấy lại.")

    def undo_delete(self) -> None:
        if self.last_deleted is None:
            return
        record_id, self.last_deleted = self.last_deleted, None
        self.undo_bar.hide()
        self._restore(record_id)
        self.select_id(record_id)

    def restore_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None and self.trash.isChecked():
            self._restore(record_id)

    def _restore(self, record_id: int) -> None:
        try:
            self.spec.service.restore(self.ctx, record_id)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.bus.changed(self.spec.kind)
        self.status.emit(f"Đã khôi phục {self.spec.noun}.")

    # --- printing ----------------------------------------------------------------
    def print_document(self):
        """The current list (every matching record, up to a limit) as a document."""
        return print_document(self.ctx, self.spec.heading, self.model, self.describe_filter())

    def print_list(self) -> None:
        if self.model.total() == 0:
            self.status.emit("Danh sách trống, không có gì để in.")
            return
        if print_dialog(self, self.print_document()):
            self.status.emit("Đã gửi danh sách đi in.")

    def describe_filter(self) -> str:
        """What the list shows, in words (for the printed heading)."""
        parts = []
        start, end = self.period.range()
        if start or end:
            parts.append(f"từ {vf.short_date(start) or '…'} đến {vf.short_date(end) or '…'}")
        if self.search.text().strip():
            parts.append(f"tìm “{self.search.text().strip()}”")
        for combo in self.filters.combos.values():
            if combo.currentData() is not None:
                parts.append(combo.currentText())
        if self.filters.overdue is not None and self.filters.overdue.isChecked():
            parts.append("quá hạn xử lý")
        if self.trash.isChecked():
            parts.append("trong thùng rác")
        return "; ".join(parts)
