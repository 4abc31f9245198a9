"""“Thêm…” beside a catalogue choice (ui/common/catalogue_choice.py): the catalogue's
add form opens, the new row is saved, offered and chosen, and the record keeps it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from tgdesk.services import lists
from tgdesk.services.kinds import OPINIONS, PEOPLE, STUDIES
from tgdesk.ui.common.events import DataBus
from tgdesk.ui.records.opinion_dialog import OpinionDialog
from tgdesk.ui.records.study_dialog import StudyDialog

pytestmark = pytest.mark.gui


class Page(QWidget):
    """Stands for the page that opens a record form: it has the window's bus."""

    def __init__(self):
        super().__init__()
        self.bus = DataBus()


def shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def add_through(qtbot, beside, **values):
    """Click “Thêm…”, fill the catalogue's add form and save it; the form."""
    qtbot.mouseClick(beside.button, Qt.MouseButton.LeftButton)
    form = beside.dialog
    assert form is not None and form.isVisible()
    for name, value in values.items():
        form.inputs[name].setText(value)
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert form.saved is not None, form.form.general.text()
    return form


def test_a_category_added_in_the_opinion_form_is_chosen_and_saved(qtbot, ctx, catalogue):
    page = Page()
    qtbot.addWidget(page)                   # closes the form with it
    dlg = OpinionDialog(ctx, parent=page)
    dlg.show()
    assert dlg.category_add.button.text() == "Thêm…"
    dlg.summary.setPlainText("Người dân phản ánh đèn tín hiệu tại ngã tư hỏng nhiều ngày")
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert "Lĩnh vực: chưa chọn" in dlg.form.message("category_id")
    with qtbot.waitSignal(page.bus.data_changed) as told:
        form = add_through(qtbot, dlg.category_add, name="Giao thông")
    assert told.args == ["categories"]                  # the catalogue page and filters hear
    assert form.windowTitle() == "Thêm lĩnh vực"
    assert dlg.category.currentText() == "Giao thông"
    assert dlg.category.currentData() == form.saved.id
    assert dlg.category.findData(catalogue["category"]) > 0   # the others still offered
    assert dlg.form.message("category_id") == ""           # chosen: the message goes
    dlg.attitude.setCurrentIndex(dlg.attitude.findData("ban_khoan"))
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert OPINIONS.get(ctx, dlg.saved.id).category_id == form.saved.id
    assert "Giao thông" in [r["name"] for r in lists.catalogue(ctx, "categories")]


def test_a_reporter_added_in_the_opinion_form_is_a_collaborator_of_the_area(qtbot, ctx,
                                                                            catalogue):
    dlg = shown(qtbot, OpinionDialog(ctx))
    dlg.area.setCurrentIndex(dlg.area.findData(catalogue["area"]))
    form = add_through(qtbot, dlg.reporter_add, full_name="Phạm Văn Lộc")
    person = PEOPLE.get(ctx, form.saved.id)
    assert (person.role, person.area_id) == ("ctv_dlxh", catalogue["area"])
    assert dlg.reporter.currentData() == person.id


def test_cancelling_the_add_form_changes_nothing(qtbot, ctx, catalogue):
    dlg = shown(qtbot, OpinionDialog(ctx))
    before = dlg.category.count()
    qtbot.mouseClick(dlg.category_add.button, Qt.MouseButton.LeftButton)
    dlg.category_add.dialog.reject()
    assert dlg.category.count() == before and dlg.category.currentData() is None
    assert len(lists.catalogue(ctx, "categories")) == 1


def test_a_document_added_in_the_study_form_is_ticked_and_saved(qtbot, ctx, catalogue):
    dlg = shown(qtbot, StudyDialog(ctx))
    dlg.title.setText("Quán triệt Nghị quyết 21-NQ/TW")
    dlg.check_document(catalogue["doc2"])
    dlg.counts["party_members_expected"].setValue(40)
    dlg.counts["party_members_present"].setValue(36)
    form = add_through(qtbot, dlg.documents_add, number_symbol="21-NQ/TW",
                       issuer="Ban Chấp hành Trung ương",
                       title="Về tăng cường củng cố, xây dựng tổ chức cơ sở đảng")
    assert set(dlg.checked_documents()) == {catalogue["doc2"], form.saved.id}
    assert dlg.documents.count() == 3
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.saved is not None, {f: dlg.form.message(f) for f in dlg.form.messages}
    assert set(STUDIES.get(ctx, dlg.saved.id).document_ids) == {catalogue["doc2"],
                                                                 form.saved.id}


def test_the_first_document_of_an_empty_catalogue(qtbot, ctx):
    dlg = shown(qtbot, StudyDialog(ctx))
    assert dlg.no_documents is not None and dlg.no_documents.isVisible()
    form = add_through(qtbot, dlg.documents_add, number_symbol="35-NQ/TW",
                       issuer="Bộ Chính trị", title="Về tăng cường bảo vệ nền tảng tư tưởng")
    assert dlg.checked_documents() == [form.saved.id]
    assert not dlg.no_documents.isVisible()


def test_a_speaker_added_under_the_name_typed(qtbot, ctx, catalogue):
    dlg = shown(qtbot, StudyDialog(ctx))
    dlg.speaker.setEditText("Võ Thị Mai")
    qtbot.mouseClick(dlg.speaker_add.button, Qt.MouseButton.LeftButton)
    form = dlg.speaker_add.dialog
    assert form.inputs["full_name"].text() == "Võ Thị Mai"
    assert form.inputs["role"].currentData() == "bao_cao_vien"
    qtbot.mouseClick(form.ok_button, Qt.MouseButton.LeftButton)
    assert dlg.speaker.currentData() == form.saved.id
    assert dlg.record().speaker_id == form.saved.id and dlg.record().speaker_name is None


def test_a_cell_added_in_the_study_form(qtbot, ctx, catalogue):
    dlg = shown(qtbot, StudyDialog(ctx))
    form = add_through(qtbot, dlg.cell_add, name="Chi bộ Khu phố 9")
    assert dlg.cell.currentText() == "Chi bộ Khu phố 9"
    assert dlg.cell.itemText(0) == "Toàn Đảng bộ"
    assert dlg.record().cell_id == form.saved.id


def test_the_button_follows_its_choice_and_the_label_names_the_choice(qtbot, ctx, catalogue):
    dlg = shown(qtbot, OpinionDialog(ctx))
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    dlg.category.setFocus()
    qtbot.keyClick(dlg.category, Qt.Key.Key_Tab)
    assert dlg.focusWidget() is dlg.category_add.button
    label = dlg.form.form.labelForField(dlg.category_add.parentWidget())
    assert label.buddy() is dlg.category
