"""The preview of an Excel import, for a catalogue tab and a record list alike:
every row of the file with what will happen to it (added, a likely duplicate of a
row already kept or of an earlier row, or refused with its reasons). Duplicates
are skipped unless "Giữ cả bản ghi trùng" is ticked.

The table shows the preview's own columns (``ImportPreview.columns``) and each
row's cells as the file holds them: ``PreviewRow.values`` / ``BadRow.values``,
or what the caller makes of a good row (a catalogue shows its parsed record).

Nothing is saved by this dialog: accepting it means "save the good rows", which
the caller does (``excel.commit_import`` / ``commit_record_import``) off the GUI
thread.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QDialog,
                               QDialogButtonBox, QHBoxLayout, QLabel, QTableView, QVBoxLayout,
                               QWidget)

from tgdesk import vnformat as vf

from tgdesk.ui.common.screen_fit import fit_to_screen

Index = QModelIndex | QPersistentModelIndex

GOOD, DUPLICATE, BAD = "good", "duplicate", "bad"
STATUS_TEXT = {GOOD: "Sẽ nhập", DUPLICATE: "Trùng – bỏ qua", BAD: "Lỗi – bỏ qua"}
KEPT_TEXT = "Trùng – vẫn nhập"
STATUS_COLOUR = {GOOD: QColor("#1b6e20"), DUPLICATE: QColor("#6b6b6b"), BAD: QColor("#b3261e")}
BAD_BACKGROUND = QBrush(QColor("#fdecea"))
SHOWN_BAD_NUMBERS = 12


@dataclass(frozen=True)
class Entry:
    """One row of the file as the preview shows it."""
    row_number: int
    status: str                 # GOOD | DUPLICATE | BAD
    note: str                   # reasons of a refused row, warnings of a good one
    values: tuple[str, ...]     # the row's cells, in the order of ImportPreview.columns


@dataclass(frozen=True)
class PreviewData:
    """An ImportPreview with the rows ready to show (built off the GUI thread)."""
    preview: object             # services.excel.ImportPreview
    headers: tuple[str, ...]
    entries: tuple[Entry, ...]

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)


def preview_data(preview, values_of: Callable[[object], Sequence[str]] | None = None,
                 duplicate_note: Callable[[object], str] | None = None) -> PreviewData:
    """Pair every row of an ``excel.ImportPreview`` with its status and text.

    ``values_of(PreviewRow)``: a good row's cells in the order of
    ``preview.columns`` (default: the row's own ``values``, as the file shows
    them). ``duplicate_note(DuplicateRow)``: words added to a duplicate's reasons
    (the catalogue row it repeats). No Qt here: runs on a worker thread."""
    entries: list[Entry] = []
    for item in preview.good:
        values = values_of(item) if values_of is not None else item.values
        entries.append(Entry(item.row_number, GOOD, " ".join(item.warnings), tuple(values)))
    duplicates = {d.row_number: d for d in preview.duplicates}
    for bad in preview.bad:
        note = " ".join(bad.reasons)
        status = BAD
        dup = duplicates.get(bad.row_number)
        if dup is not None:
            status = DUPLICATE
            if duplicate_note is not None:
                note += duplicate_note(dup)
        entries.append(Entry(bad.row_number, status, note, tuple(bad.values)))
    entries.sort(key=lambda e: e.row_number)
    headers = tuple(h.rstrip("*").strip() for h in preview.columns)
    return PreviewData(preview, headers, tuple(entries))


class PreviewModel(QAbstractTableModel):
    """The rows of a preview, optionally only those of one status."""

    FIXED = ("Dòng", "Kết quả", "Lý do, ghi chú")

    def __init__(self, data: PreviewData, parent=None):
        super().__init__(parent)
        self.preview_data = data
        self.headers = self.FIXED + data.headers
        self.shown: list[Entry] = list(data.entries)
        self.keep_duplicates = False

    def set_keep_duplicates(self, keep: bool) -> None:
        self.keep_duplicates = keep
        if self.shown:
            self.dataChanged.emit(self.index(0, 1), self.index(len(self.shown) - 1, 1))

    def show_only(self, status: str | None) -> None:
        self.beginResetModel()
        self.shown = [e for e in self.preview_data.entries if status is None or e.status == status]
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.shown)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def _text(self, entry: Entry, column: int) -> str:
        if column == 0:
            return str(entry.row_number)
        if column == 1:
            if entry.status == DUPLICATE and self.keep_duplicates:
                return KEPT_TEXT
            return STATUS_TEXT[entry.status]
        if column == 2:
            return entry.note
        i = column - len(self.FIXED)
        return entry.values[i] if i < len(entry.values) else ""

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.shown):
            return None
        entry = self.shown[index.row()]
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            text = self._text(entry, col)
            return text if role == Qt.ItemDataRole.DisplayRole or text else None
        if role == Qt.ItemDataRole.ForegroundRole and col in (1, 2):
            if col == 1 or entry.status != GOOD:
                return QBrush(STATUS_COLOUR[entry.status])
            return QBrush(QColor("#8a5a00"))          # a good row's warnings
        if role == Qt.ItemDataRole.BackgroundRole and entry.status == BAD:
            return BAD_BACKGROUND
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _numbers(entries: list[Entry]) -> str:
    shown = ", ".join(str(e.row_number) for e in entries[:SHOWN_BAD_NUMBERS])
    return shown + ("…" if len(entries) > SHOWN_BAD_NUMBERS else "")


class ImportPreviewDialog(QDialog):
    """Shows a preview; accepted = the officer confirmed saving the good rows."""

    def __init__(self, data: PreviewData, noun: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.data = data
        preview = data.preview
        n_good, n_dup, n_bad = data.count(GOOD), data.count(DUPLICATE), data.count(BAD)
        self.setWindowTitle(f"Xem trước: nhập {noun} từ Excel")

        source = QLabel(f"Tệp <b>{_escape(Path(preview.path).name)}</b>, trang tính "
                        f"“{_escape(preview.sheet)}”, dòng tiêu đề {preview.header_row}: "
                        f"{vf.number(len(data.entries))} dòng dữ liệu.")
        source.setWordWrap(True)
        self.summary = QLabel()             # filled by _keep_toggled
        self.summary.setWordWrap(True)
        details = []
        bad = [e for e in data.entries if e.status == BAD]
        if bad:
            details.append(f"Dòng lỗi: {_numbers(bad)}. Lý do ở cột “Lý do, ghi chú”.")
        if preview.ignored_columns:
            details.append("Cột không dùng (bỏ qua): "
                           + ", ".join(f"“{c}”" for c in preview.ignored_columns) + ".")
        details.append("Chưa có gì được lưu. Có thể sửa tệp Excel rồi nhập lại; các dòng lỗi "
                       "không được nhập, các dòng trùng cũng không, trừ khi chọn “Giữ cả bản "
                       "ghi trùng”.")
        self.details = QLabel("\n".join(details))
        self.details.setWordWrap(True)

        self.filter = QComboBox()
        self.filter.addItem(f"Mọi dòng ({vf.number(len(data.entries))})", None)
        self.filter.addItem(f"Dòng sẽ nhập ({vf.number(n_good)})", GOOD)
        self.filter.addItem(f"Dòng lỗi ({vf.number(n_bad)})", BAD)
        self.filter.addItem(f"Dòng trùng ({vf.number(n_dup)})", DUPLICATE)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        filter_row = QHBoxLayout()
        filter_label = QLabel("&Hiện:")
        filter_label.setBuddy(self.filter)
        filter_row.addWidget(filter_label)
        filter_row.addWidget(self.filter)
        filter_row.addStretch(1)

        self.model = PreviewModel(data, self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(False)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setStretchLastSection(True)
        for col, width in enumerate((56, 110, 420)):
            self.view.setColumnWidth(col, width)
        for col in range(len(PreviewModel.FIXED), self.model.columnCount()):
            self.view.setColumnWidth(col, 150)

        self.detail = QLabel()
        self.detail.setObjectName("row_detail")
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setMinimumHeight(self.detail.fontMetrics().lineSpacing() * 3)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # Bound methods, not lambdas: Qt drops the connections when the dialog goes.
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.modelReset.connect(self._show_detail)

        # Unticked: a likely duplicate is skipped unless the officer says otherwise.
        self.keep_duplicates = QCheckBox("Giữ cả bản ghi trùng")
        self.keep_duplicates.setToolTip("Vẫn nhập các dòng có vẻ trùng với mục, bản ghi đã có "
                                        "hoặc với một dòng trước trong tệp")
        self.keep_duplicates.setEnabled(n_dup > 0)
        self.keep_duplicates.toggled.connect(self._keep_toggled)

        self.buttons = QDialogButtonBox()
        self.ok_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton("Hủy", QDialogButtonBox.ButtonRole.RejectRole)
        self._keep_toggled(False)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        lay = QVBoxLayout(self)
        lay.addWidget(source)
        lay.addWidget(self.summary)
        lay.addWidget(self.details)
        lay.addLayout(filter_row)
        lay.addWidget(self.view, 1)
        lay.addWidget(self.detail)
        lay.addWidget(self.keep_duplicates)
        lay.addWidget(self.buttons)
        fit_to_screen(self, 1000, 600)
        # Start on the first refused row: that is what the officer has to read.
        first = next((i for i, e in enumerate(self.model.shown) if e.status == BAD), 0)
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(first, 0))
        self._show_detail()

    def _keep_toggled(self, keep: bool) -> None:
        n_good, n_dup = self.data.count(GOOD), self.data.count(DUPLICATE)
        n = n_good + (n_dup if keep else 0)
        if not n:
            text = "Không có dòng hợp lệ để nhập"
        elif keep and n_dup:
            text = f"Nhập {vf.number(n)} dòng (có {vf.number(n_dup)} dòng trùng)"
        else:
            text = f"Nhập {vf.number(n)} dòng hợp lệ"
        self.ok_button.setText(text)
        self.ok_button.setEnabled(n > 0)
        self.summary.setText(
            f"<span style='color:#1b6e20'><b>{vf.number(n_good)}</b> dòng hợp lệ sẽ được "
            f"nhập</span> · <span style='color:#6b6b6b'><b>{vf.number(n_dup)}</b> dòng có vẻ "
            "trùng với bản ghi đã có hoặc dòng trước "
            f"({'vẫn nhập' if keep else 'bỏ qua'})</span> · <span style='color:#b3261e'><b>"
            f"{vf.number(self.data.count(BAD))}</b> dòng lỗi (bỏ qua)</span>")
        self.cancel_button.setDefault(n == 0)
        self.model.set_keep_duplicates(keep)

    def _filter_changed(self, _index: int) -> None:
        self.model.show_only(self.filter.currentData())

    def _current_changed(self, _current, _previous) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        row = self.view.currentIndex().row()
        if not 0 <= row < len(self.model.shown):
            self.detail.setText("Chọn một dòng để xem đủ lý do.")
            return
        entry = self.model.shown[row]
        note = entry.note or ("Hợp lệ, sẽ được nhập." if entry.status == GOOD else "")
        colour = STATUS_COLOUR[entry.status].name()
        self.detail.setText(f"<b>Dòng {entry.row_number}</b> — <span style='color:{colour}'>"
                            f"{STATUS_TEXT[entry.status]}</span>: {_escape(note)}")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
