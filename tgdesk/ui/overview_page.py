"""Tổng quan: this month beside last month, open follow-ups and hot spots."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from tgdesk import vnformat as vf
from tgdesk.domain.figures import Figures
from tgdesk.domain.period import Period
from tgdesk.services import lists, stats
from tgdesk.services.context import Context

from .events import DataBus
from .figures_table import LinesTable
from .record_page import heading_label

EMPTY_TEXT = ("Cơ sở dữ liệu chưa có hội nghị, buổi học tập hay ý kiến dư luận nào.\n"
              "Để xem thử chương trình, chọn menu Tệp → “Nạp dữ liệu mẫu…”. "
              "Để bắt đầu ghi thật, khai báo chi bộ, văn bản, lĩnh vực ở trang “Danh mục”, "
              "rồi ghi ở các trang Hội nghị, Học tập – quán triệt, Dư luận xã hội.")

# (label, how to read it from Figures)
ROWS = (
    ("Hội nghị, cuộc họp", lambda f: vf.number(f.meetings_total)),
    ("Lượt người dự hội nghị", lambda f: vf.number(f.meeting_attendance)),
    ("Buổi học tập, quán triệt", lambda f: vf.number(f.study_sessions)),
    ("Lượt người tham gia học tập", lambda f: vf.number(f.study_participants)),
    ("Tỷ lệ đảng viên tham dự", lambda f: vf.percent(f.party_rate)),
    ("Bài thu hoạch", lambda f: vf.number(f.reflections)),
    ("Ý kiến dư luận xã hội", lambda f: vf.number(f.opinions_total)),
    ("Điểm nóng", lambda f: vf.number(f.hot_spots)),
    ("Ý kiến chưa giải quyết xong", lambda f: vf.number(f.open_follow_ups)),
)


def _card(title: str) -> tuple[QFrame, QLabel]:
    frame = QFrame()
    frame.setFrameShape(QFrame.Shape.StyledPanel)
    frame.setStyleSheet("QFrame { background: #ffffff; border-radius: 4px; }")
    value = QLabel("0")
    font = value.font()
    font.setPointSizeF(font.pointSizeF() * 2.2)
    font.setBold(True)
    value.setFont(font)
    caption = QLabel(title)
    caption.setWordWrap(True)
    lay = QVBoxLayout(frame)
    lay.addWidget(value)
    lay.addWidget(caption)
    return frame, value


class OverviewPage(QWidget):
    def __init__(self, ctx: Context, bus: DataBus, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet("background: #e8f0fe; padding: 12px; border-radius: 4px;")
        cards = QGridLayout()
        self.cards: dict[str, QLabel] = {}
        for i, (key, title) in enumerate((
                ("meetings", "hội nghị trong tháng"),
                ("studies", "buổi học tập, quán triệt trong tháng"),
                ("opinions", "ý kiến dư luận trong tháng"),
                ("hot_spots", "điểm nóng trong tháng"),
                ("open", "ý kiến của tháng chưa giải quyết xong"))):
            frame, value = _card(title)
            self.cards[key] = value
            cards.addWidget(frame, 0, i)
        self.caption = QLabel()
        self.table = LinesTable(["Chỉ tiêu", "Tháng này", "Tháng trước"])
        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Tổng quan"))
        lay.addWidget(self.empty)
        lay.addLayout(cards)
        lay.addWidget(self.caption)
        lay.addWidget(self.table, 1)
        bus.data_changed.connect(lambda what: what != "unit" and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        this = Period.containing(self.ctx.today())
        last = this.previous()
        now: Figures = stats.figures(self.ctx, this)
        before: Figures = stats.figures(self.ctx, last)
        empty = not any(lists.count(self.ctx, k) for k in ("meetings", "studies", "opinions"))
        self.empty.setVisible(empty)
        self.cards["meetings"].setText(vf.number(now.meetings_total))
        self.cards["studies"].setText(vf.number(now.study_sessions))
        self.cards["opinions"].setText(vf.number(now.opinions_total))
        self.cards["hot_spots"].setText(vf.number(now.hot_spots))
        self.cards["open"].setText(vf.number(now.open_follow_ups))
        self.cards["hot_spots"].setStyleSheet("color: #b3261e;" if now.hot_spots else "")
        self.caption.setText(f"So sánh {this.label()} với {last.label()} "
                             f"(hôm nay {vf.short_date(self.ctx.today())}).")
        self.table.set_lines([(label, read(now), read(before)) for label, read in ROWS],
                             outline=False)
