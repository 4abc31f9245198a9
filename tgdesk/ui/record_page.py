"""One list page for every record kind: toolbar, period filter, trash, lazy
table, empty state, and undo after a delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QDialog, QFrame, QHBoxLayout,
                               QHeaderView, QLabel, QPushButton, QStackedWidget, QTableView,
                               QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.domain.filters import ListFilter
from tgdesk.services.context import Context
from tgdesk.services.crud import Kind
from tgdesk.services.errors import UserError

from .events import DataBus
from .period_filter import PeriodFilter
from .record_model import RecordModel
from .widgets import confirm, show_error


@dataclass(frozen=True)
class PageSpec:
    kind: str                   # "meetings"
    service: Kind               # MEETINGS
    heading: str                # "Hội nghị"
    noun: str                   # "hội nghị"
    dialog: type                # MeetingDialog
    empty_text: str             # what to do next on an empty list
    describe: Callable[[dict], str]   # a short name of one row, for confirmations


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
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.bus = bus
        self.spec = spec
        self.dialog: QDialog | None = None
        self.last_deleted: int | None = None

        self.model = RecordModel(ctx, spec.kind, parent=self)
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
        for i, column in enumerate(self.model.columns):
            self.view.setColumnWidth(i, column.width)
            if column.stretch:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _index: self.edit_record())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.view, self.edit_record,
                      context=Qt.ShortcutContext.WidgetShortcut)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self.delete_record,
                  context=Qt.ShortcutContext.WidgetShortcut)

        self.add_button = QPushButton("Thêm")
        self.add_button.setToolTip(f"Thêm {spec.noun} (Ctrl+N)")
        self.edit_button = QPushButton("Sửa")
        self.edit_button.setToolTip(f"Sửa {spec.noun} đang chọn (Enter hoặc bấm đúp)")
        self.delete_button = QPushButton("Xóa")
        self.delete_button.setToolTip(f"Xóa {spec.noun} đang chọn (phím Delete)")
        self.restore_button = QPushButton("Khôi phục")
        self.restore_button.setToolTip(f"Đưa {spec.noun} đang chọn ra khỏi thùng rác")
        self.trash = QCheckBox("Thùng rác")
        self.trash.setToolTip(f"Xem các {spec.noun} đã xóa")
        self.period = PeriodFilter(ctx.today())
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.restore_button.clicked.connect(self.restore_selected)
        self.trash.toggled.connect(self._trash_toggled)
        self.period.changed.connect(self.reload)

        bar = QHBoxLayout()
        for w in (self.add_button, self.edit_button, self.delete_button, self.restore_button):
            bar.addWidget(w)
        bar.addStretch(1)
        bar.addWidget(self.period)
        bar.addSpacing(12)
        bar.addWidget(self.trash)

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
        lay.addLayout(bar)
        lay.addWidget(self.undo_bar)
        lay.addWidget(self.stack, 1)
        lay.addWidget(self.footer)

        self.model.modelReset.connect(self._update_state)
        self.model.rowsInserted.connect(self._update_state)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        bus.data_changed.connect(self._on_data_changed)
        self.reload()

    # --- state -----------------------------------------------------------
    def current_filter(self) -> ListFilter:
        start, end = self.period.range()
        return ListFilter(date_from=start, date_to=end, deleted=self.trash.isChecked())

    def reload(self) -> None:
        self.model.load(self.current_filter())

    def refresh(self) -> None:
        """Reload after a change, keeping the selection where possible."""
        selected = self.selected_id()
        self.model.load(self.current_filter(), keep_shown=True)
        if selected is not None:
            self.select_id(selected)

    def _on_data_changed(self, what: str) -> None:
        if what != "unit":
            self.refresh()

    def _trash_toggled(self) -> None:
        self.undo_bar.hide()
        self.reload()

    def _update_state(self) -> None:
        total = self.model.total()
        in_trash = self.trash.isChecked()
        if total == 0:
            start, end = self.period.range()
            if in_trash:
                self.empty.setText(f"Thùng rác không có {self.spec.noun} nào.")
            elif start or end:
                self.empty.setText(f"Không có {self.spec.noun} nào trong khoảng thời gian đã "
                                   "chọn. Chọn “Tất cả” để xem mọi bản ghi.")
            else:
                self.empty.setText(self.spec.empty_text)
            self.stack.setCurrentWidget(self.empty)
        else:
            self.stack.setCurrentWidget(self.view)
        where = "trong thùng rác" if in_trash else ""
        self.footer.setText(f"{vf.number(total)} {self.spec.noun} {where}".strip()
                            + (f" (đang hiện {vf.number(self.model.rowCount())})"
                               if self.model.rowCount() < total else ""))
        self._update_buttons()

    def _update_buttons(self) -> None:
        in_trash = self.trash.isChecked()
        has_row = self.selected_id() is not None
        self.add_button.setEnabled(not in_trash)
        self.edit_button.setEnabled(has_row and not in_trash)
        self.delete_button.setEnabled(has_row and not in_trash)
        self.restore_button.setVisible(in_trash)
        self.restore_button.setEnabled(has_row)

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

    # --- actions ---------------------------------------------------------
    def add_record(self) -> None:
        if not self.trash.isChecked():
            self._open_dialog(None)

    def edit_record(self) -> None:
        record_id = self.selected_id()
        if record_id is not None and not self.trash.isChecked():
            self._open_dialog(record_id)

    def _open_dialog(self, record_id: int | None) -> None:
        try:
            dialog = self.spec.dialog(self.ctx, record_id, self)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.dialog = dialog
        dialog.accepted.connect(lambda: self._saved(dialog, record_id is None))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _saved(self, dialog, created: bool) -> None:
        saved = dialog.saved
        self.bus.changed(self.spec.kind)
        if saved is not None:
            if not self.select_id(saved.id) and created:
                # Saved outside the chosen period: show everything so it is visible.
                self.period.choose("all")
                self.select_id(saved.id)
            verb = "Đã thêm" if created else "Đã lưu"
            self.status.emit(f"{verb} {self.spec.noun}.")

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
