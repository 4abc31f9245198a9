"""Compose the text of a report from the figures: the sentences an officer
would write, the outline of report-format.md (e), and the appendix table.

Pure functions over domain data; the service layer fetches the figures.
``compose`` picks the outline (work.py, opinion.py), puts the frame around it
(frame.py) and the appendix after it (appendix.py).
"""

from __future__ import annotations

import dataclasses

from ..model import ReportData, TitleBlock
from ..profile import Profile
from .appendix import APPENDIX_ROWS, OPINION_ROWS, appendix
from .frame import closing, finalize, header, opening, recipients, signature
from .inputs import KINDS, Inputs, IssuedDoc, ListedNote
from .opinion import opinion_outline, secrecy_mark
from .words import cite, short_period, split_summary, unit_sentence_name
from .work import work_outline
from .writer import Writer

__all__ = ["APPENDIX_ROWS", "KINDS", "OPINION_ROWS", "Inputs", "IssuedDoc", "ListedNote", "cite",
           "compose", "finalize", "short_period", "unit_sentence_name"]


def compose(inp: Inputs, profile: Profile) -> ReportData:
    """Build the ReportData of a report; every string already final."""
    if inp.kind not in KINDS:
        raise ValueError(f"Loại báo cáo “{inp.kind}” không hợp lệ (work, opinion).")
    w = Writer(inp, profile)
    # Outline first (it decides the subject); the opening goes in front.
    summary, subject = opinion_outline(w) if inp.kind == "opinion" else work_outline(w)
    body = w.blocks
    w.blocks = []
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
        appendix=appendix(w, number_text),
        meta={"kind": inp.kind, "period": inp.period.code(), "summary": summary},
    )
    return finalize(data, profile)
