"""The overview's short lists of what needs attention: open hot spots, overdue follow-ups."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.services import overview

from tgdesk.ui.overview.overview_tiles import RED


def note_text(line: overview.NoteLine, overdue: bool) -> str:
    where = f" · {line.area}" if line.area else ""
    when = (f"hạn {vf.short_date(line.due_on)}" if overdue
            else f"ngày {vf.short_date(line.noted_on)}")
    return f"{when}{where} · {line.category}\n{line.summary}"


class NoteList(QGroupBox):
    """A few notes, how many there are in all, and "Xem tất cả"; any click on it
    asks for the whole list (``opened``). ``overdue``: notes past their due date
    (shown by due date) rather than hot spots (shown by the day noted)."""

    opened = Signal()

    def __init__(self, title: str, overdue: bool, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.overdue = overdue
        self.count = QLabel()
        self.more = QPushButton("Xem tất cả")
        self.more.setAutoDefault(False)
        self.items = QListWidget()
        self.items.setWordWrap(True)
        self.items.setAlternatingRowColors(True)
        self.items.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.items.setMinimumHeight(56)     # two lists beside the charts on a 700 px high window
        top = QHBoxLayout()
        top.addWidget(self.count, 1)
        top.addWidget(self.more)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.items, 1)
        self.more.clicked.connect(lambda: self.opened.emit())
        self.items.itemActivated.connect(lambda _item: self.opened.emit())
        self.items.itemClicked.connect(lambda _item: self.opened.emit())

    def set_notes(self, lines: list[overview.NoteLine], total: int) -> None:
        """``lines`` shown of ``total`` notes."""
        overdue = self.overdue
        self.items.clear()
        for line in lines:
            item = QListWidgetItem(note_text(line, overdue))
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            item.setToolTip(line.summary)
            self.items.addItem(item)
        if total == 0:
            self.count.setText("Không có." if not overdue else "Không có ý kiến nào quá hạn.")
            self.count.setStyleSheet("")
        else:
            shown = f" (hiện {len(lines)} mới nhất)" if total > len(lines) and not overdue \
                else (f" (hiện {len(lines)} quá hạn lâu nhất)" if total > len(lines) else "")
            self.count.setText(f"{vf.number(total)} ý kiến{shown}")
            self.count.setStyleSheet(f"color: {RED}; font-weight: bold;")
