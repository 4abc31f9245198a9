"""The Chỉ thị 05 model dialog (issue 15, item 3): the recognition's level,
decision and date only once there is a recognition, the progress boxes, and
messages beside the fields."""

from __future__ import annotations

from datetime import date

import pytest
from activity_records import choose, make_refs, save

from tgdesk.domain.records import ExemplaryModel
from tgdesk.services import lists
from tgdesk.services.kinds import MODELS
from tgdesk.ui.records.model_dialog import ModelDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def refs(ctx):
    return make_refs(ctx)


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_decision_is_filled_only_with_a_recognition(qtbot, ctx, refs):
    dlg = shown(qtbot, ModelDialog(ctx))
    assert dlg.recognition.currentData() == "chua"
    boxes = (dlg.level, dlg.decision, dlg.recognized_on)
    assert not any(b.isEnabled() for b in boxes)
    choose(dlg.recognition, "khen_thuong")
    assert all(b.isEnabled() for b in boxes)
    dlg.level.setText("Đảng ủy phường")
    dlg.decision.setText("Quyết định số 125-QĐ/ĐU")
    dlg.recognized_on.set_value(date(2026, 5, 15))
    choose(dlg.recognition, "chua")                 # no recognition: no decision either
    assert not any(b.isEnabled() for b in boxes)
    assert (dlg.level.text(), dlg.decision.text(), dlg.recognized_on.value()) == ("", "", None)


def test_a_recognised_model_is_saved_with_its_cell_area_and_progress(qtbot, ctx, refs):
    dlg = shown(qtbot, ModelDialog(ctx))
    dlg.noted_on.set_value(date(2026, 3, 1))
    choose(dlg.subject, "tap_the")
    dlg.name.setText("Chi hội Phụ nữ khu phố 1")
    dlg.description.setPlainText("Duy trì tổ tự quản vệ sinh môi trường")
    dlg.theme.setText("Xây dựng văn hóa, con người Việt Nam")
    choose(dlg.cell, refs.cell1)
    choose(dlg.area, refs.kp1)
    dlg.assessed.setChecked(True)
    dlg.replicated.setChecked(True)
    choose(dlg.recognition, "bieu_duong")
    save(qtbot, dlg)                                         # which level? a warning
    assert "chưa ghi cấp khen" in dlg.form.message("recognition_level")
    assert dlg.ok_button.text() == "Vẫn lưu" and lists.count(ctx, "models") == 0
    dlg.level.setText("Ủy ban nhân dân phường")
    dlg.recognized_on.set_value(date(2026, 11, 30))          # after today: refused
    save(qtbot, dlg)
    assert "còn ở tương lai" in dlg.form.message("recognized_on")
    dlg.recognized_on.set_value(date(2026, 5, 15))
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    rec = MODELS.get(ctx, dlg.saved.id)
    assert (rec.subject, rec.name, rec.cell_id, rec.area_id) == (
        "tap_the", "Chi hội Phụ nữ khu phố 1", refs.cell1, refs.kp1)
    assert (rec.registered, rec.assessed, rec.replicated) == (True, True, True)
    assert (rec.recognition, rec.recognition_level, rec.recognized_on) == (
        "bieu_duong", "Ủy ban nhân dân phường", date(2026, 5, 15))


def test_replicated_before_assessed_asks_first(qtbot, ctx, refs):
    dlg = shown(qtbot, ModelDialog(ctx))
    dlg.name.setText("Mô hình “Dân vận khéo”")
    dlg.replicated.setChecked(True)
    save(qtbot, dlg)
    assert "chưa đánh giá" in dlg.form.message("replicated")
    save(qtbot, dlg)
    assert not dlg.isVisible() and MODELS.get(ctx, dlg.saved.id).replicated


def test_editing_opens_on_the_records_recognition(qtbot, ctx, refs):
    rec_id = MODELS.create(ctx, ExemplaryModel(
        noted_on=date(2026, 4, 2), subject="ca_nhan", name="Bà Nguyễn Thị Mai",
        registered=True, assessed=True, recognition="khen_thuong",
        recognition_level="Đảng ủy phường", recognition_doc="Quyết định số 7-QĐ/ĐU",
        recognized_on=date(2026, 5, 1))).id
    dlg = shown(qtbot, ModelDialog(ctx, rec_id))
    assert dlg.windowTitle() == "Sửa mô hình, điển hình" and not dlg.changed()
    assert dlg.decision.isEnabled() and dlg.decision.text() == "Quyết định số 7-QĐ/ĐU"
    assert dlg.assessed.isChecked() and not dlg.replicated.isChecked()
    dlg.replicated.setChecked(True)
    save(qtbot, dlg)
    back = MODELS.get(ctx, rec_id)
    assert back.replicated and back.recognized_on == date(2026, 5, 1)


def test_the_years_theme_is_offered_and_starts_a_new_model(qtbot, ctx):
    from datetime import date

    from tgdesk.domain.records import ExemplaryModel
    from tgdesk.services.kinds import MODELS
    from tgdesk.ui.records.model_dialog import ModelDialog

    old, this = "Chuyên đề năm 2025 về nêu gương", "Chuyên đề năm 2026 về thực hành"
    MODELS.create(ctx, ExemplaryModel(noted_on=date(2025, 3, 1), name="Mô hình cũ", theme=old))
    dialog = ModelDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.theme.text() == ""             # last year's theme is not this year's
    MODELS.create(ctx, ExemplaryModel(noted_on=date(2026, 2, 1), name="Mô hình mới", theme=this))
    dialog = ModelDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.theme.text() == this
    offered = dialog.theme.completer().model()
    assert [offered.index(r, 0).data() for r in range(offered.rowCount())] == [this, old]
