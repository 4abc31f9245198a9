"""The officer's words of a report: one box per section of the outline, and
the generated figures paragraphs, which may be edited and restored."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from tgdesk.domain.period import PeriodKind
from tgdesk.domain.text import nfc_keep
from tgdesk.services.issuing import FigureSection
from tgdesk.services.register import FIGURES

from tgdesk.ui.common.widgets import WARNING_STYLE, text_edit
from tgdesk.ui.reports.opinion_picks import OpinionPicks

LIST_KEYS = ("tasks", "recipients")     # one item a line, always kept as a list
FIGURES_LINK = "figures"
_NUMBER = re.compile(r"^(\d+)\.\s")

# (key, label, hint) per outline; the hint is the placeholder of the box.
_OPENING = ("opening", "Đoạn mở đầu",
            "Để trống: “Thực hiện Hướng dẫn số … ngày … của …” (tự động; số và ngày hướng dẫn "
            "của cấp trên khai báo một lần ở trang “Cài đặt đơn vị”).")
_END = (("closing", "Đoạn kết", "Để trống: “Trên đây là báo cáo …” (tự động)."),
        ("recipients", "Nơi nhận (mỗi dòng một nơi)",
         "Để trống: các nơi nhận mặc định; dòng “Lưu …” luôn được thêm ở cuối."))
_RESULTS = (
    ("advice", "1. Công tác tham mưu, chỉ đạo",
     "Số kế hoạch, hướng dẫn, công văn đã ban hành (ghi rõ số, ký hiệu)."),
    ("propaganda", "2. Công tác tuyên truyền (ngoài số liệu hội nghị, hoạt động tuyên truyền)",
     "Số liệu hoạt động tuyên truyền theo hình thức, theo đợt được ghi tự động. Viết thêm: "
     "ngày kỷ niệm, sự kiện đã tuyên truyền, cách làm mới (nếu có)."),
    ("ideology", "5. Bảo vệ nền tảng tư tưởng của Đảng",
     "Số tin, bài, lượt chia sẻ của nhóm cộng tác viên 35, thông tin xấu, độc đã phát hiện, "
     "bài dự thi được ghi tự động. Viết thêm nhận xét (nếu có)."),
    ("ho_chi_minh", "6. Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
     "Số mô hình, điển hình đăng ký, đánh giá, nhân rộng, được biểu dương, khen thưởng được "
     "ghi tự động. Viết thêm tên mô hình, điển hình tiêu biểu (nếu có)."),
    ("other", "7. Lý luận chính trị, khoa giáo và công tác khác",
     "Bồi dưỡng lý luận chính trị, khoa giáo, văn hóa – văn nghệ, công tác khác."),
)
_ASSESS = (
    ("strengths", "Ưu điểm", "Ưu điểm nổi bật trong kỳ."),
    ("weaknesses", "Hạn chế, nguyên nhân", "Hạn chế và nguyên nhân."),
)
_TASKS = ("tasks", "Nhiệm vụ trọng tâm kỳ tới (mỗi dòng một nhiệm vụ)",
          "Mỗi dòng một nhiệm vụ, kèm đơn vị thực hiện và thời hạn.")
_PROPOSALS = ("proposals", "Đề xuất, kiến nghị", "Đề xuất, kiến nghị (nếu có).")
_LESSONS = ("lessons", "Bài học kinh nghiệm", "Bài học kinh nghiệm (báo cáo năm).")
_OPINION = (
    ("mood", "I. Tình hình tư tưởng của cán bộ, đảng viên và Nhân dân",
     "Tâm trạng chung, mức độ tin tưởng."),
    ("opinion_details", "II.1. Dư luận theo lĩnh vực",
     "Dư luận về tình hình quốc tế, trong nước, thành phố và trên địa bàn phường."),
    ("hot_spots", "II.2. Những vấn đề băn khoăn, bức xúc",
     "Để trống: chỉ nêu các ý kiến được đánh dấu dưới đây (tự động). Viết thêm nhận xét, "
     "việc xử lý chung (nếu có)."),
    ("hostile", "II.3. Thông tin sai trái, thù địch trên mạng xã hội",
     "Thông tin sai trái, thù địch đã phát hiện, báo cáo (nếu có)."),
    ("outlook", "III. Nhận định, dự báo", "Nhận định, dự báo tình hình thời gian tới."),
    ("proposals", "IV. Đề xuất, kiến nghị",
     "Đề xuất với cấp ủy, chính quyền về trả lời, xử lý, định hướng từng vấn đề."),
)


_CAMPAIGN = (
    ("opening", "Đoạn mở đầu",
     "Để trống: “Thực hiện Kế hoạch số … ngày … về tuyên truyền …” (tự động; ghi số, ngày "
     "kế hoạch)."),
    ("advice", "I.1. Công tác tham mưu, chỉ đạo",
     "Kế hoạch, hướng dẫn, công văn triển khai đợt tuyên truyền (ghi rõ số, ký hiệu)."),
    ("propaganda", "I.2. Kết quả tuyên truyền (ngoài số liệu)",
     "Số hoạt động theo hình thức được ghi tự động. Viết thêm hoạt động nổi bật (nếu có)."),
    ("strengths", "II.1. Ưu điểm", "Ưu điểm nổi bật của đợt tuyên truyền."),
    ("weaknesses", "II.2. Hạn chế, nguyên nhân", "Hạn chế và nguyên nhân."),
    ("tasks", "III. Nhiệm vụ thời gian tới (mỗi dòng một nhiệm vụ)",
     "Mỗi dòng một nhiệm vụ, kèm đơn vị thực hiện và thời hạn."),
)


def outline_fields(kind: str, period_kind: PeriodKind) -> tuple[tuple[str, str, str], ...]:
    """The boxes of the officer's words for a report kind and period length."""
    if kind == "opinion":
        return (_OPENING, *_OPINION, *_END)
    if kind.startswith("campaign"):
        return (*_CAMPAIGN, _PROPOSALS, *_END)
    fields = [_OPENING, *_RESULTS, *_ASSESS]
    if period_kind is PeriodKind.YEAR:
        fields.append(_LESSONS)
    return (*fields, _TASKS, _PROPOSALS, *_END)


def text_value(key: str, text: str) -> str | list[str] | None:
    """What a box holds, as kept in the report's texts: None when empty; a list
    of lines for several paragraphs (each becomes its own paragraph); composed
    (NFC) even when an input method typed decomposed letters."""
    lines = [nfc_keep(line) for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    if key in LIST_KEYS or len(lines) > 1:
        return lines
    return lines[0]


def figure_only_titles(fields, sections: list[FigureSection]) -> dict[int, list[str]]:
    """The numbered sections written only from the figures (no box of words,
    e.g. "3. Học tập, quán triệt …"), by the number of the box they come before,
    so that the words tab does not seem to skip from 2 to 5."""
    numbers = [int(m.group(1)) for _k, label, _h in fields if (m := _NUMBER.match(label))]
    out: dict[int, list[str]] = {}
    for section in sections:
        m = _NUMBER.match(section.title)
        if m is None or int(m.group(1)) in numbers:
            continue
        later = [n for n in numbers if n > int(m.group(1))]
        if later:
            out.setdefault(min(later), []).append(section.title)
    return out


def box_text(value) -> str:
    if isinstance(value, (list, tuple)):
        return "\n".join(str(v) for v in value)
    return str(value or "")


class FigureBox(QWidget):
    """One section's generated paragraphs, editable, with a restore button."""

    edited = Signal()

    def __init__(self, section: FigureSection, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setMinimumHeight(110)
        self.edit.setPlainText(section.edited if section.edited is not None else section.text)
        self.restore = QPushButton("Khôi phục đoạn tự động")
        self.restore.setToolTip("Bỏ phần đã sửa, lấy lại câu viết tự động từ số liệu hiện tại")
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(WARNING_STYLE)
        title = QLabel(f"<b>{section.title}</b>")
        title.setWordWrap(True)
        title.setBuddy(self.edit)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.restore)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 6)
        lay.addWidget(title)
        lay.addWidget(self.edit)
        lay.addLayout(row)
        self.restore.clicked.connect(self.restore_generated)
        self.edit.textChanged.connect(self._changed)
        self._update_note()

    def is_edited(self) -> bool:
        return self.edit.toPlainText().strip() != self.section.text.strip()

    def value(self) -> dict | None:
        if not self.is_edited() or not self.edit.toPlainText().strip():
            return None
        base = self.section.text
        if self.section.edited is not None and self.edit.toPlainText() == self.section.edited:
            base = None     # unchanged since loaded: keep what it was edited from
        return {"text": nfc_keep(self.edit.toPlainText()), "base": base}

    def restore_generated(self) -> None:
        self.edit.setPlainText(self.section.text)

    def _changed(self) -> None:
        self._update_note()
        self.edited.emit()

    def _update_note(self) -> None:
        stale = self.section.stale and self.edit.toPlainText() == (self.section.edited or "")
        if stale:
            self.note.setText("Số liệu đã thay đổi từ khi đoạn này được sửa; hãy xem lại hoặc "
                              "bấm “Khôi phục đoạn tự động”.")
        elif self.is_edited():
            self.note.setText("Đoạn đã sửa tay.")
        else:
            self.note.setText("")
        self.restore.setEnabled(self.is_edited())


class ReportEditor(QTabWidget):
    """Two tabs: the officer's words by section, and the figures paragraphs."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.boxes: dict[str, QPlainTextEdit] = {}
        self.figures: dict[str, FigureBox] = {}
        self.picks: OpinionPicks | None = None
        self._texts: dict = {}
        self._read_only = False
        self.words_scroll = QScrollArea()
        self.figures_scroll = QScrollArea()
        for scroll in (self.words_scroll, self.figures_scroll):
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.addTab(self.words_scroll, "Lời văn của báo cáo")
        self.addTab(self.figures_scroll, "Đoạn số liệu tự động")

    # --- loading -----------------------------------------------------------
    def load(self, kind: str, period_kind: PeriodKind, texts: dict,
             sections: list[FigureSection], read_only: bool = False,
             notes: list | None = None) -> None:
        """``notes``: the opinion report's bức xúc notes and hot spots to tick
        (opinion_picks.py), shown under II.2; None shows no list."""
        self._texts = dict(texts)
        self._read_only = read_only
        words = QWidget()
        form = QVBoxLayout(words)
        self.boxes = {}
        self.picks = None
        fields = outline_fields(kind, period_kind)
        figure_only = figure_only_titles(fields, sections)
        for key, label, hint in fields:
            m = _NUMBER.match(label)
            for title in figure_only.get(int(m.group(1)) if m else -1, []):
                form.addWidget(self._figures_note(title))
                form.addSpacing(4)
            edit = text_edit(84 if key not in ("tasks", "opening") else 100)
            edit.setPlaceholderText(hint)
            edit.setPlainText(box_text(texts.get(key)))
            edit.setReadOnly(read_only)
            edit.setObjectName(f"text_{key}")
            edit.textChanged.connect(self.edited)
            title = QLabel(f"<b>{label}</b>")
            title.setWordWrap(True)
            title.setBuddy(edit)
            form.addWidget(title)
            form.addWidget(edit)
            form.addSpacing(4)
            self.boxes[key] = edit
            if key == "hot_spots" and notes is not None:
                self.picks = OpinionPicks(notes, texts, read_only)
                self.picks.changed.connect(self.edited)
                form.addWidget(self.picks)
                form.addSpacing(4)
        form.addStretch(1)
        self.words_scroll.setWidget(words)

        figs = QWidget()
        column = QVBoxLayout(figs)
        intro = QLabel("Các đoạn dưới đây được viết tự động từ số liệu của kỳ báo cáo. Đồng "
                       "chí có thể sửa lời văn; muốn lấy lại câu tự động, bấm “Khôi phục đoạn "
                       "tự động”.")
        intro.setWordWrap(True)
        intro.setVisible(not read_only)
        column.addWidget(intro)
        self.figures = {}
        for section in sections:
            box = FigureBox(section)
            box.edit.setReadOnly(read_only)
            box.restore.setVisible(not read_only)
            box.edited.connect(self.edited)
            column.addWidget(box)
            self.figures[section.key] = box
        if read_only:
            empty = QLabel("Báo cáo đã ban hành: các đoạn số liệu giữ đúng như lúc ban hành, "
                           "xem ở các trang bên phải.")
            empty.setWordWrap(True)
            column.addWidget(empty)
        elif not sections:
            column.addWidget(QLabel("Kỳ này không có đoạn số liệu tự động."))
        column.addStretch(1)
        self.figures_scroll.setWidget(figs)

    def _figures_note(self, title: str) -> QLabel:
        """A section with only figures paragraphs: its heading and a link to them."""
        note = QLabel(f"<b>{title}</b><br>Phần này viết tự động từ số liệu; xem và sửa ở thẻ "
                      f"<a href=\"{FIGURES_LINK}\">Đoạn số liệu tự động</a>.")
        note.setWordWrap(True)
        note.setObjectName("figures_note")
        note.linkActivated.connect(lambda _link: self.setCurrentWidget(self.figures_scroll))
        return note

    def is_read_only(self) -> bool:
        return self._read_only

    # --- reading -----------------------------------------------------------
    def texts(self) -> dict:
        """The loaded texts with every box's current value (keys of boxes not
        shown for this outline are kept as they were)."""
        out = dict(self._texts)
        for key, edit in self.boxes.items():
            value = text_value(key, edit.toPlainText())
            if value is None:
                out.pop(key, None)
            else:
                out[key] = value
        figures = {k: v for k, v in dict(out.get(FIGURES) or {}).items()
                   if k not in self.figures}
        for key, box in self.figures.items():
            value = box.value()
            if value is not None:
                if value["base"] is None:
                    value = (self._texts.get(FIGURES) or {}).get(key, value)
                figures[key] = value
        if figures:
            out[FIGURES] = figures
        else:
            out.pop(FIGURES, None)
        if self.picks is not None:
            self.picks.put(out)
        return out
