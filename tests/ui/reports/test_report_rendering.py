"""The report screen's pages: an issued report shows its stored pages; a preview
asked for while one renders follows it."""

from __future__ import annotations

import pytest
from report_pages import choose, pdf_text, wait_task

from tgdesk.domain.period import Period
from tgdesk.services import issuing, register

pytestmark = pytest.mark.gui


def test_issued_report_shows_its_stored_pages_not_todays_figures(qtbot, page, demo):
    issuing.issue(demo, "work", Period.parse("2026-09"), allow_placeholders=True)
    choose(qtbot, page, "work", Period.parse("2026-09"))
    assert page.frozen is not None and page.editor.figures == {}
    assert page.preview.data() == register.issued_files(demo, page.frozen.id)[2]
    assert not page.save_button.isEnabled() and not page.cutoff_on.isEnabled()


def test_a_preview_asked_for_while_one_renders_follows_it(qtbot, page):
    choose(qtbot, page, "work", Period.parse("2026-10"))
    page.refresh_preview()
    first = page.task
    assert first.running
    page.set_report("opinion", Period.parse("2026-09"))    # asks again while rendering
    with qtbot.waitSignal(first.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: page.task is not first, timeout=60_000)
    wait_task(qtbot, page)
    assert "TÌNH HÌNH TƯ TƯỞNG" in pdf_text(page.preview.data())
    assert "tháng 9 năm 2026" in pdf_text(page.preview.data())

