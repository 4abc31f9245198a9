"""Shared by the report screen tests: one year of demo data (built once a test
session, copied for each test), the page on it, and reading its pages."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pypdfium2 as pdfium
from PySide6.QtCore import QSettings

from tgdesk.domain.period import Period
from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.reports.report_page import ReportPage

TODAY = date(2026, 11, 24)  # the conftest ctx fixture's today

_built: dict[str, Path] = {}


def demo_template(tmp_path_factory, template_db) -> Path:
    """A database with a year of demo data; built by the first test that asks."""
    if "demo" not in _built:
        path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
        shutil.copy(template_db, path)
        c = open_context(path, today=lambda: TODAY)
        load_demo(c, years=1, seed=5)
        with c.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        c.close()
        _built["demo"] = path
    return _built["demo"]


def open_demo(tmp_path_factory, template_db, tmp_path):
    """A context on a fresh copy of the demo database; close it when done."""
    target = tmp_path / "demo.sqlite"
    shutil.copy(demo_template(tmp_path_factory, template_db), target)
    return open_context(target, today=lambda: TODAY)


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
