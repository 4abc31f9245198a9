"""The report register: drafts (the officer's words, regenerated freely) and
issued reports (numbered per Party-committee term, kept exactly as issued).

Numbering follows the specification: from 01, continuous for the whole term
(``UnitSettings.term_start``), never reset at the new year.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tgdesk.store.tables import ReportRow

from .context import Context
from .errors import NotFound, UserError

#: Key of ``texts`` holding the officer's versions of generated figures
#: paragraphs, by section (see services/issuing.py).
FIGURES = "figures"

KIND_LABELS = {"work": "Báo cáo công tác tuyên giáo",
               "opinion": "Báo cáo tình hình tư tưởng, dư luận xã hội"}


@dataclass
class ReportEntry:
    id: int
    uuid: str
    kind: str
    period_code: str
    cutoff: date | None
    profile: str
    texts: dict = field(default_factory=dict)
    status: str = "draft"
    number: int | None = None
    number_text: str | None = None
    issued_on: date | None = None

    @property
    def issued(self) -> bool:
        return self.status == "issued"


def _entry(row: ReportRow) -> ReportEntry:
    return ReportEntry(row.id, row.uuid, row.kind, row.period_code, row.cutoff, row.profile,
                       json.loads(row.texts or "{}"), row.status, row.number, row.number_text,
                       row.issued_on)


def _draft_row(session: Session, kind: str, period_code: str) -> ReportRow | None:
    return session.scalars(
        select(ReportRow).where(ReportRow.kind == kind, ReportRow.period_code == period_code,
                                ReportRow.status == "draft", ReportRow.deleted.is_(False))
        .order_by(ReportRow.id.desc())).first()


def draft(ctx: Context, kind: str, period_code: str) -> ReportEntry | None:
    with ctx.reading() as session:
        row = _draft_row(session, kind, period_code)
        return _entry(row) if row else None


@dataclass
class StartingPoint:
    """Where a report's words come from: this period's draft, the latest report
    of the same kind (``source``), or nothing yet (both None)."""
    texts: dict
    draft: ReportEntry | None = None
    source: ReportEntry | None = None


def starting_point(ctx: Context, kind: str, period_code: str) -> StartingPoint:
    """This period's draft if there is one, else the words of the latest report
    of the same kind (issued or draft). Edited figures paragraphs belong to
    their own period and are not carried over to another one."""
    with ctx.reading() as session:
        row = _draft_row(session, kind, period_code)
        if row is not None:
            entry = _entry(row)
            return StartingPoint(dict(entry.texts), draft=entry)
        row = session.scalars(
            select(ReportRow).where(ReportRow.kind == kind, ReportRow.deleted.is_(False))
            .order_by(ReportRow.updated_at.desc(), ReportRow.id.desc())).first()
        if row is None:
            return StartingPoint({})
        entry = _entry(row)
        texts = dict(entry.texts)
        if entry.period_code != period_code:
            texts.pop(FIGURES, None)
        return StartingPoint(texts, source=entry)


def starting_texts(ctx: Context, kind: str, period_code: str) -> dict:
    """The officer's words for a new report: this period's draft if there is one,
    else those of the latest report of the same kind (issued or draft)."""
    return starting_point(ctx, kind, period_code).texts


def save_draft(ctx: Context, kind: str, period_code: str, texts: dict, profile: str,
               cutoff: date | None = None) -> ReportEntry:
    """Create or update this period's draft; an issued report is never touched."""
    with ctx.transaction() as session:
        row = _draft_row(session, kind, period_code)
        if row is None:
            row = ReportRow(kind=kind, period_code=period_code, status="draft")
            session.add(row)
        row.texts = json.dumps(texts, ensure_ascii=False, sort_keys=True)
        row.profile = profile
        row.cutoff = cutoff
        session.flush()
        return _entry(row)


def next_number(session: Session, term_start: date | None) -> int:
    stmt = select(func.max(ReportRow.number)).where(ReportRow.status == "issued")
    stmt = stmt.where(ReportRow.term_start.is_(None) if term_start is None
                      else ReportRow.term_start == term_start)
    return (session.scalar(stmt) or 0) + 1


def record_issue(session: Session, kind: str, period_code: str, cutoff: date | None,
                 profile: str, texts: dict, term_start: date | None, number: int,
                 number_text: str, issued_on: date, data_json: str, docx: bytes | None,
                 pdf: bytes | None) -> ReportRow:
    """Store an issued report inside the caller's transaction; the draft goes."""
    draft_row = _draft_row(session, kind, period_code)
    if draft_row is not None:
        session.delete(draft_row)
    row = ReportRow(kind=kind, period_code=period_code, cutoff=cutoff, profile=profile,
                    texts=json.dumps(texts, ensure_ascii=False, sort_keys=True),
                    status="issued", term_start=term_start, number=number,
                    number_text=number_text, issued_on=issued_on, data_json=data_json,
                    docx=docx, pdf=pdf)
    session.add(row)
    session.flush()
    return row


def issued_reports(ctx: Context, kind: str | None = None) -> list[ReportEntry]:
    with ctx.reading() as session:
        stmt = select(ReportRow).where(ReportRow.status == "issued",
                                       ReportRow.deleted.is_(False))
        if kind:
            stmt = stmt.where(ReportRow.kind == kind)
        return [_entry(r) for r in session.scalars(stmt.order_by(ReportRow.id.desc()))]


def issued_files(ctx: Context, report_id: int) -> tuple[ReportEntry, bytes | None, bytes | None]:
    """An issued report and its DOCX and PDF exactly as issued."""
    with ctx.reading() as session:
        row = session.get(ReportRow, report_id)
        if row is None or row.status != "issued":
            raise NotFound(f"Không tìm thấy báo cáo đã ban hành (mã {report_id}).")
        return _entry(row), row.docx, row.pdf


def refuse_change_of_issued(entry: ReportEntry) -> None:
    if entry.issued:
        raise UserError(f"Báo cáo số {entry.number_text} đã ban hành, không sửa được; "
                        "muốn đính chính hãy lập báo cáo mới.")


def get_report(ctx: Context, report_id: int) -> ReportEntry:
    with ctx.reading() as session:
        row = session.get(ReportRow, report_id)
        if row is None or row.deleted:
            raise NotFound(f"Không tìm thấy báo cáo (mã {report_id}).")
        return _entry(row)
