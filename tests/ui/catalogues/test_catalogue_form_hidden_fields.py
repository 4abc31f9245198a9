"""A catalogue form saves what it shows and keeps what it does not show: editing a
document in the window keeps its study deadline (set by Excel, JSON or a package)."""

from __future__ import annotations

from datetime import date

import pytest

from tgdesk.domain.records import Cell, PartyDocument
from tgdesk.services import membership
from tgdesk.services.kinds import CELLS, DOCUMENTS
from tgdesk.ui.catalogues.catalogue_forms import CATALOGUES, CatalogueDialog

pytestmark = pytest.mark.gui

SPEC = {s.kind: s for s in CATALOGUES}


def test_editing_a_document_keeps_its_study_deadline(qtbot, ctx):
    doc = DOCUMENTS.create(ctx, PartyDocument(
        kind="nghi_quyet", number_symbol="57-NQ/TW", issued_on=date(2024, 12, 22),
        issuer="Bộ Chính trị", title="Về khoa học", study_deadline=date(2025, 2, 28))).id
    dlg = CatalogueDialog(ctx, SPEC["documents"], doc)
    qtbot.addWidget(dlg)
    dlg.inputs["title"].setText("Về đột phá phát triển khoa học, công nghệ")
    assert dlg.try_save()
    saved = DOCUMENTS.get(ctx, doc)
    assert saved.title == "Về đột phá phát triển khoa học, công nghệ"
    assert saved.study_deadline == date(2025, 2, 28)


def test_a_new_count_in_the_cell_form_is_a_step_of_today(qtbot, ctx):
    cell = CELLS.create(ctx, Cell(name="Chi bộ Khu phố 1", member_count=30)).id
    membership.set_member_count(ctx, cell, 28, date(2026, 1, 1))
    dlg = CatalogueDialog(ctx, SPEC["cells"], cell)
    qtbot.addWidget(dlg)
    dlg.inputs["member_count"].setValue(31)
    assert dlg.try_save()
    assert [(e.effective_on, e.member_count) for e in membership.history(ctx, cell)] == [
        (date(2026, 1, 1), 28), (ctx.today(), 31)]
