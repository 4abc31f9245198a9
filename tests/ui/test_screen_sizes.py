"""The window on a 1024×768 screen and a 1366×768 one with a taskbar: the main
window fits (its least size), every page shows its boxes whole at 1024×700 with
nothing overlapping, and every dialog, the record forms first, keeps its buttons
on a 700 px high screen. The screenshots command takes a screen size."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (QAbstractButton, QAbstractScrollArea, QAbstractSpinBox,
                               QApplication, QComboBox, QDialog, QLayout, QLineEdit,
                               QTabWidget, QWidget)

from tgdesk.cli import build_parser
from tgdesk.services import lists
from tgdesk.ui import launch
from tgdesk.ui.catalogues.catalogue_forms import CATALOGUES, CatalogueDialog
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.screen_fit import FRAME, set_screen_room
from tgdesk.ui.main_window import PAGES, MainWindow
from tgdesk.ui.overview.deadline_dialog import DeadlineDialog
from tgdesk.ui.records.follow_up_dialog import FollowUpDialog
from tgdesk.ui.records.meeting_dialog import MeetingDialog
from tgdesk.ui.records.model_dialog import ModelDialog
from tgdesk.ui.records.online_dialog import OnlineDialog
from tgdesk.ui.records.opinion_dialog import OpinionDialog
from tgdesk.ui.records.propaganda_dialog import PropagandaDialog
from tgdesk.ui.records.study_dialog import StudyDialog
from tgdesk.ui.reports.report_format_dialog import FormatDialog
from tgdesk.ui.settings.unit_dialog import UnitDialog
from demo_db import open_copy

TODAY = date(2026, 11, 24)

pytestmark = pytest.mark.gui

SCREENS = (QSize(1366, 700), QSize(1024, 700))     # what a 768 px screen leaves a window
SHOWN_WHOLE = (QComboBox, QLineEdit, QAbstractSpinBox, QAbstractButton)


@pytest.fixture
def demo(demo_template, tmp_path):
    ctx = open_copy(demo_template(years=1, seed=1), tmp_path)
    yield ctx
    ctx.close()


@pytest.fixture
def screen():
    """Set the screen's free room for a test; the real screen again after."""
    yield set_screen_room
    set_screen_room(None)


@pytest.fixture
def window(qtbot, demo):
    window = MainWindow(demo, DataBus())
    qtbot.addWidget(window)
    window.show()
    return window


@pytest.fixture
def small_window(window):
    """The window at 1024×700 whatever its least size, as a window manager makes a
    maximised window on a 1024×768 screen."""
    window.layout().setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    window.setMinimumSize(0, 0)
    window.resize(1024, 700)
    QApplication.processEvents()
    assert window.size() == QSize(1024, 700)
    return window


def test_the_main_window_fits_a_1024_by_768_screen(window):
    for row in range(len(PAGES)):
        window.show_page_row(row)
        QApplication.processEvents()
        hint = window.minimumSizeHint().expandedTo(window.minimumSize())
        assert hint.width() <= 1000 and hint.height() <= 700, (PAGES[row], hint)
    window.resize(1024, 700)
    assert window.size() == QSize(1024, 700)


def _shown(root: QWidget, kinds) -> list[QWidget]:
    return [w for w in root.findChildren(QWidget)
            if isinstance(w, kinds) and w.isVisible() and w.window() is root.window()]


def _in_scrolled_view(widget: QWidget) -> bool:
    """Inside a table, a list or a scroll area (reached by scrolling)."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _problems(page: QWidget) -> list[str]:
    """Boxes narrower than what they must show, cut by the page's edge, or on top
    of a neighbour."""
    found = []
    area = page.rect()
    for w in _shown(page, SHOWN_WHOLE):
        if isinstance(w, QComboBox):
            need = min(w.sizeHint().width(), w.maximumWidth())
        else:
            need = w.minimumSizeHint().width()
        name = f"{type(w).__name__} “{getattr(w, 'text', lambda: '')() or w.toolTip()}”"
        if w.width() < need:
            found.append(f"{name}: {w.width()} px < {need} px")
        box = QRect(w.mapTo(page, w.rect().topLeft()), w.size())
        if not _in_scrolled_view(w) and not area.contains(box):
            found.append(f"{name}: outside the page at {box}")
    for holder in [page, *_shown(page, (QWidget,))]:
        kids = [w for w in _laid_out(holder.layout()) if w.isVisible()]
        for i, a in enumerate(kids):
            for b in kids[i + 1:]:
                if a.geometry().intersects(b.geometry()):
                    found.append(f"{type(a).__name__} and {type(b).__name__} overlap "
                                 f"in {type(holder).__name__}")
    return found


def _laid_out(layout: QLayout | None) -> list[QWidget]:
    """The widgets ``layout`` places, its inner layouts' included."""
    found = []
    for i in range(layout.count() if layout is not None else 0):
        item = layout.itemAt(i)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found += _laid_out(item.layout())
    return found


def _views(page: QWidget):
    """The page, then each tab of its tab widgets in turn."""
    yield "", page
    for tabs in _shown(page, (QTabWidget,)):
        for i in range(1, tabs.count()):
            tabs.setCurrentIndex(i)
            QApplication.processEvents()
            yield f" tab {tabs.tabText(i)}", page
        tabs.setCurrentIndex(0)


@pytest.mark.parametrize("key", [key for key, _text in PAGES])
def test_every_page_at_1024_by_700_shows_its_boxes_whole(small_window, key):
    page = small_window.show_page(key)
    QApplication.processEvents()
    assert page.width() <= 1024 - 210
    problems = []
    for where, view in _views(page):
        problems += [f"{key}{where}: {p}" for p in _problems(view)]
    assert not problems, "\n".join(problems)


def test_the_list_filters_wrap_instead_of_cutting_their_words(small_window):
    page = small_window.show_page("opinions")
    QApplication.processEvents()
    category = page.filters.combos["category_id"]
    assert category.currentText() == "Mọi lĩnh vực"
    text = category.fontMetrics().horizontalAdvance("Mọi lĩnh vực")
    assert category.width() > text + 20          # the words and the arrow
    assert len(page.filters.flow.rows()) >= 2      # on two rows at this width
    assert len(page.toolbar.rows()) >= 2


@pytest.mark.parametrize("key", ["meetings", "studies", "opinions", "propaganda", "online",
                                 "models"])
def test_the_content_column_stays_readable_on_a_narrow_screen(small_window, key):
    page = small_window.show_page(key)
    QApplication.processEvents()
    (column,) = [i for i, c in enumerate(page.model.columns) if c.stretch]
    assert page.view.columnWidth(column) >= 240          # the table scrolls sideways instead
    small_window.resize(1600, 900)                       # room again: it takes the spare width
    QApplication.processEvents()
    others = sum(page.view.columnWidth(i) for i in range(len(page.model.columns)) if i != column)
    assert page.view.columnWidth(column) >= page.view.viewport().width() - others - 2


def _online_found(ctx) -> OnlineDialog:
    """The online entry's dialog on its kind with the most fields: wrong content found."""
    dialog = OnlineDialog(ctx)
    dialog.entry_kind.setCurrentIndex(dialog.entry_kind.findData("phat_hien"))
    return dialog


def _model_recognised(ctx) -> ModelDialog:
    dialog = ModelDialog(ctx)
    dialog.recognition.setCurrentIndex(dialog.recognition.findData("khen_thuong"))
    return dialog


def _dialogs(ctx):
    opinion = lists.record_ids(ctx, "opinions")[0]
    return {
        "meeting": lambda: MeetingDialog(ctx),
        "study": lambda: StudyDialog(ctx),
        "opinion": lambda: OpinionDialog(ctx),
        "propaganda": lambda: PropagandaDialog(ctx),
        "online": lambda: _online_found(ctx),
        "model": lambda: _model_recognised(ctx),
        "catalogue": lambda: CatalogueDialog(ctx, CATALOGUES[0]),
        "unit": lambda: UnitDialog(ctx),
        "format": lambda: FormatDialog(ctx),
        "deadlines": lambda: DeadlineDialog(ctx),
        "follow-up": lambda: FollowUpDialog(ctx, opinion),
    }


@pytest.mark.parametrize("room", SCREENS, ids=lambda s: f"{s.width()}x{s.height()}")
@pytest.mark.parametrize("name", ["meeting", "study", "opinion", "propaganda", "online", "model",
                                  "catalogue", "unit", "format", "deadlines", "follow-up"])
def test_a_dialogs_buttons_stay_on_a_small_screen(qtbot, demo, screen, room, name):
    screen(room)
    dialog: QDialog = _dialogs(demo)[name]()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    assert dialog.width() + FRAME.width() <= room.width()
    assert dialog.height() + FRAME.height() <= room.height(), dialog.size()
    buttons = [b for b in dialog.findChildren(QAbstractButton)
               if b.isVisible() and b.text() in ("Lưu", "Hủy", "Để sau")]
    assert buttons
    for button in buttons:
        box = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
        assert dialog.rect().contains(box), (button.text(), box, dialog.size())


def test_screenshots_at_a_screen_size(demo, tmp_path, capsys):
    assert launch.take_screenshots(demo, tmp_path, screen=(1024, 768)) == 0
    printed = [Path(p) for p in capsys.readouterr().out.split()]
    for row, (key, _text) in enumerate(PAGES):
        image = QImage(str(tmp_path / f"{row + 1:02d}-{key}.png"))
        assert (image.width(), image.height()) == (1024, 700)
    dialogs = {p.name for p in printed if p.name.startswith("dialog-")}
    assert {"dialog-studies.png", "dialog-propaganda.png", "dialog-online.png",
            "dialog-models.png", "dialog-follow-up.png", "dialog-report-format.png",
            "dialog-excel-import.png", "dialog-deadlines.png", "dialog-merge.png",
            "dialog-unit.png"} <= dialogs
    for name in dialogs:
        image = QImage(str(tmp_path / name))
        assert image.width() <= 1024 - FRAME.width() and image.height() <= 728 - FRAME.height()


def test_the_screenshots_command_takes_a_screen_size(capsys):
    parser = build_parser()
    assert parser.parse_args(["screenshots", "d", "--size", "1024x768"]).size == (1024, 768)
    assert parser.parse_args(["screenshots", "d"]).size is None
    with pytest.raises(SystemExit) as stop:
        parser.parse_args(["screenshots", "d", "--size", "to"])
    assert stop.value.code == 2
    assert "kích thước màn hình" in capsys.readouterr().err
