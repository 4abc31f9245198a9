"""Xử lý ý kiến dư luận: one note's summary, its follow-up history, and the
next step (status, date, who it was passed to, note, due date)."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QHeaderView, QLabel, QLineEdit,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Concern, FollowUp
from tgdesk.domain.records import FollowUpChange
from tgdesk.domain.text import nfc
from tgdesk.services import followups, lists
from tgdesk.services.context import Context
from tgdesk.services.errors import NotFound

from tgdesk.ui.common.checked_save import CheckedSave
from tgdesk.ui.common.date_field import DateField
from tgdesk.ui.common.widgets import (IssueForm, code_combo, save_cancel,
                      set_combo_data, text_edit)
from tgdesk.ui.common.screen_fit import fit_to_screen


def _label(enum, code: str | None) -> str:
    member = enum.from_code(code)
    return member.label if member else (code or "")


class FollowUpDialog(QDialog):
    def __init__(self, ctx: Context, opinion_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.opinion_id = opinion_id
        rows = lists.rows(ctx, "opinions", [opinion_id])
        if not rows or rows[0]["deleted"]:
            raise NotFound(f"Không tìm thấy ý kiến dư luận (mã {opinion_id}); có thể đã bị xóa.")
        self.note = rows[0]
        self.steps = followups.history(ctx, opinion_id)
        self.setWindowTitle("Xử lý ý kiến dư luận")

        self.summary = QLabel(self._summary_html())
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("QLabel { background: #f6f6f6; color: #1b1b1b; padding: 8px; }")

        self.history = QTableWidget(len(self.steps), 4)
        self.history.setHorizontalHeaderLabels(["Ngày", "Tình trạng", "Chuyển cho", "Ghi chú"])
        self.history.verticalHeader().hide()
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.history.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        for i, step in enumerate(self.steps):
            texts = (vf.short_date(step.changed_on), _label(FollowUp, step.status),
                     step.passed_to or "", " ".join((step.note or "").split()))
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if col == 3 and step.note:
                    item.setToolTip(step.note)
                self.history.setItem(i, col, item)
        self.history.setColumnWidth(0, 90)
        self.history.setColumnWidth(1, 140)
        self.history.setColumnWidth(2, 170)
        self.history.setMinimumHeight(120)

        self.form = IssueForm()
        current = self.note["follow_up"]
        self.status = self.form.add("Chuyển sang:", self._status_combo(current), "status")
        self.changed_on = self.form.add("Ngày cập nhật:",
                                        DateField(ctx.today(), today=ctx.today()), "changed_on")
        self.passed_to = self.form.add("Chuyển cho:", QLineEdit(self.note["passed_to"] or ""),
                                       "passed_to")
        self.passed_to.setPlaceholderText("Ví dụ: Ủy ban nhân dân phường")
        self.step_note = self.form.add("Ghi chú:", text_edit(60), "note")
        self.step_note.setPlaceholderText("Việc đã làm, kết quả, ý kiến chỉ đạo…")
        self.due_on = self.form.add("Hạn xử lý:", DateField(self.note["due_on"], optional=True,
                                                             placeholder="— Không đặt hạn —",
                                                             today=ctx.today()),
                                    "due_on")

        self.buttons, self.ok_button = save_cancel(self.try_save, self.reject)
        self.checked = CheckedSave(self, self.form, self.ok_button)

        lay = QVBoxLayout(self)
        lay.addWidget(self.summary)
        lay.addWidget(QLabel("<b>Quá trình xử lý</b>"))
        lay.addWidget(self.history, 1)
        lay.addWidget(QLabel("<b>Bước tiếp theo</b>"))
        lay.addWidget(self.form)
        lay.addWidget(self.form.general)
        lay.addWidget(self.buttons)
        fit_to_screen(self, 680, 640)

    def _status_combo(self, current: str):
        combo = code_combo(FollowUp)
        combo.removeItem(combo.findData(current))
        nxt = followups.next_status(current)
        if nxt is not None:
            set_combo_data(combo, nxt)
        return combo

    def _summary_html(self) -> str:
        n = self.note
        hot = n["concern"] == Concern.DIEM_NONG.value
        concern = escape(_label(Concern, n["concern"]))
        if hot:
            concern = f'<span style="color:#b3261e; font-weight:bold">{concern}</span>'
        facts = [f"Ngày nắm bắt: {vf.short_date(n['noted_on'])}",
                 f"Lĩnh vực: {escape(n['category'] or '')}"]
        if n["area"]:
            facts.append(f"Khu dân cư: {escape(n['area'])}")
        facts.append(f"Mức độ: {concern}")
        status = f"Tình trạng hiện nay: <b>{escape(_label(FollowUp, n['follow_up']))}</b>"
        if n["due_on"]:
            status += f" · Hạn xử lý: {vf.short_date(n['due_on'])}"
            if n["due_on"] < self.ctx.today() and \
                    n["follow_up"] != FollowUp.DA_GIAI_QUYET.value:
                status += ' <span style="color:#b3261e; font-weight:bold">(quá hạn)</span>'
        html = [" · ".join(facts), f"<b>{escape(n['summary'])}</b>"]
        if n["proposal"]:
            html.append(f"Đề xuất, kiến nghị: {escape(n['proposal'])}")
        html.append(status)
        return "<br>".join(html)

    # --- saving ------------------------------------------------------------------
    def change(self) -> FollowUpChange:
        return FollowUpChange(status=self.status.currentData(),
                              changed_on=self.changed_on.value(),
                              passed_to=nfc(self.passed_to.text()),
                              note=nfc(self.step_note.toPlainText()))

    def due(self):
        due = self.due_on.value()
        return followups.KEEP if due == self.note["due_on"] else due

    def try_save(self) -> bool:
        """Check, then save (warnings need a second "Lưu"). Returns whether saved."""
        change, due = self.change(), self.due()
        return self.checked.run(
            lambda: followups.check_change(self.ctx, self.opinion_id, change, due),
            (change, due),
            lambda: followups.change_status(self.ctx, self.opinion_id, change, due))
