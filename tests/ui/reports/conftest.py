"""Fixtures shared by the report screen's tests: a demo database, a page on it, the errors it shows."""

from __future__ import annotations

import pytest
from report_pages import make_page, open_demo

from tgdesk.ui.reports import report_actions, report_page


@pytest.fixture
def demo(demo_template, tmp_path):
    c = open_demo(demo_template, tmp_path)
    yield c
    c.close()


@pytest.fixture
def page(qtbot, demo, tmp_path):
    return make_page(qtbot, demo, tmp_path)


@pytest.fixture
def errors(monkeypatch):
    shown = []
    for module in (report_page, report_actions):
        monkeypatch.setattr(module, "show_error", lambda parent, text: shown.append(text))
    return shown
