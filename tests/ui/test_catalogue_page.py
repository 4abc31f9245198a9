import pytest
from PySide6.QtCore import Qt

from tgdesk.services import lists
from tgdesk.ui import catalogue_page
from tgdesk.ui.catalogue_page import CatalogueModel, CataloguePage
from tgdesk.ui.catalogue_forms import CATALOGUES
from tgdesk.ui.events import DataBus

pytestmark = pytest.mark.gui


@pytest.mark.parametrize("spec", CATALOGUES, ids=lambda s: s.kind)
def test_catalogue_model(ctx, catalogue, qtmodeltester, spec):
    model = CatalogueModel(ctx, spec)
    model.load()
    assert model.rowCount() >= 1
    qtmodeltester.check(model)


def test_add_edit_delete_cell(qtbot, ctx, monkeypatch):
    page = CataloguePage(ctx, DataBus())
    qtbot.addWidget(page)
    page.show()
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
    dlg.inputs["active"].setChecked(False)
    assert dlg.try_save()
    assert lists.catalogue(ctx, "cells")[0]["active"] is False

    asked = []
    monkeypatch.setattr(catalogue_page, "confirm", lambda *a: asked.append(a) or True)
    tab.view.selectRow(0)
    tab.delete_record()
    assert asked and lists.catalogue(ctx, "cells") == []
    assert tab.model.rowCount() == 0


def test_document_form_has_date_and_kind(qtbot, ctx):
    page = CataloguePage(ctx, DataBus())
    qtbot.addWidget(page)
    tab = page.catalogue_tabs["documents"]
    tab.add_record()
    dlg = tab.dialog
    dlg.inputs["number_symbol"].setText("57-NQ/TW")
    dlg.inputs["issuer"].setText("Bộ Chính trị")
    dlg.inputs["title"].setText("Về đột phá phát triển khoa học, công nghệ")
    assert dlg.inputs["issued_on"].displayFormat() == "dd/MM/yyyy"
    assert dlg.try_save()
    [doc] = lists.catalogue(ctx, "documents")
    assert doc["number_symbol"] == "57-NQ/TW" and doc["kind"] == "nghi_quyet"
    assert "57-NQ/TW" in [tab.model.index(r, 1).data() for r in range(tab.model.rowCount())]
