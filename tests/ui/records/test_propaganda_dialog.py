"""The propaganda activity's dialog (issue 15, item 1): only the quantities of the
chosen form, switching the form hides and zeroes the others, the date range, the
campaign with its “Thêm…”, messages beside the fields, the draft."""

from __future__ import annotations

from datetime import date

import pytest
from activity_records import choose, make_refs, save
from PySide6.QtCore import Qt

from tgdesk.domain.enums import QUANTITIES_BY_FORM
from tgdesk.domain.records import PropagandaActivity
from tgdesk.services import form_drafts, lists
from tgdesk.services.kinds import PROPAGANDA
from tgdesk.ui.common import record_dialog
from tgdesk.ui.records.propaganda_dialog import PropagandaDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def refs(ctx):
    return make_refs(ctx)


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_each_form_shows_only_its_quantities(qtbot, ctx, refs):
    dlg = shown(qtbot, PropagandaDialog(ctx))
    assert dlg.windowTitle() == "Thêm hoạt động tuyên truyền"
    for form, fits in QUANTITIES_BY_FORM.items():
        choose(dlg.form_combo, form)
        assert dlg.shown_quantities() == list(fits), form
        for fld, spin in dlg.quantities.items():
            assert spin.isVisible() == (fld in fits), (form, fld)


def test_switching_the_form_zeroes_the_quantities_it_hides(qtbot, ctx, refs):
    dlg = shown(qtbot, PropagandaDialog(ctx))
    choose(dlg.form_combo, "truc_quan")
    dlg.quantities["banners"].setValue(12)
    dlg.quantities["flags"].setValue(300)
    choose(dlg.form_combo, "loa_dai")
    assert dlg.shown_quantities() == ["bulletins", "minutes_on_air"]
    assert dlg.quantities["banners"].value() == 0 and dlg.quantities["flags"].value() == 0
    dlg.quantities["bulletins"].setValue(6)
    choose(dlg.form_combo, "truc_quan")                 # back: the figures do not return
    assert dlg.quantities["banners"].value() == 0 and dlg.quantities["bulletins"].value() == 0
    dlg.quantities["slogans"].setValue(5)
    dlg.title.setText("Treo khẩu hiệu")
    save(qtbot, dlg)
    rec = PROPAGANDA.get(ctx, dlg.saved.id)
    assert (rec.form, rec.slogans, rec.banners, rec.bulletins) == ("truc_quan", 5, 0, 0)


def test_a_new_activity_is_saved_with_its_range_campaign_area_and_cell(qtbot, ctx, refs):
    dlg = shown(qtbot, PropagandaDialog(ctx))
    dlg.held_on.set_value(date(2026, 11, 2))
    dlg.ends_on.set_value(date(2026, 10, 30))             # before the first day: refused
    choose(dlg.form_combo, "truc_tuyen")
    dlg.title.setText("Đăng tin chào mừng Đại hội trên trang Zalo phường")
    choose(dlg.campaign, refs.dai_hoi)
    dlg.place.setText("Trang Zalo phường")
    choose(dlg.area, refs.kp1)
    choose(dlg.cell, refs.cell1)
    dlg.quantities["posts"].setValue(4)
    dlg.quantities["reach"].setValue(2_500_000)            # beyond a count box's usual limit
    save(qtbot, dlg)
    assert "không được trước ngày bắt đầu" in dlg.form.message("ends_on")
    assert dlg.isVisible() and lists.count(ctx, "propaganda") == 0
    dlg.ends_on.set_value(date(2026, 11, 20))
    save(qtbot, dlg)
    assert not dlg.isVisible(), dlg.form.general.text()
    rec = PROPAGANDA.get(ctx, dlg.saved.id)
    assert (rec.held_on, rec.ends_on, rec.form) == (date(2026, 11, 2), date(2026, 11, 20),
                                                   "truc_tuyen")
    assert (rec.campaign_id, rec.area_id, rec.cell_id) == (refs.dai_hoi, refs.kp1, refs.cell1)
    assert (rec.posts, rec.reach, rec.place) == (4, 2_500_000, "Trang Zalo phường")


def test_no_quantity_warns_and_a_second_save_keeps_it(qtbot, ctx, refs):
    dlg = shown(qtbot, PropagandaDialog(ctx))
    choose(dlg.form_combo, "an_pham")
    dlg.title.setText("Phát tờ rơi phòng chống cháy nổ")
    save(qtbot, dlg)
    assert "Chưa ghi số lượng nào" in dlg.form.message("copies")
    assert dlg.ok_button.text() == "Vẫn lưu" and lists.count(ctx, "propaganda") == 0
    save(qtbot, dlg)
    assert not dlg.isVisible() and lists.count(ctx, "propaganda") == 1


def test_editing_opens_on_the_records_own_form_and_figures(qtbot, ctx, refs):
    rec_id = PROPAGANDA.create(ctx, PropagandaActivity(
        held_on=date(2026, 11, 9), form="van_hoa", title="Liên hoan văn nghệ",
        campaign_id=refs.bau_cu, performances=6, people=450)).id
    dlg = shown(qtbot, PropagandaDialog(ctx, rec_id))
    assert dlg.windowTitle() == "Sửa hoạt động tuyên truyền"
    assert dlg.form_combo.currentData() == "van_hoa"
    assert dlg.shown_quantities() == ["performances", "people"]
    assert dlg.quantities["people"].value() == 450 and not dlg.changed()
    assert dlg.campaign.currentData() == refs.bau_cu and dlg.ends_on.value() is None
    dlg.quantities["people"].setValue(520)
    save(qtbot, dlg)
    assert PROPAGANDA.get(ctx, rec_id).people == 520


def test_a_campaign_added_beside_the_choice_is_chosen(qtbot, ctx, refs):
    dlg = shown(qtbot, PropagandaDialog(ctx))
    assert dlg.campaign.itemText(0) == "— Không thuộc đợt nào —"
    qtbot.mouseClick(dlg.campaign_add.button, Qt.MouseButton.LeftButton)
    form = dlg.campaign_add.dialog
    assert form.windowTitle() == "Thêm đợt, chủ đề tuyên truyền"
    form.inputs["name"].setText("Tháng hành động vì môi trường")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.saved is not None, form.form.general.text()
    assert dlg.campaign.currentText() == "Tháng hành động vì môi trường"
    assert dlg.campaign.currentData() == form.saved.id
    assert dlg.campaign.findData(refs.dai_hoi) > 0


def test_esc_on_a_changed_form_asks_and_the_draft_is_kept_until_then(qtbot, ctx, refs,
                                                                     monkeypatch):
    asked = []
    monkeypatch.setattr(record_dialog, "ask_discard", lambda parent: asked.append(1) or False)
    dlg = shown(qtbot, PropagandaDialog(ctx))
    choose(dlg.form_combo, "mieng")
    dlg.quantities["sessions"].setValue(3)
    dlg.title.setText("Nói chuyện về an toàn giao thông")
    dlg.draft.save()
    assert form_drafts.draft_path(ctx, "propagandaactivity", None).exists()
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert asked == [1] and dlg.isVisible()                # "Tiếp tục sửa"
    dlg.draft.stop()
    dlg.hide()                                             # a crash: the draft stays

    again = shown(qtbot, PropagandaDialog(ctx))
    assert again.draft.isVisible()
    qtbot.mouseClick(again.draft.restore_button, Qt.MouseButton.LeftButton)
    assert again.form_combo.currentData() == "mieng"
    assert again.shown_quantities() == ["sessions", "people"]
    assert again.quantities["sessions"].value() == 3
    monkeypatch.setattr(record_dialog, "ask_discard", lambda parent: True)
    again.reject()
    assert not form_drafts.draft_path(ctx, "propagandaactivity", None).exists()
