"""Báo cáo: choose the kind and period, write the officer's words, see the
pages, export, print and issue; the register of issued reports; the figures.

The page holds plain data only (kind, period, texts, entries). A draft is
saved explicitly (Ctrl+S) and automatically: shortly after typing stops, when
the kind, period or cut-off changes, when the page is left and when the window
closes. An issued report is shown frozen; a correction is a new draft.

Parts: report_kind_bar.py, report_tabs.py, report_opening.py (what opens for a
kind and period), report_rendering.py (the pages), report_actions.py.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from tgdesk.domain.period import Period, PeriodKind
from tgdesk.services import campaign_report, issuing, lists, register, reports
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError
from tgdesk.services.register import ReportEntry
from tgdesk.services.unit import get_unit

from tgdesk.ui.common.app_settings import app_settings
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.flow_layout import FlowLayout
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.permits import Permission, may, withhold
from tgdesk.ui.reports.report_actions import ReportActions
from tgdesk.ui.reports.report_format_dialog import FormatDialog
from tgdesk.ui.reports.report_kind_bar import ReportKindBar
from tgdesk.ui.reports.report_opening import due_text, opening
from tgdesk.ui.reports.report_rendering import ReportRendering
from tgdesk.ui.reports.report_tabs import ReportTabs
from tgdesk.ui.common.tasks import Task
from tgdesk.ui.common.widgets import ERROR_STYLE, show_error

AUTOSAVE_MS = 1500


class ReportPage(ReportActions, ReportRendering, QWidget):
    status = Signal(str)          # a message for the status bar

    def _show_issued(self) -> None:
        """The issued reports, a campaign report named with its campaign."""
        entries = register.issued_reports(self.ctx)
        self.issued.set_entries(entries, {e.id: campaign_report.entry_label(self.ctx, e.kind)
                                          for e in entries})

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

        self.kind_bar = ReportKindBar(ctx.today())
        self.kind, self.chooser = self.kind_bar.kind, self.kind_bar.chooser
        self._load_campaigns()
        self._due_note = self._open_on_due()
        self.cutoff_on, self.cutoff = self.kind_bar.cutoff_on, self.kind_bar.cutoff
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
        # Xem and Quản trị read reports; Cán bộ drafts them; Lãnh đạo alone issues them
        self.may_write = withhold(ctx, Permission.WRITE_RECORDS, self.save_button,
                                  self.copy_button)
        withhold(ctx, Permission.ADMINISTER, self.format_button)    # a unit-wide setting
        self.may_issue = may(ctx, Permission.ISSUE_REPORTS) and self.may_write
        self.issue_button.setVisible(self.may_issue)

        self.tabs = ReportTabs(ctx)
        self.editor, self.preview = self.tabs.editor, self.tabs.preview
        self.figures, self.issued = self.tabs.figures, self.tabs.issued
        self.title, self.table = self.figures.title, self.figures.table

        actions = FlowLayout()      # wraps onto a second row on a narrow screen
        for b in (self.save_button, self.preview_button, self.export_button, self.print_button,
                  self.issue_button, self.copy_button):
            actions.addWidget(b)
        actions.add_stretch()
        actions.addWidget(self.format_button)

        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Báo cáo"))
        lay.addWidget(self.kind_bar)
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
        self.kind_bar.campaign.currentIndexChanged.connect(self._switch)
        self.chooser.changed.connect(self._switch)
        self.cutoff.changed.connect(self._cutoff_changed)
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
        withhold(ctx, Permission.WRITE_RECORDS, self.issued.copy_button)
        bus.data_changed.connect(self._on_data_changed)
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
        return self.kind_bar.report_kind()

    def period(self) -> Period:
        """The chosen period; a campaign report's: the days of its campaign."""
        return campaign_report.report_period(self.ctx, self.report_kind()) or \
            self.chooser.period()

    def _load_campaigns(self) -> None:
        """The campaigns a campaign report may be on (the catalogue, latest first)."""
        self.kind_bar.set_campaigns([(r["id"], r["name"])
                                     for r in lists.catalogue(self.ctx, "campaigns")])

    def set_period(self, kind: PeriodKind, year: int, part: int | None = None) -> None:
        self.chooser.set_period(kind, year, part)

    def set_report(self, kind: str, period: Period) -> None:
        self.kind_bar.set_kind(kind)
        if campaign_report.split_kind(kind)[1] is not None or not self.chooser.set_value(period):
            self._switch()

    def _open_on_due(self) -> str:
        """Choose the report due (the earliest overdue, else the next due) before
        the first load; the line saying so, shown with it."""
        due = register.due_report(self.ctx)
        if due is None:
            return ""
        self.kind_bar.set_kind(due.kind)
        self.chooser.set_value(due.period)
        return due_text(due)

    def load(self) -> None:
        """Show the report of the chosen kind and period: its draft, else the
        issued report (frozen), else a new draft started from the last report."""
        self._load_campaigns()
        kind, period = self.report_kind(), self.period()
        self.current = (kind, period)
        self._needs_load = False
        self.figures.show_period(period)
        shown = opening(self.ctx, kind, period)
        self.frozen, texts, cutoff = shown.frozen, shown.texts, shown.cutoff
        self.kind_bar.show_cutoff(cutoff, period, self.ctx.today())
        self.cutoff_value = cutoff
        self._problem = None
        sections, notes = [], None
        if self.frozen is None:     # what was issued is shown by its stored pages
            try:
                sections = issuing.figure_sections(self.ctx, kind, period, cutoff, texts)
            except UserError as exc:
                self._problem = str(exc)
            if kind == "opinion":   # the bức xúc notes and hot spots to tick
                notes = reports.opinion_candidates(self.ctx, period, cutoff)
        self.editor.load(kind, period.kind, texts, sections,
                         read_only=self.frozen is not None or not self.may_write, notes=notes)
        self.dirty = False
        self._set_state(shown.state)
        self._set_note(self._due_note)
        self._due_note = ""
        self._update_buttons()
        self._show_issued()
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
        for w in (self.save_button, self.issue_button):
            w.setEnabled(not frozen)
        self.kind_bar.set_frozen(frozen or not self.may_write)     # a reader's cutoff: none
        self.save_action.setEnabled(not frozen and self.may_write)
        self.copy_button.setVisible(frozen and self.may_write)

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
        if self.frozen is not None or self.current is None or not self.may_write:
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
        self.cutoff_value = self.kind_bar.chosen_cutoff()
        self.dirty = True
        if self.save_draft(False):
            self.load()

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
            self._show_issued()
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

