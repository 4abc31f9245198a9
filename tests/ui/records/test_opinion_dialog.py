import pytest
from PySide6.QtCore import Qt

from tgdesk.services import lists
from tgdesk.services.kinds import OPINIONS
from tgdesk.ui.records.opinion_dialog import OpinionDialog

pytestmark = pytest.mark.gui


def test_category_is_required(qtbot, ctx, catalogue):
    dlg = OpinionDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.summary.setPlainText("Người dân băn khoăn về bồi thường giải phóng mặt bằng")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "Lĩnh vực: chưa chọn" in dlg.form.message("category_id")
    assert lists.count(ctx, "opinions") == 0


def test_attitude_starts_unselected_and_must_be_chosen(qtbot, ctx, catalogue):
    dlg = OpinionDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    # no attitude is assumed: the combo offers "— Chọn thái độ —" and the four values
    assert dlg.attitude.currentText() == "— Chọn thái độ —"
    assert dlg.attitude.currentData() is None
    assert [dlg.attitude.itemText(i) for i in range(1, dlg.attitude.count())] == [
        "Đồng tình", "Băn khoăn", "Bức xúc", "Trái chiều"]
    dlg.category.setCurrentIndex(dlg.category.findData(catalogue["category"]))
    dlg.summary.setPlainText("Người dân hỏi về lịch cắt điện")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.form.message("attitude") == "Thái độ: chưa chọn."
    assert lists.count(ctx, "opinions") == 0
    dlg.attitude.setCurrentIndex(dlg.attitude.findData("ban_khoan"))
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert OPINIONS.get(ctx, dlg.saved.id).attitude == "ban_khoan"
    # an existing note opens on its own attitude
    again = OpinionDialog(ctx, dlg.saved.id)
    qtbot.addWidget(again)
    assert again.attitude.currentData() == "ban_khoan"


def test_saves_opinion_with_reporter(qtbot, ctx, catalogue):
    dlg = OpinionDialog(ctx)
    qtbot.addWidget(dlg)
    assert dlg.reporter.findData(catalogue["ctv"]) > 0
    assert dlg.reporter.findData(catalogue["speaker"]) < 0   # not a CTV
    dlg.category.setCurrentIndex(dlg.category.findData(catalogue["category"]))
    dlg.area.setCurrentIndex(dlg.area.findData(catalogue["area"]))
    dlg.reporter.setCurrentIndex(dlg.reporter.findData(catalogue["ctv"]))
    dlg.summary.setPlainText("Băn khoăn về giá đất")
    dlg.attitude.setCurrentIndex(dlg.attitude.findData("ban_khoan"))
    dlg.concern.setCurrentIndex(dlg.concern.findData("cao"))
    assert dlg.try_save()
    rec = OPINIONS.get(ctx, dlg.saved.id)
    assert (rec.category_id, rec.area_id, rec.reporter_id) == (
        catalogue["category"], catalogue["area"], catalogue["ctv"])
    assert rec.concern == "cao" and rec.summary == "Băn khoăn về giá đất"


def test_hot_spot_without_proposal_warns_then_saves(qtbot, ctx, catalogue):
    dlg = OpinionDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.category.setCurrentIndex(dlg.category.findData(catalogue["category"]))
    dlg.summary.setPlainText("Tụ tập đông người")
    dlg.attitude.setCurrentIndex(dlg.attitude.findData("buc_xuc"))
    dlg.concern.setCurrentIndex(dlg.concern.findData("diem_nong"))
    assert not dlg.try_save()
    assert "chưa có đề xuất" in dlg.form.message("proposal")
    assert dlg.try_save()
    assert lists.count(ctx, "opinions") == 1
