"""Tiến độ học tập: study coverage per document (services/coverage.py). One row per
active document (cells done, Party members covered, cells late, the state), sortable
by any column; the document chosen shows its cells below (sessions, members, state,
days late) and its ward-wide sessions. Counted to "Tính đến ngày" (today unless
changed), from an optional day for a document studied again every year. "Xuất
Excel…" writes both views (services/excel/coverage_export.py, imported on use).

Refreshed from the data bus when studies, cells or documents change (at once when
shown, else when next shown). No document or no cell: a note and a button to the
Danh mục page (``open_catalogue``, wired by ui/pages.py)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QHeaderView, QPushButton, QSplitter, QVBoxLayout,
                               QWidget)

from tgdesk import vnformat as vf
from tgdesk.domain.dates import EARLIEST
from tgdesk.domain.filters import ListFilter
from tgdesk.services import coverage as cov
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from tgdesk.ui.common import kit
from tgdesk.ui.common.app_settings import last_folder, remember_folder
from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.events import DataBus, RefreshWhenShown, concerns
from tgdesk.ui.common.flow_layout import FlowLayout, together
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.kit import RowsModel, note_label, rows_view
from tgdesk.ui.common.stretch_column import stretch_at_least
from tgdesk.ui.common.widgets import buddy_label, show_error
from tgdesk.ui.coverage.coverage_tables import (CELL_COLUMNS, DOCUMENT_COLUMNS, NAME_WIDTH,
                                                NO_COUNT_NOTE, SESSIONS_COLUMN, TITLE_COLUMN,
                                                Shown, document_caption, ward_note)

TITLE = "Tiến độ học tập"
INTRO = ("Mỗi văn bản đang dùng: số chi bộ đã tổ chức học tập, quán triệt (tính từ buổi đầu "
         "tiên của chi bộ) và số đảng viên đã học trên tổng số; buổi học bù được cộng thêm, "
         "mỗi chi bộ không tính quá số đảng viên của chi bộ. Chọn một văn bản để xem từng "
         "chi bộ; bấm tiêu đề cột để sắp xếp.")
NO_DOCUMENTS = ("Chưa có văn bản nào đang dùng trong danh mục. Thêm các văn bản cần học tập, "
                "quán triệt (kèm hạn học tập do cấp trên đặt, nếu có) ở trang Danh mục, thẻ "
                "Văn bản.")
NO_CELLS = ("Chưa có chi bộ nào trong danh mục: tiến độ học tập được tính theo từng chi bộ và "
            "số đảng viên của chi bộ. Thêm các chi bộ (kèm số đảng viên) ở trang Danh mục, "
            "thẻ Chi bộ.")
PICK = "Chọn một văn bản ở bảng trên để xem từng chi bộ."
FOLDER_KEY = "coverage/last_folder"
XLSX_FILTER = "Tệp Excel (*.xlsx);;Mọi tệp (*)"


class CoveragePage(RefreshWhenShown, QWidget):
    status = Signal(str)
    open_catalogue = Signal(str)        # the Danh mục page, at this catalogue's tab

    def __init__(self, ctx: Context, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.shown: list[Shown] = []
        today = ctx.today()

        self.as_of = DateField(today, today=today)
        self.as_of.set_range(EARLIEST, today)
        self.as_of.setToolTip("Các buổi học đến ngày này; số ngày trễ hạn tính đến ngày này")
        self.since = DateField(None, optional=True, placeholder="mọi buổi", today=today)
        self.since.setToolTip("Để trống: mọi buổi học. Văn bản học lại hằng năm: chỉ tính "
                              "các buổi học từ ngày này")
        self.due_only = QCheckBox("Chỉ văn bản chưa &xong, sắp đến hạn hoặc quá hạn")
        self.due_only.setToolTip(f"Văn bản chưa được mọi chi bộ học tập mà hạn đã qua hoặc "
                                 f"còn không quá {cov.DUE_SOON_DAYS} ngày (như ô ở trang "
                                 "Tổng quan)")
        self.due_only.toggled.connect(lambda _on: self.refresh())
        self.export_button = QPushButton("Xuất &Excel…")
        self.export_button.setToolTip("Ghi bảng văn bản và bảng từng chi bộ (mọi văn bản) "
                                      "ra tệp Excel")
        self.export_button.clicked.connect(lambda: self.export_excel())
        bar = FlowLayout()
        bar.addWidget(together(buddy_label("Tính đến &ngày:", self.as_of.edit), self.as_of))
        bar.addWidget(together(buddy_label("&Chỉ tính các buổi từ ngày:", self.since.edit),
                               self.since))
        bar.addWidget(self.due_only)
        bar.add_stretch()
        bar.addWidget(self.export_button)
        for field in (self.as_of, self.since):
            field.changed.connect(self.refresh)
            field.problem.connect(lambda _text: self.dates())     # a wrong date: said above

        self.message = note_label("", kit.ERROR_BOX_STYLE)
        self.message.hide()
        self.empty = QWidget()
        self.empty_text = note_label("", kit.INFO_STYLE)
        self.catalogue_button = QPushButton("Mở trang “Danh mục”")
        self.catalogue_button.clicked.connect(
            lambda: self.open_catalogue.emit(self._empty_kind))
        self._empty_kind = "documents"
        empty_lay = QVBoxLayout(self.empty)
        empty_lay.setContentsMargins(0, 0, 0, 0)
        empty_lay.addWidget(self.empty_text)
        empty_lay.addWidget(self.catalogue_button, 0, Qt.AlignmentFlag.AlignLeft)
        empty_lay.addStretch(1)

        self.splitter = self._tables()
        lay = QVBoxLayout(self)
        lay.addWidget(heading_label(TITLE))
        lay.addWidget(note_label(INTRO))
        lay.addLayout(bar)
        lay.addWidget(self.message)
        lay.addWidget(self.empty, 1)
        lay.addWidget(self.splitter, 1)
        bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    def _tables(self) -> QSplitter:
        self.model = RowsModel(DOCUMENT_COLUMNS)
        self.view = rows_view(self.model, stretch=None)
        self.view.setAccessibleName("Các văn bản")
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        self.view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self._title_stretch = stretch_at_least(self.view, TITLE_COLUMN, 220)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_cells())
        self.cell_model = RowsModel(CELL_COLUMNS)
        self.cell_view = rows_view(self.cell_model, stretch=None)
        self.cell_view.setAccessibleName("Các chi bộ")
        self.cell_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.cell_view.setSortingEnabled(True)
        self._sessions_stretch = stretch_at_least(self.cell_view, SESSIONS_COLUMN, 120)
        self.caption = note_label(PICK)
        self.ward = note_label("")
        self.no_count = note_label(NO_COUNT_NOTE)
        below = QWidget()
        lay = QVBoxLayout(below)
        lay.setContentsMargins(0, 4, 0, 0)
        lay.addWidget(self.caption)
        lay.addWidget(self.cell_view, 1)
        lay.addWidget(self.ward)
        lay.addWidget(self.no_count)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.view)
        splitter.addWidget(below)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        return splitter

    # --- refreshing ------------------------------------------------------------------
    def _on_data_changed(self, what: str) -> None:
        if concerns(what, "studies", "cells", "documents"):
            self.data_changed()

    def dates(self) -> tuple[date, date | None] | None:
        """(to, from) as chosen, or None (said on the page) when they do not fit."""
        as_of, since = self.as_of.value(), self.since.value()
        problem = self.as_of.error() or self.since.error()
        if not problem and since is not None and since > as_of:
            problem = (f"“Chỉ tính các buổi từ ngày” ({vf.short_date(since)}) phải trước "
                       f"ngày tính đến ({vf.short_date(as_of)}).")
        self.message.setText(problem)
        self.message.setVisible(bool(problem))
        return None if problem else (as_of, since)

    def refresh(self) -> None:
        self.loaded()
        chosen = self.dates()
        if chosen is None:
            return
        as_of, since = chosen
        found = cov.coverage(self.ctx, None, as_of, since)
        self.shown = [Shown(dc, cov.document_name(dc.document)) for dc in found
                      if not self.due_only.isChecked() or dc.due_unfinished()]
        empty = ""
        if not found:
            empty, self._empty_kind = NO_DOCUMENTS, "documents"
        elif not found[0].cells:
            empty, self._empty_kind = NO_CELLS, "cells"
        self.empty_text.setText(empty)
        self.empty.setVisible(bool(empty))
        self.splitter.setVisible(not empty)
        self.export_button.setEnabled(not empty)
        keep = self.selected_id()
        self.model.set_rows(self.shown)
        self.view.setColumnWidth(0, min(self.view.sizeHintForColumn(0), NAME_WIDTH))
        header = self.view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.select_document(keep if keep is not None else
                             (self.model.rows[0].id if self.model.rows else None))
        self._show_cells()

    def show_filtered(self, flt: ListFilter) -> None:
        """The overview's tile: ``overdue`` shows only the documents not finished
        whose deadline has passed or is near (what the tile counts)."""
        self.due_only.setChecked(bool(flt.overdue))

    # --- the document chosen -----------------------------------------------------------
    def selected(self) -> Shown | None:
        index = self.view.selectionModel().currentIndex()     # set before the selection
        row = index.row() if index.isValid() else -1
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def selected_id(self) -> int | None:
        s = self.selected()
        return s.id if s is not None else None

    def select_document(self, document_id: int | None) -> None:
        row = next((i for i, s in enumerate(self.model.rows) if s.id == document_id), None)
        if row is None:
            self.view.clearSelection()
            return
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(self.model.index(row, 0))

    def _show_cells(self) -> None:
        s = self.selected()
        cells = s.coverage.cells if s is not None else []
        self.cell_model.set_rows(cells)
        header = self.cell_view.horizontalHeader()
        if header.sortIndicatorSection() >= 0:
            self.cell_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.caption.setText(document_caption(s) if s is not None else PICK)
        note = ward_note(s.coverage) if s is not None else ""
        self.ward.setText(note)
        self.ward.setVisible(bool(note))
        self.no_count.setVisible(any(not c.members_known for c in cells))

    # --- Excel -----------------------------------------------------------------------
    def export_excel(self, path: str | None = None) -> Path | None:
        """Ask for a file name (unless given) and write both views counted as shown."""
        chosen = self.dates()
        if chosen is None:
            return None
        as_of, since = chosen
        if path is None:
            suggested = Path(last_folder(FOLDER_KEY)) / f"Tien_do_hoc_tap_{as_of:%d-%m-%Y}.xlsx"
            path = kit.ask_save_file(self, "Xuất tiến độ học tập ra Excel", str(suggested),
                                     XLSX_FILTER)
            if path is None:
                return None
        target = Path(path)
        if target.suffix.lower() != ".xlsx":
            target = target.with_name(target.name + ".xlsx")
        from tgdesk.services.excel.coverage_export import export_coverage   # openpyxl: on use
        try:
            n = export_coverage(self.ctx, target, as_of, since)
        except UserError as exc:
            show_error(self, exc)
            return None
        remember_folder(FOLDER_KEY, target)
        self.status.emit(f"Đã xuất tiến độ học tập của {vf.number(n)} văn bản ra tệp "
                         f"“{target.name}”.")
        return target
