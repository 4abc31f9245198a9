from datetime import date

import pytest
from PySide6.QtCore import QSettings, Qt

from tgdesk.domain.records import (OpinionCategory, OpinionNote, PartyDocument, Person,
                                   StudySession)
from tgdesk.services import catalogue_ops, lists
from tgdesk.services.kinds import CATEGORIES, DOCUMENTS, OPINIONS, PEOPLE, STUDIES
from tgdesk.ui.catalogues import catalogue_page
from tgdesk.ui.catalogues import merge_dialog
from tgdesk.ui.catalogues.catalogue_page import CataloguePage
from tgdesk.ui.common.events import DataBus

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def own_settings(tmp_path):
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


def note(ctx, category: int, reporter: int | None = None) -> int:
    return OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 2), summary="Giá đất",
                                            category_id=category, reporter_id=reporter)).id


def doc(ctx, symbol: str) -> int:
    return DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol=symbol, issued_on=date(2018, 10, 22),
        issuer="Bộ Chính trị", title="Về tăng cường bảo vệ nền tảng tư tưởng")).id


@pytest.fixture
def duplicates(ctx):
    """"Đất đai" used by one note, "Dat dai" by two, "Đất đai." by none."""
    cats = [CATEGORIES.create(ctx, OpinionCategory(name=n)).id
            for n in ("Đất đai", "Dat dai", "Đất đai.")]
    notes = [note(ctx, cats[0]), note(ctx, cats[1]), note(ctx, cats[1])]
    return cats, notes


def open_merge(qtbot, ctx, kind: str, ids: list[int]):
    page = CataloguePage(ctx, DataBus())
    qtbot.addWidget(page)
    page.show()
    tab = page.catalogue_tabs[kind]
    page.tabs.setCurrentWidget(tab)
    tab.select_ids(ids)
    assert tab.selected_ids() == sorted(ids, key=tab.model.row_of)
    assert tab.merge_button.isEnabled()
    qtbot.mouseClick(tab.merge_button, Qt.MouseButton.LeftButton)
    return page, tab, tab.merge_dialog


def test_merge_moves_records_to_the_kept_row(qtbot, ctx, duplicates):
    (keep, dup, unused), notes = duplicates
    page, tab, dlg = open_merge(qtbot, ctx, "categories", [keep, dup, unused])
    assert dlg.isVisible()
    # The most used row is proposed; the officer chooses the one with the right spelling.
    assert dlg.keep_id() == dup
    dlg.radios[keep].setChecked(True)
    assert dlg.keep_id() == keep and sorted(dlg.drop_ids()) == sorted([dup, unused])
    assert dlg.moving() == 2
    summary = dlg.summary.text()
    assert "Giữ lại <b>“Đất đai”</b>" in summary and "2 bản ghi</b> (2 ý kiến dư luận)" in summary
    assert "thùng rác" in summary
    assert dlg.ok_button.text() == "Gộp 3 lĩnh vực thành một"
    assert not OPINIONS.get(ctx, notes[1]).category_id == keep      # nothing done yet

    statuses = []
    tab.status.connect(statuses.append)
    qtbot.mouseClick(dlg.ok_button, Qt.MouseButton.LeftButton)
    assert [OPINIONS.get(ctx, n).category_id for n in notes] == [keep, keep, keep]
    assert [r["name"] for r in lists.catalogue(ctx, "categories")] == ["Đất đai"]
    assert tab.model.rowCount() == 1 and tab.selected_ids() == [keep]
    assert statuses == ["Đã gộp 3 lĩnh vực vào “Đất đai”; 2 bản ghi đã chuyển sang."]
    assert catalogue_ops.usage(ctx, "categories", keep) == 3


def test_cancel_merges_nothing(qtbot, ctx, duplicates):
    (keep, dup, _unused), notes = duplicates
    page, tab, dlg = open_merge(qtbot, ctx, "categories", [keep, dup])
    dlg.reject()
    assert OPINIONS.get(ctx, notes[1]).category_id == dup
    assert len(lists.catalogue(ctx, "categories")) == 3


def test_merge_people_moves_speakers_and_reporters(qtbot, ctx):
    a = PEOPLE.create(ctx, Person(full_name="Trần Thị Bích Ngọc", role="ctv_dlxh")).id
    b = PEOPLE.create(ctx, Person(full_name="Tran Thi Bich Ngoc", role="ctv_dlxh")).id
    cat = CATEGORIES.create(ctx, OpinionCategory(name="Đất đai")).id
    n = note(ctx, cat, reporter=b)
    s = STUDIES.create(ctx, StudySession(held_on=date(2026, 11, 3), title="Quán triệt",
                                         speaker_id=b, document_ids=[doc(ctx, "35-NQ/TW")])).id
    page, tab, dlg = open_merge(qtbot, ctx, "people", [a, b])
    assert dlg.keep_id() == b                       # the one used
    dlg.radios[a].setChecked(True)
    assert "1 buổi học tập, 1 ý kiến dư luận" in dlg.summary.text()
    assert dlg.try_merge()
    assert OPINIONS.get(ctx, n).reporter_id == a and STUDIES.get(ctx, s).speaker_id == a
    assert lists.rows(ctx, "opinions", [n])[0]["reporter"] == "Trần Thị Bích Ngọc"


def test_merge_documents_keeps_one_link(qtbot, ctx):
    a, b = doc(ctx, "35-NQ/TW"), doc(ctx, "35 - NQ/TW")
    s = STUDIES.create(ctx, StudySession(held_on=date(2026, 11, 3), title="Quán triệt",
                                         document_ids=[a, b])).id
    page, tab, dlg = open_merge(qtbot, ctx, "documents", [a, b])
    dlg.radios[a].setChecked(True)
    assert dlg.try_merge()
    assert STUDIES.get(ctx, s).document_ids == [a]


def test_merge_needs_two_rows_and_reports_refusals(qtbot, ctx, duplicates, monkeypatch):
    (keep, dup, _unused), _notes = duplicates
    page = CataloguePage(ctx, DataBus())
    qtbot.addWidget(page)
    tab = page.catalogue_tabs["categories"]
    shown = []
    monkeypatch.setattr(catalogue_page, "show_error", lambda _p, text: shown.append(text))
    tab.select_ids([keep])
    tab.merge_records()
    assert tab.merge_dialog is None
    assert shown and "ít nhất hai lĩnh vực" in shown[0]

    tab.select_ids([keep, dup])
    tab.merge_records()
    dlg = tab.merge_dialog
    CATEGORIES.delete(ctx, dup)                      # someone else removed it meanwhile
    monkeypatch.setattr(merge_dialog, "show_error", lambda _p, text: shown.append(text))
    dlg.radios[keep].setChecked(True)
    assert not dlg.try_merge()
    assert "Không tìm thấy lĩnh vực" in shown[-1]
    assert OPINIONS.get(ctx, _notes[0]).category_id == keep
