"""What the report screen opens for a kind and period, and the line saying what it
is; the line saying which report is due when the screen opens on it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from tgdesk import vnformat as vf
from tgdesk.domain.period import Period
from tgdesk.services import register
from tgdesk.services.context import Context
from tgdesk.services.register import KIND_LABELS, DueReport, ReportEntry

from tgdesk.ui.reports.report_register import period_text


@dataclass(frozen=True)
class Opening:
    texts: dict                    # the officer's words
    cutoff: date | None            # the cut-off date kept with them
    frozen: ReportEntry | None     # the issued report shown, read-only
    state: str                     # what is shown, in words


def opening(ctx: Context, kind: str, period: Period) -> Opening:
    """The period's draft; else its issued report (frozen); else a new draft
    started from the words of the last report of the same kind."""
    code = period.code()
    draft = register.draft(ctx, kind, code)
    issued = [e for e in register.issued_reports(ctx, kind) if e.period_code == code]
    if draft is not None:
        state = "Bản nháp (đã lưu)."
        if issued:
            state = (f"Bản nháp đính chính; kỳ này đã ban hành Số {issued[0].number_text} "
                     f"ngày {vf.short_date(issued[0].issued_on)}.")
        return Opening(draft.texts, draft.cutoff, None, state)
    if issued:
        frozen = issued[0]
        state = (f"Đã ban hành: Số {frozen.number_text} ngày "
                 f"{vf.short_date(frozen.issued_on)}. Báo cáo đã ban hành không sửa "
                 "được; muốn đính chính, bấm “Lập báo cáo mới từ bản này”.")
        return Opening(frozen.texts, frozen.cutoff, frozen, state)
    start = register.starting_point(ctx, kind, code)
    state = "Bản nháp mới."
    if start.source is not None:
        src = start.source
        what = (f"báo cáo Số {src.number_text}" if src.issued else "bản nháp")
        state += (f" Lời văn lấy từ {what} {period_text(src.period_code).lower()}; "
                  "đồng chí sửa lại cho kỳ này.")
    return Opening(start.texts, None, None, state)


def due_text(due: DueReport) -> str:
    """The line above the report the screen opens on: which report is due, and when
    ("Báo cáo quá hạn: … – quá hạn 12 ngày (hạn nộp 20/11/2026).")."""
    what = f"{KIND_LABELS.get(due.kind, due.kind)} {due.period.label()}"
    if due.days_left < 0:
        return (f"Báo cáo quá hạn: {what} – quá hạn {-due.days_left} ngày (hạn nộp "
                f"{vf.short_date(due.due)}).")
    when = ("hạn nộp hôm nay" if due.days_left == 0
            else f"hạn nộp {vf.short_date(due.due)}, còn {due.days_left} ngày")
    return f"Báo cáo đến hạn: {what} – {when}."
