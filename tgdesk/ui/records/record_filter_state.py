"""What a record list shows: search box, filters, period, trash and sort, and their memory."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QPushButton

from tgdesk import vnformat as vf
from tgdesk.domain.filters import ListFilter

from tgdesk.ui.records.list_filters import FilterBar
from tgdesk.ui.records.period_filter import PeriodFilter
from tgdesk.ui.common.widgets import shortcut

SEARCH_DELAY_MS = 300


class RecordFilterState:
    """The controls that narrow a record list, the :class:`ListFilter` they make,
    and the state kept between runs (QSettings). A mixin of
    :class:`~tgdesk.ui.records.record_page.RecordPage`; needs the page's ``ctx``, ``spec``,
    ``model``, ``view``, ``state``, ``undo_bar``, ``_quiet`` and ``reload()``."""

    # --- building ----------------------------------------------------------------
    def _build_filters(self) -> None:
        """The period and trash (shown in the toolbar) and the search row."""
        self.trash = QCheckBox("Thùng rác")
        self.trash.setToolTip(f"Xem các {self.spec.noun} đã xóa")
        self.period = PeriodFilter(self.ctx.today())
        self.trash.toggled.connect(self._trash_toggled)
        self.period.changed.connect(self.reload)

        self.search = QLineEdit()
        self.search.setPlaceholderText("Tìm nội dung… (Ctrl+F)")
        self.search.setToolTip("Gõ không dấu để tìm cả có dấu và không dấu (“dat dai” thấy "
                               "“đất đai”); gõ có dấu để tìm đúng chữ đó. Bản ghi có các chữ "
                               "đứng liền nhau đúng thứ tự được xếp trước; đặt trong ngoặc kép "
                               "(\"dat dai\") để chỉ tìm đúng cụm từ. Esc: xóa ô tìm.")
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
        # one flow with the filters, so all of them wrap together on a narrow screen
        self.filters.flow.insert_widget(0, self.search)
        self.filters.flow.addWidget(self.clear_button)
        row = QHBoxLayout()
        row.addWidget(self.filters)
        self.filter_row = row

    # --- what the controls select ------------------------------------------------------
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

    # --- the search box ----------------------------------------------------------------
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

    def _trash_toggled(self) -> None:
        self.undo_bar.hide()
        self.reload()

    # --- sort ------------------------------------------------------------------------
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
