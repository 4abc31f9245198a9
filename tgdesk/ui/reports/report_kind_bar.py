"""The report screen's top bar: the kind of report, its period (a campaign report:
its campaign, whose days are the period) and the cut-off date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from tgdesk.domain.period import Period
from tgdesk.services.campaign_report import CAMPAIGN, campaign_kind, split_kind
from tgdesk.services.register import KIND_LABELS

from tgdesk.ui.common.flow_layout import FlowLayout, together
from tgdesk.ui.common.period_chooser import PeriodChooser
from tgdesk.ui.common.date_field import DateField

KIND_SHORT = {"work": "Công tác tuyên giáo", "opinion": "Tư tưởng, dư luận xã hội",
              CAMPAIGN: "Kết quả tuyên truyền một đợt"}


class ReportKindBar(QWidget):
    """Loại báo cáo [kind] Kỳ [period] [x] Chốt số liệu đến [date]. The page listens
    to ``kind``, ``chooser``, ``cutoff_on`` and ``cutoff`` itself."""

    def __init__(self, today: date, parent: QWidget | None = None):
        super().__init__(parent)
        self.kind = QComboBox()
        for code, label in KIND_LABELS.items():
            self.kind.addItem(KIND_SHORT.get(code, label), code)
            self.kind.setItemData(self.kind.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        self.chooser = PeriodChooser(today, allow_custom=True)
        self.campaign = QComboBox()       # a campaign report's campaign (its days: the period)
        self.campaign.setAccessibleName("Đợt, chủ đề tuyên truyền")
        self.campaign.setToolTip("Đợt, chủ đề tuyên truyền được báo cáo (khai báo ở trang "
                                 "“Danh mục”); kỳ báo cáo là các ngày của đợt")
        self.campaign.setMinimumContentsLength(42)
        self.campaign.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.cutoff_on = QCheckBox("Chốt số liệu đến")
        self.cutoff_on.setToolTip("Không chọn: tính cả kỳ báo cáo (kỳ chưa kết thúc thì tính "
                                  "đến hôm nay)")
        self.cutoff = DateField(today, today=today)
        self.cutoff.setToolTip("Ngày chốt số liệu (dd/mm/yyyy)")
        self.cutoff.setAccessibleName("Ngày chốt số liệu")

        lay = FlowLayout(self, spacing=16)     # wraps on a narrow screen, a label with its box
        kind_label = QLabel("Loại báo &cáo:")
        kind_label.setBuddy(self.kind)
        period_label = QLabel("&Kỳ:")
        period_label.setBuddy(self.chooser.kind)
        campaign_label = QLabel("Đợt, c&hủ đề:")
        campaign_label.setBuddy(self.campaign)
        lay.addWidget(together(kind_label, self.kind))
        self.period_box = together(period_label, self.chooser)
        self.campaign_box = together(campaign_label, self.campaign)
        lay.addWidget(self.period_box)
        lay.addWidget(self.campaign_box)
        lay.addWidget(together(self.cutoff_on, self.cutoff))
        self.kind.currentIndexChanged.connect(self._show_kind)
        self._show_kind()

        chooser = self.chooser
        self.setTabOrder(self.kind, self.campaign)
        self.setTabOrder(self.campaign, chooser.kind)
        self.setTabOrder(chooser.kind, chooser.part)
        self.setTabOrder(chooser.part, chooser.year)
        self.setTabOrder(chooser.year, chooser.start)
        self.setTabOrder(chooser.start, chooser.end)
        self.setTabOrder(chooser.end, self.cutoff_on)
        self.setTabOrder(self.cutoff_on, self.cutoff)

    def _show_kind(self) -> None:
        """A campaign report shows its campaign instead of a period."""
        campaign = self.kind.currentData() == CAMPAIGN
        self.period_box.setVisible(not campaign)
        self.campaign_box.setVisible(campaign)

    def set_campaigns(self, campaigns: list[tuple[int, str]]) -> None:
        """The campaigns to choose from, (id, name); the one chosen stays chosen."""
        chosen = self.campaign.currentData()
        self.campaign.blockSignals(True)
        self.campaign.clear()
        for campaign_id, name in campaigns:
            self.campaign.addItem(name, campaign_id)
            self.campaign.setItemData(self.campaign.count() - 1, name,
                                      Qt.ItemDataRole.ToolTipRole)
        at = self.campaign.findData(chosen)
        self.campaign.setCurrentIndex(at if at >= 0 else (0 if self.campaign.count() else -1))
        self.campaign.blockSignals(False)

    def report_kind(self) -> str:
        """"work", "opinion", or a campaign report's "campaign:<id>" ("campaign" while
        no campaign is chosen)."""
        kind = self.kind.currentData()
        if kind == CAMPAIGN and self.campaign.currentData() is not None:
            return campaign_kind(self.campaign.currentData())
        return kind

    def set_kind(self, kind: str) -> None:
        """Select ``kind`` without announcing it (the caller loads the report)."""
        base, campaign_id = split_kind(kind)
        for box, value in ((self.kind, base), (self.campaign, campaign_id)):
            if value is not None and box.findData(value) >= 0:
                box.blockSignals(True)
                box.setCurrentIndex(box.findData(value))
                box.blockSignals(False)
        self._show_kind()

    def show_cutoff(self, cutoff: date | None, period: Period, today: date) -> None:
        """Show a report's cut-off date (None: none, the box shows the period's end,
        or today while the period runs), without announcing it."""
        for w in (self.cutoff, self.cutoff_on):
            w.blockSignals(True)
        self.cutoff_on.setChecked(cutoff is not None)
        self.cutoff.set_value(cutoff or min(today, period.end))
        self.cutoff.setEnabled(cutoff is not None)
        for w in (self.cutoff, self.cutoff_on):
            w.blockSignals(False)

    def chosen_cutoff(self) -> date | None:
        """The cut-off date ticked, or None; the date box follows the tick."""
        on = self.cutoff_on.isChecked()
        self.cutoff.setEnabled(on)
        return self.cutoff.value() if on else None

    def set_frozen(self, frozen: bool) -> None:
        """An issued report: its cut-off cannot change."""
        self.cutoff_on.setEnabled(not frozen)
        self.cutoff.setEnabled(not frozen and self.cutoff_on.isChecked())
