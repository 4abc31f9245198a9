"""Closing a changed record form asks "Bỏ các thay đổi?" (issue 14, item 3):
Hủy, Esc and the window's × all ask; an unchanged form closes at once; after
saving nothing is asked."""

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from tgdesk.services import lists
from tgdesk.ui.common import record_dialog
from tgdesk.ui.records.meeting_dialog import MeetingDialog

pytestmark = pytest.mark.gui

REAL_ASK = record_dialog.ask_discard      # before tests/ui/conftest.py stands in for it


@pytest.fixture
def asked(monkeypatch):
    """The questions asked; the answer is what the test puts in answers[0]."""
    calls, answers = [], [False]

    def ask(parent):
        calls.append(parent)
        return answers[0]
    monkeypatch.setattr(record_dialog, "ask_discard", ask)
    return calls, answers


@pytest.fixture
def dialog(qtbot, ctx):
    dlg = MeetingDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_unchanged_form_closes_without_a_question(dialog, asked):
    dialog.reject()
    assert asked[0] == [] and dialog.result() == QDialog.DialogCode.Rejected
    assert not dialog.isVisible()


def test_changed_form_asks_and_keep_editing_keeps_it_open(qtbot, dialog, asked):
    calls, answers = asked
    dialog.title.setText("Hội nghị học tập chuyên đề")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert calls == [dialog] and dialog.isVisible()
    assert dialog.title.text() == "Hội nghị học tập chuyên đề"
    dialog.close()                                   # the window's ×
    assert len(calls) == 2 and dialog.isVisible()
    answers[0] = True
    dialog.reject()                                  # Hủy
    assert len(calls) == 3 and not dialog.isVisible()


def test_changing_back_counts_as_unchanged(dialog, asked):
    before = dialog.contents.toPlainText()
    dialog.contents.setPlainText("Nội dung tạm")
    dialog.contents.setPlainText(before)
    dialog.reject()
    assert asked[0] == []


def test_nothing_asked_after_saving(qtbot, dialog, ctx, asked):
    dialog.title.setText("Giao ban tháng 11")
    dialog.contents.setPlainText("Triển khai nhiệm vụ tháng 12.")
    assert dialog.try_save()
    dialog.reject()
    assert asked[0] == [] and lists.count(ctx, "meetings") == 1


def test_the_question_speaks_vietnamese_and_defaults_to_keep_editing(qtbot, dialog):
    seen = {}

    def answer():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["title"] = box.windowTitle()
        assert box.text() == "Bỏ các thay đổi?" and "chưa được lưu" in box.informativeText()
        seen["buttons"] = sorted(b.text() for b in box.buttons())
        seen["default"] = box.defaultButton().text()
        qtbot.keyClick(box, Qt.Key.Key_Escape)       # Esc keeps the form

    QTimer.singleShot(0, answer)
    dialog.title.setText("Hội nghị")
    assert REAL_ASK(dialog) is False
    assert seen == {"title": "Bỏ các thay đổi?",
                    "buttons": ["&Bỏ thay đổi", "&Tiếp tục sửa"],
                    "default": "&Tiếp tục sửa"}
