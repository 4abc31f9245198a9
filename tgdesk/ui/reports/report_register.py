"""The register of issued reports: a table (number, date, kind, period), and
a read-only view of one issued report that exports or prints its stored files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHBoxLayout, QHeaderView, QLabel,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.domain.period import Period, PeriodError
from tgdesk.services.register import ReportEntry, kind_label

from tgdesk.ui.reports.report_preview import PdfView
from tgdesk.ui.common.screen_fit import fit_to_screen

COLUMNS = ("Số", "Ngày ban hành", "Loại báo cáo", "Kỳ báo cáo")


def period_text(code: str) -> str:
    try:
        label = Period.parse(code).label()
    except PeriodError:
        return code
    return label[:1].upper() + label[1:]


def entry_title(entry: ReportEntry) -> str:
    """"Số 01-BC/ĐU ngày 24/11/2026 – Báo cáo công tác tuyên giáo tháng 10 năm 2026"."""
    kind = kind_label(entry.kind)
    return (f"Số {entry.number_text} ngày {vf.short_date(entry.issued_on)} – {kind} "
            f"{period_text(entry.period_code).lower()}")


class IssuedModel(QAbstractTableModel):
    """Issued reports as plain rows, newest first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[ReportEntry] = []
        self.labels: dict[int, str] = {}

    def set_entries(self, entries: list[ReportEntry], labels: dict[int, str] | None = None
                    ) -> None:
        """``labels``: what a report is, by id, where its kind alone does not say it
        (a campaign report names its campaign)."""
        self.beginResetModel()
        self.entries = list(entries)
        self.labels = dict(labels or {})
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        e = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (e.number_text or "", vf.short_date(e.issued_on),
                    self.labels.get(e.id) or kind_label(e.kind),
                    period_text(e.period_code))[index.column()]
        if role == Qt.ItemDataRole.UserRole:
            return e.id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role=Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None

    def entry(self, row: int) -> ReportEntry | None:
        return self.entries[row] if 0 <= row < len(self.entries) else None


class IssuedPanel(QWidget):
    """The table with its actions; the page does the work (it holds the context)."""

    open_requested = Signal(int)
    export_requested = Signal(int)
    print_requested = Signal(int)
    copy_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = IssuedModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel("Chưa có báo cáo nào được ban hành. Báo cáo đã ban hành được giữ "
                            "nguyên văn ở đây: mở lại, xuất lại hoặc in lại bất cứ lúc nào.")
        self.empty.setWordWrap(True)
        self.open_button = QPushButton("Mở xem")
        self.export_button = QPushButton("Xuất lại…")
        self.print_button = QPushButton("In lại…")
        self.copy_button = QPushButton("Lập báo cáo mới từ bản này")
        self.copy_button.setToolTip("Đính chính là một báo cáo mới: chép lời văn của báo cáo "
                                    "này sang bản nháp cùng kỳ; báo cáo đã ban hành giữ nguyên.")
        buttons = QHBoxLayout()
        for b in (self.open_button, self.export_button, self.print_button, self.copy_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.addWidget(self.empty)
        lay.addWidget(self.view, 1)
        lay.addLayout(buttons)
        self.view.doubleClicked.connect(lambda _i: self._emit(self.open_requested))
        self.open_button.clicked.connect(lambda: self._emit(self.open_requested))
        self.export_button.clicked.connect(lambda: self._emit(self.export_requested))
        self.print_button.clicked.connect(lambda: self._emit(self.print_requested))
        self.copy_button.clicked.connect(lambda: self._emit(self.copy_requested))
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def set_entries(self, entries: list[ReportEntry], labels: dict[int, str] | None = None
                    ) -> None:
        selected = self.selected_id()
        self.model.set_entries(entries, labels)
        self.empty.setVisible(not entries)
        for row, e in enumerate(entries):
            if e.id == selected:
                self.view.selectRow(row)
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        entry = self.model.entry(rows[0].row()) if rows else None
        return entry.id if entry else None

    def select_id(self, report_id: int) -> bool:
        for row, e in enumerate(self.model.entries):
            if e.id == report_id:
                self.view.selectRow(row)
                return True
        return False

    def _emit(self, signal) -> None:
        report_id = self.selected_id()
        if report_id is not None:
            signal.emit(report_id)

    def _update_buttons(self) -> None:
        on = self.selected_id() is not None
        for b in (self.open_button, self.export_button, self.print_button, self.copy_button):
            b.setEnabled(on)


class IssuedDialog(QDialog):
    """One issued report, read-only: its stored PDF's pages; export and print
    use the stored files byte for byte."""

    def __init__(self, entry: ReportEntry, pdf: bytes, parent: QWidget | None = None):
        super().__init__(parent)
        self.entry = entry
        self.setWindowTitle(f"Báo cáo đã ban hành – Số {entry.number_text}")
        title = QLabel(f"<b>{entry_title(entry)}</b>")
        title.setWordWrap(True)
        note = QLabel("Báo cáo đã ban hành không sửa được. Muốn đính chính, bấm “Lập báo cáo "
                      "mới từ bản này”.")
        note.setWordWrap(True)
        self.view = PdfView()
        self.view.set_pdf(pdf)
        self.export_button = QPushButton("&Xuất DOCX, PDF…")
        self.print_button = QPushButton("&In…")
        self.copy_button = QPushButton("Lập báo cáo &mới từ bản này")
        close = QPushButton("Đó&ng")
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (self.export_button, self.print_button, self.copy_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(note)
        lay.addWidget(self.view, 1)
        lay.addLayout(buttons)
        fit_to_screen(self, 820, 760)


def issued_names(paths: list[Path]) -> str:
    return ", ".join(f"“{p.name}”" for p in paths)
