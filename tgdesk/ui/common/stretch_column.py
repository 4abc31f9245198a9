"""A table column that takes the spare width, but never less than a readable
width: on a narrow screen the other columns do not squeeze it to a few letters;
the table scrolls sideways instead."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QHeaderView, QTableView


class StretchAtLeast(QObject):
    """Column ``column`` of ``view`` stretches while the viewport leaves it at least
    ``least`` pixels, and stays ``least`` wide (Interactive) when it would not."""

    def __init__(self, view: QTableView, column: int, least: int):
        super().__init__(view)
        self.view, self.column, self.least = view, column, least
        view.viewport().installEventFilter(self)
        view.horizontalHeader().sectionResized.connect(self._other_resized)
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.update()
        return False

    def _other_resized(self, index: int, _old: int, _new: int) -> None:
        if index != self.column:
            self.update()

    def room(self) -> int:
        """What the viewport leaves the column beside the others."""
        header = self.view.horizontalHeader()
        others = sum(header.sectionSize(i) for i in range(header.count())
                     if i != self.column and not header.isSectionHidden(i))
        return self.view.viewport().width() - others

    def update(self) -> None:
        header = self.view.horizontalHeader()
        if self.column >= header.count():
            return
        if self.room() >= self.least:
            mode = QHeaderView.ResizeMode.Stretch
        else:
            mode = QHeaderView.ResizeMode.Interactive
        if header.sectionResizeMode(self.column) != mode:
            header.setSectionResizeMode(self.column, mode)
        if mode is QHeaderView.ResizeMode.Interactive and \
                header.sectionSize(self.column) != self.least:
            header.resizeSection(self.column, self.least)


def stretch_at_least(view: QTableView, column: int, least: int) -> StretchAtLeast:
    """Make ``column`` of ``view`` a stretching column of at least ``least`` pixels."""
    return StretchAtLeast(view, column, least)
