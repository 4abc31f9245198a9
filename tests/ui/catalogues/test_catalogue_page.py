from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt

from tgdesk.domain.records import OpinionCategory, OpinionNote, StudySession
from tgdesk.services import catalogue_ops, lists
from tgdesk.services.kinds import CATEGORIES, CELLS, OPINIONS, STUDIES
from tgdesk.ui.catalogues import catalogue_page
from tgdesk.ui.catalogues.catalogue_forms import CATALOGUES
from tgdesk.ui.catalogues.catalogue_model import GREY, CatalogueModel
from tgdesk.ui.catalogues.catalogue_page import CataloguePage
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.main_window import MainWindow
from tgdesk.ui.records.opinion_dialog import OpinionDialog
from tgdesk.ui.records.study_dialog import StudyDialog

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    """QSettings in a temporary folder, never the user's."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture
def page(qtbot, ctx):
    p = CataloguePage(ctx, DataBus())
    qtbot.addWidget(p)
    p.show()
    return p


@pytest.fixture
def errors(monkeypatch):
    shown = []
    monkeypatch.setattr(catalogue_page, "show_error", lambda _parent, text: shown.append(text))
    return shown


def answer(monkeypatch, *answers):
    """Make confirm() answer in turn; return the questions asked."""
    asked, queue = [], list(answers)
    monkeypatch.setattr(catalogue_page, "confirm",
                        lambda _parent, title, text: asked.append((title, text)) or queue.pop(0))
    return asked


def texts(tab, column=0):
    return [tab.model.index(r, column).data() for r in range(tab.model.rowCount())]


@pytest.mark.parametrize("spec", CATALOGUES, ids=lambda s: s.kind)
@pytest.mark.parametrize("show_inactive", [True, False])
def test_catalogue_model(ctx, catalogue, qtmodeltester, spec, show_inactive):
    model = CatalogueModel(ctx, spec)
    model.load()
    first = model.id_at(0)
    catalogue_ops.set_active(ctx, spec.kind, first, False)
    model.load()
    model.set_show_inactive(show_inactive)
    assert model.rowCount() == len(model.all_rows) - (0 if show_inactive else 1)
    qtmodeltester.check(model)


def test_add_edit_deactivate_delete_cell(qtbot, page, ctx, monkeypatch):
    tab = page.catalogue_tabs["cells"]
    page.tabs.setCurrentWidget(tab)
    page.add_record()
    dlg = tab.dialog
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "Tên chi bộ: chưa nhập" in dlg.form.message("name")
    dlg.inputs["name"].setText("Chi bộ Khu phố 9")
    dlg.inputs["member_count"].setValue(31)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert not dlg.isVisible()
    assert tab.model.index(0, 0).data() == "Chi bộ Khu phố 9"
    assert tab.model.index(0, 2).data() == "31"

    tab.view.selectRow(0)
    tab.edit_record()
    dlg = tab.dialog
    assert dlg.inputs["name"].text() == "Chi bộ Khu phố 9"
    dlg.inputs["name"].setText("Chi bộ Khu phố 9A")
    assert dlg.try_save()
    assert texts(tab) == ["Chi bộ Khu phố 9A"]

    tab.view.selectRow(0)
    assert tab.active_button.text() == "Ngừng dùng"
    qtbot.mouseClick(tab.active_button, Qt.MouseButton.LeftButton)
    assert lists.catalogue(ctx, "cells")[0]["active"] is False
    assert tab.model.rowCount() == 0               # hidden until "show inactive"
    assert tab.stack.currentWidget() is tab.empty
    assert "ngừng dùng" in tab.empty.text()
    tab.show_inactive.setChecked(True)
    assert texts(tab) == ["Chi bộ Khu phố 9A"]
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) == GREY
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert "1 ngừng dùng (chữ xám)" in tab.count.text()

    tab.view.selectRow(0)
    assert tab.active_button.text() == "Dùng lại"
    tab.toggle_active()
    assert lists.catalogue(ctx, "cells")[0]["active"] is True
    assert tab.model.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None

    asked = answer(monkeypatch, True)
    tab.view.selectRow(0)
    tab.delete_record()
    assert asked and "Chi bộ Khu phố 9A" in asked[0][1]
    assert lists.catalogue(ctx, "cells") == []
    assert tab.model.rowCount() == 0
    assert "Chưa có chi bộ nào" in tab.empty.text() and "Nhập từ Excel" in tab.empty.text()


def test_show_inactive_is_remembered_per_catalogue(qtbot, ctx, catalogue):
    catalogue_ops.set_active(ctx, "categories", catalogue["category"], False)
    first = CataloguePage(ctx, DataBus())
    qtbot.addWidget(first)
    tab = first.catalogue_tabs["categories"]
    assert not tab.show_inactive.isChecked() and tab.model.rowCount() == 0
    assert "1 ngừng dùng (đang ẩn)" in tab.count.text()
    tab.show_inactive.setChecked(True)
    assert tab.model.rowCount() == 1

    again = CataloguePage(ctx, DataBus())
    qtbot.addWidget(again)
    assert again.catalogue_tabs["categories"].show_inactive.isChecked()
    assert again.catalogue_tabs["categories"].model.rowCount() == 1
    assert not again.catalogue_tabs["cells"].show_inactive.isChecked()


def test_deactivated_row_leaves_new_choices_but_keeps_old_labels(qtbot, ctx, catalogue, page):
    note = OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 2), summary="Giá đất",
                                            category_id=catalogue["category"],
                                            area_id=catalogue["area"])).id
    study = STUDIES.create(ctx, StudySession(held_on=date(2026, 11, 3), title="Quán triệt",
                                             cell_id=catalogue["cell"],
                                             document_ids=[catalogue["doc"]])).id
    for kind, key in (("categories", "category"), ("areas", "area"), ("cells", "cell"),
                      ("documents", "doc")):
        tab = page.catalogue_tabs[kind]
        tab.select_id(catalogue[key])
        assert tab.selected_ids() == [catalogue[key]]
        tab.toggle_active()
        assert tab.model.row_of(catalogue[key]) is None

    new = OpinionDialog(ctx)
    qtbot.addWidget(new)
    assert new.category.findData(catalogue["category"]) < 0
    assert new.area.findData(catalogue["area"]) < 0
    old = OpinionDialog(ctx, note)
    qtbot.addWidget(old)
    assert old.category.currentText() == "Đất đai, xây dựng"
    assert old.area.currentText() == "Khu phố 1"
    row = lists.rows(ctx, "opinions", [note])[0]
    assert (row["category"], row["area"]) == ("Đất đai, xây dựng", "Khu phố 1")

    new_study = StudyDialog(ctx)
    qtbot.addWidget(new_study)
    assert new_study.cell.findData(catalogue["cell"]) < 0
    offered = [new_study.documents.item(i).data(Qt.ItemDataRole.UserRole)
               for i in range(new_study.documents.count())]
    assert catalogue["doc"] not in offered and catalogue["doc2"] in offered
    old_study = StudyDialog(ctx, study)
    qtbot.addWidget(old_study)
    assert old_study.cell.currentText() == "Chi bộ Khu phố 1"
    assert lists.rows(ctx, "studies", [study])[0]["cell"] == "Chi bộ Khu phố 1"


def test_deleting_a_used_row_is_refused_and_offers_deactivation(ctx, catalogue, page,
                                                                monkeypatch):
    OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 2), summary="Giá đất",
                                     category_id=catalogue["category"]))
    tab = page.catalogue_tabs["categories"]
    tab.select_id(catalogue["category"])
    assert tab.selected_ids() == [catalogue["category"]]
    asked = answer(monkeypatch, True, False)         # delete? yes; deactivate instead? no
    tab.delete_record()
    assert len(asked) == 2
    assert "Không xóa được lĩnh vực này: đang được dùng trong 1 ý kiến dư luận" in asked[1][1]
    assert CATEGORIES.get(ctx, catalogue["category"]).active is True

    tab.select_id(catalogue["category"])
    answer(monkeypatch, True, True)                  # ... yes: deactivate
    tab.delete_record()
    rec = CATEGORIES.get(ctx, catalogue["category"])
    assert rec.active is False                       # still there, no longer offered


def test_delete_key_asks_and_enter_edits(qtbot, ctx, catalogue, monkeypatch):
    spare = CATEGORIES.create(ctx, OpinionCategory(name="Giáo dục")).id
    page = CataloguePage(ctx, DataBus())
    qtbot.addWidget(page)
    page.show()
    tab = page.catalogue_tabs["categories"]
    page.tabs.setCurrentWidget(tab)
    tab.select_id(spare)
    with qtbot.waitActive(page):
        page.activateWindow()
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert tab.dialog is not None and tab.dialog.inputs["name"].text() == "Giáo dục"
    tab.dialog.reject()

    asked = answer(monkeypatch, False)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert len(asked) == 1 and CATEGORIES.get(ctx, spare).name == "Giáo dục"
    answer(monkeypatch, True)
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert "Giáo dục" not in [r["name"] for r in lists.catalogue(ctx, "categories")]


def test_ctrl_n_in_the_window_adds_to_the_current_catalogue(qtbot, ctx):
    win = MainWindow(ctx, DataBus())
    qtbot.addWidget(win)
    win.show()
    page = win.show_page("catalogues")
    page.tabs.setCurrentWidget(page.catalogue_tabs["areas"])
    assert win.add_action.shortcut().toString() == "Ctrl+N"
    win.add_action.trigger()
    dlg = page.catalogue_tabs["areas"].dialog
    assert dlg is not None and dlg.windowTitle() == "Thêm khu dân cư"
    dlg.reject()


def test_buttons_follow_the_selection(ctx, catalogue, page):
    CELLS.create(ctx, CELLS.record(name="Chi bộ Khu phố 2"))
    tab = page.catalogue_tabs["cells"]
    tab.refresh()
    assert not tab.edit_button.isEnabled() and not tab.merge_button.isEnabled()
    tab.select_ids([tab.model.id_at(0), tab.model.id_at(1)])
    assert tab.selected_ids() == [tab.model.id_at(0), tab.model.id_at(1)]
    assert tab.merge_button.isEnabled() and tab.edit_button.isEnabled()
    assert not tab.delete_button.isEnabled()        # one at a time
    tab.select_id(tab.model.id_at(1))
    assert tab.delete_button.isEnabled() and not tab.merge_button.isEnabled()
    CELLS.create(ctx, CELLS.record(name="Chi bộ Khu phố 3"))
    tab.refresh()
    apart = [tab.model.id_at(0), tab.model.id_at(2)]
    tab.select_ids(apart)
    assert tab.selected_ids() == apart and tab.merge_button.isEnabled()
    tab.refresh()                                   # the selection survives a reload
    assert tab.selected_ids() == apart


def test_document_form_has_date_and_kind(page, ctx):
    tab = page.catalogue_tabs["documents"]
    tab.add_record()
    dlg = tab.dialog
    dlg.inputs["number_symbol"].setText("57-NQ/TW")
    dlg.inputs["issuer"].setText("Bộ Chính trị")
    dlg.inputs["title"].setText("Về đột phá phát triển khoa học, công nghệ")
    assert dlg.inputs["issued_on"].text() == "24/11/2026"          # today, dd/mm/yyyy
    assert dlg.try_save()
    [doc] = lists.catalogue(ctx, "documents")
    assert doc["number_symbol"] == "57-NQ/TW" and doc["kind"] == "nghi_quyet"
    assert "57-NQ/TW" in texts(tab, 1)


def test_right_click_offers_the_row_actions(qtbot, ctx, catalogue, page, monkeypatch):
    tab = page.catalogue_tabs["categories"]
    page.tabs.setCurrentWidget(tab)
    tab.select_id(catalogue["category"])
    menu = tab.row_menu()
    actions = {a.text(): a for a in menu.actions() if a.text()}
    assert list(actions) == ["Sửa\tEnter", "Ngừng dùng", "Gộp…", "Xóa\tDelete", "Thêm"]
    assert not actions["Gộp…"].isEnabled() and actions["Sửa\tEnter"].isEnabled()
    actions["Ngừng dùng"].trigger()
    assert CATEGORIES.get(ctx, catalogue["category"]).active is False
