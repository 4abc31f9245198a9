"""Screen readers read an input's label: every input of the window and of its
dialogs is the buddy of a QLabel, or - where no label is shown (a search box
with a placeholder, a part of a compound chooser) - has a Vietnamese
accessible name.

The inputs are discovered generically (line edits, combos, spin and date
boxes, editable text boxes), so an input added later is checked too. Check
boxes and radio buttons carry their own text and are left out; so are the
parts Qt builds inside its own widgets (a spin box's line edit, a calendar's
year box)."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from PySide6.QtWidgets import (QAbstractItemView, QAbstractSpinBox, QCalendarWidget, QComboBox,
                               QLabel, QLineEdit, QPlainTextEdit, QStackedWidget, QTextEdit,
                               QWidget)

from tgdesk.domain.enums import OnlineEntryKind, PropagandaForm
from tgdesk.domain.period import PeriodKind
from tgdesk.domain.records import UnitSettings
from tgdesk.services import excel, lists
from tgdesk.services.unit import save_unit
from tgdesk.ui.catalogues.catalogue_forms import CATALOGUES, CatalogueDialog
from tgdesk.ui.catalogues.excel_import_dialog import ImportPreviewDialog, build_preview_data
from tgdesk.ui.catalogues.merge_dialog import MergeDialog
from tgdesk.ui.common.about_dialog import AboutDialog
from tgdesk.ui.common.events import DataBus
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

from dialog_makers import noise_note, register_dialog, report_editor

pytestmark = pytest.mark.gui

INPUTS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit)
# Qt's own widgets whose inner inputs are Qt's business (and labelled through them).
COMPOUND = (QAbstractSpinBox, QComboBox, QCalendarWidget, QAbstractItemView)


def describe(w: QWidget) -> str:
    parents, p = [], w.parentWidget()
    while p is not None and len(parents) < 4:
        parents.append(type(p).__name__ + (f"#{p.objectName()}" if p.objectName() else ""))
        p = p.parentWidget()
    hint = ""
    if isinstance(w, QLineEdit):
        hint = w.placeholderText() or w.text()
    elif isinstance(w, QComboBox):
        hint = w.currentText()
    elif isinstance(w, QPlainTextEdit):
        hint = w.placeholderText()
    return f"{type(w).__name__} {hint!r} in {' < '.join(parents)}"


def shown(w: QWidget, root: QWidget) -> bool:
    """Not hidden by tgdesk: the pages of a stack (tabs, the window's pages) count as
    shown, since the officer reaches each of them."""
    while w is not None and w is not root:
        parent = w.parentWidget()
        if w.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        w = parent
    return True


def inputs(root: QWidget) -> list[QWidget]:
    out = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, INPUTS) or not shown(w, root):
            continue
        if isinstance(w, (QPlainTextEdit, QTextEdit)) and w.isReadOnly():
            continue
        p, inner = w.parentWidget(), False
        while p is not None and p is not root.parentWidget():
            if isinstance(p, COMPOUND):
                inner = True
                break
            p = p.parentWidget()
        if not inner:
            out.append(w)
    return out


def unlabelled(root: QWidget) -> list[str]:
    buddies = {id(label.buddy()) for label in root.findChildren(QLabel)
               if label.buddy() is not None}
    return [describe(w) for w in inputs(root)
            if id(w) not in buddies and not w.accessibleName().strip()]


# --- the screens ---------------------------------------------------------------------------
@pytest.fixture(autouse=True)
def private_folders(monkeypatch, tmp_path):
    """The about dialog shows (and so creates) the data and log folders: here, not the user's."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))


@pytest.fixture
def unit(ctx):
    save_unit(ctx, UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ TP",
                                place_name="Bình Tiên", signer_name="Nguyễn Văn An"))
    return ctx


def _import_preview(ctx, tmp_path) -> ImportPreviewDialog:
    path = tmp_path / "chi_bo.xlsx"
    excel.write_template("cells", path)
    book = load_workbook(path)
    book.worksheets[0].append(["Chi bộ Khu phố 2", "Lê Văn Đức", 35, None])
    book.save(path)
    spec = next(s for s in CATALOGUES if s.kind == "cells")
    preview = excel.preview_import(ctx, "cells", str(path))
    return ImportPreviewDialog(build_preview_data(ctx, "cells", preview, spec.describe),
                               spec.noun)


def _merge(ctx) -> MergeDialog:
    spec = next(s for s in CATALOGUES if s.kind == "documents")
    return MergeDialog(ctx, spec, lists.catalogue(ctx, "documents"))


def with_choice(dialog, combo: str, value: str):
    """``dialog`` with ``value`` chosen in its combo ``combo`` (the fields it shows)."""
    box = getattr(dialog, combo)
    box.setCurrentIndex(box.findData(value))
    return dialog


DIALOGS = [
    ("meeting", lambda ctx, cat, tmp: MeetingDialog(ctx)),
    ("study", lambda ctx, cat, tmp: StudyDialog(ctx)),
    ("opinion", lambda ctx, cat, tmp: OpinionDialog(ctx)),
    ("opinion-edit", lambda ctx, cat, tmp: OpinionDialog(ctx, noise_note(ctx, cat))),
    *[(f"propaganda-{form.value}", (lambda f: lambda ctx, cat, tmp: with_choice(
        PropagandaDialog(ctx), "form_combo", f))(form.value)) for form in PropagandaForm],
    *[(f"online-{kind.value}", (lambda k: lambda ctx, cat, tmp: with_choice(
        OnlineDialog(ctx), "entry_kind", k))(kind.value)) for kind in OnlineEntryKind],
    ("model", lambda ctx, cat, tmp: with_choice(ModelDialog(ctx), "recognition", "khen_thuong")),
    ("follow_up", lambda ctx, cat, tmp: FollowUpDialog(ctx, noise_note(ctx, cat))),
    *[(f"catalogue-{spec.kind}", (lambda s: lambda ctx, cat, tmp: CatalogueDialog(ctx, s))(spec))
      for spec in CATALOGUES],
    ("catalogue-merge", lambda ctx, cat, tmp: _merge(ctx)),
    ("catalogue-excel", lambda ctx, cat, tmp: _import_preview(ctx, tmp)),
    ("unit", lambda ctx, cat, tmp: UnitDialog(ctx)),
    ("deadlines", lambda ctx, cat, tmp: DeadlineDialog(ctx)),
    ("report_format", lambda ctx, cat, tmp: FormatDialog(ctx)),
    ("report_editor-work", lambda ctx, cat, tmp: report_editor("work", PeriodKind.YEAR)),
    ("report_editor-opinion", lambda ctx, cat, tmp: report_editor("opinion", PeriodKind.MONTH)),
    ("exchange-register", lambda ctx, cat, tmp: register_dialog(tmp)),
    ("about", lambda ctx, cat, tmp: AboutDialog(ctx)),
]


@pytest.mark.parametrize("make", [d[1] for d in DIALOGS], ids=[d[0] for d in DIALOGS])
def test_every_input_of_a_dialog_has_a_label(qtbot, unit, catalogue, tmp_path, make):
    dialog = make(unit, catalogue, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    bad = unlabelled(dialog)
    assert not bad, "inputs without a label:\n" + "\n".join(bad)


def test_every_input_of_the_window_has_a_label(qtbot, unit, catalogue):
    window = MainWindow(unit, DataBus())
    qtbot.addWidget(window)
    window.show()
    for key, _text in PAGES:            # every page built (when first shown) and refreshed
        window.show_page(key)
    found = inputs(window)
    assert len(found) > 30              # the pages' filters, forms and choosers
    bad = unlabelled(window)
    assert not bad, "inputs without a label:\n" + "\n".join(bad)


def test_the_check_finds_an_unlabelled_input(qtbot):
    """The check itself: a bare line edit fails, a buddy or an accessible name passes."""
    root = QWidget()
    qtbot.addWidget(root)
    edit, named, labelled = QLineEdit(root), QLineEdit(root), QLineEdit(root)
    named.setAccessibleName("Tìm kiếm")
    QLabel("&Tên:", root).setBuddy(labelled)
    root.show()
    assert unlabelled(root) == [describe(edit)]
