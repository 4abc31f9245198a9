"""Tổng quan: what needs doing today. Tiles of this month and of the open work
(each opens the filtered list behind it), charts of the last 12 months, this
month beside last month, report deadlines with the state of each report, open
hot spots and overdue follow-ups. An empty database gets the first steps instead.

The page never reaches into the main window: it gets ``Links`` (callbacks) in
its constructor; ``links_to(window)`` builds them for the main window. Its parts
are in overview_tiles.py, overview_charts.py, overview_attention.py,
overview_deadlines.py and overview_guide.py.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from tgdesk import vnformat as vf
from tgdesk.domain.figures import Figures
from tgdesk.domain.filters import ListFilter
from tgdesk.domain.period import Period
from tgdesk.services import classified, coverage, overview, stats
from tgdesk.services.context import Context
from tgdesk.services.unit import get_unit

from tgdesk.ui.common.columns_layout import ColumnsLayout
from tgdesk.ui.common.screen_fit import scrolled
from tgdesk.ui.overview.deadline_dialog import DeadlineDialog
from tgdesk.ui.common.events import DataBus, RefreshWhenShown
from tgdesk.ui.common.headings import heading_label
from tgdesk.ui.common.permits import Permission, withhold
from tgdesk.ui.overview.overview_attention import NoteList
from tgdesk.ui.overview.overview_charts import ChartTabs
from tgdesk.ui.overview.overview_deadlines import DeadlinesPanel
from tgdesk.ui.overview.overview_guide import FirstSteps
from tgdesk.ui.overview.overview_links import Links, links_to
from tgdesk.ui.overview.overview_tiles import tile_filter, tile_row

__all__ = ["Links", "OverviewPage", "links_to"]

CHART_WIDTH = 430     # below two such columns the lists go under the charts
SIDE_WIDTH = 300      # the lists of hot spots and overdue notes, side by side when room


class OverviewPage(RefreshWhenShown, QWidget):
    links_to = staticmethod(links_to)

    def __init__(self, ctx: Context, bus: DataBus, links: Links | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.links = links or Links()
        self.month = Period.containing(ctx.today())

        self.caption = QLabel()
        self.classified = QLabel()          # how many Mật records this PC holds
        self.classified.setWordWrap(True)
        self.classified.hide()
        self.classified.setToolTip(
            "Hồ sơ Mật (kể cả trong thùng rác và hồ sơ nhận từ đơn vị khác) nằm trên ổ đĩa "
            "máy này; xem “Cài đặt đơn vị” › Bảo mật")
        self.guide = FirstSteps(self.links)
        self.empty = self.guide                  # the empty state (name kept for callers)
        self.step_labels, self.step_buttons = self.guide.step_labels, self.guide.step_buttons
        steps = self.step_buttons       # a first step the person's role may not take: no button
        withhold(ctx, Permission.WRITE_RECORDS, steps["add"], steps["demo"])
        self.content = QWidget()
        self._build_content()

        self.caption.setWordWrap(True)
        body = QWidget()
        inner = QVBoxLayout(body)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.caption)
        inner.addWidget(self.classified)
        inner.addWidget(self.guide)
        inner.addWidget(self.content, 1)
        inner.addStretch(0)
        self.scroll = scrolled(body)       # a low screen scrolls the page
        lay = QVBoxLayout(self)
        lay.addWidget(heading_label("Tổng quan"))
        lay.addWidget(self.scroll, 1)
        bus.data_changed.connect(self._on_data_changed)
        self.refresh()

    def _build_content(self) -> None:
        tiles, self.tiles = tile_row(self.open_tile)
        self.cards = {key: tile.value for key, tile in self.tiles.items()}   # each figure

        self.tabs = ChartTabs()
        self.tabs.list_requested.connect(lambda key, flt: self.links.open_page(key, flt))
        self.study_chart, self.category_chart, self.attitude_chart = (
            self.tabs.study_chart, self.tabs.category_chart, self.tabs.attitude_chart)
        self.table = self.tabs.table

        self.hot = NoteList("Điểm nóng chưa giải quyết xong", overdue=False)
        self.late = NoteList("Ý kiến quá hạn xử lý", overdue=True)
        self.hot.opened.connect(lambda: self.open_tile("hot_spots"))
        self.late.opened.connect(lambda: self.open_tile("overdue"))
        self.hot_list, self.hot_count = self.hot.items, self.hot.count
        self.late_list, self.late_count = self.late.items, self.late.count
        # the lists beside the charts, or (narrow) below them and side by side
        side = QWidget()
        side_lay = ColumnsLayout(SIDE_WIDTH, (2,), side)
        side_lay.addWidget(self.hot)
        side_lay.addWidget(self.late)
        middle = ColumnsLayout(CHART_WIDTH, (2,))
        middle.add(self.tabs, 3)
        middle.add(side, 2)
        self.middle = middle

        self.deadlines = DeadlinesPanel()
        self.deadlines.report_chosen.connect(
            lambda kind, period: self.links.open_report(kind, period))
        self.deadlines.rules_button.clicked.connect(self.edit_rules)
        self.deadline_table, self.deadline_note = self.deadlines.table, self.deadlines.note
        self.rules_button = self.deadlines.rules_button
        withhold(self.ctx, Permission.ADMINISTER, self.rules_button)    # a unit-wide setting

        lay = QVBoxLayout(self.content)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addLayout(tiles)
        lay.addLayout(middle, 1)
        lay.addWidget(self.deadlines)

    @property
    def deadline_rows(self) -> list[overview.DeadlineRow]:
        return self.deadlines.rows

    # --- refreshing ------------------------------------------------------------------
    def _on_data_changed(self, what: str) -> None:
        self.data_changed()

    def refresh(self) -> None:
        self.loaded()
        today = self.ctx.today()
        self.month = Period.containing(today)
        unit = get_unit(self.ctx)
        empty = not overview.has_records(self.ctx)
        self.guide.setVisible(empty)
        self.content.setVisible(not empty)
        self.guide.show_unit_done(unit is not None and unit.is_complete())
        if empty:
            self.caption.setText(f"Hôm nay {vf.short_date(today)}.")
            return
        last = self.month.previous()
        now: Figures = stats.figures(self.ctx, self.month)
        before: Figures = stats.figures(self.ctx, last)
        care = overview.attention(self.ctx)
        self.caption.setText(f"Số liệu {self.month.label()} (hôm nay {vf.short_date(today)}); "
                             "bấm vào một ô để mở danh sách tương ứng.")
        secret = classified.classified_count(self.ctx)
        self.classified.setVisible(secret.total > 0)
        self.classified.setText(classified.describe(secret))
        self.tiles["meetings"].set_value(now.meetings_total)
        self.tiles["studies"].set_value(now.study_sessions)
        self.tiles["opinions"].set_value(now.opinions_total)
        self.tiles["month_open"].set_value(now.open_follow_ups)
        self.tiles["hot_spots"].set_value(care.hot_spots, alert=care.hot_spots > 0)
        self.tiles["overdue"].set_value(care.overdue, alert=care.overdue > 0)
        due = len(coverage.due_unfinished(self.ctx))
        self.tiles["coverage_due"].set_value(due, alert=due > 0)
        self.tabs.set_months(now, before)
        self.tabs.set_series(overview.monthly_series(self.ctx))
        self.hot.set_notes(care.hot_spot_lines, care.hot_spots)
        self.late.set_notes(care.overdue_lines, care.overdue)
        self.deadlines.set_rows(overview.deadlines(self.ctx))

    # --- opening what is behind ------------------------------------------------------
    def tile_filter(self, key: str) -> tuple[str, ListFilter | None]:
        """The list page and filter behind a tile."""
        return tile_filter(key, self.month)

    def open_tile(self, key: str) -> None:
        self.links.open_page(*self.tile_filter(key))

    def edit_rules(self) -> DeadlineDialog:
        """Open the due-rules dialog (window-modal); a save refreshes the deadlines."""
        dialog = DeadlineDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog
