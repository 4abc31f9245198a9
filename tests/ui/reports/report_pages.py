"""Shared by the report screen tests: one year of demo data (built once a test
session, copied for each test), the page on it, and reading its pages."""

from __future__ import annotations

from datetime import date

import pypdfium2 as pdfium
from PySide6.QtCore import QSettings

from tgdesk.domain.period import Period
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.reports.report_page import ReportPage
from demo_db import open_copy

TODAY = date(2026, 11, 24)  # the conftest ctx fixture's today

def open_demo(demo_template, tmp_path):
    """A context on a fresh copy of the one-year demo database; close it when done."""
    return open_copy(demo_template(years=1, seed=5), tmp_path)


def wait_task(qtbot, page):
    if page.task is not None and page.task.running:
        with qtbot.waitSignal(page.task.finished, timeout=60_000):
            pass


def make_page(qtbot, ctx, tmp_path):
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    page = ReportPage(ctx, DataBus(), settings)
    qtbot.addWidget(page)
    page.resize(1100, 760)
    page.show()
    wait_task(qtbot, page)
    return page


def pdf_text(data: bytes) -> str:
    pdf = pdfium.PdfDocument(data)
    try:
        return "".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
    finally:
        pdf.close()


def choose(qtbot, page, kind: str, period: Period):
    page.set_report(kind, period)
    wait_task(qtbot, page)
