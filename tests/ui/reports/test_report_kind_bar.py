"""The report screen's kind and period bar: the cut-off date kept with the draft,
a custom range of dates."""

from __future__ import annotations

from datetime import date

import pytest
from report_pages import choose, pdf_text, wait_task

from tgdesk.domain.period import Period
from tgdesk.services import issuing, register
from tgdesk.ui.reports.report_preview import page_count

pytestmark = pytest.mark.gui


def test_cutoff_date_is_kept_with_the_draft(qtbot, page, demo):
    choose(qtbot, page, "work", Period.parse("2026-10"))
    assert not page.cutoff.isEnabled()
    assert page.cutoff.date().toString("dd/MM/yyyy") == "31/10/2026"
    page.cutoff_on.setChecked(True)
    wait_task(qtbot, page)
    page.cutoff.setDate(page.cutoff.date().fromString("15/10/2026", "dd/MM/yyyy"))
    wait_task(qtbot, page)
    assert register.draft(demo, "work", "2026-10").cutoff == date(2026, 10, 15)
    text = pdf_text(page.preview.data())
    assert "15 tháng 10 năm 2026" in text
    page.cutoff_on.setChecked(False)
    wait_task(qtbot, page)
    assert register.draft(demo, "work", "2026-10").cutoff is None
    assert "15 tháng 10 năm 2026" not in pdf_text(page.preview.data())


def test_a_custom_range_is_chosen_previewed_and_kept(qtbot, page, demo):
    """"Tùy chọn": any two dates; an end before the start follows the start."""
    from tgdesk.domain.period import PeriodKind
    from tgdesk.ui.common.widgets import to_qdate

    chooser = page.chooser
    chooser.kind.setCurrentIndex(chooser.kind.findData(PeriodKind.CUSTOM.value))
    assert chooser.start.isVisibleTo(page) and not chooser.year.isVisibleTo(page)
    chooser.start.setDate(to_qdate(date(2026, 10, 5)))
    chooser.end.setDate(to_qdate(date(2026, 10, 1)))
    assert page.period() == Period.custom(date(2026, 10, 5), date(2026, 10, 5))
    wanted = Period.custom(date(2026, 10, 5), date(2026, 11, 20))
    chooser.end.setDate(to_qdate(wanted.end))
    assert page.period() == wanted
    wait_task(qtbot, page)
    page.refresh_preview()
    wait_task(qtbot, page)
    assert page.preview.page_count() == page_count(issuing.preview_pdf(demo, "work", wanted))
    # Away and back: set_value shows a custom range again.
    choose(qtbot, page, "work", Period.parse("2026-10"))
    choose(qtbot, page, "work", wanted)
    assert chooser.current_kind() is PeriodKind.CUSTOM and page.period() == wanted

