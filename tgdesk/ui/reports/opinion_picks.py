"""The opinion report's list of bức xúc notes and hot spots: one tick per note,
grouped by category, all ticked at first; what the officer unticks is left out of
the report (kept with the draft, services/register.EXCLUDED_NOTES)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Concern, FollowUp
from tgdesk.services.register import EXCLUDED_NOTES

from tgdesk.ui.common.widgets import WARNING_STYLE

SUMMARY_INDENT = 24        # px: the summary sits under the tick's text


def note_line(note) -> str:
    """"20/10/2026 · Khu phố 5 · điểm nóng · Mật · Đang xử lý" (the summary goes below)."""
    parts = [vf.short_date(note.noted_on)]
    if note.area:
        parts.append(note.area)
    if note.concern == Concern.DIEM_NONG.value:
        parts.append("điểm nóng")
    if note.classified:
        parts.append("Mật")
    status = FollowUp.from_code(note.follow_up)
    if status is not None:
        parts.append(status.label)
    return " · ".join(parts)


class OpinionPicks(QWidget):
    """The notes the opinion report may list, each with a tick (under II.2)."""

    changed = Signal()

    def __init__(self, notes, texts: dict, read_only: bool = False,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.notes = list(notes)
        saved = texts.get(EXCLUDED_NOTES) or []
        self._left_out = {int(i) for i in saved if isinstance(i, int) or str(i).isdigit()}
        self.ticks: dict[int, QCheckBox] = {}
        title = QLabel("<b>Ý kiến bức xúc, điểm nóng nêu trong mục II.2</b>")
        title.setWordWrap(True)
        hint = QLabel("Báo cáo nêu từng ý kiến được đánh dấu, theo lĩnh vực (khu dân cư, nội "
                      "dung, hướng xử lý, tình hình xử lý). Bỏ dấu ý kiến không muốn nêu.")
        hint.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(title)
        lay.addWidget(hint)
        self.all_button = QPushButton("Chọn tất cả")
        self.none_button = QPushButton("Bỏ chọn tất cả")
        self.mark = QLabel()
        self.mark.setWordWrap(True)
        self.mark.setStyleSheet(WARNING_STYLE)
        if not self.notes:
            empty = QLabel("Kỳ này không có ý kiến bức xúc, điểm nóng.")
            empty.setObjectName("picks_empty")
            lay.addWidget(empty)
            for w in (self.all_button, self.none_button, self.mark):
                w.hide()
            return
        self._fill(lay, read_only)
        if self.ticks:
            title.setBuddy(next(iter(self.ticks.values())))
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        buttons.addStretch(1)
        lay.addLayout(buttons)
        lay.addWidget(self.mark)
        for w in (self.all_button, self.none_button):
            w.setEnabled(not read_only)
        self.all_button.clicked.connect(lambda: self.set_all(True))
        self.none_button.clicked.connect(lambda: self.set_all(False))
        self._update_mark()

    def _fill(self, lay: QVBoxLayout, read_only: bool) -> None:
        """A heading per category, then each note: its tick with date, area and
        status, and its summary, wrapped, under it."""
        groups: dict[str, list] = {}
        for note in self.notes:
            groups.setdefault(note.category, []).append(note)
        for category, notes in groups.items():
            head = QLabel(f"<i>{category}</i>")
            head.setObjectName("picks_category")
            lay.addWidget(head)
            for note in notes:
                tick = QCheckBox(note_line(note))
                tick.setChecked(note.id not in self._left_out)
                tick.setEnabled(not read_only)
                tick.setToolTip(note.summary)
                tick.setAccessibleDescription(note.summary)
                tick.toggled.connect(self._toggled)
                summary = QLabel(note.summary)
                summary.setWordWrap(True)
                summary.setContentsMargins(SUMMARY_INDENT, 0, 0, 4)
                summary.setBuddy(tick)
                lay.addWidget(tick)
                lay.addWidget(summary)
                self.ticks[note.id] = tick

    def _toggled(self, _checked: bool) -> None:
        self._update_mark()
        self.changed.emit()

    def set_all(self, ticked: bool) -> None:
        for tick in self.ticks.values():
            tick.blockSignals(True)
            tick.setChecked(ticked)
            tick.blockSignals(False)
        self._update_mark()
        self.changed.emit()

    def _update_mark(self) -> None:
        by_id = {n.id: n for n in self.notes}
        if any(by_id[i].classified for i in self.listed()):
            self.mark.setText("Có ý kiến Mật được nêu: báo cáo mang dấu “MẬT” dưới số văn bản.")
        else:
            self.mark.setText("")
        self.mark.setVisible(bool(self.mark.text()))

    # --- reading ---------------------------------------------------------------
    def listed(self) -> list[int]:
        """The ids ticked, in the list's order."""
        return [i for i, tick in self.ticks.items() if tick.isChecked()]

    def excluded(self) -> list[int]:
        """The ids unticked, and those left out before that are not listed now
        (a note whose attitude changed keeps the officer's choice if it returns)."""
        shown = {n.id for n in self.notes}
        unticked = {i for i, tick in self.ticks.items() if not tick.isChecked()}
        return sorted(unticked | (self._left_out - shown))

    def put(self, texts: dict) -> None:
        """Write the choice into a report's texts (nothing when every note is kept)."""
        left_out = self.excluded()
        if left_out:
            texts[EXCLUDED_NOTES] = left_out
        else:
            texts.pop(EXCLUDED_NOTES, None)
