"""The window's "Trợ giúp" menu opens "Giới thiệu tgdesk" (F1); the window has
tgdesk's icon."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from tgdesk.ui.common.about_dialog import AboutDialog
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.main_window import MainWindow

pytestmark = pytest.mark.gui


@pytest.fixture
def window(qtbot, ctx, monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    win = MainWindow(ctx, DataBus())
    qtbot.addWidget(win)
    win.show()
    return win


def test_help_menu_opens_the_about_dialog(window, ctx):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[-1] == "Trợ &giúp"
    help_menu = window.menuBar().actions()[-1].menu()
    assert [a.text() for a in help_menu.actions()] == ["&Giới thiệu tgdesk…"]
    assert window.about_action.shortcut() == QKeySequence("F1")
    window.about_action.trigger()
    about = window.about
    assert isinstance(about, AboutDialog) and about.isVisible() and about.parent() is window
    assert about.values["Cơ sở dữ liệu"].text() == str(ctx.db_path)
    about.reject()
    window.about_action.trigger()                      # opened again, the same dialog
    assert window.about is about and about.isVisible()


def test_the_window_has_tgdesks_icon(window):
    icon = window.windowIcon()
    assert not icon.isNull() and icon.availableSizes()
    assert window.about_action.parent() is window
