"""The campaigns tab of the catalogue page (đợt, chủ đề tuyên truyền), its form, merge,
Excel and “Thêm…”; the people's online-team flag (nhóm 35) in the person form, its
column and the “Chỉ thành viên nhóm 35” tick box."""

from __future__ import annotations

from datetime import date

import pytest
from date_keys import assert_fits, type_date      # tests/ui (its conftest) is on sys.path
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from tgdesk.domain.records import Campaign, Person, PropagandaActivity
from tgdesk.services import lists
from tgdesk.services.kinds import CAMPAIGNS, PEOPLE, PROPAGANDA
from tgdesk.ui.catalogues import catalogue_excel, catalogue_page
from tgdesk.ui.catalogues.catalogue_forms import CATALOGUES, ONLINE_TEAM, CatalogueDialog
from tgdesk.ui.catalogues.catalogue_page import CataloguePage
from tgdesk.ui.common.catalogue_choice import combo_with_add
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.common.widgets import id_combo

pytestmark = pytest.mark.gui

SPEC = {s.kind: s for s in CATALOGUES}


@pytest.fixture
def page(qtbot, ctx):
    p = CataloguePage(ctx, DataBus())
    qtbot.addWidget(p)
    p.show()
    return p


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(catalogue_page, "show_error", lambda _parent, text: shown.append(text))
    monkeypatch.setattr(catalogue_excel, "show_error", lambda _parent, text: shown.append(text))
    return shown


def texts(tab, column=0):
    return [tab.model.index(r, column).data() for r in range(tab.model.rowCount())]


def test_the_campaigns_tab_adds_checks_edits_deactivates_and_deletes(qtbot, page, ctx,
                                                                     monkeypatch, errors):
    tab = page.catalogue_tabs["campaigns"]
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Đợt, chủ đề tuyên truyền"
    page.tabs.setCurrentWidget(tab)
    assert "Chưa có đợt, chủ đề tuyên truyền nào" in tab.empty.text()
    page.add_record()
    dlg = tab.dialog
    assert dlg.windowTitle() == "Thêm đợt, chủ đề tuyên truyền"
    dlg.inputs["name"].setText("Chào mừng bầu cử đại biểu Quốc hội khóa XVI")
    dlg.inputs["starts_on"].set_value(date(2026, 3, 15))
    dlg.inputs["ends_on"].set_value(date(2026, 3, 1))          # before the start
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.isVisible()
    assert dlg.form.message("ends_on") == "Ngày kết thúc: không được trước ngày bắt đầu."
    assert lists.catalogue(ctx, "campaigns") == []              # nothing saved
    dlg.inputs["ends_on"].set_value(date(2026, 3, 15))
    assert dlg.form.message("ends_on") == ""                    # goes as the field changes
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert texts(tab) == ["Chào mừng bầu cử đại biểu Quốc hội khóa XVI"]
    assert [tab.model.index(0, c).data() for c in (1, 2, 3)] == ["15/03/2026", "15/03/2026",
                                                               "Đang dùng"]
    assert tab.selected_ids() == [lists.catalogue(ctx, "campaigns")[0]["id"]]

    tab.edit_record()                                           # a recurring theme: no dates
    dlg = tab.dialog
    assert dlg.inputs["starts_on"].value() == date(2026, 3, 15)
    dlg.inputs["starts_on"].set_value(None)
    dlg.inputs["ends_on"].set_value(None)
    dlg.inputs["note"].setText("Ngày bầu cử: Chủ nhật, 15/03/2026")
    assert dlg.try_save()
    [row] = lists.catalogue(ctx, "campaigns")
    assert (row["starts_on"], row["ends_on"], row["note"]) == (
        None, None, "Ngày bầu cử: Chủ nhật, 15/03/2026")
    assert tab.model.index(0, 1).data() == "" and "1 đợt, chủ đề" in tab.count.text()

    tab.select_id(row["id"])
    tab.toggle_active()
    assert CAMPAIGNS.get(ctx, row["id"]).active is False
    assert tab.model.rowCount() == 0 and "ngừng dùng" in tab.empty.text()
    tab.show_inactive.setChecked(True)
    tab.select_id(row["id"])
    monkeypatch.setattr(catalogue_page, "confirm", lambda *_a: True)
    tab.delete_record()
    assert lists.catalogue(ctx, "campaigns") == [] and errors == []


def test_campaign_dates_are_typed_like_every_date(qtbot, ctx):
    dlg = CatalogueDialog(ctx, SPEC["campaigns"])
    qtbot.addWidget(dlg)
    dlg.show()
    assert len(assert_fits(dlg)) == 2                       # starts on, ends on
    assert dlg.inputs["starts_on"].value() is None          # a recurring theme has none
    dlg.inputs["name"].setText("Kỷ niệm 136 năm Ngày sinh Chủ tịch Hồ Chí Minh")
    type_date(qtbot, dlg.inputs["starts_on"], "1/5")        # this year (today: 24/11/2026)
    type_date(qtbot, dlg.inputs["ends_on"], "19052026")
    assert dlg.try_save(), dlg.form.general.text()
    saved = CAMPAIGNS.get(ctx, dlg.saved.id)
    assert (saved.starts_on, saved.ends_on) == (date(2026, 5, 1), date(2026, 5, 19))


def test_a_campaign_in_use_is_merged_not_deleted(qtbot, page, ctx, monkeypatch, errors):
    keep = CAMPAIGNS.create(ctx, Campaign(name="Chào mừng Đại hội XIV của Đảng",
                                          starts_on=date(2026, 1, 19))).id
    drop = CAMPAIGNS.create(ctx, Campaign(name="Chao mung Dai hoi XIV")).id
    act = PROPAGANDA.create(ctx, PropagandaActivity(
        held_on=date(2026, 1, 10), form="truc_quan", title="Treo băng rôn", campaign_id=drop,
        banners=4)).id
    tab = page.catalogue_tabs["campaigns"]
    tab.refresh()
    tab.select_id(drop)
    asked = []
    monkeypatch.setattr(catalogue_page, "confirm",
                        lambda _p, title, text: asked.append(text) or len(asked) == 1)
    tab.delete_record()                     # yes, delete; then "ngừng dùng instead?": no
    assert "đang được dùng trong 1 hoạt động tuyên truyền" in asked[1]
    assert CAMPAIGNS.get(ctx, drop).active is True

    tab.select_ids([keep, drop])
    changed = []
    tab.bus.data_changed.connect(changed.append)
    tab.merge_records()
    dlg = tab.merge_dialog
    assert dlg.keep_id() == drop                     # the row used most is kept by default
    dlg.radios[keep].setChecked(True)
    assert "1 bản ghi</b> (1 hoạt động tuyên truyền)" in dlg.summary.text()
    assert dlg.try_merge()
    assert PROPAGANDA.get(ctx, act).campaign_id == keep
    assert [r["id"] for r in lists.catalogue(ctx, "campaigns")] == [keep]
    assert {"campaigns", "propaganda"} <= set(changed)
    assert errors == []


def test_campaigns_excel_export_and_template_through_the_tab(qtbot, page, ctx, tmp_path,
                                                            monkeypatch, errors):
    CAMPAIGNS.create(ctx, Campaign(name="An toàn giao thông"))
    tab = page.catalogue_tabs["campaigns"]
    tab.refresh()
    monkeypatch.setattr(catalogue_excel, "choose_save_path", lambda *_a: None)
    out = tab.excel.export(str(tmp_path / "dot"))
    ws = load_workbook(out).worksheets[0]
    assert ws.title == "Đợt tuyên truyền" and ws["A2"].value == "An toàn giao thông"
    template = tab.excel.save_template(str(tmp_path / "mau"))
    assert load_workbook(template).sheetnames == ["Đợt tuyên truyền", "Hướng dẫn"]
    assert errors == []


def test_the_add_form_opens_for_campaigns_beside_a_choice(qtbot, ctx):
    holder = QWidget()
    qtbot.addWidget(holder)

    def items():
        return [(r["name"], r["id"]) for r in lists.catalogue(ctx, "campaigns", False)]
    combo: QComboBox = id_combo(items(), "— Không thuộc đợt nào —")
    beside = combo_with_add(ctx, combo, "campaigns", items)
    beside.setParent(holder)
    holder.show()
    assert beside.button.toolTip() == ("Thêm đợt, chủ đề tuyên truyền mới vào danh mục rồi chọn "
                                       "ngay")
    qtbot.mouseClick(beside.button, Qt.MouseButton.LeftButton)
    form = beside.dialog
    assert form.windowTitle() == "Thêm đợt, chủ đề tuyên truyền"
    form.inputs["name"].setText("Tháng hành động vì môi trường")
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.saved is not None
    assert combo.currentText() == "Tháng hành động vì môi trường"
    assert combo.currentData() == form.saved.id


def test_the_online_team_flag_round_trips_through_the_person_form(qtbot, ctx):
    dlg = CatalogueDialog(ctx, SPEC["people"])
    qtbot.addWidget(dlg)
    box = dlg.inputs["online_team"]
    assert box.text() == ONLINE_TEAM and not box.isChecked()
    assert ONLINE_TEAM == "Thành viên nhóm 35 (tổ tuyên truyền trên mạng, Nghị quyết 35-NQ/TW)"
    dlg.inputs["full_name"].setText("Lê Thị Hoa")
    box.setChecked(True)
    assert dlg.try_save()
    person = dlg.saved.id
    assert PEOPLE.get(ctx, person).online_team is True

    again = CatalogueDialog(ctx, SPEC["people"], person)
    qtbot.addWidget(again)
    assert again.inputs["online_team"].isChecked()
    again.inputs["online_team"].setChecked(False)
    assert again.try_save()
    assert PEOPLE.get(ctx, person).online_team is False


def test_the_people_tab_shows_and_filters_the_online_team(qtbot, page, ctx):
    hoa = PEOPLE.create(ctx, Person(full_name="Lê Thị Hoa", online_team=True)).id
    PEOPLE.create(ctx, Person(full_name="Trần Minh Quang", role="bao_cao_vien"))
    tab = page.catalogue_tabs["people"]
    tab.refresh()
    column = [c.title for c in tab.spec.columns].index("Nhóm 35")
    assert dict(zip(texts(tab), texts(tab, column))) == {"Lê Thị Hoa": "Có",
                                                        "Trần Minh Quang": ""}
    assert tab.only is not None and tab.only.text() == "Chỉ thành viên nhóm 35"
    tab.select_ids([hoa])
    tab.only.setChecked(True)
    assert texts(tab) == ["Lê Thị Hoa"] and tab.selected_ids() == [hoa]
    assert "đang hiện 1 thành viên nhóm 35" in tab.count.text()
    PEOPLE.update(ctx, hoa, Person(full_name="Lê Thị Hoa", online_team=False))
    tab.refresh()
    assert tab.model.rowCount() == 0 and tab.stack.currentWidget() is tab.empty
    assert "Chưa có thành viên nhóm 35 nào" in tab.empty.text()
    tab.only.setChecked(False)
    assert len(texts(tab)) == 2
    assert page.catalogue_tabs["cells"].only is None      # only the people tab has it


def test_the_people_import_preview_shows_the_online_team(qtbot, page, ctx, tmp_path, errors):
    from tgdesk.services import excel
    path = excel.write_template("people", tmp_path / "nguoi.xlsx")
    wb = load_workbook(path)
    wb.worksheets[0].append(["Lê Thị Hoa", "TTV", None, None, None, "x"])
    wb.worksheets[0].append(["Trần Văn Nam", "TTV", None, None, None, None])
    wb.save(path)
    tab = page.catalogue_tabs["people"]
    tab.excel.import_file(str(path))
    qtbot.waitUntil(lambda: not tab.excel.busy)
    dlg = tab.excel.preview_dialog
    column = dlg.model.headers.index("Nhóm 35")
    assert [dlg.model.index(r, column).data() for r in range(2)] == ["Có", "Không"]
    dlg.accept()
    qtbot.waitUntil(lambda: not tab.excel.busy)
    assert {r["full_name"]: r["online_team"] for r in lists.catalogue(ctx, "people")} == {
        "Lê Thị Hoa": True, "Trần Văn Nam": False}
    tab.only.setChecked(True)
    assert texts(tab) == ["Lê Thị Hoa"] and errors == []
