"""Read side for lists: ids in display order, then rows for a page of ids.

A table model holds the ids (cheap even for 100,000 records) and asks for
rows only for what is on screen. Rows are plain dicts, never ORM objects.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from functools import cache

from sqlalchemy import (ColumnElement, Connection, Select, case, column, func, null, select,
                        table, text)
from sqlalchemy.orm import Session

from tgdesk.domain.enums import (Attitude, Classification, Concern, FollowUp, MeetingType,
                                 OpinionSource, StudyForm)
from tgdesk.domain.filters import ListFilter

from . import tables as t
from . import activity_queries as aq
from .search import FTS_TABLES, match_expression, rank_expression
from .sort_sql import catalogue_rank, leading_text_key, rank, text_key
from .stats import origin_filter


_DATE = {"meetings": (t.MeetingRow, t.MeetingRow.held_on),
         "studies": (t.StudyRow, t.StudyRow.held_on),
         "opinions": (t.OpinionRow, t.OpinionRow.noted_on), **aq.DATES}

RESOLVED = FollowUp.DA_GIAI_QUYET.value
OPEN = "open"           # ListFilter.follow_up: every status but resolved


def _filtered(kind: str, flt: ListFilter, stmt: Select, origin: Sequence[int] | None = None,
              today: date | None = None) -> Select:
    """Apply every field of ``flt`` that concerns ``kind`` (the others are ignored).

    ``origin``: None = this unit's own records (the default everywhere); a list of
    exchange unit ids = the records received from those units. ``today`` decides
    what is overdue (``flt.overdue``); without it the system date is used."""
    row, day = _DATE[kind]
    stmt = stmt.where(row.deleted.is_(flt.deleted), origin_filter(row, origin))
    if flt.date_from:
        stmt = stmt.where(day >= flt.date_from)
    if flt.date_to:
        stmt = stmt.where(day <= flt.date_to)
    if kind == "meetings" and flt.meeting_type:
        stmt = stmt.where(row.meeting_type == flt.meeting_type)
    if kind == "studies":
        if flt.study_form:
            stmt = stmt.where(row.form == flt.study_form)
        if flt.cell_id is not None:
            stmt = stmt.where(row.cell_id == flt.cell_id)
    if kind == "opinions":
        o = t.OpinionRow
        for value, col in ((flt.area_id, o.area_id), (flt.category_id, o.category_id),
                           (flt.attitude, o.attitude), (flt.concern, o.concern)):
            if value is not None and value != "":
                stmt = stmt.where(col == value)
        if flt.follow_up == OPEN:
            stmt = stmt.where(o.follow_up != RESOLVED)
        elif flt.follow_up:
            stmt = stmt.where(o.follow_up == flt.follow_up)
        if flt.overdue:
            stmt = stmt.where(o.due_on.is_not(None), o.due_on < (today or date.today()),
                              o.follow_up != RESOLVED)
    if kind in aq.DATES:
        stmt = aq.filtered(kind, flt, stmt)
    if flt.search and (expr := match_expression(flt.search)):
        stmt = stmt.where(row.id.in_(_hits(kind, expr, "q")))
    return stmt


def _hits(kind: str, expr: str, name: str) -> Select:
    fts = table(FTS_TABLES[kind], column("rowid"))
    return select(fts.c.rowid).where(text(f"{FTS_TABLES[kind]} MATCH :{name}")
                                     .bindparams(**{name: expr}))


# --- sorting -----------------------------------------------------------------
# A list can be sorted by any of its columns (ListFilter.sort = the column key,
# the keys of the row dicts below). Coded values sort in their enum order (a
# concern from low to hot spot, a follow-up from new to resolved); text sorts
# without regard to case and diacritics (tg_fold), catalogue names by a rank
# computed once per catalogue row, not once per record. Ties fall back to the
# newest first, then the id, so the order is stable.

_rank, _catalogue_rank, _text_key = rank, catalogue_rank, text_key


def _leading_text_key(kind: str) -> ColumnElement:
    return leading_text_key(kind, _DATE[kind][0])


# Built once per kind (read only): rebuilding these expressions cost milliseconds
# on every list query.
@cache
def _sort_keys(kind: str) -> dict[str, ColumnElement]:
    if kind in aq.DATES:
        return aq.sort_keys(kind)
    if kind == "meetings":
        m = t.MeetingRow
        return {"held_on": m.held_on, "meeting_type": _rank(m.meeting_type, MeetingType),
                "title": _leading_text_key(kind), "place": _text_key(m.place),
                "chaired_by": _text_key(m.chaired_by), "attendance": m.attendance,
                "contributions": m.contributions,
                "classification": _rank(m.classification, Classification)}
    if kind == "studies":
        s, d, sd, p = t.StudyRow, t.DocumentRow, t.study_document, t.PersonRow
        first_doc = (select(func.min(d.number_symbol)).join(sd, sd.c.document_id == d.id)
                     .where(sd.c.study_id == s.id).scalar_subquery())
        speaker = func.coalesce(select(p.full_name).where(p.id == s.speaker_id)
                                .scalar_subquery(), s.speaker_name)
        total = (s.key_cadres + s.party_members_present + s.non_party_officials
                 + s.core_masses + s.union_members)
        return {"held_on": s.held_on, "title": _leading_text_key(kind),
                "documents": _text_key(first_doc),
                # no cell = the whole Party committee, shown first
                "cell": func.coalesce(_catalogue_rank(t.CellRow, t.CellRow.name, s.cell_id), 0),
                "speaker": _text_key(speaker), "form": _rank(s.form, StudyForm),
                "party_members_present": s.party_members_present,
                "rate": s.party_members_present * 1.0 / func.nullif(s.party_members_expected, 0),
                "total": total}
    o = t.OpinionRow
    return {"noted_on": o.noted_on,
            "category": _catalogue_rank(t.CategoryRow, t.CategoryRow.name, o.category_id),
            "summary": _leading_text_key(kind),
            "area": _catalogue_rank(t.AreaRow, t.AreaRow.name, o.area_id),
            "attitude": _rank(o.attitude, Attitude), "concern": _rank(o.concern, Concern),
            "follow_up": _rank(o.follow_up, FollowUp), "due_on": o.due_on,
            "source": _rank(o.source, OpinionSource)}


def sort_keys(kind: str) -> list[str]:
    """The column keys a list of ``kind`` can be sorted by."""
    return list(_sort_keys(kind))


def _order(kind: str, flt: ListFilter) -> list:
    row, day = _DATE[kind]
    key = _sort_keys(kind).get(flt.sort) if flt.sort else None
    if key is None or flt.sort in ("held_on", "noted_on"):
        direction = (day.desc(), row.id.desc()) if flt.descending else (day.asc(), row.id.asc())
        return list(direction)
    # Empty values last whichever way the list is sorted.
    first = key.desc().nulls_last() if flt.descending else key.asc().nulls_last()
    return [first, day.desc(), row.id.desc()]


def _phrase_hit(kind: str, flt: ListFilter) -> ColumnElement | None:
    """``id IN (the records whose text holds the searched words together, as a
    phrase, accent-folded)``: those rank first. None when nothing ranks: no search
    of two words or more, quotes typed (only phrases match then), or a sort asked
    for other than the default, newest first (a column the user sorts by wins)."""
    default = (flt.sort is None or flt.sort in ("held_on", "noted_on")
               or flt.sort not in _sort_keys(kind))
    if not (flt.search and default and flt.descending):
        return None
    expr = rank_expression(flt.search)
    if expr is None:
        return None
    row, _ = _DATE[kind]
    return row.id.in_(_hits(kind, expr, "rank_q"))


def ranked_ids(session: Session, kind: str, flt: ListFilter,
               origin: Sequence[int] | None = None, today: date | None = None,
               limit: int | None = None) -> tuple[list[int], int | None]:
    """Ids of the matching records in the order asked (newest first by default),
    and how many of them, at the head, hold the searched words together (None
    when the order is not ranked, see ``_phrase_hit``).

    ``limit``: only the first ``limit`` ids, exactly the head of the whole list (a
    list's first page, shown before the rest is counted); the phrase count then
    counts among them. Ids come back in one fetch (fetchall), never row by row."""
    row, _ = _DATE[kind]
    phrase = _phrase_hit(kind, flt)
    order = _order(kind, flt)
    conn = session.connection()
    base = _filtered(kind, flt, select(row.id), origin, today)
    if phrase is None:
        return [r[0] for r in _fetch_all(conn, base.order_by(*order).limit(limit))], None
    if limit is not None:
        # The phrase matches, then the others, each newest first: two LIMIT queries
        # that walk the list's date index and stop as soon as the page is full,
        # where ORDER BY rank would rank and sort every match first.
        ids = [r[0] for r in _fetch_all(conn, base.where(phrase).order_by(*order).limit(limit))]
        lead = len(ids)
        if lead < limit:
            ids += [r[0] for r in _fetch_all(conn, base.where(~phrase).order_by(*order)
                                             .limit(limit - lead))]
        return ids, lead
    rank = case((phrase, 0), else_=1)
    rows = _fetch_all(conn, base.add_columns(rank).order_by(rank, *order))
    return [r[0] for r in rows], sum(1 for r in rows if r[1] == 0)


def _fetch_all(conn: Connection, stmt: Select) -> list[tuple]:
    """Every row of ``stmt`` as plain tuples, in one ``fetchall`` on the driver's
    cursor: for columns that need no conversion (ids, ranks), SQLAlchemy's row
    processing would double the time of 100,000 ids."""
    result = conn.execute(stmt)
    try:
        return result.cursor.fetchall()
    finally:
        result.close()


def record_ids(session: Session, kind: str, flt: ListFilter,
               origin: Sequence[int] | None = None, today: date | None = None) -> list[int]:
    """Ids of the matching records in the order asked (newest first by default;
    a search's phrase matches first then, see ``ranked_ids``)."""
    return ranked_ids(session, kind, flt, origin, today)[0]


def count(session: Session, kind: str, flt: ListFilter, origin: Sequence[int] | None = None,
          today: date | None = None) -> int:
    row, _ = _DATE[kind]
    return session.scalar(_filtered(kind, flt, select(func.count(row.id)), origin, today)) or 0


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


ROWS = {"meetings": meeting_rows, "studies": study_rows, "opinions": opinion_rows, **aq.ROWS}


def catalogue_rows(session: Session, kind: str, include_inactive: bool = True) -> list[dict]:
    """All live rows of one catalogue, in a stable display order."""
    row = {"cells": t.CellRow, "areas": t.AreaRow, "documents": t.DocumentRow,
           "people": t.PersonRow, "categories": t.CategoryRow, "campaigns": t.CampaignRow}[kind]
    stmt = select(row).where(row.deleted.is_(False), row.origin_unit_id.is_(None))
    if not include_inactive:
        stmt = stmt.where(row.active.is_(True))
    order = {"documents": (t.DocumentRow.issued_on.desc(), t.DocumentRow.id),
             "people": (t.PersonRow.full_name, t.PersonRow.id),
             # campaigns: the latest first, the recurring themes (no dates) after them
             "campaigns": (t.CampaignRow.starts_on.is_(None), t.CampaignRow.starts_on.desc(),
                           t.CampaignRow.id)}.get(kind, (row.id,))
    out = []
    for obj in session.scalars(stmt.order_by(*order)):
        out.append({c.key: getattr(obj, c.key) for c in obj.__table__.columns})
    return out


def record_keys(session: Session, kind: str, date_from: date, date_to: date,
                origin: Sequence[int] | None = None) -> list[tuple]:
    """``(id, day, place id, text)`` of every live record of ``kind`` dated from
    ``date_from`` to ``date_to``: what a likely duplicate is compared on
    (services/duplicates.py). The place is a study's cell, an opinion's area, None
    for a meeting; the text is a meeting's or study's title, an opinion's summary.
    ``origin`` as in the lists: None = own records, else those received from
    the units. One query for the whole range, however many records an import holds."""
    row, day = _DATE[kind]
    place, text_col = {"meetings": (None, t.MeetingRow.title),
                       "studies": (t.StudyRow.cell_id, t.StudyRow.title),
                       "opinions": (t.OpinionRow.area_id, t.OpinionRow.summary),
                       **aq.DUPLICATE_KEYS}[kind]
    cols = [row.id, day, place if place is not None else null(), text_col]
    stmt = (select(*cols)
            .where(row.deleted.is_(False), origin_filter(row, origin),
                   day >= date_from, day <= date_to)
            .order_by(row.id))
    return [tuple(r) for r in session.connection().execute(stmt)]
