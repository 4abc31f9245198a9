"""The report screen's campaign report: the kind lists it, a campaign chooser takes the
place of the period, and its drafts are kept per campaign."""

from __future__ import annotations

import pytest
from report_pages import pdf_text, wait_task

from tgdesk.domain.period import Period
from tgdesk.services import campaign_report as cr
from tgdesk.services import register
from tgdesk.services.kinds import CAMPAIGNS

pytestmark = pytest.mark.gui


def test_a_campaign_report_is_chosen_previewed_and_kept(qtbot, page, demo, tmp_path):
    bar = page.kind_bar
    assert bar.kind.findData("campaign") >= 0
    assert not bar.campaign_box.isVisibleTo(page) and bar.period_box.isVisibleTo(page)
    bar.kind.setCurrentIndex(bar.kind.findData("campaign"))
    wait_task(qtbot, page)
    assert bar.campaign_box.isVisibleTo(page) and not bar.period_box.isVisibleTo(page)
    assert bar.campaign.count() > 1
    first = bar.campaign.currentData()
    kind = cr.campaign_kind(first)
    campaign = CAMPAIGNS.get(demo, first)
    assert page.report_kind() == kind and bar.campaign.currentText() == campaign.name
    assert page.period() == cr.campaign_period(demo, campaign)
    page.refresh_preview()
    wait_task(qtbot, page)
    assert "kết quả tuyên truyền" in " ".join(pdf_text(page.preview.data()).split())
    labels = [page.editor.boxes[k] for k in ("advice", "propaganda", "strengths")]
    assert all(box is not None for box in labels) and "ideology" not in page.editor.boxes
    page.editor.boxes["strengths"].setPlainText("Đợt thứ nhất")
    page.save_draft(True)
    wait_task(qtbot, page)
    assert register.draft(demo, kind, page.period().code()).texts["strengths"] == "Đợt thứ nhất"
    page.grab().save(str(tmp_path / "campaign.png"))
    # another campaign: its own draft, the first one's words stay with it
    bar.campaign.setCurrentIndex(1)
    wait_task(qtbot, page)
    second = cr.campaign_kind(bar.campaign.currentData())
    assert page.report_kind() == second != kind
    assert page.editor.boxes["strengths"].toPlainText() in ("", "Đợt thứ nhất")
    page.editor.boxes["strengths"].setPlainText("Đợt thứ hai")
    page.save_draft(True)
    wait_task(qtbot, page)
    assert register.draft(demo, kind, cr.campaign_period(demo, campaign).code()).texts[
        "strengths"] == "Đợt thứ nhất"
    # back to a work report, then opened on the first campaign again
    page.set_report("work", Period.month(2026, 10))
    wait_task(qtbot, page)
    assert page.report_kind() == "work" and bar.period_box.isVisibleTo(page)
    page.set_report(kind, Period.month(2026, 10))
    wait_task(qtbot, page)
    assert page.report_kind() == kind
    assert page.editor.boxes["strengths"].toPlainText() == "Đợt thứ nhất"


def test_an_issued_campaign_report_is_listed_with_its_campaign(qtbot, page, demo, tmp_path):
    from tgdesk.services import issuing, lists

    campaign = next(c for c in (CAMPAIGNS.get(demo, r["id"])
                                for r in lists.catalogue(demo, "campaigns"))
                    if cr.activity_days(demo, c.id)[0] is not None)
    kind = cr.campaign_kind(campaign.id)
    issuing.issue(demo, kind, cr.campaign_period(demo, campaign), out_dir=tmp_path,
                  allow_placeholders=True)
    page._show_issued()
    model = page.issued.model
    shown = [model.index(r, 2).data() for r in range(model.rowCount())]
    assert any(campaign.name in text for text in shown), shown
