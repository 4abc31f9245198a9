"""Saving a form the DHIS2 way: errors block and stand beside their fields;
warnings show once, and "Vẫn lưu" with the same values saves anyway."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QPushButton

from tgdesk.domain.validation import Verdict
from tgdesk.services.errors import UserError, ValidationFailed

from tgdesk.ui.common.widgets import IssueForm, show_error


class CheckedSave:
    def __init__(self, dialog: QDialog, form: IssueForm, button: QPushButton):
        self.dialog, self.form, self.button = dialog, form, button
        self.warned: object = None     # the values whose warnings were last shown

    def run(self, check: Callable[[], Verdict], values: object,
            save: Callable[[], object]) -> bool:
        """Check ``values``, then ``save()`` and accept the dialog. Whether it saved.
        A box holding what is no value (a date typed wrong) refuses first."""
        unread = self.form.input_issues()
        if unread:
            self.warned = None
            self.button.setText("Lưu")
            self.form.show_issues(unread)
            return False
        try:
            verdict = check()
        except UserError as exc:
            show_error(self.dialog, str(exc))
            return False
        if not verdict.ok:
            self.warned = None
            self.button.setText("Lưu")
            self.form.show_issues(verdict.errors, verdict.warnings)
            return False
        if verdict.warnings and self.warned != values:
            self.warned = values
            self.form.show_issues([], verdict.warnings)
            self.button.setText("Vẫn lưu")
            return False
        try:
            save()
        except ValidationFailed as exc:
            self.form.show_issues(exc.issues)
            return False
        except UserError as exc:
            show_error(self.dialog, str(exc))
            return False
        self.dialog.accept()
        return True
