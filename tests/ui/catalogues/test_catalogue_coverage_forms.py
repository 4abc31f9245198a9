"""What study coverage needs, set in the catalogue forms (issue 15, item 4): a document's
study deadline ("Hạn học tập", a column of the list too) and a cell's Party members
over time (the count, the day it applies from, the history newest first), read back
through the services."""

from __future__ import annotations

from datetime import date

import pytest
from tgdesk.domain.records import Cell, PartyDocument, StudySession
from tgdesk.services import coverage, membership
from tgdesk.services.kinds import CELLS, DOCUMENTS, STUDIES
from tgdesk.ui.catalogues.catalogue_forms import CATALOGUES, CatalogueDialog
from tgdesk.ui.catalogues.catalogue_model import CatalogueModel

pytestmark = pytest.mark.gui

SPEC = {s.kind: s for s in CATALOGUES}
D = date                                    # today (tests/conftest.py) is 24/11/2026


def dialog(qtbot, ctx, kind, record_id=None) -> CatalogueDialog:
    dlg = CatalogueDialog(ctx, SPEC[kind], record_id)
    qtbot.addWidget(dlg)
    return dlg


def type_date(box, text: str) -> None:
    box.edit.setText(text)
    box.edit.editingFinished.emit()


def message(dlg, field: str) -> str:
    label = dlg.form.messages[field]
    return "" if label.isHidden() else label.text()


# --- a document's study deadline ---------------------------------------------------------

def test_a_deadline_set_in_the_form_is_read_by_coverage_and_listed(qtbot, ctx, catalogue):
    dlg = dialog(qtbot, ctx, "documents", catalogue["doc"])
    box = dlg.inputs["study_deadline"]
    assert box.text() == "" and box.value() is None            # none yet
    type_date(box, "31122026")
    assert dlg.try_save()
    assert DOCUMENTS.get(ctx, catalogue["doc"]).study_deadline == D(2026, 12, 31)
    (dc,) = coverage.coverage(ctx, [catalogue["doc"]])
    assert dc.deadline == D(2026, 12, 31) and not dc.deadline_passed

    model = CatalogueModel(ctx, SPEC["documents"])
    model.load()
    col = [c.title for c in SPEC["documents"].columns].index("Hạn học tập")
    shown = {model.data(model.index(r, 1)): model.data(model.index(r, col))
             for r in range(model.rowCount())}
    assert shown == {"35-NQ/TW": "31/12/2026", "05-CT/TW": ""}

    again = dialog(qtbot, ctx, "documents", catalogue["doc"])
    assert again.inputs["study_deadline"].text() == "31/12/2026"
    type_date(again.inputs["study_deadline"], "")               # cleared: no deadline
    assert again.try_save()
    assert DOCUMENTS.get(ctx, catalogue["doc"]).study_deadline is None


def test_a_deadline_before_the_document_is_refused_beside_the_field(qtbot, ctx, catalogue):
    dlg = dialog(qtbot, ctx, "documents", catalogue["doc"])     # issued 22/10/2018
    type_date(dlg.inputs["study_deadline"], "01/01/2018")
    assert not dlg.try_save()
    assert message(dlg, "study_deadline") == ("Hạn học tập: ngày 01/01/2018 trước ngày ban "
                                              "hành văn bản (22/10/2018).")
    assert DOCUMENTS.get(ctx, catalogue["doc"]).study_deadline is None
    # a new document's deadline
    new = dialog(qtbot, ctx, "documents")
    new.inputs["number_symbol"].setText("57-NQ/TW")
    type_date(new.inputs["issued_on"], "22/12/2024")
    new.inputs["issuer"].setText("Bộ Chính trị")
    new.inputs["title"].setText("Về đột phá phát triển khoa học, công nghệ")
    type_date(new.inputs["study_deadline"], "28/2/2025")
    assert new.try_save()
    assert DOCUMENTS.get(ctx, new.saved.id).study_deadline == D(2025, 2, 28)


# --- a cell's Party members over time ------------------------------------------------------

def history(ctx, cell_id):
    return [(e.effective_on, e.member_count) for e in membership.history(ctx, cell_id)]


def shown_history(dlg) -> list[tuple[str, str]]:
    table = dlg.members.history
    return [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]


def test_a_new_cell_s_count_applies_from_the_day_given(qtbot, ctx):
    dlg = dialog(qtbot, ctx, "cells")
    since = dlg.members.since
    assert not since.isEnabled()                     # no count: nothing to date
    dlg.inputs["name"].setText("Chi bộ Khu phố 7")
    dlg.inputs["member_count"].setValue(30)
    assert since.isEnabled() and since.value() == ctx.today()
    type_date(since, "01/10/2026")
    assert dlg.try_save()
    cell = dlg.saved.id
    assert history(ctx, cell) == [(D(2026, 10, 1), 30)]
    assert CELLS.get(ctx, cell).member_count == 30


def test_a_change_with_its_date_then_the_history_newest_first(qtbot, ctx):
    cell = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1")).id     # no count yet
    membership.set_member_count(ctx, cell, 30, D(2026, 10, 1))
    dlg = dialog(qtbot, ctx, "cells", cell)
    assert shown_history(dlg) == [("01/10/2026", "30")]
    assert not dlg.members.since.isEnabled()         # the count as loaded: no change to date
    dlg.inputs["member_count"].setValue(33)          # three admitted on 12/11
    assert dlg.members.since.isEnabled()
    type_date(dlg.members.since, "12/11/2026")
    assert dlg.try_save()
    assert history(ctx, cell) == [(D(2026, 10, 1), 30), (D(2026, 11, 12), 33)]
    assert CELLS.get(ctx, cell).member_count == 33

    again = dialog(qtbot, ctx, "cells", cell)
    assert shown_history(again) == [("12/11/2026", "33"), ("01/10/2026", "30")]
    assert again.members.history.isVisibleTo(again) and not again.members.empty.isVisibleTo(again)

    # coverage reads the membership of the time: a session on 05/11 counts 30 members,
    # one on 16/11 (a make-up) 33
    doc = DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol="57-NQ/TW", issued_on=D(2024, 12, 22),
        issuer="Bộ Chính trị", title="Về khoa học")).id
    STUDIES.create(ctx, StudySession(held_on=D(2026, 11, 5), title="Học tập", document_ids=[doc],
                                     cell_id=cell, party_members_expected=30,
                                     party_members_present=28))
    (dc,) = coverage.coverage(ctx, [doc], as_of=D(2026, 11, 10))
    assert (dc.members_total, dc.members_covered) == (30, 28)
    STUDIES.create(ctx, StudySession(held_on=D(2026, 11, 16), title="Học bù", document_ids=[doc],
                                     cell_id=cell, party_members_expected=5,
                                     party_members_present=4))
    (dc,) = coverage.coverage(ctx, [doc])
    assert (dc.members_total, dc.members_covered) == (33, 32)


def test_a_future_day_or_an_earlier_day_than_a_later_count(qtbot, ctx):
    cell = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1")).id     # no count yet
    membership.set_member_count(ctx, cell, 30, D(2026, 10, 1))
    membership.set_member_count(ctx, cell, 33, D(2026, 11, 12))
    dlg = dialog(qtbot, ctx, "cells", cell)
    dlg.inputs["member_count"].setValue(35)
    type_date(dlg.members.since, "25/11/2026")
    assert not dlg.try_save()
    assert message(dlg, "effective_on") == "Ngày áp dụng: ngày 25/11/2026 còn ở tương lai."
    assert history(ctx, cell) == [(D(2026, 10, 1), 30), (D(2026, 11, 12), 33)]

    # 31 from 01/11: a count recorded later (33 from 12/11) stays today's; warned once
    dlg.inputs["member_count"].setValue(31)
    type_date(dlg.members.since, "01/11/2026")
    assert not dlg.try_save()
    assert message(dlg, "effective_on") == ("Ngày áp dụng: đã ghi 33 đảng viên từ ngày "
                                            "12/11/2026, sau ngày này; số đảng viên hiện nay "
                                            "vẫn là 33.")
    assert dlg.ok_button.text() == "Vẫn lưu"
    assert dlg.try_save()
    assert history(ctx, cell) == [(D(2026, 10, 1), 30), (D(2026, 11, 1), 31),
                                  (D(2026, 11, 12), 33)]
    assert CELLS.get(ctx, cell).member_count == 33


def test_the_date_is_left_alone_when_the_count_is_not_changed(qtbot, ctx):
    cell = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1", member_count=30)).id   # a step today
    dlg = dialog(qtbot, ctx, "cells", cell)
    assert shown_history(dlg) == [(ctx.today().strftime("%d/%m/%Y"), "30")]
    dlg.inputs["member_count"].setValue(31)
    type_date(dlg.members.since, "99")                   # no date
    dlg.inputs["member_count"].setValue(30)              # back to the count loaded
    assert not dlg.members.since.isEnabled() and dlg.members.since.error() == ""
    dlg.inputs["secretary"].setText("Nguyễn Văn Bình")
    assert dlg.try_save()
    assert history(ctx, cell) == [(ctx.today(), 30)]
    assert CELLS.get(ctx, cell).secretary == "Nguyễn Văn Bình"
