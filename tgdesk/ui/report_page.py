"""Báo cáo: choose the kind and period, write the officer's words, see the
pages, export, print and issue; the register of issued reports; the figures.

The page holds plain data only (kind, period, texts, entries). A draft is
saved explicitly (Ctrl+S) and automatically: shortly after typing stops, when
the kind, period or cut-off changes, when the page is left and when the window
closes. An issued report is shown frozen; a correction is a new draft.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.domain.period import Period, PeriodKind
from tgdesk.services import issuing, register
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError
from tgdesk.services.register import KIND_LABELS, ReportEntry
from tgdesk.services.unit import get_unit

from .app_settings import app_settings
from .events import DataBus
from .figures_page import FiguresPanel
from .period_chooser import PeriodChooser
from .record_page import heading_label
from .report_actions import ReportActions
from .report_editor import ReportEditor
from .report_format_dialog import FormatDialog
from .report_preview import PdfView
from .report_register import IssuedPanel, period_text
from .tasks import Task, run_task
from .widgets import ERROR_STYLE, date_edit, date_value, show_error, to_qdate

AUTOSAVE_MS = 1500
PREVIEW_BUSY_AFTER_MS = 600   # a preview usually takes 0.1–0.2 s: no flashing dialog
KIND_SHORT = {"work": "Công tác tuyên giáo", "opinion": "Tư tưởng, dư luận xã hội"}


class ReportPage(ReportActions, QWidget):
    status = Signal(str)          # a message for the status bar

    def __init__(self, ctx: Context, bus: DataBus, settings: QSettings | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.bus = ctx, bus
        self.settings = settings if settings is not None else app_settings()
        self.task: Task | None = None
        self.current: tuple[str, Period] | None = None
        self.frozen: ReportEntry | None = None      # the issued report shown, read-only
        self.cutoff_value = None
        self.dirty = False
        self.preview_stale = True
        self._needs_load = True
        self._problem: str | None = None            # why there can be no preview
        self._after_preview: Callable[[], None] | None = None
        self._pending_preview = False
        self._watched: QObject | None = None

        self.kind = QComboBox()
        for code, label in KIND_LABELS.items():
            self.kind.addItem(KIND_SHORT.get(code, label), code)
            self.kind.setItemData(self.kind.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.chooser = PeriodChooser(ctx.today(), allow_custom=True)
        self.cutoff_on = QCheckBox("Chốt số liệu đến")
        self.cutoff_on.setToolTip("Không chọn: tính cả kỳ báo cáo (kỳ chưa kết thúc thì tính "
                                  "đến hôm nay)")
        self.cutoff = date_edit(ctx.today())
        self.cutoff.setToolTip("Ngày chốt số liệu (dd/mm/yyyy)")
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.hide()

        self.save_button = QPushButton("&Lưu nháp")
        self.preview_button = QPushButton("Cập nhật &xem trước")
        self.export_button = QPushButton("Xuất &DOCX, PDF…")
        self.print_button = QPushButton("&In…")
        self.issue_button = QPushButton("&Ban hành…")
        self.copy_button = QPushButton("Lập báo cáo mới từ bản này")
        self.format_button = QPushButton("&Thể thức văn bản…")
        self.save_button.setToolTip("Lưu bản nháp (Ctrl+S)")
        self.export_button.setToolTip("Xuất tệp DOCX và PDF vào thư mục chọn (Ctrl+E)")
        self.print_button.setToolTip("In qua hộp thoại in của máy (Ctrl+P)")
        self.issue_button.setToolTip("Cấp số, ghi ngày và lưu giữ nguyên văn báo cáo")

        self.editor = ReportEditor()
        self.preview = PdfView()
        self.figures = FiguresPanel(ctx)
        self.figures.layout().setContentsMargins(8, 8, 8, 8)
        self.title, self.table = self.figures.title, self.figures.table
        self.issued = IssuedPanel()

        top = QHBoxLayout()
        top.addWidget(QLabel("Loại báo cáo:"))
        top.addWidget(self.kind)
        top.addSpacing(10)
        top.addWidget(QLabel("Kỳ:"))
        top.addWidget(self.chooser)
        top.addSpacing(10)
        top.addWidget(self.cutoff_on)
        top.addWidget(self.cutoff)
        top.addStretch(1)
        actions = QHBoxLayout()
        for b in (self.save_button, self.preview_button, self.export_button, self.print_button,
                  self.issue_button, self.copy_button):
            actions.addWidget(b)
        actions.addStretch(1)
        actions.addWidget(self.format_button)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.editor)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(split, "Soạn thảo và xem trước")
        self.tabs.addTab(self.figures, "Số liệu của kỳ")
        self.tabs.addTab(self.issued, "Sổ báo cáo đã ban hành")

        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Báo cáo"))
        lay.addLayout(top)
        lay.addLayout(actions)
        lay.addWidget(self.state)
        lay.addWidget(self.note)
        lay.addWidget(self.tabs, 1)

        self.autosave = QTimer(self)
        self.autosave.setSingleShot(True)
        self.autosave.setInterval(AUTOSAVE_MS)
        self.autosave.timeout.connect(self.save_if_dirty)

        self.save_action = self._action("Lưu nháp", "Ctrl+S", lambda: self.save_draft(True))
        self.print_action = self._action("In", "Ctrl+P", self.print_report)
        self.export_action = self._action("Xuất", "Ctrl+E", self.export_report)

        self.kind.currentIndexChanged.connect(self._switch)
        self.chooser.changed.connect(self._switch)
        self.cutoff.dateChanged.connect(self._cutoff_changed)
        self.cutoff_on.toggled.connect(self._cutoff_changed)
        self.editor.edited.connect(self._edited)
        self.save_button.clicked.connect(lambda: self.save_draft(True))
        self.preview_button.clicked.connect(lambda: self.refresh_preview())
        self.export_button.clicked.connect(self.export_report)
        self.print_button.clicked.connect(self.print_report)
        self.issue_button.clicked.connect(self.issue_report)
        self.copy_button.clicked.connect(lambda: self.frozen and self.copy_issued(self.frozen.id))
        self.format_button.clicked.connect(self.edit_format)
        self.issued.open_requested.connect(self.open_issued)
        self.issued.export_requested.connect(self.export_issued)
        self.issued.print_requested.connect(self.print_issued)
        self.issued.copy_requested.connect(self.copy_issued)
        bus.data_changed.connect(self._on_data_changed)
        self.setTabOrder(self.kind, self.chooser.kind)
        self.setTabOrder(self.chooser.kind, self.chooser.part)
        self.setTabOrder(self.chooser.part, self.chooser.year)
        self.setTabOrder(self.chooser.year, self.chooser.start)
        self.setTabOrder(self.chooser.start, self.chooser.end)
        self.setTabOrder(self.chooser.end, self.cutoff_on)
        self.setTabOrder(self.cutoff_on, self.cutoff)
        self.setTabOrder(self.cutoff, self.save_button)

    def _action(self, text: str, keys: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    # --- what is shown ------------------------------------------------------
    def report_kind(self) -> str:
        return self.kind.currentData()

    def period(self) -> Period:
        return self.chooser.period()

    def set_period(self, kind: PeriodKind, year: int, part: int | None = None) -> None:
        self.chooser.set_period(kind, year, part)

    def set_report(self, kind: str, period: Period) -> None:
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.kind.blockSignals(False)
        if not self.chooser.set_value(period):
            self._switch()

    def load(self) -> None:
        """Show the report of the chosen kind and period: its draft, else the
        issued report (frozen), else a new draft started from the last report."""
        kind, period = self.report_kind(), self.period()
        code = period.code()
        self.current = (kind, period)
        self._needs_load = False
        self.figures.show_period(period)
        self.frozen = None
        self.dirty = False
        draft = register.draft(self.ctx, kind, code)
        issued = [e for e in register.issued_reports(self.ctx, kind) if e.period_code == code]
        if draft is not None:
            texts, cutoff = draft.texts, draft.cutoff
            state = "Bản nháp (đã lưu)."
            if issued:
                state = (f"Bản nháp đính chính; kỳ này đã ban hành Số {issued[0].number_text} "
                         f"ngày {vf.short_date(issued[0].issued_on)}.")
        elif issued:
            self.frozen = issued[0]
            texts, cutoff = self.frozen.texts, self.frozen.cutoff
            state = (f"Đã ban hành: Số {self.frozen.number_text} ngày "
                     f"{vf.short_date(self.frozen.issued_on)}. Báo cáo đã ban hành không sửa "
                     "được; muốn đính chính, bấm “Lập báo cáo mới từ bản này”.")
        else:
            start = register.starting_point(self.ctx, kind, code)
            texts, cutoff = start.texts, None
            state = "Bản nháp mới."
            if start.source is not None:
                src = start.source
                what = (f"báo cáo Số {src.number_text}" if src.issued else "bản nháp")
                state += (f" Lời văn lấy từ {what} {period_text(src.period_code).lower()}; "
                          "đồng chí sửa lại cho kỳ này.")
        for w in (self.cutoff, self.cutoff_on):
            w.blockSignals(True)
        self.cutoff_on.setChecked(cutoff is not None)
        self.cutoff.setDate(to_qdate(cutoff or min(self.ctx.today(), period.end)))
        self.cutoff.setEnabled(cutoff is not None)
        for w in (self.cutoff, self.cutoff_on):
            w.blockSignals(False)
        self.cutoff_value = cutoff
        self._problem = None
        sections = []
        if self.frozen is None:     # what was issued is shown by its stored pages
            try:
                sections = issuing.figure_sections(self.ctx, kind, period, cutoff, texts)
            except UserError as exc:
                self._problem = str(exc)
        self.editor.load(kind, period.kind, texts, sections, read_only=self.frozen is not None)
        self.dirty = False
        self._set_state(state)
        self._set_note("")
        self._update_buttons()
        self.issued.set_entries(register.issued_reports(self.ctx))
        self.preview_stale = True
        if self.isVisible():
            self.refresh_preview()

    def _set_note(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def _set_state(self, text: str, error: bool = False) -> None:
        self.state.setText(text)
        self.state.setStyleSheet(ERROR_STYLE if error else "font-weight: bold;")

    def _update_buttons(self) -> None:
        frozen = self.frozen is not None
        for w in (self.save_button, self.issue_button, self.cutoff_on):
            w.setEnabled(not frozen)
        self.cutoff.setEnabled(not frozen and self.cutoff_on.isChecked())
        self.save_action.setEnabled(not frozen)
        self.copy_button.setVisible(frozen)

    def refresh(self) -> None:
        """F5: save the words, then rebuild from the database."""
        self.save_if_dirty()
        self.load()

    # --- saving -------------------------------------------------------------
    def _edited(self) -> None:
        if self.frozen is not None or self.current is None:
            return
        self.dirty = True
        self.preview_stale = True
        self.autosave.start()

    def save_if_dirty(self) -> bool:
        return self.save_draft(False) if self.dirty else True

    def save_draft(self, explicit: bool = False) -> bool:
        """Keep the officer's words as this period's draft; with ``explicit``
        (Ctrl+S) also when nothing changed, and refresh the pages."""
        self.autosave.stop()
        if self.frozen is not None or self.current is None:
            return False
        kind, period = self.current
        unit = get_unit(self.ctx)
        profile = unit.profile if unit is not None and unit.profile else "party"
        try:
            register.save_draft(self.ctx, kind, period.code(), self.editor.texts(), profile,
                                self.cutoff_value)
        except UserError as exc:
            self._set_state(f"Chưa lưu được bản nháp: {exc}", error=True)
            if explicit:
                show_error(self, str(exc))
            return False
        self.dirty = False
        self._set_state(f"Bản nháp đã lưu lúc {datetime.now():%H:%M}.")
        if explicit:
            self.status.emit("Đã lưu bản nháp báo cáo.")
            self.refresh_preview()
        return True

    def _switch(self) -> None:
        self.save_if_dirty()
        self.load()

    def _cutoff_changed(self) -> None:
        if self.frozen is not None or self.current is None:
            return
        on = self.cutoff_on.isChecked()
        self.cutoff.setEnabled(on)
        self.cutoff_value = date_value(self.cutoff) if on else None
        self.dirty = True
        if self.save_draft(False):
            self.load()

    # --- preview ----------------------------------------------------------
    def refresh_preview(self, then: Callable[[], None] | None = None) -> None:
        """Render the pages off the GUI thread; ``then`` runs once they show."""
        if self.task is not None and self.task.running:
            self._pending_preview = True      # again when the running task ends
            return
        self._pending_preview = False
        if self.frozen is not None:
            try:
                self.preview.set_pdf(issuing.issued_pdf(self.ctx, self.frozen.id)[1])
            except UserError as exc:
                self.preview.show_message(str(exc))
                return
            self.preview_stale = False
            if then:
                then()
            return
        if self._problem:
            self.preview.show_message(self._problem)
            return
        kind, period = self.current
        texts, cutoff, ctx = self.editor.texts(), self.cutoff_value, self.ctx
        token = (kind, period)
        self._after_preview = then

        def work():
            return issuing.preview_pdf(ctx, kind, period, cutoff, texts)

        def done(data: bytes) -> None:
            if self.current != token:
                return
            self.preview.set_pdf(data)
            self.preview_stale = False
            follow, self._after_preview = self._after_preview, None
            if follow:
                follow()

        def failed(message: str) -> None:
            self._after_preview = None
            self.preview.show_message(message)

        if self.preview.page_count() == 0:
            self.preview.show_message("Đang dựng trang xem trước…")
        self.task = run_task(work, "Đang dựng trang xem trước…", self, done, failed,
                             show_after_ms=PREVIEW_BUSY_AFTER_MS)
        self.task.finished.connect(self._task_finished)

    def _task_finished(self) -> None:
        if self._pending_preview:
            self._pending_preview = False
            QTimer.singleShot(0, self, self.refresh_preview)

    # --- format -------------------------------------------------------------
    def edit_format(self) -> None:
        try:
            dialog = FormatDialog(self.ctx, self)
        except UserError as exc:
            show_error(self, str(exc))
            return
        self.format_dialog = dialog
        dialog.accepted.connect(self._format_saved)
        dialog.open()

    def _format_saved(self) -> None:
        self.status.emit("Đã lưu thể thức văn bản.")
        self.bus.changed("unit")

    # --- life cycle -----------------------------------------------------------
    def _on_data_changed(self, what: str) -> None:
        if what == "reports" and self.current is not None:
            self.issued.set_entries(register.issued_reports(self.ctx))
            return
        self.save_if_dirty()
        self._needs_load = True
        if self.isVisible():
            self.load()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        window = self.window()
        if window is not self and window is not self._watched:
            window.installEventFilter(self)
            self._watched = window
        if self._needs_load:
            self.load()
        elif self.preview_stale:
            self.refresh_preview()

    def hideEvent(self, event) -> None:
        self.save_if_dirty()
        super().hideEvent(event)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self._watched and event.type() == QEvent.Type.Close:
            self.save_if_dirty()
        return False

    def closeEvent(self, event) -> None:
        self.save_if_dirty()
        super().closeEvent(event)

