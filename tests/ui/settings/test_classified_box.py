"""Cài đặt đơn vị › Bảo mật: the default classification of a new opinion note is
chosen there and used by the opinion dialog; the overview says how many Mật
records this PC holds (issue 12, item 5)."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.records import OpinionNote
from tgdesk.services import classified
from tgdesk.services.kinds import OPINIONS
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.records.opinion_dialog import OpinionDialog
from tgdesk.ui.settings.unit_page import UnitPage

pytestmark = pytest.mark.gui


def test_choosing_thuong_makes_new_notes_thuong(qtbot, ctx):
    page = UnitPage(ctx, DataBus())
    qtbot.addWidget(page)
    box = page.classified
    assert box.default.currentData() == "mat"
    assert OpinionDialog(ctx).classification.currentData() == "mat"
    with qtbot.waitSignal(page.status) as said:
        box.default.setCurrentIndex(box.default.findData("thuong"))
    assert "“Thường”" in said.args[0]
    assert classified.opinion_default(ctx) == "thuong"
    dialog = OpinionDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.classification.currentData() == "thuong"


def test_an_existing_note_keeps_its_own_classification(qtbot, ctx, catalogue):
    note = OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 2),
                                            category_id=catalogue["category"],
                                            summary="Ý kiến", attitude="ban_khoan")).id
    classified.set_opinion_default(ctx, "thuong")
    dialog = OpinionDialog(ctx, note)
    qtbot.addWidget(dialog)
    assert dialog.classification.currentData() == "mat"


def test_the_count_is_shown_on_the_unit_page_and_the_overview(qtbot, ctx, catalogue):
    from tgdesk.ui.overview.overview_page import OverviewPage

    for _ in range(2):
        OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 2),
                                         category_id=catalogue["category"], summary="Ý kiến",
                                         attitude="ban_khoan"))
    page = UnitPage(ctx, DataBus())
    qtbot.addWidget(page)
    assert page.classified.count.text() == "Máy này đang giữ 2 hồ sơ Mật."
    overview = OverviewPage(ctx, DataBus())
    qtbot.addWidget(overview)
    overview.resize(1060, 740)
    overview.show()
    qtbot.waitExposed(overview)
    assert overview.classified.isVisible()
    assert overview.classified.text() == "Máy này đang giữ 2 hồ sơ Mật."
