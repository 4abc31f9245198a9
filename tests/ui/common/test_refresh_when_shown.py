"""A page reloads a change at once when it shows, and only when next shown
when it is hidden (events.RefreshWhenShown, used by the overview, coverage and
exchange pages)."""

import pytest
from PySide6.QtWidgets import QWidget

from tgdesk.ui.common.events import RefreshWhenShown

pytestmark = pytest.mark.gui


class Page(RefreshWhenShown, QWidget):
    def __init__(self, stale: bool = False):
        super().__init__()
        self.refreshes = 0
        self.stale = stale

    def refresh(self) -> None:
        self.loaded()
        self.refreshes += 1


def test_hidden_changes_wait_for_the_page_to_show(qtbot):
    page = Page()
    qtbot.addWidget(page)
    page.data_changed()
    page.data_changed()
    assert page.refreshes == 0 and page.stale
    page.show()
    assert page.refreshes == 1 and not page.stale
    page.data_changed()                                 # showing: at once
    assert page.refreshes == 2
    page.hide()
    page.show()                                         # nothing changed meanwhile
    assert page.refreshes == 2


def test_a_page_stale_from_the_start_loads_when_first_shown(qtbot):
    page = Page(stale=True)
    qtbot.addWidget(page)
    assert page.refreshes == 0
    page.show()
    assert page.refreshes == 1
