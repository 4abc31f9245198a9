"""The read side of study coverage (domain/coverage.py): the documents, the active
cells with their membership history, and the sessions on each document, in a few
queries whatever the number of documents.

``origin`` as in store/stats.py: None counts this unit's own cells and sessions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from tgdesk.domain.coverage import Attended, MemberStep
from tgdesk.domain.records import Cell, PartyDocument

from . import tables as t
from .stats import origin_filter


@dataclass
class CoverageInputs:
    documents: list[PartyDocument]
    cells: list[Cell]
    history: dict[int, list[MemberStep]] = field(default_factory=dict)
    sessions: dict[int, list[Attended]] = field(default_factory=dict)   # by document id


def _document(row) -> PartyDocument:
    return PartyDocument(kind=row.kind, number_symbol=row.number_symbol, issued_on=row.issued_on,
                         issuer=row.issuer, title=row.title, active=row.active,
                         study_deadline=row.study_deadline, id=row.id, uuid=row.uuid)


def documents(session: Session, ids: Sequence[int] | None = None, inactive: bool = False
              ) -> list[PartyDocument]:
    """The unit's live documents ``ids`` (active or not), else every active one (and
    the inactive ones too with ``inactive``); newest first."""
    d = t.DocumentRow
    stmt = select(d).where(d.deleted.is_(False), origin_filter(d, None))
    if ids is not None:
        stmt = stmt.where(d.id.in_(list(ids)))
    elif not inactive:
        stmt = stmt.where(d.active.is_(True))
    return [_document(r) for r in session.scalars(stmt.order_by(d.issued_on.desc(), d.id.desc()))]


def studied_between(session: Session, start: date, end: date,
                    origin: Sequence[int] | None = None) -> list[int]:
    """Ids of the documents with a live session held in ``start``–``end``."""
    s, link = t.StudyRow, t.study_document
    return list(session.scalars(
        select(link.c.document_id).join(s, s.id == link.c.study_id)
        .where(s.deleted.is_(False), s.held_on >= start, s.held_on <= end,
               origin_filter(s, origin)).group_by(link.c.document_id)))


def deadline_between(session: Session, start: date, end: date) -> list[int]:
    """Ids of the unit's live documents whose study deadline falls in ``start``–``end``."""
    d = t.DocumentRow
    return list(session.scalars(
        select(d.id).where(d.deleted.is_(False), origin_filter(d, None),
                           d.study_deadline >= start, d.study_deadline <= end)))


def active_cells(session: Session, origin: Sequence[int] | None = None) -> list[Cell]:
    c = t.CellRow
    return [Cell(name=r.name, secretary=r.secretary, member_count=r.member_count, note=r.note,
                 active=r.active, id=r.id, uuid=r.uuid)
            for r in session.scalars(select(c).where(c.deleted.is_(False), c.active.is_(True),
                                                     origin_filter(c, origin)).order_by(c.id))]


def member_steps(session: Session, cell_ids: Sequence[int]) -> dict[int, list[MemberStep]]:
    """The live membership steps of the cells, in date order, by cell id."""
    h = t.CellMemberCountRow
    out: dict[int, list[MemberStep]] = {}
    if not cell_ids:
        return out
    for cid, day, n in session.execute(
            select(h.cell_id, h.effective_on, h.member_count)
            .where(h.deleted.is_(False), h.cell_id.in_(list(cell_ids)))
            .order_by(h.cell_id, h.effective_on)):
        out.setdefault(cid, []).append(MemberStep(day, n))
    return out


def sessions_on(session: Session, document_ids: Sequence[int], until: date,
                since: date | None = None, origin: Sequence[int] | None = None
                ) -> dict[int, list[Attended]]:
    """The live sessions on each document held up to ``until`` (from ``since``), in no
    particular order (the rule sorts them). Tens of thousands of rows on a large
    database: read as plain tuples on the session's own connection (its transaction),
    the day as its ISO text parsed here, twice as fast as through SQLAlchemy's rows."""
    out: dict[int, list[Attended]] = {i: [] for i in document_ids}
    if not document_ids:
        return out
    where = ["s.deleted = 0", "s.held_on <= ?"]
    params: list = [until.isoformat()]
    if since is not None:
        where.append("s.held_on >= ?")
        params.append(since.isoformat())
    if origin is None:
        where.append("s.origin_unit_id IS NULL")
    else:
        where.append(f"s.origin_unit_id IN ({', '.join('?' * len(origin))})")
        params += list(origin)
    where.append(f"l.document_id IN ({', '.join('?' * len(document_ids))})")
    params += list(document_ids)
    sql = ("SELECT l.document_id, s.id, s.held_on, s.cell_id, s.party_members_present, "
           f"s.party_members_expected FROM {t.study_document.name} AS l "
           f"JOIN {t.StudyRow.__tablename__} AS s ON s.id = l.study_id "
           f"WHERE {' AND '.join(where)}")
    raw = session.connection().connection.driver_connection
    day_of = date.fromisoformat
    for doc_id, sid, day, cell_id, present, expected in raw.execute(sql, params):
        out[doc_id].append(Attended(sid, day_of(day), cell_id, present or 0, expected or 0))
    return out


def coverage_inputs(session: Session, document_ids: Sequence[int] | None, until: date,
                    since: date | None = None, origin: Sequence[int] | None = None
                    ) -> CoverageInputs:
    docs = documents(session, document_ids)
    cells = active_cells(session, origin)
    return CoverageInputs(docs, cells, member_steps(session, [c.id for c in cells]),
                          sessions_on(session, [d.id for d in docs], until, since, origin))


def latest_step(session: Session, cell_id: int) -> int | None:
    """The count of the cell's latest live membership step, or None."""
    h = t.CellMemberCountRow
    return session.scalar(select(h.member_count).where(h.cell_id == cell_id,
                                                       h.deleted.is_(False))
                          .order_by(h.effective_on.desc()).limit(1))

