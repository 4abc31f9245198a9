"""The audit log's entries as the "Nhật ký" page and a record's history dialog
both show them: a table (Mục, Lúc in local time, Người, Việc, Loại, Mã bản ghi,
Thay đổi summarised) above a detail pane with every field of the selected entry,
before → after, long texts wrapped. An entry the chain check found tampered
with is shaded red, and its detail says why."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from PySide6.QtCore import QEvent, QItemSelectionModel, Qt
from PySide6.QtWidgets import QHeaderView, QSplitter, QTextBrowser

from tgdesk.domain.audit import AuditEntry, ChainBreak
from tgdesk.domain.audit_text import change_lines, summary, time_text
from tgdesk.services import audit

from tgdesk.ui.common.kit import RED, Column, RowsModel, rows_view
from tgdesk.ui.common.stretch_column import stretch_at_least

PICK = "Chọn một mục ở bảng trên để xem từng trường, giá trị trước và sau."
CHANGES_COLUMN = 6
# What each column before "Thay đổi" holds at least (its width follows the font);
# a longer action or table is cut with "…" and shown whole when pointed at.
SAMPLES = ("99999", "00/00/0000 00:00:00", "nguyenvan", "Khôi phục từ",
           "Ý kiến dư luận", "Mã bản ghi")
CHANGES_LEAST = 150
FITTED, FIT_MOST = (3, 4), 190     # Việc and Loại follow what is shown, up to this


def record_text(e: AuditEntry) -> str:
    """The record an entry is about: its number, else its key (a setting)."""
    if e.record_id is not None:
        return str(e.record_id)
    return e.record_uuid or ""


def columns(broken: dict[int, list[str]]) -> list[Column]:
    shade = (lambda e: RED if e.seq in broken else None)
    return [
        Column("Mục", lambda e: str(e.seq), shade, align_right=True),
        Column("Lúc", lambda e: time_text(e.at), shade),
        Column("Người", lambda e: e.actor, shade),
        Column("Việc", lambda e: audit.action_label(e.action), shade),
        Column("Loại", lambda e: audit.kind_label(e.kind), shade),
        Column("Mã bản ghi", record_text, shade),
        Column("Thay đổi", lambda e: summary(e, audit.changes_of(e)), shade),
    ]


def detail_html(e: AuditEntry, problems: Sequence[str] = ()) -> str:
    """The entry's header and a table of its fields (before, after), as HTML."""
    head = (f"<b>Mục {e.seq}</b> · {escape(time_text(e.at))} · {escape(e.actor)} · "
            f"{escape(audit.action_label(e.action))} · {escape(audit.kind_label(e.kind))}")
    parts = [f"<p>{head}</p>"]
    if e.record_uuid:
        number = f" (mã số {e.record_id})" if e.record_id is not None else ""
        parts.append(f"<p style='color:#444'>Mã bản ghi: {escape(e.record_uuid)}{number}</p>")
    for text in problems:
        parts.append(f"<p style='color:#8c1d18'><b>Bị can thiệp:</b> {escape(text)}</p>")
    lines = change_lines(e, audit.changes_of(e))
    if not lines:
        parts.append("<p>Không có trường nào thay đổi.</p>")
        return "".join(parts)
    pairs = any(ln.before is not None for ln in lines)
    cell = "style='padding:3px 6px; border:1px solid #c8c8c8; vertical-align:top'"
    heads = ("Trường", "Trước", "Sau") if pairs else ("Chi tiết", "Giá trị")
    rows = ["<tr>" + "".join(f"<th {cell} align='left'>{h}</th>" for h in heads) + "</tr>"]
    for ln in lines:
        values = (ln.before or "", ln.after) if pairs else (ln.after,)
        rows.append(f"<tr><td {cell}><b>{escape(ln.label)}</b></td>"
                    + "".join(f"<td {cell}>{_wrapped(v)}</td>" for v in values) + "</tr>")
    parts.append("<table cellspacing='0' width='100%' style='border-collapse:collapse'>"
                 + "".join(rows) + "</table>")
    return "".join(parts)


def _wrapped(text: str) -> str:
    return escape(text).replace("\n", "<br>")


class AuditBrowser(QSplitter):
    """The entries table above, the selected entry's fields below."""

    def __init__(self, parent=None):
        super().__init__(Qt.Orientation.Vertical, parent)
        self.broken: dict[int, list[str]] = {}
        self.model = RowsModel(columns(self.broken))
        self.view = rows_view(self.model, stretch=None)
        self.view.setAccessibleName("Các mục nhật ký")
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        metrics = self.view.fontMetrics()
        for i, sample in enumerate(SAMPLES):
            self.view.setColumnWidth(i, metrics.horizontalAdvance(sample) + 16)
        self.view.verticalHeader().setDefaultSectionSize(24)
        self._wanted: dict[int, int] = {}
        self.view.viewport().installEventFilter(self)
        stretch_at_least(self.view, CHANGES_COLUMN, CHANGES_LEAST)
        self.detail = QTextBrowser()
        self.detail.setAccessibleName("Chi tiết mục nhật ký")
        self.detail.setOpenLinks(False)
        self.detail.setPlaceholderText(PICK)
        self.setChildrenCollapsible(False)
        self.addWidget(self.view)
        self.addWidget(self.detail)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self.show_detail())

    def set_entries(self, entries: Sequence[AuditEntry], keep: int | None = None) -> None:
        """Show ``entries``; the entry numbered ``keep`` stays selected if shown, else
        the first is."""
        self.model.set_rows(entries)
        self._fit()
        if keep is not None and self.select_seq(keep):
            return
        if not (entries and self.select_seq(entries[0].seq)):
            self.show_detail()

    def _fit(self) -> None:
        """Action and table as wide as what is shown needs, as far as the width
        left beside the other columns and a readable "Thay đổi" allows."""
        if self.model.rows:
            self._wanted = {i: self.view.sizeHintForColumn(i) for i in FITTED}
        others = sum(self.view.columnWidth(i) for i in range(CHANGES_COLUMN) if i not in FITTED)
        spare = self.view.viewport().width() - others - CHANGES_LEAST
        metrics = self.view.fontMetrics()
        for i in FITTED:
            least = metrics.horizontalAdvance(SAMPLES[i]) + 16
            spare -= least
        for i in FITTED:
            least = metrics.horizontalAdvance(SAMPLES[i]) + 16
            grow = min(max(self._wanted.get(i, 0) - least, 0), max(spare, 0), FIT_MOST - least)
            spare -= grow
            self.view.setColumnWidth(i, least + grow)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.view.viewport():
            self._fit()
        return super().eventFilter(watched, event)

    def set_broken(self, breaks: Iterable[ChainBreak]) -> None:
        """Shade the entries the chain check named (and say why in their detail)."""
        self.broken.clear()
        for b in breaks:
            self.broken.setdefault(b.seq, []).append(b.message)
        self.model.layoutChanged.emit()
        self.show_detail()

    def entries(self) -> list[AuditEntry]:
        return list(self.model.rows)

    def selected(self) -> AuditEntry | None:
        index = self.view.selectionModel().currentIndex()
        row = index.row() if index.isValid() else -1
        return self.model.rows[row] if 0 <= row < len(self.model.rows) else None

    def select_seq(self, seq: int) -> bool:
        row = next((i for i, e in enumerate(self.model.rows) if e.seq == seq), None)
        if row is None:
            return False
        self.view.selectionModel().setCurrentIndex(
            self.model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        self.view.scrollTo(self.model.index(row, 0))
        self.show_detail()
        return True

    def show_detail(self) -> None:
        e = self.selected()
        if e is None:
            self.detail.clear()
            return
        self.detail.setHtml(detail_html(e, self.broken.get(e.seq, ())))
