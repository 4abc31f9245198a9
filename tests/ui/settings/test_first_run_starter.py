"""The first-run dialog offers the standard catalogues, ticked, and its messages go
as the fields are filled in."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QApplication

from tgdesk.domain import starter as data
from tgdesk.domain.records import OpinionCategory
from tgdesk.services import lists
from tgdesk.services.kinds import CATEGORIES
from tgdesk.services.unit import get_unit
from tgdesk.ui.common.screen_fit import FRAME, set_screen_room
from tgdesk.ui.settings.unit_dialog import UnitDialog

pytestmark = pytest.mark.gui

VALUES = {"name": "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "parent_name": "ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
          "place_name": "Bình Tiên", "signer_name": "Nguyễn Văn An"}


def open_dialog(qtbot, ctx) -> UnitDialog:
    dlg = UnitDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def fill(dlg) -> None:
    for field, value in VALUES.items():
        dlg.form.inputs[field].setText(value)


def test_the_unticked_rows_are_left_out(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx)
    assert dlg.starter is not None and dlg.starter.isVisible()
    assert len(dlg.starter.picked()) == (len(data.CATEGORIES) + len(data.DOCUMENTS)
                                         + len(data.CAMPAIGNS))                # all ticked
    dlg.starter.set_ticked("categories", "Tôn giáo, dân tộc", False)
    tree = dlg.starter.tree
    documents = tree.topLevelItem(1)
    item = dlg.starter.items[("documents", "44-NQ/TW")]
    tree.setFocus()
    tree.setCurrentItem(item)
    qtbot.keyClick(tree, Qt.Key.Key_Space)               # the keyboard unticks too
    assert item.checkState(0) == Qt.CheckState.Unchecked
    assert documents.checkState(0) == Qt.CheckState.PartiallyChecked
    fill(dlg)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible() and get_unit(ctx).name == VALUES["name"]
    categories = [r["name"] for r in lists.catalogue(ctx, "categories")]
    documents = [r["number_symbol"] for r in lists.catalogue(ctx, "documents")]
    assert len(categories) == len(data.CATEGORIES) - 1 and "Tôn giáo, dân tộc" not in categories
    assert len(documents) == len(data.DOCUMENTS) - 1 and "44-NQ/TW" not in documents
    assert "35-NQ/TW" in documents


def test_unticking_a_group_unticks_all_of_it(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx)
    dlg.starter.tree.topLevelItem(0).setCheckState(0, Qt.CheckState.Unchecked)
    fill(dlg)
    assert dlg.try_save()
    assert lists.catalogue(ctx, "categories") == []
    assert len(lists.catalogue(ctx, "documents")) == len(data.DOCUMENTS)


def test_the_campaigns_group_ticks_and_adds_once(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx)
    group = dlg.starter.tree.topLevelItem(2)
    assert group.text(0) == f"Đợt, chủ đề tuyên truyền ({len(data.CAMPAIGNS)})"
    congress = "Chào mừng Đại hội đại biểu toàn quốc lần thứ XIV của Đảng"
    item = dlg.starter.items[("campaigns", congress)]
    assert "từ 19/01/2026 đến 23/01/2026" in item.toolTip(0)
    dlg.starter.set_ticked("campaigns", "An toàn giao thông", False)
    assert group.checkState(0) == Qt.CheckState.PartiallyChecked
    fill(dlg)
    assert dlg.try_save()
    names = [r["name"] for r in lists.catalogue(ctx, "campaigns")]
    assert len(names) == len(data.CAMPAIGNS) - 1 and congress in names
    assert "An toàn giao thông" not in names
    again = UnitDialog(ctx)                  # the catalogue is in use now: not offered
    qtbot.addWidget(again)
    assert again.starter is None or not any(r.kind == "campaigns"
                                            for r in again.starter.picked())


def test_a_catalogue_in_use_is_not_offered(qtbot, ctx):
    CATEGORIES.create(ctx, OpinionCategory(name="Đất đai"))
    dlg = open_dialog(qtbot, ctx)
    assert {row.kind for row in dlg.starter.picked()} == {"documents", "campaigns"}
    fill(dlg)
    assert dlg.try_save()
    assert [r["name"] for r in lists.catalogue(ctx, "categories")] == ["Đất đai"]


def test_messages_go_as_the_fields_are_filled(qtbot, ctx):
    dlg = open_dialog(qtbot, ctx)
    form = dlg.form
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    for field in VALUES:
        assert "chưa nhập" in form.message(field), field
    qtbot.keyClicks(form.inputs["name"], "D")            # the first letter typed
    assert form.message("name") == ""
    form.inputs["name"].setText(VALUES["name"])
    assert "chưa nhập" in form.message("parent_name")      # the others stay until filled
    for field in ("parent_name", "place_name", "signer_name"):
        form.inputs[field].setText(VALUES[field])
        assert form.message(field) == "", field
    # a guidance number without its date: the message under the date goes with a date
    form.guidance_number.setText("12-HD/BTGDVTU")
    assert not dlg.try_save()
    assert "Ngày hướng dẫn: chưa nhập" in form.message("guidance_date")
    form.guidance_date.set_value(ctx.today())
    assert form.message("guidance_date") == ""
    assert dlg.try_save()


@pytest.mark.parametrize("room", [QSize(1366, 700), QSize(1024, 700)],
                         ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_dialog_with_its_list_fits_a_small_screen(qtbot, ctx, room):
    set_screen_room(room)
    try:
        dlg = open_dialog(qtbot, ctx)
        QApplication.processEvents()
        assert dlg.width() + FRAME.width() <= room.width()
        assert dlg.height() + FRAME.height() <= room.height()
        for widget in (dlg.ok_button, dlg.starter.tree, dlg.form.inputs["signer_name"]):
            box = QRect(widget.mapTo(dlg, widget.rect().topLeft()), widget.size())
            assert dlg.rect().contains(box), widget
        assert dlg.starter.tree.height() > 200
    finally:
        set_screen_room(None)
