"""The shared behaviour of every record dialog: check before saving, messages
under the fields, errors block OK, warnings need a second OK, and closing a
changed form (Hủy, Esc, the window's ×) asks "Bỏ các thay đổi?" first; what the
form holds is autosaved as a draft (form_draft.py) until it is saved or discarded."""

from __future__ import annotations

import dataclasses

from PySide6.QtWidgets import QDialog, QMessageBox, QVBoxLayout, QWidget

from tgdesk.services.context import Context
from tgdesk.services.crud import Kind, Saved

from tgdesk.ui.common.checked_save import CheckedSave
from tgdesk.ui.common.form_draft import FormDraft
from tgdesk.ui.common.screen_fit import fit_to_screen, scrolled
from tgdesk.ui.common.widgets import IssueForm, save_cancel

DISCARD_TITLE = "Bỏ các thay đổi?"
DISCARD_TEXT = "Những gì vừa nhập, sửa trong mẫu này chưa được lưu."
DISCARD, KEEP_EDITING = "&Bỏ thay đổi", "&Tiếp tục sửa"


def ask_discard(parent: QWidget) -> bool:
    """Whether to throw the form's changes away; "Tiếp tục sửa" is the default
    (Enter and Esc keep the form). Tests monkeypatch this."""
    box = QMessageBox(QMessageBox.Icon.Question, DISCARD_TITLE, DISCARD_TITLE,
                      QMessageBox.StandardButton.NoButton, parent)
    box.setInformativeText(DISCARD_TEXT)
    discard = box.addButton(DISCARD, QMessageBox.ButtonRole.DestructiveRole)
    keep = box.addButton(KEEP_EDITING, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


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
        self.loaded_state = self._state()

        scroll = scrolled(self.form)      # a small screen scrolls the form, not the buttons
        self.buttons, self.ok_button = save_cancel(self.try_save, self.reject)
        self.checked = CheckedSave(self, self.form, self.ok_button)
        self.draft = FormDraft(self)        # autosave; offers what a crash left
        lay = QVBoxLayout(self)
        lay.addWidget(self.draft)
        lay.addWidget(scroll, 1)
        lay.addWidget(self.form.general)
        lay.addWidget(self.buttons)
        fit_to_screen(self, *self.dialog_size)     # at most the screen's free room

    # --- for subclasses ----------------------------------------------
    def blank(self):
        raise NotImplementedError

    def build(self, form: IssueForm) -> None:
        raise NotImplementedError

    def load(self, rec) -> None:
        raise NotImplementedError

    def record(self):
        raise NotImplementedError

    # --- closing ---------------------------------------------------------
    def _state(self) -> tuple | None:
        """What the form holds now, comparable with what it was loaded with (a
        date typed wrong counts too)."""
        try:
            return dataclasses.astuple(self._filled()), tuple(self.form.input_issues())
        except (ValueError, TypeError):     # a half-typed field: compare as "changed"
            return None

    def changed(self) -> bool:
        return self._state() != self.loaded_state

    def reject(self) -> None:
        """Cancel, Esc and the window's × all come here: a changed form asks first."""
        changed = self.saved is None and self.changed()
        if changed and not ask_discard(self):
            return
        if changed:
            self.draft.forget()
        super().reject()

    def done(self, result: int) -> None:
        self.draft.stop()
        if self.saved is not None:
            self.draft.forget()
        super().done(result)

    def draft_record(self):
        """What the form holds as a record, or None while a field cannot be read."""
        try:
            return self._filled()
        except (ValueError, TypeError):
            return None

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
