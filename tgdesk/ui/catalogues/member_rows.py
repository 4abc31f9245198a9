"""The cell form's Party members (issue 15, item 4): the count, the day a new count
applies from ("Số đảng viên thay đổi từ ngày …"), and the figures recorded so far,
newest first. Saved through services/membership.py: the cell's other fields first,
then the new count as a step of its day (validated together before either)."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSizePolicy,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.domain.records import Cell
from tgdesk.domain.validation import Verdict
from tgdesk.services import membership
from tgdesk.services.context import Context

from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.widgets import IssueForm, optional_count, optional_count_spin

SINCE_TIP = ("Ngày số đảng viên mới bắt đầu áp dụng (kết nạp, chuyển sinh hoạt đến hoặc đi…); "
             "để hôm nay nếu vừa thay đổi. Tiến độ học tập tính số đảng viên của chi bộ theo "
             "từng thời điểm.")
NO_HISTORY = "Chưa ghi lần nào: số đảng viên trên được tính cho mọi thời điểm."
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class MemberRows:
    """Adds its rows to ``form``: "Số đảng viên:", "Áp dụng từ ngày:" (enabled once the
    count differs from the one loaded, or for a new cell) and the history."""

    def __init__(self, ctx: Context, form: IssueForm, cell_id: int | None):
        self.ctx, self.cell_id = ctx, cell_id
        self.loaded: int | None = None
        today = ctx.today()
        self.count = form.add("Số đảng viên:", optional_count_spin(None), "member_count")
        self.since = form.add("Áp dụng từ ngày:", DateField(today, today=today), "effective_on")
        self.since.setToolTip(SINCE_TIP)
        self.count.valueChanged.connect(self._update)
        self.history = QTableWidget(0, 2)
        self.history.setHorizontalHeaderLabels(["Từ ngày", "Số đảng viên"])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.history.setColumnWidth(0, 110)
        self.history.setFixedHeight(110)
        self.history.setMaximumWidth(300)
        self.history.setAccessibleName("Số đảng viên đã ghi qua các thời điểm")
        self.empty = QLabel(NO_HISTORY)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("color: #555;")
        box = QWidget()
        box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.history)
        lay.addWidget(self.empty)
        form.add("Đã ghi:", box)
        form.form.labelForField(box).setBuddy(self.history)
        self.box = box
        if cell_id is None:                 # a new cell: nothing recorded yet
            form.form.setRowVisible(box, False)
        else:
            self.fill(membership.history(ctx, cell_id))

    def fill(self, steps) -> None:
        """The steps, newest first."""
        steps = sorted(steps, key=lambda s: s.effective_on, reverse=True)
        self.history.setRowCount(len(steps))
        for i, step in enumerate(steps):
            for col, text in enumerate((vf.short_date(step.effective_on),
                                        vf.number(step.member_count))):
                item = QTableWidgetItem(text)
                if col == 1:
                    item.setTextAlignment(RIGHT)
                self.history.setItem(i, col, item)
        self.history.setVisible(bool(steps))
        self.empty.setVisible(not steps)

    def load(self, count: int | None) -> None:
        self.loaded = count
        self.count.setValue(-1 if count is None else count)
        self._update()

    def value(self) -> int | None:
        return optional_count(self.count)

    def changed_count(self) -> int | None:
        """The count to record as a step of ``since``: a new cell's, or one that differs
        from the count loaded; None when there is none to record."""
        count = self.value()
        if count is None or (self.cell_id is not None and count == self.loaded):
            return None
        return count

    def _update(self) -> None:
        dated = self.changed_count() is not None
        if not dated and self.since.error():
            self.since.set_value(self.ctx.today())      # nothing to date: no complaint
        self.since.setEnabled(dated)

    def check(self, count: int) -> Verdict:
        return membership.check_member_count(self.ctx, self.cell_id, count, self.since.value())

    def save(self, kind, rec: Cell, count: int):
        """Save the cell without its new count, then the count from its day; the
        cell's Saved."""
        day = self.since.value()
        kept = dataclasses.replace(rec, member_count=None if self.cell_id is None
                                   else self.loaded)
        if self.cell_id is None:
            saved = kind.create(self.ctx, kept)
        else:
            saved = kind.update(self.ctx, self.cell_id, kept)
        membership.set_member_count(self.ctx, saved.id, count, day)
        return saved
