"""Read side for lists: ids in display order, then rows for a page of ids.

A table model holds the ids (cheap even for 100,000 records) and asks for
rows only for what is on screen. Rows are plain dicts, never ORM objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from sqlalchemy import Select, column, func, select, table, text
from sqlalchemy.orm import Session

from tgdesk.domain.filters import ListFilter

from . import tables as t
from .search import FTS_TABLES, match_expression
from .stats import origin_filter


_DATE = {"meetings": (t.MeetingRow, t.MeetingRow.held_on),
         "studies": (t.StudyRow, t.StudyRow.held_on),
         "opinions": (t.OpinionRow, t.OpinionRow.noted_on)}


def _filtered(kind: str, flt: ListFilter, stmt: Select, origin: Sequence[int] | None = None
              ) -> Select:
    """``origin``: None = this unit's own records (the default everywhere); a list of
    exchange unit ids = the records received from those units."""
    row, day = _DATE[kind]
    stmt = stmt.where(row.deleted.is_(flt.deleted), origin_filter(row, origin))
    if flt.date_from:
        stmt = stmt.where(day >= flt.date_from)
    if flt.date_to:
        stmt = stmt.where(day <= flt.date_to)
    if flt.search and (expr := match_expression(flt.search)):
        fts = table(FTS_TABLES[kind], column("rowid"))
        hits = select(fts.c.rowid).where(text(f"{FTS_TABLES[kind]} MATCH :q").bindparams(q=expr))
        stmt = stmt.where(row.id.in_(hits))
    return stmt


def record_ids(session: Session, kind: str, flt: ListFilter,
               origin: Sequence[int] | None = None) -> list[int]:
    """Ids of the matching records, newest first."""
    row, day = _DATE[kind]
    stmt = _filtered(kind, flt, select(row.id), origin).order_by(day.desc(), row.id.desc())
    return list(session.scalars(stmt))


def count(session: Session, kind: str, flt: ListFilter, origin: Sequence[int] | None = None
          ) -> int:
    row, _ = _DATE[kind]
    return session.scalar(_filtered(kind, flt, select(func.count(row.id)), origin)) or 0


def _by_id(rows: Sequence[dict], ids: Sequence[int]) -> list[dict]:
    index = {r["id"]: r for r in rows}
    return [index[i] for i in ids if i in index]


def meeting_rows(session: Session, ids: Sequence[int]) -> list[dict]:
    m = t.MeetingRow
    stmt = select(m.id, m.uuid, m.held_on, m.meeting_type, m.title, m.place, m.chaired_by,
                  m.participants, m.attendance, m.contributions, m.contents, m.conclusions,
                  m.classification, m.deleted, m.created_at, m.updated_at).where(m.id.in_(ids))
    return _by_id([dict(r._mapping) for r in session.execute(stmt)], ids)


def study_rows(session: Session, ids: Sequence[int]) -> list[dict]:
    s, c, p = t.StudyRow, t.CellRow, t.PersonRow
    stmt = (select(s.id, s.uuid, s.held_on, s.title, s.cell_id, c.name.label("cell"), s.form,
                   s.speaker_id, func.coalesce(p.full_name, s.speaker_name).label("speaker"),
                   s.place, s.key_cadres, s.party_members_expected, s.party_members_present,
                   s.non_party_officials, s.core_masses, s.union_members, s.reflections, s.note,
                   s.classification, s.deleted, s.created_at, s.updated_at)
            .outerjoin(c, c.id == s.cell_id).outerjoin(p, p.id == s.speaker_id)
            .where(s.id.in_(ids)))
    rows = [dict(r._mapping) for r in session.execute(stmt)]
    docs: dict[int, list[str]] = {}
    doc_stmt = (select(t.study_document.c.study_id, t.DocumentRow.number_symbol)
                .join(t.DocumentRow, t.DocumentRow.id == t.study_document.c.document_id)
                .where(t.study_document.c.study_id.in_(ids))
                .order_by(t.study_document.c.study_id, t.DocumentRow.id))
    for study_id, symbol in session.execute(doc_stmt):
        docs.setdefault(study_id, []).append(symbol)
    for r in rows:
        r["documents"] = docs.get(r["id"], [])
    return _by_id(rows, ids)


def opinion_rows(session: Session, ids: Sequence[int]) -> list[dict]:
    o, a, p, k = t.OpinionRow, t.AreaRow, t.PersonRow, t.CategoryRow
    stmt = (select(o.id, o.uuid, o.noted_on, o.area_id, a.name.label("area"), o.reporter_id,
                   p.full_name.label("reporter"), o.category_id, k.name.label("category"),
                   o.source, o.summary, o.attitude, o.concern, o.proposal, o.follow_up,
                   o.passed_to, o.due_on, o.classification, o.deleted, o.created_at,
                   o.updated_at)
            .outerjoin(a, a.id == o.area_id).outerjoin(p, p.id == o.reporter_id)
            .join(k, k.id == o.category_id)
            .where(o.id.in_(ids)))
    return _by_id([dict(r._mapping) for r in session.execute(stmt)], ids)


ROWS = {"meetings": meeting_rows, "studies": study_rows, "opinions": opinion_rows}


def catalogue_rows(session: Session, kind: str, include_inactive: bool = True) -> list[dict]:
    """All live rows of one catalogue, in a stable display order."""
    row = {"cells": t.CellRow, "areas": t.AreaRow, "documents": t.DocumentRow,
           "people": t.PersonRow, "categories": t.CategoryRow}[kind]
    stmt = select(row).where(row.deleted.is_(False), row.origin_unit_id.is_(None))
    if not include_inactive:
        stmt = stmt.where(row.active.is_(True))
    order = {"documents": (t.DocumentRow.issued_on.desc(), t.DocumentRow.id),
             "people": (t.PersonRow.full_name, t.PersonRow.id)}.get(kind, (row.id,))
    out = []
    for obj in session.scalars(stmt.order_by(*order)):
        out.append({c.key: getattr(obj, c.key) for c in obj.__table__.columns})
    return out
