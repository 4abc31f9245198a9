"""Fixtures for window tests: catalogue entries made through the services."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.records import (Area, Campaign, Cell, Meeting, OpinionCategory, PartyDocument,
                                   Person)
from tgdesk.services.kinds import AREAS, CAMPAIGNS, CATEGORIES, CELLS, DOCUMENTS, MEETINGS, PEOPLE

# The offscreen platform cannot pass size hints to a window; Qt says so as a
# warning whenever a top-level widget is shown. It is about the test platform,
# not about tgdesk.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"


def pytest_collection_modifyitems(items):
    for item in items:
        if item.get_closest_marker("gui"):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item):
    """Background work a test started (ui/tasks.py) ends, and its result is
    delivered, before the test's widgets and database are torn down: a pool
    thread must never outlive the objects it reports to."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication
    if QApplication.instance() is not None:
        QThreadPool.globalInstance().waitForDone(30000)
        QApplication.processEvents()
    yield


@pytest.fixture(autouse=True)
def discard_changed_forms(monkeypatch):
    """A record dialog left changed by a test is closed at teardown: without this
    its "Bỏ các thay đổi?" box would wait for a click. Tests of that question
    patch record_dialog.ask_discard themselves."""
    from tgdesk.ui.common import record_dialog
    monkeypatch.setattr(record_dialog, "ask_discard", lambda parent: True)


@pytest.fixture(autouse=True)
def private_qsettings(tmp_path_factory):
    """Window state (QSettings) of each test goes to its own temporary folder,
    never to the user's settings, and never leaks from one test to the next."""
    from PySide6.QtCore import QSettings
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("qsettings")))


@pytest.fixture
def catalogue(ctx):
    """A small catalogue: a cell, an area, two documents, people, a category, a campaign."""
    ids = {
        "cell": CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1", member_count=40)).id,
        "area": AREAS.create(ctx, Area(name="Khu phố 1")).id,
        "doc": DOCUMENTS.create(ctx, PartyDocument(
            kind="nghi_quyet", number_symbol="35-NQ/TW", issued_on=date(2018, 10, 22),
            issuer="Bộ Chính trị",
            title="Về tăng cường bảo vệ nền tảng tư tưởng của Đảng")).id,
        "doc2": DOCUMENTS.create(ctx, PartyDocument(
            kind="chi_thi", number_symbol="05-CT/TW", issued_on=date(2016, 5, 15),
            issuer="Bộ Chính trị", title="Về đẩy mạnh học tập và làm theo tư tưởng")).id,
        "speaker": PEOPLE.create(ctx, Person(full_name="Trần Minh Quang",
                                             role="bao_cao_vien")).id,
        "ctv": PEOPLE.create(ctx, Person(full_name="Lê Thị Hoa", role="ctv_dlxh")).id,
        "category": CATEGORIES.create(ctx, OpinionCategory(name="Đất đai, xây dựng")).id,
        "campaign": CAMPAIGNS.create(ctx, Campaign(
            name="Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
            starts_on=date(2026, 1, 19), ends_on=date(2026, 1, 23))).id,
    }
    return ids


@pytest.fixture
def make_meetings():
    return _make_meetings


def _make_meetings(ctx, n: int) -> list[int]:
    """n meetings on weekdays of 2026 (ids in creation order)."""
    out = []
    day0 = date(2026, 1, 5).toordinal()
    for i in range(n):
        d = date.fromordinal(day0 + (i % 250))
        if d.weekday() == 6:
            d = date.fromordinal(d.toordinal() - 1)
        out.append(MEETINGS.create(ctx, Meeting(held_on=d, title=f"Giao ban số {i + 1}",
                                                attendance=20 + i % 30)).id)
    return out
