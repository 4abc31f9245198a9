"""The report screen's tabs: writing beside the pages, the period's figures, the register."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QTabWidget, QWidget

from tgdesk.services.context import Context

from tgdesk.ui.reports.figures_page import FiguresPanel
from tgdesk.ui.reports.report_editor import ReportEditor
from tgdesk.ui.reports.report_preview import PdfView
from tgdesk.ui.reports.report_register import IssuedPanel


class ReportTabs(QTabWidget):
    """"Soạn thảo và xem trước" (the officer's words beside the pages), "Số liệu của
    kỳ" and "Sổ báo cáo đã ban hành"; the page fills and listens to each part."""

    def __init__(self, ctx: Context, parent: QWidget | None = None):
        super().__init__(parent)
        self.editor = ReportEditor()
        self.preview = PdfView()
        self.figures = FiguresPanel(ctx)
        self.figures.layout().setContentsMargins(8, 8, 8, 8)
        self.issued = IssuedPanel()

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.editor)
        split.addWidget(self.preview)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        self.addTab(split, "Soạn thảo và xem trước")
        self.addTab(self.figures, "Số liệu của kỳ")
        self.addTab(self.issued, "Sổ báo cáo đã ban hành")
