"""Autosave of a record form: every few seconds what the form holds (when it
differs from what it was opened with) goes to a draft file beside the database
(services/form_drafts.py); a form opened after a crash or a power cut offers
the draft in a bar at its top: “Khôi phục” or “Bỏ bản nháp”."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton

from tgdesk import vnformat as vf
from tgdesk.services import form_drafts
from tgdesk.services.errors import UserError

log = logging.getLogger(__name__)

AUTOSAVE_MS = 5000


class FormDraft(QFrame):
    """The bar and the timer of one RecordDialog (``dialog``): it reads the form
    through ``dialog.draft_record()`` (None while a field is half-typed) and
    ``dialog.changed()``, and fills it back through ``dialog.load()``."""

    def __init__(self, dialog):
        super().__init__(dialog)
        self.dialog = dialog
        self.ctx = dialog.ctx
        self.key = dialog.kind.record.__name__.lower()
        self.record_id = dialog.record_id
        self.written = None              # the record last written, to skip rewriting it
        self.setStyleSheet("QFrame { background: #fff4ce; } QLabel { color: #1b1b1b; }")
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.restore_button = QPushButton("&Khôi phục")
        self.restore_button.clicked.connect(self.restore)
        self.drop_button = QPushButton("Bỏ bản &nháp")
        self.drop_button.clicked.connect(self.drop)
        lay = QHBoxLayout(self)
        lay.addWidget(self.text, 1)
        lay.addWidget(self.restore_button)
        lay.addWidget(self.drop_button)
        self.hide()
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.save)
        if self.ctx.read_only:
            return
        self.draft = form_drafts.read_draft(self.ctx, self.key, self.record_id,
                                            dialog.kind.record)
        if self.draft is not None:
            at = self.draft.saved_at
            self.text.setText(f"Mẫu này có nội dung đang nhập dở chưa lưu (tự lưu lúc "
                              f"{at:%H:%M} ngày {vf.short_date(at.date())}).")
            self.show()
        self.timer.start()

    def save(self) -> None:
        """Write the draft when the form differs from what it was opened with
        (and from the last draft); remove it when the form is back as opened."""
        if not self.dialog.changed():
            if self.written is not None:
                self.forget()
            return
        record = self.dialog.draft_record()
        if record is None or record == self.written:
            return
        try:
            form_drafts.write_draft(self.ctx, self.key, self.record_id, record)
        except UserError as exc:            # a full disk: the form itself is still open
            log.warning("draft not written: %s", exc)
            return
        self.written = record

    def restore(self) -> None:
        if self.draft is not None:
            self.dialog.load(self.draft.record)
        self.hide()

    def drop(self) -> None:
        self.forget()
        self.hide()

    def stop(self) -> None:
        self.timer.stop()

    def forget(self) -> None:
        """The form was saved or its changes discarded: no draft is left."""
        self.written = None
        self.draft = None
        form_drafts.drop_draft(self.ctx, self.key, self.record_id)
