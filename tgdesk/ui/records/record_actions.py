"""What can be done with a record list's rows: toolbar, keys, context menu, undo, printing,
a record's history (the audit log's dialog, lent through ui/common/record_history.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QMenu, QPushButton

from tgdesk.services.errors import UserError

from tgdesk.ui.common.flow_layout import FlowLayout
from tgdesk.ui.common.permits import Permission, withhold
from tgdesk.ui.records.follow_up_dialog import FollowUpDialog
from tgdesk.ui.records.record_print import ListPreview, print_document
from tgdesk.ui.common.widgets import confirm, open_dialog, shortcut, show_error
from tgdesk.ui.common.record_history import open_history

HISTORY_KEY = "Ctrl+H"          # the selected record's "Lịch sử thay đổi…"
HISTORY_TEXT = f"Lịch sử thay đổi…\t{HISTORY_KEY}"


class RecordActions:
    """Add, edit, follow up, delete (with undo), restore from the trash, print and
    show a record's history, from the toolbar, the keyboard and the context menu. A mixin of
    :class:`~tgdesk.ui.records.record_page.RecordPage`; needs the page's ``ctx``, ``bus``,
    ``spec``, ``model``, ``view``, ``trash``, ``period``, ``status``, ``selected_id()``,
    ``select_id()``, ``clear_filters()`` and ``describe_filter()``."""

    # --- building ----------------------------------------------------------------
    def _build_actions(self) -> None:
        """The toolbar (with the page's period and trash at its end), the keys and
        context menu of the table, and the undo bar shown after a delete."""
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
        self.print_button.setToolTip("Xem trước rồi in danh sách đang hiện (Ctrl+P)")
        self.add_button.clicked.connect(self.add_record)
        self.edit_button.clicked.connect(self.edit_record)
        self.delete_button.clicked.connect(self.delete_record)
        self.restore_button.clicked.connect(self.restore_selected)
        self.follow_button.clicked.connect(self.follow_up_selected)
        self.print_button.clicked.connect(self.print_list)
        # a role that may not write (Xem, Quản trị) reads the list and its details only
        self.may_write = withhold(self.ctx, Permission.WRITE_RECORDS, self.add_button,
                                  self.edit_button, self.delete_button, self.restore_button,
                                  self.follow_button)

        bar = FlowLayout()      # wraps onto a second row on a narrow screen
        for w in (self.add_button, self.edit_button, self.delete_button, self.restore_button,
                  self.follow_button, self.print_button):
            bar.addWidget(w)
        bar.add_stretch()
        bar.addWidget(self.period)
        bar.add_spacing(12)
        bar.addWidget(self.trash)
        self.toolbar = bar

        view = self.view
        view.doubleClicked.connect(lambda _index: self.edit_record())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shortcut(key, view, self.edit_record, context=Qt.ShortcutContext.WidgetShortcut)
        shortcut(QKeySequence.StandardKey.Delete, view, self.delete_record,
                 context=Qt.ShortcutContext.WidgetShortcut)
        if spec.follow_up:
            for key in ("Ctrl+Return", "Ctrl+Enter"):
                shortcut(key, view, self.follow_up_selected,
                         context=Qt.ShortcutContext.WidgetShortcut)
        shortcut(HISTORY_KEY, view, self.show_history,
                 context=Qt.ShortcutContext.WidgetShortcut)
        shortcut(QKeySequence.StandardKey.Print, self, self.print_list,
                 context=Qt.ShortcutContext.WindowShortcut)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)
        self._build_undo_bar()

    def _build_undo_bar(self) -> None:
        self.undo_bar = QFrame()
        self.undo_bar.setFrameShape(QFrame.Shape.StyledPanel)
        self.undo_bar.setStyleSheet("QFrame { background: #fff4ce; } QLabel { color: #1b1b1b; }")
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

    def _update_buttons(self) -> None:
        in_trash = self.trash.isChecked()
        has_row = self.selected_id() is not None
        self.add_button.setEnabled(not in_trash)
        self.edit_button.setEnabled(has_row and not in_trash)
        self.delete_button.setEnabled(has_row and not in_trash)
        self.follow_button.setEnabled(has_row and not in_trash)
        self.restore_button.setVisible(in_trash and self.may_write)
        self.restore_button.setEnabled(has_row)
        self.print_button.setEnabled(self.model.total() > 0)

    # --- the context menu ----------------------------------------------------------
    def context_menu(self, pos) -> QMenu:
        """The menu for a right click at ``pos`` (viewport coordinates); the row
        under the mouse becomes the selection."""
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.selectRow(index.row())
        menu = QMenu(self)
        has_row = self.selected_id() is not None
        if not self.may_write:
            menu.addAction(HISTORY_TEXT, self.show_history).setEnabled(has_row)
        elif self.trash.isChecked():
            menu.addAction("Khôi phục", self.restore_selected).setEnabled(has_row)
            menu.addAction(HISTORY_TEXT, self.show_history).setEnabled(has_row)
        else:
            menu.addAction("Sửa…", self.edit_record).setEnabled(has_row)
            if self.spec.follow_up:
                menu.addAction("Xử lý…", self.follow_up_selected).setEnabled(has_row)
            menu.addAction("Xóa", self.delete_record).setEnabled(has_row)
            menu.addAction(HISTORY_TEXT, self.show_history).setEnabled(has_row)
            menu.addSeparator()
            menu.addAction("Thêm…", self.add_record)
        menu.addAction("In danh sách…", self.print_list)
        menu.aboutToHide.connect(menu.deleteLater)
        return menu

    def _context_menu(self, pos) -> None:
        self.context_menu(pos).popup(self.view.viewport().mapToGlobal(pos))

    # --- add, edit, follow up ---------------------------------------------------------
    def add_record(self) -> None:
        if not self.trash.isChecked() and self.may_write:
            self._open_dialog(None)

    def edit_record(self) -> None:
        record_id = self.selected_id()
        if record_id is not None and not self.trash.isChecked() and self.may_write:
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
        if record_id is None or self.trash.isChecked() or not self.spec.follow_up \
                or not self.may_write:
            return
        self.dialog = open_dialog(self, lambda: FollowUpDialog(self.ctx, record_id, self),
                                  lambda _d: self._followed(record_id),
                                  show_error) or self.dialog

    def _followed(self, record_id: int) -> None:
        self.bus.changed(self.spec.kind)
        self.select_id(record_id)
        self.status.emit("Đã cập nhật tình trạng xử lý.")

    def show_history(self):
        """The selected record's own history (the audit log), in a dialog."""
        record_id = self.selected_id()
        if record_id is None:
            return None
        position = self.model.row_of(record_id)
        row = self.model.row_data(position) if position is not None else None
        if not row or not row.get("uuid"):
            return None
        what = f"{self.spec.noun} “{self.spec.describe(row)}”"
        self.history_dialog = open_history(self.ctx, row["uuid"], what, self)
        return self.history_dialog

    # --- delete, undo, restore ------------------------------------------------------
    def delete_record(self) -> None:
        record_id = self.selected_id()
        if record_id is None or self.trash.isChecked() or not self.may_write:
            return
        position = self.model.row_of(record_id)
        row = self.model.row_data(position)
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
        self._select_near(position)
        self.status.emit(f"Đã xóa {self.spec.noun}. Bấm “Hoàn tác” để lấy lại.")

    def _select_near(self, position: int | None) -> None:
        """After a delete the row that took the deleted one's place (or the new
        last row) is selected, so Delete can be pressed again and the keyboard
        stays in the list."""
        count = self.model.rowCount()
        if position is None or count == 0 or self.selected_id() is not None:
            return
        record_id = self.model.id_at(min(position, count - 1))
        if record_id is not None:
            self.select_id(record_id)

    def undo_delete(self) -> None:
        if self.last_deleted is None:
            return
        record_id, self.last_deleted = self.last_deleted, None
        self.undo_bar.hide()
        self._restore(record_id)
        self.select_id(record_id)

    def restore_selected(self) -> None:
        record_id = self.selected_id()
        if record_id is not None and self.trash.isChecked() and self.may_write:
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

    def print_list(self) -> ListPreview | None:
        """"Xem trước khi in", from which the officer prints (all pages or a range)."""
        if self.model.total() == 0:
            self.status.emit("Danh sách trống, không có gì để in.")
            return None
        preview = ListPreview(self.print_document(), self.spec.heading, self)
        preview.accepted.connect(lambda: self.status.emit("Đã gửi danh sách đi in."))
        preview.finished.connect(preview.deleteLater)
        self.print_preview = preview
        preview.open()
        return preview
