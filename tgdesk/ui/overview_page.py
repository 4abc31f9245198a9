"""Tổng quan: what needs doing today. Tiles of this month and of the open work
(each opens the filtered list behind it), charts of the last 12 months, this
month beside last month, report deadlines with the state of each report, open
hot spots and overdue follow-ups. An empty database gets the first steps instead.

The page never reaches into the main window: it gets ``Links`` (callbacks) in
its constructor; ``links_to(window)`` builds them for the main window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (QAbstractItemView, QFrame, QGridLayout, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Attitude, Concern
from tgdesk.domain.figures import Figures
from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period, PeriodKind
from tgdesk.services import overview, stats
from tgdesk.services.context import Context
from tgdesk.services.unit import get_unit

from .charts import LINE_COLOR, OTHER_COLOR, PALETTE, MonthChart, Series
from .deadline_dialog import DeadlineDialog
from .events import DataBus
from .figures_table import LinesTable
from .record_page import heading_label

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

# (label, how to read it from Figures): the comparison table.
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

ATTITUDE_COLORS = {Attitude.DONG_TINH.value: "#2e7d32", Attitude.BAN_KHOAN.value: "#f9a825",
                   Attitude.BUC_XUC.value: "#c62828", Attitude.TRAI_CHIEU.value: "#6a1b9a"}
TOP_CATEGORIES = 6
OTHER_CATEGORIES = "Lĩnh vực khác"
RED = "#b3261e"
REPORT_COLUMNS = (("work", "Báo cáo công tác tuyên giáo"),
                  ("opinion", "Báo cáo tư tưởng, dư luận xã hội"))


@dataclass
class Links:
    """What the overview asks of the window around it; each is optional."""

    open_page: Callable[[str, ListFilter | None], None] = lambda key, flt: None
    open_report: Callable[[str, Period], None] = lambda kind, period: None
    add_record: Callable[[str], None] = lambda key: None
    load_demo: Callable[[], None] = lambda: None


def links_to(window) -> Links:
    """Links for the main window: ``window.show_page(key)`` then the page's own
    ``show_filtered(flt)`` / ``set_report(kind, period)`` when it has them."""

    def open_page(key: str, flt: ListFilter | None = None) -> None:
        page = window.show_page(key)
        if flt is not None and hasattr(page, "show_filtered"):
            page.show_filtered(flt)

    def open_report(kind: str, period: Period) -> None:
        page = window.show_page("figures")
        if hasattr(page, "set_report"):          # the report page: kind and period
            page.set_report(kind, period)
        elif hasattr(page, "set_period") and period.kind is not PeriodKind.CUSTOM:
            s = period.start
            part = {PeriodKind.MONTH: s.month, PeriodKind.QUARTER: (s.month - 1) // 3 + 1,
                    PeriodKind.HALF: 1 if s.month <= 6 else 2}.get(period.kind)
            page.set_period(period.kind, s.year, part)

    def add_record(key: str) -> None:
        page = window.show_page(key)
        if hasattr(page, "add_record"):
            page.add_record()

    return Links(open_page, open_report, add_record, window.load_demo)


class Tile(QFrame):
    """A figure with its caption; a click (or Enter/Space) opens what is behind it."""

    clicked = Signal()

    def __init__(self, caption: str, tip: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("tile")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip(tip)
        self.value = QLabel("0")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(caption)
        self.caption.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(10, 6, 10, 8)
        lay.setSpacing(2)
        lay.addWidget(self.value)
        lay.addWidget(self.caption, 1, Qt.AlignmentFlag.AlignTop)
        self.set_alert(False)

    def set_value(self, n: int, alert: bool = False) -> None:
        self.value.setText(vf.number(n))
        self.set_alert(alert)

    def set_alert(self, alert: bool) -> None:
        color = RED if alert else "#1a1a1a"
        self.setStyleSheet("QFrame#tile { background: #ffffff; border: 1px solid #d0d7de; "
                           "border-radius: 4px; } QFrame#tile:focus { border: 2px solid #1a73e8; }"
                           f" QFrame#tile QLabel {{ color: {color}; }}")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)


def _short_list(title: str) -> tuple[QGroupBox, QLabel, QListWidget, QPushButton]:
    box = QGroupBox(title)
    count = QLabel()
    more = QPushButton("Xem tất cả")
    more.setAutoDefault(False)
    items = QListWidget()
    items.setWordWrap(True)
    items.setAlternatingRowColors(True)
    items.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    items.setMinimumHeight(70)
    top = QHBoxLayout()
    top.addWidget(count, 1)
    top.addWidget(more)
    lay = QVBoxLayout(box)
    lay.addLayout(top)
    lay.addWidget(items, 1)
    return box, count, items, more


def note_text(line: overview.NoteLine, overdue: bool) -> str:
    where = f" · {line.area}" if line.area else ""
    when = (f"hạn {vf.short_date(line.due_on)}" if overdue
            else f"ngày {vf.short_date(line.noted_on)}")
    return f"{when}{where} · {line.category}\n{line.summary}"


def days_text(days: int) -> str:
    if days == 0:
        return "Hôm nay"
    return f"Còn {days} ngày" if days > 0 else f"Quá {-days} ngày"


class OverviewPage(QWidget):
    links_to = staticmethod(links_to)

    def __init__(self, ctx: Context, bus: DataBus, links: Links | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.links = links or Links()
        self.month = Period.containing(ctx.today())
        self.series: overview.MonthlySeries | None = None
        self.deadline_rows: list[overview.DeadlineRow] = []
        self._dirty = False

        self.caption = QLabel()
        self.guide = self._build_guide()
        self.empty = self.guide                  # the empty state (name kept for callers)
        self.content = QWidget()
        self._build_content()

        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Tổng quan"))
        lay.addWidget(self.caption)
        lay.addWidget(self.guide)
        lay.addWidget(self.content, 1)
        lay.addStretch(0)
        bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    # --- building --------------------------------------------------------------------
    def _build_guide(self) -> QFrame:
        guide = QFrame()
        guide.setObjectName("guide")
        guide.setStyleSheet("QFrame#guide { background: #e8f0fe; border-radius: 4px; }")
        grid = QGridLayout(guide)
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
        return guide

    def _build_content(self) -> None:
        self.tiles: dict[str, Tile] = {}
        self.cards: dict[str, QLabel] = {}       # each tile's figure
        tiles = QGridLayout()
        tiles.setSpacing(8)
        for i, (key, caption, tip) in enumerate((
                ("meetings", "hội nghị trong tháng", "Mở danh sách hội nghị của tháng này"),
                ("studies", "buổi học tập, quán triệt trong tháng",
                 "Mở danh sách buổi học tập của tháng này"),
                ("opinions", "ý kiến dư luận trong tháng",
                 "Mở danh sách ý kiến dư luận của tháng này"),
                ("month_open", "ý kiến của tháng chưa giải quyết xong",
                 "Mở các ý kiến của tháng này chưa giải quyết xong"),
                ("hot_spots", "điểm nóng chưa giải quyết xong",
                 "Mở mọi điểm nóng chưa giải quyết xong"),
                ("overdue", "ý kiến quá hạn xử lý",
                 "Mở các ý kiến đã quá hạn mà chưa giải quyết xong"))):
            tile = Tile(caption, tip)
            tile.clicked.connect(lambda k=key: self.open_tile(k))
            self.tiles[key] = tile
            self.cards[key] = tile.value
            tiles.addWidget(tile, 0, i)
            tiles.setColumnStretch(i, 1)

        self.study_chart = MonthChart("Học tập, quán triệt: lượt người tham gia và tỷ lệ "
                                      "đảng viên tham dự")
        self.category_chart = MonthChart("Ý kiến dư luận theo lĩnh vực")
        self.attitude_chart = MonthChart("Ý kiến dư luận theo thái độ")
        self.study_chart.bar_clicked.connect(self._study_bar)
        self.category_chart.bar_clicked.connect(self._category_bar)
        self.attitude_chart.bar_clicked.connect(self._attitude_bar)
        self.table = LinesTable(["Chỉ tiêu", "Tháng này", "Tháng trước"])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.study_chart, "Học tập")
        self.tabs.addTab(self.category_chart, "Dư luận: lĩnh vực")
        self.tabs.addTab(self.attitude_chart, "Dư luận: thái độ")
        self.tabs.addTab(self.table, "So với tháng trước")
        self.tabs.setMinimumHeight(280)

        hot_box, self.hot_count, self.hot_list, hot_more = _short_list(
            "Điểm nóng chưa giải quyết xong")
        late_box, self.late_count, self.late_list, late_more = _short_list(
            "Ý kiến quá hạn xử lý")
        hot_more.clicked.connect(lambda: self.open_tile("hot_spots"))
        late_more.clicked.connect(lambda: self.open_tile("overdue"))
        for widget in (self.hot_list, self.late_list):
            key = "hot_spots" if widget is self.hot_list else "overdue"
            widget.itemActivated.connect(lambda _item, k=key: self.open_tile(k))
            widget.itemClicked.connect(lambda _item, k=key: self.open_tile(k))
        side = QVBoxLayout()
        side.addWidget(hot_box, 1)
        side.addWidget(late_box, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.tabs, 3)
        middle.addLayout(side, 2)

        deadlines = QGroupBox("Hạn nộp báo cáo")
        self.deadline_table = QTableWidget(0, 5)
        self.deadline_table.setHorizontalHeaderLabels(
            ["Kỳ báo cáo", "Hạn nộp", "Thời hạn", *[label for _, label in REPORT_COLUMNS]])
        self.deadline_table.verticalHeader().hide()
        self.deadline_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.deadline_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deadline_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.deadline_table.setWordWrap(False)
        header = self.deadline_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 95), (2, 95), (3, 225), (4, 225)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
            self.deadline_table.setColumnWidth(col, width)
        self.deadline_table.cellClicked.connect(self.open_deadline)
        self.deadline_table.cellActivated.connect(self.open_deadline)
        self.deadline_table.setToolTip("Bấm vào một dòng để mở trang Báo cáo của kỳ đó")
        self.rules_button = QPushButton("Hạn nộp báo cáo…")
        self.rules_button.setToolTip("Sửa ngày phải nộp mỗi loại báo cáo")
        self.rules_button.clicked.connect(self.edit_rules)
        self.deadline_note = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.deadline_note, 1)
        bar.addWidget(self.rules_button)
        dl = QVBoxLayout(deadlines)
        dl.addLayout(bar)
        dl.addWidget(self.deadline_table)

        lay = QVBoxLayout(self.content)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(tiles)
        lay.addLayout(middle, 1)
        lay.addWidget(deadlines)

    # --- refreshing ------------------------------------------------------------------
    def _on_data_changed(self, what: str) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:
        if self._dirty:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._dirty = False
        today = self.ctx.today()
        self.month = Period.containing(today)
        unit = get_unit(self.ctx)
        empty = not overview.has_records(self.ctx)
        self.guide.setVisible(empty)
        self.content.setVisible(not empty)
        self.step_labels["unit"].setText(
            ("✓ " if unit is not None and unit.is_complete() else "") + STEPS[0][1])
        if empty:
            self.caption.setText(f"Hôm nay {vf.short_date(today)}.")
            return
        last = self.month.previous()
        now: Figures = stats.figures(self.ctx, self.month)
        before: Figures = stats.figures(self.ctx, last)
        care = overview.attention(self.ctx)
        self.caption.setText(f"Số liệu {self.month.label()} (hôm nay {vf.short_date(today)}); "
                             "bấm vào một ô để mở danh sách tương ứng.")
        self.tiles["meetings"].set_value(now.meetings_total)
        self.tiles["studies"].set_value(now.study_sessions)
        self.tiles["opinions"].set_value(now.opinions_total)
        self.tiles["month_open"].set_value(now.open_follow_ups)
        self.tiles["hot_spots"].set_value(care.hot_spots, alert=care.hot_spots > 0)
        self.tiles["overdue"].set_value(care.overdue, alert=care.overdue > 0)
        self.table.set_lines([(label, read(now), read(before)) for label, read in ROWS],
                             outline=False)
        self._fill_charts(overview.monthly_series(self.ctx))
        self._fill_notes(self.hot_list, self.hot_count, care.hot_spot_lines, care.hot_spots,
                         False)
        self._fill_notes(self.late_list, self.late_count, care.overdue_lines, care.overdue,
                         True)
        self._fill_deadlines(overview.deadlines(self.ctx))

    def _fill_charts(self, s: overview.MonthlySeries) -> None:
        self.series = s
        self.study_chart.set_data(
            s.labels, [Series("Lượt người tham gia học tập", s.study_participants, "#0072b2")],
            Series("Tỷ lệ đảng viên tham dự (trục phải)", s.party_rate, LINE_COLOR), "lượt")
        names = list(s.by_category)
        bars = [Series(name, s.by_category[name], PALETTE[i % len(PALETTE)])
                for i, name in enumerate(names[:TOP_CATEGORIES])]
        rest = names[TOP_CATEGORIES:]
        if rest:
            bars.append(Series(OTHER_CATEGORIES,
                               [sum(s.by_category[n][i] for n in rest)
                                for i in range(len(s.months))], OTHER_COLOR))
        self.category_chart.set_data(s.labels, bars, unit="ý kiến")
        self.attitude_chart.set_data(
            s.labels, [Series(Attitude.from_code(code).label if Attitude.from_code(code)
                              else code, values, ATTITUDE_COLORS.get(code, OTHER_COLOR))
                       for code, values in s.by_attitude.items()], unit="ý kiến")

    def _fill_notes(self, widget: QListWidget, count: QLabel, lines, total: int,
                    overdue: bool) -> None:
        widget.clear()
        for line in lines:
            item = QListWidgetItem(note_text(line, overdue))
            item.setData(Qt.ItemDataRole.UserRole, line.id)
            item.setToolTip(line.summary)
            widget.addItem(item)
        if total == 0:
            count.setText("Không có." if not overdue else "Không có ý kiến nào quá hạn.")
            count.setStyleSheet("")
        else:
            shown = f" (hiện {len(lines)} mới nhất)" if total > len(lines) and not overdue \
                else (f" (hiện {len(lines)} quá hạn lâu nhất)" if total > len(lines) else "")
            count.setText(f"{vf.number(total)} ý kiến{shown}")
            count.setStyleSheet(f"color: {RED}; font-weight: bold;")

    def _fill_deadlines(self, rows: list[overview.DeadlineRow]) -> None:
        self.deadline_rows = rows
        table = self.deadline_table
        table.setRowCount(len(rows))
        late = sum(1 for r in rows if r.overdue)
        self.deadline_note.setText(
            f"{late} kỳ báo cáo đã quá hạn mà chưa ban hành đủ." if late else
            "Các kỳ báo cáo sắp đến hạn; bấm vào một dòng để mở trang Báo cáo.")
        self.deadline_note.setStyleSheet(f"color: {RED};" if late else "")
        for r, row in enumerate(rows):
            label = row.period.label()
            texts = [label[:1].upper() + label[1:], vf.short_date(row.due),
                     days_text(row.days_left)]
            texts += [row.state(kind).text for kind, _ in REPORT_COLUMNS]
            for c, text in enumerate(texts):
                item = QTableWidgetItem(text)
                if c >= 3:
                    item.setToolTip(f"{overview.report_kind_label(REPORT_COLUMNS[c - 3][0])} "
                                    f"{label}: {text.lower()}")
                if row.overdue and (c in (1, 2) or (c >= 3 and row.reports[c - 3].status
                                                    != "issued")):
                    item.setForeground(QBrush(QColor(RED)))
                elif c >= 3 and row.reports[c - 3].status == "issued":
                    item.setForeground(QBrush(QColor("#2e7d32")))
                table.setItem(r, c, item)
        table.resizeRowsToContents()
        height = (table.horizontalHeader().height() + 2 * table.frameWidth()
                  + sum(table.rowHeight(r) for r in range(len(rows))) + 2)
        table.setFixedHeight(max(height, 60))

    # --- opening what is behind ------------------------------------------------------
    def tile_filter(self, key: str) -> tuple[str, ListFilter]:
        """The list page and filter behind a tile."""
        m = self.month
        month = {"date_from": m.start, "date_to": m.end}
        return {
            "meetings": ("meetings", ListFilter(**month)),
            "studies": ("studies", ListFilter(**month)),
            "opinions": ("opinions", ListFilter(**month)),
            "month_open": ("opinions", ListFilter(**month, follow_up="open")),
            "hot_spots": ("opinions", ListFilter(concern=Concern.DIEM_NONG.value,
                                                 follow_up="open")),
            "overdue": ("opinions", ListFilter(overdue=True)),
        }[key]

    def open_tile(self, key: str) -> None:
        self.links.open_page(*self.tile_filter(key))

    def _month_range(self, index: int) -> dict:
        p = self.series.months[index]
        return {"date_from": p.start, "date_to": p.end}

    def _study_bar(self, index: int, _name: str) -> None:
        self.links.open_page("studies", ListFilter(**self._month_range(index)))

    def _category_bar(self, index: int, name: str) -> None:
        cat = self.series.category_ids.get(name) if name != OTHER_CATEGORIES else None
        self.links.open_page("opinions", ListFilter(**self._month_range(index), category_id=cat))

    def _attitude_bar(self, index: int, name: str) -> None:
        code = next((a.value for a in Attitude if a.label == name), None)
        self.links.open_page("opinions", ListFilter(**self._month_range(index), attitude=code))

    def open_deadline(self, row: int, column: int) -> None:
        if not 0 <= row < len(self.deadline_rows):
            return
        kind = REPORT_COLUMNS[column - 3][0] if column >= 3 else REPORT_COLUMNS[0][0]
        self.links.open_report(kind, self.deadline_rows[row].period)

    def edit_rules(self) -> DeadlineDialog:
        """Open the due-rules dialog (window-modal); a save refreshes the deadlines."""
        dialog = DeadlineDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog
