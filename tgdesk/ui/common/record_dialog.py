"""The shared behaviour of every record dialog: check before saving, messages
under the fields, errors block OK, warnings need a second OK."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDialog, QScrollArea, QVBoxLayout, QWidget

from tgdesk.services.context import Context
from tgdesk.services.crud import Kind, Saved

from tgdesk.ui.common.checked_save import CheckedSave
from tgdesk.ui.common.widgets import IssueForm, save_cancel


class RecordDialog(QDialog):
    """Subclasses build their widgets in ``build(form)``, fill them in
    ``load(rec)`` and read them back in ``record()``."""

    kind: Kind
    new_title = "Thêm"
    edit_title = "Sửa"
    dialog_size = (640, 620)

    def __init__(self, ctx: Context, record_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.record_id = record_id
        self.saved: Saved | None = None
        self.setWindowTitle(self.edit_title if record_id else self.new_title)
        self.form = IssueForm()
        original = (self.kind.get(ctx, record_id) if record_id is not None
                    else self.blank())
        self.original = original
        self.build(self.form)
        self.load(original)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        self.buttons, self.ok_button = save_cancel(self.try_save, self.reject)
        self.checked = CheckedSave(self, self.form, self.ok_button)
        lay = QVBoxLayout(self)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.form.general)
        lay.addWidget(self.buttons)
        self.resize(*self.dialog_size)

    # --- for subclasses ----------------------------------------------
    def blank(self):
        raise NotImplementedError

    def build(self, form: IssueForm) -> None:
        raise NotImplementedError

    def load(self, rec) -> None:
        raise NotImplementedError

    def record(self):
        raise NotImplementedError

    # --- saving ----------------------------------------------------------
    def _filled(self):
        rec = self.record()
        rec.id = self.original.id
        rec.uuid = self.original.uuid
        return rec

    def try_save(self) -> bool:
        """Check, then save. Returns whether the record was saved (and the
        dialog accepted)."""
        rec = self._filled()

        def save() -> None:
            if self.record_id is None:
                self.saved = self.kind.create(self.ctx, rec)
            else:
                self.saved = self.kind.update(self.ctx, self.record_id, rec)

        return self.checked.run(lambda: self.kind.check(self.ctx, rec),
                                dataclasses.astuple(rec), save)
