"""One list page for every record kind: the table (lazy, sorted on the server),
its empty states and count, around the filters (record_filter_state.py) and the
row actions (record_actions.py): toolbar, undo after a delete, printing and the
opinion follow-up, Excel where the kind has it (record_excel.py), and the detail
pane below the table (record_detail.py) with the selected record's whole text.
The page remembers its filters, sort, column widths and the detail pane's height
(QSettings)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QLabel, QSplitter,
                               QStackedWidget, QTableView, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.services import audit
from tgdesk.services.context import Context
from tgdesk.services.crud import Kind

from tgdesk.ui.common.app_settings import app_settings
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.stretch_column import stretch_at_least
from tgdesk.ui.records.columns import SEARCHED
from tgdesk.ui.records.list_state import ListState
from tgdesk.ui.records.record_actions import RecordActions
from tgdesk.ui.records.record_detail import RecordDetail
from tgdesk.ui.records.record_excel import RecordExcel
from tgdesk.ui.records.record_filter_state import RecordFilterState
from tgdesk.ui.records.record_model import RecordModel
from tgdesk.ui.records.search_marks import MatchDelegate
from tgdesk.ui.common.widgets import shortcut

__all__ = ["PageSpec", "RecordPage", "heading_label"]   # heading_label: kept importable from here

CATALOGUES = {"cells", "areas", "categories", "campaigns", "all"}   # the filters' choices
STRETCH_LEAST = 240    # the content column's least width (pixels)
DETAIL_SIZES = [420, 150]      # list, detail pane (pixels) until the user drags the split


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
    excel: bool = False         # Excel export, import and template (services.excel.RECORD_SPECS)


class RecordPage(RecordFilterState, RecordActions, QWidget):
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
        self._build_filters()
        self._build_actions()
        self._build_excel()

        self.empty = QLabel()
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555; font-size: 12pt; padding: 24px;")
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        self.footer = QLabel()
        self.footer.setStyleSheet("color: #555;")
        self._build_detail()

        lay = QVBoxLayout(self)
        lay.addWidget(heading_label(spec.heading))
        lay.addLayout(self.toolbar)
        lay.addLayout(self.filter_row)
        lay.addWidget(self.undo_bar)
        lay.addWidget(self.split, 1)
        lay.addWidget(self.footer)

        shortcut(QKeySequence.StandardKey.Find, self, self.focus_search,
                 context=Qt.ShortcutContext.WindowShortcut)

        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)
        self.model.counted.connect(self._update_state)      # the total, after the first page
        self.model.count_failed.connect(self.status)
        self.view.viewport().installEventFilter(self)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.view.selectionModel().selectionChanged.connect(self._show_detail)
        bus.data_changed.connect(self._on_data_changed)
        self.restore_state()
        self._quiet = False
        self.reload()

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
            if column.stretch:      # the spare width, but readable on a narrow screen
                stretch_at_least(self.view, i, min(column.width, STRETCH_LEAST))
        self.marks = MatchDelegate(lambda: self.model.query, self.view)
        for i, column in enumerate(self.model.columns):
            if column.key in SEARCHED:
                self.view.setItemDelegateForColumn(i, self.marks)
        self._show_sort_indicator()
        self.view.setSortingEnabled(True)      # a header click calls model.sort()
        header.sortIndicatorChanged.connect(self._sort_changed)
        header.sectionResized.connect(self._column_resized)

    def _build_excel(self) -> None:
        """The "Excel" menu button after "In…", on the pages whose kind has an Excel
        service (record_excel.py)."""
        self.excel: RecordExcel | None = None
        if self.spec.excel:
            self.excel = RecordExcel(self)
            self.excel.status.connect(self.status)
            self.excel_button = self.excel.make_button()
            self.toolbar.insert_widget(self.toolbar.indexOf(self.print_button) + 1,
                                       self.excel_button)

    def eventFilter(self, watched, event) -> bool:
        if (event.type() == QEvent.Type.Paint and watched is self.view.viewport()
                and self.model.count_waiting()):
            # The list's first page is being painted: count the rest right after.
            QTimer.singleShot(0, self.model, self.model.start_count)
        return super().eventFilter(watched, event)

    def _build_detail(self) -> None:
        """The list above, the selected record's whole text below (record_detail.py);
        the split is remembered."""
        self.detail = RecordDetail(self.spec.kind)
        self._detail_shown: tuple | None = None      # (row, query) the pane shows
        self.split = QSplitter(Qt.Orientation.Vertical)
        self.split.setChildrenCollapsible(False)
        self.split.addWidget(self.stack)
        self.split.addWidget(self.detail)
        self.split.setStretchFactor(0, 1)
        self.split.setStretchFactor(1, 0)
        self.split.setSizes(self.state.detail_sizes() or DETAIL_SIZES)
        self.split.splitterMoved.connect(lambda *_: self.state.save_detail_sizes(
            self.split.sizes()))

    def _show_detail(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        row = self.model.row_data(rows[0].row()) if rows else None
        shown = (row, self.model.query)
        if shown != self._detail_shown:          # not again while the list scrolls
            self._detail_shown = shown
            made = audit.authorship(self.ctx, row["uuid"]) if row and row.get("uuid") else None
            self.detail.show_row(row, self.model.query, self.model.today, made)

    # --- loading -------------------------------------------------------------------
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

    def _on_data_changed(self, what: str) -> None:
        if what == "unit":
            return
        if what in CATALOGUES:
            self.filters.reload_choices()
        self.refresh()

    # --- what is shown ---------------------------------------------------------------
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
            else:       # the first sentence only, for a reader who adds nothing
                text = self.spec.empty_text
                self.empty.setText(text if self.may_write else text.split(". ")[0] + ".")
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.view)
        counted = self.model.is_counted()
        # While the rest is counted the first page shows, and more records match.
        text = f"{vf.number(total)} {noun}" if counted else f"Hơn {vf.number(total)} {noun}"
        if self.is_filtered():
            text += " phù hợp"
        phrase = self.model.phrase_count
        if phrase is not None and phrase < total:     # some have the words apart
            words = " ".join(self.search.text().split())
            text += (f" ({vf.number(phrase)} có đủ cụm từ “{words}”, xếp trước)" if phrase
                     else f" (không {noun} nào có đủ cụm từ “{words}”)")
        if in_trash:
            text += " trong thùng rác"
        if not counted:
            text += f" (đang hiện {vf.number(self.model.rowCount())}, đang đếm…)"
        elif self.model.rowCount() < total:
            text += f" (đang hiện {vf.number(self.model.rowCount())})"
        self.footer.setText(text)
        self.clear_button.setEnabled(self.is_filtered())
        self._update_buttons()
        self._show_detail()

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
