"""The overview's report deadlines: a row opens its report; the due-rule dialog
checks the day and a save refreshes the rows."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from tgdesk.domain.deadlines import DueRule
from tgdesk.domain.period import Period
from tgdesk.services.settings_store import deadline_rules
from tgdesk.ui.overview.deadline_dialog import DeadlineDialog

pytestmark = pytest.mark.gui


def test_deadline_rows_open_the_report(make_page, calls, data, qtbot, qtmodeltester):
    page = make_page()
    table = page.deadline_table
    qtmodeltester.check(table.model())
    assert table.item(0, 0).text() == "Tháng 11 năm 2026"
    assert table.item(0, 2).text() == "Quá 4 ngày"
    assert table.item(0, 3).text() == "Chưa lập"
    assert table.item(0, 2).foreground().color().name() == "#b3261e"
    assert table.item(1, 2).text() == "Còn 21 ngày"
    assert "quá hạn" in page.deadline_note.text()
    rect = table.visualItemRect(table.item(0, 4))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert calls == [("report", "opinion", Period.month(2026, 11))]


def test_deadline_dialog_rejects_day_0_and_saves_day_25(qtbot, ctx):
    dialog = DeadlineDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.days["month"].value() == 20
    dialog.days["month"].setValue(0)
    assert dialog.try_save() is False
    assert "từ 1 đến 31" in dialog.form.message("month")
    assert dialog.result() != dialog.DialogCode.Accepted
    assert deadline_rules(ctx)["month"] == DueRule(20)
    dialog.days["month"].setValue(25)
    dialog.when["month"].setCurrentIndex(1)
    assert dialog.try_save() is True
    assert deadline_rules(ctx)["month"] == DueRule(25, after_end=True)
    assert deadline_rules(ctx)["quarter"] == DueRule(20)


def test_saving_rules_from_the_page_refreshes_deadlines(make_page, data, qtbot):
    page = make_page()
    dialog = page.edit_rules()
    dialog.days["month"].setValue(25)
    with qtbot.waitSignal(dialog.accepted):
        dialog.try_save()
    # November is now due 25/11 (tomorrow); October (due 25/10) is the overdue one
    assert [(r.period.code(), r.due, r.overdue) for r in page.deadline_rows[:2]] == [
        ("2026-10", date(2026, 10, 25), True), ("2026-11", date(2026, 11, 25), False)]
    assert page.deadline_table.item(0, 2).text() == "Quá 30 ngày"
    assert page.deadline_table.item(1, 2).text() == "Còn 1 ngày"

