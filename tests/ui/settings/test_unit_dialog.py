from datetime import date

import pytest
from PySide6.QtCore import Qt

from tgdesk.domain.records import UnitSettings
from tgdesk.services.unit import get_unit, save_unit
from tgdesk.ui import launch
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.settings.unit_dialog import UnitDialog
from tgdesk.ui.settings.unit_page import UnitPage

pytestmark = pytest.mark.gui

VALUES = {"name": "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "parent_name": "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
          "place_name": "Bình Tiên", "signer_name": "Nguyễn Văn An"}


def test_first_run_dialog_saves_settings(qtbot, ctx):
    assert get_unit(ctx) is None
    dlg = UnitDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    form = dlg.form
    assert form.inputs["doc_abbrev"].text() == "ĐU"               # defaults filled in
    assert form.inputs["signer_authority"].text() == "T/M ĐẢNG ỦY"
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert "Tên đơn vị: chưa nhập" in form.message("name")
    assert get_unit(ctx) is None
    for field, value in VALUES.items():
        form.inputs[field].setText(value)
    form.profile.setCurrentIndex(form.profile.findData("state"))
    assert form.profile.currentText() == "Văn bản hành chính (NĐ 30)"
    form.term_start.set_value(date(2025, 10, 15))
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    unit = get_unit(ctx)
    assert unit.name == VALUES["name"] and unit.signer_name == "Nguyễn Văn An"
    assert unit.profile == "state" and unit.term_start == date(2025, 10, 15)


def test_abbreviation_error_under_its_field(qtbot, ctx):
    dlg = UnitDialog(ctx)
    qtbot.addWidget(dlg)
    for field, value in VALUES.items():
        dlg.form.inputs[field].setText(value)
    dlg.form.inputs["doc_abbrev"].setText("BC-ĐU")
    assert not dlg.try_save()
    assert "chỉ ghi phần sau dấu" in dlg.form.message("doc_abbrev")
    assert get_unit(ctx) is None


def test_first_run_skipped_when_unit_exists(ctx):
    save_unit(ctx, UnitSettings(**VALUES))
    assert launch.first_run(ctx) is True


def test_settings_page_asks_when_missing_and_saves(qtbot, ctx):
    bus = DataBus()
    page = UnitPage(ctx, bus)
    qtbot.addWidget(page)
    page.show()
    assert page.missing.isVisible()
    for field, value in VALUES.items():
        page.form.inputs[field].setText(value)
    with qtbot.waitSignal(bus.data_changed) as blocker:
        qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["unit"]
    assert not page.missing.isVisible()
    assert get_unit(ctx).place_name == "Bình Tiên"
    assert page.form.term_start.text() == "" and page.form.term_start.value() is None
    assert page.form.term_start.edit.placeholderText() == "Chưa ghi"
