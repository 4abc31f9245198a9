"""The report register: drafts (the officer's words, regenerated freely) and
issued reports (numbered per Party-committee term, kept exactly as issued).
A pending report holds its number while its files are being written
(services/pending_issue.py); it is not in the register until issued.

Numbering follows the specification: from 01, continuous for the whole term
(``UnitSettings.term_start``), never reset at the new year.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tgdesk.domain.period import Period
from tgdesk.domain.roles import Permission
from tgdesk.store.tables import ReportRow

from .context import Context
from .errors import NotFound, UserError

PENDING = "pending"   # numbered and stored, files being written (not yet issued)

#: Key of ``texts`` holding the officer's versions of generated figures
#: paragraphs, by section (see services/issuing.py).
FIGURES = "figures"

#: Key of ``texts`` holding the ids of the bức xúc notes and hot spots the
#: officer left out of the opinion report (services/reports.py).
EXCLUDED_NOTES = "excluded_notes"

KIND_LABELS = {"work": "Báo cáo công tác tuyên giáo",
               "opinion": "Báo cáo tình hình tư tưởng, dư luận xã hội",
               "campaign": "Báo cáo kết quả tuyên truyền"}


def kind_label(kind: str) -> str:
    """The label of a register kind; a campaign report's kind names its campaign
    ("campaign:12", services/campaign_report.py) and reads as "campaign"."""
    return KIND_LABELS.get(kind.split(":", 1)[0], kind)


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
    duplicate_of: int | None = None   # issued with the number of this earlier report

    @property
    def issued(self) -> bool:
        return self.status == "issued"


def _entry(row: ReportRow) -> ReportEntry:
    return ReportEntry(row.id, row.uuid, row.kind, row.period_code, row.cutoff, row.profile,
                       json.loads(row.texts or "{}"), row.status, row.number, row.number_text,
                       row.issued_on, row.duplicate_of)


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
    of the same kind (issued or draft). Edited figures paragraphs and the notes
    left out belong to their own period and are not carried over to another one."""
    with ctx.reading() as session:
        row = _draft_row(session, kind, period_code)
        if row is not None:
            entry = _entry(row)
            return StartingPoint(dict(entry.texts), draft=entry)
        row = session.scalars(
            select(ReportRow).where(ReportRow.kind == kind, ReportRow.deleted.is_(False),
                                    ReportRow.status != PENDING)
            .order_by(ReportRow.updated_at.desc(), ReportRow.id.desc())).first()
        if row is None:
            return StartingPoint({})
        entry = _entry(row)
        texts = dict(entry.texts)
        if entry.period_code != period_code:
            texts.pop(FIGURES, None)
            texts.pop(EXCLUDED_NOTES, None)
        return StartingPoint(texts, source=entry)


def starting_texts(ctx: Context, kind: str, period_code: str) -> dict:
    """The officer's words for a new report: this period's draft if there is one,
    else those of the latest report of the same kind (issued or draft)."""
    return starting_point(ctx, kind, period_code).texts


def save_draft(ctx: Context, kind: str, period_code: str, texts: dict, profile: str,
               cutoff: date | None = None) -> ReportEntry:
    """Create or update this period's draft; an issued report is never touched."""
    ctx.require(Permission.WRITE_RECORDS)
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
    """The next free number of the term: a pending report's number is taken."""
    stmt = select(func.max(ReportRow.number)).where(ReportRow.status.in_(("issued", PENDING)))
    stmt = stmt.where(ReportRow.term_start.is_(None) if term_start is None
                      else ReportRow.term_start == term_start)
    return (session.scalar(stmt) or 0) + 1


def record_issue(session: Session, kind: str, period_code: str, cutoff: date | None,
                 profile: str, texts: dict, term_start: date | None, number: int,
                 number_text: str, issued_on: date, data_json: str, docx: bytes | None,
                 pdf: bytes | None, pending_files: str | None = None) -> ReportRow:
    """Store a report inside the caller's transaction: issued (the draft goes),
    or pending when ``pending_files`` (JSON of the files to write) is given -
    see mark_issued. The unique index refuses a number already taken
    (IntegrityError at the flush)."""
    row = ReportRow(kind=kind, period_code=period_code, cutoff=cutoff, profile=profile,
                    texts=json.dumps(texts, ensure_ascii=False, sort_keys=True),
                    status=PENDING if pending_files is not None else "issued",
                    term_start=term_start, number=number, number_text=number_text,
                    issued_on=issued_on, data_json=data_json, docx=docx, pdf=pdf,
                    pending_files=pending_files)
    session.add(row)
    session.flush()
    if pending_files is None:
        _drop_draft(session, kind, period_code)
    return row


def _drop_draft(session: Session, kind: str, period_code: str) -> None:
    draft_row = _draft_row(session, kind, period_code)
    if draft_row is not None:
        session.delete(draft_row)
        session.flush()


def mark_issued(session: Session, report_id: int) -> ReportRow | None:
    """A pending report becomes issued (its files are written); the draft goes.
    None when the row is no longer pending."""
    row = session.get(ReportRow, report_id)
    if row is None or row.status != PENDING:
        return None
    row.status = "issued"
    row.pending_files = None
    session.flush()
    _drop_draft(session, row.kind, row.period_code)
    return row


def drop_pending(session: Session, report_id: int) -> bool:
    """Forget a pending report (its files were not written): the number is free
    again. False when the row is no longer pending."""
    row = session.get(ReportRow, report_id)
    if row is None or row.status != PENDING:
        return False
    session.delete(row)
    session.flush()
    return True


def pending_rows(session: Session) -> list[ReportRow]:
    return list(session.scalars(select(ReportRow).where(ReportRow.status == PENDING)
                                .order_by(ReportRow.id)))


def issued_reports(ctx: Context, kind: str | None = None) -> list[ReportEntry]:
    with ctx.reading() as session:
        stmt = select(ReportRow).where(ReportRow.status == "issued",
                                       ReportRow.deleted.is_(False))
        if kind:
            stmt = stmt.where(ReportRow.kind == kind)
        return [_entry(r) for r in session.scalars(stmt.order_by(ReportRow.id.desc()))]


def issued_files(ctx: Context, report_id: int) -> tuple[ReportEntry, bytes | None, bytes | None]:
    """An issued report and its DOCX and PDF exactly as issued. A report marked
    MẬT (it quotes Mật notes) is refused to a person who may not read them."""
    with ctx.reading() as session:
        row = session.get(ReportRow, report_id)
        if row is None or row.status != "issued":
            raise NotFound(f"Không tìm thấy báo cáo đã ban hành (mã {report_id}).")
        if _marked_secret(row):
            ctx.require(Permission.READ_SECRET)
        return _entry(row), row.docx, row.pdf


def _marked_secret(row: ReportRow) -> bool:
    """Whether the report as issued carries the MẬT mark (its data says so)."""
    try:
        data = json.loads(row.data_json or "{}")
        return bool(data.get("header", {}).get("secrecy_mark"))
    except (ValueError, AttributeError):
        return True         # unreadable: keep it from those who may not read Mật


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



@dataclass(frozen=True)
class DueReport:
    """A report to write now: its kind, period, due date and days left (negative: overdue)."""
    kind: str
    period: Period
    due: date
    days_left: int


def due_report(ctx: Context) -> DueReport | None:
    """The report the officer should write now: the earliest overdue one, else the
    next one due (the overview's "Hạn nộp báo cáo", services/overview.py); the
    first kind of that period not issued yet. None when every report listed is issued."""
    from .overview import REPORT_KINDS, deadlines     # the overview lists the register's states

    for row in deadlines(ctx):
        if row.done:
            continue
        kind = next(k for k in REPORT_KINDS if row.state(k).status != "issued")
        return DueReport(kind, row.period, row.due, row.days_left)
    return None
