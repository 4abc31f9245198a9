"""The unit's settings carry the upper level's guidance the reports cite, filled once."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.period import Period
from tgdesk.domain.records import UnitSettings
from tgdesk.services import issuing
from tgdesk.services.unit import Guidance, get_guidance, get_unit, save_unit
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.settings.unit_page import UnitPage

pytestmark = pytest.mark.gui

UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                    place_name="Bình Tiên", signer_name="Nguyễn Văn An")


def page_on(qtbot, ctx) -> UnitPage:
    page = UnitPage(ctx, DataBus())
    qtbot.addWidget(page)
    page.show()
    return page


def test_the_guidance_is_filled_once_and_every_report_cites_it(qtbot, ctx):
    save_unit(ctx, UNIT)
    page = page_on(qtbot, ctx)
    form = page.form
    assert form.guidance_number.text() == "" and form.guidance_date.value() is None
    form.guidance_number.setText("Hướng dẫn số 12-HD/BTGDVTU")
    form.guidance_date.set_value(date(2026, 1, 5))
    assert page.save()
    assert get_guidance(ctx) == Guidance("12-HD/BTGDVTU", date(2026, 1, 5))
    opening = issuing.draft(ctx, "work", Period.month(2026, 10), texts={}).body[0].text
    assert opening.startswith("Thực hiện Hướng dẫn số 12-HD/BTGDVTU ngày 05/01/2026 của")
    page.refresh()                                           # shown again as saved
    assert form.guidance_number.text() == "12-HD/BTGDVTU"
    assert form.guidance_date.text() == "05/01/2026"


def test_a_number_without_its_date_is_refused_under_the_date(qtbot, ctx):
    save_unit(ctx, UNIT)
    page = page_on(qtbot, ctx)
    page.form.inputs["signer_name"].setText("Trần Thị Bình")
    page.form.guidance_number.setText("12-HD/BTGDVTU")
    assert not page.save()
    assert page.form.message("guidance_date") == "Ngày hướng dẫn: chưa nhập."
    assert page.form.message("guidance_number") == ""
    assert get_unit(ctx).signer_name == "Nguyễn Văn An"        # nothing saved
    assert get_guidance(ctx) == Guidance()
