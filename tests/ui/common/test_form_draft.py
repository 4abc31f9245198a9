"""A record form autosaves what it holds (issue 14, item 3): after a crash the
next form of the same record offers the draft; saving or discarding removes it."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from tgdesk.services import form_drafts, lists
from tgdesk.ui.common import form_draft
from tgdesk.ui.records.meeting_dialog import MeetingDialog

pytestmark = pytest.mark.gui


def open_dialog(qtbot, ctx, record_id=None) -> MeetingDialog:
    dlg = MeetingDialog(ctx, record_id)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def crash(dialog) -> None:
    """The program dies with the form open: nothing closes it."""
    dialog.draft.stop()
    dialog.hide()


def test_autosave_runs_on_a_timer_and_only_for_a_changed_form(qtbot, ctx, monkeypatch):
    monkeypatch.setattr(form_draft, "AUTOSAVE_MS", 50)
    dialog = open_dialog(qtbot, ctx)
    path = form_drafts.draft_path(ctx, "meeting", None)
    qtbot.wait(200)
    assert not path.exists()                         # nothing typed: nothing written
    dialog.title.setText("Giao ban tháng 11")
    qtbot.waitUntil(path.exists, timeout=2000)
    dialog.title.setText("")                         # back as opened: the draft goes
    qtbot.waitUntil(lambda: not path.exists(), timeout=2000)
    crash(dialog)


def test_a_crash_loses_nothing_typed_and_saving_removes_the_draft(qtbot, ctx):
    first = open_dialog(qtbot, ctx)
    first.title.setText("Hội nghị triển khai Nghị quyết")
    first.contents.setPlainText("Quán triệt nội dung cơ bản của Nghị quyết số 57-NQ/TW.")
    first.draft.save()
    crash(first)

    second = open_dialog(qtbot, ctx)
    assert second.draft.isVisible() and "đang nhập dở" in second.draft.text.text()
    assert second.title.text() == ""                 # offered, not forced
    qtbot.mouseClick(second.draft.restore_button, Qt.MouseButton.LeftButton)
    assert not second.draft.isVisible()
    assert second.title.text() == "Hội nghị triển khai Nghị quyết"
    assert second.contents.toPlainText().startswith("Quán triệt nội dung")
    assert second.try_save()
    assert not form_drafts.draft_path(ctx, "meeting", None).exists()
    assert lists.count(ctx, "meetings") == 1


def test_discarding_removes_the_draft_and_dropping_it_too(qtbot, ctx):
    first = open_dialog(qtbot, ctx)
    first.title.setText("Tọa đàm")
    first.draft.save()
    first.reject()                                   # "Bỏ thay đổi" (tests/ui/conftest.py)
    assert first.result() == QDialog.DialogCode.Rejected
    assert not form_drafts.draft_path(ctx, "meeting", None).exists()

    second = open_dialog(qtbot, ctx)
    second.title.setText("Đối thoại")
    second.draft.save()
    crash(second)
    third = open_dialog(qtbot, ctx)
    qtbot.mouseClick(third.draft.drop_button, Qt.MouseButton.LeftButton)
    assert not third.draft.isVisible()
    assert not form_drafts.draft_path(ctx, "meeting", None).exists()
    third.reject()
