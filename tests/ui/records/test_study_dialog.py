import pytest
from PySide6.QtCore import Qt

from tgdesk.services import lists
from tgdesk.services.kinds import STUDIES
from tgdesk.ui.records.study_dialog import StudyDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def dialog(qtbot, ctx, catalogue):
    dlg = StudyDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def test_lists_catalogue_choices(dialog, catalogue):
    assert dialog.documents.count() == 2
    assert "35-NQ/TW" in dialog.documents.item(1).text() or \
        "35-NQ/TW" in dialog.documents.item(0).text()
    assert dialog.cell.itemText(0) == "Toàn Đảng bộ" and dialog.cell.itemData(0) is None
    assert dialog.cell.findData(catalogue["cell"]) > 0
    assert dialog.speaker.findText("Trần Minh Quang") > 0
    assert dialog.speaker.findText("Lê Thị Hoa") < 0     # not a báo cáo viên


def test_rejects_more_present_than_expected(qtbot, dialog, ctx, catalogue):
    dialog.title.setText("Quán triệt Nghị quyết 35")
    dialog.check_document(catalogue["doc"])
    dialog.counts["party_members_expected"].setValue(10)
    dialog.counts["party_members_present"].setValue(12)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "nhiều hơn số được triệu tập" in dialog.form.message("party_members_present")
    assert lists.count(ctx, "studies") == 0


def test_requires_a_document(qtbot, dialog, ctx):
    dialog.title.setText("Chuyên đề")
    dialog.counts["key_cadres"].setValue(3)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert "chọn ít nhất một văn bản" in dialog.form.message("document_ids")
    assert lists.count(ctx, "studies") == 0


def test_rate_updates_live(dialog):
    dialog.counts["party_members_expected"].setValue(40)
    dialog.counts["party_members_present"].setValue(36)
    assert dialog.rate.text().startswith("90,0%")
    dialog.counts["party_members_present"].setValue(37)
    assert dialog.rate.text().startswith("92,5%")
    dialog.counts["key_cadres"].setValue(1000)
    assert dialog.total.text() == "1.037"


def test_saves_with_speaker_from_roster_and_cell(qtbot, dialog, ctx, catalogue):
    dialog.title.setText("Quán triệt Nghị quyết 35")
    dialog.check_document(catalogue["doc"])
    dialog.check_document(catalogue["doc2"])
    dialog.cell.setCurrentIndex(dialog.cell.findData(catalogue["cell"]))
    dialog.speaker.setCurrentIndex(dialog.speaker.findText("Trần Minh Quang"))
    dialog.counts["party_members_expected"].setValue(40)
    dialog.counts["party_members_present"].setValue(36)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    saved = STUDIES.get(ctx, dialog.saved.id)
    assert sorted(saved.document_ids) == sorted([catalogue["doc"], catalogue["doc2"]])
    assert saved.cell_id == catalogue["cell"]
    assert saved.speaker_id == catalogue["speaker"] and saved.speaker_name is None
    assert (saved.party_members_expected, saved.party_members_present) == (40, 36)


def test_free_text_speaker_and_edit_round_trip(qtbot, ctx, catalogue):
    dlg = StudyDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.title.setText("Chuyên đề năm 2026")
    dlg.check_document(catalogue["doc2"])
    dlg.speaker.setEditText("Đồng chí khách mời")
    dlg.counts["union_members"].setValue(25)
    assert dlg.try_save()
    rec = STUDIES.get(ctx, dlg.saved.id)
    assert rec.speaker_id is None and rec.speaker_name == "Đồng chí khách mời"
    assert rec.cell_id is None

    again = StudyDialog(ctx, rec.id)
    qtbot.addWidget(again)
    assert again.speaker.currentText() == "Đồng chí khách mời"
    assert again.checked_documents() == [catalogue["doc2"]]
    assert again.counts["union_members"].value() == 25
    assert again.record().title == rec.title
