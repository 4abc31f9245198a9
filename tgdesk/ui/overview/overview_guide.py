"""The overview of an empty database: the first steps, each with its button."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QWidget

from tgdesk.ui.overview.overview_links import Links

EMPTY_TEXT = ("Cơ sở dữ liệu chưa có hội nghị, buổi học tập hay ý kiến dư luận nào. "
              "Các bước để bắt đầu:")
STEPS = (
    ("unit", "1. Khai báo đơn vị (tên đảng ủy, cấp trên, người ký báo cáo).",
     "Cài đặt đơn vị"),
    ("catalogues", "2. Khai báo danh mục: chi bộ, khu dân cư, văn bản, lĩnh vực dư luận "
                   "(có thể nhập từ tệp Excel).", "Mở Danh mục"),
    ("add", "3. Ghi bản ghi đầu tiên: hội nghị, buổi học tập hoặc ý kiến dư luận.",
     "Ghi ý kiến dư luận…"),
    ("demo", "Hoặc nạp dữ liệu mẫu của một phường để xem thử (nên dùng một cơ sở dữ liệu "
             "riêng).", "Nạp dữ liệu mẫu…"),
)


class FirstSteps(QFrame):
    """The steps to start with; the buttons go through the page's ``links``."""

    def __init__(self, links: Links, parent: QWidget | None = None):
        super().__init__(parent)
        self.links = links
        self.setObjectName("guide")
        self.setStyleSheet("QFrame#guide { background: #e8f0fe; border-radius: 4px; } "
                           "QFrame#guide QLabel { color: #1b1b1b; }")
        grid = QGridLayout(self)
        grid.setContentsMargins(14, 12, 14, 12)
        intro = QLabel(EMPTY_TEXT)
        intro.setWordWrap(True)
        font = intro.font()
        font.setBold(True)
        intro.setFont(font)
        grid.addWidget(intro, 0, 0, 1, 2)
        self.step_labels: dict[str, QLabel] = {}
        self.step_buttons: dict[str, QPushButton] = {}
        actions = {"unit": lambda: self.links.open_page("unit", None),
                   "catalogues": lambda: self.links.open_page("catalogues", None),
                   "add": lambda: self.links.add_record("opinions"),
                   "demo": lambda: self.links.load_demo()}
        for row, (key, text, button_text) in enumerate(STEPS, start=1):
            label = QLabel(text)
            label.setWordWrap(True)
            button = QPushButton(button_text)
            button.clicked.connect(actions[key])
            grid.addWidget(label, row, 0)
            grid.addWidget(button, row, 1)
            self.step_labels[key], self.step_buttons[key] = label, button
        grid.setColumnStretch(0, 1)

    def show_unit_done(self, done: bool) -> None:
        """A tick before the first step once the unit is fully set up."""
        self.step_labels["unit"].setText(("✓ " if done else "") + STEPS[0][1])
