"""Hạn nộp báo cáo: the due rule of each report period kind (month, quarter,
6 months, year), saved in the database's settings."""

from __future__ import annotations

from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout,
                               QWidget)

from tgdesk.domain.deadlines import DueRule
from tgdesk.domain.validation import Issue
from tgdesk.services import overview
from tgdesk.services.context import Context
from tgdesk.services.errors import UserError, ValidationFailed
from tgdesk.services.settings_store import deadline_rules

from tgdesk.ui.common.widgets import IssueForm, save_cancel
from tgdesk.ui.common.screen_fit import fit_to_screen

INTRO = ("Ngày phải nộp mỗi loại báo cáo theo quy định của cấp trên. Chọn ngày (1–31) và "
         "tháng tính ngày đó: tháng cuối của kỳ báo cáo, hoặc tháng liền sau khi hết kỳ. "
         "Tháng có ít ngày hơn thì tính là ngày cuối tháng.")
WHEN = (("của tháng cuối kỳ", False), ("của tháng sau khi hết kỳ", True))


class DeadlineDialog(QDialog):
    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle("Hạn nộp báo cáo")
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        self.form = IssueForm()
        self.days: dict[str, QSpinBox] = {}
        self.when: dict[str, QComboBox] = {}
        rules = deadline_rules(ctx)
        for kind, label in overview.PERIOD_KIND_LABELS.items():
            rule = rules.get(kind, DueRule())
            day = QSpinBox()
            day.setRange(0, 99)          # out-of-range days get a message, not a silent clamp
            day.setPrefix("ngày ")
            day.setValue(rule.day)
            when = QComboBox()
            for text, after in WHEN:
                when.addItem(text, after)
            when.setCurrentIndex(1 if rule.after_end else 0)
            when.setAccessibleName(f"{label}: hạn tính theo tháng")
            row = QWidget()
            row.setFocusProxy(day)               # the row's label is the day's label
            lay = QHBoxLayout(row)
            lay.setContentsMargins(0, 0, 0, 0)
            lay.addWidget(day)
            lay.addWidget(when, 1)
            self.form.add(f"{label}:", row, kind)
            self.form.widgets[kind] = day        # the field to focus on an error
            self.days[kind], self.when[kind] = day, when
        buttons, _save = save_cancel(self.try_save, self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addWidget(self.form)
        lay.addWidget(self.form.general)
        lay.addWidget(buttons)
        fit_to_screen(self, 560, self.sizeHint().height())

    def rules(self) -> dict[str, DueRule]:
        return {kind: DueRule(self.days[kind].value(), bool(self.when[kind].currentData()))
                for kind in self.days}

    def try_save(self) -> bool:
        try:
            overview.save_deadlines(self.ctx, self.rules())
        except ValidationFailed as exc:
            self.form.show_issues(exc.issues)
            return False
        except UserError as exc:
            self.form.show_issues([Issue("", str(exc))])
            return False
        self.accept()
        return True
