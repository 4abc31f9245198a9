"""The report screen's kind and period bar: the cut-off date kept with the draft,
a custom range of dates."""

from __future__ import annotations

from datetime import date

import pytest
from date_keys import assert_fits, type_date
from report_pages import choose, pdf_text, wait_task

from tgdesk.domain.period import Period
from tgdesk.services import issuing, register
from tgdesk.ui.reports.report_preview import page_count

pytestmark = pytest.mark.gui


def test_cutoff_date_is_kept_with_the_draft(qtbot, page, demo):
    choose(qtbot, page, "work", Period.parse("2026-10"))
    assert not page.cutoff.isEnabled()
    assert page.cutoff.text() == "31/10/2026"
    page.cutoff_on.setChecked(True)
    wait_task(qtbot, page)
    type_date(qtbot, page.cutoff, "15/10")                    # this year
    assert page.cutoff.text() == "15/10/2026"
    wait_task(qtbot, page)
    assert register.draft(demo, "work", "2026-10").cutoff == date(2026, 10, 15)
    type_date(qtbot, page.cutoff, "15/10/20266")             # a slip: marked, not kept
    assert not page.cutoff.is_valid() and "Ngày không hợp lệ" in page.cutoff.edit.toolTip()
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

    chooser = page.chooser
    chooser.kind.setCurrentIndex(chooser.kind.findData(PeriodKind.CUSTOM.value))
    assert chooser.start.isVisibleTo(page) and not chooser.year.isVisibleTo(page)
    assert len(assert_fits(page.kind_bar)) == 3                 # từ, đến, chốt số liệu
    # Each date typed reloads the report; offscreen, the reload ends with no window
    # active, so each box is typed into once the report is loaded.
    for box, keys in ((chooser.start, "5/10/2026"), (chooser.end, "01102026")):
        wait_task(qtbot, page)
        type_date(qtbot, box, keys)
    assert page.period() == Period.custom(date(2026, 10, 5), date(2026, 10, 5))
    assert chooser.end.text() == "05/10/2026"                  # followed the start
    wanted = Period.custom(date(2026, 10, 5), date(2026, 11, 20))
    wait_task(qtbot, page)
    type_date(qtbot, chooser.end, "201126")
    assert page.period() == wanted
    wait_task(qtbot, page)
    page.refresh_preview()
    wait_task(qtbot, page)
    assert page.preview.page_count() == page_count(issuing.preview_pdf(demo, "work", wanted))
    # Away and back: set_value shows a custom range again.
    choose(qtbot, page, "work", Period.parse("2026-10"))
    choose(qtbot, page, "work", wanted)
    assert chooser.current_kind() is PeriodKind.CUSTOM and page.period() == wanted

