"""The report screen's pages: rendered off the GUI thread, one rendering at a time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer

from tgdesk.services import issuing
from tgdesk.services.errors import UserError

from tgdesk.ui.common.tasks import run_task

PREVIEW_BUSY_AFTER_MS = 600   # a preview usually takes 0.1–0.2 s: no flashing dialog


class ReportRendering:
    """The preview of the report shown: an issued report's stored pages, or the
    draft's pages rendered in the background; asked again while one renders, it
    renders once more when that one ends. A mixin of
    :class:`~tgdesk.ui.reports.report_page.ReportPage`; needs the page's ``ctx``, ``task``,
    ``current``, ``frozen``, ``cutoff_value``, ``editor``, ``preview``,
    ``preview_stale``, ``_problem``, ``_after_preview`` and ``_pending_preview``."""

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
