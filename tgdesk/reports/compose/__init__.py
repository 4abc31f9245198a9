"""Compose the text of a report from the figures: the sentences an officer
would write, the outline of report-format.md (e), and the appendix table.

Pure functions over domain data; the service layer fetches the figures.
``compose`` picks the outline (work.py with activities.py, opinion.py,
campaign.py), puts the frame around it (frame.py) and the appendix after it
(appendix.py; a campaign report's list of activities: campaign.py).
"""

from __future__ import annotations

import dataclasses

from ..model import ReportData, TitleBlock
from ..profile import Profile
from ..text import nfc
from .appendix import APPENDIX_ROWS, OPINION_ROWS, appendix
from .campaign import campaign_appendix, campaign_basis, campaign_outline
from .frame import closing, finalize, header, opening, recipients, signature
from .inputs import KINDS, CampaignFacts, Inputs, IssuedDoc, ListedActivity, ListedNote
from .opinion import opinion_outline, secrecy_mark
from .words import cite, short_period, split_summary, unit_sentence_name
from .work import work_outline
from .writer import Writer

__all__ = ["APPENDIX_ROWS", "KINDS", "OPINION_ROWS", "CampaignFacts", "Inputs", "IssuedDoc",
           "ListedActivity", "ListedNote", "cite", "compose", "finalize", "short_period",
           "unit_sentence_name"]


def compose(inp: Inputs, profile: Profile) -> ReportData:
    """Build the ReportData of a report; every string already final."""
    if inp.kind not in KINDS:
        raise ValueError(f"Loại báo cáo “{inp.kind}” không hợp lệ (work, opinion, campaign).")
    if inp.kind == "campaign" and inp.campaign is None:
        raise ValueError("Báo cáo kết quả tuyên truyền cần một đợt, chủ đề (campaign).")
    w = Writer(inp, profile)
    # Outline first (it decides the subject); the opening goes in front.
    outline = {"opinion": opinion_outline, "campaign": campaign_outline}.get(inp.kind,
                                                                           work_outline)
    summary, subject = outline(w)
    body = w.blocks
    w.blocks = []
    if inp.kind == "campaign":     # the basis names the campaign: "… báo cáo kết quả như sau:"
        opening(w, "kết quả", campaign_basis(w, nfc(inp.campaign.name)))
    else:
        opening(w, subject)
    body = w.blocks + body

    number_text = profile.format_number(inp.number, "BC", inp.unit.doc_abbrev)
    data = ReportData(
        profile=profile.name,
        header=dataclasses.replace(header(inp, profile, number_text),
                                   secrecy_mark=secrecy_mark(inp)),
        title=TitleBlock("BÁO CÁO", split_summary(summary), profile.title_separator),
        body=tuple(body),
        closing=closing(w, subject),
        signature=signature(inp, profile),
        recipients_label=profile.recipients_label,
        recipients=recipients(w),
        appendix=(campaign_appendix(w, number_text) if inp.kind == "campaign"
                  else appendix(w, number_text)),
        meta={"kind": inp.kind, "period": inp.period.code(), "summary": summary,
              **({"campaign": inp.campaign.id} if inp.campaign is not None else {})},
    )
    return finalize(data, profile)
