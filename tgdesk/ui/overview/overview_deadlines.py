"""The overview's report deadlines: each period due, how long is left, each report's state."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QGroupBox, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from tgdesk import vnformat as vf
from tgdesk.services import overview

from tgdesk.ui.overview.overview_tiles import RED

# the headers on two lines, so the columns fit a narrow screen
REPORT_COLUMNS = (("work", "Báo cáo công tác\ntuyên giáo"),
                  ("opinion", "Báo cáo tư tưởng,\ndư luận xã hội"))
ISSUED_COLOR = "#2e7d32"


def days_text(days: int) -> str:
    if days == 0:
        return "Hôm nay"
    return f"Còn {days} ngày" if days > 0 else f"Quá {-days} ngày"


class DeadlinesPanel(QGroupBox):
    """One row a period; a click on a row asks for its report (``report_chosen``:
    the report of the column clicked, the first one outside the report columns).
    The "Hạn nộp báo cáo…" button (``rules_button``) is the page's to connect."""

    report_chosen = Signal(str, object)       # report kind, Period

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Hạn nộp báo cáo", parent)
        self.rows: list[overview.DeadlineRow] = []
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            ["Kỳ báo cáo", "Hạn nộp", "Thời hạn", *[label for _, label in REPORT_COLUMNS]])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        # the period and dates whole; the two reports share what is left (narrow screens)
        for col in (0, 1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        for col in (3, 4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        self.table.cellClicked.connect(self.open_row)
        self.table.cellActivated.connect(self.open_row)
        self.table.setToolTip("Bấm vào một dòng để mở trang Báo cáo của kỳ đó")
        self.rules_button = QPushButton("Hạn nộp báo cáo…")
        self.rules_button.setToolTip("Sửa ngày phải nộp mỗi loại báo cáo")
        self.note = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.note, 1)
        bar.addWidget(self.rules_button)
        lay = QVBoxLayout(self)
        lay.addLayout(bar)
        lay.addWidget(self.table)

    def set_rows(self, rows: list[overview.DeadlineRow]) -> None:
        self.rows = rows
        table = self.table
        table.setRowCount(len(rows))
        late = sum(1 for r in rows if r.overdue)
        self.note.setText(
            f"{late} kỳ báo cáo đã quá hạn mà chưa ban hành đủ." if late else
            "Các kỳ báo cáo sắp đến hạn; bấm vào một dòng để mở trang Báo cáo.")
        self.note.setStyleSheet(f"color: {RED};" if late else "")
        for r, row in enumerate(rows):
            label = row.period.label()
            texts = [label[:1].upper() + label[1:], vf.short_date(row.due),
                     days_text(row.days_left)]
            texts += [row.state(kind).text for kind, _ in REPORT_COLUMNS]
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if c >= 3:
                    item.setToolTip(f"{overview.report_kind_label(REPORT_COLUMNS[c - 3][0])} "
                                    f"{label}: {text.lower()}")
                if row.overdue and (c in (1, 2) or (c >= 3 and row.reports[c - 3].status
                                                    != "issued")):
                    item.setForeground(QBrush(QColor(RED)))
                elif c >= 3 and row.reports[c - 3].status == "issued":
                    item.setForeground(QBrush(QColor(ISSUED_COLOR)))
                table.setItem(r, c, item)
        table.resizeRowsToContents()
        height = (table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth()
                  + sum(table.rowHeight(r) for r in range(len(rows))) + 2)
        table.setFixedHeight(max(height, 60))

    def open_row(self, row: int, column: int) -> None:
        if not 0 <= row < len(self.rows):
            return
        kind = REPORT_COLUMNS[column - 3][0] if column >= 3 else REPORT_COLUMNS[0][0]
        self.report_chosen.emit(kind, self.rows[row].period)
