"""The overview's charts of the last 12 months and this month beside last month."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from tgdesk import vnformat as vf
from tgdesk.domain.enums import Attitude
from tgdesk.domain.figures import Figures
from tgdesk.domain.filters import ListFilter
from tgdesk.services import overview

from tgdesk.ui.overview.charts import LINE_COLOR, OTHER_COLOR, PALETTE, MonthChart, Series
from tgdesk.ui.common.figures_table import LinesTable

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


class ChartTabs(QTabWidget):
    """Study, opinions by category, opinions by attitude, and the comparison table.
    A click on a bar asks for the list behind it (``list_requested``)."""

    list_requested = Signal(str, object)       # list page key, ListFilter

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.series: overview.MonthlySeries | None = None
        self.study_chart = MonthChart("Học tập, quán triệt: lượt người tham gia và tỷ lệ "
                                      "đảng viên tham dự")
        self.category_chart = MonthChart("Ý kiến dư luận theo lĩnh vực")
        self.attitude_chart = MonthChart("Ý kiến dư luận theo thái độ")
        self.study_chart.bar_clicked.connect(self._study_bar)
        self.category_chart.bar_clicked.connect(self._category_bar)
        self.attitude_chart.bar_clicked.connect(self._attitude_bar)
        self.table = LinesTable(["Chỉ tiêu", "Tháng này", "Tháng trước"])
        self.addTab(self.study_chart, "Học tập")
        self.addTab(self.category_chart, "Dư luận: lĩnh vực")
        self.addTab(self.attitude_chart, "Dư luận: thái độ")
        self.addTab(self.table, "So với tháng trước")
        self.setMinimumHeight(270)     # with the deadlines below, on a 700 px high window

    def set_months(self, now: Figures, before: Figures) -> None:
        """The comparison table: this month (``now``) beside last month."""
        self.table.set_lines([(label, read(now), read(before)) for label, read in ROWS],
                             outline=False)

    def set_series(self, s: overview.MonthlySeries) -> None:
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

    # --- a bar opens its month's list ---------------------------------------------------
    def _month_range(self, index: int) -> dict:
        p = self.series.months[index]
        return {"date_from": p.start, "date_to": p.end}

    def _study_bar(self, index: int, _name: str) -> None:
        self.list_requested.emit("studies", ListFilter(**self._month_range(index)))

    def _category_bar(self, index: int, name: str) -> None:
        cat = self.series.category_ids.get(name) if name != OTHER_CATEGORIES else None
        self.list_requested.emit("opinions",
                                 ListFilter(**self._month_range(index), category_id=cat))

    def _attitude_bar(self, index: int, name: str) -> None:
        code = next((a.value for a in Attitude if a.label == name), None)
        self.list_requested.emit("opinions",
                                 ListFilter(**self._month_range(index), attitude=code))
