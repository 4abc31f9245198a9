"""Trao đổi dữ liệu › Nhận về: import one package or a folder of them. A dry
run first shows, per unit, what would change; "Nhập" then imports off the GUI
thread with progress (one transaction, after a backup copy); receipts can be
written for the packages imported."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (QCheckBox, QGroupBox, QHBoxLayout, QLabel, QPlainTextEdit,
                               QProgressBar, QPushButton, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.services import exchange as ex
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError

from tgdesk.ui.common import kit as common
from tgdesk.ui.common.kit import Column, RowsModel, rows_view
from tgdesk.ui.common.tasks import Task, run_task
from tgdesk.ui.common.widgets import show_error

PACKAGE_FILTER = "Gói dữ liệu tgdesk (*.tgx);;Mọi tệp (*)"


@dataclass(frozen=True)
class SummaryRow:
    unit: str
    package: str
    counts: dict | None          # None: the package was refused whole
    note: str


def summary_rows(report) -> list[SummaryRow]:
    out = []
    for n, s in enumerate(report.summaries):
        notes = []
        if s.already_imported:
            notes.append("gói này đã nhập trước đây")
        dups = len(report.duplicates[n]) if n < len(report.duplicates) else 0
        if dups:
            notes.append(f"{vf.number(dups)} bản ghi có vẻ trùng với bản ghi đã có"
                         + (" (vẫn nhập)" if report.kept_duplicates else " (bỏ qua)"))
        notes += [f"cập nhật thiết lập: {x}" for x in s.settings_changed]
        notes += [f"từ chối {r.uuid[:8]}…: {r.reason}" for r in s.refused[:3]]
        if len(s.refused) > 3:
            notes.append(f"… và {len(s.refused) - 3} bản ghi bị từ chối khác")
        out.append(SummaryRow(s.unit_name, s.package, s.counts(), "; ".join(notes)))
    for name, reason in report.refused_packages:
        out.append(SummaryRow("—", name, None, f"Cả gói bị từ chối: {reason}"))
    return out


def _n(key: str):
    return lambda r: "" if r.counts is None else vf.number(r.counts[key])


def _bg(r: SummaryRow) -> str | None:
    if r.counts is None:
        return common.RED
    if r.counts["conflicts"] or r.counts["refused"]:
        return common.AMBER
    return None


class ProgressRelay(QObject):
    """Carries progress from the worker thread to the GUI thread."""
    progress = Signal(int, int, str)


class ReceiveTab(QWidget):
    status = Signal(str)
    changed = Signal()          # data imported: every page refreshes

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.path: Path | None = None
        self.report = None            # the last dry run or import
        self.imported_ids: list[str] = []
        self.task: Task | None = None
        self.relay = ProgressRelay(self)
        self.relay.progress.connect(self._on_progress)

        self.file_button = QPushButton("Chọn tệp gói…")
        self.file_button.clicked.connect(self.choose_file)
        self.folder_button = QPushButton("Chọn thư mục…")
        self.folder_button.setToolTip("Nhập mọi tệp .tgx trong thư mục")
        self.folder_button.clicked.connect(self.choose_folder)
        self.path_label = QLabel("Chưa chọn tệp hoặc thư mục.")
        self.import_button = QPushButton("Nhập")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.start_import)
        # Unticked: a record that repeats what the unit sent before is skipped.
        self.keep_duplicates = QCheckBox("Giữ cả bản ghi trùng")
        self.keep_duplicates.setToolTip("Vẫn nhập các bản ghi mới có vẻ trùng với bản ghi cùng "
                                        "đơn vị đã gửi trước (cùng ngày, cùng chi bộ hoặc khu "
                                        "dân cư, cùng tên hoặc nội dung)")
        self.receipt_button = QPushButton("Ghi biên nhận…")
        self.receipt_button.setEnabled(False)
        self.receipt_button.setToolTip("Biên nhận có chữ ký gửi lại cho đơn vị đã gửi gói")
        self.receipt_button.clicked.connect(self.write_receipts)
        self.state = common.note_label("Chọn tệp gói (.tgx) hoặc thư mục: tgdesk chạy thử "
                                       "trước và cho biết sẽ thay đổi những gì.",
                                       common.INFO_STYLE)
        self.progress = QProgressBar()
        self.progress.setFormat("%v/%m")
        self.progress.setFixedWidth(260)
        self.progress.hide()
        self.progress_text = QLabel()
        self.progress_text.hide()

        self.model = RowsModel([
            Column("Đơn vị gửi", lambda r: r.unit),
            Column("Gói", lambda r: r.package),
            Column("Thêm", _n("added"), _bg, True),
            Column("Cập nhật", _n("updated"), _bg, True),
            Column("Xóa", _n("deleted"), _bg, True),
            Column("Không đổi", _n("unchanged"), _bg, True),
            Column("Xung đột", _n("conflicts"), _bg, True),
            Column("Từ chối", _n("refused"), _bg, True),
            Column("Ghi chú", lambda r: r.note, _bg),
        ])
        self.view = rows_view(self.model, stretch=8)
        self.details = QPlainTextEdit()
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        self.details.setPlaceholderText("Chi tiết (lý do từ chối, bản sao cơ sở dữ liệu)…")

        top = QHBoxLayout()
        top.addWidget(self.file_button)
        top.addWidget(self.folder_button)
        top.addWidget(self.path_label, 1)
        act = QHBoxLayout()
        act.addWidget(self.import_button)
        act.addWidget(self.keep_duplicates)
        act.addWidget(self.receipt_button)
        act.addWidget(self.progress)
        act.addWidget(self.progress_text)
        act.addStretch(1)
        box = QGroupBox("Kết quả theo đơn vị")
        bl = QVBoxLayout(box)
        bl.addWidget(self.view, 1)
        bl.addWidget(self.details)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.state)
        lay.addLayout(act)
        lay.addWidget(box, 1)

    def refresh(self) -> None:
        pass   # shows the last run until another file is chosen

    # --- choosing --------------------------------------------------------------------
    def choose_file(self) -> None:
        path = common.ask_open_file(self, "Chọn gói dữ liệu", PACKAGE_FILTER)
        if path:
            self.preview(Path(path))

    def choose_folder(self) -> None:
        path = common.ask_folder(self, "Chọn thư mục chứa các gói .tgx")
        if path:
            self.preview(Path(path))

    # --- dry run, then import ---------------------------------------------------------
    def _busy(self) -> bool:
        return self.task is not None and self.task.running

    def preview(self, path: Path) -> None:
        """Dry run of ``path`` (file or folder): what would change, nothing written."""
        if self._busy():
            return
        self.path, self.report, self.imported_ids = Path(path), None, []
        self.path_label.setText(str(path))
        self.import_button.setEnabled(False)
        self.receipt_button.setEnabled(False)
        self._run(True)

    def start_import(self) -> None:
        if self._busy() or self.path is None or self.report is None or not self.report.dry_run:
            return
        self.import_button.setEnabled(False)
        self._run(False)

    def _run(self, dry_run: bool) -> None:
        ctx, path, relay = self.ctx, self.path, self.relay
        keep = self.keep_duplicates.isChecked()
        self.progress.setRange(0, 0)
        self.progress.show()
        self.progress_text.show()

        def work():
            return ex.import_packages(ctx, path, dry_run=dry_run,
                                      progress=lambda d, n, s: relay.progress.emit(d, n, s),
                                      keep_duplicates=keep)

        label = "Đang chạy thử…" if dry_run else "Đang nhập gói, xin chờ…"
        self.task = run_task(work, label, self, self._done, self._failed)

    def _on_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.progress_text.setText(text)

    def _done(self, report) -> None:
        self.progress.hide()
        self.progress_text.hide()
        self.report = report
        self.model.set_rows(summary_rows(report))
        self.details.setPlainText(report.text())
        trusted = bool(report.summaries)
        if report.dry_run:
            if trusted:
                self.state.setStyleSheet(common.INFO_STYLE)
                text = ("CHẠY THỬ — chưa có gì thay đổi. Bảng dưới cho biết mỗi đơn vị sẽ được "
                        "thêm, cập nhật, xóa… bao nhiêu bản ghi. Bấm “Nhập” để nhập thật (có "
                        "sao lưu cơ sở dữ liệu trước).")
                if dups := report.duplicate_count():
                    text += (f"\n{vf.number(dups)} bản ghi có vẻ trùng với bản ghi đã có (xem "
                             "chi tiết bên dưới): bỏ qua, trừ khi chọn “Giữ cả bản ghi trùng”.")
                self.state.setText(text)
            else:
                self.state.setStyleSheet(common.ERROR_BOX_STYLE)
                self.state.setText("Không có gói nào nhập được. Dữ liệu không thay đổi.")
            self.import_button.setEnabled(trusted)
            self.status.emit("Đã chạy thử; dữ liệu chưa thay đổi.")
            return
        self.imported_ids = list(report.package_ids)
        self.receipt_button.setEnabled(bool(self.imported_ids))
        total = sum(s.added + s.updated + s.deleted for s in report.summaries)
        conflicts = sum(s.conflicts for s in report.summaries)
        text = f"Đã nhập {len(report.summaries)} gói: {vf.number(total)} bản ghi thay đổi."
        if conflicts:
            text += f" Có {conflicts} xung đột cần quyết định ở thẻ “Xung đột”."
        self.state.setStyleSheet(common.INFO_STYLE)
        self.state.setText(text)
        self.changed.emit()
        self.status.emit(text)

    def _failed(self, message: str) -> None:
        self.progress.hide()
        self.progress_text.hide()
        self.report = None
        self.model.set_rows([])
        self.details.setPlainText(message)
        self.state.setStyleSheet(common.ERROR_BOX_STYLE)
        self.state.setText(message + "\nDữ liệu không thay đổi.")
        self.import_button.setEnabled(False)
        self.status.emit("Gói bị từ chối; dữ liệu không thay đổi.")

    # --- receipts -------------------------------------------------------------------------
    def write_receipts(self) -> None:
        if not self.imported_ids:
            return
        folder = common.ask_folder(self, "Chọn thư mục ghi biên nhận")
        if not folder:
            return
        try:
            paths = ex.write_receipts(self.ctx, self.imported_ids, Path(folder))
        except UserError as exc:
            show_error(self, exc)
            return
        self.status.emit(f"Đã ghi {len(paths)} biên nhận vào “{folder}”.")
        common.tell(self, "Biên nhận", "Đã ghi biên nhận:\n" + "\n".join(str(p) for p in paths))
