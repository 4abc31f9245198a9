"""The standard catalogue rows the first-run dialog offers (services/starter.py),
each with a tick: all ticked, one group per catalogue (a group's tick ticks or
unticks all of it). Space ticks the current row."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from tgdesk import vnformat as vf
from tgdesk.services.starter import KINDS, StarterRow

EXPLAIN = ("Các lĩnh vực dư luận, văn bản học tập và đợt, chủ đề tuyên truyền thường dùng được "
           "thêm sẵn vào danh mục để nhập liệu ngay. Bỏ đánh dấu những dòng đơn vị không dùng; "
           "sau này vẫn sửa, thêm, bớt được ở trang “Danh mục”.")
ROW = Qt.ItemDataRole.UserRole


class StarterList(QGroupBox):
    def __init__(self, rows: list[StarterRow], parent: QWidget | None = None):
        super().__init__("Danh mục ban đầu", parent)
        explain = QLabel(EXPLAIN)
        explain.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.tree.setAccessibleName("Danh mục ban đầu")
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.items: dict[tuple[str, str], QTreeWidgetItem] = {}
        for kind, (title, _noun) in KINDS.items():
            mine = [r for r in rows if r.kind == kind]
            if not mine:
                continue
            group = QTreeWidgetItem(self.tree, [f"{title} ({vf.number(len(mine))})"])
            group.setFlags(group.flags() | Qt.ItemFlag.ItemIsUserCheckable
                           | Qt.ItemFlag.ItemIsAutoTristate)
            for row in mine:
                item = QTreeWidgetItem(group, [row.label])
                item.setToolTip(0, f"{row.label}: {row.detail}")
                item.setData(0, ROW, row)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(0, Qt.CheckState.Checked)
                self.items[(kind, row.key)] = item
            group.setExpanded(True)
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        lay = QVBoxLayout(self)
        lay.addWidget(explain)
        lay.addWidget(self.tree, 1)

    def picked(self) -> list[StarterRow]:
        """The rows still ticked, in their order."""
        return [item.data(0, ROW) for item in self.items.values()
                if item.checkState(0) == Qt.CheckState.Checked]

    def set_ticked(self, kind: str, key: str, on: bool) -> None:
        self.items[(kind, key)].setCheckState(
            0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
